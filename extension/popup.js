// @ts-check
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
import { invoke, loadData, dataIndex, dataText, prefetch } from './core.js';
import { lexiconsFor, lexiconStem } from './languages.js';
import { collect } from './scripting/collector.js';
import { mergeFrames } from './frames.js';
import { isTrailReply, trailRequest } from './messages.js';
import { loadConfig, freshManaged } from './config.js';
import { $, el, setText, safeCodeText, download, copyText, countdown, fallbackUserMove, sendText } from './ui.js';
import { accessOf, showAccess } from './access-ui.js';
import { offerCodes } from './include-code.js';
import { t, localize, sayer, uiLang, ready } from './i18n.js';

await ready();
localize();

/** @typedef {import('./ext.js').Tab} Tab */
/** @typedef {import('./messages.js').TrailEvent} TrailEvent */
/** @typedef {import('./config.js').Config} Config */

/**
 * The core's diagnosis (src/diagnosis), the fields the popup shows.
 * @typedef {{ failure_type: string, verdict: string, confidence: number, safe_code?: string | null,
 *   headline: string, next_move: string, user_move?: string | null, admin_move?: string | null,
 *   user_wait_s?: number | null, retry_after_s?: number | null,
 *   evidence: { rule: string, detail: string, plain?: string | null }[] }} Diagnosis
 */

/**
 * The core's answer to `report` (wasm/src/lib.rs): the diagnosis, the
 * Markdown report, the report object, and the core's messages (`said`,
 * rendered by say.js) when it has them.
 * @typedef {import('./say.js').Msg} Msg
 * @typedef {{ diagnosis: Diagnosis, markdown: string, report: { id: string },
 *   said?: { headline?: Msg, user_move?: Msg, admin_move?: Msg, evidence?: Msg[] } | null }} ReportAnswer
 */

const STORES = ['chromewebstore.google.com', 'chrome.google.com', 'addons.mozilla.org', 'microsoftedge.microsoft.com'];

/** @returns {Promise<Tab | undefined>} */
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

/**
 * Why the popup cannot diagnose this address, or null when it can.
 * @param {string} url
 */
function unsupported(url) {
  let u;
  try {
    u = new URL(url);
  } catch {
    // No URL at all: the extension may not see this tab's address, which is
    // the case for the browser's own pages, and for a site it has no access
    // to when the popup was not opened from that tab's toolbar button.
    return t('popupCannotSeeTab');
  }
  if (!['http:', 'https:'].includes(u.protocol)) {
    return t('popupBrowserPage', `${u.protocol}//…`);
  }
  if (STORES.includes(u.hostname)) return t('popupStorePage');
  return null;
}

/**
 * @param {number} tabId
 * @returns {Promise<TrailEvent[]>}
 */
async function trailOf(tabId) {
  try {
    const r = await runtime.send(trailRequest(tabId));
    return isTrailReply(r) ? r.events : [];
  } catch {
    return [];
  }
}

/**
 * @param {Tab} tab
 * @param {Record<string, any> | null} page the frames' collector output, merged (frames.js)
 * @param {object[]} cookies
 * @param {TrailEvent[]} trail
 * @param {Config} config
 * @param {{ granted: boolean }} access
 */
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
      // The language the popup speaks: the report names it for support.
      ui_lang: uiLang(),
      ...(browserInfo() ? { browser: browserInfo() } : {}),
      // Without a grant the popup reads only the page (activeTab): the core
      // then lowers the confidence and says what it did not see.
      host_access: access.granted ? 'granted' : 'page_only',
    },
  };
}

// What the recorder could not see, in plain words (empty when it saw the page load).
/** @param {TrailEvent[]} trail */
function unseenText(trail) {
  if (trail.some((e) => e.type === 'main_frame')) return '';
  return t('popupUnseen');
}

let stopClock = () => {};

// The failure type's name for the full detail.
/** @param {string} type */
const i18nType = (type) => t(`type_${type}`);

// The core's messages in the UI language (set once the messages are loaded).
/** @type {import('./say.js').Say | null} */
let say = null;

/**
 * @param {ReportAnswer} answer
 * @param {TrailEvent[]} trail
 */
