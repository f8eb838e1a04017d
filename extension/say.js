// @ts-check
// Renders the core's messages (answer.said: {key, args}) with the message
// data of a language (core/data/messages/<lang>.json), as the core renders
// English (src/say.rs): `{name}` takes an argument; durations take their
// plural form from Intl.PluralRules and numbers are written with
// Intl.NumberFormat of that language. A key or unit the language lacks falls
// back to English. No browser extension API here.

/**
 * A language's message data (core/data/messages/<lang>.json, the fields read here).
 * @typedef {{ lang?: string, messages?: Record<string, string>,
 *   units?: Record<string, Record<string, string>>, join?: string, sep?: string }} MessageData
 */

/**
 * A message of the core: a key and its arguments (src/say.rs).
 * @typedef {{ key: string, args?: Record<string, Arg> }} Msg
 */

/**
 * One argument: text as it is, a nested message, a number, a duration, or a list of messages.
 * @typedef {{ text: unknown } | { msg: Msg } | { num: number } | { dur: { unit: string, n: number } } | { list: Msg[] }} Arg
 */

/**
 * The messages file stem for a UI locale ("pt_BR" → "pt-br", "zh_CN" → "zh-hans", "de_AT" → "de").
 * @param {string | null | undefined} locale
 * @param {string[]} [available] the core data's file names; a stem without a file there is "en"
 */
export function messagesStem(locale, available = []) {
  const tag = String(locale ?? '').toLowerCase().replace(/_/g, '-');
  const [lang, ...rest] = tag.split('-');
  let stem = lang;
  if (lang === 'zh') stem = rest.some((p) => ['hant', 'tw', 'hk', 'mo'].includes(p)) ? 'zh-hant' : 'zh-hans';
  if (lang === 'pt') stem = rest.includes('pt') ? 'pt-pt' : 'pt-br';
  return available.length && !available.includes(`messages/${stem}.json`) ? 'en' : stem;
}

/**
 * The BCP 47 tag of a messages file ("pt-br" → "pt-BR", "zh-hans" → "zh-Hans").
 * @param {string} stem
 */
export function langTag(stem) {
  const [l, r] = String(stem).split('-');
  if (!r) return l;
  return `${l}-${r.length === 2 ? r.toUpperCase() : r[0].toUpperCase() + r.slice(1)}`;
}

export class Say {
  /**
   * `cat` the language's message data, `en` English (the fallback).
   * @param {MessageData | null | undefined} cat
   * @param {MessageData | null | undefined} en
   */
  constructor(cat, en) {
    this.cat = cat ?? en;
    this.en = en;
    this.lang = this.cat?.lang ?? 'en';
    this.plural = new Intl.PluralRules(this.lang);
    this.number = new Intl.NumberFormat(this.lang);
  }

  /** @param {string} key */
  template(key) {
    return this.cat?.messages?.[key] ?? this.en?.messages?.[key] ?? key;
  }

  /**
   * `n` `unit`s ("second", "minute", "hour") in this language's plural form.
   * @param {string} unit
   * @param {number} n
   */
  count(unit, n) {
    /** @type {Record<string, string>} */
    const forms = this.cat?.units?.[unit] ?? this.en?.units?.[unit] ?? {};
    const form = forms[this.plural.select(n)] ?? forms.other ?? '{n}';
    return form.replace('{n}', this.number.format(n));
  }

  /**
   * A span of seconds as hours and minutes, or minutes and seconds ("4 minutes 5 seconds").
   * @param {number} totalSeconds
   */
  duration(totalSeconds) {
    const s = Math.max(0, Math.round(totalSeconds));
    const h = Math.floor(s / 3600);
    const m = Math.floor((s % 3600) / 60);
    const sec = s % 60;
    const join = this.cat?.join ?? ' ';
    if (h) return [this.count('hour', h), m ? this.count('minute', m) : ''].filter(Boolean).join(join);
    if (m) return [this.count('minute', m), sec ? this.count('second', sec) : ''].filter(Boolean).join(join);
    return this.count('second', sec);
  }

  /**
   * A message of the core (`{key, args}`) as text.
   * @param {Msg | null | undefined} msg
   * @returns {string}
   */
  render(msg) {
    if (!msg || typeof msg.key !== 'string') return '';
    const args = msg.args ?? {};
    return this.template(msg.key).replace(/\{([a-z_]+)\}/g, (whole, name) => (name in args ? this.arg(args[name]) : whole));
  }

  /**
   * @param {Arg} a
   * @returns {string}
   */
  arg(a) {
    if ('text' in a) return String(a.text);
    if ('msg' in a) return this.render(a.msg);
    if ('num' in a) return this.number.format(a.num);
    if ('dur' in a) return this.count(a.dur.unit, a.dur.n);
    if ('list' in a) return a.list.map((m) => this.render(m)).join(this.cat?.sep ?? this.en?.sep ?? '; ');
    return '';
  }
}
