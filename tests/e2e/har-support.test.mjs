// The support page's HAR triage, in Chromium with dist-test/ loaded: a HAR
// recorded from a real wrong-code login is opened through the page's file
// input; the page reads it in a worker (the core's HAR module), shows the
// progress, the diagnosis the CLI gives the same file, and offers the
// report and the sanitized HAR as downloads, which hold none of the HAR's
// secrets. A large file can be cancelled; a file that is not a HAR gets the
// CLI's one-line error.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { start } from './server.mjs';
import { launch, diagnose } from './chromium.mjs';

const CLI = path.resolve(import.meta.dirname, '../../target/release/auth-triage');
let site;
let dir;

before(async () => {
  site = await start();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'at-har-support-'));
});
after(() => {
  site?.server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function cliDiagnosis(file) {
  const r = spawnSync(CLI, ['har', file, '--format', 'json'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}

async function openSupport(ext) {
  const page = await ext.context.newPage();
  await page.goto(ext.url('support.html'));
  await page.waitForSelector('body[data-ready]');
  return page;
}

async function downloaded(page, button) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
  return { name: dl.suggestedFilename(), text: fs.readFileSync(await dl.path(), 'utf8') };
}

test('support page: a dropped HAR is diagnosed locally, with progress, as the CLI diagnoses it; the downloads hold no secret', async () => {
  const harPath = path.join(dir, 'wrong-code.har');
  const code = '861234';
  let popupSays;
  const rec = await launch({ recordHar: { path: harPath, content: 'embed' } });
  try {
    const page = await rec.context.newPage();
    await page.goto(`${site.origin}/wrong-code`);
    await page.fill('#otp', code);
    await Promise.all([page.waitForLoadState('load').catch(() => {}), page.click('form button[type=submit]')]);
    await page.waitForTimeout(300);
    popupSays = (await diagnose(rec, page)).result;
  } finally {
    await rec.close(); // writes the HAR
  }
  assert.ok(fs.readFileSync(harPath, 'utf8').includes(code), 'the HAR holds the code: the check means something');
  const want = cliDiagnosis(harPath);
  assert.equal(want.failure_type, popupSays.failureType);

  const ext = await launch();
  try {
    const support = await openSupport(ext);
    // Nothing is uploaded: no request leaves the extension while it works.
    const sent = [];
    ext.context.on('request', (r) => {
      if (!r.url().startsWith('chrome-extension://')) sent.push(r.url());
    });
    await support.setInputFiles('#har-file', harPath);
    await support.waitForSelector('body[data-har="done"]', { timeout: 30_000 });
    const out = await support.$eval('#har-out', (e) => ({ ...e.dataset, hidden: e.hidden }));
    assert.equal(out.hidden, false);
    assert.equal(out.failureType, want.failure_type);
    assert.equal(out.verdict, want.verdict);
    assert.equal(out.safeCode, want.safe_code ?? '');
    assert.equal(await support.$eval('body', (b) => b.dataset.harProgress), '100');
    assert.match(await support.textContent('#har-status'), /Nothing was uploaded/);
    assert.match(await support.textContent('#har-page'), /page 1 of 1/);
    const report = await downloaded(support, '#har-report');
    assert.match(report.name, /\.report\.md$/);
    assert.match(report.text, /Nanami Auth Triage/i);
    const clean = await downloaded(support, '#har-sanitized');
    assert.match(clean.name, /\.sanitized\.har$/);
    for (const t of [report.text, clean.text]) assert.ok(!t.includes(code), 'a download holds the code');
    // The sanitized HAR the page made gives the CLI's diagnosis.
    const cleanPath = path.join(dir, 'from-page.sanitized.har');
    fs.writeFileSync(cleanPath, clean.text);
    const again = cliDiagnosis(cleanPath);
    assert.equal(again.failure_type, want.failure_type);
    assert.equal(again.verdict, want.verdict);
    assert.deepEqual(sent, [], 'the support page sent a request');
    await support.close();
  } finally {
    await ext.close();
  }
});

test('support page: a large HAR can be cancelled; a file that is not a HAR gets one line naming the problem', async () => {
  // About 120 MB: long enough to be cancelled while it is read.
  const big = path.join(dir, 'big.har');
  const fd = fs.openSync(big, 'w');
  fs.writeSync(fd, '{"log":{"version":"1.2","entries":[');
  const body = JSON.stringify('x'.repeat(1024 * 1024));
  for (let i = 0; i < 120; i++) {
    fs.writeSync(fd, `${i ? ',' : ''}{"startedDateTime":"2026-11-29T15:00:00Z","request":{"method":"GET","url":"https://a.example.org/${i}.js"},"response":{"status":200,"content":{"mimeType":"application/javascript","text":${body}}}}`);
  }
  fs.writeSync(fd, ']}}');
  fs.closeSync(fd);
  const bad = path.join(dir, 'not-a.har');
  fs.writeFileSync(bad, 'this is not JSON');
  const ext = await launch();
  try {
    const support = await openSupport(ext);
    await support.setInputFiles('#har-file', big);
    await support.waitForSelector('body[data-har="reading"]');
    await support.waitForFunction(() => Number(document.body.dataset.harProgress ?? 0) > 0, null, { timeout: 30_000 });
    await support.click('#har-cancel');
    await support.waitForSelector('body[data-har="cancelled"]');
    assert.equal(await support.textContent('#har-status'), 'Cancelled.');
    assert.equal(await support.$eval('#har-busy', (e) => e.hidden), true);
    await support.waitForTimeout(1500);
    // No late answer from the stopped worker.
    assert.equal(await support.$eval('body', (b) => b.dataset.har), 'cancelled');
    assert.equal(await support.$eval('#har-out', (e) => e.hidden), true);

    await support.setInputFiles('#har-file', bad);
    await support.waitForSelector('body[data-har="error"]', { timeout: 30_000 });
    const msg = await support.textContent('#har-status');
    assert.match(msg, /^Not a readable HAR: har: malformed input/);
    assert.ok(!msg.includes('\n'));
    await support.close();
  } finally {
    await ext.close();
  }
});
