import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { SerialPort } from 'serialport';
import { bytesPerRow, type Bitmap } from '../../main/core/printing/bitmap';
import { STATUS_BITS } from '../../main/core/printing/escpos';
import { bitmapToPng } from '../../main/core/printing/raster';
import { EscPosParser, type EscPosCommand } from './parser';

export type PaperState = 'ok' | 'near-end' | 'out';

export interface EmulatorState {
  paper: PaperState;
  coverOpen: boolean;
  /** Offline by an error of its own (say, a print head too hot): no cover or paper cause. */
  offline: boolean;
  /** Every status answer waits this long. */
  replyDelayMs: number;
}

export type RefusalReason = 'cover-open' | 'paper-out' | 'offline';

interface JobBase {
  id: number;
  via: 'tcp' | 'serial';
  /** The commands it skipped (text, alignment...) and the prefixes it did not know. */
  ignored: string[];
  unknown: string[];
}

/**
 * What became of one receipt: the bytes up to a cut (printed or refused), or what a
 * connection left without one (incomplete: never rendered, so never mistaken for a receipt).
 */
export type EmulatorJob = JobBase &
  ({ outcome: 'printed'; bitmap: Bitmap; png: Buffer; file: string | null } | Unprinted);

type Unprinted =
  { outcome: 'refused'; reason: RefusalReason } | { outcome: 'incomplete'; reason: 'dropped' | 'closed-before-cut' };

export interface EmulatorOptions {
  /** Where printed receipts go as receipt-0001.png, ...; none when absent. */
  outDir?: string;
  log?: (message: string) => void;
}

/** The DLE EOT n answer for a state; null for an n it does not answer. */
export function statusReply(state: EmulatorState, n: number): number | null {
  const paperOut = state.paper === 'out';
  const offline = state.offline || state.coverOpen || paperOut;
  let bits: number;
  switch (n) {
    case 1:
      bits = offline ? STATUS_BITS.offline : 0;
      break;
    case 2:
      bits =
        (state.coverOpen ? STATUS_BITS.coverOpen : 0) |
        (paperOut ? STATUS_BITS.paperEndStop : 0) |
        (state.offline ? STATUS_BITS.errorOccurred : 0);
      break;
    case 3:
      bits = state.offline ? STATUS_BITS.autoRecoverableError : 0;
      break;
    case 4:
      bits = (state.paper === 'ok' ? 0 : STATUS_BITS.paperNearEnd) | (paperOut ? STATUS_BITS.paperNotPresent : 0);
      break;
    default:
      return null;
  }
  return STATUS_BITS.fixedValue | bits;
}

function refusal(state: EmulatorState): RefusalReason | null {
  if (state.coverOpen) return 'cover-open';
  if (state.paper === 'out') return 'paper-out';
  return state.offline ? 'offline' : null;
}

/** The paper of one receipt so far. Blank feed before the first and after the last image is margin, not receipt. */
interface Receipt {
  parts: ({ raster: Bitmap } | { feed: number })[];
  pendingFeed: number;
  refused: RefusalReason | null;
  ignored: Set<string>;
  unknown: Set<string>;
}

function newReceipt(): Receipt {
  return { parts: [], pendingFeed: 0, refused: null, ignored: new Set(), unknown: new Set() };
}

/** The images stacked edge to edge, left-aligned on the widest, with the feeds between them as white rows. */
function compose(parts: Receipt['parts']): Bitmap {
  const width = Math.max(...parts.map((part) => ('raster' in part ? part.raster.width : 0)));
  const rowBytes = bytesPerRow({ width });
  const height = parts.reduce((sum, part) => sum + ('raster' in part ? part.raster.height : part.feed), 0);
  const data = new Uint8Array(rowBytes * height);
  let y = 0;
  for (const part of parts) {
    if (!('raster' in part)) {
      y += part.feed;
      continue;
    }
    const partRowBytes = bytesPerRow(part.raster);
    for (let row = 0; row < part.raster.height; row++, y++) {
      data.set(part.raster.data.subarray(row * partRowBytes, (row + 1) * partRowBytes), y * rowBytes);
    }
  }
  return { width, height, data };
}

