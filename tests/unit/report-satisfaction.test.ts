import assert from 'node:assert/strict';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { openCore } from '../../main/core/app';
import type { AppError } from '../../main/core/contract';
import type { SatisfactionInput, SatisfactionReport } from '../../main/core/contract/reports';
import type { Db } from '../../main/core/db/connection';
import { responsesQuery } from '../../main/core/reports/satisfaction';
import { runReport } from '../../main/core/reports/worker';
import { DomainError } from '../../main/core/router';
import { tempDir } from '../support/temp';

const dir = tempDir('mizban-report-satisfaction-');

interface Response {
  questionnaire: string;
  day: string;
  serviceCode?: string;
  clerk?: string;
  gender?: string;
  age?: number;
  education?: string;
  job?: string;
  visits?: number;
  suggestion?: string;
  answers: Record<string, number | string | null>;
}

/** Writes responses as the survey does: one answer row per item of the questionnaire, null for no opinion. */
function addResponses(db: Db, responses: readonly Response[]): void {
  const items = (id: string) =>
    (
      JSON.parse(db.prepare('SELECT definition FROM questionnaires WHERE id = ?').pluck().get(id) as string) as {
        items: { id: string }[];
      }
    ).items.map((item) => item.id);
  const serviceId = db.prepare('SELECT id FROM services WHERE code = ?').pluck();
  const insert = db.prepare(
    `INSERT INTO survey_responses (questionnaire_id, version, source, service_id, clerk, answered_at, day,
       gender, age, education, job, visits, suggestion)
     VALUES (?, 1, 'import', ?, ?, '2024-01-01T08:00:00.000Z', ?, ?, ?, ?, ?, ?, ?)`,
  );
  const answer = db.prepare('INSERT INTO survey_answers (response_id, item_id, value, choice) VALUES (?, ?, ?, ?)');
  db.transaction(() => {
    for (const r of responses) {
      const { lastInsertRowid } = insert.run(
        r.questionnaire,
        r.serviceCode ? serviceId.get(r.serviceCode) : null,
        r.clerk ?? null,
        r.day,
        r.gender ?? null,
        r.age ?? null,
        r.education ?? null,
        r.job ?? null,
        r.visits ?? null,
        r.suggestion ?? null,
      );
      for (const item of items(r.questionnaire)) {
        const given = r.answers[item] ?? null;
        answer.run(
          lastInsertRowid,
          item,
          typeof given === 'number' ? given : null,
          typeof given === 'string' ? given : null,
        );
      }
    }
  })();
}

/** counts [[value, how many], …] spread out as a list of n values. */
const spread = <T>(counts: [T, number][]): T[] => counts.flatMap(([value, n]) => Array<T>(n).fill(value));

function open(name: string) {
  const dbPath = path.join(dir, `${name}.sqlite`);
  const core = openCore({ dbPath, appVersion: 't', log: () => undefined });
  after(() => core.close());
  const report = (input: Omit<SatisfactionInput, 'target'> & { target?: number }) =>
    runReport(dbPath, {
      report: 'satisfaction',
      input: { ...input, target: input.target ?? 70 },
      now: new Date().toISOString(),
    });
  return { core, dbPath, report };
}

const table = (rows: { count: number; percent: number; cumulativePercent: number }[]) =>
  rows.map((row) => [row.count, row.percent, row.cumulativePercent]);

