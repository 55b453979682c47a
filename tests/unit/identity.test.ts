import assert from 'node:assert/strict';
import { test } from 'node:test';
import { z } from 'zod';
import { toPersianDigits } from '../../main/core/contract';
import {
  checkLegalId,
  checkMobile,
  checkNationalCode,
  companyNameSchema,
  legalIdSchema,
  maskMobile,
  maskNationalCode,
  mobileLastFour,
  mobileSchema,
  nationalCodeSchema,
  normalizeDigits,
  normalizePersianText,
  personNameSchema,
  searchKey,
} from '../../main/core/contract/identity';

const ZWNJ = '\u200c';

/** Arabic-Indic digits (٠-٩), as Arabic keyboards and some phones type them. */
function toArabicIndicDigits(text: string): string {
  return text.replace(/[0-9]/g, (d) => String.fromCharCode(0x0660 + Number(d)));
}

/** The published algorithm, written again here so that the tests do not trust the code under test. */
function nationalCheckDigit(firstNine: string): number {
  const sum = [...firstNine].reduce((total, d, i) => total + Number(d) * (10 - i), 0);
  const remainder = sum % 11;
  return remainder < 2 ? remainder : 11 - remainder;
}

function legalCheckDigit(firstTen: string): number {
  const weights = [29, 27, 23, 19, 17, 29, 27, 23, 19, 17];
  const shift = Number(firstTen[9]) + 2;
  const sum = [...firstTen].reduce((total, d, i) => total + (Number(d) + shift) * (weights[i] ?? 0), 0);
  return sum % 11 === 10 ? 0 : sum % 11;
}

/** Spread-out prefixes (a multiplier coprime to 10^n walks the whole range), repeatable without a PRNG. */
function prefixes(count: number, length: number): string[] {
  const modulus = 10 ** length;
  return Array.from({ length: count }, (_, i) => String((i * 7_919_333 + 4_111) % modulus).padStart(length, '0'));
}

const KNOWN_NATIONAL_CODES = [
  // Examples used by public validators (persian-tools and others); each checks by hand.
  '0499370899',
  '0790419904',
  '0084575948',
  '0963695398',
  '0684159414',
  '0067749828',
  '0076229645',
  '1583250689',
  '4608968882',
];

test('digits: Persian, Arabic-Indic and Latin all read as Latin', () => {
  assert.equal(normalizeDigits('۰۹۱۲ ٣٤٥ 6789'), '0912 345 6789');
});

test('national code: known codes are accepted, written with any digits, spaces or dashes', () => {
  for (const code of KNOWN_NATIONAL_CODES) {
    assert.deepEqual(checkNationalCode(code), { ok: true, value: code });
    assert.deepEqual(checkNationalCode(toPersianDigits(code)), { ok: true, value: code });
    assert.deepEqual(checkNationalCode(toArabicIndicDigits(code)), { ok: true, value: code });
    const grouped = `${code.slice(0, 3)}-${code.slice(3, 9)}-${code.slice(9)}`;
    assert.deepEqual(checkNationalCode(` ${grouped} `), { ok: true, value: code });
    assert.deepEqual(checkNationalCode(toPersianDigits(code.replace(/(\d{3})/g, '$1 '))), { ok: true, value: code });
  }
});

test('national code: every generated valid code passes, every other check digit fails', () => {
  let checked = 0;
  for (const firstNine of prefixes(1000, 9)) {
    const check = nationalCheckDigit(firstNine);
    const code = firstNine + check;
    if (/^(\d)\1{9}$/.test(code)) continue;
    assert.deepEqual(checkNationalCode(code), { ok: true, value: code });
    for (let wrong = 0; wrong < 10; wrong++) {
      if (wrong === check) continue;
      assert.deepEqual(checkNationalCode(firstNine + wrong), { ok: false, error: 'nationalCode.checksum' }, code);
      checked++;
    }
  }
  assert.ok(checked > 8900);
});

test('national code: known wrong codes fail the checksum', () => {
  for (const code of ['0684159415', '1234567890', '0000000001', '0499370898']) {
    assert.deepEqual(checkNationalCode(code), { ok: false, error: 'nationalCode.checksum' }, code);
  }
});

