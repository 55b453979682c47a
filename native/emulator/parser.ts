import { isBlack, type Bitmap } from '../../main/core/printing/bitmap';

/** What the emulator does with the bytes it received, in order. */
export type EscPosCommand =
  | { kind: 'init' }
  /** GS v 0: already scaled (double width or height) to the dots it covers. */
  | { kind: 'raster'; bitmap: Bitmap }
  | { kind: 'feed'; dots: number }
  | { kind: 'cut'; partial: boolean }
  /** DLE EOT n: answered at once. */
  | { kind: 'status-request'; n: number }
  /** Understood, and without effect on the emulated paper: text, alignment, fonts, barcodes... */
  | { kind: 'ignored'; name: string }
  /** A prefix this parser does not know: it skips the prefix and its next byte. */
  | { kind: 'unknown'; name: string };

const LF = 0x0a;
const DLE = 0x10;
const ESC = 0x1b;
const FS = 0x1c;
const GS = 0x1d;

/** ESC 2: 1/6 inch, 30 dots on a 203 dpi head (one motion unit is one dot). */
export const DEFAULT_LINE_SPACING = 30;

/** Total lengths of the fixed-length commands, by their second byte (Epson ESC/POS reference). */
const ESC_LENGTHS: Record<number, number> = {
  0x20: 3, // ESC SP n: character right spacing
  0x21: 3, // ESC ! n: print mode
  0x24: 4, // ESC $ nL nH: absolute position
  0x25: 3, // ESC % n: user-defined characters
  0x2d: 3, // ESC - n: underline
  0x32: 2, // ESC 2: default line spacing
  0x33: 3, // ESC 3 n: line spacing
  0x3c: 2, // ESC <: return home
  0x3d: 3, // ESC = n: select peripheral
  0x3f: 3, // ESC ? n: cancel user-defined character
  0x40: 2, // ESC @: initialize
  0x42: 4, // ESC B n t: buzzer
  0x45: 3, // ESC E n: emphasized
  0x47: 3, // ESC G n: double strike
  0x4a: 3, // ESC J n: print and feed n dots
  0x4b: 3, // ESC K n: print and reverse feed n dots
  0x4c: 2, // ESC L: page mode
  0x4d: 3, // ESC M n: font
  0x52: 3, // ESC R n: international character set
  0x53: 2, // ESC S: standard mode
  0x54: 3, // ESC T n: page mode direction
  0x55: 3, // ESC U n: unidirectional printing
  0x56: 3, // ESC V n: 90° rotation
  0x57: 10, // ESC W xL xH yL yH dxL dxH dyL dyH: page mode area
  0x5c: 4, // ESC \ nL nH: relative position
  0x61: 3, // ESC a n: justification
  0x63: 4, // ESC c 3|4|5 n: paper sensors, panel buttons
  0x64: 3, // ESC d n: print and feed n lines
  0x65: 3, // ESC e n: print and reverse feed n lines
  0x69: 2, // ESC i: partial cut (obsolete)
  0x6d: 2, // ESC m: partial cut (obsolete)
  0x70: 5, // ESC p m t1 t2: drawer kick pulse
  0x72: 3, // ESC r n: print color
  0x74: 3, // ESC t n: code page
  0x7b: 3, // ESC { n: upside down
};

const GS_LENGTHS: Record<number, number> = {
  0x21: 3, // GS ! n: character size
  0x24: 4, // GS $ nL nH: absolute vertical position
  0x2f: 3, // GS / m: print downloaded bit image
  0x3a: 2, // GS :: macro definition start/end
  0x42: 3, // GS B n: white/black reverse
  0x48: 3, // GS H n: HRI position
  0x49: 3, // GS I n: transmit printer ID
  0x4c: 4, // GS L nL nH: left margin
  0x50: 4, // GS P x y: motion units
  0x54: 3, // GS T n: beginning of line
  0x57: 4, // GS W nL nH: print area width
  0x5c: 4, // GS \ nL nH: relative vertical position
  0x5e: 5, // GS ^ r t m: execute macro
  0x61: 3, // GS a n: automatic status back
  0x62: 3, // GS b n: smoothing
  0x66: 3, // GS f n: HRI font
  0x68: 3, // GS h n: barcode height
  0x72: 3, // GS r n: transmit status (not answered: we read status by DLE EOT)
  0x77: 3, // GS w n: barcode module width
  0x7c: 3, // GS | n: print density
};

