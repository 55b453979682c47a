import assert from 'node:assert/strict';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { openCore } from '../../main/core/app';
import { CHANNEL_NAMES, channels, rolesForWindow, WINDOW_ROLES, type Role } from '../../main/core/contract';
import { EventBus } from '../../main/core/events';
import { createRouter, DomainError, type Caller, type Handlers } from '../../main/core/router';
import { migrations } from '../../main/core/db/migrations';
import { callerForWindow } from '../../main/shell/caller';
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
  'print.jobs': {},
  'print.retry': { jobId: 1 },
  'reports.satisfaction': { questionnaire: 'national-16' },
  'reports.delivery': {},
  'reports.audit': {},
  'reports.export': { report: 'audit', format: 'csv' },
  'reports.pdf': { report: 'audit' },
};

describe('role checks: every channel against every window', () => {
  test('the table of valid inputs covers every channel', () => {
    assert.deepEqual(Object.keys(validInput).sort(), [...CHANNEL_NAMES].sort());
  });

  for (const windowRole of WINDOW_ROLES) {
    for (const channel of CHANNEL_NAMES) {
      const allowed = (channels[channel].roles as readonly Role[]).some((role) =>
        rolesForWindow(windowRole).includes(role),
      );
      test(`${windowRole} window ${allowed ? 'may' : 'may not'} call ${channel}`, async () => {
        const result = await core.router.call(callerForWindow(windowRole), channel, validInput[channel]);
        // An allowed call may still meet a domain refusal (a code that does not exist), never the role check.
        if (allowed) assert.ok(result.ok || result.error.code !== 'role.forbidden', JSON.stringify(result));
        else assert.deepEqual(result, { ok: false, error: { code: 'role.forbidden' } });
      });
    }
  }

  test('a kiosk caller is refused every channel that is not open to kiosks', async () => {
    const closed = CHANNEL_NAMES.filter((c) => !(channels[c].roles as readonly Role[]).includes('kiosk'));
    assert.ok(closed.length > 0);
    for (const channel of closed) {
      const result = await core.router.call(callerForWindow('kiosk'), channel, validInput[channel]);
      assert.deepEqual(result, { ok: false, error: { code: 'role.forbidden' } }, channel);
    }
  });

  test('a caller with no roles is refused everything', async () => {
    const nobody: Caller = { windowRole: 'kiosk', roles: [], actor: 'nobody' };
    for (const channel of CHANNEL_NAMES) {
      assert.equal((await core.router.call(nobody, channel, validInput[channel])).ok, false);
    }
  });
});

describe('validation', () => {
  const admin = callerForWindow('admin');

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
  const router = createRouter(base, new EventBus(), (message) => logged.push(message));
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
    );
    assert.deepEqual(await broken.call(admin, 'system.health', {}), { ok: false, error: { code: 'internal' } });
  });
});
