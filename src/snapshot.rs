//! The snapshot: everything the extension can observe about a failing tab.
//!
//! The model has no field that could hold a cookie value, an input value or a
//! header value other than `Date` and `Retry-After`. Cookies carry the *length*
//! of their value; Set-Cookie lines arrive with their value already cut out by
//! the recorder, and [`crate::signals::setcookie`] drops any value that a
//! careless producer left in before anything else reads the line.
//!
//! Every field except `url` is optional, so the smallest accepted snapshot is
//! `{"url": "https://id.example.org/login", "page": {"text": "…", "status": 400}}`.
//! The format is documented in `docs/snapshot.md`.

#[cfg(feature = "serde-reference")]
use serde::Deserialize;
use serde::Serialize;

use crate::error::InputError;
use crate::SCHEMA_VERSION;

/// Input limits. Anything larger is refused with [`InputError::TooLarge`],
/// never truncated silently. Documented in `docs/snapshot.md`.
pub mod limits {
    /// Whole input document, in bytes.
    pub const INPUT_BYTES: usize = 16 * 1024 * 1024;
    /// `page.text`, in bytes (the extension collects at most 256 KiB).
    pub const PAGE_TEXT_BYTES: usize = 8 * 1024 * 1024;
    /// Any other single string, in bytes.
    pub const STRING_BYTES: usize = 64 * 1024;
    /// Cookies in the jar.
    pub const COOKIES: usize = 5_000;
    /// Events in the network trail.
    pub const TRAIL_EVENTS: usize = 5_000;
    /// Set-Cookie lines on one trail event.
    pub const SET_COOKIES_PER_EVENT: usize = 200;
    /// Alerts, forms, inputs, buttons, codes: entries in any other list.
    pub const LIST_ITEMS: usize = 1_000;
}

#[derive(Debug, Clone, Default, Serialize, PartialEq)]
#[cfg_attr(feature = "serde-reference", derive(Deserialize))]
#[serde(deny_unknown_fields)]
pub struct Snapshot {
    /// Snapshot schema version; absent means [`SCHEMA_VERSION`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schema_version: Option<u32>,
    /// The tab's URL at capture.
    pub url: String,
    #[serde(default)]
    pub page: Page,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cookies: Vec<Cookie>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub trail: Vec<TrailEvent>,
    #[serde(default)]
    pub env: Env,
}

/// The environment: configuration and the local clock, passed in as data.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
#[cfg_attr(feature = "serde-reference", derive(Deserialize))]
#[serde(deny_unknown_fields)]
pub struct Env {
    /// The published URL(s) of the environment, as configured by the operator.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub published_urls: Vec<String>,
    /// Local clock at capture, Unix milliseconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub now_ms: Option<i64>,
    /// Local UTC offset at capture, in minutes east of UTC.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tz_offset_min: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub browser: Option<Browser>,
    /// Whether the browser blocks third-party cookies, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub third_party_cookies_blocked: Option<bool>,
    /// The language the extension speaks to the user in (its UI locale,
    /// `de`, `pt-BR`), so support can answer in it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ui_lang: Option<String>,
    /// What the extension could read of the site: `page_only` (no host
    /// access, only the page the user clicked on) or `granted`. Absent in
    /// snapshots made before it existed, and from producers that do not know.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub host_access: Option<HostAccess>,
}

/// How much of the site the producer could read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "serde-reference", derive(Deserialize))]
#[serde(rename_all = "snake_case")]
pub enum HostAccess {
    /// Only the page the user clicked on (the browser's `activeTab`): the
    /// site's cookies and the network trail before the click were not
    /// readable.
    PageOnly,
    /// The site is granted: its cookies and trail were there to read.
    Granted,
}

impl HostAccess {
    pub fn as_str(self) -> &'static str {
        match self {
            HostAccess::PageOnly => "page_only",
            HostAccess::Granted => "granted",
        }
    }
}

crate::json_enum!(HostAccess {
    "page_only" => HostAccess::PageOnly,
    "granted" => HostAccess::Granted,
});

#[derive(Debug, Clone, Default, Serialize, PartialEq)]
#[cfg_attr(feature = "serde-reference", derive(Deserialize))]
#[serde(deny_unknown_fields)]
pub struct Browser {
    pub name: String,
    #[serde(default)]
    pub version: String,
}

