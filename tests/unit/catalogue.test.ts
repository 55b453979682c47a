import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import sample from '../../assets/catalogue/sample.json';
import { openCore, openCoreDatabase, type Core } from '../../main/core/app';
import { CATALOGUE_COLUMNS, catalogueFromCsv, catalogueToCsv } from '../../main/core/catalogue/csv';
import { BOM } from '../../main/core/csv';
import { parseCatalogue } from '../../main/core/catalogue/files';
import { applyCatalogue, findService, listServices, readCatalogue } from '../../main/core/catalogue/store';
import { catalogueFileSchema, type CatalogueFile, type FieldIssue, type WindowRole } from '../../main/core/contract';
import type { Db } from '../../main/core/db/connection';
import type { Caller } from '../../main/core/router';
import { callerForWindow } from '../../main/shell/caller';
import { signedIn } from '../support/auth';
import { tempDir } from '../support/temp';

const dir = tempDir();
const opened: { close(): void }[] = [];
after(() => opened.forEach((handle) => handle.close()));

let counter = 0;
const nextPath = () => path.join(dir, `catalogue-${++counter}.sqlite`);

function newCore(sampleCatalogue: boolean): Core {
  const core = openCore({ dbPath: nextPath(), appVersion: '0.0.0-test', log: () => undefined, sampleCatalogue });
  opened.push(core);
  return core;
}

function newDb(sampleCatalogue: boolean): Db {
  const db = openCoreDatabase(nextPath(), sampleCatalogue);
  opened.push(db);
  return db;
}

const serviceCount = (db: Db) => db.prepare('SELECT count(*) FROM services').pluck().get() as number;
const agencyCount = (db: Db) => db.prepare('SELECT count(*) FROM agencies').pluck().get() as number;

/** A window of this role, signed in as its usual user: a clerk at the counter, an administrator at the admin face. */
async function callerOf(core: Core, role: WindowRole): Promise<Caller> {
  if (role === 'kiosk') return callerForWindow('kiosk');
  return signedIn(core, role === 'counter' ? 'clerk' : 'admin');
}

/** A channel's value, or the test fails with the refusal. */
async function call<T>(core: Core, role: WindowRole, channel: string, input: unknown): Promise<T> {
  const result = await core.router.call(await callerOf(core, role), channel, input);
  assert.ok(result.ok, JSON.stringify(result));
  return result.value as T;
}

const exportOf = async (core: Core, format: 'json' | 'csv') =>
  (await call<{ content: string }>(core, 'admin', 'catalogue.export', { format })).content;

const importInto = (core: Core, format: 'json' | 'csv', content: string) =>
  call<{ agencies: { added: number; updated: number }; services: { added: number; updated: number } }>(
    core,
    'admin',
    'catalogue.import',
    { format, content },
  );

const richJson = fs.readFileSync(new URL('../fixtures/catalogue-rich.json', import.meta.url), 'utf8');
const rich: CatalogueFile = catalogueFileSchema.parse(JSON.parse(richJson));

/** Issues in a stable order, so that a comparison says which one is missing. */
const sorted = (issues: readonly FieldIssue[]) =>
  [...issues].sort((a, b) => (a.row ?? 0) - (b.row ?? 0) || a.path.localeCompare(b.path));

function refused(result: ReturnType<typeof parseCatalogue>): FieldIssue[] {
  assert.equal(result.ok, false, 'the file should have been refused');
  return result.ok ? [] : result.issues;
}

/** A deep copy to break: the sample's first services and their agencies, all valid. */
function smallCatalogue(): { format: 1; agencies: Record<string, unknown>[]; services: Record<string, unknown>[] } {
  const copy = structuredClone(sample) as unknown as {
    agencies: Record<string, unknown>[];
    services: Record<string, unknown>[];
  };
  const services = copy.services.slice(0, 6);
  const codes = new Set(services.map((service) => service.agencyCode));
  return { format: 1, agencies: copy.agencies.filter((agency) => codes.has(agency.code)), services };
}

