// The support page: a pasted or opened report is untrusted input. It is
// verified by the core (schema, digest, view) and shown as text only. A HAR
// file is diagnosed and sanitized in a worker (har-worker.js), whose
// messages are declared in messages.js.
import { harRequest, isHarWorkerReply, verifyRequest } from './messages.js';

import { $, el, setText, safeCodeText, download } from './ui.js';
import { localize, t, tn, leadAndDetail, sayer } from './i18n.js';

// The page's own words in the browser's language (_locales/); its lang attribute follows.
localize();

const MAX = 4 * 1024 * 1024;

// The words around the core's answers in the UI language. The report itself
// (its headline, moves, evidence and text) is shown as it is: English, for
// support staff, and marked lang="en".
const typeWords = (type) => t(`type_${type}`);
const verdictWords = (v) => (v === 'deployment' ? t('popupVerdictDeployment') : v === 'product' ? t('popupVerdictProduct') : v);
const CODE_WORDS = {
  trail_url: (code) => t('popupCodeFromRedirect', code),
  net_error: (code) => t('popupCodeFromNetError', code),
  http_status: (code) => t('popupCodeFromHttpStatus', code),
};
const codeText = (d) => (d.safe_code ? safeCodeText(d, CODE_WORDS) : t('supNoCode'));
const PLACES = { 'plain view': 'supPlacePlain', 'inside an HTML comment': 'supPlaceComment', 'inside a collapsed <details>': 'supPlaceDetails' };
const placeWords = (p) => (Object.hasOwn(PLACES, p) ? t(PLACES[p]) : p);
// The core's messages in the UI language, for the HAR's diagnosis.
const say = sayer(fetch(new URL('./core/data/index.json', import.meta.url)).then((r) => r.json()).then((i) => i.files)).catch(() => null);

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
    leadAndDetail($('#status'), t('supUnreadable'), e.message);
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
  blocks.replaceChildren(...(many ? v.blocks : []).map((b) => {
    const where = b.copies > 1 ? t('supBlockCopies', b.line, placeWords(b.place), tn('supCopies', b.copies)) : t('supBlock', b.line, placeWords(b.place));
    return el('li', {}, where, ' ', el('span', { lang: 'en', text: b.message }));
  }));
  const warnings = $('#warnings');
  warnings.hidden = !(v.warnings ?? []).length;
  warnings.replaceChildren(...(v.warnings ?? []).map((w) => el('li', {}, t('supWarning'), ' ', el('span', { lang: 'en', text: w }))));
  const view = $('#view');
  view.hidden = !v.intact;
  if (v.intact) {
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
let verifier = null;
function verifyInWorker(text) {
  verifier ??= newWorker();
  const w = verifier;
  return new Promise((resolve, reject) => {
    w.onmessage = ({ data }) => (data.error !== undefined ? reject(new Error(data.error)) : resolve(data.verified));
    w.onerror = (e) => reject(new Error(e.message ?? 'worker error'));
    w.postMessage(verifyRequest(text));
  });
}

$('#verify').addEventListener('click', () => check($('#input').value));
$('#file').addEventListener('change', async (ev) => {
  const f = ev.target.files?.[0];
  if (!f) return;
  if (f.size > MAX) {
    setText('#status', t('supTooLarge'));
    return;
  }
  const text = await f.text();
  $('#input').value = text;
  check(text);
});
// A HAR: read and diagnosed in a worker (large files take seconds), with
// its progress and a way to stop it; the report and the sanitized HAR are
// offered as downloads. Everything shown is set as text.
const HAR_MAX = 256 * 1024 * 1024;
let worker = null;
let harOut = null;
// A worker is started ahead, so the core and its data are loaded before a
// file comes; after each run (or a cancel) the next one starts.
const newWorker = () => new Worker(new URL('./har-worker.js', import.meta.url), { type: 'module' });
let spare = newWorker();

// `detail`: an English technical line (the core's or the browser's) after the message.
function harDone(state, message = '', detail) {
  worker?.terminate();
  worker = null;
  spare ??= newWorker();
  $('#har-busy').hidden = true;
  if (detail === undefined) setText('#har-status', message);
  else leadAndDetail($('#har-status'), message, detail);
  document.body.dataset.har = state;
}

function triageHar(file) {
  harDone('idle');
  $('#har-out').hidden = true;
  harOut = null;
  if (file.size > HAR_MAX) {
    harDone('error', t('supHarTooBig', new Intl.NumberFormat(document.documentElement.lang).format(HAR_MAX)));
    return;
  }
  const bar = $('#har-progress');
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
    if (data.progress !== undefined) {
      bar.value = data.progress;
      document.body.dataset.harProgress = String(Math.round((100 * data.progress) / bar.max));
    } else if (data.parsing) {
      bar.removeAttribute('value'); // indeterminate while the core reads it
      setText('#har-status', t('supHarDiagnosing'));
    } else if (data.error) {
      harDone('error', t('supHarUnreadable'), data.error);
    } else if (data.result) {
      showHar(file.name, data.result, w);
    }
  };
  w.onerror = (e) => {
    if (w === worker) harDone('error', t('supHarFailed'), e.message ?? 'worker error');
  };
  w.postMessage(harRequest(file));
}

async function showHar(name, r, w) {
  // The headline in the UI language (the core's message data); English where the core says none.
  const sayer = r.said ? await say : null;
  if (w !== worker) return;
  harOut = { name: name.replace(/\.(har|json)$/i, ''), markdown: r.markdown, sanitized: r.sanitized };
  const d = r.diagnosis;
  const headline = setText('#har-headline', sayer ? sayer.render(r.said.headline) : d.headline);
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
  const f = ev.target.files?.[0];
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
