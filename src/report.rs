//! The evidence report: redacted by construction.
//!
//! A report is built from a snapshot and its diagnosis. Its types hold only
//! allow-listed data, and every string field is a newtype whose only
//! constructor applies the allow-list:
//!
//! - [`SafeUrl`]: scheme, host, port, word-like path segments, parameter
//!   *names*; only `error`, `error_code`, `error_description`, `error_uri`
//!   and locale parameters keep a (masked) value ([`crate::redact::url`]);
//! - [`Excerpt`]: at most 200 characters of an error message, with e-mails,
//!   phone numbers, digit runs and token-like words replaced;
//! - [`Name`]: a cookie or input name, replaced when it looks like a token;
//! - [`Code`]: a safe product code that passes [`crate::codes::is_code_like`];
//! - [`Label`]: a short word from a closed vocabulary (method, request type,
//!   browser name), replaced when it is anything else.
//!
//! There is no field for a cookie value, an input value, a header value or
//! the page text, so none can reach a report. The Date headers survive as the
//! number of milliseconds they encode, re-formatted.
//!
//! The SHA-256 digest over the canonical JSON detects accidents (a report cut
//! short or edited in a ticket system), not forgery: anyone can recompute it.

#[cfg(feature = "serde-reference")]
use serde::Deserialize;
use serde::Serialize;
use sha2::{Digest as _, Sha256};

use crate::codes;
use crate::diagnosis::{Diagnosis, Verdict};
use crate::error::InputError;
use crate::redact;
use crate::signals::{self, setcookie};
use crate::snapshot::{self, SameSite, Snapshot};

pub const REPORT_VERSION: u32 = 1;
/// Rows kept in the report's tables.
pub const MAX_COOKIES: usize = 20;
pub const MAX_TRAIL: usize = 10;
pub const MAX_MESSAGES: usize = 3;

macro_rules! newtype {
    ($(#[$m:meta])* $name:ident) => {
        $(#[$m])*
        #[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "serde-reference", derive(Deserialize))]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl crate::json::FromJson for $name {
            fn read(
                r: &mut crate::json::Reader<'_>,
                at: &crate::json::Path<'_>,
            ) -> Result<Self, InputError> {
                String::read(r, at).map($name)
            }
        }
    };
}

newtype!(
    /// A URL after [`redact::url`].
    SafeUrl
);
newtype!(
    /// A masked excerpt of page text.
    Excerpt
);
newtype!(
    /// A cookie or input name; token-like names are replaced.
    Name
);
newtype!(
    /// A safe product code.
    Code
);
newtype!(
    /// A short word from a closed vocabulary.
    Label
);
newtype!(
    /// A host name after [`redact::host`].
    Host
);
newtype!(
    /// A URL path after [`redact::path`].
    SafePath
);

impl SafeUrl {
    pub fn redact(raw: &str) -> SafeUrl {
        SafeUrl(redact::url(raw))
    }
}
impl Excerpt {
    pub fn mask(raw: &str) -> Excerpt {
        Excerpt(redact::excerpt(raw, 200))
    }
}
impl Name {
    pub fn redact(raw: &str) -> Name {
        Name(redact::name(raw))
    }
}
impl Code {
    pub fn new(raw: &str) -> Option<Code> {
        codes::is_code_like(raw).then(|| Code(raw.to_owned()))
    }
}
impl Host {
    pub fn redact(raw: &str) -> Host {
        Host(redact::host(raw.trim_start_matches('.')))
    }
}
impl SafePath {
    pub fn redact(raw: &str) -> SafePath {
        SafePath(redact::path(raw))
    }
}
impl Label {
    /// Keep `raw` only when it is a short word (letters, digits, `._:-/ `)
    /// that does not look like a token; otherwise `other`.
    pub fn new(raw: &str) -> Label {
        let ok = !raw.is_empty()
            && raw.chars().count() <= 40
            && raw
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || " ._:-/".contains(c))
            && !raw.split([' ', '/', ':', '.', '-', '_']).any(|w| {
                redact::is_token_like(w) || w.bytes().filter(u8::is_ascii_digit).count() >= 4
            });
        Label(if ok {
            raw.to_owned()
        } else {
            "other".to_owned()
        })
    }

    /// A version number: dot-separated components of at most four digits
    /// (`156.0.8078.73`), so an OTP-like run cannot pass as a version.
    pub fn version(raw: &str) -> Label {
        let ok = !raw.is_empty()
            && raw.len() <= 24
            && raw
                .split('.')
                .all(|c| (1..=4).contains(&c.len()) && c.bytes().all(|b| b.is_ascii_digit()));
        Label(if ok {
            raw.to_owned()
        } else {
            "other".to_owned()
        })
    }
}

/// The report.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "serde-reference", derive(Deserialize))]
#[serde(deny_unknown_fields)]
pub struct Report {
    pub report_version: u32,
    /// `atr-` and 16 hex digits of the SHA-256 of the report's content.
    pub id: String,
    pub created: Created,
    pub versions: Versions,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub browser: Option<BrowserLabel>,
    /// The exact published URL of the environment, when configured.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published_url: Option<SafeUrl>,
    pub page_url: SafeUrl,
    pub diagnosis: Diagnosis,
    /// The redacted snapshot: the tables of the report, and what `retriage` reads.
    pub snapshot: RedactedSnapshot,
    pub digest: Digest,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "serde-reference", derive(Deserialize))]
