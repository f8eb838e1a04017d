//! Words for the two audiences of a diagnosis (issue 13): what the person at
//! the keyboard can do now (`user_move`), what the administrator does and
//! what to send (`admin_move`), and each finding as a plain sentence
//! (`evidence[].plain`).
//!
//! Like the rest of the diagnosis, every string is composed from pieces that
//! are already allow-listed (redacted URLs and hosts, masked excerpts, codes
//! the page shows, numbers). The user is never told to change a server, a
//! proxy or a clock they do not own: those moves go to the administrator.

use crate::diagnosis::{Cause, ClockFinding, Evidence, FailureType, Rule};

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
    if !c.has_rule(Rule::ClockLocalOff) {
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
        (Some(Rule::TextAccountBlocked), _) => "The page says your account is blocked or disabled. Only your administrator can change that: send them the report (Copy report).".to_owned(),
        (Some(Rule::TextCredentials), _) => "Check the username and password and try again (Caps Lock, keyboard layout). If you forgot the password, use the page's reset link.".to_owned(),
        (_, Some(code)) => format!("Follow the page's instructions. If they do not help, send the code {code} with the report (Copy report) to your administrator."),
        (Some(Rule::TextStepRequired), None) if c.otp_page => "Enter the current code from your authenticator app to finish signing in.".to_owned(),
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
    match e.rule {
        Rule::FormOneTimeCodeInput => "This page asks for a one-time code (the MFA step).".into(),
        Rule::FormResendCooldown => format!(
            "The page lets you ask for a new code only later ({}).",
            d.split_once(": ").map_or(d, |(_, r)| r)
        ),
        Rule::TextInvalidCode | Rule::TextInvalidOnMfaStep | Rule::TextMfaFailed => {
            said("The page says the code was not accepted")
        }
        Rule::TextChallengeExpired | Rule::TextExpiredOnMfaStep => {
            said("The page says the sign-in step expired")
        }
        Rule::TextRateLimit => said("The page says there were too many attempts"),
        Rule::TextCredentials => said("The page says the username or password was not accepted"),
        Rule::TextAccountBlocked => said("The page says the account is blocked or disabled"),
        Rule::TextStepRequired => said("The page asks for a further step"),
        Rule::TextCsrf | Rule::TextSessionBoundary | Rule::TextSessionMissing => {
            said("The page reports a problem with the session")
        }
        Rule::TextHeaderOrCookieTooLarge | Rule::PageHeaderOrCookieTooLarge => {
            "The server refused the request because the browser sends too many or too large cookies.".into()
        }
        Rule::TextOtherFailure => said("The page reports a failure"),
        Rule::Status429 => "The server answered that there were too many attempts (HTTP 429).".into(),
        Rule::TrailStatus429 => match d.split_once("Retry-After ").and_then(|(_, r)| r.split(' ').next()?.parse::<u32>().ok()) {
            Some(s) => format!("The sign-in server limited the attempts and asked to wait {} (HTTP 429).", duration(s)),
            None => "The sign-in server limited the attempts (HTTP 429).".into(),
        },
        Rule::Status419 => "The page's security token had expired (HTTP 419).".into(),
        Rule::Status431 | Rule::TrailStatus431 | Rule::CookieHeaderTooLarge | Rule::CookieTooManyForDomain | Rule::CookieTooLarge => {
            "The browser sends more cookie data than the server accepts.".into()
        }
        Rule::CodeCatalog | Rule::CodeGeneric | Rule::CodeUnknown | Rule::TrailErrorCode => {
            sentence(d)
        }
        Rule::ClockHostSkew | Rule::ClockHostSkewSmall | Rule::ClockHostsDisagree => format!(
            "A server's clock is off, so codes and sign-in times are judged wrong ({}).",
            d.split(" (").next().unwrap_or(d)
        ),
        Rule::ClockLocalOff => sentence(d.split(" (").next().unwrap_or(d)),
        Rule::TrailRedirectToHttp => {
            "The site sent the browser from its secure (https) address to an insecure (http) one.".into()
        }
        Rule::TrailRedirectToInternalHost | Rule::TrailRedirectToOtherPort | Rule::PageHostNotPublished => {
            "The site sent the browser to an address other than the one users should open.".into()
        }
        Rule::TrailLoginLoop => {
            "The sign-in keeps going round in circles instead of letting you in.".into()
        }
        Rule::TrailTooManyRedirects => {
            "The browser gave up because the site kept sending it from one address to another (too many redirects).".into()
        }
        Rule::TrailLoginBounce => {
            "The sign-in was accepted, but the browser landed on the sign-in page again.".into()
        }
        Rule::TrailIncomplete => {
            "The record of page loads starts in the middle of the sign-in (the extension started late), so the findings that rest on the order of page loads (going round in circles, being sent back to the sign-in page) are less certain.".into()
        }
        Rule::TrailMfaBouncedToSignIn => {
            "The code was sent, and the site answered with its sign-in page: the pending sign-in had timed out.".into()
        }
        Rule::TrailCookieNotSent => {
            "The browser did not send back the sign-in cookie the site had just set.".into()
        }
        Rule::TrailSetCookieRejected | Rule::CookiePrefixHost | Rule::CookiePrefixSecure | Rule::CookieSamesiteNoneInsecure | Rule::CookieSecureOnHttp => {
            "The browser refuses or withholds a sign-in cookie of this site because of how the site sets it.".into()
        }
        Rule::TrailSetCookieOtherDomain | Rule::CookieDomainNotPublished => {
            "The site sets its sign-in cookie for another address than the one users open.".into()
        }
        Rule::CookieDuplicateName | Rule::CookieHostOnlyAndDomain => {
            "The browser holds two sign-in cookies with the same name, so the site may read the wrong one.".into()
        }
        Rule::CookieExpired => "A sign-in cookie has expired.".into(),
        Rule::TrailSessionCookieNotSecure => {
            "The site set its session cookie without the Secure flag, a sign of a proxy setting.".into()
        }
        Rule::TrailSetCookieExpiredOnArrival => {
            "A sign-in cookie arrived already expired by this computer's clock.".into()
        }
        Rule::TrailGatewayError | Rule::PageGatewayError => {
            "The gateway in front of the sign-in service could not reach it.".into()
        }
        Rule::TrailRefreshFailing => "Keeping the session alive failed several times.".into(),
        Rule::TrailRefreshInCrossSiteFrame => {
            "The browser blocks the cookies a background session refresh needs.".into()
        }
        Rule::PageIdentityProvider => "This is the sign-in provider's own page.".into(),
        Rule::PageOtherSite => "This page is on another site than the published address.".into(),
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