#[derive(Debug, Clone, Default, Serialize, PartialEq)]
#[cfg_attr(feature = "serde-reference", derive(Deserialize))]
#[serde(deny_unknown_fields)]
pub struct Page {
    /// HTTP status of the main document, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    /// The visible text (bounded by the collector).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
    /// Text of elements that present themselves as errors: `role=alert`,
    /// `aria-live`, `.error`, `.alert`, invalid-field descriptions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alerts: Vec<String>,
    /// Page language (`<html lang>`), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub forms: Vec<Form>,
    /// Resend buttons or links, with their countdown when they show one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub resend: Vec<ResendControl>,
    /// Codes found in `data-*` attributes and similar markup.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub codes: Vec<MarkupCode>,
    /// Candidate codes the user chose to include (the popup's "Include this
    /// code"): a value where a code usually sits that is in no catalog and
    /// of no product-code shape is shown only when it is listed here.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub included_codes: Vec<String>,
}

#[derive(Debug, Clone, Default, Serialize, PartialEq)]
#[cfg_attr(feature = "serde-reference", derive(Deserialize))]
#[serde(deny_unknown_fields)]
pub struct Form {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub action: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub method: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub inputs: Vec<Input>,
}

/// A form input. There is no value field: the collector never reads values.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
#[cfg_attr(feature = "serde-reference", derive(Deserialize))]
#[serde(deny_unknown_fields)]
pub struct Input {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty", rename = "type")]
    pub kind: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub autocomplete: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub inputmode: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub maxlength: Option<u32>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub label: String,
}

#[derive(Debug, Clone, Default, Serialize, PartialEq)]
#[cfg_attr(feature = "serde-reference", derive(Deserialize))]
#[serde(deny_unknown_fields)]
pub struct ResendControl {
    /// The control's visible text, e.g. "Resend code in 0:45".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
    #[serde(default)]
    pub disabled: bool,
    /// Seconds left on its countdown, when the collector read one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub countdown_s: Option<u32>,
}

#[derive(Debug, Clone, Default, Serialize, PartialEq)]
#[cfg_attr(feature = "serde-reference", derive(Deserialize))]
#[serde(deny_unknown_fields)]
pub struct MarkupCode {
    /// Where it was found, e.g. `data-error-code`.
    pub source: String,
    pub value: String,
}

#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq, Eq)]
#[cfg_attr(feature = "serde-reference", derive(Deserialize))]
#[serde(rename_all = "lowercase")]
pub enum SameSite {
    Strict,
    Lax,
    None,
    #[default]
    #[serde(alias = "no_restriction", alias = "unspecified")]
    Unspecified,
}

/// The Set-Cookie flag attributes as written after the cookie's name, in
/// the order the report and the sanitized HAR both write them:
/// `; Secure; HttpOnly; SameSite=…; Partitioned`.
pub fn cookie_flags(
    secure: bool,
    http_only: bool,
    same_site: SameSite,
    partitioned: bool,
) -> String {
    let mut s = String::new();
    if secure {
        s.push_str("; Secure");
    }
    if http_only {
        s.push_str("; HttpOnly");
    }
    match same_site {
        SameSite::Strict => s.push_str("; SameSite=Strict"),
        SameSite::Lax => s.push_str("; SameSite=Lax"),
        SameSite::None => s.push_str("; SameSite=None"),
        SameSite::Unspecified => {}
    }
    if partitioned {
        s.push_str("; Partitioned");
    }
    s
}

/// A cookie from the jar: name and attributes. There is no value field.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
#[cfg_attr(feature = "serde-reference", derive(Deserialize))]
#[serde(deny_unknown_fields)]
pub struct Cookie {
    pub name: String,
    /// As the browser reports it: `.example.org` for a domain cookie.
    pub domain: String,
    #[serde(default)]
    pub host_only: bool,
    #[serde(default = "default_path")]
    pub path: String,
    #[serde(default)]
    pub secure: bool,
    #[serde(default)]
    pub http_only: bool,
    #[serde(default)]
    pub same_site: SameSite,
    #[serde(default)]
    pub partitioned: bool,
    /// True for a session cookie (no expiry).
    #[serde(default)]
    pub session: bool,
    /// Expiry, Unix milliseconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_ms: Option<i64>,
    /// Length of the value in bytes. The value itself is never collected.
    #[serde(default)]
    pub value_len: u32,
}

