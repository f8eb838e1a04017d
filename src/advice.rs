//! Words for the two audiences of a diagnosis (issue 13): what the person at
//! the keyboard can do now (`user_move`), what the administrator does and
//! what to send (`admin_move`), and each finding as a plain sentence
//! (`evidence[].plain`).
//!
//! Like the rest of the diagnosis, every string is composed from pieces that
//! are already allow-listed (redacted URLs and hosts, masked excerpts, codes
//! the page shows, numbers). The user is never told to change a server, a
//! proxy or a clock they do not own: those moves go to the administrator.

use crate::diagnosis::{Cause, ClockFinding, Evidence, FailureType, Rule, Verdict};
use crate::say::Msg;

/// What the advice is composed from.
pub struct Case<'a> {
    pub failure_type: FailureType,
    pub causes: &'a [Cause],
    /// The safe code shown to the user, verbatim.
    pub safe_code: Option<&'a str>,
    /// Seconds left to wait, when known.
    pub wait_s: Option<u32>,
    /// The published URL, redacted.
    pub published: Option<&'a str>,
    pub clock: &'a [ClockFinding],
    /// The page shows some failure (a sentence, a code, an error status).
    pub saw_failure: bool,
    /// The page asks for a one-time code.
    pub otp_page: bool,
    /// The evidence as it will be reported (strongest first).
    pub evidence: &'a [Evidence],
}

impl Case<'_> {
    fn has_rule(&self, rule: Rule) -> bool {
        self.evidence.iter().any(|e| e.rule == rule)
    }

    /// The rule of the strongest page sentence that is none of the four.
    fn other_rule(&self) -> Option<Rule> {
        self.evidence
            .iter()
            .filter(|e| e.supports.is_none_or(|t| t == FailureType::Unclassified))
            .map(|e| e.rule)
            .find(|r| {
                matches!(
                    *r,
                    Rule::TextCredentials
                        | Rule::TextAccountBlocked
                        | Rule::TextStepRequired
                        | Rule::TextOtherFailure
                )
            })
    }
}

/// Message keys built from a failure type (not written out as literals).
pub const DYNAMIC_KEYS: [&str; 9] = [
    "type.mfa_invalid_code",
    "type.mfa_challenge_expired",
    "type.mfa_rate_limited",
    "type.session_proxy_cookie",
    "type.unclassified",
    "short.mfa_invalid_code",
    "short.mfa_challenge_expired",
    "short.mfa_rate_limited",
    "short.session_proxy_cookie",
];

/// The failure type in plain words ("The MFA code was not accepted").
pub fn type_plain(t: FailureType) -> Msg {
    Msg::new(match t {
        FailureType::MfaInvalidCode => "type.mfa_invalid_code",
        FailureType::MfaChallengeExpired => "type.mfa_challenge_expired",
        FailureType::MfaRateLimited => "type.mfa_rate_limited",
        FailureType::SessionProxyCookie => "type.session_proxy_cookie",
        FailureType::Unclassified => "type.unclassified",
    })
}

/// The guide's short name of a type the page shows ("invalid MFA code").
fn type_short(t: FailureType) -> Msg {
    Msg::new(match t {
        FailureType::MfaInvalidCode => "short.mfa_invalid_code",
        FailureType::MfaChallengeExpired => "short.mfa_challenge_expired",
        FailureType::MfaRateLimited => "short.mfa_rate_limited",
        FailureType::SessionProxyCookie | FailureType::Unclassified => "short.session_proxy_cookie",
    })
}

/// The headline: the failure type, with what the page shows when the
/// deployment evidence outranks it.
pub fn headline(t: FailureType, shown_as: Option<FailureType>, saw_failure: bool) -> Msg {
    match shown_as {
        Some(s) => Msg::new("headline.shown_as")
            .msg("type", type_plain(t))
            .msg("shown", type_short(s)),
        None if t == FailureType::Unclassified && !saw_failure => Msg::new("headline.no_failure"),
        None => type_plain(t),
    }
}

