// @ts-check
// The popup's "Include this code" control (issue 12).
//
// A code the page shows that no catalog knows and that has no product-code
// shape (an unpublished product code such as NAN-4711, or a token, a user
// name or a one-time code where a code usually sits) is left out of every
// output of the core. The core names such candidates to the popup alone
// (the boundary's `code_candidates`, whose text is the page's own); this
// control shows each one masked, with its length, and includes it only when
// the user asks: the core then runs again with the code in
// `page.included_codes`, and the report marks it "included by the user".
// The candidate's text lives in this page's memory only: never stored,
// never sent, and set as text (textContent), never as HTML.

import { el } from './ui.js';
import { t, tn } from './i18n.js';

// Every user-visible string of this control, in the UI language (_locales/).
export const STRINGS = {
  get heading() { return t('incHeading'); },
  get explain() { return t('incExplain'); },
  /** @param {number} n the code's length in characters */
  masked: (n) => t('incMasked', '•'.repeat(Math.min(n, 24)), tn('incChars', n)),
  get show() { return t('incShow'); },
  get hide() { return t('incHide'); },
  get include() { return t('incInclude'); },
  get exclude() { return t('incExclude'); },
  get includedNote() { return t('incIncludedNote'); },
  get excludedNote() { return t('incExcludedNote'); },
  /** @param {unknown} why */
  failed: (why) => t('incFailed', why),
};

// Show the page's code candidates after `anchor`, and re-run the core when
// the user includes or leaves out one. `run(includedCodes)` returns the new
// answer; `onAnswer(answer)` shows it.
/**
 * A code candidate (wasm/src/lib.rs, Candidate): the page's own text.
 * @typedef {{ code: string, source: string, length: number }} Candidate
 */
/**
 * @template A the core's answer to `report`
 * @param {{ invoke: (command: object) => Promise<any>,
 *   snapshot: { page: { included_codes?: string[] | null, [field: string]: unknown } },
 *   catalogs: unknown[], anchor: Element,
 *   run: (includedCodes: string[]) => Promise<A>, onAnswer: (answer: A) => void }} control
 */
export async function offerCodes({ invoke, snapshot, catalogs, anchor, run, onAnswer }) {
  /** @type {Candidate[] | null | undefined} */
  let candidates;
  try {
    ({ candidates } = await invoke({ type: 'code_candidates', snapshot, catalogs }));
  } catch {
    return;
  }
  const included = new Set(snapshot.page.included_codes ?? []);
  const shown = (candidates ?? []).slice(0, 3);
  if (!shown.length) return;
  const rows = shown.map((c, i) => {
    const value = el('code', { id: `candidate-${i}`, class: 'candidate', 'data-masked': 'true', text: STRINGS.masked(c.length) });
    const show = el('button', { type: 'button', 'aria-pressed': 'false', 'aria-controls': value.id, text: STRINGS.show });
    const include = el('button', { type: 'button', class: 'include-code', 'aria-pressed': 'false', 'aria-describedby': value.id, text: STRINGS.include });
    const state = el('span', { class: 'muted', role: 'status', text: STRINGS.excludedNote });
    show.addEventListener('click', () => {
      const reveal = value.dataset.masked === 'true';
      value.textContent = reveal ? c.code : STRINGS.masked(c.length);
      value.dataset.masked = String(!reveal);
      show.setAttribute('aria-pressed', String(reveal));
      show.textContent = reveal ? STRINGS.hide : STRINGS.show;
    });
    include.addEventListener('click', async () => {
      const on = !included.has(c.code);
      if (on) included.add(c.code);
      else included.delete(c.code);
      include.disabled = true;
      try {
        onAnswer(await run([...included]));
        include.setAttribute('aria-pressed', String(on));
        include.textContent = on ? STRINGS.exclude : STRINGS.include;
        state.textContent = on ? STRINGS.includedNote : STRINGS.excludedNote;
      } catch (e) {
        if (on) included.delete(c.code);
        else included.add(c.code);
        state.textContent = STRINGS.failed(/** @type {{ message?: unknown } | null | undefined} */ (e)?.message ?? e);
      } finally {
        include.disabled = false;
      }
    });
    return el('p', { class: 'candidate-row' }, value, ' ', show, ' ', include, ' ', state);
  });
  const box = el(
    'section',
    { id: 'candidates', class: 'card', 'aria-labelledby': 'candidates-h' },
    el('h3', { id: 'candidates-h', text: STRINGS.heading }),
    el('p', { class: 'muted', text: STRINGS.explain }),
    ...rows,
  );
  anchor.after(box);
  box.dataset.count = String(shown.length);
}
