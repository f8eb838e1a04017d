// The core's messages rendered in a language (extension/say.js), with small
// made-up message data (tests/e2e/ui-languages.test.mjs checks the shipped
// languages' files).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { langTag, messagesStem, Say } from '../../extension/say.js';

const EN = {
  lang: 'en',
  sep: '; ',
  messages: { wait: 'Wait {wait}.', list: 'Seen: {items}.', code: 'Code {code} ({n} times).', a: 'first', b: 'second', only_en: 'English only' },
  units: {
    second: { one: '{n} second', other: '{n} seconds' },
    minute: { one: '{n} minute', other: '{n} minutes' },
    hour: { one: '{n} hour', other: '{n} hours' },
  },
};
const PL = {
  lang: 'pl',
  join: ' i ',
  messages: { wait: 'Poczekaj {wait}.' },
  units: { second: { one: '{n} sekunda', few: '{n} sekundy', many: '{n} sekund', other: '{n} sekundy' } },
};

test('durations: hours and minutes, or minutes and seconds, rounded, never negative', () => {
  const en = new Say(EN, EN);
  assert.equal(en.duration(0), '0 seconds');
  assert.equal(en.duration(1), '1 second');
  assert.equal(en.duration(59.6), '1 minute');
  assert.equal(en.duration(61), '1 minute 1 second');
  assert.equal(en.duration(3600), '1 hour');
  // Hours leave the seconds out.
  assert.equal(en.duration(3725), '1 hour 2 minutes');
  assert.equal(en.duration(-5), '0 seconds');
});

test('plural forms come from the language; a unit it lacks falls back to English', () => {
  const pl = new Say(PL, EN);
  assert.deepEqual([1, 2, 5, 22, 25].map((n) => pl.count('second', n)), ['1 sekunda', '2 sekundy', '5 sekund', '22 sekundy', '25 sekund']);
  // Polish data without minutes: the English forms, Polish number and plural category.
  assert.equal(pl.count('minute', 1), '1 minute');
  // Its own joiner between the parts of a duration.
  assert.equal(pl.duration(125), '2 minutes i 5 sekund');
  // Numbers as the language writes them, and its plural category (German 1500: other, Polish: many).
  assert.equal(new Say({ ...PL, lang: 'de' }, EN).count('second', 1500), '1.500 sekundy');
  assert.equal(pl.count('second', 1500), '1500 sekund');
  // A unit nobody knows: the bare number.
  assert.equal(new Say(EN, EN).count('fortnight', 3), '3');
});

test('messages: arguments of each kind, nesting, lists, and English for a missing key', () => {
  const pl = new Say(PL, EN);
  assert.equal(pl.render({ key: 'wait', args: { wait: { dur: { unit: 'second', n: 3 } } } }), 'Poczekaj 3 sekundy.');
  assert.equal(pl.render({ key: 'only_en' }), 'English only');
  const en = new Say(null, EN);
  assert.equal(en.lang, 'en');
  assert.equal(en.render({ key: 'code', args: { code: { text: 'E<1>' }, n: { num: 12000 } } }), 'Code E<1> (12,000 times).');
  assert.equal(en.render({ key: 'list', args: { items: { list: [{ key: 'a' }, { key: 'b' }] } } }), 'Seen: first; second.');
  assert.equal(en.render({ key: 'list', args: { items: { msg: { key: 'a' } } } }), 'Seen: first.');
  // A placeholder without an argument stays as written; an unknown key is shown as the key.
  assert.equal(en.render({ key: 'wait' }), 'Wait {wait}.');
  assert.equal(en.render({ key: 'no.such.key' }), 'no.such.key');
  // Not a message: nothing.
  assert.equal(en.render(null), '');
  assert.equal(en.render({ key: 7 }), '');
  assert.equal(en.arg({ other: 1 }), '');
});

test('locale to messages file and back', () => {
  assert.equal(messagesStem('pt_BR'), 'pt-br');
  assert.equal(messagesStem('zh_TW'), 'zh-hant');
  assert.equal(messagesStem('zh-Hant-HK'), 'zh-hant');
  assert.equal(messagesStem('zh'), 'zh-hans');
  assert.equal(messagesStem('de_AT'), 'de');
  assert.equal(messagesStem(undefined), '');
  assert.equal(messagesStem('ja', ['messages/en.json']), 'en');
  assert.equal(langTag('pt-br'), 'pt-BR');
  assert.equal(langTag('zh-hans'), 'zh-Hans');
  assert.equal(langTag('de'), 'de');
});
