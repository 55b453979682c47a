import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { EXIT_GESTURE, registerTap } from '../../renderer/src/kiosk/ExitGestureTaps';
import { isBlockedDeskKey, isBlockedKey, isBlockedKioskKey, type KeyInput } from '../../main/shell/keys';
import {
  autostartDesktopEntry,
  closeDecision,
  downloadDecision,
  KIOSK_ZOOM,
  loginItemPlan,
  powerSaveBlockerType,
} from '../../main/shell/lockdown';

/** 'Ctrl+Shift+I' → an Electron Input; the code follows the key for letters and digits. */
function press(combo: string): KeyInput {
  const parts = combo.split('+');
  const key = parts.at(-1) === '' ? '+' : (parts.at(-1) ?? '');
  const mods = new Set(parts.slice(0, -1));
  const code = /^[a-z]$/i.test(key)
    ? `Key${key.toUpperCase()}`
    : /^\d$/.test(key)
      ? `Digit${key}`
      : ({ '=': 'Equal', '-': 'Minus', '+': 'Equal' }[key] ?? key);
  return {
    type: 'keyDown',
    key: mods.has('Shift') && key.length === 1 ? key.toUpperCase() : key,
    code,
    control: mods.has('Ctrl'),
    alt: mods.has('Alt'),
    shift: mods.has('Shift'),
    meta: mods.has('Meta'),
  };
}

describe('keys in a kiosk window', () => {
  const blocked = [
    'Alt+F4',
    'Ctrl+w',
    'Ctrl+Shift+w',
    'Ctrl+q',
    'Ctrl+r',
    'Ctrl+Shift+r',
    'F5',
    'Ctrl+F5',
    'Shift+F5',
    'F11',
    'F12',
    'F1',
    'F24',
    'Ctrl+Shift+i',
    'Ctrl+Shift+j',
    'Ctrl+Shift+c',
    'Ctrl+Alt+i',
    'Meta+Alt+i',
    'Ctrl+p',
    'Ctrl+s',
    'Ctrl+o',
    'Ctrl+n',
    'Ctrl+t',
    'Ctrl+u',
    'Ctrl+f',
    'Ctrl+h',
    'Ctrl+j',
    'Ctrl+l',
    'Ctrl+=',
    'Ctrl+-',
    'Ctrl+0',
    'Ctrl+Shift++',
    'Ctrl+Tab',
    'Ctrl+PageDown',
    'Alt+ArrowLeft',
    'Alt+ArrowRight',
    'Alt+Home',
    'Alt+Tab',
    'Alt+Escape',
    'Alt+ ',
    'Alt+d',
    'Meta+d',
    'Meta+l',
    'Meta+r',
    'Meta+Tab',
    'BrowserBack',
    'BrowserForward',
    'BrowserRefresh',
    'BrowserHome',
    'ContextMenu',
    'ZoomIn',
    'ZoomOut',
    'Print',
    'LaunchApplication1',
    'AudioVolumeUp',
  ];
  for (const combo of blocked) {
    test(`drops ${combo}`, () => assert.equal(isBlockedKioskKey(press(combo)), true));
  }

  test('numpad zoom keys with Ctrl are dropped, by key and by code', () => {
    assert.equal(isBlockedKioskKey({ key: '+', code: 'NumpadAdd', control: true }), true);
    assert.equal(isBlockedKioskKey({ key: '-', code: 'NumpadSubtract', control: true }), true);
  });

  const allowed = [
    'a',
    'Shift+a',
    '5',
    ' ',
    '.',
    'Enter',
    'Tab',
    'Shift+Tab',
    'Backspace',
    'Delete',
    'Escape',
    'ArrowLeft',
    'ArrowRight',
    'Home',
    'End',
    'Ctrl+a',
    'Ctrl+c',
    'Ctrl+v',
    'Ctrl+x',
    'Ctrl+z',
    'Ctrl+y',
    'Ctrl+Shift+z',
    'Ctrl+ArrowLeft',
    'Ctrl+Shift+ArrowRight',
    'Ctrl+Backspace',
    'Shift',
    'Control',
    'Alt',
    'Meta',
    'CapsLock',
    'Dead',
  ];
  for (const combo of allowed) {
    test(`lets through ${combo}`, () => assert.equal(isBlockedKioskKey(press(combo)), false));
  }

  test('Persian letters and digits are typing; Ctrl+C on a Persian layout is still copy (by code)', () => {
    for (const key of ['س', 'ی', 'ک', '۴', '‌', 'ء'])
      assert.equal(isBlockedKioskKey({ key, code: 'KeyS' }), false, key);
    assert.equal(isBlockedKioskKey({ key: 'ز', code: 'KeyC', control: true }), false);
    assert.equal(isBlockedKioskKey({ key: 'ق', code: 'KeyR', control: true }), true, 'Ctrl+R on a Persian layout');
    assert.equal(isBlockedKioskKey({ key: 'ه', code: 'KeyI', control: true, shift: true }), true);
  });

  test('key-up of a blocked combination is dropped too', () => {
    assert.equal(isBlockedKioskKey({ ...press('F5'), type: 'keyUp' }), true);
  });
});