function render(answer, trail) {
  const d = answer.diagnosis;
  // The core's sentences in the UI language; its English where it says none.
  const said = say && answer.said ? answer.said : null;
  /**
   * @param {Msg | undefined} m
   * @param {string} english
   */
  const tell = (m, english) => (said && m && say ? say.render(m) : english);
  const result = $('#result');
  const calm = d.failure_type === 'unclassified';
  const verdictWords = d.verdict === 'deployment' ? t('popupVerdictDeployment') : t('popupVerdictProduct');
  const headline = calm ? t('popupCalmHeadline') : tell(said?.headline, d.headline);
  setText('#headline', headline);
  // No verdict badge when no failure is seen, whatever `verdict` says.
  $('#verdict-line').hidden = calm;
  const v = setText('#verdict', verdictWords);
  v.className = `badge ${d.verdict}`;
  const percent = new Intl.NumberFormat(document.documentElement.lang, { style: 'percent' }).format(d.confidence);
  setText('#confidence', t('popupConfidence', percent));
  setText('#verdict-detail', t('popupVerdictDetail', calm ? t('popupVerdictNone') : verdictWords, percent));
  setText('#type', i18nType(d.failure_type));
  setText('#safe-code', safeCodeText(d, {
    trail_url: (code) => t('popupCodeFromRedirect', code),
    net_error: (code) => t('popupCodeFromNetError', code),
    http_status: (code) => t('popupCodeFromHttpStatus', code),
  }));
  $('#safe-code-line').hidden = !d.safe_code;
  setText('#next-move', d.next_move);
  const unseen = unseenText(trail);
  setText('#unseen', unseen);
  $('#unseen').hidden = !unseen;

  // What you can do now, with a clock when there is a wait.
  const waitS = /** @type {number | null} */ (Number.isInteger(d.user_wait_s) ? d.user_wait_s : Number.isInteger(d.retry_after_s) ? d.retry_after_s : null);
  setText('#user-move', tell(said?.user_move, d.user_move || fallbackUserMove(d, waitS)));
  stopClock();
  $('#wait').hidden = !(waitS !== null && waitS > 0);
  const sayNow = say;
  const clock = sayNow ? { left: (/** @type {number} */ s) => t('popupTimeLeft', sayNow.duration(s)), over: t('popupWaitOver') } : undefined;
  if (waitS !== null && waitS > 0) stopClock = countdown($('#countdown'), waitS, undefined, undefined, clock);

  // For your administrator.
  setText('#admin-move', tell(said?.admin_move, d.admin_move ?? d.next_move));
  setText('#send', sendText(d, t('popupSendHow')));

  // Evidence for people; rule ids only in the full detail.
  const ev = d.evidence.slice(0, 12);
  $('#evidence').replaceChildren(
    ...(ev.length ? ev.map((e, i) => el('li', { text: tell(said?.evidence?.[i], e.plain ?? e.detail) })) : [el('li', { text: t('popupNoEvidence') })]),
  );
  $('#evidence-detail').replaceChildren(
    ...(ev.length ? ev : [{ rule: '', detail: t('popupNoEvidenceDetail') }]).map((e) =>
      el('li', {}, e.rule ? el('code', { text: e.rule }) : '', e.rule ? ' ' : '', e.detail),
    ),
  );
  $('#report').textContent = answer.markdown;
  // The live region announces the result once, in a line.
  const status = $('#status');
  status.textContent = t('popupResult', headline);
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

/** @param {() => ReportAnswer} current the answer shown now */
function wire(current) {
  $('#copy').addEventListener('click', async () => {
    const ok = await copyText(current().markdown);
    setText('#action-status', ok ? t('popupCopied') : t('popupCopyFailed'));
  });
  $('#download').addEventListener('click', () => {
    const answer = current();
    download(`${answer.report.id}.json`, JSON.stringify(answer.report, null, 2));
    setText('#action-status', t('popupSaved'));
  });
  $('#support').addEventListener('click', () => tabs.create({ url: runtime.url('support.html') }));
}

/**
 * @param {Diagnosis} a
 * @param {Diagnosis} b
 */
const same = (a, b) => a.failure_type === b.failure_type && a.verdict === b.verdict && (a.safe_code ?? '') === (b.safe_code ?? '');

async function main() {
  const sayP = sayer(dataIndex, dataText).catch(() => null);
  // A page in the user's own language is likely: its lexicon loads while the page is read.
  prefetch(`lexicon/${lexiconStem(uiLang())}.json`);
  /** @type {Record<string, number>} the phases, ms since navigation start */
  const tm = { start: performance.now() };
  const tabP = targetTab().then((r) => ((tm.tab = performance.now()), r));
  // The page is read as soon as the tab is known, while the settings are
  // read: it is the longest step before the core runs.
  const pageP = tabP.then((known) =>
    known?.id !== undefined && !unsupported(known.url ?? '')
      ? runInFrames(known.id, collect).then((r) => ((tm.collect = performance.now()), mergeFrames(r)))
      : null,
  );
  pageP.catch(() => {}); // awaited below once the tab is known to be a page; this only keeps an early failure from being unhandled
  const [tab, config] = await Promise.all([tabP, loadConfig().then((r) => ((tm.config = performance.now()), r))]);
  if (!tab) throw new Error(t('popupNoTab'));
  const url = tab.url ?? '';
  try {
    setText('#host', new URL(url).host);
  } catch {
    /* shown below */
  }
  const why = unsupported(url);
  if (why) {
    $('#status').textContent = why;
    document.body.dataset.unsupported = 'true';
    return;
  }
  // The policy store is read in the background, never waited for.
  const fresh = freshManaged(config.policy).catch(() => null);
  // A tab with a web page's address has an id (the API leaves it out only
  // for tabs outside a browser window, such as devtools).
  const tabId = /** @type {number} */ (tab.id);
  // What the extension may see on this site (granted, or the page only),
  // asked while the page (started above), trail and cookies are read: none
  // waits for it, and each of them answers empty where it may not look.
  const [access, page, trail, cookies] = await Promise.all([
    accessOf(tab).then((r) => ((tm.access = performance.now()), r)),
    pageP,
    trailOf(tabId).then((r) => ((tm.trail = performance.now()), r)),
    cookiesFor([url, ...config.publishedUrls]).then((r) => ((tm.cookies = performance.now()), r)),
  ]);
  const snapshot = snapshotOf(tab, page, cookies, trail, config, access);
  // The page's language and English: the other lexicons stay unread.
  document.body.dataset.lexicons = (await loadData(lexiconsFor(snapshot, await dataIndex))).filter((n) => n.startsWith('lexicon/')).join(' ');
  tm.wasm = performance.now();
  say = await sayP;
  /** @type {ReportAnswer} */
  const answer = await invoke({ type: 'report', snapshot, catalogs: config.catalogs });
  tm.core = performance.now();
  let current = answer;
  render(answer, trail);
  showAccess({ access, tab, page, trail, answer, config });
  tm.render = performance.now();
  document.body.dataset.timing = JSON.stringify(Object.fromEntries(Object.entries(tm).map(([k, v]) => [k, Math.round(v)])));
  wire(() => current);
  // A code the page shows that no catalog knows: offered, masked, for the
  // user to include (the report then marks it "included by the user").
  offerCodes({
    invoke,
    snapshot,
    catalogs: config.catalogs,
    anchor: $('#safe-code-line'),
    run: (/** @type {string[]} */ codes) => invoke({ type: 'report', snapshot: { ...snapshot, page: { ...snapshot.page, included_codes: codes } }, catalogs: config.catalogs }),
    onAnswer: (/** @type {ReportAnswer} */ a) => {
      current = a;
      render(a, trail);
    },
  });
  // A policy that changed since it was last read applies now if it changes
  // the answer (the view is updated), else from the next popup on.
  const policy = await fresh;
  if (policy) {
    const config2 = await loadConfig(policy);
    const cookies2 = await cookiesFor([url, ...config2.publishedUrls]);
    /** @type {ReportAnswer} */
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
  s.textContent = t('popupError', e?.message ?? e);
  s.classList.add('error');
  document.body.dataset.error = 'true';
});
