//! Every rule of the classifier, as a type: its id (as evidence and reports
//! write it), the signal that raises it, what it speaks for, and what it
//! says in plain words. The registry below is the one place a rule id is
//! written; `docs/classifier.md`'s rule table is generated from it (a test
//! keeps the doc current: `UPDATE_DOCS=1 cargo test --lib rules` rewrites it).

#[cfg(feature = "serde-reference")]
use serde::Deserialize;
use serde::{Serialize, Serializer};

use super::FailureType;

/// The signal (a file of the core) that raises a rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signal {
    /// `src/signals/page.rs`: the page's words, form and status.
    Page,
    /// `src/codes.rs` via `src/classify.rs`: codes the page or trail carries.
    Codes,
    /// `src/signals/cookies.rs`: the cookie jar against the page and published hosts.
    Cookies,
    /// `src/signals/trail.rs`: the tab's recorded requests.
    Trail,
    /// `src/signals/clock.rs`: `Date` headers against the local clock.
    Clock,
    /// `src/classify.rs` itself: the page status the verdict reads.
    Classify,
}

impl Signal {
    pub fn file(self) -> &'static str {
        match self {
            Signal::Page => "src/signals/page.rs",
            Signal::Codes => "src/classify.rs (codes: src/codes.rs)",
            Signal::Cookies => "src/signals/cookies.rs",
            Signal::Trail => "src/signals/trail.rs",
            Signal::Clock => "src/signals/clock.rs",
            Signal::Classify => "src/classify.rs",
        }
    }
}

/// What a rule speaks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Supports {
    /// A vote for one failure type (`classify` writes it into the evidence).
    Type(FailureType),
    /// What the catalog maps the code to.
    Catalog,
    /// A deployment fault: the evidence carries its cause (proxy, cookie,
    /// clock, loop, gateway), which supports `session_proxy_cookie`.
    Deployment,
    /// Context for the other findings; no vote of its own.
    Context,
}

/// What a piece of evidence is about: the report keeps the cookies its
/// evidence names by this, not by searching the evidence's words.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Subject {
    #[default]
    None,
    /// Cookies, by their names in the jar (never their values).
    Cookies(Vec<String>),
    /// A host.
    Host(String),
    /// A URL (as observed; shown only after redaction).
    Url(String),
}

impl Subject {
    /// A cookie, by its name.
    pub fn cookie(name: &str) -> Subject {
        Subject::Cookies(vec![name.to_owned()])
    }

    /// Whether the subject names the cookie `name`.
    pub fn names_cookie(&self, name: &str) -> bool {
        matches!(self, Subject::Cookies(names) if names.iter().any(|n| n == name))
    }
}

/// A rule's entry in the registry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Info {
    /// The stable id (`cookie.secure_on_http`), as evidence serializes it.
    pub id: &'static str,
    pub signal: Signal,
    pub supports: Supports,
    /// What the rule says, in plain words (the shape of `evidence[].plain`).
    pub plain: &'static str,
}

macro_rules! rules {
    ($($v:ident = $id:literal, $signal:ident, $supports:expr, $plain:literal;)+) => {
        /// A rule of the classifier; see the module's registry.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Rule {
            $($v,)+
        }

        impl Rule {
            /// Every rule, in the registry's order.
            pub const ALL: &'static [Rule] = &[$(Rule::$v,)+];

            /// The stable id, as evidence and reports write it.
            pub fn id(self) -> &'static str {
                match self {
                    $(Rule::$v => $id,)+
                }
            }

            /// What the rule speaks for.
            pub fn supports(self) -> Supports {
                use Supports::*;
                match self {
                    $(Rule::$v => $supports,)+
                }
            }

            /// The rule's entry in the registry. (Its parts are separate
            /// functions so that the WASM module, which needs only the id
            /// and the vote, carries no documentation text.)
            pub fn info(self) -> Info {
                let (signal, plain) = match self {
                    $(Rule::$v => (Signal::$signal, $plain),)+
                };
                Info { id: self.id(), signal, supports: self.supports(), plain }
            }
        }
    };
}

