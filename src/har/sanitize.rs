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

use super::html;
use crate::codes::Catalogs;
use crate::error::InputError;
use crate::json::{self, Path, Reader, Value};
use crate::redact;
use crate::report::safe::{Code, Excerpt, Host, Label, Name, Safe, SafePath, SafeUrl};
use crate::signals::{self, setcookie};
use crate::web;

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

fn request(req: Option<&Value<'_>>, url: &str) -> J {
    let method = req.and_then(|r| str_of(r, "method")).unwrap_or("GET");
    let safe_url = SafeUrl::redact(url);
    let mut r = Map::new();
    r.insert("method".into(), safe(&Label::method(method)));
    r.insert("url".into(), safe(&safe_url));
    r.insert("httpVersion".into(), http_version(req));
    let hs = req.map(|r| arr_of(r, "headers")).unwrap_or(&[]);
    r.insert(
        "headers".into(),
        J::Array(hs.iter().filter_map(|h| header(h, url, false)).collect()),
    );
    let cookies = req.map(|r| arr_of(r, "cookies")).unwrap_or(&[]);
    r.insert(
        "cookies".into(),
        J::Array(
            cookies
                .iter()
                .filter_map(|c| str_of(c, "name").filter(|n| !n.is_empty()))
                .map(|n| json!({"name": safe(&Name::redact(n)), "value": ""}))
                .collect(),
        ),
    );
    r.insert("queryString".into(), query(&safe_url));
    if let Some(p) = req.and_then(|r| r.get("postData")) {
        r.insert("postData".into(), post_data(p));
    }
    for k in ["headersSize", "bodySize"] {
        r.insert(
            k.into(),
            number(req.and_then(|r| num_of(r, k)).unwrap_or(-1.0)),
        );
    }
    J::Object(r)
}

/// The query of the redacted URL, as name/value pairs.
fn query(u: &SafeUrl) -> J {
    let q = u
        .as_str()
        .split_once('?')
        .map(|(_, q)| q.split('#').next().unwrap_or(""))
        .unwrap_or("");
    J::Array(
        q.split('&')
            .filter(|kv| !kv.is_empty())
            .map(|kv| {
                let (k, v) = kv.split_once('=').unwrap_or((kv, ""));
                // Pieces of an allow-listed URL.
                let name = core(&web::percent_decode(k));
                let value = core(&web::percent_decode(&v.replace('+', " ")));
                json!({"name": name, "value": value})
            })
            .collect(),
    )
}

/// Post data: its type and the names of its form fields; never a value.
fn post_data(p: &Value<'_>) -> J {
    let mime = mime(str_of(p, "mimeType").unwrap_or(""));
    let mut names: Vec<J> = arr_of(p, "params")
        .iter()
        .filter_map(|x| str_of(x, "name"))
        .map(|n| json!({"name": safe(&Name::redact(n)), "value": ""}))
        .collect();
    if names.is_empty() && mime == "application/x-www-form-urlencoded" {
        names = str_of(p, "text")
            .unwrap_or("")
            .split('&')
            .filter_map(|kv| kv.split('=').next().filter(|n| !n.is_empty()))
            .take(100)
            .map(|n| {
                let n = web::percent_decode(&n.replace('+', " "));
                json!({"name": safe(&Name::redact(&n)), "value": ""})
            })
            .collect();
    }
    let len = str_of(p, "text").map_or(0, str::len);
    json!({
        "mimeType": core(mime),
        "params": names,
        "text": "",
        "comment": core(&format!("{len} bytes removed")),
    })
}

