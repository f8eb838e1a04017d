// Lists each lexicon phrase's spellings typed without accents, as data.
//
//   node scripts/plain-spellings.mjs           check: exit 1 if a lexicon is out of date
//   node scripts/plain-spellings.mjs --write   rewrite lexicon/*.json with the lists
//
// Messages are often typed on a keyboard without their accents: "Der Code
// ist ungueltig", "Reessayez dans un instant", "La sesion ha expirado". Each
// lexicon phrase with accented Latin letters is also listed in its plain
// spellings, under the same concept (`plain_concepts`) or function word
// (`plain_words`), which the core reads as it reads `concepts` and `words`:
// - every accented letter as its plain letter ("réessayez" → "reessayez");
//   in German also "ä", "ö", "ü" as "ae", "oe", "ue", and "ß" as "ss"
//   ("ungültig" → "ungueltig", "ungultig");
// - not where an accent ends a word or a word start ("*"): plain, it is
//   often another word ("activé" / "active", "está" / "esta", "expiré*"
//   would read "expirer", to expire);
// - not where a lexicon lists that spelling itself ("expire" is English's),
//   and only with five letters or more ("où" is not read as "ou").
// The lists are generated, never edited by hand: edit `concepts` or `words`
// and run this with --write. tests/unit/plain-spellings.test.mjs checks that
// the shipped lexicons are up to date.

import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');

const PLAIN = new Map(
  Object.entries({
    a: 'àáâãäåą',
    c: 'çć',
    e: 'èéêëę',
    i: 'ìíîï',
    n: 'ñń',
    o: 'òóôõö',
    u: 'ùúûü',
    y: 'ýÿ',
    l: 'ł',
    s: 'śş',
    z: 'źż',
    g: 'ğ',
  }).flatMap(([plain, accented]) => [...accented].map((c) => [c, plain])),
);
PLAIN.set('œ', 'oe');
PLAIN.set('æ', 'ae');
PLAIN.set('ß', 'ss');
PLAIN.set('ı', 'i');
const GERMAN = new Map([
  ['ä', 'ae'],
  ['ö', 'oe'],
  ['ü', 'ue'],
]);

/** `p` typed without its accents: its plain spellings (none if it has no accent). */
export function plainSpellings(p, german) {
  const out = [];
  if (/^[\x00-\x7f]*$/.test(p)) return out;
  for (const twoLetters of german ? [false, true] : [false]) {
    const s = [...p].map((c) => (twoLetters && GERMAN.get(c)) || PLAIN.get(c) || c).join('');
    if (s !== p && /^[\x00-\x7f]*$/.test(s) && !out.includes(s)) out.push(s);
  }
  return out;
}

/** Whether an accented letter ends a word of `p` (or a word start before `*`). */
function endsAccented(p) {
  return p.split(/[^\p{L}\p{N}]+/u).some((w) => w.length > 0 && PLAIN.has([...w].at(-1)));
}

/** The words a plain spelling changed: each word of `plain` that differs from `p`'s. */
function changedWords(p, plain) {
  const a = p.split(/[^\p{L}\p{N}]+/u);
  const b = plain.split(/[^\p{L}\p{N}]+/u);
  return b.filter((w, i) => w && w !== a[i]);
}

/** The plain spellings of every lexicon in `lexicons` ({lang: parsed JSON}), by lang.
 *  `otherWords`: words of some language's dictionary a plain spelling must not make
 *  ("telephone", "obsolete", German "konnte" from "könnte"). */
export function plainLists(lexicons, otherWords = new Set()) {
  const listed = new Set();
  for (const lex of Object.values(lexicons)) {
    for (const key of ['concepts', 'words']) {
      for (const list of Object.values(lex[key] ?? {})) list.forEach((p) => listed.add(p));
    }
  }
  const out = {};
  for (const [lang, lex] of Object.entries(lexicons)) {
    const german = lex.lang === 'de';
    const spell = (p) =>
      endsAccented(p)
        ? []
        : plainSpellings(p, german).filter(
            (s) =>
              !listed.has(s) &&
              [...s].filter((c) => /[\p{L}\p{N}]/u.test(c)).length >= 5 &&
              !changedWords(p, s).some((w) => otherWords.has(w.replace(/\*$/, ''))),
          );
    const lists = {};
    for (const key of ['concepts', 'words']) {
      const plain = {};
      for (const [name, list] of Object.entries(lex[key] ?? {})) {
        const spelled = [...new Set(list.flatMap(spell))];
        if (spelled.length) plain[name] = spelled;
      }
      lists[`plain_${key}`] = plain;
    }
    out[lang] = lists;
  }
  return out;
}

