//! Redaction of the snapshot and the trail into a report: every field is
//! made by a constructor of [`super::safe`].

use super::safe::{Code, CoreText, Excerpt, Host, Label, Name, SafePath, SafeUrl};
use super::*;
use crate::codes;
use crate::diagnosis::{CodeSource, Diagnosis, Rule};
use crate::redact;
use crate::signals::{self, setcookie};
use crate::snapshot::{self, Snapshot};
use crate::web;

/// How much a trail event matters to a reader of the report.
fn trail_relevance(e: &snapshot::TrailEvent) -> u32 {
    let mut r = 0;
    if e.kind == "main_frame" {
        r += 2;
    }
    if e.redirect_url.is_some() {
        r += 3;
    }
    if !e.set_cookie.is_empty() {
        r += 3;
    }
    if e.error.is_some() || e.status.is_some_and(|s| s >= 400) {
        r += 4;
    }
    if e.in_frame {
        r += 1;
    }
    if codes::nav_errors(e, |u| u.error.is_some() || u.error_code.is_some()).is_some() {
        r += 4;
    }
    r
}

/// Redact one trail event for storage (the recorder calls this before an
/// event is kept anywhere): the same allow-list as the report.
///
/// A Set-Cookie Domain is kept when it domain-matches the event's own hosts
/// (request, redirect, top frame); any other becomes `<host:N>`
/// ([`redact::cookie_domain`]).
pub fn redact_trail_event(e: &snapshot::TrailEvent) -> snapshot::TrailEvent {
    let hosts: Vec<String> = std::iter::once(e.url.as_str())
        .chain(e.redirect_url.as_deref())
        .chain(e.top_origin.as_deref())
        .filter_map(|u| crate::web::Origin::parse(u).map(|o| o.host))
        .collect();
    let known: Vec<&str> = hosts.iter().map(String::as_str).collect();
    redact_event(e, &known).to_trail_event()
}

/// One trail event, allow-listed; `known`: the hosts a Set-Cookie Domain
/// may be named against.
fn redact_event(e: &snapshot::TrailEvent, known: &[&str]) -> REvent {
    REvent {
        url: SafeUrl::redact(&e.url),
        method: Label::method(&e.method),
        kind: Label::kind(&e.kind),
        status: e.status,
        redirect_url: e.redirect_url.as_deref().map(SafeUrl::redact),
        set_cookie: e
            .set_cookie
            .iter()
            .filter_map(|l| setcookie::parse(l))
            .map(|c| RSetCookie {
                name: Name::redact(&c.name),
                domain: c.domain.as_deref().map(|d| Host::cookie_domain(d, known)),
                path: c.path.as_deref().map(SafePath::redact),
                secure: c.secure,
                http_only: c.http_only,
                same_site: c.same_site,
                partitioned: c.partitioned,
                max_age_s: c.max_age_s,
                expires_ms: c.expires_ms,
            })
            .collect(),
        request_cookie_names: e
            .request_cookie_names
            .as_ref()
            .map(|v| v.iter().take(50).map(|n| Name::redact(n)).collect()),
        date_ms: e.date.as_deref().and_then(signals::clock::http_date_ms),
        // Seconds, up to a day: anything else is not a cooldown.
        retry_after_s: e
            .retry_after
            .as_deref()
            .and_then(|v| v.trim().parse().ok())
            .filter(|s| *s <= 86_400),
        received_ms: e.received_ms,
        top_origin: e
            .top_origin
            .as_deref()
            .and_then(web::Origin::parse)
            .map(|o| SafeUrl::redact(&format!("{}://{}:{}/", o.scheme, o.host, o.port))),
        in_frame: e.in_frame,
        error: e.error.as_deref().map(Label::net_error),
    }
}

