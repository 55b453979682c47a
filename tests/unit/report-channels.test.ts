import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { build } from 'esbuild';
import ExcelJS from 'exceljs';
import { openCore } from '../../main/core/app';
import { reportChannels } from '../../main/core/contract/reports';
import { reportHandlers } from '../../main/core/reports/handlers';
import { computeReport } from '../../main/core/reports/worker';
import { DomainError } from '../../main/core/router';
import { callerForWindow } from '../../main/shell/caller';
import { seedResponses } from '../bench/reports.bench';
import { tempDir } from '../support/temp';

const dir = tempDir('mizban-report-channels-');
const dbPath = path.join(dir, 'channels.sqlite');
const core = openCore({ dbPath, appVersion: 't', log: () => undefined });
after(() => core.close());
seedResponses(core.db, { count: 20_000, seed: 7, from: '1403/01/01', to: '1403/12/30' });

const handlers = reportHandlers({ dbPath });
type Name = keyof typeof reportChannels;

/** What the router does for a channel: the input checked by its schema, the answer by the output's. */
async function call(name: Name, input: unknown): Promise<unknown> {
  const channel = reportChannels[name];
  const handler = handlers[name] as (input: unknown, caller: unknown) => Promise<unknown>;
  return channel.output.parse(await handler(channel.input.parse(input), callerForWindow('admin')));
}

describe('the report channels', () => {
  test('are for supervisors and administrators only', () => {
    for (const channel of Object.values(reportChannels)) assert.deepEqual(channel.roles, ['supervisor', 'admin']);
  });

  test('inputs are checked by their schemas', () => {
    const satisfaction = reportChannels['reports.satisfaction'].input;
    assert.equal(satisfaction.safeParse({ questionnaire: 'national-16', by: 'week' }).success, false);
    assert.equal(satisfaction.safeParse({ questionnaire: 'national-16', from: '1403/1/1' }).success, false);
    assert.equal(satisfaction.safeParse({ questionnaire: 'national-16', target: 101 }).success, false);
    assert.equal(reportChannels['reports.audit'].input.safeParse({ by: 'month' }).success, false);
  });

  test('a report through the channel is the one computed in this thread, and takes the default target', async () => {
    const input = { questionnaire: 'national-16', by: 'quarter' } as const;
    const viaChannel = await call('reports.satisfaction', input);
    const here = computeReport(core.db, { report: 'satisfaction', input: { ...input, target: 70 }, now: '' });
    assert.deepEqual(viaChannel, here);
    assert.equal((viaChannel as { n: number }).n, 20_000);
  });

  test('the main thread keeps answering while a report is computed in the worker', async () => {
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 5);
    try {
      await call('reports.satisfaction', { questionnaire: 'national-16', by: 'month' });
      const whileWorking = ticks;
      // The control: computed in this thread, no timer gets a turn until it is done.
      ticks = 0;
      computeReport(core.db, {
        report: 'satisfaction',
        input: { questionnaire: 'national-16', by: 'month', target: 70 },
        now: '',
      });
      assert.equal(ticks, 0);
      assert.ok(whileWorking >= 5, `the timer fired ${whileWorking} times while the worker computed`);
    } finally {
      clearInterval(timer);
    }
  });

  test('a refusal in the worker comes back as the DomainError the router answers with', async () => {
    await assert.rejects(call('reports.satisfaction', { questionnaire: 'nowhere' }), (error) => {
      assert.ok(error instanceof DomainError);
      assert.equal(error.code, 'survey.questionnaire_unknown');
      return true;
    });
  });

  test('reports.export hands over the file in base64', async () => {
    const made = (await call('reports.export', { report: 'audit', format: 'xlsx' })) as {
      fileName: string;
      mimeType: string;
      base64: string;
    };
    assert.match(made.fileName, /^mizban-audit-start-now\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(made.base64, 'base64') as unknown as ArrayBuffer);
    assert.equal(book.worksheets.length, 4);
    const csv = (await call('reports.export', {
      report: 'satisfaction',
      questionnaire: 'national-16',
      format: 'csv',
      language: 'en',
    })) as { base64: string };
    assert.match(Buffer.from(csv.base64, 'base64').toString('utf8'), /^\ufeffClient satisfaction questionnaire/);
  });
});

/**
 * The command line as esbuild bundles it into dist/cli/mizban.cjs: the worker then runs the
 * bundle file itself. The entry here wires `report` as main/cli/mizban.ts does, and says on
 * stderr each time it is evaluated: the worker must never run it.
 */
