// @ts-check
// The trail recorder's data handling, free of browser APIs.
//
// Values are dropped where they are collected: a Set-Cookie line loses its
// value here, a Cookie header becomes a list of names here, and no other
// header is read but Date, Retry-After and Location. URLs are redacted by
// the core before an event is stored (background.js).

export const MAX_EVENTS = 300;
export const MAX_BYTES = 256 * 1024;

/**
 * `sid=abc; Path=/` -> `sid=; Path=/` (the value never leaves this function).
 * @param {unknown} line
 * @returns {string | null}
 */
export function stripSetCookie(line) {
  const s = String(line);
  const semi = s.indexOf(';');
  const pair = semi < 0 ? s : s.slice(0, semi);
  const eq = pair.indexOf('=');
  // RFC 6265bis: a pair without '=' is a nameless cookie's value: dropped.
  if (eq < 0) return null;
  const name = pair.slice(0, eq).trim();
  if (!name) return null;
  return name + '=' + (semi < 0 ? '' : s.slice(semi));
}

/**
 * `a=1; b=2` -> ['a', 'b']
 * @param {unknown} header
 * @returns {string[]}
 */
export function cookieNames(header) {
  return String(header)
    .split(';')
    // A part without '=' is a nameless cookie's value: dropped.
    .filter((p) => p.includes('='))
    .map((p) => p.split('=')[0].trim())
    .filter(Boolean);
}

/**
 * What is kept of a response's or request's headers.
 * @typedef {{ setCookie: string[], date: string | null, retryAfter: string | null, cookieNames: string[] | null }} KeptHeaders
 */

/**
 * Pick what we keep from a header list: names of cookies, Set-Cookie attributes, Date, Retry-After.
 * @param {{ name: string, value?: string }[] | undefined} headers
 * @returns {KeptHeaders}
 */
export function readHeaders(headers) {
  /** @type {KeptHeaders} */
  const out = { setCookie: [], date: null, retryAfter: null, cookieNames: null };
  for (const h of headers ?? []) {
    const name = String(h.name).toLowerCase();
    const value = h.value ?? '';
    if (name === 'set-cookie') {
      // Firefox joins several Set-Cookie lines with newlines in one header.
      for (const line of String(value).split('\n')) {
        const kept = line.trim() ? stripSetCookie(line) : null;
        if (kept) out.setCookie.push(kept);
      }
    } else if (name === 'date') out.date = String(value).slice(0, 64);
    else if (name === 'retry-after') out.retryAfter = String(value).slice(0, 64);
    else if (name === 'cookie') out.cookieNames = cookieNames(value);
  }
  return out;
}

/** Chromium follows at most 20 redirects of one request (//net's kMaxRedirects). */
export const MAX_REDIRECTS = 20;

/**
 * The network error to keep for a failed request, given what the recorder
 * saw of its redirect chain (`chain`: `{ n, lastFrom }`, the redirects
 * announced by onBeforeRedirect and the URL the last one left from).
 * Chromium stops a navigation at its 20th redirect: webRequest announces
 * that redirect, then reports the request, still at the URL it was leaving,
 * as net::ERR_ABORTED, while the browser's error page, its net log and a
 * HAR name net::ERR_TOO_MANY_REDIRECTS. An abort at the limit, of a redirect
 * announced and not followed, is that error, and is kept by its name.
 * Anything else is kept as the browser said it.
 * @param {unknown} error
 * @param {string} url
 * @param {{ n: number, lastFrom?: string } | null | undefined} chain
 */
export function netError(error, url, chain) {
  const said = String(error).slice(0, 60);
  const atLimit = !!chain && chain.n >= MAX_REDIRECTS && chain.lastFrom === url;
  return said === 'net::ERR_ABORTED' && atLimit ? 'net::ERR_TOO_MANY_REDIRECTS' : said;
}

/**
 * Whether the diagnosis hangs on this (redacted) event, so that it must be
 * stored at once: page loads, frames, redirects, error answers, cookies set,
 * Retry-After and network errors.
 * @param {{ type?: string, status?: number, set_cookie?: string[], error?: string, retry_after?: string }} e
 */
export function urgent(e) {
  return e.type === 'main_frame' || e.type === 'sub_frame' || (e.status ?? 0) >= 300 || !!e.set_cookie?.length || !!e.error || !!e.retry_after;
}

/** A bounded ring of events: at most MAX_EVENTS and about MAX_BYTES. */
export class Ring {
  /** @param {object[]} events */
  constructor(events = []) {
    /** @type {object[]} */
    this.events = [];
    this.bytes = 0;
    for (const e of events) this.push(e);
  }
  /** @param {object} e */
  push(e) {
    const size = JSON.stringify(e).length;
    this.events.push(e);
    this.bytes += size;
    while (this.events.length > MAX_EVENTS || (this.bytes > MAX_BYTES && this.events.length > 1)) {
      this.bytes -= JSON.stringify(this.events.shift()).length;
    }
  }
}