fn default_path() -> String {
    "/".to_owned()
}

/// One request of the tab's recent network trail.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
#[cfg_attr(feature = "serde-reference", derive(Deserialize))]
#[serde(deny_unknown_fields)]
pub struct TrailEvent {
    pub url: String,
    #[serde(default = "default_method")]
    pub method: String,
    /// `main_frame`, `sub_frame`, `xmlhttprequest`, `fetch`, `other`.
    #[serde(default = "default_type", rename = "type")]
    pub kind: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    /// Where a 3xx sent the browser (`Location`, resolved).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub redirect_url: Option<String>,
    /// Set-Cookie lines with the value removed (`sid=; Path=/; Secure`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub set_cookie: Vec<String>,
    /// Names of the cookies the request carried (never their values).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_cookie_names: Option<Vec<String>>,
    /// The `Date` response header.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The `Retry-After` response header.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_after: Option<String>,
    /// Local receive time, Unix milliseconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub received_ms: Option<i64>,
    /// Origin of the top-level page when the request came from a frame.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub top_origin: Option<String>,
    /// True when the request came from a sub-frame.
    #[serde(default)]
    pub in_frame: bool,
    /// Network error (e.g. `net::ERR_TOO_MANY_REDIRECTS`), when the request failed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

crate::json_struct!(
    Snapshot,
    deny {
        schema_version: default,
        url: req,
        page: default,
        cookies: default,
        trail: default,
        env: default,
    }
);
crate::json_struct!(
    Env,
    deny {
        published_urls: default,
        now_ms: default,
        tz_offset_min: default,
        browser: default,
        third_party_cookies_blocked: default,
        ui_lang: default,
        host_access: default,
    }
);
crate::json_struct!(
    Browser,
    deny {
        name: req,
        version: default
    }
);
crate::json_struct!(
    Page,
    deny {
        status: default,
        title: default,
        text: default,
        alerts: default,
        lang: default,
        forms: default,
        resend: default,
        codes: default,
        included_codes: default,
    }
);
crate::json_struct!(
    Form,
    deny {
        action: default,
        method: default,
        inputs: default
    }
);
crate::json_struct!(Input, deny {
    name: default, kind as "type": default, autocomplete: default, inputmode: default,
    maxlength: default, label: default,
});
crate::json_struct!(
    ResendControl,
    deny {
        text: default,
        disabled: default,
        countdown_s: default
    }
);
crate::json_struct!(
    MarkupCode,
    deny {
        source: req,
        value: req
    }
);
crate::json_enum!(SameSite {
    "strict" => SameSite::Strict,
    "lax" => SameSite::Lax,
    "none" => SameSite::None,
    "unspecified" | "no_restriction" => SameSite::Unspecified,
});
crate::json_struct!(
    Cookie,
    deny {
        name: req,
        domain: req,
        host_only: default,
        path: default = default_path,
        secure: default,
        http_only: default,
        same_site: default,
        partitioned: default,
        session: default,
        expires_ms: default,
        value_len: default,
    }
);
crate::json_struct!(TrailEvent, deny {
    url: req, method: default = default_method, kind as "type": default = default_type,
    status: default, redirect_url: default, set_cookie: default, request_cookie_names: default,
    date: default, retry_after: default, received_ms: default, top_origin: default,
    in_frame: default, error: default,
});

/// How far back the trail belongs to the failure on screen: from 15 minutes
/// before the tab's newest main-frame response (the page shown, a browser
/// error page included) on. Older events are the tab's history: a loop an
/// hour ago that an operator has since fixed is not why sign-in fails now.
pub const EPISODE_MS: i64 = 15 * 60 * 1000;

impl Snapshot {
    /// When the current episode of the trail starts (see [`EPISODE_MS`]);
    /// `None` when the trail carries no times.
    pub fn episode_start(&self) -> Option<i64> {
        self.trail
            .iter()
            .rev()
            .filter(|e| e.kind == "main_frame")
            .find_map(|e| e.received_ms)
            .or(self.env.now_ms)
            .map(|t| t.saturating_sub(EPISODE_MS))
    }
}

impl TrailEvent {
    /// Whether the event belongs to the episode that starts at `start`
    /// ([`Snapshot::episode_start`]). An event without a time is kept.
    pub fn in_episode(&self, start: Option<i64>) -> bool {
        match (start, self.received_ms) {
            (Some(s), Some(at)) => at >= s,
            _ => true,
        }
    }
}

fn default_method() -> String {
    "GET".to_owned()
}
fn default_type() -> String {
    "main_frame".to_owned()
}

impl Snapshot {
    /// Parse a snapshot from JSON, checking schema version and limits.
    /// Errors name the field (`page.status: invalid type …`).
    pub fn from_json(input: &str) -> Result<Snapshot, InputError> {
        if input.len() > limits::INPUT_BYTES {
            return Err(InputError::TooLarge {
                field: "input".into(),
                limit: limits::INPUT_BYTES,
                unit: "bytes",
            });
        }
        let snap: Snapshot = crate::json::from_str(input)?;
        snap.validate()?;
        Ok(snap)
    }

