import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  frequencyTable,
  percentOf,
  roundDiv,
  roundRatio,
  scaleStatistics,
  type Level,
} from '../../main/core/reports/stats';
import { prng } from '../support/random';

const words = (fa: string) => ({ fa, en: fa });
/** A 1-5 scale from best to worst, as seed 001's numbers (عدد طیف) and its 5-level words. */
const FIVE: Level[] = [5, 4, 3, 2, 1].map((value) => ({ value, label: words(String(value)) }));
/** Seed 001's office managers' performance score: counts of 1, 2, 3, 4, 5. */
const MANAGERS = [0, 0, 3, 19, 6];

describe('frequency tables (seed 000)', () => {
  test('"type of service" (n = 396): the cumulative percent comes from the cumulative count, so 54.5, not 54.6', () => {
    const table = frequencyTable([
      { value: 'stat', label: words('اخذ اطلاعات آماری'), count: 108 },
      { value: 'hr', label: words('امور استخدامی و اداری'), count: 108 },
      { value: 'perf', label: words('مدیریت عملکرد'), count: 36 },
      { value: 'edu', label: words('آموزش و پژوهش'), count: 75 },
      { value: 'tech', label: words('نظارت فنی'), count: 69 },
    ]);
    assert.deepEqual(
      table.map((row) => [row.count, row.percent, row.cumulativePercent]),
      [
        [108, 27.3, 27.3],
        [108, 27.3, 54.5],
        [36, 9.1, 63.6],
        [75, 18.9, 82.6],
        [69, 17.4, 100],
      ],
    );
  });

  test('a level nobody chose is listed with 0 and leaves the cumulative percent where it was', () => {
    const table = frequencyTable(
      [288, 72, 0, 36].map((count, i) => ({ value: 4 - i, label: words(String(4 - i)), count })),
    );
    assert.deepEqual(
      table.map((row) => [row.count, row.percent, row.cumulativePercent]),
      [
        [288, 72.7, 72.7],
        [72, 18.2, 90.9],
        [0, 0, 90.9],
        [36, 9.1, 100],
      ],
    );
  });

  test('an empty table is all zeros, never NaN', () => {
    assert.deepEqual(
      frequencyTable([{ value: 1, label: words('1'), count: 0 }]).map((row) => [row.percent, row.cumulativePercent]),
      [[0, 0]],
    );
  });
});

describe('rounding: half away from zero, on the exact ratio', () => {
  test('ties go away from zero, where binary floating point would go down', () => {
    assert.equal(roundRatio(201n, 200n, 2), 1.01); // 1.005: Math.round(1.005 * 100) / 100 gives 1
    assert.equal(roundRatio(-201n, 200n, 2), -1.01);
    assert.equal(roundRatio(1n, 8n, 2), 0.13); // 0.125
    assert.equal(percentOf(1, 8), 12.5);
    assert.equal(percentOf(1, 16), 6.3); // 6.25
    assert.equal(percentOf(216, 396), 54.5);
    assert.equal(roundDiv(5n, 2n), 3n);
    assert.equal(roundDiv(-5n, 2n), -3n);
  });
});

