import assert from 'node:assert/strict';
import path from 'node:path';
import { after, beforeEach, describe, test } from 'node:test';
import { openCore } from '../../main/core/app';
import {
  parseTrackingCode,
  TRANSITIONS,
  type AppEvent,
  type QueueItem,
  type RequestDetail,
  type RequestStatus,
  type Result,
} from '../../main/core/contract';
import { callerForWindow } from '../../main/shell/caller';
import { signedIn } from '../support/auth';
import { tempDir } from '../support/temp';

/** The clock of the core under test: set per test, so that due dates are known by hand. */
let clock = new Date('2026-11-23T07:00:00Z'); // Monday 1405/09/02, 10:30 in Tehran
const core = openCore({
  dbPath: path.join(tempDir(), 'requests.sqlite'),
  appVersion: 't',
  log: () => undefined,
  now: () => clock,
});
after(() => core.close());

const kiosk = callerForWindow('kiosk');
const clerk = await signedIn(core, 'clerk');
const admin = await signedIn(core);

const person = { nationalCode: '0499370899', name: 'زهرا احمدی', mobile: '09121234567' };
const company = { legalId: '10380284790', company: 'شرکت نمونه', name: 'علی رضایی', mobile: '+98 912 765 4321' };

async function call<T>(caller = kiosk, channel: string, input: unknown): Promise<Result<T>> {
  return (await core.router.call(caller, channel, input)) as Result<T>;
}

async function create(serviceCode: string, applicant: object, caller = kiosk) {
  const result = await call<{ trackingCode: string; dueDate: string; dueDateEstimated: boolean; printJobId: number }>(
    caller,
    'requests.create',
    { serviceCode, applicant },
  );
  assert.ok(result.ok, JSON.stringify(result));
  return result.value;
}

const count = (table: string) => core.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

beforeEach(() => {
  clock = new Date('2026-11-23T07:00:00Z');
});

describe('intake', () => {
  test('a G2C request: tracking code, due date in working days, its event and its print job, together', async () => {
    const before = { requests: count('requests'), events: count('request_events'), jobs: count('print_jobs') };
    // 10110002 takes 10 working days. From Monday 1405/09/02 (before 14:00, so it counts from that day):
    // Tue 03, Wed 04, Thu 05, (Fri 06 rest), Sat 07 … Thu 12, (Fri 13 rest), Sat 14 is the tenth.
    const g2b = await create('10110002', company);
    assert.equal(g2b.dueDate, '1405/09/14');
    assert.equal(g2b.dueDateEstimated, false);
    const made = await create('10110001', person);
    assert.equal(made.dueDate, '1405/09/02', 'a service of 0 days is due the same day');
    const parsed = parseTrackingCode(made.trackingCode);
    assert.ok(parsed.ok && parsed.terminal === 1);
    assert.deepEqual(
      { requests: count('requests'), events: count('request_events'), jobs: count('print_jobs') },
      { requests: before.requests + 2, events: before.events + 2, jobs: before.jobs + 2 },
    );
    const job = core.db.prepare('SELECT status, kind, copy FROM print_jobs WHERE id = ?').get(made.printJobId);
    assert.deepEqual(job, { status: 'queued', kind: 'receipt', copy: 0 });
    const stored = core.db
      .prepare('SELECT channel, mobile, national_code FROM requests WHERE tracking_code = ?')
      .get(made.trackingCode);
    assert.deepEqual(stored, { channel: 'kiosk', mobile: '09121234567', national_code: '0499370899' });
  });

  test('the mobile is stored in one form, whatever form was typed', async () => {
    const made = await create('10110002', company, clerk);
    const row = core.db.prepare('SELECT mobile, channel FROM requests WHERE tracking_code = ?').get(made.trackingCode);
    assert.deepEqual(row, { mobile: '09127654321', channel: 'counter' });
  });

  test('after the closing time a request counts from the next working day', async () => {
    clock = new Date('2026-11-23T12:00:00Z'); // 15:30 in Tehran
    assert.equal((await create('10110001', person)).dueDate, '1405/09/03');
    clock = new Date('2026-11-27T07:00:00Z'); // Friday 1405/09/06: a rest day
    assert.equal((await create('10110001', person)).dueDate, '1405/09/07');
  });

  test('a due date that rests on an estimated holiday says so', async () => {
    // 1405/10/02 (Birth of Imam Ali) is an estimated lunar holiday; 5 days from Saturday 1405/09/28 skip it.
    clock = new Date('2026-12-19T07:00:00Z');
    const made = await create('10110003', company);
    assert.equal(made.dueDateEstimated, true);
  });

  test('tracking codes are unique and carry the terminal number', async () => {
    const codes = new Set<string>();
    for (let i = 0; i < 20; i++) codes.add((await create('10110001', person)).trackingCode);
    assert.equal(codes.size, 20);
    await core.router.call(admin, 'settings.set', { key: 'terminal.number', value: 42 });
    const other = parseTrackingCode((await create('10110001', person)).trackingCode);
    assert.ok(other.ok && other.terminal === 42 && other.sequence === 1);
    await core.router.call(admin, 'settings.set', { key: 'terminal.number', value: 1 });
  });

  test('every bad field is named with its own code, and nothing is written', async () => {
    const before = count('requests');
    const result = await call(kiosk, 'requests.create', {
      serviceCode: '10110001',
      applicant: { nationalCode: '0499370898', name: 'x', mobile: '02188776655' },
    });
    assert.deepEqual(result, {
      ok: false,
      error: {
        code: 'input.invalid',
        details: {
          issues: [
            { path: 'nationalCode', code: 'nationalCode.checksum' },
            { path: 'name', code: 'name.invalid' },
            { path: 'mobile', code: 'mobile.invalid' },
          ],
        },
      },
    });
    const g2b = await call(kiosk, 'requests.create', { serviceCode: '10110002', applicant: person });
    assert.equal(g2b.ok, false);
    if (!g2b.ok) {
      assert.deepEqual(
        g2b.error.details?.issues?.map((issue) => `${issue.path}:${issue.code}`),
        ['legalId:legalId.required', 'company:company.required'],
      );
    }
    assert.equal(count('requests'), before);
  });

  test('an unknown or suspended service takes no request', async () => {
    assert.deepEqual(await call(kiosk, 'requests.create', { serviceCode: '99999999', applicant: person }), {
      ok: false,
      error: { code: 'catalogue.service_not_found' },
    });
    const suspended = core.db.prepare('SELECT code FROM services WHERE active = 0').pluck().get() as string;
    assert.deepEqual(await call(kiosk, 'requests.create', { serviceCode: suspended, applicant: person }), {
      ok: false,
      error: { code: 'requests.service_inactive' },
    });
  });
});

