//! Words for the two audiences of a diagnosis (issue 13): what the person at
//! the keyboard can do now (`user_move`), what the administrator does and
//! what to send (`admin_move`), and each finding as a plain sentence
//! (`evidence[].plain`).
//!
//! Like the rest of the diagnosis, every string is composed from pieces that
//! are already allow-listed (redacted URLs and hosts, masked excerpts, codes
//! the page shows, numbers). The user is never told to change a server, a
//! proxy or a clock they do not own: those moves go to the administrator.

use crate::diagnosis::{Cause, ClockFinding, Evidence, FailureType};
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
    fn has_rule(&self, rule: &str) -> bool {
        self.evidence.iter().any(|e| e.rule == rule)
    }

    /// The rule of the strongest page sentence that is none of the four.
    fn other_rule(&self) -> Option<&str> {
        self.evidence
            .iter()
            .filter(|e| e.supports.is_none_or(|t| t == FailureType::Unclassified))
            .map(|e| e.rule.as_str())
            .find(|r| {
                matches!(
                    *r,
                    "text.credentials"
                        | "text.account_blocked"
                        | "text.step_required"
                        | "text.other_failure"
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
    if !c.has_rule("clock.local_off") {
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
        (Some("text.account_blocked"), _) => Msg::new("user.blocked"),
        (Some("text.credentials"), _) => Msg::new("user.credentials"),
        (_, Some(code)) => Msg::new("user.code").text("code", code),
        (Some("text.step_required"), None) if c.otp_page => Msg::new("user.enter_code"),
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

/// The finding as a plain sentence, no rule id.
pub fn plain(e: &Evidence) -> Msg {
    let d = e.detail.as_str();
    let said = |key: &'static str| Msg::new(key).text("said", d);
    match e.rule.as_str() {
        "form.one_time_code_input" => Msg::new("ev.otp_input"),
        "form.resend_cooldown" => match d
            .split_once(": ")
            .and_then(|(_, r)| r.split_once(" s left")?.0.parse::<u32>().ok())
        {
            Some(s) => Msg::new("ev.resend_cooldown_wait").secs("wait", s),
            None => Msg::new("ev.resend_cooldown")
                .text("when", d.split_once(": ").map_or(d, |(_, r)| r)),
        },
        "text.invalid_code" | "text.invalid_on_mfa_step" | "text.mfa_failed" => {
            said("ev.says_invalid")
        }
        "text.challenge_expired" | "text.expired_on_mfa_step" => said("ev.says_expired"),
        "text.rate_limit" => said("ev.says_rate_limit"),
        "text.credentials" => said("ev.says_credentials"),
        "text.account_blocked" => said("ev.says_blocked"),
        "text.step_required" => said("ev.says_step"),
        "text.csrf" | "text.session_boundary" | "text.session_missing" => said("ev.says_session"),
        "text.header_or_cookie_too_large" | "page.header_or_cookie_too_large" => {
            Msg::new("ev.header_too_large")
        }
        "text.other_failure" => said("ev.says_failure"),
        "status.429" => Msg::new("ev.status_429"),
        "trail.status_429" => match d
            .split_once("Retry-After ")
            .and_then(|(_, r)| r.split(' ').next()?.parse::<u32>().ok())
        {
            Some(s) => Msg::new("ev.trail_429_wait").secs("wait", s),
            None => Msg::new("ev.trail_429"),
        },
        "status.419" => Msg::new("ev.status_419"),
        "status.431"
        | "trail.status_431"
        | "cookie.header_too_large"
        | "cookie.too_many_for_domain"
        | "cookie.too_large" => Msg::new("ev.cookies_too_large"),
        "code.catalog" | "code.generic" | "code.unknown" | "trail.error_code" => {
            Msg::new("ev.detail").text("detail", sentence(d))
        }
        "clock.host_skew" | "clock.host_skew_small" | "clock.hosts_disagree" => {
            Msg::new("ev.host_clock").text("detail", d.split(" (").next().unwrap_or(d))
        }
        "clock.local_off" => {
            Msg::new("ev.detail").text("detail", sentence(d.split(" (").next().unwrap_or(d)))
        }
        "trail.redirect_to_http" => Msg::new("ev.redirect_to_http"),
        "trail.redirect_to_internal_host"
        | "trail.redirect_to_other_port"
        | "page.host_not_published" => Msg::new("ev.other_address"),
        "trail.login_loop" | "trail.too_many_redirects" => Msg::new("ev.login_loop"),
        "trail.login_bounce" => Msg::new("ev.login_bounce"),
        "trail.mfa_bounced_to_sign_in" => Msg::new("ev.mfa_bounced"),
        "trail.cookie_not_sent" => Msg::new("ev.cookie_not_sent"),
        "trail.set_cookie_rejected"
        | "cookie.prefix_host"
        | "cookie.prefix_secure"
        | "cookie.samesite_none_insecure"
        | "cookie.secure_on_http" => Msg::new("ev.cookie_refused"),
        "trail.set_cookie_other_domain" | "cookie.domain_not_published" => {
            Msg::new("ev.cookie_other_domain")
        }
        "cookie.duplicate_name" | "cookie.host_only_and_domain" => Msg::new("ev.cookie_duplicate"),
        "cookie.expired" => Msg::new("ev.cookie_expired"),
        "trail.session_cookie_not_secure" => Msg::new("ev.cookie_not_secure"),
        "trail.set_cookie_expired_on_arrival" => Msg::new("ev.cookie_expired_on_arrival"),
        "trail.gateway_error" | "page.gateway_error" => Msg::new("ev.gateway"),
        "trail.refresh_failing" => Msg::new("ev.refresh_failing"),
        "trail.refresh_in_cross_site_frame" => Msg::new("ev.refresh_cross_site"),
        "page.identity_provider" => Msg::new("ev.identity_provider"),
        "page.other_site" => Msg::new("ev.other_site"),
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

    #[test]
    fn sentences_start_big_and_end_with_a_stop() {
        assert_eq!(sentence("code X is unknown"), "Code X is unknown.");
        assert_eq!(sentence("done."), "done.".replacen('d', "D", 1));
    }
}