describe('seed 000 (Ilam, 396 clients) through a real database and the worker', async () => {
  const { core, report } = open('seed-000');
  const n = 396;
  const services = spread([
    ['12310001', 108],
    ['12310002', 108],
    ['12310003', 36],
    ['12310004', 75],
    ['12310005', 69],
  ]);
  const days = spread([
    ['1398/02/10', 66],
    ['1398/05/10', 102],
    ['1398/08/10', 144],
    ['1398/11/10', 84],
  ]);
  const q1 = spread([
    [4, 324],
    [3, 72],
  ]);
  const q2 = spread([
    [4, 324],
    [3, 36],
    [2, 36],
  ]);
  const q6 = spread([
    [4, 252],
    [3, 72],
    [2, 72],
  ]);
  const q16 = spread([
    [4, 288],
    [3, 72],
    [1, 36],
  ]);
  const ages = spread([
    [20, 36],
    [30, 108],
    [40, 216],
    [60, 36],
  ]);
  const jobs = spread([
    ['government', 252],
    ['self_employed', 108],
    ['other', 36],
  ]);
  const genders = spread([
    ['male', 180],
    ['female', 216],
  ]);
  const education = spread([
    ['diploma', 72],
    ['associate', 108],
    ['bachelor', 96],
    ['master_plus', 120],
  ]);
  const visits = spread([
    [0, 156],
    [1, 228],
    [2, 12],
  ]);
  addResponses(
    core.db,
    Array.from({ length: n }, (_, i) => ({
      questionnaire: 'national-16',
      day: days[i] as string,
      serviceCode: services[i],
      gender: genders[i],
      age: ages[i],
      education: education[i],
      job: jobs[i],
      visits: visits[i],
      suggestion: i < 42 ? 'اصلاح فرایند' : undefined,
      answers: { q1: q1[i] ?? null, q2: q2[i] ?? null, q6: q6[i] ?? null, q16: q16[i] ?? null },
    })),
  );
  const all = await report({ questionnaire: 'national-16' });
  const group = all.groups[0] as SatisfactionReport['groups'][number];
  const item = (id: string) =>
    group.items.find((i) => i.id === id) as SatisfactionReport['groups'][number]['items'][number];

  test('one group, key all, of 396 responses', () => {
    assert.equal(all.n, n);
    assert.deepEqual(
      all.groups.map((g) => [g.key, g.n]),
      [['all', n]],
    );
  });

  test('"type of service": 27.3, 54.5 (not 54.6), 63.6, 82.6, 100.0', () => {
    assert.deepEqual(table(all.services), [
      [108, 27.3, 27.3],
      [108, 27.3, 54.5],
      [36, 9.1, 63.6],
      [75, 18.9, 82.6],
      [69, 17.4, 100],
    ]);
    assert.equal(all.services[0]?.label.fa, 'اخذ اطلاعات آماری');
  });

  test("the items' tables, every level listed from best to worst, 0 where nobody chose it", () => {
    assert.deepEqual(table(item('q1').frequencies), [
      [324, 81.8, 81.8],
      [72, 18.2, 100],
      [0, 0, 100],
      [0, 0, 100],
    ]);
    assert.deepEqual(table(item('q2').frequencies).slice(0, 3), [
      [324, 81.8, 81.8],
      [36, 9.1, 90.9],
      [36, 9.1, 100],
    ]);
    assert.deepEqual(table(item('q6').frequencies).slice(0, 3), [
      [252, 63.6, 63.6],
      [72, 18.2, 81.8],
      [72, 18.2, 100],
    ]);
    assert.deepEqual(table(item('q16').frequencies), [
      [288, 72.7, 72.7],
      [72, 18.2, 90.9],
      [0, 0, 90.9],
      [36, 9.1, 100],
    ]);
    assert.deepEqual(
      item('q16').frequencies.map((row) => row.label.fa),
      ['بسیار خوب', 'خوب', 'متوسط', 'بد'],
    );
  });

  test('items nobody answered: all no opinion, no statistics', () => {
    const q3 = item('q3');
    assert.equal(q3.kind, 'scale');
    assert.deepEqual([q3.n, q3.noOpinion], [0, n]);
    assert.equal(q3.kind === 'scale' ? q3.mean : 'choice', null);
  });

  test('an axis is all its answers together; the whole questionnaire too', () => {
    const transparency = group.axes.find((axis) => axis.id === 'transparency');
    assert.equal(transparency?.n, 2 * n);
    assert.equal(transparency?.noOpinion, n);
    assert.deepEqual(
      transparency?.frequencies.map((row) => row.count),
      [648, 108, 36, 0],
    );
    assert.equal(group.overall?.n, 4 * n);
    assert.equal(group.overall?.noOpinion, 12 * n);
    assert.deepEqual(
      group.axes.map((axis) => axis.id),
      ['transparency', 'responsiveness', 'mastery', 'time', 'systematic', 'overall'],
    );
  });

  test('the demographic tables, with 45-54 listed at 0 (seed 000 skipped that bracket)', () => {
    assert.deepEqual(table(all.demographics.age), [
      [36, 9.1, 9.1],
      [108, 27.3, 36.4],
      [216, 54.5, 90.9],
      [0, 0, 90.9],
      [36, 9.1, 100],
    ]);
    assert.deepEqual(table(all.demographics.job), [
      [252, 63.6, 63.6],
      [108, 27.3, 90.9],
      [36, 9.1, 100],
    ]);
    assert.deepEqual(table(all.demographics.gender), [
      [180, 45.5, 45.5],
      [216, 54.5, 100],
    ]);
    assert.deepEqual(table(all.demographics.education), [
      [0, 0, 0],
      [72, 18.2, 18.2],
      [108, 27.3, 45.5],
      [96, 24.2, 69.7],
      [120, 30.3, 100],
    ]);
    assert.deepEqual(table(all.demographics.visits), [
      [156, 39.4, 39.4],
      [228, 57.6, 97],
      [12, 3, 100],
      [0, 0, 100],
    ]);
    assert.deepEqual(all.demographicsNotStated, { gender: 0, age: 0, education: 0, job: 0, visits: 0 });
  });

  test('42 of 396 suggested a change: 10.6%', () => {
    assert.equal(all.suggestions, 42);
    assert.equal(all.suggestionShare, 10.6);
  });

  test('by quarter: 66, 102, 144, 84, as seed 000 counts visits by quarter', async () => {
    const byQuarter = await report({ questionnaire: 'national-16', by: 'quarter' });
    assert.deepEqual(
      byQuarter.groups.map((g) => [g.key, g.label.fa, g.n]),
      [
        ['1398/Q1', 'سه ماهه اول ۱۳۹۸', 66],
        ['1398/Q2', 'سه ماهه دوم ۱۳۹۸', 102],
        ['1398/Q3', 'سه ماهه سوم ۱۳۹۸', 144],
        ['1398/Q4', 'سه ماهه چهارم ۱۳۹۸', 84],
      ],
    );
  });

  test('by service and by agency, with the catalogue titles; filtered to one service', async () => {
    const byService = await report({ questionnaire: 'national-16', by: 'service' });
    assert.deepEqual(
      byService.groups.map((g) => [g.key, g.n]),
      [
        ['12310001', 108],
        ['12310002', 108],
        ['12310003', 36],
        ['12310004', 75],
        ['12310005', 69],
      ],
    );
    const byAgency = await report({ questionnaire: 'national-16', by: 'agency' });
    assert.deepEqual(
      byAgency.groups.map((g) => [g.key, g.n, g.label.fa]),
      [['mpo', n, 'سازمان مدیریت و برنامه‌ریزی استان']],
    );
    const one = await report({ questionnaire: 'national-16', service: '12310003' });
    assert.equal(one.n, 36);
    assert.equal((await report({ questionnaire: 'national-16', agency: 'gas' })).n, 0);
  });
});

