import assert from 'node:assert/strict';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { openCore } from '../../main/core/app';
import type { AppEvent } from '../../main/core/contract';
import { attemptsLeft, isLocked, lockAfterFailure, PIN_ATTEMPTS } from '../../main/core/kiosk/attempts';
import { hashPin, verifyPin } from '../../main/core/kiosk/pin';
import { callerForWindow } from '../../main/shell/caller';
import { signedIn } from '../support/auth';
import { tempDir } from '../support/temp';

const FAST = { log2N: 10, r: 8, p: 1 };

describe('the PIN hash', () => {
  test('is scrypt with its cost and a random salt; the same PIN hashes differently each time', async () => {
    const a = await hashPin('4827');
    const b = await hashPin('4827');
    assert.match(a, /^scrypt\$15\$8\$1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
    assert.notEqual(a, b);
    assert.ok(!a.includes('4827'));
  });

  test('matches the right PIN only', async () => {
    const stored = await hashPin('4827', FAST);
    assert.equal(await verifyPin('4827', stored), true);
    for (const wrong of ['4828', '482', '48270', '', ' 4827', '۴۸۲۷']) {
      assert.equal(await verifyPin(wrong, stored), false, wrong);
    }
  });

  test('a malformed or tampered hash matches nothing and does not throw', async () => {
    const stored = await hashPin('4827', FAST);
    const parts = stored.split('$');
    for (const bad of [
      '',
      'plain',
      '4827',
      stored.replace(/^scrypt/, 'bcrypt'),
      [...parts.slice(0, 5), 'AAAA'].join('$'),
      ['scrypt', '40', '8', '1', parts[4], parts[5]].join('$'),
      ['scrypt', 'x', '8', '1', parts[4], parts[5]].join('$'),
    ]) {
      assert.equal(await verifyPin('4827', bad), false, bad);
    }
  });
});

describe('the wrong-PIN policy', () => {
  const now = new Date('2026-01-01T08:00:00Z');
  test('five tries, then a minute, doubling to an hour at the most', () => {
    for (let failures = 1; failures < PIN_ATTEMPTS.free; failures++)
      assert.equal(lockAfterFailure(failures, now), null);
    const minutes = (failures: number) => ((lockAfterFailure(failures, now)?.getTime() ?? 0) - now.getTime()) / 60_000;
    assert.deepEqual([5, 6, 7, 8, 9, 10, 11, 20].map(minutes), [1, 2, 4, 8, 16, 32, 60, 60]);
    assert.equal(attemptsLeft(0), 5);
    assert.equal(attemptsLeft(4), 1);
    assert.equal(attemptsLeft(9), 0);
  });

  test('locked only until the time has passed', () => {
    assert.equal(isLocked(null, now), false);
    assert.equal(isLocked('2026-01-01T08:00:01.000Z', now), true);
    assert.equal(isLocked('2026-01-01T08:00:00.000Z', now), false);
  });
});

describe('leaving kiosk mode through the core', async () => {
  let clock = new Date('2026-01-01T08:00:00Z');
  const dir = tempDir();
  const core = openCore({
    dbPath: path.join(dir, 'kiosk.sqlite'),
    appVersion: 't',
    log: () => undefined,
    now: () => clock,
  });
  after(() => core.close());
  const kiosk = callerForWindow('kiosk');
  const admin = await signedIn(core);
  const events: AppEvent[] = [];
  core.bus.subscribe(['admin'], (event) => events.push(event));
  const exit = (pin: string) => core.router.call(kiosk, 'kiosk.exit', { pin });
  const codeOf = async (pin: string) => {
    const result = await exit(pin);
    return result.ok ? 'ok' : result.error.code;
  };

  test('with no PIN set, the exit is refused and the admin sees that none is set', async () => {
    assert.equal(await codeOf('1234'), 'kiosk.pin_not_set');
    assert.deepEqual(await core.router.call(admin, 'kiosk.pin.status', {}), {
      ok: true,
      value: { set: false, setAt: null, setBy: null },
    });
  });

  test('only the admin face sets the PIN; the kiosk cannot, nor read its status', async () => {
    assert.deepEqual(await core.router.call(kiosk, 'kiosk.pin.set', { pin: '1234' }), {
      ok: false,
      error: { code: 'role.forbidden' },
    });
    assert.deepEqual(await core.router.call(kiosk, 'kiosk.pin.status', {}), {
      ok: false,
      error: { code: 'role.forbidden' },
    });
    assert.deepEqual(await core.router.call(callerForWindow('counter'), 'kiosk.exit', { pin: '1234' }), {
      ok: false,
      error: { code: 'role.forbidden' },
    });
  });

  test('a PIN is 4 to 12 digits; Persian digits are read as digits', async () => {
    for (const pin of ['123', '1234567890123', 'abcd', '12 34', '']) {
      const result = await core.router.call(admin, 'kiosk.pin.set', { pin });
      assert.equal(result.ok, false, pin);
      if (!result.ok) assert.deepEqual(result.error.details?.issues, [{ path: 'pin', code: 'pin.format' }]);
    }
    const set = await core.router.call(admin, 'kiosk.pin.set', { pin: '۴۸۲۷۱۹' });
    assert.equal(set.ok, true);
    if (set.ok) assert.deepEqual(set.value, { set: true, setAt: clock.toISOString(), setBy: 'user:admin' });
  });

  test('the database keeps a salted scrypt hash, never the PIN', () => {
    const row = core.db.prepare('SELECT * FROM kiosk_exit_pin').get() as Record<string, unknown>;
    assert.match(String(row.hash), /^scrypt\$/);
    assert.ok(!JSON.stringify(row).includes('482719'));
  });

  test('the right PIN leaves kiosk mode: the core emits kiosk.exited and logs it', async () => {
    events.length = 0;
    assert.deepEqual(await exit('482719'), { ok: true, value: { left: true } });
    assert.deepEqual(events, [{ type: 'kiosk.exited', at: clock.toISOString() }]);
    assert.equal(core.logger.recent(1)[0]?.event, 'kiosk.exited');
  });

  test('the kiosk.exited event never reaches a kiosk window', async () => {
    const seen: AppEvent[] = [];
    const stop = core.router.subscribe(kiosk, (event) => seen.push(event));
    await exit('482719');
    stop();
    assert.deepEqual(seen, []);
  });

  test('wrong PINs are counted; the fifth locks even the right PIN out for a minute', async () => {
    events.length = 0;
    assert.deepEqual(await Promise.all(['1111', '2222', '3333', '4444'].map(codeOf)), [
      'kiosk.pin_wrong',
      'kiosk.pin_wrong',
      'kiosk.pin_wrong',
      'kiosk.pin_wrong',
    ]);
    assert.equal(await codeOf('5555'), 'kiosk.pin_locked');
    assert.equal(await codeOf('482719'), 'kiosk.pin_locked', 'locked: not even checked');
    assert.deepEqual(events, []);
    clock = new Date(clock.getTime() + 61_000);
    assert.equal(await codeOf('6666'), 'kiosk.pin_locked', 'the sixth wrong PIN locks for two minutes');
    clock = new Date(clock.getTime() + 121_000);
    assert.equal(await codeOf('482719'), 'ok');
    assert.equal(await codeOf('1111'), 'kiosk.pin_wrong', 'a right PIN resets the count');
    const warnings = core.logger.recent(50).filter((entry) => entry.event === 'kiosk.pin_wrong');
    assert.ok(warnings.length >= 7);
    assert.ok(warnings.every((entry) => !entry.message.includes('482719')));
  });

  test('the count survives a restart of the app', async () => {
    for (const pin of ['1', '2', '3', '4'].map((d) => d.repeat(4))) await codeOf(pin);
    const reopened = openCore({
      dbPath: path.join(dir, 'kiosk.sqlite'),
      appVersion: 't',
      log: () => undefined,
      now: () => clock,
    });
    const result = await reopened.router.call(kiosk, 'kiosk.exit', { pin: '9999' });
    reopened.close();
    assert.deepEqual(result, { ok: false, error: { code: 'kiosk.pin_locked' } });
  });

  test('a new PIN replaces the old one and clears the count', async () => {
    assert.equal((await core.router.call(admin, 'kiosk.pin.set', { pin: '24681357' })).ok, true);
    assert.equal(await codeOf('482719'), 'kiosk.pin_wrong');
    assert.equal(await codeOf('24681357'), 'ok');
  });
});

describe('what the faces report', () => {
  const core = openCore({ dbPath: path.join(tempDir(), 'activity.sqlite'), appVersion: 't', log: () => undefined });
  after(() => core.close());

  test('a kiosk or counter says it is busy; since moves only when the state changes', async () => {
    const first = await core.router.call(callerForWindow('kiosk'), 'terminal.activity', { busy: true });
    const again = await core.router.call(callerForWindow('kiosk'), 'terminal.activity', { busy: true });
    assert.ok(first.ok && again.ok);
    assert.deepEqual(first.value, again.value);
    await core.router.call(await signedIn(core, 'clerk'), 'terminal.activity', { busy: false });
    assert.deepEqual(
      core.activity.snapshot().map(({ windowRole, busy }) => ({ windowRole, busy })),
      [
        { windowRole: 'kiosk', busy: true },
        { windowRole: 'counter', busy: false },
      ],
    );
  });

  test('a clerk who signs out in the middle of a walk-in form is no longer busy there', async () => {
    const clerk = await signedIn(core, 'clerk');
    await core.router.call(clerk, 'terminal.activity', { busy: true });
    const counter = () => core.activity.snapshot().find((report) => report.windowRole === 'counter')?.busy;
    assert.equal(counter(), true);
    assert.ok((await core.router.call(clerk, 'auth.signOut', {})).ok);
    assert.equal(counter(), false);
  });
});
