// End-to-end in Firefox ESR: the same popup flow as in Chromium, with dist/
// installed as shipped (event page instead of service worker, no
// extraHeaders, moz-extension pages).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start } from './server.mjs';
import { launchFirefox, diagnoseFirefox, openFromPage } from './firefox.mjs';

let site;
let ff;

before(async () => {
  site = await start();
  ff = await launchFirefox();
});

after(async () => {
  await ff?.browser.close();
  site?.server.close();
});

async function check(path, want, act) {
  const page = await ff.browser.newPage();
  await page.goto(site.origin + path).catch(() => {});
  if (act) await act(page);
  const { popup, result, report, evidence } = await diagnoseFirefox(ff, page);
  try {
    assert.equal(result.failureType, want.type, evidence.join('\n'));
    assert.equal(result.verdict, want.verdict);
    if (want.code !== undefined) assert.equal(result.safeCode, want.code);
    for (const rule of want.rules ?? []) assert.ok(evidence.some((e) => e.startsWith(rule)), `${rule} missing:\n${evidence.join('\n')}`);
    return report;
  } finally {
    await popup.close();
    await page.close();
  }
}

test('Firefox: wrong code after a real form post', async () => {
  const report = await check('/wrong-code', { type: 'mfa_invalid_code', verdict: 'product', code: '' }, async (page) => {
    await page.type('#otp', '861234');
    await Promise.all([page.waitForNavigation().catch(() => {}), page.click('form button[type=submit]')]);
  });
  assert.ok(!report.includes('861234'));
});

test('Firefox: expired challenge', () => check('/expired', { type: 'mfa_challenge_expired', verdict: 'product' }));

test('Firefox: rate limit with Retry-After from the recorded trail', () =>
  check('/rate', { type: 'mfa_rate_limited', verdict: 'product', rules: ['trail.status_429'] }));

test('Firefox: a Date header 10 minutes off', () =>
  check('/clock', { type: 'session_proxy_cookie', verdict: 'deployment', rules: ['clock.host_skew'] }));

test('Firefox: only a code no catalog knows (not captured without consent)', () => check('/safe-code', { type: 'unclassified', verdict: 'none', code: '' }));

test('Firefox: healthy control', () => check('/healthy', { type: 'unclassified', verdict: 'none', code: '' }));

test('Firefox: a login web component in open shadow roots', () =>
  check('/shadow', { type: 'mfa_invalid_code', verdict: 'product', rules: ['text.invalid_code'] }, (page) =>
    page.waitForFunction(() => document.querySelector('nanami-login')?.shadowRoot),
  ));

test('Firefox: a login widget in a cross-origin frame', async () => {
  // The page's load event waits for its frames, and goto waits for it.
  const report = await check('/framed', { type: 'mfa_challenge_expired', verdict: 'product', rules: ['text.challenge_expired'] });
  assert.ok(!/too many/i.test(report), 'a hidden or text-only frame counted');
});

test('Firefox: a code the app consumed in its callback, from the recorded redirect', async () => {
  const report = await check('/oauth/callback?error=access_denied&error_code=otp_expired&state=af0ifjsldkj', {
    type: 'mfa_challenge_expired',
    verdict: 'product',
    code: 'otp_expired',
    rules: ['trail.error_code'],
  });
  assert.ok(!report.includes('af0ifjsldkj'));
  assert.match(report, /state=<token(-\d+)?:11>/);
});

test("Firefox: nginx's 502 Bad Gateway on the sign-in callback", () =>
  check('/gateway/callback?code=SplxlOBeZQQYbYS6WxSbIA', { type: 'session_proxy_cookie', verdict: 'deployment', rules: ['page.gateway_error'] }));

test('Firefox: a net error from webRequest.onErrorOccurred is recorded as trail[].error', async () => {
  const loop = await ff.browser.newPage();
  await loop.goto(`${site.origin}/loop/login`).catch(() => {}); // Firefox gives up: redirect loop
  const page = await ff.browser.newPage();
  await page.goto(`${site.origin}/healthy`);
  const opts = await openFromPage(ff, page, 'options.html');
  try {
    // Asked of the recorder as the popup asks it.
    const trail = await opts.evaluate(async (prefix) => {
      const tab = (await browser.tabs.query({})).find((t) => t.url?.startsWith(prefix));
      return (await browser.runtime.sendMessage({ type: 'trail', tabId: tab.id })).events;
    }, `${site.origin}/loop/`);
    const failed = trail.filter((e) => e.error);
    assert.equal(failed.length, 1, JSON.stringify(trail, null, 1));
    assert.equal(failed[0].type, 'main_frame');
    assert.equal(failed[0].error, 'NS_ERROR_REDIRECT_LOOP', JSON.stringify(failed));
  } finally {
    await opts.close();
    await page.close();
    await loop.close();
  }
});