const FS_LENGTHS: Record<number, number> = {
  0x21: 3, // FS ! n: kanji print mode
  0x26: 2, // FS &: kanji mode on
  0x2d: 3, // FS - n: kanji underline
  0x2e: 2, // FS .: kanji mode off
  0x43: 3, // FS C n: kanji code system
  0x53: 4, // FS S n1 n2: kanji spacing
  0x57: 3, // FS W n: kanji quadruple size
  0x70: 4, // FS p n m: print NV bit image
};

/** GS V m: the m of a partial cut; the other values cut fully. */
const PARTIAL_CUTS = new Set([1, 49, 66, 98, 104]);

const PREFIX_NAMES: Record<number, string> = { [DLE]: 'DLE', [ESC]: 'ESC', [FS]: 'FS', [GS]: 'GS' };

function hex(byte: number): string {
  return `0x${byte.toString(16).padStart(2, '0')}`;
}

function shown(byte: number): string {
  return byte > 0x20 && byte < 0x7f ? String.fromCharCode(byte) : hex(byte);
}

/** As the reference writes it: 'ESC a', 'DLE 0x04'. */
function commandName(prefix: number, second: number): string {
  return `${PREFIX_NAMES[prefix]} ${shown(second)}`;
}

/** ESC (, GS ( and FS ( fn pL pH ...: a parameter block of pL + pH × 256 bytes; named with fn ('GS ( k'). */
function parameterBlock(buf: Buffer, name: string): Measured {
  if (buf.length < 5) return null;
  const length = 5 + (buf[3] ?? 0) + (buf[4] ?? 0) * 256;
  return buf.length < length ? null : { length, command: { kind: 'ignored', name: `${name} ${shown(buf[2] ?? 0)}` } };
}

/** A command's length and meaning, or null when the buffer does not hold all of it yet. */
type Measured = { length: number; command: EscPosCommand | null } | null;

/**
 * A streaming ESC/POS parser: bytes arrive in any chunks (a command may be split anywhere) and
 * come out as commands. It knows the length of every standard command, so the ones it ignores
 * never desynchronise it. Its state (line spacing) is per connection, as on a printer.
 */
export class EscPosParser {
  private pending = Buffer.alloc(0);
  private lineSpacing = DEFAULT_LINE_SPACING;

  /** Bytes of a command that has not arrived whole. */
  get midCommand(): boolean {
    return this.pending.length > 0;
  }

  push(chunk: Uint8Array): EscPosCommand[] {
    this.pending = this.pending.length === 0 ? Buffer.from(chunk) : Buffer.concat([this.pending, chunk]);
    const commands: EscPosCommand[] = [];
    let offset = 0;
    for (;;) {
      const measured = this.measure(this.pending.subarray(offset));
      if (!measured) break;
      offset += measured.length;
      if (measured.command) commands.push(measured.command);
    }
    this.pending = this.pending.subarray(offset);
    return commands;
  }

  private measure(buf: Buffer): Measured {
    const first = buf[0];
    if (first === undefined) return null;
    if (first === ESC) return this.measureEsc(buf);
    if (first === GS) return this.measureGs(buf);
    if (first === FS) return this.measureFs(buf);
    if (first === DLE) return this.measureDle(buf);
    if (first === LF) return { length: 1, command: { kind: 'feed', dots: this.lineSpacing } };
    if (first < 0x20) return { length: 1, command: { kind: 'ignored', name: `control ${hex(first)}` } };
    // Text: we print images only. A run of text is skipped as one command (or several, split by chunks).
    let end = 1;
    while (end < buf.length && (buf[end] ?? 0) >= 0x20) end++;
    return { length: end, command: { kind: 'ignored', name: 'text' } };
  }

