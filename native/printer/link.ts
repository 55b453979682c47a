import type { Duplex } from 'node:stream';
import { parseStatus, STATUS_REPLY_LENGTH, STATUS_REQUEST } from '../../main/core/printing/escpos';
import { isReady, TransportError, type PrinterStatus } from './types';

/** node-thermal-printer's isPrinterConnected(): the printer answers a status query; a fault of ours still throws. */
export async function answersStatus(status: () => Promise<PrinterStatus>): Promise<boolean> {
  try {
    await status();
    return true;
  } catch (error) {
    if (error instanceof TransportError) return false;
    throw error;
  }
}

export interface LinkTimeouts {
  /** For the job's bytes to be taken by the link. */
  writeMs: number;
  /** For the answer to one status request. */
  statusMs: number;
}

function describe(status: PrinterStatus): string {
  const causes = [
    status.coverOpen && 'cover open',
    status.paperOut && 'paper out',
    !status.online && !status.coverOpen && !status.paperOut && 'offline',
  ].filter(Boolean);
  return `not ready (${causes.join(', ')})`;
}

/**
 * Questions and answers over one open byte stream to a printer: a TCP socket or a serial port.
 * One operation at a time; the transports see to that.
 */
export class Link {
  private inbox = Buffer.alloc(0);
  private lost: Error | null = null;
  private wake: () => void = () => undefined;

  constructor(
    private readonly stream: Duplex,
    private readonly name: string,
  ) {
    stream.on('data', (chunk: Buffer) => {
      this.inbox = Buffer.concat([this.inbox, chunk]);
      this.wake();
    });
    stream.on('error', (error: Error) => this.lose(error));
    stream.on('close', () => this.lose(new Error('closed by the printer')));
  }

  private lose(error: Error): void {
    this.lost ??= error;
    this.wake();
  }

  private lostError(mayHavePrinted: boolean, cause: Error = this.lost ?? new Error('closed')): TransportError {
    return new TransportError('connection-lost', `${this.name}: ${cause.message}`, { cause, mayHavePrinted });
  }

  /** Resolves with what `poll` returns once defined; `poll` throws to fail. */
  private wait<T>(timeoutMs: number, poll: () => T | undefined, onTimeout: () => TransportError): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const settle = (finish: () => void): void => {
        clearTimeout(timer);
        this.wake = () => undefined;
        finish();
      };
      const timer = setTimeout(() => settle(() => reject(onTimeout())), timeoutMs);
      this.wake = () => {
        try {
          const value = poll();
          if (value !== undefined) settle(() => resolve(value));
        } catch (error) {
          settle(() => reject(error));
        }
      };
      this.wake();
    });
  }

  async write(bytes: Buffer, timeoutMs: number, mayHavePrinted: boolean): Promise<void> {
    if (this.lost) throw this.lostError(mayHavePrinted);
    let written = false;
    let failure: Error | null = null;
    this.stream.write(bytes, (error) => {
      written = true;
      failure = error ?? null;
      this.wake();
    });
    await this.wait(
      timeoutMs,
      () => {
        if (failure ?? this.lost) throw this.lostError(mayHavePrinted, failure ?? undefined);
        return written || undefined;
      },
      () =>
        new TransportError('write-timeout', `${this.name}: the printer took no bytes for ${timeoutMs} ms`, {
          mayHavePrinted,
        }),
    );
  }

  async status(timeoutMs: number, mayHavePrinted: boolean): Promise<PrinterStatus> {
    // Whatever came before the question is not its answer (a late reply to a timed-out one).
    this.inbox = Buffer.alloc(0);
    await this.write(STATUS_REQUEST, timeoutMs, mayHavePrinted);
    const reply = await this.wait(
      timeoutMs,
      () => {
        if (this.inbox.length >= STATUS_REPLY_LENGTH) return this.inbox.subarray(0, STATUS_REPLY_LENGTH);
        if (this.lost) throw this.lostError(mayHavePrinted);
        return undefined;
      },
      () =>
        new TransportError('status-timeout', `${this.name}: no status answer within ${timeoutMs} ms`, {
          mayHavePrinted,
        }),
    );
    const status = parseStatus(reply);
    if (!status) {
      throw new TransportError('bad-reply', `${this.name}: not a status answer: ${reply.toString('hex')}`, {
        mayHavePrinted,
      });
    }
    return status;
  }

  /** Transport.execute over this link: status, the job, status again. */
  async job(bytes: Buffer, timeouts: LinkTimeouts): Promise<PrinterStatus> {
    const before = await this.status(timeouts.statusMs, false);
    if (!isReady(before))
      throw new TransportError('not-ready', `${this.name}: ${describe(before)}`, { status: before });
    await this.write(bytes, timeouts.writeMs, true);
    const after = await this.status(timeouts.statusMs, true);
    if (!isReady(after)) {
      throw new TransportError('not-ready', `${this.name}: ${describe(after)} after the job`, {
        status: after,
        mayHavePrinted: true,
      });
    }
    return after;
  }
}
