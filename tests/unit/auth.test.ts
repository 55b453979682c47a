import assert from 'node:assert/strict';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { openCore } from '../../main/core/app';
import { afterFailure, isLockedAt } from '../../main/core/auth/lockout';
import { AUTH_FIELD_ERRORS, AUTH_POLICY, type Result, type SessionInfo, type User } from '../../main/core/contract';
import { verifyPin } from '../../main/core/kiosk/pin';
import type { Caller } from '../../main/core/router';
import { callerForWindow } from '../../main/shell/caller';
import { signedIn, TEST_PASSWORD } from '../support/auth';
import { messages } from '../../renderer/src/i18n/messages';
import { tempDir } from '../support/temp';

describe('the lock-out policy', () => {
  const now = new Date('2026-01-01T08:00:00Z');
  test('four wrong passwords are counted; the fifth locks for five minutes and starts the count again', () => {
    let failures = 0;
    for (let i = 1; i < AUTH_POLICY.maxFailures; i++) {
      const next = afterFailure(failures, now);
      assert.deepEqual(next, { failures: i, lockedUntil: null });
      failures = next.failures;
    }
    assert.deepEqual(afterFailure(failures, now), { failures: 0, lockedUntil: new Date('2026-01-01T08:05:00Z') });
  });
  test('locked until the instant given, not after it', () => {
    assert.equal(isLockedAt(null, now), false);
    assert.equal(isLockedAt('2026-01-01T08:00:00.001Z', now), true);
    assert.equal(isLockedAt('2026-01-01T08:00:00.000Z', now), false);
  });
});

