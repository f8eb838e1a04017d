// extension/ext.js's one piece of data handling: a browser cookie as the
// snapshot holds it. The value becomes its length (UTF-8 bytes) and is not
// kept. (The rest of ext.js is calls into the browser, tested in the e2e
// files in real Chromium and Firefox.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toSnapshotCookie } from '../../extension/ext.js';

const base = { name: 'sid', domain: '.app.example', hostOnly: false, path: '/', secure: true, httpOnly: true, sameSite: 'lax', session: true };

test('a cookie keeps its name and attributes; its value becomes a length', () => {
  const value = 'sëcret-🍪-' + Math.random().toString(36).slice(2);
  const c = toSnapshotCookie({ ...base, value });
  assert.deepEqual(c, {
    name: 'sid',
    domain: '.app.example',
    host_only: false,
    path: '/',
    secure: true,
    http_only: true,
    same_site: 'lax',
    partitioned: false,
    session: true,
    value_len: Buffer.byteLength(value),
  });
  assert.ok(!JSON.stringify(c).includes(value.slice(8)));
});

test('SameSite, expiry, partition and a missing path are mapped', () => {
  const c = toSnapshotCookie({ ...base, value: '', path: '', sameSite: 'no_restriction', session: false, expirationDate: 1764428400.5, partitionKey: { topLevelSite: 'https://top.example' } });
  assert.equal(c.same_site, 'none');
  assert.equal(c.path, '/');
  assert.equal(c.expires_ms, 1764428400500);
  assert.equal(c.partitioned, true);
  assert.equal(c.value_len, 0);
  assert.equal(toSnapshotCookie({ ...base, value: 'x', partitionKey: {} }).partitioned, false);
  assert.equal(toSnapshotCookie({ ...base, value: 'x', sameSite: /** unknown */ 'weird' }).same_site, 'unspecified');
  assert.equal('expires_ms' in toSnapshotCookie({ ...base, value: 'x' }), false);
});
