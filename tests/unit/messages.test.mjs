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
