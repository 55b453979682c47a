import assert from 'node:assert/strict';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { openCore } from '../../main/core/app';
import {
  makeTrackingCode,
  questionnaireSchema,
  type AppEvent,
  type Questionnaire,
  type Result,
} from '../../main/core/contract';
import { openDatabase } from '../../main/core/db/connection';
import { ensureQuestionnaires, QuestionnaireChanged, SHIPPED_QUESTIONNAIRES } from '../../main/core/survey/definitions';
import { callerForWindow } from '../../main/shell/caller';
import { signedIn } from '../support/auth';
import { deliveredRequest, PERSON } from '../support/requests';
import { tempDir } from '../support/temp';

const dir = tempDir();
const core = openCore({ dbPath: path.join(dir, 'survey.sqlite'), appVersion: 't', log: () => undefined });
after(() => core.close());
const kiosk = callerForWindow('kiosk');
const clerk = await signedIn(core, 'clerk');
const admin = await signedIn(core);

const NATIONAL = { id: 'national-16', version: 1 };
const call = async <T>(caller: typeof kiosk, channel: string, input: unknown) =>
  (await core.router.call(caller, channel, input)) as Result<T>;

describe('the shipped questionnaires', () => {
  const national = SHIPPED_QUESTIONNAIRES.find((q) => q.id === 'national-16') as Questionnaire;
  const pishkhan = SHIPPED_QUESTIONNAIRES.find((q) => q.id === 'pishkhan-citizen') as Questionnaire;

  test('national-16: q1…q16 in six axes, on 4 بسیار خوب … 1 بد, with demographics and a suggestion', () => {
    assert.deepEqual(
      national.items.map((item) => item.id),
      Array.from({ length: 16 }, (_, i) => `q${i + 1}`),
    );
    assert.deepEqual(
      national.axes.map((axis) => [axis.id, national.items.filter((i) => i.axis === axis.id).length]),
      [
        ['transparency', 3],
        ['responsiveness', 3],
        ['mastery', 3],
        ['time', 2],
        ['systematic', 3],
        ['overall', 2],
      ],
    );
    assert.deepEqual(
      national.scales.quality4?.map((level) => `${level.value} ${level.label.fa}`),
      ['4 بسیار خوب', '3 خوب', '2 متوسط', '1 بد'],
    );
    assert.ok(national.demographics && national.suggestion);
  });

  test('pishkhan-citizen: overall on five levels and the two reasons, with their stable ids', () => {
    assert.deepEqual(
      pishkhan.scales.quality5?.map((level) => `${level.value} ${level.label.fa}`),
      ['5 بسیار خوب', '4 خوب', '3 متوسط', '2 ضعیف', '1 خیلی ضعیف'],
    );
    const choices = (id: string) => {
      const item = pishkhan.items.find((i) => i.id === id);
      return item?.kind === 'choice' ? item.choices.map((c) => c.id) : [];
    };
    assert.deepEqual(choices('reason_satisfied'), ['quality', 'speed', 'conduct', 'no_agency_visit', 'all']);
    assert.deepEqual(choices('reason_dissatisfied'), [
      'poor_quality',
      'not_on_time',
      'repeat_visits',
      'no_proper_answer',
      'other',
      'none',
    ]);
  });

  test('a definition whose scale runs from worst to best, or whose item names an unknown axis, is refused', () => {
    const bad = structuredClone(national);
    bad.scales.quality4?.reverse();
    (bad.items[0] as { axis: string }).axis = 'nowhere';
    const codes = questionnaireSchema.safeParse(bad).error?.issues.map((issue) => issue.message);
    assert.deepEqual(codes?.sort(), ['survey.axis_unknown', 'survey.scale_order']);
  });

  test('a stored version is never changed in place: the app refuses to start on a changed one', () => {
    const db = openDatabase(path.join(dir, 'versions.sqlite'));
    ensureQuestionnaires(db);
    ensureQuestionnaires(db);
    db.prepare(
      "UPDATE questionnaires SET definition = json_set(definition, '$.title.en', 'x') WHERE id = 'national-16'",
    ).run();
    assert.throws(() => ensureQuestionnaires(db), QuestionnaireChanged);
    db.close();
  });
});

