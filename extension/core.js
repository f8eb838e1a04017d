// The Rust core, compiled to WASM. One data-only function: invoke(command).
// Every extension page and the worker initialise it on load (a worker that
// wakes up starts from nothing). The core's data (lexicons, catalogs, word
// lists) is not inside the module: it ships beside it in core/data/, listed
// by core/data/index.json, and is handed over once with `load_data` while
// the module compiles.
import init, { invoke as rawInvoke } from './core/auth_triage_wasm.js';

const CORE = new URL('./core/', import.meta.url);

async function fetchText(path) {
  const res = await fetch(new URL(path, CORE));
  if (!res.ok) throw new Error(`core data: ${path} is missing from the extension (${res.status})`);
  return res.text();
}

async function dataFiles() {
  const index = JSON.parse(await fetchText('data/index.json'));
  return Promise.all(index.files.map(async (name) => ({ name, text: await fetchText(`data/${name}`) })));
}

export const ready = Promise.all([init({ module_or_path: new URL('auth_triage_wasm_bg.wasm', CORE) }), dataFiles()]).then(
  ([, files]) => {
    rawInvoke({ type: 'load_data', files });
  },
);

export async function invoke(command) {
  await ready;
  return rawInvoke(command);
}