test('national code: every code of one repeated digit is refused, though each passes the checksum', () => {
  for (let d = 0; d <= 9; d++) {
    const code = String(d).repeat(10);
    assert.equal(nationalCheckDigit(code.slice(0, 9)), d, 'the checksum alone would accept it');
    assert.deepEqual(checkNationalCode(code), { ok: false, error: 'nationalCode.repeated' });
    assert.deepEqual(checkNationalCode(toPersianDigits(code)), { ok: false, error: 'nationalCode.repeated' });
  }
});

test('national code: empty is required; wrong length or other characters is a length error', () => {
  for (const text of ['', '   ', ' - ']) {
    assert.deepEqual(checkNationalCode(text), { ok: false, error: 'nationalCode.required' }, JSON.stringify(text));
  }
  // 499370899 would pass if padded with a zero (0499370899); it is refused, not guessed.
  for (const text of ['123', '499370899', '04993708990', '04993708a9', '0499.370899', '۰۴۹۹۳۷۰۸۹']) {
    assert.deepEqual(checkNationalCode(text), { ok: false, error: 'nationalCode.length' }, text);
  }
});

test('national code schema: the normalised code out, the error code as the issue message', () => {
  assert.deepEqual(nationalCodeSchema.safeParse('۰۴۹-۹۳۷۰۸۹-۹'), { success: true, data: '0499370899' });
  const messages = (input: unknown) => nationalCodeSchema.safeParse(input).error?.issues.map((i) => i.message);
  assert.deepEqual(messages(undefined), ['nationalCode.required']);
  assert.deepEqual(messages(''), ['nationalCode.required']);
  assert.deepEqual(messages('12'), ['nationalCode.length']);
  assert.deepEqual(messages('1111111111'), ['nationalCode.repeated']);
  assert.deepEqual(messages('0499370898'), ['nationalCode.checksum']);
  // Inside an object, the issue's path names the field: what the router reports.
  const form = z.object({ nationalCode: nationalCodeSchema, mobile: mobileSchema });
  const issues = form.safeParse({ nationalCode: '0499370898', mobile: '021 1234 5678' }).error?.issues ?? [];
  assert.deepEqual(
    issues.map((i) => [i.path.join('.'), i.message]),
    [
      ['nationalCode', 'nationalCode.checksum'],
      ['mobile', 'mobile.invalid'],
    ],
  );
});

test('legal ID: a published ID and generated ones pass, written with any digits', () => {
  assert.deepEqual(checkLegalId('10380284790'), { ok: true, value: '10380284790' });
  assert.deepEqual(checkLegalId('۱۰۳۸۰۲۸۴۷۹۰'), { ok: true, value: '10380284790' });
  assert.deepEqual(checkLegalId('١٠٣٨٠٢٨٤٧٩٠'), { ok: true, value: '10380284790' });
  assert.deepEqual(checkLegalId('1038 0284 790'), { ok: true, value: '10380284790' });
  for (const firstTen of prefixes(500, 10)) {
    const id = firstTen + legalCheckDigit(firstTen);
    if (/^(\d)\1{10}$/.test(id)) continue;
    assert.deepEqual(checkLegalId(id), { ok: true, value: id });
  }
});

test('legal ID: every other check digit fails; a changed digit fails wherever the algorithm can see it', () => {
  // Published as invalid next to 10380284790 (persian-tools tests).
  for (const id of ['10380284792', '10380285692', '09748208301']) {
    assert.deepEqual(checkLegalId(id), { ok: false, error: 'legalId.checksum' }, id);
  }
  let refused = 0;
  let mutations = 0;
  for (const firstTen of prefixes(300, 10)) {
    const id = firstTen + legalCheckDigit(firstTen);
    for (let wrong = 0; wrong < 10; wrong++) {
      if (String(wrong) === id[10]) continue;
      assert.deepEqual(checkLegalId(firstTen + wrong), { ok: false, error: 'legalId.checksum' });
    }
    for (let position = 0; position < 10; position++) {
      for (let digit = 0; digit < 10; digit++) {
        if (String(digit) === id[position]) continue;
        const changed = id.slice(0, position) + digit + id.slice(position + 1);
        // A remainder of 10 is written 0, so a change between remainders 0 and 10 goes unseen.
        const visible = legalCheckDigit(changed.slice(0, 10)) !== Number(changed[10]);
        mutations++;
        if (visible) refused++;
        assert.equal(checkLegalId(changed).ok, !visible, changed);
      }
    }
  }
  assert.ok(refused / mutations > 0.9, `${refused} of ${mutations} single-digit changes refused`);
});