/// MIME types kept as they are; others by family.
fn mime(raw: &str) -> &'static str {
    const KNOWN: &[&str] = &[
        "text/html",
        "application/xhtml+xml",
        "application/json",
        "application/problem+json",
        "application/ld+json",
        "application/x-www-form-urlencoded",
        "multipart/form-data",
        "text/plain",
        "text/css",
        "text/javascript",
        "application/javascript",
        "application/x-javascript",
        "application/xml",
        "text/xml",
        "application/octet-stream",
        "application/wasm",
        "image/png",
        "image/jpeg",
        "image/gif",
        "image/svg+xml",
        "image/webp",
        "image/x-icon",
        "image/vnd.microsoft.icon",
        "font/woff",
        "font/woff2",
        "text/event-stream",
    ];
    let base = raw.split(';').next().unwrap_or("").trim();
    if base.is_empty() {
        return "";
    }
    if let Some(k) = KNOWN.iter().find(|k| k.eq_ignore_ascii_case(base)) {
        return k;
    }
    let l = base.to_ascii_lowercase();
    if l.contains("html") {
        "text/html"
    } else if l.contains("json") {
        "application/json"
    } else if l.starts_with("image/") {
        "image/other"
    } else if l.starts_with("text/") {
        "text/plain"
    } else {
        "application/octet-stream"
    }
}

/// A charset parameter from a closed list.
fn content_type(raw: &str) -> String {
    let m = mime(raw);
    let charset = raw
        .split(';')
        .skip(1)
        .filter_map(|p| p.trim().split_once('='))
        .find(|(k, _)| k.trim().eq_ignore_ascii_case("charset"))
        .map(|(_, v)| {
            closed(
                v.trim().trim_matches('"'),
                &["utf-8", "iso-8859-1", "windows-1252", "us-ascii", "utf-16"],
                "",
            )
        })
        .unwrap_or("");
    if charset.is_empty() {
        m.to_owned()
    } else {
        format!("{m}; charset={charset}")
    }
}

/// Header names a HAR shows: the standard ones, kept as written; any other
/// name becomes `<id:N>` unless it is made of route words ([`Name::redact`]).
const HEADER_NAMES: &[&str] = &[
    "accept",
    "accept-charset",
    "accept-encoding",
    "accept-language",
    "accept-ranges",
    "access-control-allow-credentials",
    "access-control-allow-headers",
    "access-control-allow-methods",
    "access-control-allow-origin",
    "access-control-expose-headers",
    "access-control-max-age",
    "access-control-request-headers",
    "access-control-request-method",
    "age",
    "allow",
    "alt-svc",
    "authorization",
    "cache-control",
    "clear-site-data",
    "connection",
    "content-disposition",
    "content-encoding",
    "content-language",
    "content-length",
    "content-location",
    "content-range",
    "content-security-policy",
    "content-security-policy-report-only",
    "content-type",
    "cookie",
    "cross-origin-embedder-policy",
    "cross-origin-opener-policy",
    "cross-origin-resource-policy",
    "date",
    "dnt",
    "etag",
    "expect",
    "expires",
    "forwarded",
    "host",
    "if-match",
    "if-modified-since",
    "if-none-match",
    "if-range",
    "if-unmodified-since",
    "keep-alive",
    "last-modified",
    "link",
    "location",
    "nel",
    "origin",
    "permissions-policy",
    "pragma",
    "priority",
    "proxy-authenticate",
    "proxy-authorization",
    "range",
    "referer",
    "referrer-policy",
    "report-to",
    "reporting-endpoints",
    "retry-after",
    "sec-ch-ua",
    "sec-ch-ua-mobile",
    "sec-ch-ua-platform",
    "sec-fetch-dest",
    "sec-fetch-mode",
    "sec-fetch-site",
    "sec-fetch-user",
    "sec-gpc",
    "sec-purpose",
    "server",
    "server-timing",
    "set-cookie",
    "strict-transport-security",
    "te",
    "timing-allow-origin",
    "trailer",
    "transfer-encoding",
    "upgrade",
    "upgrade-insecure-requests",
    "user-agent",
    "vary",
    "via",
    "www-authenticate",
    "x-content-type-options",
    "x-csrf-token",
    "x-forwarded-for",
    "x-forwarded-host",
    "x-forwarded-proto",
    "x-forwarded-port",
    "x-frame-options",
    "x-powered-by",
    "x-request-id",
    "x-requested-with",
    "x-xss-protection",
    "x-ratelimit-limit",
    "x-ratelimit-remaining",
    "x-ratelimit-reset",
    "ratelimit-limit",
    "ratelimit-remaining",
    "ratelimit-reset",
    "x-correlation-id",
    "traceparent",
    "tracestate",
];