/** The CSV of a catalogue with some cells changed: `edits[row][column]`, row 1 = the first data row. */
function csvWith(catalogue: CatalogueFile, edits: Record<number, Record<string, string>>, drop?: string): string {
  const records = parse(catalogueToCsv(catalogue), { bom: true, columns: true }) as Record<string, string>[];
  for (const [row, cells] of Object.entries(edits)) Object.assign(records[Number(row) - 1] ?? {}, cells);
  const columns = CATALOGUE_COLUMNS.filter((column) => column !== drop);
  return BOM + stringify(records, { header: true, columns: [...columns] });
}

describe('a new database', () => {
  test('holds the sample catalogue, every agency and service of the file', () => {
    const db = newDb(true);
    assert.equal(serviceCount(db), sample.services.length);
    assert.equal(agencyCount(db), sample.agencies.length);
    assert.deepEqual(readCatalogue(db), catalogueFileSchema.parse(sample));
  });

  test('openCoreDatabase(path, false) leaves the catalogue empty', () => {
    const db = newDb(false);
    assert.equal(serviceCount(db), 0);
    assert.equal(agencyCount(db), 0);
  });

  test('the sample is loaded only on creation: reopening does not bring back what the file changed', () => {
    const file = nextPath();
    const first = openCoreDatabase(file, true);
    first.prepare("UPDATE services SET title_en = 'Changed' WHERE code = '10110001'").run();
    first.close();
    const again = openCoreDatabase(file, true);
    opened.push(again);
    assert.equal(findService(again, '10110001')?.service.title.en, 'Changed');
    assert.equal(serviceCount(again), sample.services.length);
  });
});

describe('round trips', () => {
  test('JSON: export, import into an empty database, export again: the same file', async () => {
    const from = newCore(true);
    const json = await exportOf(from, 'json');
    const to = newCore(false);
    assert.deepEqual(await importInto(to, 'json', json), {
      agencies: { added: sample.agencies.length, updated: 0 },
      services: { added: sample.services.length, updated: 0 },
    });
    assert.equal(await exportOf(to, 'json'), json);
  });

  test('CSV: export, import into an empty database, export again: the same file', async () => {
    const from = newCore(true);
    const csv = await exportOf(from, 'csv');
    const to = newCore(false);
    await importInto(to, 'csv', csv);
    assert.equal(await exportOf(to, 'csv'), csv);
    // The CSV carries everything: the JSON of both databases is the same too.
    assert.equal(await exportOf(to, 'json'), await exportOf(from, 'json'));
  });

  test('Persian text with half-spaces, multi-line lists, empty lists and the FAQ survive JSON and CSV', async () => {
    const first = newCore(false);
    await importInto(first, 'json', richJson);
    assert.deepEqual(readCatalogue(first.db), rich, 'the database holds the file as written');
    const json = await exportOf(first, 'json');
    assert.deepEqual(JSON.parse(json), rich);

    const csv = await exportOf(first, 'csv');
    const second = newCore(false);
    await importInto(second, 'csv', csv);
    assert.equal(await exportOf(second, 'csv'), csv);
    assert.equal(await exportOf(second, 'json'), json);

    // A list is one cell per language, one item per line, and the half-spaces are still there.
    const records = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
    const row = records.find((record) => record.code === 'edu-0001');
    assert.equal(row?.steps_fa?.split('\n').length, 3);
    assert.equal(row?.faq_questions_en, 'Who may apply?\nWhen is the money paid?');
    assert.ok(row?.title_fa?.includes('کمک\u200cهزینه\u200cی'), row?.title_fa);
  });

  test('the CSV starts with a UTF-8 byte-order mark (Excel reads it as Persian only then)', async () => {
    const csv = await exportOf(newCore(true), 'csv');
    assert.ok(csv.startsWith('\ufeff'));
    assert.equal(Buffer.from(csv, 'utf8').subarray(0, 3).toString('hex'), 'efbbbf');
    assert.ok(csv.slice(1).startsWith(CATALOGUE_COLUMNS.join(',')), 'the header follows the mark');
    assert.ok(!(await exportOf(newCore(true), 'json')).startsWith('\ufeff'), 'JSON has none');
  });

  // A translation may be missing for one item of a list; the others must keep their own English.
  test('a list with English on some items only keeps each English line with its item', () => {
    const [service] = rich.services;
    assert.ok(service);
    const partly: CatalogueFile = {
      ...rich,
      services: [
        {
          ...service,
          steps: [{ fa: 'یک' }, { fa: 'دو', en: 'Two' }],
          faq: [
            { q: { fa: 'پرسش', en: 'Question' }, a: { fa: 'پاسخ' } },
            { q: { fa: 'پرسش دوم' }, a: { fa: 'پاسخ دوم', en: 'Second answer' } },
          ],
        },
      ],
    };
    const parsed = parseCatalogue('csv', catalogueToCsv(partly));
    assert.ok(parsed.ok, JSON.stringify(parsed));
    assert.deepEqual(parsed.catalogue.services[0]?.steps, [{ fa: 'یک' }, { fa: 'دو', en: 'Two' }]);
    assert.deepEqual(parsed.catalogue.services[0]?.faq, partly.services[0]?.faq);
  });
});