describe('seed 001 (Qazvin) through a real database', async () => {
  const { core, report } = open('seed-001');
  // The office managers' form: its performance score is a 1-5 number (عدد طیف), 5 the best.
  core.db.prepare('INSERT INTO questionnaires (id, version, definition) VALUES (?, 1, ?)').run(
    'pishkhan-managers',
    JSON.stringify({
      id: 'pishkhan-managers',
      version: 1,
      title: { fa: 'نظرسنجی مسئولین دفاتر پیشخوان', en: "Counter offices' managers" },
      scales: {
        score5: [5, 4, 3, 2, 1].map((value) => ({ value, label: { fa: String(value), en: String(value) } })),
      },
      axes: [{ id: 'performance', title: { fa: 'امتیاز عملکردی', en: 'Performance' } }],
      items: [
        {
          id: 'performance',
          kind: 'scale',
          axis: 'performance',
          scale: 'score5',
          text: { fa: 'امتیاز عملکردی در دفاتر پیشخوان', en: 'Performance score' },
        },
      ],
      demographics: false,
      suggestion: false,
    }),
  );
  addResponses(
    core.db,
    spread([
      [3, 3],
      [4, 19],
      [5, 6],
    ]).map((value) => ({ questionnaire: 'pishkhan-managers', day: '1399/06/01', answers: { performance: value } })),
  );
  const overall = spread([
    [5, 68],
    [4, 38],
    [3, 20],
    [2, 3],
    [1, 6],
  ]);
  const satisfied = spread([
    ['quality', 15],
    ['speed', 12],
    ['conduct', 15],
    ['no_agency_visit', 35],
    ['all', 58],
  ]);
  const dissatisfied = spread<string | null>([
    ['poor_quality', 14],
    ['not_on_time', 11],
    ['repeat_visits', 11],
    ['no_proper_answer', 7],
    ['other', 12],
    ['none', 78],
    [null, 2],
  ]);
  addResponses(
    core.db,
    overall.map((value, i) => ({
      questionnaire: 'pishkhan-citizen',
      day: '1399/06/01',
      answers: { overall: value, reason_satisfied: satisfied[i] ?? null, reason_dissatisfied: dissatisfied[i] ?? null },
    })),
  );

  test("office managers' performance 0, 0, 3, 19, 6: mean 4.11, median 4, mode 4, sd 0.56, variance 0.31", async () => {
    const managers = await report({ questionnaire: 'pishkhan-managers' });
    const score = managers.groups[0]?.items[0];
    assert.ok(score?.kind === 'scale');
    assert.deepEqual(
      [score.n, score.mean, score.median, score.modes, score.sd, score.variance],
      [28, 4.11, 4, [4], 0.56, 0.31],
    );
    assert.equal(managers.method.variance, 'population');
  });

  test("citizens' overall satisfaction: acceptance 78.5% against the 70% target, met", async () => {
    const citizens = await report({ questionnaire: 'pishkhan-citizen' });
    const item = citizens.groups[0]?.items.find((i) => i.id === 'overall');
    assert.ok(item?.kind === 'scale');
    assert.deepEqual(
      item.frequencies.map((row) => row.percent),
      [50.4, 28.1, 14.8, 2.2, 4.4],
    );
    assert.equal(item.acceptance, 78.5);
    assert.equal(item.targetMet, true);
    assert.equal(citizens.target, 70);
    const strict = await report({ questionnaire: 'pishkhan-citizen', target: 80 });
    assert.equal(strict.groups[0]?.items[0]?.kind === 'scale' && strict.groups[0].items[0].targetMet, false);
  });

  test('choice items: the frequencies alone, "no opinion" left out of the percents (133 of 135 answered)', async () => {
    const citizens = await report({ questionnaire: 'pishkhan-citizen' });
    const items = citizens.groups[0]?.items ?? [];
    const reasonSatisfied = items.find((i) => i.id === 'reason_satisfied');
    const reasonDissatisfied = items.find((i) => i.id === 'reason_dissatisfied');
    assert.equal(reasonSatisfied?.kind, 'choice');
    assert.ok(reasonSatisfied && !('mean' in reasonSatisfied));
    assert.deepEqual(
      reasonSatisfied.frequencies.map((row) => row.percent),
      [11.1, 8.9, 11.1, 25.9, 43],
    );
    assert.deepEqual([reasonDissatisfied?.n, reasonDissatisfied?.noOpinion], [133, 2]);
    assert.deepEqual(
      reasonDissatisfied?.frequencies.map((row) => row.percent),
      [10.5, 8.3, 8.3, 5.3, 9, 58.6],
    );
    // The reasons axis holds choices only: no statistics of it.
    assert.deepEqual(
      citizens.groups[0]?.axes.map((axis) => axis.id),
      ['overall'],
    );
  });
});

