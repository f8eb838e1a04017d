//! The evidence report: redacted by construction.
//!
//! - [`safe`]: the safe types every field holds, and the allow-list
//!   constructors that are the only way to make them;
//! - [`build`]: redaction of the snapshot and the trail;
//! - [`markdown`]: the view for tickets;
//! - [`verify`]: checking a paste;
//! - [`text`]: the plain-text rendering.
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
//! - [`Code`]: a safe product code that passes [`crate::shapes::is_code_like`];
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

use crate::diagnosis::{CodeSource, Diagnosis};
use crate::snapshot::SameSite;

pub mod build;
pub mod markdown;
pub mod safe;
mod sha256;
pub mod text;
pub mod verify;

pub use build::{build, iso_utc, redact_snapshot, redact_trail_event, triage, triage_said};
pub use markdown::to_markdown;
use safe::safe_struct;
pub use safe::{Code, CoreText, Excerpt, Host, Label, Name, SafePath, SafeUrl};
pub use text::render_text;
pub use verify::{verify, Verification};

/// The version reports are built with. Version 2 (this core): the
/// allow-list placeholders (`<token:9>`), Markdown that renders page data
/// as plain text, codes included by the user. Version 1 reports still
/// verify, render and retriage ([`READS`]).
pub const REPORT_VERSION: u32 = 2;
/// The report versions this core reads.
pub const READS: [u32; 2] = [1, 2];
/// Rows kept in the report's tables.
pub const MAX_COOKIES: usize = 20;
pub const MAX_TRAIL: usize = 10;
pub const MAX_MESSAGES: usize = 3;

safe_struct! {
    /// The report.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "serde-reference", derive(Deserialize))]
#[serde(deny_unknown_fields)]
pub struct Report {
    pub report_version: u32,
    /// `atr-` and 16 hex digits of the SHA-256 of the report's content.
    pub id: CoreText,
    pub created: Created,
    pub versions: Versions,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub browser: Option<BrowserLabel>,
    /// The page's language and the user's (the UI language of the
    /// extension): the report itself stays in English for support staff.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub languages: Option<Languages>,
    /// The exact published URL of the environment, when configured.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published_url: Option<SafeUrl>,
    pub page_url: SafeUrl,
    pub diagnosis: Diagnosis,
    /// The redacted snapshot: the tables of the report, and what `retriage` reads.
    pub snapshot: RedactedSnapshot,
    pub digest: Digest,
}
}

safe_struct! {
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "serde-reference", derive(Deserialize))]
#[serde(deny_unknown_fields)]
pub struct Created {
    /// ISO 8601 UTC, from the snapshot's capture clock.
    pub utc: CoreText,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub local_offset_min: Option<i32>,
}
}

safe_struct! {
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "serde-reference", derive(Deserialize))]
#[serde(deny_unknown_fields)]
pub struct Versions {
    pub core: CoreText,
    pub report_schema: u32,
    pub catalogs: Vec<CoreText>,
}
}

safe_struct! {
/// The languages of a report: the page's (its `lang` attribute, its script or
/// its words, as the core found it) and the user's (the extension's UI
/// language, when it says), both from the languages of the core's data.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "serde-reference", derive(Deserialize))]
#[serde(deny_unknown_fields)]
pub struct Languages {
    pub page: Label,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<Label>,
}
}

safe_struct! {
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "serde-reference", derive(Deserialize))]
#[serde(deny_unknown_fields)]
pub struct BrowserLabel {
    pub name: Label,
    pub version: Label,
}
}

safe_struct! {
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "serde-reference", derive(Deserialize))]
#[serde(deny_unknown_fields)]
pub struct Digest {
    pub alg: CoreText,
    pub value: CoreText,
}
}

safe_struct! {
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
}

safe_struct! {
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
#[cfg_attr(feature = "serde-reference", derive(Deserialize))]
#[serde(deny_unknown_fields)]
pub struct Omitted {
    pub cookies: usize,
    pub trail: usize,
}
}

safe_struct! {
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
}

safe_struct! {
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "serde-reference", derive(Deserialize))]
#[serde(deny_unknown_fields)]
pub struct RCode {
    pub source: CodeSource,
    pub code: Code,
    /// The code is in no catalog and of no product-code shape: it is here
    /// because the user chose to include it.
    #[serde(default, skip_serializing_if = "is_false")]
    pub included: bool,
}
}

safe_struct! {
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
}

safe_struct! {
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
}

safe_struct! {
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
}

safe_struct! {
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
    /// `page_only` or `granted`, when the snapshot said (absent in reports
    /// made before it existed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub host_access: Option<crate::snapshot::HostAccess>,
}
}

crate::json_struct!(
    Report,
    deny {
        report_version: req,
        id: req,
        created: req,
        versions: req,
        browser: default,
        languages: default,
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
    Languages,
    deny {
        page: req,
        user: default
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
        code: req,
        included: default,
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
        host_access: default,
    }
);

fn is_false(b: &bool) -> bool {
    !*b
}