describe('users, sign-in and sessions through the router', async () => {
  let clock = new Date('2026-01-01T08:00:00Z');
  const core = openCore({
    dbPath: path.join(tempDir(), 'auth.sqlite'),
    appVersion: 't',
    log: () => undefined,
    authClock: () => clock,
  });
  after(() => core.close());
  const call = async <T>(caller: Caller, channel: string, input: unknown = {}) =>
    (await core.router.call(caller, channel, input)) as Result<T>;
  const codeOf = (result: Result<unknown>) => (result.ok ? 'ok' : result.error.code);
  const counter = callerForWindow('counter', 'counter-1');
  const adminWindow = callerForWindow('admin', 'admin-1');
  /** The first administrator again, on a window of her own, once the clock has ended her first session. */
  const maryam = callerForWindow('admin', 'admin-maryam');

  test('a new database has no users: the face is told to ask for the first administrator', async () => {
    const session = await call<SessionInfo>(adminWindow, 'auth.session');
    assert.deepEqual(session, { ok: true, value: { user: null, firstRun: true, idleMinutes: 15 } });
    assert.equal(
      codeOf(await call(adminWindow, 'settings.set', { key: 'terminal.number', value: 2 })),
      'auth.required',
    );
  });

  test('the first administrator is made once, signed in on that window, and never again', async () => {
    const first = await call<SessionInfo>(adminWindow, 'auth.firstAdmin', {
      username: ' Maryam ',
      displayName: 'مریم کریمی',
      password: 'گذرواژه‌ی بلند',
    });
    assert.deepEqual(first, {
      ok: true,
      value: {
        user: { username: 'maryam', displayName: 'مریم کریمی', role: 'admin' },
        firstRun: false,
        idleMinutes: 15,
      },
    });
    const again = await call(callerForWindow('admin', 'admin-2'), 'auth.firstAdmin', {
      username: 'intruder',
      displayName: 'نفوذی',
      password: 'another password',
    });
    assert.equal(codeOf(again), 'auth.already_set_up');
    assert.equal(core.auth.users.count(), 1);
  });

  test('the password is kept only as a salted scrypt hash', async () => {
    const row = core.auth.users.byUsername('maryam');
    assert.ok(row);
    assert.match(row.password_hash, /^scrypt\$15\$8\$1\$/);
    assert.ok(!row.password_hash.includes('گذرواژه'));
    assert.equal(await verifyPin('گذرواژه‌ی بلند', row.password_hash), true);
    assert.equal(await verifyPin('گذرواژه‌ی بلن', row.password_hash), false);
  });

  test('changes by a signed-in user are recorded as that user', async () => {
    assert.equal(codeOf(await call(adminWindow, 'settings.set', { key: 'terminal.number', value: 2 })), 'ok');
    const row = core.db.prepare("SELECT updated_by FROM settings WHERE key = 'terminal.number'").get();
    assert.deepEqual(row, { updated_by: 'user:maryam' });
  });

  test('an administrator creates a clerk, who signs in at the counter and works as a clerk only', async () => {
    const made = await call<User>(adminWindow, 'users.create', {
      username: 'ali',
      displayName: 'علی رضایی',
      role: 'clerk',
      password: TEST_PASSWORD,
    });
    assert.ok(made.ok);
    assert.equal(made.value.createdBy, 'user:maryam');
    assert.equal(codeOf(await call(counter, 'requests.queue', {})), 'auth.required');
    const session = await call<SessionInfo>(counter, 'auth.signIn', { username: 'ALI', password: TEST_PASSWORD });
    assert.ok(session.ok && session.value.user?.username === 'ali');
    assert.equal(codeOf(await call(counter, 'requests.queue', {})), 'ok');
    assert.equal(codeOf(await call(counter, 'settings.set', { key: 'terminal.number', value: 3 })), 'role.forbidden');
    assert.equal(codeOf(await call(counter, 'users.list')), 'role.forbidden');
    // The session is the window's: another counter window is still nobody's.
    assert.equal(codeOf(await call(callerForWindow('counter', 'counter-2'), 'requests.queue', {})), 'auth.required');
  });

  test('a clerk cannot sign in at the admin face', async () => {
    const result = await call(callerForWindow('admin', 'admin-3'), 'auth.signIn', {
      username: 'ali',
      password: TEST_PASSWORD,
    });
    assert.equal(codeOf(result), 'auth.window_not_allowed');
  });

  test('a kiosk never signs in', async () => {
    const result = await call(callerForWindow('kiosk'), 'auth.signIn', { username: 'ali', password: TEST_PASSWORD });
    assert.equal(codeOf(result), 'role.forbidden');
  });

  test('an unknown user and a wrong password get the same answer', async () => {
    const window = callerForWindow('counter', 'counter-3');
    const unknown = await call(window, 'auth.signIn', { username: 'nobody', password: TEST_PASSWORD });
    const wrong = await call(window, 'auth.signIn', { username: 'ali', password: 'not the password' });
    assert.deepEqual(unknown, wrong);
    assert.equal(codeOf(wrong), 'auth.failed');
    // A right password resets the count.
    assert.equal(codeOf(await call(window, 'auth.signIn', { username: 'ali', password: TEST_PASSWORD })), 'ok');
    assert.equal(core.auth.users.byUsername('ali')?.failed_attempts, 0);
    await call(window, 'auth.signOut');
  });

  test('five wrong passwords lock the account for five minutes, even with the right one; then it opens', async () => {
    const window = callerForWindow('counter', 'counter-4');
    const tries: string[] = [];
    for (let i = 0; i < 5; i++) {
      tries.push(codeOf(await call(window, 'auth.signIn', { username: 'ali', password: `wrong ${i}` })));
    }
    assert.deepEqual(tries, ['auth.failed', 'auth.failed', 'auth.failed', 'auth.failed', 'auth.locked']);
    assert.equal(
      codeOf(await call(window, 'auth.signIn', { username: 'ali', password: TEST_PASSWORD })),
      'auth.locked',
    );
    clock = new Date(clock.getTime() + 4 * 60_000 + 59_000);
    assert.equal(
      codeOf(await call(window, 'auth.signIn', { username: 'ali', password: TEST_PASSWORD })),
      'auth.locked',
    );
    clock = new Date(clock.getTime() + 1_000);
    assert.equal(codeOf(await call(window, 'auth.signIn', { username: 'ali', password: TEST_PASSWORD })), 'ok');
    const log = core.db
      .prepare("SELECT action FROM user_log WHERE user_id = (SELECT id FROM users WHERE username = 'ali') ORDER BY id")
      .pluck()
      .all();
    assert.ok(log.includes('locked'), JSON.stringify(log));
    await call(window, 'auth.signOut');
  });

  test('a lock-out is lifted by a password reset', async () => {
    const window = callerForWindow('counter', 'counter-5');
    for (let i = 0; i < 5; i++) await call(window, 'auth.signIn', { username: 'ali', password: 'wrong' });
    assert.ok(core.auth.users.byUsername('ali')?.locked_until);
    const reset = await call<User>(adminWindow, 'users.resetPassword', { username: 'ali', password: 'a new password' });
    assert.ok(reset.ok && reset.value.lockedUntil === null);
    assert.equal(codeOf(await call(window, 'auth.signIn', { username: 'ali', password: 'a new password' })), 'ok');
  });

  test('a session ends on sign-out', async () => {
    const window = callerForWindow('counter', 'counter-6');
    await call(window, 'auth.signIn', { username: 'ali', password: 'a new password' });
    const out = await call<SessionInfo>(window, 'auth.signOut');
    assert.ok(out.ok && out.value.user === null);
    assert.equal(codeOf(await call(window, 'requests.queue', {})), 'auth.required');
  });

  test('a session ends after the idle time; activity on the window keeps it', async () => {
    const window = callerForWindow('counter', 'counter-7');
    await call(window, 'auth.signIn', { username: 'ali', password: 'a new password' });
    clock = new Date(clock.getTime() + 14 * 60_000);
    // Calls the face makes by itself (a queue refreshed by an event) do not count as activity…
    assert.equal(codeOf(await call(window, 'requests.queue', {})), 'ok');
    // …a key press or a click does.
    assert.equal(codeOf(await call(window, 'auth.activity')), 'ok');
    clock = new Date(clock.getTime() + 14 * 60_000);
    assert.equal(codeOf(await call(window, 'requests.queue', {})), 'ok');
    clock = new Date(clock.getTime() + 60_001);
    assert.equal(codeOf(await call(window, 'requests.queue', {})), 'auth.required');
    const session = await call<SessionInfo>(window, 'auth.session');
    assert.ok(session.ok && session.value.user === null);
  });

  test('the idle time is a setting', async () => {
    const admin = await signedIn(core);
    assert.equal(codeOf(await call(admin, 'settings.set', { key: 'session.idleMinutes', value: 1 })), 'ok');
    const window = callerForWindow('counter', 'counter-8');
    await call(window, 'auth.signIn', { username: 'ali', password: 'a new password' });
    clock = new Date(clock.getTime() + 61_000);
    assert.equal(codeOf(await call(window, 'requests.queue', {})), 'auth.required');
    const again = await signedIn(core);
    assert.equal(codeOf(await call(again, 'settings.set', { key: 'session.idleMinutes', value: 15 })), 'ok');
  });

  test('a disabled user is signed out at once and cannot sign in; a role change takes effect at once', async () => {
    const admin = await signedIn(core);
    const clerk = await signedIn(core, 'supervisor', { username: 'sara', windowRole: 'counter' });
    assert.equal(codeOf(await call(clerk, 'requests.queue', {})), 'ok');
    const demoted = await call<User>(admin, 'users.update', { username: 'sara', role: 'clerk' });
    assert.ok(demoted.ok && demoted.value.role === 'clerk');
    assert.equal(codeOf(await call(clerk, 'requests.queue', {})), 'ok');
    const disabled = await call<User>(admin, 'users.update', { username: 'sara', active: false });
    assert.ok(disabled.ok && !disabled.value.active && disabled.value.updatedBy === 'user:admin');
    assert.equal(codeOf(await call(clerk, 'requests.queue', {})), 'auth.required');
    const again = await call(callerForWindow('counter', 'counter-9'), 'auth.signIn', {
      username: 'sara',
      password: TEST_PASSWORD,
    });
    assert.equal(codeOf(again), 'auth.disabled');
  });

  test('the last active administrator cannot be disabled or demoted; usernames are unique', async () => {
    const admin = await signedIn(core);
    await call(admin, 'users.update', { username: 'admin', active: false });
    const signedInAsMaryam = await call(maryam, 'auth.signIn', { username: 'maryam', password: 'گذرواژه‌ی بلند' });
    assert.equal(codeOf(signedInAsMaryam), 'ok');
    const last = await call(maryam, 'users.update', { username: 'maryam', role: 'clerk' });
    assert.equal(codeOf(last), 'users.last_admin');
    const taken = await call(maryam, 'users.create', {
      username: 'ALI',
      displayName: 'علی دیگر',
      role: 'clerk',
      password: TEST_PASSWORD,
    });
    assert.equal(codeOf(taken), 'users.username_taken');
    assert.equal(codeOf(await call(maryam, 'users.update', { username: 'ghost', active: true })), 'users.not_found');
  });

  test('bad usernames and short passwords are named by field', async () => {
    const result = await call(maryam, 'users.create', {
      username: 'علی',
      displayName: 'علی',
      role: 'clerk',
      password: 'short',
    });
    assert.ok(!result.ok);
    assert.deepEqual(
      result.error.details?.issues?.map((issue) => [issue.path, issue.code]),
      [
        ['username', 'username.invalid'],
        ['password', 'password.too_short'],
      ],
    );
  });

  test('the users list carries no password hash', async () => {
    const list = await call<User[]>(maryam, 'users.list');
    assert.ok(list.ok);
    assert.deepEqual(
      list.value.map((user) => user.username),
      ['admin', 'ali', 'maryam', 'sara'],
    );
    assert.ok(!JSON.stringify(list.value).includes('scrypt'));
  });

  test('a closed window is signed out', async () => {
    const window = callerForWindow('counter', 'counter-10');
    await call(window, 'auth.signIn', { username: 'ali', password: 'a new password' });
    core.router.release?.(window);
    assert.equal(codeOf(await call(window, 'requests.queue', {})), 'auth.required');
  });

  test("events follow the window's user: a counter signed out hears no queue changes", async () => {
    const window = callerForWindow('counter', 'counter-11');
    const heard: string[] = [];
    const stop = core.router.subscribe(window, (event) => heard.push(event.type));
    core.bus.emit({ type: 'queue.changed', trackingCode: '00100000011', status: 'registered' });
    await call(window, 'auth.signIn', { username: 'ali', password: 'a new password' });
    core.bus.emit({ type: 'queue.changed', trackingCode: '00100000011', status: 'registered' });
    stop();
    assert.deepEqual(heard, ['queue.changed']);
  });
});

test('the sign-in field errors have words in both languages', () => {
  for (const language of ['fa', 'en'] as const) {
    const errors = messages(language).errors as Record<string, Record<string, string>>;
    for (const code of AUTH_FIELD_ERRORS) {
      const [field, kind] = code.split('.') as [string, string];
      assert.equal(typeof errors[field]?.[kind], 'string', `${language}: ${code}`);
    }
  }
});
