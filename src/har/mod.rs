//! A HAR file (HTTP Archive 1.2, as browsers and proxies export it) read
//! into the same [`Snapshot`] the extension builds, so support staff can
//! diagnose the HAR they already have.
//!
//! Values are dropped where they are read: a Set-Cookie line keeps its name
//! and attributes and the *length* of its value, a Cookie header becomes
//! names, an input's value is never read, and no header is kept but `Date`,
//! `Retry-After` and `Location`. The file is read in one pass over its text
//! with the core's JSON reader: no tree of the whole file is built, response
//! bodies are skipped unless they are HTML documents, and only the newest
//! document of each page keeps its body.
//!
//! The HAR variants people send: Chromium's (full and "sanitized", which
//! has no cookies: then which cookies a request carried is unknown, not
//! "none"), Firefox's, WebKit's, Playwright's and proxy tools' exports.
//! Missing fields, bodies stored as base64, `startedDateTime` with or
//! without fractions and offsets, and errors in `_error` or `_failureText`.

pub mod html;
pub mod sanitize;
mod time;

use html::clip;

use crate::error::InputError;
use crate::json::{FromJson, Path, Reader};
use crate::signals::setcookie;
use crate::snapshot::{limits, Browser, Cookie, Env, Snapshot, TrailEvent};

/// The largest HAR read. 200 MB must work; above this the caller refuses
/// the file before reading it.
pub const HAR_BYTES: usize = 256 * 1024 * 1024;
/// At most this many entries.
pub const ENTRIES: usize = 200_000;
/// A document body kept for the page is cut here (the collector's limit is
/// on text; markup is larger).
const BODY_BYTES: usize = 4 * 1024 * 1024;
/// The recorder keeps this many events per tab; so does a HAR's trail.
const TRAIL_EVENTS: usize = 300;

/// What was read, and which page was diagnosed.
#[derive(Debug)]
pub struct HarRead {
    pub snapshot: Snapshot,
    /// The candidate pages (the last document of each page or tab), oldest
    /// first, and which of them `snapshot` describes.
    pub pages: usize,
    pub picked: usize,
    pub entries: usize,
}

#[derive(Debug, Default)]
struct Entry {
    pageref: Option<String>,
    received_ms: Option<i64>,
    offset_min: Option<i32>,
    method: String,
    url: String,
    cookie_names: Option<Vec<String>>,
    dest: String,
    accept_html: bool,
    status: Option<u16>,
    redirect_url: Option<String>,
    /// Set-Cookie lines without their values, and each value's length.
    set_cookie: Vec<(String, u32)>,
    date: Option<String>,
    retry_after: Option<String>,
    mime: String,
    body: Option<String>,
    resource_type: String,
    error: Option<String>,
}

/// Read a HAR's text. `published` are the environment's published URLs
/// (from the operator, as the extension's options hold them).
pub fn read(text: &str, published: &[String]) -> Result<Vec<Snapshot>, InputError> {
    let es = read_entries(text)?;
    Ok(candidates(&es)
        .into_iter()
        .map(|i| snapshot_at(&es, i, published))
        .collect())
}

/// Read a HAR and pick the page to diagnose: of the candidate pages, the
/// one whose diagnosis names a failure with the most confidence (the newest
/// when they tie), else the newest.
pub fn read_and_pick(
    text: &str,
    published: &[String],
    diagnose: &dyn Fn(&Snapshot) -> Option<f32>,
) -> Result<HarRead, InputError> {
    let es = read_entries(text)?;
    let cands = candidates(&es);
    let Some(&newest) = cands.last() else {
        return Err(InputError::Malformed {
            field: "log.entries".into(),
            message: "no page document in the HAR (record it with the page loaded, \
                      \"Preserve log\" on)"
                .into(),
        });
    };
    // The failing page with the most confidence (the newest on a tie), else
    // the newest page: each candidate's snapshot is built once.
    let mut best: Option<(f32, usize, Snapshot)> = None;
    let mut last = None;
    for (n, &i) in cands.iter().enumerate() {
        let snap = snapshot_at(&es, i, published);
        match diagnose(&snap) {
            Some(conf) if best.as_ref().is_none_or(|(c, _, _)| conf >= *c) => {
                best = Some((conf, n, snap))
            }
            _ if n + 1 == cands.len() => last = Some(snap),
            _ => {}
        }
    }
    let (picked, snapshot) = match best {
        Some((_, n, snap)) => (n, snap),
        None => (
            cands.len() - 1,
            last.unwrap_or_else(|| snapshot_at(&es, newest, published)),
        ),
    };
    Ok(HarRead {
        snapshot,
        pages: cands.len(),
        picked,
        entries: es.list.len(),
    })
}

