// Record real sign-in sequences of real frameworks as golden snapshots
// (tests/fixtures/<case>/snapshot.json). See README.md beside this file.
//
//   node tests/recordings/record.mjs allauth URL OUTDIR   (site from allauth_app.py)
//   node tests/recordings/record.mjs oidc URL OUTDIR [ok|dropped] (relying party from oidc_rp.mjs)
//   node tests/recordings/record.mjs rails URL OUTDIR [ok|dropped] (rails_app.rb)
//   node tests/recordings/record.mjs spring URL OUTDIR [ok|loop]    (spring_shim.mjs)
//   node tests/recordings/record.mjs oauth2proxy URL OUTDIR [ok|dropped] (oauth2_proxy_shim.mjs)
//
// The page part comes from the extension's own collector (extension/
// collector.js, run in the page as the popup runs it); the trail from the
// browser's network events over CDP, shaped as the extension's recorder
// shapes webRequest events (extension/background.js): main-frame and
// sub-frame documents and XHR/fetch, with status, redirect target,
// Set-Cookie lines without their values, the names of the cookies sent,
// Date and Retry-After, the receive time, and the network error. The cookie
// jar gives names, attributes and value lengths, never values.
import { chromium } from 'playwright-core';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { collect } from '../../extension/scripting/collector.js';
import { mergeFrames } from '../../extension/frames.js';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// RFC 6238 TOTP (SHA-1, 6 digits, 30 s), for the test secret of the sites.
function totp(secretB32, at = Date.now()) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of secretB32.replace(/=+$/, '')) bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  const key = Buffer.from(bits.match(/.{8}/g).map((b) => parseInt(b, 2)));
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(BigInt(Math.floor(at / 1000 / 30)));
  const h = crypto.createHmac('sha1', key).update(msg).digest();
  const o = h[h.length - 1] & 0xf;
  return String((h.readUInt32BE(o) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

/** Start a browser whose main-frame, frame and XHR traffic is recorded. */
async function start() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless=new', '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-gpu'],
  });
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const mainFrame = (await cdp.send('Page.getFrameTree')).frameTree.frame.id;
  const hops = new Map(); // requestId -> [hop, …] (one per redirect)
  const events = [];
  const kindOf = (type, frameId) =>
    type === 'Document' ? (frameId === mainFrame ? 'main_frame' : 'sub_frame') : type === 'XHR' || type === 'Fetch' ? 'xmlhttprequest' : null;
  const hopsOf = (id) => hops.get(id) ?? (hops.set(id, []), hops.get(id));
  const header = (h, name) => Object.entries(h ?? {}).find(([k]) => k.toLowerCase() === name)?.[1];
  const finish = (hop) => {
    if (hop.done) return;
    hop.done = true;
    const e = {
      url: hop.url,
      method: hop.method,
      type: hop.kind,
      ...(hop.status ? { status: hop.status } : {}),
      ...(hop.redirect ? { redirect_url: hop.redirect } : {}),
      ...(hop.setCookie?.length ? { set_cookie: hop.setCookie } : {}),
      ...(hop.cookieNames ? { request_cookie_names: hop.cookieNames } : {}),
      ...(hop.date ? { date: hop.date } : {}),
      ...(hop.retryAfter ? { retry_after: hop.retryAfter } : {}),
      received_ms: hop.receivedMs ?? Date.now(),
      ...(hop.kind !== 'main_frame' ? { in_frame: hop.kind === 'sub_frame' } : {}),
      ...(hop.error ? { error: hop.error } : {}),
    };
    events.push(e);
  };
  cdp.on('Network.requestWillBeSent', (d) => {
    const kind = kindOf(d.type, d.frameId);
    if (!kind) return;
    const list = hopsOf(d.requestId);
    const prev = list[list.length - 1];
    if (d.redirectResponse && prev) {
      prev.status = d.redirectResponse.status;
      prev.redirect = d.request.url;
      prev.receivedMs ??= Date.now();
      prev.date ??= header(d.redirectResponse.headers, 'date');
      finish(prev);
    }
    list.push({ url: d.request.url, method: d.request.method, kind });
  });
  cdp.on('Network.requestWillBeSentExtraInfo', (d) => {
    const hop = hops.get(d.requestId)?.find((h) => !h.cookieNames);
    if (hop) hop.cookieNames = d.associatedCookies.filter((c) => c.blockedReasons.length === 0).map((c) => c.cookie.name);
  });
  cdp.on('Network.responseReceivedExtraInfo', (d) => {
    const hop = hops.get(d.requestId)?.find((h) => !h.gotHeaders);
    if (!hop) return;
    hop.gotHeaders = true;
    hop.status = d.statusCode;
    hop.receivedMs = Date.now();
    // Set-Cookie without its value, as the recorder keeps it.
    hop.setCookie = (header(d.headers, 'set-cookie') ?? '')
      .split('\n')
      .filter(Boolean)
      .map((l) => l.replace(/^([^=;]*)=[^;]*/, '$1='));
    hop.date = header(d.headers, 'date');
    hop.retryAfter = header(d.headers, 'retry-after');
  });
  cdp.on('Network.responseReceived', (d) => {
    const hop = hops.get(d.requestId)?.at(-1);
    if (hop) {
      hop.status ??= d.response.status;
      hop.receivedMs ??= Date.now();
      hop.date ??= header(d.response.headers, 'date');
    }
  });
  cdp.on('Network.loadingFinished', (d) => {
    const hop = hops.get(d.requestId)?.at(-1);
    if (hop) finish(hop);
  });
  cdp.on('Network.loadingFailed', (d) => {
    const hop = hops.get(d.requestId)?.at(-1);
    if (hop) {
      hop.error = d.errorText;
      finish(hop);
    }
  });
  return { browser, context, page, events };
}