rules! {
    FormOneTimeCodeInput = "form.one_time_code_input", Page, Context,
        "This page asks for a one-time code (the MFA step).";
    FormResendCooldown = "form.resend_cooldown", Page, Type(FailureType::MfaRateLimited),
        "The page lets you ask for a new code only later.";
    TextInvalidCode = "text.invalid_code", Page, Type(FailureType::MfaInvalidCode),
        "The page says the code was not accepted.";
    TextInvalidOnMfaStep = "text.invalid_on_mfa_step", Page, Type(FailureType::MfaInvalidCode),
        "The page says the code was not accepted.";
    TextMfaFailed = "text.mfa_failed", Page, Type(FailureType::MfaInvalidCode),
        "The page says the code was not accepted.";
    TextChallengeExpired = "text.challenge_expired", Page, Type(FailureType::MfaChallengeExpired),
        "The page says the sign-in step expired.";
    TextExpiredOnMfaStep = "text.expired_on_mfa_step", Page, Type(FailureType::MfaChallengeExpired),
        "The page says the sign-in step expired.";
    TextRateLimit = "text.rate_limit", Page, Type(FailureType::MfaRateLimited),
        "The page says there were too many attempts.";
    TextCsrf = "text.csrf", Page, Type(FailureType::SessionProxyCookie),
        "The page reports a problem with the session.";
    TextSessionBoundary = "text.session_boundary", Page, Type(FailureType::SessionProxyCookie),
        "The page reports a problem with the session.";
    TextSessionMissing = "text.session_missing", Page, Type(FailureType::SessionProxyCookie),
        "The page reports a problem with the session.";
    TextHeaderOrCookieTooLarge = "text.header_or_cookie_too_large", Page,
        Type(FailureType::SessionProxyCookie),
        "The server refused the request because the browser sends too many or too large cookies.";
    TextCredentials = "text.credentials", Page, Type(FailureType::Unclassified),
        "The page says the username or password was not accepted.";
    TextAccountBlocked = "text.account_blocked", Page, Type(FailureType::Unclassified),
        "The page says the account is blocked or disabled.";
    TextStepRequired = "text.step_required", Page, Type(FailureType::Unclassified),
        "The page asks for a further step.";
    TextOtherFailure = "text.other_failure", Page, Type(FailureType::Unclassified),
        "The page reports a failure.";
    Status419 = "status.419", Page, Type(FailureType::SessionProxyCookie),
        "The page's security token had expired (HTTP 419).";
    Status429 = "status.429", Page, Type(FailureType::MfaRateLimited),
        "The server answered that there were too many attempts (HTTP 429).";
    Status431 = "status.431", Page, Context,
        "The browser sends more cookie data than the server accepts.";
    CodeCatalog = "code.catalog", Codes, Catalog,
        "A catalog knows the code the page shows, and what it means.";
    CodeGeneric = "code.generic", Codes, Context,
        "The code the page shows is a generic one: it names no cause.";
    CodeUnknown = "code.unknown", Codes, Context,
        "The code the page shows is in no catalog: captured verbatim, not interpreted.";
    TrailErrorCode = "trail.error_code", Codes, Context,
        "The sign-in came back with a code the page does not show.";
    PageGatewayError = "page.gateway_error", Classify, Deployment,
        "The gateway in front of the sign-in service could not reach it.";
    PageHeaderOrCookieTooLarge = "page.header_or_cookie_too_large", Classify, Deployment,
        "The server refused the request because the browser sends too many or too large cookies.";
    PageIdentityProvider = "page.identity_provider", Cookies, Context,
        "This is the sign-in provider's own page.";
    PageOtherSite = "page.other_site", Cookies, Context,
        "This page is on another site than the published address.";
    PageHostNotPublished = "page.host_not_published", Cookies, Deployment,
        "The site sent the browser to an address other than the one users should open.";
    CookieTooLarge = "cookie.too_large", Cookies, Deployment,
        "The browser sends more cookie data than the server accepts.";
    CookieDomainNotPublished = "cookie.domain_not_published", Cookies, Deployment,
        "The site sets its sign-in cookie for another address than the one users open.";
    CookieSecureOnHttp = "cookie.secure_on_http", Cookies, Deployment,
        "The browser refuses or withholds a sign-in cookie of this site because of how the site \
         sets it.";
    CookieSamesiteNoneInsecure = "cookie.samesite_none_insecure", Cookies, Deployment,
        "The browser refuses or withholds a sign-in cookie of this site because of how the site \
         sets it.";
    CookiePrefixHost = "cookie.prefix_host", Cookies, Deployment,
        "The browser refuses or withholds a sign-in cookie of this site because of how the site \
         sets it.";
    CookiePrefixSecure = "cookie.prefix_secure", Cookies, Deployment,
        "The browser refuses or withholds a sign-in cookie of this site because of how the site \
         sets it.";
    CookieExpired = "cookie.expired", Cookies, Context,
        "A sign-in cookie has expired.";
    CookieDuplicateName = "cookie.duplicate_name", Cookies, Deployment,
        "The browser holds two sign-in cookies with the same name, so the site may read the wrong \
         one.";
    CookieHostOnlyAndDomain = "cookie.host_only_and_domain", Cookies, Deployment,
        "The browser holds two sign-in cookies with the same name, so the site may read the wrong \
         one.";
    CookieHeaderTooLarge = "cookie.header_too_large", Cookies, Deployment,
        "The browser sends more cookie data than the server accepts.";
    CookieHeaderLarge = "cookie.header_large", Cookies, Deployment,
        "The Cookie header for this page is large (over half of what most servers accept).";
    CookieTooManyForDomain = "cookie.too_many_for_domain", Cookies, Deployment,
        "The browser sends more cookie data than the server accepts.";
    CookieMoreFindings = "cookie.more_findings", Cookies, Context,
        "More cookie findings than the list keeps (never shown: weight 0).";
    TrailTooManyRedirects = "trail.too_many_redirects", Trail, Deployment,
        "The browser gave up because the site kept sending it from one address to another (too \
         many redirects).";
    TrailCookieNotSent = "trail.cookie_not_sent", Trail, Deployment,
        "The browser did not send back the sign-in cookie the site had just set.";
    TrailSetCookieRejected = "trail.set_cookie_rejected", Trail, Deployment,
        "The browser refuses or withholds a sign-in cookie of this site because of how the site \
         sets it.";
    TrailSetCookieOtherDomain = "trail.set_cookie_other_domain", Trail, Deployment,
        "The site sets its sign-in cookie for another address than the one users open.";
    TrailSetCookieExpiredOnArrival = "trail.set_cookie_expired_on_arrival", Trail, Deployment,
        "A sign-in cookie arrived already expired by this computer's clock.";
    TrailRedirectToHttp = "trail.redirect_to_http", Trail, Deployment,
        "The site sent the browser from its secure (https) address to an insecure (http) one.";
    TrailRedirectToInternalHost = "trail.redirect_to_internal_host", Trail, Deployment,
        "The site sent the browser to an address other than the one users should open.";
    TrailRedirectToOtherPort = "trail.redirect_to_other_port", Trail, Deployment,
        "The site sent the browser to an address other than the one users should open.";
    TrailStatus429 = "trail.status_429", Trail, Context,
        "The sign-in server limited the attempts (HTTP 429), and asked to wait when it said how \
         long.";
    TrailGatewayError = "trail.gateway_error", Trail, Deployment,
        "The gateway in front of the sign-in service could not reach it.";
    TrailStatus431 = "trail.status_431", Trail, Deployment,
        "The browser sends more cookie data than the server accepts.";
    TrailRefreshInCrossSiteFrame = "trail.refresh_in_cross_site_frame", Trail, Deployment,
        "The browser blocks the cookies a background session refresh needs.";
    TrailRefreshFailing = "trail.refresh_failing", Trail, Deployment,
        "Keeping the session alive failed several times.";
    TrailLoginLoop = "trail.login_loop", Trail, Deployment,
        "The sign-in keeps going round in circles instead of letting you in.";
    TrailSessionCookieNotSecure = "trail.session_cookie_not_secure", Trail, Deployment,
        "The site set its session cookie without the Secure flag, a sign of a proxy setting.";
    TrailLoginBounce = "trail.login_bounce", Trail, Deployment,
        "The sign-in was accepted, but the browser landed on the sign-in page again.";
    TrailIncomplete = "trail.incomplete", Trail, Context,
        "The record of page loads starts in the middle of the sign-in, so the loop and bounce \
         findings are less certain.";
    TrailMfaBouncedToSignIn = "trail.mfa_bounced_to_sign_in", Trail,
        Type(FailureType::MfaChallengeExpired),
        "The code was sent, and the site answered with its sign-in page: the pending sign-in had \
         timed out.";
    ClockHostsDisagree = "clock.hosts_disagree", Clock, Deployment,
        "A server's clock is off, so codes and sign-in times are judged wrong.";
    ClockLocalOff = "clock.local_off", Clock, Context,
        "This computer's clock is off; the site's servers agree with each other.";
    ClockHostSkew = "clock.host_skew", Clock, Deployment,
        "A server's clock is off, so codes and sign-in times are judged wrong.";
    ClockHostSkewSmall = "clock.host_skew_small", Clock, Deployment,
        "A server's clock is off, so codes and sign-in times are judged wrong.";
}