/// "Start signing in again from the beginning …", at the start of a
/// sentence (`mid`: inside one).
fn start_again(published: Option<&str>, mid: bool) -> Msg {
    match (published, mid) {
        (Some(u), false) => Msg::new("start.url").text("url", u),
        (None, false) => Msg::new("start.no_url"),
        (Some(u), true) => Msg::new("start_mid.url").text("url", u),
        (None, true) => Msg::new("start_mid.no_url"),
    }
}

/// What the person at the keyboard can do now, and how long to wait first.
pub fn user_move(c: &Case<'_>) -> (Msg, Option<u32>) {
    match c.failure_type {
        FailureType::MfaInvalidCode => {
            if let Some(s) = local_clock_off(c) {
                return (Msg::new("user.invalid_code_clock").secs("off", s), None);
            }
            (Msg::new("user.invalid_code"), None)
        }
        FailureType::MfaChallengeExpired => (
            Msg::new("user.expired").msg("start", start_again(c.published, false)),
            None,
        ),
        FailureType::MfaRateLimited => match c.wait_s {
            Some(s) if s > 0 => (Msg::new("user.rate_limited_wait").secs("wait", s), Some(s)),
            _ => (Msg::new("user.rate_limited"), None),
        },
        FailureType::SessionProxyCookie => (session_user_move(c), None),
        FailureType::Unclassified => (unclassified_user_move(c), None),
    }
}

/// This computer's clock, off from every host that agrees with the others.
fn local_clock_off(c: &Case<'_>) -> Option<u32> {
    if !c.has_rule(Rule::ClockLocalOff) {
        return None;
    }
    c.clock
        .iter()
        .map(|f| f.skew_s.unsigned_abs())
        .min()
        .and_then(|s| u32::try_from(s).ok())
}

fn session_user_move(c: &Case<'_>) -> Msg {
    let first = c.causes.first().copied().unwrap_or(Cause::SessionBoundary);
    match first {
        Cause::ClockSkew => Msg::new("user.session_clock_skew"),
        Cause::CookieBloat => Msg::new("user.session_cookie_bloat"),
        Cause::Gateway => Msg::new("user.session_gateway"),
        Cause::ThirdPartyCookies => Msg::new("user.session_third_party"),
        Cause::SessionBoundary => {
            Msg::new("user.session_boundary").msg("start", start_again(c.published, true))
        }
        Cause::ProxyScheme
        | Cause::ProxyHost
        | Cause::CookieDomain
        | Cause::CookieRejected
        | Cause::LoginLoop => match c.published {
            Some(u) => Msg::new("user.session_setup_url").text("url", u),
            None => Msg::new("user.session_setup"),
        },
    }
}

fn unclassified_user_move(c: &Case<'_>) -> Msg {
    if let Some(s) = local_clock_off(c) {
        return Msg::new("user.local_clock").secs("off", s);
    }
    match (c.other_rule(), c.safe_code) {
        (Some(Rule::TextAccountBlocked), _) => Msg::new("user.blocked"),
        (Some(Rule::TextCredentials), _) => Msg::new("user.credentials"),
        (_, Some(code)) => Msg::new("user.code").text("code", code),
        (Some(Rule::TextStepRequired), None) if c.otp_page => Msg::new("user.enter_code"),
        (Some(_), None) => Msg::new("user.follow_page"),
        (None, None) if c.otp_page => Msg::new("user.enter_code"),
        (None, None) if c.saw_failure => Msg::new("user.follow_page"),
        (None, None) => Msg::new("user.nothing"),
    }
}

/// For the administrator: the guide's operator move plus what to send.
/// `operator` is the guide's move for this case (the `next_move` without
/// its escalation sentence).
pub fn admin_move(c: &Case<'_>, operator: Msg) -> Msg {
    let what = match (c.safe_code, c.published) {
        (Some(code), Some(u)) => Msg::new("send.code_url").text("code", code).text("url", u),
        (Some(code), None) => Msg::new("send.code").text("code", code),
        (None, Some(u)) => Msg::new("send.url").text("url", u),
        (None, None) => Msg::new("send.none"),
    };
    Msg::new("admin.move")
        .msg("operator", operator)
        .msg("what", what)
}

