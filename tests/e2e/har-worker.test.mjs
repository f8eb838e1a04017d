// The support page's HAR worker (extension/har-worker.js) as shipped (dist/),
// in Chromium: the messages it takes are declared in extension/messages.js;
// anything else gets one line naming its shape, and the worker keeps
// answering. (har-support.test.mjs drives the page itself.)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, DIST } from './chromium.mjs';

test('HAR worker: a message of unknown shape is refused in one line naming it; declared messages are answered', async () => {
  const ext = await launch({ dist: DIST });
  try {
    const page = await ext.context.newPage();
    await page.goto(ext.url('support.html'));
    await page.waitForSelector('body[data-ready]');
    const replies = await page.evaluate(async () => {
      const w = new Worker(new URL('./har-worker.js', location.href), { type: 'module' });
      const ask = (msg) =>
        new Promise((resolve) => {
          w.onmessage = ({ data }) => {
            if (data.progress === undefined && !data.parsing) resolve(data);
          };
          w.postMessage(msg);
        });
      const out = [];
      for (const msg of [{ foo: 'secret-value' }, 'verify', { verify: 42 }, { file: 'not a file' }, { verify: 'not a report' }]) {
        out.push(await ask(msg));
      }
      const har = new Blob([JSON.stringify({ log: { version: '1.2', entries: [] } })]);
      out.push(await ask({ file: har, published: [] }));
      w.terminate();
      return out;
    });
    const expect = ['{foo}', 'a string', '{verify}', '{file}'];
    expect.forEach((shape, i) => {
      assert.deepEqual(replies[i], { error: `har worker: unknown message ${shape}; expected {verify: text} or {file, published}` });
    });
    // A declared message after the refusals: the worker still answers it,
    // with the core's own one-line errors (a paste that holds no report; a
    // HAR with no page in it).
    assert.match(replies[4].error, /^report: no report data found/);
    assert.match(replies[5].error, /^har: log\.entries: no page document in the HAR/);
    for (const r of replies) assert.ok(!r.error.includes('\n'), r.error);
    assert.ok(!JSON.stringify(replies).includes('secret-value'));
  } finally {
    await ext.close();
  }
});
