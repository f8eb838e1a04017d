//! The diagnosis: what the classifier concludes, with the evidence for it.
//!
//! Every string in here is composed by the core from allow-listed pieces
//! (redacted URLs, masked excerpts, cookie names, hosts, numbers), so a
//! diagnosis can be shown and logged as it is.

use crate::say::Msg;
#[cfg(feature = "serde-reference")]
use serde::Deserialize;
use serde::Serialize;

pub mod rules;
pub use rules::{Rule, Subject};

/// The guide's four failures, or none of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord)]
#[cfg_attr(feature = "serde-reference", derive(Deserialize))]
#[serde(rename_all = "snake_case")]
pub enum FailureType {
    MfaInvalidCode,
    MfaChallengeExpired,
    MfaRateLimited,
    SessionProxyCookie,
    Unclassified,
}

impl FailureType {
    pub fn as_str(self) -> &'static str {
        match self {
            FailureType::MfaInvalidCode => "mfa_invalid_code",
            FailureType::MfaChallengeExpired => "mfa_challenge_expired",
            FailureType::MfaRateLimited => "mfa_rate_limited",
            FailureType::SessionProxyCookie => "session_proxy_cookie",
            FailureType::Unclassified => "unclassified",
        }
    }

    /// The guide's short name.
    pub fn short(self) -> &'static str {
        match self {
            FailureType::MfaInvalidCode => "invalid MFA code",
            FailureType::MfaChallengeExpired => "expired MFA challenge",
            FailureType::MfaRateLimited => "MFA rate limit or resend cooldown",
            FailureType::SessionProxyCookie => "login/session failure from the deployment",
            FailureType::Unclassified => "unclassified",
        }
    }

    /// Plain words for people.
    pub fn plain(self) -> &'static str {
        match self {
            FailureType::MfaInvalidCode => "The MFA code was not accepted",
            FailureType::MfaChallengeExpired => "The MFA challenge expired",
            FailureType::MfaRateLimited => "MFA is rate-limited or in a resend cooldown",
            FailureType::SessionProxyCookie => {
                "Login or session failure caused by the deployment (proxy, cookies or clocks)"
            }
            FailureType::Unclassified => "None of the four known auth failures",
        }
    }
}

/// Whose problem it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "serde-reference", derive(Deserialize))]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// The product answered as designed (wrong code, expiry, limit).
    Product,
    /// The deployment around the product (proxy, cookies, clocks) is at fault.
    Deployment,
    /// No failure of the four is seen (`unclassified`): nobody's fault to
    /// name. Reports made before this verdict existed say `product` there.
    None,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Product => "product",
            Verdict::Deployment => "deployment",
            Verdict::None => "none",
        }
    }
}

/// The specific deployment fault, when one was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "serde-reference", derive(Deserialize))]
#[serde(rename_all = "snake_case")]
pub enum Cause {
    /// Redirects to `http` behind TLS: a wrong `X-Forwarded-Proto`.
    ProxyScheme,
    /// Redirects to an internal host or port: a wrong `X-Forwarded-Host`.
    ProxyHost,
    /// Cookies set for another domain than the published one.
    CookieDomain,
    /// The browser rejected or did not send a session cookie.
    CookieRejected,
    /// Too many or too large cookies for the server's header limit.
    CookieBloat,
    /// An auth or gateway host's clock is off.
    ClockSkew,
    /// The login keeps coming back.
    LoginLoop,
    /// Third-party cookies blocked for a session refresh in a frame.
    ThirdPartyCookies,
    /// The page itself reports a session, CSRF or cookie failure.
    SessionBoundary,
    /// The reverse proxy or gateway could not reach the sign-in service
    /// (502, 503, 504).
    Gateway,
}

/// Where a piece of evidence comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "serde-reference", derive(Deserialize))]
#[serde(rename_all = "snake_case")]
pub enum Source {
    PageText,
    PageUrl,
    PageStatus,
    PageForm,
    Markup,
    CodeCatalog,
    CookieJar,
    Trail,
    Clock,
}

/// Evidence the diagnosis could not see: the extension had access to the
/// page only (`env.host_access: page_only`), not to the site.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "serde-reference", derive(Deserialize))]
#[serde(rename_all = "snake_case")]
pub enum Unseen {
    /// The site's cookie jar (names and attributes).
    Cookies,
    /// The network trail before the click: redirects, refused cookies,
    /// the server's clock, `Retry-After`.
    Trail,
}