test('legal ID: required, length, and one repeated digit (all zeros; 33333333333 passes the checksum)', () => {
  assert.deepEqual(checkLegalId(''), { ok: false, error: 'legalId.required' });
  for (const id of ['1038028479', '103802847900', '1038028479x']) {
    assert.deepEqual(checkLegalId(id), { ok: false, error: 'legalId.length' }, id);
  }
  assert.equal(legalCheckDigit('3333333333'), 3);
  for (let d = 0; d <= 9; d++) {
    assert.deepEqual(checkLegalId(String(d).repeat(11)), { ok: false, error: 'legalId.repeated' });
  }
  assert.deepEqual(legalIdSchema.safeParse('۱۰۳۸۰۲۸۴۷۹۰'), { success: true, data: '10380284790' });
  assert.deepEqual(
    legalIdSchema.safeParse(undefined).error?.issues.map((i) => i.message),
    ['legalId.required'],
  );
});

test('mobile: every common form becomes 09xxxxxxxxx', () => {
  const forms = [
    '09121234567',
    '9121234567',
    '+989121234567',
    '00989121234567',
    '989121234567',
    '0912 123 4567',
    '0912-123-4567',
    '(0912) 123-4567',
    '+98 912 123 4567',
    '+98 (0)912 123 4567',
    '0098-912-123-4567',
    '۰۹۱۲۱۲۳۴۵۶۷',
    '۰۹۱۲ ۱۲۳ ۴۵۶۷',
    '+۹۸۹۱۲۱۲۳۴۵۶۷',
    '٠٩١٢١٢٣٤٥٦٧',
    '٠٩١٢-١٢٣-٤٥٦٧',
  ];
  for (const form of forms) assert.deepEqual(checkMobile(form), { ok: true, value: '09121234567' }, form);
  assert.deepEqual(checkMobile('0935 000 0000'), { ok: true, value: '09350000000' });
  assert.deepEqual(checkMobile('+98 990 111 2233'), { ok: true, value: '09901112233' });
});

test('mobile: landlines, wrong lengths and other countries are invalid; empty is required', () => {
  for (const text of ['', '  ', '()']) assert.deepEqual(checkMobile(text), { ok: false, error: 'mobile.required' });
  const invalid = [
    '0912123456',
    '091212345678',
    '912123456',
    '02112345678',
    '021-1234-5678',
    '+982112345678',
    '08112345678',
    '0811 234 5678',
    '+19121234567',
    '+98912123456',
    '0912abc4567',
    '09121234567+',
    '989121234',
  ];
  for (const text of invalid) assert.deepEqual(checkMobile(text), { ok: false, error: 'mobile.invalid' }, text);
  assert.deepEqual(mobileSchema.safeParse('+98 912 123 4567'), { success: true, data: '09121234567' });
  assert.deepEqual(
    mobileSchema.safeParse(null).error?.issues.map((i) => i.message),
    ['mobile.required'],
  );
});

test('masks show only the last four digits', () => {
  assert.equal(maskMobile('09121234567'), '*******4567');
  assert.equal(maskNationalCode('0499370899'), '******0899');
  assert.equal(mobileLastFour('09121234567'), '4567');
});

test('Persian text: one spelling for ی and ک, no tatweel or vowel marks, whitespace collapsed', () => {
  assert.equal(normalizePersianText('علي كريمي'), 'علی کریمی');
  assert.equal(normalizePersianText('مصطفى'), 'مصطفی');
  assert.equal(normalizePersianText('مُحَمَّد'), 'محمد');
  assert.equal(normalizePersianText('تهـــران'), 'تهران');
  assert.equal(normalizePersianText('  علی \t\n  رضایی\u00a0 '), 'علی رضایی');
  // Presentation forms, as text copied out of a PDF carries them.
  assert.equal(normalizePersianText('ﻋﻠﯽ'), 'علی');
  // ۀ and ئ keep their hamza: it is part of the spelling, not a vowel mark.
  assert.equal(normalizePersianText('خانۀ'), 'خانۀ');
  assert.equal(normalizePersianText('مسئول'), 'مسئول');
  assert.equal(normalizePersianText('Ali  Rezaei'), 'Ali Rezaei');
  assert.equal(normalizePersianText('پلاک ۱۲'), 'پلاک ۱۲', 'digits are left as typed');
});

