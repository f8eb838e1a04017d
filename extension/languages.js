// @ts-check
// Which lexicons a page needs: English and the page's own language, found
// the way the core finds it (src/text.rs, page_language): the page's `lang`
// attribute, else the script of its letters (kana: Japanese, Hangul: Korean,
// Han alone: Chinese). When neither tells (no `lang`, a language without a
// lexicon, or a page that says "en" but writes accented Latin letters), every
// lexicon is loaded and the core's lexicon vote decides. The core reads a
// page with the same lexicons wherever it runs (src/text.rs, page_lexicons:
// the same rule, so the CLI gives a page the popup's verdict); change both
// together. No browser API here.

/**
 * The lexicon file stem for an HTML lang value ("pt-BR" → "pt", "zh-CN" → "zh-hans").
 * @param {unknown} tag
 */
export function lexiconStem(tag) {
  const parts = String(tag ?? '').trim().toLowerCase().replace(/_/g, '-').split('-');
  if (parts[0] === 'zh') return parts.slice(1).some((p) => ['hant', 'tw', 'hk', 'mo'].includes(p)) ? 'zh-hant' : 'zh-hans';
  return parts[0];
}

/**
 * The script's language when it writes at least a third of the letters, or null.
 * @param {unknown} text
 * @returns {{ lang: string | null, accented: boolean }}
 */
export function scriptLanguage(text) {
  let kana = 0, hangul = 0, han = 0, letters = 0, accented = 0;
  for (const ch of String(text ?? '').slice(0, 20000)) {
    if (!/\p{L}/u.test(ch)) continue;
    letters += 1;
    const c = ch.codePointAt(0) ?? 0;
    if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0x31f0 && c <= 0x31ff) || (c >= 0xff66 && c <= 0xff9f)) kana += 1;
    else if ((c >= 0x1100 && c <= 0x11ff) || (c >= 0x3130 && c <= 0x318f) || (c >= 0xac00 && c <= 0xd7af)) hangul += 1;
    else if ((c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff)) han += 1;
    else if (c >= 0xc0 && c <= 0x24f) accented += 1;
  }
  if (kana > 0 && (kana + han) * 3 >= letters) return { lang: 'ja', accented: false };
  if (hangul > 0 && hangul * 3 >= letters) return { lang: 'ko', accented: false };
  if (han > 0 && han * 3 >= letters) return { lang: 'zh-hans', accented: false };
  // Accented Latin letters in more than 1 of 100 letters: not English.
  return { lang: null, accented: accented * 100 > letters };
}

/**
 * The lexicon names (`lexicon/<stem>.json`) to load for a snapshot, out of
 * `available` (the index's lexicon names), or null for all of them.
 * @param {{ page?: { lang?: string, title?: string, text?: string } } | null | undefined} snapshot
 * @param {string[]} available
 * @returns {string[] | null}
 */
export function lexiconsFor(snapshot, available) {
  /** @param {string} stem */
  const has = (stem) => available.includes(`lexicon/${stem}.json`);
  const page = snapshot?.page ?? {};
  const fromAttr = page.lang ? lexiconStem(page.lang) : null;
  const script = scriptLanguage(`${page.title ?? ''}\n${page.text ?? ''}`);
  const stems = new Set(['en']);
  if (fromAttr && has(fromAttr)) stems.add(fromAttr);
  if (script.lang && has(script.lang)) stems.add(script.lang);
  const told = (fromAttr && has(fromAttr) && !(fromAttr === 'en' && script.accented)) || script.lang;
  if (!told) return null;
  return [...stems].filter(has).map((s) => `lexicon/${s}.json`);
}