fn header_name(n: &str) -> String {
    if let Some(pseudo) = n.strip_prefix(':') {
        return format!(
            ":{}",
            closed(
                pseudo,
                &[
                    "authority",
                    "method",
                    "path",
                    "scheme",
                    "status",
                    "protocol"
                ],
                "other"
            )
        );
    }
    if HEADER_NAMES.iter().any(|h| h.eq_ignore_ascii_case(n)) {
        return n.to_owned();
    }
    Name::redact(n).to_string()
}

fn header(h: &Value<'_>, base_url: &str, response: bool) -> Option<J> {
    let name = str_of(h, "name")?;
    let value = str_of(h, "value").unwrap_or("");
    let lower = name.to_ascii_lowercase();
    let v = header_value(&lower, value, base_url, response);
    Some(json!({"name": core(&header_name(name)), "value": v}))
}

/// The value of an allow-listed header, redacted; any other header's value
/// becomes `<chars:N>`.
fn header_value(name: &str, value: &str, base_url: &str, response: bool) -> J {
    let dropped = || core(&format!("<chars:{}>", value.chars().count()));
    match name {
        "date" | "last-modified" | "expires" if !value.is_empty() => {
            match signals::clock::http_date_ms(value).and_then(super::time::http_date) {
                Some(d) => core(&d),
                None => dropped(),
            }
        }
        "retry-after" => {
            let v = value.trim();
            if let Some(s) = v.parse::<u32>().ok().filter(|s| *s <= 86_400) {
                core(&s.to_string())
            } else {
                match signals::clock::http_date_ms(v).and_then(super::time::http_date) {
                    Some(d) => core(&d),
                    None => dropped(),
                }
            }
        }
        "location" | "content-location" | "referer" | "origin" => safe(&SafeUrl::redact(
            &resolve(base_url, value).unwrap_or_else(|| value.to_owned()),
        )),
        "host" | ":authority" => safe(&Host::redact(value.trim())),
        ":method" => safe(&Label::method(value)),
        ":scheme" | "x-forwarded-proto" => core(closed(value, &["https", "http"], "other")),
        ":path" => {
            let full = resolve(base_url, value).unwrap_or_default();
            let u = SafeUrl::redact(&full);
            let s = u.as_str();
            let path = s
                .find("://")
                .and_then(|i| s.get(i + 3..))
                .and_then(|r| r.find('/').and_then(|j| r.get(j..)))
                .unwrap_or("/");
            core(path)
        }
        ":status" | "status" => match value.trim().parse::<u16>() {
            Ok(s) if (100..=999).contains(&s) => core(&s.to_string()),
            _ => dropped(),
        },
        "content-type" | "accept" if name == "content-type" || response => {
            core(&content_type(value))
        }
        // The reader asks only whether a document was accepted.
        "accept" => {
            let mut kept: Vec<&str> = Vec::new();
            for m in ["text/html", "application/json", "*/*"] {
                if value.contains(m) {
                    kept.push(m);
                }
            }
            core(&kept.join(","))
        }
        "server" | "x-powered-by" | "via" => core(server(value)),
        "sec-fetch-dest" => core(closed(
            value,
            &[
                "document",
                "iframe",
                "frame",
                "empty",
                "script",
                "style",
                "image",
                "font",
                "audio",
                "video",
                "worker",
                "sharedworker",
                "serviceworker",
                "manifest",
                "object",
                "embed",
                "report",
                "track",
                "xslt",
                "audioworklet",
                "paintworklet",
            ],
            "other",
        )),
        "sec-fetch-mode" => core(closed(
            value,
            &["navigate", "cors", "no-cors", "same-origin", "websocket"],
            "other",
        )),
        "sec-fetch-site" => core(closed(
            value,
            &["same-origin", "same-site", "cross-site", "none"],
            "other",
        )),
        "cache-control" | "pragma" => core(&directives(value)),
        "content-encoding" => core(closed(
            value,
            &["gzip", "br", "deflate", "zstd", "identity"],
            "other",
        )),
        "cookie" => core(
            &value
                .split(';')
                .filter_map(|p| {
                    let (n, _) = p.split_once('=')?;
                    let n = n.trim();
                    (!n.is_empty()).then(|| format!("{}=", Name::redact(n)))
                })
                .collect::<Vec<_>>()
                .join("; "),
        ),
        "set-cookie" => core(
            &value
                .split('\n')
                .filter_map(set_cookie_line)
                .collect::<Vec<_>>()
                .join("\n"),
        ),
        _ => dropped(),
    }
}