/** One peer: a TCP connection or the serial port. Parser state and the receipt under way are its own. */
class Session {
  readonly parser = new EscPosParser();
  receipt: Receipt | null = null;
  received = 0;
  ended = false;
  readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    readonly via: 'tcp' | 'serial',
    readonly reply: (bytes: Buffer) => void,
  ) {}
}

/**
 * An ESC/POS receipt printer for development and tests: a TCP server (port 9100 by default)
 * and/or a serial peer on a port (a pseudo-terminal made with socat). It prints `GS v 0`
 * images, feeds and cuts, answers DLE EOT from its state, and records each receipt as a job;
 * every other standard command is skipped by its length. Faults: `set()` paper near end or
 * out, cover open, offline, slow answers; `dropConnectionAfter()` cuts a connection mid-job.
 */
export class PrinterEmulator extends EventEmitter<{ job: [EmulatorJob] }> {
  readonly jobs: EmulatorJob[] = [];
  private current: EmulatorState = { paper: 'ok', coverOpen: false, offline: false, replyDelayMs: 0 };
  private dropAfter: number | null = null;
  private server: net.Server | null = null;
  private readonly sockets = new Set<net.Socket>();
  private serialPort: SerialPort | null = null;
  private readonly outDir: string | null;
  private readonly log: (message: string) => void;

  constructor(options: EmulatorOptions = {}) {
    super();
    this.outDir = options.outDir ?? null;
    this.log = options.log ?? (() => undefined);
    if (this.outDir) fs.mkdirSync(this.outDir, { recursive: true });
  }

  get state(): Readonly<EmulatorState> {
    return { ...this.current };
  }

  set(change: Partial<EmulatorState>): void {
    this.current = { ...this.current, ...change };
    this.log(`state: ${JSON.stringify(this.current)}`);
  }

  /** The next TCP connection to have received `bytes` bytes takes no more: the emulator resets it. Once. */
  dropConnectionAfter(bytes: number): void {
    this.dropAfter = bytes;
  }