describe('a bad file is refused whole, and every problem is named', () => {
  test('JSON: bad services among good ones, each named by row (1-based) and path; nothing written', async () => {
    const core = newCore(true);
    const before = await exportOf(core, 'json');
    const file = smallCatalogue();
    const good = file.services;
    type Loose = { [field: string]: unknown; title: { fa?: string; en?: string } };
    const at = (i: number) => structuredClone(good[i]) as Loose;
    const wrongDays: Loose = { ...at(1), workingDays: '5' };
    const noEnglish = at(2);
    delete noEnglish.title.en;
    const noReason: Loose = { ...at(3), delivery: 'in_person' };
    delete noReason.notElectronicReason;
    // The first service, renamed: applied, this change would show.
    const renamed: Loose = { ...at(0), title: { fa: 'عنوان تازه', en: 'A new title' } };
    file.services = [renamed, wrongDays, good[4] ?? {}, noEnglish, noReason, good[5] ?? {}];

    const issues = refused(parseCatalogue('json', JSON.stringify(file)));
    assert.deepEqual(sorted(issues), [
      { row: 2, path: 'services.workingDays', code: 'invalid_type' },
      { row: 4, path: 'services.title.en', code: 'invalid_type' },
      { row: 5, path: 'services.notElectronicReason', code: 'notElectronicReason.required' },
    ]);

    const result = await core.router.call(await signedIn(core), 'catalogue.import', {
      format: 'json',
      content: JSON.stringify(file),
    });
    assert.deepEqual(result, { ok: false, error: { code: 'catalogue.import_invalid', details: { issues } } });
    assert.equal(serviceCount(core.db), sample.services.length);
    assert.notEqual(findService(core.db, String(renamed.code))?.service.title.en, 'A new title');
    assert.equal(await exportOf(core, 'json'), before, 'nothing changed');
  });

  test('JSON: a duplicate service code and an unknown agency are named by row', () => {
    const file = smallCatalogue();
    const [first, second, third] = file.services;
    file.services = [first ?? {}, { ...second, code: first?.code }, { ...third, agencyCode: 'no-such-agency' }];
    assert.deepEqual(sorted(refused(parseCatalogue('json', JSON.stringify(file)))), [
      { row: 2, path: 'services.code', code: 'code.duplicate' },
      { row: 3, path: 'services.agencyCode', code: 'agency.unknown' },
    ]);
  });

  test('JSON: a duplicate agency code is named by its row in the agencies', () => {
    const file = smallCatalogue();
    file.agencies.push({ ...file.agencies[0] });
    assert.deepEqual(refused(parseCatalogue('json', JSON.stringify(file))), [
      { row: file.agencies.length, path: 'agencies.code', code: 'code.duplicate' },
    ]);
  });

  // "Every error names its row and field": the checks across rows must not wait for the schema to pass.
  test('JSON: problems of every kind in one file are all named at once', () => {
    const file = smallCatalogue();
    const [first, second, third, fourth] = file.services;
    file.services = [
      first ?? {},
      { ...second, workingDays: 'ten' },
      { ...third, code: first?.code },
      { ...fourth, agencyCode: 'no-such-agency' },
    ];
    assert.deepEqual(sorted(refused(parseCatalogue('json', JSON.stringify(file)))), [
      { row: 2, path: 'services.workingDays', code: 'invalid_type' },
      { row: 3, path: 'services.code', code: 'code.duplicate' },
      { row: 4, path: 'services.agencyCode', code: 'agency.unknown' },
    ]);
  });

  test('JSON: one service with several problems has each of them named', () => {
    const file = smallCatalogue();
    const bad = structuredClone(file.services[1]) as Record<string, unknown> & { title: { en?: string } };
    bad.workingDays = '5';
    delete bad.title.en;
    bad.delivery = 'agency_only';
    delete bad.notElectronicReason;
    file.services[1] = bad;
    assert.deepEqual(sorted(refused(parseCatalogue('json', JSON.stringify(file)))), [
      { row: 2, path: 'services.notElectronicReason', code: 'notElectronicReason.required' },
      { row: 2, path: 'services.title.en', code: 'invalid_type' },
      { row: 2, path: 'services.workingDays', code: 'invalid_type' },
    ]);
  });

  test('CSV: bad rows are named by CSV row number and CSV column name; nothing written', async () => {
    const core = newCore(false);
    await importInto(core, 'json', richJson);
    const before = await exportOf(core, 'json');
    const csv = csvWith(rich, {
      1: { title_fa: 'عنوانی که نباید بنشیند' },
      2: { working_days: 'five', title_en: '' },
      3: { agency_code: 'no such agency!', fee_rial: '-1' },
    });
    const issues = refused(parseCatalogue('csv', csv));
    // The agency of row 3 is refused once as an agency and once as the service's agency.
    assert.deepEqual(sorted(issues), [
      { row: 2, path: 'title_en', code: 'text.required' },
      { row: 2, path: 'working_days', code: 'invalid_type' },
      { row: 3, path: 'agency_code', code: 'code.invalid' },
      { row: 3, path: 'agency_code', code: 'code.invalid' },
      { row: 3, path: 'fee_rial', code: 'too_small' },
    ]);
    const result = await core.router.call(await signedIn(core), 'catalogue.import', {
      format: 'csv',
      content: csv,
    });
    assert.equal(result.ok, false);
    assert.equal(await exportOf(core, 'json'), before, 'the good row 1 was not applied either');
  });

  test('CSV: an empty list of steps and a missing answer are named by their columns', () => {
    const csv = csvWith(rich, { 1: { steps_fa: '', steps_en: '' }, 3: { faq_answers_fa: '' } });
    assert.deepEqual(sorted(refused(parseCatalogue('csv', csv))), [
      { row: 1, path: 'steps_fa', code: 'steps.required' },
      { row: 3, path: 'faq_answers_fa', code: 'invalid_type' },
    ]);
  });

  test('CSV: a duplicate code is named by its CSV row', () => {
    const csv = csvWith(rich, { 3: { code: 'edu-0001' } });
    assert.deepEqual(refused(parseCatalogue('csv', csv)), [{ row: 3, path: 'code', code: 'code.duplicate' }]);
  });

  test('CSV: a missing column is named, and nothing else is checked', () => {
    const csv = csvWith(rich, {}, 'working_days');
    assert.deepEqual(refused(parseCatalogue('csv', csv)), [{ path: 'working_days', code: 'file.column_missing' }]);
    assert.deepEqual(catalogueFromCsv(csv).missingColumns, ['working_days']);
  });

  test('a file that is not JSON, or not CSV, is file.unreadable', async () => {
    assert.deepEqual(refused(parseCatalogue('json', '{"format": 1, "agencies": [')), [
      { path: '', code: 'file.unreadable' },
    ]);
    assert.deepEqual(refused(parseCatalogue('csv', 'agency_code,code\n"unclosed,1\n')), [
      { path: '', code: 'file.unreadable' },
    ]);
    const core = newCore(true);
    const result = await core.router.call(await signedIn(core), 'catalogue.import', {
      format: 'json',
      content: 'not json',
    });
    assert.deepEqual(result, {
      ok: false,
      error: { code: 'catalogue.import_invalid', details: { issues: [{ path: '', code: 'file.unreadable' }] } },
    });
  });

  test('a JSON file of another format version is refused by its field', () => {
    const issues = refused(parseCatalogue('json', JSON.stringify({ ...smallCatalogue(), format: 2 })));
    assert.deepEqual(
      issues.map((issue) => issue.path),
      ['format'],
    );
  });
});

