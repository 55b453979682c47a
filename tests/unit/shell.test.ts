import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { resolveDatabasePath, userDataDir } from '../../main/core/db/location';
import { CONTENT_SECURITY_POLICY, readAppFile } from '../../main/shell/app-files';
import { parseShellArgs } from '../../main/shell/args';
import { findElectronBinary } from '../../main/shell/electron-binary';
import { tempDir } from '../support/temp';

describe('serving the renderer', () => {
  const dir = tempDir();
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<html></html>');
  fs.writeFileSync(path.join(dir, 'assets', 'app.js'), 'export {}');
  fs.writeFileSync(path.join(dir, 'assets', 'notes.txt'), 'not served');
  fs.writeFileSync(path.join(path.dirname(dir), 'secret.js'), 'outside');

  test('the root is index.html, with the strict CSP', () => {
    const file = readAppFile(dir, '/');
    assert.equal(file?.body.toString(), '<html></html>');
    assert.equal(file?.headers['Content-Security-Policy'], CONTENT_SECURITY_POLICY);
    assert.equal(file?.headers['Content-Type'], 'text/html; charset=utf-8');
  });

  test('the CSP allows no inline script, no eval and no other origin', () => {
    assert.match(CONTENT_SECURITY_POLICY, /script-src 'self'(;|$)/);
    assert.doesNotMatch(CONTENT_SECURITY_POLICY, /unsafe-|https?:|\*/);
  });

  test('assets are served with their type', () => {
    assert.equal(readAppFile(dir, '/assets/app.js')?.headers['Content-Type'], 'text/javascript; charset=utf-8');
  });

  test('nothing outside the folder, no unknown types, no missing files', () => {
    for (const pathname of [
      '/../secret.js',
      '/%2e%2e/secret.js',
      '/assets/../../secret.js',
      '/assets/notes.txt',
      '/missing.js',
      '/%E0%A4%A',
      '/assets',
    ]) {
      assert.equal(readAppFile(dir, pathname), null, pathname);
    }
  });
});

describe('where the database is', () => {
  const env = { XDG_CONFIG_HOME: '/home/k/.config' };
  test('--db wins over MIZBAN_DB, which wins over the user data folder', () => {
    assert.equal(resolveDatabasePath('/a/x.sqlite', { ...env, MIZBAN_DB: '/b/y.sqlite' }), '/a/x.sqlite');
    assert.equal(resolveDatabasePath(undefined, { ...env, MIZBAN_DB: '/b/y.sqlite' }), '/b/y.sqlite');
    assert.equal(resolveDatabasePath(undefined, env), '/home/k/.config/Mizban/mizban.sqlite');
  });

  test('the user data folder is the one Electron uses for an app named Mizban', () => {
    assert.equal(userDataDir(env, 'linux'), '/home/k/.config/Mizban');
    assert.equal(userDataDir({ APPDATA: 'C:\\Users\\k\\AppData\\Roaming' }, 'win32').endsWith('Mizban'), true);
  });
});

describe('the shell command line', () => {
  test('reads --role and --db in both spellings', () => {
    assert.deepEqual(parseShellArgs(['--role', 'counter', '--db=/tmp/a.sqlite']), {
      role: 'counter',
      db: '/tmp/a.sqlite',
    });
    assert.deepEqual(parseShellArgs(['--role=kiosk', '--other']), { role: 'kiosk' });
  });

  test('refuses a role that does not exist', () => {
    assert.throws(() => parseShellArgs(['--role', 'root']), /kiosk, counter or admin/);
  });
});

describe('finding Electron without downloading it', () => {
  test('ELECTRON_PATH is used when it exists, and only then', () => {
    const dir = tempDir();
    const binary = path.join(dir, 'electron');
    fs.writeFileSync(binary, '');
    assert.equal(findElectronBinary({ ELECTRON_PATH: binary }, dir), binary);
    assert.equal(findElectronBinary({ ELECTRON_PATH: path.join(dir, 'none') }, dir), null);
  });

  test('the npm package without its binary counts as no Electron', () => {
    const dir = tempDir();
    const pkg = path.join(dir, 'node_modules', 'electron');
    fs.mkdirSync(pkg, { recursive: true });
    fs.writeFileSync(path.join(dir, 'package.json'), '{}');
    fs.writeFileSync(path.join(pkg, 'package.json'), '{"name":"electron","version":"45.0.0"}');
    assert.equal(findElectronBinary({}, dir), null);
    fs.writeFileSync(path.join(pkg, 'path.txt'), 'electron');
    assert.equal(findElectronBinary({}, dir), null);
    fs.mkdirSync(path.join(pkg, 'dist'));
    fs.writeFileSync(path.join(pkg, 'dist', 'electron'), '');
    assert.equal(findElectronBinary({}, dir), path.join(pkg, 'dist', 'electron'));
  });
});