#[serde(deny_unknown_fields)]
pub struct Created {
    /// ISO 8601 UTC, from the snapshot's capture clock.
    pub utc: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub local_offset_min: Option<i32>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "serde-reference", derive(Deserialize))]
#[serde(deny_unknown_fields)]
pub struct Versions {
    pub core: String,
    pub report_schema: u32,
    pub catalogs: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "serde-reference", derive(Deserialize))]
#[serde(deny_unknown_fields)]
pub struct BrowserLabel {
    pub name: Label,
    pub version: Label,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "serde-reference", derive(Deserialize))]
#[serde(deny_unknown_fields)]
pub struct Digest {
    pub alg: String,
    pub value: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "serde-reference", derive(Deserialize))]
#[serde(deny_unknown_fields)]
pub struct RedactedSnapshot {
    pub url: SafeUrl,
    pub page: RPage,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cookies: Vec<RCookie>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub trail: Vec<REvent>,
    pub env: REnv,
    /// Rows left out of the tables (the diagnosis saw them all).
    pub omitted: Omitted,
}

#[derive(Debug, Clone, PartialEq, Serialize, Default)]
#[cfg_attr(feature = "serde-reference", derive(Deserialize))]
#[serde(deny_unknown_fields)]
pub struct Omitted {
    pub cookies: usize,
    pub trail: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "serde-reference", derive(Deserialize))]
#[serde(deny_unknown_fields)]
pub struct RPage {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    /// Masked excerpts of the error messages (never the page).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub messages: Vec<Excerpt>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub codes: Vec<RCode>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub otp_input: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resend_countdown_s: Option<u32>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub resend_disabled: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "serde-reference", derive(Deserialize))]
#[serde(deny_unknown_fields)]
pub struct RCode {
    pub source: codes::CodeSource,
    pub code: Code,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "serde-reference", derive(Deserialize))]
#[serde(deny_unknown_fields)]
pub struct RCookie {
    pub name: Name,
    pub domain: Host,
    pub host_only: bool,
    pub path: SafePath,
    pub secure: bool,
    pub http_only: bool,
    pub same_site: SameSite,
    #[serde(default, skip_serializing_if = "is_false")]
    pub partitioned: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    pub session: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_ms: Option<i64>,
    pub value_len: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "serde-reference", derive(Deserialize))]
#[serde(deny_unknown_fields)]
pub struct RSetCookie {
    pub name: Name,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain: Option<Host>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<SafePath>,
    pub secure: bool,
    pub http_only: bool,
    pub same_site: SameSite,
    #[serde(default, skip_serializing_if = "is_false")]
    pub partitioned: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_age_s: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_ms: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "serde-reference", derive(Deserialize))]