describe('importing into a catalogue', () => {
  test('updates services by code and adds new ones, and counts each', async () => {
    const core = newCore(true);
    const existing = findService(core.db, '10110001');
    assert.ok(existing);
    const changed = { ...existing.service, title: { ...existing.service.title, en: 'Vehicle tolls, renamed' } };
    const added = { ...existing.service, code: '10110099', title: { fa: 'خدمت تازه', en: 'A new service' } };
    const file = { format: 1, agencies: [existing.agency, rich.agencies[0]], services: [changed, added] };
    assert.deepEqual(await importInto(core, 'json', JSON.stringify(file)), {
      agencies: { added: 1, updated: 1 },
      services: { added: 1, updated: 1 },
    });
    assert.equal(serviceCount(core.db), sample.services.length + 1);
    assert.equal(findService(core.db, '10110001')?.service.title.en, 'Vehicle tolls, renamed');
    assert.equal(findService(core.db, '10110099')?.service.title.fa, 'خدمت تازه');
    // What the file does not name stays as it was.
    assert.equal(findService(core.db, '10110002')?.service.title.en, 'Issuing an activity and employment licence');
  });

  test('a service may move to another agency of the file', () => {
    const db = newDb(false);
    applyCatalogue(db, rich, 'test');
    const [first] = rich.services;
    assert.ok(first);
    const moved = { ...rich, services: [{ ...first, agencyCode: 'health-qz' }] };
    assert.deepEqual(applyCatalogue(db, moved, 'test'), {
      agencies: { added: 0, updated: 2 },
      services: { added: 0, updated: 1 },
    });
    assert.equal(findService(db, 'edu-0001')?.agency.code, 'health-qz');
  });
});