describe('keys in a counter or admin window', () => {
  test('reload and back/forward are dropped: they would lose a half-typed request', () => {
    for (const combo of ['F5', 'Ctrl+r', 'Ctrl+Shift+r', 'Alt+ArrowLeft', 'Alt+ArrowRight', 'BrowserBack']) {
      assert.equal(isBlockedDeskKey(press(combo), false), true, combo);
    }
  });

  test('developer tools keys only in packaged builds', () => {
    for (const combo of ['F12', 'Ctrl+Shift+i', 'Ctrl+Shift+j', 'Ctrl+Shift+c']) {
      assert.equal(isBlockedDeskKey(press(combo), true), true, combo);
      assert.equal(isBlockedDeskKey(press(combo), false), false, combo);
    }
  });

  test('the rest of the keyboard belongs to the clerk: Alt+F4, shortcuts, typing', () => {
    for (const combo of ['Alt+F4', 'Ctrl+f', 'Ctrl+p', 'F2', 'Ctrl+=', 'a', 'Enter', 'Ctrl+c']) {
      assert.equal(isBlockedDeskKey(press(combo), true), false, combo);
    }
  });

  test('a kiosk window left with the PIN gets the desk policy', () => {
    assert.equal(isBlockedKey(press('Alt+F4'), { role: 'kiosk', packaged: true, kioskLocked: true }), true);
    assert.equal(isBlockedKey(press('Alt+F4'), { role: 'kiosk', packaged: true, kioskLocked: false }), false);
    assert.equal(isBlockedKey(press('F5'), { role: 'kiosk', packaged: true, kioskLocked: false }), true);
    assert.equal(isBlockedKey(press('Ctrl+p'), { role: 'counter', packaged: true, kioskLocked: true }), false);
  });
});

describe('the rest of the lockdown', () => {
  test('a locked kiosk window does not close, unless the app is quitting', () => {
    assert.equal(closeDecision({ role: 'kiosk', kioskLocked: true, quitting: false }), 'prevent');
    assert.equal(closeDecision({ role: 'kiosk', kioskLocked: true, quitting: true }), 'allow');
    assert.equal(closeDecision({ role: 'kiosk', kioskLocked: false, quitting: false }), 'allow');
    assert.equal(closeDecision({ role: 'counter', kioskLocked: true, quitting: false }), 'allow');
  });

  test('the kiosk display stays awake; zoom is locked at 100 %', () => {
    assert.equal(powerSaveBlockerType('kiosk'), 'prevent-display-sleep');
    assert.equal(powerSaveBlockerType('counter'), null);
    assert.deepEqual(KIOSK_ZOOM, { factor: 1, visualMin: 1, visualMax: 1 });
  });
});

