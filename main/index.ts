import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { app, BrowserWindow, dialog, Menu, protocol, screen } from 'electron';
import { openCore, type Core } from './core/app';
import type { WindowRole } from './core/contract';
import { APP_NAME, resolveDatabasePath } from './core/db/location';
import { readSettings } from './core/settings/store';
import { transportFromSettings } from './core/printing/transports';
import { bindIpc, forwardEvents } from './ipc';
import { OsPrinter } from './os-printer';
import { electronReportPdf } from './report-pdf';
import { readAppFile } from './shell/app-files';
import { parseShellArgs } from './shell/args';
import { customerDisplayBounds, type ScreenInfo } from './shell/customer-display';
import { loginItemPlan } from './shell/lockdown';
import { APP_SCHEME, APP_SCHEME_DEFINITION, isAppUrl } from './shell/policy';
import { startUpdater } from './updater';
import {
  allowQuit,
  createWindow,
  guardWebContents,
  roleOfWebContents,
  unlockKiosk,
  type WindowPlacement,
} from './windows';

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

function sameText(file: string, content: string): boolean {
  return fs.existsSync(file) && fs.readFileSync(file, 'utf8') === content;
}

/** Start at login on a kiosk terminal: a login item on Windows, an XDG autostart entry on Linux. */
function applyLoginItem(core: Core, role: WindowRole): void {
  const plan = loginItemPlan({
    platform: process.platform,
    role,
    packaged: app.isPackaged,
    execPath: process.execPath,
    env: process.env,
    homeDir: os.homedir(),
  });
  try {
    if (plan.kind === 'windows-login-item') app.setLoginItemSettings(plan.settings);
    if (plan.kind === 'linux-autostart' && !sameText(plan.file, plan.content)) {
      fs.mkdirSync(path.dirname(plan.file), { recursive: true });
      fs.writeFileSync(plan.file, plan.content);
      core.logger.info('autostart.written', `Mizban starts at login: ${plan.file}.`);
    }
  } catch (error) {
    core.logger.warn('autostart.failed', 'Could not set Mizban to start at login.', error);
  }
}

/** The screens, the primary one marked. Electron's screen module answers only once the app is ready. */
function screens(): ScreenInfo[] {
  const primaryId = screen.getPrimaryDisplay().id;
  return screen.getAllDisplays().map(({ id, bounds }) => ({ id, bounds, primary: id === primaryId }));
}

function start(): void {
  const args = parseShellArgs(process.argv);
  Menu.setApplicationMenu(null);
  protocol.handle(APP_SCHEME, serveAppFile);

  const core = openCore({
    dbPath: resolveDatabasePath(args.db, process.env, app.getPath('userData')),
    appVersion: app.getVersion(),
    logDir: path.join(app.getPath('userData'), 'logs'),
    transportFor: (settings) =>
      settings['printer.connection'] === 'os' && settings['printer.osName']
        ? new OsPrinter(settings['printer.osName'])
        : transportFromSettings(settings),
    reportPdf: electronReportPdf({ packaged: app.isPackaged, preloadPath: path.join(__dirname, 'preload.cjs') }),
  });
  const log = core.logger;
  // Nobody reads a kiosk's console and a dialog would freeze it: log the fault and stop;
  // the OS's service or autostart entry starts the app again.
  process.on('uncaughtException', (error) => {
    log.error('main.fault', 'The main process failed; exiting so that it is restarted.', error);
    app.exit(1);
  });
  app.on('child-process-gone', (_event, details) => {
    if (details.reason !== 'clean-exit')
      log.warn('process.gone', `A ${details.type} process is gone (${details.reason}).`);
  });
  app.on('before-quit', allowQuit);
  app.on('will-quit', () => {
    log.info('app.stopped', 'Mizban stopped.');
    core.close();
  });
  bindIpc(core.router);

  const settings = readSettings(core.db);
  const role = args.role ?? settings['terminal.role'];
  log.info(
    'app.started',
    `Mizban ${app.getVersion()} started as ${role}${app.isPackaged ? '' : ' (from the sources)'}.`,
  );
  let lastInputAt: number | null = null;
  const open = (windowRole: WindowRole, placement?: WindowPlacement) => {
    const win = createWindow(
      windowRole,
      { packaged: app.isPackaged, preloadPath: path.join(__dirname, 'preload.cjs') },
      {
        log,
        onInput: () => {
          lastInputAt = Date.now();
        },
        onReloaded: (reloaded) => core.activity.reset(reloaded, new Date()),
      },
      placement,
    );
    forwardEvents(core.router, win, windowRole);
    return win;
  };
  const mainWindow = open(role);
  // Decided once, at start: a screen plugged in or out later counts from the next start.
  const displayBounds = customerDisplayBounds({ role, handoff: settings['survey.handoff'], displays: screens() });
  if (displayBounds) {
    open('kiosk', { face: 'display', bounds: displayBounds });
    log.info('display.opened', 'The customer display is open on the second screen.');
    // Locked like a kiosk, the customer display cannot be closed by itself: it goes with the counter.
    mainWindow.once('closed', () => app.quit());
  }
  applyLoginItem(core, role);

  // The exit PIN was given on the kiosk (core/kiosk): leave kiosk mode and open the admin face.
  // Closing Mizban then lets the OS's kiosk session start it again, locked.
  core.bus.subscribe(['admin'], (event) => {
    if (event.type !== 'kiosk.exited') return;
    const kiosks = BrowserWindow.getAllWindows().filter((win) => roleOfWebContents(win.webContents.id) === 'kiosk');
    if (kiosks.length === 0) return;
    const admin = open('admin');
    admin.once('ready-to-show', () => {
      for (const win of kiosks) {
        unlockKiosk(win);
        win.close();
      }
    });
  });

  startUpdater(core, { lastInputAt: () => lastInputAt, beforeInstall: allowQuit });
}

if (!app.requestSingleInstanceLock()) {
  // One terminal, one window, one writer to the database: a second launch only wakes the first.
  app.quit();
} else {
  app.on('second-instance', () => {
    // The staff's window, not the customer display beside it, when a counter has both.
    const windows = BrowserWindow.getAllWindows();
    const win = windows.find((w) => roleOfWebContents(w.webContents.id) !== 'kiosk') ?? windows[0];
    if (!win || win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  // A second guard for every webContents, also those the factory did not make (devtools, guests).
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      // Nobody reads a kiosk's console: say why on screen, then stop.
      console.error('[mizban] could not start', error);
      dialog.showErrorBox('Mizban', error instanceof Error ? error.message : String(error));
      app.exit(1);
    });
}
