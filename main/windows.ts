import { BrowserWindow, powerSaveBlocker, type Session, type WebContents } from 'electron';
import type { WindowRole } from './core/contract';
import { REPEATED_CRASHES_EVENT } from './core/contract/kiosk';
import type { Logger } from './core/logs/rotating-log';
import { facePath, type ExtraFace } from './shell/caller';
import { isBlockedKey } from './shell/keys';
import { closeDecision, downloadDecision, KIOSK_ZOOM, powerSaveBlockerType } from './shell/lockdown';
import {
  APP_ORIGIN,
  isAllowedNavigation,
  permissionDecision,
  windowOpenDecision,
  windowOptions,
  type ScreenBounds,
  type WindowPolicyOptions,
} from './shell/policy';
import { describeCrash, onRendererGone, RESTART_POLICY } from './shell/restart';

/** The role each window was opened with, by its webContents id: ipc.ts asks here, never the renderer. */
const roles = new Map<number, WindowRole>();

export function roleOfWebContents(id: number): WindowRole | undefined {
  return roles.get(id);
}

/** Kiosk windows still locked, by webContents id; the exit PIN unlocks them (unlockKiosk). */
const lockedKiosks = new Set<number>();
/** Set when the app itself quits (OS shutdown, an update being installed): then a kiosk window may close. */
let quitting = false;

export function allowQuit(): void {
  quitting = true;
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

const lockedSessions = new WeakSet<Session>();

/**
 * Every permission denied; each download decided by the window that started it, since the windows
 * share a session. Once per session.
 */
function lockSession(session: Session): void {
  if (lockedSessions.has(session)) return;
  lockedSessions.add(session);
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(permissionDecision(permission)));
  session.setPermissionCheckHandler((_contents, permission) => permissionDecision(permission));
  session.setDevicePermissionHandler((details) => permissionDecision(details.deviceType));
  session.on('will-download', (event, item, contents) => {
    // 'ask' sets no save path: Electron then shows the OS's save dialog over the window, in the
    // Downloads folder, with the page's file name.
    if (downloadDecision({ role: roleOfWebContents(contents.id), url: item.getURL() }) === 'cancel') {
      event.preventDefault();
      item.cancel();
    }
  });
}

export interface WindowHooks {
  log: Logger;
  /** Any key press, touch or click in the window: the update gate waits for quiet. */
  onInput?: () => void;
  /** The page was reloaded to its home screen after a crash. */
  onReloaded?: (role: WindowRole) => void;
}

/** A crashed or hung page comes back on its face's home screen; repeated crashes wait longer and are logged. */
function superviseRenderer(win: BrowserWindow, role: WindowRole, load: () => void, hooks: WindowHooks): void {
  const contents = win.webContents;
  let crashes: number[] = [];
  let reloadTimer: NodeJS.Timeout | undefined;
  let hangTimer: NodeJS.Timeout | undefined;

  contents.on('render-process-gone', (_event, details) => {
    clearTimeout(hangTimer);
    const decision = onRendererGone(crashes, Date.now(), details.reason);
    crashes = decision.history;
    if (!decision.reload) return;
    const message = describeCrash(role, details.reason, decision);
    hooks.log.error('renderer.crashed', message);
    if (decision.repeated) hooks.log.error(REPEATED_CRASHES_EVENT, message);
    clearTimeout(reloadTimer);
    reloadTimer = setTimeout(() => {
      if (win.isDestroyed()) return;
      load();
      hooks.onReloaded?.(role);
    }, decision.delayMs);
  });
  win.on('unresponsive', () => {
    hooks.log.warn('renderer.unresponsive', `The ${role} screen stopped answering.`);
    clearTimeout(hangTimer);
    hangTimer = setTimeout(() => {
      if (win.isDestroyed()) return;
      hooks.log.error(
        'renderer.hung',
        `The ${role} screen did not answer for ${RESTART_POLICY.unresponsiveGraceMs / 1000} s: restarting it.`,
      );
      contents.forcefullyCrashRenderer(); // render-process-gone follows, and the reload with it.
    }, RESTART_POLICY.unresponsiveGraceMs);
  });
  win.on('responsive', () => clearTimeout(hangTimer));
  win.once('closed', () => {
    clearTimeout(hangTimer);
    clearTimeout(reloadTimer);
  });
}

/** What only a kiosk window gets: zoom locked, no context menu, the display kept awake, no closing. */
function lockKiosk(win: BrowserWindow): void {
  const contents = win.webContents;
  const id = contents.id;
  lockedKiosks.add(id);
  const resetZoom = () => {
    contents.setZoomFactor(KIOSK_ZOOM.factor);
    void contents.setVisualZoomLevelLimits(KIOSK_ZOOM.visualMin, KIOSK_ZOOM.visualMax);
  };
  contents.on('did-finish-load', resetZoom);
  contents.on('zoom-changed', () => {
    if (lockedKiosks.has(id)) resetZoom();
  });
  contents.on('context-menu', (event) => event.preventDefault());
  win.on('close', (event) => {
    if (closeDecision({ role: 'kiosk', kioskLocked: lockedKiosks.has(id), quitting }) === 'prevent') {
      event.preventDefault();
    }
  });
  const blocker = powerSaveBlockerType('kiosk');
  if (blocker) {
    const blockerId = powerSaveBlocker.start(blocker);
    win.once('closed', () => powerSaveBlocker.stop(blockerId));
  }
  contents.once('destroyed', () => lockedKiosks.delete(id));
}

/** The administrator gave the exit PIN: the window stops being a kiosk and may close. */
export function unlockKiosk(win: BrowserWindow): void {
  if (win.isDestroyed()) return;
  lockedKiosks.delete(win.webContents.id);
  win.setAlwaysOnTop(false);
  win.setKiosk(false);
  win.setFullScreen(false);
}

/** Where a window opens and what it shows, when not its role's own face on the OS's choice of screen. */
export interface WindowPlacement {
  face?: WindowRole | ExtraFace;
  bounds?: ScreenBounds;
}

/** The one way a window is made: locked down, its role recorded, showing its face. */
export function createWindow(
  role: WindowRole,
  options: WindowPolicyOptions,
  hooks: WindowHooks,
  placement: WindowPlacement = {},
): BrowserWindow {
  const win = new BrowserWindow(windowOptions(role, options, placement.bounds));
  const contents = win.webContents;
  const id = contents.id;
  roles.set(id, role);
  contents.once('destroyed', () => roles.delete(id));

  win.removeMenu();
  guardWebContents(contents);
  lockSession(contents.session);
  if (role === 'kiosk') lockKiosk(win);
  contents.on('before-input-event', (event, input) => {
    if (isBlockedKey(input, { role, packaged: options.packaged, kioskLocked: lockedKiosks.has(id) })) {
      event.preventDefault();
    }
  });
  if (options.packaged) contents.on('devtools-opened', () => contents.closeDevTools());
  contents.on('input-event', () => hooks.onInput?.());

  const url = APP_ORIGIN + facePath(role, placement.face);
  const load = () => {
    contents
      .loadURL(url)
      .catch((error: unknown) => hooks.log.error('renderer.load_failed', `Could not load ${url}.`, error));
  };
  win.once('ready-to-show', () => win.show());
  superviseRenderer(win, role, load, hooks);
  load();
  return win;
}