describe("a citizen's look-up", () => {
  test('needs the tracking code and the last four digits of the mobile; a wrong pair looks like no request', async () => {
    const made = await create('10110002', company);
    const found = await call<{ status: string; timeline: unknown[] }>(kiosk, 'requests.lookup', {
      trackingCode: made.trackingCode,
      mobileLastFour: '۴۳۲۱',
    });
    assert.ok(found.ok);
    assert.equal(found.value.status, 'registered');
    assert.equal(found.value.timeline.length, 1);
    assert.equal(JSON.stringify(found.value).includes('0912'), false, 'no personal data in a look-up');

    const wrong = await call(kiosk, 'requests.lookup', { trackingCode: made.trackingCode, mobileLastFour: '1234' });
    assert.deepEqual(wrong, { ok: false, error: { code: 'requests.not_found' } });
    const typo = `${made.trackingCode.slice(0, 5)}${(Number(made.trackingCode[5]) + 1) % 10}${made.trackingCode.slice(6)}`;
    const mistyped = await call(kiosk, 'requests.lookup', { trackingCode: typo, mobileLastFour: '4321' });
    assert.equal(mistyped.ok, false);
    if (!mistyped.ok) assert.deepEqual(mistyped.error.details?.issues?.[0]?.code, 'trackingCode.checksum');
  });
});

describe('moving a request through its stages', () => {
  test('every allowed move is an event with who, when, from, to and the note; others are refused', async () => {
    const { trackingCode } = await create('10110002', company);
    const move = (to: RequestStatus, note?: string) =>
      call<RequestDetail>(clerk, 'requests.transition', { trackingCode, to, note });
    assert.deepEqual(await move('delivered'), { ok: false, error: { code: 'requests.transition_invalid' } });
    assert.deepEqual(await call(kiosk, 'requests.transition', { trackingCode, to: 'in_progress' }), {
      ok: false,
      error: { code: 'role.forbidden' },
    });
    for (const to of ['in_progress', 'ready', 'delivered'] as const) assert.ok((await move(to, `به ${to}`)).ok);
    const final = await call<RequestDetail>(clerk, 'requests.get', { trackingCode });
    assert.ok(final.ok);
    assert.deepEqual(
      final.value.events.map((e) => [e.from, e.to, e.actor, e.note]),
      [
        [null, 'registered', 'window:kiosk', null],
        ['registered', 'in_progress', 'user:clerk', 'به in_progress'],
        ['in_progress', 'ready', 'user:clerk', 'به ready'],
        ['ready', 'delivered', 'user:clerk', 'به delivered'],
      ],
    );
    assert.deepEqual(final.value.allowed, []);
    assert.equal((await move('in_progress')).ok, false, 'delivered is final');
  });

  test('the table of transitions is what the core enforces', async () => {
    for (const [from, targets] of Object.entries(TRANSITIONS)) {
      assert.ok(!targets.includes(from as RequestStatus), `${from} does not move to itself`);
    }
    assert.deepEqual(TRANSITIONS.delivered, []);
    assert.deepEqual(TRANSITIONS.cancelled, []);
  });

  test('the working days spent waiting for the citizen move the due date, when the setting says so', async () => {
    const { trackingCode, dueDate } = await create('10110002', company);
    assert.equal(dueDate, '1405/09/14');
    await call(clerk, 'requests.transition', { trackingCode, to: 'waiting_citizen', note: 'سند مالکیت' });
    clock = new Date('2026-11-26T07:00:00Z'); // Thursday 1405/09/05: Tue, Wed, Thu waited = 3 working days
    const back = await call<RequestDetail>(clerk, 'requests.transition', { trackingCode, to: 'in_progress' });
    assert.ok(back.ok);
    // 09/14 (Saturday) + 3 working days: Sun 15, Mon 16, Tue 17.
    assert.equal(back.value.dueDate, '1405/09/17');
    assert.equal(back.value.events.at(-1)?.dueDate, '1405/09/17');

    await call(admin, 'settings.set', { key: 'requests.waitingExtendsDueDate', value: false });
    await call(clerk, 'requests.transition', { trackingCode, to: 'waiting_citizen' });
    clock = new Date('2026-11-30T07:00:00Z');
    const again = await call<RequestDetail>(clerk, 'requests.transition', { trackingCode, to: 'in_progress' });
    assert.ok(again.ok);
    assert.equal(again.value.dueDate, '1405/09/17');
    await call(admin, 'settings.set', { key: 'requests.waitingExtendsDueDate', value: true });
  });

  test('the event log is append-only', () => {
    assert.throws(() => core.db.prepare("UPDATE request_events SET note = 'x'").run(), /append-only/);
    assert.throws(() => core.db.prepare('DELETE FROM request_events').run(), /append-only/);
  });
});