/** The snapshot the popup would build for `page` now. */
async function snapshot(rec, published) {
  await sleep(300); // let the last network events arrive
  const { page, context, events } = rec;
  const frames = [];
  // The browser's own error page runs no extension script: the popup then
  // has the tab's URL and title only.
  const errorPage = page.url().startsWith('chrome-error:');
  for (const f of errorPage ? [] : page.frames()) {
    try {
      frames.push({ frameId: f === page.mainFrame() ? 0 : 1, result: await f.evaluate(collect) });
    } catch {
      /* a frame that went away */
    }
  }
  const p = mergeFrames(frames) ?? {};
  const cookies = (await context.cookies()).map((c) => ({
    name: c.name,
    domain: c.domain,
    host_only: !c.domain.startsWith('.'),
    path: c.path,
    secure: c.secure,
    http_only: c.httpOnly,
    same_site: { Strict: 'strict', Lax: 'lax', None: 'none' }[c.sameSite] ?? 'unspecified',
    session: c.expires < 0,
    ...(c.expires >= 0 ? { expires_ms: Math.round(c.expires * 1000) } : {}),
    value_len: c.value.length,
  }));
  const trail = events.slice(-300);
  const shown = errorPage ? trail.filter((e) => e.type === 'main_frame').at(-1)?.url : page.url();
  return {
    url: p.url || shown,
    page: {
      status: p.status ?? [...trail].reverse().find((e) => e.type === 'main_frame' && e.status)?.status,
      title: p.title ?? (errorPage ? new URL(shown).host : ''),
      text: p.text ?? '',
      alerts: p.alerts ?? [],
      ...(p.lang ? { lang: p.lang } : {}),
      forms: p.forms ?? [],
      resend: p.resend ?? [],
      codes: p.codes ?? [],
    },
    cookies,
    trail,
    env: { published_urls: [published], now_ms: Date.now(), tz_offset_min: 0, browser: { name: 'Chromium', version: rec.browser.version().split('.')[0] } },
  };
}

// Loopback hosts read as internal hosts (the trace of a wrong
// X-Forwarded-Host), so the recorded origins are renamed to public-looking
// ones, given as REWRITE="http://127.0.0.1:8765=http://nanami.example.org,…":
// in URLs, in encoded return addresses, and in cookie domains.
function rewrite(snap) {
  let text = JSON.stringify(snap);
  for (const pair of (process.env.REWRITE ?? '').split(',').filter(Boolean)) {
    const [from, to] = pair.split('=');
    const [fh, th] = [new URL(from).hostname, new URL(to).hostname];
    text = text.replaceAll(from, to).replaceAll(encodeURIComponent(from), encodeURIComponent(to));
    text = text.replaceAll(`"domain":"${fh}"`, `"domain":"${th}"`);
    // The tab's title on a browser error page is the host.
    text = text.replaceAll(`"title":"${new URL(from).host}"`, `"title":"${new URL(to).host}"`);
  }
  return JSON.parse(text);
}

