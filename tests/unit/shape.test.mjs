// The shape check (scripts/shape.mjs): passes on the core as it is, fails
// on a copy with a line over 100 columns, and measures functions from `fn`
// to the brace that closes them (braces in strings and comments aside).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { shape, width, MAX_WIDTH } from '../../scripts/shape.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const script = path.join(root, 'scripts/shape.mjs');
const run = (src) => spawnSync(process.execPath, [script, src], { encoding: 'utf8' });

test('no line of the core is over 100 columns, and no rule id is a string outside the registry', () => {
  const { wide, ruleIds, functions } = shape(path.join(root, 'src'));
  assert.deepEqual(wide, []);
  assert.deepEqual(ruleIds.found, []);
  assert.ok(ruleIds.registry > 50, `${ruleIds.registry} rules in the registry`);
  assert.ok(functions.some((f) => f.name === 'signals::trail::analyze'));
});

test('a line over 100 columns fails the check, naming it; 100 columns pass', (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shape-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const rs = path.join(dir, 'order.rs');
  fs.writeFileSync(rs, `fn f() {}\n// ${'x'.repeat(MAX_WIDTH - 3)}\n`);
  assert.equal(run(dir).status, 0);
  fs.appendFileSync(rs, `// ${'x'.repeat(MAX_WIDTH - 2)}\n`);
  const r = run(dir);
  assert.equal(r.status, 1);
  assert.match(r.stdout, /lines over 100 columns: 1/);
  assert.match(r.stderr, /order\.rs:3 is 101 columns wide/);
});

test('functions are measured to their closing brace; wide characters count two columns', (t) => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'shape-'));
  t.after(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const files = {
    'a.rs': [
      'pub fn short() {}',
      'struct S;',
      "impl<'a> Tr for S {",
      '    fn method(&self) -> &str {',
      '        let _ = "}}}";',
      '        // }',
      '        "x"',
      '    }',
      '}',
      'trait Tr { fn method(&self) -> &str; }',
      '#[cfg(test)]',
      'mod tests {',
      '    fn helper() {',
      '    }',
      '}',
      '',
    ].join('\n'),
  };
  for (const [f, text] of Object.entries(files)) fs.writeFileSync(path.join(tmp, f), text);
  const { functions, sizes } = shape(tmp);
  const by = Object.fromEntries(functions.map((f) => [f.name, f]));
  assert.equal(by['a::S::method'].lines, 5);
  assert.equal(by['a::short'].lines, 1);
  assert.equal(by['a::helper'].test, true);
  assert.equal(by['a::S::method'].test, false);
  assert.equal(functions.length, 3);
  assert.deepEqual(sizes, [{ file: 'a.rs', lines: 15 }]);
  assert.equal(width('コード'), 6);
  assert.equal(width('code'), 4);
});
