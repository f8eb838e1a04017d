//! The network trail: redirect loops, rejected Set-Cookie lines, redirects
//! off the published origin (the trace of a wrong `X-Forwarded-Proto` or
//! `X-Forwarded-Host`), failing session refreshes and rate limits.

use std::collections::{BTreeMap, BTreeSet};

use super::setcookie;
use crate::diagnosis::{Cause, Evidence, Rule, Source};
use crate::redact;
use crate::snapshot::Snapshot;
use crate::web::{self, site, Origin};

mod event;
mod scope;
mod sequence;

use event::{cookies_not_sent, count_refresh_failure, count_visit, gateway_error};
use event::{header_too_large, rate_limit, redirect_off_origin, refresh_in_cross_site_frame};
use event::{set_cookie, too_many_redirects};
use scope::Scope;
use sequence::session_cookie_not_secure;
pub use sequence::INCOMPLETE_FACTOR;
use sequence::{incomplete, login_bounce, login_loop, mfa_bounce, refresh_failing};

/// How many visits to the same page, with redirects among them, make a loop.
pub const LOOP_VISITS: usize = 3;
/// Visits of a page this close together count toward a loop.
pub const LOOP_GAP_MS: i64 = 30_000;

/// A finding of the trail, blaming what its rule blames ([`cause_of`]).
fn ev(rule: Rule, weight: f32, detail: String) -> Evidence {
    Evidence::new(Source::Trail, rule, detail, weight).blaming(cause_of(rule))
}

/// What each rule of the trail blames: the deployment fault its finding
/// is evidence of, or nothing (the finding speaks for a failure type, or
/// is context). A rejected Set-Cookie line blames the cookie's domain when
/// the Domain is what the browser refused.
fn cause_of(rule: Rule) -> Option<Cause> {
    match rule {
        Rule::TrailTooManyRedirects | Rule::TrailLoginLoop | Rule::TrailLoginBounce => {
            Some(Cause::LoginLoop)
        }
        Rule::TrailCookieNotSent | Rule::TrailSetCookieRejected => Some(Cause::CookieRejected),
        Rule::TrailSetCookieOtherDomain => Some(Cause::CookieDomain),
        Rule::TrailSetCookieExpiredOnArrival => Some(Cause::ClockSkew),
        Rule::TrailRedirectToHttp | Rule::TrailSessionCookieNotSecure => Some(Cause::ProxyScheme),
        Rule::TrailRedirectToInternalHost | Rule::TrailRedirectToOtherPort => {
            Some(Cause::ProxyHost)
        }
        Rule::TrailGatewayError => Some(Cause::Gateway),
        Rule::TrailStatus431 => Some(Cause::CookieBloat),
        Rule::TrailRefreshInCrossSiteFrame => Some(Cause::ThirdPartyCookies),
        Rule::TrailRefreshFailing => Some(Cause::SessionBoundary),
        _ => None,
    }
}

#[derive(Debug, Default)]
pub struct TrailSignals {
    pub evidence: Vec<Evidence>,
    /// A 429 was seen; `Retry-After` in seconds when given.
    pub rate_limited: Option<Option<u32>>,
    pub too_large: bool,
    /// A code POST sent back to the sign-in page: the strength of the
    /// finding that the MFA step expired.
    pub mfa_bounce: Option<f32>,
}

fn path_of(u: &str) -> String {
    web::parse_url(u)
        .map(|u| u.path().to_owned())
        .unwrap_or_default()
}

fn is_loginish(path: &str) -> bool {
    let p = path.to_ascii_lowercase();
    [
        "login",
        "signin",
        "sign-in",
        "sign_in",
        "auth",
        "sso",
        "session",
        "mfa",
        "otp",
        "2fa",
        "verify",
        "challenge",
    ]
    .iter()
    .any(|k| p.contains(k))
}

/// Cookie names that hold the login session itself (not CSRF, state or preferences).
fn is_session_cookie(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    [
        "sess", "sid", "auth", "login", "jwt", "identity", "remember",
    ]
    .iter()
    .any(|k| n.contains(k))
}

fn retry_after_s(v: &str, received_ms: Option<i64>) -> Option<u32> {
    let v = v.trim();
    if let Ok(s) = v.parse::<u32>() {
        return Some(s);
    }
    let at = super::clock::http_date_ms(v)?;
    let now = received_ms?;
    u32::try_from((at.saturating_sub(now) / 1000).max(0)).ok()
}

