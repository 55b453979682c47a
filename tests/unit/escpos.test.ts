import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { PNG } from 'pngjs';
import { isBlack, type Bitmap } from '../../main/core/printing/bitmap';
import { BAND_ROWS, encodeReceipt, parseStatus, STATUS_REQUEST } from '../../main/core/printing/escpos';
import { bitmapToPng } from '../../main/core/printing/raster';

const INIT = [0x1b, 0x40];
/** node-thermal-printer's cut(): ESC d 4 twice (past the cutter), GS V 0, ESC @. */
const FEED_CUT_INIT = [0x1b, 0x64, 4, 0x1b, 0x64, 4, 0x1d, 0x56, 0x00, 0x1b, 0x40];

function rasterHeader(rowBytes: number, rows: number): number[] {
  return [0x1d, 0x76, 0x30, 0x30, rowBytes, 0, rows & 0xff, rows >> 8];
}

/** Every byte value, over and over: each dot pattern must come out as it went in. */
function patternBitmap(width: number, height: number): Bitmap {
  const data = new Uint8Array((width / 8) * height);
  for (let i = 0; i < data.length; i++) data[i] = (i * 7 + (i >> 8)) & 0xff;
  return { width, height, data };
}

describe('encodeReceipt', () => {
  test('a small bitmap: init, one GS v 0 with exactly its bytes, feed, cut', async () => {
    const bitmap: Bitmap = { width: 16, height: 3, data: new Uint8Array([0x80, 0x01, 0xff, 0x00, 0x0f, 0xf0]) };
    const bytes = await encodeReceipt(bitmap);
    assert.deepEqual(
      [...bytes],
      [...INIT, ...rasterHeader(2, 3), 0x80, 0x01, 0xff, 0x00, 0x0f, 0xf0, ...FEED_CUT_INIT],
    );
  });

  test('a long receipt goes in bands of BAND_ROWS rows, every byte value unchanged', async () => {
    const bitmap = patternBitmap(576, BAND_ROWS * 2 + 88);
    const rowBytes = 72;
    const band = (first: number, rows: number): number[] => [
      ...rasterHeader(rowBytes, rows),
      ...bitmap.data.subarray(first * rowBytes, (first + rows) * rowBytes),
    ];
    const expected = Buffer.from([
      ...INIT,
      ...band(0, BAND_ROWS),
      ...band(BAND_ROWS, BAND_ROWS),
      ...band(BAND_ROWS * 2, 88),
      ...FEED_CUT_INIT,
    ]);
    assert.ok((await encodeReceipt(bitmap)).equals(expected));
  });

  test('a bitmap the printer cannot take is refused', async () => {
    await assert.rejects(encodeReceipt({ width: 10, height: 1, data: new Uint8Array(2) }), RangeError);
    await assert.rejects(encodeReceipt({ width: 8, height: 2, data: new Uint8Array(1) }), RangeError);
    await assert.rejects(encodeReceipt({ width: 8 * 256, height: 1, data: new Uint8Array(256) }), RangeError);
  });
});

test('bitmapToPng: black dots black, the rest white', () => {
  const bitmap = patternBitmap(24, 5);
  const png = PNG.sync.read(bitmapToPng(bitmap));
  assert.equal(png.width, 24);
  assert.equal(png.height, 5);
  for (let y = 0; y < 5; y++) {
    for (let x = 0; x < 24; x++) {
      const i = (y * 24 + x) * 4;
      const value = isBlack(bitmap, x, y) ? 0 : 255;
      assert.deepEqual([...png.data.subarray(i, i + 4)], [value, value, value, 255], `pixel ${x},${y}`);
    }
  }
});

describe('DLE EOT', () => {
  test('the request asks n = 1, 2 and 4', () => {
    assert.deepEqual([...STATUS_REQUEST], [0x10, 0x04, 1, 0x10, 0x04, 2, 0x10, 0x04, 4]);
  });

  // Reply bytes as the Epson reference defines them: bits 1 and 4 always set.
  const cases: [string, number[], ReturnType<typeof parseStatus>][] = [
    ['ready', [0x12, 0x12, 0x12], { online: true, paperNearEnd: false, paperOut: false, coverOpen: false }],
    ['paper near end', [0x12, 0x12, 0x1e], { online: true, paperNearEnd: true, paperOut: false, coverOpen: false }],
    ['paper out', [0x1a, 0x32, 0x7e], { online: false, paperNearEnd: true, paperOut: true, coverOpen: false }],
    ['cover open', [0x1a, 0x16, 0x12], { online: false, paperNearEnd: false, paperOut: false, coverOpen: true }],
    [
      'offline by an error',
      [0x1a, 0x52, 0x12],
      { online: false, paperNearEnd: false, paperOut: false, coverOpen: false },
    ],
    [
      'paper end stop alone',
      [0x1a, 0x32, 0x12],
      { online: false, paperNearEnd: false, paperOut: true, coverOpen: false },
    ],
    ['too short', [0x12, 0x12], null],
    ['bit 0 set', [0x13, 0x12, 0x12], null],
    ['bit 4 clear', [0x12, 0x02, 0x12], null],
    ['an ASB byte', [0x12, 0x12, 0x92], null],
  ];
  for (const [name, reply, expected] of cases) {
    test(`parses ${name}`, () => assert.deepEqual(parseStatus(new Uint8Array(reply)), expected));
  }
});
