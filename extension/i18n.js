// @ts-check
// The extension's pages in the browser's language: their own strings from
// _locales/ (the browser picks the locale and falls back to English), and
// the core's messages from core/data/messages/<lang>.json (the UI language
// and English only). Markup asks for a string with data-i18n="key" (text) or
// data-i18n-attr="attribute:key,…".

import { i18n } from './ext.js';
import { Say, messagesStem } from './say.js';

/**
 * English strings to fall back on while the browser has none for the
 * extension: Chromium, for a moment after an update or a reload, answers
 * every key with "". Null while the browser's strings work.
 * @type {Record<string, {message?: unknown}> | null}
 */
let english = null;

/**
 * Call before the page's first string: when the browser has no strings for
 * the extension (its `uiLang` is empty), read the English ones from
 * `_locales/en/` so the page shows English rather than keys.
 */
export async function ready() {
  if (i18n.message('uiLang')) return;
  try {
    const r = await fetch(new URL('./_locales/en/messages.json', import.meta.url));
    english = r.ok ? await r.json() : {};
  } catch {
    english = {};
  }
}

/**
 * The English string of `key` with $1, $2 … filled, or "".
 * @param {string} key
 * @param {string[]} subs
 */
function fallback(key, subs) {
  const m = english?.[key]?.message;
  if (typeof m !== 'string') return '';
  return m.replace(/\$(\d)/g, (_, d) => subs[Number(d) - 1] ?? '');
}

/**
 * The browser's string for `key`, else the English fallback, else "".
 * @param {string} key
 * @param {string[]} subs
 */
function message(key, subs) {
  return i18n.message(key, subs) || fallback(key, subs);
}

/**
 * One of the extension's strings; `subs` fill $1, $2 …
 * @param {string} key
 * @param {...unknown} subs
 */
export function t(key, ...subs) {
  return message(key, subs.map(String)) || key;
}

/**
 * The UI language: the locale whose _locales file the browser uses (its
 * `uiLang` entry), so the pages, the core's messages and the `lang`
 * attribute always agree.
 */
export const uiLang = () => i18n.message('uiLang') || 'en';

/**
 * A string with a count: `key_<category>` for the count's plural category in
 * the UI language (Intl.PluralRules: one, few, many, other …), else
 * `key_other`. $1 is the count written as the language writes numbers;
 * `subs` fill $2, $3 …
 * @param {string} key
 * @param {number} n
 * @param {...unknown} subs
 */
export function tn(key, n, ...subs) {
  const lang = uiLang();
  const args = [new Intl.NumberFormat(lang).format(n), ...subs].map(String);
  const cat = new Intl.PluralRules(lang).select(n);
  return message(`${key}_${cat}`, args) || message(`${key}_other`, args) || key;
}

/**
 * A sentence of the UI language around a technical English detail (a core
 * or browser error): the lead as text, the detail in a span marked
 * lang="en" (screen readers read it as English).
 * @template {Element} E
 * @param {E} node
 * @param {string} lead
 * @param {unknown} detail
 * @returns {E}
 */
export function leadAndDetail(node, lead, detail) {
  const span = document.createElement('span');
  span.lang = 'en';
  span.textContent = String(detail ?? '');
  node.replaceChildren(lead, ' ', span);
  return node;
}

/**
 * Puts the strings into `root`'s marked elements and sets the page's language.
 * @param {Document | Element} [root]
 */
export function localize(root = document) {
  for (const e of root.querySelectorAll('[data-i18n]')) e.textContent = t(/** @type {HTMLElement} */ (e).dataset.i18n ?? '');
  for (const e of root.querySelectorAll('[data-i18n-attr]')) {
    for (const pair of (/** @type {HTMLElement} */ (e).dataset.i18nAttr ?? '').split(',')) {
      const [attr, key] = pair.split(':');
      e.setAttribute(attr.trim(), t(key.trim()));
    }
  }
  if (root === document) document.documentElement.lang = uiLang();
}

/** @param {URL} url */
async function json(url) {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${url}: ${r.status}`);
  return r.json();
}

/**
 * The core's messages in the UI language (with English under it). `index`
 * is the core data's file list; a language without a file speaks English.
 * `read` gives a data file's text by name (core.js's `dataText`, which
 * shares its fetches with the core); without it each file is fetched here.
 * @param {Promise<string[]> | string[]} index
 * @param {(name: string) => Promise<string>} [read]
 */
export async function sayer(index, read) {
  const base = new URL('./core/data/', import.meta.url);
  /** @param {string} name */
  const data = (name) => (read ? read(name).then((t) => JSON.parse(t)) : json(new URL(name, base)));
  const stem = messagesStem(uiLang(), await index);
  const en = data('messages/en.json');
  const cat = stem === 'en' ? en : data(`messages/${stem}.json`).catch(() => null);
  return new Say(await cat, await en);
}
