// @ts-check
// Options: published URL(s) and an operator catalog, validated before saving.

import { storage, permissions } from './ext.js';
import { allSites, siteName } from './access.js';
import { invoke } from './core.js';
import { loadConfig } from './config.js';
import { $, setText } from './ui.js';
import { localize, t, leadAndDetail, ready } from './i18n.js';

// The page's own words in the browser's language (_locales/); its lang attribute follows.
await ready();
localize();

/** @typedef {import('./config.js').Config} Config */

/** The two boxes (textareas in options.html). */
const box = (/** @type {string} */ sel) => /** @type {HTMLTextAreaElement} */ ($(sel));

/**
 * The published URLs, one a line; or the first bad line's one-line error.
 * @param {string} text
 * @returns {{ urls: string[], error?: undefined, line?: undefined } | { error: string, line: number, urls?: undefined }}
 */
function checkUrls(text) {
  const urls = [];
  // Numbered as the box shows them, blank lines included.
  for (const [i, line] of text.split('\n').entries()) {
    const u = line.trim();
    if (!u) continue;
    let p;
    try {
      p = new URL(u);
    } catch {
      return { error: t('optErrNotUrl', i + 1), line: i + 1 };
    }
    if (!['https:', 'http:'].includes(p.protocol)) return { error: t('optErrScheme', i + 1), line: i + 1 };
    urls.push(u);
  }
  return { urls };
}

/**
 * The catalog as typed ('' for none), once the core accepts it; or the core's one-line error.
 * @param {string} text
 * @returns {Promise<{ catalog: string, error?: undefined } | { error: string, catalog?: undefined }>}
 */
async function checkCatalog(text) {
  if (!text.trim()) return { catalog: '' };
  try {
    await invoke({ type: 'validate_catalog', text });
    return { catalog: text };
  } catch (e) {
    // The core's one-line error names the field (English, technical).
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

// The offset in `text` of a 1-based line and column, the column counted in
// UTF-8 bytes as the core counts it.
/**
 * @param {string} text
 * @param {number} line
 * @param {number} column
 * @returns {number}
 */
function offsetOf(text, line, column) {
  const lines = text.split('\n');
  const n = Math.min(line, lines.length);
  let at = 0;
  for (let i = 0; i < n - 1; i++) at += lines[i].length + 1;
  let bytes = column - 1;
  const enc = new TextEncoder();
  for (const ch of lines[n - 1] ?? '') {
    if (bytes <= 0) break;
    bytes -= enc.encode(ch).length;
    at += ch.length;
  }
  return Math.min(at, text.length);
}

// Where the core says the problem is ("… at line 3 column 17"), if it says.
/**
 * @param {string | undefined} message
 * @returns {[number, number] | null}
 */
function positionIn(message) {
  const m = /at line (\d+) column (\d+)/.exec(message ?? '');
  return m ? [Number(m[1]), Number(m[2])] : null;
}

// The policy's values, shown as they are; the fields they fill are locked
// (the policy wins over what is typed here, see config.js).
/** @param {Config} cfg */
function showPolicy(cfg) {
  if (!cfg.managed.publishedUrls && !cfg.managed.catalog) return;
  $('#policy').hidden = false;
  setText('#policy-urls', cfg.managed.publishedUrls ? cfg.publishedUrls.join('\n') : t('optNotByPolicy'));
  setText('#policy-catalog', cfg.managed.catalog ? JSON.stringify(cfg.catalogs[0], null, 2) : t('optNotByPolicy'));
  if (cfg.managed.publishedUrls) {
    box('#urls').value = cfg.publishedUrls.join('\n');
    box('#urls').readOnly = true;
    $('#urls').setAttribute('aria-readonly', 'true');
  }
  document.body.dataset.managed = [cfg.managed.publishedUrls && 'urls', cfg.managed.catalog && 'catalog'].filter(Boolean).join(' ');
}

async function init() {
  const local = await storage.local.get(['publishedUrls', 'catalog']);
  box('#urls').value = (local.publishedUrls ?? []).join('\n');
  box('#catalog').value = local.catalog ?? '';
  const cfg = await loadConfig();
  const notes = [];
  if (cfg.managed.publishedUrls) notes.push(t('optManagedUrls', cfg.publishedUrls.join(', ')));
  if (cfg.managed.catalog) notes.push(t('optManagedCatalog'));
  setText('#managed', notes.join(' '));
  showPolicy(cfg);
  permissions
    .origins()
    .then((o) =>
      setText('#access', allSites(o) ? t('optAccessAll') : o.length ? t('optAccessSome', o.map(siteName).join(', ')) : t('optAccessNone')),
    )
    .catch(() => {});

  $('#form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    setText('#status', '');
    const u = checkUrls(box('#urls').value);
    const c = await checkCatalog(box('#catalog').value);
    setText('#urls-error', u.error ?? '');
    if (c.error) leadAndDetail($('#catalog-error'), t('optErrCatalog'), c.error);
    else setText('#catalog-error', '');
    $('#urls').setAttribute('aria-invalid', String(!!u.error));
    $('#catalog').setAttribute('aria-invalid', String(!!c.error));
    if (u.error || c.error) {
      setText('#status', t('optNotSaved'));
      // The caret to the first problem.
      /** @type {[string, [number, number] | null]} */
      const [sel, pos] = u.error ? ['#urls', [u.line, 1]] : ['#catalog', positionIn(c.error)];
      if (pos) {
        const at = offsetOf(box(sel).value, ...pos);
        box(sel).focus();
        box(sel).setSelectionRange(at, at);
      }
      return;
    }
    // Published URLs set by policy are not the user's to change: keep theirs.
    const mine = (await loadConfig()).managed.publishedUrls ? (local.publishedUrls ?? []) : u.urls;
    await storage.local.set({ publishedUrls: mine, catalog: c.catalog });
    setText('#status', t('optSaved'));
    document.body.dataset.saved = String(Date.now());
  });
  document.body.dataset.ready = 'true';
}

init();
