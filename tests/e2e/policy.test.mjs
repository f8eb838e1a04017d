// Administrators, end to end: a real policy file in each browser's managed
// policy location sets the published URL and the catalog (storage.managed)
// and grants host access to the organisation's sign-in origin only
// (ExtensionSettings runtime_blocked_hosts / runtime_allowed_hosts over the
// managed edition, dist-managed/, whose host access is required: a
// force-install grants it without a prompt; docs/admin.md). The popup and
// the options page show the policy's values, and the user cannot override
// them. The policies are the examples in docs/policies/. The last two tests
// force-install for real (no extension on the command line): Chromium from a
// CRX3 it packs itself with a key made for the test, served with an update
// manifest on loopback; Firefox ESR from the unsigned managed zip at a
// file:// install_url. One test at a time (node --test --test-concurrency=1 runs files in
// turn, and these tests in order); every file is removed in `finally`.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { start } from './server.mjs';
import http from 'node:http';
import os from 'node:os';
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import { launch, openPopup, tabIdOf, DIST_MANAGED } from './chromium.mjs';
import { launchFirefox, findPage, openTabFirefox, GECKO_ID } from './firefox.mjs';
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
    const popup = await openTabFirefox(ff, welcome, `popup.html?tab=${tabId}`);
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

// Force-install, for real: no --load-extension. The managed edition is
// packed into a CRX3 by Chromium itself (chromium --pack-extension, with a
// key generated here and thrown away), served with an update manifest by a
// loopback server, and installed by Chromium because the shipped example
// policy (docs/policies/chromium-managed.json) says force_installed with
// that update URL.

/** Chromium's extension id for a public key: SHA-256 of its DER, 32 letters a–p. */
function idOfKey(pem) {
  const der = crypto.createPublicKey(pem).export({ type: 'spki', format: 'der' });
  const hex = crypto.createHash('sha256').update(der).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

/** dist-managed/ packed as a CRX3 with a fresh key: { crx, id, version, dir }. */
function packManaged() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'at-crx-'));
  const ext = path.join(dir, 'ext');
  fs.cpSync(DIST_MANAGED, ext, { recursive: true });
  const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' });
  const key = path.join(dir, 'key.pem');
  fs.writeFileSync(key, pem, { mode: 0o600 });
  execFileSync(process.env.CHROMIUM ?? '/usr/bin/chromium', ['--no-sandbox', '--headless=new', `--pack-extension=${ext}`, `--pack-extension-key=${key}`], { stdio: 'ignore', timeout: 60_000 });
  const crx = fs.readFileSync(path.join(dir, 'ext.crx'));
  assert.equal(crx.subarray(0, 4).toString(), 'Cr24', 'not a CRX');
  assert.equal(crx.readUInt32LE(4), 3, 'not CRX3');
  const version = JSON.parse(fs.readFileSync(path.join(ext, 'manifest.json'), 'utf8')).version;
  return { crx, id: idOfKey(pem), version, dir };
}