/// What the entries are, and whether they all come from one tab.
struct Entries {
    list: Vec<Entry>,
    browser: Option<Browser>,
    /// A browser's developer tools export one tab (its page references are
    /// its navigations); automation (Playwright) names a tab per reference.
    one_tab: bool,
}

fn read_entries(text: &str) -> Result<Entries, InputError> {
    if text.len() > HAR_BYTES {
        return Err(InputError::TooLarge {
            field: "har".into(),
            limit: HAR_BYTES,
            unit: "bytes",
        });
    }
    let mut r = Reader::new(text);
    let root = Path::Root;
    let mut entries = Vec::new();
    let mut browser = None;
    let mut creator = None;
    let mut saw_log = false;
    let start = r.object(&root, &mut |r, key, _| {
        if key != "log" {
            return r.skip();
        }
        saw_log = true;
        let at = Path::Field(&root, "log");
        r.object(&at, &mut |r, key, _| match key {
            "entries" => {
                let at = Path::Field(&at, "entries");
                r.array(&at, &mut |r, at| {
                    if entries.len() >= ENTRIES {
                        return Err(InputError::TooLarge {
                            field: "log.entries".into(),
                            limit: ENTRIES,
                            unit: "entries",
                        });
                    }
                    let e = read_entry(r, at)?;
                    // Web requests only, as the recorder keeps them: not the
                    // browser's or an extension's own pages.
                    let web = e.url.get(..8).is_some_and(|p| {
                        p.eq_ignore_ascii_case("https://")
                            || p.get(..7)
                                .is_some_and(|p| p.eq_ignore_ascii_case("http://"))
                    });
                    if web {
                        entries.push(e);
                    }
                    Ok(())
                })
            }
            "browser" => {
                browser = read_browser(r, &Path::Field(&at, "browser"))?;
                Ok(())
            }
            "creator" => {
                creator = read_browser(r, &Path::Field(&at, "creator"))?;
                Ok(())
            }
            _ => r.skip(),
        })?;
        Ok(())
    })?;
    r.end()?;
    if !saw_log {
        return Err(r.missing(start, &root, "log"));
    }
    // Which cookies a request carried is known only when the HAR kept
    // cookies at all (a "sanitized" export drops them everywhere).
    let cookies_kept = entries.iter().any(|e| {
        e.cookie_names.as_ref().is_some_and(|c| !c.is_empty()) || !e.set_cookie.is_empty()
    });
    if !cookies_kept {
        for e in &mut entries {
            e.cookie_names = None;
        }
    }
    // Oldest first; entries without a time keep their place.
    crate::order::sort_by_key(&mut entries, |e| e.received_ms.unwrap_or(i64::MIN));
    let tool = creator
        .as_ref()
        .map(|c| c.name.to_ascii_lowercase())
        .unwrap_or_default();
    let one_tab =
        tool.contains("webinspector") || tool.contains("firefox") || tool.contains("web inspector");
    Ok(Entries {
        list: entries,
        browser: browser.or(creator.filter(|_| one_tab)),
        one_tab,
    })
}

fn read_browser(r: &mut Reader<'_>, at: &Path<'_>) -> Result<Option<Browser>, InputError> {
    let mut name = String::new();
    let mut version = String::new();
    r.object(at, &mut |r, key, _| match key {
        "name" => {
            name = clip(&String::read(r, at)?, 40);
            Ok(())
        }
        "version" => {
            version = clip(&String::read(r, at)?, 40);
            Ok(())
        }
        _ => r.skip(),
    })?;
    Ok((!name.is_empty()).then_some(Browser { name, version }))
}

