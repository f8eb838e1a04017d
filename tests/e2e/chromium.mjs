// Drive Debian's Chromium with the extension loaded unpacked.
//
// By default that is dist-test/: dist/ as shipped plus the grant a user
// gives with "Allow on this site" for the test origins (127.0.0.1, localhost,
// *.nanami.localhost), since permissions.request() never resolves headless
// (tests/e2e/variants.test.mjs proves that is the only difference besides
// the Firefox navigation hook). Pass { dist: DIST } for the shipped build.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const DIST = path.resolve(import.meta.dirname, '../../dist');
export const DIST_TEST = path.resolve(import.meta.dirname, '../../dist-test');
export const DIST_MANAGED = path.resolve(import.meta.dirname, '../../dist-managed');

// `env` adds to the browser's environment: on Linux, Chromium takes its UI
// language (and so the extension's _locales) from LANGUAGE.
export async function launch({ ignoreHTTPSErrors = false, recordHar, dist = DIST_TEST, env } = {}) {
  const DIST = dist;
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'at-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    ignoreHTTPSErrors,
    ...(env ? { env: { ...process.env, ...env } } : {}),
    // A HAR of everything the browser does, written when the context closes.
    ...(recordHar ? { recordHar } : {}),
    args: [
      '--headless=new',
      `--load-extension=${DIST}`,
      `--disable-extensions-except=${DIST}`,
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-gpu',
      // For the CDP Extensions domain: Extensions.triggerAction clicks the
      // toolbar button, which grants activeTab as a user's click does.
      '--enable-unsafe-extension-debugging',
    ],
  });
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker', { timeout: 15_000 });
  // The worker exists before its module has run: wait for the recorder's
  // listeners, or the first page a test opens goes unrecorded.
  const listening = await worker.evaluate(async () => {
    for (let i = 0; i < 250; i++) {
      if (chrome.webRequest.onCompleted.hasListeners()) return true;
      await new Promise((r) => setTimeout(r, 20));
    }
    return false;
  });
  if (!listening) throw new Error('the recorder registered no listeners within 5 s');
  const id = new URL(worker.url()).host;
  const close = async () => {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  };
  return { context, worker, id, close, url: (p) => `chrome-extension://${id}/${p}` };
}

/**
 * Click the extension's toolbar button on `page` (CDP Extensions.triggerAction),
 * as a user does: the browser grants activeTab for that tab. Returns the
 * tab's id, which the extension can see from then on.
 */
export async function clickAction(ext, page, prefix) {
  // A browser error page may still be committing when the first click lands
  // (its grant then goes with the navigation): click again, as a user would.
  for (let attempt = 0; attempt < 5; attempt++) {
    await page.waitForLoadState('load').catch(() => {});
    // A user clicks the button of the tab in front. The welcome page the
    // install opens can come up after the test's tab and cover it; a click
    // on a tab behind it grants nothing.
    await page.bringToFront().catch(() => {});
    const cdp = await ext.context.browser().newBrowserCDPSession();
    try {
      const { targetInfos } = await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] });
      // A browser error page reports chrome-error:// to the driver; its tab keeps the URL it failed on.
      const url = page.url();
      const tab = targetInfos.find((t) => t.url === url) ?? (prefix && targetInfos.find((t) => t.url.startsWith(prefix)));
      // A redirect loop's tab can be between two URLs when it is looked
      // for (the driver already says chrome-error://, the tab not yet the
      // loop's URL): look again, as a user would click again.
      if (!tab) {
        if (attempt === 4) throw new Error(`no tab target for ${url}`);
        await new Promise((r) => setTimeout(r, 200 * (attempt + 1)));
        continue;
      }
      await cdp.send('Extensions.triggerAction', { id: ext.id, targetId: tab.targetId });
    } finally {
      await cdp.detach().catch(() => {});
    }
    const id = await tabIdOf(ext, page, prefix, 20 + 10 * attempt);
    if (id !== null) return id;
  }
  // Say what the extension did see, so a failure here can be told apart
  // from a click that never landed.
  const seen = await ext.worker.evaluate(async () => (await chrome.tabs.query({})).map((t) => t.url ?? '(no url)'));
  throw new Error(`the toolbar click on ${page.url()} gave the extension no view of the tab (it sees: ${seen.join(', ')})`);
}

/** Open popup.html?tab=<id> and wait for it to settle (a diagnosis, or a message). */
export async function openPopup(ext, tabId) {
  const popup = await ext.context.newPage();
  await popup.goto(ext.url(`popup.html?tab=${tabId}`));
  await popup.waitForSelector('#result[data-failure-type], body[data-unsupported], body[data-error], body[data-access]', { timeout: 15_000 });
  return popup;
}

/** The browser's id for the tab showing `page`. */
export async function tabIdOf(ext, page, prefix, tries = 50) {
  // A browser error page reports about:blank to the driver; the tab keeps the URL it failed on.
  const url = prefix ?? page.url();
  for (let i = 0; i < tries; i++) {
    const id = await ext.worker.evaluate(async (u) => {
      const all = await chrome.tabs.query({});
      const t = all.find((x) => x.url === u) ?? all.find((x) => x.url?.startsWith(u.split('#')[0]));
      return t?.id ?? null;
    }, url);
    if (id !== null) return id;
    await new Promise((r) => setTimeout(r, 100)); // the tab may still be committing its URL
  }
  return null;
}

/** Open popup.html?tab=<id> for `page` and wait for its diagnosis. */
export async function diagnose(ext, page, prefix) {
  const tabId = await tabIdOf(ext, page, prefix);
  if (tabId === null) throw new Error(`no tab for ${page.url()}`);
  const popup = await ext.context.newPage();
  await popup.goto(ext.url(`popup.html?tab=${tabId}`));
  await popup.waitForSelector('#result[data-failure-type]', { timeout: 15_000 });
  const result = await popup.$eval('#result', (e) => ({ ...e.dataset }));
  const report = await popup.$eval('[data-report]', (e) => e.textContent);
  const evidence = await popup.$$eval('#evidence-detail li', (l) => l.map((x) => x.textContent));
  return { popup, result, report, evidence };
}

export async function setOptions(ext, { urls = [], catalog = '' } = {}) {
  const p = await ext.context.newPage();
  await p.goto(ext.url('options.html'));
  await p.waitForSelector('body[data-ready]');
  await p.fill('#urls', urls.join('\n'));
  await p.fill('#catalog', catalog);
  await p.click('#save');
  await p.waitForFunction(() => document.querySelector('#status').textContent.length > 0);
  const status = await p.textContent('#status');
  await p.close();
  return status;
}
