// A small Nanami-like application for the deployment-fault tests: a real
// password login, then TOTP MFA (RFC 6238), a session cookie and a resend
// cooldown. Like real frameworks it builds absolute URLs and cookie
// attributes from X-Forwarded-Proto / X-Forwarded-Host (falling back to the
// connection and the Host header), and reads its clock from the system, so
// it can run under libfaketime. Node.js only, no dependencies.
//
// Environment:
//   PORT            port on 127.0.0.1 (default 0: any)
//   COOKIE_DOMAIN   Domain= for the session cookies (default: host-only)
//   BLOAT=1         set 40 large cookies at login (nginx then answers 400)
//   CLOCK_OFFSET_S  seconds added to the system clock (default 0), for
//                   machines without faketime
// Prints "listening <port>" when ready.

import http from 'node:http';
import crypto from 'node:crypto';
import { pathToFileURL } from 'node:url';

export const USER = 'ada@nanami.example';
export const PASSWORD = 'correct horse battery staple';
// Base32 of the TOTP secret, as an authenticator app would hold it.
export const TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
export const RESEND_COOLDOWN_S = 30;

const offsetMs = Number(process.env.CLOCK_OFFSET_S ?? 0) * 1000;
const now = () => Date.now() + offsetMs;

function base32(s) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of s.replace(/=+$/, '')) bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  const out = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) out.push(parseInt(bits.slice(i, i + 8), 2));
  return Buffer.from(out);
}

/** RFC 6238 TOTP: HMAC-SHA1, 30 s steps, 6 digits. */
export function totp(atMs, secret = TOTP_SECRET) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(atMs / 1000 / 30)));
  const h = crypto.createHmac('sha1', base32(secret)).update(counter).digest();
  const o = h[h.length - 1] & 0xf;
  const n = ((h[o] & 0x7f) << 24) | (h[o + 1] << 16) | (h[o + 2] << 8) | h[o + 3];
  return String(n % 1_000_000).padStart(6, '0');
}

const pre = new Map(); // pre-MFA session id -> { user, lastResend }
const sessions = new Set();

const esc = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
function page(title, body, alert = '') {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)} – Nanami</title></head><body><main>
<h1>Nanami</h1><h2>${esc(title)}</h2>${alert ? `<div class="alert" role="alert">${esc(alert)}</div>` : ''}${body}</main></body></html>`;
}
const LOGIN = `<form method="post" action="/login"><label for="u">Email</label><input id="u" name="username" type="email" autocomplete="username">
<label for="p">Password</label><input id="p" name="password" type="password" autocomplete="current-password"><button type="submit">Sign in</button></form>`;
function mfaForm(cooldown) {
  const resend = cooldown > 0
    ? `<button type="submit" form="resend" disabled>Resend code in 0:${String(cooldown).padStart(2, '0')}</button>`
    : '<button type="submit" form="resend">Resend code</button>';
  return `<p>Enter the 6-digit code from your authenticator app.</p>
<form method="post" action="/mfa"><label for="otp">Authentication code</label><input id="otp" name="otp" autocomplete="one-time-code" inputmode="numeric" maxlength="6">
<button type="submit">Verify</button></form><form id="resend" method="post" action="/mfa/resend"></form>${resend}`;
}

/** What the app believes about the request, the way frameworks decide it. */
function origin(req) {
  const proto = (req.headers['x-forwarded-proto'] ?? (req.socket.encrypted ? 'https' : 'http')).split(',')[0].trim();
  const host = (req.headers['x-forwarded-host'] ?? req.headers.host ?? 'localhost').split(',')[0].trim();
  return { proto, host, base: `${proto}://${host}` };
}

function cookies(req) {
  const out = {};
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out[part.slice(0, i).trim()] = part.slice(i + 1).trim();
  }
  return out;
}

/**
 * A session cookie with `secure: "auto"` semantics (express-session, Rails
 * `secure: :auto`): Secure over https; over what the app believes is plain
 * http it is not set at all.
 */
function sessionCookie(req, name, value) {
  const { proto } = origin(req);
  if (proto !== 'https') return null;
  const domain = process.env.COOKIE_DOMAIN ? `; Domain=${process.env.COOKIE_DOMAIN}` : '';
  return `${name}=${value}; Path=/; HttpOnly; Secure; SameSite=Lax${domain}`;
}

function redirect(res, req, path, setCookies = []) {
  res.writeHead(302, { location: origin(req).base + path, 'set-cookie': setCookies.filter(Boolean), 'cache-control': 'no-store' });
  res.end();
}

function html(res, status, body, headers = {}) {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(body);
}

function form(req) {
  return new Promise((resolve) => {
    let b = '';
    req.on('data', (c) => (b += c));
    req.on('end', () => resolve(Object.fromEntries(new URLSearchParams(b))));
  });
}

async function handle(req, res) {
  const path = req.url.split('?')[0];
  const c = cookies(req);
  if (req.method === 'GET' && (path === '/' || path === '/home')) {
    if (sessions.has(c.nanami_session)) return html(res, 200, page('Welcome', '<p>You are signed in.</p>'));
    return redirect(res, req, '/login');
  }
  if (req.method === 'GET' && path === '/login') return html(res, 200, page('Sign in', LOGIN));
  if (req.method === 'POST' && path === '/login') {
    const f = await form(req);
    if (f.username !== USER || f.password !== PASSWORD) return html(res, 401, page('Sign in', LOGIN, 'Invalid email or password.'));
    const id = crypto.randomBytes(24).toString('base64url');
    pre.set(id, { user: f.username, lastResend: now() });
    const extra = process.env.BLOAT === '1' ? Array.from({ length: 40 }, (_, i) => `nanami_pref_${i}=${'v'.repeat(300)}; Path=/`) : [];
    return redirect(res, req, '/mfa', [sessionCookie(req, 'nanami_pre', id), ...extra]);
  }
  const p = pre.get(c.nanami_pre);
  if (path === '/mfa' || path === '/mfa/resend') {
    if (!p) return redirect(res, req, '/login');
    const cooldown = () => Math.max(0, RESEND_COOLDOWN_S - Math.floor((now() - p.lastResend) / 1000));
    if (req.method === 'GET') return html(res, 200, page('Two-step verification', mfaForm(cooldown())));
    if (path === '/mfa/resend') {
      const left = cooldown();
      if (left > 0) {
        return html(res, 429, page('Two-step verification', mfaForm(left), `Please wait ${left} seconds before requesting a new code.`), { 'retry-after': String(left) });
      }
      p.lastResend = now();
      return html(res, 200, page('Two-step verification', mfaForm(cooldown()), 'A new code was sent.'));
    }
    const f = await form(req);
    const t = now();
    // One 30 s step of tolerance either way, as most servers allow.
    const ok = [-30_000, 0, 30_000].some((d) => totp(t + d) === f.otp);
    if (!ok) return html(res, 400, page('Two-step verification', mfaForm(cooldown()), 'Invalid authentication code. Please try again.'));
    pre.delete(c.nanami_pre);
    const sid = crypto.randomBytes(24).toString('base64url');
    sessions.add(sid);
    return redirect(res, req, '/home', [sessionCookie(req, 'nanami_session', sid)]);
  }
  html(res, 404, page('Not found', ''));
}

// Serve only when run as a program: the tests import USER, PASSWORD and totp.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const server = http.createServer((req, res) => {
    handle(req, res).catch(() => html(res, 500, page('Error', '<p>Internal error.</p>')));
  });
  server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
    console.log(`listening ${server.address().port}`);
  });
}
