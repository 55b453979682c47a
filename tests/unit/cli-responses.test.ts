import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { mizban } from '../support/cli';
import { NATIONAL_16_HEADER, NATIONAL_16_ITEMS } from '../support/responses-file';
import { tempDir } from '../support/temp';

const dir = tempDir('mizban-cli-responses-');
const db = path.join(dir, 'terminal.sqlite');
const items = NATIONAL_16_ITEMS;
const header = NATIONAL_16_HEADER;
const good = `1405/09/02,national-16,10110001,male,41,diploma,self_employed,1,${items.map(() => '3').join(',')},`;

const responses = () => {
  const opened = new Database(db, { readonly: true });
  try {
    return opened.prepare('SELECT count(*) FROM survey_responses').pluck().get() as number;
  } finally {
    opened.close();
  }
};

test('mizban responses import: a bad file changes nothing and names each problem by row and column', () => {
  assert.equal(mizban('db', 'init', '--db', db).code, 0);
  const bad = path.join(dir, 'bad.csv');
  fs.writeFileSync(bad, [header.join(','), good, good.replace('national-16', 'none').replace(',3,', ',9,')].join('\n'));
  const run = mizban('responses', 'import', bad, '--db', db);
  assert.equal(run.code, 1);
  assert.match(run.stderr, /refused, nothing was changed/);
  assert.match(run.stderr, /row 2, questionnaire: survey\.questionnaire_unknown/);
  assert.equal(responses(), 0);
});

test('mizban responses import and export: a good file in, the same format out', () => {
  const file = path.join(dir, 'good.csv');
  fs.writeFileSync(file, [header.join(','), good, good].join('\n'));
  const run = mizban('responses', 'import', file, '--db', db);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /imported 2 responses/);
  assert.equal(responses(), 2);
  const out = path.join(dir, 'out.csv');
  assert.equal(mizban('responses', 'export', '--db', db, '--out', out).code, 0);
  const exported = fs
    .readFileSync(out, 'utf8')
    .replace(/^\ufeff/, '')
    .trim()
    .split('\r\n');
  assert.deepEqual(exported, [header.join(','), good, good]);
});
