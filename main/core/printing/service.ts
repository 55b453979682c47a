import { makeTrackingCode, type PrintJob, type PrinterState, type Settings } from '../contract';
import type { Db } from '../db/connection';
import type { EventBus } from '../events';
import { isImagePrinter, TransportError, type PrinterLink, type PrinterStatus } from '../../../native/printer/types';
import { bitmapToPng } from './raster';
import { formatJalali, tehranClock } from '../calendar/jalali';
import { encodeReceipt } from './escpos';
import { claimNextJob, findJob, markNotPrinted, markPrinted } from './jobs';
import { renderReceipt, type DrawnSheet } from './layout';
import type { ReceiptData } from './receipt-data';
import { receiptDataFor } from './receipt-source';
import { renderSurveySlip, surveySlipDataFor } from './survey-slip';

/** How often the queue looks for due jobs when nothing woke it. */
const TICK_MS = 1000;

export function printerState(status: PrinterStatus): PrinterState {
  if (status.coverOpen) return 'cover_open';
  if (status.paperOut) return 'paper_out';
  if (!status.online) return 'offline';
  return status.paperNearEnd ? 'paper_near_end' : 'ready';
}

/** The test page goes through the whole receipt path: what prints it will print receipts. */
export function testPageData(settings: Settings, now: Date): ReceiptData {
  return {
    agencyTitle: settings['office.name.fa'],
    officeName: settings['office.name.fa'],
    terminalNumber: settings['terminal.number'],
    serviceTitle: 'چاپ آزمایشی؛ این رسید هیچ درخواستی نیست',
    serviceCode: 'TEST',
    trackingCode: makeTrackingCode(settings['terminal.number'], 9_999_999),
    createdAt: now.toISOString(),
    dueDate: formatJalali(tehranClock(now).day),
    dueDateEstimated: false,
    documents: [],
    maskedNationalCode: null,
    maskedLegalId: null,
    maskedMobile: null,
    copy: false,
  };
}

export interface PrintServiceOptions {
  db: Db;
  bus: EventBus;
  settings: () => Settings;
  /** The way to the printer the settings name, or null when there is none. */
  transportFor: (settings: Settings) => PrinterLink | null;
  log: (message: string, error?: unknown) => void;
  now?: () => Date;
}

/**
 * Prints the queued jobs, one at a time, in order: render, encode, send, check. Every
 * outcome is written to the job and pushed to the faces; nothing is dropped: a job that
 * cannot print waits and tries again, and after its last try stays 'failed' in sight.
 */
export class PrintService {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private transport: { key: string; transport: PrinterLink } | undefined;
  private lastState: PrinterState | undefined;
  private stopped = false;
  private readonly now: () => Date;

  constructor(private readonly options: PrintServiceOptions) {
    this.now = options.now ?? (() => new Date());
  }

  start(): void {
    this.stopped = false;
    // unref: a queue with nothing to print never keeps a process (a test, the CLI) alive.
    this.timer ??= setInterval(() => this.wake(), TICK_MS).unref();
    this.wake();
  }

  /**
   * Stops at once, as a power cut would: a job being sent is left 'printing' and, like one
   * left by a crash, goes back to the queue as a copy when the terminal starts again.
   */
  stop(): void {
    this.stopped = true;
    clearInterval(this.timer);
    this.timer = undefined;
    void this.transport?.transport.close();
    this.transport = undefined;
  }

  /** The last state learnt, without asking the printer. */
  lastKnownState(): PrinterState {
    return this.lastState ?? (this.currentTransport() ? 'unreachable' : 'not_configured');
  }

  /** Looks at the queue now (a job was just queued); a pass already under way is not doubled. */
  wake(): void {
    if (this.stopped) return;
    this.running ??= this.drain().finally(() => (this.running = undefined));
  }

  /** Waits until the queue has nothing due (tests and the CLI use it). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** The printer's state now, asked of the printer (DLE EOT), pushed to the faces when it changes. */
  async status(): Promise<PrinterState> {
    const transport = this.currentTransport();
    if (!transport) return this.report('not_configured');
    try {
      return this.report(printerState(await transport.status()));
    } catch (error) {
      return this.report(error instanceof TransportError && error.status ? printerState(error.status) : 'unreachable');
    }
  }

  private report(state: PrinterState): PrinterState {
    if (state !== this.lastState) {
      this.lastState = state;
      this.options.bus.emit({ type: 'printer.status', state, checkedAt: this.now().toISOString() });
    }
    return state;
  }

  /** One transport per printer setting, made again when the administrator changes them. */
  private currentTransport(): PrinterLink | null {
    const settings = this.options.settings();
    const key = JSON.stringify([
      settings['printer.connection'],
      settings['printer.host'],
      settings['printer.port'],
      settings['printer.serialPath'],
      settings['printer.baudRate'],
      settings['printer.osName'],
    ]);
    if (this.transport?.key !== key) {
      const old = this.transport?.transport;
      void old?.close();
      const transport = this.options.transportFor(settings);
      this.transport = transport ? { key, transport } : undefined;
    }
    return this.transport?.transport ?? null;
  }

  private async drain(): Promise<void> {
    const { db } = this.options;
    while (!this.stopped) {
      const transport = this.currentTransport();
      if (!transport) {
        this.report('not_configured');
        return;
      }
      const job = claimNextJob(db, this.now());
      if (!job) return;
      this.pushJob(job.id);
      try {
        const { bitmap } = this.drawJob(job);
        const status = isImagePrinter(transport)
          ? await transport.printImage(bitmapToPng(bitmap), bitmap.width, bitmap.height)
          : await transport.execute(await encodeReceipt(bitmap));
        if (this.stopped) return;
        markPrinted(db, job.id, printerState(status), this.now());
        this.report(printerState(status));
      } catch (error) {
        if (this.stopped) return;
        const known = error instanceof TransportError;
        if (!known) this.options.log(`print job ${job.id} failed`, error);
        const outcome = markNotPrinted(
          db,
          job,
          {
            error: known ? error.code : 'internal',
            printerStatus: known && error.status ? printerState(error.status) : null,
            mayHavePrinted: known && error.mayHavePrinted,
          },
          this.now(),
        );
        this.pushJob(job.id);
        if (outcome === 'failed') this.options.log(`print job ${job.id} gave up after ${job.attempts} tries`);
        // A job that cannot be drawn waits its turn again; a printer that will not print stops the pass.
        if (!known) continue;
        this.report(error.status ? printerState(error.status) : 'unreachable');
        return;
      }
      this.pushJob(job.id);
    }
  }

  private drawJob(job: PrintJob): DrawnSheet {
    const { db } = this.options;
    const settings = this.options.settings();
    const paper = settings['printer.paperWidth'];
    switch (job.kind) {
      case 'test':
        return renderReceipt(testPageData(settings, this.now()), paper);
      case 'receipt':
        return renderReceipt(receiptDataFor(db, job.trackingCode ?? '', { copy: job.copy }), paper);
      case 'survey_slip':
        return renderSurveySlip(surveySlipDataFor(db, job.trackingCode ?? ''), paper);
    }
  }

  private pushJob(id: number): void {
    const job = findJob(this.options.db, id);
    if (job) this.options.bus.emit({ type: 'print.job', job });
  }
}
