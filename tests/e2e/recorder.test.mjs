// The recorder survives its service worker: Chromium stops an extension's
// worker when it is idle or under memory pressure, and everything the
// worker kept only in memory is then gone. Here the worker is stopped
// through CDP (ServiceWorker.stopAllWorkers) right after a cookie-domain
// login loop, and the popup, which wakes a new worker, must still find the
// trail and diagnose the loop. A browser of its own: the stopped worker
// leaves the shared harness without a worker handle.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start } from './server.mjs';
import { launch, tabIdOf } from './chromium.mjs';

let site;
let ext;

before(async () => {
  site = await start();
  ext = await launch();
});

after(async () => {
  await ext?.close().catch(() => {}); // the stopped worker's handle may already be gone
  site?.server.close();
});

/** Stop every service worker through CDP, as Chrome does when idle; resolves once ours reports "stopped". */
async function stopWorker(page) {
  const cdp = await ext.context.newCDPSession(page);
  let seen = () => {};
  const stopped = new Promise((resolve) => (seen = resolve));
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    if (versions.some((v) => v.scriptURL.endsWith('/background.js') && v.runningStatus === 'stopped')) seen(true);
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  const ok = await Promise.race([stopped, new Promise((r) => setTimeout(() => r(false), 5000))]);
  await cdp.detach();
  assert.equal(ok, true, 'the worker did not stop');
}

/** The trail the recorder holds for `tabId`, asked from an extension page as the popup asks it. */
async function trailFrom(page, tabId) {
  return page.evaluate((id) => chrome.runtime.sendMessage({ type: 'trail', tabId: id }).then((r) => r.events), tabId);
}

test('a net error from webRequest.onErrorOccurred is recorded as trail[].error (Chromium)', async () => {
  const page = await ext.context.newPage();
  await page.goto(`${site.origin}/loop/login`).catch(() => {}); // the browser gives up: too many redirects
  const tabId = await tabIdOf(ext, page, `${site.origin}/loop/`);
  const probe = await ext.context.newPage();
  await probe.goto(ext.url('options.html'));
  const trail = await trailFrom(probe, tabId);
  const failed = trail.filter((e) => e.error);
  assert.equal(failed.length, 1, JSON.stringify(trail, null, 1));
  assert.equal(failed[0].type, 'main_frame');
  // Chromium stops the chain at its 20th redirect: webRequest announces it,
  // then reports the request as net::ERR_ABORTED, while the error page (and
  // a HAR) say ERR_TOO_MANY_REDIRECTS. The recorder keeps that name for an
  // abort at the limit (recorder.js netError).
  assert.equal(failed[0].error, 'net::ERR_TOO_MANY_REDIRECTS');
  assert.equal(trail.filter((e) => e.redirect_url).length, 20);
  await probe.close();
  await page.close();
});

test('the worker is stopped right after a cookie-domain login loop: the popup still diagnoses it from the trail', async () => {
  const page = await ext.context.newPage();
  await page.goto(`${site.origin}/cookie-domain`);
  const tabId = await tabIdOf(ext, page); // asked of the worker while it still runs
  await page.fill('#u', 'ada@example.org');
  await page.fill('#p', 'correct horse battery staple');
  // POST → 302 with a Set-Cookie for another domain → /home → 302 → the sign-in page again.
  await Promise.all([page.waitForURL(`${site.origin}/cookie-domain`, { waitUntil: 'load' }), page.click('form button[type=submit]')]);
  await stopWorker(page);

  // The popup's message wakes a new worker, which has only what was stored.
  const popup = await ext.context.newPage();
  await popup.goto(ext.url(`popup.html?tab=${tabId}`));
  await popup.waitForSelector('#result[data-failure-type]', { timeout: 15_000 });
  const result = await popup.$eval('#result', (e) => ({ ...e.dataset }));
  const rules = await popup.$$eval('#evidence-detail li', (l) => l.map((x) => x.textContent));
  assert.equal(result.failureType, 'session_proxy_cookie', rules.join('\n'));
  assert.equal(result.verdict, 'deployment');
  assert.ok(rules.some((e) => e.startsWith('trail.set_cookie_rejected')), rules.join('\n'));
  assert.equal(await popup.$eval('#unseen', (e) => e.hidden), true, 'the popup says page loads were not recorded');
  const report = await popup.$eval('[data-report]', (e) => e.textContent);
  assert.ok(!report.includes('s3cr3tSessionValue42'));
  await popup.close();
  await page.close();
});

test('a tab whose page loads were not recorded: the popup says what it could not see', async () => {
  const page = await ext.context.newPage();
  await page.goto(`${site.origin}/healthy`);
  // As if the page had opened before the extension started: the worker is
  // stopped first (it forgets its memory, and a write it still had pending
  // cannot put the trail back), then the tab's stored trail is forgotten;
  // the next worker starts from storage.
  await stopWorker(page);
  const probe = await ext.context.newPage();
  await probe.goto(ext.url('options.html'));
  const tabId = await probe.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id, page.url());
  await probe.evaluate((id) => chrome.storage.session.remove(`trail:${id}`), tabId);
  await probe.close();
  const popup = await ext.context.newPage();
  await popup.goto(ext.url(`popup.html?tab=${tabId}`));
  await popup.waitForSelector('#result[data-failure-type]', { timeout: 15_000 });
  assert.equal(await popup.$eval('#unseen', (e) => e.hidden), false);
  assert.match(await popup.textContent('#unseen'), /page loads were not recorded/);
  await popup.close();
  await page.close();
});
