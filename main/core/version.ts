import { version } from '../../package.json';

/** The app's version, from package.json, for the core's health answer outside Electron. */
export const APP_VERSION: string = version;
