// @ts-check
// Small DOM helpers. Page data is untrusted: it is only ever set as text
// (textContent), never parsed as HTML.

/**
 * The page's element for `sel`. The pages ask only for elements of their own
 * HTML, so it is typed as present; `E` names its kind where a caller needs
 * more than an HTMLElement (cast at the call, e.g. HTMLInputElement).
 * @template {Element} [E=HTMLElement]
 * @param {string} sel
 * @returns {E}
 */
export const $ = (sel) => /** @type {E} */ (document.querySelector(sel));

/**
 * A new element: `text` becomes its textContent, `class` its className, any
 * other prop an attribute; then the children (nodes or text) are appended.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, string>} [props]
 * @param {...(Node | string)} children
 * @returns {HTMLElementTagNameMap[K]}
 */
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

/**
 * @param {string} sel
 * @param {string | null | undefined} text
 * @returns {HTMLElement} the element (null only if the page lacks it)
 */
export function setText(sel, text) {
  const e = $(sel);
  if (e) e.textContent = text ?? '';
  return e;
}

// The safe code as a person should read it: where it came from when the
// page itself does not show it.
/** @typedef {Record<string, (code: string) => string>} CodeWords */
/** @type {CodeWords} */
const SOURCE_WORDS = {
  trail_url: (code) => `${code} (from the sign-in redirect; the page does not show it)`,
  net_error: (code) => `${code} (the browser's network error; the page does not show it)`,
  http_status: (code) => `${code} (the HTTP status of the page)`,
};

/**
 * The fields of the core's diagnosis these helpers read (popup.js and
 * support.js hold the fuller shape).
 * @typedef {{ failure_type: string, verdict: string, safe_code?: string | null,
 *   safe_codes?: { source?: unknown }[] | null, admin_move?: string | null }} DiagnosisView
 */

// `words` maps a code's source to its text (the popup passes its localized ones).
/**
 * @param {DiagnosisView} d
 * @param {CodeWords} [words]
 * @returns {string}
 */
export function safeCodeText(d, words = SOURCE_WORDS) {
  if (!d.safe_code) return 'none shown';
  const source = d.safe_codes?.[0]?.source;
  const say = typeof source === 'string' && Object.hasOwn(words, source) ? words[source] : null;
  return say ? say(d.safe_code) : d.safe_code;
}

export const TYPE_WORDS = {
  mfa_invalid_code: 'Invalid MFA code',
  mfa_challenge_expired: 'Expired MFA challenge',
  mfa_rate_limited: 'MFA rate limit or resend cooldown',
  session_proxy_cookie: 'Login/session failure from the deployment',
  unclassified: 'No known auth failure',
};

/**
 * @param {string} name
 * @param {string} text
 * @param {string} [type]
 */
export function download(name, text, type = 'application/json') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = el('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * @param {string} text
 * @returns {Promise<boolean>}
 */
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

// "1 second", "42 seconds", "4 minutes 5 seconds": plural forms from
// Intl.PluralRules where the browser has it.
const plural = typeof Intl?.PluralRules === 'function' ? new Intl.PluralRules('en') : null;
/** @type {(n: number, one: string, other: string) => string} */
const unit = (n, one, other) => `${n} ${(plural ? plural.select(n) === 'one' : n === 1) ? one : other}`;

/**
 * @param {number} totalSeconds
 * @returns {string}
 */
export function durationText(totalSeconds) {
  const s = Math.max(0, Math.round(totalSeconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  if (h) return [unit(h, 'hour', 'hours'), m ? unit(m, 'minute', 'minutes') : ''].filter(Boolean).join(' ');
  if (m) return [unit(m, 'minute', 'minutes'), sec ? unit(sec, 'second', 'seconds') : ''].filter(Boolean).join(' ');
  return unit(sec, 'second', 'seconds');
}

/** @typedef {{ left: (seconds: number) => string, over: string }} ClockWords */
/** @type {ClockWords} */
const ENGLISH_CLOCK = { left: (s) => `Time left: ${durationText(s)}`, over: 'The wait is over: you can try again now.' };

/**
 * Count down `seconds` in `node` ("Time left: 41 seconds"), once a second,
 * then say the wait is over. `now` gives milliseconds (performance.now);
 * `words` the two sentences ({left(seconds), over}) in the UI language.
 * Returns a function that stops the clock.
 * @param {HTMLElement} node
 * @param {number} seconds
 * @param {() => void} [onDone]
 * @param {() => number} [now]
 * @param {ClockWords} [words]
 * @returns {() => void}
 */
export function countdown(node, seconds, onDone = () => {}, now = () => performance.now(), words = ENGLISH_CLOCK) {
  const until = now() + seconds * 1000;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  const tick = () => {
    const left = Math.ceil((until - now()) / 1000);
    if (left <= 0) {
      node.textContent = words.over;
      node.dataset.countdown = '0';
      onDone();
      return;
    }
    node.textContent = words.left(left);
    node.dataset.countdown = String(left);
    timer = setTimeout(tick, ((until - now()) % 1000) + 5);
  };
  tick();
  return () => clearTimeout(timer);
}

// What the person at the keyboard can do, while the core gives no
// `user_move` (reports of older cores): by failure type, in plain words.
/**
 * @param {DiagnosisView} d
 * @param {number | null} [waitS]
 * @returns {string}
 */
export function fallbackUserMove(d, waitS) {
  if (d.failure_type === 'unclassified' && d.safe_code) {
    return `The page shows the code ${d.safe_code}, but no known sign-in failure. If signing in fails, copy the report and send it to your administrator with that code; they can look it up.`;
  }
  if (d.failure_type === 'unclassified') {
    return 'Nothing on this page looks like a failed sign-in. If signing in still fails, open this again on the page that shows the error. If it keeps failing, copy the report and send it to your administrator.';
  }
  if (d.verdict === 'deployment') {
    return "This is not something you can fix from your side, and trying again won't help until it is fixed. Copy the report below and send it to your administrator.";
  }
  switch (d.failure_type) {
    case 'mfa_invalid_code':
      return "Type the newest code from your authenticator app, before it changes. If codes keep failing, check that your phone's clock is set automatically.";
    case 'mfa_challenge_expired':
      return 'The sign-in step timed out. Go back to the sign-in page, sign in again, and enter the new code as soon as it arrives.';
    case 'mfa_rate_limited':
      return waitS
        ? `Wait ${durationText(waitS)}, then try again or ask for a new code. Each try before then can make the wait longer.`
        : 'Wait a few minutes, then try again or ask for a new code. Each try before then can make the wait longer.';
    default:
      return 'Try again. If it keeps failing, copy the report and send it to your administrator.';
  }
}

// What to send to the administrator, and how, in plain words. The core's
// `admin_move` already names what to send; without it, this says it.
/**
 * @param {DiagnosisView} d
 * @param {string} [how]
 * @returns {string}
 */
export function sendText(d, how = 'Copy report, then paste it into a mail or ticket: the report holds no password, code or cookie value.') {
  if (d.admin_move) return how;
  const code = d.safe_code ? `, the code the page shows (${d.safe_code})` : '';
  return `Send them the report${code} and the address you opened. ${how}`;
}
