// The import-circle check (scripts/cycles.mjs): passes on the core as it is,
// and fails on a copy of it with a circle planted in it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { blank, cycles, graph } from '../../scripts/cycles.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const script = path.join(root, 'scripts/cycles.mjs');
const run = (src) => spawnSync(process.execPath, [script, src], { encoding: 'utf8' });

test('the core has no import circle', () => {
  const r = run(path.join(root, 'src'));
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /no circle among \d+ modules/);
});

test('a circle planted in a copy of the core fails the check, naming its edges', (t) => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cycles-'));
  t.after(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const src = path.join(tmp, 'src');
  fs.cpSync(path.join(root, 'src'), src, { recursive: true });
  // web is a leaf that the signals import; make it import a signal back.
  const web = path.join(src, 'web/mod.rs');
  fs.appendFileSync(web, '\npub fn planted() -> bool {\n    crate::signals::is_auth_cookie("sid")\n}\n');
  const r = run(src);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /import one another in a circle/);
  assert.match(r.stderr, /web -> signals \(web\/mod\.rs\)/);
  assert.match(r.stderr, /signals -> web/);
});

test('a use group, a macro call and super:: out of a folder are edges; comments, strings and tests are not', (t) => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cycles-'));
  t.after(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const files = {
    'a.rs': 'use crate::{b::X, c};\n// crate::d::no\nconst S: &str = "crate::d::no";\n#[cfg(test)]\nmod tests {\n    use crate::d::Y;\n}\n',
    'b.rs': '#[macro_export]\nmacro_rules! m { () => {} }\n',
    'c/mod.rs': 'pub mod inner;\n',
    'c/inner.rs': 'fn f() { super::super::e::g(); crate::m!(); }\n',
    'd.rs': '',
    'e.rs': "fn f<'a>(x: &'a str) -> char { let _ = r#\"crate::d\"#; '\"' }\n",
  };
  for (const [f, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(tmp, f)), { recursive: true });
    fs.writeFileSync(path.join(tmp, f), text);
  }
  const edges = graph(tmp);
  const of = (m) => [...edges.get(m).keys()].sort();
  assert.deepEqual(of('a'), ['b', 'c']);
  assert.deepEqual(of('c'), ['b', 'e']);
  assert.deepEqual(of('d'), []);
  assert.deepEqual(of('e'), []);
  assert.deepEqual(cycles(edges), []);
  assert.equal(blank('let s = "a // b"; // c\n').length, 'let s = "a // b"; // c\n'.length);
});
