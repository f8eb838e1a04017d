// @ts-check
// The one module that touches the browser's extension APIs (chrome.* in
// Chromium, browser.* in Firefox). Everything else imports from here, so the
// rest of the extension is plain data handling that can be read and tested
// on its own.
//
// Types: types/webext.d.ts declares the API calls used here (and no global:
// no other module can name chrome.* or browser.* and pass `tsc`).

/** @typedef {import('../types/webext').WebExtApi} WebExtApi */
/** @typedef {import('../types/webext').Tab} Tab */
/** @typedef {import('../types/webext').Cookie} Cookie */
/** @typedef {import('../types/webext').MessageSender} MessageSender */
/** @typedef {import('../types/webext').WebRequestDetails} WebRequestDetails */
/** @typedef {import('../types/webext').InstalledDetails} InstalledDetails */
/** @typedef {import('../types/webext').StorageChange} StorageChange */

/**
 * A runtime.onMessage listener: true when it will answer later (async reply).
 * @typedef {(message: unknown, sender: MessageSender, reply: (response?: unknown) => void) => boolean | undefined} MessageListener
 */

const scope = /** @type {{ browser?: WebExtApi, chrome?: WebExtApi }} */ (/** @type {unknown} */ (globalThis));
const api = /** @type {WebExtApi} */ (scope.browser ?? scope.chrome);

export const runtime = {
  /** @param {string} path */
  url: (path) => api.runtime.getURL(path),
  /** @param {MessageListener} fn */
  onMessage: (fn) => api.runtime.onMessage.addListener(fn),
  /** @param {unknown} msg */
  send: (msg) => api.runtime.sendMessage(msg),
  id: () => api.runtime.id,
};

export const tabs = {
  /** @param {number} id */
  get: (id) => api.tabs.get(id),
  current: () => api.tabs.getCurrent(),
  /** @returns {Promise<Tab | undefined>} */
  active: async () => (await api.tabs.query({ active: true, currentWindow: true }))[0],
  /** @param {{ url?: string, active?: boolean }} props */
  create: (props) => api.tabs.create(props),
  /** @param {(tabId: number) => void} fn */
  onRemoved: (fn) => api.tabs.onRemoved.addListener(fn),
};

/** @typedef {string | string[]} Keys */

export const storage = {
  session: {
    /** @param {Keys} keys */
    get: (keys) => api.storage.session.get(keys),
    /** @param {Record<string, unknown>} items */
    set: (items) => api.storage.session.set(items),
    /** @param {Keys} keys */
    remove: (keys) => api.storage.session.remove(keys),
  },
  local: {
    /** @param {Keys} keys */
    get: (keys) => api.storage.local.get(keys),
    /** @param {Record<string, unknown>} items */
    set: (items) => api.storage.local.set(items),
  },
  // Operators may push settings by policy (managed_schema.json). Not every
  // browser or profile has a managed store: a missing one reads as empty.
  // Chromium without any policy answers only after about 2 s, so the worker
  // reads it once at start (see config.js) and pages read that copy.
  managed: {
    /**
     * @param {Keys} keys
     * @param {number} [timeoutMs] answer {} after this long (0: wait)
     * @returns {Promise<Record<string, any>>}
     */
    get: async (keys, timeoutMs = 0) => {
      try {
        const read = Promise.resolve(api.storage.managed?.get(keys)).catch(() => ({}));
        if (!timeoutMs) return (await read) ?? {};
        /** @type {Promise<Record<string, any>>} */
        const late = new Promise((resolve) => setTimeout(() => resolve({}), timeoutMs));
        return (await Promise.race([read, late])) ?? {};
      } catch {
        return {};
      }
    },
    /** @param {(changes: Record<string, StorageChange>) => void} fn */
    onChanged: (fn) => api.storage.onChanged.addListener((changes, area) => area === 'managed' && fn(changes)),
  },
};

// Run a self-contained function in every frame of the tab. Returns
// [{frameId, result}] (frame 0 is the top), or null where no script can run
// (browser error pages, the PDF viewer, store pages). Should the browser
// refuse the call for all frames because of one, the top frame alone is
// asked again.
/**
 * @param {number} tabId
 * @param {() => unknown} func
 * @returns {Promise<{ frameId: number, result: unknown }[] | null>}
 */
export async function runInFrames(tabId, func) {
  for (const allFrames of [true, false]) {
    try {
      const res = await api.scripting.executeScript({ target: { tabId, allFrames }, func, world: 'ISOLATED' });
      if (Array.isArray(res)) return res.map((r) => ({ frameId: r.frameId ?? 0, result: r.result ?? null }));
    } catch {
      /* next: the top frame alone */
    }
  }
  return null;
}

/** @type {Record<string, string>} */
const SAME_SITE = { no_restriction: 'none', lax: 'lax', strict: 'strict', unspecified: 'unspecified' };
const encoder = new TextEncoder();