/// A page-only diagnosis's operator move (`env.host_access: page_only`):
/// a product answer is not confirmed, since the deployment was not checked;
/// otherwise the request for a report with full access follows the move.
pub fn page_only_operator(t: FailureType, verdict: Verdict, operator: Msg) -> Msg {
    if verdict == Verdict::Product {
        Msg::new("op.page_only_product").msg("shown", type_short(t))
    } else {
        Msg::new("op.page_only").msg("operator", operator)
    }
}

/// The finding as a plain sentence, no rule id.
pub fn plain(e: &Evidence) -> Msg {
    // The rule that had the finding's parts said it from them.
    if let Some(m) = &e.said {
        return m.clone();
    }
    let d = e.detail.as_str();
    let said = |key: &'static str| Msg::new(key).text("said", d);
    match e.rule {
        Rule::FormOneTimeCodeInput => Msg::new("ev.otp_input"),
        Rule::FormResendCooldown => match d
            .split_once(": ")
            .and_then(|(_, r)| r.split_once(" s left")?.0.parse::<u32>().ok())
        {
            Some(s) => Msg::new("ev.resend_cooldown_wait").secs("wait", s),
            None => Msg::new("ev.resend_cooldown")
                .text("when", d.split_once(": ").map_or(d, |(_, r)| r)),
        },
        Rule::TextInvalidCode | Rule::TextInvalidOnMfaStep | Rule::TextMfaFailed => {
            said("ev.says_invalid")
        }
        Rule::TextChallengeExpired | Rule::TextExpiredOnMfaStep => said("ev.says_expired"),
        Rule::TextRateLimit => said("ev.says_rate_limit"),
        Rule::TextCredentials => said("ev.says_credentials"),
        Rule::TextAccountBlocked => said("ev.says_blocked"),
        Rule::TextStepRequired => said("ev.says_step"),
        Rule::TextCsrf | Rule::TextSessionBoundary | Rule::TextSessionMissing => {
            said("ev.says_session")
        }
        Rule::TextHeaderOrCookieTooLarge | Rule::PageHeaderOrCookieTooLarge => {
            Msg::new("ev.header_too_large")
        }
        Rule::TextOtherFailure => said("ev.says_failure"),
        Rule::Status429 => Msg::new("ev.status_429"),
        Rule::TrailStatus429 => match d
            .split_once("Retry-After ")
            .and_then(|(_, r)| r.split(' ').next()?.parse::<u32>().ok())
        {
            Some(s) => Msg::new("ev.trail_429_wait").secs("wait", s),
            None => Msg::new("ev.trail_429"),
        },
        Rule::Status419 => Msg::new("ev.status_419"),
        Rule::Status431
        | Rule::TrailStatus431
        | Rule::CookieHeaderTooLarge
        | Rule::CookieTooManyForDomain
        | Rule::CookieTooLarge => Msg::new("ev.cookies_too_large"),
        // The detail's parts (a code, a host, seconds) in a sentence of the
        // UI language; the English detail where its shape is not the known one.
        // Said from their parts where the rule set `said` (above); this is
        // the path of evidence read back from a report.
        Rule::CodeUnknown | Rule::TrailErrorCode | Rule::CodeCatalog | Rule::CodeGeneric => {
            Msg::new("ev.detail").text("detail", sentence(d))
        }
        Rule::ClockHostSkew | Rule::ClockHostSkewSmall | Rule::ClockHostsDisagree => {
            Msg::new("ev.host_clock").text("detail", d.split(" (").next().unwrap_or(d))
        }
        Rule::ClockLocalOff => {
            Msg::new("ev.detail").text("detail", sentence(d.split(" (").next().unwrap_or(d)))
        }
        Rule::TrailRedirectToHttp => Msg::new("ev.redirect_to_http"),
        Rule::TrailRedirectToInternalHost
        | Rule::TrailRedirectToOtherPort
        | Rule::PageHostNotPublished => Msg::new("ev.other_address"),
        Rule::TrailLoginLoop => Msg::new("ev.login_loop"),
        Rule::TrailTooManyRedirects => Msg::new("ev.too_many_redirects"),
        Rule::TrailIncomplete => Msg::new("ev.incomplete_trail"),
        Rule::TrailLoginBounce => Msg::new("ev.login_bounce"),
        Rule::TrailMfaBouncedToSignIn => Msg::new("ev.mfa_bounced"),
        Rule::TrailCookieNotSent => Msg::new("ev.cookie_not_sent"),
        Rule::TrailSetCookieRejected
        | Rule::CookiePrefixHost
        | Rule::CookiePrefixSecure
        | Rule::CookieSamesiteNoneInsecure
        | Rule::CookieSecureOnHttp => Msg::new("ev.cookie_refused"),
        Rule::TrailSetCookieOtherDomain | Rule::CookieDomainNotPublished => {
            Msg::new("ev.cookie_other_domain")
        }
        Rule::CookieDuplicateName | Rule::CookieHostOnlyAndDomain => {
            Msg::new("ev.cookie_duplicate")
        }
        Rule::CookieExpired => Msg::new("ev.cookie_expired"),
        Rule::TrailSessionCookieNotSecure => Msg::new("ev.cookie_not_secure"),
        Rule::TrailSetCookieExpiredOnArrival => Msg::new("ev.cookie_expired_on_arrival"),
        Rule::TrailGatewayError | Rule::PageGatewayError => Msg::new("ev.gateway"),
        Rule::TrailRefreshFailing => Msg::new("ev.refresh_failing"),
        Rule::TrailRefreshInCrossSiteFrame => Msg::new("ev.refresh_cross_site"),
        Rule::PageIdentityProvider => Msg::new("ev.identity_provider"),
        Rule::PageOtherSite => Msg::new("ev.other_site"),
        _ => Msg::new("ev.detail").text("detail", sentence(d)),
    }
}