fn resolve(base: &str, value: &str) -> Option<String> {
    let b = web::parse_url(base)?;
    b.join(value.trim()).ok().map(|u| u.to_string())
}

/// Server products a support desk recognises; versions are dropped.
fn server(v: &str) -> &'static str {
    const PRODUCTS: &[&str] = &[
        "nginx",
        "openresty",
        "Apache",
        "cloudflare",
        "Caddy",
        "Microsoft-IIS",
        "envoy",
        "istio-envoy",
        "gunicorn",
        "uvicorn",
        "Werkzeug",
        "Kestrel",
        "Jetty",
        "AmazonS3",
        "awselb",
        "AkamaiGHost",
        "Google Frontend",
        "gws",
        "Vercel",
        "Netlify",
        "LiteSpeed",
        "Express",
        "PHP",
        "ASP.NET",
        "Traefik",
        "HAProxy",
        "Varnish",
        "Node.js",
        "WildFly",
        "Undertow",
        "Tomcat",
        "lighttpd",
    ];
    let first = v.split(['/', ' ', ',', '(']).next().unwrap_or("").trim();
    closed(first, PRODUCTS, "other")
}

/// Cache directives from the standard set, numbers kept (seconds).
fn directives(v: &str) -> String {
    const D: &[&str] = &[
        "no-store",
        "no-cache",
        "private",
        "public",
        "must-revalidate",
        "proxy-revalidate",
        "immutable",
        "no-transform",
        "max-age",
        "s-maxage",
        "stale-while-revalidate",
        "stale-if-error",
        "must-understand",
    ];
    v.split(',')
        .filter_map(|d| {
            let (k, n) = d.trim().split_once('=').unwrap_or((d.trim(), ""));
            let k = closed(k, D, "").non_empty()?;
            let n = n.trim();
            if n.is_empty() {
                Some(k.to_owned())
            } else {
                let n: u32 = n.parse().ok()?;
                Some(format!("{k}={n}"))
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

trait NonEmpty {
    fn non_empty(self) -> Option<&'static str>;
}

/// A Set-Cookie line with its attributes, redacted, and `<chars:N>` for its
/// value (the reader takes N as the value's length; an empty value, a
/// deletion, stays empty). A nameless line (its text is a value) is dropped.
fn set_cookie_line(line: &str) -> Option<String> {
    let line = line.trim();
    if line.is_empty() {
        return None;
    }
    let pair = line.split(';').next().unwrap_or("");
    let (name, value) = pair.split_once('=')?;
    if name.trim().is_empty() {
        return None;
    }
    let c = setcookie::parse(line)?;
    let len = value.trim().chars().count();
    let mut s = format!(
        "{}={}",
        Name::redact(&c.name),
        if len == 0 {
            String::new()
        } else {
            format!("<chars:{len}>")
        }
    );
    if let Some(d) = &c.domain {
        s.push_str(&format!("; Domain={}", Host::redact(d)));
    }
    if let Some(p) = &c.path {
        s.push_str(&format!("; Path={}", SafePath::redact(p)));
    }
    if let Some(t) = c.expires_ms.and_then(super::time::http_date) {
        s.push_str(&format!("; Expires={t}"));
    }
    if let Some(m) = c.max_age_s {
        s.push_str(&format!("; Max-Age={m}"));
    }
    s.push_str(&crate::snapshot::cookie_flags(
        c.secure,
        c.http_only,
        c.same_site,
        c.partitioned,
    ));
    Some(s)
}

/// A response cookie object: name and attributes, the value as `<chars:N>`.
fn cookie_object(c: &Value<'_>) -> Option<J> {
    let name = str_of(c, "name").filter(|n| !n.is_empty())?;
    let len = str_of(c, "value").map_or(0, |v| v.chars().count());
    let mut m = Map::new();
    m.insert("name".into(), safe(&Name::redact(name)));
    m.insert(
        "value".into(),
        core(&if len == 0 {
            String::new()
        } else {
            format!("<chars:{len}>")
        }),
    );
    if let Some(p) = str_of(c, "path").filter(|p| !p.is_empty()) {
        m.insert("path".into(), safe(&SafePath::redact(p)));
    }
    if let Some(d) = str_of(c, "domain").filter(|d| !d.is_empty()) {
        m.insert(
            "domain".into(),
            core(&format!(
                "{}{}",
                if d.starts_with('.') { "." } else { "" },
                Host::redact(d)
            )),
        );
    }
    if let Some(t) = str_of(c, "expires").and_then(iso) {
        m.insert("expires".into(), t);
    }
    for k in ["httpOnly", "secure"] {
        if let Some(Value::Bool(b)) = c.get(k) {
            m.insert(k.into(), J::Bool(*b));
        }
    }
    if let Some(s) = str_of(c, "sameSite") {
        m.insert(
            "sameSite".into(),
            core(closed(s, &["Strict", "Lax", "None"], "")),
        );
    }
    Some(J::Object(m))
}

fn response(res: Option<&Value<'_>>, url: &str, cats: &Catalogs, st: &mut Sanitized) -> J {
    let mut r = Map::new();
    let status = res
        .and_then(|r| num_of(r, "status"))
        .filter(|s| (0.0..=999.0).contains(s))
        .unwrap_or(0.0) as u16;
    r.insert("status".into(), json!(status));
    r.insert("statusText".into(), core(reason(status)));
    r.insert("httpVersion".into(), http_version(res));
    let hs = res.map(|r| arr_of(r, "headers")).unwrap_or(&[]);
    r.insert(
        "headers".into(),
        J::Array(hs.iter().filter_map(|h| header(h, url, true)).collect()),
    );
    let cookies = res.map(|r| arr_of(r, "cookies")).unwrap_or(&[]);
    r.insert(
        "cookies".into(),
        J::Array(cookies.iter().filter_map(cookie_object).collect()),
    );
    let content = res.and_then(|r| r.get("content"));
    r.insert("content".into(), body(content, url, cats, st));
    let redirect = res.and_then(|r| str_of(r, "redirectURL")).unwrap_or("");
    r.insert(
        "redirectURL".into(),
        if redirect.is_empty() {
            core("")
        } else {
            safe(&SafeUrl::redact(
                &resolve(url, redirect).unwrap_or_else(|| redirect.to_owned()),
            ))
        },
    );
    for k in ["headersSize", "bodySize", "_transferSize"] {
        if let Some(x) = res.and_then(|r| num_of(r, k)) {
            r.insert(k.into(), number(x));
        }
    }
    for k in ["_error", "_failureText"] {
        if let Some(x) = res.and_then(|r| str_of(r, k)).filter(|x| !x.is_empty()) {
            r.insert(k.into(), safe(&Label::net_error(x)));
        }
    }
    J::Object(r)
}

/// The reason phrase of a status (the server's own may say anything).
fn reason(s: u16) -> &'static str {
    match s {
        200 => "OK",
        201 => "Created",
        204 => "No Content",
        301 => "Moved Permanently",
        302 => "Found",
        303 => "See Other",
        304 => "Not Modified",
        307 => "Temporary Redirect",
        308 => "Permanent Redirect",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        409 => "Conflict",
        410 => "Gone",
        419 => "Page Expired",
        422 => "Unprocessable Content",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "",
    }
}

/// A body: an HTML document as a regenerated page, a JSON response as its
/// error fields, nothing else.
fn body(content: Option<&Value<'_>>, url: &str, cats: &Catalogs, st: &mut Sanitized) -> J {
    let raw_mime = content.and_then(|c| str_of(c, "mimeType")).unwrap_or("");
    let size = content.and_then(|c| num_of(c, "size")).unwrap_or(0.0);
    let mut m = Map::new();
    m.insert("size".into(), number(size));
    m.insert("mimeType".into(), core(&content_type(raw_mime)));
    let Some(text) = content
        .and_then(|c| str_of(c, "text"))
        .filter(|t| !t.is_empty())
    else {
        return J::Object(m);
    };
    let base64 = content
        .and_then(|c| str_of(c, "encoding"))
        .is_some_and(|e| e.eq_ignore_ascii_case("base64"));
    let decoded;
    let text = if base64 {
        match crate::data::base64_decode(text).and_then(|b| String::from_utf8(b).ok()) {
            Some(t) => {
                decoded = t;
                decoded.as_str()
            }
            None => "",
        }
    } else {
        text
    };
    let family = mime(raw_mime);
    let kept = if family == "text/html" || family == "application/xhtml+xml" {
        (text.len() <= super::BODY_BYTES * 2)
            .then(|| page_markup(&html::read_page(text), url, cats))
            .inspect(|_| st.pages_kept += 1)
    } else if family.contains("json") {
        json::parse(text)
            .ok()
            .and_then(|v| json_errors(&v, cats, 0))
            .map(|v| v.to_string())
            .inspect(|_| st.json_errors_kept += 1)
    } else {
        None
    };
    match kept {
        Some(t) => {
            m.insert("text".into(), J::String(t));
            m.insert(
                "comment".into(),
                core("redacted by auth-triage: error texts, forms and codes only"),
            );
        }
        None => {
            st.bodies_removed += 1;
            m.insert("comment".into(), core("body removed by auth-triage"));
        }
    }
    J::Object(m)
}

fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            c => o.push(c),
        }
    }
    o
}

