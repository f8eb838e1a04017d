// End-to-end for issue 13's core signals, in Chromium with dist/ as shipped:
// an expired MFA step recognised from the recorded trail (and a wrong code
// that is not one), a healthy sign-in through ?next= that is no loop, and
// the safe code of a bare status page.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start } from './server.mjs';
import { launch, diagnose } from './chromium.mjs';

let site;
let ext;

before(async () => {
  site = await start();
  ext = await launch();
});

after(async () => {
  await ext?.close();
  site?.server.close();
});

async function open(path) {
  const page = await ext.context.newPage();
  await page.goto(site.origin + path).catch(() => {}); // error pages reject; the tab stays
  return page;
}

async function submit(page, fill = {}) {
  for (const [sel, v] of Object.entries(fill)) await page.fill(sel, v);
  await Promise.all([page.waitForLoadState('load').catch(() => {}), page.click('form button[type=submit]')]);
  await page.waitForTimeout(300);
}

test('a code posted after the pending sign-in timed out is sent back to the sign-in page: expired MFA step', async () => {
  const page = await open('/mfa-bounce/login');
  await submit(page, { '#u': 'ada@example.org', '#p': 'correct horse battery staple' });
  assert.match(page.url(), /\/mfa-bounce\/mfa$/);
  await submit(page, { '#otp': '861234' });
  assert.match(page.url(), /\/mfa-bounce\/login$/);
  const { popup, result, evidence, report } = await diagnose(ext, page);
  assert.equal(result.failureType, 'mfa_challenge_expired', evidence.join('\n'));
  assert.equal(result.verdict, 'product');
  assert.ok(evidence.some((e) => e.startsWith('trail.mfa_bounced_to_sign_in')), evidence.join('\n'));
  assert.ok(!evidence.some((e) => e.startsWith('trail.login_loop')), evidence.join('\n'));
  assert.match(report, /\*\*What you can do now:\*\* The sign-in step timed out/);
  assert.ok(!report.includes('861234') && !report.includes('p3nd1ngL0g1n'));
  await popup.close();
  await page.close();
});

test('a wrong code re-renders the MFA step: invalid code, not an expired step', async () => {
  const page = await open('/mfa-bounce/login');
  await submit(page, { '#u': 'ada@example.org', '#p': 'correct horse battery staple' });
  await submit(page, { '#otp': '000000' });
  const { popup, result, evidence } = await diagnose(ext, page);
  assert.equal(result.failureType, 'mfa_invalid_code', evidence.join('\n'));
  assert.ok(!evidence.some((e) => e.startsWith('trail.mfa_bounced_to_sign_in')), evidence.join('\n'));
  await popup.close();
  await page.close();
});

test('a healthy sign-in through /login?next= is no loop', async () => {
  const page = await open('/next/home');
  assert.match(page.url(), /\/next\/login\?next=/);
  await submit(page, { '#u': 'ada@example.org', '#p': 'correct horse battery staple' });
  assert.match(page.url(), /\/next\/home$/);
  const { popup, result, evidence } = await diagnose(ext, page);
  assert.equal(result.failureType, 'unclassified', evidence.join('\n'));
  assert.equal(result.verdict, 'none');
  assert.ok(!evidence.some((e) => /login_loop|login_bounce/.test(e)), evidence.join('\n'));
  await popup.close();
  await page.close();
});

test("a bare status page's HTTP status is the safe code, marked as what it is", async () => {
  const page = await open('/status-429');
  const d = await diagnose(ext, page);
  assert.equal(d.result.safeCode, 'HTTP 429', d.evidence.join('\n'));
  assert.equal(d.result.failureType, 'mfa_rate_limited');
  assert.match(d.report, /\| Safe code \| `HTTP 429`, the HTTP status of a bare status page/);
  assert.match(d.report, /"source":"http_status"/);
  await d.popup.close();
  await page.close();
});
// The browser's network error as a safe code: chromium.test.mjs (the login
// loop: webRequest says net::ERR_ABORTED at Chromium's redirect limit, the
// recorder keeps it as net::ERR_TOO_MANY_REDIRECTS) and har.test.mjs (the
// popup and a HAR of the same loop give the same safe code).
