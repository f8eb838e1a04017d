// End-to-end (issue 14): localized failing pages on the fixture site,
// diagnosed by dist/ in headless Chromium. The popup loads the page's
// lexicon and English only, and says which ones in body[data-lexicons].

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start } from './server.mjs';
import { launch, diagnose } from './chromium.mjs';
import { lexiconsFor, lexiconStem } from '../../extension/languages.js';

let site;
let ext;

before(async () => {
  site = await start();
  ext = await launch();
});

after(async () => {
  await ext?.close();
  site?.server.close();
});

test('a Japanese MFA step answering a wrong code: invalid code, from the Japanese lexicon', async () => {
  const page = await ext.context.newPage();
  await page.goto(`${site.origin}/ja/wrong-code`);
  await page.fill('#otp', '482913');
  await Promise.all([page.waitForLoadState('load').catch(() => {}), page.click('form button[type=submit]')]);
  await page.waitForTimeout(300);
  const { popup, result, report, evidence } = await diagnose(ext, page);
  assert.equal(result.failureType, 'mfa_invalid_code');
  // The verdict comes from the Japanese words, not only from the status; the
  // Japanese vocabulary (vocab/ja.txt) keeps the page's sentence whole.
  assert.ok(evidence.some((e) => e.includes('認証コードが正しくありません')), evidence.join('\n'));
  assert.equal(result.verdict, 'product');
  assert.match(report, /入力された認証コードが正しくありません。もう一度入力してください。/);
  assert.ok(!report.includes('482913'), 'the code typed stays out of the report');
  const lexicons = await popup.$eval('body', (b) => b.dataset.lexicons);
  assert.deepEqual(lexicons.split(' ').sort(), ['lexicon/en.json', 'lexicon/ja.json']);
  await popup.close();
  await page.close();
});

test('a French MFA step whose code expired: expired challenge, from the French lexicon', async () => {
  const page = await ext.context.newPage();
  await page.goto(`${site.origin}/fr/expired`);
  const { popup, result, report, evidence } = await diagnose(ext, page);
  assert.equal(result.failureType, 'mfa_challenge_expired');
  assert.equal(result.verdict, 'product');
  // The French vocabulary (vocab/fr.txt) keeps the page's ordinary words.
  assert.match(report, /Votre code a expiré : demandez-en un nouveau pour continuer\./);
  assert.ok(evidence.some((e) => e.includes('Votre code a expiré')), evidence.join('\n'));
  const lexicons = await popup.$eval('body', (b) => b.dataset.lexicons);
  assert.deepEqual(lexicons.split(' ').sort(), ['lexicon/en.json', 'lexicon/fr.json']);
  await popup.close();
  await page.close();
});

test('an English page loads the English lexicon alone', async () => {
  const page = await ext.context.newPage();
  await page.goto(`${site.origin}/expired`);
  const { popup, result } = await diagnose(ext, page);
  assert.equal(result.failureType, 'mfa_challenge_expired');
  assert.equal(await popup.$eval('body', (b) => b.dataset.lexicons), 'lexicon/en.json');
  await popup.close();
  await page.close();
});

test('which lexicons a page gets: its lang attribute, its script, or all of them', () => {
  const all = ['catalogs/okta.json', ...['de', 'en', 'es', 'fr', 'it', 'ja', 'ko', 'nl', 'pl', 'pt', 'tr', 'zh-hans'].map((l) => `lexicon/${l}.json`)];
  const snap = (lang, text) => ({ page: { lang, title: '', text } });
  assert.equal(lexiconStem('pt-BR'), 'pt');
  assert.equal(lexiconStem('zh_CN'), 'zh-hans');
  assert.equal(lexiconStem('zh-Hant-TW'), 'zh-hant');
  assert.deepEqual(lexiconsFor(snap('pt-BR', 'Código inválido'), all), ['lexicon/en.json', 'lexicon/pt.json']);
  assert.deepEqual(lexiconsFor(snap('en', 'Invalid code'), all), ['lexicon/en.json']);
  // No lang: the script tells for Japanese, Korean and Chinese …
  assert.deepEqual(lexiconsFor(snap(null, 'コードが無効です'), all), ['lexicon/en.json', 'lexicon/ja.json']);
  assert.deepEqual(lexiconsFor(snap(null, '인증 코드가 만료되었습니다'), all), ['lexicon/en.json', 'lexicon/ko.json']);
  assert.deepEqual(lexiconsFor(snap('', '验证码错误'), all), ['lexicon/en.json', 'lexicon/zh-hans.json']);
  // … a Latin-script page without lang, or one that says "en" but writes
  // accented letters, gets every lexicon (the core's lexicon vote decides).
  assert.equal(lexiconsFor(snap(null, 'Le code a expiré'), all), null);
  assert.equal(lexiconsFor(snap('en', 'Le code de vérification a expiré. Réessayez plus tard.'), all), null);
  // A language without a lexicon: its script or all of them.
  assert.equal(lexiconsFor(snap('sv', 'Koden är ogiltig'), all), null);
  // A mixed page: its lang and the script of most of its letters.
  assert.deepEqual(lexiconsFor(snap('fr', 'エラー：コードが無効です (code invalide)'), all), ['lexicon/en.json', 'lexicon/fr.json', 'lexicon/ja.json']);
});
