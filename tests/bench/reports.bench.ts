import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openCore } from '../../main/core/app';
import { formatJalali, parseJalali, type Day } from '../../main/core/calendar/jalali';
import { EDUCATION_LEVELS, GENDERS, JOBS } from '../../main/core/contract';
import type { Db } from '../../main/core/db/connection';
import { computeReport, runReport } from '../../main/core/reports/worker';
import { prng } from '../support/random';
import { ms, type Row } from './report';

const RESPONSES = Number(process.env.BENCH_RESPONSES ?? 1_000_000);

export interface ResponseSeed {
  count: number;
  /** The PRNG's seed: the same seed gives the same rows. */
  seed: number;
  /** Jalali 'YYYY/MM/DD': the responses are spread evenly over these days, in order, as a terminal records them. */
  from: string;
  to: string;
}

const CLERKS = ['window:counter', 'clerk:zahra', 'clerk:ali', 'clerk:maryam', 'clerk:reza'];

/**
 * national-16 responses written straight into SQLite in one transaction: about the active
 * services, a few clerks, demographics with some left out, one in ten with a suggestion, and
 * every item answered (4 best … 1 worst, leaning to the good side) or passed (no opinion).
 */
export function seedResponses(db: Db, options: ResponseSeed): number {
  const random = prng(options.seed);
  const first = parseJalali(options.from) as Day;
  const span = (parseJalali(options.to) as Day) - first + 1;
  const services = db.prepare('SELECT id FROM services WHERE active = 1 ORDER BY id').pluck().all() as number[];
  const items = Array.from({ length: 16 }, (_, i) => `q${i + 1}`);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const maybe = <T>(value: T): T | null => (random() < 0.05 ? null : value);
  const insertResponse = db.prepare(
    `INSERT INTO survey_responses (questionnaire_id, version, source, service_id, clerk, terminal, answered_at, day,
       gender, age, education, job, visits, suggestion)
     VALUES ('national-16', 1, 'request', ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertAnswer = db.prepare(
    'INSERT INTO survey_answers (response_id, item_id, value, choice) VALUES (?, ?, ?, NULL)',
  );
  const days = new Map<Day, string>();
  db.transaction(() => {
    for (let i = 0; i < options.count; i++) {
      const day = first + Math.floor((i * span) / options.count);
      let jalali = days.get(day);
      if (jalali === undefined) days.set(day, (jalali = formatJalali(day)));
      const { lastInsertRowid } = insertResponse.run(
        pick(services),
        pick(CLERKS),
        '2025-01-01T08:00:00.000Z',
        jalali,
        maybe(pick(GENDERS)),
        maybe(15 + Math.floor(random() * 55)),
        maybe(pick(EDUCATION_LEVELS)),
        maybe(pick(JOBS)),
        maybe(Math.floor(random() * 4)),
        random() < 0.1 ? 'صف کوتاه‌تر' : null,
      );
      for (const item of items) {
        const r = random();
        insertAnswer.run(lastInsertRowid, item, r < 0.05 ? null : r < 0.45 ? 4 : r < 0.75 ? 3 : r < 0.9 ? 2 : 1);
      }
    }
  }).immediate();
  return options.count;
}

function timed<T>(action: () => T): [T, number] {
  const started = performance.now();
  const value = action();
  return [value, performance.now() - started];
}

async function timedAsync<T>(action: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const value = await action();
  return [value, performance.now() - started];
}

/**
 * The full national-16 report by quarter over a year of responses, against the floor: one
 * plain SELECT that reads every answer once. Through the worker (start-up included), and
 * in this thread for the computation alone.
 */
export async function run(): Promise<Row[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mizban-bench-reports-'));
  try {
    const dbPath = path.join(dir, 'reports.sqlite');
    const core = openCore({ dbPath, appVersion: 'bench', log: () => undefined });
    const [, seeding] = timed(() =>
      seedResponses(core.db, { count: RESPONSES, seed: 16, from: '1403/01/01', to: '1403/12/30' }),
    );
    core.db.pragma('wal_checkpoint(TRUNCATE)');
    const answers = core.db.prepare('SELECT count(*) FROM survey_answers').pluck().get() as number;

    const [, floor] = timed(() => core.db.prepare('SELECT count(*), total(value) FROM survey_answers').raw().get());
    const [, rowsFloor] = timed(() => {
      let seen = 0;
      const rows = core.db.prepare('SELECT item_id, value, choice FROM survey_answers').raw().iterate();
      while (!rows.next().done) seen += 1;
      return seen;
    });
    const job = {
      report: 'satisfaction' as const,
      input: { questionnaire: 'national-16', by: 'quarter' as const, target: 70 },
      now: new Date().toISOString(),
    };
    const [report, inWorker] = await timedAsync(() => runReport(dbPath, job));
    const [, inThread] = timed(() => computeReport(core.db, job));
    const [file, xlsx] = await timedAsync(() =>
      runReport(dbPath, { ...job, file: { format: 'xlsx', language: 'fa' } }),
    );
    core.close();
    return [
      { name: 'responses', value: `${RESPONSES.toLocaleString('en')} (${answers.toLocaleString('en')} answers)` },
      { name: 'seed, one transaction', value: ms(seeding) },
      { name: 'floor: SELECT every answer once', value: ms(floor), note: 'count(*), total(value): read in SQLite' },
      { name: 'every answer row to JS', value: ms(rowsFloor), note: 'item_id, value, choice, iterated' },
      {
        name: 'report by quarter, in a worker',
        value: ms(inWorker),
        note: `${report.groups.length} groups, start-up included`,
      },
      { name: 'report by quarter, this thread', value: ms(inThread) },
      { name: 'ratio report / floor', value: `${(inThread / floor).toFixed(1)}×`, note: 'this thread' },
      { name: 'ratio report / rows to JS', value: `${(inThread / rowsFloor).toFixed(2)}×` },
      { name: 'XLSX of it, in a worker', value: ms(xlsx), note: `${(file.bytes.length / 1024).toFixed(0)} KiB` },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
