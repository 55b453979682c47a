import path from 'node:path';
import type { WindowRole } from '../core/contract';
import { isAllowedDownloadUrl } from './policy';

/**
 * The rest of the kiosk lockdown as plain decisions (policy.ts has the window options,
 * navigation and permissions; keys.ts the keys): main/windows.ts and main/index.ts apply them.
 */

/**
 * Whether a window may close. A locked kiosk window refuses (Alt+F4 that the window manager
 * turns into a close, a stray close from the taskbar) unless the app itself is quitting:
 * the OS shutting down, or the administrator after the exit PIN.
 */
export function closeDecision(state: {
  role: WindowRole;
  kioskLocked: boolean;
  quitting: boolean;
}): 'allow' | 'prevent' {
  return state.role === 'kiosk' && state.kioskLocked && !state.quitting ? 'prevent' : 'allow';
}

/** The display of a kiosk never sleeps (powerSaveBlocker); a desk PC keeps its own power settings. */
export function powerSaveBlockerType(role: WindowRole): 'prevent-display-sleep' | null {
  return role === 'kiosk' ? 'prevent-display-sleep' : null;
}

/** Pinch and Ctrl+wheel zoom in a kiosk window: locked at 100 %. */
export const KIOSK_ZOOM = { factor: 1, visualMin: 1, visualMax: 1 } as const;

/**
 * What becomes of a download, decided for each one by the window that started it (all windows
 * share one session). A kiosk window never writes a file: a citizen has no business with the
 * terminal's disks. A counter or admin window (the admin face's report and catalogue exports)
 * asks where to save it, in the OS's save dialog. A webContents the shell did not make (role
 * undefined), or a URL that is not the app's own Blob or file, downloads nothing.
 */
export function downloadDecision(download: { role: WindowRole | undefined; url: string }): 'cancel' | 'ask' {
  if (download.role === undefined || download.role === 'kiosk') return 'cancel';
  return isAllowedDownloadUrl(download.url) ? 'ask' : 'cancel';
}

export const AUTOSTART_FILE_NAME = 'mizban.desktop';

/** An XDG autostart entry: the desktop session starts Mizban when the kiosk user logs in. */
export function autostartDesktopEntry(exec: string): string {
  const quoted = /[\s"'\\$`]/.test(exec) ? `"${exec.replace(/(["\\$`])/g, '\\$1')}"` : exec;
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Mizban',
    'Comment=Terminal for government service desks (kiosk)',
    `Exec=${quoted}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    'NoDisplay=true',
    '',
  ].join('\n');
}

export type LoginItemPlan =
  | { kind: 'windows-login-item'; settings: { openAtLogin: true; path: string; args: string[] } }
  | { kind: 'linux-autostart'; file: string; content: string }
  | { kind: 'none'; reason: string };

/**
 * Start at login, for kiosk terminals of a packaged app. Windows: a login item (the Run key
 * of the kiosk account). Linux: an XDG autostart entry in the kiosk user's
 * ~/.config/autostart, for a desktop session; a bare cage or X session has no autostart and
 * starts Mizban itself (README). For an AppImage the entry names the AppImage file, not the
 * mount point that changes with every start.
 */
export function loginItemPlan(context: {
  platform: NodeJS.Platform;
  role: WindowRole;
  packaged: boolean;
  execPath: string;
  env: NodeJS.ProcessEnv;
  homeDir: string;
}): LoginItemPlan {
  if (!context.packaged) return { kind: 'none', reason: 'running from the sources' };
  if (context.role !== 'kiosk') return { kind: 'none', reason: 'not a kiosk terminal' };
  if (context.platform === 'win32') {
    return { kind: 'windows-login-item', settings: { openAtLogin: true, path: context.execPath, args: [] } };
  }
  if (context.platform === 'linux') {
    const configHome = context.env.XDG_CONFIG_HOME || path.join(context.homeDir, '.config');
    const exec = context.env.APPIMAGE || context.execPath;
    return {
      kind: 'linux-autostart',
      file: path.join(configHome, 'autostart', AUTOSTART_FILE_NAME),
      content: autostartDesktopEntry(exec),
    };
  }
  return { kind: 'none', reason: `no start at login on ${context.platform}` };
}