describe('taking the survey for a delivered receipt', () => {
  test('starts, records the response with service and clerk but no identity, and refuses a second', async () => {
    const trackingCode = await deliveredRequest(core);
    const started = await call<{ questionnaire: Questionnaire; service: { code: string } }>(kiosk, 'survey.start', {
      trackingCode,
    });
    assert.ok(started.ok);
    assert.equal(started.value.questionnaire.id, 'national-16');
    assert.equal(started.value.service?.code, '10110001');

    const submitted = await call<{ responseId: number }>(kiosk, 'survey.submit', {
      trackingCode,
      questionnaire: NATIONAL,
      answers: { q1: 4, q2: 3, q3: null, q16: 1 },
      demographics: { gender: 'female', age: 34, education: 'bachelor', job: 'government', visits: 2 },
      suggestion: 'صف کوتاه‌تر',
    });
    assert.ok(submitted.ok, JSON.stringify(submitted));
    const response = core.db
      .prepare('SELECT * FROM survey_responses WHERE id = ?')
      .get(submitted.value.responseId) as Record<string, unknown>;
    assert.equal(response.source, 'request');
    assert.equal(response.clerk, 'user:clerk');
    assert.equal(response.gender, 'female');
    assert.equal(response.suggestion, 'صف کوتاه‌تر');
    const stored = JSON.stringify(response);
    for (const personal of [PERSON.nationalCode, PERSON.mobile, PERSON.name, trackingCode]) {
      assert.equal(stored.includes(personal), false, `the response holds ${personal}`);
    }
    const answers = core.db
      .prepare('SELECT item_id, value FROM survey_answers WHERE response_id = ? ORDER BY item_id')
      .all(submitted.value.responseId) as { item_id: string; value: number | null }[];
    assert.equal(answers.length, 16, 'every item has a row: unanswered ones are "no opinion"');
    assert.deepEqual(
      answers
        .filter((a) => a.value !== null)
        .map((a) => `${a.item_id}=${a.value}`)
        .sort(),
      ['q16=1', 'q1=4', 'q2=3'],
    );

    assert.deepEqual(await call(kiosk, 'survey.start', { trackingCode }), {
      ok: false,
      error: { code: 'survey.already_answered' },
    });
    const again = await call(kiosk, 'survey.submit', { trackingCode, questionnaire: NATIONAL, answers: {} });
    assert.deepEqual(again, { ok: false, error: { code: 'survey.already_answered' } });
  });

  test('a request not yet delivered, or unknown, cannot be surveyed', async () => {
    const made = await call<{ trackingCode: string }>(kiosk, 'requests.create', {
      serviceCode: '10110001',
      applicant: PERSON,
    });
    assert.ok(made.ok);
    assert.deepEqual(await call(kiosk, 'survey.start', { trackingCode: made.value.trackingCode }), {
      ok: false,
      error: { code: 'survey.not_delivered' },
    });
    assert.deepEqual(await call(kiosk, 'survey.start', { trackingCode: makeTrackingCode(1, 999_999) }), {
      ok: false,
      error: { code: 'requests.not_found' },
    });
  });

  test('answers outside the questionnaire are refused by item, and nothing is stored', async () => {
    const trackingCode = await deliveredRequest(core);
    const before = core.db.prepare('SELECT count(*) FROM survey_responses').pluck().get();
    const result = await call(kiosk, 'survey.submit', {
      trackingCode,
      questionnaire: NATIONAL,
      answers: { q1: 5, q2: 'speed', q99: 4 },
    });
    assert.equal(result.ok, false);
    if (!result.ok) {
      assert.equal(result.error.code, 'input.invalid');
      assert.deepEqual(result.error.details?.issues?.map((issue) => `${issue.path}:${issue.code}`).sort(), [
        'q1:survey.answer_invalid',
        'q2:survey.answer_invalid',
        'q99:survey.item_unknown',
      ]);
    }
    assert.equal(core.db.prepare('SELECT count(*) FROM survey_responses').pluck().get(), before);
    assert.equal(
      core.db.prepare('SELECT surveyed_at FROM requests WHERE tracking_code = ?').pluck().get(trackingCode),
      null,
      'a refused response leaves the request open to the survey',
    );
  });

  test('an unknown questionnaire version is refused', async () => {
    const trackingCode = await deliveredRequest(core);
    assert.deepEqual(
      await call(kiosk, 'survey.submit', {
        trackingCode,
        questionnaire: { id: 'national-16', version: 9 },
        answers: {},
      }),
      { ok: false, error: { code: 'survey.questionnaire_unknown' } },
    );
  });
});