function save(dir, name, snap, about) {
  snap = rewrite(snap);
  const d = path.join(dir, name);
  fs.mkdirSync(d, { recursive: true });
  fs.writeFileSync(path.join(d, 'snapshot.json'), JSON.stringify(snap, null, 1) + '\n');
  console.log(`${name}: ${snap.trail.length} events, page ${snap.url} (${about})`);
}

const ALLAUTH_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

/** django-allauth with MFA (allauth_app.py). */
async function allauth(base, out, mode) {
  const rec = await start();
  const { page } = rec;
  const signIn = async () => {
    await page.goto(`${base}/`);
    await page.fill('input[name=login]', 'alice');
    await page.fill('input[name=password]', 'correct horse battery');
    await Promise.all([page.waitForURL(/2fa\/authenticate/), page.click('form [type=submit]')]);
  };
  const code = async (c) => {
    await page.fill('input[name=code]', c);
    await Promise.all([page.waitForLoadState('load'), page.waitForEvent('framenavigated'), page.click('form [type=submit]')]);
  };
  try {
    if (mode === 'expired') {
      // allauth_app.py run with LOGIN_TIMEOUT=5: the pending login is gone
      // after 5 s; a correct code posted after 8 s.
      await signIn();
      await sleep(8000);
      await code(totp(ALLAUTH_SECRET));
      save(out, 'mfa-expired-allauth-bounce', await snapshot(rec, base), 'a correct code after the pending login timed out');
    } else if (mode === 'wrong') {
      await signIn();
      await sleep(1500);
      const right = totp(ALLAUTH_SECRET);
      await code(right === '000000' ? '111111' : '000000');
      save(out, 'mfa-invalid-code-allauth-retry', await snapshot(rec, base), 'a wrong code: the MFA step again, with an error');
    } else {
      await signIn();
      await sleep(1500);
      await code(totp(ALLAUTH_SECRET));
      await page.waitForSelector('text=Signed in as');
      save(out, 'login-allauth-next-not-a-loop', await snapshot(rec, base), 'signed in through ?next=/');
    }
  } finally {
    await rec.browser.close();
  }
}

/** oidc-provider with an openid-client relying party (oidc_rp.mjs). */
async function oidc(base, out, mode) {
  const rec = await start();
  const { page } = rec;
  try {
    await page.goto(`${base}/`);
    await page.waitForSelector('input[name=login]');
    await page.fill('input[name=login]', 'alice');
    await page.fill('input[name=password]', 'correct horse battery');
    await Promise.all([page.waitForLoadState('load'), page.waitForEvent('framenavigated'), page.click('form [type=submit]')]);
    const consent = await page.$('form [type=submit]');
    if (consent) {
      await Promise.all([page.waitForEvent('framenavigated'), consent.click()]);
    }
    await page.waitForLoadState('load').catch(() => {});
    await sleep(500);
    if (mode === 'dropped') {
      // oidc_rp.mjs run with COOKIE_DOMAIN=elsewhere.example.
      save(out, 'login-oidc-rp-cookie-dropped-loop', await snapshot(rec, base), 'the relying party\'s session cookie rejected: round and round');
      return;
    }
    await page.waitForSelector('text=Signed in as');
    save(out, 'login-oidc-rp-not-a-loop', await snapshot(rec, base), 'signed in at the relying party through oidc-provider');
  } finally {
    await rec.browser.close();
  }
}

/** A plain Rails sign-in (rails_app.rb): two wrong passwords, then the
 * right one (mode ok), or, against the app run with DROP_SESSION_COOKIE=1,
 * the right password three times, each time bounced back to the form
 * (mode dropped: the session cookie is rejected). */
