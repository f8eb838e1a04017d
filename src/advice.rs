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

/// Seconds as people say them; `None` for the vague "a few minutes".
fn duration(s: u32) -> String {
    match s {
        1 => "1 second".to_owned(),
        0..=90 => format!("{s} seconds"),
        91..=5400 => format!("{} minutes", s.div_ceil(60)),
        _ => format!("{} hours", s.div_ceil(3600)),
    }
}

fn start_again(published: Option<&str>) -> String {
    match published {
        Some(u) => format!("Start signing in again from the beginning at {u}"),
        None => "Start signing in again from the beginning (open the site's address yourself rather than going back)".to_owned(),
    }
}

/// What the person at the keyboard can do now, and how long to wait first.
pub fn user_move(c: &Case<'_>) -> (String, Option<u32>) {
    let send = "If it still fails, send the report (Copy report) to your administrator.";
    match c.failure_type {
        FailureType::MfaInvalidCode => {
            if let Some(s) = local_clock_off(c) {
                return (
                    format!("This computer's clock is about {} off. Set its date and time to automatic, then type the newest code from your authenticator app. {send}", duration(s)),
                    None,
                );
            }
            (
                format!("Type the newest code from your authenticator app (each code works once, for about 30 seconds), and submit it once. If fresh codes keep failing, check that your phone's date and time are set automatically. {send}"),
                None,
            )
        }
        FailureType::MfaChallengeExpired => (
            format!(
                "The sign-in step timed out. {}, then enter the code as soon as it is asked for. {send}",
                start_again(c.published)
            ),
            None,
        ),
        FailureType::MfaRateLimited => match c.wait_s {
            Some(s) if s > 0 => (
                format!("Wait {}, then ask for a new code and type it once. Trying again before then can make the wait longer.", duration(s)),
                Some(s),
            ),
            _ => (
                "Wait a few minutes, then ask for a new code and type it once. Trying again sooner can make the wait longer.".to_owned(),
                None,
            ),
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

fn session_user_move(c: &Case<'_>) -> String {
    let first = c.causes.first().copied().unwrap_or(Cause::SessionBoundary);
    let admin = "This needs your administrator: send them the report (Copy report).";
    match first {
        Cause::ClockSkew => format!("The site's server clock is off, so correct codes are refused; your phone and this computer are not the cause. Do not keep retrying. {admin}"),
        Cause::CookieBloat => "Your browser holds more cookies for this site than its server accepts. Clear the cookies for this site only (in the browser's site settings), then sign in again from the start. If it happens again, send the report (Copy report) to your administrator.".to_owned(),
        Cause::Gateway => "The sign-in service is not reachable right now. Try again in a few minutes; if it keeps failing, send the report (Copy report) to your administrator.".to_owned(),
        Cause::ThirdPartyCookies => format!("Your browser blocks the cookies this site's background sign-in needs. Sign in again from the site's own page (not inside another site). {admin}"),
        Cause::SessionBoundary => format!(
            "Close the other tabs of this site, then {} in this tab. If it happens again, send the report (Copy report) to your administrator.",
            lower_first(&start_again(c.published))
        ),
        Cause::ProxyScheme | Cause::ProxyHost | Cause::CookieDomain | Cause::CookieRejected | Cause::LoginLoop => {
            let open = match c.published {
                Some(u) => format!(" Make sure you opened {u} (not an old bookmark or another address)."),
                None => String::new(),
            };
            format!("The site's setup keeps the sign-in from completing; retrying or clearing cookies will not fix it.{open} {admin}")
        }
    }
}

fn unclassified_user_move(c: &Case<'_>) -> String {
    if let Some(s) = local_clock_off(c) {
        return format!("This computer's clock is about {} off (the site's servers agree with each other). Set its date and time to automatic; codes and sign-in times can fail until then.", duration(s));
    }
    match (c.other_rule(), c.safe_code) {
        (Some("text.account_blocked"), _) => "The page says your account is blocked or disabled. Only your administrator can change that: send them the report (Copy report).".to_owned(),
        (Some("text.credentials"), _) => "Check the username and password and try again (Caps Lock, keyboard layout). If you forgot the password, use the page's reset link.".to_owned(),
        (_, Some(code)) => format!("Follow the page's instructions. If they do not help, send the code {code} with the report (Copy report) to your administrator."),
        (Some("text.step_required"), None) if c.otp_page => "Enter the current code from your authenticator app to finish signing in.".to_owned(),
        (Some(_), None) => "Follow the page's own instructions. If they do not help, send the report (Copy report) to your administrator.".to_owned(),
        (None, None) if c.otp_page => "Enter the current code from your authenticator app to finish signing in.".to_owned(),
        (None, None) if c.saw_failure => "Follow the page's own instructions. If they do not help, send the report (Copy report) to your administrator.".to_owned(),
        (None, None) => "Nothing here needs fixing. If signing in fails, open this again right on the page that shows the failure, so that it and the requests before it are captured.".to_owned(),
    }
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

/// For the administrator: the guide's operator move plus what to send.
/// `operator` is the guide's move for this case (the `next_move` without
/// its escalation sentence).
pub fn admin_move(c: &Case<'_>, operator: &str) -> String {
    let what = match (c.safe_code, c.published) {
        (Some(code), Some(u)) => format!("the safe code {code} and the exact published URL {u}"),
        (Some(code), None) => format!(
            "the safe code {code} and the exact published URL (the address users open)"
        ),
        (None, Some(u)) => {
            format!("this report (no safe code is shown) and the exact published URL {u}")
        }
        (None, None) => "this report (no safe code is shown) and the exact published URL (the address users open)".to_owned(),
    };
    format!("{operator} To escalate, send {what}.")
}

/// The finding as a plain sentence, no rule id.
pub fn plain(e: &Evidence) -> String {
    let d = e.detail.as_str();
    let said = |lead: &str| format!("{lead}: {d}");
    match e.rule.as_str() {
        "form.one_time_code_input" => "This page asks for a one-time code (the MFA step).".into(),
        "form.resend_cooldown" => format!(
            "The page lets you ask for a new code only later ({}).",
            d.split_once(": ").map_or(d, |(_, r)| r)
        ),
        "text.invalid_code" | "text.invalid_on_mfa_step" | "text.mfa_failed" => {
            said("The page says the code was not accepted")
        }
        "text.challenge_expired" | "text.expired_on_mfa_step" => {
            said("The page says the sign-in step expired")
        }
        "text.rate_limit" => said("The page says there were too many attempts"),
        "text.credentials" => said("The page says the username or password was not accepted"),
        "text.account_blocked" => said("The page says the account is blocked or disabled"),
        "text.step_required" => said("The page asks for a further step"),
        "text.csrf" | "text.session_boundary" | "text.session_missing" => {
            said("The page reports a problem with the session")
        }
        "text.header_or_cookie_too_large" | "page.header_or_cookie_too_large" => {
            "The server refused the request because the browser sends too many or too large cookies.".into()
        }
        "text.other_failure" => said("The page reports a failure"),
        "status.429" => "The server answered that there were too many attempts (HTTP 429).".into(),
        "trail.status_429" => match d.split_once("Retry-After ").and_then(|(_, r)| r.split(' ').next()?.parse::<u32>().ok()) {
            Some(s) => format!("The sign-in server limited the attempts and asked to wait {} (HTTP 429).", duration(s)),
            None => "The sign-in server limited the attempts (HTTP 429).".into(),
        },
        "status.419" => "The page's security token had expired (HTTP 419).".into(),
        "status.431" | "trail.status_431" | "cookie.header_too_large" | "cookie.too_many_for_domain" | "cookie.too_large" => {
            "The browser sends more cookie data than the server accepts.".into()
        }
        "code.catalog" | "code.generic" | "code.unknown" | "trail.error_code" => {
            sentence(d)
        }
        "clock.host_skew" | "clock.host_skew_small" | "clock.hosts_disagree" => format!(
            "A server's clock is off, so codes and sign-in times are judged wrong ({}).",
            d.split(" (").next().unwrap_or(d)
        ),
        "clock.local_off" => sentence(d.split(" (").next().unwrap_or(d)),
        "trail.redirect_to_http" => {
            "The site sent the browser from its secure (https) address to an insecure (http) one.".into()
        }
        "trail.redirect_to_internal_host" | "trail.redirect_to_other_port" | "page.host_not_published" => {
            "The site sent the browser to an address other than the one users should open.".into()
        }
        "trail.login_loop" => {
            "The sign-in keeps going round in circles instead of letting you in.".into()
        }
        "trail.too_many_redirects" => {
            "The browser gave up because the site kept sending it from one address to another (too many redirects).".into()
        }
        "trail.login_bounce" => {
            "The sign-in was accepted, but the browser landed on the sign-in page again.".into()
        }
        "trail.incomplete" => {
            "The record of page loads starts in the middle of the sign-in (the extension started late), so the findings that rest on the order of page loads (going round in circles, being sent back to the sign-in page) are less certain.".into()
        }
        "trail.mfa_bounced_to_sign_in" => {
            "The code was sent, and the site answered with its sign-in page: the pending sign-in had timed out.".into()
        }
        "trail.cookie_not_sent" => {
            "The browser did not send back the sign-in cookie the site had just set.".into()
        }
        "trail.set_cookie_rejected" | "cookie.prefix_host" | "cookie.prefix_secure" | "cookie.samesite_none_insecure" | "cookie.secure_on_http" => {
            "The browser refuses or withholds a sign-in cookie of this site because of how the site sets it.".into()
        }
        "trail.set_cookie_other_domain" | "cookie.domain_not_published" => {
            "The site sets its sign-in cookie for another address than the one users open.".into()
        }
        "cookie.duplicate_name" | "cookie.host_only_and_domain" => {
            "The browser holds two sign-in cookies with the same name, so the site may read the wrong one.".into()
        }
        "cookie.expired" => "A sign-in cookie has expired.".into(),
        "trail.session_cookie_not_secure" => {
            "The site set its session cookie without the Secure flag, a sign of a proxy setting.".into()
        }
        "trail.set_cookie_expired_on_arrival" => {
            "A sign-in cookie arrived already expired by this computer's clock.".into()
        }
        "trail.gateway_error" | "page.gateway_error" => {
            "The gateway in front of the sign-in service could not reach it.".into()
        }
        "trail.refresh_failing" => "Keeping the session alive failed several times.".into(),
        "trail.refresh_in_cross_site_frame" => {
            "The browser blocks the cookies a background session refresh needs.".into()
        }
        "page.identity_provider" => "This is the sign-in provider's own page.".into(),
        "page.other_site" => "This page is on another site than the published address.".into(),
        _ => sentence(d),
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
    fn durations_read_as_people_say_them() {
        assert_eq!(duration(1), "1 second");
        assert_eq!(duration(42), "42 seconds");
        assert_eq!(duration(120), "2 minutes");
        assert_eq!(duration(7200), "2 hours");
    }

    #[test]
    fn sentences_start_big_and_end_with_a_stop() {
        assert_eq!(sentence("code X is unknown"), "Code X is unknown.");
        assert_eq!(sentence("done."), "done.".replacen('d', "D", 1));
    }
}