/** The self-hosted update server: the update manifest and the CRX, on loopback. */
async function updateServer({ id, version, crx }) {
  const hits = [];
  const server = http.createServer((req, res) => {
    const u = new URL(req.url, 'http://x');
    hits.push(u.pathname);
    if (u.pathname === '/updates.xml') {
      res.writeHead(200, { 'content-type': 'application/xml' });
      res.end(`<?xml version='1.0' encoding='UTF-8'?>
<gupdate xmlns='http://www.google.com/update2/response' protocol='2.0'>
  <app appid='${id}'>
    <updatecheck codebase='http://127.0.0.1:${server.address().port}/nanami-auth-triage.crx' version='${version}' />
  </app>
</gupdate>
`);
    } else if (u.pathname === '/nanami-auth-triage.crx') {
      res.writeHead(200, { 'content-type': 'application/x-chrome-extension', 'content-length': crx.length });
      res.end(crx);
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${server.address().port}/updates.xml`, hits, close: () => new Promise((r) => server.close(r)) };
}

test('Chromium: force-installed by the example policy from a self-hosted update server (CRX3), no prompt, host rules applied', async (t) => {
  const probe = `${CHROMIUM_POLICY_DIR}/nanami-auth-triage-test-probe.json`;
  const why = unwritable(probe);
  if (why) return t.skip(why);
  const packed = packManaged();
  const file = `${CHROMIUM_POLICY_DIR}/nanami-auth-triage-test-${packed.id}.json`;
  const updates = await updateServer(packed);
  // The shipped example as it is, but for the id, the origins and the
  // update URL (the store's becomes this loopback server).
  const text = fs
    .readFileSync(path.join(EXAMPLES, 'chromium-managed.json'), 'utf8')
    .replaceAll('EXTENSION_ID', packed.id)
    .replaceAll('https://nanami.example.org', site.origin)
    .replaceAll('https://clients2.google.com/service/update2/crx', updates.url);
  const policy = JSON.parse(text);
  const entry = policy.ExtensionSettings[packed.id];
  assert.equal(entry.installation_mode, 'force_installed');
  assert.equal(entry.update_url, updates.url);
  entry.runtime_allowed_hosts = ['*://127.0.0.1'];
  // Chromium's default keeps the developer tools (so the driver, CDP) off
  // extensions installed by policy; the test needs them on to read its pages.
  policy.DeveloperToolsAvailability = 1;
  const remove = writePolicy(file, policy);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'at-chromium-'));
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      headless: true,
      // No extension on the command line: policy installs it. Extensions
      // and the extension updater (which background networking turns off)
      // must be on; the update server is loopback and nothing else is reachable.
      ignoreDefaultArgs: ['--disable-extensions', '--disable-background-networking', '--disable-component-extensions-with-background-pages'],
      args: ['--headless=new', '--no-sandbox', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-gpu'],
    });
    // Installed with no prompt: its options page loads (before the install
    // the browser refuses the address). That extension page is what the test
    // drives: the service worker may have started and gone idle before the
    // driver attached.
    const optionsUrl = `chrome-extension://${packed.id}/options.html`;
    let welcome = null;
    let lastError = '';
    for (let i = 0; i < 60 && !welcome; i++) {
      // A fresh tab each time: the browser may close one that asked for an
      // extension page it does not have yet.
      const p = await context.newPage();
      const ok = await p.goto(optionsUrl).then(
        () => p.evaluate(() => typeof chrome.permissions?.getAll === 'function'),
        (e) => ((lastError = e.message.split('\n')[0]), false),
      );
      if (ok) welcome = p;
      else {
        await p.close().catch(() => {});
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
    if (!welcome) {
      const internals = await context.newPage();
      await internals.goto('chrome://extensions-internals');
      await internals.waitForTimeout(1500);
      const text = (await internals.evaluate(() => document.body.innerText)).replace(/\s+/g, ' ').slice(0, 2000);
      throw new Error(`not installed within 60 s (${lastError}); update server saw: ${updates.hits.join(' ') || 'nothing'}; chrome://extensions-internals: ${text}`);
    }
    assert.ok(updates.hits.includes('/updates.xml') && updates.hits.includes('/nanami-auth-triage.crx'), updates.hits.join(' '));
    const self = await welcome.evaluate(async () => {
      const me = await chrome.management.getSelf();
      return { installType: me.installType, mayDisable: me.mayDisable, version: me.version, origins: (await chrome.permissions.getAll()).origins };
    });
    t.diagnostic(`installed: ${JSON.stringify(self)}`);
    // Installed by the administrator, without a prompt, with its host access granted.
    assert.equal(self.installType, 'admin');
    assert.equal(self.mayDisable, false);
    assert.equal(self.version, packed.version);
    assert.ok(self.origins.includes('http://*/*') && self.origins.includes('https://*/*'), self.origins.join(' '));
    // tabIdOf and the store reads below run in the extension page.
    const ext = { context, worker: welcome, id: packed.id, url: (p) => `chrome-extension://${packed.id}/${p}` };
    // The example's 3rdparty part reaches storage.managed (it can take Chromium seconds).
    const managed = await welcome.evaluate(async () => {
      for (let i = 0; i < 100; i++) {
        const m = await chrome.storage.managed.get(null);
        if (m.publishedUrls) return m;
        await new Promise((r) => setTimeout(r, 100));
      }
      return null;
    });
    assert.deepEqual(managed?.publishedUrls, [site.origin]);
    // Allowed by policy: the full diagnosis with the trail.
    const page = await context.newPage();
    await page.goto(`${site.origin}/rate`);
    const popup = await openPopup(ext, await tabIdOf(ext, page));
    assert.equal(await popup.evaluate(() => document.body.dataset.access), 'granted');
    assert.equal(await popup.$eval('#result', (e) => e.dataset.failureType), 'mfa_rate_limited');
    const evidence = await popup.$$eval('#evidence-detail li', (l) => l.map((x) => x.textContent));
    assert.ok(evidence.some((e) => e.includes('trail.status_429')), evidence.join('\n'));
    assert.match(await popup.textContent('#policy'), /Set by your administrator: published URL/);
    await popup.close();
    // Blocked by policy: nothing recorded, though the edition holds all sites.
    const other = await context.newPage();
    await other.goto(`http://blocked.ungranted.localhost:${port}/rate`);
    await other.evaluate(() => fetch('/ping').then((r) => r.text()));
    await other.waitForTimeout(800);
    const hosts = await welcome.evaluate(async () =>
      Object.entries(await chrome.storage.session.get(null))
        .filter(([k]) => k.startsWith('trail:'))
        .flatMap(([, v]) => v.map((e) => new URL(e.url).hostname)),
    );
    assert.ok(hosts.length > 0 && hosts.every((h) => h === '127.0.0.1'), hosts.join(', '));
  } finally {
    remove();
    await context?.close();
    await updates.close();
    fs.rmSync(profile, { recursive: true, force: true });
    fs.rmSync(packed.dir, { recursive: true, force: true }); // the key goes with it
  }
  assert.ok(!fs.existsSync(file));
});

test('Firefox: force-installed by the example policies.json from a file:// install_url (unsigned, ESR), no prompt, host rules applied', async (t) => {
  if (fs.existsSync(FIREFOX_SYSTEM_POLICY)) return t.skip(`${FIREFOX_SYSTEM_POLICY} exists and would take precedence`);
  const why = unwritable(FIREFOX_POLICY_FILE);
  if (why) return t.skip(why);
  // The managed edition zipped as ./build.sh package zips it.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'at-xpi-'));
  const xpi = path.join(dir, 'nanami-auth-triage-managed.xpi');
  execFileSync('zip', ['-X', '-D', '-q', '-9', '-r', xpi, '.'], { cwd: DIST_MANAGED });
  // The shipped example as it is, but for the origins and the install URL.
  const text = fs
    .readFileSync(path.join(EXAMPLES, 'firefox-policies.json'), 'utf8')
    .replaceAll('https://nanami.example.org', site.origin)
    .replaceAll('https://downloads.example.org/nanami-auth-triage-managed.xpi', `file://${xpi}`);
  const policy = JSON.parse(text);
  const entry = policy.policies.ExtensionSettings[GECKO_ID];
  assert.equal(entry.installation_mode, 'force_installed');
  assert.equal(entry.install_url, `file://${xpi}`);
  entry.runtime_allowed_hosts = ['*://127.0.0.1'];
  const remove = writePolicy(FIREFOX_POLICY_FILE, policy);
  const uuid = crypto.randomUUID();
  let browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: process.env.FIREFOX ?? '/usr/bin/firefox-esr',
      headless: true,
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
        // Unsigned: ESR (and Developer Edition, Nightly) honour this; a
        // release Firefox does not (docs/admin.md).
        'xpinstall.signatures.required': false,
        'app.update.enabled': false,
        'datareporting.policy.dataSubmissionEnabled': false,
        'extensions.update.enabled': false,
      },
    });
  } finally {
    remove(); // read at start; gone before the test goes on
  }
  try {
    assert.ok(!fs.existsSync(FIREFOX_POLICY_FILE));
    // No installExtension here: the policy installs it, and its first-run page opens.
    const ff = { browser, uuid, url: (p) => `moz-extension://${uuid}/${p}` };
    const welcome = await findPage(ff, ff.url('welcome.html'), 60_000);
    await welcome.waitForFunction(() => document.body.dataset.ready === 'true');
    const self = await welcome.evaluate(async () => {
      const me = await browser.management.getSelf();
      return { installType: me.installType, version: me.version, origins: (await browser.permissions.getAll()).origins };
    });
    t.diagnostic(`installed: ${JSON.stringify(self)}`);
    assert.equal(self.installType, 'admin');
    assert.ok(self.origins.includes('http://*/*') && self.origins.includes('https://*/*'), self.origins.join(' '));
    assert.equal(await welcome.evaluate(() => document.querySelector('#url').value), site.origin);

    const page = await browser.newPage();
    await page.goto(`${site.origin}/rate`);
    const other = await browser.newPage();
    await other.goto(`http://blocked.ungranted.localhost:${port}/rate`);
    await other.evaluate(() => fetch('/ping').then((r) => r.text()));
    await new Promise((r) => setTimeout(r, 800));
    const tabId = await welcome.evaluate(async (u) => (await browser.tabs.query({})).find((x) => x.url === u)?.id, `${site.origin}/rate`);
    assert.ok(Number.isInteger(tabId));
    const popup = await openTabFirefox(ff, welcome, `popup.html?tab=${tabId}`);
    await popup.waitForSelector('#result[data-failure-type]', { timeout: 20_000 });
    assert.equal(await popup.evaluate(() => document.body.dataset.access), 'granted');
    assert.equal(await popup.evaluate(() => document.querySelector('#result').dataset.failureType), 'mfa_rate_limited');
    const evidence = await popup.evaluate(() => [...document.querySelectorAll('#evidence-detail li')].map((x) => x.textContent));
    assert.ok(evidence.some((e) => e.includes('trail.status_429')), evidence.join('\n'));
    const trails = await popup.evaluate(async () =>
      Object.entries(await browser.storage.session.get(null))
        .filter(([k]) => k.startsWith('trail:'))
        .flatMap(([, v]) => v.map((e) => new URL(e.url).hostname)),
    );
    assert.ok(trails.length > 0 && trails.every((h) => h === '127.0.0.1'), trails.join(', '));
  } finally {
    await browser?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
