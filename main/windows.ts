import { BrowserWindow, type Session, type WebContents } from 'electron';
import type { WindowRole } from './core/contract';
import { facePath } from './shell/caller';
import {
  APP_ORIGIN,
  isAllowedNavigation,
  permissionDecision,
  windowOpenDecision,
  windowOptions,
  type WindowPolicyOptions,
} from './shell/policy';

/** The role each window was opened with, by its webContents id: ipc.ts asks here, never the renderer. */
const roles = new Map<number, WindowRole>();

export function roleOfWebContents(id: number): WindowRole | undefined {
  return roles.get(id);
}

/** Keeps a webContents inside the app: no navigation away, no new windows, no <webview>. */
export function guardWebContents(contents: WebContents): void {
  const refuse = (event: { url: string; preventDefault(): void }) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  };
  contents.on('will-navigate', refuse);
  contents.on('will-redirect', refuse);
  contents.setWindowOpenHandler(windowOpenDecision);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

function denyPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(permissionDecision(permission)));
  session.setPermissionCheckHandler((_contents, permission) => permissionDecision(permission));
  session.setDevicePermissionHandler((details) => permissionDecision(details.deviceType));
}

/** The one way a window is made: locked down, its role recorded, showing its face. */
export function createWindow(role: WindowRole, options: WindowPolicyOptions): BrowserWindow {
  const win = new BrowserWindow(windowOptions(role, options));
  const contents = win.webContents;
  const id = contents.id;
  roles.set(id, role);
  contents.once('destroyed', () => roles.delete(id));

  win.removeMenu();
  guardWebContents(contents);
  denyPermissions(contents.session);

  const url = APP_ORIGIN + facePath(role);
  const load = () => contents.loadURL(url).catch((error: unknown) => console.error('[mizban] load failed', error));
  win.once('ready-to-show', () => win.show());
  // A kiosk nobody attends must not stay on a dead page: a crashed renderer gets its face back.
  contents.on('render-process-gone', (_event, details) => {
    console.error('[mizban] renderer gone:', details.reason);
    if (details.reason !== 'clean-exit') void load();
  });
  void load();
  return win;
}
