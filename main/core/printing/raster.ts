import { PNG } from 'pngjs';
import { bytesPerRow, type Bitmap } from './bitmap';

/**
 * From pixels to the dots a thermal printer burns, and back to PNG for people and tests.
 * The receipt holds only text and a QR code drawn black on white, so a plain threshold is
 * right: dithering would fray the antialiased edges of letters into speckle. A photo or a
 * logo would need dithering; the receipt has none.
 */

/**
 * A dot prints when it is more than about a third ink (luminance below 160 of 255), not half:
 * an antialiased edge then widens a stroke by a fraction of a dot, and the medium weight's
 * thin joins between letters stay whole on paper instead of breaking up.
 */
export const THRESHOLD = 160;

/**
 * RGBA pixels (a canvas's getImageData, a decoded PNG) to a 1-bit Bitmap: a dot is black when
 * its luminance, over white paper where it is transparent, is below the threshold. Rows are
 * padded with white to a whole byte.
 */
export function rgbaToBitmap(
  rgba: Uint8Array | Uint8ClampedArray,
  width: number,
  height: number,
  threshold: number = THRESHOLD,
): Bitmap {
  const paddedWidth = Math.ceil(width / 8) * 8;
  const rowBytes = paddedWidth / 8;
  const data = new Uint8Array(rowBytes * height);
  for (let y = 0; y < height; y++) {
    let i = y * width * 4;
    const row = y * rowBytes;
    for (let x = 0; x < width; x++, i += 4) {
      // Rec. 601 luma in integers, then composited over white by the alpha.
      const luma = ((rgba[i] as number) * 77 + (rgba[i + 1] as number) * 150 + (rgba[i + 2] as number) * 29) >> 8;
      const ink = ((255 - luma) * (rgba[i + 3] as number)) / 255;
      if (255 - ink < threshold) data[row + (x >> 3)]! |= 0x80 >> (x & 7);
    }
  }
  return { width: paddedWidth, height, data };
}

/** A Bitmap as a PNG of pure black and white (8-bit grey: pngjs writes no 1-bit PNGs). */
export function bitmapToPng(bitmap: Bitmap): Buffer {
  const grey = Buffer.alloc(bitmap.width * bitmap.height, 0xff);
  const rowBytes = bytesPerRow(bitmap);
  for (let y = 0; y < bitmap.height; y++) {
    for (let byte = 0; byte < rowBytes; byte++) {
      const bits = bitmap.data[y * rowBytes + byte] as number;
      if (bits === 0) continue;
      for (let bit = 0; bit < 8; bit++) if (bits & (0x80 >> bit)) grey[y * bitmap.width + byte * 8 + bit] = 0;
    }
  }
  const options = { colorType: 0, inputColorType: 0, inputHasAlpha: false } as const;
  const png = new PNG({ width: bitmap.width, height: bitmap.height, ...options });
  png.data = grey;
  return PNG.sync.write(png, options);
}

/** Any PNG (a reference image, the emulator's output, a screenshot) as a Bitmap, by the same threshold. */
export function pngToBitmap(png: Buffer, threshold: number = THRESHOLD): Bitmap {
  const image = PNG.sync.read(png);
  return rgbaToBitmap(image.data, image.width, image.height, threshold);
}

/** How many dots differ between two bitmaps of the same size. */
export function countDifferentDots(a: Bitmap, b: Bitmap): number {
  if (a.width !== b.width || a.height !== b.height) throw new RangeError('the bitmaps differ in size');
  let count = 0;
  for (let i = 0; i < a.data.length; i++) {
    let diff = (a.data[i] as number) ^ (b.data[i] as number);
    while (diff) {
      diff &= diff - 1;
      count++;
    }
  }
  return count;
}