/// `s` with a capital first letter and a full stop.
fn sentence(s: &str) -> String {
    let mut out: String = {
        let mut c = s.chars();
        match c.next() {
            Some(f) => f.to_uppercase().chain(c).collect(),
            None => String::new(),
        }
    };
    if !out.ends_with(['.', '!', '?', '"']) {
        out.push('.');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A rule that had the finding's parts says it from them (the UI
    /// language words them); evidence read back from a report, which has no
    /// parts, keeps its English detail.
    #[test]
    fn evidence_is_said_from_its_parts_else_from_its_detail() {
        let ev = |detail: &str| Evidence {
            source: crate::diagnosis::Source::PageText,
            rule: Rule::CodeUnknown,
            subject: crate::diagnosis::Subject::None,
            detail: detail.to_owned(),
            plain: None,
            said: None,
            supports: None,
            cause: None,
            weight: 0.3,
        };
        let parts = Msg::new("ev.code_unknown").text("code", "NAN-4711");
        let m = plain(
            &ev("code NAN-4711 is in no catalog: captured verbatim, not interpreted").saying(parts),
        );
        assert_eq!(m.key, "ev.code_unknown");
        assert_eq!(
            m.english(),
            "Code NAN-4711 is in no catalog: captured verbatim, not interpreted."
        );
        let m = plain(&ev("code X, odd"));
        assert_eq!(m.key, "ev.detail");
        assert_eq!(m.english(), "Code X, odd.");
    }

    #[test]
    fn sentences_start_big_and_end_with_a_stop() {
        assert_eq!(sentence("code X is unknown"), "Code X is unknown.");
        assert_eq!(sentence("done."), "done.".replacen('d', "D", 1));
    }
}
