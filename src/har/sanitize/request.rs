//! The request of an entry: method, redacted URL, query names, post data (its
//! type and field names, never a value).

use serde_json::{json, Map, Value as J};

use super::headers::{header, mime};
use super::{arr_of, core, http_version, num_of, number, safe, str_of};
use crate::json::Value;
use crate::report::safe::{Label, Name, SafeUrl};
use crate::web;

pub(super) fn request(req: Option<&Value<'_>>, url: &str) -> J {
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