#[serde(deny_unknown_fields)]
pub struct REvent {
    pub url: SafeUrl,
    pub method: Label,
    #[serde(rename = "type")]
    pub kind: Label,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub redirect_url: Option<SafeUrl>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub set_cookie: Vec<RSetCookie>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_cookie_names: Option<Vec<Name>>,
    /// The Date header, as the instant it encodes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_ms: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_after_s: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub received_ms: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub top_origin: Option<SafeUrl>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub in_frame: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<Label>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "serde-reference", derive(Deserialize))]
#[serde(deny_unknown_fields)]
pub struct REnv {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub published_urls: Vec<SafeUrl>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub now_ms: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tz_offset_min: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub third_party_cookies_blocked: Option<bool>,
}

crate::json_struct!(
    Report,
    deny {
        report_version: req,
        id: req,
        created: req,
        versions: req,
        browser: default,
        published_url: default,
        page_url: req,
        diagnosis: req,
        snapshot: req,
        digest: req,
    }
);
crate::json_struct!(
    Created,
    deny {
        utc: req,
        local_offset_min: default
    }
);
crate::json_struct!(
    Versions,
    deny {
        core: req,
        report_schema: req,
        catalogs: req
    }
);
crate::json_struct!(
    BrowserLabel,
    deny {
        name: req,
        version: req
    }
);
crate::json_struct!(
    Digest,
    deny {
        alg: req,
        value: req
    }
);
crate::json_struct!(
    RedactedSnapshot,
    deny {
        url: req,
        page: req,
        cookies: default,
        trail: default,
        env: req,
        omitted: req,
    }
);
crate::json_struct!(
    Omitted,
    deny {
        cookies: req,
        trail: req
    }
);
crate::json_struct!(
    RPage,
    deny {
        status: default,
        messages: default,
        codes: default,
        otp_input: default,
        resend_countdown_s: default,
        resend_disabled: default,
    }
);
crate::json_struct!(
    RCode,
    deny {
        source: req,
        code: req
    }
);
crate::json_struct!(
    RCookie,
    deny {
        name: req,
        domain: req,
        host_only: req,
        path: req,
        secure: req,
        http_only: req,
        same_site: req,
        partitioned: default,
        session: default,
        expires_ms: default,
        value_len: req,
    }
);
crate::json_struct!(
    RSetCookie,
    deny {
        name: req,
        domain: default,
        path: default,
        secure: req,
        http_only: req,
        same_site: req,
        partitioned: default,
        max_age_s: default,
        expires_ms: default,
    }
);
crate::json_struct!(REvent, deny {
    url: req, method: req, kind as "type": req, status: default, redirect_url: default,
    set_cookie: default, request_cookie_names: default, date_ms: default,
    retry_after_s: default, received_ms: default, top_origin: default, in_frame: default,
    error: default,
});
crate::json_struct!(
    REnv,
    deny {
        published_urls: default,
        now_ms: default,
        tz_offset_min: default,
        third_party_cookies_blocked: default,
    }
);

fn is_false(b: &bool) -> bool {
    !*b
}

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
pub fn redact_trail_event(e: &snapshot::TrailEvent) -> snapshot::TrailEvent {
    redact_event(e).to_trail_event()
}

fn redact_event(e: &snapshot::TrailEvent) -> REvent {
    REvent {
        url: SafeUrl::redact(&e.url),
        method: Label::new(&e.method.to_ascii_uppercase()),
        kind: Label::new(&e.kind),
        status: e.status,
        redirect_url: e.redirect_url.as_deref().map(SafeUrl::redact),
        set_cookie: e
            .set_cookie
            .iter()
            .filter_map(|l| setcookie::parse(l))
            .map(|c| RSetCookie {
                name: Name::redact(&c.name),
                domain: c.domain.as_deref().map(Host::redact),
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
            .and_then(signals::Origin::parse)
            .map(|o| SafeUrl::redact(&format!("{}://{}:{}/", o.scheme, o.host, o.port))),
        in_frame: e.in_frame,
        error: e.error.as_deref().map(|x| {
            if codes::is_net_error_name(x) {
                Label::new(x)
            } else {
                Label::new("other")
            }
        }),
    }
}

/// Build the redacted snapshot: allow-listed fields only.
pub fn redact_snapshot(snap: &Snapshot, d: &Diagnosis) -> RedactedSnapshot {
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
    // Codes the page shows; a code from the trail comes back from the trail.
    let codes: Vec<RCode> = d
        .safe_codes
        .iter()
        .filter(|c| {
            !matches!(
                c.source,
                codes::CodeSource::TrailUrl
                    | codes::CodeSource::HttpStatus
                    | codes::CodeSource::NetError
            )
        })
        .filter_map(|c| {
            Code::new(&c.code).map(|code| RCode {
                source: c.source,
                code,
            })
        })
        .take(5)
        .collect();
    let named: Vec<&str> = d.evidence.iter().map(|e| e.detail.as_str()).collect();
    let mut cookies: Vec<&snapshot::Cookie> = snap.cookies.iter().collect();
    // Auth cookies and cookies the evidence names first.
    crate::order::sort_by_key(&mut cookies, |c| {
        let in_evidence = named.iter().any(|d| d.contains(&redact::name(&c.name)));
        (
            !(in_evidence || signals::is_auth_cookie(&c.name)),
            !in_evidence,
        )
    });
    let kept_cookies: Vec<RCookie> = cookies
        .iter()
        .filter(|c| {
            signals::is_auth_cookie(&c.name)
                || named.iter().any(|d| d.contains(&redact::name(&c.name)))
        })
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
        .collect();
    // The most relevant recent events, in their original order.
    let mut idx: Vec<usize> = (0..snap.trail.len())
        .filter(|i| snap.trail.get(*i).is_some_and(|e| trail_relevance(e) > 0))
        .collect();
    crate::order::sort_by_key(&mut idx, |i| {
        std::cmp::Reverse((snap.trail.get(*i).map(trail_relevance).unwrap_or(0), *i))
    });
    idx.truncate(MAX_TRAIL);
    // Keep one dated response per host, so the clock findings can be retriaged.
    let mut hosts_seen: Vec<&str> = idx
        .iter()
        .filter_map(|i| snap.trail.get(*i))
        .filter(|e| e.date.is_some())
        .filter_map(|e| signals::Origin::quick_host(&e.url))
        .collect();
    for (i, e) in snap.trail.iter().enumerate().rev() {
        if idx.len() >= MAX_TRAIL + 5 {
            break;
        }
        if let (Some(h), Some(_)) = (signals::Origin::quick_host(&e.url), &e.date) {
            if !hosts_seen.contains(&h) {
                hosts_seen.push(h);
                idx.push(i);
            }
        }
    }
    crate::order::sort(&mut idx);
    let trail: Vec<REvent> = idx
        .iter()
        .filter_map(|i| snap.trail.get(*i))
        .map(redact_event)
        .collect();
    let otp_input = d
        .evidence
        .iter()
        .any(|e| e.rule == "form.one_time_code_input");
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
        env: REnv {
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
        },
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
            schema_version: Some(snapshot::SCHEMA_VERSION),
            url: self.url.0.clone(),
            page: snapshot::Page {
                status: self.page.status,
                text,
                alerts: self.page.messages.iter().map(|m| m.0.clone()).collect(),
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
                        value: c.code.0.clone(),
                    })
                    .collect(),
                ..Default::default()
            },
            cookies: self
                .cookies
                .iter()
                .map(|c| snapshot::Cookie {
                    name: c.name.0.clone(),
                    domain: c.domain.0.clone(),
                    host_only: c.host_only,
                    path: c.path.0.clone(),
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
                    .map(|u| u.0.clone())
                    .collect(),
                now_ms: self.env.now_ms,
                tz_offset_min: self.env.tz_offset_min,
                browser: None,
                third_party_cookies_blocked: self.env.third_party_cookies_blocked,
            },
        }
    }
}