  /** Resolves with the port it listens on (useful with port 0). */
  listenTcp(port = 9100, host = '127.0.0.1'): Promise<number> {
    const server = net.createServer((socket) => this.accept(socket));
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        const bound = (server.address() as net.AddressInfo).port;
        this.log(`listening on tcp://${host}:${bound}`);
        resolve(bound);
      });
    });
  }

  /** Becomes the printer at the far end of a serial line: opens `portPath` and answers on it. */
  openSerial(portPath: string, baudRate = 9600): Promise<void> {
    return new Promise((resolve, reject) => {
      const port = new SerialPort({ path: portPath, baudRate, autoOpen: false });
      port.open((error) => {
        if (error) {
          reject(error);
          return;
        }
        const session = new Session('serial', (bytes) => port.write(bytes));
        this.serialPort = port;
        port.on('data', (chunk: Buffer) => this.receive(session, chunk));
        port.on('error', (portError) => this.log(`serial: ${portError.message}`));
        port.once('close', () => this.end(session, 'closed-before-cut'));
        this.log(`serial peer on ${portPath}@${baudRate}`);
        resolve();
      });
    });
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const socket of this.sockets) socket.destroy();
    const closing: Promise<void>[] = [];
    if (server) closing.push(new Promise((resolve) => server.close(() => resolve())));
    const serialPort = this.serialPort;
    this.serialPort = null;
    if (serialPort?.isOpen) closing.push(new Promise((resolve) => serialPort.close(() => resolve())));
    await Promise.all(closing);
  }

  private accept(socket: net.Socket): void {
    this.sockets.add(socket);
    const session = new Session('tcp', (bytes) => {
      if (!socket.destroyed) socket.write(bytes);
    });
    socket.on('data', (chunk: Buffer) => {
      const limit = this.dropAfter;
      if (limit === null || session.received + chunk.length < limit) {
        this.receive(session, chunk);
        return;
      }
      this.dropAfter = null;
      this.receive(session, chunk.subarray(0, Math.max(0, limit - session.received)));
      this.log('dropping the connection mid-job');
      this.end(session, 'dropped');
      // Reset rather than close: a printer that lost power or its cable does not say goodbye.
      socket.resetAndDestroy();
    });
    // The peer resetting or vanishing is a normal end here, not a crash of the emulator.
    socket.on('error', (error) => this.log(`tcp: ${error.message}`));
    socket.once('close', () => {
      this.sockets.delete(socket);
      this.end(session, 'closed-before-cut');
    });
  }

  private receive(session: Session, chunk: Buffer): void {
    session.received += chunk.length;
    for (const command of session.parser.push(chunk)) this.apply(session, command);
  }

  private apply(session: Session, command: EscPosCommand): void {
    switch (command.kind) {
      case 'status-request':
        this.answer(session, command.n);
        return;
      case 'init':
        return;
      case 'ignored':
      case 'unknown': {
        const receipt = (session.receipt ??= newReceipt());
        receipt[command.kind].add(command.name);
        return;
      }
    }
    const receipt = (session.receipt ??= newReceipt());
    receipt.refused ??= refusal(this.current);
    if (receipt.refused) {
      if (command.kind === 'cut') this.finish(session, { outcome: 'refused', reason: receipt.refused });
      return;
    }
    switch (command.kind) {
      case 'raster':
        if (receipt.pendingFeed > 0) receipt.parts.push({ feed: receipt.pendingFeed });
        receipt.pendingFeed = 0;
        receipt.parts.push({ raster: command.bitmap });
        return;
      case 'feed':
        if (receipt.parts.length > 0) receipt.pendingFeed += command.dots;
        return;
      case 'cut':
        this.finish(session, null);
        return;
    }
  }

  private answer(session: Session, n: number): void {
    const reply = statusReply(this.current, n);
    if (reply === null) return;
    const delay = this.current.replyDelayMs;
    if (delay <= 0) {
      session.reply(Buffer.from([reply]));
      return;
    }
    const timer = setTimeout(() => {
      session.timers.delete(timer);
      session.reply(Buffer.from([reply]));
    }, delay);
    session.timers.add(timer);
  }

  /** At a cut: a printed receipt (null) or the given outcome. Blank paper alone is no receipt. */
  private finish(session: Session, outcome: Unprinted | null): void {
    const receipt = session.receipt ?? newReceipt();
    session.receipt = null;
    const base = {
      id: this.jobs.length + 1,
      via: session.via,
      ignored: [...receipt.ignored],
      unknown: [...receipt.unknown],
    };
    let job: EmulatorJob;
    if (outcome) {
      job = { ...base, ...outcome };
    } else {
      if (receipt.parts.length === 0) return;
      const bitmap = compose(receipt.parts);
      const png = bitmapToPng(bitmap);
      const file = this.outDir ? path.join(this.outDir, `receipt-${String(base.id).padStart(4, '0')}.png`) : null;
      // Written before the printer answers its next question, so a caller that saw the answer finds the file.
      if (file) fs.writeFileSync(file, png);
      job = { ...base, outcome: 'printed', bitmap, png, file };
    }
    this.jobs.push(job);
    this.log(
      `job ${job.id} (${job.via}): ${job.outcome}` +
        (job.outcome === 'printed'
          ? ` ${job.bitmap.width}×${job.bitmap.height}${job.file ? ` → ${job.file}` : ''}`
          : ` (${job.reason})`),
    );
    this.emit('job', job);
  }

  /** The peer is gone: what it left without a cut is an incomplete job (or the refusal it already was). */
  private end(session: Session, reason: 'dropped' | 'closed-before-cut'): void {
    if (session.ended) return;
    session.ended = true;
    for (const timer of session.timers) clearTimeout(timer);
    session.timers.clear();
    const receipt = session.receipt;
    const started = receipt && (receipt.parts.length > 0 || receipt.refused);
    if (!started && !session.parser.midCommand) {
      session.receipt = null;
      return;
    }
    if (receipt?.refused) this.finish(session, { outcome: 'refused', reason: receipt.refused });
    else this.finish(session, { outcome: 'incomplete', reason });
  }
}
