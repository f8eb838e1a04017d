// Drive Debian's Firefox ESR (WebDriver BiDi, puppeteer-core) with dist/
// installed as shipped. BiDi will not navigate to moz-extension:// pages, so
// a loopback page opens the popup; popup.html is web-accessible to loopback
// origins for that reason (manifest.json).
import puppeteer from 'puppeteer-core';
import crypto from 'node:crypto';
import { DIST } from './chromium.mjs';

export const GECKO_ID = 'auth-triage@nanami.example';

export async function launchFirefox() {
  const uuid = crypto.randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX ?? '/usr/bin/firefox-esr',
    headless: true,
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
      // The network is closed: no update or telemetry traffic.
      'app.update.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'extensions.update.enabled': false,
    },
  });
  await browser.installExtension(DIST);
  return { browser, uuid, url: (p) => `moz-extension://${uuid}/${p}` };
}

/** From `page`, open popup.html?tab=opener and wait for its diagnosis. */
/** The open page whose document is at `prefix` (BiDi reports extension pages as about:blank). */
export async function findPage(ff, prefix, timeoutMs = 15_000) {
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

export async function diagnoseFirefox(ff, page) {
  // A real click, so the popup blocker lets the new tab open.
  await page.evaluate((u) => {
    const a = document.createElement('a');
    a.href = u;
    a.target = '_blank';
    a.id = '__open_triage';
    a.textContent = 'open triage';
    document.body.prepend(a);
  }, ff.url('popup.html?tab=opener'));
  await page.click('#__open_triage');
  await page.evaluate(() => document.getElementById('__open_triage')?.remove());
  const popup = await findPage(ff, ff.url('popup.html'));
  await popup.waitForSelector('#result[data-failure-type]', { timeout: 20_000 });
  const result = await popup.$eval('#result', (e) => ({ ...e.dataset }));
  const report = await popup.$eval('[data-report]', (e) => e.textContent);
  const evidence = await popup.$$eval('#evidence li', (l) => l.map((x) => x.textContent));
  return { popup, result, report, evidence };
}
