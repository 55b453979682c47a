import assert from 'node:assert/strict';
import { once } from 'node:events';
import { after, before, describe, test } from 'node:test';
import { SerialPort } from 'serialport';
import { SerialScanner, type ScannerError } from '../../native/scanner/serial-scanner';
import { startPtyPair, type PtyPair } from '../support/pty';

const TIMEOUT = { timeout: 15_000 };

function openPort(path: string): Promise<SerialPort> {
  return new Promise((resolve, reject) => {
    const port = new SerialPort({ path, baudRate: 9600, autoOpen: false });
    port.open((error) => (error ? reject(error) : resolve(port)));
  });
}

function closePort(port: SerialPort): Promise<void> {
  return new Promise((resolve) => (port.isOpen ? port.close(() => resolve()) : resolve()));
}

/** The next `count` codes the scanner emits, or a timeout. */
function codes(scanner: SerialScanner, count: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const seen: string[] = [];
    const timer = setTimeout(() => {
      scanner.off('code', onCode);
      reject(new Error(`got ${JSON.stringify(seen)}, wanted ${count} codes`));
    }, 3000);
    const onCode = (code: string): void => {
      seen.push(code);
      if (seen.length < count) return;
      clearTimeout(timer);
      scanner.off('code', onCode);
      resolve(seen);
    };
    scanner.on('code', onCode);
  });
}

function write(port: SerialPort, text: string): Promise<void> {
  return new Promise((resolve, reject) =>
    port.write(text, (error) => (error ? reject(error) : port.drain(() => resolve()))),
  );
}

describe('a serial scanner through a pseudo-terminal', () => {
  let pty: PtyPair;
  let typist: SerialPort;
  let scanner: SerialScanner;

  before(async () => {
    pty = await startPtyPair();
    scanner = new SerialScanner({ path: pty.a, reconnectMs: 100 });
    const connected = once(scanner, 'connected', { signal: AbortSignal.timeout(3000) });
    scanner.start();
    await connected;
    typist = await openPort(pty.b);
  });
  after(async () => {
    await scanner.stop();
    await closePort(typist);
    await pty.stop();
  });

  test('delivers a code typed with CRLF', TIMEOUT, async () => {
    const got = codes(scanner, 1);
    await write(typist, '00100000011\r\n');
    assert.deepEqual(await got, ['00100000011']);
  });

  test('two codes in one write, with CR and with LF', TIMEOUT, async () => {
    const got = codes(scanner, 3);
    await write(typist, '00100000011\r00100000022\n00100000033\r\n');
    assert.deepEqual(await got, ['00100000011', '00100000022', '00100000033']);
  });

  test('a code split over two writes, even between CR and LF', TIMEOUT, async () => {
    const got = codes(scanner, 2);
    await write(typist, '001000');
    await new Promise((resolve) => setTimeout(resolve, 50));
    await write(typist, '00011\r');
    await new Promise((resolve) => setTimeout(resolve, 50));
    await write(typist, '\n00100000022\r\n');
    assert.deepEqual(await got, ['00100000011', '00100000022']);
  });

  test('reconnects when the port goes away and comes back', TIMEOUT, async () => {
    const lost = once(scanner, 'disconnected', { signal: AbortSignal.timeout(3000) });
    await closePort(typist);
    await pty.stop();
    const [error] = (await lost) as [ScannerError];
    assert.equal(error.code, 'port-lost');
    assert.equal(scanner.connected, false);

    const back = once(scanner, 'connected', { signal: AbortSignal.timeout(5000) });
    pty = await startPtyPair({ a: pty.a, b: pty.b });
    await back;
    typist = await openPort(pty.b);
    const got = codes(scanner, 1);
    await write(typist, '00100000044\r\n');
    assert.deepEqual(await got, ['00100000044']);
  });
});

test('a scanner that is not plugged in says so once, then connects when it appears', TIMEOUT, async () => {
  const pty = await startPtyPair();
  const path = pty.a;
  await pty.stop();
  const scanner = new SerialScanner({ path, reconnectMs: 50 });
  const downs: ScannerError[] = [];
  scanner.on('disconnected', (error) => downs.push(error));
  scanner.start();
  let replugged: PtyPair | null = null;
  try {
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.deepEqual(
      downs.map((error) => error.code),
      ['open-failed'],
    );
    const connected = once(scanner, 'connected', { signal: AbortSignal.timeout(5000) });
    replugged = await startPtyPair({ a: path, b: pty.b });
    await connected;
    assert.equal(scanner.connected, true);
  } finally {
    await scanner.stop();
    await replugged?.stop();
  }
});
