// @ts-check
// Joins the collector's answers from the frames of a tab (see
// scripting/collector.js, which runs in each frame): the top frame, plus the
// embedded frames that show a login widget. Free of browser APIs.

const FRAME_LIMITS = { frames: 8, text: 256 * 1024, alerts: 20, inputs: 100, forms: 50, codes: 50, resend: 10 };

// What the top frame shows, plus what embedded login widgets show: a child
// frame counts when it is at least 80x40 pixels and holds a form field, an
// alert, a resend button or an error code (an ad or a chat box that only
// holds text does not). `frames` is scripting.executeScript's answer,
// [{frameId, result}]; frame 0 is the top. Returns null without a top frame
// (browser error pages run no script).
/**
 * One frame's answer from the collector (the fields read here).
 * @typedef {{ viewport?: number[], text?: string, alerts?: string[], resend?: object[], codes?: object[],
 *   forms?: { inputs?: object[] }[], [key: string]: unknown }} FrameResult
 */

/**
 * @param {unknown} frames [{frameId, result}] as scripting.executeScript answers
 * @returns {Record<string, unknown> | null}
 */
export function mergeFrames(frames) {
  /** @type {{ frameId: number, result: FrameResult }[]} */
  const list = Array.isArray(frames) ? frames.filter((f) => f && f.result && typeof f.result === 'object') : [];
  const top = list.find((f) => f.frameId === 0)?.result;
  if (!top) return null;
  /** @param {FrameResult} r */
  const shown = (r) => Array.isArray(r.viewport) && r.viewport[0] >= 80 && r.viewport[1] >= 40;
  /** @param {FrameResult} r */
  const widget = (r) =>
    (r.alerts?.length ?? 0) > 0 ||
    (r.resend?.length ?? 0) > 0 ||
    (r.codes?.length ?? 0) > 0 ||
    !!r.forms?.some((f) => (f.inputs?.length ?? 0) > 0);
  const embedded = list
    .filter((f) => f.frameId !== 0 && shown(f.result) && widget(f.result))
    .slice(0, FRAME_LIMITS.frames)
    .map((f) => f.result);
  const { viewport: _, ...page } = top;
  if (!embedded.length) return page;
  const pool = [top, ...embedded];
  /**
   * @param {string} key
   * @param {number} cap
   * @returns {any[]}
   */
  const join = (key, cap) => pool.flatMap((r) => (Array.isArray(r[key]) ? r[key] : [])).slice(0, cap);
  let inputs = FRAME_LIMITS.inputs;
  const forms = [];
  for (const f of join('forms', FRAME_LIMITS.forms)) {
    const take = Array.isArray(f.inputs) ? f.inputs.slice(0, Math.max(0, inputs)) : [];
    inputs -= take.length;
    forms.push({ ...f, inputs: take });
  }
  return {
    ...page,
    text: pool
      .map((r) => String(r.text ?? ''))
      .filter((t) => t.trim())
      .join('\n')
      .slice(0, FRAME_LIMITS.text),
    alerts: [...new Set(join('alerts', Infinity))].slice(0, FRAME_LIMITS.alerts),
    forms,
    resend: join('resend', FRAME_LIMITS.resend),
    codes: join('codes', FRAME_LIMITS.codes),
  };
}
