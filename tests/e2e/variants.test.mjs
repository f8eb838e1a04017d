// dist/ is what a store gets: no host access at install, no test hook.
// dist-test/ (automation) and dist-managed/ (force-install by policy) may
// differ from it only in their manifest, and only in the keys named here.
// Reads the built folders; no browser.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

const ROOT = path.resolve(import.meta.dirname, '../..');
const manifest = (dir) => JSON.parse(fs.readFileSync(path.join(ROOT, dir, 'manifest.json'), 'utf8'));

function files(dir) {
  const out = new Map();
  const walk = (rel) => {
    for (const e of fs.readdirSync(path.join(ROOT, dir, rel), { withFileTypes: true })) {
      const r = path.join(rel, e.name);
      if (e.isDirectory()) walk(r);
      else out.set(r, crypto.createHash('sha256').update(fs.readFileSync(path.join(ROOT, dir, r))).digest('hex'));
    }
  };
  walk('');
  return out;
}

/** The top-level manifest keys whose values differ between two manifests. */
function changedKeys(a, b) {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]))
    .sort();
}

test('the shipped manifest asks for no host access and carries no test hook', () => {
  const m = manifest('dist');
  assert.equal(m.host_permissions, undefined, 'host_permissions in dist/');
  assert.equal(m.content_scripts, undefined, 'content scripts would need host access');
  assert.equal(m.web_accessible_resources, undefined, 'a page-reachable hook in dist/');
  assert.deepEqual(m.optional_host_permissions, ['http://*/*', 'https://*/*']);
  assert.deepEqual([...m.permissions].sort(), ['activeTab', 'cookies', 'scripting', 'storage', 'webRequest']);
  assert.ok(!JSON.stringify(m).includes('<all_urls>'));
  // Not tested on Android: not offered there (docs/privacy.md).
  assert.equal(m.browser_specific_settings.gecko_android, undefined);
});

for (const [dir, keys] of [
  ['dist-test', ['host_permissions', 'web_accessible_resources']],
  ['dist-managed', ['host_permissions', 'optional_host_permissions']],
]) {
  test(`${dir}/ differs from dist/ only in the manifest keys ${keys.join(', ')}`, () => {
    const a = files('dist');
    const b = files(dir);
    assert.deepEqual([...b.keys()].sort(), [...a.keys()].sort(), 'the same files');
    for (const [f, h] of a) if (f !== 'manifest.json') assert.equal(b.get(f), h, `${f} differs`);
    assert.deepEqual(changedKeys(manifest('dist'), manifest(dir)), keys);
  });
}

test('the test grant and hook reach loopback names only', () => {
  const m = manifest('dist-test');
  const loopback = /^(\*|https?):\/\/(127\.0\.0\.1|localhost|\*\.localhost|\*\.[a-z.]+\.localhost)\/\*$/;
  for (const p of m.host_permissions) assert.match(p, loopback);
  for (const w of m.web_accessible_resources) for (const p of w.matches) assert.match(p, loopback);
});

test('the managed edition holds all sites as required access, to be narrowed by policy', () => {
  const m = manifest('dist-managed');
  assert.deepEqual(m.host_permissions, ['http://*/*', 'https://*/*']);
  assert.equal(m.optional_host_permissions, undefined);
});
