import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Two pseudo-terminals joined back to back by socat: a serial cable with nothing in between. */
export interface PtyPair {
  /** Paths of the two ends (symlinks to /dev/pts/N). */
  a: string;
  b: string;
  /** Ends socat: both ends go away, as an unplugged USB adapter does. Removes the ends' folder. */
  stop(): Promise<void>;
}

const READY = 'starting data transfer loop';

/**
 * Starts `socat pty pty` and resolves once both ends exist. The caller stops it (in an after()
 * hook). Pass the paths of a stopped pair to plug the same ends back in (same folder).
 */
export async function startPtyPair(ends?: { a: string; b: string }): Promise<PtyPair> {
  const dir = ends ? path.dirname(ends.a) : fs.mkdtempSync(path.join(os.tmpdir(), 'mizban-pty-'));
  // The previous pair's stop() removed it.
  fs.mkdirSync(dir, { recursive: true });
  const a = ends?.a ?? path.join(dir, 'a');
  const b = ends?.b ?? path.join(dir, 'b');
  const socat = spawn('socat', ['-d', '-d', `pty,raw,echo=0,link=${a}`, `pty,raw,echo=0,link=${b}`], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  // A socat that could not start may emit 'error' and no 'exit'.
  const exited = new Promise<void>((resolve) => {
    socat.once('exit', () => resolve());
    socat.once('error', () => resolve());
  });
  const stop = async (): Promise<void> => {
    if (socat.exitCode === null && socat.signalCode === null) socat.kill('SIGTERM');
    await exited;
    fs.rmSync(dir, { recursive: true, force: true });
  };

  const started = new Promise<void>((resolve, reject) => {
    let stderr = '';
    const timer = setTimeout(() => reject(new Error(`socat did not start in 5 s: ${stderr}`)), 5000);
    socat.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`cannot run socat (apt-get install socat): ${error.message}`));
    });
    socat.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`socat exited with ${code}: ${stderr}`));
    });
    socat.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (stderr.includes(READY) && fs.existsSync(a) && fs.existsSync(b)) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  try {
    await started;
  } catch (error) {
    await stop();
    throw error;
  }
  return { a, b, stop };
}
