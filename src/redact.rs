//! Redaction by allow-list. These functions decide what of an observed string
//! may be *shown*: they build a new string from the parts that are known to be
//! safe and put a typed placeholder everywhere else. They never try to find
//! secrets in text and cut them out afterwards.
//!
//! Known safe ([`crate::vocab`]): words of the common-word vocabularies and
//! of the lexicons, catalog codes and product-code shapes, route words in
//! paths, standard parameter names, hosts. Everything else becomes a
//! placeholder that keeps its kind and length: `<token:9>` (letters and
//! digits, or joined words), `<digits:6>`, `<word:5>` (a word in no
//! vocabulary), `<words:23>` (a run of content words: a passphrase),
//! `<name>` (a run of capitalised words: a person), `<email>`, `<id:7>` (a
//! cookie or parameter name), `<chars:12>` (a URL value).

use crate::shapes::is_token_like;
use crate::vocab;
use crate::web::{parse_url, percent_decode, Origin};

/// Query or fragment parameters whose value may be shown, after the rules of
/// [`shown_value`].
pub const SHOWN_PARAMS: &[&str] = &[
    "error",
    "error_code",
    "error_description",
    "error_uri",
    "error_subcode",
    "lang",
    "locale",
    "ui_locales",
    "kc_locale",
    "hl",
    "response_type",
    "response_mode",
    "prompt",
    "scope",
    "code_challenge_method",
    "display",
    "grant_type",
];

/// The kind of a value that is not shown, for its placeholder.
fn kind(s: &str) -> &'static str {
    let digits = s.chars().filter(char::is_ascii_digit).count();
    if s.contains('@') {
        "email"
    } else if digits > 0
        && s.chars()
            .all(|c| c.is_ascii_digit() || " -.()+/:".contains(c))
    {
        "digits"
    } else if !s.is_empty() && s.chars().all(char::is_alphabetic) {
        "word"
    } else {
        "token"
    }
}

/// A typed placeholder for a value that is not shown.
pub fn placeholder(s: &str) -> String {
    match kind(s) {
        "email" => mask("email", s, None),
        "digits" => mask(
            "digits",
            s,
            Some(s.chars().filter(char::is_ascii_digit).count()),
        ),
        k => mask(k, s, Some(s.chars().count())),
    }
}

/// The numbers of one report's placeholders: per kind, the values in the
/// order they were first masked.
/// (A list: a report masks tens of values, not thousands.)
#[derive(Default)]
struct Numbers {
    seen: Vec<(&'static str, String, usize)>,
}

thread_local! {
    /// Set while [`numbered`] runs; empty otherwise.
    static NUMBERS: std::cell::RefCell<Option<Numbers>> = const { std::cell::RefCell::new(None) };
}

/// Run `f` with numbered placeholders: within it, the same value masked
/// twice (in any field: page URL, excerpt, trail, evidence) gets the same
/// numbered placeholder, different values different numbers
/// (`<token-1:9>`, `<token-2:9>`, `<email-1>`), so equality stays visible
/// in a report without the values. The numbers live only while `f` runs
/// (one report) and are never written anywhere but in the placeholders; a
/// call inside a running one shares its numbers.
pub fn numbered<T>(f: impl FnOnce() -> T) -> T {
    let outer = NUMBERS.with(|n| n.borrow().is_some());
    if !outer {
        NUMBERS.with(|n| *n.borrow_mut() = Some(Numbers::default()));
    }
    let out = f();
    if !outer {
        NUMBERS.with(|n| *n.borrow_mut() = None);
    }
    out
}

/// The placeholder of kind `kind` for `value`, with its length when given:
/// `<token:9>`, or `<token-1:9>` inside [`numbered`]. Values are compared
/// in the form the kind keeps: digits alone for numbers (`482 913` is
/// `482913`), lower case for words, names, e-mails and passphrases.
fn mask(kind: &'static str, value: &str, len: Option<usize>) -> String {
    let key = match kind {
        "digits" => value.chars().filter(char::is_ascii_digit).collect(),
        "email" | "name" | "words" | "word" => vocab::norm(value),
        _ => value.to_owned(),
    };
    let number = NUMBERS.with(|n| {
        n.borrow_mut().as_mut().map(|m| {
            if let Some((_, _, k)) = m.seen.iter().find(|(k, v, _)| *k == kind && *v == key) {
                return *k;
            }
            let k = m.seen.iter().filter(|(k, _, _)| *k == kind).count() + 1;
            m.seen.push((kind, key, k));
            k
        })
    });
    match (number, len) {
        (Some(k), Some(l)) => format!("<{kind}-{k}:{l}>"),
        (Some(k), None) => format!("<{kind}-{k}>"),
        (None, Some(l)) => format!("<{kind}:{l}>"),
        (None, None) => format!("<{kind}>"),
    }
}

/// Split an identifier into its words: at `-_.~` and where lower case turns
/// to upper case (`appSession` → `app`, `Session`).
fn id_parts(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for piece in s.split(['-', '_', '.', '~']) {
        let mut start = 0;
        let mut prev_lower = false;
        for (i, c) in piece.char_indices() {
            if c.is_uppercase() && prev_lower {
                out.push(piece.get(start..i).unwrap_or(""));
                start = i;
            }
            prev_lower = c.is_lowercase() || c.is_ascii_digit();
        }
        out.push(piece.get(start..).unwrap_or(""));
    }
    out
}

/// An identifier made only of route words (`login-actions`, `oauth2`,
/// `KEYCLOAK_SESSION`, `appSession`) and at most one group of at most two
/// digits (`v2`, `2`).
fn is_route_id(s: &str) -> bool {
    let n = s.chars().count();
    n > 0
        && n <= 64
        && s.bytes().filter(u8::is_ascii_digit).count() <= 2
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '~'))
        && id_parts(s).iter().all(|p| {
            p.is_empty()
                || vocab::is_route_word(p)
                || (p.len() <= 2 && p.bytes().all(|b| b.is_ascii_digit()))
        })
}

