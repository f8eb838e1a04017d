// The messages between the extension's contexts (extension/messages.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fromOwnPage, isTrailReply, isTrailRequest, NO_TRAIL, trailRequest } from '../../extension/messages.js';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const BASE = `chrome-extension://${ID}/`;

test('a trail request is built and recognised; malformed ones are not', () => {
  assert.deepEqual(trailRequest(42), { type: 'trail', tabId: 42 });
  assert.equal(isTrailRequest(trailRequest(42)), true);
  for (const bad of [null, 'trail', {}, { type: 'trail' }, { type: 'trail', tabId: '42' }, { type: 'trail', tabId: 1.5 }, { type: 'trail', tabId: -1 }, { type: 'report', tabId: 1 }]) {
    assert.equal(isTrailRequest(bad), false, JSON.stringify(bad));
  }
});

test('a trail reply holds events and bytes', () => {
  assert.equal(isTrailReply({ events: [{ url: 'https://a.example/' }], bytes: 30 }), true);
  assert.equal(isTrailReply(NO_TRAIL), true);
  for (const bad of [undefined, null, {}, { events: 'x', bytes: 0 }, { events: [] }]) assert.equal(isTrailReply(bad), false);
});

test('only the extension own pages are answered', () => {
  assert.equal(fromOwnPage({ id: ID, url: `${BASE}popup.html?tab=3` }, ID, BASE), true);
  // A content script of this extension carries the web page's URL.
  assert.equal(fromOwnPage({ id: ID, url: 'https://evil.example/' }, ID, BASE), false);
  // Another extension, or no sender at all.
  assert.equal(fromOwnPage({ id: 'other', url: `chrome-extension://other/popup.html` }, ID, BASE), false);
  assert.equal(fromOwnPage(undefined, ID, BASE), false);
  assert.equal(fromOwnPage({ id: ID }, ID, BASE), false);
  assert.equal(fromOwnPage({ id: ID, url: `${BASE}x.html` }, ID, ''), false);
});

// The support page and its HAR worker (support.js <-> har-worker.js).
import {
  errorReply,
  harRequest,
  harWorkerRefusal,
  isHarRequest,
  isHarWorkerReply,
  isVerifyRequest,
  PARSING,
  progressReply,
  resultReply,
  verifiedReply,
  verifyRequest,
} from '../../extension/messages.js';

test('the HAR worker takes a verify request or a HAR file, built by their builders', () => {
  const file = new Blob(['{"log":{}}']);
  assert.deepEqual(verifyRequest('# report'), { verify: '# report' });
  assert.deepEqual(harRequest(file), { file, published: [] });
  assert.deepEqual(harRequest(file, ['https://app.example/']), { file, published: ['https://app.example/'] });
  assert.equal(isVerifyRequest(verifyRequest('')), true);
  assert.equal(isHarRequest(harRequest(file)), true);
  // `published` may be left out; it is a list of URLs when given.
  assert.equal(isHarRequest({ file }), true);
  assert.equal(isHarRequest({ file, published: 'https://app.example/' }), false);
  assert.equal(isHarRequest({ file, published: [1] }), false);
  assert.equal(isHarRequest({ file: '{"log":{}}' }), false);
  assert.equal(isVerifyRequest({ verify: 42 }), false);
  assert.equal(harWorkerRefusal(verifyRequest('x')), null);
  assert.equal(harWorkerRefusal(harRequest(file)), null);
});

test('the HAR worker refuses a message of unknown shape in one line that names its shape, not its values', () => {
  const cases = [
    [{ foo: 'secret-value', bar: 1 }, '{foo, bar}'],
    [{}, '{}'],
    [null, 'null'],
    ['verify me', 'a string'],
    [42, 'a number'],
    [[1, 2], 'an array'],
    [{ verify: 42 }, '{verify}'],
    [{ file: 'not a file' }, '{file}'],
    [{ a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7 }, '{a, b, c, d, e, f, …}'],
  ];
  for (const [msg, shape] of cases) {
    const said = harWorkerRefusal(msg);
    assert.equal(said, `har worker: unknown message ${shape}; expected {verify: text} or {file, published}`, JSON.stringify(msg));
    assert.ok(!said.includes('\n'));
    assert.ok(!said.includes('secret-value'));
  }
});

test('the HAR worker answers are recognised; other data is not', () => {
  for (const reply of [verifiedReply({ intact: true }), progressReply(4, 10), PARSING, resultReply({ markdown: '' }), errorReply('har: malformed input')]) {
    assert.equal(isHarWorkerReply(reply), true, JSON.stringify(reply));
  }
  assert.deepEqual(progressReply(4, 10), { progress: 4, total: 10 });
  assert.deepEqual(errorReply('x'), { error: 'x' });
  for (const bad of [undefined, null, 'done', {}, { progress: 1 }, { progress: '1', total: 2 }, { verified: null }, { result: 'text' }, { parsing: 'yes' }, { error: 1 }]) {
    assert.equal(isHarWorkerReply(bad), false, JSON.stringify(bad));
  }
});
