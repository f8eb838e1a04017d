// @ts-check
// Every message between the extension's contexts, declared in one place
// (the way Ruffle's messages.ts does): who sends it, what it holds, what the
// answer holds, and a guard that the receiver runs before it trusts either.
// Free of browser APIs: ext.js sends and receives (runtime messages), the
// support page and its worker post to each other (Worker.postMessage); this
// module only builds and checks. The messages today:
//
//   popup (an extension page) ── trail {tabId} ──► worker (background.js)
//                             ◄── {events, bytes} ──
//
//   support page (support.js) ── {verify: text} ──────────────► HAR worker
//                             ◄── {verified} | {error} ───────── (har-worker.js)
//                             ── {file, published} ───────────►
//                             ◄── {progress, total}… {parsing}
//                                 then {result} | {error} ──────
//
// A dedicated worker hears only the page that started it, so the HAR
// worker checks the message's shape, not its sender; a message of another
// shape is answered with {error} naming it (harWorkerRefusal).
//
// A new message gets a builder, a guard for the request and one for the
// answer here, a case in the receiver's listener, and a unit test in
// tests/unit/messages.test.mjs.

/**
 * The popup asks the worker for a tab's recorded trail.
 * @typedef {{ type: 'trail', tabId: number }} TrailRequest
 */

/**
 * One recorded (redacted) event of a tab's trail (the snapshot's `trail`
 * item, src/snapshot.rs; the fields the pages read are named).
 * @typedef {{ url?: string, type?: string, status?: number, [field: string]: unknown }} TrailEvent
 */

/**
 * The worker's answer: the tab's recorded (redacted) events and their size.
 * @typedef {{ events: TrailEvent[], bytes: number }} TrailReply
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

// ── The support page and its HAR worker (support.js <-> har-worker.js) ──

/**
 * Verify a pasted report (`verify` lives in the support page's module, which the worker loads).
 * @typedef {{ verify: string }} VerifyRequest
 */

/**
 * Diagnose and sanitize a HAR file, read by the worker piece by piece.
 * `published`: the environment's published URLs.
 * @typedef {{ file: Blob, published: string[] }} HarRequest
 */

/**
 * The worker's answers: the verification; a HAR's progress (bytes read of
 * `total`), then {parsing} while the core reads it, then the result; or an
 * error, a one-line message, at any point.
 * @typedef {{ verified: object }} Verified
 * @typedef {{ progress: number, total: number }} HarProgress
 * @typedef {{ parsing: true }} HarParsing
 * @typedef {{ result: object }} HarResult
 * @typedef {{ error: string }} WorkerError
 * @typedef {Verified | HarProgress | HarParsing | HarResult | WorkerError} HarWorkerReply
 */

/**
 * @param {string} text the pasted report
 * @returns {VerifyRequest}
 */
export function verifyRequest(text) {
  return { verify: text };
}

/**
 * @param {Blob} file
 * @param {string[]} [published]
 * @returns {HarRequest}
 */
export function harRequest(file, published = []) {
  return { file, published };
}

/**
 * @param {unknown} msg
 * @returns {msg is VerifyRequest}
 */
export function isVerifyRequest(msg) {
  return typeof msg === 'object' && msg !== null && typeof (/** @type {Record<string, unknown>} */ (msg).verify) === 'string';
}

/**
 * A HAR request; `published` may be left out (none configured).
 * @param {unknown} msg
 * @returns {msg is { file: Blob, published?: string[] }}
 */
export function isHarRequest(msg) {
  if (typeof msg !== 'object' || msg === null) return false;
  const m = /** @type {Record<string, unknown>} */ (msg);
  const published = m.published === undefined || (Array.isArray(m.published) && m.published.every((u) => typeof u === 'string'));
  return typeof Blob !== 'undefined' && m.file instanceof Blob && published;
}

/**
 * What a message the worker cannot take looks like, in a few words: its
 * type, or its field names (never its values).
 * @param {unknown} msg
 */
function shapeOf(msg) {
  if (msg === null) return 'null';
  if (Array.isArray(msg)) return 'an array';
  if (typeof msg !== 'object') return `a ${typeof msg}`;
  const keys = Object.keys(msg).map((k) => k.slice(0, 40));
  return keys.length ? `{${keys.slice(0, 6).join(', ')}${keys.length > 6 ? ', …' : ''}}` : '{}';
}

/**
 * The worker's one-line refusal of a message it does not know, or null for
 * a request it takes (a VerifyRequest or a HarRequest).
 * @param {unknown} msg
 * @returns {string | null}
 */
export function harWorkerRefusal(msg) {
  if (isVerifyRequest(msg) || isHarRequest(msg)) return null;
  return `har worker: unknown message ${shapeOf(msg)}; expected {verify: text} or {file, published}`;
}

/**
 * @param {object} verified the core's `verify` answer
 * @returns {Verified}
 */
export const verifiedReply = (verified) => ({ verified });

/**
 * @param {number} progress bytes read so far
 * @param {number} total the file's size
 * @returns {HarProgress}
 */
export const progressReply = (progress, total) => ({ progress, total });

/** @type {HarParsing} */
export const PARSING = Object.freeze({ parsing: /** @type {const} */ (true) });

/**
 * @param {object} result the core's `har` answer
 * @returns {HarResult}
 */
export const resultReply = (result) => ({ result });

/**
 * @param {string} error one line
 * @returns {WorkerError}
 */
export const errorReply = (error) => ({ error });

/**
 * Whether a message from the HAR worker is one of its answers.
 * @param {unknown} data
 * @returns {data is HarWorkerReply}
 */
export function isHarWorkerReply(data) {
  if (typeof data !== 'object' || data === null) return false;
  const d = /** @type {Record<string, unknown>} */ (data);
  const obj = (/** @type {unknown} */ v) => typeof v === 'object' && v !== null;
  return (
    obj(d.verified) ||
    obj(d.result) ||
    d.parsing === true ||
    typeof d.error === 'string' ||
    (Number.isFinite(d.progress) && Number.isFinite(d.total))
  );
}
