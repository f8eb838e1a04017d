// Administrators, end to end: a real policy file in each browser's managed
// policy location sets the published URL and the catalog (storage.managed)
// and grants host access to the organisation's sign-in origin only
// (ExtensionSettings runtime_blocked_hosts / runtime_allowed_hosts over the
// managed edition, dist-managed/, whose host access is required: a
// force-install grants it without a prompt; docs/admin.md). The popup and
// the options page show the policy's values, and the user cannot override
// them. The policies are the examples in docs/policies/. One test at a time (node --test --test-concurrency=1 runs files in
// turn, and these tests in order); every file is removed in `finally`.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { start } from './server.mjs';
import { launch, openPopup, tabIdOf, DIST_MANAGED } from './chromium.mjs';
import { launchFirefox, findPage, GECKO_ID } from './firefox.mjs';
import { CHROMIUM_POLICY_DIR, FIREFOX_POLICY_FILE, FIREFOX_SYSTEM_POLICY, unpackedId, unwritable, writePolicy } from './policy.mjs';

// The examples shipped in docs/policies/, made to fit this machine: the
// organisation's origins become the fixture site on 127.0.0.1, and the
// install entries go (the test loads dist-managed/ unpacked instead of
// force-installing it from a store or an update server it cannot reach).
const EXAMPLES = path.resolve(import.meta.dirname, '../../docs/policies');
function fromExample(file, id) {
  const text = fs.readFileSync(path.join(EXAMPLES, file), 'utf8').replaceAll('EXTENSION_ID', id).replaceAll('https://nanami.example.org', site.origin);
  const policy = JSON.parse(text);
  const root = policy.policies ?? policy;
  for (const entry of Object.values(root.ExtensionSettings)) {
    delete entry.installation_mode;
    delete entry.update_url;
    delete entry.install_url;
    assert.deepEqual(entry.runtime_blocked_hosts, ['*://*']);
    entry.runtime_allowed_hosts = ['*://127.0.0.1'];
  }
  return policy;
}

let site;
let port;
before(async () => {
  site = await start();
  port = new URL(site.origin).port;
});
after(() => site?.server.close());

test('Chromium: managed policy JSON grants the sign-in origin, sets published URL and catalog, and locks them', async (t) => {
  const id = unpackedId(DIST_MANAGED);
  const file = `${CHROMIUM_POLICY_DIR}/nanami-auth-triage-test-${id}.json`;
  const why = unwritable(file);
  if (why) return t.skip(why);
  const remove = writePolicy(file, fromExample('chromium-managed.json', id));
  let ext;
  try {
    ext = await launch({ dist: DIST_MANAGED });
    assert.equal(ext.id, id, 'the id the policy names');
    // Chromium may take a few seconds to hand the policy to the extension.
    const managed = await ext.worker.evaluate(async () => {
      for (let i = 0; i < 100; i++) {
        const m = await chrome.storage.managed.get(null);
        if (m.publishedUrls) return m;
        await new Promise((r) => setTimeout(r, 100));
      }
      return null;
    });
    assert.deepEqual(managed?.publishedUrls, [site.origin]);

    // Granted by policy: the full diagnosis, trail included, with no prompt.
    const page = await ext.context.newPage();
    await page.goto(`${site.origin}/rate`);
    const popup = await openPopup(ext, await tabIdOf(ext, page));
    assert.equal(await popup.evaluate(() => document.body.dataset.access), 'granted');
    assert.equal(await popup.$eval('#result', (e) => e.dataset.failureType), 'mfa_rate_limited');
    const evidence = await popup.$$eval('#evidence-detail li', (l) => l.map((x) => x.textContent));
    assert.ok(evidence.some((e) => e.includes('trail.status_429')), evidence.join('\n'));
    assert.match(await popup.textContent('#policy'), new RegExp(`Set by your administrator: published URL ${site.origin}; catalog nanami version 1`));
    assert.match(await popup.textContent('[data-report]'), new RegExp(`Published URL \\| \`${site.origin}/\``));
    await popup.close();

    // The policy's catalog maps the code.
    await page.goto(`${site.origin}/safe-code`);
    const p2 = await openPopup(ext, await tabIdOf(ext, page));
    assert.equal(await p2.$eval('#result', (e) => e.dataset.failureType), 'mfa_rate_limited');
    await p2.close();

    // Blocked by policy: nothing recorded, although the edition holds all sites.
    const other = await ext.context.newPage();
    await other.goto(`http://blocked.ungranted.localhost:${port}/rate`);
    await other.evaluate(() => fetch('/ping').then((r) => r.text()));
    await other.waitForTimeout(800);
    const trails = await ext.worker.evaluate(async () => {
      const all = await chrome.storage.session.get(null);
      return Object.values(Object.fromEntries(Object.entries(all).filter(([k]) => k.startsWith('trail:')))).flat().map((e) => new URL(e.url).hostname);
    });
    assert.ok(trails.length > 0 && trails.every((h) => h === '127.0.0.1'), trails.join(', '));

    // The options page shows the policy's values and does not let the user override them.
    const opts = await ext.context.newPage();
    await opts.goto(ext.url('options.html'));
    await opts.waitForSelector('body[data-ready]');
    assert.equal(await opts.evaluate(() => document.body.dataset.managed), 'urls catalog');
    assert.equal(await opts.textContent('#policy-urls'), site.origin);
    assert.match(await opts.textContent('#policy-catalog'), /"catalog": "nanami"/);
    assert.equal(await opts.$eval('#urls', (e) => e.readOnly), true);
    // Locked: typing is refused; a value forced into the field and saved
    // does not take the policy's place either.
    await assert.rejects(opts.fill('#urls', 'https://elsewhere.example.org', { timeout: 1000 }));
    await opts.evaluate(() => (document.querySelector('#urls').value = 'https://elsewhere.example.org'));
    await opts.click('#save');
    await opts.waitForFunction(() => document.querySelector('#status').textContent === 'Saved.');
    await opts.close();
    await page.goto(`${site.origin}/expired`);
    const p3 = await openPopup(ext, await tabIdOf(ext, page));
    assert.match(await p3.textContent('[data-report]'), new RegExp(`Published URL \\| \`${site.origin}/\``));
    assert.ok(!(await p3.textContent('[data-report]')).includes('elsewhere.example.org'));
    await p3.close();
  } finally {
    remove();
    await ext?.close();
  }
  assert.ok(!fs.existsSync(file));
});

