// The Rust core, compiled to WASM. One data-only function: invoke(command).
// Every extension page and the worker initialise it on load (a worker that
// wakes up starts from nothing).
import init, { invoke as rawInvoke } from './core/auth_triage_wasm.js';

export const ready = init({ module_or_path: new URL('./core/auth_triage_wasm_bg.wasm', import.meta.url) });

export async function invoke(command) {
  await ready;
  return rawInvoke(command);
}
