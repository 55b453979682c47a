import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  CATALOGUE_FIELD_ERRORS,
  ERROR_CODES,
  IDENTITY_FIELD_ERRORS,
  REPORT_FIELD_ERRORS,
  REQUEST_FIELD_ERRORS,
  SETTING_KEYS,
  SURVEY_FIELD_ERRORS,
  TRACKING_CODE_ERRORS,
} from '../../main/core/contract';
import { MESSAGE_FILES, messages, type Messages } from '../../renderer/src/i18n/messages';

const fa = messages('fa');
const en = messages('en');

type Tree = Messages;

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [prefix + key] : keys(value, `${prefix}${key}.`),
  );
}

function lookup(tree: Tree, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Tree | undefined)?.[part], tree);
}

test('Persian and English have the same keys', () => {
  assert.deepEqual(keys(en).sort(), keys(fa).sort());
});

test('every error code and field-error code has words in every language', () => {
  for (const [name, tree] of Object.entries({ fa, en })) {
    for (const code of [
      ...ERROR_CODES,
      ...IDENTITY_FIELD_ERRORS,
      ...TRACKING_CODE_ERRORS,
      ...CATALOGUE_FIELD_ERRORS,
      ...SURVEY_FIELD_ERRORS,
      ...REQUEST_FIELD_ERRORS,
      ...REPORT_FIELD_ERRORS,
    ]) {
      const words = lookup(tree, `errors.${code}`);
      assert.equal(typeof words, 'string', `${name}: errors.${code}`);
      assert.ok((words as string).length > 0);
    }
  }
});

test('every setting has a label in every language', () => {
  for (const tree of [fa, en]) {
    for (const key of SETTING_KEYS) assert.equal(typeof lookup(tree, `admin.settings.${key}`), 'string', key);
  }
});

test('Persian text uses Persian letters (ی, ک), never the Arabic look-alikes', () => {
  const text = keys(fa)
    .map((key) => lookup(fa, key) as string)
    .join(' ');
  assert.doesNotMatch(text, /[يك]/);
});

test('every word is defined in one file only', () => {
  for (const [language, files] of Object.entries(MESSAGE_FILES)) {
    const seen = new Map<string, string>();
    for (const [file, tree] of Object.entries(files)) {
      for (const key of keys(tree)) {
        assert.equal(seen.get(key), undefined, `${language}: ${key} in ${file} and ${seen.get(key)}`);
        seen.set(key, file);
      }
    }
  }
});
