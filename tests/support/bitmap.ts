import { isBlack, type Bitmap } from '../../main/core/printing/bitmap';

/** A bitmap as RGBA pixels (black dots black, the rest white), as jsQR reads images. */
export function toRgba(bitmap: Bitmap): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray(bitmap.width * bitmap.height * 4).fill(255);
  for (let y = 0; y < bitmap.height; y++) {
    for (let x = 0; x < bitmap.width; x++) {
      if (!isBlack(bitmap, x, y)) continue;
      const i = (y * bitmap.width + x) * 4;
      rgba[i] = rgba[i + 1] = rgba[i + 2] = 0;
    }
  }
  return rgba;
}