/// A path segment may be shown when it is made of route words.
fn segment_is_word_like(seg: &str) -> bool {
    is_route_id(seg)
}

/// Redact a URL for display: scheme, host and port stay; user info goes;
/// path segments stay when made of route words; every query and fragment
/// parameter keeps its name when that is a standard name, and only
/// [`SHOWN_PARAMS`] keep a value, after [`shown_value`].
pub fn url(raw: &str) -> String {
    let Some(u) = parse_url(raw) else {
        return mask("url", raw, Some(raw.chars().count()));
    };
    let mut out = String::new();
    out.push_str(u.scheme());
    out.push(':');
    if let Some(host) = u.host_str() {
        out.push_str("//");
        if !u.username().is_empty() || u.password().is_some() {
            out.push_str("<userinfo>@");
        }
        out.push_str(&self::host(host));
        if let Some(p) = u.port() {
            out.push(':');
            out.push_str(&p.to_string());
        }
    }
    if u.cannot_be_a_base() {
        out.push_str(&mask("chars", u.path(), Some(u.path().chars().count())));
    } else {
        out.push_str(&path(u.path()));
    }
    if let Some(q) = u.query() {
        out.push('?');
        out.push_str(&params(q));
    }
    if let Some(f) = u.fragment() {
        out.push('#');
        out.push_str(&fragment(f));
    }
    out
}

/// A fragment: parameters, a client-side route (`#/login`), a route word,
/// or a placeholder.
fn fragment(f: &str) -> String {
    if f.contains('=') {
        return params(f);
    }
    if let Some(route) = f.strip_prefix("!/").or_else(|| f.strip_prefix('/')) {
        let lead = f.get(..f.len() - route.len()).unwrap_or("");
        return format!("{lead}{}", path(route));
    }
    let decoded = percent_decode(f);
    if f.is_empty() || segment_is_word_like(&decoded) {
        f.to_owned()
    } else if is_mask(&decoded) {
        decoded
    } else {
        placeholder(&decoded)
    }
}

/// Hosts are shown, except labels that look like tokens (tenant keys in
/// hosts, such as Okta's `dev-12345678`), which become `masked-N-chars`: a
/// label that is still a valid host name, so a redacted URL still parses
/// (the classifier reads the recorder's redacted trail, and reports redact
/// it again).
pub fn host(host: &str) -> String {
    host.split('.')
        .map(|l| {
            if is_host_mask(l) || !is_token_like(l) {
                l.to_owned()
            } else {
                format!("masked-{}-chars", l.chars().count())
            }
        })
        .collect::<Vec<_>>()
        .join(".")
}

/// How an origin is shown: `scheme://host`, with the port when it is not
/// the scheme's default, and the host after [`host`]. ([`Origin`] is the
/// web's noun; showing it is the redactor's business, so this lives here.)
impl Origin {
    pub fn show(&self) -> String {
        let default = matches!(
            (self.scheme.as_str(), self.port),
            ("https", 443) | ("http", 80)
        );
        let host = host(&self.host);
        if default {
            format!("{}://{host}", self.scheme)
        } else {
            format!("{}://{host}:{}", self.scheme, self.port)
        }
    }
}

/// A cookie's `Domain` attribute for display. A Domain is evidence only in
/// relation to the hosts the tab went to, and it is text the server chose:
/// it is shown when it domain-matches one of `known` (the page's host, the
/// hosts of the trail, the published hosts: it is then that host or a
/// parent domain of it, public suffixes included: `co.uk` from
/// `a.co.uk`); any other Domain becomes
/// `<host:N>`, and its relation to the request's host is said in words by
/// the evidence ([`crate::signals::setcookie::domain_relation`]).
pub fn cookie_domain(d: &str, known: &[&str]) -> String {
    let d = d.trim_start_matches('.');
    if is_mask(d) {
        return d.to_owned();
    }
    let lower = d.to_ascii_lowercase();
    let host_shaped = !lower.is_empty()
        && lower
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.');
    if host_shaped && known.iter().any(|h| crate::web::domain_match(h, &lower)) {
        host(&lower)
    } else {
        mask("host", &lower, Some(lower.chars().count()))
    }
}

fn is_host_mask(label: &str) -> bool {
    label
        .strip_prefix("masked-")
        .and_then(|r| r.strip_suffix("-chars"))
        .is_some_and(is_count)
}

/// The count in a mask: 1 to 9 digits.
fn is_count(n: &str) -> bool {
    (1..=9).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit())
}

/// A placeholder this module wrote (`<token:9>`, `<email>`), or one of the
/// report version 1 forms (`<11 chars>`, `<name 5 chars>`, `<6 digits>`,
/// `<token 40 chars>`). URLs are redacted twice on their way into a report
/// (by the recorder, then by the report), and a placeholder masked again
/// would report its own length instead of the value's. A placeholder holds
/// no secret, so it stays as it is.
pub fn is_mask(s: &str) -> bool {
    let Some(inner) = s.strip_prefix('<').and_then(|r| r.strip_suffix('>')) else {
        return false;
    };
    if matches!(inner, "email" | "name" | "userinfo") {
        return true;
    }
    // Numbered forms ([`numbered`]): `<email-2>`, `<token-1:9>`.
    if numbered_kind(inner).is_some_and(|k| matches!(k, "email" | "name")) {
        return true;
    }
    if let Some((k, n)) = inner.split_once(':') {
        let k = numbered_kind(k).unwrap_or(k);
        return matches!(
            k,
            "token" | "digits" | "word" | "words" | "id" | "chars" | "url" | "host"
        ) && is_count(n);
    }
    // Report version 1.
    let inner = inner
        .strip_prefix("name ")
        .or_else(|| inner.strip_prefix("token "))
        .unwrap_or(inner);
    let Some((n, unit)) = inner.split_once(' ') else {
        return false;
    };
    is_count(n) && (unit == "chars" || unit == "digits")
}

