// @ts-check
// The recorder: keeps each tab's recent auth-relevant network trail, so the
// popup can diagnose what happened before the click (redirect loops, cookies
// the browser refused, Date headers). Runs as a service worker in Chromium
// and as an event page in Firefox.
//
// What it keeps per request: method, type, status, redirect target, the
// names of the cookies sent, Set-Cookie attributes (values cut off on
// arrival), Date and Retry-After. URLs are redacted by the core before they
// are stored. The trail lives in storage.session (memory only, gone with the
// browser session), bounded per tab, and is deleted when the tab closes.
// Nothing leaves the machine.

import { observeRequests, storage, tabs, runtime } from './ext.js';
import { refreshManaged } from './config.js';
import { invoke } from './core.js';
import { netError, readHeaders, Ring, urgent } from './recorder.js';
import { mayRecord } from './grants.js';
import { fromOwnPage, isTrailRequest, NO_TRAIL } from './messages.js';

/** @typedef {import('../types/webext').WebRequestDetails} WebRequestDetails */

/**
 * A request's event while its answers come in (memory only): what the
 * webRequest events said, before it is redacted and kept.
 * @typedef {{ tabId: number, url: string, method: string, type: string, frameId: number,
 *   status?: number, setCookie?: string[], cookieNames?: string[],
 *   date?: string | null, retryAfter?: string | null, receivedMs?: number }} Pending
 */

/** @type {Map<string, Pending>} */
const pending = new Map(); // requestId -> event being assembled (memory only)
/** @type {Map<number, Promise<Ring>>} */
const rings = new Map(); // tabId -> Promise<Ring>
/** @type {Map<number, string>} */
const topOrigin = new Map(); // tabId -> origin of the tab's main frame
// requestId -> { n, lastFrom }: the redirects of a document request so far
// (memory only; see recorder.js netError). Bounded: the oldest go first.
/** @type {Map<string, { n: number, lastFrom: string }>} */
const chains = new Map();
/** @type {Set<number>} */
const dirty = new Set();
/** @type {ReturnType<typeof setTimeout> | null} */
let flushTimer = null;
let work = Promise.resolve(); // finalisation runs in order

/** @param {number} tabId */
const key = (tabId) => `trail:${tabId}`;

/**
 * @param {number} tabId
 * @returns {Promise<Ring>}
 */
function ringFor(tabId) {
  if (!rings.has(tabId)) {
    rings.set(
      tabId,
      storage.session.get(key(tabId)).then((got) => new Ring(got[key(tabId)] ?? [])).catch(() => new Ring()),
    );
  }
  return /** @type {Promise<Ring>} */ (rings.get(tabId));
}

/** @param {WebRequestDetails} d */
function entry(d) {
  let p = pending.get(d.requestId);
  if (!p) {
    p = { tabId: d.tabId, url: d.url, method: d.method, type: d.type, frameId: d.frameId };
    pending.set(d.requestId, p);
  }
  p.url = d.url;
  return p;
}

/**
 * @param {WebRequestDetails} d
 * @param {Record<string, unknown>} extra what the last event adds (status, redirect_url, error)
 */
function finish(d, extra) {
  const p = pending.get(d.requestId) ?? entry(d);
  pending.delete(d.requestId);
  // Web requests only: not the extension's own pages and files.
  if (p.tabId < 0 || !/^https?:/i.test(p.url)) return;
  const inFrame = p.type === 'sub_frame' || (p.frameId ?? 0) !== 0;
  const raw = {
    url: p.url,
    method: p.method || 'GET',
    type: p.type,
    ...(p.status ?? d.statusCode ? { status: p.status ?? d.statusCode } : {}),
    ...(p.setCookie?.length ? { set_cookie: p.setCookie } : {}),
    ...(p.cookieNames ? { request_cookie_names: p.cookieNames } : {}),
    ...(p.date ? { date: p.date } : {}),
    ...(p.retryAfter ? { retry_after: p.retryAfter } : {}),
    received_ms: Math.round(p.receivedMs ?? d.timeStamp ?? Date.now()),
    ...(inFrame && topOrigin.has(p.tabId) ? { top_origin: topOrigin.get(p.tabId) } : {}),
    in_frame: inFrame,
    ...extra,
  };
  const tabId = p.tabId;
  work = work
    .then(async () => {
      if (!(await mayRecord(raw.url))) return; // granted origins only
      const { events } = await invoke({ type: 'redact_events', events: [raw] });
      (await ringFor(tabId)).push(events[0]);
      dirty.add(tabId);
      persist(urgent(events[0]));
    })
    .catch(() => {}); // an event that cannot be redacted is not kept
}

