import assert from 'node:assert/strict';
import { once } from 'node:events';
import fs from 'node:fs';
import net from 'node:net';
import { after, before, beforeEach, describe, test } from 'node:test';
import { PrinterTypes, ThermalPrinter } from 'node-thermal-printer';
import { PNG } from 'pngjs';
import { bitmapsEqual, isBlack, type Bitmap } from '../../main/core/printing/bitmap';
import { encodeReceipt, parseStatus, STATUS_REQUEST } from '../../main/core/printing/escpos';
import { bitmapToPng } from '../../main/core/printing/raster';
import { PrinterEmulator, type EmulatorJob } from '../../native/emulator/emulator';
import { TcpTransport } from '../../native/printer/tcp-transport';
import { TransportError, type PrinterStatus, type TransportErrorCode } from '../../native/printer/types';
import { tempDir } from '../support/temp';

const TIMEOUT = { timeout: 10_000 };

/** A receipt-wide bitmap with every byte value in it, tall enough for several bands. */
function receiptBitmap(height = 600): Bitmap {
  const data = new Uint8Array(72 * height);
  for (let i = 0; i < data.length; i++) data[i] = (i * 13 + (i >> 9)) & 0xff;
  return { width: 576, height, data };
}

const READY: PrinterStatus = { online: true, paperNearEnd: false, paperOut: false, coverOpen: false };

function rejectsWith(code: TransportErrorCode, check: (error: TransportError) => void = () => undefined) {
  return (error: unknown): boolean => {
    assert.ok(error instanceof TransportError, String(error));
    assert.equal(error.code, code, error.message);
    check(error);
    return true;
  };
}

function outcome(job: EmulatorJob): [string, string | null] {
  return [job.outcome, job.outcome === 'printed' ? null : job.reason];
}

/** Sends bytes on a plain socket and returns the status the printer gives after them. */
function sendRaw(port: number, bytes: Buffer): Promise<PrinterStatus | null> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port }, () => socket.write(Buffer.concat([bytes, STATUS_REQUEST])));
    let reply = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      reply = Buffer.concat([reply, chunk]);
      if (reply.length >= 3) {
        socket.end();
        resolve(parseStatus(reply));
      }
    });
    socket.on('error', reject);
  });
}