describe('downloads', () => {
  const blob = 'blob:app://mizban/0d4f5e1a-8d0e-4f5a-9b1c-2e3f4a5b6c7d';

  test('a kiosk window never downloads, not even its own Blob', () => {
    assert.equal(downloadDecision({ role: 'kiosk', url: blob }), 'cancel');
    assert.equal(downloadDecision({ role: 'kiosk', url: 'app://mizban/index.html' }), 'cancel');
  });

  test("a counter or admin window asks where to save the app's own Blobs and files", () => {
    for (const role of ['counter', 'admin'] as const) {
      assert.equal(downloadDecision({ role, url: blob }), 'ask', role);
      assert.equal(downloadDecision({ role, url: 'app://mizban/assets/sample.json' }), 'ask', role);
    }
  });

  test('a webContents the shell did not make downloads nothing', () => {
    assert.equal(downloadDecision({ role: undefined, url: blob }), 'cancel');
  });

  test('any other URL is cancelled, even in an admin window', () => {
    for (const url of [
      'https://example.com/report.pdf',
      'http://mizban/report.csv',
      'file:///etc/passwd',
      'data:text/csv,a,b',
      'blob:https://example.com/0d4f5e1a',
      'blob:app://evil/0d4f5e1a',
      'blob:app://mizban.evil/0d4f5e1a',
      'blob:app://mizban@evil/0d4f5e1a',
      'blob:null/0d4f5e1a',
      'blob:blob:app://mizban/0d4f5e1a',
      'app://evil/report.csv',
      'filesystem:app://mizban/temporary/x',
      'javascript:alert(1)',
      '',
    ]) {
      assert.equal(downloadDecision({ role: 'admin', url }), 'cancel', url);
    }
  });
});

describe('start at login', () => {
  const base = { role: 'kiosk', packaged: true, env: {}, homeDir: '/home/kiosk' } as const;

  test('Windows: a login item for the installed executable', () => {
    assert.deepEqual(loginItemPlan({ ...base, platform: 'win32', execPath: 'C:\\Program Files\\Mizban\\Mizban.exe' }), {
      kind: 'windows-login-item',
      settings: { openAtLogin: true, path: 'C:\\Program Files\\Mizban\\Mizban.exe', args: [] },
    });
  });

  test('Linux: an XDG autostart entry; the AppImage file rather than its mount point', () => {
    const deb = loginItemPlan({ ...base, platform: 'linux', execPath: '/opt/Mizban/mizban' });
    assert.equal(deb.kind, 'linux-autostart');
    if (deb.kind !== 'linux-autostart') return;
    assert.equal(deb.file, '/home/kiosk/.config/autostart/mizban.desktop');
    assert.match(deb.content, /^\[Desktop Entry\]\nType=Application\n/);
    assert.match(deb.content, /\nExec=\/opt\/Mizban\/mizban\n/);
    const appImage = loginItemPlan({
      ...base,
      platform: 'linux',
      execPath: '/tmp/.mount_MizbanX/mizban',
      env: { APPIMAGE: '/home/kiosk/Apps/Mizban 0.2.0.AppImage', XDG_CONFIG_HOME: '/srv/cfg' },
    });
    assert.ok(appImage.kind === 'linux-autostart');
    assert.equal(appImage.file, '/srv/cfg/autostart/mizban.desktop');
    assert.match(appImage.content, /\nExec="\/home\/kiosk\/Apps\/Mizban 0\.2\.0\.AppImage"\n/);
  });

  test('not from the sources, not for a counter, not on other systems', () => {
    assert.equal(loginItemPlan({ ...base, packaged: false, platform: 'win32', execPath: 'x' }).kind, 'none');
    assert.equal(loginItemPlan({ ...base, role: 'counter', platform: 'win32', execPath: 'x' }).kind, 'none');
    assert.equal(loginItemPlan({ ...base, platform: 'darwin', execPath: 'x' }).kind, 'none');
  });

  test('an Exec path with quotes or dollars is escaped', () => {
    assert.match(autostartDesktopEntry('/a b/$x"y'), /\nExec="\/a b\/\\\$x\\"y"\n/);
  });
});

describe('the exit gesture', () => {
  test('five taps within three seconds complete it, and it starts over', () => {
    assert.deepEqual(EXIT_GESTURE, { taps: 5, withinMs: 3000 });
    let taps: number[] = [];
    const results = [0, 500, 1000, 1500, 2000, 2100].map((at) => {
      const next = registerTap(taps, at);
      taps = next.taps;
      return next.complete;
    });
    assert.deepEqual(results, [false, false, false, false, true, false]);
  });

  test('taps older than three seconds do not count', () => {
    let taps: number[] = [];
    const results = [0, 800, 1600, 2400, 3200, 4000].map((at) => {
      const next = registerTap(taps, at);
      taps = next.taps;
      return next.complete;
    });
    assert.deepEqual(results, [false, false, false, false, false, false]);
    assert.equal(registerTap([3000, 3100, 3200, 3300], 3400).complete, true);
  });

  test('a clock that went back does not count taps from the future', () => {
    assert.deepEqual(registerTap([5000, 6000, 7000, 8000], 1000), { taps: [1000], complete: false });
  });
});
