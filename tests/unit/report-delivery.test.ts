import assert from 'node:assert/strict';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import sample from '../../assets/catalogue/sample.json';
import { openCore } from '../../main/core/app';
import { tehranInstant } from '../../main/core/calendar/instant';
import { parseJalali } from '../../main/core/calendar/jalali';
import type { Result } from '../../main/core/contract';
import { auditReport } from '../../main/core/reports/audit';
import { deliveryReport } from '../../main/core/reports/delivery';
import { callerForWindow } from '../../main/shell/caller';
import { signedIn } from '../support/auth';
import { PERSON } from '../support/requests';
import { tempDir } from '../support/temp';

const dir = tempDir('mizban-report-delivery-');

/** 1403/07/01 is a Sunday; no holiday falls in its first two weeks. */
const D0 = parseJalali('1403/07/01') as number;
const at = (day: number, hour: number) => tehranInstant(D0 + day, hour * 60);

describe('on-time delivery, from real requests and their events, on a controlled clock', async () => {
  let clock = at(0, 10);
  const core = openCore({
    dbPath: path.join(dir, 'delivery.sqlite'),
    appVersion: 't',
    log: () => undefined,
    now: () => clock,
  });
  after(() => core.close());
  const clerk = await signedIn(core, 'clerk');

  async function take(window: 'kiosk' | 'counter', serviceCode: string): Promise<string> {
    const made = (await core.router.call(window === 'kiosk' ? callerForWindow('kiosk') : clerk, 'requests.create', {
      serviceCode,
      applicant: PERSON,
    })) as Result<{ trackingCode: string; dueDate: string }>;
    assert.ok(made.ok, JSON.stringify(made));
    return made.value.trackingCode;
  }
  async function deliver(trackingCode: string, when: Date) {
    clock = when;
    for (const to of ['in_progress', 'ready', 'delivered']) {
      const moved = await core.router.call(clerk, 'requests.transition', { trackingCode, to });
      assert.ok(moved.ok, JSON.stringify(moved));
    }
  }

  // Gas: 10410001 takes 5 working days (due 1403/07/07); 10410003 is done the same day (due 1403/07/01).
  const onTime = await take('kiosk', '10410001');
  const late = await take('counter', '10410003');
  const overdue = await take('kiosk', '10410003');
  await deliver(onTime, at(2, 11));
  await deliver(late, at(3, 9));
  clock = at(9, 10);
  await take('kiosk', '10410001'); // open, due in five working days: not overdue
  const now = at(10, 10);

  test('the work calendar has no holiday in those days (else the expected working days below would differ)', () => {
    assert.ok(
      core.db.prepare('SELECT 1 FROM requests WHERE due_date = ?').get('1403/07/07'),
      '5 working days after Sunday 1403/07/01 is Saturday 1403/07/07 (Thursday works, Friday rests)',
    );
  });

  test('delivered, on time and late, the mean working days, what is overdue now', () => {
    const report = deliveryReport(core.db, { from: '1403/07/01', to: '1403/07/30' }, now);
    assert.deepEqual(
      [report.requests, report.delivered, report.onTime, report.late, report.onTimePercent],
      [4, 2, 1, 1, 50],
    );
    // Sunday to Tuesday: 2 working days; Sunday to Wednesday: 3; the mean 2.5.
    assert.equal(report.meanWorkingDaysToDeliver, 2.5);
    assert.deepEqual([report.open, report.overdueOpen, report.today], [2, 1, '1403/07/11']);
    assert.deepEqual(
      report.groups.map((g) => [g.key, g.requests, g.delivered, g.onTime]),
      [['all', 4, 2, 1]],
    );
    assert.ok(overdue);
  });

  test('requests per service, agency and channel', () => {
    const report = deliveryReport(core.db, {}, now);
    assert.deepEqual(
      report.perService.map((row) => [row.key, row.requests, row.delivered, row.onTime, row.overdueOpen]),
      [
        ['10410001', 2, 1, 1, 0],
        ['10410003', 2, 1, 0, 1],
      ],
    );
    assert.deepEqual(
      report.perAgency.map((row) => [row.key, row.requests, row.delivered, row.onTimePercent, row.overdueOpen]),
      [['gas', 4, 2, 50, 1]],
    );
    assert.deepEqual(
      report.perChannel.map((row) => [row.value, row.count, row.percent, row.cumulativePercent]),
      [
        ['kiosk', 3, 75, 75],
        ['counter', 1, 25, 100],
        ['import', 0, 0, 100],
      ],
    );
  });

  test('the range counts deliveries by the day they happened; by month and by clerk', () => {
    const first = deliveryReport(core.db, { from: '1403/07/01', to: '1403/07/03' }, now);
    assert.deepEqual([first.delivered, first.onTime], [1, 1]);
    const byMonth = deliveryReport(core.db, { by: 'month', from: '1403/06/01', to: '1403/07/30' }, now);
    assert.deepEqual(
      byMonth.groups.map((g) => [g.key, g.requests, g.delivered]),
      [
        ['1403/06', 0, 0],
        ['1403/07', 4, 2],
      ],
    );
    const byClerk = deliveryReport(core.db, { by: 'clerk' }, now);
    assert.deepEqual(
      byClerk.groups.map((g) => [g.key, g.requests, g.delivered, g.onTime]),
      [['user:clerk', null, 2, 1]],
    );
  });

  test('a service filter keeps its own requests only', () => {
    const report = deliveryReport(core.db, { service: '10410001' }, now);
    assert.deepEqual([report.requests, report.delivered, report.onTime, report.overdueOpen], [2, 1, 1, 0]);
  });
});