/// Build the redacted snapshot: allow-listed fields only. The parts are
/// masked in this order (messages, codes, cookies, trail, URLs), which the
/// numbered placeholders of a report follow.
pub fn redact_snapshot(snap: &Snapshot, d: &Diagnosis) -> RedactedSnapshot {
    let messages = page_messages(snap, d);
    let codes = page_codes(snap, d);
    let kept_cookies = kept_cookies(snap, d);
    let trail = redacted_trail(snap, &trail_indices(snap));
    let otp_input = d
        .evidence
        .iter()
        .any(|e| e.rule == Rule::FormOneTimeCodeInput);
    let resend = snap
        .page
        .resend
        .iter()
        .find(|r| r.countdown_s.is_some() || r.disabled);
    RedactedSnapshot {
        url: SafeUrl::redact(&snap.url),
        page: RPage {
            status: snap.page.status,
            messages,
            codes,
            otp_input,
            resend_countdown_s: resend.and_then(|r| {
                r.countdown_s
                    .or_else(|| signals::page::clock_countdown(&r.text))
            }),
            resend_disabled: resend.is_some_and(|r| r.disabled),
        },
        omitted: Omitted {
            cookies: snap.cookies.len() - kept_cookies.len(),
            trail: snap.trail.len() - trail.len(),
        },
        cookies: kept_cookies,
        trail,
        env: redacted_env(snap),
    }
}

/// The diagnosis's excerpt and the page's alerts, masked, each once.
fn page_messages(snap: &Snapshot, d: &Diagnosis) -> Vec<Excerpt> {
    let mut messages: Vec<Excerpt> = Vec::new();
    if let Some(e) = &d.excerpt {
        // Already masked by the classifier; masking again is harmless.
        messages.push(Excerpt::mask(e));
    }
    for a in snap.page.alerts.iter().filter(|a| !a.trim().is_empty()) {
        if messages.len() >= MAX_MESSAGES {
            break;
        }
        let m = Excerpt::mask(a);
        if !messages.contains(&m) {
            messages.push(m);
        }
    }
    messages
}

/// Codes the page shows; a code from the trail comes back from the trail.
fn page_codes(snap: &Snapshot, d: &Diagnosis) -> Vec<RCode> {
    d.safe_codes
        .iter()
        .filter(|c| {
            !matches!(
                c.source,
                CodeSource::TrailUrl | CodeSource::HttpStatus | CodeSource::NetError
            )
        })
        .filter_map(|c| {
            Code::new(&c.code, &snap.page.included_codes, c.catalog.is_some()).map(|code| RCode {
                source: c.source,
                included: c.catalog.is_none()
                    && !codes::is_safe_code(&c.code)
                    && snap.page.included_codes.contains(&c.code),
                code,
            })
        })
        .take(5)
        .collect()
}

/// The auth cookies and the cookies the evidence is about (its subjects),
/// those first, by name and attributes.
fn kept_cookies(snap: &Snapshot, d: &Diagnosis) -> Vec<RCookie> {
    let in_evidence =
        |c: &snapshot::Cookie| d.evidence.iter().any(|e| e.subject.names_cookie(&c.name));
    let mut cookies: Vec<&snapshot::Cookie> = snap.cookies.iter().collect();
    crate::order::sort_by_key(&mut cookies, |c| {
        let in_evidence = in_evidence(c);
        (
            !(in_evidence || signals::is_auth_cookie(&c.name)),
            !in_evidence,
        )
    });
    cookies
        .iter()
        .filter(|c| signals::is_auth_cookie(&c.name) || in_evidence(c))
        .take(MAX_COOKIES)
        .map(|c| RCookie {
            name: Name::redact(&c.name),
            domain: Host::redact(&c.domain),
            host_only: c.host_only,
            path: SafePath::redact(&c.path),
            secure: c.secure,
            http_only: c.http_only,
            same_site: c.same_site,
            partitioned: c.partitioned,
            session: c.session,
            expires_ms: c.expires_ms,
            value_len: c.value_len,
        })
        .collect()
}

/// Which trail events to keep: the most relevant recent ones, plus one
/// dated response per host so the clock findings can be retriaged; in
/// their original order.
fn trail_indices(snap: &Snapshot) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..snap.trail.len())
        .filter(|i| snap.trail.get(*i).is_some_and(|e| trail_relevance(e) > 0))
        .collect();
    crate::order::sort_by_key(&mut idx, |i| {
        std::cmp::Reverse((snap.trail.get(*i).map(trail_relevance).unwrap_or(0), *i))
    });
    idx.truncate(MAX_TRAIL);
    let mut hosts_seen: Vec<&str> = idx
        .iter()
        .filter_map(|i| snap.trail.get(*i))
        .filter(|e| e.date.is_some())
        .filter_map(|e| web::Origin::quick_host(&e.url))
        .collect();
    for (i, e) in snap.trail.iter().enumerate().rev() {
        if idx.len() >= MAX_TRAIL + 5 {
            break;
        }
        if let (Some(h), Some(_)) = (web::Origin::quick_host(&e.url), &e.date) {
            if !hosts_seen.contains(&h) {
                hosts_seen.push(h);
                idx.push(i);
            }
        }
    }
    crate::order::sort(&mut idx);
    idx
}

