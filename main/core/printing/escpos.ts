import { PrinterTypes, ThermalPrinter } from 'node-thermal-printer';
import type { PrinterStatus } from '../../../native/printer/types';
import { bytesPerRow, type Bitmap } from './bitmap';

const ESC = 0x1b;
const DLE = 0x10;
const EOT = 0x04;

/**
 * Rows per `GS v 0` command. Epson caps one raster image (2303 rows on the TM-T88) and cheap
 * printers have small receive buffers, so a long receipt goes as a stack of bands; the printer
 * prints them edge to edge.
 */
export const BAND_ROWS = 256;

/** node-thermal-printer writes xH = 0: one raster row is at most 255 bytes. */
const MAX_ROW_BYTES = 255;

/**
 * DLE EOT 1 (printer status), DLE EOT 2 (offline cause), DLE EOT 4 (roll paper sensor). The
 * printer answers each with one byte, in order, at once: even offline, even mid-job.
 */
export const STATUS_REQUEST = Buffer.from([DLE, EOT, 1, DLE, EOT, 2, DLE, EOT, 4]);
export const STATUS_REPLY_LENGTH = 3;

/** Bits of the DLE EOT replies (Epson ESC/POS reference, "DLE EOT"). */
export const STATUS_BITS = {
  /** Every reply byte: bits 1 and 4 set, bits 0 and 7 clear. */
  fixedMask: 0x93,
  fixedValue: 0x12,
  /** n = 1 */
  offline: 0x08,
  /** n = 2 */
  coverOpen: 0x04,
  paperEndStop: 0x20,
  errorOccurred: 0x40,
  /** n = 3: e.g. the print head is too hot; the printer comes back by itself. */
  autoRecoverableError: 0x40,
  /** n = 4: two bits per sensor, both set when it trips. */
  paperNearEnd: 0x0c,
  paperNotPresent: 0x60,
} as const;

/**
 * The three reply bytes of STATUS_REQUEST as a status, or null when they are not DLE EOT
 * replies (wrong length or fixed bits: e.g. stray bytes of another answer).
 */
export function parseStatus(reply: Uint8Array): PrinterStatus | null {
  if (reply.length !== STATUS_REPLY_LENGTH) return null;
  if (!reply.every((byte) => (byte & STATUS_BITS.fixedMask) === STATUS_BITS.fixedValue)) return null;
  const [printer = 0, offlineCause = 0, paper = 0] = reply;
  return {
    online: (printer & STATUS_BITS.offline) === 0,
    paperNearEnd: (paper & STATUS_BITS.paperNearEnd) !== 0,
    paperOut: (paper & STATUS_BITS.paperNotPresent) !== 0 || (offlineCause & STATUS_BITS.paperEndStop) !== 0,
    coverOpen: (offlineCause & STATUS_BITS.coverOpen) !== 0,
  };
}

/** Rows [first, first + count) of a bitmap, sharing its bytes. */
export function bitmapRows(bitmap: Bitmap, first: number, count: number): Bitmap {
  const rowBytes = bytesPerRow(bitmap);
  return {
    width: bitmap.width,
    height: count,
    data: bitmap.data.subarray(first * rowBytes, (first + count) * rowBytes),
  };
}

/**
 * `GS v 0` for one band, byte for byte what node-thermal-printer's printImageBuffer writes
 * (m = 48, xH = 0), made straight from our dots: its own path decodes a PNG into an object
 * per pixel, four fifths of a receipt's time (tests/bench/receipt.bench.ts).
 */
export function rasterBand(band: Bitmap): Buffer {
  const header = [0x1d, 0x76, 0x30, 48, bytesPerRow(band) & 0xff, 0x00, band.height & 0xff, (band.height >> 8) & 0xff];
  return Buffer.concat([Buffer.from(header), band.data]);
}

function checkBitmap(bitmap: Bitmap): void {
  const rowBytes = bytesPerRow(bitmap);
  if (!Number.isInteger(rowBytes) || rowBytes < 1 || rowBytes > MAX_ROW_BYTES) {
    throw new RangeError(`bitmap width ${bitmap.width}: must be a multiple of 8, at most ${MAX_ROW_BYTES * 8}`);
  }
  if (!Number.isInteger(bitmap.height) || bitmap.height < 1 || bitmap.data.length !== rowBytes * bitmap.height) {
    throw new RangeError(`bitmap ${bitmap.width}×${bitmap.height} with ${bitmap.data.length} bytes`);
  }
}

/**
 * One receipt as ESC/POS, through node-thermal-printer: ESC @, the bitmap as `GS v 0` bands,
 * feed past the cutter, full cut, ESC @. tests/unit/escpos.test.ts holds the bands to what
 * its printImageBuffer makes of the same dots, byte for byte.
 */
export async function encodeReceipt(bitmap: Bitmap): Promise<Buffer> {
  checkBitmap(bitmap);
  // No interface: this printer only builds bytes (the typings want one; core.js needs it only to execute).
  const printer = new ThermalPrinter({ type: PrinterTypes.EPSON } as ConstructorParameters<typeof ThermalPrinter>[0]);
  printer.append(Buffer.from([ESC, 0x40]));
  for (let first = 0; first < bitmap.height; first += BAND_ROWS) {
    printer.append(rasterBand(bitmapRows(bitmap, first, Math.min(BAND_ROWS, bitmap.height - first))));
  }
  printer.cut();
  return printer.getBuffer();
}
