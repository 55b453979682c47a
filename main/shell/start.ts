import { spawn } from 'node:child_process';
import path from 'node:path';
import { openCore } from '../core/app';
import { resolveDatabasePath } from '../core/db/location';
import { readSettings } from '../core/settings/store';
import { transportFromSettings } from '../core/printing/transports';
import { APP_VERSION } from '../core/version';
import { PrinterEmulator } from '../../native/emulator/emulator';
import { TcpTransport } from '../../native/printer/tcp-transport';
import { parseShellArgs } from './args';
import { launchChromiumShell } from './chromium';
import { chromiumReportPdf } from './report-pdf';
import { findElectronBinary, NO_ELECTRON_NOTICE } from './electron-binary';

/**
 * `npm start`: the Electron app where its binary is present; otherwise, after saying so,
 * the same app in the Chromium shell (headless where there is no display, with a
 * screenshot of the first screen so that one can see it came up).
 */
async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const args = parseShellArgs(argv);
  const appDir = path.resolve(__dirname, '../..');
  const electron = findElectronBinary(process.env, appDir);
  if (electron) {
    const child = spawn(electron, [appDir, ...argv], { stdio: 'inherit' });
    child.on('exit', (code) => process.exit(code ?? 1));
    return;
  }
  console.log(NO_ELECTRON_NOTICE + '\n');

  const dbPath = resolveDatabasePath(args.db);
  // Development without a printer prints to the emulator; its receipts are PNG files.
  const emulatorDir = path.join(path.dirname(dbPath), 'emulator');
  const emulator = new PrinterEmulator({ outDir: emulatorDir });
  const emulatorPort = await emulator.listenTcp(0);
  const rendererDir = path.join(__dirname, '../renderer');
  const core = openCore({
    dbPath,
    appVersion: APP_VERSION,
    reportPdf: chromiumReportPdf(rendererDir),
    transportFor: (settings) =>
      settings['printer.connection'] === 'none'
        ? new TcpTransport({ host: '127.0.0.1', port: emulatorPort })
        : transportFromSettings(settings),
  });
  if (readSettings(core.db)['printer.connection'] === 'none') {
    console.log(`No receipt printer is configured: receipts print to the emulator, as PNG files in ${emulatorDir}.`);
  }
  const role = args.role ?? readSettings(core.db)['terminal.role'];
  const headless = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
  const shell = await launchChromiumShell({
    router: core.router,
    rendererDir,
    headless,
  });
  const landscape = role !== 'kiosk';
  const page = await shell.openWindow({
    role,
    viewport: landscape ? { width: 1920, height: 1080 } : { width: 1080, height: 1920 },
  });
  await page.waitForSelector('html[data-ready="true"]');
  console.log(`Mizban (${role}) is running in the Chromium shell. Database: ${dbPath}`);
  if (headless) {
    const shot = path.join(path.dirname(dbPath), `start-${role}.png`);
    await page.screenshot({ path: shot });
    console.log(`No display here, so Chromium runs headless; the first screen is at ${shot}. Ctrl+C stops.`);
  }
  const stop = () => {
    void shell.close().finally(() => {
      core.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  shell.browser.on('disconnected', () => {
    core.close();
    process.exit(0);
  });
}

main().catch((error: unknown) => {
  console.error(`mizban: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
