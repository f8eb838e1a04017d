// The core's modules import one another without a circle.
//
//   node scripts/cycles.mjs [SRC_DIR]      (default: src)
//
// Reads every .rs file below SRC_DIR (the crate root, lib.rs, and main.rs
// aside: they only declare and wire), finds the paths it names with
// `crate::` (in `use` lines, `crate::a::b` paths and `crate::macro!` calls)
// and `super::`, and draws an edge from the file's top-level module
// (`src/signals/trail.rs` is `signals`) to the module the path names.
// Test code (`#[cfg(test)]` items and the files they declare) is left out.
// Exits 1 and prints each circle when the graph has one; else prints the
// order in which the modules depend on one another (leaves first).
//
// A text scan, not a compiler: comments and string literals are blanked
// first, so a path in a doc comment or a message is no edge.

import fs from 'node:fs';
import path from 'node:path';

/** Blank comments and string/char literals, keeping offsets and newlines. */
export function blank(src) {
  let out = '';
  let i = 0;
  const keep = (s) => s.replace(/[^\n]/g, ' ');
  while (i < src.length) {
    const rest = src.slice(i, i + 3);
    if (rest.startsWith('//')) {
      const end = src.indexOf('\n', i);
      const j = end < 0 ? src.length : end;
      out += keep(src.slice(i, j));
      i = j;
    } else if (rest.startsWith('/*')) {
      let depth = 0;
      let j = i;
      do {
        if (src.startsWith('/*', j)) { depth++; j += 2; }
        else if (src.startsWith('*/', j)) { depth--; j += 2; }
        else j++;
      } while (depth > 0 && j < src.length);
      out += keep(src.slice(i, j));
      i = j;
    } else if (/^(b?r#*")/.test(src.slice(i, i + 8)) && !/[\w]/.test(src[i - 1] ?? '')) {
      const m = /^(b?r)(#*)"/.exec(src.slice(i, i + 40));
      const close = `"${m[2]}`;
      const end = src.indexOf(close, i + m[0].length);
      const j = end < 0 ? src.length : end + close.length;
      out += keep(src.slice(i, j));
      i = j;
    } else if (src[i] === '"') {
      let j = i + 1;
      while (j < src.length && src[j] !== '"') j += src[j] === '\\' ? 2 : 1;
      out += keep(src.slice(i, j + 1));
      i = j + 1;
    } else if (src[i] === "'") {
      const m = /^'(\\(u\{[0-9a-fA-F]+\}|x[0-9a-fA-F]{2}|.)|[^\\'])'/u.exec(src.slice(i, i + 12));
      if (m) { out += keep(m[0]); i += m[0].length; } else { out += "'"; i++; }
    } else {
      out += src[i];
      i++;
    }
  }
  return out;
}

/** The text without `#[cfg(test)]` items (a `mod x { … }` block or `mod x;`). */
export function withoutTests(text) {
  const attr = /#\[cfg\(test\)\]/g;
  let out = '';
  let last = 0;
  let m;
  while ((m = attr.exec(text))) {
    out += text.slice(last, m.index);
    let j = m.index + m[0].length;
    // The item ends at its first `;` at depth 0 or at the `}` closing its first `{`.
    let depth = 0;
    for (; j < text.length; j++) {
      const c = text[j];
      if (c === '{') depth++;
      else if (c === '}' && --depth === 0) { j++; break; }
      else if (c === ';' && depth === 0) { j++; break; }
    }
    out += text.slice(m.index, j).replace(/[^\n]/g, ' ');
    last = j;
    attr.lastIndex = j;
  }
  return out + text.slice(last);
}

/** Top-level names a `crate::` path starts with: `a::b` gives a, `{a, b::c}` gives a and b. */
function heads(text, at) {
  const rest = text.slice(at);
  if (rest[0] !== '{') {
    const m = /^[A-Za-z_]\w*/.exec(rest);
    return m ? [m[0]] : [];
  }
  // A brace group: split its top level on commas.
  let depth = 0;
  let part = '';
  const parts = [];
  for (const c of rest) {
    if (c === '{') { if (depth++ === 0) continue; }
    if (c === '}') { if (--depth === 0) break; }
    if (c === ',' && depth === 1) { parts.push(part); part = ''; continue; }
    part += c;
  }
  parts.push(part);
  return parts
    .map((p) => /^\s*([A-Za-z_]\w*)/.exec(p)?.[1])
    .filter((h) => h && h !== 'self');
}

