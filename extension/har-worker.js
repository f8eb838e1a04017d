// The support page's HAR worker: a HAR is read here, off the page's thread,
// piece by piece, and handed to the core's HAR module (core-har/: the core
// with the HAR reader and sanitizer, a module of its own so the popup's
// stays small). Nothing leaves the browser: the file is read from disk, the
// answer goes back to the page. The page stops a run by ending the worker.
//
// In:  {file: File, published: [url]}
// Out: {progress: bytes, total} … then {result} or {error}
import init, { invoke } from './core-har/auth_triage_wasm.js';

const CORE = new URL('./core/', import.meta.url);
const CHUNK = 4 * 1024 * 1024;

async function text(path) {
  const res = await fetch(new URL(path, CORE));
  if (!res.ok) throw new Error(`core data: ${path} is missing from the extension (${res.status})`);
  return res.text();
}

async function start() {
  await init({ module_or_path: new URL('./core-har/auth_triage_wasm_bg.wasm', import.meta.url) });
  const names = JSON.parse(await text('data/index.json')).files;
  const files = await Promise.all(names.map(async (name) => ({ name, text: await text(`data/${name}`) })));
  invoke({ type: 'load_data', files });
}
const ready = start();

self.onmessage = async ({ data }) => {
  try {
    await ready;
    const { file, published = [] } = data;
    const decoder = new TextDecoder('utf-8', { fatal: true });
    for (let at = 0; at < file.size; at += CHUNK) {
      const bytes = await file.slice(at, at + CHUNK).arrayBuffer();
      invoke({ type: 'har_chunk', text: decoder.decode(bytes, { stream: at + CHUNK < file.size }) });
      self.postMessage({ progress: Math.min(at + CHUNK, file.size), total: file.size });
    }
    if (file.size === 0) invoke({ type: 'har_chunk', text: '' });
    self.postMessage({ parsing: true });
    self.postMessage({ result: invoke({ type: 'har', published, sanitize: true }) });
  } catch (e) {
    const message = e instanceof TypeError && /decode|encoded/i.test(e.message) ? 'har: the file is not UTF-8 text' : e.message;
    self.postMessage({ error: message });
  }
};
