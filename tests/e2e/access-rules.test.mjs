// The host-access rules of extension/access.js and grants.js (plain data;
// the browser behaviour is in access.test.mjs and policy.test.mjs).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matches, patternFor, isGranted, allSites, sitesToOffer, siteName, pageOnly } from '../../extension/access.js';

test('match patterns: scheme, host, subdomains; ports and paths do not narrow', () => {
  assert.equal(patternFor('https://sso.example.org:8443/realms/x?y=1'), 'https://sso.example.org/*');
  assert.equal(patternFor('chrome://settings'), null);
  assert.equal(patternFor('not a url'), null);
  assert.ok(matches('https://sso.example.org/*', 'https://sso.example.org:8443/a'));
  assert.ok(!matches('https://sso.example.org/*', 'http://sso.example.org/a'));
  assert.ok(!matches('https://sso.example.org/*', 'https://evil-sso.example.org/a'));
  assert.ok(!matches('https://sso.example.org/*', 'https://sso.example.org.evil.net/a'));
  assert.ok(matches('*://*.nanami.localhost/*', 'http://auth.nanami.localhost:9/x'));
  assert.ok(matches('*://*.nanami.localhost/*', 'https://nanami.localhost/'));
  assert.ok(!matches('*://*.nanami.localhost/*', 'http://xnanami.localhost/'));
  assert.ok(!matches('*://*/*', 'ftp://example.org/'));
  assert.ok(matches('http://*/*', 'http://127.0.0.2:8080/'));
});

test('granted sets: none, one site, all sites', () => {
  assert.equal(isGranted([], 'https://a.example/'), false);
  assert.equal(isGranted(['https://a.example/*'], 'https://a.example/x'), true);
  assert.equal(isGranted(['https://a.example/*'], 'https://b.example/x'), false);
  assert.equal(allSites(['http://*/*', 'https://*/*']), true);
  assert.equal(allSites(['https://*/*']), false);
  assert.equal(siteName('https://a.example/*'), 'a.example');
  assert.equal(siteName('https://*/*'), 'all sites');
});

test('sign-in services seen in the trail are offered once each, granted ones not', () => {
  const trail = [
    { url: 'https://app.example.org/login', redirect_url: 'https://sso.example.net/auth?client_id=x' },
    { url: 'https://app.example.org/cb', redirect_url: 'https://sso.example.net/auth?again' },
    { url: 'https://app.example.org/home' },
  ];
  assert.deepEqual(sitesToOffer(trail, 'https://app.example.org/home', ['https://app.example.org/*']), ['https://sso.example.net/*']);
  assert.deepEqual(sitesToOffer(trail, 'https://app.example.org/home', ['https://app.example.org/*', 'https://sso.example.net/*']), []);
});

test("page only shows the core's lowered confidence and what it did not see", () => {
  const po = pageOnly({ confidence: 0.57, failure_type: 'mfa_invalid_code', not_seen: ['cookies', 'trail'] });
  assert.equal(po.confidence, 0.57);
  assert.match(po.missing.join(' '), /cookies/);
  assert.match(po.missing.join(' '), /trail/);
  assert.equal(po.unknown, false);
  assert.match(pageOnly({ confidence: 0.5, failure_type: 'unclassified' }).summary, /not ruled out/);
});