fn read_entry(r: &mut Reader<'_>, at: &Path<'_>) -> Result<Entry, InputError> {
    let mut e = Entry::default();
    let mut started: Option<(i64, Option<i32>)> = None;
    let mut took_ms = 0.0;
    r.object(at, &mut |r, key, _| match key {
        "pageref" => {
            e.pageref = Option::<String>::read(r, &Path::Field(at, "pageref"))?;
            Ok(())
        }
        "startedDateTime" => {
            let s = String::read(r, &Path::Field(at, "startedDateTime"))?;
            started = time::parse_iso8601(&s);
            Ok(())
        }
        "time" => {
            took_ms = Option::<f64>::read(r, &Path::Field(at, "time"))?.unwrap_or(0.0);
            Ok(())
        }
        "_resourceType" => {
            e.resource_type = Option::<String>::read(r, &Path::Field(at, "_resourceType"))?
                .unwrap_or_default()
                .to_ascii_lowercase();
            Ok(())
        }
        "_error" | "_failureText" => {
            e.error = Option::<String>::read(r, &Path::Field(at, "_error"))?
                .filter(|s| !s.is_empty())
                .map(|s| clip(&s, 60));
            Ok(())
        }
        "request" => read_request(r, &Path::Field(at, "request"), &mut e),
        "response" => read_response(r, &Path::Field(at, "response"), &mut e),
        _ => r.skip(),
    })?;
    if let Some((ms, offset)) = started {
        let took = if took_ms.is_finite() && took_ms > 0.0 {
            took_ms.min(1e9) as i64
        } else {
            0
        };
        e.received_ms = Some(ms.saturating_add(took));
        e.offset_min = offset;
    }
    Ok(e)
}

fn read_request(r: &mut Reader<'_>, at: &Path<'_>, e: &mut Entry) -> Result<(), InputError> {
    let mut from_array: Option<Vec<String>> = None;
    r.object(at, &mut |r, key, _| match key {
        "method" => {
            e.method = clip(&String::read(r, &Path::Field(at, "method"))?, 16);
            Ok(())
        }
        "url" => {
            e.url = clip(
                &String::read(r, &Path::Field(at, "url"))?,
                limits::STRING_BYTES,
            );
            Ok(())
        }
        "headers" => headers(
            r,
            &Path::Field(at, "headers"),
            &mut |name, value| match name {
                "cookie" => {
                    let names = e.cookie_names.get_or_insert_with(Vec::new);
                    names.extend(cookie_header_names(value));
                }
                "sec-fetch-dest" => e.dest = clip(&value.to_ascii_lowercase(), 20),
                "accept" => e.accept_html |= value.contains("text/html"),
                _ => {}
            },
        ),
        "cookies" => {
            let at = Path::Field(at, "cookies");
            let mut names = Vec::new();
            r.array(&at, &mut |r, at| {
                if let Some(n) = cookie_name(r, at)? {
                    names.push(n);
                }
                Ok(())
            })?;
            from_array = Some(names);
            Ok(())
        }
        _ => r.skip(),
    })?;
    // The Cookie header when the HAR kept it, else its cookies list.
    if e.cookie_names.is_none() {
        e.cookie_names = from_array.filter(|n| !n.is_empty());
    }
    if let Some(n) = &mut e.cookie_names {
        n.truncate(limits::LIST_ITEMS);
    }
    Ok(())
}

fn read_response(r: &mut Reader<'_>, at: &Path<'_>, e: &mut Entry) -> Result<(), InputError> {
    let mut from_array: Vec<(String, u32)> = Vec::new();
    let mut location = None;
    r.object(at, &mut |r, key, _| match key {
        "status" => {
            let s = Option::<f64>::read(r, &Path::Field(at, "status"))?.unwrap_or(0.0);
            e.status = (1.0..=999.0).contains(&s).then_some(s as u16);
            Ok(())
        }
        "redirectURL" => {
            let s = Option::<String>::read(r, &Path::Field(at, "redirectURL"))?.unwrap_or_default();
            if !s.is_empty() {
                e.redirect_url = Some(clip(&s, limits::STRING_BYTES));
            }
            Ok(())
        }
        "_error" | "_failureText" => {
            let s = Option::<String>::read(r, &Path::Field(at, "_error"))?.unwrap_or_default();
            if !s.is_empty() {
                e.error = Some(clip(&s, 60));
            }
            Ok(())
        }
        "headers" => headers(
            r,
            &Path::Field(at, "headers"),
            &mut |name, value| match name {
                // Firefox joins several Set-Cookie lines with newlines.
                "set-cookie" => {
                    for line in value.split('\n').filter(|l| !l.trim().is_empty()) {
                        if e.set_cookie.len() < limits::SET_COOKIES_PER_EVENT {
                            if let Some(stripped) = strip_set_cookie(line) {
                                e.set_cookie.push(stripped);
                            }
                        }
                    }
                }
                "date" => e.date = Some(clip(value, 64)),
                "retry-after" => e.retry_after = Some(clip(value, 64)),
                "location" => location = Some(clip(value, limits::STRING_BYTES)),
                _ => {}
            },
        ),
        "cookies" => {
            let at = Path::Field(at, "cookies");
            r.array(&at, &mut |r, at| {
                if let Some(c) = set_cookie_object(r, at)? {
                    if from_array.len() < limits::SET_COOKIES_PER_EVENT {
                        from_array.push(c);
                    }
                }
                Ok(())
            })
        }
        "content" => read_content(r, &Path::Field(at, "content"), e),
        _ => r.skip(),
    })?;
    if e.set_cookie.is_empty() {
        e.set_cookie = from_array;
    }
    if e.redirect_url.is_none() && e.status.is_some_and(|s| (300..400).contains(&s)) {
        e.redirect_url = location;
    }
    Ok(())
}

