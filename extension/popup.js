// The popup: gathers the snapshot (collector output of the page and of its
// embedded login frames, cookie names and attributes, the recorded trail,
// the configured published URL), runs the core, and shows the diagnosis.
// Test contract: popup.html?tab=<tabId> diagnoses that tab (tab=opener: the tab that opened this page); when done,
// #result carries data-failure-type, data-verdict, data-safe-code and
// data-state (product, deployment, or calm when no failure is seen),
// [data-report] holds the Markdown report, body[data-timing] the phases
// (ms since navigation start) and body[data-policy] appears once the policy
// store has answered (the view is re-rendered if a new policy changes it).

import { tabs, runInFrames, cookiesFor, runtime, browserInfo } from './ext.js';
import { invoke, loadData, dataIndex } from './core.js';
import { lexiconsFor } from './languages.js';
import { collect } from './scripting/collector.js';
import { mergeFrames } from './frames.js';
import { isTrailReply, trailRequest } from './messages.js';
import { loadConfig, freshManaged } from './config.js';
import { $, el, setText, safeCodeText, TYPE_WORDS, download, copyText, countdown, fallbackUserMove, sendText } from './ui.js';
import { accessOf, showAccess } from './access-ui.js';
import { offerCodes } from './include-code.js';

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
    // the case for the browser's own pages, and for a site it has no access
    // to when the popup was not opened from that tab's toolbar button.
    return "This page can't be diagnosed: the extension cannot see this tab (a browser page such as settings, new tab, the extension store or the PDF viewer, or a site it has no access to). Open the failing login page and click the toolbar button there.";
  }
  if (!['http:', 'https:'].includes(u.protocol)) {
    return `Browser pages (${u.protocol}//…) can't be diagnosed: browsers do not let extensions read them. Open the failing login page and click the button there.`;
  }
  if (STORES.includes(u.hostname)) return 'The extension store does not let extensions read its pages. Open the failing login page and try again.';
  return null;
}

async function trailOf(tabId) {
  try {
    const r = await runtime.send(trailRequest(tabId));
    return isTrailReply(r) ? r.events : [];
  } catch {
    return [];
  }
}

function snapshotOf(tab, page, cookies, trail, config, access) {
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
      // Without a grant the popup reads only the page (activeTab): the core
      // then lowers the confidence and says what it did not see.
      host_access: access.granted ? 'granted' : 'page_only',
    },
  };
}

// What the recorder could not see, in plain words (empty when it saw the page load).
function unseenText(trail) {
  if (trail.some((e) => e.type === 'main_frame')) return '';
  return "This tab's page loads were not recorded (the extension started after the page opened, or it may not watch this site), so redirects and cookies set along the way could not be checked. For a fuller answer, reload the page, repeat the sign-in, and open this again.";
}

let stopClock = () => {};

function render(answer, trail) {
  const d = answer.diagnosis;
  const result = $('#result');
  const calm = d.failure_type === 'unclassified';
  const verdictWords = d.verdict === 'deployment' ? 'Deployment problem' : 'Product answer';
  setText('#headline', calm ? 'No sign-in failure seen on this page' : d.headline);
  // No verdict badge when no failure is seen, whatever `verdict` says.
  $('#verdict-line').hidden = calm;
  const v = setText('#verdict', verdictWords);
  v.className = `badge ${d.verdict}`;
  setText('#confidence', `confidence ${Math.round(d.confidence * 100)}%`);
  setText('#verdict-detail', `${calm ? 'none (no failure seen)' : verdictWords}, confidence ${Math.round(d.confidence * 100)}%`);
  setText('#type', TYPE_WORDS[d.failure_type] ?? d.failure_type);
  setText('#safe-code', safeCodeText(d));
  $('#safe-code-line').hidden = !d.safe_code;
  setText('#next-move', d.next_move);
  const unseen = unseenText(trail);
  setText('#unseen', unseen);
  $('#unseen').hidden = !unseen;

  // What you can do now, with a clock when there is a wait.
  const waitS = Number.isInteger(d.user_wait_s) ? d.user_wait_s : Number.isInteger(d.retry_after_s) ? d.retry_after_s : null;
  setText('#user-move', d.user_move || fallbackUserMove(d, waitS));
  stopClock();
  $('#wait').hidden = !(waitS > 0);
  if (waitS > 0) stopClock = countdown($('#countdown'), waitS);

  // For your administrator.
  setText('#admin-move', d.admin_move ?? d.next_move);
  setText('#send', sendText(d));

  // Evidence for people; rule ids only in the full detail.
  const ev = d.evidence.slice(0, 12);
  $('#evidence').replaceChildren(
    ...(ev.length ? ev.map((e) => el('li', { text: e.plain ?? e.detail })) : [el('li', { text: 'Nothing that points to a failure.' })]),
  );
  $('#evidence-detail').replaceChildren(
    ...(ev.length ? ev : [{ rule: '', detail: 'No evidence of a failure.' }]).map((e) =>
      el('li', {}, e.rule ? el('code', { text: e.rule }) : '', e.rule ? ' ' : '', e.detail),
    ),
  );
  $('#report').textContent = answer.markdown;
  // The live region announces the result once, in a line.
  const status = $('#status');
  status.textContent = `Result: ${calm ? 'no sign-in failure seen on this page.' : d.headline}`;
  status.classList.add('sr-only');
  document.body.classList.toggle('calm', calm);
  result.hidden = false;
  // The contract for tests and for anyone scripting the popup.
  result.dataset.safeCode = d.safe_code ?? '';
  result.dataset.verdict = d.verdict;
  result.dataset.state = calm ? 'calm' : d.verdict;
  // From navigation start (performance's time origin) to the diagnosis.
  result.dataset.elapsedMs = String(Math.round(performance.now()));
  result.dataset.renders = String(Number(result.dataset.renders ?? 0) + 1);
  result.dataset.failureType = d.failure_type;
}

