// The core's data ships beside the WASM module, not inside it: every file of
// the data folders is in dist/core/data/ and its index, and no file's text is
// in the module (so a language or a catalog adds nothing to the module).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DIST } from './chromium.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FOLDERS = [['lexicon', '.json'], ['messages', '.json'], ['catalogs', '.json'], ['vocab', '.txt'], ['psl', '.b64']];

test('every data file ships beside the module, listed in its index, and none inside it', () => {
  const expected = [];
  for (const [dir, ext] of FOLDERS) {
    if (!fs.existsSync(path.join(ROOT, dir))) continue;
    for (const f of fs.readdirSync(path.join(ROOT, dir))) if (f.endsWith(ext) && !f.startsWith('.')) expected.push(`${dir}/${f}`);
  }
  expected.sort();
  const index = JSON.parse(fs.readFileSync(path.join(DIST, 'core/data/index.json'), 'utf8'));
  assert.deepEqual(index.files, expected);
  const wasm = fs.readFileSync(path.join(DIST, 'core/auth_triage_wasm_bg.wasm'));
  for (const name of expected) {
    const shipped = fs.readFileSync(path.join(DIST, 'core/data', name), 'utf8');
    assert.ok(shipped.length > 0, name);
    if (name.endsWith('.b64')) {
      // Binary data as base64 text: the bytes are not in the module either.
      const bytes = Buffer.from(shipped, 'base64');
      assert.equal(wasm.indexOf(bytes.subarray(bytes.length >> 1, (bytes.length >> 1) + 48)), -1, `${name}: its bytes are inside the WASM module`);
    }
    if (name.endsWith('.json')) assert.deepEqual(JSON.parse(shipped), JSON.parse(fs.readFileSync(path.join(ROOT, name), 'utf8')), name);
    // Three slices of the file's text: none of them is in the module.
    for (const at of [0.25, 0.5, 0.75]) {
      const i = Math.floor(shipped.length * at);
      const slice = Buffer.from(shipped.slice(i, i + 48));
      if (slice.length < 24) continue;
      assert.equal(wasm.indexOf(slice), -1, `${name}: its text is inside the WASM module`);
    }
  }
});

test('common.json holds, word for word, the files the index names as common: the catalogs, word lists, public suffix list and English only', () => {
  const index = JSON.parse(fs.readFileSync(path.join(DIST, 'core/data/index.json'), 'utf8'));
  const common = JSON.parse(fs.readFileSync(path.join(DIST, 'core/data/common.json'), 'utf8'));
  assert.deepEqual(Object.keys(common).sort(), [...index.common].sort());
  for (const name of index.common) {
    assert.ok(index.files.includes(name), `${name} is common but not in the index`);
    assert.equal(common[name], fs.readFileSync(path.join(DIST, 'core/data', name), 'utf8'), name);
  }
  // Every page needs these; a lexicon or messages of another language loads on demand.
  for (const name of index.files) {
    const perLanguage = name.startsWith('lexicon/') || name.startsWith('messages/');
    assert.equal(index.common.includes(name), !perLanguage || name.endsWith('/en.json'), name);
  }
});