/** `lex` with its plain lists set to `lists`, each after the key it spells (none if empty). */
export function withLists(lex, lists) {
  const out = {};
  for (const [k, v] of Object.entries(lex)) {
    if (k === 'plain_concepts' || k === 'plain_words') continue;
    out[k] = v;
    const plain = lists[`plain_${k}`];
    if (plain && Object.keys(plain).length) out[`plain_${k}`] = plain;
  }
  return out;
}

export function readLexicons(dir = path.join(ROOT, 'lexicon')) {
  const out = {};
  for (const f of fs.readdirSync(dir).sort()) {
    if (f.endsWith('.json')) out[f] = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
  }
  return out;
}

/** Words of other languages' dictionaries that plain spellings would make, kept as data
 *  (`--dicts FILE…` finds them in word lists such as /usr/share/dict/*). */
export const OTHER_WORDS = path.join(ROOT, 'scripts/plain-spellings.other-words.txt');

export function readOtherWords(file = OTHER_WORDS) {
  if (!fs.existsSync(file)) return new Set();
  return new Set(
    fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .map((w) => w.trim())
      .filter((w) => w && !w.startsWith('#')),
  );
}

/** The words plain spellings of `lexicons` would make that a dictionary word list holds. */
export function findOtherWords(lexicons, dictFiles) {
  const candidates = new Set();
  for (const lex of Object.values(lexicons)) {
    for (const key of ['concepts', 'words']) {
      for (const list of Object.values(lex[key] ?? {})) {
        for (const p of list) {
          for (const s of plainSpellings(p, lex.lang === 'de')) {
            // Words of four letters or more: shorter ones match abbreviations in
            // the word lists ("cok" of Turkish "çok").
            for (const w of changedWords(p, s)) {
              if (w.replace(/\*$/, '').length >= 4) candidates.add(w.replace(/\*$/, ''));
            }
          }
        }
      }
    }
  }
  const found = new Set();
  for (const f of dictFiles) {
    for (const line of fs.readFileSync(f, 'latin1').split('\n')) {
      const w = line.trim().toLowerCase();
      if (candidates.has(w)) found.add(w);
    }
    for (const line of fs.readFileSync(f, 'utf8').split('\n')) {
      const w = line.trim().toLowerCase();
      if (candidates.has(w)) found.add(w);
    }
  }
  return [...found].sort();
}

/** The files of `dir` whose text differs from what --write would make: [file, text]. */
export function outOfDate(dir = path.join(ROOT, 'lexicon')) {
  const lexicons = readLexicons(dir);
  const lists = plainLists(lexicons, readOtherWords());
  const stale = [];
  for (const [f, lex] of Object.entries(lexicons)) {
    const text = `${JSON.stringify(withLists(lex, lists[f]), null, 1)}\n`;
    if (fs.readFileSync(path.join(dir, f), 'utf8') !== text) stale.push([f, text]);
  }
  return stale;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = path.join(ROOT, 'lexicon');
  const at = process.argv.indexOf('--dicts');
  if (at > 0) {
    const dicts = process.argv.slice(at + 1).filter((a) => !a.startsWith('--'));
    const words = findOtherWords(readLexicons(dir), dicts);
    const head = '# Words of other languages that plain spellings would make: never listed.\n'
      + `# Made by: node scripts/plain-spellings.mjs --write --dicts ${dicts.join(' ')}\n`;
    fs.writeFileSync(OTHER_WORDS, head + words.join('\n') + '\n');
    console.log(`plain spellings: ${words.length} dictionary words kept out`);
  }
  const stale = outOfDate(dir);
  if (process.argv.includes('--write')) {
    for (const [f, text] of stale) fs.writeFileSync(path.join(dir, f), text);
    console.log(`plain spellings: ${stale.length} lexicon(s) rewritten`);
  } else if (stale.length) {
    console.error(
      `plain spellings out of date in ${stale.map(([f]) => f).join(', ')}: run node scripts/plain-spellings.mjs --write`,
    );
    process.exit(1);
  } else {
    console.log('plain spellings: every lexicon up to date');
  }
}
