// Drive Debian's Firefox ESR (WebDriver BiDi, puppeteer-core) with
// dist-test/ installed: BiDi will not navigate to moz-extension:// pages, so
// a loopback page opens the popup with a real click; dist-test/ makes the
// extension pages web-accessible to loopback origins for that, and holds the
// test grant (see chromium.mjs). dist/ as shipped has neither.
import puppeteer from 'puppeteer-core';
import crypto from 'node:crypto';
import { DIST_TEST } from './chromium.mjs';

export const GECKO_ID = 'auth-triage@nanami.example';

export async function launchFirefox({ dist = DIST_TEST, prefs = {}, args = [] } = {}) {
  const uuid = crypto.randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX ?? '/usr/bin/firefox-esr',
    headless: true,
    acceptInsecureCerts: true,
    args,
    extraPrefsFirefox: {
      ...prefs,
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
      // The network is closed: no update or telemetry traffic.
      'app.update.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'extensions.update.enabled': false,
    },
  });
  await browser.installExtension(dist);
  return { browser, uuid, url: (p) => `moz-extension://${uuid}/${p}` };
}

/** From `page`, open popup.html?tab=opener and wait for its diagnosis. */
/**
 * The open page whose document is at `prefix` (BiDi reports extension pages as about:blank).
 * A tab the extension opens can take more than 15 s to show up on a busy machine (CI saw
 * it once, on the page-only popup), so the wait is 30 s; a page that is there returns at once.
 */
export async function findPage(ff, prefix, timeoutMs = 30_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    for (const p of await ff.browser.pages()) {
      const href = await p.evaluate(() => location.href).catch(() => '');
      if (href.startsWith(prefix)) return p;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no page at ${prefix}`);
}

/**
 * Open an extension page in a new tab with `tabs.create`, called from the extension page
 * `extPage`, and return it. CI twice saw such a tab never show up to BiDi (30 s, the
 * page-only popup); if it is not seen in 15 s, the error names the tab's state as the
 * browser has it, and the tab is reloaded once before the last 30 s wait.
 */
export async function openTabFirefox(ff, extPage, extPath) {
  const id = await extPage.evaluate((p) => browser.tabs.create({ url: browser.runtime.getURL(p) }).then((t) => t.id), extPath);
  try {
    return await findPage(ff, ff.url(extPath), 15_000);
  } catch {
    const state = await extPage.evaluate(
      (i) => browser.tabs.get(i).then((t) => `status ${t.status}, discarded ${t.discarded}, ${t.url}`, (e) => e.message),
      id,
    );
    console.error(`# ${extPath}: not seen by BiDi in 15 s (tab ${id}: ${state}); reloading it once`);
    await extPage.evaluate((i) => browser.tabs.reload(i), id);
    return findPage(ff, ff.url(extPath), 30_000);
  }
}

/** Open an extension page from `page` with a real click (see above). */
export async function openFromPage(ff, page, extPath) {
  await page.evaluate((u) => {
    const a = document.createElement('a');
    a.href = u;
    a.target = '_blank';
    a.id = '__open_ext';
    a.textContent = 'open';
    document.body.prepend(a);
  }, ff.url(extPath));
  await page.click('#__open_ext');
  await page.evaluate(() => document.getElementById('__open_ext')?.remove());
  return findPage(ff, ff.url(extPath.split('?')[0]));
}

/** Save options through the real options page. */
export async function setOptionsFirefox(ff, page, { urls = [], catalog = '' } = {}) {
  const opts = await openFromPage(ff, page, 'options.html');
  await opts.waitForSelector('body[data-ready]');
  await opts.evaluate((u, c) => {
    document.querySelector('#urls').value = u;
    document.querySelector('#catalog').value = c;
  }, urls.join('\n'), catalog);
  await opts.click('#save');
  await opts.waitForFunction(() => document.querySelector('#status').textContent.length > 0);
  const status = await opts.evaluate(() => document.querySelector('#status').textContent);
  await opts.close();
  return status;
}

export async function diagnoseFirefox(ff, page) {
  // A real click, so the popup blocker lets the new tab open.
  const popup = await openFromPage(ff, page, 'popup.html?tab=opener');
  await popup.waitForSelector('#result[data-failure-type]', { timeout: 20_000 });
  const result = await popup.$eval('#result', (e) => ({ ...e.dataset }));
  const report = await popup.$eval('[data-report]', (e) => e.textContent);
  const evidence = await popup.$$eval('#evidence-detail li', (l) => l.map((x) => x.textContent));
  return { popup, result, report, evidence };
}

/**
 * The toolbar button, clicked for the page at `url` in Firefox (the
 * counterpart of chromium.mjs's clickAction, for dist/ as shipped). BiDi
 * cannot click the browser's own toolbar, and `action.openPopup()` grants
 * activeTab only when it runs in a user gesture, to the selected tab of the
 * window it opens in (ext-browserAction.js: `triggerClickOrPopup`). So the
 * page opens in a window of its own, focused, and a real click in an
 * extension page of another window (`extPage`, e.g. the welcome page)
 * calls `browser.action.openPopup({ windowId })`: the popup opens on the
 * page's window and Firefox grants activeTab for that tab, as for a click on
 * the button. Returns the tab's id and its window's.
 */
export async function clickActionFirefox(extPage, url) {
  const ids = await extPage.evaluate(async (u) => {
    const w = await browser.windows.create({ url: u, focused: true });
    const tab = w.tabs[0].id;
    for (let i = 0; i < 100 && (await browser.tabs.get(tab)).status !== 'complete'; i++) await new Promise((r) => setTimeout(r, 100));
    return { win: w.id, tab };
  }, url);
  await extPage.evaluate((win) => {
    document.getElementById('__action')?.remove();
    const b = document.createElement('button');
    b.id = '__action';
    b.textContent = 'toolbar button';
    b.addEventListener('click', () => {
      document.body.dataset.action = '';
      browser.action.openPopup({ windowId: win }).then(
        () => (document.body.dataset.action = 'opened'),
        (e) => (document.body.dataset.action = `error: ${e.message}`),
      );
    });
    document.body.prepend(b);
  }, ids.win);
  await extPage.click('#__action');
  await extPage.waitForFunction(() => document.body.dataset.action, { timeout: 10_000 });
  const res = await extPage.evaluate(() => document.body.dataset.action);
  await extPage.evaluate(() => document.getElementById('__action')?.remove());
  if (res !== 'opened') throw new Error(`action.openPopup: ${res}`);
  return ids;
}
