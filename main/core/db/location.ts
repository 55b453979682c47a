import os from 'node:os';
import path from 'node:path';

export const APP_NAME = 'Mizban';
export const DB_ENV = 'MIZBAN_DB';
export const DB_FILE_NAME = 'mizban.sqlite';

/**
 * The user data folder, as Electron's app.getPath('userData') gives it for an app named
 * Mizban, so that Electron, the Chromium shell and the command line share one file.
 */
export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', APP_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), APP_NAME);
}

/** --db wins, then MIZBAN_DB, then the user data folder. */
export function resolveDatabasePath(
  flag: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
  dataDir: string = userDataDir(env),
): string {
  const chosen = flag ?? env[DB_ENV];
  return path.resolve(chosen && chosen.length > 0 ? chosen : path.join(dataDir, DB_FILE_NAME));
}
