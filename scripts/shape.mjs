// The core's shape: the longest functions, the largest files, and lines
// over the width the project writes to.
//
//   node scripts/shape.mjs [SRC_DIR] [--top N]      (default: src, 10)
//
// Prints the N longest functions of SRC_DIR's .rs files (from the line of
// `fn` to the line of its closing brace; test code marked "test"), the N
// largest files (lines), and every line over MAX_WIDTH columns (characters,
// as rustfmt's `max_width` counts them; a wide CJK character counts two).
// Exits 1 when any line is over: rustfmt cannot be made to fail on a long
// string or comment on stable Rust (`error_on_line_overflow` is unstable),
// so this is the check, run by `./build.sh test`.
//
// Also prints how many string literals outside the rule registry
// (src/diagnosis/rules.rs) spell a rule id: rules are a type, and the
// registry is the one place an id is written (a figure, not a check).
//
// A text scan, not a compiler: comments and string literals are blanked
// first (scripts/cycles.mjs), so a brace in a message is no brace.

import fs from 'node:fs';
import path from 'node:path';
import { blank, rustFiles } from './cycles.mjs';

/** rustfmt's `max_width` (rustfmt.toml). */
export const MAX_WIDTH = 100;

/** Columns of a line: East Asian wide and fullwidth characters count two. */
export function width(line) {
  let w = 0;
  for (const ch of line) {
    const c = ch.codePointAt(0);
    const wide =
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf && c !== 0x303f) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      (c >= 0x1f300 && c <= 0x1f64f) ||
      (c >= 0x20000 && c <= 0x3fffd);
    w += wide ? 2 : 1;
  }
  return w;
}

/** The 1-based line of offset `i` in `text`. */
function lineAt(starts, i) {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= i) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** The offset of the brace closing the one at `open`, in blanked text. */
function closing(text, open) {
  let depth = 0;
  for (let j = open; j < text.length; j++) {
    if (text[j] === '{') depth++;
    else if (text[j] === '}' && --depth === 0) return j;
  }
  return text.length - 1;
}

/** The type an `impl … {` header names (`impl<'a> X for Y<'a>` gives Y). */
function implType(header) {
  let h = header.replace(/\bwhere\b[\s\S]*$/, '').replace(/^impl\s*/, '');
  if (h.startsWith('<')) {
    let depth = 0;
    let j = 0;
    for (; j < h.length; j++) {
      if (h[j] === '<') depth++;
      else if (h[j] === '>' && --depth === 0) break;
    }
    h = h.slice(j + 1);
  }
  const parts = h.split(/\bfor\b/);
  const m = /([A-Za-z_]\w*)\s*(<[\s\S]*)?$/.exec(parts[parts.length - 1].trim());
  return m ? m[1] : '?';
}