describe('anonymous walk-up and the terminal setting', () => {
  test('is refused until the office allows it, then takes responses with no service', async () => {
    assert.deepEqual(await call(kiosk, 'survey.start', {}), { ok: false, error: { code: 'survey.anonymous_off' } });
    await call(admin, 'settings.set', { key: 'survey.anonymous', value: true });
    await call(admin, 'settings.set', { key: 'survey.questionnaire', value: 'pishkhan-citizen' });
    const started = await call<{ questionnaire: Questionnaire; service: null }>(kiosk, 'survey.start', {});
    assert.ok(started.ok);
    assert.equal(started.value.questionnaire.id, 'pishkhan-citizen');
    assert.equal(started.value.service, null);
    const submitted = await call<{ responseId: number }>(kiosk, 'survey.submit', {
      questionnaire: { id: 'pishkhan-citizen', version: 1 },
      answers: { overall: 5, reason_satisfied: 'speed', reason_dissatisfied: 'none' },
      demographics: { gender: 'male' },
    });
    assert.ok(submitted.ok);
    const row = core.db
      .prepare('SELECT source, service_id, gender FROM survey_responses WHERE id = ?')
      .get(submitted.value.responseId);
    assert.deepEqual(
      row,
      { source: 'anonymous', service_id: null, gender: null },
      'this questionnaire asks no demographics',
    );
    await call(admin, 'settings.set', { key: 'survey.anonymous', value: false });
    await call(admin, 'settings.set', { key: 'survey.questionnaire', value: 'national-16' });
  });
});

test("the counter's offer reaches the kiosks, and only for a receipt that can be surveyed", async () => {
  const trackingCode = await deliveredRequest(core);
  const kioskEvents: AppEvent[] = [];
  const off = core.router.subscribe(kiosk, (event) => kioskEvents.push(event));
  assert.deepEqual(await call(clerk, 'survey.offer', { trackingCode }), { ok: true, value: { via: 'display' } });
  off();
  assert.deepEqual(
    kioskEvents.filter((event) => event.type === 'survey.offered'),
    [{ type: 'survey.offered', trackingCode }],
  );
  assert.deepEqual(await call(kiosk, 'survey.offer', { trackingCode }), {
    ok: false,
    error: { code: 'role.forbidden' },
  });
  const open = await call<{ trackingCode: string }>(clerk, 'requests.create', {
    serviceCode: '10110001',
    applicant: PERSON,
  });
  assert.ok(open.ok, JSON.stringify(open));
  assert.deepEqual(await call(clerk, 'survey.offer', { trackingCode: open.value.trackingCode }), {
    ok: false,
    error: { code: 'survey.not_delivered' },
  });
});

test('with no kiosk or customer display listening, the clerk hears it rather than offering to nobody', async () => {
  const trackingCode = await deliveredRequest(core);
  const counterEvents: AppEvent[] = [];
  const off = core.router.subscribe(clerk, (event) => counterEvents.push(event));
  assert.deepEqual(await call(clerk, 'survey.offer', { trackingCode }), {
    ok: false,
    error: { code: 'survey.no_display' },
  });
  off();
  assert.equal(counterEvents.filter((event) => event.type === 'survey.offered').length, 0);
});

test('handed over on a slip: a survey slip of that request is queued, and no screen is asked', async () => {
  await call(admin, 'settings.set', { key: 'survey.handoff', value: 'slip' });
  try {
    const trackingCode = await deliveredRequest(core);
    const kioskEvents: AppEvent[] = [];
    const off = core.router.subscribe(kiosk, (event) => kioskEvents.push(event));
    const offered = await call<{ via: 'slip'; jobId: number }>(clerk, 'survey.offer', { trackingCode });
    off();
    assert.ok(offered.ok && offered.value.via === 'slip', JSON.stringify(offered));
    assert.deepEqual(
      core.db
        .prepare(
          'SELECT j.kind, j.copy, r.tracking_code AS code FROM print_jobs j JOIN requests r ON r.id = j.request_id WHERE j.id = ?',
        )
        .get(offered.value.jobId),
      { kind: 'survey_slip', copy: 0, code: trackingCode },
    );
    assert.equal(kioskEvents.filter((event) => event.type === 'survey.offered').length, 0);
    const started = await call(kiosk, 'survey.start', { trackingCode });
    assert.ok(started.ok, 'the code on the slip starts the survey at a kiosk');
  } finally {
    await call(admin, 'settings.set', { key: 'survey.handoff', value: 'display' });
  }
});