/** Every .rs file below `dir`, as paths relative to it. */
export function rustFiles(dir, rel = '') {
  const files = [];
  for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const r = path.join(rel, e.name);
    if (e.isDirectory()) files.push(...rustFiles(dir, r));
    else if (e.name.endsWith('.rs')) files.push(r);
  }
  return files.sort();
}

/** The module graph of the crate in `src`: Map module -> Map target -> [files]. */
export function graph(src) {
  const files = rustFiles(src).filter((f) => f !== 'lib.rs' && f !== 'main.rs');
  const texts = new Map(files.map((f) => [f, blank(fs.readFileSync(path.join(src, f), 'utf8'))]));
  // Files declared only for tests (`#[cfg(test)] mod tests;`) are test code.
  const testFiles = new Set();
  for (const [f, t] of texts) {
    for (const m of t.matchAll(/#\[cfg\(test\)\]\s*(?:pub(?:\([\w:]+\))?\s+)?mod\s+(\w+)\s*;/g)) {
      const dir = path.dirname(f);
      const base = /(^|\/)(mod)\.rs$/.test(f) ? dir : path.join(dir, path.basename(f, '.rs'));
      testFiles.add(path.join(base, `${m[1]}.rs`));
      testFiles.add(path.join(base, m[1], 'mod.rs'));
    }
  }
  const moduleOf = (f) => f.split(path.sep)[0].replace(/\.rs$/, '');
  const modules = new Set(files.map(moduleOf));
  // Exported macros are called as `crate::name!`: an edge to their module.
  const macros = new Map();
  for (const [f, t] of texts) {
    for (const m of t.matchAll(/#\[macro_export\]\s*macro_rules!\s*(\w+)/g)) macros.set(m[1], moduleOf(f));
  }
  const edges = new Map([...modules].map((m) => [m, new Map()]));
  for (const [f, raw] of texts) {
    if (testFiles.has(f)) continue;
    const t = withoutTests(raw);
    const from = moduleOf(f);
    const depth = f.split(path.sep).length - (f.endsWith('mod.rs') ? 2 : 1);
    const add = (to) => {
      const target = macros.get(to) ?? to;
      if (!modules.has(target) || target === from) return;
      const by = edges.get(from);
      if (!by.has(target)) by.set(target, new Set());
      by.get(target).add(f);
    };
    for (const m of t.matchAll(/(?<![\w$])\$?crate::/g)) heads(t, m.index + m[0].length).forEach(add);
    // `super::` climbs out of the file's own module only from depth 1 up
    // (`src/a/b.rs` -> `a`, the same module); `super::super::` from
    // `src/a/b.rs` names the crate root, and the next segment a module.
    for (const m of t.matchAll(/(?<![\w:])((?:super::)+)/g)) {
      const ups = m[1].length / 'super::'.length;
      if (ups > depth) heads(t, m.index + m[0].length).forEach(add);
    }
  }
  return edges;
}

/** Circles of the graph (one per strongly connected set of two or more modules). */
export function cycles(edges) {
  let index = 0;
  const idx = new Map();
  const low = new Map();
  const stack = [];
  const on = new Set();
  const found = [];
  const visit = (v) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of edges.get(v)?.keys() ?? []) {
      if (!idx.has(w)) { visit(w); low.set(v, Math.min(low.get(v), low.get(w))); }
      else if (on.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
    }
    if (low.get(v) === idx.get(v)) {
      const set = [];
      let w;
      do { w = stack.pop(); on.delete(w); set.push(w); } while (w !== v);
      if (set.length > 1) found.push(set.sort());
    }
  };
  for (const v of [...edges.keys()].sort()) if (!idx.has(v)) visit(v);
  return found;
}

/** Modules in an order where each comes after what it imports. */
export function layers(edges) {
  const done = new Set();
  const order = [];
  const visit = (v) => {
    if (done.has(v)) return;
    done.add(v);
    for (const w of [...(edges.get(v)?.keys() ?? [])].sort()) visit(w);
    order.push(v);
  };
  for (const v of [...edges.keys()].sort()) visit(v);
  return order;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const src = process.argv[2] ?? 'src';
  const edges = graph(src);
  const found = cycles(edges);
  if (found.length) {
    for (const set of found) {
      console.error(`error: the modules ${set.join(', ')} import one another in a circle:`);
      for (const a of set) {
        for (const [b, files] of edges.get(a)) {
          if (set.includes(b)) console.error(`  ${a} -> ${b} (${[...files].join(', ')})`);
        }
      }
    }
    process.exit(1);
  }
  console.log(`module imports: no circle among ${edges.size} modules`);
  console.log(`  leaves first: ${layers(edges).join(' < ')}`);
}
