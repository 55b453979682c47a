import { BrowserWindow } from 'electron';
import { INVOKE_CHANNEL, fail, reportPrintPath } from './core/contract';
import {
  checkPrintState,
  PRINT_MARGIN_INCHES,
  PRINT_STATE_SCRIPT,
  printState,
  type ReportPdfMaker,
} from './core/reports/pdf';
import { callerForWindow } from './shell/caller';
import { APP_ORIGIN, isAllowedIpcSender, windowOptions, type WindowPolicyOptions } from './shell/policy';

/**
 * Reports as PDF in the Electron app: the print page in a hidden window, printed by
 * webContents.printToPDF (Chromium's own printing, so Persian is shaped as on screen).
 * The window's calls are answered by its own handler (webContents.ipc comes before
 * ipcMain's) on the print channels alone; it is never shown and is destroyed once printed.
 */
export function electronReportPdf(policy: WindowPolicyOptions): ReportPdfMaker {
  return async (request, router) => {
    const options = windowOptions('admin', policy);
    // Hidden windows are throttled by default: the page's timers and frames must run to draw it.
    const win = new BrowserWindow({
      ...options,
      webPreferences: { ...options.webPreferences, backgroundThrottling: false },
    });
    try {
      const contents = win.webContents;
      contents.ipc.handle(INVOKE_CHANNEL, (event, channel: unknown, input: unknown) => {
        const frame = event.senderFrame;
        if (!frame || !isAllowedIpcSender(frame.url, frame.parent === null)) return fail('role.forbidden');
        return router.call(callerForWindow('admin'), String(channel), input);
      });
      await win.loadURL(APP_ORIGIN + reportPrintPath(request));
      checkPrintState(await printState(contents.executeJavaScript(PRINT_STATE_SCRIPT)));
      const margin = PRINT_MARGIN_INCHES;
      const pdf = await contents.printToPDF({
        pageSize: 'A4',
        printBackground: true,
        preferCSSPageSize: true,
        margins: { top: margin, bottom: margin, left: margin, right: margin },
      });
      return new Uint8Array(pdf);
    } finally {
      win.destroy();
    }
  };
}