/// How much a page-only diagnosis keeps of its confidence: the page alone
/// cannot rule out a deployment fault that shows only in cookies and
/// redirects (a wrong-code page looks the same when the server's clock
/// drifts).
pub const PAGE_ONLY_FACTOR: f32 = 0.6;

// The report's and the CLI's words for a page-only diagnosis, kept together.
impl Unseen {
    pub fn as_str(self) -> &'static str {
        match self {
            Unseen::Cookies => "cookies",
            Unseen::Trail => "trail",
        }
    }

    /// What was not seen, in plain words.
    pub fn plain(self) -> &'static str {
        match self {
            Unseen::Cookies => "the site's cookies (names and settings)",
            Unseen::Trail => {
                "the network trail before the click (redirects, refused cookies, the server clock, \
                 Retry-After)"
            }
        }
    }
}

/// The sentence that says a diagnosis is page only and what it did not
/// see; `None` when it saw everything it could.
pub fn page_only_sentence(d: &Diagnosis) -> Option<String> {
    if d.not_seen.is_empty() {
        return None;
    }
    let what: Vec<&str> = d.not_seen.iter().map(|u| u.plain()).collect();
    let rest = if d.failure_type == FailureType::Unclassified {
        "A deployment fault that shows only there (a login loop, refused cookies, a proxy or clock \
         fault) is not ruled out."
    } else if d.verdict == Verdict::Deployment {
        "The deployment fault is named from what the page itself shows."
    } else {
        "This is the failure as the page shows it, not confirmed: a deployment fault that shows \
         only there (proxy, cookies or clock) was not checked."
    };
    Some(format!(
        "Page only: the extension had no access to this site, so it did not see {}. {rest} For a \
         full diagnosis, allow the extension on this site, sign in again until it fails, and run \
         it again.",
        what.join(", nor ")
    ))
}

/// One finding with what produced it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "serde-reference", derive(Deserialize))]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    pub source: Source,
    /// The rule, written as its stable id (`cookie.secure_on_http`).
    pub rule: Rule,
    /// One line for people, built from allow-listed pieces only.
    pub detail: String,
    /// The finding as a plain sentence for the person at the keyboard, no
    /// rule id and no jargon (absent in reports made before it existed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plain: Option<String>,
    /// The finding's parts (a code, a host, seconds) as a message of the
    /// core's message data, set by the rule that has them, so the UI
    /// language words them; not written out (the report keeps `detail`).
    #[serde(skip)]
    pub said: Option<Msg>,
    /// The failure type this supports, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supports: Option<FailureType>,
    /// The deployment fault this points at, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cause: Option<Cause>,
    /// Strength in [0, 1].
    pub weight: f32,
    /// What the finding is about (a cookie, a host, a URL); not written
    /// out: the report uses it to pick the cookies the evidence names.
    #[serde(skip)]
    pub subject: Subject,
}

impl Evidence {
    /// A finding of `rule` from `source`: about nothing in particular, with
    /// no cause, no failure type and no parts until the builders add them.
    pub fn new(source: Source, rule: Rule, detail: String, weight: f32) -> Evidence {
        Evidence {
            source,
            rule,
            subject: Subject::None,
            detail,
            plain: None,
            said: None,
            supports: None,
            cause: None,
            weight,
        }
    }

    /// The same evidence, pointing at the deployment fault `cause`.
    pub fn blaming(mut self, cause: Option<Cause>) -> Evidence {
        self.cause = cause;
        self
    }

    /// The same evidence, said from its parts as `m`.
    pub fn saying(mut self, m: Msg) -> Evidence {
        self.said = Some(m);
        self
    }

    /// The same evidence, about `subject`.
    pub fn about(mut self, subject: Subject) -> Evidence {
        self.subject = subject;
        self
    }
}

/// Where a code was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "serde-reference", derive(Deserialize))]
#[serde(rename_all = "snake_case")]
pub enum CodeSource {
    /// `error_code` in the URL query or fragment.
    UrlErrorCode,
    /// `error` in the URL query or fragment.
    UrlError,
    /// A `data-*` attribute or similar markup.
    Markup,
    /// Written in the page text next to the message.
    Text,
    /// `error_code` or `error` in a recorded navigation of this tab (a
    /// redirect the page consumed and no longer shows).
    TrailUrl,
    /// The HTTP status of a bare status page ("429 Too Many Requests"),
    /// as `HTTP 429`.
    HttpStatus,
    /// The browser's network error for the page on screen
    /// (`net::ERR_TOO_MANY_REDIRECTS`, Firefox's `NS_ERROR_REDIRECT_LOOP`).
    NetError,
}