describe('search', () => {
  const db = newDb(true);
  applyCatalogue(db, rich, 'test');
  const codes = (filter: Parameters<typeof listServices>[1]) => listServices(db, filter).map((s) => s.code);

  test('Arabic ي and ك typed find the Persian ی and ک', () => {
    assert.deepEqual(codes({ query: 'كارت منزلت' }), ['11210003']);
    assert.deepEqual(codes({ query: 'تمديد پروانه' }), ['10110003']);
    // One title has «کمک هزینه» with a space, the other «کمک‌هزینه‌ی» with half-spaces: both are found.
    assert.deepEqual(codes({ query: 'كمك هزينه' }), ['11210002', 'edu-0001']);
    assert.deepEqual(codes({ query: 'هزينه‌ي تحصيلي' }), ['edu-0001']);
  });

  test('with a half-space, a space or nothing between the parts of a word', () => {
    for (const query of ['می\u200cشوند', 'می شوند', 'میشوند', 'مي شوند', 'بررسی میشوند']) {
      assert.deepEqual(codes({ query }), ['edu-0002'], query);
    }
    for (const query of ['ثبت\u200cنام تلفن', 'ثبت نام تلفن', 'ثبتنام تلفن']) {
      assert.deepEqual(codes({ query }), ['10510003'], query);
    }
  });

  test('by English words, in any case, and by code', () => {
    assert.deepEqual(codes({ query: 'LANDLINE' }), ['10510003']);
    assert.deepEqual(codes({ query: 'education allowance' }), ['edu-0001']);
    assert.deepEqual(codes({ query: '10510003' }), ['10510003']);
    assert.deepEqual(codes({ query: 'no such words anywhere' }), []);
  });

  test('inactive services are hidden unless asked for', () => {
    const inactive = sample.services.filter((service) => service.active === false).map((service) => service.code);
    assert.ok(inactive.length > 0);
    assert.deepEqual(codes({ query: 'justice shares' }), []);
    assert.deepEqual(codes({ query: 'justice shares', includeInactive: true }), ['10810001']);
    assert.deepEqual(codes({ query: 'health card' }), ['11310001'], 'the inactive hlt-0001 is hidden');
    const all = codes({ includeInactive: true });
    assert.equal(all.length, sample.services.length + rich.services.length);
    assert.deepEqual(
      all.filter((code) => !codes({}).includes(code)),
      [...inactive, 'hlt-0001'],
    );
  });

  test('by agency', () => {
    assert.deepEqual(codes({ agencyCode: 'education-qz' }), ['edu-0001', 'edu-0002']);
  });
});