/// The kept events, redacted against the hosts the trail knows.
fn redacted_trail(snap: &Snapshot, idx: &[usize]) -> Vec<REvent> {
    let published: Vec<crate::web::Origin> = snap
        .env
        .published_urls
        .iter()
        .filter_map(|u| crate::web::Origin::parse(u))
        .collect();
    let hosts = signals::trail::known_hosts(snap, &published);
    let known: Vec<&str> = hosts.iter().map(String::as_str).collect();
    idx.iter()
        .filter_map(|i| snap.trail.get(*i))
        .map(|e| redact_event(e, &known))
        .collect()
}

/// The environment: published URLs redacted, the rest as it is.
fn redacted_env(snap: &Snapshot) -> REnv {
    REnv {
        published_urls: snap
            .env
            .published_urls
            .iter()
            .take(10)
            .map(|u| SafeUrl::redact(u))
            .collect(),
        now_ms: snap.env.now_ms,
        tz_offset_min: snap.env.tz_offset_min,
        third_party_cookies_blocked: snap.env.third_party_cookies_blocked,
        host_access: snap.env.host_access,
    }
}

impl RedactedSnapshot {
    /// Back to a snapshot the classifier reads (for `retriage`).
    pub fn to_snapshot(&self) -> Snapshot {
        let text = self
            .page
            .messages
            .iter()
            .map(Excerpt::as_str)
            .collect::<Vec<_>>()
            .join("\n");
        Snapshot {
            schema_version: Some(crate::SCHEMA_VERSION),
            url: self.url.as_str().to_owned(),
            page: snapshot::Page {
                status: self.page.status,
                text,
                alerts: self
                    .page
                    .messages
                    .iter()
                    .map(|m| m.as_str().to_owned())
                    .collect(),
                forms: if self.page.otp_input {
                    vec![snapshot::Form {
                        inputs: vec![snapshot::Input {
                            name: "otp".into(),
                            autocomplete: "one-time-code".into(),
                            ..Default::default()
                        }],
                        ..Default::default()
                    }]
                } else {
                    vec![]
                },
                resend: self
                    .page
                    .resend_countdown_s
                    .map(|s| snapshot::ResendControl {
                        text: String::new(),
                        disabled: self.page.resend_disabled,
                        countdown_s: Some(s),
                    })
                    .into_iter()
                    .collect(),
                // Codes return as markup, whatever their first source: the
                // excerpts may have masked the digits of a code shown in text.
                codes: self
                    .page
                    .codes
                    .iter()
                    .map(|c| snapshot::MarkupCode {
                        source: "data-error-code".into(),
                        value: c.code.as_str().to_owned(),
                    })
                    .collect(),
                included_codes: self
                    .page
                    .codes
                    .iter()
                    .filter(|c| c.included)
                    .map(|c| c.code.as_str().to_owned())
                    .collect(),
                ..Default::default()
            },
            cookies: self
                .cookies
                .iter()
                .map(|c| snapshot::Cookie {
                    name: c.name.as_str().to_owned(),
                    domain: c.domain.as_str().to_owned(),
                    host_only: c.host_only,
                    path: c.path.as_str().to_owned(),
                    secure: c.secure,
                    http_only: c.http_only,
                    same_site: c.same_site,
                    partitioned: c.partitioned,
                    session: c.session,
                    expires_ms: c.expires_ms,
                    value_len: c.value_len,
                })
                .collect(),
            trail: self.trail.iter().map(REvent::to_trail_event).collect(),
            env: snapshot::Env {
                published_urls: self
                    .env
                    .published_urls
                    .iter()
                    .map(|u| u.as_str().to_owned())
                    .collect(),
                now_ms: self.env.now_ms,
                tz_offset_min: self.env.tz_offset_min,
                browser: None,
                third_party_cookies_blocked: self.env.third_party_cookies_blocked,
                ui_lang: None,
                host_access: self.env.host_access,
            },
        }
    }
}

