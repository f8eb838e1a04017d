// The popup as people meet it (issue 13), in Chromium with dist/ as shipped:
// two audiences on one screen, plain evidence, a calm state when no failure
// is seen, a countdown; axe-core on the popup, options and support pages in
// light and dark; a keyboard-only flow. Each scenario's popup is saved as a
// screenshot in tests/e2e/screenshots/ (gitignored). `npm run screenshots`
// also copies the three the README shows into docs/img/.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { start } from './server.mjs';
import { launch, diagnose, setOptions } from './chromium.mjs';

const SHOTS = path.resolve(import.meta.dirname, 'screenshots');
const DOCS_IMG = process.env.DOCS_IMG ? path.resolve(process.env.DOCS_IMG) : null;
const AXE = fs.readFileSync(path.resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js'), 'utf8');
// A rule id as the core writes them (trail.status_429, clock.host_skew, form.one_time_code_input).
const RULE_ID = /\b(trail|text|form|clock|status|page|code|cookie|proxy|env)\.[a-z0-9_]+\b/;

let site;
let ext;

before(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  site = await start();
  ext = await launch();
  await ext.context.grantPermissions(['clipboard-read', 'clipboard-write']);
});

after(async () => {
  await ext?.close();
  site?.server.close();
});

async function open(p) {
  const page = await ext.context.newPage();
  await page.goto(site.origin + p).catch(() => {});
  return page;
}

/** Save the popup as it looks, in light and dark (and its text, as read); `docs` names the README copy. */
async function shoot(popup, name, docs) {
  await popup.setViewportSize({ width: 460, height: 900 });
  fs.writeFileSync(path.join(SHOTS, `${name}.txt`), (await popup.locator('main').innerText()) + '\n');
  for (const scheme of ['light', 'dark']) {
    await popup.emulateMedia({ colorScheme: scheme });
    const file = path.join(SHOTS, `${name}-${scheme}.png`);
    await popup.locator('main').screenshot({ path: file });
    if (docs && DOCS_IMG && scheme === 'light') {
      fs.mkdirSync(DOCS_IMG, { recursive: true });
      fs.copyFileSync(file, path.join(DOCS_IMG, `${docs}.png`));
    }
  }
  await popup.emulateMedia({ colorScheme: 'light' });
}