describe('mizban report, bundled', async () => {
  const cli = path.join(dir, 'mizban-report.cjs');
  await build({
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
    loader: { '.sql': 'text' },
    external: ['electron', 'better-sqlite3', 'playwright-core'],
    outfile: cli,
    stdin: {
      resolveDir: process.cwd(),
      sourcefile: 'report-entry.ts',
      loader: 'ts',
      contents: `
        import { parseArgs } from 'node:util';
        import { report } from './main/cli/commands/report';
        import { UsageError } from './main/cli/usage-error';
        process.stderr.write('entry evaluated\\n');
        const { values, positionals } = parseArgs({
          args: process.argv.slice(2),
          allowPositionals: true,
          options: Object.fromEntries(
            ['db', 'out', 'format', 'from', 'to', 'by', 'target', 'questionnaire', 'service', 'agency', 'lang'].map(
              (name) => [name, { type: 'string' }],
            ),
          ),
        });
        report(String(values.db), positionals[1], values).then(
          (output) => console.log(output),
          (error) => {
            console.error('mizban: ' + error.message);
            process.exitCode = error instanceof UsageError ? 2 : 1;
          },
        );`,
    },
  });
  // Its own node_modules: the bundle resolves better-sqlite3 from where it lies.
  fs.symlinkSync(path.resolve('node_modules'), path.join(dir, 'node_modules'), 'dir');
  const mizban = (...args: string[]) => {
    const run = spawnSync(process.execPath, [cli, 'report', ...args], { encoding: 'utf8' });
    return { code: run.status, stdout: run.stdout, stderr: run.stderr };
  };

  test("json: the channel's output, computed in a worker that never ran the entry", () => {
    const run = mizban('satisfaction', '--db', dbPath, '--questionnaire', 'national-16', '--by', 'quarter');
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stderr, 'entry evaluated\n');
    const report = JSON.parse(run.stdout) as { n: number; groups: { key: string }[] };
    assert.equal(report.n, 20_000);
    assert.deepEqual(
      report.groups.map((g) => g.key),
      ['1403/Q1', '1403/Q2', '1403/Q3', '1403/Q4'],
    );
  });

  test('csv to stdout with its byte-order mark; xlsx to --out; delivery and audit', async () => {
    const csv = mizban('delivery', '--db', dbPath, '--format', 'csv');
    assert.equal(csv.code, 0, csv.stderr);
    assert.ok(csv.stdout.startsWith('\ufeffتحویل به‌موقع خدمات'));
    const out = path.join(dir, 'audit.xlsx');
    const xlsx = mizban('audit', '--db', dbPath, '--format', 'xlsx', '--out', out, '--agency', 'mpo');
    assert.equal(xlsx.code, 0, xlsx.stderr);
    assert.equal(xlsx.stdout, `wrote ${out}\n`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    assert.equal(book.getWorksheet('بخش ۱')?.getCell('B3').value, 5);
  });

  test('mistakes: exit 2 with what to do; a refusal of the core: exit 1 with its code', () => {
    const pdf = mizban('satisfaction', '--db', dbPath, '--questionnaire', 'national-16', '--format', 'pdf');
    assert.equal(pdf.code, 2);
    assert.match(pdf.stderr, /--format pdf writes a file: give --out FILE/);
    assert.match(mizban('audit', '--db', dbPath, '--format', 'html').stderr, /--format takes json, csv, xlsx or pdf/);
    assert.equal(mizban('satisfaction', '--db', dbPath, '--format', 'xlsx', '--questionnaire', 'national-16').code, 2);
    assert.equal(mizban('satisfaction', '--db', dbPath).code, 2);
    assert.equal(mizban('audit', '--db', dbPath, '--by', 'month').code, 2);
    assert.match(
      mizban('satisfaction', '--db', dbPath, '--questionnaire', 'national-16', '--by', 'week').stderr,
      /--by/,
    );
    const unknown = mizban('satisfaction', '--db', dbPath, '--questionnaire', 'nowhere');
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /report refused: survey\.questionnaire_unknown/);
    const range = mizban('delivery', '--db', dbPath, '--from', '1403/05/01', '--to', '1403/04/01');
    assert.match(range.stderr, /report refused: input\.invalid \(--to: reports\.range_invalid\)/);
    const missing = mizban('audit', '--db', path.join(dir, 'none.sqlite'));
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /no database at/);
    assert.equal(fs.existsSync(path.join(dir, 'none.sqlite')), false);
  });
});
