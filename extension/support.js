// @ts-check
// The support page: a pasted or opened report is untrusted input. It is
// verified by the core (schema, digest, view) and shown as text only. A HAR
// file is diagnosed and sanitized in a worker (har-worker.js), whose
// messages are declared in messages.js.
import { harRequest, isHarWorkerReply, verifyRequest } from './messages.js';

import { $, el, setText, safeCodeText, download } from './ui.js';
import { localize, t, tn, leadAndDetail, sayer, ready } from './i18n.js';

// The page's own words in the browser's language (_locales/); its lang attribute follows.
await ready();
localize();

const MAX = 4 * 1024 * 1024;

/**
 * The core's diagnosis (src/diagnosis), the fields this page shows.
 * @typedef {import('./ui.js').DiagnosisView & { headline: string, next_move: string,
 *   evidence: { rule: string, detail: string }[] }} Diagnosis
 */
/**
 * The core's answer to `verify` (wasm/src/lib.rs, Answer::Verification).
 * @typedef {{ line: number, place: string, kind: string, consistent: boolean, copies: number, message: string }} Block
 * @typedef {{ intact: boolean, consistent: boolean, message: string, blocks?: Block[], warnings?: string[],
 *   report?: { diagnosis: Diagnosis, published_url?: string | null, page_url: string, created: { utc: string } },
 *   markdown?: string, text?: string }} Verification
 */
/**
 * The core's answer to `har` (Answer::Har).
 * @typedef {{ diagnosis: Diagnosis, said?: { headline: import('./say.js').Msg } | null, markdown: string,
 *   entries: number, pages: number, picked: number, page_url: string, sanitized?: string }} HarAnswer
 */
/** What a listener reads of a worker's reply (one of messages.js's HarWorkerReply). */
/** @typedef {{ progress?: number, parsing?: true, error?: string, result?: HarAnswer, verified?: Verification }} ReplyFields */

/** @param {EventTarget | null} target the file input of a change event */
const fileOf = (target) => /** @type {HTMLInputElement} */ (target).files?.[0];

// The words around the core's answers in the UI language. The report itself
// (its headline, moves, evidence and text) is shown as it is: English, for
// support staff, and marked lang="en".
/** @param {string} type */
const typeWords = (type) => t(`type_${type}`);
/** @param {string} v */
const verdictWords = (v) => (v === 'deployment' ? t('popupVerdictDeployment') : v === 'product' ? t('popupVerdictProduct') : v);
/** @type {import('./ui.js').CodeWords} */
const CODE_WORDS = {
  trail_url: (code) => t('popupCodeFromRedirect', code),
  net_error: (code) => t('popupCodeFromNetError', code),
  http_status: (code) => t('popupCodeFromHttpStatus', code),
};
/** @param {Diagnosis} d */
const codeText = (d) => (d.safe_code ? safeCodeText(d, CODE_WORDS) : t('supNoCode'));
/** @type {Record<string, string>} */
const PLACES = { 'plain view': 'supPlacePlain', 'inside an HTML comment': 'supPlaceComment', 'inside a collapsed <details>': 'supPlaceDetails' };
/** @param {string} p */
const placeWords = (p) => (Object.hasOwn(PLACES, p) ? t(PLACES[p]) : p);
// The core's messages in the UI language, for the HAR's diagnosis.
const say = sayer(fetch(new URL('./core/data/index.json', import.meta.url)).then((r) => r.json()).then((i) => i.files)).catch(() => null);

