// The store zips written by `./build.sh package` load in the real browsers:
// the Chrome Web Store zip unpacked into Chromium, the AMO zip installed as
// it is into Firefox ESR. Loaded means: the worker (event page) ran and
// opened the welcome page on install, and the page rendered.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { launch } from './chromium.mjs';
import { launchFirefox, findPage } from './firefox.mjs';

const PKG = path.resolve(import.meta.dirname, '../../packages');
const zip = (kind) => fs.existsSync(PKG) && fs.readdirSync(PKG).find((f) => f.endsWith(`-${kind}.zip`));

test('the Chrome Web Store zip loads in Chromium', async (t) => {
  const name = zip('chrome');
  if (!name) return t.skip('no packages/*-chrome.zip: run ./build.sh package (./build.sh test does)');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'at-cws-'));
  let ext;
  try {
    execFileSync('unzip', ['-q', path.join(PKG, name), '-d', dir]);
    const m = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
    assert.equal(m.host_permissions, undefined);
    assert.equal(m.web_accessible_resources, undefined);
    ext = await launch({ dist: dir });
    let welcome = ext.context.pages().find((p) => p.url().endsWith('/welcome.html?reason=install'));
    welcome ??= await ext.context.waitForEvent('page', { predicate: (p) => p.url().includes('/welcome.html'), timeout: 10_000 });
    await welcome.waitForSelector('body[data-ready]');
    assert.equal(await welcome.evaluate(() => document.body.dataset.origins), '[]');
  } finally {
    await ext?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('the AMO zip installs in Firefox ESR', async (t) => {
  const name = zip('firefox');
  if (!name) return t.skip('no packages/*-firefox.zip: run ./build.sh package (./build.sh test does)');
  const ff = await launchFirefox({ dist: path.join(PKG, name) });
  try {
    const welcome = await findPage(ff, ff.url('welcome.html'));
    await welcome.waitForFunction(() => document.body.dataset.ready === 'true');
    assert.equal(await welcome.evaluate(() => document.body.dataset.origins), '[]');
    assert.match(await welcome.evaluate(() => document.querySelector('#current').textContent), /no site/);
  } finally {
    await ff.browser.close();
  }
});
