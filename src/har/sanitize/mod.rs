//! `auth-triage har FILE --sanitize OUT`: a HAR that keeps the evidence and
//! holds no secret.
//!
//! The HAR is streamed: entry by entry, each entry's text is parsed on its
//! own (one entry's tree at a time, never the file's), sanitized, written to
//! the sink and dropped. Every string written comes from an allow-list: a
//! safe type of the report ([`SafeUrl`], [`Excerpt`], [`Name`], [`Host`],
//! [`SafePath`], [`Label`], [`Code`]), a closed vocabulary below (header
//! names, MIME types, server products, fetch metadata), or text the core
//! writes itself (dates re-formatted from the instant they encode, numbers).
//! Nothing of the input is copied through.
//!
//! What survives (docs/har.md): structure, redacted URLs, methods, statuses,
//! timings; header names, and the values of the headers in [`header_value`];
//! Set-Cookie lines with their attributes and `<chars:N>` for the value;
//! cookie names; HTML documents as a regenerated page made of the page's
//! redacted text, alerts, forms (no values), resend controls and safe codes;
//! the error fields of JSON responses, redacted. Diagnosing the sanitized
//! HAR gives the same diagnosis as the original (tests/e2e/har.test.mjs).

use serde_json::{json, Map, Value as J};

use crate::codes::Catalogs;
use crate::error::InputError;
use crate::json::{self, Path, Reader, Value};
use crate::report::safe::{Excerpt, Label, Safe, SafeUrl};

mod headers;
mod page;
mod request;
mod response;

use request::request;
use response::response;

/// What the sanitizer did, for the CLI's one line.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Sanitized {
    pub entries: usize,
    /// Entries dropped: not web requests (the browser's or an extension's pages).
    pub dropped: usize,
    /// HTML documents kept as a regenerated, redacted page.
    pub pages_kept: usize,
    /// JSON responses whose error fields were kept.
    pub json_errors_kept: usize,
    /// Bodies removed.
    pub bodies_removed: usize,
}

/// A string that passed the allow-list: the only way text gets into the output.
fn safe<T: Safe + std::fmt::Display>(x: &T) -> J {
    J::String(x.to_string())
}

/// Text the core writes: a closed vocabulary, or formatted numbers.
fn core(s: &str) -> J {
    J::String(s.to_owned())
}

/// Sanitize `text` (a HAR) into `out`, chunk by chunk. `text` is read once
/// by the diagnosis reader first ([`super::read`]), so a bad HAR gets the
/// same one-line error as `auth-triage har`, before anything is written.
pub fn sanitize(
    text: &str,
    cats: &Catalogs,
    out: &mut dyn FnMut(&str),
) -> Result<Sanitized, InputError> {
    super::read_entries(text)?;
    sanitize_read(text, cats, out)
}

/// [`sanitize`] a HAR the caller has just read with [`super::read_and_pick`]
/// (which refused it if it was bad): the CLI and the support page diagnose
/// the HAR first, so it is not read a second time to check it.
pub fn sanitize_read(
    text: &str,
    cats: &Catalogs,
    out: &mut dyn FnMut(&str),
) -> Result<Sanitized, InputError> {
    let mut st = Sanitized::default();
    let mut pages = PageRefs::default();
    let mut r = Reader::new(text);
    let root = Path::Root;
    out("{\"log\":{\"version\":\"1.2\"");
    r.object(&root, &mut |r, key, _| {
        if key != "log" {
            return r.skip();
        }
        let at = Path::Field(&root, "log");
        r.object(&at, &mut |r, key, _| match key {
            "creator" | "browser" => {
                let v = tree(r.raw()?)?;
                out(&format!(",\"{key}\":{}", app(&v)));
                Ok(())
            }
            "pages" => {
                out(",\"pages\":[");
                let mut n = 0;
                let at = Path::Field(&at, "pages");
                r.array(&at, &mut |r, _| {
                    let v = tree(r.raw()?)?;
                    if let Some(p) = page(&v, &mut pages) {
                        out(if n == 0 { "" } else { "," });
                        out(&p.to_string());
                        n += 1;
                    }
                    Ok(())
                })?;
                out("]");
                Ok(())
            }
            "entries" => {
                out(",\"entries\":[");
                let mut n = 0;
                let at = Path::Field(&at, "entries");
                r.array(&at, &mut |r, _| {
                    let v = tree(r.raw()?)?;
                    match entry(&v, cats, &mut pages, &mut st) {
                        Some(e) => {
                            out(if n == 0 { "\n" } else { ",\n" });
                            out(&e.to_string());
                            n += 1;
                            st.entries += 1;
                        }
                        None => st.dropped += 1,
                    }
                    Ok(())
                })?;
                out("]");
                Ok(())
            }
            _ => r.skip(),
        })?;
        Ok(())
    })?;
    out(&format!(
        ",\"comment\":\"Sanitized by auth-triage {}: values, bodies and unknown fields removed; \
         URLs, names and texts redacted by allow-list.\"}}}}\n",
        crate::CORE_VERSION
    ));
    Ok(st)
}

