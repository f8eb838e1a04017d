// The lexicons' spellings typed without accents (scripts/plain-spellings.mjs):
// the shipped files list them as the script makes them, and the script keeps
// the spellings that would read as another word out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { outOfDate, plainLists, plainSpellings, readLexicons, readOtherWords } from '../../scripts/plain-spellings.mjs';

test('every shipped lexicon lists its plain spellings as the script makes them', () => {
  const stale = outOfDate().map(([f]) => f);
  assert.deepEqual(stale, [], `run node scripts/plain-spellings.mjs --write (${stale.join(', ')})`);
});

test('accented letters are typed plain; German umlauts also as two letters', () => {
  assert.deepEqual(plainSpellings('réessayez', false), ['reessayez']);
  assert.deepEqual(plainSpellings('ungültig*', true), ['ungultig*', 'ungueltig*']);
  assert.deepEqual(plainSpellings('später erneut', true), ['spater erneut', 'spaeter erneut']);
  assert.deepEqual(plainSpellings('zeitüberschreitung', false), ['zeituberschreitung']);
  assert.deepEqual(plainSpellings('çok fazla', false), ['cok fazla']);
  assert.deepEqual(plainSpellings('błędny kod', false), ['bledny kod']);
  assert.deepEqual(plainSpellings('invalid code', false), []);
  // Han, kana and Hangul are no accented Latin letters: nothing to spell.
  assert.deepEqual(plainSpellings('コードが無効です', false), []);
});

test('a spelling that would read as another word is left out', () => {
  const lists = plainLists({
    'en.json': { lang: 'en', concepts: { expired: ['expire'] }, words: {} },
    'fr.json': {
      lang: 'fr',
      concepts: {
        // "activé" plain is "active", another word; "expiré*" would read "expirer".
        needs: ['activé', 'expiré*'],
        // "expiré" typed plain is English's "expire", listed already.
        expired: ['a expiré', 'réessayez', 'où'],
        failed: ['échec de la vérification'],
      },
      words: { retry: ['réessayez'] },
    },
  });
  assert.deepEqual(lists['fr.json'].plain_concepts, {
    expired: ['reessayez'],
    failed: ['echec de la verification'],
  });
  assert.deepEqual(lists['fr.json'].plain_words, { retry: ['reessayez'] });
  assert.deepEqual(lists['en.json'], { plain_concepts: {}, plain_words: {} });
});

test('no plain spelling is a phrase another lexicon lists', () => {
  const lexicons = readLexicons();
  const listed = new Set();
  for (const lex of Object.values(lexicons)) {
    for (const key of ['concepts', 'words']) {
      for (const list of Object.values(lex[key] ?? {})) list.forEach((p) => listed.add(p));
    }
  }
  for (const [f, lex] of Object.entries(lexicons)) {
    for (const key of ['plain_concepts', 'plain_words']) {
      for (const list of Object.values(lex[key] ?? {})) {
        for (const p of list) assert.ok(!listed.has(p), `${f}: ${p}`);
      }
    }
  }
});

test('a plain spelling that is a word of another language (a dictionary word) is left out', () => {
  const lexicons = { 'fr.json': { lang: 'fr', concepts: { cred: ['téléphone', 'numéro de téléphone'] }, words: {} } };
  assert.deepEqual(plainLists(lexicons).of, undefined);
  assert.deepEqual(plainLists(lexicons)['fr.json'].plain_concepts, {
    cred: ['telephone', 'numero de telephone'],
  });
  assert.deepEqual(plainLists(lexicons, new Set(['telephone']))['fr.json'].plain_concepts, {});
  // The shipped list keeps English "telephone" and German "konnte" (from "könnte") out.
  const other = readOtherWords();
  assert.ok(other.has('telephone') && other.has('konnte'));
});
