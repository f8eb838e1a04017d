// extension/core/auth_triage_wasm.js as tsc sees it: the wasm-bindgen glue
// that ./build.sh writes into dist/core/ (it is not in extension/, so
// tsconfig.json's rootDirs lays this folder over extension/). The same two
// exports as wasm-bindgen's generated .d.ts (target/wasm-bindgen/), kept
// to what the extension calls. Not shipped.

/** `invoke(command)`: a plain object in, a plain object out; throws an Error with `code` and `message`. */
export function invoke(command: object): any;

export default function init(options?: { module_or_path?: RequestInfo | URL | Response | BufferSource | WebAssembly.Module }): Promise<unknown>;