describe('grouping by Jalali quarter and month, across a year boundary', async () => {
  const { core, report } = open('periods');
  addResponses(
    core.db,
    ['1402/12/25', '1403/01/05', '1403/03/31', '1403/04/01', '1403/06/01'].map((day, i) => ({
      questionnaire: 'national-16',
      day,
      clerk: i % 2 ? 'clerk:ali' : undefined,
      serviceCode: i === 0 ? undefined : '10110001',
      answers: { q1: 4 },
    })),
  );

  test('by month: every month of the range, the empty ones too', async () => {
    const byMonth = await report({ questionnaire: 'national-16', by: 'month', from: '1402/11/01', to: '1403/04/31' });
    assert.deepEqual(
      byMonth.groups.map((g) => [g.key, g.n]),
      [
        ['1402/11', 0],
        ['1402/12', 1],
        ['1403/01', 1],
        ['1403/02', 0],
        ['1403/03', 1],
        ['1403/04', 1],
      ],
    );
    assert.deepEqual(byMonth.groups[1]?.label, { fa: 'اسفند ۱۴۰۲', en: 'Esfand 1402' });
    assert.equal(byMonth.n, 4);
  });

  test('by quarter: 1402 Q4, then 1403 Q1 and Q2; without a range, from the first answer to the last', async () => {
    const byQuarter = await report({ questionnaire: 'national-16', by: 'quarter' });
    assert.deepEqual(
      byQuarter.groups.map((g) => [g.key, g.n]),
      [
        ['1402/Q4', 1],
        ['1403/Q1', 2],
        ['1403/Q2', 2],
      ],
    );
  });

  test('by clerk and by service: names sorted, the unknown ("") last', async () => {
    const byClerk = await report({ questionnaire: 'national-16', by: 'clerk' });
    assert.deepEqual(
      byClerk.groups.map((g) => [g.key, g.n, g.label.en]),
      [
        ['clerk:ali', 2, 'clerk:ali'],
        ['', 3, 'Not known'],
      ],
    );
    const byService = await report({ questionnaire: 'national-16', by: 'service' });
    assert.deepEqual(
      byService.groups.map((g) => [g.key, g.n]),
      [
        ['10110001', 4],
        ['', 1],
      ],
    );
  });

  test('a response lacking an answer row is still counted right', async () => {
    addResponses(core.db, [{ questionnaire: 'national-16', day: '1403/06/02', answers: { q1: 3, q2: 1 } }]);
    core.db
      .prepare(
        "DELETE FROM survey_answers WHERE response_id = (SELECT max(id) FROM survey_responses) AND item_id = 'q5'",
      )
      .run();
    const whole = await report({ questionnaire: 'national-16', from: '1403/06/02', to: '1403/06/02' });
    const items = whole.groups[0]?.items ?? [];
    assert.deepEqual(
      ['q1', 'q2', 'q5', 'q6'].map((id) => {
        const item = items.find((i) => i.id === id);
        return [item?.n, item?.noOpinion];
      }),
      [
        [1, 0],
        [1, 0],
        [0, 0],
        [0, 1],
      ],
    );
  });

  test("the answers are read in the primary key's order, with no sort: what makes group_concat's order the items'", () => {
    const plan = (
      core.db.prepare(`EXPLAIN QUERY PLAN ${responsesQuery(true)}`).all({
        low: 0,
        high: 1,
        questionnaire: 'national-16',
        version: 1,
        from: '',
        to: '',
        services: '[]',
      }) as { detail: string }[]
    ).map((step) => step.detail);
    assert.match(plan[0] ?? '', /^(SCAN a|SEARCH a USING PRIMARY KEY \(response_id>\? AND response_id<\?\))$/);
    assert.ok(
      plan.some((step) => /SEARCH r USING INTEGER PRIMARY KEY/.test(step)),
      plan.join('; '),
    );
    assert.ok(!plan.some((step) => /TEMP B-TREE/.test(step)), plan.join('; '));
  });

  test('refusals cross the worker as the codes a face turns into words', async () => {
    const refusal = async (input: Parameters<typeof report>[0]): Promise<AppError> => {
      try {
        await report(input);
      } catch (error) {
        assert.ok(error instanceof DomainError, String(error));
        return { code: error.code, ...(error.details ? { details: error.details } : {}) };
      }
      throw new Error('not refused');
    };
    assert.deepEqual(await refusal({ questionnaire: 'nowhere' }), { code: 'survey.questionnaire_unknown' });
    assert.deepEqual(await refusal({ questionnaire: 'national-16', from: '1403/05/01', to: '1403/04/01' }), {
      code: 'input.invalid',
      details: { issues: [{ path: 'to', code: 'reports.range_invalid' }] },
    });
    assert.deepEqual(
      await refusal({ questionnaire: 'national-16', from: '1403/13/01', agency: 'nowhere', service: 'x' }),
      {
        code: 'input.invalid',
        details: {
          issues: [
            { path: 'from', code: 'calendar.date_invalid' },
            { path: 'service', code: 'catalogue.service_not_found' },
            { path: 'agency', code: 'reports.agency_unknown' },
          ],
        },
      },
    );
  });
});
