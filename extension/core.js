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

// Every data file is fetched once, when first wanted.
/** @type {Map<string, Promise<string>>} */
const texts = new Map();
/**
 * @param {string} name
 * @returns {Promise<string>}
 */
function dataText(name) {
  if (!texts.has(name)) texts.set(name, fetchText(`data/${name}`));
  return /** @type {Promise<string>} */ (texts.get(name));
}

/** The core data's file names ("lexicon/de.json", …), from core/data/index.json. */
export const dataIndex = fetchText('data/index.json').then((t) => /** @type {string[]} */ (JSON.parse(t).files));

// Catalogs, word lists, the English lexicon and English messages are needed on every page:
// fetch them while the module compiles. Other lexicons wait for loadData.
// The core renders English only (the report, the diagnosis): of the
// messages it gets English; pages render the UI language themselves (i18n.js).
/** @param {string} n */
const forCore = (n) => !n.startsWith('messages/') || n === 'messages/en.json';
dataIndex.then((names) => names.filter((n) => forCore(n) && (!n.startsWith('lexicon/') || n === 'lexicon/en.json')).forEach(dataText), () => {});

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
