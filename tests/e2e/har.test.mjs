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
import { startStack, PROFILES } from '../app/stack.mjs';
import { USER, PASSWORD, totp } from '../app/app.mjs';
import { comparePeers, printPeers } from './har-peers.mjs';
import { launchFirefox, diagnoseFirefox } from './firefox.mjs';

const CLI = path.resolve(import.meta.dirname, '../../target/release/auth-triage');
let site;
const rows = [];
const peerRows = [];

before(async () => {
  site = await start();
});

after(() => {
  site?.server.close();
  console.log('\nHAR vs popup, scenario by scenario (failure type / verdict / safe code):');
  console.log('| scenario | popup | HAR | sanitized HAR | entries, page | secrets in HAR / in sanitized HAR |');
  console.log('|---|---|---|---|---|---|');
  for (const r of rows) {
    console.log(`| ${r.name} | ${r.popup} | ${r.har} | ${r.sanitized} | ${r.which} | ${r.secrets} |`);
  }
  printPeers(peerRows);
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

/** Run the CLI on a HAR: the diagnosis, the line naming the page, the report. */
function cli(harPath, published, extra = []) {
  const pub = published ? ['--published', published] : [];
  const run = (format, more = []) => spawnSync(CLI, ['har', harPath, '--format', format, ...pub, ...more], { encoding: 'utf8' });
  const json = run('json', extra);
  assert.equal(json.status, 0, json.stderr);
  // Which page was diagnosed goes to standard error, one line (and with
  // --sanitize, one line about the file written).
  const lines = json.stderr.trim().split('\n').map((l) => l.replace(/^auth-triage: /, ''));
  const which = lines.find((l) => l.startsWith('read ')) ?? '';
  assert.match(which, /^read \d+ entries; diagnosed page \d+ of \d+ \(/);
  return { d: JSON.parse(json.stdout), which, md: run('markdown').stdout, lines };
}

/**
 * Sanitize the HAR (`--sanitize`), diagnose the sanitized HAR, and check it
 * holds none of the secrets the HAR holds. Returns the sanitized diagnosis
 * and the secret counts for the table.
 */
function sanitizeAndCheck(name, harPath, published, secrets) {
  const outPath = harPath.replace(/\.har$/, '.sanitized.har');
  const first = cli(harPath, published, ['--sanitize', outPath]);
  assert.ok(first.lines.some((l) => l.startsWith(`wrote ${outPath}: `)), first.lines.join('\n'));
  const clean = fs.readFileSync(outPath, 'utf8');
  JSON.parse(clean); // a HAR: JSON
  const again = cli(outPath, published);
  const har = fs.readFileSync(harPath, 'utf8');
  const held = secrets.filter((x) => har.includes(x));
  const left = held.filter((x) => clean.includes(x) || again.md.includes(x));
  assert.deepEqual(left, [], `${name}: the sanitized HAR holds a secret`);
  return { d: again.d, secrets: `${held.length} / ${left.length}`, outPath };
}

function compare(name, popupSays, { d, which }, sanitized) {
  const fmt = (t, v, c) => `${t} / ${v} / ${c || '-'}`;
  rows.push({
    name,
    popup: fmt(popupSays.failureType, popupSays.verdict, popupSays.safeCode),
    har: fmt(d.failure_type, d.verdict, d.safe_code ?? ''),
    sanitized: fmt(sanitized.d.failure_type, sanitized.d.verdict, sanitized.d.safe_code ?? ''),
    which: which.replace(/\(.*\)/, '').trim(),
    secrets: sanitized.secrets,
  });
  // The sanitized HAR says what the HAR says.
  assert.equal(sanitized.d.failure_type, d.failure_type, `${name}: sanitized HAR, failure type`);
  assert.equal(sanitized.d.verdict, d.verdict, `${name}: sanitized HAR, verdict`);
  assert.equal(sanitized.d.safe_code ?? '', d.safe_code ?? '', `${name}: sanitized HAR, safe code`);
  assert.equal(d.failure_type, popupSays.failureType, `${name}: failure type`);
  assert.equal(d.verdict, popupSays.verdict, `${name}: verdict`);
  // The same safe code; after a redirect loop both name the browser's error
  // (net::ERR_TOO_MANY_REDIRECTS: the recorder keeps Chromium's abort at the
  // redirect limit by that name, recorder.js netError).
  assert.equal(d.safe_code ?? '', popupSays.safeCode, `${name}: safe code`);
}

for (const profile of PROFILES) {
  test(`HAR of the nginx profile ${profile} is diagnosed as the popup diagnoses the live login`, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'at-har-'));
    const harPath = path.join(dir, 'recorded.har');
    const stack = await startStack(profile);
    let popupSays;
    let code = null;
    let cookieValues = [];
    try {
      const ext = await launch({ ignoreHTTPSErrors: true, recordHar: { path: harPath, content: 'embed' } });
      try {
        assert.equal(await setOptions(ext, { urls: [stack.published] }), 'Saved.');
        const page = await ext.context.newPage();
        const nav = async (fn) => {
          await Promise.all([page.waitForLoadState('load').catch(() => {}), fn()]);
          await page.waitForTimeout(400);
        };
        await page.goto(`${stack.published}/login`);
        await page.fill('#u', USER);
        await page.fill('#p', PASSWORD);
        await nav(() => page.click('form button[type=submit]'));
        if ((await page.$('#otp')) !== null) {
          code = totp(Date.now());
          await page.fill('#otp', code);
          await nav(() => page.click('form[action="/mfa"] button[type=submit]'));
        }
        const prefix = profile === 'host-drift' ? 'https://127.0.0.1:' : stack.published;
        popupSays = (await diagnose(ext, page, prefix)).result;
        cookieValues = (await ext.context.cookies()).map((c) => c.value).filter((v) => v.length >= 8);
      } finally {
        await ext.close(); // writes the HAR
      }
    } finally {
      await stack.stop();
    }
    const out = cli(harPath, stack.published);
    if (process.env.KEEP_HAR) fs.copyFileSync(harPath, `/tmp/${profile}.har`);
    const secrets = [PASSWORD, code, ...cookieValues].filter(Boolean);
    const clean = sanitizeAndCheck(`nginx ${profile}`, harPath, stack.published, secrets);
    compare(`nginx ${profile}`, popupSays, out, clean);
    peerRows.push(...(await comparePeers({ scenario: `nginx ${profile}`, harPath, ours: clean.outPath, secrets, published: stack.published, cli: CLI })));
    const har = fs.readFileSync(harPath, 'utf8');
    for (const secret of [PASSWORD, code, ...cookieValues].filter(Boolean)) {
      assert.ok(har.includes(secret), 'the HAR holds the secret: the check means something');
      assert.ok(!out.md.includes(secret) && !JSON.stringify(out.d).includes(secret), `nginx ${profile}: a secret left the HAR`);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });
}

for (const s of SCENARIOS) {
  test(`HAR of "${s.name}" is diagnosed as the popup diagnoses the live page`, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'at-har-'));
    const harPath = path.join(dir, 'recorded.har');
    const ext = await launch({ recordHar: { path: harPath, content: 'embed' } });
    let popupSays;
    let cookieValues = [];
    try {
      if (s.published) assert.equal(await setOptions(ext, { urls: [site.origin] }), 'Saved.');
      const page = await ext.context.newPage();
      await page.goto(site.origin + s.path).catch(() => {}); // error pages reject; the tab stays
      if (s.fill) await submit(page, s.fill);
      const { result } = await diagnose(ext, page, s.prefix ? site.origin + s.prefix : undefined);
      popupSays = result;
      cookieValues = (await ext.context.cookies()).map((c) => c.value).filter((v) => v.length >= 8);
    } finally {
      await ext.close(); // writes the HAR
    }
    const out = cli(harPath, s.published ? site.origin : null);
    if (process.env.KEEP_HAR) fs.copyFileSync(harPath, `/tmp/fixture-${s.path.replace(/\W+/g, '-')}.har`);
    const secrets = [...(s.secrets ?? []), ...cookieValues];
    const clean = sanitizeAndCheck(s.name, harPath, s.published ? site.origin : null, secrets);
    compare(s.name, popupSays, out, clean);
    peerRows.push(...(await comparePeers({ scenario: s.name, harPath, ours: clean.outPath, secrets, published: s.published ? site.origin : null, cli: CLI })));
    const { d, md } = out;
    for (const secret of s.secrets ?? []) {
      assert.ok(fs.readFileSync(harPath, 'utf8').includes(secret) || secret === 'a1b2c3', `the HAR holds ${secret}: the test means something`);
      assert.ok(!md.includes(secret), `${s.name}: the report built from the HAR leaks ${secret}`);
      assert.ok(!JSON.stringify(d).includes(secret), `${s.name}: the diagnosis leaks ${secret}`);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });
}

