import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { bitmapsEqual, type Bitmap } from '../../main/core/printing/bitmap';
import { encodeReceipt } from '../../main/core/printing/escpos';
import { PrinterEmulator } from '../../native/emulator/emulator';
import { SerialTransport } from '../../native/printer/serial-transport';
import { TransportError, type PrinterStatus } from '../../native/printer/types';
import { startPtyPair, type PtyPair } from '../support/pty';

const TIMEOUT = { timeout: 15_000 };
const READY: PrinterStatus = { online: true, paperNearEnd: false, paperOut: false, coverOpen: false };

function bitmap(height: number): Bitmap {
  const data = new Uint8Array(48 * height);
  for (let i = 0; i < data.length; i++) data[i] = (i * 31 + 5) & 0xff;
  return { width: 384, height, data };
}

describe('the emulator on a serial line (a pseudo-terminal pair)', () => {
  const emulator = new PrinterEmulator();
  let transport: SerialTransport;
  let pty: PtyPair;

  before(async () => {
    pty = await startPtyPair();
    await emulator.openSerial(pty.a, 115200);
    transport = new SerialTransport({ path: pty.b, baudRate: 115200, statusTimeoutMs: 300 });
  });
  after(async () => {
    await transport.close();
    await emulator.close();
    await pty.stop();
  });
  beforeEach(() => emulator.set({ paper: 'ok', coverOpen: false, offline: false, replyDelayMs: 0 }));

  test('prints a receipt: the same bitmap comes out', TIMEOUT, async () => {
    const sent = bitmap(300);
    const count = emulator.jobs.length;
    assert.deepEqual(await transport.execute(await encodeReceipt(sent)), READY);
    const [job] = emulator.jobs.slice(count);
    assert.equal(job?.via, 'serial');
    assert.ok(job.outcome === 'printed' && bitmapsEqual(job.bitmap, sent));
  });

  test('status of each state', TIMEOUT, async () => {
    assert.deepEqual(await transport.status(), READY);
    emulator.set({ paper: 'near-end' });
    assert.deepEqual(await transport.status(), { ...READY, paperNearEnd: true });
    emulator.set({ paper: 'out' });
    assert.deepEqual(await transport.status(), { online: false, paperNearEnd: true, paperOut: true, coverOpen: false });
    emulator.set({ paper: 'ok', coverOpen: true });
    assert.deepEqual(await transport.status(), { ...READY, online: false, coverOpen: true });
    emulator.set({ coverOpen: false, offline: true });
    assert.deepEqual(await transport.status(), { ...READY, online: false });
  });

  test('cover open: nothing sent, and it says why', TIMEOUT, async () => {
    emulator.set({ coverOpen: true });
    const count = emulator.jobs.length;
    await assert.rejects(transport.execute(await encodeReceipt(bitmap(4))), (error: unknown) => {
      assert.ok(error instanceof TransportError && error.code === 'not-ready' && error.status?.coverOpen);
      return true;
    });
    assert.equal(emulator.jobs.length, count);
  });

  test('a slow answer times out; the port is opened afresh and the next one is read right', TIMEOUT, async () => {
    emulator.set({ replyDelayMs: 600 });
    await assert.rejects(transport.status(), (error: unknown) => {
      assert.ok(error instanceof TransportError && error.code === 'status-timeout', String(error));
      return true;
    });
    emulator.set({ replyDelayMs: 0, paper: 'near-end' });
    // The late answer to the first question (ready) lands in the closed port, not in this one.
    await new Promise((resolve) => setTimeout(resolve, 700));
    assert.deepEqual(await transport.status(), { ...READY, paperNearEnd: true });
  });

  test('operations queue: concurrent calls get their own answers', TIMEOUT, async () => {
    const results = await Promise.all([
      transport.status(),
      transport.execute(await encodeReceipt(bitmap(2))),
      transport.status(),
    ]);
    assert.deepEqual(results, [READY, READY, READY]);
  });
});

test('no such port: connect-failed, and not connected', TIMEOUT, async () => {
  const missing = new SerialTransport({ path: '/dev/mizban-no-such-port', baudRate: 9600 });
  await assert.rejects(missing.status(), (error: unknown) => {
    assert.ok(error instanceof TransportError && error.code === 'connect-failed', String(error));
    return true;
  });
  assert.equal(await missing.isPrinterConnected(), false);
});
