//! The safe types of a report: every field of [`super::Report`] holds one.
//!
//! Each newtype's string is private to this module, so its allow-list
//! constructor is the only way in:
//!
//! - [`SafeUrl`]: scheme, host, port, route-word path segments, standard
//!   parameter names, and only the values [`crate::redact::shown_value`]
//!   allows ([`crate::redact::url`]);
//! - [`Excerpt`]: at most 200 characters of an error message, made of what
//!   the allow-list knows ([`crate::redact::excerpt`]);
//! - [`Name`]: a cookie or input name made of route words, else `<id:N>`;
//! - [`Code`]: a safe code ([`crate::codes::is_safe_code`]) or one the user
//!   chose to include;
//! - [`Label`]: a word from a closed vocabulary (method, request type,
//!   browser, network error);
//! - [`Host`], [`SafePath`]: a host or a path after the same rules;
//! - [`CoreText`]: text the core writes itself (ids, digests, dates,
//!   versions), never page data.
//!
//! The report's structs are declared with [`safe_struct!`], which refuses
//! (at compile time) a field whose type is not [`Safe`]: a new field cannot
//! hold a `String`, so it cannot bypass the allow-list.

#[cfg(feature = "serde-reference")]
use serde::Deserialize;
use serde::Serialize;

use crate::codes;
use crate::error::InputError;
use crate::redact;

mod sealed {
    pub trait Sealed {}
}

/// A type a report may hold: its text, if any, passed the allow-list. Only
/// this module implements it (sealed), for the newtypes below, numbers,
/// booleans, enums, and the report's own structs ([`safe_struct!`]).
pub trait Safe: sealed::Sealed {}

#[doc(hidden)]
pub fn assert_safe<T: Safe>() {}

macro_rules! safe {
    ($($t:ty),*) => { $( impl sealed::Sealed for $t {} impl Safe for $t {} )* };
}
safe!(
    bool,
    u16,
    u32,
    u64,
    i32,
    i64,
    usize,
    f32,
    crate::snapshot::SameSite,
    crate::diagnosis::CodeSource,
    // A fixed word (`page_only`, `granted`).
    crate::snapshot::HostAccess,
    // The diagnosis: every string in it is composed by the core from
    // allow-listed pieces (redacted URLs, hosts and names, excerpts, safe
    // codes); `build` passes the page-derived ones through the allow-list
    // once more ([`super::build::safe_diagnosis`]).
    crate::diagnosis::Diagnosis
);
impl<T: Safe> sealed::Sealed for Option<T> {}
impl<T: Safe> Safe for Option<T> {}
impl<T: Safe> sealed::Sealed for Vec<T> {}
impl<T: Safe> Safe for Vec<T> {}

/// Declare a report struct whose every field must be [`Safe`].
macro_rules! safe_struct {
    (
        $(#[$sm:meta])*
        pub struct $name:ident {
            $( $(#[$fm:meta])* pub $f:ident : $t:ty, )*
        }
    ) => {
        $(#[$sm])*
        pub struct $name {
            $( $(#[$fm])* pub $f: $t, )*
        }
        impl $crate::report::safe::Sealed for $name {}
        impl $crate::report::safe::Safe for $name {}
        const _: fn() = || {
            $( $crate::report::safe::assert_safe::<$t>(); )*
        };
    };
}
pub(crate) use safe_struct;
#[doc(hidden)]
pub use sealed::Sealed;

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

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl sealed::Sealed for $name {}
        impl Safe for $name {}

        /// Reading a report back (verify, retriage) keeps what it holds:
        /// the digest covers it, and the allow-list was applied when it was built.
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
    /// A cookie or input name; names in no vocabulary are replaced.
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
newtype!(
    /// Text the core writes itself: the report id, digests, ISO dates,
    /// version strings. Never built from page data.
    CoreText
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
    /// A safe code: in a catalog (`known`, shipped or the operator's), or
    /// of a product-code shape, or one the user chose to include
    /// (`included`).
    pub fn new(raw: &str, included: &[String], known: bool) -> Option<Code> {
        (crate::shapes::is_code_like(raw)
            && (known || codes::is_safe_code(raw) || included.iter().any(|c| c == raw)))
        .then(|| Code(raw.to_owned()))
    }
}
impl Host {
    pub fn redact(raw: &str) -> Host {
        Host(redact::host(raw.trim_start_matches('.')))
    }
    /// A cookie's Domain attribute: a host only in relation to `known`.
    pub fn cookie_domain(raw: &str, known: &[&str]) -> Host {
        Host(redact::cookie_domain(raw, known))
    }
}
impl SafePath {
    pub fn redact(raw: &str) -> SafePath {
        SafePath(redact::path(raw))
    }
}
impl CoreText {
    /// Only the report's own code writes these.
    pub(super) fn core(s: String) -> CoreText {
        CoreText(s)
    }
}

/// Browsers a report names; anything else is `other`.
const BROWSERS: &[&str] = &[
    "Chrome", "Chromium", "Firefox", "Edge", "Safari", "Opera", "Brave", "Vivaldi",
];
/// Request types of the webRequest API.
const KINDS: &[&str] = &[
    "main_frame",
    "sub_frame",
    "stylesheet",
    "script",
    "image",
    "font",
    "object",
    "xmlhttprequest",
    "fetch",
    "ping",
    "csp_report",
    "media",
    "websocket",
    "webtransport",
    "webbundle",
    "beacon",
    "imageset",
    "other",
];

impl Label {
    /// An HTTP method: the known set, or `other`.
    pub fn method(raw: &str) -> Label {
        Label(redact::method(raw).to_owned())
    }

    /// A request type of the webRequest API, or `other`.
    pub fn kind(raw: &str) -> Label {
        Label(
            KINDS
                .iter()
                .find(|k| **k == raw)
                .unwrap_or(&"other")
                .to_string(),
        )
    }

    /// A language tag out of `known` (the languages of the core's data: its
    /// lexicons and message files), written as there (`pt-BR`, `zh-Hans`);
    /// compared without case and with `_` as `-`; else `other`.
    pub fn language(raw: &str, known: &[String]) -> Label {
        let raw = raw.trim().replace('_', "-");
        Label(
            known
                .iter()
                .find(|k| k.eq_ignore_ascii_case(&raw))
                .map_or_else(|| "other".to_owned(), |k| k.clone()),
        )
    }

    /// A browser name from the known list, or `other`.
    pub fn browser(raw: &str) -> Label {
        Label(
            BROWSERS
                .iter()
                .find(|b| b.eq_ignore_ascii_case(raw))
                .unwrap_or(&"other")
                .to_string(),
        )
    }

    /// A browser network error (`net::ERR_TIMED_OUT`, Firefox's
    /// `NS_ERROR_REDIRECT_LOOP`), or `other`.
    pub fn net_error(raw: &str) -> Label {
        let ok = codes::is_net_error_name(raw);
        Label(if ok {
            raw.to_owned()
        } else {
            "other".to_owned()
        })
    }

    /// A browser version, reduced to its major number (`156` of
    /// `156.0.8078.73`): what support needs, and never a digit run that
    /// could be an OTP (`93.48.93`).
    pub fn version(raw: &str) -> Label {
        let major = raw.split('.').next().unwrap_or("");
        let ok = (1..=3).contains(&major.len()) && major.bytes().all(|b| b.is_ascii_digit());
        Label(if ok {
            major.to_owned()
        } else {
            "other".to_owned()
        })
    }
}