/// Long page text is cut into lines of at most this many characters.
const LINE_CHARS: usize = 2000;
const LINES: usize = 200;

/// The page as markup the reader reads back into the same page: its
/// redacted title, alerts, text lines, forms (names and kinds, no values),
/// resend controls and safe codes. Every piece is a safe type or the core's.
fn page_markup(p: &crate::snapshot::Page, url: &str, cats: &Catalogs) -> String {
    let mut o = String::from("<!doctype html>\n<html");
    if let Some(l) = &p.lang {
        if redact::shown_value("lang", l) == *l {
            o.push_str(&format!(" lang=\"{}\"", esc(l)));
        }
    }
    o.push_str(">\n<head><title>");
    o.push_str(&esc(Excerpt::mask(&p.title).as_str()));
    o.push_str("</title></head>\n<body>\n");
    let line = |s: &str| redact::excerpt(s, LINE_CHARS);
    let alerts: Vec<String> = p
        .alerts
        .iter()
        .filter(|a| !a.trim().is_empty())
        .map(|a| line(a))
        .collect();
    for a in &alerts {
        o.push_str(&format!("<div role=\"alert\">{}</div>\n", esc(a)));
    }
    for l in p
        .text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(LINES)
    {
        let l = line(l);
        if !alerts.contains(&l) {
            o.push_str(&format!("<p>{}</p>\n", esc(&l)));
        }
    }
    for f in &p.forms {
        o.push_str("<form");
        if !f.method.is_empty() {
            o.push_str(&format!(
                " method=\"{}\"",
                closed(&f.method, &["get", "post", "dialog"], "post")
            ));
        }
        if !f.action.is_empty() {
            let a = SafeUrl::redact(&resolve(url, &f.action).unwrap_or_else(|| f.action.clone()));
            o.push_str(&format!(" action=\"{}\"", esc(a.as_str())));
        }
        o.push_str(">\n");
        for i in &f.inputs {
            o.push_str(&format!(
                "<input type=\"{}\"",
                closed(&i.kind, INPUT_TYPES, "text")
            ));
            if !i.name.is_empty() {
                o.push_str(&format!(
                    " name=\"{}\"",
                    esc(Name::redact(&i.name).as_str())
                ));
            }
            let ac: Vec<&str> = i
                .autocomplete
                .split_whitespace()
                .filter_map(|t| closed(t, AUTOCOMPLETE, "").non_empty())
                .collect();
            if !ac.is_empty() {
                o.push_str(&format!(" autocomplete=\"{}\"", ac.join(" ")));
            }
            if let Some(m) = closed(&i.inputmode, INPUTMODES, "").non_empty() {
                o.push_str(&format!(" inputmode=\"{m}\""));
            }
            if let Some(n) = i.maxlength {
                o.push_str(&format!(" maxlength=\"{n}\""));
            }
            if !i.label.is_empty() {
                o.push_str(&format!(
                    " aria-label=\"{}\"",
                    esc(Excerpt::mask(&i.label).as_str())
                ));
            }
            o.push_str(">\n");
        }
        o.push_str("</form>\n");
    }
    for r in &p.resend {
        // The control's words are the core's; its state and countdown are kept.
        o.push_str(&format!(
            "<button{}>Resend code{}</button>\n",
            if r.disabled { " disabled" } else { "" },
            r.countdown_s
                .map(|s| format!(" in {s} s"))
                .unwrap_or_default()
        ));
    }
    for c in &p.codes {
        let known = cats.get(&c.value).is_some();
        if let Some(code) = Code::new(&c.value, &p.included_codes, known) {
            let attr = closed(
                &c.source,
                &[
                    "data-error-code",
                    "data-errorcode",
                    "data-error",
                    "data-code",
                    "data-testid",
                ],
                "data-error-code",
            );
            o.push_str(&format!(
                "<span {attr}=\"{}\"></span>\n",
                esc(code.as_str())
            ));
        }
    }
    o.push_str("</body>\n</html>\n");
    o
}