/** Byte ranges of `#[cfg(test)]` items in blanked text. */
function testRanges(text) {
  const ranges = [];
  for (const m of text.matchAll(/#\[cfg\(test\)\]/g)) {
    let depth = 0;
    let j = m.index + m[0].length;
    for (; j < text.length; j++) {
      const c = text[j];
      if (c === '{') depth++;
      else if (c === '}' && --depth === 0) break;
      else if (c === ';' && depth === 0) break;
    }
    ranges.push([m.index, j]);
  }
  return ranges;
}

/** Files declared only for tests (`#[cfg(test)] mod tests;`), relative to src. */
function testFiles(texts) {
  const out = new Set();
  for (const [f, t] of texts) {
    for (const m of t.matchAll(/#\[cfg\(test\)\]\s*(?:pub(?:\([\w:]+\))?\s+)?mod\s+(\w+)\s*;/g)) {
      const dir = path.dirname(f);
      const base = /(^|\/)(mod|lib|main)\.rs$/.test(f) ? dir : path.join(dir, path.basename(f, '.rs'));
      out.add(path.normalize(path.join(base, `${m[1]}.rs`)));
      out.add(path.normalize(path.join(base, m[1], 'mod.rs')));
    }
  }
  return out;
}

/** The module path of a file: `signals/trail.rs` is `signals::trail`. */
function modulePath(f) {
  return f
    .replace(/\.rs$/, '')
    .replace(/(^|\/)(mod|lib|main)$/, '')
    .split('/')
    .filter(Boolean)
    .join('::');
}

/**
 * The shape of the crate in `src`: its functions (name, file, line, lines,
 * test), its files (lines), its lines over MAX_WIDTH, and the string
 * literals outside the registry that spell a rule id.
 */
export function shape(src) {
  const files = rustFiles(src);
  const raws = new Map(files.map((f) => [f, fs.readFileSync(path.join(src, f), 'utf8')]));
  const texts = new Map([...raws].map(([f, t]) => [f, blank(t)]));
  const tests = testFiles(texts);
  const functions = [];
  const sizes = [];
  const wide = [];
  for (const [f, text] of texts) {
    const raw = raws.get(f);
    const lines = raw.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    sizes.push({ file: f, lines: lines.length });
    lines.forEach((l, i) => {
      const w = width(l);
      if (w > MAX_WIDTH) wide.push({ file: f, line: i + 1, width: w });
    });
    const starts = [0];
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
    const tested = testRanges(text);
    const impls = [];
    for (const m of text.matchAll(/(?<![\w])impl\b[^{;]*\{/g)) {
      impls.push({ from: m.index, to: closing(text, m.index + m[0].length - 1), type: implType(m[0].slice(0, -1)) });
    }
    for (const m of text.matchAll(/(?<![\w])fn\s+([A-Za-z_]\w*)/g)) {
      // The body opens at the first `{` after the signature; a `;` first is
      // a declaration (a trait's) with no body.
      let j = m.index + m[0].length;
      while (j < text.length && text[j] !== '{' && text[j] !== ';') j++;
      if (text[j] !== '{') continue;
      const end = closing(text, j);
      const from = lineAt(starts, m.index);
      const to = lineAt(starts, end);
      const inner = impls.filter((b) => b.from < m.index && m.index < b.to).pop();
      const name = [modulePath(f), inner?.type, m[1]].filter(Boolean).join('::');
      const test = tests.has(f) || tested.some(([a, b]) => a <= m.index && m.index <= b);
      functions.push({ name, file: f, line: from, lines: to - from + 1, test });
    }
  }
  functions.sort((a, b) => b.lines - a.lines || a.name.localeCompare(b.name));
  sizes.sort((a, b) => b.lines - a.lines || a.file.localeCompare(b.file));
  return { functions, sizes, wide, ruleIds: ruleIdLiterals(src, raws) };
}

/** String literals outside the registry that spell one of its rule ids. */
function ruleIdLiterals(src, raws) {
  const registry = raws.get(path.join('diagnosis', 'rules.rs'));
  if (!registry) return null;
  const ids = new Set([...registry.matchAll(/=\s*"([a-z0-9_]+\.[a-z0-9_]+)"\s*,/g)].map((m) => m[1]));
  const found = [];
  for (const [f, raw] of raws) {
    if (f === path.join('diagnosis', 'rules.rs')) continue;
    // The literals are what blanking removed: compare the two texts.
    const text = blank(raw);
    for (const m of raw.matchAll(/"([a-z0-9_]+\.[a-z0-9_]+)"/g)) {
      if (ids.has(m[1]) && text[m.index] === ' ' && raw.slice(0, m.index).split('\n').pop().indexOf('//') < 0) {
        found.push({ file: f, line: raw.slice(0, m.index).split('\n').length, id: m[1] });
      }
    }
  }
  return { registry: ids.size, found };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--top');
  const top = at >= 0 ? Number(args.splice(at, 2)[1]) : 10;
  const src = args[0] ?? 'src';
  const { functions, sizes, wide, ruleIds } = shape(src);
  const shown = (p) => path.join(src, p);
  console.log(`longest functions of ${src}/ (lines, fn to closing brace):`);
  for (const f of functions.slice(0, top)) {
    console.log(`  ${String(f.lines).padStart(5)}  ${f.name}  ${shown(f.file)}:${f.line}${f.test ? '  (test)' : ''}`);
  }
  const core = functions.filter((f) => !f.test);
  const over = core.filter((f) => f.lines > 60).length;
  console.log(`  functions over 60 lines: ${over} (${functions.filter((f) => f.lines > 60).length} with tests)`);
  console.log(`largest files of ${src}/ (lines):`);
  for (const s of sizes.slice(0, top)) console.log(`  ${String(s.lines).padStart(5)}  ${shown(s.file)}`);
  if (ruleIds) {
    console.log(
      `rule ids as string literals outside the registry: ${ruleIds.found.length}` +
        ` (the registry holds ${ruleIds.registry})`,
    );
    for (const r of ruleIds.found) console.log(`  ${shown(r.file)}:${r.line} "${r.id}"`);
  }
  console.log(`lines over ${MAX_WIDTH} columns: ${wide.length}`);
  if (wide.length) {
    const per = new Map();
    for (const w of wide) per.set(w.file, (per.get(w.file) ?? 0) + 1);
    for (const [f, n] of [...per].sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(5)}  ${shown(f)}`);
    for (const w of wide) console.error(`error: ${shown(w.file)}:${w.line} is ${w.width} columns wide (max ${MAX_WIDTH})`);
    process.exit(1);
  }
}
