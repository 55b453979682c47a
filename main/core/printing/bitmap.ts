/**
 * A 1-bit image as thermal printers take it: rows of bytes, eight dots a byte, the first
 * dot in the most significant bit, 1 = black. `GS v 0` sends exactly these bytes; the
 * emulator rebuilds the same structure from what it received.
 */
export interface Bitmap {
  /** Dots per row; a multiple of 8 (576 for 80 mm paper, 384 for 58 mm). */
  width: number;
  height: number;
  /** height × width / 8 bytes. */
  data: Uint8Array;
}

export const PAPER_DOTS = { 80: 576, 58: 384 } as const;
export type PaperWidth = keyof typeof PAPER_DOTS;

export function bytesPerRow(bitmap: Pick<Bitmap, 'width'>): number {
  return bitmap.width / 8;
}

export function isBlack(bitmap: Bitmap, x: number, y: number): boolean {
  const byte = bitmap.data[y * bytesPerRow(bitmap) + (x >> 3)] ?? 0;
  return (byte & (0x80 >> (x & 7))) !== 0;
}

export function bitmapsEqual(a: Bitmap, b: Bitmap): boolean {
  if (a.width !== b.width || a.height !== b.height || a.data.length !== b.data.length) return false;
  for (let i = 0; i < a.data.length; i++) if (a.data[i] !== b.data[i]) return false;
  return true;
}