/** @param {string} text */
async function check(text) {
  const out = $('#out');
  setText('#status', '');
  if (text.length > MAX) {
    setText('#status', t('supTooLarge'));
    return;
  }
  let v;
  try {
    v = await verifyInWorker(text);
  } catch (e) {
    out.hidden = true;
    leadAndDetail($('#status'), t('supUnreadable'), e instanceof Error ? e.message : String(e));
    document.body.dataset.result = 'unreadable';
    return;
  }
  out.hidden = false;
  // A plain verdict only for one consistent report and nothing else that
  // reads like one; every report-like block of the paste is listed.
  const word = v.intact ? t('supConsistent') : v.consistent ? t('supNotPlain') : t('supModified');
  const badge = setText('#badge', word);
  badge.className = `badge ${v.intact ? 'intact' : 'modified'}`;
  // What it means in the UI language, then the core's line (English, technical).
  setText('#meaning', v.intact ? t('supMeansIntact') : v.consistent ? t('supMeansNotPlain') : t('supMeansModified'));
  setText('#message', v.message.split('\n')[0]);
  const blocks = $('#blocks');
  const many = (v.blocks ?? []).length > 1;
  blocks.hidden = !many;
  blocks.replaceChildren(...(many ? v.blocks ?? [] : []).map((b) => {
    const where = b.copies > 1 ? t('supBlockCopies', b.line, placeWords(b.place), tn('supCopies', b.copies)) : t('supBlock', b.line, placeWords(b.place));
    return el('li', {}, where, ' ', el('span', { lang: 'en', text: b.message }));
  }));
  const warnings = $('#warnings');
  warnings.hidden = !(v.warnings ?? []).length;
  warnings.replaceChildren(...(v.warnings ?? []).map((w) => el('li', {}, t('supWarning'), ' ', el('span', { lang: 'en', text: w }))));
  const view = $('#view');
  view.hidden = !v.intact;
  if (v.intact && v.report) {
    const r = v.report;
    const d = r.diagnosis;
    setText('#headline', d.headline);
    setText('#verdict', verdictWords(d.verdict));
    setText('#type', typeWords(d.failure_type));
    setText('#safe-code', codeText(d));
    setText('#published', r.published_url ?? t('supNotConfigured'));
    setText('#page', r.page_url);
    setText('#created', r.created.utc);
    setText('#next-move', d.next_move);
    $('#evidence').replaceChildren(...d.evidence.map((e) => el('li', {}, el('code', { text: e.rule }), ' ', e.detail)));
    setText('#text', v.text ?? '');
  }
  document.body.dataset.result = v.intact ? 'intact' : 'modified';
}

// `verify` is in the support page's module (core-har/), which the HAR
// worker loads: the popup's module stays small. One worker answers the
// pastes, one at a time.
/** @type {Worker | null} */
let verifier = null;
/**
 * The core's verification of `text`, from the worker; rejects with its
 * one-line error, or when the reply is not one of the worker's answers
 * (checked by messages.js's guard, as the HAR listener does).
 * @param {string} text
 * @returns {Promise<Verification>}
 */
function verifyInWorker(text) {
  verifier ??= newWorker();
  const w = verifier;
  return new Promise((resolve, reject) => {
    w.onmessage = ({ data }) => {
      if (!isHarWorkerReply(data)) return reject(new Error('har worker: not an answer to verify'));
      const reply = /** @type {ReplyFields} */ (data);
      if (reply.error !== undefined) reject(new Error(reply.error));
      else if (reply.verified) resolve(reply.verified);
      else reject(new Error('har worker: not an answer to verify'));
    };
    w.onerror = (e) => reject(new Error(e.message ?? 'worker error'));
    w.postMessage(verifyRequest(text));
  });
}

const input = /** @type {HTMLTextAreaElement} */ ($('#input'));
$('#verify').addEventListener('click', () => check(input.value));
$('#file').addEventListener('change', async (ev) => {
  const f = fileOf(ev.target);
  if (!f) return;
  if (f.size > MAX) {
    setText('#status', t('supTooLarge'));
    return;
  }
  const text = await f.text();
  input.value = text;
  check(text);
});
// A HAR: read and diagnosed in a worker (large files take seconds), with
// its progress and a way to stop it; the report and the sanitized HAR are
// offered as downloads. Everything shown is set as text.
const HAR_MAX = 256 * 1024 * 1024;
/** @type {Worker | null} */
let worker = null;
/** @type {{ name: string, markdown: string, sanitized?: string } | null} */
let harOut = null;
// A worker is started ahead, so the core and its data are loaded before a
// file comes; after each run (or a cancel) the next one starts.
const newWorker = () => new Worker(new URL('./har-worker.js', import.meta.url), { type: 'module' });
/** @type {Worker | null} */
let spare = newWorker();

// `detail`: an English technical line (the core's or the browser's) after the message.
/**
 * @param {string} state
 * @param {string} [message]
 * @param {string} [detail]
 */