/// Whether a masked excerpt shows nothing but placeholders and punctuation
/// ("<token:22>", "(<digits:6>)."): it tells a reader nothing.
pub fn only_masks(excerpt: &str) -> bool {
    excerpt
        .split_whitespace()
        .map(|w| w.trim_matches(|c| keep_punct(c) && c != '<' && c != '>'))
        .filter(|w| !w.is_empty())
        .all(is_mask)
}

/// The kind of a numbered placeholder's head (`token-1` → `token`).
fn numbered_kind(k: &str) -> Option<&str> {
    k.split_once('-')
        .filter(|(_, num)| is_count(num))
        .map(|(k, _)| k)
}

/// Redact a URL path segment by segment.
pub fn path(p: &str) -> String {
    p.split('/')
        .map(|seg| {
            let decoded = percent_decode(seg);
            if is_mask(&decoded) {
                decoded
            } else if seg.is_empty() || segment_is_word_like(&decoded) {
                seg.to_owned()
            } else {
                placeholder(&decoded)
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// A parameter name: a standard name, or one made of route words.
fn param_name(name: &str) -> bool {
    vocab::is_param_name(name)
        || is_route_id(name)
        || (name.len() <= 2 && name.bytes().all(|b| b.is_ascii_lowercase()))
}

fn params(q: &str) -> String {
    q.split('&')
        .filter(|kv| !kv.is_empty())
        .map(|kv| {
            let (k, v) = kv.split_once('=').unwrap_or((kv, ""));
            let name = percent_decode(k);
            let name_shown = if is_mask(&name) {
                name.clone()
            } else if param_name(&name) {
                k.to_owned()
            } else {
                mask("id", &name, Some(name.chars().count()))
            };
            let value = percent_decode(&v.replace('+', " "));
            if value.is_empty() || is_mask(&value) {
                return format!("{name_shown}={value}");
            }
            let lower = name.to_ascii_lowercase();
            if SHOWN_PARAMS.contains(&lower.as_str()) {
                format!(
                    "{name_shown}={}",
                    encode_shown(&shown_value(&lower, &value))
                )
            } else {
                format!("{name_shown}={}", placeholder(&value))
            }
        })
        .collect::<Vec<_>>()
        .join("&")
}

/// The value of a shown parameter: an error code only when it is a safe
/// code ([`crate::codes::is_safe_code`]); a description as an excerpt; an
/// error URI redacted as a URL; a locale only when it has a locale's shape.
pub fn shown_value(name: &str, value: &str) -> String {
    match name {
        "error" | "error_code" | "error_subcode" => {
            if crate::codes::is_safe_code(value) {
                value.to_owned()
            } else {
                placeholder(value)
            }
        }
        "error_description" => excerpt(value, 200),
        "error_uri" => {
            if parse_url(value).is_some() {
                url(value)
            } else {
                placeholder(value)
            }
        }
        "response_type"
        | "response_mode"
        | "prompt"
        | "scope"
        | "code_challenge_method"
        | "display"
        | "grant_type" => {
            if value
                .split([' ', ','])
                .all(|w| !w.is_empty() && is_route_id(w))
            {
                value.to_owned()
            } else {
                placeholder(value)
            }
        }
        _ if is_locale(value) => value.to_owned(),
        _ => placeholder(value),
    }
}

/// `en`, `de-DE`, `zh-Hant-TW`, `pt_BR`, or a list of them.
fn is_locale(v: &str) -> bool {
    v.split([' ', ',']).filter(|t| !t.is_empty()).all(|tag| {
        let mut parts = tag.split(['-', '_']);
        let lang = parts.next().unwrap_or("");
        (2..=3).contains(&lang.len())
            && lang.bytes().all(|b| b.is_ascii_lowercase())
            && parts.all(|p| {
                (p.len() == 2 && p.bytes().all(|b| b.is_ascii_uppercase()))
                    || (p.len() == 4
                        && p.starts_with(|c: char| c.is_ascii_uppercase())
                        && p.bytes().skip(1).all(|b| b.is_ascii_lowercase()))
                    || (p.len() == 3 && p.bytes().all(|b| b.is_ascii_digit()))
            })
    }) && !v.trim().is_empty()
        && v.len() <= 40
}

/// Minimal re-encoding of a shown value so the URL stays one token.
fn encode_shown(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            ' ' => o.push('+'),
            '&' => o.push_str("%26"),
            '#' => o.push_str("%23"),
            '=' => o.push_str("%3D"),
            '+' => o.push_str("%2B"),
            c if c.is_control() => {}
            c => o.push(c),
        }
    }
    o
}

/// Punctuation kept around a word: ASCII punctuation and the common
/// typographic marks. Anything else beside a word (format characters such
/// as U+202E, symbols) is dropped.
fn keep_punct(c: char) -> bool {
    c.is_ascii_punctuation()
        || "„“”‘’«»…–—¿¡·。、「」『』【】〈〉《》・〜～！？：；（），．".contains(c)
}

/// What one word of page text became.
#[derive(Clone, Copy, PartialEq)]
enum Class {
    /// Punctuation only, or a placeholder.
    Other,
    /// Digits with separators; the number of digits.
    Number(usize),
    /// A vocabulary word: `content` when it is not a function, lexicon or
    /// code word; `title` when written Titlecase.
    Word { content: bool, title: bool },
    /// Replaced.
    Masked,
    /// A word in no vocabulary, replaced: `title` when written Titlecase
    /// (it may be part of a name whose other words are known).
    Unknown { title: bool },
}

struct Piece {
    pre: String,
    body: String,
    post: String,
    class: Class,
    /// The word's letters, lower case (for the run rules).
    lower: String,
    /// Written without a space before it (a piece of a CJK word).
    glue: bool,
}

fn split_word(word: &str) -> (&str, &str, &str) {
    let start = word
        .char_indices()
        .find(|(_, c)| c.is_alphanumeric())
        .map(|(i, _)| i);
    let Some(start) = start else {
        return (word, "", "");
    };
    let end = word
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_alphanumeric())
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(word.len());
    (
        word.get(..start).unwrap_or(""),
        word.get(start..end).unwrap_or(""),
        word.get(end..).unwrap_or(""),
    )
}

/// A host name in text (`nanami.example.org`): labels and a known top-level
/// domain. Masked as `<host:N>` (see the caller).
fn text_host(s: &str) -> bool {
    const TLDS: &[&str] = &[
        "com",
        "org",
        "net",
        "io",
        "dev",
        "app",
        "de",
        "uk",
        "eu",
        "fr",
        "jp",
        "example",
        "test",
        "localhost",
        "cloud",
        "info",
        "biz",
        "us",
        "ca",
        "au",
        "ch",
        "at",
        "nl",
    ];
    let Some((rest, tld)) = s.rsplit_once('.') else {
        return false;
    };
    TLDS.contains(&tld.to_ascii_lowercase().as_str())
        && rest.contains('.')
        && s.split('.')
            .all(|l| !l.is_empty() && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))
        || (TLDS.contains(&tld) && rest.split('.').all(vocab::is_route_word))
}

