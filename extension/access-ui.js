// @ts-check
// The popup's part of host access (kept apart from popup.js): what the
// diagnosis could see, what it could not, and the one-click grants.
//
// Contract for tests: body[data-access] is "granted", "page-only" (read
// through activeTab, no cookies or trail) or "unreadable" (no access at
// all); #access holds the explanation and the buttons.

import { permissions, storage } from './ext.js';
import { isGranted, pageOnly, patternFor, siteName, sitesToOffer } from './access.js';
import { $, el, setText } from './ui.js';
import { t } from './i18n.js';

/** @typedef {import('./ext.js').Tab} Tab */
/** @typedef {import('./config.js').Config} Config */
/** @typedef {import('./messages.js').TrailEvent} TrailEvent */
/** @typedef {{ origins: string[], granted: boolean, pattern: string | null }} Access */

// The _locales key for each part of the evidence the core lists in not_seen.
/** @type {Record<string, string>} */
const NOT_SEEN_KEYS = { cookies: 'accessMissingCookies', trail: 'accessMissingTrail' };

// A site's name, or "all sites" in the UI language.
/** @param {string} pattern */
const site = (pattern) => (siteName(pattern) === 'all sites' ? t('accessAllSites') : siteName(pattern));

/**
 * The host access the popup has for `tab`.
 * @param {Tab} tab
 * @returns {Promise<Access>}
 */
export async function accessOf(tab) {
  const origins = await permissions.origins().catch(() => /** @type {string[]} */ ([]));
  return { origins, granted: isGranted(origins, tab.url ?? ''), pattern: patternFor(tab.url ?? '') };
}

/**
 * @param {string} label
 * @param {string} pattern the match pattern to ask for
 * @param {(() => Promise<unknown>) | null} [after] run once granted
 */
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
            ? t('accessGranted', site(pattern))
            : t('accessNotGranted'),
        );
        document.body.dataset.granted = String(ok);
      })
      .catch((e) => setText('#access-status', t('accessNotGrantedWhy', e?.message ?? e)));
  });
  return b;
}

/**
 * Show what the diagnosis could see. `page` is the collector's output (null
 * when no script could run in the tab), `answer` the core's answer, `config`
 * the settings (a site granted here becomes the published URL when none is
 * set).
 * @param {{ access: Access, tab: Tab, page: Record<string, any> | null, trail: TrailEvent[],
 *   answer: { diagnosis: { verdict: string } & Parameters<typeof pageOnly>[0] }, config: Config }} shown
 */
export function showAccess({ access, tab, page, trail, answer, config }) {
  const box = el('section', { id: 'access', class: 'access', 'aria-labelledby': 'access-title' });
  const status = el('p', { id: 'access-status', role: 'status', 'aria-live': 'polite', class: 'muted' });
  const useAsPublished =
    !config.managed.publishedUrls && !config.publishedUrls.length
      ? async () => storage.local.set({ publishedUrls: [new URL(/** @type {string} */ (tab.url)).origin] })
      : null;
  let mode;
  if (access.granted) {
    mode = 'granted';
    const offer = sitesToOffer(trail, /** @type {string} */ (tab.url), access.origins); // granted: the tab has a URL
    if (!trail.length) {
      box.append(
        el('h3', { id: 'access-title', text: t('accessNoTrail') }),
        el('p', { text: t('accessNoTrailText') }),
      );
    }
    if (offer.length) {
      box.append(
        el('h3', { id: trail.length ? 'access-title' : 'access-offer', text: t('accessServices') }),
        el('p', { class: 'muted', text: t('accessServicesText') }),
        el('div', { class: 'actions' }, ...offer.map((p) => grantButton(t('accessAlsoAllow', site(p)), p))),
      );
    }
  } else if (page === null) {
    mode = 'unreadable';
    $('#result').hidden = true;
    setText('#status', t('accessUnreadable'));
    box.append(
      el('h3', { id: 'access-title', text: t('accessAllowQuestion') }),
      el('p', { text: t('accessAllowWhy') }),
    );
  } else {
    mode = 'page-only';
    const d = answer.diagnosis;
    const po = pageOnly(d);
    const percent = new Intl.NumberFormat(document.documentElement.lang, { style: 'percent' }).format(po.confidence);
    setText('#confidence', t('accessConfidence', percent));
    // A product answer from the page alone is not confirmed: the same page
    // shows for a wrong code and for a server whose clock drifts. A fault the
    // page itself shows (a 502, nginx's cookie error) stays the deployment's.
    const badge = $('#verdict');
    if (badge) {
      badge.textContent = d.verdict === 'deployment' ? t('accessBadgeDeployment', badge.textContent) : t('accessBadge');
      badge.classList.add('page-only');
    }
    const type = $('#type');
    if (type && !po.unknown && d.verdict !== 'deployment') type.textContent = t('accessAsShown', type.textContent);
    $('#result').dataset.confidence = String(po.confidence);
    box.append(
      el('h3', { id: 'access-title', text: t('accessPageOnly') }),
      el('p', { text: t(po.unknown ? 'accessSummaryNone' : 'accessSummary') }),
    );
    // What the core says it did not see (diagnosis.not_seen), in the UI language.
    const notSeen = Array.isArray(d.not_seen) ? d.not_seen : [];
    if (notSeen.length) {
      box.append(
        el('p', { class: 'muted', text: t('accessNotSeen') }),
        el('ul', {}, ...notSeen.map((k) => el('li', { text: Object.hasOwn(NOT_SEEN_KEYS, k) ? t(NOT_SEEN_KEYS[k]) : String(k) }))),
      );
    }
  }
  if (mode !== 'granted' && access.pattern) {
    box.append(
      el('div', { class: 'actions' }, grantButton(t('accessAllow'), access.pattern, useAsPublished)),
      el('p', {
        class: 'muted',
        text: t(useAsPublished ? 'accessGivesPublished' : 'accessGives', site(access.pattern)),
      }),
    );
  }
  if (config.managed.publishedUrls || config.managed.catalog) {
    const parts = [];
    if (config.managed.publishedUrls) parts.push(t('accessPolicyUrl', config.publishedUrls.join(', ')));
    if (config.managed.catalog) {
      const c = /** @type {{ catalog?: string, version?: string }} */ (config.catalogs[0] ?? {});
      parts.push(c.version ? t('accessPolicyCatalogVersion', c.catalog ?? '', c.version) : t('accessPolicyCatalog', c.catalog ?? ''));
    }
    box.append(el('p', { id: 'policy', class: 'muted', text: t('accessPolicy', parts.join('; ')) }));
  }
  box.append(status);
  if (box.childElementCount > 1) $('#result').before(box);
  document.body.dataset.access = mode;
}
