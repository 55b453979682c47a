import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { SerialPort } from 'serialport';

export interface SerialScannerOptions {
  path: string;
  baudRate?: number;
  /** How long to wait before opening the port again after it failed or went away. */
  reconnectMs?: number;
}

export type ScannerErrorCode = 'open-failed' | 'port-lost';

export class ScannerError extends Error {
  override readonly name = 'ScannerError';
  constructor(
    readonly code: ScannerErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** CR, LF or CRLF: scanners differ, and CRLF may arrive split between two reads. */
const LINE_END = /\r\n|\r|\n/;

/**
 * A barcode or QR scanner in serial mode: each scan arrives as the code and a line end. Emits
 * `code` for every scan, `connected` when the port opens and `disconnected` (with the reason)
 * when it cannot open or goes away; it keeps trying to open it until stop().
 */
export class SerialScanner extends EventEmitter<{
  code: [code: string];
  connected: [];
  disconnected: [error: ScannerError];
}> {
  private readonly options: Required<SerialScannerOptions>;
  private port: SerialPort | null = null;
  private retry: NodeJS.Timeout | null = null;
  private watchdog: NodeJS.Timeout | null = null;
  private running = false;
  /** Told once when the port is missing, not at every retry. */
  private reportedDown = false;
  private partial = '';
  /** A character's bytes may straddle two reads. */
  private decoder = new StringDecoder('utf8');

  constructor(options: SerialScannerOptions) {
    super();
    this.options = { baudRate: 9600, reconnectMs: 1000, ...options };
  }

  get connected(): boolean {
    return this.port?.isOpen ?? false;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.open();
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    const port = this.port;
    this.forget();
    if (port?.isOpen) await new Promise<void>((resolve) => port.close(() => resolve()));
  }

  private open(): void {
    this.retry = null;
    const port = new SerialPort({ path: this.options.path, baudRate: this.options.baudRate, autoOpen: false });
    port.open((error) => {
      if (!this.running) {
        if (!error) port.close(() => undefined);
        return;
      }
      if (error) {
        this.down(new ScannerError('open-failed', `${this.options.path}: ${error.message}`, { cause: error }));
        return;
      }
      this.port = port;
      this.partial = '';
      this.decoder = new StringDecoder('utf8');
      this.reportedDown = false;
      port.on('data', (chunk: Buffer) => this.receive(chunk));
      // 'close' follows an error on a port that went away; the close is what we act on.
      port.on('error', () => undefined);
      port.once('close', (closeError: Error | null) => {
        if (this.port !== port) return;
        this.forget();
        this.down(new ScannerError('port-lost', `${this.options.path}: ${closeError?.message ?? 'closed'}`));
      });
      // serialport does not always see a line hang up: a read that returns 0 bytes is retried for ever
      // (seen with pseudo-terminals). A device node that vanished is unplugged. COM3 and the like are no files.
      const { path } = this.options;
      if (fs.existsSync(path)) {
        this.watchdog = setInterval(() => {
          if (fs.existsSync(path)) return;
          this.forget();
          port.close(() => undefined);
          this.down(new ScannerError('port-lost', `${path}: the device is gone`));
        }, this.options.reconnectMs);
      }
      this.emit('connected');
    });
  }

  private forget(): void {
    this.port = null;
    if (this.watchdog) clearInterval(this.watchdog);
    this.watchdog = null;
  }

  private down(error: ScannerError): void {
    if (!this.reportedDown) {
      this.reportedDown = true;
      this.emit('disconnected', error);
    }
    if (this.running) this.retry = setTimeout(() => this.open(), this.options.reconnectMs);
  }

  private receive(chunk: Buffer): void {
    const lines = (this.partial + this.decoder.write(chunk)).split(LINE_END);
    // What follows the last line end is a code still arriving; a code cut off by an unplugged port is dropped.
    this.partial = lines.pop() ?? '';
    for (const line of lines) {
      const code = line.trim();
      if (code) this.emit('code', code);
    }
  }
}