test('Persian text: the half-space is kept, its wrong forms become one', () => {
  const right = `می${ZWNJ}خواهم`;
  assert.equal(normalizePersianText(right), right);
  for (const wrong of [
    `می ${ZWNJ}خواهم`,
    `می${ZWNJ} خواهم`,
    `می ${ZWNJ} خواهم`,
    `می${ZWNJ}${ZWNJ}خواهم`,
    `می\u200f${ZWNJ}خواهم`,
    `می${ZWNJ}\u200eخواهم`,
    `می\u200e${ZWNJ}\u200fخواهم`,
    `می${ZWNJ}\u200b${ZWNJ}خواهم`,
    `${ZWNJ} می${ZWNJ}خواهم ${ZWNJ}`,
  ]) {
    assert.equal(normalizePersianText(wrong), right, JSON.stringify(wrong));
  }
  // Direction marks elsewhere are invisible and joining-transparent: dropped.
  assert.equal(normalizePersianText('\u200fعلی\u202b رضایی\u202c\ufeff'), 'علی رضایی');
});

test('search key: spellings people use for the same words compare equal', () => {
  const same = [
    [`می${ZWNJ}خواهم`, 'میخواهم', 'می خواهم', `مي${ZWNJ}خواهم`, `مى ${ZWNJ}خواهم`],
    [`کتاب${ZWNJ}ها`, 'کتاب ها', 'كتابها'],
    ['مؤسسه', 'موسسه'],
    ['مأمور', 'مامور'],
    ['خانۀ', 'خانه', 'خانهٔ'],
    ['فاطمة', 'فاطمه'],
    ['Ali Rezaei', 'ali rezaei', 'ALI-REZAEI'],
    ['۱۲۳', '123', '١٢٣'],
    ['شرکت آلفا (سهامی خاص)', 'شرکت آلفا سهامی خاص'],
  ];
  for (const group of same) {
    for (const text of group) assert.equal(searchKey(text), searchKey(group[0] ?? ''), text);
  }
  assert.notEqual(searchKey('علی'), searchKey('عالی'));
  assert.notEqual(searchKey('آرش'), searchKey('ارش'), 'آ is a letter of its own');
});

test('person name schema: normalised letters, spaces and half-spaces, 2 to 80 characters', () => {
  const parse = (input: unknown) => personNameSchema.safeParse(input);
  assert.deepEqual(parse(' علي   كريمي '), { success: true, data: 'علی کریمی' });
  assert.deepEqual(parse(`محمد ${ZWNJ}رضا`), { success: true, data: `محمد${ZWNJ}رضا` });
  for (const name of ['ژیلا گودرزی', 'پگاه چگینی', 'John Smith', 'Zoë Brontë', 'آیدا', 'رئوف', 'اب']) {
    assert.deepEqual(parse(name), { success: true, data: name }, name);
  }
  assert.equal(parse('ب'.repeat(80)).success, true);
  const messages = (input: unknown) => parse(input).error?.issues.map((i) => i.message);
  for (const input of [undefined, null, '', '   ', ZWNJ]) assert.deepEqual(messages(input), ['name.required']);
  for (const name of ['ب', 'ب'.repeat(81), 'علی۲', 'Ali2', 'O’Brien', 'علی-رضا', 'Ali@mail', 'علی 😀', 'Иван']) {
    assert.deepEqual(messages(name), ['name.invalid'], name);
  }
});

test('company name schema: letters with digits and punctuation, 2 to 120 characters', () => {
  const parse = (input: unknown) => companyNameSchema.safeParse(input);
  assert.deepEqual(parse('شركت  صنايع ۲۰۰۰ (سهامی خاص)'), { success: true, data: 'شرکت صنایع ۲۰۰۰ (سهامی خاص)' });
  for (const name of ['Pars & Co.', 'تعاونی مسکن «امید»', 'R+D', 'ب'.repeat(120)]) {
    assert.deepEqual(parse(name), { success: true, data: name }, name);
  }
  const messages = (input: unknown) => parse(input).error?.issues.map((i) => i.message);
  for (const input of [undefined, '', '  ']) assert.deepEqual(messages(input), ['company.required']);
  for (const name of ['ب', '۱۲۳', '(-)', 'ب'.repeat(121), 'شرکت 😀', 'شرکت\u0007', 'A<B>']) {
    assert.deepEqual(messages(name), ['company.invalid'], name);
  }
});