describe('the audit form from the sample catalogue', () => {
  const core = openCore({ dbPath: path.join(dir, 'audit.sqlite'), appVersion: 't', log: () => undefined });
  after(() => core.close());
  const count = (delivery: string) => sample.services.filter((s) => s.delivery === delivery).length;

  test('part 1: a, b, c, d, e as the catalogue file counts them, and the shares b/a and (c+d)/a', () => {
    const report = auditReport(core.db, {});
    const [a, b, c, d, e] = [
      sample.services.length,
      count('in_person'),
      count('electronic'),
      count('combined'),
      count('agency_only'),
    ];
    assert.deepEqual([report.a, report.b, report.c, report.d, report.e], [a, b, c, d, e]);
    assert.deepEqual([a, b, c, d, e], [49, 1, 32, 15, 1]);
    assert.equal(report.inPersonShare, 2); // 1 / 49 = 2.04%
    assert.equal(report.electronicShare, 95.9); // 47 / 49 = 95.92%
    assert.equal(report.inactive, sample.services.filter((s) => s.active === false).length);
  });

  test("table 2: a row per agency, then the desk's", () => {
    const report = auditReport(core.db, {});
    assert.equal(report.table2.length, sample.agencies.length + 1);
    assert.deepEqual(report.table2.at(-1), {
      key: 'all',
      label: { fa: 'میز خدمت الکترونیکی', en: 'Electronic Service Desk' },
      services: 49,
      inPerson: 1,
      electronic: 32,
      combined: 15,
      outside: 1,
    });
    assert.deepEqual(
      report.table2.find((row) => row.key === 'mpo'),
      {
        key: 'mpo',
        label: { fa: 'سازمان مدیریت و برنامه‌ریزی استان', en: 'Provincial Management and Planning Organization' },
        services: 5,
        inPerson: 1,
        electronic: 2,
        combined: 1,
        outside: 1,
      },
    );
  });

  test("parts 4 and 5: the in-person and the electronic desk's services, with what the terminal knows", async () => {
    const made = await core.router.call(callerForWindow('kiosk'), 'requests.create', {
      serviceCode: '10410001',
      applicant: PERSON,
    });
    assert.ok(made.ok);
    const report = auditReport(core.db, {});
    assert.equal(report.part4.length, 16);
    assert.equal(report.part5.length, 47);
    const combined = report.part4.find((row) => row.code === '10410001');
    assert.deepEqual(
      [combined?.receiptWithDueDate, combined?.requests, combined?.surveyOffered, combined?.documentsAtFirstVisit],
      [true, 1, true, null],
    );
    const electronic = report.part5.find((row) => row.code === '10110001');
    assert.deepEqual(
      [electronic?.trackingCode, electronic?.stageTracking, electronic?.electronicSurvey, electronic?.smsOfStages],
      [true, true, true, null],
    );
    const suspended = report.part5.find((row) => !row.active);
    assert.equal(suspended?.trackingCode, false);
  });

  test("one agency's form", () => {
    const report = auditReport(core.db, { agency: 'mpo' });
    assert.deepEqual([report.a, report.b, report.c, report.d, report.e], [5, 1, 2, 1, 1]);
    assert.deepEqual([report.inPersonShare, report.electronicShare], [20, 60]);
  });
});