fn read_content(r: &mut Reader<'_>, at: &Path<'_>, e: &mut Entry) -> Result<(), InputError> {
    let mut text: Option<String> = None;
    let mut base64 = false;
    r.object(at, &mut |r, key, _| match key {
        "mimeType" => {
            e.mime = clip(
                &Option::<String>::read(r, &Path::Field(at, "mimeType"))?
                    .unwrap_or_default()
                    .to_ascii_lowercase(),
                100,
            );
            Ok(())
        }
        "encoding" => {
            base64 = Option::<String>::read(r, &Path::Field(at, "encoding"))?
                .is_some_and(|s| s.eq_ignore_ascii_case("base64"));
            Ok(())
        }
        // A body is kept only while it may be a document's: a script bundle
        // or an image is skipped (its mimeType usually comes first).
        "text" if e.mime.is_empty() || e.mime.contains("html") => {
            let s = r.string(&Path::Field(at, "text"))?;
            if s.len() <= BODY_BYTES * 2 {
                text = Some(s.into_owned());
            }
            Ok(())
        }
        _ => r.skip(),
    })?;
    if e.mime.contains("html") {
        e.body = text.and_then(|t| {
            let t = if base64 {
                String::from_utf8(crate::data::base64_decode(&t)?).ok()?
            } else {
                t
            };
            Some(clip(&t, BODY_BYTES))
        });
    }
    Ok(())
}

/// Each `{name, value}` of a header list, the name in lowercase.
fn headers(
    r: &mut Reader<'_>,
    at: &Path<'_>,
    each: &mut dyn FnMut(&str, &str),
) -> Result<(), InputError> {
    r.array(at, &mut |r, at| {
        let mut name = String::new();
        let mut value = String::new();
        r.object(at, &mut |r, key, _| match key {
            "name" => {
                name = String::read(r, &Path::Field(at, "name"))?.to_ascii_lowercase();
                Ok(())
            }
            "value" => {
                value = Option::<String>::read(r, &Path::Field(at, "value"))?.unwrap_or_default();
                Ok(())
            }
            _ => r.skip(),
        })?;
        each(&name, &value);
        Ok(())
    })
}

/// A request cookie object's name; its value is skipped.
fn cookie_name(r: &mut Reader<'_>, at: &Path<'_>) -> Result<Option<String>, InputError> {
    let mut name = None;
    r.object(at, &mut |r, key, _| match key {
        "name" => {
            name = Option::<String>::read(r, &Path::Field(at, "name"))?
                .filter(|n| !n.is_empty())
                .map(|n| clip(&n, 256));
            Ok(())
        }
        _ => r.skip(),
    })?;
    Ok(name)
}

/// A response cookie object as a Set-Cookie line without its value, and the
/// value's length (the value itself is measured, never kept).
fn set_cookie_object(
    r: &mut Reader<'_>,
    at: &Path<'_>,
) -> Result<Option<(String, u32)>, InputError> {
    let mut name = String::new();
    let mut value_len = 0u32;
    let mut attrs = String::new();
    r.object(at, &mut |r, key, _| {
        let field = Path::Field(at, "cookies");
        match key {
            "name" => name = clip(&String::read(r, &field)?, 256),
            "value" => value_len = Option::<String>::read(r, &field)?.map_or(0, |v| stated_len(&v)),
            "path" | "domain" => {
                if let Some(v) = Option::<String>::read(r, &field)?.filter(|v| !v.is_empty()) {
                    attrs.push_str(&format!(
                        "; {}={}",
                        if key == "path" { "Path" } else { "Domain" },
                        clip(&v, 256)
                    ));
                }
            }
            "expires" => {
                if let Some(v) = Option::<String>::read(r, &field)?
                    .and_then(|v| time::parse_iso8601(&v))
                    .and_then(|(ms, _)| crate::signals::clock::http_date(ms))
                {
                    attrs.push_str(&format!("; Expires={v}"));
                }
            }
            "httpOnly" | "secure" => {
                if Option::<bool>::read(r, &field)?.unwrap_or(false) {
                    attrs.push_str(if key == "secure" {
                        "; Secure"
                    } else {
                        "; HttpOnly"
                    });
                }
            }
            "sameSite" => {
                if let Some(v) = Option::<String>::read(r, &field)?.filter(|v| v.len() <= 8) {
                    attrs.push_str(&format!("; SameSite={v}"));
                }
            }
            _ => r.skip()?,
        }
        Ok(())
    })?;
    Ok((!name.is_empty()).then(|| (format!("{name}={attrs}"), value_len)))
}

