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
        Rule::CodeUnknown => match d
            .strip_prefix("code ")
            .and_then(|r| r.strip_suffix(" is in no catalog: captured verbatim, not interpreted"))
        {
            Some(code) => Msg::new("ev.code_unknown").text("code", code),
            None => Msg::new("ev.detail").text("detail", sentence(d)),
        },
        Rule::TrailErrorCode => match d
            .strip_prefix("the sign-in came back with code ")
            .and_then(|r| r.strip_suffix("; the page does not show it"))
            .and_then(|r| r.strip_suffix(')')?.split_once(" ("))
        {
            Some((code, "a recorded redirect")) => Msg::new("ev.trail_code").text("code", code),
            Some((code, place)) => match place.strip_prefix("at ") {
                Some(at) => Msg::new("ev.trail_code_at")
                    .text("code", code)
                    .text("at", at),
                None => Msg::new("ev.detail").text("detail", sentence(d)),
            },
            None => Msg::new("ev.detail").text("detail", sentence(d)),
        },
        Rule::CodeCatalog | Rule::CodeGeneric => Msg::new("ev.detail").text("detail", sentence(d)),
        Rule::ClockHostSkew | Rule::ClockHostSkewSmall | Rule::ClockHostsDisagree => {
            let first = d.split(" (").next().unwrap_or(d);
            match host_clock(first) {
                Some((host, secs, true)) => Msg::new("ev.host_clock_behind")
                    .text("host", host)
                    .num("secs", secs),
                Some((host, secs, false)) => Msg::new("ev.host_clock_ahead")
                    .text("host", host)
                    .num("secs", secs),
                None => Msg::new("ev.host_clock").text("detail", first),
            }
        }
        Rule::ClockLocalOff => {
            let first = d.split(" (").next().unwrap_or(d);
            match local_clock(first) {
                Some((secs, ahead, hosts)) => {
                    let key = if ahead {
                        "ev.local_clock_ahead"
                    } else {
                        "ev.local_clock_behind"
                    };
                    Msg::new(key).num("secs", secs).num("hosts", hosts)
                }
                None => Msg::new("ev.detail").text("detail", sentence(first)),
            }
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

/// "HOST's clock is N s behind this computer's" (or "ahead of"): the host,
/// the seconds and whether it is behind.
fn host_clock(d: &str) -> Option<(&str, i64, bool)> {
    let (host, rest) = d.split_once("'s clock is ")?;
    let (n, rest) = rest.split_once(" s ")?;
    let behind = match rest {
        "behind this computer's" => true,
        "ahead of this computer's" => false,
        _ => return None,
    };
    Some((host, n.parse().ok()?, behind))
}

/// "this computer's clock is N s ahead of all K hosts" (or "behind"): the
/// seconds, whether it is ahead, and the number of hosts.
fn local_clock(d: &str) -> Option<(i64, bool, i64)> {
    let rest = d.strip_prefix("this computer's clock is ")?;
    let (n, rest) = rest.split_once(" s ")?;
    let (ahead, hosts) = if let Some(h) = rest.strip_prefix("ahead of all ") {
        (true, h)
    } else {
        (false, rest.strip_prefix("behind all ")?)
    };
    Some((
        n.parse().ok()?,
        ahead,
        hosts.strip_suffix(" hosts")?.parse().ok()?,
    ))
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

    /// Codes and clocks are said from their parts (the UI language words
    /// them), and the English is the detail's as before.
    #[test]
    fn code_and_clock_details_become_messages_with_the_same_english() {
        let ev = |rule, detail: &str| Evidence {
            source: crate::diagnosis::Source::Clock,
            rule,
            subject: crate::diagnosis::Subject::None,
            detail: detail.to_owned(),
            plain: None,
            supports: None,
            cause: None,
            weight: 0.5,
        };
        for (rule, detail, key, english) in [
            (
                Rule::CodeUnknown,
                "code NAN-4711 is in no catalog: captured verbatim, not interpreted",
                "ev.code_unknown",
                "Code NAN-4711 is in no catalog: captured verbatim, not interpreted.",
            ),
            (
                Rule::TrailErrorCode,
                "the sign-in came back with code otp_expired (at https://a.example/cb); the page \
                 does not show it",
                "ev.trail_code_at",
                "The sign-in came back with code otp_expired (at https://a.example/cb); the page \
                 does not show it.",
            ),
            (
                Rule::TrailErrorCode,
                "the sign-in came back with code x1 (a recorded redirect); the page does not show \
                 it",
                "ev.trail_code",
                "The sign-in came back with code x1 (a recorded redirect); the page does not show \
                 it.",
            ),
            (
                Rule::ClockHostSkew,
                "a.example's clock is 300 s behind this computer's (Date header, 2 responses); \
                 TOTP tolerates about 30 s",
                "ev.host_clock_behind",
                "A server's clock is off, so codes and sign-in times are judged wrong (a.example's \
                 clock is 300 s behind this computer's).",
            ),
            (
                Rule::ClockHostSkewSmall,
                "a.example's clock is 45 s ahead of this computer's (Date header, 1 response); \
                 TOTP tolerates about 30 s",
                "ev.host_clock_ahead",
                "A server's clock is off, so codes and sign-in times are judged wrong (a.example's \
                 clock is 45 s ahead of this computer's).",
            ),
            (
                Rule::ClockLocalOff,
                "this computer's clock is 600 s ahead of all 2 hosts (they agree with each other)",
                "ev.local_clock_ahead",
                "This computer's clock is 600 s ahead of all 2 hosts.",
            ),
            (
                Rule::ClockLocalOff,
                "this computer's clock is 90 s behind all 3 hosts (they agree with each other)",
                "ev.local_clock_behind",
                "This computer's clock is 90 s behind all 3 hosts.",
            ),
            // An unknown shape keeps the detail.
            (Rule::CodeUnknown, "code X, odd", "ev.detail", "Code X, odd."),
        ] {
            let m = plain(&ev(rule, detail));
            assert_eq!(m.key, key, "{detail}");
            assert_eq!(m.english(), english);
        }
    }

    #[test]
    fn sentences_start_big_and_end_with_a_stop() {
        assert_eq!(sentence("code X is unknown"), "Code X is unknown.");
        assert_eq!(sentence("done."), "done.".replacen('d', "D", 1));
    }
}