describe('through the router', () => {
  const core = newCore(true);
  const smallFile = JSON.stringify({
    format: 1,
    agencies: [{ code: 'router-test', title: { fa: 'آزمون', en: 'Test' } }],
    services: [],
  });

  test('a kiosk may read the catalogue', async () => {
    const services = await call<{ code: string }[]>(core, 'kiosk', 'catalogue.services', { query: 'عوارض خودرو' });
    assert.deepEqual(
      services.map((service) => service.code),
      ['10110001'],
    );
    const one = await call<{ service: { code: string } }>(core, 'kiosk', 'catalogue.service', { code: '10110001' });
    assert.equal(one.service.code, '10110001');
    const agencies = await call<unknown[]>(core, 'kiosk', 'catalogue.agencies', {});
    assert.equal(agencies.length, sample.agencies.length);
  });

  for (const role of ['kiosk', 'counter'] as const) {
    test(`catalogue.import and catalogue.export are refused to the ${role} window`, async () => {
      const caller = await callerOf(core, role);
      const imported = await core.router.call(caller, 'catalogue.import', { format: 'json', content: smallFile });
      assert.deepEqual(imported, { ok: false, error: { code: 'role.forbidden' } });
      assert.deepEqual(await core.router.call(caller, 'catalogue.export', { format: 'csv' }), {
        ok: false,
        error: { code: 'role.forbidden' },
      });
      assert.equal(agencyCount(core.db), sample.agencies.length, 'the refused import wrote nothing');
    });
  }

  test('the admin window may import and export', async () => {
    const exported = await call<{ fileName: string }>(core, 'admin', 'catalogue.export', { format: 'csv' });
    assert.equal(exported.fileName, 'catalogue.csv');
    assert.deepEqual(await importInto(core, 'json', smallFile), {
      agencies: { added: 1, updated: 0 },
      services: { added: 0, updated: 0 },
    });
  });

  test('catalogue.import_invalid carries the issues', async () => {
    const bad = JSON.stringify({ format: 1, agencies: [], services: [{ code: 'x' }] });
    const result = await core.router.call(await signedIn(core), 'catalogue.import', {
      format: 'json',
      content: bad,
    });
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.equal(result.error.code, 'catalogue.import_invalid');
    const issues = result.error.details?.issues ?? [];
    assert.ok(issues.length > 0);
    assert.ok(
      issues.every((issue) => issue.row === 1 && issue.path.startsWith('services.')),
      JSON.stringify(issues),
    );
    assert.ok(issues.some((issue) => issue.path === 'services.title'));
  });
});