impl NonEmpty for &'static str {
    fn non_empty(self) -> Option<&'static str> {
        (!self.is_empty()).then_some(self)
    }
}

const INPUT_TYPES: &[&str] = &[
    "text", "password", "email", "tel", "number", "checkbox", "radio", "submit", "button",
    "search", "url", "date", "select", "textarea", "file", "reset", "image",
];
const AUTOCOMPLETE: &[&str] = &[
    "one-time-code",
    "username",
    "current-password",
    "new-password",
    "email",
    "tel",
    "off",
    "on",
    "webauthn",
    "name",
    "given-name",
    "family-name",
    "organization",
];
const INPUTMODES: &[&str] = &[
    "numeric", "text", "tel", "email", "decimal", "url", "search", "none",
];

/// Keys of a JSON response whose values carry an error's code.
const CODE_KEYS: &[&str] = &[
    "error",
    "error_code",
    "errorcode",
    "code",
    "error_subcode",
    "status_code",
    "type",
    "id",
    "reason",
    "key",
];
/// Keys whose values carry an error's text.
const MESSAGE_KEYS: &[&str] = &[
    "error_description",
    "message",
    "msg",
    "detail",
    "title",
    "description",
    "error_message",
    "errormessage",
    "text",
    "reason_phrase",
    "hint",
];
/// Keys whose values hold more of the above.
const CONTAINER_KEYS: &[&str] = &[
    "error",
    "errors",
    "ui",
    "messages",
    "nodes",
    "details",
    "detail",
    "data",
    "meta",
    "problem",
    "fault",
    "extensions",
];

