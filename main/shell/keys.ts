import type { WindowRole } from '../core/contract';

/**
 * Which key presses a window lets through to the page, as a pure function of Electron's
 * `Input` (before-input-event), so that it is read and tested under Node. main/windows.ts
 * only applies it.
 *
 * A kiosk window works from an allow-list: typing and editing pass, everything that
 * commands the browser, the window or the OS is dropped (Alt+F4, Ctrl+W, Ctrl+Q, Ctrl+R,
 * F5, F11, F12, Ctrl+Shift+I, Ctrl+P, zoom keys, Alt+Left/Right, the browser and menu keys,
 * anything with the Windows key). What the OS takes before the app sees it (Ctrl+Alt+Del,
 * Alt+Tab on most desktops, the Windows key alone, VT switching) must be locked by the OS:
 * see the README.
 */

/** The fields of Electron's `Input` that decide. */
export interface KeyInput {
  type?: string;
  key: string;
  code?: string;
  control?: boolean;
  alt?: boolean;
  shift?: boolean;
  meta?: boolean;
}

const MODIFIER_KEYS = new Set(['Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'OS', 'CapsLock', 'NumLock', 'Fn']);

/** Keys with no modifier that type or edit text, or move within the page. */
const EDITING_KEYS = new Set([
  'Enter',
  'Tab',
  'Backspace',
  'Delete',
  'Escape',
  'ArrowLeft',
  'ArrowRight',
  'ArrowUp',
  'ArrowDown',
  'Home',
  'End',
  'PageUp',
  'PageDown',
  // Composition: accents on a Latin layout, an input method.
  'Dead',
  'Process',
]);

/** With Ctrl, by physical key (the same on a Persian and a Latin layout): select all, copy, cut, paste, undo, redo. */
const CTRL_EDITING_CODES = new Set(['KeyA', 'KeyC', 'KeyV', 'KeyX', 'KeyZ', 'KeyY']);
/** With Ctrl, moving or deleting by word; with or without Shift. */
const CTRL_MOVING_KEYS = new Set([
  'ArrowLeft',
  'ArrowRight',
  'ArrowUp',
  'ArrowDown',
  'Home',
  'End',
  'Backspace',
  'Delete',
]);

/** One character typed (a Persian letter, a digit, a space): a single code point, not a key name like "F5". */
function isTypedCharacter(key: string): boolean {
  return [...key].length === 1;
}

/** Whether a kiosk window drops this key press. */
export function isBlockedKioskKey(input: KeyInput): boolean {
  const { key } = input;
  if (MODIFIER_KEYS.has(key)) return false;
  // The Windows (Super) key with anything: Start menu, Win+D, Win+L are the OS's.
  if (input.meta) return true;
  if (input.alt) return true; // Alt+F4, Alt+Left/Right, Alt+Home, Alt+Space, Alt+Tab where it reaches the app.
  if (input.control) {
    if (input.shift) return !(input.code === 'KeyZ' || CTRL_MOVING_KEYS.has(key));
    return !(CTRL_EDITING_CODES.has(input.code ?? '') || CTRL_MOVING_KEYS.has(key));
  }
  if (EDITING_KEYS.has(key)) return false;
  // F1–F24, BrowserBack/Refresh/Home, ContextMenu, ZoomIn, Print, LaunchApp…: none are typing.
  return !isTypedCharacter(key);
}

const RELOAD_OR_NAVIGATE = (input: KeyInput): boolean => {
  const { key, control, alt } = input;
  const lower = key.toLowerCase();
  if (key === 'F5' || key === 'BrowserRefresh' || key === 'BrowserBack' || key === 'BrowserForward') return true;
  if (control && !alt && (lower === 'r' || input.code === 'KeyR')) return true;
  return Boolean(alt && !control && (key === 'ArrowLeft' || key === 'ArrowRight' || key === 'Home'));
};

const DEVTOOLS = (input: KeyInput): boolean => {
  if (input.key === 'F12') return true;
  const code = input.code ?? '';
  return Boolean(
    (input.control || input.meta) && (input.shift || input.alt) && ['KeyI', 'KeyJ', 'KeyC'].includes(code),
  );
};

/**
 * A counter's or the admin's window: an ordinary window, but a reload or a step back would
 * throw away a half-typed request, and developer tools are off in packaged builds.
 */
export function isBlockedDeskKey(input: KeyInput, packaged: boolean): boolean {
  if (MODIFIER_KEYS.has(input.key)) return false;
  return RELOAD_OR_NAVIGATE(input) || (packaged && DEVTOOLS(input));
}

export interface KeyPolicyContext {
  role: WindowRole;
  packaged: boolean;
  /** False once the administrator has left kiosk mode with the PIN. */
  kioskLocked: boolean;
}

/** The one decision windows.ts applies to every key press of a window. */
export function isBlockedKey(input: KeyInput, context: KeyPolicyContext): boolean {
  if (context.role === 'kiosk' && context.kioskLocked) return isBlockedKioskKey(input);
  return isBlockedDeskKey(input, context.packaged);
}
