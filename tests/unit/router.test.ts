import assert from 'node:assert/strict';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { openCore } from '../../main/core/app';
import { CHANNEL_NAMES, channels, type Role } from '../../main/core/contract';
import { EventBus } from '../../main/core/events';
import { createRouter, DomainError, trustedCallers, type Caller, type Handlers } from '../../main/core/router';
import { migrations } from '../../main/core/db/migrations';
import { callerForWindow } from '../../main/shell/caller';
import { signedIn, TEST_PASSWORD } from '../support/auth';
import { tempDir } from '../support/temp';

const core = openCore({ dbPath: path.join(tempDir(), 'router.sqlite'), appVersion: '1.2.3', log: () => undefined });
after(() => core.close());

const smallCatalogue = JSON.stringify({
  format: 1,
  agencies: [{ code: 'test', title: { fa: 'آزمون', en: 'Test' } }],
  services: [],
});

/** An input each channel accepts, so that a refusal can only come from the role check. */
const validInput: Record<string, unknown> = {
  'system.health': {},
  'settings.get': {},
  'settings.set': { key: 'office.name.fa', value: 'دفتر آزمون' },
  'kiosk.exit': { pin: '1234' },
  'kiosk.pin.status': {},
  'kiosk.pin.set': { pin: '1234' },
  'terminal.activity': { busy: false },
  'logs.recent': {},
  'catalogue.agencies': {},
  'catalogue.services': { query: 'گاز' },
  'catalogue.service': { code: '10110001' },
  'catalogue.import': { format: 'json', content: smallCatalogue },
  'catalogue.export': { format: 'csv' },
  'calendar.year': { year: 1405 },
  'calendar.dueDate': { days: 5, at: '2026-11-23T10:00:00+03:30' },
  'calendar.addDay': { date: '1405/10/20', kind: 'closure', title: { fa: 'برف', en: 'Snow' } },
  'calendar.moveDay': { id: 'lunar:1448/01/09', to: '1405/04/05' },
  'calendar.confirmDay': { id: 'lunar:1448/01/10' },
  'calendar.removeDay': { id: 'admin:1' },
  'requests.create': {
    serviceCode: '10110001',
    applicant: { nationalCode: '0499370899', name: 'زهرا احمدی', mobile: '09121234567' },
  },
  'requests.lookup': { trackingCode: '00100000011', mobileLastFour: '4567' },
  'requests.get': { trackingCode: '00100000011' },
  'requests.queue': {},
  'requests.transition': { trackingCode: '00100000011', to: 'in_progress' },
  'survey.start': { trackingCode: '00100000011' },
  'survey.submit': {
    trackingCode: '00100000011',
    questionnaire: { id: 'national-16', version: 1 },
    answers: { q1: 4 },
  },
  'survey.questionnaires': {},
  'survey.offer': { trackingCode: '00100000011' },
  'printer.status': {},
  'printer.test': {},
  'receipt.preview': { trackingCode: '00100000011', mobileLastFour: '4567' },
  'print.reprint': { trackingCode: '00100000011' },
  'print.job': { jobId: 1 },
  'print.jobs': {},
  'print.retry': { jobId: 1 },
  'reports.satisfaction': { questionnaire: 'national-16' },
  'reports.delivery': {},
  'reports.audit': {},
  'reports.export': { report: 'audit', format: 'csv' },
  'catalogue.saveService': {
    code: '10110001',
    agencyCode: 'municipality',
    title: { fa: 'وصول عوارض خودرو', en: 'Collection of vehicle tolls' },
    type: 'G2C',
    delivery: 'electronic',
    steps: [{ fa: 'پرداخت عوارض' }],
    documents: [],
    rules: [],
    workingDays: 0,
    fee: { amountRial: 0, how: { fa: 'کارت بانکی' }, where: { fa: 'دفتر' } },
    complaint: { fa: 'سامانه ۱۱۱' },
    responsibleUnit: { fa: 'شهرداری' },
    faq: [],
  },
  'system.backup': {},
  'system.backups': {},
  'reports.pdf': { report: 'audit' },
  'auth.session': {},
  'auth.signIn': { username: 'nobody', password: 'wrong password' },
  'auth.signOut': {},
  'auth.activity': {},
  'auth.firstAdmin': { username: 'first', displayName: 'اولین مدیر', password: 'a long password' },
  'users.list': {},
  'users.create': { username: 'newclerk', displayName: 'کارمند تازه', role: 'clerk', password: TEST_PASSWORD },
  'users.update': { username: 'nobody', active: true },
  'users.resetPassword': { username: 'nobody', password: TEST_PASSWORD },
  'documents.list': { trackingCode: '00100000011' },
  'documents.mark': { trackingCode: '00100000011', index: 0, received: true },
};