/** axe-core's violations on `page` in light and dark ("id: target" lines). */
async function axeViolations(page) {
  await page.evaluate(AXE);
  const out = [];
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    const r = await page.evaluate(async () => {
      const res = await globalThis.axe.run(document);
      return { passes: res.passes.length, violations: res.violations.map((x) => ({ id: x.id, nodes: x.nodes.map((n) => ({ target: n.target })) })) };
    });
    assert.ok(r.passes > 10, `axe ran no checks (${r.passes} passed)`); // it did run
    for (const x of r.violations) out.push(`${scheme}: ${x.id}: ${x.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return out;
}

const text = (popup, sel) => popup.$eval(sel, (e) => e.textContent);
const visible = (popup, sel) => popup.$eval(sel, (e) => !e.closest('[hidden]') && e.getClientRects().length > 0);

test('rate limit: what you can do now, with a clock that counts down; plain evidence; rule ids only in the full detail', async () => {
  const page = await open('/rate');
  const { popup, result } = await diagnose(ext, page);
  assert.equal(result.state, 'product');
  assert.ok(await visible(popup, '#verdict'));
  assert.match(await text(popup, '#user-move'), /^Wait/);
  assert.ok(await visible(popup, '#countdown'));
  assert.match(await text(popup, '#countdown'), /^Time left: [45] minutes?( \d+ seconds?)?$/);
  const first = Number(await popup.getAttribute('#countdown', 'data-countdown'));
  await popup.waitForFunction((n) => Number(document.querySelector('#countdown').dataset.countdown) < n, first, { timeout: 5000 });
  const plain = await popup.$$eval('#evidence li', (l) => l.map((x) => x.textContent));
  assert.ok(plain.length > 0);
  for (const line of plain) assert.doesNotMatch(line, RULE_ID, `a rule id in the plain evidence: ${line}`);
  const detail = await popup.$$eval('#evidence-detail li', (l) => l.map((x) => x.textContent));
  assert.ok(detail.some((e) => e.startsWith('trail.status_429')), detail.join('\n'));
  assert.equal(await popup.$eval('#detail', (d) => d.open), false, 'the full detail starts collapsed');
  assert.match(await text(popup, '#status'), /^Result: /);
  await shoot(popup, 'rate-limit', 'popup-product-failure');
  await popup.close();
  await page.close();
});

test('clock skew: the user is not told to sync server clocks; the administrator is', async () => {
  const page = await open('/clock');
  const { popup, result } = await diagnose(ext, page);
  assert.equal(result.state, 'deployment');
  assert.equal(await text(popup, '#verdict'), 'Deployment problem');
  const you = await text(popup, '#user-move');
  assert.doesNotMatch(you, /NTP|proxy|gateway host/i, you);
  assert.match(await text(popup, '#admin-move'), /NTP|clock/i);
  assert.match(await text(popup, '#send'), /report/);
  for (const line of await popup.$$eval('#evidence li', (l) => l.map((x) => x.textContent))) assert.doesNotMatch(line, RULE_ID, line);
  await shoot(popup, 'clock-skew', 'popup-deployment-failure');
  await popup.close();
  await page.close();
});

test('healthy page: a calm state with no verdict badge, and what to try or capture', async () => {
  const page = await open('/healthy');
  const { popup, result } = await diagnose(ext, page);
  assert.equal(result.failureType, 'unclassified');
  assert.equal(result.state, 'calm');
  assert.equal(await visible(popup, '#verdict'), false, 'a verdict badge on a healthy page');
  assert.equal(await text(popup, '#headline'), 'No sign-in failure seen on this page');
  assert.match(await text(popup, '#user-move'), /open this again/i); // what to try or capture
  assert.equal(await visible(popup, '#countdown'), false);
  assert.equal(await visible(popup, '#safe-code'), false);
  assert.ok(await popup.evaluate(() => document.body.classList.contains('calm')));
  await shoot(popup, 'healthy', 'popup-healthy');
  await popup.close();
  await page.close();
});

test('more scenarios, saved as screenshots: wrong code, expired step, login loop, cookie domain, safe code only', async () => {
  const cases = [
    ['/wrong-code', 'wrong-code', 'mfa_invalid_code'],
    ['/expired', 'expired', 'mfa_challenge_expired'],
    ['/loop/login', 'login-loop', 'session_proxy_cookie'],
    ['/safe-code', 'safe-code-only', 'unclassified'],
  ];
  for (const [p, name, type] of cases) {
    const page = await open(p);
    if (name === 'wrong-code') {
      await page.fill('#otp', '861234');
      await Promise.all([page.waitForLoadState('load'), page.click('form button[type=submit]')]);
      await page.waitForSelector('[role=alert]');
    }
    const { popup, result } = await diagnose(ext, page, p.startsWith('/loop') ? `${site.origin}/loop/` : undefined);
    assert.equal(result.failureType, type, name);
    assert.ok((await text(popup, '#user-move')).length > 20, name);
    assert.ok((await text(popup, '#admin-move')).length > 20, name);
    await shoot(popup, name);
    await popup.close();
    await page.close();
  }
  await setOptions(ext, { urls: [site.origin] });
  try {
    const page = await open('/cookie-domain');
    await page.fill('#u', 'ada@example.org');
    await page.fill('#p', 'pw');
    await Promise.all([page.waitForURL(`${site.origin}/cookie-domain`, { waitUntil: 'load' }), page.click('form button[type=submit]')]);
    const { popup, result } = await diagnose(ext, page);
    assert.equal(result.failureType, 'session_proxy_cookie');
    await shoot(popup, 'cookie-domain');
    await popup.close();
    await page.close();
  } finally {
    await setOptions(ext, { urls: [] });
  }
});

test('axe-core: 0 violations on the popup (failure and calm), options and support pages, in light and dark', async () => {
  const found = [];
  for (const p of ['/clock', '/healthy']) {
    const page = await open(p);
    const { popup } = await diagnose(ext, page);
    found.push(...(await axeViolations(popup)).map((v) => `popup ${p} ${v}`));
    await popup.click('#detail > summary'); // the full detail, open
    found.push(...(await axeViolations(popup)).map((v) => `popup ${p} (detail open) ${v}`));
    await popup.close();
    await page.close();
  }
  const options = await ext.context.newPage();
  await options.goto(ext.url('options.html'));
  await options.waitForSelector('body[data-ready]');
  found.push(...(await axeViolations(options)).map((v) => `options ${v}`));
  await options.close();
  const page = await open('/expired');
  const { popup, report } = await diagnose(ext, page);
  const support = await ext.context.newPage();
  await support.goto(ext.url('support.html'));
  await support.waitForSelector('body[data-ready]');
  found.push(...(await axeViolations(support)).map((v) => `support (empty) ${v}`));
  await support.fill('#input', report);
  await support.click('#verify');
  await support.waitForSelector('body[data-result="intact"]');
  found.push(...(await axeViolations(support)).map((v) => `support (report shown) ${v}`));
  await support.close();
  await popup.close();
  await page.close();
  assert.deepEqual(found, []);
});

test('keyboard only: open, read, copy, download, open the support page', async () => {
  const page = await open('/rate');
  const { popup, report } = await diagnose(ext, page);
  await popup.bringToFront();
  // Read: the structure a screen reader walks (headings, a live region, labelled buttons).
  const headings = await popup.$$eval('h1, h2, h3, h4', (l) => l.filter((h) => !h.closest('[hidden]')).map((h) => `${h.tagName}:${h.textContent.trim()}`));
  assert.ok(headings.includes('H3:What you can do now') && headings.includes('H3:For your administrator'), headings.join('\n'));
  assert.equal(await popup.getAttribute('#status', 'aria-live'), 'polite');
  const focused = () => popup.evaluate(() => document.activeElement?.id || document.activeElement?.tagName);
  // Tab from the top reaches Copy report first.
  await popup.keyboard.press('Tab');
  assert.equal(await focused(), 'copy');
  await popup.keyboard.press('Enter');
  await popup.waitForFunction(() => document.querySelector('#action-status').textContent.includes('copied'));
  assert.equal(await popup.evaluate(() => navigator.clipboard.readText()), report);
  await popup.keyboard.press('Tab');
  assert.equal(await focused(), 'download');
  const [dl] = await Promise.all([popup.waitForEvent('download'), popup.keyboard.press('Enter')]);
  const saved = JSON.parse(fs.readFileSync(await dl.path(), 'utf8'));
  assert.equal(saved.diagnosis.failure_type, 'mfa_rate_limited');
  // The full detail opens from the keyboard, and the report in it takes focus to scroll.
  await popup.keyboard.press('Tab');
  await popup.keyboard.press('Tab');
  assert.equal(await focused(), 'SUMMARY');
  await popup.keyboard.press('Enter');
  assert.equal(await popup.$eval('#detail', (d) => d.open), true);
  await popup.keyboard.press('Tab');
  assert.equal(await focused(), 'report');
  // Back to "Open support page" and open it.
  await popup.keyboard.press('Shift+Tab');
  await popup.keyboard.press('Shift+Tab');
  assert.equal(await focused(), 'support');
  const [support] = await Promise.all([ext.context.waitForEvent('page'), popup.keyboard.press('Enter')]);
  await support.waitForSelector('body[data-ready]');
  assert.ok(support.url().endsWith('/support.html'));
  await support.close();
  await popup.close();
  await page.close();
});
