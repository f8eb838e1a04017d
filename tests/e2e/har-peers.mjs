// Side by side with peer HAR sanitizers from npm, on the HARs the e2e test
// records (tests/e2e/har.test.mjs calls this for every scenario and prints
// the table at the end):
//
// - har-cleaner 0.0.4 (AbregaInc, "Securely for Jira"): its default lists
//   are Cloudflare's har-sanitizer lists; run with its defaults, and with
//   every box ticked (all scrubAll* options);
// - har-sanitizer 2.0.0 (J. F. Romaniello): its defaults (cookies and
//   tokens hashed with a salt, password fields obfuscated);
// - auth-triage har --sanitize.
//
// For each: how many of the scenario's secrets (password, TOTP code, cookie
// values) are still in the output (a plain search for each, as support
// staff's risk is: a hash of a value is counted as removed), and how much of
// the evidence survives (web requests only): Date headers that still parse, Set-Cookie lines
// that keep their attributes, HTML bodies that keep their words, and whether
// auth-triage still gives the original HAR's diagnosis from the output.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { sanitizeHar } = require('har-cleaner');
const { sanitize: harSanitizer } = require('har-sanitizer');

export const PEERS = [
  { name: 'har-cleaner 0.0.4, defaults (Cloudflare lists)', run: async (h) => sanitizeHar(h, {}) },
  {
    name: 'har-cleaner 0.0.4, every box ticked',
    run: async (h) =>
      sanitizeHar(h, {
        scrubAllRequestHeaders: true,
        scrubAllCookies: true,
        scrubAllQueryParams: true,
        scrubAllPostParams: true,
        scrubAllResponseHeaders: true,
        scrubAllBodyContents: true,
      }),
  },
  { name: 'har-sanitizer 2.0.0, defaults', run: async (h) => harSanitizer(h) },
];

/** The visible words of an HTML body (tags, scripts and styles removed). */
function words(html) {
  return String(html)
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .split(/\s+/)
    .filter((w) => /^[A-Za-z]{4,}[.,!]?$/.test(w));
}

/**
 * What of the evidence a HAR holds: Date headers that parse, Set-Cookie
 * lines with attributes, and HTML bodies whose words are still there (of
 * `original`'s entry at the same place: the first eight words of its
 * visible text, all present). Entries are compared by position (every
 * sanitizer here keeps the web entries in order).
 */
export function evidence(har, original = har) {
  let dates = 0;
  let setCookieAttrs = 0;
  let htmlText = 0;
  const before = original?.log?.entries ?? [];
  (har?.log?.entries ?? []).forEach((e, i) => {
    for (const h of e.response?.headers ?? []) {
      const n = String(h.name).toLowerCase();
      if (n === 'date' && !Number.isNaN(Date.parse(h.value))) dates++;
      if (n === 'set-cookie') {
        for (const line of String(h.value).split('\n')) if (/;\s*(path|domain|samesite|secure|httponly|expires|max-age)/i.test(line)) setCookieAttrs++;
      }
    }
    const c = e.response?.content ?? {};
    const o = before[i]?.response?.content ?? {};
    if (/html/i.test(o.mimeType ?? '') && typeof o.text === 'string' && o.encoding !== 'base64' && typeof c.text === 'string') {
      const want = words(o.text).slice(0, 8);
      const have = new Set(words(c.text));
      if (want.length && want.every((w) => have.has(w))) htmlText++;
    }
  });
  return { dates, setCookieAttrs, htmlText };
}

/** The diagnosis auth-triage gives a HAR file: "type / verdict / code". */
export function diagnosisOf(cli, file, published) {
  const pub = published ? ['--published', published] : [];
  const r = spawnSync(cli, ['har', file, '--format', 'json', ...pub], { encoding: 'utf8' });
  if (r.status !== 0) return `refused (${r.stderr.trim().split('\n').pop().slice(0, 60)})`;
  const d = JSON.parse(r.stdout);
  return `${d.failure_type} / ${d.verdict} / ${d.safe_code || '-'}`;
}

/**
 * Compare on one recorded HAR. `ours` is the path of auth-triage's
 * sanitized HAR. Returns one row per sanitizer.
 */
export async function comparePeers({ scenario, harPath, ours, secrets, published, cli }) {
  // The web requests only: the extension loaded in the recording browser
  // adds its own chrome-extension:// entries, which a user's HAR does not
  // have (and on which har-sanitizer throws "Invalid URL").
  const har = JSON.parse(fs.readFileSync(harPath, 'utf8'));
  har.log.entries = har.log.entries.filter((e) => /^https?:/i.test(e.request?.url ?? ''));
  const text = JSON.stringify(har);
  const held = secrets.filter((s) => s && text.includes(s));
  const original = evidence(har);
  const want = diagnosisOf(cli, harPath, published);
  const rows = [];
  const row = (name, out, file) => {
    const ev = evidence(JSON.parse(out), har);
    const got = diagnosisOf(cli, file, published);
    rows.push({
      scenario,
      sanitizer: name,
      secrets: `${held.filter((s) => out.includes(s)).length} of ${held.length}`,
      dates: `${ev.dates}/${original.dates}`,
      setCookie: `${ev.setCookieAttrs}/${original.setCookieAttrs}`,
      html: `${ev.htmlText}/${original.htmlText}`,
      diagnosis: got === want ? 'same' : `differs: ${got}`,
      left: held.filter((s) => out.includes(s)).length,
      same: got === want,
    });
  };
  for (const p of PEERS) {
    const file = harPath.replace(/\.har$/, '.peer.har');
    let out;
    try {
      out = JSON.stringify(await p.run(JSON.parse(text)));
    } catch (e) {
      rows.push({ scenario, sanitizer: p.name, secrets: `failed: ${String(e.message).slice(0, 50)}`, dates: '', setCookie: '', html: '', diagnosis: '' });
      continue;
    }
    fs.writeFileSync(file, out);
    row(p.name, out, file);
    fs.rmSync(file, { force: true });
  }
  row('auth-triage har --sanitize', fs.readFileSync(ours, 'utf8'), ours);
  return rows;
}

/** Print the comparison, scenario by scenario, then totals per sanitizer. */
export function printPeers(rows) {
  if (!rows.length) return;
  console.log('\nSide by side with peer HAR sanitizers (npm), on the recorded HARs:');
  console.log('secrets left = of the scenario\'s secrets the HAR holds (password, TOTP code, cookie values), how many a plain search still finds;');
  console.log('evidence kept = Date headers that parse / Set-Cookie lines with attributes / HTML bodies whose first 8 visible words all survive, of the original\'s; diagnosis = auth-triage on the output');
  console.log('| scenario | sanitizer | secrets left | Date | Set-Cookie attrs | HTML text | diagnosis |');
  console.log('|---|---|---|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.scenario} | ${r.sanitizer} | ${r.secrets} | ${r.dates} | ${r.setCookie} | ${r.html} | ${r.diagnosis} |`);
  console.log('\n| sanitizer | scenarios | with a secret left | secrets left | same diagnosis |');
  console.log('|---|---|---|---|---|');
  const names = [...new Set(rows.map((r) => r.sanitizer))];
  for (const n of names) {
    const rs = rows.filter((r) => r.sanitizer === n);
    const leaky = rs.filter((r) => r.left > 0).length;
    const left = rs.reduce((a, r) => a + (r.left ?? 0), 0);
    const same = rs.filter((r) => r.same).length;
    console.log(`| ${n} | ${rs.length} | ${leaky} | ${left} | ${same} of ${rs.length} |`);
  }
}