impl REvent {
    /// Back to the snapshot's event type (values were never kept).
    pub fn to_trail_event(&self) -> snapshot::TrailEvent {
        let date = |ms: i64| -> Option<String> {
            let t = std::time::UNIX_EPOCH
                .checked_add(std::time::Duration::from_millis(u64::try_from(ms).ok()?))?;
            Some(httpdate::fmt_http_date(t))
        };
        snapshot::TrailEvent {
            url: self.url.0.clone(),
            method: self.method.0.clone(),
            kind: self.kind.0.clone(),
            status: self.status,
            redirect_url: self.redirect_url.as_ref().map(|u| u.0.clone()),
            set_cookie: self.set_cookie.iter().map(set_cookie_line).collect(),
            request_cookie_names: self
                .request_cookie_names
                .as_ref()
                .map(|v| v.iter().map(|n| n.0.clone()).collect()),
            date: self.date_ms.and_then(date),
            retry_after: self.retry_after_s.map(|s| s.to_string()),
            received_ms: self.received_ms,
            top_origin: self.top_origin.as_ref().map(|u| u.0.clone()),
            in_frame: self.in_frame,
            error: self.error.as_ref().map(|l| l.0.clone()),
        }
    }
}

fn set_cookie_line(c: &RSetCookie) -> String {
    let mut s = format!("{}=", c.name.0);
    if let Some(d) = &c.domain {
        s.push_str(&format!("; Domain={}", d.0));
    }
    if let Some(p) = &c.path {
        s.push_str(&format!("; Path={}", p.0));
    }
    if c.secure {
        s.push_str("; Secure");
    }
    if c.http_only {
        s.push_str("; HttpOnly");
    }
    match c.same_site {
        SameSite::Strict => s.push_str("; SameSite=Strict"),
        SameSite::Lax => s.push_str("; SameSite=Lax"),
        SameSite::None => s.push_str("; SameSite=None"),
        SameSite::Unspecified => {}
    }
    if c.partitioned {
        s.push_str("; Partitioned");
    }
    if let Some(m) = c.max_age_s {
        s.push_str(&format!("; Max-Age={m}"));
    }
    if let Some(t) = c.expires_ms.and_then(|ms| u64::try_from(ms).ok()) {
        if let Some(t) = std::time::UNIX_EPOCH.checked_add(std::time::Duration::from_millis(t)) {
            s.push_str(&format!("; Expires={}", httpdate::fmt_http_date(t)));
        }
    }
    s
}

/// ISO 8601 UTC from Unix milliseconds (civil-from-days, Howard Hinnant).
pub fn iso_utc(ms: i64) -> String {
    let secs = ms.div_euclid(1000);
    let days = secs.div_euclid(86_400);
    let sod = secs.rem_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = if m <= 2 { y + 1 } else { y };
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        sod / 3600,
        (sod / 60) % 60,
        sod % 60
    )
}

/// Canonical JSON of a report without its digest: keys sorted, compact.
fn canonical(report: &Report) -> Result<String, InputError> {
    // Through text, exactly as a reader will see it: f32 fields print short
    // ("0.99").
    let text = serde_json::to_string(report).map_err(|e| InputError::Malformed {
        field: String::new(),
        message: crate::error::strip_quoted(&e.to_string()),
    })?;
    Ok(crate::json::canonical(
        &crate::json::parse(&text)?,
        "digest",
    ))
}

fn sha256_hex(s: &str) -> String {
    let h = Sha256::digest(s.as_bytes());
    h.iter().map(|b| format!("{b:02x}")).collect()
}

