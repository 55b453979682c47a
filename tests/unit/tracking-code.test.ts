import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toPersianDigits } from '../../main/core/contract';
import {
  dammCheckDigit,
  formatTrackingCode,
  makeTrackingCode,
  parseTrackingCode,
  trackingCodeSchema,
} from '../../main/core/contract/tracking-code';
import { prng } from '../support/random';

function sampleCodes(count: number, seed: number): { code: string; terminal: number; sequence: number }[] {
  const random = prng(seed);
  return Array.from({ length: count }, () => {
    const terminal = 1 + Math.floor(random() * 999);
    const sequence = 1 + Math.floor(random() * 9_999_999);
    return { code: makeTrackingCode(terminal, sequence), terminal, sequence };
  });
}

const replaceAt = (text: string, index: number, by: string) =>
  text.slice(0, index) + by + text.slice(index + by.length);

test('Damm: the published example, and a code ending in its check digit gives 0', () => {
  // Wikipedia's worked example: 572 has check digit 4.
  assert.equal(dammCheckDigit('572'), 4);
  assert.equal(dammCheckDigit('5724'), 0);
  assert.equal(dammCheckDigit(''), 0);
  assert.throws(() => dammCheckDigit('12a'), RangeError);
  assert.throws(() => dammCheckDigit('۱۲'), RangeError);
});

test('Damm: the table has the properties that make the claim hold for every code, not only a sample', () => {
  // A one-digit prefix reaching each interim value: row 0 of the table is a permutation.
  const reach = new Map<number, string>();
  for (let d = 0; d <= 9; d++) reach.set(dammCheckDigit(String(d)), String(d));
  assert.equal(reach.size, 10);
  for (const [interim, prefix] of reach) {
    // Each row is a permutation: a changed digit changes the interim value ...
    const row = new Set(Array.from({ length: 10 }, (_, x) => dammCheckDigit(prefix + x)));
    assert.equal(row.size, 10, `row ${interim}`);
    for (let x = 0; x <= 9; x++) {
      for (let y = 0; y <= 9; y++) {
        // ... weak total anti-symmetry: swapping two different neighbours changes it too ...
        if (x !== y) assert.notEqual(dammCheckDigit(`${prefix}${x}${y}`), dammCheckDigit(`${prefix}${y}${x}`));
      }
    }
  }
  // ... and each column is a permutation, so the digits after it can never undo the difference.
  for (let d = 0; d <= 9; d++) {
    const column = new Set([...reach.values()].map((prefix) => dammCheckDigit(prefix + d)));
    assert.equal(column.size, 10, `column ${d}`);
  }
});

test('every single-digit error and every swap of neighbours is refused, on 2,000 random codes', () => {
  let substitutions = 0;
  let swaps = 0;
  for (const { code } of sampleCodes(2000, 20_251_123)) {
    assert.equal(code.length, 11);
    for (let position = 0; position < code.length; position++) {
      for (let digit = 0; digit <= 9; digit++) {
        if (String(digit) === code[position]) continue;
        const wrong = replaceAt(code, position, String(digit));
        assert.deepEqual(parseTrackingCode(wrong), { ok: false, error: 'trackingCode.checksum' }, `${code} → ${wrong}`);
        substitutions++;
      }
    }
    for (let position = 0; position + 1 < code.length; position++) {
      const [a, b] = [code.charAt(position), code.charAt(position + 1)];
      if (a === b) continue;
      const swapped = replaceAt(code, position, b + a);
      assert.deepEqual(
        parseTrackingCode(swapped),
        { ok: false, error: 'trackingCode.checksum' },
        `${code} → ${swapped}`,
      );
      swaps++;
    }
  }
  assert.equal(substitutions, 2000 * 11 * 9);
  assert.ok(swaps > 2000 * 5, `${swaps} swaps`);
});

