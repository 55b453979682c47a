import fs from 'node:fs';
import path from 'node:path';
import type { LogEntry, LogLevel } from '../contract/kiosk';

/**
 * The terminal's log: JSON lines in `<dir>/mizban.log`, rotated by size into mizban.log.1
 * (the newest old one) … mizban.log.<keep>; older files are deleted. Written synchronously,
 * a line at a time, so that what happened just before a crash or a power cut is on disk.
 * Writing never throws: a log that cannot be written must not stop the terminal.
 */

export const LOG_FILE_NAME = 'mizban.log';
const DETAILS_MAX = 4000;

export interface RotatingLogOptions {
  dir: string;
  /** Rotate when the current file would pass this size. 1 MiB by default. */
  maxBytes?: number;
  /** How many rotated files to keep besides the current one. 5 by default. */
  keep?: number;
  now?: () => Date;
  /** Also say it here (the console when running from the sources); tests pass nothing. */
  echo?: (entry: LogEntry) => void;
}

export interface Logger {
  write(level: LogLevel, event: string, message: string, error?: unknown): void;
  info(event: string, message: string): void;
  warn(event: string, message: string, error?: unknown): void;
  error(event: string, message: string, error?: unknown): void;
  /** The newest entries first, at most `limit`, across the rotated files. */
  recent(limit: number): LogEntry[];
  readonly file: string;
}

function detailsOf(error: unknown): string | undefined {
  if (error === undefined || error === null || error === '') return undefined;
  const text = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
  return text.length > DETAILS_MAX ? `${text.slice(0, DETAILS_MAX)}…` : text;
}

function endsWithNewline(file: string, size: number): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const last = Buffer.alloc(1);
    fs.readSync(fd, last, 0, 1, size - 1);
    return last[0] === 0x0a;
  } finally {
    fs.closeSync(fd);
  }
}

export function parseLogLine(line: string): LogEntry | null {
  if (!line.trim()) return null;
  try {
    const value = JSON.parse(line) as Partial<LogEntry>;
    if (typeof value.at !== 'string' || typeof value.event !== 'string' || typeof value.message !== 'string') {
      return null;
    }
    if (value.level !== 'info' && value.level !== 'warn' && value.level !== 'error') return null;
    const entry: LogEntry = { at: value.at, level: value.level, event: value.event, message: value.message };
    if (typeof value.details === 'string') entry.details = value.details;
    return entry;
  } catch {
    // A line cut short by a power cut: skipped, the others are still read.
    return null;
  }
}

export class RotatingLog implements Logger {
  readonly file: string;
  private readonly dir: string;
  private readonly maxBytes: number;
  private readonly keep: number;
  private readonly now: () => Date;
  private readonly echo?: (entry: LogEntry) => void;
  private size: number | null = null;

  constructor(options: RotatingLogOptions) {
    this.dir = options.dir;
    this.file = path.join(options.dir, LOG_FILE_NAME);
    this.maxBytes = options.maxBytes ?? 1024 * 1024;
    this.keep = Math.max(0, options.keep ?? 5);
    this.now = options.now ?? (() => new Date());
    this.echo = options.echo;
  }

  /** mizban.log, then mizban.log.1 … mizban.log.<keep>: newest first. */
  files(): string[] {
    return [this.file, ...Array.from({ length: this.keep }, (_, i) => `${this.file}.${i + 1}`)];
  }

  write(level: LogLevel, event: string, message: string, error?: unknown): void {
    const entry: LogEntry = { at: this.now().toISOString(), level, event, message };
    const details = detailsOf(error);
    if (details) entry.details = details;
    this.echo?.(entry);
    const line = JSON.stringify(entry) + '\n';
    try {
      if (this.size === null) {
        fs.mkdirSync(this.dir, { recursive: true });
        this.size = fs.existsSync(this.file) ? fs.statSync(this.file).size : 0;
        // A line torn by a power cut: end it, so that it does not swallow the next one.
        if (this.size > 0 && !endsWithNewline(this.file, this.size)) {
          fs.appendFileSync(this.file, '\n');
          this.size += 1;
        }
      }
      const bytes = Buffer.byteLength(line);
      if (this.size > 0 && this.size + bytes > this.maxBytes) this.rotate();
      fs.appendFileSync(this.file, line);
      this.size += bytes;
    } catch {
      // Disk full or read-only: the terminal goes on; the echo (if any) still said it.
      this.size = null;
    }
  }

  info(event: string, message: string): void {
    this.write('info', event, message);
  }

  warn(event: string, message: string, error?: unknown): void {
    this.write('warn', event, message, error);
  }

  error(event: string, message: string, error?: unknown): void {
    this.write('error', event, message, error);
  }

  private rotate(): void {
    const files = this.files();
    const oldest = files.at(-1);
    if (this.keep === 0 || oldest === undefined) {
      fs.rmSync(this.file, { force: true });
    } else {
      fs.rmSync(oldest, { force: true });
      for (let i = files.length - 2; i >= 0; i--) {
        const from = files[i];
        const to = files[i + 1];
        if (from && to && fs.existsSync(from)) fs.renameSync(from, to);
      }
    }
    this.size = 0;
  }

  recent(limit: number): LogEntry[] {
    const entries: LogEntry[] = [];
    for (const file of this.files()) {
      if (entries.length >= limit) break;
      let text: string;
      try {
        text = fs.readFileSync(file, 'utf8');
      } catch {
        continue;
      }
      const lines = text.split('\n');
      for (let i = lines.length - 1; i >= 0 && entries.length < limit; i--) {
        const entry = parseLogLine(lines[i] ?? '');
        if (entry) entries.push(entry);
      }
    }
    return entries;
  }
}

/** A logger that keeps nothing: for code paths that have no log folder. */
export const nullLogger: Logger = {
  file: '',
  write: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  recent: () => [],
};
