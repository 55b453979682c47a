import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { PrinterTypes, ThermalPrinter } from 'node-thermal-printer';
import { bitmapsEqual, type Bitmap } from '../../main/core/printing/bitmap';
import { encodeReceipt } from '../../main/core/printing/escpos';
import { bitmapToPng } from '../../main/core/printing/raster';
import { statusReply, type EmulatorState } from '../../native/emulator/emulator';
import { DEFAULT_LINE_SPACING, EscPosParser, type EscPosCommand } from '../../native/emulator/parser';

const small: Bitmap = { width: 16, height: 2, data: new Uint8Array([0x10, 0x04, 0x01, 0xff]) };

function parseWhole(bytes: Buffer): EscPosCommand[] {
  return new EscPosParser().push(bytes);
}

function parseByteByByte(bytes: Buffer): EscPosCommand[] {
  const parser = new EscPosParser();
  const commands = [...bytes].flatMap((byte) => parser.push(Uint8Array.of(byte)));
  assert.equal(parser.midCommand, false);
  return commands;
}

/** A run of text split by chunks comes out in pieces: one piece per run, for comparing. */
function joinText(commands: EscPosCommand[]): EscPosCommand[] {
  return commands.filter((c, i) => !(isText(c) && isText(commands[i - 1])));
}

function isText(command: EscPosCommand | undefined): boolean {
  return command?.kind === 'ignored' && command.name === 'text';
}

/** Most of what node-thermal-printer can emit for an Epson printer, then our receipt. */
async function everythingBytes(): Promise<Buffer> {
  const printer = new ThermalPrinter({ type: PrinterTypes.EPSON } as ConstructorParameters<typeof ThermalPrinter>[0]);
  printer.alignCenter();
  printer.bold(true);
  printer.underline(true);
  printer.invert(true);
  printer.upsideDown(false);
  printer.setTextDoubleHeight();
  printer.setTextSize(2, 3);
  printer.setTypeFontB();
  printer.println('Hello');
  printer.drawLine();
  printer.setLineSpacing(40);
  printer.newLine();
  printer.resetLineSpacing();
  printer.printQR('00100000011');
  printer.code128('00100000011');
  printer.printBarcode('1234', 73);
  printer.pdf417('pdf');
  printer.maxiCode('maxi');
  printer.beep();
  printer.printVerticalTab();
  printer.partialCut();
  await printer.printImageBuffer(bitmapToPng(small));
  printer.append(await encodeReceipt(small));
  return printer.getBuffer();
}

describe('the parser', () => {
  test('knows every command node-thermal-printer emits: nothing unknown, our image intact', async () => {
    const commands = parseWhole(await everythingBytes());
    assert.deepEqual(
      commands.filter((c) => c.kind === 'unknown'),
      [],
    );
    assert.equal(commands.filter((c) => c.kind === 'status-request').length, 0, 'DLE EOT inside image data is data');
    const rasters = commands.filter((c) => c.kind === 'raster');
    assert.equal(rasters.length, 2);
    for (const raster of rasters) assert.ok(bitmapsEqual(raster.bitmap, small));
    assert.deepEqual(
      commands.filter((c) => c.kind === 'cut'),
      [
        { kind: 'cut', partial: true },
        { kind: 'cut', partial: false },
      ],
    );
    const feeds = commands.filter((c) => c.kind === 'feed').map((c) => c.dots);
    // println + drawLine at 30 dots, newLine after ESC 3 40, ESC d 4 once, then twice before each cut.
    assert.deepEqual(feeds, [30, 30, 40, 120, 120, 120, 120, 120]);
    const ignored = new Set(commands.flatMap((c) => (c.kind === 'ignored' ? [c.name] : [])));
    for (const name of ['ESC a', 'ESC E', 'GS !', 'GS ( k', 'GS k', 'ESC B', 'text'])
      assert.ok(ignored.has(name), name);
  });

  test('gives the same commands whatever the chunks', async () => {
    const bytes = await everythingBytes();
    assert.deepEqual(joinText(parseByteByByte(bytes)), parseWhole(bytes));
  });

  test('DLE EOT n is a status request; ESC @ resets the line spacing', () => {
    const commands = parseWhole(Buffer.from([0x10, 0x04, 0x02, 0x1b, 0x33, 10, 0x0a, 0x1b, 0x40, 0x1b, 0x64, 2]));
    assert.deepEqual(commands, [
      { kind: 'status-request', n: 2 },
      { kind: 'ignored', name: 'ESC 3' },
      { kind: 'feed', dots: 10 },
      { kind: 'init' },
      { kind: 'feed', dots: 2 * DEFAULT_LINE_SPACING },
    ]);
  });

  test('GS v 0 double width and double height', () => {
    const header = (m: number): number[] => [0x1d, 0x76, 0x30, m, 1, 0, 1, 0];
    const [wide, tall, both] = parseWhole(Buffer.from([...header(1), 0xa0, ...header(50), 0xa0, ...header(3), 0x80]));
    assert.deepEqual(wide, { kind: 'raster', bitmap: { width: 16, height: 1, data: Uint8Array.of(0xcc, 0x00) } });
    assert.deepEqual(tall, { kind: 'raster', bitmap: { width: 8, height: 2, data: Uint8Array.of(0xa0, 0xa0) } });
    assert.deepEqual(both, { kind: 'raster', bitmap: { width: 16, height: 2, data: Uint8Array.of(0xc0, 0, 0xc0, 0) } });
  });

  test('an unknown prefix is reported, and parsing goes on', () => {
    assert.deepEqual(parseWhole(Buffer.from([0x1b, 0x01, 0x1d, 0x56, 0x41, 0x03])), [
      { kind: 'unknown', name: 'ESC 0x01' },
      { kind: 'cut', partial: false },
    ]);
  });
});

describe('the emulator answers DLE EOT for its state', () => {
  const ready: EmulatorState = { paper: 'ok', coverOpen: false, offline: false, replyDelayMs: 0 };
  const cases: [string, Partial<EmulatorState>, (number | null)[]][] = [
    ['ready', {}, [0x12, 0x12, 0x12, 0x12]],
    ['paper near end', { paper: 'near-end' }, [0x12, 0x12, 0x12, 0x1e]],
    ['paper out', { paper: 'out' }, [0x1a, 0x32, 0x12, 0x7e]],
    ['cover open', { coverOpen: true }, [0x1a, 0x16, 0x12, 0x12]],
    ['offline', { offline: true }, [0x1a, 0x52, 0x52, 0x12]],
  ];
  for (const [name, change, replies] of cases) {
    test(name, () => {
      assert.deepEqual(
        [1, 2, 3, 4].map((n) => statusReply({ ...ready, ...change }, n)),
        replies,
      );
    });
  }
  test('no answer to an n it does not know', () => assert.equal(statusReply(ready, 9), null));
});