test('make → format → parse gives back the terminal and the sequence, however the code is typed', () => {
  const code = makeTrackingCode(1, 123);
  assert.match(code, /^0010000123\d$/);
  assert.equal(formatTrackingCode(code), `001-0000123-${code[10]}`);
  for (const { code, terminal, sequence } of [
    ...sampleCodes(500, 7),
    { code: makeTrackingCode(999, 9_999_999), terminal: 999, sequence: 9_999_999 },
    { code: makeTrackingCode(1, 1), terminal: 1, sequence: 1 },
  ]) {
    const printed = formatTrackingCode(code);
    assert.match(printed, /^\d{3}-\d{7}-\d$/);
    const expected = { ok: true, code, terminal, sequence };
    assert.deepEqual(parseTrackingCode(printed), expected);
    assert.deepEqual(parseTrackingCode(code), expected);
    assert.deepEqual(parseTrackingCode(toPersianDigits(printed)), expected);
    assert.deepEqual(parseTrackingCode(` ${printed.replace(/-/g, ' ')} `), expected);
    const arabicIndic = code.replace(/[0-9]/g, (d) => String.fromCharCode(0x0660 + Number(d)));
    assert.deepEqual(parseTrackingCode(arabicIndic), expected);
  }
});

test('codes are unique across terminals that never talk to each other', () => {
  const sameSequence = new Set(Array.from({ length: 999 }, (_, i) => makeTrackingCode(i + 1, 42)));
  assert.equal(sameSequence.size, 999);
  const sample = sampleCodes(5000, 99);
  const pairs = new Set(sample.map(({ terminal, sequence }) => `${terminal}/${sequence}`));
  assert.equal(new Set(sample.map(({ code }) => code)).size, pairs.size);
});

test('terminal and sequence outside their ranges are range errors', () => {
  for (const [terminal, sequence] of [
    [0, 1],
    [1000, 1],
    [-1, 1],
    [1.5, 1],
    [Number.NaN, 1],
    [1, 0],
    [1, 10_000_000],
    [1, 2.5],
    [1, Number.POSITIVE_INFINITY],
  ] as const) {
    assert.throws(() => makeTrackingCode(terminal, sequence), RangeError, `${terminal}, ${sequence}`);
  }
  assert.throws(() => formatTrackingCode('123'), RangeError);
  assert.throws(() => formatTrackingCode('0010000123a'), RangeError);
});

test('parse: empty is required, a wrong number of digits is length, a code never issued is refused', () => {
  for (const text of ['', '   ', '-']) {
    assert.deepEqual(parseTrackingCode(text), { ok: false, error: 'trackingCode.required' }, JSON.stringify(text));
  }
  const code = makeTrackingCode(12, 3456);
  for (const text of [code.slice(0, 10), `${code}0`, `${code.slice(0, 10)}x`, '۱۲۳']) {
    assert.deepEqual(parseTrackingCode(text), { ok: false, error: 'trackingCode.length' }, text);
  }
  // Both pass the Damm check, but no terminal 000 or sequence 0 ever issued them.
  const zeroTerminal = `0000000123${dammCheckDigit('0000000123')}`;
  const zeroSequence = `0070000000${dammCheckDigit('0070000000')}`;
  for (const text of [zeroTerminal, zeroSequence]) {
    assert.deepEqual(parseTrackingCode(text), { ok: false, error: 'trackingCode.checksum' }, text);
  }
});

test('schema: the bare 11-digit code out, the error code as the issue message', () => {
  const code = makeTrackingCode(7, 1);
  assert.deepEqual(trackingCodeSchema.safeParse(toPersianDigits(formatTrackingCode(code))), {
    success: true,
    data: code,
  });
  const messages = (input: unknown) => trackingCodeSchema.safeParse(input).error?.issues.map((i) => i.message);
  assert.deepEqual(messages(undefined), ['trackingCode.required']);
  assert.deepEqual(messages(''), ['trackingCode.required']);
  assert.deepEqual(messages('123'), ['trackingCode.length']);
  assert.deepEqual(messages(replaceAt(code, 4, code[4] === '1' ? '2' : '1')), ['trackingCode.checksum']);
});