fn tree(raw: &str) -> Result<Value<'_>, InputError> {
    Ok(json::parse(raw)?)
}

fn str_of<'v>(v: &'v Value<'_>, key: &str) -> Option<&'v str> {
    match v.get(key)? {
        Value::Str(s) => Some(s),
        _ => None,
    }
}

fn num_of(v: &Value<'_>, key: &str) -> Option<f64> {
    match v.get(key)? {
        Value::Num(n) => n.parse().ok().filter(|x: &f64| x.is_finite()),
        _ => None,
    }
}

fn arr_of<'v, 'a>(v: &'v Value<'a>, key: &str) -> &'v [Value<'a>] {
    match v.get(key) {
        Some(Value::Arr(a)) => a,
        _ => &[],
    }
}

fn number(x: f64) -> J {
    if x.fract() == 0.0 && x.abs() < 9e15 {
        json!(x as i64)
    } else {
        serde_json::Number::from_f64((x * 1000.0).round() / 1000.0).map_or(J::Null, J::Number)
    }
}

/// The creator or browser: a tool name from a closed list (which the
/// reader uses to tell one-tab exports from automation), its major version.
fn app(v: &Value<'_>) -> J {
    const TOOLS: &[&str] = &[
        "WebInspector",
        "Web Inspector",
        "Firefox",
        "Playwright",
        "Chrome",
        "Chromium",
        "Edge",
        "Safari",
        "Opera",
        "Brave",
        "Vivaldi",
        "Charles Proxy",
        "Fiddler",
        "mitmproxy",
        "Burp Suite",
        "HTTP Toolkit",
        "Proxyman",
        "puppeteer-har",
        "chrome-har",
    ];
    let name = str_of(v, "name").unwrap_or("");
    let name = TOOLS
        .iter()
        .find(|t| t.eq_ignore_ascii_case(name.trim()))
        .copied()
        .unwrap_or("other");
    let version = Label::version(str_of(v, "version").unwrap_or(""));
    json!({"name": core(name), "version": safe(&version)})
}

/// Page references become `page_N`, in order of first sight: the grouping
/// survives, the names (which may carry ids) do not.
#[derive(Default)]
struct PageRefs(Vec<String>);

impl PageRefs {
    fn id(&mut self, raw: &str) -> J {
        let n = match self.0.iter().position(|p| p == raw) {
            Some(n) => n,
            None => {
                self.0.push(raw.to_owned());
                self.0.len() - 1
            }
        };
        core(&format!("page_{}", n + 1))
    }
}

fn page(v: &Value<'_>, refs: &mut PageRefs) -> Option<J> {
    let id = str_of(v, "id")?;
    let mut p = Map::new();
    if let Some(t) = str_of(v, "startedDateTime").and_then(iso) {
        p.insert("startedDateTime".into(), t);
    }
    p.insert("id".into(), refs.id(id));
    p.insert(
        "title".into(),
        str_of(v, "title").map_or(core(""), |t| {
            if t.contains("://") {
                safe(&SafeUrl::redact(t))
            } else {
                safe(&Excerpt::mask(t))
            }
        }),
    );
    if let Some(t) = v.get("pageTimings") {
        p.insert(
            "pageTimings".into(),
            timings(t, &["onContentLoad", "onLoad"]),
        );
    }
    Some(J::Object(p))
}

