import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { describeCrash, onRendererGone, RESTART_POLICY } from '../../main/shell/restart';
import { UPDATE_GATE, UPDATE_SCHEDULE, updateGate, updaterSupport } from '../../main/shell/update-gate';

const MIN = 60_000;

describe('the restart policy', () => {
  test('a crash reloads at once; the third within ten minutes is "repeated" and waits 5 s', () => {
    let history: number[] = [];
    const seen = [0, 1, 2, 3, 4, 5, 6].map((minute) => {
      const decision = onRendererGone(history, minute * 60_000, 'crashed');
      history = decision.history;
      return [decision.reload, decision.count, decision.repeated, decision.delayMs];
    });
    assert.deepEqual(seen, [
      [true, 1, false, 0],
      [true, 2, false, 0],
      [true, 3, true, 5_000],
      [true, 4, true, 30_000],
      [true, 5, true, 120_000],
      [true, 6, true, 300_000],
      [true, 7, true, 300_000],
    ]);
  });

  test('crashes older than the window are forgotten', () => {
    const decision = onRendererGone([0, 1 * MIN], 11.5 * MIN, 'oom');
    assert.deepEqual(decision, { history: [11.5 * MIN], reload: true, delayMs: 0, count: 1, repeated: false });
  });

  test('a window that closed cleanly is not reloaded', () => {
    assert.equal(onRendererGone([], 0, 'clean-exit').reload, false);
    for (const reason of ['crashed', 'killed', 'oom', 'abnormal-exit', 'launch-failed', 'integrity-failure']) {
      assert.equal(onRendererGone([], 0, reason).reload, true, reason);
    }
  });

  test('a hung page gets a grace period before it is killed', () => {
    assert.ok(RESTART_POLICY.unresponsiveGraceMs >= 10_000);
  });

  test('the log says what happened and what follows', () => {
    const decision = onRendererGone([0, 1000], 2000, 'crashed');
    assert.equal(
      describeCrash('kiosk', 'crashed', decision),
      "The kiosk screen's renderer is gone (crashed) (3 times in 10 minutes); it is reloaded to its home screen in 5 s.",
    );
  });
});

describe('the update gate', () => {
  const now = Date.parse('2026-01-01T10:00:00Z');
  const at = (msAgo: number) => new Date(now - msAgo).toISOString();

  test('no update while a citizen or a clerk is in the middle of a request', () => {
    assert.deepEqual(updateGate({ now, activity: [{ busy: true, since: at(5 * MIN) }], lastInputAt: now - 10 * MIN }), {
      install: false,
      reason: 'request_in_progress',
    });
    assert.deepEqual(
      updateGate({
        now,
        activity: [
          { busy: false, since: at(60 * MIN) },
          { busy: true, since: at(60 * MIN) },
        ],
        lastInputAt: now - 1000,
      }),
      { install: false, reason: 'request_in_progress' },
    );
  });

  test('not while someone touches the screen, nor right after a face came home', () => {
    assert.deepEqual(updateGate({ now, activity: [{ busy: false, since: at(60 * MIN) }], lastInputAt: now - 30_000 }), {
      install: false,
      reason: 'in_use',
    });
    assert.deepEqual(updateGate({ now, activity: [{ busy: false, since: at(30_000) }], lastInputAt: null }), {
      install: false,
      reason: 'just_finished',
    });
  });

  test('on the home screen, two quiet minutes on: install', () => {
    assert.deepEqual(
      updateGate({
        now,
        activity: [{ busy: false, since: at(UPDATE_GATE.quietMs) }],
        lastInputAt: now - UPDATE_GATE.quietMs,
      }),
      { install: true },
    );
    assert.deepEqual(updateGate({ now, activity: [], lastInputAt: null }), { install: true }, 'nothing reported yet');
  });

  test('a busy report older than the longest idle timeout, with no touch since, does not hold updates for ever', () => {
    const stale = { busy: true, since: at(UPDATE_GATE.staleBusyMs) };
    assert.deepEqual(updateGate({ now, activity: [stale], lastInputAt: now - 5 * MIN }), { install: true });
    assert.deepEqual(updateGate({ now, activity: [stale], lastInputAt: now - 1000 }), {
      install: false,
      reason: 'request_in_progress',
    });
    assert.ok(UPDATE_GATE.staleBusyMs > 900_000, 'longer than the longest kiosk idle timeout');
  });

  test('the updater looks at start and on a schedule', () => {
    assert.ok(UPDATE_SCHEDULE.firstCheckMs <= 5 * MIN);
    assert.ok(UPDATE_SCHEDULE.everyMs >= 60 * MIN && UPDATE_SCHEDULE.everyMs <= 24 * 60 * MIN);
  });
});

describe('which installations update themselves', () => {
  const base = { packaged: true, packageType: null, appImage: undefined };
  test('Windows and the AppImage do; a deb, the sources and other systems do not', () => {
    assert.deepEqual(updaterSupport({ ...base, platform: 'win32' }), { enabled: true });
    assert.deepEqual(updaterSupport({ ...base, platform: 'linux', appImage: '/home/kiosk/Mizban.AppImage' }), {
      enabled: true,
    });
    for (const context of [
      { ...base, platform: 'linux' as const, packageType: 'deb' },
      { ...base, platform: 'linux' as const },
      { ...base, platform: 'win32' as const, packaged: false },
      { ...base, platform: 'darwin' as const },
    ]) {
      const support = updaterSupport(context);
      assert.equal(support.enabled, false, JSON.stringify(context));
    }
    const deb = updaterSupport({ ...base, platform: 'linux', packageType: 'deb' });
    assert.ok(!deb.enabled && /apt/.test(deb.reason));
  });
});
