import assert from 'node:assert/strict';
import { test } from 'node:test';
import { customerDisplayBounds, type ScreenInfo } from '../../main/shell/customer-display';

const primary: ScreenInfo = { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, primary: true };
const right: ScreenInfo = { id: 2, bounds: { x: 1920, y: 0, width: 1280, height: 1024 } };
const left: ScreenInfo = { id: 3, bounds: { x: -1024, y: 0, width: 1024, height: 768 }, primary: false };

test('a counter with one screen has no customer display', () => {
  assert.equal(customerDisplayBounds({ role: 'counter', handoff: 'display', displays: [primary] }), null);
  assert.equal(customerDisplayBounds({ role: 'counter', handoff: 'display', displays: [] }), null);
});

test('a counter with two screens opens it on the one that is not primary', () => {
  assert.deepEqual(customerDisplayBounds({ role: 'counter', handoff: 'display', displays: [primary, right] }), {
    x: 1920,
    y: 0,
    width: 1280,
    height: 1024,
  });
  assert.deepEqual(
    customerDisplayBounds({ role: 'counter', handoff: 'display', displays: [right, primary] }),
    right.bounds,
    'whatever order the OS lists them in',
  );
});

test('with three screens, the first that is not primary', () => {
  assert.deepEqual(
    customerDisplayBounds({ role: 'counter', handoff: 'display', displays: [primary, left, right] }),
    left.bounds,
  );
  assert.deepEqual(
    customerDisplayBounds({ role: 'counter', handoff: 'display', displays: [right, primary, left] }),
    right.bounds,
  );
});

test('a kiosk or admin terminal has none, however many screens', () => {
  for (const role of ['kiosk', 'admin'] as const) {
    assert.equal(customerDisplayBounds({ role, handoff: 'display', displays: [primary, right] }), null, role);
  }
});

test('a counter that hands over on a slip has none', () => {
  assert.equal(customerDisplayBounds({ role: 'counter', handoff: 'slip', displays: [primary, right] }), null);
});

test('without a primary screen the counter window could be on either: none', () => {
  assert.equal(customerDisplayBounds({ role: 'counter', handoff: 'display', displays: [right, left] }), null);
});