/// What every trail rule reads: the snapshot, the published hosts and what
/// they say about the sign-in, judged once per snapshot.
struct Scene<'a> {
    snap: &'a Snapshot,
    published: &'a [Origin],
    /// Where the episode the rules read starts ([`Snapshot::episode_start`]).
    start: Option<i64>,
    /// The origin redirects are judged against: the first published one,
    /// else the trail's first, else the page's.
    reference: Option<Origin>,
    /// Sites the tab itself went to (its pages, the published URLs, the
    /// identity provider it was sent to). A 429 from anywhere else is a
    /// third party's quota (error reporting, analytics), not the login's,
    /// unless the endpoint names sign-in (an SDK that calls its identity
    /// provider directly, such as Amplify and Cognito, never navigates there).
    nav_sites: Vec<String>,
    /// Hosts a cookie's Domain may be named against ([`known_hosts`]).
    known: &'a [&'a str],
}

impl<'a> Scene<'a> {
    fn new(snap: &'a Snapshot, published: &'a [Origin], known: &'a [&'a str]) -> Self {
        let reference: Option<Origin> = published.first().cloned().or_else(|| {
            snap.trail
                .iter()
                .find_map(|e| Origin::parse(&e.url))
                .or_else(|| Origin::parse(&snap.url))
        });
        let mut nav_hosts: Vec<String> = snap
            .trail
            .iter()
            .filter(|e| e.kind == "main_frame")
            .map(|e| e.url.as_str())
            .chain(std::iter::once(snap.url.as_str()))
            .filter_map(|u| match Origin::quick_host(u) {
                Some(h) => Some(h.to_owned()),
                None => Origin::parse(u).map(|o| o.host),
            })
            .chain(published.iter().map(|o| o.host.clone()))
            .collect();
        crate::order::sort(&mut nav_hosts);
        nav_hosts.dedup();
        Scene {
            snap,
            published,
            start: snap.episode_start(),
            reference,
            nav_sites: nav_hosts.iter().map(|h| site(h)).collect(),
            known,
        }
    }
}

/// The findings so far, each listed once by its key.
#[derive(Default)]
struct Findings {
    out: TrailSignals,
    keys: BTreeSet<String>,
}

impl Findings {
    /// Lists `e`, unless a finding with the same key is listed already.
    fn push(&mut self, key: String, e: Evidence) {
        if self.keys.insert(key) {
            self.out.evidence.push(e);
        }
    }
}

/// What the walk over the trail carries from one event to the next.
#[derive(Default)]
struct Walk {
    found: Findings,
    /// (site, name) of the auth cookies set, sorted: a session set on a
    /// site makes its refresh failures count.
    set_names: Vec<(String, String)>,
    /// Where each auth cookie set goes back to: a host-only cookie to its
    /// host only, a Domain cookie to the hosts under it, and only on its path.
    scopes: Vec<Scope>,
    /// Per page (origin + path).
    visits: BTreeMap<String, Visits>,
    /// Session cookies set over https without Secure.
    insecure_session: Vec<String>,
    /// Session refreshes answered 401/403, per endpoint.
    refresh_fail: BTreeMap<String, usize>,
    /// The site of each host, looked up once (most events share a host).
    sites: Vec<(String, String)>,
}

impl Walk {
    fn site_of(&mut self, host: &str) -> String {
        site_of(&mut self.sites, host)
    }

    /// Forgets the scope a cookie had (it is set again, or cleared).
    fn forget(&mut self, sc: &Scope) {
        self.scopes
            .retain(|x| !(x.name == sc.name && x.domain == sc.domain && x.path == sc.path));
    }

    /// An auth cookie set by `st`: expected back wherever its scope reaches.
    fn expect_back(&mut self, c: &setcookie::SetCookie, st: &Step<'_>) {
        let key = (self.site_of(&st.o.host), c.name.clone());
        if let Err(at) = self.set_names.binary_search(&key) {
            self.set_names.insert(at, key);
        }
        let sc = Scope::of(c, &st.o.host, &st.path);
        self.forget(&sc);
        if self.scopes.len() < 64 {
            self.scopes.push(sc);
        }
    }
}

/// One event of the episode, its origin and path parsed once.
struct Step<'e> {
    e: &'e crate::snapshot::TrailEvent,
    o: Origin,
    path: String,
    /// A top-level load.
    main: bool,
}

impl Step<'_> {
    /// The event's origin and path, as shown.
    fn at(&self) -> String {
        format!("{}{}", self.o.show(), redact::path(&self.path))
    }
}

