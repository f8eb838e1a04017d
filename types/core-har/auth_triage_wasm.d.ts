// extension/core-har/auth_triage_wasm.js as tsc sees it: the glue of the
// support page's module (the core with the HAR reader and sanitizer), which
// ./build.sh writes into dist/core-har/; see types/core/auth_triage_wasm.d.ts.
// Not shipped.

/** `invoke(command)`: a plain object in, a plain object out; throws an Error with `code` and `message`. */
export function invoke(command: object): any;

export default function init(options?: { module_or_path?: RequestInfo | URL | Response | BufferSource | WebAssembly.Module }): Promise<unknown>;
