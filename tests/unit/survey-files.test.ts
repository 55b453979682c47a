import assert from 'node:assert/strict';
import path from 'node:path';
import { after, test } from 'node:test';
import { openCore } from '../../main/core/app';
import { DomainError } from '../../main/core/router';
import { exportResponses, importResponses } from '../../main/core/survey/files';
import { NATIONAL_16_HEADER } from '../support/responses-file';
import { tempDir } from '../support/temp';

const core = openCore({ dbPath: path.join(tempDir(), 'responses.sqlite'), appVersion: 't', log: () => undefined });
after(() => core.close());

const header = NATIONAL_16_HEADER;
const row = (cells: Record<string, string>) => header.map((column) => cells[column] ?? '').join(',');
const csv = (...rows: Record<string, string>[]) => [header.join(','), ...rows.map(row)].join('\n');

const count = () => core.db.prepare('SELECT count(*) FROM survey_responses').pluck().get() as number;

const paperForm = {
  date: '۱۴۰۵/۰۹/۰۲',
  questionnaire: 'national-16',
  service_code: '10110001',
  gender: 'female',
  age: '۳۴',
  education: 'bachelor',
  job: 'government',
  visits: '2',
  q1: '4',
  q2: '۳',
  q16: '1',
  suggestion: 'نوبت‌دهی اینترنتی',
};

test('bad rows refuse the whole file, each problem named by row and column', () => {
  const before = count();
  const bad = csv(
    paperForm,
    { ...paperForm, date: '1405/13/01', gender: 'other', q3: '5' },
    { ...paperForm, questionnaire: 'nope', service_code: '123', age: 'سی' },
    { ...paperForm, age: '7', visits: '-1' },
  );
  assert.throws(
    () => importResponses(core.db, bad),
    (error: unknown) => {
      assert.ok(error instanceof DomainError);
      assert.equal(error.code, 'survey.import_invalid');
      assert.deepEqual(
        error.details?.issues?.map((issue) => `${issue.row}:${issue.path}:${issue.code}`),
        [
          '2:date:calendar.date_invalid',
          '2:gender:survey.answer_invalid',
          '2:q3:survey.answer_invalid',
          '3:questionnaire:survey.questionnaire_unknown',
          '3:service_code:catalogue.service_not_found',
          '3:age:survey.answer_invalid',
          '4:visits:survey.answer_invalid',
          '4:age:survey.answer_invalid',
        ],
      );
      return true;
    },
  );
  assert.equal(count(), before);
});

test('a missing column is named', () => {
  const withoutVisits = csv(paperForm).replace(',visits', '');
  assert.throws(
    () => importResponses(core.db, withoutVisits),
    (error: unknown) =>
      error instanceof DomainError &&
      error.details?.issues?.[0]?.path === 'visits' &&
      error.details.issues[0].code === 'file.column_missing',
  );
});

test('a good file is imported whole, with Persian digits read, and exports back in the same format', () => {
  const before = count();
  const result = importResponses(
    core.db,
    csv(paperForm, { ...paperForm, gender: '', age: '', q1: '', suggestion: '' }),
  );
  assert.deepEqual(result, { imported: 2 });
  assert.equal(count(), before + 2);
  const first = core.db.prepare("SELECT * FROM survey_responses WHERE source = 'import' ORDER BY id LIMIT 1").get();
  assert.deepEqual(
    { ...(first as object), id: 0, answered_at: '' },
    {
      id: 0,
      questionnaire_id: 'national-16',
      version: 1,
      source: 'import',
      service_id: core.db.prepare("SELECT id FROM services WHERE code = '10110001'").pluck().get(),
      clerk: null,
      terminal: null,
      answered_at: '',
      day: '1405/09/02',
      gender: 'female',
      age: 34,
      education: 'bachelor',
      job: 'government',
      visits: 2,
      suggestion: 'نوبت‌دهی اینترنتی',
    },
  );

  const exported = exportResponses(core.db);
  assert.ok(exported.startsWith('\ufeff'));
  const lines = exported.slice(1).trim().split('\r\n');
  assert.equal(lines[0], header.join(','));
  assert.equal(lines[1], row({ ...paperForm, date: '1405/09/02', age: '34', q2: '3' }));

  // What one terminal exports, another imports.
  const other = openCore({ dbPath: path.join(tempDir(), 'other.sqlite'), appVersion: 't', log: () => undefined });
  assert.deepEqual(importResponses(other.db, exported), { imported: 2 });
  assert.equal(exportResponses(other.db), exported);
  other.close();
});