describe('the emulator over TCP', () => {
  const outDir = tempDir('mizban-emulator-');
  const emulator = new PrinterEmulator({ outDir });
  let port = 0;
  let transport: TcpTransport;
  const jobsAfter = (count: number): EmulatorJob[] => emulator.jobs.slice(count);

  before(async () => {
    port = await emulator.listenTcp(0);
    transport = new TcpTransport({ host: '127.0.0.1', port, statusTimeoutMs: 300, writeTimeoutMs: 2000 });
  });
  after(async () => {
    await transport.close();
    await emulator.close();
  });
  beforeEach(() => emulator.set({ paper: 'ok', coverOpen: false, offline: false, replyDelayMs: 0 }));

  test(
    'a receipt comes back as the same bitmap, byte for byte, and as a PNG with the same pixels',
    TIMEOUT,
    async () => {
      const bitmap = receiptBitmap();
      const count = emulator.jobs.length;
      assert.deepEqual(await transport.execute(await encodeReceipt(bitmap)), READY);

      const [job] = jobsAfter(count);
      assert.equal(job?.outcome, 'printed');
      assert.ok(job.outcome === 'printed');
      assert.ok(bitmapsEqual(job.bitmap, bitmap), 'the emulator rebuilt our bitmap');
      assert.deepEqual(job.unknown, []);
      assert.ok(job.file && fs.readFileSync(job.file).equals(job.png));

      const png = PNG.sync.read(job.png);
      assert.equal(png.width, bitmap.width);
      assert.equal(png.height, bitmap.height);
      for (let y = 0; y < bitmap.height; y++) {
        for (let x = 0; x < bitmap.width; x++) {
          const expected = isBlack(bitmap, x, y) ? 0 : 255;
          if (png.data[(y * bitmap.width + x) * 4] !== expected) assert.fail(`pixel ${x},${y}`);
        }
      }
    },
  );

  test('node-thermal-printer prints through the transport as its interface', TIMEOUT, async () => {
    const bitmap = receiptBitmap(40);
    const printer = new ThermalPrinter({
      type: PrinterTypes.EPSON,
      // node-thermal-printer takes any object with isPrinterConnected() and execute(); its typings say string.
      interface: transport as unknown as string,
    });
    assert.equal(await printer.isPrinterConnected(), true);
    const count = emulator.jobs.length;
    await printer.printImageBuffer(bitmapToPng(bitmap));
    printer.cut();
    await printer.execute();
    const [job] = jobsAfter(count);
    assert.ok(job?.outcome === 'printed' && bitmapsEqual(job.bitmap, bitmap));
  });

  const states: [string, Parameters<PrinterEmulator['set']>[0], PrinterStatus][] = [
    ['online', {}, READY],
    ['paper near end', { paper: 'near-end' }, { ...READY, paperNearEnd: true }],
    ['paper out', { paper: 'out' }, { online: false, paperNearEnd: true, paperOut: true, coverOpen: false }],
    ['cover open', { coverOpen: true }, { ...READY, online: false, coverOpen: true }],
    ['offline', { offline: true }, { ...READY, online: false }],
  ];
  for (const [name, change, expected] of states) {
    test(`status: ${name}`, TIMEOUT, async () => {
      emulator.set(change);
      assert.deepEqual(await transport.status(), expected);
    });
  }

  test('paper near end still prints', TIMEOUT, async () => {
    emulator.set({ paper: 'near-end' });
    const count = emulator.jobs.length;
    assert.deepEqual(await transport.execute(await encodeReceipt(receiptBitmap(8))), { ...READY, paperNearEnd: true });
    assert.equal(jobsAfter(count)[0]?.outcome, 'printed');
  });

  for (const [name, change, reason] of [
    ['paper out', { paper: 'out' }, 'paper-out'],
    ['cover open', { coverOpen: true }, 'cover-open'],
    ['offline', { offline: true }, 'offline'],
  ] as const) {
    test(`${name}: the transport sends nothing and says why; bytes sent anyway are refused`, TIMEOUT, async () => {
      emulator.set(change);
      const receipt = await encodeReceipt(receiptBitmap(16));
      const count = emulator.jobs.length;
      await assert.rejects(
        transport.execute(receipt),
        rejectsWith('not-ready', (error) => {
          assert.equal(error.mayHavePrinted, false);
          assert.equal(error.status?.online, false);
        }),
      );
      assert.deepEqual(jobsAfter(count), [], 'nothing reached the printer');

      const status = await sendRaw(port, receipt);
      assert.equal(status?.online, false);
      assert.deepEqual(jobsAfter(count).map(outcome), [['refused', reason]]);
      assert.equal(fs.readdirSync(outDir).length, emulator.jobs.filter((j) => j.outcome === 'printed').length);
    });
  }

  test(
    'a connection dropped mid-job: a clear error for the transport, an incomplete job, no PNG',
    TIMEOUT,
    async () => {
      const receipt = await encodeReceipt(receiptBitmap());
      const pngsBefore = fs.readdirSync(outDir).length;
      const count = emulator.jobs.length;
      emulator.dropConnectionAfter(Math.floor(receipt.length / 2));
      await assert.rejects(
        transport.execute(receipt),
        rejectsWith('connection-lost', (error) => assert.equal(error.mayHavePrinted, true)),
      );
      const jobs = jobsAfter(count);
      assert.equal(jobs.length, 1);
      assert.deepEqual(
        jobs.map((j) => [j.outcome, j.outcome === 'printed' ? null : j.reason]),
        [['incomplete', 'dropped']],
      );
      assert.equal(fs.readdirSync(outDir).length, pngsBefore);
      // The next job goes through: the fault was once.
      assert.deepEqual(await transport.execute(receipt), READY);
    },
  );

  test('slow answers hit the status timeout, and the printer answers again once quick', TIMEOUT, async () => {
    emulator.set({ replyDelayMs: 1500 });
    const started = Date.now();
    await assert.rejects(transport.status(), rejectsWith('status-timeout'));
    assert.ok(Date.now() - started < 1200, 'the timeout, not the answer, ended the wait');
    await assert.rejects(
      transport.execute(await encodeReceipt(receiptBitmap(8))),
      rejectsWith('status-timeout', (error) => assert.equal(error.mayHavePrinted, false)),
    );
    assert.equal(await transport.isPrinterConnected(), false);
    emulator.set({ replyDelayMs: 0 });
    assert.equal(await transport.isPrinterConnected(), true);
  });

  test('a printer that stops taking bytes hits the write timeout', TIMEOUT, async () => {
    // Answers the first status question, then reads nothing more: its buffers fill up.
    const peers = new Set<net.Socket>();
    const stalled = net.createServer((socket) => {
      peers.add(socket);
      socket.once('data', () => {
        socket.write(Buffer.from([0x12, 0x12, 0x12]));
        socket.pause();
      });
    });
    await new Promise<void>((resolve) => stalled.listen(0, '127.0.0.1', resolve));
    const slow = new TcpTransport({
      host: '127.0.0.1',
      port: (stalled.address() as net.AddressInfo).port,
      writeTimeoutMs: 300,
    });
    try {
      await assert.rejects(
        slow.execute(Buffer.alloc(64 * 1024 * 1024)),
        rejectsWith('write-timeout', (error) => assert.equal(error.mayHavePrinted, true)),
      );
    } finally {
      await slow.close();
      // A paused socket never reads the end of the stream: close it from this side.
      for (const peer of peers) peer.destroy();
      await new Promise<void>((resolve) => stalled.close(() => resolve()));
    }
  });

  test('no printer at the address: connect-failed, and not connected', TIMEOUT, async () => {
    const probe = net.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const freePort = (probe.address() as net.AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const nobody = new TcpTransport({ host: '127.0.0.1', port: freePort });
    await assert.rejects(nobody.status(), rejectsWith('connect-failed'));
    assert.equal(await nobody.isPrinterConnected(), false);
  });

  test('a connection closed before the cut leaves an incomplete job', TIMEOUT, async () => {
    const receipt = await encodeReceipt(receiptBitmap(8));
    const recorded = once(emulator, 'job', { signal: AbortSignal.timeout(5000) });
    // Everything but the feed and cut at the end.
    await sendRaw(port, receipt.subarray(0, receipt.length - 11));
    const [job] = (await recorded) as [EmulatorJob];
    assert.deepEqual(outcome(job), ['incomplete', 'closed-before-cut']);
  });
});
