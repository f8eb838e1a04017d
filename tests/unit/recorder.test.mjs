// The recorder's data handling (extension/recorder.js), in Node: values are
// dropped where they are collected, and the ring stays within its bounds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cookieNames, MAX_BYTES, MAX_EVENTS, readHeaders, Ring, stripSetCookie, urgent } from '../../extension/recorder.js';

test('a Set-Cookie line keeps its name and attributes, never its value', () => {
  assert.equal(stripSetCookie('sid=s3cr3t-v4lue; Path=/; Secure; HttpOnly'), 'sid=; Path=/; Secure; HttpOnly');
  assert.equal(stripSetCookie('sid=s3cr3t'), 'sid=');
  // A pair without '=' is a nameless cookie's value; an empty name likewise.
  assert.equal(stripSetCookie('s3cr3t; Path=/'), null);
  assert.equal(stripSetCookie('=s3cr3t; Path=/'), null);
});

test('a Cookie header becomes its names', () => {
  assert.deepEqual(cookieNames('a=1; b=two;  c = 3 ; n4meless'), ['a', 'b', 'c']);
  assert.deepEqual(cookieNames(''), []);
});

test('of the headers, only cookie names, Set-Cookie attributes, Date and Retry-After are kept', () => {
  const got = readHeaders([
    { name: 'Set-Cookie', value: 'a=1; Path=/\nb=2; Secure' }, // Firefox joins lines
    { name: 'DATE', value: 'Sun, 29 Nov 2026 18:00:00 GMT' },
    { name: 'Retry-After', value: '120' },
    { name: 'Cookie', value: 'x=secret; y=secret' },
    { name: 'Authorization', value: 'Bearer eyJsecret' },
    { name: 'Location', value: '/next' },
  ]);
  assert.deepEqual(got, {
    setCookie: ['a=; Path=/', 'b=; Secure'],
    date: 'Sun, 29 Nov 2026 18:00:00 GMT',
    retryAfter: '120',
    cookieNames: ['x', 'y'],
  });
  assert.ok(!JSON.stringify(got).includes('secret'));
  assert.deepEqual(readHeaders(undefined), { setCookie: [], date: null, retryAfter: null, cookieNames: null });
});

test('page loads, redirects, errors and cookies are stored at once; a plain 200 subresource is not', () => {
  assert.equal(urgent({ type: 'main_frame', status: 200 }), true);
  assert.equal(urgent({ type: 'xmlhttprequest', status: 302 }), true);
  assert.equal(urgent({ type: 'script', status: 200, set_cookie: ['a=; Path=/'] }), true);
  assert.equal(urgent({ type: 'script', error: 'net::ERR_FAILED' }), true);
  assert.equal(urgent({ type: 'script', status: 200 }), false);
});

test('the ring keeps the newest MAX_EVENTS events', () => {
  const ring = new Ring();
  for (let i = 0; i < MAX_EVENTS + 25; i++) ring.push({ i });
  assert.equal(ring.events.length, MAX_EVENTS);
  assert.equal(ring.events[0].i, 25);
  assert.equal(ring.events.at(-1).i, MAX_EVENTS + 24);
  assert.equal(ring.bytes, ring.events.reduce((n, e) => n + JSON.stringify(e).length, 0));
});

test('the ring keeps about MAX_BYTES, and always the newest event', () => {
  const big = 'x'.repeat(MAX_BYTES / 4);
  const ring = new Ring([{ big, n: 1 }, { big, n: 2 }, { big, n: 3 }, { big, n: 4 }, { big, n: 5 }]);
  assert.ok(ring.bytes <= MAX_BYTES, `${ring.bytes}`);
  assert.equal(ring.events.at(-1).n, 5);
  const huge = new Ring([{ big: 'y'.repeat(MAX_BYTES * 2) }]);
  assert.equal(huge.events.length, 1);
});
