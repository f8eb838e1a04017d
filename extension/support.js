// The support page: a pasted or opened report is untrusted input. It is
// verified by the core (schema, digest, view) and shown as text only. A HAR
// file is diagnosed and sanitized in a worker (har-worker.js).

import { $, el, setText, safeCodeText, TYPE_WORDS, download } from './ui.js';
import { localize } from './i18n.js';

// The page's own words in the browser's language (_locales/); its lang attribute follows.
localize();

const MAX = 4 * 1024 * 1024;

async function check(text) {
  const out = $('#out');
  setText('#status', '');
  if (text.length > MAX) {
    setText('#status', 'This file is larger than any report (4 MB); is it the right file?');
    return;
  }
  let v;
  try {
    v = await verifyInWorker(text);
  } catch (e) {
    out.hidden = true;
    setText('#status', `Not a readable report: ${e.message}`);
    document.body.dataset.result = 'unreadable';
    return;
  }
  out.hidden = false;
  // A plain verdict only for one consistent report and nothing else that
  // reads like one; every report-like block of the paste is listed.
  const word = v.intact ? 'Consistent' : v.consistent ? 'Not a plain verdict' : 'Modified';
  const badge = setText('#badge', word);
  badge.className = `badge ${v.intact ? 'intact' : 'modified'}`;
  setText('#message', v.message.split('\n')[0]);
  const blocks = $('#blocks');
  const many = (v.blocks ?? []).length > 1;
  blocks.hidden = !many;
  blocks.replaceChildren(...(many ? v.blocks : []).map((b) =>
    el('li', {}, `Line ${b.line} (${b.place}${b.copies > 1 ? `, ${b.copies} copies` : ''}): ${b.message}`)));
  const warnings = $('#warnings');
  warnings.hidden = !(v.warnings ?? []).length;
  warnings.replaceChildren(...(v.warnings ?? []).map((w) => el('li', {}, `Warning: ${w}`)));
  const view = $('#view');
  view.hidden = !v.intact;
  if (v.intact) {
    const r = v.report;
    const d = r.diagnosis;
    setText('#headline', d.headline);
    setText('#verdict', d.verdict);
    setText('#type', TYPE_WORDS[d.failure_type] ?? d.failure_type);
    setText('#safe-code', safeCodeText(d));
    setText('#published', r.published_url ?? 'not configured');
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
    w.postMessage({ verify: text });
  });
}

$('#verify').addEventListener('click', () => check($('#input').value));
$('#file').addEventListener('change', async (ev) => {
  const f = ev.target.files?.[0];
  if (!f) return;
  if (f.size > MAX) {
    setText('#status', 'This file is larger than any report (4 MB); is it the right file?');
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

function harDone(state, message = '') {
  worker?.terminate();
  worker = null;
  spare ??= newWorker();
  $('#har-busy').hidden = true;
  setText('#har-status', message);
  document.body.dataset.har = state;
}

function triageHar(file) {
  harDone('idle');
  $('#har-out').hidden = true;
  harOut = null;
  if (file.size > HAR_MAX) {
    harDone('error', `This file is over the limit of ${HAR_MAX} bytes (256 MiB).`);
    return;
  }
  const bar = $('#har-progress');
  bar.value = 0;
  bar.max = Math.max(file.size, 1);
  $('#har-busy').hidden = false;
  setText('#har-status', `Reading ${file.name}…`);
  document.body.dataset.har = 'reading';
  const w = spare ?? newWorker();
  spare = null;
  worker = w;
  w.onmessage = ({ data }) => {
    if (w !== worker) return;
    if (data.progress !== undefined) {
      bar.value = data.progress;
      document.body.dataset.harProgress = String(Math.round((100 * data.progress) / bar.max));
    } else if (data.parsing) {
      bar.removeAttribute('value'); // indeterminate while the core reads it
      setText('#har-status', 'Diagnosing…');
    } else if (data.error) {
      harDone('error', `Not a readable HAR: ${data.error}`);
    } else if (data.result) {
      showHar(file.name, data.result);
    }
  };
  w.onerror = (e) => {
    if (w === worker) harDone('error', `The HAR could not be read: ${e.message ?? 'worker error'}`);
  };
  w.postMessage({ file });
}

function showHar(name, r) {
  harOut = { name: name.replace(/\.(har|json)$/i, ''), markdown: r.markdown, sanitized: r.sanitized };
  const d = r.diagnosis;
  setText('#har-headline', d.headline);
  setText('#har-verdict', d.verdict);
  setText('#har-type', TYPE_WORDS[d.failure_type] ?? d.failure_type);
  setText('#har-code', safeCodeText(d));
  setText('#har-page', `${r.page_url} (page ${r.picked + 1} of ${r.pages}, ${r.entries} entries read)`);
  setText('#har-next', d.next_move);
  $('#har-out').hidden = false;
  $('#har-out').dataset.failureType = d.failure_type;
  $('#har-out').dataset.verdict = d.verdict;
  $('#har-out').dataset.safeCode = d.safe_code ?? '';
  harDone('done', 'Done. Nothing was uploaded.');
}

$('#har-file').addEventListener('change', (ev) => {
  const f = ev.target.files?.[0];
  if (f) triageHar(f);
});
$('#har-cancel').addEventListener('click', () => harDone('cancelled', 'Cancelled.'));
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
