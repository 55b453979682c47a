import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openCore } from '../../main/core/app';
import { CalendarStore } from '../../main/core/calendar/store';
import type { Db } from '../../main/core/db/connection';
import { takeRequest, type IntakeContext } from '../../main/core/requests/intake';
import { readSettings } from '../../main/core/settings/store';
import { callerForWindow } from '../../main/shell/caller';
import { signedIn } from '../support/auth';
import { prng } from '../support/random';
import { mobile, nationalCode, seedRequests } from '../support/seed-requests';
import { p50p95, type Row } from './report';

const INTAKES = Number(process.env.BENCH_INTAKES ?? 2_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 1_000_000);
const QUERY_RUNS = Number(process.env.BENCH_QUERY_RUNS ?? 200);

const kiosk = callerForWindow('kiosk');

/** A database file on the real disk (os.tmpdir()), removed afterwards: fsync costs what it costs in the field. */
async function withDatabaseFile<T>(use: (dbPath: string) => Promise<T>): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mizban-bench-'));
  try {
    return await use(path.join(dir, 'bench.sqlite'));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function timed(action: () => unknown): Promise<number> {
  const started = performance.now();
  await action();
  return performance.now() - started;
}

/** The bench's own inputs are valid: a refusal means the figures measure nothing. */
function ok(result: { ok: boolean }, what: string): void {
  if (!result.ok) throw new Error(`${what} was refused: ${JSON.stringify(result)}`);
}

/** Intake, one request per transaction as at the kiosk: through the router, and the bare takeRequest. */
async function intake(): Promise<Row[]> {
  return withDatabaseFile(async (dbPath) => {
    const core = openCore({ dbPath, appVersion: 'bench' });
    const applicant = (i: number) => ({ nationalCode: nationalCode(i), name: 'زهرا احمدی', mobile: mobile(i) });
    // As the handler does: one calendar for the terminal, the settings read on every intake.
    const calendar = new CalendarStore(core.db);
    const context = (): IntakeContext => ({
      db: core.db,
      calendar,
      settings: readSettings(core.db),
      channel: 'kiosk',
      actor: kiosk.actor,
      at: new Date(),
    });
    const bare = (i: number) => takeRequest(context(), '10110001', applicant(i));
    const routed = async (i: number) => {
      ok(
        await core.router.call(kiosk, 'requests.create', { serviceCode: '10110001', applicant: applicant(i) }),
        'intake',
      );
    };
    const viaRouter: number[] = [];
    const viaTake: number[] = [];
    const normal: number[] = [];
    try {
      for (let i = 0; i < 50; i++) await routed(i); // warm-up: the JIT, the page cache, the WAL file
      // Interleaved, so that both meet the same WAL size and the same checkpoints.
      for (let i = 0; i < INTAKES; i++) {
        viaRouter.push(await timed(() => routed(1_000 + 2 * i)));
        viaTake.push(await timed(() => bare(1_001 + 2 * i)));
      }
      core.db.pragma('synchronous = NORMAL');
      for (let i = 0; i < INTAKES; i++) normal.push(await timed(() => bare(100_000 + i)));
    } finally {
      core.close();
    }
    return [
      { name: 'intake: requests.create via the router, synchronous=FULL', value: p50p95(viaRouter) },
      { name: 'intake: takeRequest alone, synchronous=FULL', value: p50p95(viaTake) },
      {
        name: 'intake: takeRequest alone, synchronous=NORMAL',
        value: p50p95(normal),
        note: 'the fsync, for comparison',
      },
    ];
  });
}

interface Bound {
  source: string;
  params: unknown[];
}

/**
 * Runs `action` while recording every statement the core prepares and the values it binds,
 * so that the plans printed are those of the app's own SQL, not a copy of it.
 */
async function statementsOf(db: Db, action: () => Promise<unknown>): Promise<Bound[]> {
  const seen: Bound[] = [];
  const prepare = db.prepare.bind(db);
  db.prepare = ((source: string) => {
    const statement = prepare(source);
    for (const method of ['get', 'all'] as const) {
      const run = statement[method].bind(statement) as (...params: unknown[]) => unknown;
      const record = (...params: unknown[]) => {
        seen.push({ source, params });
        return run(...params);
      };
      Object.defineProperty(statement, method, { value: record });
    }
    return statement;
  }) as Db['prepare'];
  try {
    await action();
  } finally {
    Reflect.deleteProperty(db, 'prepare');
  }
  return seen;
}

async function planRows(db: Db, name: string, action: () => Promise<unknown>): Promise<Row[]> {
  const statements = await statementsOf(db, action);
  return statements.map(({ source, params }, i) => {
    const plan = db.prepare(`EXPLAIN QUERY PLAN ${source}`).all(...params) as { detail: string }[];
    const label = statements.length > 1 ? `${name} (${i + 1}/${statements.length})` : name;
    return { name: `plan: ${label}`, value: plan.map((step) => step.detail).join(' · ') };
  });
}

/** A request picked at random among the seeded ones, G2C (with a national code) when asked. */
function randomRequests(db: Db, count: number, g2cOnly: boolean) {
  const random = prng(count + (g2cOnly ? 1 : 0));
  const statement = db.prepare(
    `SELECT tracking_code AS trackingCode, national_code AS nationalCode, mobile FROM requests
     WHERE id >= ? ${g2cOnly ? 'AND national_code IS NOT NULL' : ''} ORDER BY id LIMIT 1`,
  );
  return Array.from({ length: count }, () => {
    const row = statement.get(1 + Math.floor(random() * REQUESTS)) as
      { trackingCode: string; nationalCode: string | null; mobile: string } | undefined;
    if (!row) throw new Error('the seeded requests ran out');
    return row;
  });
}

interface Measured {
  figures: Row[];
  plans: Row[];
}

/** The three reads on a new connection, as the app would have after a restart: an empty page cache of its own. */
async function measureReads(dbPath: string, statistics: string): Promise<Measured> {
  const core = openCore({ dbPath, appVersion: 'bench' });
  try {
    const counter = await signedIn(core, 'clerk');
    const lookups = randomRequests(core.db, QUERY_RUNS, false);
    const searches = randomRequests(core.db, QUERY_RUNS, true);
    const firstPage = () => core.router.call(counter, 'requests.queue', {});
    const lookUp = (target: (typeof lookups)[number]) =>
      core.router.call(kiosk, 'requests.lookup', {
        trackingCode: target.trackingCode,
        mobileLastFour: target.mobile.slice(-4),
      });
    const search = (target: (typeof searches)[number]) =>
      core.router.call(counter, 'requests.queue', { search: target.nationalCode });

    const first = lookups[0] as (typeof lookups)[number];
    const plans = [
      ...(await planRows(core.db, 'queue, first page', firstPage)),
      ...(await planRows(core.db, 'look-up', () => lookUp(first))),
      ...(await planRows(core.db, 'search by national code', () => search(searches[0] ?? first))),
    ];

    const pageTimes: number[] = [];
    const lookUpTimes: number[] = [];
    const searchTimes: number[] = [];
    let found = 0;
    for (let i = 0; i < QUERY_RUNS; i++) {
      pageTimes.push(await timed(async () => ok(await firstPage(), 'the queue')));
      lookUpTimes.push(await timed(async () => ok(await lookUp(lookups[i] ?? first), 'a look-up')));
      searchTimes.push(
        await timed(async () => {
          const result = await search(searches[i] ?? first);
          ok(result, 'a search');
          if (result.ok) found += (result.value as { items: unknown[] }).items.length;
        }),
      );
    }
    return {
      figures: [
        { name: `requests.queue, first page of 50, ${statistics}`, value: p50p95(pageTimes) },
        { name: `requests.lookup, random tracking code, ${statistics}`, value: p50p95(lookUpTimes) },
        {
          name: `requests.queue, search by national code, ${statistics}`,
          value: p50p95(searchTimes),
          note: `${found} found: the default filter shows open requests only`,
        },
      ],
      plans,
    };
  } finally {
    core.close();
  }
}

/** Each plan once when the statistics change nothing, both when they do. */
function comparePlans(before: readonly Row[], after: readonly Row[]): Row[] {
  return after.flatMap((plan, i) => {
    const old = before[i];
    if (old?.value === plan.value) return [{ ...plan, note: 'the same without ANALYZE' }];
    return [...(old ? [{ ...old, note: 'without ANALYZE' }] : []), { ...plan, note: 'after ANALYZE' }];
  });
}

/**
 * The clerk's queue and a citizen's look-up with a year of a busy terminal in the database:
 * first as the app leaves the file today (no planner statistics), then after ANALYZE.
 */
async function queries(): Promise<Row[]> {
  return withDatabaseFile(async (dbPath) => {
    const seeding = openCore({ dbPath, appVersion: 'bench' });
    let seedMs: number;
    try {
      seedMs = await timed(() => seedRequests(seeding.db, { count: REQUESTS, seed: 1 }));
    } finally {
      seeding.close();
    }
    const size = fs.statSync(dbPath).size;
    const bare = await measureReads(dbPath, 'no statistics');

    // Without statistics SQLite plans from the schema alone; if the figures differ, the app
    // should run ANALYZE (or PRAGMA optimize) itself.
    const analyzing = openCore({ dbPath, appVersion: 'bench' });
    let analyzeMs: number;
    try {
      analyzeMs = await timed(() => analyzing.db.exec('ANALYZE'));
    } finally {
      analyzing.close();
    }
    const analyzed = await measureReads(dbPath, 'after ANALYZE');

    return [
      {
        name: `seeding ${REQUESTS.toLocaleString('en')} requests`,
        value: `${(seedMs / 1000).toFixed(1)} s`,
        note: `one transaction, ${(size / 1024 / 1024).toFixed(0)} MiB on disk`,
      },
      ...bare.figures,
      { name: 'ANALYZE', value: `${(analyzeMs / 1000).toFixed(1)} s` },
      ...analyzed.figures,
      ...comparePlans(bare.plans, analyzed.plans),
    ];
  });
}

export async function run(): Promise<Row[]> {
  return [...(await intake()), ...(await queries())];
}