function harDone(state, message = '', detail) {
  worker?.terminate();
  worker = null;
  spare ??= newWorker();
  $('#har-busy').hidden = true;
  if (detail === undefined) setText('#har-status', message);
  else leadAndDetail($('#har-status'), message, detail);
  document.body.dataset.har = state;
}

/** @param {File} file */
function triageHar(file) {
  harDone('idle');
  $('#har-out').hidden = true;
  harOut = null;
  if (file.size > HAR_MAX) {
    harDone('error', t('supHarTooBig', new Intl.NumberFormat(document.documentElement.lang).format(HAR_MAX)));
    return;
  }
  const bar = /** @type {HTMLProgressElement} */ ($('#har-progress'));
  bar.value = 0;
  bar.max = Math.max(file.size, 1);
  $('#har-busy').hidden = false;
  setText('#har-status', t('supHarReading', file.name));
  document.body.dataset.har = 'reading';
  const w = spare ?? newWorker();
  spare = null;
  worker = w;
  w.onmessage = ({ data }) => {
    if (w !== worker || !isHarWorkerReply(data)) return;
    const reply = /** @type {ReplyFields} */ (data);
    if (reply.progress !== undefined) {
      bar.value = reply.progress;
      document.body.dataset.harProgress = String(Math.round((100 * reply.progress) / bar.max));
    } else if (reply.parsing) {
      bar.removeAttribute('value'); // indeterminate while the core reads it
      setText('#har-status', t('supHarDiagnosing'));
    } else if (reply.error) {
      harDone('error', t('supHarUnreadable'), reply.error);
    } else if (reply.result) {
      showHar(file.name, reply.result, w);
    }
  };
  w.onerror = (e) => {
    if (w === worker) harDone('error', t('supHarFailed'), e.message ?? 'worker error');
  };
  w.postMessage(harRequest(file));
}

/**
 * @param {string} name the file's name
 * @param {HarAnswer} r
 * @param {Worker} w the worker that answered
 */
async function showHar(name, r, w) {
  // The headline in the UI language (the core's message data); English where the core says none.
  const sayer = r.said ? await say : null;
  if (w !== worker) return;
  harOut = { name: name.replace(/\.(har|json)$/i, ''), markdown: r.markdown, sanitized: r.sanitized };
  const d = r.diagnosis;
  const headline = setText('#har-headline', sayer && r.said ? sayer.render(r.said.headline) : d.headline);
  headline.lang = sayer ? document.documentElement.lang : 'en';
  setText('#har-verdict', verdictWords(d.verdict));
  setText('#har-type', typeWords(d.failure_type));
  setText('#har-code', codeText(d));
  setText('#har-page', t('supHarPageOf', r.page_url, r.picked + 1, r.pages, tn('supHarEntries', r.entries)));
  // The guide's next move, as in the report: English, for support staff.
  setText('#har-next', d.next_move);
  $('#har-out').hidden = false;
  $('#har-out').dataset.failureType = d.failure_type;
  $('#har-out').dataset.verdict = d.verdict;
  $('#har-out').dataset.safeCode = d.safe_code ?? '';
  harDone('done', t('supHarDone'));
}

$('#har-file').addEventListener('change', (ev) => {
  const f = fileOf(ev.target);
  if (f) triageHar(f);
});
$('#har-cancel').addEventListener('click', () => harDone('cancelled', t('supHarCancelled')));
const drop = $('#har-drop');
drop.addEventListener('dragover', (ev) => {
  ev.preventDefault();
  drop.classList.add('over');
});
drop.addEventListener('dragleave', () => drop.classList.remove('over'));
drop.addEventListener('drop', (ev) => {
  ev.preventDefault();
  drop.classList.remove('over');
  const f = ev.dataTransfer?.files?.[0];
  if (f) triageHar(f);
});
$('#har-report').addEventListener('click', () => harOut && download(`${harOut.name}.report.md`, harOut.markdown, 'text/markdown'));
$('#har-sanitized').addEventListener('click', () => harOut?.sanitized && download(`${harOut.name}.sanitized.har`, harOut.sanitized, 'application/json'));

document.body.dataset.ready = 'true';
