// The settings the extension runs with (extension/config.js): policy and
// the user's options as the stores hold them, read without the stores.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { samePolicy, settingsFrom } from '../../extension/config.js';

const CATALOG = { catalog: 'nanami', codes: [{ code: 'MFA-401', type: 'invalid_mfa_code' }] };

test('the policy published URLs win over the user own; blank and non-string entries are dropped', () => {
  const c = settingsFrom({ publishedUrls: ['https://sso.example/', ' ', 42] }, { publishedUrls: ['https://mine.example/'] });
  assert.deepEqual(c.publishedUrls, ['https://sso.example/']);
  assert.deepEqual(c.managed, { publishedUrls: true, catalog: false });
  // A policy with no usable URL leaves the user's.
  const d = settingsFrom({ publishedUrls: ['', '  '] }, { publishedUrls: ['https://mine.example/', null] });
  assert.deepEqual(d.publishedUrls, ['https://mine.example/']);
  assert.equal(d.managed.publishedUrls, false);
  // Not a list at all: nothing.
  assert.deepEqual(settingsFrom({ publishedUrls: 'https://sso.example/' }, {}).publishedUrls, []);
});

test('both catalogs count, the policy first; JSON text is parsed and text that does not parse is skipped', () => {
  const c = settingsFrom({ catalog: JSON.stringify(CATALOG) }, { catalog: { ...CATALOG, catalog: 'mine' } });
  assert.deepEqual(c.catalogs.map((x) => x.catalog), ['nanami', 'mine']);
  assert.equal(c.managed.catalog, true);
  const bad = settingsFrom({ catalog: '{"catalog": ' }, { catalog: '' });
  assert.deepEqual(bad.catalogs, []);
  // The policy as read is kept, so a later read can be compared with it.
  const policy = { publishedUrls: ['https://sso.example/'] };
  assert.equal(settingsFrom(policy, {}).policy, policy);
});

test('two reads of the policy store are the same when their URLs and catalog text are', () => {
  const a = { publishedUrls: ['https://sso.example/'], catalog: '{"codes":[]}' };
  assert.equal(samePolicy(a, { ...a, publishedUrls: ['https://sso.example/'] }), true);
  assert.equal(samePolicy({}, null), true);
  assert.equal(samePolicy(undefined, {}), true);
  assert.equal(samePolicy(a, { ...a, catalog: '{"codes":[1]}' }), false);
  assert.equal(samePolicy(a, { ...a, publishedUrls: ['https://other.example/'] }), false);
  assert.equal(samePolicy(a, {}), false);
});