/// A placeholder with punctuation around it (`(<digits:6>).`, `<<token:5>>`).
fn holds_mask(word: &str) -> bool {
    if !word.contains('<') || word.len() > 64 {
        return false;
    }
    word.char_indices()
        .filter(|(_, c)| *c == '<')
        .any(|(i, _)| {
            word.get(i..).is_some_and(|rest| {
                rest.char_indices()
                    .filter(|(_, c)| *c == '>')
                    .any(|(j, _)| {
                        let (m, after) = (
                            rest.get(..=j).unwrap_or(""),
                            rest.get(j + 1..).unwrap_or(""),
                        );
                        is_mask(m)
                            && !word
                                .get(..i)
                                .unwrap_or("")
                                .chars()
                                .any(char::is_alphanumeric)
                            && !after.chars().any(char::is_alphanumeric)
                    })
            })
        })
}

fn classify_word(word: &str) -> Piece {
    if holds_mask(word) {
        return Piece {
            pre: String::new(),
            body: word.to_owned(),
            post: String::new(),
            class: Class::Other,
            lower: String::new(),
            glue: false,
        };
    }
    let (pre, core, post) = split_word(word);
    let pre: String = pre.chars().filter(|c| keep_punct(*c)).collect();
    let post: String = post.chars().filter(|c| keep_punct(*c)).collect();
    let piece = |body: String, class: Class| Piece {
        pre: pre.clone(),
        body,
        post: post.clone(),
        class,
        lower: vocab::norm(core),
        glue: false,
    };
    if core.is_empty() {
        return piece(String::new(), Class::Other);
    }
    if core.contains("://") {
        return piece(url(core), Class::Other);
    }
    if core.contains('@') {
        return piece(mask("email", core, None), Class::Masked);
    }
    if crate::codes::is_safe_code(core) && !core.bytes().all(|b| b.is_ascii_digit()) {
        return piece(core.to_owned(), Class::Other);
    }
    let digits = core.chars().filter(char::is_ascii_digit).count();
    if core
        .chars()
        .all(|c| c.is_ascii_digit() || "-./:()+,".contains(c))
    {
        let body = if digits <= 3 {
            core.to_owned()
        } else {
            mask("digits", core, Some(digits))
        };
        return piece(body, Class::Number(digits));
    }
    let parts: Vec<&str> = core.split(|c: char| !c.is_alphanumeric()).collect();
    if parts.len() == 1 {
        let mut chars = core.chars();
        let title = chars.next().is_some_and(char::is_uppercase) && chars.all(char::is_lowercase);
        if vocab::is_common(core) {
            let content = digits == 0 && !vocab::is_structural(core);
            return piece(core.to_owned(), Class::Word { content, title });
        }
        return piece(placeholder(core), Class::Unknown { title });
    }
    // Words joined by an apostrophe: "don't", "user's".
    let joiners: String = core.chars().filter(|c| !c.is_alphanumeric()).collect();
    if joiners.chars().all(|c| c == '\'' || c == '’')
        && parts.iter().enumerate().all(|(i, p)| {
            vocab::is_common(p) || (i > 0 && ["s", "t", "re", "ve", "ll", "d", "m"].contains(p))
        })
    {
        return piece(
            core.to_owned(),
            Class::Word {
                content: false,
                title: false,
            },
        );
    }
    // Joined words are judged as a whole: `sign-in` and `two-factor` are
    // lexicon words, `correct-horse-battery-staple` and `alice_smith` are not.
    let singles = parts.iter().filter(|p| p.chars().count() == 1).count();
    // A host name written in free text is not shown: its shape cannot tell a
    // host from words joined by dots (`glacier.quartz.cloud`, a passphrase
    // the canary test found). Hosts appear where they are known to be hosts:
    // URLs, cookie domains, clock findings.
    if text_host(core) {
        return piece(
            mask("host", core, Some(core.chars().count())),
            Class::Masked,
        );
    }
    // Two words joined by a hyphen, one a function word: `demandez-en`,
    // `vous-même` (no passphrase: that needs content words).
    let function_pair = parts.len() == 2
        && joiners == "-"
        && parts.iter().all(|p| vocab::is_common(p))
        && parts.iter().any(|p| vocab::is_function(p));
    if vocab::is_common(core)
        || function_pair
        || (singles <= 1
            && parts
                .iter()
                .all(|p| !p.is_empty() && vocab::is_route_word(p)))
    {
        return piece(
            core.to_owned(),
            Class::Word {
                content: false,
                title: false,
            },
        );
    }
    piece(
        mask("token", core, Some(core.chars().count())),
        Class::Masked,
    )
}

