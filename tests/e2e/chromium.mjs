// Drive Debian's Chromium with dist/ loaded exactly as shipped.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const DIST = path.resolve(import.meta.dirname, '../../dist');

export async function launch({ ignoreHTTPSErrors = false, recordHar } = {}) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'at-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    ignoreHTTPSErrors,
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

/** The browser's id for the tab showing `page`. */
export async function tabIdOf(ext, page, prefix) {
  // A browser error page reports about:blank to the driver; the tab keeps the URL it failed on.
  const url = prefix ?? page.url();
  for (let i = 0; i < 50; i++) {
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
