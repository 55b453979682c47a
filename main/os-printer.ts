import { BrowserWindow } from 'electron';
import { TransportError, type ImagePrinter, type PrinterStatus } from '../native/printer/types';

/** Thermal printers draw 8 dots a millimetre (203 dpi). */
const DOTS_PER_MM = 8;
const READY: PrinterStatus = { online: true, paperNearEnd: false, paperOut: false, coverOpen: false };
const OFFLINE: PrinterStatus = { online: false, paperNearEnd: false, paperOut: false, coverOpen: false };

/**
 * The fallback for a printer only the OS can reach: the same receipt image, printed silently
 * through the driver of the named printer on a page cut to the receipt's size (in microns,
 * as Chromium wants it). A hidden, sandboxed window with nothing but the image does it.
 */
export class OsPrinter implements ImagePrinter {
  readonly name: string;

  constructor(private readonly deviceName: string) {
    this.name = `os:${deviceName}`;
  }

  async status(): Promise<PrinterStatus> {
    const window = new BrowserWindow({ show: false, webPreferences: { sandbox: true, contextIsolation: true } });
    try {
      const printers = await window.webContents.getPrintersAsync();
      const printer = printers.find((p) => p.name === this.deviceName);
      if (!printer) throw new TransportError('connect-failed', `no printer named ${this.deviceName}`);
      // The drivers' own states vary; what the OS lists as a printer can be sent to.
      return READY;
    } finally {
      window.destroy();
    }
  }

  async printImage(png: Buffer, widthDots: number, heightDots: number): Promise<PrinterStatus> {
    const widthMm = widthDots / DOTS_PER_MM;
    const heightMm = heightDots / DOTS_PER_MM;
    const window = new BrowserWindow({
      show: false,
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false },
    });
    try {
      const html = `<!doctype html><style>@page{margin:0}body{margin:0}img{width:${widthMm}mm;image-rendering:pixelated}</style><img src="data:image/png;base64,${png.toString('base64')}">`;
      await window.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
      await new Promise<void>((resolve, reject) =>
        window.webContents.print(
          {
            silent: true,
            deviceName: this.deviceName,
            printBackground: true,
            margins: { marginType: 'none' },
            pageSize: { width: Math.round(widthMm * 1000), height: Math.round(heightMm * 1000) },
          },
          (success, reason) =>
            success ? resolve() : reject(new TransportError('connection-lost', reason, { status: OFFLINE })),
        ),
      );
      return READY;
    } finally {
      window.destroy();
    }
  }

  async close(): Promise<void> {}
}