/// An ISO 8601 time, re-written from the instant it encodes (its offset kept).
fn iso(s: &str) -> Option<J> {
    let (ms, off) = super::time::parse_iso8601(s)?;
    let local = ms.saturating_add(i64::from(off.unwrap_or(0)) * 60_000);
    let base = crate::report::iso_utc(local);
    let base = base.strip_suffix('Z').unwrap_or(&base);
    let zone = match off {
        None => String::new(),
        Some(0) => "Z".into(),
        Some(o) => format!(
            "{}{:02}:{:02}",
            if o < 0 { '-' } else { '+' },
            o.abs() / 60,
            o.abs() % 60
        ),
    };
    Some(core(&format!("{base}.{:03}{zone}", ms.rem_euclid(1000))))
}

fn timings(v: &Value<'_>, keys: &[&'static str]) -> J {
    let mut m = Map::new();
    for k in keys {
        if let Some(x) = num_of(v, k) {
            m.insert((*k).into(), number(x));
        }
    }
    J::Object(m)
}

fn is_web(url: &str) -> bool {
    let l = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    l.starts_with("https://") || l.starts_with("http://")
}

fn entry(v: &Value<'_>, cats: &Catalogs, refs: &mut PageRefs, st: &mut Sanitized) -> Option<J> {
    let req = v.get("request");
    let url = req.and_then(|r| str_of(r, "url")).unwrap_or("");
    if !is_web(url) {
        return None;
    }
    let mut e = Map::new();
    if let Some(p) = str_of(v, "pageref") {
        e.insert("pageref".into(), refs.id(p));
    }
    if let Some(t) = str_of(v, "startedDateTime").and_then(iso) {
        e.insert("startedDateTime".into(), t);
    }
    if let Some(t) = num_of(v, "time") {
        e.insert("time".into(), number(t));
    }
    if let Some(k) = str_of(v, "_resourceType") {
        e.insert(
            "_resourceType".into(),
            core(closed(k, RESOURCE_TYPES, "other")),
        );
    }
    for k in ["_error", "_failureText"] {
        if let Some(x) = str_of(v, k).filter(|x| !x.is_empty()) {
            e.insert(k.into(), safe(&Label::net_error(x)));
        }
    }
    e.insert("request".into(), request(req, url));
    e.insert(
        "response".into(),
        response(v.get("response"), url, cats, st),
    );
    e.insert("cache".into(), json!({}));
    e.insert(
        "timings".into(),
        v.get("timings").map_or_else(
            || json!({"send": 0, "wait": 0, "receive": 0}),
            |t| {
                timings(
                    t,
                    &[
                        "blocked", "dns", "connect", "send", "wait", "receive", "ssl",
                    ],
                )
            },
        ),
    );
    Some(J::Object(e))
}

const RESOURCE_TYPES: &[&str] = &[
    "document",
    "stylesheet",
    "image",
    "media",
    "font",
    "script",
    "texttrack",
    "xhr",
    "fetch",
    "prefetch",
    "eventsource",
    "websocket",
    "manifest",
    "signedexchange",
    "ping",
    "cspviolationreport",
    "preflight",
    "iframe",
    "other",
];

/// `raw` when it is in `set` (ASCII case ignored), as the set spells it.
fn closed(raw: &str, set: &[&'static str], other: &'static str) -> &'static str {
    set.iter()
        .find(|k| k.eq_ignore_ascii_case(raw.trim()))
        .copied()
        .unwrap_or(other)
}

fn http_version(v: Option<&Value<'_>>) -> J {
    let raw = v.and_then(|v| str_of(v, "httpVersion")).unwrap_or("");
    core(closed(
        raw,
        &[
            "HTTP/1.0", "HTTP/1.1", "HTTP/2", "HTTP/2.0", "HTTP/3", "h2", "h3", "http/1.1",
            "http/2.0",
        ],
        "",
    ))
}

trait NonEmpty {
    fn non_empty(self) -> Option<&'static str>;
}

impl NonEmpty for &'static str {
    fn non_empty(self) -> Option<&'static str> {
        (!self.is_empty()).then_some(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_keeps_instant_and_offset() {
        assert_eq!(
            iso("2026-11-29T16:04:05.123+01:00"),
            Some(core("2026-11-29T16:04:05.123+01:00"))
        );
        assert_eq!(
            iso("2026-11-29T15:04:05Z"),
            Some(core("2026-11-29T15:04:05.000Z"))
        );
        assert_eq!(iso("nonsense"), None);
    }
}