/// The run rules: what single words cannot show.
///
/// - digits split by spaces (`482 913`, `4 8 2 9 1 3`, `+49 30 1234567`)
///   are one number: four digits or more become `<digits:N>`;
/// - an e-mail address written out (`alice (at) example (dot) org`,
///   `alice at example dot org`) becomes `<email>`;
/// - two or more Titlecase words in a row (unknown ones included), one of
///   them in no lexicon, or two of which the first is only a function word
///   and the second no Titlecase noun, are a name: `<name>`;
/// - three or more content words in a row (no function, lexicon or code
///   word, no punctuation between) are a passphrase: `<words:N>`.
fn apply_runs(ps: &mut Vec<Piece>) {
    // Numbers.
    let mut i = 0;
    while i < ps.len() {
        let mut j = i;
        let mut total = 0;
        while let Some(Class::Number(d)) = ps.get(j).map(|p| p.class) {
            total += d;
            j += 1;
            if !ps
                .get(j - 1)
                .is_some_and(|p| p.post.is_empty() || p.post == ")")
            {
                break;
            }
        }
        if j - i >= 2 && total >= 4 {
            let raw = joined(ps, i, j);
            merge(ps, i, j, mask("digits", &raw, Some(total)));
        }
        i += 1;
    }
    // Written-out e-mail addresses.
    let mut i = 1;
    while i + 1 < ps.len() {
        let at = ps.get(i).is_some_and(|p| {
            p.lower == "at" && (p.pre.contains(['(', '[', '{']) || p.post.contains([')', ']', '}']))
        });
        let spelled = ps.get(i).is_some_and(|p| p.lower == "at")
            && ps.get(i + 2).is_some_and(|p| p.lower == "dot");
        if at || spelled {
            let mut end = i + 2;
            while ps.get(end).is_some_and(|p| p.lower == "dot") && end + 1 < ps.len() {
                end += 2;
            }
            let raw = joined(ps, i - 1, end.min(ps.len()));
            merge(ps, i - 1, end.min(ps.len()), mask("email", &raw, None));
        }
        i += 1;
    }
    // Names and passphrases.
    let mut i = 0;
    while i < ps.len() {
        let title_run = run_len(ps, i, |p| {
            matches!(
                p.class,
                Class::Word { title: true, .. } | Class::Unknown { title: true }
            )
        });
        // A run is a name when one of its words is in no lexicon, or when it
        // is two words of which the first is only a function word and the
        // second no Titlecase noun: `Will Long` (an auxiliary, then a lexicon
        // word), not `Der Code`. A longer headline (`We Sent A Code To Your
        // Phone`) is no name.
        if title_run >= 2
            && ps.get(i..i + title_run).is_some_and(|r| {
                r.iter().any(|p| {
                    !vocab::is_lexicon(&p.lower)
                        && !vocab::is_function(&p.lower)
                        && !vocab::is_noun(&p.lower)
                }) || (r.len() == 2
                    && r.first()
                        .is_some_and(|p| !vocab::is_lexicon(&p.lower) && !vocab::is_noun(&p.lower))
                    && r.get(1).is_some_and(|p| !vocab::is_noun(&p.lower)))
            })
        {
            let raw = joined(ps, i, i + title_run);
            merge(ps, i, i + title_run, mask("name", &raw, None));
            i += 1;
            continue;
        }
        let content_run = run_len(ps, i, |p| {
            matches!(p.class, Class::Word { content: true, .. })
        });
        if content_run >= 3 {
            let n = ps
                .get(i..i + content_run)
                .map(|r| r.iter().map(|p| p.lower.chars().count() + 1).sum::<usize>() - 1)
                .unwrap_or(0);
            let raw = joined(ps, i, i + content_run);
            merge(ps, i, i + content_run, mask("words", &raw, Some(n)));
        }
        i += 1;
    }
}

