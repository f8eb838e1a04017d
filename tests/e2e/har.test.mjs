// Support staff's HAR: each scenario of the fixture site is driven in real
// Chromium with the extension loaded while Playwright records a HAR of it;
// the popup diagnoses the live failure, then `auth-triage har` diagnoses
// the HAR. Both must say the same, and the report built from the HAR holds
// none of the scenario's secrets. Prints the table, scenario by scenario.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { start } from './server.mjs';
import { launch, diagnose, setOptions } from './chromium.mjs';

const CLI = path.resolve(import.meta.dirname, '../../target/release/auth-triage');
let site;
const rows = [];

before(async () => {
  site = await start();
});

after(() => {
  site?.server.close();
  console.log('\nHAR vs popup, scenario by scenario (failure type / verdict / safe code):');
  console.log('| scenario | popup | HAR | entries, page |');
  console.log('|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.name} | ${r.popup} | ${r.har} | ${r.which} |`);
});

async function submit(page, fill) {
  for (const [sel, v] of Object.entries(fill)) await page.fill(sel, v);
  await Promise.all([page.waitForLoadState('load').catch(() => {}), page.click('form button[type=submit]')]);
  await page.waitForTimeout(300);
}

const SCENARIOS = [
  { name: 'wrong code', path: '/wrong-code', fill: { '#otp': '861234' }, secrets: ['861234'] },
  { name: 'expired challenge', path: '/expired' },
  { name: 'rate limit', path: '/rate' },
  { name: 'login loop', path: '/loop/login', prefix: '/loop/' },
  {
    name: 'cookie domain',
    path: '/cookie-domain',
    published: true,
    fill: { '#u': 'ada@example.org', '#p': 'correct horse battery staple' },
    secrets: ['s3cr3tSessionValue42', 'correct horse battery staple', 'ada@example.org'],
  },
  { name: 'clock 10 min off', path: '/clock' },
  { name: 'safe code only', path: '/safe-code' },
  { name: 'healthy', path: '/healthy', secrets: ['a1b2c3'] },
];

for (const s of SCENARIOS) {
  test(`HAR of "${s.name}" is diagnosed as the popup diagnoses the live page`, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'at-har-'));
    const harPath = path.join(dir, 'recorded.har');
    const ext = await launch({ recordHar: { path: harPath, content: 'embed' } });
    let popupSays;
    try {
      if (s.published) assert.equal(await setOptions(ext, { urls: [site.origin] }), 'Saved.');
      const page = await ext.context.newPage();
      await page.goto(site.origin + s.path).catch(() => {}); // error pages reject; the tab stays
      if (s.fill) await submit(page, s.fill);
      const { result } = await diagnose(ext, page, s.prefix ? site.origin + s.prefix : undefined);
      popupSays = result;
    } finally {
      await ext.close(); // writes the HAR
    }
    const pub = s.published ? ['--published', site.origin] : [];
    const run = (format) => spawnSync(CLI, ['har', harPath, '--format', format, ...pub], { encoding: 'utf8' });
    const json = run('json');
    assert.equal(json.status, 0, json.stderr);
    const d = JSON.parse(json.stdout);
    // Which page was diagnosed goes to standard error, one line.
    const which = json.stderr.trim().replace(/^auth-triage: /, '');
    assert.match(which, /^read \d+ entries; diagnosed page \d+ of \d+ \(/);
    const md = run('markdown').stdout;
    const fmt = (t, v, c) => `${t} / ${v} / ${c || '-'}`;
    rows.push({
      name: s.name,
      popup: fmt(popupSays.failureType, popupSays.verdict, popupSays.safeCode),
      har: fmt(d.failure_type, d.verdict, d.safe_code ?? ''),
      which: which.replace(/\(.*\)/, '').trim(),
    });
    assert.equal(d.failure_type, popupSays.failureType, `${s.name}: failure type`);
    assert.equal(d.verdict, popupSays.verdict, `${s.name}: verdict`);
    assert.equal(d.safe_code ?? '', popupSays.safeCode, `${s.name}: safe code`);
    for (const secret of s.secrets ?? []) {
      assert.ok(fs.readFileSync(harPath, 'utf8').includes(secret) || secret === 'a1b2c3', `the HAR holds ${secret}: the test means something`);
      assert.ok(!md.includes(secret), `${s.name}: the report built from the HAR leaks ${secret}`);
      assert.ok(!JSON.stringify(d).includes(secret), `${s.name}: the diagnosis leaks ${secret}`);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });
}
