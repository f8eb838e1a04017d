// @ts-check
// The Rust core, compiled to WASM. One data-only function: invoke(command).
// Every extension page and the worker initialise it on load (a worker that
// wakes up starts from nothing). The core's data (lexicons, catalogs, word
// lists) is not inside the module: it ships beside it in core/data/, listed
// by core/data/index.json, and is handed over once with `load_data` while
// the module compiles.
import init, { invoke as rawInvoke } from './core/auth_triage_wasm.js';

const CORE = new URL('./core/', import.meta.url);

/** @param {string} path */
async function fetchText(path) {
  const res = await fetch(new URL(path, CORE));
  if (!res.ok) throw new Error(`core data: ${path} is missing from the extension (${res.status})`);
  return res.text();
}

/**
 * The core data's index (core/data/index.json): every file's name
 * ("lexicon/de.json", …), and `common`, the names of the files every page
 * hands the core, which also ship together in core/data/common.json.
 * @type {Promise<{ files: string[], common?: string[] }>}
 */
const index = fetchText('data/index.json').then((t) => JSON.parse(t));

/** The core data's file names ("lexicon/de.json", …). */
export const dataIndex = index.then((i) => i.files);

// Catalogs, word lists, the English lexicon and English messages are needed
// on every page: they come in one fetch, started here while the module
// compiles (one file instead of twenty-odd small ones: about 35 ms sooner in
// the popup). Other lexicons and messages are fetched when first wanted.
/** @type {Promise<Record<string, string>>} */
const common = fetchText('data/common.json').then((t) => JSON.parse(t));
common.catch(() => {}); // a missing bundle is reported by the file that wanted it

// Every data file is read once, when first wanted.
/** @type {Map<string, Promise<string>>} */
const texts = new Map();
/**
 * The text of one data file: from common.json if the index puts it there,
 * else from its own file.
 * @param {string} name
 * @returns {Promise<string>}
 */
export function dataText(name) {
  let text = texts.get(name);
  if (!text) {
    text = index.then(async (i) => {
      if (!i.common?.includes(name)) return fetchText(`data/${name}`);
      const c = await common;
      if (typeof c[name] !== 'string') throw new Error(`core data: ${name} is missing from common.json`);
      return c[name];
    });
    texts.set(name, text);
  }
  return text;
}

// The core renders English only (the report, the diagnosis): of the
// messages it gets English; pages render the UI language themselves (i18n.js).
/** @param {string} n */
const forCore = (n) => !n.startsWith('messages/') || n === 'messages/en.json';

/**
 * Start fetching a data file that will likely be wanted (no effect if it is not shipped).
 * @param {string} name
 */
export function prefetch(name) {
  dataIndex.then(
    (names) => {
      if (names.includes(name)) dataText(name).catch(() => {});
    },
    () => {},
  );
}

// The popup starts compiling the module earlier, in boot.js, at the page's
// first byte; take that module when it is there (else fetch it here).
const wasmUrl = new URL('auth_triage_wasm_bg.wasm', CORE);
const early = globalThis.nanamiCore?.module;
export const ready = early
  ? early.then((module) => init({ module_or_path: module }), () => init({ module_or_path: wasmUrl }))
  : init({ module_or_path: wasmUrl });

/** @type {Promise<string[]> | null} */
let loaded = null;

/**
 * Hand the core its data, once: every catalog and word list, and the
 * lexicons named in `lexicons` (English always), or every lexicon when
 * `lexicons` is null. The first call decides; later calls get the same load.
 * Resolves to the names of the files handed over.
 * @param {string[] | null} [lexicons]
 * @returns {Promise<string[]>}
 */
export function loadData(lexicons = null) {
  loaded ??= Promise.all([ready, dataIndex]).then(async ([, names]) => {
    const wanted = names.filter(
      (n) => forCore(n) && (!n.startsWith('lexicon/') || lexicons === null || n === 'lexicon/en.json' || lexicons.includes(n)),
    );
    const files = await Promise.all(wanted.map(async (name) => ({ name, text: await dataText(name) })));
    rawInvoke({ type: 'load_data', files });
    return wanted;
  });
  return loaded;
}

/**
 * Run one command of the core (wasm/src/lib.rs `run`) once its data is loaded.
 * @param {object} command `{type, …}`
 * @returns {Promise<any>} the command's answer (its shape depends on `type`)
 */
export async function invoke(command) {
  await loadData();
  return rawInvoke(command);
}
