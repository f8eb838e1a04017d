// Benchmark: `auth-triage har` on HARs of 5, 50 and 200 MB, shaped like a
// real single-page app's (JS bundles and JSON in the bodies, a sign-in at
// the end). Prints wall time and peak memory (GNU time), and the ratio of
// the time to a baseline in the same run: Node's JSON.parse of the same
// file (the least any reader of the whole file does). Run by ./build.sh bench.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch } from './chromium.mjs';

const CLI = path.resolve(import.meta.dirname, '../../target/release/auth-triage');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'at-har-bench-'));

function entry(i, t, url, type, mime, body, extra = {}) {
  return {
    startedDateTime: new Date(t + i * 5).toISOString(),
    time: 3.2,
    _resourceType: type,
    request: { method: 'GET', url, headers: [{ name: 'Accept', value: '*/*' }], cookies: [{ name: 'sid', value: 'x'.repeat(40) }] },
    response: {
      status: 200,
      headers: [{ name: 'Date', value: new Date(t + i * 5).toUTCString() }, { name: 'Content-Type', value: mime }],
      cookies: [],
      content: { size: body.length, mimeType: mime, text: body },
      redirectURL: '',
    },
    ...extra,
  };
}

function makeHar(file, bytes) {
  const t = Date.parse('2026-11-29T15:00:00Z');
  const bundle = `function f(a){return a*2}/* ${'x'.repeat(1000)} */`.repeat(500); // ~520 KB
  const json = JSON.stringify({ items: Array.from({ length: 200 }, (_, k) => ({ id: k, name: `item ${k}` })) });
  const out = fs.openSync(file, 'w');
  fs.writeSync(out, '{"log":{"version":"1.2","creator":{"name":"WebInspector","version":"537.36"},"pages":[],"entries":[');
  let size = 0;
  let i = 0;
  const write = (e) => {
    const s = (i ? ',' : '') + JSON.stringify(e);
    fs.writeSync(out, s);
    size += s.length;
    i++;
  };
  write(entry(i, t, 'https://app.example.org/', 'document', 'text/html', '<html><body><div id=root></div></body></html>'));
  while (size < bytes - 100_000) {
    write(entry(i, t, `https://app.example.org/static/chunk-${i}.js`, 'script', 'application/javascript', bundle));
    for (let k = 0; k < 20; k++) write(entry(i, t, `https://app.example.org/api/items?page=${i}`, 'fetch', 'application/json', json));
  }
  write(
    entry(i, t, 'https://app.example.org/login/mfa', 'document', 'text/html', '<html><body><div role=alert>Invalid authenticator code.</div><form method=post><input name=otp autocomplete=one-time-code></form></body></html>', {}),
  );
  fs.writeSync(out, ']}}');
  fs.closeSync(out);
}

function timed(cmd, args) {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', cmd, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const last = r.stderr.trim().split('\n').pop();
  const [secs, kb] = last.split(' ').map(Number);
  return { secs, mb: kb / 1024, status: r.status, stderr: r.stderr };
}

let pageRow = null;

/** The support page on `file`: seconds from the file input to the result, median of 3. */
async function inPage(file, size, native) {
  const ext = await launch();
  try {
    const page = await ext.context.newPage();
    await page.goto(ext.url('support.html'));
    await page.waitForSelector('body[data-ready]');
    const times = [];
    for (let k = 0; k < 3; k++) {
      await page.evaluate(() => { delete document.body.dataset.har; });
      const t0 = Date.now();
      await page.setInputFiles('#har-file', file);
      await page.waitForSelector('body[data-har="done"], body[data-har="error"]', { timeout: 120_000 });
      times.push((Date.now() - t0) / 1000);
      if ((await page.$eval('body', (b) => b.dataset.har)) !== 'done') throw new Error(`support page: ${await page.textContent('#har-status')}`);
      await page.setInputFiles('#har-file', []);
    }
    const t = [...times].sort((a, b) => a - b)[1];
    return `| ${(size / 1048576).toFixed(0)} MB | ${t.toFixed(2)} s | ${native.toFixed(2)} s | ${(t / native).toFixed(2)} |`;
  } finally {
    await ext.close();
  }
}

console.log('auth-triage har (and har --sanitize OUT.har): wall time and peak memory (GNU time), median of 3; baseline: node JSON.parse of the same file');
console.log('| HAR | auth-triage har | peak memory | har --sanitize | peak memory | sanitized HAR | JSON.parse baseline | ratio | ratio --sanitize |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const mb of [5, 50, 200]) {
  const file = path.join(dir, `spa-${mb}mb.har`);
  makeHar(file, mb * 1024 * 1024);
  const size = fs.statSync(file).size;
  const runs = [];
  const sans = [];
  const base = [];
  const clean = path.join(dir, `spa-${mb}mb.sanitized.har`);
  for (let k = 0; k < 3; k++) {
    const r = timed(CLI, ['har', file, '--format', 'json']);
    if (r.status !== 0) throw new Error(`auth-triage har failed on ${mb} MB: ${r.stderr}`);
    runs.push(r);
    const z = timed(CLI, ['har', file, '--format', 'json', '--sanitize', clean]);
    if (z.status !== 0) throw new Error(`auth-triage har --sanitize failed on ${mb} MB: ${z.stderr}`);
    sans.push(z);
    base.push(timed(process.execPath, ['-e', `JSON.parse(require('fs').readFileSync(${JSON.stringify(file)}, 'utf8'))`]));
  }
  const med = (xs) => [...xs].sort((a, b) => a - b)[1];
  const s = med(runs.map((r) => r.secs));
  const m = med(runs.map((r) => r.mb));
  const b = med(base.map((r) => r.secs));
  const zs = med(sans.map((r) => r.secs));
  const zm = med(sans.map((r) => r.mb));
  const out = fs.statSync(clean).size;
  console.log(
    `| ${(size / 1048576).toFixed(0)} MB | ${s.toFixed(2)} s | ${m.toFixed(0)} MB | ${zs.toFixed(2)} s | ${zm.toFixed(0)} MB | ${(out / 1048576).toFixed(1)} MB | ${b.toFixed(2)} s | ${(s / b).toFixed(2)} | ${(zs / b).toFixed(2)} |`,
  );
  if (mb === 50) pageRow = await inPage(file, size, zs);
  fs.rmSync(file);
  fs.rmSync(clean);
}
if (pageRow) {
  console.log('\nThe same 51 MB HAR in the support page (dist-test/ in headless Chromium): file input to the diagnosis, the report and the');
  console.log('sanitized HAR shown (read in 4 MiB pieces by a worker, the core\'s HAR module in WASM), median of 3; baseline: auth-triage har --sanitize on the file');
  console.log('| HAR | support page | native har --sanitize | ratio |');
  console.log('|---|---|---|---|');
  console.log(pageRow);
}
fs.rmSync(dir, { recursive: true, force: true });