/// `sid=abc; Path=/` → (`sid=; Path=/`, 3). A line without `=` before its
/// first `;` is a nameless cookie: its text is a value (RFC 6265bis), and
/// the line is dropped.
fn strip_set_cookie(line: &str) -> Option<(String, u32)> {
    let (pair, attrs) = match line.find(';') {
        Some(i) => (line.get(..i)?, line.get(i..)?),
        None => (line, ""),
    };
    let (name, value) = pair.split_once('=')?;
    let name = name.trim();
    if name.is_empty() {
        return None;
    }
    let len = stated_len(value.trim());
    Some((format!("{}={}", clip(name, 256), clip(attrs, 4096)), len))
}

/// A value's length; a sanitized HAR's `<chars:N>` stands for a value of N
/// characters ([`sanitize`]).
fn stated_len(v: &str) -> u32 {
    let n = v
        .strip_prefix("<chars:")
        .and_then(|r| r.strip_suffix('>'))
        .and_then(|n| n.parse::<u32>().ok())
        .filter(|_| crate::redact::is_mask(v));
    n.unwrap_or_else(|| u32::try_from(v.len()).unwrap_or(u32::MAX))
}

/// `a=1; b=2; VALUE` → [a, b]: a part without `=` is a value, dropped.
fn cookie_header_names(header: &str) -> impl Iterator<Item = String> + '_ {
    header.split(';').filter_map(|p| {
        let (n, _) = p.split_once('=')?;
        let n = n.trim();
        (!n.is_empty()).then(|| clip(n, 256))
    })
}

/// The trail's request types, as the recorder names them; `None`: a
/// subresource (script, image …) the recorder does not record.
fn kind(e: &Entry) -> Option<&'static str> {
    match e.resource_type.as_str() {
        "document" => {
            return Some(if e.dest == "iframe" || e.dest == "frame" {
                "sub_frame"
            } else {
                "main_frame"
            })
        }
        "xhr" | "fetch" => return Some("xmlhttprequest"),
        "" => {}
        _ => return None,
    }
    match e.dest.as_str() {
        "document" => return Some("main_frame"),
        "iframe" | "frame" => return Some("sub_frame"),
        "empty" => return Some("xmlhttprequest"),
        "" => {}
        _ => return None,
    }
    // No hints (older or proxy exports): documents by what they are.
    if e.mime.contains("html") || (e.accept_html && e.mime.is_empty()) {
        Some("main_frame")
    } else if e.mime.contains("json") {
        Some("xmlhttprequest")
    } else {
        None
    }
}

/// Candidate pages: per tab, the page on screen at the end of the
/// recording: its newest main-frame document that is not a redirect (a
/// browser error page counts: it has no body, and the trail says why).
fn candidates(es: &Entries) -> Vec<usize> {
    let mut last: Vec<(Option<&str>, usize)> = Vec::new();
    for (i, e) in es.list.iter().enumerate() {
        let redirect = e.error.is_none() && e.status.is_some_and(|s| (300..400).contains(&s));
        if kind(e) != Some("main_frame") || redirect {
            continue;
        }
        let page = if es.one_tab {
            None
        } else {
            e.pageref.as_deref()
        };
        match last.iter_mut().find(|(p, _)| *p == page) {
            Some(slot) => slot.1 = i,
            None => last.push((page, i)),
        }
    }
    let mut out: Vec<usize> = last.into_iter().map(|(_, i)| i).collect();
    out.sort_unstable();
    out
}