/// The words of pieces `i..j` (lower case), for a placeholder's number.
fn joined(ps: &[Piece], i: usize, j: usize) -> String {
    ps.get(i..j)
        .unwrap_or(&[])
        .iter()
        .map(|p| p.lower.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// How many pieces from `i` on satisfy `f`, with no punctuation between them.
fn run_len(ps: &[Piece], i: usize, f: impl Fn(&Piece) -> bool) -> usize {
    let mut n = 0;
    while let Some(p) = ps.get(i + n) {
        if !f(p) || (n > 0 && !p.pre.is_empty()) {
            break;
        }
        n += 1;
        if !p.post.is_empty() {
            break;
        }
    }
    n
}

/// Replace pieces `i..j` by one placeholder, keeping the punctuation
/// before the first and after the last.
fn merge(ps: &mut Vec<Piece>, i: usize, j: usize, body: String) {
    if j <= i || j > ps.len() {
        return;
    }
    let pre = ps.get(i).map(|p| p.pre.clone()).unwrap_or_default();
    let post = ps.get(j - 1).map(|p| p.post.clone()).unwrap_or_default();
    ps.splice(
        i..j,
        [Piece {
            pre,
            body,
            post,
            class: Class::Masked,
            lower: String::new(),
            glue: ps.get(i).is_some_and(|p| p.glue),
        }],
    );
}

/// The pieces of a word written with CJK characters (Han, kana, Hangul),
/// which has no spaces between its words (or carries its particles): runs
/// of CJK characters show their known words ([`vocab::cjk_known`]) and a
/// `<word:N>` for each run of unknown characters; the other runs (digits,
/// Latin letters, punctuation) are words of their own, written without a
/// space, so the run rules see them (`コードは482 913です` is one number).
fn cjk_pieces(word: &str, out: &mut Vec<Piece>) {
    // `・` (katakana middle dot) is punctuation, though in the kana block.
    let cjk = |c: char| crate::text::is_cjk(c) && c != '・';
    let mut first = true;
    let mut rest = word;
    while let Some(c0) = rest.chars().next() {
        let is_c = cjk(c0);
        let end = rest
            .char_indices()
            .find(|(_, c)| cjk(*c) != is_c)
            .map_or(rest.len(), |(i, _)| i);
        let (run, tail) = rest.split_at(end);
        let mut piece = if is_c {
            let mut body = String::new();
            let mut unknown = String::new();
            for (w, known) in vocab::cjk_known(run) {
                if known {
                    if !unknown.is_empty() {
                        let n = unknown.chars().count();
                        body.push_str(&mask("word", &std::mem::take(&mut unknown), Some(n)));
                    }
                    body.push_str(&w);
                } else {
                    unknown.push_str(&w);
                }
            }
            if !unknown.is_empty() {
                let n = unknown.chars().count();
                body.push_str(&mask("word", &unknown, Some(n)));
            }
            Piece {
                pre: String::new(),
                body,
                post: String::new(),
                class: Class::Other,
                lower: String::new(),
                glue: false,
            }
        } else {
            classify_word(run)
        };
        piece.glue = !first;
        first = false;
        out.push(piece);
        rest = tail;
    }
}

/// A short excerpt of page text for display: at most `max` characters (and
/// `…` where it was cut; a first word longer than `max` becomes a
/// placeholder), made of what the allow-list knows: vocabulary and lexicon
/// words, safe codes, hosts and redacted URLs, small numbers and
/// punctuation. Every other word, and every run of words that only together
/// is personal (see [`apply_runs`]), becomes a typed placeholder.
///
/// An excerpt of an excerpt is the excerpt itself: placeholders stay as
/// they are, and a cut is not cut again.
pub fn excerpt(text: &str, max: usize) -> String {
    let mut pieces: Vec<Piece> = Vec::new();
    let mut words = text.split_whitespace().take(10_000);
    while let Some(word) = words.next() {
        // Report version 1 placeholders have spaces ("<6 digits>").
        if let Some(parts) = mask_start(word) {
            if mask_rest(&words, parts) {
                pieces.push(Piece {
                    pre: String::new(),
                    body: mask_unit(word, &mut words, parts),
                    post: String::new(),
                    class: Class::Other,
                    lower: String::new(),
                    glue: false,
                });
                continue;
            }
        }
        if word.chars().any(crate::text::is_cjk) {
            cjk_pieces(word, &mut pieces);
        } else {
            pieces.push(classify_word(word));
        }
    }
    apply_runs(&mut pieces);
    let mut out = String::new();
    let mut count = 0usize;
    for p in &pieces {
        let masked = format!("{}{}{}", p.pre, p.body, p.post);
        if masked.is_empty() {
            continue;
        }
        let len = masked.chars().count();
        // A trailing ellipsis is the mark of an earlier cut, not content.
        let body = len - usize::from(masked.ends_with('…'));
        let sep = usize::from(!out.is_empty() && !p.glue);
        if count + sep + body > max {
            if out.is_empty() {
                out.push_str(&format!("<chars:{body}>"));
            }
            out.push('…');
            break;
        }
        if sep == 1 {
            out.push(' ');
        }
        out.push_str(&masked);
        count += sep + len;
    }
    out
}

/// The first word of a report version 1 placeholder, and how many words
/// it has: `<token 40 chars>` (3), `<name 5 chars>` (3), `<6 digits>` and
/// `<12 chars>` (2).
fn mask_start(word: &str) -> Option<usize> {
    let rest = word.strip_prefix('<')?;
    if rest == "token" || rest == "name" {
        return Some(3);
    }
    is_count(rest).then_some(2)
}

/// Whether the words after a placeholder's first word complete it.
fn mask_rest<'a>(words: &(impl Iterator<Item = &'a str> + Clone), parts: usize) -> bool {
    let mut ahead = words.clone();
    if parts == 3 && !is_count(ahead.next().unwrap_or("")) {
        return false;
    }
    let last = ahead.next().unwrap_or("");
    let unit = last
        .strip_prefix("chars>")
        .or_else(|| last.strip_prefix("digits>"));
    // Punctuation may follow ("<6 digits>."), nothing else.
    unit.is_some_and(|tail| !tail.chars().any(char::is_alphanumeric))
}

/// Take a whole placeholder, as it is.
fn mask_unit<'a>(first: &str, words: &mut impl Iterator<Item = &'a str>, parts: usize) -> String {
    let mut unit = first.to_owned();
    for _ in 1..parts {
        if let Some(w) = words.next() {
            unit.push(' ');
            unit.push_str(w);
        }
    }
    unit
}

/// A cookie, input or parameter name for display: shown when it is made of
/// route and code words (`KEYCLOAK_SESSION`, `__Host-nanami_sid`,
/// `appSession`); otherwise `<id:N>`. Names are never values: a cookie
/// without a name is dropped where it is read.
pub fn name(n: &str) -> String {
    let core = n.trim_start_matches(['_', '.', '-']);
    let core = core
        .strip_prefix("Host-")
        .or_else(|| core.strip_prefix("Secure-"))
        .unwrap_or(core);
    if is_mask(n) || (is_route_id(core) && !core.is_empty()) {
        n.to_owned()
    } else {
        mask("id", n, Some(n.chars().count()))
    }
}