// Firefox's own HAR export, automated: DevTools open with every tab
// (--devtools), the network monitor's auto-export on, into a folder. Firefox
// writes a HAR of a page when the tab leaves it or closes. The wrong-code
// scenario is driven in Firefox ESR with the extension; its popup
// diagnoses the live page; then the HAR Firefox wrote for that page is
// diagnosed, and sanitized.
test('Firefox\'s own HAR export (DevTools auto-export) is diagnosed as the Firefox popup diagnoses the live page', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'at-har-ff-'));
  const harDir = path.join(dir, 'export');
  fs.mkdirSync(harDir);
  const ff = await launchFirefox({
    args: ['--devtools'],
    prefs: {
      'devtools.netmonitor.har.enableAutoExportToFile': true,
      'devtools.netmonitor.har.defaultLogDir': harDir,
      'devtools.netmonitor.har.includeResponseBodies': true,
      'devtools.netmonitor.persistlog': true,
      'devtools.toolbox.host': 'window',
      'devtools.toolbox.selectedTool': 'netmonitor',
    },
  });
  let popupSays;
  try {
    // The first tab: --devtools opens its toolbox (and network monitor) with it.
    const page = (await ff.browser.pages())[0] ?? (await ff.browser.newPage());
    await page.goto(`${site.origin}/wrong-code`);
    await page.type('#otp', '861234');
    await Promise.all([page.waitForNavigation().catch(() => {}), page.click('form button[type=submit]')]);
    await new Promise((r) => setTimeout(r, 500));
    const said = await diagnoseFirefox(ff, page);
    popupSays = said.result;
    await said.popup.close();
  } finally {
    await ff.browser.close(); // Firefox writes the HAR of the page on screen
  }
  // Of the HARs Firefox wrote (one per page left), the one with the code post.
  const hars = fs.readdirSync(harDir).filter((f) => f.endsWith('.har')).map((f) => path.join(harDir, f));
  const harPath = hars.find((f) => /"method":\s*"POST"/.test(fs.readFileSync(f, 'utf8')) && fs.readFileSync(f, 'utf8').includes('/wrong-code'));
  assert.ok(harPath, `Firefox exported ${hars.length} HARs, none with the code post`);
  const text = fs.readFileSync(harPath, 'utf8');
  assert.match(JSON.parse(text).log.creator.name, /Firefox/);
  assert.ok(text.includes('861234'), 'the HAR holds the code: the check means something');
  const out = cli(harPath, null);
  const clean = sanitizeAndCheck('Firefox export', harPath.replace(/\.har$/, '') + '.har', null, ['861234']);
  compare('Firefox export, wrong code', { failureType: popupSays.failureType, verdict: popupSays.verdict, safeCode: popupSays.safeCode ?? '' }, out, clean);
  fs.rmSync(dir, { recursive: true, force: true });
});
