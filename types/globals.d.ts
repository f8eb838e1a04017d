// The one global the extension defines itself: boot.js (a classic script
// that runs first in popup.html) starts compiling the core and leaves the
// promise here for core.js. For `tsc --noEmit` only; not shipped.

declare global {
  var nanamiCore: { module: Promise<WebAssembly.Module> } | undefined;
}

export {};
