// Options: published URL(s) and an operator catalog, validated before saving.

import { storage } from './ext.js';
import { invoke } from './core.js';
import { loadConfig } from './config.js';
import { $, setText } from './ui.js';

function checkUrls(text) {
  const urls = text.split('\n').map((s) => s.trim()).filter(Boolean);
  for (const [i, u] of urls.entries()) {
    let p;
    try {
      p = new URL(u);
    } catch {
      return { error: `Line ${i + 1}: not a URL (expected something like https://nanami.example.org).` };
    }
    if (!['https:', 'http:'].includes(p.protocol)) return { error: `Line ${i + 1}: use an http:// or https:// address.` };
  }
  return { urls };
}

async function checkCatalog(text) {
  if (!text.trim()) return { catalog: '' };
  try {
    await invoke({ type: 'validate_catalog', text });
    return { catalog: text };
  } catch (e) {
    return { error: `Catalog: ${e.message}` };
  }
}

async function init() {
  const local = await storage.local.get(['publishedUrls', 'catalog']);
  $('#urls').value = (local.publishedUrls ?? []).join('\n');
  $('#catalog').value = local.catalog ?? '';
  const cfg = await loadConfig();
  const notes = [];
  if (cfg.managed.publishedUrls) notes.push(`Your administrator set the published URL(s) by policy: ${cfg.publishedUrls.join(', ')}. They take precedence.`);
  if (cfg.managed.catalog) notes.push('Your administrator also provides a catalog by policy; it is used together with yours.');
  setText('#managed', notes.join(' '));

  $('#form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    setText('#status', '');
    const u = checkUrls($('#urls').value);
    const c = await checkCatalog($('#catalog').value);
    setText('#urls-error', u.error ?? '');
    setText('#catalog-error', c.error ?? '');
    $('#urls').setAttribute('aria-invalid', String(!!u.error));
    $('#catalog').setAttribute('aria-invalid', String(!!c.error));
    if (u.error || c.error) {
      setText('#status', 'Not saved: fix the fields marked above.');
      return;
    }
    await storage.local.set({ publishedUrls: u.urls, catalog: c.catalog });
    setText('#status', 'Saved.');
    document.body.dataset.saved = String(Date.now());
  });
  document.body.dataset.ready = 'true';
}

init();
