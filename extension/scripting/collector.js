// @ts-check
// The collector: injected into each frame of the tab when the user clicks,
// and run there as one self-contained function (it may not use anything
// outside its body). Code that runs inside web pages lives in this folder,
// extension/scripting/, and nowhere else. The popup then joins the frames'
// answers (frames.js, `mergeFrames`).
//
// It reads what a person sees and what the markup says about errors,
// including inside open shadow roots (login web components such as
// <hanko-auth> render there, out of reach of document.querySelectorAll and
// body.innerText). It never reads an input's value, a cookie or storage. All
// output is bounded.

/** @typedef {HTMLInputElement | HTMLTextAreaElement} Field */

export function collect() {
  const LIMITS = { text: 256 * 1024, item: 2048, alerts: 20, inputs: 100, codes: 50, resend: 10, roots: 200 };
  /**
   * @param {unknown} s
   * @param {number} n
   */
  const clip = (s, n) => String(s ?? '').replace(/\s+/g, ' ').trim().slice(0, n);
  /** @param {unknown} el */
  const visible = (el) => {
    if (!(el instanceof Element)) return false;
    const st = getComputedStyle(el);
    if (st.display === 'none' || st.visibility === 'hidden') return false;
    return el.getClientRects().length > 0 || st.position === 'fixed';
  };

  // The document and every open shadow root in it (nested ones too), the
  // document first. Closed shadow roots stay closed to us.
  /** @type {(Document | ShadowRoot)[]} */
  const roots = [document];
  for (let i = 0; i < roots.length && roots.length < LIMITS.roots; i++) {
    for (const el of roots[i].querySelectorAll('*')) {
      if (el.shadowRoot && roots.length < LIMITS.roots) roots.push(el.shadowRoot);
    }
  }
  /**
   * The elements that match `sel` in the document and its open shadow roots.
   * (HTMLElement: the page's markup, which is HTML; SVG's have no innerText,
   * read as undefined below.)
   * @param {string} sel
   * @returns {HTMLElement[]}
   */
  const all = (sel) => roots.flatMap((r) => [.../** @type {NodeListOf<HTMLElement>} */ (r.querySelectorAll(sel))]);

  // Visible text: body.innerText leaves shadow trees out, so each shown
  // shadow root adds its children's rendered text. innerText of an element
  // that is not rendered falls back to its raw text, hence the checks.
  /** @type {string[]} */
  const parts = [];
  let room = LIMITS.text;
  /** @param {unknown} s */
  const add = (s) => {
    const t = String(s ?? '').slice(0, room);
    if (t.trim()) {
      parts.push(t);
      room -= t.length + 1;
    }
  };
  const body = document.body;
  if (body) add(body.innerText ?? body.textContent);
  for (const r of roots.slice(1)) {
    if (room <= 0) break;
    if (!visible(/** @type {ShadowRoot} */ (r).host)) continue;
    for (const c of r.children) if (room > 0 && !c.matches('style,script,template,link') && visible(c)) add(/** @type {HTMLElement} */ (c).innerText);
  }
  const text = parts.join('\n');

  const alertSel = [
    '[role=alert]', '[aria-live=assertive]', '[aria-live=polite]', '.error', '.errors', '.alert', '.alert-danger',
    '.alert-error', '.invalid-feedback', '.error-message', '.errorlist', '.form-error', '.kc-feedback-text',
    '[class*="error" i]', '[class*="alert" i]', '[data-error]', '[id*="error" i]',
  ].join(',');
  /** @type {string[]} */
  const alerts = [];
  for (const el of all(alertSel)) {
    if (alerts.length >= LIMITS.alerts) break;
    if (!visible(el) || el.closest('script,style,noscript,template')) continue;
    const t = clip(el.innerText ?? el.textContent, LIMITS.item);
    if (t && !alerts.includes(t) && !alerts.some((a) => a.includes(t))) alerts.push(t);
  }

  /** @param {Field} input */
  const labelOf = (input) => {
    const scope = /** @type {Partial<ParentNode>} */ (input.getRootNode());
    const byFor = input.id && scope.querySelector ? /** @type {HTMLElement | null} */ (scope.querySelector(`label[for="${CSS.escape(input.id)}"]`)) : null;
    return clip((byFor ?? input.closest('label'))?.innerText ?? input.getAttribute('aria-label') ?? input.placeholder ?? '', 120);
  };
  /** @param {Field} input */
  const describe = (input) => ({
    name: clip(input.name || input.id, 80),
    type: clip(input.type, 20),
    autocomplete: clip(input.autocomplete, 40),
    inputmode: clip(input.inputMode, 20),
    ...(input.maxLength > 0 && input.maxLength < 1e6 ? { maxlength: input.maxLength } : {}),
    label: labelOf(input),
    // No value: the collector never reads what a person typed.
  });
  let budget = LIMITS.inputs;
  const forms = [];
  for (const f of all('form')) {
    const inputs = [];
    for (const i of /** @type {NodeListOf<Field>} */ (f.querySelectorAll('input, textarea'))) {
      if (budget-- <= 0) break;
      if (i.type === 'hidden') continue;
      inputs.push(describe(i));
    }
    forms.push({ action: clip(f.getAttribute('action') ?? '', 300), method: clip(/** @type {HTMLFormElement} */ (f).method, 10), inputs });
    if (budget <= 0) break;
  }
  const loose = /** @type {HTMLInputElement[]} */ (all('input:not(form input)')).filter((i) => i.type !== 'hidden').slice(0, 20);
  if (loose.length) forms.push({ inputs: loose.map(describe) });

  const resend = [];
  const resendRe = /(re-?send|send (a )?(new|another) code|send again|get a new code|didn.t (get|receive)|request (a )?new code)/i;
  for (const el of all('button, a, [role=button], input[type=submit], input[type=button]')) {
    if (resend.length >= LIMITS.resend) break;
    const t = clip(el.innerText || /** @type {HTMLInputElement} */ (el).value || el.textContent, 200);
    if (!resendRe.test(t)) continue;
    const m = t.match(/(\d{1,2}):(\d{2})/) ?? null;
    const s = t.match(/(\d{1,4})\s*(s|sec|secs|seconds)\b/i);
    const countdown = m ? Number(m[1]) * 60 + Number(m[2]) : s ? Number(s[1]) : null;
    resend.push({
      text: t,
      disabled: !!(/** @type {HTMLButtonElement} */ (el).disabled || el.getAttribute('aria-disabled') === 'true'),
      ...(countdown !== null ? { countdown_s: countdown } : {}),
    });
  }

  const codes = [];
  const attrs = ['data-error-code', 'data-errorcode', 'data-error', 'data-code', 'data-testid'];
  for (const el of all(attrs.map((a) => `[${a}]`).join(','))) {
    for (const a of attrs) {
      const v = el.getAttribute(a);
      if (!v || codes.length >= LIMITS.codes) continue;
      if (a === 'data-testid' && !v.startsWith('ui/message/')) continue;
      codes.push({ source: a, value: clip(v, 200) });
    }
  }

  // responseStatus: Chromium 109+, Firefox 123+ (not yet in TypeScript's DOM types).
  const nav = /** @type {(PerformanceNavigationTiming & { responseStatus?: number }) | undefined} */ (performance.getEntriesByType('navigation')[0]);
  return {
    url: location.href,
    status: nav && nav.responseStatus ? nav.responseStatus : null,
    title: clip(document.title, 300),
    // <html lang>, else <body lang> or the Content-Language meta (templates
    // that forget the first often set one of the others).
    lang:
      clip(
        document.documentElement.lang ||
          document.body?.lang ||
          /** @type {HTMLMetaElement | null} */ (document.querySelector('meta[http-equiv="content-language" i]'))?.content?.split(',')[0],
        20,
      ) || null,
    text,
    alerts,
    forms,
    resend,
    codes,
    // For mergeFrames: is this frame big enough to be seen? A hidden or
    // 1x1 frame (silent token renewal, trackers) has no viewport to speak of.
    viewport: [innerWidth, innerHeight],
  };
}
