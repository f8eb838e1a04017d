// @ts-check
// Host access, free of browser APIs: which origins the extension may watch.
//
// At install the extension has no host access. The user grants it per site
// ("Only my sign-in pages", "Allow on this site") or for all sites, with
// optional_host_permissions; an administrator may grant it by policy
// (docs/admin.md). Without a grant, the popup still reads the page the user
// clicked on (activeTab), and says what it could not see.

/** The grant "All sites" asks for (the manifest's optional_host_permissions). */
export const ALL_SITES = ['http://*/*', 'https://*/*'];

/**
 * Whether an update comes from a version that asked for all sites at
 * install (before 0.2.0): its user is asked to choose again (grants.js).
 * @param {string | undefined} previousVersion runtime.onInstalled's
 */
export function hadAllSites(previousVersion) {
  const [major = 0, minor = 0] = String(previousVersion ?? '').split('.').map(Number);
  return major === 0 && minor < 2;
}

/**
 * The match pattern that grants one site: `https://sso.example.org:8443/x` -> `https://sso.example.org/*`.
 * @param {string} url
 * @returns {string | null}
 */
export function patternFor(url) {
  let u;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  return `${u.protocol}//${u.hostname}/*`;
}

/**
 * Whether a match pattern covers `url` (ports are not part of a pattern).
 * @param {string} pattern
 * @param {string} url
 */
export function matches(pattern, url) {
  if (pattern === '<all_urls>') return /^https?:/i.test(url);
  const m = /^(\*|https?):\/\/(\*|\*\.[^/]+|[^/*]+)\/(.*)$/.exec(pattern);
  if (!m) return false;
  let u;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  const scheme = u.protocol.slice(0, -1);
  if (m[1] === '*' ? scheme !== 'http' && scheme !== 'https' : scheme !== m[1]) return false;
  const host = u.hostname.toLowerCase();
  const want = m[2].toLowerCase();
  if (want === '*') return true;
  if (want.startsWith('*.')) return host === want.slice(2) || host.endsWith(want.slice(1));
  return host === want;
}

/**
 * Whether any granted pattern covers `url`.
 * @param {string[] | undefined | null} patterns
 * @param {string} url
 */
export function isGranted(patterns, url) {
  return (patterns ?? []).some((p) => matches(p, url));
}

/**
 * Whether the grants hold every site.
 * @param {string[] | undefined | null} patterns
 */
export function allSites(patterns) {
  return (patterns ?? []).some((p) => p === '<all_urls>' || p === '*://*/*') || ALL_SITES.every((p) => (patterns ?? []).includes(p));
}

/**
 * Sites the trail shows the sign-in going through (an identity provider on
 * another host) that are not granted yet: offered with one click each. The
 * recorder keeps only granted origins, so these come from the redirects of
 * granted ones.
 * @param {{ url?: string, redirect_url?: string }[] | undefined | null} trail
 * @param {string} pageUrl
 * @param {string[] | undefined | null} patterns
 * @returns {string[]}
 */
export function sitesToOffer(trail, pageUrl, patterns) {
  /** @type {string[]} */
  const out = [];
  for (const url of [pageUrl, ...(trail ?? []).flatMap((e) => [e.url, e.redirect_url])]) {
    const p = url && patternFor(url);
    if (p && !isGranted(patterns, url) && !out.includes(p)) out.push(p);
  }
  return out.slice(0, 4);
}

/**
 * A pattern as a person reads it: `https://sso.example.org/*` -> `sso.example.org`.
 * @param {string} pattern
 */
export function siteName(pattern) {
  return pattern === '<all_urls>' || pattern === '*://*/*' || ALL_SITES.includes(pattern)
    ? 'all sites'
    : pattern.replace(/^[^:]+:\/\//, '').replace(/\/\*$/, '');
}

/**
 * What a page-only diagnosis did not see, by the core's `not_seen` keys.
 * @type {Record<string, string>}
 */
export const NOT_SEEN = {
  cookies: 'its cookies (names and settings)',
  trail: 'the network trail before your click (redirects, refused cookies, the server clock, Retry-After)',
};

/**
 * What a diagnosis made from the page alone can and cannot say. The popup
 * tells the core it had the page only (`env.host_access: page_only`); the
 * core lowers the confidence, lists what it did not see (`not_seen`) and
 * says so in the report. Rules that need cookies or the trail (login
 * loops, refused cookies, redirects to the wrong host or scheme, the
 * server's clock, Retry-After) could not fire; the failure type stays what
 * the page shows.
 * @param {{ confidence?: number, failure_type?: string, not_seen?: string[] }} diagnosis
 */
export function pageOnly(diagnosis) {
  const confidence = diagnosis.confidence ?? 0;
  const missing = (diagnosis.not_seen ?? []).map((k) => NOT_SEEN[k] ?? k);
  const unknown = diagnosis.failure_type === 'unclassified';
  const summary = unknown
    ? 'The page shows no sign-in error. Without access to this site, redirects, loops and refused cookies could not be checked, so a deployment fault is not ruled out.'
    : 'This comes from the page alone. A deployment fault (proxy, cookie or clock) that shows up only in cookies and redirects could not be checked.';
  return { confidence, missing, unknown, summary };
}
