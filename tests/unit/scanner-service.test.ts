import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { openCore } from '../../main/core/app';
import type { AppEvent } from '../../main/core/contract';
import { callerForWindow } from '../../main/shell/caller';
import { signedIn } from '../support/auth';
import { startPtyPair } from '../support/pty';
import { tempDir } from '../support/temp';

test('a code read by the receipt scanner on its serial port reaches the kiosk and the counter, not the admin', async () => {
  const pty = await startPtyPair();
  after(() => pty.stop());
  const core = openCore({ dbPath: path.join(tempDir(), 'scanner.sqlite'), appVersion: 't', log: () => undefined });
  after(() => core.close());
  const seen: Record<string, AppEvent[]> = { kiosk: [], counter: [], admin: [] };
  const callers = {
    kiosk: callerForWindow('kiosk'),
    counter: await signedIn(core, 'clerk'),
    admin: await signedIn(core),
  };
  for (const role of ['kiosk', 'counter', 'admin'] as const) {
    core.router.subscribe(callers[role], (event) => {
      if (event.type === 'scanner.code') seen[role]?.push(event);
    });
  }
  await core.router.call(callers.admin, 'settings.set', { key: 'scanner.serialPath', value: pty.a });
  // The scanner opens its port in the background; what it reads once open is pushed.
  const deadline = Date.now() + 10_000;
  while ((seen.kiosk?.length ?? 0) === 0 && Date.now() < deadline) {
    fs.writeFileSync(pty.b, '00100000011\r\n');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  assert.deepEqual(seen.kiosk?.[0], { type: 'scanner.code', code: '00100000011' });
  assert.ok((seen.counter?.length ?? 0) > 0);
  assert.deepEqual(seen.admin, []);
});