// Urgent events (see recorder.js: what the diagnosis hangs on) are written
// at once: a service worker can be stopped at any moment (idle, memory
// pressure), and what is only in memory then is gone. The rest (plain 2xx
// requests of scripts) is written in batches, 250 ms at most after it came.
/** @param {boolean} now */
function persist(now) {
  if (!now) {
    flushTimer ??= setTimeout(flush, 250);
    return;
  }
  clearTimeout(flushTimer ?? undefined);
  flushTimer = null;
  flush();
}

// One write at a time; whatever became dirty during a write is written
// right after it (no wait), so a burst costs few writes and loses nothing.
/** @type {Promise<void> | null} */
let writing = null;
function flush() {
  flushTimer = null;
  writing ??= (async () => {
    while (dirty.size) {
      const ids = [...dirty];
      dirty.clear();
      for (const id of ids) {
        if (!rings.has(id)) continue; // the tab closed meanwhile
        const ring = await ringFor(id);
        await storage.session.set({ [key(id)]: ring.events }).catch(() => {});
      }
    }
  })().finally(() => {
    writing = null;
    if (dirty.size) flush(); // came in after the loop's last look
  });
  return writing;
}

// Listeners first, synchronously: an event that woke the worker is
// delivered only to listeners registered in its first turn.
observeRequests({
  send(d) {
    if (d.tabId < 0) return;
    const p = entry(d);
    p.method = d.method;
    p.cookieNames = readHeaders(d.requestHeaders).cookieNames ?? [];
  },
  headers(d) {
    if (d.tabId < 0) return;
    const p = entry(d);
    const h = readHeaders(d.responseHeaders);
    p.status = d.statusCode;
    p.setCookie = h.setCookie;
    p.date = h.date;
    p.retryAfter = h.retryAfter;
    p.receivedMs = d.timeStamp;
    if (d.type === 'main_frame') {
      try {
        topOrigin.set(d.tabId, new URL(d.url).origin);
      } catch {
        /* not a URL we can use */
      }
    }
  },
  redirect(d) {
    if (d.tabId < 0) return;
    if (d.type === 'main_frame' || d.type === 'sub_frame') {
      const c = chains.get(d.requestId) ?? { n: 0, lastFrom: '' };
      chains.delete(d.requestId);
      chains.set(d.requestId, { n: c.n + 1, lastFrom: d.url });
      if (chains.size > 200) chains.delete(/** @type {string} */ (chains.keys().next().value));
    }
    finish(d, { status: d.statusCode, redirect_url: d.redirectUrl });
  },
  completed(d) {
    if (d.tabId < 0) return;
    chains.delete(d.requestId);
    finish(d, { status: d.statusCode });
  },
  error(d) {
    if (d.tabId < 0) return;
    const error = netError(d.error, d.url, chains.get(d.requestId));
    chains.delete(d.requestId);
    finish(d, { error });
  },
});

storage.managed.onChanged(() => refreshManaged().catch(() => {}));
refreshManaged().catch(() => {});

tabs.onRemoved((tabId) => {
  rings.delete(tabId);
  topOrigin.delete(tabId);
  dirty.delete(tabId);
  storage.session.remove(key(tabId)).catch(() => {});
});

// The messages the worker answers (declared in messages.js). Only the
// extension's own pages may ask: a content script or another extension is
// not answered.
runtime.onMessage((msg, sender, reply) => {
  if (!fromOwnPage(sender, runtime.id(), runtime.url(''))) return false;
  if (isTrailRequest(msg)) {
    work
      .then(() => ringFor(msg.tabId))
      .then((ring) => reply({ events: ring.events, bytes: ring.bytes }))
      .catch(() => reply(NO_TRAIL));
    return true; // async reply
  }
  return false;
});
