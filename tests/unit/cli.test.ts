import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { migrations } from '../../main/core/db/migrations';
import { mizban } from '../support/cli';
import { tempDir } from '../support/temp';

describe('mizban, the command line', () => {
  const dir = tempDir();
  const db = path.join(dir, 'data', 'terminal.sqlite');

  test('db init creates and migrates a database, and says so', () => {
    const run = mizban('db', 'init', '--db', db);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /created/);
    const opened = new Database(db, { readonly: true });
    assert.equal(opened.pragma('user_version', { simple: true }), migrations.at(-1)?.version);
    opened.close();
    assert.match(mizban('db', 'init', '--db', db).stdout, /up to date/);
  });

  test('backup writes a copy that opens', () => {
    const out = path.join(dir, 'backup.sqlite');
    const run = mizban('backup', '--db', db, '--out', out);
    assert.equal(run.code, 0, run.stderr);
    const copy = new Database(out, { readonly: true });
    assert.equal(copy.pragma('integrity_check', { simple: true }), 'ok');
    copy.close();
  });

  test('mistakes go to stderr with a non-zero exit', () => {
    const missing = mizban('backup', '--db', path.join(dir, 'none.sqlite'), '--out', path.join(dir, 'x.sqlite'));
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /no database at/);
    assert.equal(missing.stdout, '');
    assert.equal(fs.existsSync(path.join(dir, 'none.sqlite')), false, 'a backup never creates the source');

    const noOut = mizban('backup', '--db', db);
    assert.equal(noOut.code, 2);
    assert.match(noOut.stderr, /--out/);

    const unknown = mizban('frobnicate');
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown command: frobnicate/);
    assert.match(unknown.stderr, /usage: mizban/);

    assert.equal(mizban('db', 'init', '--bogus').code, 2);
  });
});
