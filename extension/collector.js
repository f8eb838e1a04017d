// The collector: injected into the tab when the user clicks, and run there as
// one self-contained function (it may not use anything outside its body).
//
// It reads what a person sees and what the markup says about errors. It
// never reads an input's value, a cookie or storage. All output is bounded.

export function collect() {
  const LIMITS = { text: 256 * 1024, item: 2048, alerts: 20, inputs: 100, codes: 50, resend: 10 };
  const clip = (s, n) => String(s ?? '').replace(/\s+/g, ' ').trim().slice(0, n);
  const visible = (el) => {
    if (!(el instanceof Element)) return false;
    const st = getComputedStyle(el);
    if (st.display === 'none' || st.visibility === 'hidden') return false;
    return el.getClientRects().length > 0 || st.position === 'fixed';
  };

  const body = document.body;
  const text = body ? String(body.innerText ?? body.textContent ?? '').slice(0, LIMITS.text) : '';

  const alertSel = [
    '[role=alert]', '[aria-live=assertive]', '[aria-live=polite]', '.error', '.errors', '.alert', '.alert-danger',
    '.alert-error', '.invalid-feedback', '.error-message', '.errorlist', '.form-error', '.kc-feedback-text',
    '[class*="error" i]', '[class*="alert" i]', '[data-error]', '[id*="error" i]',
  ].join(',');
  const alerts = [];
  for (const el of document.querySelectorAll(alertSel)) {
    if (alerts.length >= LIMITS.alerts) break;
    if (!visible(el) || el.closest('script,style,noscript,template')) continue;
    const t = clip(el.innerText ?? el.textContent, LIMITS.item);
    if (t && !alerts.includes(t) && !alerts.some((a) => a.includes(t))) alerts.push(t);
  }

  const labelOf = (input) => {
    const byFor = input.id ? document.querySelector(`label[for="${CSS.escape(input.id)}"]`) : null;
    return clip((byFor ?? input.closest('label'))?.innerText ?? input.getAttribute('aria-label') ?? input.placeholder ?? '', 120);
  };
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
  for (const f of document.forms) {
    const inputs = [];
    for (const i of f.querySelectorAll('input, textarea')) {
      if (budget-- <= 0) break;
      if (i.type === 'hidden') continue;
      inputs.push(describe(i));
    }
    forms.push({ action: clip(f.getAttribute('action') ?? '', 300), method: clip(f.method, 10), inputs });
    if (budget <= 0) break;
  }
  const loose = [...document.querySelectorAll('input:not(form input)')].filter((i) => i.type !== 'hidden').slice(0, 20);
  if (loose.length) forms.push({ inputs: loose.map(describe) });

  const resend = [];
  const resendRe = /(re-?send|send (a )?(new|another) code|send again|get a new code|didn.t (get|receive)|request (a )?new code)/i;
  for (const el of document.querySelectorAll('button, a, [role=button], input[type=submit], input[type=button]')) {
    if (resend.length >= LIMITS.resend) break;
    const t = clip(el.innerText || el.value || el.textContent, 200);
    if (!resendRe.test(t)) continue;
    const m = t.match(/(\d{1,2}):(\d{2})/) ?? null;
    const s = t.match(/(\d{1,4})\s*(s|sec|secs|seconds)\b/i);
    const countdown = m ? Number(m[1]) * 60 + Number(m[2]) : s ? Number(s[1]) : null;
    resend.push({
      text: t,
      disabled: !!(el.disabled || el.getAttribute('aria-disabled') === 'true'),
      ...(countdown !== null ? { countdown_s: countdown } : {}),
    });
  }

  const codes = [];
  const attrs = ['data-error-code', 'data-errorcode', 'data-error', 'data-code', 'data-testid'];
  for (const el of document.querySelectorAll(attrs.map((a) => `[${a}]`).join(','))) {
    for (const a of attrs) {
      const v = el.getAttribute(a);
      if (!v || codes.length >= LIMITS.codes) continue;
      if (a === 'data-testid' && !v.startsWith('ui/message/')) continue;
      codes.push({ source: a, value: clip(v, 200) });
    }
  }

  const nav = performance.getEntriesByType('navigation')[0];
  return {
    url: location.href,
    status: nav && nav.responseStatus ? nav.responseStatus : null,
    title: clip(document.title, 300),
    lang: clip(document.documentElement.lang, 20) || null,
    text,
    alerts,
    forms,
    resend,
    codes,
  };
}
