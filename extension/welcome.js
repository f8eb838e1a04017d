// @ts-check
// First run: explain, then let the user choose the host access.

import { permissions, storage } from './ext.js';
import { loadConfig } from './config.js';
import { ALL_SITES, allSites, isGranted, patternFor, siteName } from './access.js';
import { $, setText } from './ui.js';
import { localize, t, ready } from './i18n.js';

// The page's own words in the browser's language (_locales/); its lang attribute follows.
await ready();
localize();

async function showCurrent() {
  const origins = await permissions.origins();
  const text = allSites(origins)
    ? t('welNowAll')
    : origins.length
      ? t('welNowSome', origins.map(siteName).join(', '))
      : t('welNowNone');
  setText('#current', text);
  document.body.dataset.origins = JSON.stringify(origins);
}


/**
 * @param {boolean} ok the browser granted the request
 * @param {string} what the sites asked for, in words
 */
function done(ok, what) {
  setText('#status', ok ? t('welDone', what) : t('welRefused'));
  document.body.dataset.choice = ok ? 'granted' : 'refused';
  return showCurrent();
}


// "Only my sign-in pages" after an update from a version that held all
// sites: give the broad access back where the browser lets us. Firefox
// does; the sites asked for were then granted only as part of all sites
// (the request answered yes without recording them), so they are asked
// for again, from the user's next click.
/**
 * @param {string[]} urls the published URLs asked for
 * @param {string[]} patterns their match patterns
 */
async function narrow(urls, patterns) {
  if (!allSites(await permissions.origins())) return;
  for (const o of [['<all_urls>'], ALL_SITES]) await permissions.remove(o).catch(() => false);
  const now = await permissions.origins();
  if (allSites(now)) {
    setText('#status', t('welNarrow'));
    document.body.dataset.choice = 'kept-all';
  } else if (!urls.every((u) => isGranted(now, u))) {
    setText('#status', t('welAskAgain', patterns.map(siteName).join(', ')));
    document.body.dataset.choice = 'ask-again';
  }
}

async function init() {
  const cfg = await loadConfig();
  const input = /** @type {HTMLInputElement} */ ($('#url'));
  if (cfg.publishedUrls.length) input.value = cfg.publishedUrls[0];
  if (cfg.managed.publishedUrls) {
    input.readOnly = true;
    setText('#url-help', t('welSetByAdmin', cfg.publishedUrls.join(', ')));
  } else {
    setText('#url-help', t('welUrlHelp'));
  }

  $('#mine').addEventListener('click', () => {
    const urls = cfg.managed.publishedUrls ? cfg.publishedUrls : [input.value.trim()];
    const maybe = urls.map(patternFor);
    if (!urls[0] || maybe.includes(null)) {
      setText('#url-error', t('welUrlError'));
      input.setAttribute('aria-invalid', 'true');
      input.focus();
      return;
    }
    const patterns = /** @type {string[]} */ (maybe); // none is null (checked above)
    setText('#url-error', '');
    input.setAttribute('aria-invalid', 'false');
    // Straight from the click: the browser asks only during a user gesture.
    permissions
      .request(patterns)
      .then(async (ok) => {
        if (ok && !cfg.managed.publishedUrls) await storage.local.set({ publishedUrls: urls });
        await done(ok, patterns.map(siteName).join(', '));
        if (ok) await narrow(urls, patterns);
        return showCurrent();
      })
      .catch((e) => setText('#status', t('welNotChanged', e?.message ?? e)));
  });

  $('#all').addEventListener('click', () => {
    permissions
      .request(ALL_SITES)
      .then((ok) => done(ok, t('accessAllSites')))
      .catch((e) => setText('#status', t('welNotChanged', e?.message ?? e)));
  });

  if (new URLSearchParams(location.search).get('reason') === 'update' && allSites(await permissions.origins())) {
    setText('#update', t('welUpdate'));
  }
  await showCurrent();
  document.body.dataset.ready = 'true';
}

init();