/// An HTTP method: the known set, or `other`.
pub fn method(m: &str) -> &'static str {
    const METHODS: [&str; 9] = [
        "GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "CONNECT", "TRACE",
    ];
    let up = m.trim().to_ascii_uppercase();
    METHODS.into_iter().find(|k| *k == up).unwrap_or("other")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Userinfo, a token in the path, a code and state, an error with a
    /// number in its description, and a token in the fragment.
    const URL_WITH_SECRETS: &str = "https://u:p@id.example.org/cb/eyJhbGciOi.abc.def\
        ?code=SplxlOBeZQQYbYS6WxSbIA&state=af0ifjsldkj&error=access_denied\
        &error_description=Code+123456+expired#access_token=xyz";

    #[test]
    fn a_name_of_common_words_is_masked_and_a_title_is_not() {
        // `Will` is an auxiliary and `Long` a lexicon word: as a run of
        // Titlecase words that starts with a function word only, a name.
        let e = excerpt(
            "Code sent to Will Long. Sign In To Your Account. We Sent A Code To Your Phone",
            200,
        );
        assert!(!e.contains("Will") && !e.contains("Long"), "{e}");
        assert!(e.contains("<name"), "{e}");
        assert!(e.contains("Sign In To Your Account"), "{e}");
        assert!(e.contains("We Sent A Code To Your Phone"), "{e}");
        // A name of an unknown word and a known one: neither part is shown.
        for t in [
            "Kevin Long signed in",
            "Hallo Maria Lange, Ihr Code",
            "Louise Bannier",
        ] {
            let e = excerpt(t, 200);
            for part in ["Kevin", "Long", "Maria", "Lange", "Louise", "Bannier"] {
                assert!(!e.contains(part), "{t} -> {e}");
            }
        }
        // A word on a lexicon stem with unknown letters is masked; its
        // inflections and compounds are shown.
        let e = excerpt(
            "Passwordsmith: Ihre Interaktionssitzung ist ungültige. Der Code ist falsch",
            200,
        );
        assert!(!e.contains("Passwordsmith"), "{e}");
        assert!(e.contains("Ihre Interaktionssitzung ist ungültige"), "{e}");
        assert!(e.contains("Der Code ist falsch"), "{e}");
    }

    #[test]
    fn show() {
        for t in [
            "Code 123456 sent to bob@example.org, call +1-555-0100.",
            "Your code 482 913 is wrong. Try 4 8 2 9 1 3 or K7XQ9P",
            "Your temporary password is correct horse battery staple",
            "Hello Will Young, contact alice (at) example (dot) com or mark at example dot org",
            "Call (555) 010-0199 or +44 20 7946 0958. Born 1990-04-12. User alice_smith",
            "AADSTS50011: The redirect URI 'https://nanami.example.org/auth/callback' specified \
             in the request does not match the redirect URIs configured for the application \
             '8f14e45f-ceea-167a-5a36-dedd4bea2543'.",
            "The verification code has expired. Please request a new one. Wait 30 seconds.",
            "Invalid code \\[Verified, close ticket\\](https://x.org) \u{202e}evil",
            "Der Code ist ungültig. Bitte versuche es erneut.",
        ] {
            println!("{t}\n  => {}", excerpt(t, 200));
        }
        for u in [
            URL_WITH_SECRETS,
            "https://kc.example.org/realms/nanami/login-actions/authenticate\
             ?execution=1&kc_locale=de",
            "https://a.example/u/correct-horse-battery-staple/k7xq9p\
             ?secretname&x=aGVsbG8%3D#abcdefgh",
            "https://a.example/cb?error=will_young&error_description=Sent+to+alice%40x.org\
             &error_uri=https%3A%2F%2Fa.example%2Fe%3Fid%3Dk7xq9p",
        ] {
            println!("{u}\n  => {}", url(u));
        }
        for n in [
            "KEYCLOAK_SESSION",
            "__Host-nanami_sid",
            "appSession",
            "alice@example.org",
            "sess_k7Xq9P",
            "JSESSIONID",
            ".AspNetCore.Cookies",
            "_oauth2_proxy",
            "XSRF-TOKEN",
            "ory_kratos_session",
        ] {
            println!("{n} => {}", name(n));
        }
    }

    #[test]
    fn url_keeps_names_and_error_params_only() {
        let r = url(URL_WITH_SECRETS);
        assert_eq!(
            r,
            "https://<userinfo>@id.example.org/cb/<token:18>?code=<token:22>&state=<token:11>\
             &error=access_denied&error_description=Code+<digits:6>+expired#access_token=<word:3>"
        );
    }

    #[test]
    fn redacting_twice_changes_nothing() {
        // The recorder redacts, then the report does: masks keep the
        // length of the value, not their own.
        for raw in [
            URL_WITH_SECRETS,
            "https://app.example.org/p/8f14e45fceea167a5a36dedd4bea2543?%E2%9C%93x=1&s=abc#k=v",
            "https://app.example.org/cb?code=4/0AX4XfWh-123&x=<not a mask>&y=<12 chars",
            "https://a1b2c3d4e5f6a7b8.cdn.example.net/p?q=1",
            "https://app.example.org/cb#8f14e45fceea167a5a36",
            "https://app.example.org/cb?error=eyJhbGciOiJIUzI1NiJ9xyzabc\
             &error_description=Code+123456",
        ] {
            let once = url(raw);
            assert_eq!(url(&once), once, "{raw}");
        }
        // A masked host label still parses, so the trail analysis reads it.
        let okta = url("https://dev-12345678.okta.com/oauth2/v1/authorize?state=abc");
        assert_eq!(
            okta,
            "https://masked-12-chars.okta.com/oauth2/v1/authorize?state=<word:3>"
        );
        assert_eq!(url(&okta), okta);
        assert_eq!(
            host("masked-123456789-chars.example"),
            "masked-123456789-chars.example"
        );
        assert_eq!(
            host("masked-1234567890-chars.example"),
            "masked-23-chars.example"
        );
        // Text that looks like a mask but is not one is masked as usual.
        assert_eq!(
            url("https://a.example/?s=<12%20bytes>"),
            "https://a.example/?s=<token:10>"
        );
        assert!(!is_mask("<1234567890 chars>") && !is_mask("<chars>") && !is_mask("< chars>"));
    }

    #[test]
    fn an_excerpt_of_an_excerpt_is_itself() {
        let entra = "AADSTS50011: The redirect URI 'https://nanami.example.org/auth/callback' \
                     specified in the request does not match the redirect URIs configured for the \
                     application '8f14e45f-ceea-167a-5a36-dedd4bea2543'. Trace ID: \
                     0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0 Correlation ID: \
                     1a2b3c4d-5e6f-7081-92a3-b4c5d6e7f809 Timestamp: 2026-11-18 11:06:40Z";
        for (text, max) in [
            (entra, 200),
            (entra, 120),
            (
                "Code 123456 sent to ann@example.org, call +1 555 0100 now",
                30,
            ),
            ("Token eyJhbGciOiJIUzI1NiJ9.e30.c2lnbmF0dXJl expired", 12),
            (
                "a-very-long-word-that-is-not-a-token-at-all-but-goes-on-and-on",
                20,
            ),
            (
                "<12 chars> <token 40 chars> <6 digits>. <name 5 chars> <1234 chars>",
                200,
            ),
        ] {
            let once = excerpt(text, max);
            assert_eq!(excerpt(&once, max), once, "{text:?} at {max}");
            assert!(
                once.trim_end_matches('…').chars().count() <= max.max(17),
                "{once}"
            );
        }
        // Masks stay whole; text that only starts like one is masked as usual.
        assert_eq!(
            excerpt("<token 40 chars> left", 200),
            "<token 40 chars> left"
        );
        assert_eq!(
            excerpt("<123456 is your code", 200),
            "<<digits:6> is your code"
        );
        assert_eq!(excerpt("<1234567 chars>x", 200), "<<digits:7> <token:7>");
    }

    #[test]
    fn placeholders_are_numbered_within_one_scope() {
        let (u, t, again) = numbered(|| {
            (
                url("https://a.example/cb?code=K7XQ9Pzz&state=af0ifjsldkj&x=K7XQ9Pzz"),
                excerpt(
                    "Code 482 913 for bob@example.org; not 482913? bob@example.org, Will Young",
                    200,
                ),
                url("https://a.example/cb?state=af0ifjsldkj"),
            )
        });
        assert_eq!(
            u,
            "https://a.example/cb?code=<token-1:8>&state=<token-2:11>&x=<token-1:8>"
        );
        // The same digits with or without a space are one number.
        assert_eq!(
            t,
            "Code <digits-1:6> for <email-1>; not <digits-1:6>? <email-1>, <name-1>"
        );
        assert_eq!(again, "https://a.example/cb?state=<token-2:11>");
        // A new scope starts again at 1; outside one, no numbers.
        assert_eq!(
            numbered(|| url("https://a.example/cb?state=other12345")),
            "https://a.example/cb?state=<token-1:10>"
        );
        assert_eq!(
            url("https://a.example/cb?state=af0ifjsldkj"),
            "https://a.example/cb?state=<token:11>"
        );
        // Numbered placeholders are placeholders: redacting again keeps them.
        for m in [
            "<token-1:8>",
            "<email-1>",
            "<name-12>",
            "<digits-3:6>",
            "<host-1:18>",
        ] {
            assert!(is_mask(m), "{m}");
            assert_eq!(excerpt(&format!("see {m}."), 200), format!("see {m}."));
        }
        assert!(!is_mask("<token-:8>") && !is_mask("<email-x>") && !is_mask("<bogus-1:3>"));
        assert_eq!(url(&u), u);
    }

    #[test]
    fn cjk_text_shows_its_known_words() {
        // Japanese and Chinese have no spaces: known words stay, unknown
        // characters are one placeholder per run, and a one-character word
        // beside them (a particle) joins them.
        for (text, want) in [
            (
                "認証コードが正しくありません。もう一度お試しください。",
                "認証コードが正しくありません。もう一度お試しください。",
            ),
            (
                "田中太郎さん、認証コードが正しくありません。",
                "<word:6>、認証コードが正しくありません。",
            ),
            ("请输入王明的验证码", "请输入<word:3>验证码"),
            ("验证码已过期，请重新获取。", "验证码已过期，请重新获取。"),
            ("인증 코드가 만료되었습니다.", "인증 코드가 만료되었습니다."),
            (
                "김민준님, 인증 코드가 올바르지 않습니다.",
                "<word:4>, 인증 코드가 올바르지 않습니다.",
            ),
            ("이민준님", "<word:4>"),
            ("コードは482 913です", "コードは<digits:6>です"),
            ("コードK7XQ9Pを入力", "コード<token:6>を入力"),
            (
                "試行回数が多すぎます。10分後に再度試してください。",
                "試行回数が多すぎます。10分後に再度試してください。",
            ),
        ] {
            let once = excerpt(text, 200);
            assert_eq!(once, want, "{text}");
            assert_eq!(excerpt(&once, 200), once, "{text}");
        }
        // Other languages' vocabularies: a French sentence stays whole.
        assert_eq!(
            excerpt(
                "Votre code a expiré. Veuillez demander un nouveau code.",
                200
            ),
            "Votre code a expiré. Veuillez demander un nouveau code."
        );
    }

    #[test]
    fn word_paths_stay() {
        assert_eq!(
            url("https://kc.example.org/realms/nanami/login-actions/authenticate?execution=1"),
            "https://kc.example.org/realms/nanami/login-actions/authenticate?execution=<digits:1>"
        );
    }

    #[test]
    fn excerpt_masks_pii() {
        assert_eq!(
            excerpt(
                "Code 123456 sent to bob@example.org, call +1-555-0100.",
                200
            ),
            "Code <digits:6> sent to <email>, call +<digits:8>."
        );
    }

    #[test]
    fn fuzz_regressions() {
        // cargo fuzz (redact_url): a non-ASCII host with upper-case letters
        // tripped a debug assertion inside the IDNA backend.
        let crash = b"hTtps:tatrroG=acccode=S\xd1\x8a\xd1\x8azzplx&satei\x15\t\t\t\t\t";
        let s = String::from_utf8_lossy(crash);
        assert_eq!(url(&s), format!("<url:{}>", s.chars().count()));
        assert!(parse_url("https://\u{0431}A.example/").is_none());
        // cargo fuzz (classify_snapshot): a percent escape in the host.
        assert!(parse_url("https://app.exampleCC%CCeT.org/auth/callback#error=x").is_none());
        assert!(parse_url("https://Example.ORG/x").is_some());
        // cargo fuzz (redact_url): one slash, then a non-ASCII host.
        assert!(parse_url("https:/AAD(TS\u{44c}f1&erro=Gy").is_none());
        // cargo fuzz (redact_url): carriage returns hide a host with an escape.
        assert!(parse_url("https:\r\r/\r/M\r%afe:sa#cac").is_none());
    }
}