/// The snapshot of the page at `entries[at]`: its document, its tab's
/// trail, and the cookie jar that trail leaves behind.
fn snapshot_at(es: &Entries, at: usize, published: &[String]) -> Snapshot {
    let entries = &es.list;
    let Some(doc) = entries.get(at) else {
        return Snapshot::default();
    };
    // The tab's entries, to the end of the recording: the page is the
    // tab's last, and what it asked after loading (XHR) is part of its
    // story. Entries without a page reference belong to every tab.
    let same_tab = |e: &Entry| es.one_tab || e.pageref.is_none() || e.pageref == doc.pageref;
    let upto: Vec<&Entry> = entries.iter().filter(|e| same_tab(e)).collect();
    let mut trail: Vec<TrailEvent> = upto
        .iter()
        .filter_map(|e| {
            let k = kind(e)?;
            Some(TrailEvent {
                url: e.url.clone(),
                method: if e.method.is_empty() {
                    "GET".into()
                } else {
                    e.method.clone()
                },
                kind: k.into(),
                status: e.status,
                redirect_url: e.redirect_url.clone(),
                set_cookie: e.set_cookie.iter().map(|(l, _)| l.clone()).collect(),
                request_cookie_names: e.cookie_names.clone(),
                date: e.date.clone(),
                retry_after: e.retry_after.clone(),
                received_ms: e.received_ms,
                top_origin: None,
                in_frame: k == "sub_frame",
                error: e.error.clone(),
            })
        })
        .collect();
    let skip = trail.len().saturating_sub(TRAIL_EVENTS);
    trail.drain(..skip);
    let mut page = doc.body.as_deref().map(html::read_page).unwrap_or_default();
    page.status = doc.status;
    let now_ms = upto.iter().filter_map(|e| e.received_ms).max();
    Snapshot {
        schema_version: Some(crate::SCHEMA_VERSION),
        url: doc.url.clone(),
        page,
        cookies: jar(&upto, now_ms),
        trail,
        env: Env {
            published_urls: published.to_vec(),
            now_ms,
            tz_offset_min: doc.offset_min,
            browser: es.browser.clone(),
            third_party_cookies_blocked: None,
            ui_lang: None,
            host_access: None,
        },
    }
}

/// The cookie jar a trail leaves: the newest accepted Set-Cookie per name,
/// domain and path, less the deleted and expired ones. (A HAR has no jar;
/// cookies set before it started are known by name only, from the requests,
/// and are not in it.)
fn jar(entries: &[&Entry], now_ms: Option<i64>) -> Vec<Cookie> {
    let mut jar: Vec<Cookie> = Vec::new();
    for e in entries {
        let Ok(u) = url::Url::parse(&e.url) else {
            continue;
        };
        let (Some(host), scheme) = (u.host_str(), u.scheme()) else {
            continue;
        };
        for (line, value_len) in &e.set_cookie {
            let Some(c) = setcookie::parse(line) else {
                continue;
            };
            if setcookie::rejection(&c, scheme, host, &[]).is_some() {
                continue;
            }
            let domain = c
                .domain
                .as_deref()
                .map(|d| d.trim_start_matches('.').to_ascii_lowercase());
            let cookie = Cookie {
                name: c.name.clone(),
                host_only: domain.is_none(),
                domain: domain.unwrap_or_else(|| host.to_ascii_lowercase()),
                path: c
                    .path
                    .clone()
                    .filter(|p| p.starts_with('/'))
                    .unwrap_or_else(|| default_path(u.path())),
                secure: c.secure,
                http_only: c.http_only,
                same_site: c.same_site,
                partitioned: c.partitioned,
                session: c.max_age_s.is_none() && c.expires_ms.is_none(),
                expires_ms: match (c.max_age_s, e.received_ms) {
                    (Some(age), Some(t)) => Some(t.saturating_add(age.saturating_mul(1000))),
                    _ => c.expires_ms,
                },
                value_len: *value_len,
            };
            jar.retain(|k| {
                !(k.name == cookie.name && k.domain == cookie.domain && k.path == cookie.path)
            });
            let gone = *value_len == 0
                || cookie
                    .expires_ms
                    .zip(now_ms.or(e.received_ms))
                    .is_some_and(|(exp, now)| exp <= now);
            if !gone && jar.len() < limits::COOKIES {
                jar.push(cookie);
            }
        }
    }
    jar
}

/// RFC 6265 §5.1.4: the directory of the request path.
fn default_path(path: &str) -> String {
    match path.rfind('/') {
        Some(0) | None => "/".into(),
        Some(i) => path.get(..i).unwrap_or("/").to_owned(),
    }
}

#[cfg(test)]
mod tests;