// A browser cookie as the snapshot holds it: the value becomes its length
// here, before anything else sees the object, and is not kept. (Exported
// for its unit test, tests/unit/ext.test.mjs.)
/** @param {Cookie} c */
export function toSnapshotCookie(c) {
  return {
    name: c.name,
    domain: c.domain,
    host_only: !!c.hostOnly,
    path: c.path || '/',
    secure: !!c.secure,
    http_only: !!c.httpOnly,
    same_site: SAME_SITE[c.sameSite] ?? 'unspecified',
    partitioned: !!c.partitionKey && Object.keys(c.partitionKey).length > 0,
    session: !!c.session,
    ...(c.expirationDate ? { expires_ms: Math.round(c.expirationDate * 1000) } : {}),
    value_len: encoder.encode(c.value ?? '').length,
  };
}

// Cookies of a URL, its host and each parent domain, with partitioned
// (CHIPS) cookies where the browser supports `partitionKey: {}`.
// getAll({url}) alone hides cookies whose domain, path or Secure flag do not
// match the URL, which is exactly the drift we look for.
/** @param {string[]} urls */
export async function cookiesFor(urls) {
  /** @type {Map<string, ReturnType<typeof toSnapshotCookie>>} */
  const seen = new Map();
  /** @type {import('../types/webext').CookieQuery[]} */
  const queries = [];
  for (const u of urls) {
    let host;
    try {
      host = new URL(u).hostname;
    } catch {
      continue;
    }
    queries.push({ url: u });
    const labels = host.split('.');
    for (let i = 0; i < labels.length - 1; i++) queries.push({ domain: labels.slice(i).join('.') });
    if (labels.length === 1) queries.push({ domain: host });
  }
  // All queries at once (the popup waits for the slowest, not for the sum),
  // merged in query order so the result does not depend on which answers first.
  const lists = await Promise.all(
    queries.map((q) =>
      Promise.resolve()
        .then(() => api.cookies.getAll({ ...q, partitionKey: {} }))
        .catch(() => api.cookies.getAll(q))
        .catch(() => []),
    ),
  );
  for (const list of lists) {
    for (const raw of list ?? []) {
      const c = toSnapshotCookie(raw);
      const key = [c.name, c.domain, c.path, c.partitioned].join('\u0000');
      if (!seen.has(key)) seen.set(key, c);
    }
  }
  return [...seen.values()];
}

const FILTER = { urls: ['<all_urls>'], types: ['main_frame', 'sub_frame', 'xmlhttprequest'] };

// Register the request observers. Call at the top level of the worker, in
// its first turn: listeners added later miss the events that woke it.
/**
 * @param {Record<'send' | 'headers' | 'redirect' | 'completed' | 'error', (d: WebRequestDetails) => void>} h
 */
export function observeRequests(h) {
  const wr = api.webRequest;
  wr.onBeforeSendHeaders.addListener(h.send, FILTER, ['requestHeaders', ...extraHeaders('send')]);
  wr.onHeadersReceived.addListener(h.headers, FILTER, ['responseHeaders', ...extraHeaders('headers')]);
  wr.onBeforeRedirect.addListener(h.redirect, FILTER);
  wr.onCompleted.addListener(h.completed, FILTER);
  wr.onErrorOccurred.addListener(h.error, FILTER);
}

// Chromium shows Cookie and Set-Cookie only with "extraHeaders"; Firefox has
// no such option and shows them anyway (feature-detected, not sniffed).
/** @param {'send' | 'headers'} kind */
export function extraHeaders(kind) {
  const opts = kind === 'send' ? api.webRequest.OnBeforeSendHeadersOptions : api.webRequest.OnHeadersReceivedOptions;
  return opts && Object.values(opts).includes('extraHeaders') ? ['extraHeaders'] : [];
}

export function browserInfo() {
  const ua = globalThis.navigator?.userAgent ?? '';
  const ff = ua.match(/Firefox\/([\d.]+)/);
  if (ff) return { name: 'Firefox', version: ff[1] };
  const cr = ua.match(/Chrom(?:e|ium)\/([\d.]+)/);
  if (cr) return { name: 'Chromium', version: cr[1] };
  return null;
}

// Host access granted by the user (optional_host_permissions) or by an
// administrator (docs/admin.md). request() must be called straight from a
// click handler, before any await: browsers ask only during a user gesture.
export const permissions = {
  /** @returns {Promise<string[]>} */
  origins: async () => (await api.permissions.getAll()).origins ?? [],
  /** @param {string[]} origins */
  request: (origins) => api.permissions.request({ origins }),
  /** @param {string[]} origins */
  remove: (origins) => api.permissions.remove({ origins }),
  /** @param {() => void} fn */
  onChanged: (fn) => {
    api.permissions.onAdded.addListener(fn);
    api.permissions.onRemoved.addListener(fn);
  },
};

/**
 * First run: `fn({reason, previousVersion})` on install and update.
 * @param {(details: InstalledDetails) => void} fn
 */
export const onInstalled = (fn) => api.runtime.onInstalled.addListener(fn);

// The extension's own strings in the browser's language (_locales/), with
// the browser's fallback to the default locale (en) for a missing key.
export const i18n = {
  /**
   * @param {string} key
   * @param {string[]} [subs]
   */
  message: (key, subs) => api.i18n.getMessage(key, subs),
};
