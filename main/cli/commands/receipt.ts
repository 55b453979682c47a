import fs from 'node:fs';
import { PAPER_DOTS, type PaperWidth } from '../../core/printing/bitmap';
import { parseTrackingCode } from '../../core/contract';
import { openDatabase } from '../../core/db/connection';
import { renderReceipt } from '../../core/printing/layout';
import { bitmapToPng } from '../../core/printing/raster';
import { receiptDataFor } from '../../core/printing/receipt-source';
import { DomainError } from '../../core/router';
import { UsageError } from '../usage-error';

function paperOf(width: string | undefined): PaperWidth {
  const paper = Number(width ?? 80);
  if (!(paper in PAPER_DOTS)) throw new UsageError('--width takes 58 or 80 (mm)');
  return paper as PaperWidth;
}

/**
 * `mizban receipt render`: a request's receipt as the printer would burn it (1-bit, black on
 * white), written to a PNG. Reads the database only; with --copy, marked as a reprint.
 */
export function receiptRender(
  dbPath: string,
  tracking: string | undefined,
  out: string | undefined,
  width: string | undefined,
  copy = false,
): string {
  if (!tracking) throw new UsageError('receipt render needs --tracking CODE');
  if (!out) throw new UsageError('receipt render needs --out FILE.png');
  const paper = paperOf(width);
  const parsed = parseTrackingCode(tracking);
  if (!parsed.ok) throw new UsageError(`not a tracking code: ${tracking} (${parsed.error})`);
  if (!fs.existsSync(dbPath)) throw new Error(`no database at ${dbPath}`);
  const db = openDatabase(dbPath, { readonly: true });
  try {
    const receipt = renderReceipt(receiptDataFor(db, parsed.code, { copy }), paper);
    fs.writeFileSync(out, bitmapToPng(receipt.bitmap));
    return `wrote ${out} (${paper} mm, ${receipt.bitmap.width}×${receipt.bitmap.height} dots)`;
  } catch (error) {
    if (error instanceof DomainError && error.code === 'requests.not_found') {
      throw new Error(`no request with tracking code ${parsed.code} in ${dbPath}`);
    }
    throw error;
  } finally {
    db.close();
  }
}