/// The trail against the published hosts: a walk over the episode's events,
/// where each rule below reads one event, then the rules that read what the
/// walk gathered, in the order their findings are listed.
pub fn analyze(snap: &Snapshot, published: &[Origin]) -> TrailSignals {
    let hosts = known_hosts(snap, published);
    let known: Vec<&str> = hosts.iter().map(String::as_str).collect();
    let s = Scene::new(snap, published, &known);
    let mut w = Walk::default();
    for e in snap.trail.iter().filter(|e| e.in_episode(s.start)) {
        let Some((o, path)) = Origin::parse_with_path(&e.url) else {
            continue;
        };
        let main = e.kind == "main_frame";
        let st = Step { e, o, path, main };
        if main {
            count_visit(&mut w, &st);
        }
        too_many_redirects(&mut w.found, &st);
        cookies_not_sent(&mut w, &st);
        for line in &e.set_cookie {
            set_cookie(&s, &mut w, &st, line);
        }
        redirect_off_origin(&s, &mut w.found, &st);
        rate_limit(&s, &mut w, &st);
        gateway_error(&mut w.found, &st);
        header_too_large(&mut w.found, &st);
        count_refresh_failure(&mut w, &st);
        refresh_in_cross_site_frame(&s, &mut w, &st);
    }
    refresh_failing(&mut w);
    login_loop(&mut w);
    session_cookie_not_secure(&mut w);
    login_bounce(snap, &mut w.found);
    let mut out = w.found.out;
    if let Some((weight, e)) = mfa_bounce(snap, s.start) {
        out.mfa_bounce = Some(weight);
        out.evidence.push(e);
    }
    incomplete(&s, &mut out);
    out
}

/// What the trail shows of one page (origin + path).
#[derive(Default, Clone, Copy)]
struct Visits {
    /// Loads of the page.
    n: usize,
    /// Loads answered with a redirect away.
    away: usize,
    /// Arrivals by a redirect.
    back: usize,
    /// When it was last loaded.
    last_ms: Option<i64>,
    /// Loads within LOOP_GAP_MS of the one before: a loop comes round in
    /// seconds, a person retrying the sign-in comes back in minutes.
    quick: usize,
}

/// `site(host)`, remembered in `cache`.
/// Every host of the trail (request and redirect URLs), the page's host and
/// the published hosts, sorted, once each.
pub fn known_hosts(snap: &Snapshot, published: &[Origin]) -> Vec<String> {
    let mut hosts: Vec<String> = snap
        .trail
        .iter()
        .flat_map(|e| std::iter::once(e.url.as_str()).chain(e.redirect_url.as_deref()))
        .chain(std::iter::once(snap.url.as_str()))
        .filter_map(|u| Origin::parse(u).map(|o| o.host))
        .chain(published.iter().map(|o| o.host.clone()))
        .collect();
    crate::order::sort(&mut hosts);
    hosts.dedup();
    hosts
}

fn site_of(cache: &mut Vec<(String, String)>, host: &str) -> String {
    if let Some((_, s)) = cache.iter().find(|(h, _)| h == host) {
        return s.clone();
    }
    let s = site(host);
    if cache.len() < 64 {
        cache.push((host.to_owned(), s.clone()));
    }
    s
}

/// A 429 whose limit is over by now: its Retry-After has passed, or,
/// without one, it is older than 15 minutes. The tab's trail keeps the
/// history of the tab; a limit that ended is not why sign-in fails now.
fn limit_over(e: &crate::snapshot::TrailEvent, now_ms: Option<i64>) -> bool {
    let (Some(now), Some(at)) = (now_ms, e.received_ms) else {
        return false;
    };
    let wait_ms = e
        .retry_after
        .as_deref()
        .and_then(|v| retry_after_s(v, e.received_ms))
        .map_or(15 * 60 * 1000, |s| i64::from(s) * 1000);
    now.saturating_sub(at) > wait_ms
}

/// Words in a host or path that name a sign-in endpoint.
const AUTH_WORDS: [&str; 17] = [
    "auth",
    "login",
    "signin",
    "sign-in",
    "sign_in",
    "oauth",
    "token",
    "mfa",
    "otp",
    "2fa",
    "verify",
    "session",
    "identity",
    "cognito",
    "sso",
    "saml",
    "challenge",
];

/// An endpoint of a sign-in flow, by the words of its host or path.
fn auth_endpoint(host: &str, path: &str) -> bool {
    let h = host.to_ascii_lowercase();
    let p = path.to_ascii_lowercase();
    AUTH_WORDS.iter().any(|w| h.contains(w) || p.contains(w))
}

#[cfg(test)]
mod tests;
