import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { classifyDistFailure, downloadFailureMessage } from '../../build/dist-failure';

/** electron-builder's output on this machine (no internet), as `npm run dist` captured it. */
const NATIVE_REBUILD_OFFLINE = `  • electron-builder  version=26.17.0 os=6.18.44
  • executing @electron/rebuild  electronVersion=45.4.1 arch=x64 buildFromSource=false
  • installing native dependencies  arch=x64
  • preparing       moduleName=better-sqlite3 arch=x64
  ⨯ 
Error: This is most likely not a problem with node-gyp or the package itself and
is related to network connectivity. In most cases you are behind a proxy or have bad 
network settings.
    at go (/work/main/node_modules/node-gyp/lib/install.js:244:21)

  ⨯ node-gyp failed to rebuild '/work/main/node_modules/better-sqlite3'  failedTask=build stackTrace=Error: node-gyp failed to rebuild '/work/main/node_modules/better-sqlite3'
    at ChildProcess.<anonymous> (file:///work/main/node_modules/@electron/rebuild/lib/module-type/node-gyp/node-gyp.js:120:24)`;

const ELECTRON_ZIP_OFFLINE = `  • packaging       platform=linux arch=x64 electron=45.4.1 appOutDir=release/linux-unpacked
  ⨯ getaddrinfo ENOTFOUND github.com  failedTask=build
RequestError: getaddrinfo ENOTFOUND github.com
    at ClientRequest.<anonymous> (node_modules/got/dist/source/core/index.js:970:111)
  url=https://github.com/electron/electron/releases/download/v45.4.1/electron-v45.4.1-linux-x64.zip`;

const TOOL_OFFLINE = `  • building        target=deb arch=x64 file=release/mizban_0.1.0_amd64.deb
  ⨯ connect ETIMEDOUT 140.82.121.4:443 fpm-1.9.3-2.3.1-linux-x86_64.7z`;

describe('npm run dist on a machine that cannot download', () => {
  test('a failed native rebuild is named as such', () => {
    assert.deepEqual(classifyDistFailure(NATIVE_REBUILD_OFFLINE), {
      kind: 'download',
      what: "a prebuilt better-sqlite3 for Electron, or Electron's headers to rebuild it",
    });
  });

  test('the Electron runtime and the packaging tools are named with their file', () => {
    assert.deepEqual(classifyDistFailure(ELECTRON_ZIP_OFFLINE), {
      kind: 'download',
      what: 'the Electron runtime (electron-v45.4.1-linux-x64.zip)',
    });
    assert.deepEqual(classifyDistFailure(TOOL_OFFLINE), {
      kind: 'download',
      what: "electron-builder's packaging tool fpm-1.9.3-2.3.1-linux-x86_64.7z",
    });
  });

  test('the message says what to do, and carries no stack trace', () => {
    const message = downloadFailureMessage('the Electron runtime (electron-v45.4.1-linux-x64.zip)', '45.4.1');
    assert.match(message, /^npm run dist: the installers could not be built/);
    assert.match(message, /ELECTRON_MIRROR/);
    assert.match(message, /ELECTRON_BUILDER_BINARIES_MIRROR/);
    assert.match(message, /machine that can reach the internet/);
    assert.doesNotMatch(message, /^\s+at /m);
  });

  test('another failure is shown as electron-builder said it, without the stack', () => {
    const failure = classifyDistFailure(
      '  • loaded configuration\n  ⨯ Invalid configuration object\n    at validate (x.js:1:1)\n',
    );
    assert.deepEqual(failure, {
      kind: 'other',
      lines: ['  • loaded configuration', '  ⨯ Invalid configuration object'],
    });
  });
});
