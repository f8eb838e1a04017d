// The worker's first-run rule (extension/access.js hadAllSites, used by
// grants.js): an update from a version that held access to all sites shows
// the welcome page again. access.js's site patterns are tested in
// tests/e2e/access-rules.test.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hadAllSites } from '../../extension/access.js';

test('versions before 0.2.0 asked for all sites at install', () => {
  for (const v of ['0.1.0', '0.1.9', '0.0.1', '0', '0.1']) assert.equal(hadAllSites(v), true, v);
  for (const v of ['0.2.0', '0.2', '0.10.0', '1.0.0', '1', '2.1.3']) assert.equal(hadAllSites(v), false, v);
  // No previous version said: read as 0.0, asked again (the safe side).
  assert.equal(hadAllSites(undefined), true);
  assert.equal(hadAllSites(''), true);
  // Not a version: not asked again.
  assert.equal(hadAllSites('beta'), false);
});
