// End-to-end: dist/ as shipped, in Debian's headless Chromium, against the
// fixture site on loopback. Each test drives a real page to its failure,
// opens popup.html?tab=<id>, and checks the popup's contract and report.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, HOSTILE } from './server.mjs';
import { launch, diagnose, setOptions, tabIdOf } from './chromium.mjs';

let site;
let ext;

before(async () => {
  site = await start();
  ext = await launch();
  await ext.context.grantPermissions(['clipboard-read', 'clipboard-write']);
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

function assertNoSecrets(report, secrets) {
  for (const s of secrets) assert.ok(!report.includes(s), `report leaks ${s}`);
}

test('wrong MFA code: product, invalid code, and Copy report puts the report on the clipboard', async () => {
  const page = await open('/wrong-code');
  await submit(page, { '#otp': '861234' });
  const { popup, result, report } = await diagnose(ext, page);
  assert.equal(result.failureType, 'mfa_invalid_code');
  assert.equal(result.verdict, 'product');
  assert.equal(result.safeCode, '');
  assert.match(report, /Invalid authenticator code/);
  assertNoSecrets(report, ['861234']);
  await popup.bringToFront();
  await popup.click('#copy');
  await popup.waitForFunction(() => document.querySelector('#action-status').textContent.includes('copied'));
  const clip = await popup.evaluate(() => navigator.clipboard.readText());
  assert.equal(clip, report);
  await popup.close();
  await page.close();
});

test('expired MFA challenge', async () => {
  const page = await open('/expired');
  const { popup, result, report } = await diagnose(ext, page);
  assert.equal(result.failureType, 'mfa_challenge_expired');
  assert.equal(result.verdict, 'product');
  assert.match(report, /expired/);
  await popup.close();
  await page.close();
});

test('rate limit with a resend cooldown and Retry-After', async () => {
  const page = await open('/rate');
  const { popup, result, report, evidence } = await diagnose(ext, page);
  assert.equal(result.failureType, 'mfa_rate_limited');
  assert.equal(result.verdict, 'product');
  assert.match(report, /\| Wait \| 300 s \|/);
  assert.ok(evidence.some((e) => e.includes('trail.status_429')), evidence.join('\n'));
  await popup.close();
  await page.close();
});

test('login loop on a browser error page: diagnosed from the recorded trail', async () => {
  const page = await open('/loop/login');
  const { popup, result, evidence } = await diagnose(ext, page, `${site.origin}/loop/`);
  assert.equal(result.failureType, 'session_proxy_cookie');
  assert.equal(result.verdict, 'deployment');
  assert.ok(evidence.some((e) => e.includes('trail.too_many_redirects') || e.includes('trail.login_loop')), evidence.join('\n'));
  // The browser's own name for it, as its error page says (webRequest says
  // net::ERR_ABORTED; the recorder keeps an abort at the redirect limit by
  // its name), is the safe code.
  assert.equal(result.safeCode, 'net::ERR_TOO_MANY_REDIRECTS', evidence.join('\n'));
  assert.ok(evidence.some((e) => e.includes('trail.too_many_redirects')), evidence.join('\n'));
  await popup.close();
  await page.close();
});

test('session cookie set for another domain than the published one', async () => {
  assert.equal(await setOptions(ext, { urls: [site.origin] }), 'Saved.');
  try {
    const page = await open('/cookie-domain');
    await submit(page, { '#u': 'ada@example.org', '#p': 'correct horse battery staple' });
    const { popup, result, report, evidence } = await diagnose(ext, page);
    assert.equal(result.failureType, 'session_proxy_cookie');
    assert.equal(result.verdict, 'deployment');
    assert.ok(evidence.some((e) => e.includes('trail.set_cookie_rejected')), evidence.join('\n'));
    assert.match(report, new RegExp(`Published URL \\| \`${site.origin}/\``));
    assertNoSecrets(report, ['s3cr3tSessionValue42', 'correct horse battery staple', 'ada@example.org']);
    await popup.close();
    await page.close();
  } finally {
    await setOptions(ext, { urls: [] });
  }
});

test('a Date header 10 minutes off turns an invalid code into a deployment fault', async () => {
  const page = await open('/clock');
  const { popup, result, evidence, report } = await diagnose(ext, page);
  assert.equal(result.failureType, 'session_proxy_cookie');
  assert.equal(result.verdict, 'deployment');
  assert.ok(evidence.some((e) => e.includes('clock.host_skew')), evidence.join('\n'));
  assert.match(report, /the page shows an invalid MFA code/);
  await popup.close();
  await page.close();
});

test('a page with only a code no catalog knows: not captured without the user\'s consent', async () => {
  // NAN-4711 is in no catalog and of no product-code shape: it could be a
  // token or a user name, so no output holds it (an operator catalog or the
  // user's consent, page.included_codes, brings it in).
  const page = await open('/safe-code');
  const { popup, result, report } = await diagnose(ext, page);
  assert.equal(result.failureType, 'unclassified');
  assert.equal(result.safeCode, '');
  assert.ok(!report.includes('NAN-4711'));
  await popup.close();
  await page.close();
});

test('a login web component: the error inside nested open shadow roots is read, a hidden one is not', async () => {
  const page = await open('/shadow');
  await page.waitForFunction(() => document.querySelector('nanami-login')?.shadowRoot);
  const { popup, result, evidence, report } = await diagnose(ext, page);
  assert.equal(result.failureType, 'mfa_invalid_code', evidence.join('\n'));
  assert.equal(result.verdict, 'product');
  assert.ok(evidence.some((e) => /passcode you entered is invalid/.test(e)), evidence.join('\n'));
  assert.ok(!/too many attempts/i.test(report), 'text of a hidden component counted');
  await popup.close();
  await page.close();
});

test('a login widget in a cross-origin frame is read; hidden and text-only frames are not', async () => {
  const page = await open('/framed');
  // goto waits for the page's load event, which waits for its frames.
  const { popup, result, evidence, report } = await diagnose(ext, page);
  assert.equal(result.failureType, 'mfa_challenge_expired', evidence.join('\n'));
  assert.ok(evidence.some((e) => /verification code has expired/.test(e)), evidence.join('\n'));
  assert.ok(!/too many/i.test(report), 'a hidden or text-only frame counted');
  // The path is a word no allow-list knows: a typed placeholder of its length.
  assert.match(report, new RegExp(`${site.origin.replace(/[.:/]/g, '\\$&')}/<word(-\\d+)?:6>`));
  await popup.close();
  await page.close();
});

test('a code the app consumed in its callback is captured from the recorded redirect', async () => {
  const page = await open('/oauth/callback?error=access_denied&error_code=otp_expired&state=af0ifjsldkj&code=SplxlOBeZQQYbYS6WxSbIA');
  assert.ok(page.url().endsWith('/oauth/failed'));
  const { popup, result, evidence, report } = await diagnose(ext, page);
  assert.equal(result.safeCode, 'otp_expired', evidence.join('\n'));
  assert.equal(result.failureType, 'mfa_challenge_expired');
  assert.ok(evidence.some((e) => e.startsWith('trail.error_code')), evidence.join('\n'));
  assert.match(await popup.textContent('#safe-code'), /^otp_expired \(from the sign-in redirect/);
  assert.match(report, /\| Safe code \| `otp_expired` .*from the sign-in redirect/);
  assertNoSecrets(report, ['af0ifjsldkj', 'SplxlOBeZQQYbYS6WxSbIA']);
  // Redacted by the recorder, then by the report: the masks keep the values' lengths.
  assert.match(report, /state=<token(-\d+)?:11>&code=<token(-\d+)?:22>/);
  await popup.close();
  await page.close();
});

test("a wrong code on a self-hosted identity provider's page beside the published host is the product's answer", async () => {
  const port = new URL(site.origin).port;
  await setOptions(ext, { urls: [`http://app.nanami.localhost:${port}`] });
  try {
    const page = await ext.context.newPage();
    await page.goto(`http://app.nanami.localhost:${port}/app/login`);
    assert.match(page.url(), /^http:\/\/auth\.nanami\.localhost:\d+\/idp\/login-actions\//);
    await submit(page, { '#otp': '861234' });
    const { popup, result, evidence, report } = await diagnose(ext, page);
    assert.equal(result.failureType, 'mfa_invalid_code', evidence.join('\n'));
    assert.equal(result.verdict, 'product');
    assert.ok(evidence.some((e) => e.startsWith('page.identity_provider')), evidence.join('\n'));
    assert.ok(!evidence.some((e) => /domain_not_published|host_not_published/.test(e)), evidence.join('\n'));
    assertNoSecrets(report, ['861234', 'af0ifjsldkj', 'Zq9XwV3kL8mN2pR7tY4u', '5d1e0c2a-9b8f']);
    await popup.close();
    await page.close();
  } finally {
    await setOptions(ext, { urls: [] });
  }
});

test("nginx's 502 Bad Gateway on the sign-in callback is the deployment's", async () => {
  const page = await open('/gateway/callback?code=SplxlOBeZQQYbYS6WxSbIA&state=af0ifjsldkj');
  const { popup, result, evidence, report } = await diagnose(ext, page);
  assert.equal(result.failureType, 'session_proxy_cookie', evidence.join('\n'));
  assert.equal(result.verdict, 'deployment');
  assert.ok(evidence.some((e) => e.startsWith('page.gateway_error')), evidence.join('\n'));
  assert.match(await popup.textContent('#next-move'), /could not reach the sign-in service/);
  assertNoSecrets(report, ['SplxlOBeZQQYbYS6WxSbIA', 'af0ifjsldkj']);
  await popup.close();
  await page.close();
});

test('an operator catalog maps the safe code', async () => {
  const catalog = JSON.stringify({ catalog: 'nanami', version: '1', codes: [{ code: 'NAN-4711', type: 'mfa_rate_limited', meaning: 'resend cooldown' }] });
  assert.equal(await setOptions(ext, { catalog }), 'Saved.');
  try {
    const page = await open('/safe-code');
    const { popup, result } = await diagnose(ext, page);
    assert.equal(result.failureType, 'mfa_rate_limited');
    assert.equal(result.safeCode, 'NAN-4711');
    await popup.close();
    await page.close();
  } finally {
    await setOptions(ext, {});
  }
});

test('options refuse bad input with a clear message and keep what was saved', async () => {
  assert.match(await setOptions(ext, { urls: ['not a url'] }), /Not saved/);
  const p = await ext.context.newPage();
  await p.goto(ext.url('options.html'));
  await p.waitForSelector('body[data-ready]');
  // "ü" is two bytes: the core counts bytes, the caret characters.
  const catalog = '{"catalog": "x",\n "codes": [\n  {"meaning": "Prüfung", "code": "A-1", "type": "nope"}]}';
  await p.fill('#catalog', catalog);
  await p.click('#save');
  await p.waitForFunction(() => document.querySelector('#catalog-error').textContent.length > 0);
  // The field and where it is, and the caret put there.
  assert.equal(
    await p.textContent('#catalog-error'),
    'Catalog: codes[0].type: unknown value (expected one of mfa_invalid_code, mfa_challenge_expired, mfa_rate_limited, session_proxy_cookie, other) at line 3 column 50',
  );
  assert.equal(await p.getAttribute('#catalog', 'aria-invalid'), 'true');
  assert.equal(await p.evaluate(() => document.activeElement.id), 'catalog');
  assert.equal(await p.evaluate(() => document.querySelector('#catalog').selectionStart), catalog.indexOf('"nope"'));
  // A bad published URL: named by its line as the box shows it (the blank
  // line counts), and the caret goes there first.
  const urls = 'https://nanami.example.org\n\nnanami.example.org';
  await p.fill('#urls', urls);
  await p.click('#save');
  await p.waitForFunction(() => document.querySelector('#urls-error').textContent.length > 0);
  assert.match(await p.textContent('#urls-error'), /^Line 3: not a URL/);
  assert.equal(await p.evaluate(() => document.activeElement.id), 'urls');
  assert.equal(await p.evaluate(() => document.querySelector('#urls').selectionStart), urls.lastIndexOf('\n') + 1);
  await p.close();
});

test('healthy control: not reported as a failure', async () => {
  const page = await open('/healthy');
  const { popup, result } = await diagnose(ext, page);
  assert.equal(result.failureType, 'unclassified');
  assert.equal(result.safeCode, '');
  await popup.close();
  await page.close();
});

test('hostile error text: nothing executes in the popup or the support page, and the popup stays responsive', async () => {
  const page = await open('/hostile');
  const { popup, result, report } = await diagnose(ext, page);
  assert.equal(result.failureType, 'mfa_invalid_code');
  assert.equal(await popup.evaluate(() => window.__pwned ?? null), null);
  assert.equal(await popup.$$eval('img, script:not([src])', (l) => l.length), 0);
  assert.ok(report.length < 20_000, `report is ${report.length} bytes`);
  // Responsive: the details toggle answers at once.
  const t0 = Date.now();
  await popup.click('#detail > summary');
  assert.equal(await popup.$eval('#detail', (d) => d.open), true);
  assert.ok(Date.now() - t0 < 2000);

  const support = await ext.context.newPage();
  await support.goto(ext.url('support.html'));
  await support.waitForSelector('body[data-ready]');
  await support.fill('#input', `${report}\n${HOSTILE}`);
  await support.click('#verify');
  await support.waitForSelector('body[data-result]');
  assert.equal(await support.evaluate(() => window.__pwned ?? null), null);
  assert.equal(await support.$$eval('img, script:not([src])', (l) => l.length), 0);
  await support.close();
  await popup.close();
  await page.close();
});

test('support page: an intact report is rendered (also quoted in a mail reply), a one-character edit is flagged', async () => {
  const page = await open('/expired');
  const { popup, report } = await diagnose(ext, page);
  const support = await ext.context.newPage();
  await support.goto(ext.url('support.html'));
  await support.waitForSelector('body[data-ready]');
  await support.fill('#input', report);
  await support.click('#verify');
  await support.waitForSelector('body[data-result="intact"]');
  assert.equal(await support.textContent('#badge'), 'Consistent');
  assert.match(await support.textContent('#headline'), /expired/);
  const edited = report.replace('verdict **product**', 'verdict **producT**');
  assert.notEqual(edited, report);
  await support.fill('#input', edited);
  await support.click('#verify');
  await support.waitForSelector('body[data-result="modified"]');
  assert.equal(await support.textContent('#badge'), 'Modified');
  // A hand-made report hidden in a comment above the genuine one: no plain
  // verdict, and both blocks are listed.
  await support.fill('#input', `<!--\n${edited}\n-->\n${report}`);
  await support.click('#verify');
  // The page already says "modified" from the check before: wait for this
  // check's badge, not for the attribute.
  await support.waitForFunction(() => document.querySelector('#badge')?.textContent !== 'Modified');
  await support.waitForSelector('body[data-result="modified"]');
  assert.equal(await support.textContent('#badge'), 'Not a plain verdict');
  assert.equal(await support.$$eval('#blocks li', (l) => l.length), 2);
  assert.match(await support.textContent('#blocks'), /inside an HTML comment/);
  // As it comes back in a mail reply: quoted, with a note above it.
  const quoted = `On Monday Ana wrote:\n${report.split('\n').map((l) => `> ${l}`.trimEnd()).join('\n')}`;
  await support.fill('#input', quoted);
  await support.click('#verify');
  await support.waitForSelector('body[data-result="intact"]');
  assert.match(await support.textContent('#headline'), /expired/);
  await support.close();
  await popup.close();
  await page.close();
});

test('browser pages get a clear message instead of a diagnosis', async () => {
  const page = await ext.context.newPage();
  await page.goto('chrome://version').catch(() => {});
  // Without the "tabs" permission the extension does not see chrome:// URLs at all.
  const tabId = await ext.worker.evaluate(async () => (await chrome.tabs.query({})).find((t) => !t.url)?.id);
  assert.ok(Number.isInteger(tabId));
  const popup = await ext.context.newPage();
  await popup.goto(ext.url(`popup.html?tab=${tabId}`));
  await popup.waitForSelector('body[data-unsupported]');
  assert.match(await popup.textContent('#status'), /can't be diagnosed/);
  await popup.close();
  await page.close();
});

test('the recorder drops values at once and forgets a tab when it closes', async () => {
  const page = await open('/cookie-domain');
  await submit(page, { '#u': 'ada@example.org', '#p': 'pw' });
  const tabId = await tabIdOf(ext, page);
  const key = `trail:${tabId}`;
  await page.waitForTimeout(600); // the recorder writes within 250 ms
  const stored = await ext.worker.evaluate(async (k) => JSON.stringify(await chrome.storage.session.get(k)), key);
  assert.ok(stored.includes('nanami_session'), stored);
  assert.ok(!stored.includes('s3cr3tSessionValue42'), 'a Set-Cookie value reached storage');
  await page.close();
  await new Promise((r) => setTimeout(r, 500));
  const after = await ext.worker.evaluate(async (k) => Object.keys(await chrome.storage.session.get(k)).length, key);
  assert.equal(after, 0);
});