/// Build the report of a snapshot and its diagnosis. `catalog_versions`
/// names the catalogs the diagnosis used.
pub fn build(snap: &Snapshot, d: &Diagnosis, catalog_versions: &[String]) -> Report {
    let rs = redact_snapshot(snap, d);
    let mut r = Report {
        report_version: REPORT_VERSION,
        id: String::new(),
        created: Created {
            utc: snap
                .env
                .now_ms
                .map(iso_utc)
                .unwrap_or_else(|| "unknown".into()),
            local_offset_min: snap.env.tz_offset_min,
        },
        versions: Versions {
            core: crate::CORE_VERSION.to_owned(),
            report_schema: REPORT_VERSION,
            catalogs: catalog_versions.to_vec(),
        },
        browser: snap.env.browser.as_ref().map(|b| BrowserLabel {
            name: Label::new(&b.name),
            version: Label::version(&b.version),
        }),
        published_url: rs.env.published_urls.first().cloned(),
        page_url: rs.url.clone(),
        diagnosis: d.clone(),
        snapshot: rs,
        digest: Digest {
            alg: "sha256".into(),
            value: String::new(),
        },
    };
    // The id names the content; the digest then covers the id too.
    let body = canonical(&r).unwrap_or_default();
    r.id = format!("atr-{}", sha256_hex(&body).get(..16).unwrap_or(""));
    r.digest.value = sha256_hex(&canonical(&r).unwrap_or_default());
    r
}

fn verdict_word(v: Verdict) -> &'static str {
    match v {
        Verdict::Product => "product",
        Verdict::Deployment => "deployment",
        Verdict::None => "none",
    }
}

/// Markdown-safe inline text: no table breaks, no HTML, no fences.
fn md(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '|' => o.push_str("\\|"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '`' => o.push('\''),
            '\n' | '\r' => o.push(' '),
            '*' | '_' | '[' | ']' => {
                o.push('\\');
                o.push(c);
            }
            c if c.is_control() => {}
            c => o.push(c),
        }
    }
    o
}

fn code_span(s: &str) -> String {
    format!("`{}`", s.replace('`', "'").replace(['\n', '\r'], " "))
}

fn offset_words(min: i32) -> String {
    let sign = if min < 0 { '-' } else { '+' };
    format!("UTC{sign}{:02}:{:02}", min.abs() / 60, min.abs() % 60)
}