const STAFF: readonly Role[] = ['clerk', 'supervisor', 'admin'];

/**
 * Every kind of caller: a kiosk; a counter and an admin window nobody is signed in on; a clerk
 * at the counter; a supervisor, an administrator at the admin face. The roles each is expected
 * to carry are written out here, not taken from the code under test.
 */
const CALLERS = [
  { name: 'a kiosk window', roles: ['kiosk'], caller: async () => callerForWindow('kiosk') },
  { name: 'a counter nobody signed in on', roles: ['guest'], caller: async () => callerForWindow('counter', 'c1') },
  { name: 'an admin window nobody signed in on', roles: ['guest'], caller: async () => callerForWindow('admin', 'a1') },
  { name: 'a clerk at the counter', roles: ['clerk'], caller: () => signedIn(core, 'clerk') },
  {
    name: 'an administrator at the counter',
    roles: ['clerk'],
    caller: () => signedIn(core, 'admin', { windowRole: 'counter' }),
  },
  { name: 'a supervisor at the admin face', roles: ['supervisor'], caller: () => signedIn(core, 'supervisor') },
  { name: 'an administrator at the admin face', roles: ['admin', 'supervisor'], caller: () => signedIn(core) },
] as const;

describe('role checks: every channel against every caller, by the user signed in on the window', () => {
  test('the table of valid inputs covers every channel', () => {
    assert.deepEqual(Object.keys(validInput).sort(), [...CHANNEL_NAMES].sort());
  });

  for (const { name, roles, caller } of CALLERS) {
    for (const channel of CHANNEL_NAMES) {
      const allowedRoles = channels[channel].roles as readonly Role[];
      const allowed = allowedRoles.some((role) => (roles as readonly Role[]).includes(role));
      // A window nobody is signed in on is asked to sign in for what a user could do there.
      const refusal =
        roles[0] === 'guest' && allowedRoles.some((role) => STAFF.includes(role)) ? 'auth.required' : 'role.forbidden';
      test(`${name} ${allowed ? 'may' : 'may not'} call ${channel}`, async () => {
        const result = await core.router.call(await caller(), channel, validInput[channel]);
        // An allowed call may still meet a domain refusal (a code that does not exist), never the role check.
        if (allowed) {
          assert.ok(
            result.ok || (result.error.code !== 'role.forbidden' && result.error.code !== 'auth.required'),
            JSON.stringify(result),
          );
        } else assert.deepEqual(result, { ok: false, error: { code: refusal } });
      });
    }
  }

  test('a clerk is refused every channel of the admin face', async () => {
    const clerk = await signedIn(core, 'clerk');
    const adminOnly = CHANNEL_NAMES.filter((c) => !(channels[c].roles as readonly Role[]).includes('clerk'));
    assert.ok(adminOnly.includes('settings.set') && adminOnly.includes('users.create'));
    for (const channel of adminOnly) {
      const result = await core.router.call(clerk, channel, validInput[channel]);
      assert.deepEqual(result, { ok: false, error: { code: 'role.forbidden' } }, channel);
    }
  });

  test("a caller's own claim of roles counts for nothing: only the session of its window", async () => {
    const forged: Caller = { windowRole: 'counter', windowKey: 'nobody', roles: ['admin'], actor: 'x', user: null };
    assert.deepEqual(await core.router.call(forged, 'settings.set', validInput['settings.set']), {
      ok: false,
      error: { code: 'auth.required' },
    });
  });

  test('a kiosk caller is refused every channel that is not open to kiosks', async () => {
    const closed = CHANNEL_NAMES.filter((c) => !(channels[c].roles as readonly Role[]).includes('kiosk'));
    assert.ok(closed.length > 0);
    for (const channel of closed) {
      const result = await core.router.call(callerForWindow('kiosk'), channel, validInput[channel]);
      assert.deepEqual(result, { ok: false, error: { code: 'role.forbidden' } }, channel);
    }
  });

  test('a caller with no roles is refused everything', async () => {
    const router = createRouter({} as Handlers, new EventBus(), () => undefined, trustedCallers([], 'nobody'));
    for (const channel of CHANNEL_NAMES) {
      assert.equal((await router.call(callerForWindow('kiosk'), channel, validInput[channel])).ok, false);
    }
  });
});