test('Firefox: policies.json (ExtensionSettings + 3rdparty) grants the sign-in origin and sets published URL and catalog', async (t) => {
  if (fs.existsSync(FIREFOX_SYSTEM_POLICY)) return t.skip(`${FIREFOX_SYSTEM_POLICY} exists and would take precedence`);
  const why = unwritable(FIREFOX_POLICY_FILE);
  if (why) return t.skip(why);
  const remove = writePolicy(FIREFOX_POLICY_FILE, fromExample('firefox-policies.json', GECKO_ID));
  let ff;
  try {
    ff = await launchFirefox({ dist: DIST_MANAGED });
  } finally {
    remove(); // read at start; gone before the test goes on
  }
  try {
    assert.ok(!fs.existsSync(FIREFOX_POLICY_FILE));
    // The managed edition has no page hook: its welcome page, opened on
    // install, is the extension page the test drives.
    const welcome = await findPage(ff, ff.url('welcome.html'));
    await welcome.waitForFunction(() => document.body.dataset.ready === 'true');
    assert.equal(await welcome.evaluate(() => document.querySelector('#url').readOnly), true, 'the policy URL is locked');
    assert.equal(await welcome.evaluate(() => document.querySelector('#url').value), site.origin);

    const page = await ff.browser.newPage();
    await page.goto(`${site.origin}/rate`);
    const other = await ff.browser.newPage();
    await other.goto(`http://blocked.ungranted.localhost:${port}/rate`);
    await other.evaluate(() => fetch('/ping').then((r) => r.text()));
    await new Promise((r) => setTimeout(r, 800));

    const tabId = await welcome.evaluate(async (u) => (await browser.tabs.query({})).find((x) => x.url === u)?.id, `${site.origin}/rate`);
    assert.ok(Number.isInteger(tabId));
    await welcome.evaluate((id) => browser.tabs.create({ url: browser.runtime.getURL(`popup.html?tab=${id}`) }), tabId);
    const popup = await findPage(ff, ff.url(`popup.html?tab=${tabId}`));
    await popup.waitForSelector('#result[data-failure-type]', { timeout: 20_000 });
    assert.equal(await popup.evaluate(() => document.body.dataset.access), 'granted');
    assert.equal(await popup.evaluate(() => document.querySelector('#result').dataset.failureType), 'mfa_rate_limited');
    const evidence = await popup.evaluate(() => [...document.querySelectorAll('#evidence-detail li')].map((x) => x.textContent));
    assert.ok(evidence.some((e) => e.includes('trail.status_429')), evidence.join('\n'));
    assert.match(await popup.evaluate(() => document.querySelector('#policy').textContent), /published URL http:\/\/127\.0\.0\.1:\d+; catalog nanami version 1/);

    const trails = await popup.evaluate(async () => {
      const all = await browser.storage.session.get(null);
      return Object.entries(all).filter(([k]) => k.startsWith('trail:')).flatMap(([, v]) => v.map((e) => new URL(e.url).hostname));
    });
    assert.ok(trails.length > 0 && trails.every((h) => h === '127.0.0.1'), trails.join(', '));
  } finally {
    await ff.browser.close();
  }
});