/// The error fields of a JSON response, redacted: codes when safe, texts as
/// excerpts, statuses as numbers; `None` when it has none.
fn json_errors(v: &Value<'_>, cats: &Catalogs, depth: u32) -> Option<J> {
    if depth > 8 {
        return None;
    }
    match v {
        Value::Arr(items) => {
            let kept: Vec<J> = items
                .iter()
                .take(50)
                .filter_map(|x| json_errors(x, cats, depth + 1))
                .collect();
            (!kept.is_empty()).then_some(J::Array(kept))
        }
        Value::Obj(members) => {
            let mut m = Map::new();
            for (k, x) in members.iter().take(200) {
                let key = k.to_ascii_lowercase().replace('-', "_");
                let shown_key = safe(&Name::redact(k));
                let J::String(shown_key) = shown_key else {
                    continue;
                };
                let kept = match x {
                    Value::Str(s) if CODE_KEYS.contains(&key.as_str()) => {
                        let known = cats.get(s).is_some();
                        Some(match Code::new(s, &[], known) {
                            Some(c) => safe(&c),
                            None => core(&redact::placeholder(s)),
                        })
                    }
                    Value::Str(s) if MESSAGE_KEYS.contains(&key.as_str()) => {
                        Some(safe(&Excerpt::mask(s)))
                    }
                    Value::Num(n)
                        if matches!(key.as_str(), "status" | "status_code" | "statuscode") =>
                    {
                        n.parse::<u16>()
                            .ok()
                            .filter(|s| (100..=599).contains(s))
                            .map(|s| json!(s))
                    }
                    Value::Num(n) if CODE_KEYS.contains(&key.as_str()) => {
                        let known = cats.get(n).is_some();
                        Code::new(n, &[], known).map(|c| safe(&c))
                    }
                    Value::Arr(_) | Value::Obj(_) if CONTAINER_KEYS.contains(&key.as_str()) => {
                        json_errors(x, cats, depth + 1)
                    }
                    // Kratos' and others' messages name their kind.
                    _ => None,
                };
                if let Some(kv) = kept {
                    m.insert(shown_key, kv);
                }
            }
            (!m.is_empty()).then_some(J::Object(m))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_cookie_keeps_attributes_not_values() {
        let l = set_cookie_line(
            "sid=s3cr3tValue123; Domain=.example.org; Path=/; Secure; HttpOnly; SameSite=Lax; \
             Max-Age=60",
        )
        .unwrap_or_default();
        assert_eq!(
            l,
            "sid=<chars:14>; Domain=example.org; Path=/; Max-Age=60; Secure; HttpOnly; SameSite=Lax"
        );
        assert_eq!(set_cookie_line("justavalue; Path=/"), None);
        assert_eq!(
            set_cookie_line("sid=; Expires=Thu, 01 Jan 1970 00:00:00 GMT").unwrap_or_default(),
            "sid=; Expires=Thu, 01 Jan 1970 00:00:00 GMT"
        );
    }

    #[test]
    fn json_errors_keep_codes_and_texts_not_values() {
        let cats = Catalogs::new(&[]);
        let v = json::parse(
            r#"{"error":"invalid_grant","error_description":"Code 861234 expired",
                "access_token":"eyJhbGciOiJIUzI1NiJ9.x.y","user":{"email":"a@b.example"}}"#,
        )
        .unwrap_or(Value::Null);
        let out = json_errors(&v, &cats, 0)
            .map(|j| j.to_string())
            .unwrap_or_default();
        assert!(out.contains("invalid_grant"), "{out}");
        assert!(out.contains("expired"), "{out}");
        assert!(
            !out.contains("861234") && !out.contains("eyJ") && !out.contains("a@b"),
            "{out}"
        );
    }

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