/// A clock comparison.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "serde-reference", derive(Deserialize))]
#[serde(deny_unknown_fields)]
pub struct ClockFinding {
    pub host: String,
    /// Local clock minus the host's `Date`, in seconds (median over responses).
    pub skew_s: i64,
    pub samples: u32,
}

/// A code shown to the user, with what the catalogs know of it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "serde-reference", derive(Deserialize))]
#[serde(deny_unknown_fields)]
pub struct SafeCode {
    pub code: String,
    pub source: CodeSource,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub catalog: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meaning: Option<String>,
    /// The failure type the catalog maps it to; `None` when unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub maps_to: Option<FailureType>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "serde-reference", derive(Deserialize))]
#[serde(deny_unknown_fields)]
pub struct Diagnosis {
    pub failure_type: FailureType,
    pub verdict: Verdict,
    /// In [0, 1], two decimals.
    pub confidence: f32,
    /// The headline in plain words.
    pub headline: String,
    /// What the page itself shows, when deployment evidence outranks it
    /// (a rejected TOTP code while the auth host's clock is off).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shown_as: Option<FailureType>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub causes: Vec<Cause>,
    /// The most specific code shown to the user, verbatim.
    pub safe_code: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub safe_codes: Vec<SafeCode>,
    /// Seconds to wait, when a cooldown or `Retry-After` says so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_after_s: Option<u32>,
    /// The guide's next move (report version 1; kept as it was).
    pub next_move: String,
    /// What the person at the keyboard can do now, in plain words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_move: Option<String>,
    /// Seconds left to wait before that move, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_wait_s: Option<u32>,
    /// For the administrator: the operator's move and what to send.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admin_move: Option<String>,
    pub evidence: Vec<Evidence>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub clock: Vec<ClockFinding>,
    /// A masked excerpt of the message that matched, when one did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub excerpt: Option<String>,
    /// Evidence not seen because the extension had access to the page only
    /// (the confidence is lowered by [`PAGE_ONLY_FACTOR`]); empty when the
    /// snapshot does not say page only.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not_seen: Vec<Unseen>,
}

crate::json_enum!(FailureType {
    "mfa_invalid_code" => FailureType::MfaInvalidCode,
    "mfa_challenge_expired" => FailureType::MfaChallengeExpired,
    "mfa_rate_limited" => FailureType::MfaRateLimited,
    "session_proxy_cookie" => FailureType::SessionProxyCookie,
    "unclassified" => FailureType::Unclassified,
});
crate::json_enum!(Verdict {
    "product" => Verdict::Product,
    "deployment" => Verdict::Deployment,
    "none" => Verdict::None,
});
crate::json_enum!(Cause {
    "proxy_scheme" => Cause::ProxyScheme,
    "proxy_host" => Cause::ProxyHost,
    "cookie_domain" => Cause::CookieDomain,
    "cookie_rejected" => Cause::CookieRejected,
    "cookie_bloat" => Cause::CookieBloat,
    "clock_skew" => Cause::ClockSkew,
    "login_loop" => Cause::LoginLoop,
    "third_party_cookies" => Cause::ThirdPartyCookies,
    "session_boundary" => Cause::SessionBoundary,
    "gateway" => Cause::Gateway,
});
crate::json_enum!(Unseen {
    "cookies" => Unseen::Cookies,
    "trail" => Unseen::Trail,
});
crate::json_enum!(Source {
    "page_text" => Source::PageText,
    "page_url" => Source::PageUrl,
    "page_status" => Source::PageStatus,
    "page_form" => Source::PageForm,
    "markup" => Source::Markup,
    "code_catalog" => Source::CodeCatalog,
    "cookie_jar" => Source::CookieJar,
    "trail" => Source::Trail,
    "clock" => Source::Clock,
});
crate::json_enum!(CodeSource {
    "url_error_code" => CodeSource::UrlErrorCode,
    "url_error" => CodeSource::UrlError,
    "markup" => CodeSource::Markup,
    "text" => CodeSource::Text,
    "trail_url" => CodeSource::TrailUrl,
    "http_status" => CodeSource::HttpStatus,
    "net_error" => CodeSource::NetError,
});
crate::json_struct!(
    Evidence,
    deny {
        source: req,
        rule: req,
        detail: req,
        plain: default,
        supports: default,
        cause: default,
        weight: req,
    },
    skip { subject, said }
);
crate::json_struct!(
    ClockFinding,
    deny {
        host: req,
        skew_s: req,
        samples: req
    }
);
crate::json_struct!(
    SafeCode,
    deny {
        code: req,
        source: req,
        catalog: default,
        meaning: default,
        maps_to: default,
    }
);
crate::json_struct!(
    Diagnosis,
    deny {
        failure_type: req,
        verdict: req,
        confidence: req,
        headline: req,
        shown_as: default,
        causes: default,
        safe_code: default,
        safe_codes: default,
        retry_after_s: default,
        next_move: req,
        user_move: default,
        user_wait_s: default,
        admin_move: default,
        evidence: req,
        clock: default,
        excerpt: default,
        not_seen: default,
    }
);

/// `value` with `decimals` digits after the point, rounded half away from
/// zero. Integer arithmetic instead of `{:.N}`: the float formatter is about
/// 15 KB of WASM, and the core only ever prints figures like 0.93 and 1.5.
pub fn fixed(value: f64, decimals: u32) -> String {
    let scale = 10u64.pow(decimals.min(6));
    let n = (value * scale as f64).round() as i64;
    // unsigned_abs: a value past i64 (a report's confidence is any f32)
    // saturates to i64::MIN, whose negation overflows.
    let sign = if n < 0 { "-" } else { "" };
    let n = n.unsigned_abs();
    if decimals == 0 {
        return format!("{sign}{n}");
    }
    let frac = (n % scale).to_string();
    let pad = "0".repeat((decimals.min(6) as usize).saturating_sub(frac.len()));
    format!("{sign}{}.{pad}{frac}", n / scale)
}

/// The diagnosis for people, in plain text.
pub fn render_text(d: &Diagnosis) -> String {
    let mut s = String::new();
    s.push_str(&format!("{}\n", d.headline));
    s.push_str(&format!(
        "  type: {}   verdict: {}   confidence: {}\n",
        d.failure_type.as_str(),
        d.verdict.as_str(),
        fixed(f64::from(d.confidence), 2)
    ));
    if let Some(p) = page_only_sentence(d) {
        s.push_str(&format!("  {p}\n"));
    }
    s.push_str(&format!(
        "  safe code: {}\n",
        d.safe_code.as_deref().unwrap_or("(none shown)")
    ));
    if let Some(e) = &d.excerpt {
        s.push_str(&format!("  message: \"{e}\"\n"));
    }
    if let Some(m) = &d.user_move {
        s.push_str(&format!("\nWhat you can do now: {m}\n"));
    }
    match &d.admin_move {
        Some(m) => s.push_str(&format!("For your administrator: {m}\n")),
        None => s.push_str(&format!("\nNext move: {}\n", d.next_move)),
    }
    if !d.evidence.is_empty() {
        s.push_str("\nEvidence:\n");
        for e in &d.evidence {
            s.push_str(&format!("  - [{}] {}\n", e.rule, e.detail));
        }
    }
    if !d.clock.is_empty() {
        s.push_str("\nClocks (local minus host):\n");
        for c in &d.clock {
            s.push_str(&format!(
                "  - {}: {:+} s ({} response{})\n",
                c.host,
                c.skew_s,
                c.samples,
                if c.samples == 1 { "" } else { "s" }
            ));
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_point() {
        assert_eq!(fixed(0.93, 2), "0.93");
        assert_eq!(fixed(f64::from(0.35f32), 2), "0.35");
        assert_eq!(fixed(0.05, 2), "0.05");
        assert_eq!(fixed(1.0, 2), "1.00");
        assert_eq!(fixed(1.25, 1), "1.3");
        assert_eq!(fixed(12.04, 1), "12.0");
        assert_eq!(fixed(-0.5, 1), "-0.5");
        assert_eq!(fixed(3.6, 0), "4");
        assert_eq!(fixed(61.234, 1), "61.2");
        // A report's confidence is any f32: past i64 once scaled, it saturates.
        assert_eq!(fixed(-1e30, 2), "-92233720368547758.08");
        assert_eq!(fixed(f64::NEG_INFINITY, 0), "-9223372036854775808");
        assert_eq!(fixed(1e30, 2), "92233720368547758.07");
    }
}
