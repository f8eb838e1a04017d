// Joining the collector's answers from a tab's frames (extension/frames.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mergeFrames } from '../../extension/frames.js';

const top = { url: 'https://app.example.org/login', title: 'Sign in', text: 'Welcome', alerts: [], forms: [], resend: [], codes: [], viewport: [1280, 800] };
const widget = { text: 'Invalid code', alerts: ['Invalid code'], forms: [{ inputs: [{ autocomplete: 'one-time-code' }] }], resend: [], codes: [], viewport: [400, 300] };

test('no top frame (a browser error page runs no script): null', () => {
  assert.equal(mergeFrames([]), null);
  assert.equal(mergeFrames(null), null);
  assert.equal(mergeFrames([{ frameId: 3, result: widget }]), null);
});

test('the top frame alone comes back without its viewport', () => {
  const { viewport: _, ...page } = top;
  assert.deepEqual(mergeFrames([{ frameId: 0, result: top }]), page);
});

test('a shown login widget in a frame joins the top frame', () => {
  const got = mergeFrames([{ frameId: 0, result: top }, { frameId: 7, result: widget }]);
  assert.equal(got.text, 'Welcome\nInvalid code');
  assert.deepEqual(got.alerts, ['Invalid code']);
  assert.equal(got.forms.length, 1);
  assert.equal(got.url, top.url);
  assert.equal('viewport' in got, false);
});

test('hidden frames, frames without a widget and broken answers are left out', () => {
  const hidden = { ...widget, viewport: [1, 1] };
  const ad = { text: 'Buy now', alerts: [], forms: [], resend: [], codes: [], viewport: [300, 250] };
  const got = mergeFrames([{ frameId: 0, result: top }, { frameId: 1, result: hidden }, { frameId: 2, result: ad }, { frameId: 3, result: null }, null]);
  const { viewport: _, ...page } = top;
  assert.deepEqual(got, page);
});

test('the joined page stays within its limits', () => {
  const many = Array.from({ length: 20 }, (_, i) => ({
    frameId: i + 1,
    result: { ...widget, alerts: [`alert ${i}`, `alert ${i} again`], forms: [{ inputs: Array.from({ length: 30 }, () => ({})) }] },
  }));
  const got = mergeFrames([{ frameId: 0, result: top }, ...many]);
  assert.ok(got.alerts.length <= 20);
  assert.ok(got.forms.reduce((n, f) => n + f.inputs.length, 0) <= 100);
  // Eight embedded frames at most.
  assert.equal(got.text.split('\n').length, 1 + 8);
});