async function rails(base, out, mode) {
  const rec = await start();
  const { page } = rec;
  const signIn = async (password) => {
    await page.fill('input[name=email_address]', 'alice@example.org');
    await page.fill('input[name=password]', password);
    await Promise.all([page.waitForLoadState('load'), page.waitForEvent('framenavigated'), page.click('form [type=submit]')]);
    await sleep(1500);
  };
  try {
    await page.goto(`${base}/`);
    await sleep(1500);
    if (mode === 'dropped') {
      for (let i = 0; i < 3; i++) await signIn('correct horse battery');
      save(out, 'login-rails-session-dropped-loop', await snapshot(rec, base), 'the right password, bounced back each time: the session cookie is rejected');
    } else {
      await signIn('wrong horse');
      await signIn('wrong horse again');
      await signIn('correct horse battery');
      await page.waitForSelector('text=Signed in as');
      save(out, 'login-rails-retry-not-a-loop', await snapshot(rec, base), 'two wrong passwords, then signed in');
    }
  } finally {
    await rec.browser.close();
  }
}

/** Spring Security's form login (spring_shim.mjs): a protected page, the
 * login page, one wrong password, then the right one (mode ok); or the
 * login page that is not permitAll() (mode loop, the shim run with
 * LOGIN_NOT_PERMITTED=1). */
async function spring(base, out, mode) {
  const rec = await start();
  const { page } = rec;
  try {
    if (mode === 'loop') {
      await page.goto(`${base}/account`).catch(() => {});
      await sleep(500);
      save(out, 'login-spring-login-page-not-permitted-loop', await snapshot(rec, base), 'the login page itself needs a login');
      return;
    }
    await page.goto(`${base}/account`);
    await sleep(1500);
    for (const password of ['wrong horse', 'correct horse battery']) {
      await page.fill('input[name=username]', 'alice');
      await page.fill('input[name=password]', password);
      await Promise.all([page.waitForLoadState('load'), page.waitForEvent('framenavigated'), page.click('form [type=submit]')]);
      await sleep(1500);
    }
    await page.waitForSelector('text=Signed in as');
    save(out, 'login-spring-saved-request-not-a-loop', await snapshot(rec, base), 'a wrong password, then signed in and sent to the saved request');
  } finally {
    await rec.browser.close();
  }
}

/** oauth2-proxy in front of an app (oauth2_proxy_shim.mjs) with
 * oidc-provider: signed in through the provider and back (mode ok); or the
 * session cookie rejected, round and round (mode dropped: the shim run with
 * COOKIE_DOMAIN=elsewhere.example). */
async function oauth2proxy(base, out, mode) {
  const rec = await start();
  const { page } = rec;
  try {
    await page.goto(`${base}/reports/`);
    await page.waitForSelector('input[name=login]');
    await sleep(1000);
    await page.fill('input[name=login]', 'alice');
    await page.fill('input[name=password]', 'correct horse battery');
    await Promise.all([page.waitForLoadState('load'), page.waitForEvent('framenavigated'), page.click('form [type=submit]')]);
    const consent = await page.$('form [type=submit]');
    if (consent) await Promise.all([page.waitForEvent('framenavigated'), consent.click()]).catch(() => {});
    await page.waitForLoadState('load').catch(() => {});
    await sleep(1500);
    if (mode === 'dropped') {
      save(out, 'login-oauth2-proxy-cookie-dropped-loop', await snapshot(rec, base), 'the session cookie rejected: round and round');
    } else {
      await page.waitForSelector('text=Signed in as');
      save(out, 'login-oauth2-proxy-not-a-loop', await snapshot(rec, base), 'signed in through the provider and back to the page');
    }
  } finally {
    await rec.browser.close();
  }
}

/** Open `base` `mode` times (a number) and save the last page as `name`:
 * a rate limiter's bare status page, a redirect loop's browser error. */
async function visits(base, out, times, name = 'visits') {
  const rec = await start();
  try {
    for (let i = 0; i < Number(times); i++) {
      await rec.page.goto(base).catch(() => {}); // a browser error page is an answer too
      await sleep(200);
    }
    save(out, name, await snapshot(rec, base), `${times} visits`);
  } finally {
    await rec.browser.close();
  }
}

const [kind, base, out = 'tests/fixtures', mode = 'ok', name] = process.argv.slice(2);
const run = { allauth, oidc, rails, spring, oauth2proxy, visits: (b, o, m) => visits(b, o, m, name) }[kind];
if (!run || !base) {
  console.error('usage: record.mjs allauth|oidc|rails|spring|oauth2proxy|visits BASE_URL [OUTDIR] [ok|wrong|expired|dropped|loop|TIMES] [NAME]');
  process.exit(2);
}
await run(base.replace(/\/$/, ''), out, mode);