impl REvent {
    /// Back to the snapshot's event type (values were never kept).
    pub fn to_trail_event(&self) -> snapshot::TrailEvent {
        snapshot::TrailEvent {
            url: self.url.as_str().to_owned(),
            method: self.method.as_str().to_owned(),
            kind: self.kind.as_str().to_owned(),
            status: self.status,
            redirect_url: self.redirect_url.as_ref().map(|u| u.as_str().to_owned()),
            set_cookie: self.set_cookie.iter().map(set_cookie_line).collect(),
            request_cookie_names: self
                .request_cookie_names
                .as_ref()
                .map(|v| v.iter().map(|n| n.as_str().to_owned()).collect()),
            date: self.date_ms.and_then(signals::clock::http_date),
            retry_after: self.retry_after_s.map(|s| s.to_string()),
            received_ms: self.received_ms,
            top_origin: self.top_origin.as_ref().map(|u| u.as_str().to_owned()),
            in_frame: self.in_frame,
            error: self.error.as_ref().map(|l| l.as_str().to_owned()),
        }
    }
}

fn set_cookie_line(c: &RSetCookie) -> String {
    let mut s = format!("{}=", c.name.as_str());
    if let Some(d) = &c.domain {
        s.push_str(&format!("; Domain={}", d.as_str()));
    }
    if let Some(p) = &c.path {
        s.push_str(&format!("; Path={}", p.as_str()));
    }
    s.push_str(&crate::snapshot::cookie_flags(
        c.secure,
        c.http_only,
        c.same_site,
        c.partitioned,
    ));
    if let Some(m) = c.max_age_s {
        s.push_str(&format!("; Max-Age={m}"));
    }
    if let Some(date) = c.expires_ms.and_then(signals::clock::http_date) {
        s.push_str(&format!("; Expires={date}"));
    }
    s
}

/// ISO 8601 UTC from Unix milliseconds (civil-from-days, Howard Hinnant).
pub fn iso_utc(ms: i64) -> String {
    let secs = ms.div_euclid(1000);
    let days = secs.div_euclid(86_400);
    let sod = secs.rem_euclid(86_400);
    let (y, m, d) = signals::clock::civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        sod / 3600,
        (sod / 60) % 60,
        sod % 60
    )
}

/// Canonical JSON of a report without its digest: keys sorted, compact.
/// (Empty if the report did not serialise, which it cannot: its map keys are
/// all strings and no field's `Serialize` reports an error.)
fn canonical(report: &Report) -> String {
    // Through text, exactly as a reader will see it: f32 fields print short
    // ("0.99"). The error is dropped unread: formatting serde_json's errors
    // would cost the WASM module their messages (about 1.5 KB).
    let text = serde_json::to_string(report).unwrap_or_default();
    crate::json::parse(&text)
        .map(|value| crate::json::canonical(&value, "digest"))
        .unwrap_or_default()
}

pub(super) use super::sha256::sha256_hex;

/// The diagnosis as a report holds it: its strings are composed by the
/// core from allow-listed pieces; the ones that carry page data pass the
/// allow-list once more here (excerpt, codes, clock hosts).
pub(super) fn safe_diagnosis(d: &Diagnosis, included: &[String]) -> Diagnosis {
    let mut d = d.clone();
    d.excerpt = d.excerpt.map(|e| redact::excerpt(&e, 200));
    d.safe_codes.retain(|c| match c.source {
        // "HTTP 429" of a bare status page; the browser's network error.
        CodeSource::HttpStatus => c
            .code
            .strip_prefix("HTTP ")
            .is_some_and(|n| n.len() == 3 && n.bytes().all(|b| b.is_ascii_digit())),
        CodeSource::NetError => codes::is_net_error_name(&c.code),
        _ => Code::new(&c.code, included, c.catalog.is_some()).is_some(),
    });
    if d.safe_code
        .as_ref()
        .is_some_and(|c| !d.safe_codes.iter().any(|s| &s.code == c))
    {
        d.safe_code = d.safe_codes.first().map(|c| c.code.clone());
    }
    for c in &mut d.clock {
        c.host = redact::host(&c.host);
    }
    d
}

