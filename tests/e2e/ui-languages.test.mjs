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
import { launchFirefox, diagnoseFirefox, openFromPage } from './firefox.mjs';
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

// A string with a count is `base_<plural category>` (i18n.js tn()): English
// has `_one` and `_other`; each language has the forms its counts take.
const PLURAL = /_(zero|one|two|few|many|other)$/;
const pluralBases = (m) => [...new Set(Object.keys(m).filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, '')))].sort();
/** The categories a count 0…1000 takes in `lang`, and `other` (the fallback). */
const countForms = (lang) => [...new Set(['other', ...Array.from({ length: 1001 }, (_, n) => new Intl.PluralRules(lang).select(n))])].sort();

test('every locale has every string of English, with the same placeholders, and a core messages file', () => {
  const locales = fs.readdirSync(LOCALES).sort();
  assert.deepEqual(locales, ['de', 'en', 'es', 'fr', 'it', 'ja', 'ko', 'nl', 'pl', 'pt_BR', 'pt_PT', 'tr', 'zh_CN']);
  const single = (m) => Object.keys(m).filter((k) => !PLURAL.test(k)).sort();
  const bases = pluralBases(EN);
  assert.ok(bases.length >= 3, `plural strings: ${bases}`);
  for (const l of locales) {
    const m = readJson(path.join(LOCALES, l, 'messages.json'));
    assert.deepEqual(single(m), single(EN), l);
    for (const [k, v] of Object.entries(EN)) if (!PLURAL.test(k)) assert.deepEqual(placeholders(m[k].message), placeholders(v.message), `${l} ${k}`);
    // Plurals: exactly the forms this language's counts take (Polish one, few, many), each with the count ($1).
    assert.deepEqual(pluralBases(m), bases, `${l}: strings with a count`);
    const forms = countForms(m.uiLang.message);
    for (const base of bases) {
      const have = Object.keys(m).filter((k) => k.replace(PLURAL, '') === base && PLURAL.test(k)).map((k) => PLURAL.exec(k)[1]).sort();
      assert.deepEqual(have, forms, `${l} ${base}`);
      for (const f of forms) assert.deepEqual(placeholders(m[`${base}_${f}`].message), placeholders(EN[`${base}_other`].message), `${l} ${base}_${f}`);
    }
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
    assert.deepEqual(await englishLeft(popup), []);
    await popup.close();
    await page.close();

    // A server's clock: the host and the seconds in a Japanese sentence.
    const c = await diagnosePath(ext, '/clock');
    assert.equal(c.result.state, 'deployment');
    assert.ok((await c.popup.$$eval('#evidence li', (l) => l.map((x) => x.textContent))).some((li) => /の時計はこのコンピューターより \d+ 秒(遅れて|進んで)います/.test(li)));
    assert.deepEqual(await englishLeft(c.popup), []);
    await c.popup.close();
    await c.page.close();

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

// Latin-script words a Japanese page may show: the product's name, brands,
// protocols, formats and units, and the core's identifiers (snake_case,
// rule ids), header and cookie attribute names, and the page's own words
// where the core quotes them. Every other run of Latin letters on a
// Japanese page is English left behind. Text marked lang="en" (the report for support staff, an
// error line of the core or the browser) is English on purpose.
const ALLOWED_LATIN = new Set(['Nanami', 'Auth', 'Triage', 'MFA', 'URL', 'URLs', 'HAR', 'JSON', 'Markdown', 'HTML', 'Cookie', 'Chrome', 'Firefox', 'MB', 'MiB', 'http', 'https', 'details', 'included', 'by', 'the', 'user', 'NTP', 'TOTP', 'HTTP', 'Secure', 'Domain', 'SameSite', 'other', 'localhost']);
/** Visible text of `page` in Latin words that are not allowed: "selector: text" lines. */
function englishLeft(page, root = 'body') {
  return page.evaluate(([allowed, root]) => {
    const ok = new Set(allowed);
    const out = [];
    const walk = document.createTreeWalker(document.querySelector(root), NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      const e = n.parentElement;
      // Shown text only: not in a closed <details>, a hidden part or a script.
      if (!e || e.closest('[lang="en"], script, style, textarea') || !e.checkVisibility({ contentVisibilityAuto: true, visibilityProperty: true })) continue;
      const text = n.textContent
        .replace(/\b(?:https?|chrome|about|moz-extension|chrome-extension):\/*[^\s）)、。]*/g, ' ') // addresses
        .replace(/"[^"]*"|“[^”]*”/g, ' ') // the page's own words, quoted
        .replace(/\b[A-Z][a-z]*(?:-[A-Z][a-z]*)+\b/g, ' ') // header names: X-Forwarded-For
        .replace(/[\w-]*\d[\w-]*/g, ' ') // codes and numbers: NAN-4711, sha256
        .replace(/\b[a-z]+(?:[._][a-z0-9]+)+\b/g, ' ') // identifiers: mfa_invalid_code, trail.status_429
        .replace(/\b[\w-]+\.(?:har|json|md|org|example)\b/gi, ' '); // file and host names
      const bad = (text.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !ok.has(w));
      if (bad.length) out.push(`${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}: ${n.textContent.trim().slice(0, 80)}`);
    }
    // Attributes people read too.
    for (const e of document.querySelector(root).querySelectorAll('[aria-label], [title]')) {
      for (const a of ['aria-label', 'title']) {
        const v = e.getAttribute(a);
        if (v && !e.closest('[lang="en"]') && (v.match(/[A-Za-z]{2,}/g) ?? []).some((w) => !ok.has(w))) out.push(`${e.tagName.toLowerCase()}[${a}]: ${v}`);
      }
    }
    return out;
  }, [[...ALLOWED_LATIN], root]);
}

test('Japanese: the options, welcome and support pages say everything in Japanese: validation errors, verify and HAR results, with no English left', async () => {
  // A HAR and a report of a real wrong-code sign-in, recorded first.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'at-ja-pages-'));
  const harPath = path.join(dir, 'wrong-code.har');
  const rec = await launch({ recordHar: { path: harPath, content: 'embed' } });
  let report;
  try {
    const w = await diagnosePath(rec, '/wrong-code', postWrongCode);
    assert.equal(w.result.failureType, 'mfa_invalid_code');
    report = w.report;
  } finally {
    await rec.close(); // writes the HAR
  }
  const ext = await launch({ env: { LANGUAGE: 'ja' } });
  const open = async (file) => {
    const p = await ext.context.newPage();
    await p.goto(ext.url(file));
    await p.waitForSelector('body[data-ready]');
    assert.equal(await p.evaluate(() => document.documentElement.lang), 'ja');
    return p;
  };
  const left = [];
  try {
    // Options: a bad URL and a bad catalog, refused in Japanese (the core's field error stays English, marked so).
    const opts = await open('options.html');
    left.push(...(await englishLeft(opts)).map((x) => `options: ${x}`));
    await opts.fill('#urls', 'https://nanami.example.org\n\nnanami.example.org');
    await opts.fill('#catalog', '{"catalog": "x", "codes": [{"code": "A-1", "type": "nope"}]}');
    await opts.click('#save');
    await opts.waitForFunction(() => document.querySelector('#urls-error').textContent.length > 0);
    assert.equal(await text(opts, '#urls-error'), '3 行目：URLではありません（https://nanami.example.org のような形式にしてください）。');
    assert.equal(await text(opts, '#status'), '保存されていません。上で示した項目を直してください。');
    assert.match(await text(opts, '#catalog-error'), /^カタログの誤り： codes\[0\]\.type: unknown value/);
    assert.equal(await opts.$eval('#catalog-error span', (e) => e.lang), 'en');
    assert.match(await text(opts, '#access'), /^アクセスできるサイト：.*127\.0\.0\.1/);
    left.push(...(await englishLeft(opts)).map((x) => `options (errors): ${x}`));
    await opts.fill('#urls', 'https://nanami.example.org');
    await opts.fill('#catalog', '');
    await opts.click('#save');
    await opts.waitForFunction(() => document.querySelector('#status').textContent === '保存しました。');
    await opts.close();

    // Welcome: the current access and a refused address, in Japanese.
    const wel = await open('welcome.html');
    assert.match(await text(wel, '#current'), /^現在アクセスできるサイト：.*127\.0\.0\.1/);
    await wel.fill('#url', 'not an address');
    await wel.click('#mine');
    assert.equal(await text(wel, '#url-error'), 'サインインするアドレスを https://（または http://）から入力してください。');
    left.push(...(await englishLeft(wel)).map((x) => `welcome: ${x}`));
    await wel.close();

    // Support: a report verified, then a HAR triaged, in Japanese.
    const sup = await open('support.html');
    left.push(...(await englishLeft(sup)).map((x) => `support: ${x}`));
    await sup.fill('#input', report);
    await sup.click('#verify');
    await sup.waitForSelector('body[data-result="intact"]');
    assert.equal(await text(sup, '#badge'), '整合');
    assert.equal(await text(sup, '#meaning'), 'レポートはダイジェストと一致し、貼り付けた中にほかにレポートらしいものはありません。');
    assert.equal(await text(sup, '#type'), '無効なMFAコード');
    assert.equal(await text(sup, '#verdict'), '製品の応答');
    left.push(...(await englishLeft(sup)).map((x) => `support (verified): ${x}`));
    await sup.fill('#input', report.replace('verdict **product**', 'verdict **producT**'));
    await sup.click('#verify');
    await sup.waitForSelector('body[data-result="modified"]');
    assert.equal(await text(sup, '#badge'), '改変あり');
    assert.equal(await text(sup, '#meaning'), 'レポートがダイジェストと一致しません。作成後に変更されています。');

    await sup.setInputFiles('#har-file', harPath);
    await sup.waitForSelector('body[data-har="done"]', { timeout: 30_000 });
    assert.equal(await text(sup, '#har-status'), '完了しました。何もアップロードしていません。');
    assert.equal(await text(sup, '#har-headline'), coreMessages('ja').messages['type.mfa_invalid_code']);
    assert.equal(await sup.$eval('#har-headline', (e) => e.lang), 'ja');
    assert.equal(await text(sup, '#har-type'), '無効なMFAコード');
    assert.match(await text(sup, '#har-page'), /（1 ページ中 1 ページ目、\d+ 件のエントリーを読み込み）$/);
    left.push(...(await englishLeft(sup)).map((x) => `support (HAR): ${x}`));
    // The check finds English: a sentence put into the page is named.
    await sup.evaluate(() => document.querySelector('#har-status').append(' Left in English.'));
    assert.deepEqual(await englishLeft(sup), ['p#har-status: Left in English.']);
    await sup.setInputFiles('#har-file', { name: 'not-a-har.json', mimeType: 'application/json', buffer: Buffer.from('{"log": 1}') });
    await sup.waitForSelector('body[data-har="error"]', { timeout: 30_000 });
    assert.match(await text(sup, '#har-status'), /^読み取れるHARではありません： har: /);
    await sup.close();
  } finally {
    await ext.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  assert.deepEqual(left, []);
});

test('Japanese and German: "Include this code" speaks the UI language, with the count in its plural form', async () => {
  for (const [lang, want] of [
    ['ja', { masked: '••••••••（8 文字）', include: 'このコードを含める', exclude: 'このコードを含めない', show: '表示', hide: '隠す', included: /^レポートに含めました/, heading: 'このページのコード' }],
    ['de', { masked: '•••••••• (8 Zeichen)', include: 'Diesen Code aufnehmen', exclude: 'Diesen Code weglassen', show: 'Anzeigen', hide: 'Ausblenden', included: /^Im Bericht enthalten/, heading: 'Ein Code auf dieser Seite' }],
  ]) {
    const ext = await launch({ env: { LANGUAGE: lang } });
    try {
      const { page, popup } = await diagnosePath(ext, '/safe-code');
      await popup.waitForSelector('#candidates[data-count="1"]');
      assert.equal(await text(popup, '#candidates-h'), want.heading, lang);
      assert.equal(await text(popup, '#candidate-0'), want.masked, lang);
      const include = popup.locator('#candidates button.include-code');
      assert.equal(await include.textContent(), want.include, lang);
      await popup.locator('#candidates button', { hasText: want.show }).click();
      assert.equal(await text(popup, '#candidate-0'), 'NAN-4711');
      await popup.locator('#candidates button', { hasText: want.hide }).click();
      const before = await popup.$eval('#result', (e) => Number(e.dataset.renders));
      await include.click();
      await popup.waitForFunction((n) => Number(document.querySelector('#result').dataset.renders) > n, before);
      await popup.waitForFunction(() => document.querySelector('#candidates button.include-code').getAttribute('aria-pressed') === 'true');
      assert.equal(await include.textContent(), want.exclude, lang);
      assert.match(await popup.$eval('#candidates [role=status]', (e) => e.textContent), want.included, lang);
      // No English left in the Japanese popup, the core's evidence about the code included.
      if (lang === 'ja') assert.deepEqual(await englishLeft(popup), []);
      await popup.close();
      await page.close();
    } finally {
      await ext.close();
    }
  }
});

// Firefox takes its UI language from its own preferences, not LANGUAGE:
// Debian's language packs (firefox-esr-l10n-ja/-de: add-ons in the
// application's scope, which puppeteer's profile enables) and
// intl.locale.requested make browser.i18n answer in that language.
const FIREFOX_LANG = { 'extensions.langpacks.signatures.required': false };

test('Firefox ESR in Japanese and German (language packs): the popup, its headline and the options page speak the language', async () => {
  for (const lang of ['ja', 'de']) {
    const ui = readJson(path.join(LOCALES, `${lang}/messages.json`));
    const ff = await launchFirefox({ prefs: { ...FIREFOX_LANG, 'intl.locale.requested': lang } });
    try {
      const page = await ff.browser.newPage();
      await page.goto(`${site.origin}/rate`).catch(() => {});
      const { popup, result, report } = await diagnoseFirefox(ff, page);
      assert.equal(result.failureType, 'mfa_rate_limited');
      assert.equal(await popup.evaluate(() => browser.i18n.getUILanguage()), lang);
      assert.equal(await popup.evaluate(() => document.documentElement.lang), lang);
      assert.equal(await popup.$eval('#headline', (e) => e.textContent), coreMessages(lang).messages['type.mfa_rate_limited']);
      assert.equal(await popup.$eval('#you-h', (e) => e.textContent), ui.popupYouHeading.message);
      if (lang === 'ja') assert.match(await popup.$eval('#countdown', (e) => e.textContent), /^残り時間：\d+分(\d+秒)?$/);
      assert.match(report, /MFA is rate-limited or in a resend cooldown/);
      assert.doesNotMatch(report, /[\u3040-\u30ffäöüß]/);
      // The options page: its heading and a validation error.
      const opts = await openFromPage(ff, page, 'options.html');
      await opts.waitForSelector('body[data-ready]');
      assert.equal(await opts.$eval('h1', (e) => e.textContent), ui.optTitle.message);
      await opts.evaluate(() => (document.querySelector('#urls').value = 'ftp://nanami.example.org'));
      await opts.click('#save');
      await opts.waitForFunction(() => document.querySelector('#urls-error').textContent.length > 0);
      assert.equal(
        await opts.$eval('#urls-error', (e) => e.textContent),
        lang === 'ja' ? '1 行目：http:// または https:// で始まるアドレスを使ってください。' : 'Zeile 1: Verwenden Sie eine Adresse mit http:// oder https://.',
      );
      await opts.close();
      await popup.close();
      await page.close();
    } finally {
      await ff.browser.close();
    }
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