/// The report as Markdown for a ticket: the headline and next move first,
/// then the evidence and tables, then the JSON in a fenced block.
pub fn to_markdown(r: &Report) -> String {
    let d = &r.diagnosis;
    let mut s = String::new();
    s.push_str(HEADING);
    s.push_str("\n\n");
    s.push_str(&format!("**{}**  \n", md(&d.headline)));
    s.push_str(&format!(
        "Type `{}` · verdict **{}** · confidence {}\n\n",
        d.failure_type.as_str(),
        verdict_word(d.verdict),
        crate::diagnosis::fixed(f64::from(d.confidence), 2)
    ));
    // The two audiences (issue 13); a report made before them has only the
    // guide's next move.
    if let Some(m) = &d.user_move {
        s.push_str(&format!("**What you can do now:** {}\n\n", md(m)));
    }
    match &d.admin_move {
        Some(m) => s.push_str(&format!("**For your administrator:** {}\n\n", md(m))),
        None => s.push_str(&format!("**Next move:** {}\n\n", md(&d.next_move))),
    }
    s.push_str("| | |\n|---|---|\n");
    s.push_str(&format!(
        "| Published URL | {} |\n",
        r.published_url
            .as_ref()
            .map(|u| code_span(u.as_str()))
            .unwrap_or_else(|| "(not configured)".into())
    ));
    s.push_str(&format!(
        "| Page URL | {} |\n",
        code_span(r.page_url.as_str())
    ));
    let code = match d.safe_codes.first() {
        Some(c) => match (&c.catalog, &c.meaning) {
            (Some(cat), Some(m)) => format!("{} ({}: {})", code_span(&c.code), md(cat), md(m)),
            (Some(cat), None) => format!("{} ({})", code_span(&c.code), md(cat)),
            _ => format!("{} (in no catalog)", code_span(&c.code)),
        },
        None => "(none shown)".into(),
    };
    let code = match d.safe_codes.first() {
        Some(c) if c.source == codes::CodeSource::TrailUrl => {
            format!("{code}, from the sign-in redirect (the page does not show it)")
        }
        Some(c) if c.source == codes::CodeSource::HttpStatus => {
            format!(
                "{}, the HTTP status of a bare status page",
                code_span(&c.code)
            )
        }
        Some(c) if c.source == codes::CodeSource::NetError => format!(
            "{}, the browser's network error{}",
            code_span(&c.code),
            c.meaning
                .as_deref()
                .map(|m| format!(": {}", md(m)))
                .unwrap_or_default()
        ),
        _ => code,
    };
    s.push_str(&format!("| Safe code | {code} |\n"));
    if let Some(m) = &d.excerpt {
        s.push_str(&format!("| Message | \"{}\" |\n", md(m)));
    }
    if let Some(w) = d.retry_after_s {
        s.push_str(&format!("| Wait | {w} s |\n"));
    }
    let created = match r.created.local_offset_min {
        Some(o) => format!("{} (local {})", r.created.utc, offset_words(o)),
        None => r.created.utc.clone(),
    };
    s.push_str(&format!("| Created | {} |\n", md(&created)));
    if let Some(b) = &r.browser {
        s.push_str(&format!(
            "| Browser | {} {} |\n",
            md(b.name.as_str()),
            md(b.version.as_str())
        ));
    }
    s.push_str(&format!(
        "| Report | {} · core {} · sha256 {} |\n\n",
        code_span(&r.id),
        md(&r.versions.core),
        code_span(r.digest.value.get(..16).unwrap_or(""))
    ));
    if !d.evidence.is_empty() {
        s.push_str("### Evidence\n\n");
        for e in d.evidence.iter().take(20) {
            s.push_str(&format!("- `{}` {}\n", e.rule, md(&e.detail)));
        }
        if d.evidence.len() > 20 {
            s.push_str(&format!(
                "- … {} more in the data below\n",
                d.evidence.len() - 20
            ));
        }
        s.push('\n');
    }
    let rs = &r.snapshot;
    if !rs.cookies.is_empty() {
        s.push_str("### Cookies (names and attributes; no values)\n\n| name | domain | path | flags | expires | size |\n|---|---|---|---|---|---|\n");
        for c in &rs.cookies {
            let mut flags = vec![];
            if c.host_only {
                flags.push("host-only");
            }
            if c.secure {
                flags.push("Secure");
            }
            if c.http_only {
                flags.push("HttpOnly");
            }
            if c.partitioned {
                flags.push("Partitioned");
            }
            let ss = match c.same_site {
                SameSite::Strict => "SameSite=Strict",
                SameSite::Lax => "SameSite=Lax",
                SameSite::None => "SameSite=None",
                SameSite::Unspecified => "",
            };
            if !ss.is_empty() {
                flags.push(ss);
            }
            let exp = if c.session {
                "session".to_owned()
            } else {
                c.expires_ms.map(iso_utc).unwrap_or_default()
            };
            s.push_str(&format!(
                "| {} | {} | {} | {} | {} | {} B |\n",
                md(c.name.as_str()),
                md(c.domain.as_str()),
                md(c.path.as_str()),
                flags.join(" "),
                exp,
                c.value_len
            ));
        }
        if rs.omitted.cookies > 0 {
            s.push_str(&format!(
                "\n{} other cookies not listed.\n",
                rs.omitted.cookies
            ));
        }
        s.push('\n');
    }
    if !rs.trail.is_empty() {
        let t0 = rs.trail.iter().filter_map(|e| e.received_ms).min();
        s.push_str("### Network trail (most relevant recent requests)\n\n| t | method | URL | status | redirect | Set-Cookie |\n|---|---|---|---|---|---|\n");
        for e in &rs.trail {
            let t = match (e.received_ms, t0) {
                (Some(x), Some(a)) => {
                    format!("+{}s", crate::diagnosis::fixed((x - a) as f64 / 1000.0, 1))
                }
                _ => String::new(),
            };
            let status = match (&e.status, &e.error) {
                (_, Some(err)) => md(err.as_str()),
                (Some(st), None) => st.to_string(),
                (None, None) => String::new(),
            };
            let sc: Vec<String> = e
                .set_cookie
                .iter()
                .map(|c| {
                    let mut a = vec![c.name.as_str().to_owned()];
                    if let Some(d) = &c.domain {
                        a.push(format!("Domain={}", d.as_str()));
                    }
                    if c.secure {
                        a.push("Secure".into());
                    }
                    if c.same_site != SameSite::Unspecified {
                        a.push(format!("SameSite={:?}", c.same_site));
                    }
                    md(&a.join(" "))
                })
                .collect();
            s.push_str(&format!(
                "| {t} | {} | {} | {status} | {} | {} |\n",
                md(e.method.as_str()),
                code_span(e.url.as_str()),
                e.redirect_url
                    .as_ref()
                    .map(|u| code_span(u.as_str()))
                    .unwrap_or_default(),
                sc.join(", ")
            ));
        }
        if rs.omitted.trail > 0 {
            s.push_str(&format!(
                "\n{} other requests not listed.\n",
                rs.omitted.trail
            ));
        }
        s.push('\n');
    }
    if d.clock
        .iter()
        .any(|c| c.skew_s.abs() >= signals::clock::NOISE_S)
    {
        s.push_str("### Clocks (this computer minus the host, from Date headers)\n\n| host | skew | responses |\n|---|---|---|\n");
        for c in &d.clock {
            s.push_str(&format!(
                "| {} | {:+} s | {} |\n",
                md(&c.host),
                c.skew_s,
                c.samples
            ));
        }
        s.push('\n');
    }
    s.push_str("<details><summary>Report data (JSON, checked by <code>auth-triage verify</code>)</summary>\n\n```json\n");
    // Backticks only occur inside JSON strings; escaping them keeps the fence whole.
    s.push_str(
        &serde_json::to_string(r)
            .unwrap_or_default()
            .replace('`', "\\u0060"),
    );
    s.push_str("\n```\n\n</details>\n");
    s
}

/// The result of checking a pasted report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Verification {
    pub intact: bool,
    /// One line for people.
    pub message: String,
    /// The report, when its JSON could be read.
    #[serde(skip)]
    pub report: Option<Report>,
}

/// Read a report pasted as Markdown (with its JSON block) or as JSON, check
/// the schema and the digest, and for Markdown that the view matches the data.
/// `Err` when nothing report-like can be read at all.
/// The first line of a report's Markdown.
const HEADING: &str = "## Nanami auth triage report";