/// The page's language as the core finds it, and the user's UI language,
/// each from the languages of the core's data (lexicons, message files).
fn languages(snap: &Snapshot) -> Languages {
    let mut known: Vec<String> = crate::text::lexicon().langs().to_vec();
    for (_, text) in crate::data::folder("messages") {
        if let Some(crate::json::Value::Str(l)) = crate::json::parse(text)
            .ok()
            .as_ref()
            .and_then(|v| v.get("lang"))
        {
            known.push(l.to_string());
        }
    }
    let page = crate::text::page_language(snap.page.lang.as_deref(), &snap.page.text);
    Languages {
        page: Label::language(&page, &known),
        user: snap
            .env
            .ui_lang
            .as_deref()
            .map(|u| Label::language(u, &known)),
    }
}

/// Build the report of a snapshot and its diagnosis. `catalog_versions`
/// names the catalogs the diagnosis used.
///
/// Placeholders are numbered within the report ([`redact::numbered`]); to
/// number the diagnosis' placeholders the same way, classify inside the
/// same scope ([`triage`]).
pub fn build(snap: &Snapshot, d: &Diagnosis, catalog_versions: &[String]) -> Report {
    redact::numbered(|| build_numbered(snap, d, catalog_versions))
}

/// Classify a snapshot and build its report, with one numbering of the
/// placeholders for both (the same secret is `<token-1:9>` in the
/// diagnosis' excerpt and in the report's page URL).
pub fn triage(snap: &Snapshot, cats: &crate::Catalogs) -> (Diagnosis, Report) {
    let (d, _, r) = triage_said(snap, cats);
    (d, r)
}

/// [`triage`], with the diagnosis also said as messages
/// ([`crate::classify_said`]), in the same numbering.
pub fn triage_said(
    snap: &Snapshot,
    cats: &crate::Catalogs,
) -> (Diagnosis, crate::say::Said, Report) {
    redact::numbered(|| {
        let (d, said) = crate::classify_said(snap, cats);
        let r = build_numbered(snap, &d, &cats.versions);
        (d, said, r)
    })
}

fn build_numbered(snap: &Snapshot, d: &Diagnosis, catalog_versions: &[String]) -> Report {
    let rs = redact_snapshot(snap, d);
    let mut r = Report {
        report_version: REPORT_VERSION,
        id: CoreText::core(String::new()),
        created: Created {
            utc: CoreText::core(
                snap.env
                    .now_ms
                    .map(iso_utc)
                    .unwrap_or_else(|| "unknown".into()),
            ),
            local_offset_min: snap.env.tz_offset_min,
        },
        versions: Versions {
            core: CoreText::core(crate::CORE_VERSION.to_owned()),
            report_schema: REPORT_VERSION,
            // `name@version` of the shipped and operator catalogs (operator
            // configuration, not page data), in catalog-name characters.
            catalogs: catalog_versions
                .iter()
                .map(|v| {
                    CoreText::core(
                        v.chars()
                            .filter(|c| c.is_ascii_alphanumeric() || "._-@+".contains(*c))
                            .take(80)
                            .collect(),
                    )
                })
                .collect(),
        },
        browser: snap.env.browser.as_ref().map(|b| BrowserLabel {
            name: Label::browser(&b.name),
            version: Label::version(&b.version),
        }),
        languages: Some(languages(snap)),
        published_url: rs.env.published_urls.first().cloned(),
        page_url: rs.url.clone(),
        diagnosis: safe_diagnosis(d, &snap.page.included_codes),
        snapshot: rs,
        digest: Digest {
            alg: CoreText::core("sha256".into()),
            value: CoreText::core(String::new()),
        },
    };
    // The id names the content; the digest then covers the id too.
    let body = canonical(&r);
    r.id = CoreText::core(format!("atr-{}", sha256_hex(&body).get(..16).unwrap_or("")));
    r.digest.value = CoreText::core(sha256_hex(&canonical(&r)));
    r
}
