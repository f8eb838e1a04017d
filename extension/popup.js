// The popup: gathers the snapshot (collector output of the page and of its
// embedded login frames, cookie names and attributes, the recorded trail,
// the configured published URL), runs the core, and shows the diagnosis.
// Test contract: popup.html?tab=<tabId> diagnoses that tab (tab=opener: the tab that opened this page); when done,
// #result carries data-failure-type, data-verdict and data-safe-code, and
// [data-report] holds the Markdown report.

import { tabs, runInFrames, cookiesFor, runtime, browserInfo } from './ext.js';
import { invoke, loadData, dataIndex } from './core.js';
import { lexiconsFor } from './languages.js';
import { collect, mergeFrames } from './collector.js';
import { loadConfig } from './config.js';
import { $, el, setText, safeCodeText, TYPE_WORDS, download, copyText } from './ui.js';

const STORES = ['chromewebstore.google.com', 'chrome.google.com', 'addons.mozilla.org', 'microsoftedge.microsoft.com'];

async function targetTab() {
  const q = new URLSearchParams(location.search).get('tab');
  if (q === 'opener') {
    const me = await tabs.current();
    if (me?.openerTabId !== undefined) return tabs.get(me.openerTabId);
  } else if (q && /^\d+$/.test(q)) {
    return tabs.get(Number(q));
  }
  return tabs.active();
}

function unsupported(url) {
  let u;
  try {
    u = new URL(url);
  } catch {
    // No URL at all: the extension may not see this tab's address, which is
    // the case for the browser's own pages.
    return "This page can't be diagnosed: browsers do not let extensions read their own pages (settings, new tab, the extension store, the PDF viewer). Open the failing login page and click the button there.";
  }
  if (!['http:', 'https:'].includes(u.protocol)) {
    return `Browser pages (${u.protocol}//…) can't be diagnosed: browsers do not let extensions read them. Open the failing login page and click the button there.`;
  }
  if (STORES.includes(u.hostname)) return 'The extension store does not let extensions read its pages. Open the failing login page and try again.';
  return null;
}

async function trailOf(tabId) {
  try {
    const r = await runtime.send({ type: 'trail', tabId });
    return Array.isArray(r?.events) ? r.events : [];
  } catch {
    return [];
  }
}

function snapshotOf(tab, page, cookies, trail, config) {
  const p = page ?? {};
  return {
    schema_version: 1,
    url: p.url || tab.url,
    page: {
      // A browser error page (too many redirects, DNS) runs no script: the
      // status then comes from the last main-frame response in the trail.
      status: p.status ?? [...trail].reverse().find((e) => e.type === 'main_frame' && e.status)?.status ?? undefined,
      title: p.title ?? tab.title ?? '',
      text: p.text ?? '',
      alerts: p.alerts ?? [],
      lang: p.lang ?? undefined,
      forms: p.forms ?? [],
      resend: p.resend ?? [],
      codes: p.codes ?? [],
    },
    cookies,
    trail,
    env: {
      published_urls: config.publishedUrls,
      now_ms: Date.now(),
      tz_offset_min: -new Date().getTimezoneOffset(),
      ...(browserInfo() ? { browser: browserInfo() } : {}),
    },
  };
}

function render(answer) {
  const d = answer.diagnosis;
  const result = $('#result');
  setText('#headline', d.headline);
  const v = setText('#verdict', d.verdict === 'deployment' ? 'Deployment problem' : 'Product answer');
  v.className = `badge ${d.verdict}`;
  setText('#confidence', `confidence ${Math.round(d.confidence * 100)}%`);
  setText('#type', TYPE_WORDS[d.failure_type] ?? d.failure_type);
  setText('#safe-code', safeCodeText(d));
  setText('#next-move', d.next_move);
  const list = $('#evidence');
  list.replaceChildren(
    ...(d.evidence.length ? d.evidence : [{ rule: '', detail: 'No evidence of a failure.' }])
      .slice(0, 12)
      .map((e) => el('li', {}, e.rule ? el('code', { text: e.rule }) : '', e.rule ? ' ' : '', e.detail)),
  );
  $('#report').textContent = answer.markdown;
  $('#status').textContent = '';
  result.hidden = false;
  // The contract for tests and for anyone scripting the popup.
  result.dataset.safeCode = d.safe_code ?? '';
  result.dataset.verdict = d.verdict;
  // From navigation start (performance's time origin) to the diagnosis.
  result.dataset.elapsedMs = String(Math.round(performance.now()));
  result.dataset.failureType = d.failure_type;
}

function wire(answer) {
  $('#copy').addEventListener('click', async () => {
    const ok = await copyText(answer.markdown);
    setText('#action-status', ok ? 'Report copied. Paste it into your support ticket.' : 'Copy failed: open "Full detail" and copy the text.');
  });
  $('#download').addEventListener('click', () => {
    download(`${answer.report.id}.json`, JSON.stringify(answer.report, null, 2));
    setText('#action-status', 'Report saved as JSON.');
  });
  $('#support').addEventListener('click', () => tabs.create({ url: runtime.url('support.html') }));
}

async function main() {
  const tab = await targetTab();
  if (!tab) throw new Error('No tab to diagnose.');
  try {
    setText('#host', new URL(tab.url).host);
  } catch {
    /* shown below */
  }
  const why = unsupported(tab.url ?? '');
  if (why) {
    $('#status').textContent = why;
    document.body.dataset.unsupported = 'true';
    return;
  }
  const t = { start: performance.now() };
  const config = await loadConfig();
  t.config = performance.now();
  const [page, trail, cookies] = await Promise.all([
    runInFrames(tab.id, collect).then((r) => ((t.collect = performance.now()), mergeFrames(r))),
    trailOf(tab.id).then((r) => ((t.trail = performance.now()), r)),
    cookiesFor([tab.url, ...config.publishedUrls]).then((r) => ((t.cookies = performance.now()), r)),
  ]);
  const snapshot = snapshotOf(tab, page, cookies, trail, config);
  // The page's language and English: the other lexicons stay unread.
  document.body.dataset.lexicons = (await loadData(lexiconsFor(snapshot, await dataIndex))).filter((n) => n.startsWith('lexicon/')).join(' ');
  t.wasm = performance.now();
  const answer = await invoke({ type: 'report', snapshot, catalogs: config.catalogs });
  t.core = performance.now();
  document.body.dataset.timing = JSON.stringify(Object.fromEntries(Object.entries(t).map(([k, v]) => [k, Math.round(v)])));
  render(answer);
  wire(answer);
}

main().catch((e) => {
  const s = $('#status');
  s.textContent = `Could not diagnose this page: ${e?.message ?? e}`;
  s.classList.add('error');
  document.body.dataset.error = 'true';
});