function wire(current) {
  $('#copy').addEventListener('click', async () => {
    const ok = await copyText(current().markdown);
    setText('#action-status', ok ? 'Report copied. Paste it into your mail or support ticket.' : 'Copy failed: open "Full detail" and copy the report there.');
  });
  $('#download').addEventListener('click', () => {
    const answer = current();
    download(`${answer.report.id}.json`, JSON.stringify(answer.report, null, 2));
    setText('#action-status', 'Report saved as JSON in your downloads.');
  });
  $('#support').addEventListener('click', () => tabs.create({ url: runtime.url('support.html') }));
}

const same = (a, b) => a.failure_type === b.failure_type && a.verdict === b.verdict && (a.safe_code ?? '') === (b.safe_code ?? '');

async function main() {
  const t = { start: performance.now() };
  const [tab, config] = await Promise.all([
    targetTab().then((r) => ((t.tab = performance.now()), r)),
    loadConfig().then((r) => ((t.config = performance.now()), r)),
  ]);
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
  // The policy store is read in the background, never waited for.
  const fresh = freshManaged(config.policy).catch(() => null);
  // What the extension may see on this site: granted, or the page only.
  const access = await accessOf(tab);
  t.access = performance.now();
  const [page, trail, cookies] = await Promise.all([
    runInFrames(tab.id, collect).then((r) => ((t.collect = performance.now()), mergeFrames(r))),
    trailOf(tab.id).then((r) => ((t.trail = performance.now()), r)),
    cookiesFor([tab.url, ...config.publishedUrls]).then((r) => ((t.cookies = performance.now()), r)),
  ]);
  const snapshot = snapshotOf(tab, page, cookies, trail, config, access);
  // The page's language and English: the other lexicons stay unread.
  document.body.dataset.lexicons = (await loadData(lexiconsFor(snapshot, await dataIndex))).filter((n) => n.startsWith('lexicon/')).join(' ');
  t.wasm = performance.now();
  const answer = await invoke({ type: 'report', snapshot, catalogs: config.catalogs });
  t.core = performance.now();
  let current = answer;
  render(answer, trail);
  showAccess({ access, tab, page, trail, answer, config });
  t.render = performance.now();
  document.body.dataset.timing = JSON.stringify(Object.fromEntries(Object.entries(t).map(([k, v]) => [k, Math.round(v)])));
  wire(() => current);
  // A code the page shows that no catalog knows: offered, masked, for the
  // user to include (the report then marks it "included by the user").
  offerCodes({
    invoke,
    snapshot,
    catalogs: config.catalogs,
    anchor: $('#safe-code-line'),
    run: (codes) => invoke({ type: 'report', snapshot: { ...snapshot, page: { ...snapshot.page, included_codes: codes } }, catalogs: config.catalogs }),
    onAnswer: (a) => {
      current = a;
      render(a, trail);
    },
  });
  // A policy that changed since it was last read applies now if it changes
  // the answer (the view is updated), else from the next popup on.
  const policy = await fresh;
  if (policy) {
    const config2 = await loadConfig(policy);
    const cookies2 = await cookiesFor([tab.url, ...config2.publishedUrls]);
    const again = await invoke({ type: 'report', snapshot: snapshotOf(tab, page, cookies2, trail, config2, access), catalogs: config2.catalogs });
    if (!same(again.diagnosis, answer.diagnosis)) {
      render(again, trail);
      document.getElementById('access')?.remove();
      showAccess({ access, tab, page, trail, answer: again, config: config2 });
    }
    current = again;
  }
  document.body.dataset.policy = policy ? 'changed' : 'unchanged';
}

main().catch((e) => {
  const s = $('#status');
  s.textContent = `Could not diagnose this page: ${e?.message ?? e}`;
  s.classList.add('error');
  document.body.dataset.error = 'true';
});
