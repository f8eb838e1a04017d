// The UI in the browser's language (issue 14): the extension's strings from
// _locales/, the core's messages from core/data/messages/<lang>.json, plural
// forms from Intl.PluralRules, in headless Chromium started with LANGUAGE
// (Debian's Chromium takes its UI language from it; the locale packs come
// with chromium-l10n). The report stays in English. A pseudo-locale built
// from English at test time (accented, every word ~40% longer) must fit the
// popup: no clipped or overflowing text. Screenshots of the Japanese and
// German popups go to tests/e2e/screenshots/ (and docs/img/ with DOCS_IMG).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { start } from './server.mjs';
import { launch, diagnose, DIST_TEST } from './chromium.mjs';
import { Say, messagesStem, langTag } from '../../extension/say.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const LOCALES = path.join(ROOT, 'extension/_locales');
const SHOTS = path.resolve(import.meta.dirname, 'screenshots');
const DOCS_IMG = process.env.DOCS_IMG ? path.resolve(process.env.DOCS_IMG) : null;
const readJson = (p) => JSON.parse(fs.readFileSync(p, 'utf8'));
const EN = readJson(path.join(LOCALES, 'en/messages.json'));
const CORE_EN = readJson(path.join(ROOT, 'messages/en.json'));
const coreMessages = (stem) => readJson(path.join(ROOT, `messages/${stem}.json`));
const placeholders = (s) => [...s.matchAll(/\$\d/g)].map((m) => m[0]).sort();

let site;

before(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  site = await start();
});

after(() => site?.server.close());

test('every locale has every string of English, with the same placeholders, and a core messages file', () => {
  const locales = fs.readdirSync(LOCALES).sort();
  assert.deepEqual(locales, ['de', 'en', 'es', 'fr', 'it', 'ja', 'ko', 'nl', 'pl', 'pt_BR', 'pt_PT', 'tr', 'zh_CN']);
  for (const l of locales) {
    const m = readJson(path.join(LOCALES, l, 'messages.json'));
    assert.deepEqual(Object.keys(m).sort(), Object.keys(EN).sort(), l);
    for (const [k, v] of Object.entries(EN)) assert.deepEqual(placeholders(m[k].message), placeholders(v.message), `${l} ${k}`);
    // uiLang names the core's messages file: the same language on the page and in the diagnosis.
    const stem = messagesStem(m.uiLang.message);
    assert.equal(coreMessages(stem).lang, m.uiLang.message, l);
    assert.equal(langTag(stem), m.uiLang.message, l);
  }
});

test('plurals and numbers follow each language (Intl.PluralRules, Intl.NumberFormat)', () => {
  const say = (stem) => new Say(coreMessages(stem), CORE_EN);
  const wait = (stem, s) => say(stem).render({ key: 'user.rate_limited_wait', args: { wait: { dur: { unit: 'second', n: s } } } });
  assert.match(wait('en', 1), /^Wait 1 second, then/);
  assert.match(wait('en', 42), /^Wait 42 seconds, then/);
  // Polish: one, few, many.
  assert.equal(say('pl').count('second', 1), '1 sekunda');
  assert.equal(say('pl').count('second', 3), '3 sekundy');
  assert.equal(say('pl').count('second', 5), '5 sekund');
  assert.equal(say('pl').count('second', 22), '22 sekundy');
  assert.equal(say('pl').count('minute', 12), '12 minut');
  assert.equal(say('de').count('second', 1), '1 Sekunde');
  assert.equal(say('fr').count('minute', 1), '1 minute');
  assert.equal(say('fr').count('hour', 2), '2 heures');
  assert.equal(say('ja').duration(299), '4分59秒');
  assert.equal(say('zh-hans').duration(61), '1 分钟1 秒');
  assert.equal(say('ko').duration(3725), '1시간 2분');
  assert.equal(say('de').duration(3725), '1 Stunde 2 Minuten');
  // Numbers in the language's own form.
  assert.equal(say('de').count('second', 1500), '1.500 Sekunden');
  assert.equal(say('fr').render({ key: 'op.rate_limited_wait', args: { secs: { num: 1200 } } }).includes('1\u202f200 s'), true);
  // Nested messages and lists, each in the language; English where a key is missing.
  const nested = say('de').render({ key: 'admin.move', args: { operator: { msg: { key: 'op.invalid_code' } }, what: { msg: { key: 'send.none' } } } });
  assert.match(nested, /^Das Produkt hat den Code .* Zur Eskalation senden Sie diesen Bericht/);
  assert.equal(new Say({ lang: 'de', messages: {} }, CORE_EN).render({ key: 'ev.cookie_expired' }), 'A sign-in cookie has expired.');
  // Which file a browser locale reads.
  const files = ['en', 'de', 'pt-br', 'pt-pt', 'zh-hans'].map((s) => `messages/${s}.json`);
  assert.equal(messagesStem('pt-PT', files), 'pt-pt');
  assert.equal(messagesStem('pt', files), 'pt-br');
  assert.equal(messagesStem('zh-CN', files), 'zh-hans');
  assert.equal(messagesStem('de-AT', files), 'de');
  assert.equal(messagesStem('sv', files), 'en');
});

