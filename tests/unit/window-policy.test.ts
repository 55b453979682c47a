import assert from 'node:assert/strict';
import { test } from 'node:test';
import { WINDOW_ROLES } from '../../main/core/contract';
import { facePath } from '../../main/shell/caller';
import {
  APP_ORIGIN,
  APP_SCHEME_DEFINITION,
  isAllowedDownloadUrl,
  isAllowedIpcSender,
  isAllowedNavigation,
  isAppUrl,
  permissionDecision,
  secureWebPreferences,
  windowOpenDecision,
  windowOptions,
} from '../../main/shell/policy';

const preloadPath = '/opt/Mizban/resources/app.asar/dist/main/preload.cjs';

const lockedDown = {
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
};

test('the app scheme is app://mizban: standard and secure, and it does not bypass CSP', () => {
  assert.equal(APP_ORIGIN, 'app://mizban');
  assert.equal(APP_SCHEME_DEFINITION.scheme, 'app');
  assert.equal(APP_SCHEME_DEFINITION.privileges.standard, true);
  assert.equal(APP_SCHEME_DEFINITION.privileges.secure, true);
  assert.equal(APP_SCHEME_DEFINITION.privileges.supportFetchAPI, true);
  assert.equal(APP_SCHEME_DEFINITION.privileges.bypassCSP, false);
  assert.equal(APP_SCHEME_DEFINITION.privileges.allowServiceWorkers, false);
});

test('web preferences are exactly the locked-down set; devTools only from the sources', () => {
  assert.deepEqual(secureWebPreferences(preloadPath, false), { ...lockedDown, devTools: false, preload: preloadPath });
  assert.deepEqual(secureWebPreferences(preloadPath, true), { ...lockedDown, devTools: true, preload: preloadPath });
});

test('every role gets the locked-down web preferences, packaged or not', () => {
  for (const role of WINDOW_ROLES) {
    for (const packaged of [true, false]) {
      const options = windowOptions(role, { packaged, preloadPath });
      assert.deepEqual(options.webPreferences, { ...lockedDown, devTools: !packaged, preload: preloadPath }, role);
      assert.equal(options.show, false, `${role} waits for ready-to-show`);
      assert.match(options.backgroundColor, /^#[0-9a-f]{6}$/);
    }
  }
});

test('the kiosk window is full screen, kiosk mode, without a frame', () => {
  const { webPreferences, ...kiosk } = windowOptions('kiosk', { packaged: true, preloadPath });
  assert.ok(webPreferences);
  assert.deepEqual(kiosk, {
    title: 'Mizban',
    show: false,
    backgroundColor: '#f5f7f9',
    kiosk: true,
    fullscreen: true,
    frame: false,
    resizable: false,
    movable: false,
    minimizable: false,
    maximizable: false,
  });
});

test('counter and admin windows are ordinary 1920x1080 windows with the menu bar hidden', () => {
  for (const role of ['counter', 'admin'] as const) {
    const { webPreferences, ...desk } = windowOptions(role, { packaged: true, preloadPath });
    assert.ok(webPreferences);
    assert.deepEqual(
      desk,
      {
        title: 'Mizban',
        show: false,
        backgroundColor: '#f5f7f9',
        width: 1920,
        height: 1080,
        minWidth: 1024,
        minHeight: 700,
        autoHideMenuBar: true,
      },
      role,
    );
    assert.equal('kiosk' in desk, false);
  }
});

test('with bounds, a window opens there: the kiosk window fills that display', () => {
  const second = { x: 1920, y: 0, width: 1280, height: 1024 };
  const kiosk = windowOptions('kiosk', { packaged: true, preloadPath }, second);
  assert.ok('kiosk' in kiosk);
  assert.deepEqual([kiosk.x, kiosk.y, kiosk.width, kiosk.height], [1920, 0, 1280, 1024]);
  assert.equal(kiosk.kiosk, true);
  assert.equal(kiosk.fullscreen, true);
  const counter = windowOptions(
    'counter',
    { packaged: true, preloadPath },
    { x: -1280, y: 0, width: 1280, height: 720 },
  );
  assert.deepEqual([counter.x, counter.y, counter.width, counter.height], [-1280, 0, 1280, 720]);
  assert.equal('x' in windowOptions('kiosk', { packaged: true, preloadPath }), false, 'no bounds: the OS places it');
});

test('downloads: only Blobs of the app and its own files', () => {
  assert.equal(isAllowedDownloadUrl('blob:app://mizban/0d4f5e1a-8d0e-4f5a-9b1c-2e3f4a5b6c7d'), true);
  assert.equal(isAllowedDownloadUrl('app://mizban/assets/sample.json'), true);
  for (const url of [
    'blob:https://mizban/x',
    'blob:app://evil/x',
    'blob:',
    'data:text/csv,a',
    'https://mizban/x',
    '%',
  ]) {
    assert.equal(isAllowedDownloadUrl(url), false, url);
  }
});

test('each face opens an app URL', () => {
  for (const role of WINDOW_ROLES) assert.equal(isAllowedNavigation(APP_ORIGIN + facePath(role)), true, role);
});

test('navigation stays on app://mizban', () => {
  for (const url of ['app://mizban', 'app://mizban/', 'app://mizban/index.html?face=kiosk', 'app://mizban/a/b.js#x']) {
    assert.equal(isAllowedNavigation(url), true, url);
  }
  const refused = [
    'app://mizban.evil/',
    'app://evil/',
    'app://evil/index.html?face=kiosk',
    'app://mizban@evil/',
    'app://evil@mizban/',
    'app://user:pass@mizban/',
    'app://mizban:8080/',
    'app:mizban/index.html',
    'app:///index.html',
    'https://mizban/',
    'http://mizban/',
    'http://mizban.localhost/',
    'https://example.com/',
    'file:///etc/passwd',
    'file://mizban/index.html',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'blob:app://mizban/0d4f5e1a-8d0e-4f5a-9b1c-2e3f4a5b6c7d',
    'about:blank',
    'chrome://settings',
    'devtools://devtools/bundled/inspector.html',
    'ws://mizban/',
    'mizban/index.html',
    '',
  ];
  for (const url of refused) assert.equal(isAllowedNavigation(url), false, url);
});

test('no window is ever opened by a page', () => {
  assert.deepEqual(windowOpenDecision(), { action: 'deny' });
});

test('every permission request and check is denied', () => {
  for (const permission of [
    'media',
    'geolocation',
    'notifications',
    'clipboard-read',
    'clipboard-sanitized-write',
    'fullscreen',
    'openExternal',
    'pointerLock',
    'hid',
    'serial',
    'usb',
    'display-capture',
    'unknown',
    '',
  ]) {
    assert.equal(permissionDecision(permission), false, permission);
  }
});

test('only the main frame of app://mizban may call the core', () => {
  assert.equal(isAllowedIpcSender('app://mizban/index.html?face=counter', true), true);
  assert.equal(isAllowedIpcSender('app://mizban/index.html?face=counter', false), false, 'a subframe');
  for (const url of ['app://evil/', 'app://mizban.evil/', 'https://mizban/', 'about:blank', 'data:text/html,x', '']) {
    assert.equal(isAllowedIpcSender(url, true), false, url);
  }
});

test('isAppUrl does not throw on garbage', () => {
  for (const url of ['::', '%', 'app://', 'app://%zz/', '\u0000']) assert.equal(isAppUrl(url), false, url);
});