  private measureEsc(buf: Buffer): Measured {
    const second = buf[1];
    if (second === undefined) return null;
    const name = commandName(ESC, second);
    if (second === 0x44) {
      // ESC D n1 ... NUL: tab positions.
      const nul = buf.indexOf(0, 2);
      return nul < 0 ? null : { length: nul + 1, command: { kind: 'ignored', name } };
    }
    if (second === 0x28) return parameterBlock(buf, name);
    if (second === 0x2a) {
      // ESC * m nL nH d1...dk: bit image in 8-dot (m 0, 1) or 24-dot columns.
      if (buf.length < 5) return null;
      const m = buf[2] ?? 0;
      const columns = (buf[3] ?? 0) + (buf[4] ?? 0) * 256;
      return this.whole(buf, 5 + columns * (m <= 1 ? 1 : 3), { kind: 'ignored', name });
    }
    const length = ESC_LENGTHS[second];
    if (length === undefined) return { length: 2, command: { kind: 'unknown', name } };
    if (buf.length < length) return null;
    const n = buf[2] ?? 0;
    switch (second) {
      case 0x40:
        this.lineSpacing = DEFAULT_LINE_SPACING;
        return { length, command: { kind: 'init' } };
      case 0x32:
        this.lineSpacing = DEFAULT_LINE_SPACING;
        return { length, command: { kind: 'ignored', name } };
      case 0x33:
        this.lineSpacing = n;
        return { length, command: { kind: 'ignored', name } };
      case 0x64:
        return { length, command: { kind: 'feed', dots: n * this.lineSpacing } };
      case 0x4a:
        return { length, command: { kind: 'feed', dots: n } };
      case 0x69:
      case 0x6d:
        return { length, command: { kind: 'cut', partial: true } };
      default:
        return { length, command: { kind: 'ignored', name } };
    }
  }

  private measureGs(buf: Buffer): Measured {
    const second = buf[1];
    if (second === undefined) return null;
    const name = commandName(GS, second);
    switch (second) {
      case 0x76:
        return this.measureRaster(buf);
      case 0x56: {
        // GS V m (function A: m 0, 1, 48, 49) or GS V m n (B, C, D: m 65, 66, 97, 98, 103, 104).
        const m = buf[2];
        if (m === undefined) return null;
        const length = m === 0 || m === 1 || m === 48 || m === 49 ? 3 : 4;
        return this.whole(buf, length, { kind: 'cut', partial: PARTIAL_CUTS.has(m) });
      }
      case 0x28:
        return parameterBlock(buf, name);
      case 0x6b: {
        // GS k m: barcode, NUL-terminated (m 0-6) or with its length first (m 65-79).
        const m = buf[2];
        if (m === undefined) return null;
        if (m <= 6) {
          const nul = buf.indexOf(0, 3);
          return nul < 0 ? null : { length: nul + 1, command: { kind: 'ignored', name } };
        }
        if (buf.length < 4) return null;
        return this.whole(buf, 4 + (buf[3] ?? 0), { kind: 'ignored', name });
      }
      case 0x2a:
        // GS * x y d1...d(x × y × 8): define a downloaded bit image.
        if (buf.length < 4) return null;
        return this.whole(buf, 4 + (buf[2] ?? 0) * (buf[3] ?? 0) * 8, { kind: 'ignored', name });
      case 0x38: {
        // GS 8 L p1 p2 p3 p4 ...: graphics data with a 32-bit length.
        if (buf.length < 7) return null;
        if (buf[2] !== 0x4c) return { length: 2, command: { kind: 'unknown', name } };
        return this.whole(buf, 7 + buf.readUInt32LE(3), { kind: 'ignored', name });
      }
      default: {
        const length = GS_LENGTHS[second];
        if (length === undefined) return { length: 2, command: { kind: 'unknown', name } };
        return this.whole(buf, length, { kind: 'ignored', name });
      }
    }
  }