describe('the queue', () => {
  test('overdue first, then by due date; due today and overdue are marked; closed requests are not in it', async () => {
    clock = new Date('2026-12-07T07:00:00Z'); // Monday 1405/09/16
    const result = await call<{ items: QueueItem[]; hasMore: boolean }>(clerk, 'requests.queue', { limit: 200 });
    assert.ok(result.ok);
    const items = result.value.items;
    assert.ok(items.length > 10);
    const dues = items.map((item) => item.dueDate);
    assert.deepEqual(dues, [...dues].sort());
    assert.ok(items.every((item) => item.status !== 'delivered'));
    assert.ok(items.some((item) => item.overdue));
    for (const item of items) assert.equal(item.overdue, item.dueDate < '1405/09/16', item.trackingCode);
    assert.ok(items.filter((item) => item.overdue).every((item, i) => items[i]?.overdue));
  });

  test('filters by status, service, agency and day; pages with hasMore', async () => {
    const byService = await call<{ items: QueueItem[] }>(clerk, 'requests.queue', { serviceCode: '10110003' });
    assert.ok(byService.ok && byService.value.items.length > 0);
    assert.ok(byService.value.items.every((item) => item.service.code === '10110003'));
    const delivered = await call<{ items: QueueItem[] }>(clerk, 'requests.queue', { statuses: ['delivered'] });
    assert.ok(delivered.ok && delivered.value.items.length === 1);
    const byDay = await call<{ items: QueueItem[] }>(clerk, 'requests.queue', { day: '1405/09/06' });
    assert.ok(byDay.ok && byDay.value.items.length === 1);
    const page = await call<{ items: QueueItem[]; hasMore: boolean }>(clerk, 'requests.queue', { limit: 2 });
    assert.ok(page.ok && page.value.items.length === 2 && page.value.hasMore);
    const none = await call<{ items: QueueItem[] }>(clerk, 'requests.queue', { agencyCode: 'no-such-agency' });
    assert.ok(none.ok && none.value.items.length === 0);
  });

  test('searches by tracking code, national code, mobile and name, in any digits and spelling', async () => {
    const made = await create('10110001', { nationalCode: '۰۰۱۲۳۴۵۶۷۹', name: 'مریم كريمي', mobile: '۰۹۳۵ ۱۱۱ ۲۲۳۳' });
    const search = async (text: string) => {
      const result = await call<{ items: QueueItem[] }>(clerk, 'requests.queue', { search: text });
      assert.ok(result.ok);
      return result.value.items.map((item) => item.trackingCode);
    };
    assert.deepEqual(await search(made.trackingCode), [made.trackingCode]);
    assert.deepEqual(await search('0012345679'), [made.trackingCode]);
    assert.deepEqual(await search('+98 935 111 2233'), [made.trackingCode]);
    assert.deepEqual(await search('مریم کریمی'), [made.trackingCode]);
    assert.deepEqual(await search('0000000000'), []);
  });
});

test('new and moved requests are pushed to the counters, not to the kiosks', async () => {
  const toCounter: AppEvent[] = [];
  const toKiosk: AppEvent[] = [];
  const offCounter = core.router.subscribe(clerk, (event) => toCounter.push(event));
  const offKiosk = core.router.subscribe(kiosk, (event) => toKiosk.push(event));
  const { trackingCode } = await create('10110001', person);
  await call(clerk, 'requests.transition', { trackingCode, to: 'in_progress' });
  offCounter();
  offKiosk();
  assert.deepEqual(toCounter, [
    { type: 'queue.changed', trackingCode, status: 'registered' },
    { type: 'queue.changed', trackingCode, status: 'in_progress' },
  ]);
  assert.deepEqual(toKiosk, []);
});
