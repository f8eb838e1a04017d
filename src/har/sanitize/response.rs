//! The response of an entry: status, headers, and its body: an HTML page
//! regenerated from what the core read of it, the error fields of a JSON
//! body, anything else removed.

use serde_json::{json, Map, Value as J};

use super::headers::{content_type, cookie_object, header, mime, resolve};
use super::page::page_markup;
use super::{arr_of, core, http_version, num_of, number, safe, str_of, Sanitized};
use crate::codes::Catalogs;
use crate::har::html;
use crate::json::{self, Value};
use crate::redact;
use crate::report::safe::{Code, Excerpt, Label, Name, SafeUrl};

pub(super) fn response(
    res: Option<&Value<'_>>,
    url: &str,
    cats: &Catalogs,
    st: &mut Sanitized,
) -> J {
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
        (text.len() <= crate::har::BODY_BYTES * 2)
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
pub(super) fn json_errors(v: &Value<'_>, cats: &Catalogs, depth: u32) -> Option<J> {
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
    use crate::json;

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
}
