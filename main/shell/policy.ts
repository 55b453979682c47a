import type { WindowRole } from '../core/contract';

/**
 * The Electron shell's security decisions as plain data and pure functions, so that they
 * are read and tested under Node. main/windows.ts, main/ipc.ts and main/index.ts only
 * apply them; none of them decides anything on its own.
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'mizban';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * The renderer's own scheme. Standard gives it a real origin and relative URLs; secure
 * makes it a secure context like https; fetch reads the app's own files. It does not
 * bypass CSP: the policy readAppFile sends is the one that holds.
 */
export const APP_SCHEME_DEFINITION = {
  scheme: APP_SCHEME,
  privileges: {
    standard: true,
    secure: true,
    supportFetchAPI: true,
    bypassCSP: false,
    corsEnabled: false,
    allowServiceWorkers: false,
    stream: false,
  },
} as const;

/** The window background before the first paint: the renderer's --paper, so no white flash. */
export const WINDOW_BACKGROUND = '#f5f7f9';

export interface SecureWebPreferences {
  contextIsolation: true;
  sandbox: true;
  nodeIntegration: false;
  nodeIntegrationInWorker: false;
  nodeIntegrationInSubFrames: false;
  webSecurity: true;
  allowRunningInsecureContent: false;
  webviewTag: false;
  spellcheck: false;
  navigateOnDragDrop: false;
  safeDialogs: true;
  devTools: boolean;
  preload: string;
}

/** The page gets the web platform and the preload's bridge, nothing of Node. */
export function secureWebPreferences(preloadPath: string, devTools: boolean): SecureWebPreferences {
  return {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    devTools,
    preload: preloadPath,
  };
}

interface CommonWindowOptions {
  title: string;
  show: false;
  backgroundColor: string;
  webPreferences: SecureWebPreferences;
}

/** A citizen's screen: the whole display, no frame to drag, close or minimise. */
export interface KioskWindowOptions extends CommonWindowOptions, Partial<ScreenBounds> {
  kiosk: true;
  fullscreen: true;
  frame: false;
  resizable: false;
  movable: false;
  minimizable: false;
  maximizable: false;
}

/** A clerk's or supervisor's window: an ordinary desktop window without a menu bar. */
export interface DeskWindowOptions extends CommonWindowOptions {
  x?: number;
  y?: number;
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
  autoHideMenuBar: true;
}

export interface WindowPolicyOptions {
  packaged: boolean;
  preloadPath: string;
}

/** A rectangle of the screen in DIP, as Electron's Display.bounds gives it. */
export interface ScreenBounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The BrowserWindow options for a role. Hidden until ready-to-show, so no half-drawn frame is seen.
 * With bounds the window opens there: a kiosk window then fills the display those bounds are on
 * (full screen is that of the window's own display), as the customer display does.
 */
export function windowOptions(
  role: WindowRole,
  { packaged, preloadPath }: WindowPolicyOptions,
  bounds?: ScreenBounds,
): KioskWindowOptions | DeskWindowOptions {
  const common: CommonWindowOptions = {
    title: 'Mizban',
    show: false,
    backgroundColor: WINDOW_BACKGROUND,
    // Developer tools only when running from the sources.
    webPreferences: secureWebPreferences(preloadPath, !packaged),
  };
  if (role === 'kiosk') {
    return {
      ...common,
      kiosk: true,
      fullscreen: true,
      frame: false,
      resizable: false,
      movable: false,
      minimizable: false,
      maximizable: false,
      ...bounds,
    };
  }
  return { ...common, width: 1920, height: 1080, minWidth: 1024, minHeight: 700, autoHideMenuBar: true, ...bounds };
}

/**
 * Whether a URL is the app's own: the app scheme on its one host, without credentials or
 * a port that could make a look-alike (app://mizban.evil/, app://mizban@evil/).
 */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === '' &&
    parsed.port === ''
  );
}

/** A window never leaves the app: no web page, no file, no javascript: or data: URL. */
export function isAllowedNavigation(url: string): boolean {
  return isAppUrl(url);
}

/**
 * What a page may download: a Blob it made (blob:app://mizban/…, the admin face's exports) or one
 * of the app's own files. A Blob of any other origin, a web page, a file: or data: URL is refused.
 */
export function isAllowedDownloadUrl(url: string): boolean {
  if (isAppUrl(url)) return true;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  // A blob: URL's origin is the URL inside it; the WHATWG parser gives app:// Blobs an opaque one.
  return parsed.protocol === 'blob:' && isAppUrl(parsed.pathname);
}

/** No page ever opens another window; links out are not part of any face. */
export function windowOpenDecision(): { action: 'deny' } {
  return { action: 'deny' };
}

/**
 * Web permissions the faces may use: none. Devices (printers, scanners) are reached by the
 * core in the main process, never by the page; granting one is a decision made here.
 */
const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set();

/** The answer to every permission request and permission check. */
export function permissionDecision(permission: string): boolean {
  return GRANTED_PERMISSIONS.has(permission);
}

/** Only the app's own top frame speaks for a window: never a subframe, never a page that is not the app's. */
export function isAllowedIpcSender(frameUrl: string, isMainFrame: boolean): boolean {
  return isMainFrame && isAppUrl(frameUrl);
}