  /** GS v 0 m xL xH yL yH d1...dk: m 0/48 normal, 1/49 double width, 2/50 double height, 3/51 both. */
  private measureRaster(buf: Buffer): Measured {
    if (buf.length < 8) return null;
    if (buf[2] !== 0x30) return { length: 2, command: { kind: 'unknown', name: commandName(GS, 0x76) } };
    const mode = (buf[3] ?? 0) & 0x03;
    const rowBytes = (buf[4] ?? 0) + (buf[5] ?? 0) * 256;
    const rows = (buf[6] ?? 0) + (buf[7] ?? 0) * 256;
    const length = 8 + rowBytes * rows;
    if (buf.length < length) return null;
    const data = new Uint8Array(buf.subarray(8, length));
    return { length, command: { kind: 'raster', bitmap: scale({ width: rowBytes * 8, height: rows, data }, mode) } };
  }

  private measureFs(buf: Buffer): Measured {
    const second = buf[1];
    if (second === undefined) return null;
    const name = commandName(FS, second);
    if (second === 0x28) return parameterBlock(buf, name);
    const length = FS_LENGTHS[second];
    if (length === undefined) return { length: 2, command: { kind: 'unknown', name } };
    return this.whole(buf, length, { kind: 'ignored', name });
  }

  private measureDle(buf: Buffer): Measured {
    const second = buf[1];
    if (second === undefined) return null;
    const name = commandName(DLE, second);
    if (second === 0x04) {
      // DLE EOT n; n 7 and 8 take one more byte.
      const n = buf[2];
      if (n === undefined) return null;
      if (n === 7 || n === 8) return this.whole(buf, 4, { kind: 'ignored', name });
      return { length: 3, command: { kind: 'status-request', n } };
    }
    if (second === 0x05) return this.whole(buf, 3, { kind: 'ignored', name }); // DLE ENQ n
    if (second === 0x14) {
      // DLE DC4 fn ...: 7 takes one byte more, 8 (clear buffers) seven, the others two.
      const fn = buf[2];
      if (fn === undefined) return null;
      return this.whole(buf, fn === 7 ? 4 : fn === 8 ? 10 : 5, { kind: 'ignored', name });
    }
    // A lone DLE is not a command.
    return { length: 1, command: { kind: 'ignored', name: 'DLE' } };
  }

  private whole(buf: Buffer, length: number, command: EscPosCommand): Measured {
    return buf.length < length ? null : { length, command };
  }
}

/** Doubles dots across (mode bit 0) and rows down (mode bit 1). */
function scale(bitmap: Bitmap, mode: number): Bitmap {
  if (mode === 0) return bitmap;
  const xFactor = mode & 1 ? 2 : 1;
  const yFactor = mode & 2 ? 2 : 1;
  const width = bitmap.width * xFactor;
  const rowBytes = width / 8;
  const data = new Uint8Array(rowBytes * bitmap.height * yFactor);
  for (let y = 0; y < bitmap.height; y++) {
    for (let x = 0; x < bitmap.width; x++) {
      if (!isBlack(bitmap, x, y)) continue;
      for (let dy = 0; dy < yFactor; dy++) {
        for (let dx = 0; dx < xFactor; dx++) {
          const tx = x * xFactor + dx;
          const index = (y * yFactor + dy) * rowBytes + (tx >> 3);
          data[index] = (data[index] ?? 0) | (0x80 >> (tx & 7));
        }
      }
    }
  }
  return { width, height: bitmap.height * yFactor, data };
}
