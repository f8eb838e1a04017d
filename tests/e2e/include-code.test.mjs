// End-to-end (issue 12): the popup's "Include this code". A page shows an
// unpublished code (NAN-4711: in no catalog, of no product-code shape). The
// core leaves it out of every output; the popup shows it masked, and a
// keyboard press on "Include this code" re-runs the core with it in
// page.included_codes: the report then holds it, marked "included by the
// user". Leaving it out again takes it back out.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start } from './server.mjs';
import { launch, diagnose } from './chromium.mjs';

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

const reportOf = (popup) => popup.$eval('[data-report]', (e) => e.textContent);
const renders = (popup) => popup.$eval('#result', (e) => Number(e.dataset.renders));

test('an unpublished code reaches the report only when the user includes it, marked as such', async () => {
  const page = await ext.context.newPage();
  await page.goto(`${site.origin}/safe-code`);
  const { popup, result, report } = await diagnose(ext, page);
  assert.equal(result.safeCode, '');
  assert.ok(!report.includes('NAN-4711'), 'the report holds the code before the user chose');

  // The candidate, masked, with its length; its text is nowhere in the popup.
  await popup.waitForSelector('#candidates[data-count="1"]');
  assert.equal(await popup.textContent('#candidate-0'), '•••••••• (8 characters)');
  assert.ok(!(await popup.textContent('body')).includes('NAN-4711'));
  const include = popup.locator('#candidates button.include-code');
  assert.equal(await include.textContent(), 'Include this code');
  assert.equal(await include.getAttribute('aria-pressed'), 'false');

  // Shown on request, masked again on the second press.
  const show = popup.locator('#candidates button', { hasText: 'Show' });
  await show.click();
  assert.equal(await popup.textContent('#candidate-0'), 'NAN-4711');
  await popup.locator('#candidates button', { hasText: 'Hide' }).click();
  assert.equal(await popup.textContent('#candidate-0'), '•••••••• (8 characters)');

  // One key press on the focused button includes it.
  const before = await renders(popup);
  await include.focus();
  await popup.keyboard.press('Enter');
  await popup.waitForFunction((n) => Number(document.querySelector('#result').dataset.renders) > n, before);
  const withCode = await reportOf(popup);
  assert.match(withCode, /NAN-4711/);
  assert.match(withCode, /included by the user/);
  assert.equal(await popup.$eval('#result', (e) => e.dataset.safeCode), 'NAN-4711');
  assert.equal(await include.getAttribute('aria-pressed'), 'true');
  assert.equal(await include.textContent(), 'Leave this code out');
  // Focus stays on the control (a keyboard-only flow goes on from there).
  assert.equal(await popup.evaluate(() => document.activeElement?.className), 'include-code');

  // Leaving it out takes it back out of the report.
  const again = await renders(popup);
  await popup.keyboard.press('Enter');
  await popup.waitForFunction((n) => Number(document.querySelector('#result').dataset.renders) > n, again);
  assert.ok(!(await reportOf(popup)).includes('NAN-4711'));
  assert.equal(await include.getAttribute('aria-pressed'), 'false');
  await popup.close();
  await page.close();
});

test('a page whose code a catalog knows offers nothing to include', async () => {
  const page = await ext.context.newPage();
  await page.goto(`${site.origin}/healthy`);
  const { popup } = await diagnose(ext, page);
  // The control appears only for candidates; give the core's answer time.
  await popup.waitForTimeout(300);
  assert.equal(await popup.$('#candidates'), null);
  await popup.close();
  await page.close();
});