describe('validation', async () => {
  const admin = await signedIn(core);

  test('an unknown channel is named as such', async () => {
    assert.deepEqual(await core.router.call(admin, 'requests.delete_all', {}), {
      ok: false,
      error: { code: 'channel.unknown' },
    });
    assert.deepEqual(await core.router.call(admin, '__proto__', {}), { ok: false, error: { code: 'channel.unknown' } });
  });

  test('a value of the wrong shape is refused with the field that is wrong', async () => {
    const result = await core.router.call(admin, 'settings.set', { key: 'kiosk.idleSeconds', value: 5 });
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.equal(result.error.code, 'input.invalid');
    assert.deepEqual(
      result.error.details?.issues?.map((i) => i.path),
      ['value'],
    );
  });

  test('an unknown setting key is refused', async () => {
    const result = await core.router.call(admin, 'settings.set', { key: 'terminal.secret', value: 1 });
    assert.equal(result.ok, false);
    if (!result.ok) assert.equal(result.error.code, 'input.invalid');
  });

  test('extra fields on an empty input are refused', async () => {
    const result = await core.router.call(admin, 'system.health', { sneaky: true });
    assert.equal(result.ok, false);
  });

  test('system.health answers version, database and a printer that is not configured', async () => {
    const result = await core.router.call(callerForWindow('kiosk'), 'system.health', {});
    assert.deepEqual(result, {
      ok: true,
      value: {
        appVersion: '1.2.3',
        database: { path: core.dbPath, schemaVersion: migrations.length },
        printer: { status: 'not_configured' },
      },
    });
  });
});

describe('faults never cross the boundary as text', () => {
  // A router of three channels: the others are never called here.
  const base = {
    'system.health': () => ({
      appVersion: '1',
      database: { path: 'x', schemaVersion: 1 },
      printer: { status: 'not_configured' },
    }),
    'settings.get': () => {
      throw new Error('disk on fire at /secret/path');
    },
    'settings.set': () => {
      throw new DomainError('settings.unknown_key');
    },
  } as Partial<Handlers> as Handlers;
  const logged: string[] = [];
  /** Every window an administrator's: this router has no sign-in. */
  const asAdmin = trustedCallers(['admin'], 'test');
  const router = createRouter(base, new EventBus(), (message) => logged.push(message), asAdmin);
  const admin = callerForWindow('admin');

  test('an unexpected throw becomes internal, and is logged', async () => {
    assert.deepEqual(await router.call(admin, 'settings.get', {}), { ok: false, error: { code: 'internal' } });
    assert.equal(logged.length, 1);
  });

  test('a DomainError becomes its code', async () => {
    const result = await router.call(admin, 'settings.set', { key: 'terminal.number', value: 2 });
    assert.deepEqual(result, { ok: false, error: { code: 'settings.unknown_key' } });
  });

  test('an answer outside the contract becomes internal', async () => {
    const broken = createRouter(
      { ...base, 'system.health': () => ({ appVersion: 1 }) as never },
      new EventBus(),
      () => undefined,
      asAdmin,
    );
    assert.deepEqual(await broken.call(admin, 'system.health', {}), { ok: false, error: { code: 'internal' } });
  });
});
