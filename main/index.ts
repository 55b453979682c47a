import path from 'node:path';
import { app, dialog, Menu, protocol, type BrowserWindow } from 'electron';
import { openCore } from './core/app';
import { APP_NAME, resolveDatabasePath } from './core/db/location';
import { readSettings } from './core/settings/store';
import { bindIpc, forwardEvents } from './ipc';
import { readAppFile } from './shell/app-files';
import { parseShellArgs } from './shell/args';
import { APP_SCHEME, APP_SCHEME_DEFINITION, isAppUrl } from './shell/policy';
import { createWindow, guardWebContents } from './windows';

// Before anything reads a path: the name decides the user data folder, which the
// single-instance lock, the database and the command line all share.
app.setName(APP_NAME);
// Schemes can only be made privileged before the app is ready.
protocol.registerSchemesAsPrivileged([APP_SCHEME_DEFINITION]);

/** The built renderer (dist/renderer, next to dist/main), inside the asar when packaged. */
const rendererDir = path.join(__dirname, '../renderer');

function serveAppFile(request: Request): Response {
  const file = isAppUrl(request.url) ? readAppFile(rendererDir, new URL(request.url).pathname) : null;
  if (!file) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain' } });
  // A plain Uint8Array: what the fetch types accept as a body (a Buffer's backing store may be shared).
  return new Response(new Uint8Array(file.body), { status: 200, headers: file.headers });
}

function start(): BrowserWindow {
  const args = parseShellArgs(process.argv);
  Menu.setApplicationMenu(null);
  protocol.handle(APP_SCHEME, serveAppFile);

  const core = openCore({
    dbPath: resolveDatabasePath(args.db, process.env, app.getPath('userData')),
    appVersion: app.getVersion(),
  });
  app.on('will-quit', () => core.close());
  bindIpc(core.router);

  const role = args.role ?? readSettings(core.db)['terminal.role'];
  const win = createWindow(role, { packaged: app.isPackaged, preloadPath: path.join(__dirname, 'preload.cjs') });
  forwardEvents(core.router, win, role);
  return win;
}

if (!app.requestSingleInstanceLock()) {
  // One terminal, one window, one writer to the database: a second launch only wakes the first.
  app.quit();
} else {
  let win: BrowserWindow | undefined;
  app.on('second-instance', () => {
    if (!win || win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  // A second guard for every webContents, also those the factory did not make (devtools, guests).
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
  app
    .whenReady()
    .then(() => {
      win = start();
    })
    .catch((error: unknown) => {
      // Nobody reads a kiosk's console: say why on screen, then stop.
      console.error('[mizban] could not start', error);
      dialog.showErrorBox('Mizban', error instanceof Error ? error.message : String(error));
      app.exit(1);
    });
}
