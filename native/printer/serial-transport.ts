import { SerialPort } from 'serialport';
import { answersStatus, Link } from './link';
import { TransportError, type PrinterStatus, type Transport } from './types';

export interface SerialTransportOptions {
  /** '/dev/ttyUSB0', 'COM3', or a pseudo-terminal. */
  path: string;
  baudRate: number;
  openTimeoutMs?: number;
  /** Allowed on top of the time the job's bytes take on the wire at baudRate. */
  writeTimeoutMs?: number;
  statusTimeoutMs?: number;
}

/** 8N1: a start bit, eight data bits, a stop bit. */
const BITS_PER_BYTE = 10;

/**
 * A printer on a serial port. The port stays open between operations, which run one at a time
 * (answers share the line). After any failure the port is closed, so that a late answer cannot
 * pass for the next one and a port that went away is opened afresh.
 */
export class SerialTransport implements Transport {
  readonly name: string;
  private readonly options: Required<SerialTransportOptions>;
  private current: { port: SerialPort; link: Link } | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(options: SerialTransportOptions) {
    this.options = { openTimeoutMs: 3000, writeTimeoutMs: 10_000, statusTimeoutMs: 2000, ...options };
    this.name = `serial:${options.path}@${options.baudRate}`;
  }

  isPrinterConnected(): Promise<boolean> {
    return answersStatus(() => this.status());
  }

  status(): Promise<PrinterStatus> {
    return this.exclusive((link) => link.status(this.options.statusTimeoutMs, false));
  }

  execute(buffer: Buffer): Promise<PrinterStatus> {
    const wireMs = Math.ceil((buffer.length * BITS_PER_BYTE * 1000) / this.options.baudRate);
    return this.exclusive((link) =>
      link.job(buffer, { writeMs: this.options.writeTimeoutMs + wireMs, statusMs: this.options.statusTimeoutMs }),
    );
  }

  async close(): Promise<void> {
    await this.closePort();
  }

  private exclusive<T>(use: (link: Link) => Promise<T>): Promise<T> {
    const run = this.queue.then(async () => {
      const { link } = this.current ?? (await this.openPort());
      try {
        return await use(link);
      } catch (error) {
        await this.closePort();
        throw error;
      }
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async openPort(): Promise<{ port: SerialPort; link: Link }> {
    const { path, baudRate, openTimeoutMs } = this.options;
    const port = new SerialPort({ path, baudRate, autoOpen: false });
    const opening = new Promise<void>((resolve, reject) => port.open((error) => (error ? reject(error) : resolve())));
    // Bytes the line held from before (a late answer to a question that timed out) are no answer to ours.
    const ready = opening.then(
      () => new Promise<void>((resolve, reject) => port.flush((error) => (error ? reject(error) : resolve()))),
    );
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new TransportError('connect-timeout', `${this.name}: not open within ${openTimeoutMs} ms`)),
        openTimeoutMs,
      );
    });
    try {
      await Promise.race([ready, timeout]);
    } catch (error) {
      // Open, or about to be: close it, it is not ours to keep.
      opening.then(
        () => port.close(() => undefined),
        () => undefined,
      );
      if (error instanceof TransportError) throw error;
      const message = error instanceof Error ? error.message : String(error);
      throw new TransportError('connect-failed', `${this.name}: ${message}`, { cause: error });
    } finally {
      clearTimeout(timer);
    }
    const opened = { port, link: new Link(port, this.name) };
    // Unplugged: forget the port; the next operation opens it again.
    port.once('close', () => {
      if (this.current === opened) this.current = null;
    });
    this.current = opened;
    return opened;
  }

  private async closePort(): Promise<void> {
    const opened = this.current;
    this.current = null;
    if (!opened?.port.isOpen) return;
    await new Promise<void>((resolve) => opened.port.close(() => resolve()));
  }
}
