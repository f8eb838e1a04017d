// First run: explain, then let the user choose the host access.

import { permissions, storage } from './ext.js';
import { loadConfig } from './config.js';
import { ALL_SITES, allSites, isGranted, patternFor, siteName } from './access.js';
import { $, setText } from './ui.js';
import { localize } from './i18n.js';

// The page's own words in the browser's language (_locales/); its lang attribute follows.
localize();

async function showCurrent() {
  const origins = await permissions.origins();
  const text = allSites(origins)
    ? 'Right now the extension has access to all sites.'
    : origins.length
      ? `Right now it has access to: ${origins.map(siteName).join(', ')}.`
      : 'Right now it has access to no site: it reads only the page you click on.';
  setText('#current', text);
  document.body.dataset.origins = JSON.stringify(origins);
}

const NARROW =
  'Your browser kept the access to all sites that the previous version had, and does not let the extension give it back by itself. To narrow it: in Chrome, open chrome://extensions, Details, Site access: On specific sites; in Firefox, about:addons, this extension, Permissions.';

function done(ok, what) {
  setText('#status', ok ? `Done: access to ${what}. Sign in as usual; when something fails, click the toolbar button.` : 'Not changed: the browser did not grant access.');
  document.body.dataset.choice = ok ? 'granted' : 'refused';
  return showCurrent();
}

const ASK_AGAIN = (sites) =>
  `Access to all sites was given back. Your browser had counted ${sites} as part of it: click "Only my sign-in pages" once more to allow it on its own.`;

// "Only my sign-in pages" after an update from a version that held all
// sites: give the broad access back where the browser lets us. Firefox
// does; the sites asked for were then granted only as part of all sites
// (the request answered yes without recording them), so they are asked
// for again, from the user's next click.
async function narrow(urls, patterns) {
  if (!allSites(await permissions.origins())) return;
  for (const o of [['<all_urls>'], ALL_SITES]) await permissions.remove(o).catch(() => false);
  const now = await permissions.origins();
  if (allSites(now)) {
    setText('#status', NARROW);
    document.body.dataset.choice = 'kept-all';
  } else if (!urls.every((u) => isGranted(now, u))) {
    setText('#status', ASK_AGAIN(patterns.map(siteName).join(', ')));
    document.body.dataset.choice = 'ask-again';
  }
}

async function init() {
  const cfg = await loadConfig();
  const input = $('#url');
  if (cfg.publishedUrls.length) input.value = cfg.publishedUrls[0];
  if (cfg.managed.publishedUrls) {
    input.readOnly = true;
    setText('#url-help', `Set by your administrator: ${cfg.publishedUrls.join(', ')}.`);
  } else {
    setText('#url-help', 'For example https://nanami.example.org. It is saved as the published URL in the options.');
  }

  $('#mine').addEventListener('click', () => {
    const urls = cfg.managed.publishedUrls ? cfg.publishedUrls : [input.value.trim()];
    const patterns = urls.map(patternFor);
    if (!urls[0] || patterns.includes(null)) {
      setText('#url-error', 'Enter the address you sign in at, starting with https:// (or http://).');
      input.setAttribute('aria-invalid', 'true');
      input.focus();
      return;
    }
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
      .catch((e) => setText('#status', `Not changed: ${e?.message ?? e}`));
  });

  $('#all').addEventListener('click', () => {
    permissions
      .request(ALL_SITES)
      .then((ok) => done(ok, 'all sites'))
      .catch((e) => setText('#status', `Not changed: ${e?.message ?? e}`));
  });

  if (new URLSearchParams(location.search).get('reason') === 'update' && allSites(await permissions.origins())) {
    setText('#update', 'This version no longer needs access to all sites: it asks for your sign-in pages only. Your browser still gives it the access the previous version had; choose below.');
  }
  await showCurrent();
  document.body.dataset.ready = 'true';
}

init();
