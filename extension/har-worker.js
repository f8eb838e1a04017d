// @ts-check
// The support page's HAR worker: a HAR is read here, off the page's thread,
// piece by piece, and handed to the core's HAR module (core-har/: the core
// with the HAR reader and sanitizer, a module of its own so the popup's
// stays small). Nothing leaves the browser: the file is read from disk, the
// answer goes back to the page. The page stops a run by ending the worker.
//
// In:  {file: File, published: [url]}
// Out: {progress: bytes, total} … {parsing}, then {result} or {error}
// In:  {verify: text}   (a pasted report; `verify` lives in this module too)
// Out: {verified} or {error}
// (declared in messages.js; any other message is answered with {error}
// naming its shape)
import init, { invoke } from './core-har/auth_triage_wasm.js';
import { errorReply, harWorkerRefusal, isVerifyRequest, PARSING, progressReply, resultReply, verifiedReply } from './messages.js';

/**
 * This module's global scope, a dedicated worker's (tsconfig's lib is the
 * pages' DOM, whose `self` is a Window): the two members used here.
 * @type {{ onmessage: ((ev: MessageEvent) => void) | null, postMessage(message: import('./messages.js').HarWorkerReply): void }}
 */
const scope = /** @type {any} */ (self);

const CORE = new URL('./core/', import.meta.url);
const CHUNK = 4 * 1024 * 1024;

/** @param {string} path */
async function text(path) {
  const res = await fetch(new URL(path, CORE));
  if (!res.ok) throw new Error(`core data: ${path} is missing from the extension (${res.status})`);
  return res.text();
}

async function start() {
  await init({ module_or_path: new URL('./core-har/auth_triage_wasm_bg.wasm', import.meta.url) });
  /** @type {string[]} */
  const names = JSON.parse(await text('data/index.json')).files;
  const files = await Promise.all(names.map(async (name) => ({ name, text: await text(`data/${name}`) })));
  invoke({ type: 'load_data', files });
}
const ready = start();

scope.onmessage = async ({ data }) => {
  try {
    await ready;
    const refused = harWorkerRefusal(data);
    if (refused) {
      scope.postMessage(errorReply(refused));
      return;
    }
    if (isVerifyRequest(data)) {
      scope.postMessage(verifiedReply(invoke({ type: 'verify', text: data.verify })));
      return;
    }
    const { file, published = [] } = data;
    const decoder = new TextDecoder('utf-8', { fatal: true });
    for (let at = 0; at < file.size; at += CHUNK) {
      const bytes = await file.slice(at, at + CHUNK).arrayBuffer();
      invoke({ type: 'har_chunk', text: decoder.decode(bytes, { stream: at + CHUNK < file.size }) });
      scope.postMessage(progressReply(Math.min(at + CHUNK, file.size), file.size));
    }
    if (file.size === 0) invoke({ type: 'har_chunk', text: '' });
    scope.postMessage(PARSING);
    scope.postMessage(resultReply(invoke({ type: 'har', published, sanitize: true })));
  } catch (e) {
    // Whatever was thrown becomes one line: a thrown non-Error, posted as
    // {error: undefined}, was ignored by the page (its view kept waiting).
    const said = e instanceof Error ? e.message : String(e);
    const message = e instanceof TypeError && /decode|encoded/i.test(said) ? 'har: the file is not UTF-8 text' : said;
    scope.postMessage(errorReply(message));
  }
};
