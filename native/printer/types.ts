/**
 * What the printer says about itself through DLE EOT (real-time status), as the print queue
 * and the kiosk need it. `online` is false whenever the printer will not print: cover open,
 * paper out, or an error.
 */
export interface PrinterStatus {
  online: boolean;
  paperNearEnd: boolean;
  paperOut: boolean;
  coverOpen: boolean;
}

/** Ready to take a receipt now. Paper near its end still prints. */
export function isReady(status: PrinterStatus): boolean {
  return status.online && !status.paperOut && !status.coverOpen;
}

/**
 * A way to a printer. node-thermal-printer takes it as its `interface` (it only calls
 * `isPrinterConnected()` and `execute(buffer)`); the print queue also calls `status()`.
 */
export interface Transport {
  /** For logs and errors: 'tcp://host:9100', 'serial:/dev/ttyUSB0@115200'. */
  readonly name: string;
  /** The printer answers a status query. Never throws. */
  isPrinterConnected(): Promise<boolean>;
  /** Real-time status (DLE EOT 1, 2, 4). Throws TransportError. */
  status(): Promise<PrinterStatus>;
  /**
   * Sends one job: asks the status first and sends nothing unless the printer is ready, then
   * sends the bytes, then asks the status again, which proves every byte arrived (the printer
   * answers DLE EOT in the order it receives bytes). Resolves to that last status.
   * Throws TransportError.
   */
  execute(buffer: Buffer): Promise<PrinterStatus>;
  /** Releases the connection or port; a later call opens it again. */
  close(): Promise<void>;
}

export type TransportErrorCode =
  /** Refused, unreachable, no such port. */
  | 'connect-failed'
  | 'connect-timeout'
  /** The printer stopped taking bytes (buffer full, flow control, gone). */
  | 'write-timeout'
  /** No answer to DLE EOT in time: offline at the link level, or too slow. */
  | 'status-timeout'
  /** The peer closed or reset the connection, or the port went away. */
  | 'connection-lost'
  /** The answer is not a DLE EOT status byte. */
  | 'bad-reply'
  /** The printer answered, but will not print: see `status`. */
  | 'not-ready';

export class TransportError extends Error {
  override readonly name = 'TransportError';
  readonly code: TransportErrorCode;
  /** The last status the printer gave in this call, if it gave one. */
  readonly status: PrinterStatus | null;
  /**
   * Some bytes of the job were handed to the link: the printer may have printed part or all
   * of it, so a reprint must be marked as a copy.
   */
  readonly mayHavePrinted: boolean;

  constructor(
    code: TransportErrorCode,
    message: string,
    details: { status?: PrinterStatus | null; mayHavePrinted?: boolean; cause?: unknown } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    this.status = details.status ?? null;
    this.mayHavePrinted = details.mayHavePrinted ?? false;
  }
}

/**
 * A printer the operating system drives (the Electron shell's fallback): its driver lays out
 * the page, so it takes the receipt as the same image, not as ESC/POS bytes.
 */
export interface ImagePrinter {
  readonly name: string;
  status(): Promise<PrinterStatus>;
  /** The receipt's 1-bit image as PNG, `widthDots` × `heightDots` at 8 dots a millimetre. */
  printImage(png: Buffer, widthDots: number, heightDots: number): Promise<PrinterStatus>;
  close(): Promise<void>;
}

/** The way to a printer: ESC/POS over a line, or an image through the OS. */
export type PrinterLink = Transport | ImagePrinter;

export function isImagePrinter(link: PrinterLink): link is ImagePrinter {
  return 'printImage' in link;
}