    /// Check schema version and limits on an already-built snapshot
    /// (the WASM boundary builds snapshots without going through JSON text).
    pub fn validate(&self) -> Result<(), InputError> {
        if let Some(v) = self.schema_version {
            if v != SCHEMA_VERSION {
                return Err(InputError::SchemaVersion { found: v });
            }
        }
        if self.url.trim().is_empty() {
            return Err(InputError::Malformed {
                field: "url".into(),
                message: "must not be empty".into(),
            });
        }
        let p = &self.page;
        check_str("url", &self.url, limits::STRING_BYTES)?;
        check_str("page.text", &p.text, limits::PAGE_TEXT_BYTES)?;
        check_str("page.title", &p.title, limits::STRING_BYTES)?;
        check_list("page.alerts", p.alerts.len(), limits::LIST_ITEMS)?;
        for a in &p.alerts {
            check_str("page.alerts[]", a, limits::STRING_BYTES)?;
        }
        check_list("page.forms", p.forms.len(), limits::LIST_ITEMS)?;
        let inputs: usize = p.forms.iter().map(|f| f.inputs.len()).sum();
        check_list("page.forms[].inputs", inputs, limits::LIST_ITEMS)?;
        check_list("page.resend", p.resend.len(), limits::LIST_ITEMS)?;
        check_list("page.codes", p.codes.len(), limits::LIST_ITEMS)?;
        check_list(
            "page.included_codes",
            p.included_codes.len(),
            limits::LIST_ITEMS,
        )?;
        for c in &p.included_codes {
            check_str("page.included_codes[]", c, 256)?;
        }
        for c in &p.codes {
            check_str("page.codes[].value", &c.value, 256)?;
        }
        check_list("cookies", self.cookies.len(), limits::COOKIES)?;
        for c in &self.cookies {
            check_str("cookies[].name", &c.name, 4096)?;
            check_str("cookies[].domain", &c.domain, 1024)?;
        }
        check_list("trail", self.trail.len(), limits::TRAIL_EVENTS)?;
        for e in &self.trail {
            check_str("trail[].url", &e.url, limits::STRING_BYTES)?;
            check_list(
                "trail[].set_cookie",
                e.set_cookie.len(),
                limits::SET_COOKIES_PER_EVENT,
            )?;
            for l in &e.set_cookie {
                check_str("trail[].set_cookie[]", l, 8192)?;
            }
        }
        check_list(
            "env.published_urls",
            self.env.published_urls.len(),
            limits::LIST_ITEMS,
        )?;
        Ok(())
    }
}

fn check_str(field: &str, s: &str, limit: usize) -> Result<(), InputError> {
    if s.len() > limit {
        Err(InputError::TooLarge {
            field: field.into(),
            limit,
            unit: "bytes",
        })
    } else {
        Ok(())
    }
}

fn check_list(field: &str, n: usize, limit: usize) -> Result<(), InputError> {
    if n > limit {
        Err(InputError::TooLarge {
            field: field.into(),
            limit,
            unit: "items",
        })
    } else {
        Ok(())
    }
}