describe('Likert statistics (seed 001)', () => {
  test("office managers' performance 0, 0, 3, 19, 6: mean 4.11, median 4, mode 4, sd 0.56, variance 0.31 (divided by n)", () => {
    const stats = scaleStatistics(FIVE, [...MANAGERS].reverse(), 0, 70);
    assert.equal(stats.n, 28);
    assert.equal(stats.mean, 4.11);
    assert.equal(stats.median, 4);
    assert.deepEqual(stats.modes, [4]);
    assert.equal(stats.sd, 0.56);
    assert.equal(stats.variance, 0.31);
    assert.deepEqual(
      stats.frequencies.map((row) => row.percent),
      [21.4, 67.9, 10.7, 0, 0],
    );
  });

  test("citizens' overall satisfaction 68, 38, 20, 3, 6: acceptance 50.4% + 28.1% = 78.5%, the 70% target met", () => {
    const stats = scaleStatistics(FIVE, [68, 38, 20, 3, 6], 0, 70);
    assert.equal(stats.n, 135);
    assert.equal(stats.acceptance, 78.5);
    assert.equal(stats.targetMet, true);
    assert.equal(scaleStatistics(FIVE, [68, 38, 20, 3, 6], 0, 80).targetMet, false);
  });

  test('"no opinion" is counted apart and left out of every statistic', () => {
    const without = scaleStatistics(FIVE, [68, 38, 20, 3, 6], 0, 70);
    const withSome = scaleStatistics(FIVE, [68, 38, 20, 3, 6], 40, 70);
    assert.equal(withSome.noOpinion, 40);
    assert.deepEqual({ ...withSome, noOpinion: 0 }, without);
  });

  test('an even n: the median is the average of the two middle values; every most frequent value is a mode', () => {
    const stats = scaleStatistics(FIVE, [0, 2, 0, 2, 0], 0, 70);
    assert.equal(stats.median, 3);
    assert.deepEqual(stats.modes, [2, 4]);
    assert.equal(scaleStatistics(FIVE, [1, 0, 0, 1, 0], 0, 70).median, 3.5);
  });

  test('the acceptance as printed is compared with the target', () => {
    // 699 of 999 is 69.97%, printed 70.0: a report must not show 70.0 under a target of 70 as missed.
    const stats = scaleStatistics(FIVE, [699, 0, 300, 0, 0], 0, 70);
    assert.equal(stats.acceptance, 70);
    assert.equal(stats.targetMet, true);
  });

  test('no answers: no statistics, and no verdict on the target', () => {
    const stats = scaleStatistics(FIVE, [0, 0, 0, 0, 0], 3, 70);
    assert.deepEqual(
      [stats.n, stats.noOpinion, stats.mean, stats.median, stats.modes, stats.sd, stats.variance, stats.acceptance],
      [0, 3, null, null, [], null, null, null],
    );
    assert.equal(stats.targetMet, null);
  });
});

/** The textbook formulas on a plain list of values, in floating point. */
function reference(values: number[]) {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / n;
  const sorted = [...values].sort((a, b) => a - b);
  const median =
    n % 2 ? (sorted[(n - 1) / 2] as number) : ((sorted[n / 2 - 1] as number) + (sorted[n / 2] as number)) / 2;
  const counts = new Map<number, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  const highest = Math.max(...counts.values());
  const modes = [...counts]
    .filter(([, c]) => c === highest)
    .map(([v]) => v)
    .sort((a, b) => a - b);
  return { mean, variance, sd: Math.sqrt(variance), median, modes };
}

/** A correct rounding to two decimals of `exact`: within half a hundredth, and a whole number of hundredths. */
function roundsTo(actual: number | null, exact: number, what: string) {
  assert.ok(actual !== null, what);
  assert.ok(Math.abs(actual - exact) <= 0.005 + 1e-9, `${what}: ${actual} vs ${exact}`);
  assert.ok(Math.abs(actual * 100 - Math.round(actual * 100)) < 1e-6, `${what}: ${actual} has two decimals`);
}

test('the statistics agree with a plain reference implementation on random data (seeded)', () => {
  const random = prng(20_240_101);
  for (let run = 0; run < 300; run++) {
    const levels = FIVE.slice(0, 2 + Math.floor(random() * 4));
    const n = 1 + Math.floor(random() * (run < 100 ? 12 : 5_000));
    const values = Array.from(
      { length: n },
      () => (levels[Math.floor(random() ** 1.5 * levels.length)] as Level).value,
    );
    const counts = levels.map((level) => values.filter((value) => value === level.value).length);
    const stats = scaleStatistics(levels, counts, 0, 70);
    const expected = reference(values);
    assert.equal(stats.n, n);
    roundsTo(stats.mean, expected.mean, 'mean');
    roundsTo(stats.variance, expected.variance, 'variance');
    roundsTo(stats.sd, expected.sd, 'sd');
    assert.equal(stats.median, expected.median);
    assert.deepEqual(stats.modes, expected.modes);
    const best2 = values.filter((value) => value >= (levels[1] as Level).value).length;
    assert.ok(Math.abs((stats.acceptance as number) - (100 * best2) / n) <= 0.05 + 1e-9);
    let cumulative = 0;
    stats.frequencies.forEach((row, i) => {
      cumulative += counts[i] as number;
      assert.ok(Math.abs(row.percent - (100 * row.count) / n) <= 0.05 + 1e-9);
      assert.ok(Math.abs(row.cumulativePercent - (100 * cumulative) / n) <= 0.05 + 1e-9);
    });
  }
});