impl Rule {
    /// The rule with this id.
    pub fn from_id(id: &str) -> Option<Rule> {
        Rule::ALL.iter().copied().find(|r| r.id() == id)
    }

    /// The failure type a page rule votes for, if it is one.
    pub fn votes_for(self) -> Option<FailureType> {
        match self.supports() {
            Supports::Type(t) => Some(t),
            _ => None,
        }
    }
}

impl std::fmt::Display for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id())
    }
}

impl Serialize for Rule {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.id())
    }
}

#[cfg(feature = "serde-reference")]
impl<'de> Deserialize<'de> for Rule {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Rule, D::Error> {
        let id = String::deserialize(d)?;
        Rule::from_id(&id).ok_or_else(|| serde::de::Error::custom("unknown rule"))
    }
}

impl crate::json::FromJson for Rule {
    fn read(
        r: &mut crate::json::Reader<'_>,
        at: &crate::json::Path<'_>,
    ) -> Result<Self, crate::error::InputError> {
        let pos = r.pos();
        let id = r.string(at)?;
        Rule::from_id(&id).ok_or_else(|| r.error_at(pos, at, "unknown rule"))
    }
}

/// The rule table of `docs/classifier.md`, from the registry.
pub fn table() -> String {
    let mut s = String::from("| rule | raised by | speaks for | in plain words |\n");
    s.push_str("| --- | --- | --- | --- |\n");
    for r in Rule::ALL {
        let i = r.info();
        let supports = match i.supports {
            Supports::Type(t) => format!("`{}`", t.as_str()),
            Supports::Catalog => "the catalog's type".to_owned(),
            Supports::Deployment => "a deployment fault (its cause)".to_owned(),
            Supports::Context => "context".to_owned(),
        };
        s.push_str(&format!(
            "| `{}` | `{}` | {supports} | {} |\n",
            i.id,
            i.signal.file(),
            i.plain
        ));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_read_back() {
        for (i, r) in Rule::ALL.iter().enumerate() {
            assert_eq!(Rule::from_id(r.id()), Some(*r));
            assert!(Rule::ALL
                .get(..i)
                .is_some_and(|seen| !seen.iter().any(|s| s.id() == r.id())));
        }
        assert_eq!(Rule::from_id("no.such_rule"), None);
    }

    /// `docs/classifier.md` holds the registry's table between its markers.
    #[test]
    fn the_doc_table_is_current() {
        const BEGIN: &str = "<!-- rules: generated from src/diagnosis/rules.rs -->\n";
        const END: &str = "<!-- end of rules -->";
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/classifier.md");
        let doc = std::fs::read_to_string(path).unwrap_or_default();
        let b = doc.find(BEGIN).unwrap();
        let e = doc.find(END).unwrap();
        let want = format!(
            "{}{BEGIN}{}{}",
            doc.get(..b).unwrap_or(""),
            table(),
            doc.get(e..).unwrap_or("")
        );
        if std::env::var_os("UPDATE_DOCS").is_some() {
            std::fs::write(path, &want).unwrap_or_default();
            return;
        }
        assert!(
            doc == want,
            "docs/classifier.md's rule table is stale: run UPDATE_DOCS=1 cargo test --lib rules"
        );
    }
}
