// @ts-check
// Runs first in popup.html, as a classic script while the page is still
// being parsed: starts fetching and compiling the core (WASM) at once, so
// the compile overlaps the loading of the page's modules. core.js picks the
// module up; should this fail, core.js fetches the file itself.
(() => {
  if (typeof WebAssembly.compileStreaming !== 'function') return;
  const module = WebAssembly.compileStreaming(fetch('core/auth_triage_wasm_bg.wasm'));
  module.catch(() => {}); // core.js falls back: no unhandled rejection here
  globalThis.nanamiCore = { module };
})();
