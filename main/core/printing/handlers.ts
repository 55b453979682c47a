import { mobileLastFour, normalizeDigits } from '../contract';
import type { Db } from '../db/connection';
import { findByTrackingCode } from '../requests/rows';
import { DomainError, type Handlers } from '../router';
import { findJob, queueJob, recentJobs, retryJob } from './jobs';
import { renderReceipt } from './layout';
import { bitmapToPng } from './raster';
import { receiptDataFor } from './receipt-source';
import type { PrintService } from './service';
import type { Settings } from '../contract';

type PrintingHandlers = Pick<
  Handlers,
  'printer.status' | 'printer.test' | 'receipt.preview' | 'print.reprint' | 'print.job' | 'print.jobs' | 'print.retry'
>;

export function printingHandlers(
  db: Db,
  service: PrintService,
  settings: () => Settings,
  now: () => Date = () => new Date(),
): PrintingHandlers {
  const queued = (jobId: number) => {
    service.wake();
    return { jobId };
  };
  return {
    'printer.status': async () => ({ state: await service.status(), checkedAt: now().toISOString() }),
    'printer.test': () => queued(queueJob(db, { kind: 'test' }, now())),
    'receipt.preview': ({ trackingCode, mobileLastFour: lastFour }, caller) => {
      const row = findByTrackingCode(db, trackingCode);
      // At the kiosk the receipt is shown only to who knows the mobile's last digits, as a look-up.
      const needsMobile = caller.roles.includes('kiosk');
      const known =
        row &&
        (!needsMobile || (row.mobile !== null && mobileLastFour(row.mobile) === normalizeDigits(lastFour ?? '')));
      if (!known) throw new DomainError('requests.not_found');
      const receipt = renderReceipt(
        receiptDataFor(db, trackingCode, { copy: false }),
        settings()['printer.paperWidth'],
      );
      const png = bitmapToPng(receipt.bitmap).toString('base64');
      return { png: `data:image/png;base64,${png}`, width: receipt.bitmap.width, height: receipt.bitmap.height };
    },
    'print.reprint': ({ trackingCode }) => {
      const row = findByTrackingCode(db, trackingCode);
      if (!row) throw new DomainError('requests.not_found');
      return queued(queueJob(db, { kind: 'receipt', requestId: row.id }, now()));
    },
    'print.job': ({ jobId }) => {
      const job = findJob(db, jobId);
      if (!job) throw new DomainError('print.job_not_found');
      return { status: job.status, attempts: job.attempts, lastError: job.lastError };
    },
    'print.jobs': ({ limit }) => recentJobs(db, limit),
    'print.retry': ({ jobId }) => {
      if (!findJob(db, jobId)) throw new DomainError('print.job_not_found');
      if (!retryJob(db, jobId, now())) throw new DomainError('print.job_not_failed');
      const queuedAgain = findJob(db, jobId) as NonNullable<ReturnType<typeof findJob>>;
      service.wake();
      return queuedAgain;
    },
  };
}
