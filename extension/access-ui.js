// The popup's part of host access (kept apart from popup.js): what the
// diagnosis could see, what it could not, and the one-click grants.
//
// Contract for tests: body[data-access] is "granted", "page-only" (read
// through activeTab, no cookies or trail) or "unreadable" (no access at
// all); #access holds the explanation and the buttons.

import { permissions, storage } from './ext.js';
import { isGranted, pageOnly, patternFor, siteName, sitesToOffer } from './access.js';
import { $, el, setText } from './ui.js';

/** The host access the popup has for `tab`. */
export async function accessOf(tab) {
  const origins = await permissions.origins().catch(() => []);
  return { origins, granted: isGranted(origins, tab.url ?? ''), pattern: patternFor(tab.url ?? '') };
}

function grantButton(label, pattern, after) {
  const b = el('button', { type: 'button', class: 'primary', 'data-grant': pattern, text: label });
  b.addEventListener('click', () => {
    // Straight from the click: the browser asks only during a user gesture.
    permissions
      .request([pattern])
      .then(async (ok) => {
        b.disabled = ok;
        if (ok) await after?.();
        setText(
          '#access-status',
          ok
            ? `Access granted for ${siteName(pattern)}. The trail starts now: sign in again until it fails, then click the toolbar button again.`
            : 'Not granted: the diagnosis stays page only.',
        );
        document.body.dataset.granted = String(ok);
      })
      .catch((e) => setText('#access-status', `Not granted: ${e?.message ?? e}`));
  });
  return b;
}

/**
 * Show what the diagnosis could see. `page` is the collector's output (null
 * when no script could run in the tab), `answer` the core's answer, `config`
 * the settings (a site granted here becomes the published URL when none is
 * set).
 */
export function showAccess({ access, tab, page, trail, answer, config }) {
  const box = el('section', { id: 'access', class: 'access', 'aria-labelledby': 'access-title' });
  const status = el('p', { id: 'access-status', role: 'status', 'aria-live': 'polite', class: 'muted' });
  const useAsPublished =
    !config.managed.publishedUrls && !config.publishedUrls.length
      ? async () => storage.local.set({ publishedUrls: [new URL(tab.url).origin] })
      : null;
  let mode;
  if (access.granted) {
    mode = 'granted';
    const offer = sitesToOffer(trail, tab.url, access.origins);
    if (!trail.length) {
      box.append(
        el('h3', { id: 'access-title', text: 'No trail yet' }),
        el('p', {
          text: 'The extension has access to this site, but recorded nothing in this tab before your click (access was given after the failure, or the page came from the cache). Try signing in again, then click the toolbar button.',
        }),
      );
    }
    if (offer.length) {
      box.append(
        el('h3', { id: trail.length ? 'access-title' : 'access-offer', text: 'Sign-in services seen on the way' }),
        el('p', { class: 'muted', text: 'The sign-in went through these sites. Allow them too, so their part of the trail is kept next time:' }),
        el('div', { class: 'actions' }, ...offer.map((p) => grantButton(`Also allow ${siteName(p)}`, p))),
      );
    }
  } else if (page === null) {
    mode = 'unreadable';
    $('#result').hidden = true;
    setText('#status', 'The extension could not read this page: the browser shows its own error page here, or the extension has no access to this site.');
    box.append(
      el('h3', { id: 'access-title', text: 'Allow on this site?' }),
      el('p', { text: 'With access, the extension keeps the sign-in trail of this site (redirects, refused cookies, the server clock), which explains failures the page cannot show, such as a login loop.' }),
    );
  } else {
    mode = 'page-only';
    const d = answer.diagnosis;
    const po = pageOnly(d);
    setText('#confidence', `confidence ${Math.round(po.confidence * 100)}% (page only)`);
    // A product answer from the page alone is not confirmed: the same page
    // shows for a wrong code and for a server whose clock drifts. A fault the
    // page itself shows (a 502, nginx's cookie error) stays the deployment's.
    const badge = $('#verdict');
    if (badge) {
      badge.textContent = d.verdict === 'deployment' ? `${badge.textContent} · page only` : 'Page only: not confirmed';
      badge.classList.add('page-only');
    }
    const type = $('#type');
    if (type && !po.unknown && d.verdict !== 'deployment') type.textContent = `${type.textContent} (as the page shows it)`;
    $('#result').dataset.confidence = String(po.confidence);
    box.append(
      el('h3', { id: 'access-title', text: 'Page only' }),
      el('p', { text: po.summary }),
    );
    if (po.missing.length) {
      box.append(
        el('p', { class: 'muted', text: 'Not seen without access to this site:' }),
        el('ul', {}, ...po.missing.map((m) => el('li', { text: m }))),
      );
    }
  }
  if (mode !== 'granted' && access.pattern) {
    box.append(
      el('div', { class: 'actions' }, grantButton('Allow on this site', access.pattern, useAsPublished)),
      el('p', {
        class: 'muted',
        text: `Gives the extension access to ${siteName(access.pattern)} only${useAsPublished ? ', and makes it your published URL' : ''}. Then sign in again until it fails, and click the toolbar button.`,
      }),
    );
  }
  if (config.managed.publishedUrls || config.managed.catalog) {
    const parts = [];
    if (config.managed.publishedUrls) parts.push(`published URL ${config.publishedUrls.join(', ')}`);
    if (config.managed.catalog) {
      const c = config.catalogs[0] ?? {};
      parts.push(`catalog ${c.catalog ?? ''}${c.version ? ` version ${c.version}` : ''}`.trim());
    }
    box.append(el('p', { id: 'policy', class: 'muted', text: `Set by your administrator: ${parts.join('; ')}.` }));
  }
  box.append(status);
  if (box.childElementCount > 1) $('#result').before(box);
  document.body.dataset.access = mode;
}
