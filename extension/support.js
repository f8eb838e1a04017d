// The support page: a pasted or opened report is untrusted input. It is
// verified by the core (schema, digest, view) and shown as text only.

import { invoke } from './core.js';
import { $, el, setText, safeCodeText, TYPE_WORDS } from './ui.js';
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
    v = await invoke({ type: 'verify', text });
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
document.body.dataset.ready = 'true';
