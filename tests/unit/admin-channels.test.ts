import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { openCore, type Core } from '../../main/core/app';
import type { Backup, Result, Service } from '../../main/core/contract';
import type { Caller } from '../../main/core/router';
import { backupFileName } from '../../main/core/system/backups';
import { callerForWindow } from '../../main/shell/caller';
import { signedIn } from '../support/auth';
import { deliveredRequest } from '../support/requests';
import { tempDir } from '../support/temp';

const kiosk = callerForWindow('kiosk');

async function service(core: Core, code: string): Promise<Service> {
  const found = (await core.router.call(kiosk, 'catalogue.service', { code })) as Result<{ service: Service }>;
  assert.ok(found.ok, JSON.stringify(found));
  return found.value.service;
}

describe('catalogue.saveService', () => {
  const dir = tempDir();
  let core: Core;
  let admin: Caller;
  before(async () => {
    core = openCore({ dbPath: path.join(dir, 'catalogue.sqlite'), appVersion: 't', log: () => undefined });
    admin = await signedIn(core);
  });
  after(() => core.close());

  test('a service edited is what every face reads next, found by its new title, with who changed it', async () => {
    const old = await service(core, '10410001');
    const edited: Service = {
      ...old,
      title: { fa: 'تغییر نام مشترک گاز', en: 'Change of the gas account holder' },
      workingDays: 7,
      steps: [...old.steps, { fa: 'امضای فرم تغییر نام' }],
      active: false,
    };
    const saved = await core.router.call(admin, 'catalogue.saveService', edited);
    assert.ok(saved.ok, JSON.stringify(saved));
    assert.deepEqual(await service(core, '10410001'), edited);

    const found = (await core.router.call(kiosk, 'catalogue.services', {
      query: 'مشترک گاز',
      includeInactive: true,
    })) as Result<{ code: string }[]>;
    assert.ok(found.ok);
    assert.deepEqual(
      found.value.map((s) => s.code),
      ['10410001'],
    );
    const row = core.db.prepare("SELECT updated_by FROM services WHERE code = '10410001'").get();
    assert.deepEqual(row, { updated_by: admin.actor });
  });

  test('checked as a catalogue file checks it: every problem named by its field, nothing saved', async () => {
    const old = await service(core, '10110001');
    const result = await core.router.call(admin, 'catalogue.saveService', {
      ...old,
      title: { fa: '', en: 'x' },
      steps: [],
      delivery: 'in_person',
    });
    assert.equal(result.ok, false);
    assert.ok(!result.ok);
    assert.equal(result.error.code, 'input.invalid');
    assert.deepEqual(result.error.details?.issues?.map((issue) => [issue.path, issue.code]).sort(), [
      ['notElectronicReason', 'notElectronicReason.required'],
      ['steps', 'steps.required'],
      ['title.fa', 'text.required'],
    ]);
    assert.deepEqual(await service(core, '10110001'), old);
  });

  test('a service under an agency the catalogue lacks is refused', async () => {
    const old = await service(core, '10110001');
    const result = await core.router.call(admin, 'catalogue.saveService', { ...old, agencyCode: 'no-such-agency' });
    assert.deepEqual(result, { ok: false, error: { code: 'catalogue.agency_not_found' } });
  });
});

describe('system.backup', () => {
  const dir = tempDir();
  let core: Core;
  let admin: Caller;
  let clock = new Date('2026-11-23T06:30:05.250Z');
  before(async () => {
    core = openCore({
      dbPath: path.join(dir, 'mizban.sqlite'),
      appVersion: 't',
      log: () => undefined,
      now: () => clock,
    });
    admin = await signedIn(core);
    await deliveredRequest(core);
  });
  after(() => core.close());

  test('writes an online backup to backups/ beside the database, named by the Tehran day and time', async () => {
    const result = (await core.router.call(admin, 'system.backup', {})) as Result<Backup>;
    assert.ok(result.ok, JSON.stringify(result));
    assert.equal(result.value.fileName, 'mizban-1405-09-02-100005.sqlite');
    assert.equal(result.value.path, path.join(dir, 'backups', result.value.fileName));
    assert.equal(result.value.bytes, fs.statSync(result.value.path).size);

    const copy = new Database(result.value.path, { readonly: true });
    try {
      assert.equal(copy.pragma('integrity_check', { simple: true }), 'ok');
      assert.equal(copy.prepare('SELECT count(*) FROM requests').pluck().get(), 1);
    } finally {
      copy.close();
    }
    assert.ok(core.logger.recent(10).some((entry) => entry.event === 'backup.written'));
  });

  test('a second one in the same second gets a name of its own; the list is newest first', async () => {
    const second = (await core.router.call(admin, 'system.backup', {})) as Result<Backup>;
    assert.ok(second.ok);
    assert.equal(second.value.fileName, 'mizban-1405-09-02-100005-1.sqlite');
    clock = new Date('2026-11-24T20:45:00Z');
    const third = (await core.router.call(admin, 'system.backup', {})) as Result<Backup>;
    assert.ok(third.ok);
    assert.equal(third.value.fileName, 'mizban-1405-09-04-001500.sqlite');

    const list = (await core.router.call(admin, 'system.backups', {})) as Result<Backup[]>;
    assert.ok(list.ok);
    assert.equal(list.value.length, 3);
    assert.equal(list.value[0]?.fileName, third.value.fileName);
    const limited = (await core.router.call(admin, 'system.backups', { limit: 1 })) as Result<Backup[]>;
    assert.ok(limited.ok && limited.value.length === 1);
  });

  test('a folder that cannot be written is refused with its own code, and logged', async () => {
    const blocked = path.join(tempDir(), 'blocked.sqlite');
    const other = openCore({ dbPath: blocked, appVersion: 't', log: () => undefined });
    try {
      // A file where the backups folder should be.
      fs.writeFileSync(path.join(path.dirname(blocked), 'backups'), '');
      const result = await other.router.call(await signedIn(other), 'system.backup', {});
      assert.deepEqual(result, { ok: false, error: { code: 'system.backup_failed' } });
      assert.ok(other.logger.recent(10).some((entry) => entry.event === 'backup.failed'));
    } finally {
      other.close();
    }
  });

  test('names sort as they were made, across the year', () => {
    assert.equal(backupFileName(new Date('2027-03-20T20:29:59Z')), 'mizban-1405-12-29-235959.sqlite');
    assert.equal(backupFileName(new Date('2027-03-20T20:30:00Z')), 'mizban-1406-01-01-000000.sqlite');
  });
});

describe('retention.days setting', () => {
  test('takes 0 (keep) to ten years of days, nothing else', async () => {
    const core = openCore({ dbPath: path.join(tempDir(), 's.sqlite'), appVersion: 't', log: () => undefined });
    try {
      const admin = await signedIn(core);
      for (const value of [0, 30, 3650]) {
        assert.ok((await core.router.call(admin, 'settings.set', { key: 'retention.days', value })).ok, String(value));
      }
      for (const value of [-1, 3651, 1.5, '30']) {
        const result = await core.router.call(admin, 'settings.set', { key: 'retention.days', value });
        assert.equal(result.ok, false, String(value));
      }
    } finally {
      core.close();
    }
  });
});