/// A report as people pass it on: inside a mail or a ticket (text before and
/// after it), quoted by a mail client (`> `, `>> `) or indented as a code
/// block. Returns the report's own lines, from its heading to the
/// `</details>` after its data block, without the prefix they share; `None`
/// when no line holds the heading behind such a prefix.
fn pasted_markdown(text: &str) -> Option<String> {
    let lines: Vec<&str> = text.lines().collect();
    let (first, prefix) = lines.iter().enumerate().find_map(|(i, l)| {
        let p = l.get(..l.find(HEADING)?)?;
        p.chars()
            .all(|c| c == '>' || c == ' ' || c == '\t')
            .then_some((i, p))
    })?;
    let blank = prefix.trim_end();
    let mut out = Vec::new();
    let (mut in_data, mut data_done) = (false, false);
    for l in lines.get(first..).unwrap_or(&[]) {
        let body = match l.strip_prefix(prefix) {
            Some(b) => b,
            // A blank line of the quote: `>` without its space, or nothing.
            None if l.trim_end() == blank => "",
            None => break,
        };
        out.push(body);
        let t = body.trim();
        if t.starts_with("```json") {
            in_data = true;
        } else if in_data && t == "```" {
            (in_data, data_done) = (false, true);
        } else if data_done && t == "</details>" {
            break;
        }
    }
    Some(out.join("\n"))
}

/// Whether `json` is report data whose digest matches its content.
fn digest_matches(json: &str) -> bool {
    let Ok(value) = crate::json::parse(json) else {
        return false;
    };
    matches!(value.get("digest").and_then(|d| d.get("value")), Some(crate::json::Value::Str(c))
        if *c == sha256_hex(&crate::json::canonical(&value, "digest")))
}

/// A report's JSON data inside other text (`{"report_version": …}`, compact
/// or pretty-printed): from its opening brace to the end of the value, or to
/// the end of the text when it is cut short or broken (verification then
/// says so).
fn embedded_data(text: &str) -> Option<&str> {
    let key = text.find("\"report_version\"")?;
    let open = text.get(..key)?.trim_end().strip_suffix('{')?.len();
    let rest = text.get(open..)?;
    Some(match crate::json::value_len(rest) {
        Ok(n) => rest.get(..n).unwrap_or(rest),
        Err(_) => rest,
    })
}

pub fn verify(input: &str) -> Result<Verification, InputError> {
    if input.len() > 4 * 1024 * 1024 {
        return Err(InputError::TooLarge {
            field: "report".into(),
            limit: 4 * 1024 * 1024,
            unit: "bytes",
        });
    }
    let trimmed = input.trim_start_matches('\u{feff}').trim();
    let pasted;
    let mut data_only = false;
    let (json, markdown) = if trimmed.starts_with('{') {
        (trimmed.to_owned(), None)
    } else if let Some(data) = (!trimmed.contains("```json") && !trimmed.contains(HEADING))
        .then(|| embedded_data(trimmed))
        .flatten()
    {
        // The data without any of its Markdown view, e.g. copied from a
        // ticket system that rendered the Markdown: the data alone is
        // checked. (With the view there, a broken view is a modification.)
        data_only = true;
        (data.to_owned(), None)
    } else {
        pasted = pasted_markdown(input.trim_start_matches('\u{feff}'));
        let trimmed = pasted.as_deref().unwrap_or(trimmed);
        let start = trimmed
            .find("```json")
            .ok_or_else(|| InputError::Malformed {
                field: "report".into(),
                message: "no report data found (its ```json block, or the JSON of Download JSON); \
                          where a ticket shows the report rendered, copy it with its \"Report data\" \
                          section open, or ask for the .json file"
                    .into(),
            })?;
        let body = trimmed.get(start + 7..).unwrap_or("");
        let Some(end) = body.find("```") else {
            return Ok(modified(
                "MODIFIED: the report is cut short (its ```json block is not closed)",
            ));
        };
        (
            body.get(..end).unwrap_or("").trim().to_owned(),
            Some(trimmed),
        )
    };
    // The Markdown's data block is one line: a line break in it is a mail
    // client's, which wraps long lines at spaces, keeping the space or
    // dropping it. When the data as received does not match its digest and
    // a rejoined form does, the rejoined form is the data as it was built
    // (the digest proves it). (Pretty-printed JSON, as Download JSON saves
    // it, has line breaks of its own and is read as it is.)
    let mut rejoined = false;
    let json = if markdown.is_some() && json.contains('\n') && !digest_matches(&json) {
        let lines: Vec<&str> = json.lines().collect();
        match [lines.concat(), lines.join(" ")]
            .into_iter()
            .find(|j| digest_matches(j))
        {
            Some(j) => {
                rejoined = true;
                j
            }
            None => json,
        }
    } else {
        json
    };
    let value = match crate::json::parse(&json) {
        Ok(v) => v,
        Err(e) if e.eof => {
            return Ok(modified("MODIFIED: the report data is cut short"));
        }
        Err(e) => {
            return Ok(modified(&format!(
                "MODIFIED: the report data is not valid JSON ({e})"
            )))
        }
    };
    let version = match value.get("report_version") {
        Some(crate::json::Value::Num(raw)) => raw.parse::<u64>().ok(),
        _ => None,
    };
    match version {
        Some(v) if v == u64::from(REPORT_VERSION) => {}
        Some(v) => {
            return Err(InputError::Malformed {
                field: "report_version".into(),
                message: format!("{v} is not supported (this core reads {REPORT_VERSION})"),
            })
        }
        None => {
            return Err(InputError::Malformed {
                field: "report_version".into(),
                message: "missing: this is not an auth-triage report".into(),
            })
        }
    }
    let report = match crate::json::from_str::<Report>(&json) {
        Ok(r) => r,
        Err(err) => {
            return Ok(Verification {
                intact: false,
                message: format!("MODIFIED: the report data does not match the schema ({err})"),
                report: None,
            });
        }
    };
    let claimed = report.digest.value.clone();
    // Canonical form of what was received, not of our re-serialisation.
    let actual = sha256_hex(&crate::json::canonical(&value, "digest"));
    if report.digest.alg != "sha256" || claimed != actual {
        return Ok(Verification {
            intact: false,
            message: format!("MODIFIED: the digest does not match the data (report {}): it was edited or cut short", report.id),
            report: Some(report),
        });
    }
    if let Some(md_text) = markdown {
        let expected = to_markdown(&report);
        if let Some(line) = first_difference(md_text, &expected) {
            return Ok(Verification {
                intact: false,
                message: format!(
                    "MODIFIED: the Markdown view differs from its data at line {line} (report {})",
                    report.id
                ),
                report: Some(report),
            });
        }
    }
    Ok(Verification {
        intact: true,
        message: format!(
            "INTACT: report {} (sha256 {}){}{}",
            report.id,
            claimed,
            if rejoined {
                "; line breaks added to its data in transit were undone"
            } else {
                ""
            },
            if data_only {
                "; only its data was checked: the text around it is not the report's Markdown"
            } else {
                ""
            }
        ),
        report: Some(report),
    })
}

