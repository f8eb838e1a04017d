// Small DOM helpers. Page data is untrusted: it is only ever set as text
// (textContent), never parsed as HTML.

export const $ = (sel) => document.querySelector(sel);

export function el(tag, props = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'text') e.textContent = v;
    else if (k === 'class') e.className = v;
    else e.setAttribute(k, v);
  }
  for (const c of children) e.append(c);
  return e;
}

export function setText(sel, text) {
  const e = $(sel);
  if (e) e.textContent = text ?? '';
  return e;
}

// The safe code as a person should read it: where it came from when the
// page itself does not show it.
export function safeCodeText(d) {
  if (!d.safe_code) return 'none shown';
  const first = d.safe_codes?.[0];
  return first?.source === 'trail_url' ? `${d.safe_code} (from the sign-in redirect; the page does not show it)` : d.safe_code;
}

export const TYPE_WORDS = {
  mfa_invalid_code: 'Invalid MFA code',
  mfa_challenge_expired: 'Expired MFA challenge',
  mfa_rate_limited: 'MFA rate limit or resend cooldown',
  session_proxy_cookie: 'Login/session failure from the deployment',
  unclassified: 'No known auth failure',
};

export function download(name, text, type = 'application/json') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = el('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Older or unfocused contexts: the textarea route.
    const t = el('textarea', { 'aria-hidden': 'true', style: 'position:fixed;left:-9999px' });
    t.value = text;
    document.body.append(t);
    t.select();
    const ok = document.execCommand('copy');
    t.remove();
    return ok;
  }
}
