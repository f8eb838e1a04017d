// @ts-check
// Every message between the extension's contexts, declared in one place
// (the way Ruffle's messages.ts does): who sends it, what it holds, what the
// answer holds, and a guard that the receiver runs before it trusts either.
// Free of browser APIs: ext.js sends and receives, this module only builds
// and checks. (Not yet here: the support page and its HAR worker,
// support.js <-> har-worker.js, still post their own object shapes.) The
// runtime's messages today, one:
//
//   popup (an extension page) ── trail {tabId} ──► worker (background.js)
//                             ◄── {events, bytes} ──
//
// A new message gets a builder, a guard for the request and one for the
// answer here, a case in the worker's listener, and a unit test in
// tests/unit/messages.test.mjs.

/**
 * The popup asks the worker for a tab's recorded trail.
 * @typedef {{ type: 'trail', tabId: number }} TrailRequest
 */

/**
 * The worker's answer: the tab's recorded (redacted) events and their size.
 * @typedef {{ events: object[], bytes: number }} TrailReply
 */

/**
 * What the receiver knows of a message's sender (runtime.onMessage's
 * `sender`, the fields read here).
 * @typedef {{ id?: string, url?: string }} Sender
 */

/**
 * @param {number} tabId
 * @returns {TrailRequest}
 */
export function trailRequest(tabId) {
  return { type: 'trail', tabId };
}

/**
 * @param {unknown} msg
 * @returns {msg is TrailRequest}
 */
export function isTrailRequest(msg) {
  if (typeof msg !== 'object' || msg === null) return false;
  const m = /** @type {Record<string, unknown>} */ (msg);
  return m.type === 'trail' && Number.isInteger(m.tabId) && /** @type {number} */ (m.tabId) >= 0;
}

/** An empty trail: the answer when there is nothing to read or the read failed. */
export const NO_TRAIL = Object.freeze({ events: [], bytes: 0 });

/**
 * @param {unknown} reply
 * @returns {reply is TrailReply}
 */
export function isTrailReply(reply) {
  if (typeof reply !== 'object' || reply === null) return false;
  const r = /** @type {Record<string, unknown>} */ (reply);
  return Array.isArray(r.events) && Number.isInteger(r.bytes);
}

/**
 * Whether a message comes from one of this extension's own pages (the popup,
 * the options page…), not from a content script or another extension: same
 * extension id, and a URL under the extension's own base URL (a content
 * script's sender carries the web page's URL).
 * @param {Sender | undefined} sender
 * @param {string} ownId runtime.id
 * @param {string} ownBase runtime.getURL('')
 */
export function fromOwnPage(sender, ownId, ownBase) {
  return !!sender && sender.id === ownId && typeof sender.url === 'string' && !!ownBase && sender.url.startsWith(ownBase);
}