fn modified(message: &str) -> Verification {
    Verification {
        intact: false,
        message: message.to_owned(),
        report: None,
    }
}

/// Compare word by word, ignoring white space and where lines break (ticket
/// systems change line endings and trailing spaces; mail clients wrap long
/// lines). Returns the line of `got` where the first difference is.
fn first_difference(got: &str, want: &str) -> Option<usize> {
    fn words(s: &str) -> Vec<(usize, &str)> {
        s.lines()
            .enumerate()
            .flat_map(|(i, l)| l.split_whitespace().map(move |w| (i + 1, w)))
            .collect()
    }
    let (got, want) = (view(got), view(want));
    let (g, w) = (words(&got), words(&want));
    for i in 0..g.len().max(w.len()) {
        match (g.get(i), w.get(i)) {
            (Some(a), Some(b)) if a.1 == b.1 => {}
            (Some((line, _)), _) => return Some(*line),
            (None, _) => return Some(got.lines().count().max(1)),
        }
    }
    None
}

/// The Markdown without the lines of its data block (checked by the digest
/// on its own), so that its line numbers stay those of the text.
fn view(md: &str) -> String {
    let mut in_data = false;
    md.lines()
        .map(|l| {
            let t = l.trim();
            if t.starts_with("```json") {
                in_data = true;
                return l;
            }
            if in_data && t.starts_with("```") {
                in_data = false;
                return l;
            }
            if in_data {
                ""
            } else {
                l
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A verified report for people, in plain text.
pub fn render_text(r: &Report) -> String {
    let mut s = crate::diagnosis::render_text(&r.diagnosis);
    s.push_str(&format!(
        "\nReport {} · created {} · core {}\n",
        r.id, r.created.utc, r.versions.core
    ));
    if let Some(u) = &r.published_url {
        s.push_str(&format!("Published URL: {}\n", u.as_str()));
    }
    s.push_str(&format!("Page URL: {}\n", r.page_url.as_str()));
    if !r.snapshot.cookies.is_empty() {
        s.push_str("\nCookies:\n");
        for c in &r.snapshot.cookies {
            s.push_str(&format!(
                "  - {} on {}{}{}{} {:?} {} B\n",
                c.name.as_str(),
                c.domain.as_str(),
                c.path.as_str(),
                if c.secure { " Secure" } else { "" },
                if c.http_only { " HttpOnly" } else { "" },
                c.same_site,
                c.value_len
            ));
        }
    }
    if !r.snapshot.trail.is_empty() {
        s.push_str("\nTrail:\n");
        for e in &r.snapshot.trail {
            s.push_str(&format!(
                "  - {} {} {}{}\n",
                e.method.as_str(),
                e.url.as_str(),
                e.status
                    .map(|s| s.to_string())
                    .or_else(|| e.error.as_ref().map(|l| l.as_str().to_owned()))
                    .unwrap_or_default(),
                e.redirect_url
                    .as_ref()
                    .map(|u| format!(" -> {}", u.as_str()))
                    .unwrap_or_default()
            ));
        }
    }
    s
}
