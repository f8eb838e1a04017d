//! Headers: names from a closed list, the values of the few headers that
//! carry evidence (each by its own rule), Set-Cookie lines and cookie
//! objects with their attributes and never a value.

use serde_json::{json, Map, Value as J};

use super::iso;
use super::{closed, core, safe, str_of, NonEmpty};
use crate::json::Value;
use crate::report::safe::{Host, Label, Name, SafePath, SafeUrl};
use crate::signals::{self, setcookie};
use crate::web;

/// MIME types kept as they are; others by family.
pub(super) fn mime(raw: &str) -> &'static str {
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
pub(super) fn content_type(raw: &str) -> String {
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

pub(super) fn header(h: &Value<'_>, base_url: &str, response: bool) -> Option<J> {
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
            match signals::clock::http_date_ms(value).and_then(signals::clock::http_date) {
                Some(d) => core(&d),
                None => dropped(),
            }
        }
        "retry-after" => {
            let v = value.trim();
            if let Some(s) = v.parse::<u32>().ok().filter(|s| *s <= 86_400) {
                core(&s.to_string())
            } else {
                match signals::clock::http_date_ms(v).and_then(signals::clock::http_date) {
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

pub(super) fn resolve(base: &str, value: &str) -> Option<String> {
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

/// A Set-Cookie line with its attributes, redacted, and `<chars:N>` for its
/// value (the reader takes N as the value's length; an empty value, a
/// deletion, stays empty). A nameless line (its text is a value) is dropped.
pub(super) fn set_cookie_line(line: &str) -> Option<String> {
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
    if let Some(t) = c.expires_ms.and_then(signals::clock::http_date) {
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
pub(super) fn cookie_object(c: &Value<'_>) -> Option<J> {
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
}