/** Save the popup (light) as it looks; `docs` names the copy for docs/img/. */
async function shoot(popup, name, docs) {
  await popup.setViewportSize({ width: 460, height: 1000 });
  const file = path.join(SHOTS, `${name}.png`);
  await popup.locator('main').screenshot({ path: file });
  if (docs && DOCS_IMG) {
    fs.mkdirSync(DOCS_IMG, { recursive: true });
    fs.copyFileSync(file, path.join(DOCS_IMG, `${docs}.png`));
  }
  return file;
}

/** Text that is clipped by its box or sticks out of the popup: "selector: why" lines. */
function overflowing(popup) {
  return popup.evaluate(() => {
    const out = [];
    const body = document.body.getBoundingClientRect();
    const html = document.documentElement;
    if (html.scrollWidth > html.clientWidth + 1) out.push(`the popup scrolls sideways (${html.scrollWidth} > ${html.clientWidth})`);
    const name = (e) => e.tagName.toLowerCase() + (e.id ? `#${e.id}` : '') + (e.className && typeof e.className === 'string' ? `.${e.className.split(' ').join('.')}` : '');
    for (const e of document.querySelectorAll('main *')) {
      // Hidden parts, the screen-reader line and the scrollable report are not shown text.
      if (e.closest('[hidden], .sr-only, pre') || !e.getClientRects().length) continue;
      const own = [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
      if (!own) continue;
      const r = e.getBoundingClientRect();
      if (r.right > body.right + 1 || r.left < body.left - 1) out.push(`${name(e)}: outside the popup (${Math.round(r.left)}–${Math.round(r.right)} vs ${Math.round(body.left)}–${Math.round(body.right)}): ${e.textContent.slice(0, 60)}`);
      if (e.clientWidth > 0 && e.scrollWidth > e.clientWidth + 1) out.push(`${name(e)}: clipped (${e.scrollWidth} > ${e.clientWidth}): ${e.textContent.slice(0, 60)}`);
      if (e.clientHeight > 0 && e.scrollHeight > e.clientHeight + 1 && getComputedStyle(e).overflowY !== 'visible') out.push(`${name(e)}: clipped vertically: ${e.textContent.slice(0, 60)}`);
    }
    return out;
  });
}

async function diagnosePath(ext, p, prepare) {
  const page = await ext.context.newPage();
  await page.goto(site.origin + p).catch(() => {});
  await prepare?.(page);
  const d = await diagnose(ext, page, p.startsWith('/loop') ? `${site.origin}/loop/` : undefined);
  return { page, ...d };
}

const text = (popup, sel) => popup.$eval(sel, (e) => e.textContent);
const AXE = fs.readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
/** axe-core's violations on `page` ("id: target" lines). */
async function axeViolations(page) {
  await page.evaluate(AXE);
  const r = await page.evaluate(async () => (await globalThis.axe.run(document)).violations.map((x) => `${x.id}: ${x.nodes.map((n) => n.target.join(' ')).join(', ')}`));
  return r;
}
const postWrongCode = async (page) => {
  await page.fill('#otp', '482913');
  await Promise.all([page.waitForLoadState('load').catch(() => {}), page.click('form button[type=submit]')]);
  await page.waitForTimeout(300);
};

test('Japanese: the popup speaks Japanese, counts down in Japanese, and the report stays in English', async () => {
  const ext = await launch({ env: { LANGUAGE: 'ja' } });
  try {
    const ja = coreMessages('ja');
    const jaUi = readJson(path.join(LOCALES, 'ja/messages.json'));
    const { page, popup, result, report } = await diagnosePath(ext, '/rate');
    assert.equal(result.failureType, 'mfa_rate_limited');
    assert.equal(await popup.evaluate(() => document.documentElement.lang), 'ja');
    assert.equal(await text(popup, '#headline'), ja.messages['type.mfa_rate_limited']);
    assert.equal(await text(popup, '#you-h'), jaUi.popupYouHeading.message);
    assert.match(await text(popup, '#user-move'), /^\d+分待ってから新しいコードを要求し/);
    assert.match(await text(popup, '#countdown'), /^残り時間：[45]分(\d+秒)?$/);
    for (const li of await popup.$$eval('#evidence li', (l) => l.map((x) => x.textContent))) assert.match(li, /[\u3040-\u30ff\u4e00-\u9fff]/, li);
    // The report is for support staff: English, whatever the UI language.
    assert.match(report, /MFA is rate-limited or in a resend cooldown/);
    assert.doesNotMatch(report, /[\u3040-\u30ff]/);
    assert.deepEqual(await overflowing(popup), []);
    assert.deepEqual(await axeViolations(popup), []);
    await shoot(popup, 'popup-ja', 'popup-ja');
    await popup.close();
    await page.close();

    // The options, welcome and support pages speak Japanese too.
    for (const [file, key] of [['options.html', 'optTitle'], ['welcome.html', 'welTitle'], ['support.html', 'supHeading']]) {
      const p = await ext.context.newPage();
      await p.goto(ext.url(file));
      await p.waitForFunction(() => document.documentElement.lang === 'ja');
      assert.equal(await p.$eval('h1', (h) => h.textContent), jaUi[key].message, file);
      assert.deepEqual(await axeViolations(p), [], file);
      await p.close();
    }

    // A Japanese failing page, diagnosed from its own words, in a Japanese UI.
    const w = await diagnosePath(ext, '/ja/wrong-code', postWrongCode);
    assert.equal(w.result.failureType, 'mfa_invalid_code');
    assert.equal(await text(w.popup, '#headline'), ja.messages['type.mfa_invalid_code']);
    assert.ok(!w.report.includes('482913'));
    await w.popup.close();
    await w.page.close();
  } finally {
    await ext.close();
  }
});

test('German: long words fit the popup; a French page is diagnosed in a German UI', async () => {
  const ext = await launch({ env: { LANGUAGE: 'de' } });
  try {
    const de = coreMessages('de');
    const { page, popup, result, report } = await diagnosePath(ext, '/clock');
    assert.equal(result.state, 'deployment');
    assert.equal(await popup.evaluate(() => document.documentElement.lang), 'de');
    assert.equal(await text(popup, '#verdict'), 'Installationsproblem');
    assert.match(await text(popup, '#admin-move'), /Uhren \(NTP\)|Uhr/);
    assert.match(await text(popup, '#status'), /^Ergebnis: /);
    assert.match(report, /Login or session failure caused by the deployment/);
    await popup.click('#detail > summary');
    assert.deepEqual(await overflowing(popup), []);
    await popup.click('#detail > summary');
    await shoot(popup, 'popup-de', 'popup-de');
    await popup.close();
    await page.close();

    const f = await diagnosePath(ext, '/fr/expired');
    assert.equal(f.result.failureType, 'mfa_challenge_expired');
    assert.equal(await text(f.popup, '#headline'), de.messages['type.mfa_challenge_expired']);
    assert.match(f.report, /code a expiré/);
    await f.popup.close();
    await f.page.close();
  } finally {
    await ext.close();
  }
});

// Pseudo-localization: every letter accented, every word ~40% longer, the
// whole string bracketed (a cut-off end shows). Placeholders stay.
const ACCENTS = Object.fromEntries([...'aAcCeEiInNoOuUyY'].map((c, i) => [c, 'áÅçÇéÉíÎñÑöÖüÜýÝ'[i]]));
function pseudo(s) {
  const out = s
    .split(/(\$\d|\{[a-z_]+\})/)
    .map((part, i) => (i % 2 ? part : part.replace(/\p{L}+/gu, (w) => {
      const a = [...w].map((c) => ACCENTS[c] ?? c).join('');
      return a + [...a].slice(0, Math.ceil(w.length * 0.4)).join('');
    })))
    .join('');
  return `⟦${out}⟧`;
}

test('pseudo-locale (accented, ~40% longer): no clipped or overflowing text in the popup', async () => {
  // dist-test with its German strings replaced by pseudo-English, loaded as German.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'at-pseudo-'));
  fs.cpSync(DIST_TEST, dir, { recursive: true });
  const ui = Object.fromEntries(Object.entries(EN).map(([k, v]) => [k, { message: k === 'uiLang' ? 'de' : pseudo(v.message) }]));
  fs.writeFileSync(path.join(dir, '_locales/de/messages.json'), JSON.stringify(ui));
  const core = {
    ...CORE_EN,
    lang: 'de',
    messages: Object.fromEntries(Object.entries(CORE_EN.messages).map(([k, v]) => [k, pseudo(v)])),
    units: Object.fromEntries(Object.entries(CORE_EN.units).map(([u, forms]) => [u, Object.fromEntries(Object.entries(forms).map(([c, f]) => [c, pseudo(f)]))])),
  };
  fs.writeFileSync(path.join(dir, 'core/data/messages/de.json'), JSON.stringify(core));
  const longer = Object.values(EN).reduce((n, v) => n + pseudo(v.message).length, 0) / Object.values(EN).reduce((n, v) => n + v.message.length, 0);
  assert.ok(longer > 1.35, `pseudo strings only ${longer.toFixed(2)}× as long`);
  const ext = await launch({ dist: dir, env: { LANGUAGE: 'de' } });
  const found = [];
  try {
    for (const [p, prepare] of [['/rate'], ['/clock'], ['/healthy'], ['/wrong-code', async (page) => {
      await page.fill('#otp', '861234');
      await Promise.all([page.waitForLoadState('load'), page.click('form button[type=submit]')]);
    }], ['/loop/login'], ['/safe-code']]) {
      const { page, popup } = await diagnosePath(ext, p, prepare);
      assert.match(await text(popup, '#headline'), /^⟦.*⟧$/, `${p}: the pseudo-locale is not in use`);
      await popup.setViewportSize({ width: 460, height: 1000 });
      found.push(...(await overflowing(popup)).map((x) => `${p}: ${x}`));
      await popup.click('#detail > summary');
      found.push(...(await overflowing(popup)).map((x) => `${p} (detail open): ${x}`));
      if (p === '/rate') {
        await shoot(popup, 'popup-pseudo');
        // The check itself finds clipping: a headline that may not wrap overflows.
        await popup.addStyleTag({ content: '#headline, .actions button { white-space: nowrap; overflow: hidden; }' });
        const caught = await overflowing(popup);
        assert.ok(caught.some((x) => x.startsWith('h2#headline: clipped')), caught.join('\n'));
        await popup.reload();
        await popup.waitForSelector('#result[data-failure-type]');
      }
      await popup.close();
      await page.close();
    }
  } finally {
    await ext.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  assert.deepEqual(found, []);
});
