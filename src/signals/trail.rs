//! The network trail: redirect loops, rejected Set-Cookie lines, redirects
//! off the published origin (the trace of a wrong `X-Forwarded-Proto` or
//! `X-Forwarded-Host`), failing session refreshes and rate limits.

use std::collections::{BTreeMap, BTreeSet};

use super::{is_auth_cookie, setcookie};
use crate::diagnosis::{Cause, Evidence, Rule, Source, Subject};
use crate::redact;
use crate::snapshot::Snapshot;
use crate::web::{self, domain_match, is_internal_host, site, Origin};

/// How many visits to the same page, with redirects among them, make a loop.
pub const LOOP_VISITS: usize = 3;
/// Visits of a page this close together count toward a loop.
pub const LOOP_GAP_MS: i64 = 30_000;

fn ev(rule: Rule, detail: String, cause: Option<Cause>, weight: f32) -> Evidence {
    Evidence {
        source: Source::Trail,
        rule,
        subject: Subject::None,
        detail,
        plain: None,
        supports: None,
        cause,
        weight,
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
    u32::try_from(((at - now) / 1000).max(0)).ok()
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

/// A top-level load, counted for `trail.login_loop`: how often and how
/// quickly a page loads, and whether it was redirected away or arrived by
/// a redirect.
fn count_visit(w: &mut Walk, st: &Step<'_>) {
    let e = st.e;
    let here = format!("{}{}", st.o.show(), st.path);
    // Progress ends a loop: the browser showing another page than this one
    // (the MFA step, the app) means the sign-in got on. Only repetition
    // since then counts.
    if is_landing(e) {
        for (k, v) in w.visits.iter_mut() {
            if *k != here {
                *v = Visits::default();
            }
        }
    }
    let v = w.visits.entry(here).or_default();
    v.n += 1;
    if let (Some(prev), Some(at)) = (v.last_ms, e.received_ms) {
        if at.saturating_sub(prev) <= LOOP_GAP_MS {
            v.quick += 1;
        }
    }
    v.last_ms = e.received_ms.or(v.last_ms);
    if e.redirect_url.is_some() || e.status.is_some_and(|s| (300..400).contains(&s)) {
        v.away += 1;
    }
    if let Some((t, tp)) = e.redirect_url.as_deref().and_then(Origin::parse_with_path) {
        w.visits
            .entry(format!("{}{}", t.show(), tp))
            .or_default()
            .back += 1;
    }
}

/// `trail.too_many_redirects`: the browser itself stopped a redirect loop.
fn too_many_redirects(found: &mut Findings, st: &Step<'_>) {
    let Some(err) = &st.e.error else {
        return;
    };
    if !(err.contains("TOO_MANY_REDIRECTS") || err.contains("REDIRECT_LOOP")) {
        return;
    }
    let detail = format!(
        "the browser stopped a redirect loop at {}{}",
        st.o.show(),
        redact::path(&st.path)
    );
    let e = ev(
        Rule::TrailTooManyRedirects,
        detail,
        Some(Cause::LoginLoop),
        0.95,
    );
    found.push("loop.net".into(), e);
}

/// `trail.cookie_not_sent`: a page load or call that carried cookies, but
/// not an auth cookie an earlier response set for it.
fn cookies_not_sent(w: &mut Walk, st: &Step<'_>) {
    let e = st.e;
    let Some(sent) = &e.request_cookie_names else {
        return;
    };
    let top_site = e
        .top_origin
        .as_deref()
        .and_then(Origin::parse)
        .map(|t| w.site_of(&t.host));
    let here = w.site_of(&st.o.host);
    let cross_site = top_site.is_some_and(|t| t != here);
    let call = st.main || e.kind == "xmlhttprequest" || e.kind == "fetch";
    for n in w
        .scopes
        .iter()
        .filter(|sc| sc.goes_with(e, &st.o.host, &st.path, cross_site))
        .map(|sc| &sc.name)
    {
        if !sent.iter().any(|s| s == n) && call {
            let detail = format!(
                "cookie {} was set by an earlier response but not sent with {} {}{}",
                redact::name(n),
                redact::method(&e.method),
                st.o.show(),
                redact::path(&st.path)
            );
            let ev = ev(
                Rule::TrailCookieNotSent,
                detail,
                Some(Cause::CookieRejected),
                0.8,
            );
            w.found
                .push(format!("notsent.{n}"), ev.about(Subject::cookie(n)));
        }
    }
}

/// One Set-Cookie line of a response: refused by the browser, a cookie
/// cleared, or one to expect back, and what its attributes say.
fn set_cookie(s: &Scene<'_>, w: &mut Walk, st: &Step<'_>, line: &str) {
    let Some(c) = setcookie::parse(line) else {
        return;
    };
    // Shown first, for every line: the redactor numbers its placeholders in
    // the order it meets the values, and a report keeps those numbers.
    let name = &redact::name(&c.name);
    if set_cookie_rejected(s, &mut w.found, st, &c, name) {
        return;
    }
    let server_date = st.e.date.as_deref().and_then(super::clock::http_date_ms);
    if c.is_deletion_at(server_date) {
        // A cleared cookie is not expected back.
        w.forget(&Scope::of(&c, &st.o.host, &st.path));
        return;
    }
    if is_auth_cookie(&c.name) {
        w.expect_back(&c, st);
        set_cookie_other_domain(s, &mut w.found, st, &c, name);
        set_cookie_expired_on_arrival(&mut w.found, st, &c, name);
    }
    note_session_cookie_not_secure(s, w, st, &c);
}

/// `trail.set_cookie_rejected`: the browser refuses the line (its Domain,
/// prefix, Secure or SameSite). True when it did.
fn set_cookie_rejected(
    s: &Scene<'_>,
    found: &mut Findings,
    st: &Step<'_>,
    c: &setcookie::SetCookie,
    name: &str,
) -> bool {
    let Some((reason, why)) = setcookie::rejection(c, &st.o.scheme, &st.o.host, s.known) else {
        return false;
    };
    let cause = if reason == "DomainMismatch" || reason == "InvalidDomain" {
        Cause::CookieDomain
    } else {
        Cause::CookieRejected
    };
    let detail = format!(
        "the browser rejects Set-Cookie {} from {}: {why} ({reason})",
        name,
        redact::host(&st.o.host)
    );
    let weight = if is_auth_cookie(&c.name) { 0.9 } else { 0.4 };
    let e = ev(Rule::TrailSetCookieRejected, detail, Some(cause), weight);
    found.push(
        format!("rej.{}.{}", c.name, reason),
        e.about(Subject::cookie(&c.name)),
    );
    true
}

/// `trail.set_cookie_other_domain`: an auth cookie set for a Domain that
/// no published host is under.
fn set_cookie_other_domain(
    s: &Scene<'_>,
    found: &mut Findings,
    st: &Step<'_>,
    c: &setcookie::SetCookie,
    name: &str,
) {
    let Some(d) = &c.domain else {
        return;
    };
    if s.published.is_empty() || s.published.iter().any(|p| domain_match(&p.host, d)) {
        return;
    }
    let detail = format!(
        "Set-Cookie {} from {} is for Domain={} ({}), not the published host",
        name,
        redact::host(&st.o.host),
        redact::cookie_domain(d, s.known),
        setcookie::domain_relation(d, &st.o.host)
    );
    let e = ev(
        Rule::TrailSetCookieOtherDomain,
        detail,
        Some(Cause::CookieDomain),
        0.8,
    );
    found.push(format!("dom.{}", c.name), e.about(Subject::cookie(&c.name)));
}

/// `trail.set_cookie_expired_on_arrival`: an auth cookie whose Expires
/// (and no Max-Age) had passed by this computer's clock when it arrived.
fn set_cookie_expired_on_arrival(
    found: &mut Findings,
    st: &Step<'_>,
    c: &setcookie::SetCookie,
    name: &str,
) {
    let (Some(exp), Some(rx), None) = (c.expires_ms, st.e.received_ms, c.max_age_s) else {
        return;
    };
    if exp >= rx {
        return;
    }
    let detail = format!(
        "Set-Cookie {} from {} arrived already expired by this computer's clock ({} s)",
        name,
        redact::host(&st.o.host),
        (rx - exp) / 1000
    );
    let e = ev(
        Rule::TrailSetCookieExpiredOnArrival,
        detail,
        Some(Cause::ClockSkew),
        0.6,
    );
    found.push(format!("exp.{}", c.name), e.about(Subject::cookie(&c.name)));
}

/// A session cookie set over https without Secure, when the site is
/// https: gathered for `trail.session_cookie_not_secure`.
fn note_session_cookie_not_secure(
    s: &Scene<'_>,
    w: &mut Walk,
    st: &Step<'_>,
    c: &setcookie::SetCookie,
) {
    if is_session_cookie(&c.name)
        && st.o.scheme == "https"
        && !c.secure
        && s.reference.as_ref().is_some_and(|r| r.scheme == "https")
    {
        w.insecure_session.push(c.name.clone());
    }
}

/// A redirect off the published origin: to http, to an internal host, or
/// to another port (one finding each, the first that applies).
fn redirect_off_origin(s: &Scene<'_>, found: &mut Findings, st: &Step<'_>) {
    let Some(target) = st.e.redirect_url.as_deref() else {
        return;
    };
    let (Some(t), Some(r)) = (Origin::parse(target), s.reference.as_ref()) else {
        return;
    };
    let shown = redact::url(target);
    let finding = redirect_to_http(st, &t, r, &shown)
        .map(|e| ("scheme", e))
        .or_else(|| redirect_to_internal_host(st, &t, r, &shown).map(|e| ("host", e)))
        .or_else(|| redirect_to_other_port(s, st, &t, r, &shown).map(|e| ("port", e)));
    if let Some((key, e)) = finding {
        found.push(key.into(), e);
    }
}

/// `trail.redirect_to_http`: an https site redirects to http:// on its own
/// host (the app does not know it is behind TLS).
fn redirect_to_http(st: &Step<'_>, t: &Origin, r: &Origin, shown: &str) -> Option<Evidence> {
    let o = &st.o;
    if !(r.scheme == "https" && t.scheme == "http" && (t.host == r.host || t.host == o.host)) {
        return None;
    }
    let detail = format!(
        "{} {} redirected to {shown}: the app builds http:// URLs behind TLS (X-Forwarded-Proto)",
        st.e.status.map(|s| s.to_string()).unwrap_or_default(),
        o.show()
    );
    Some(ev(
        Rule::TrailRedirectToHttp,
        detail,
        Some(Cause::ProxyScheme),
        0.9,
    ))
}

/// `trail.redirect_to_internal_host`: a redirect to an internal host (or
/// to the same host's other port), not the published one.
fn redirect_to_internal_host(
    st: &Step<'_>,
    t: &Origin,
    r: &Origin,
    shown: &str,
) -> Option<Evidence> {
    let o = &st.o;
    let internal = is_internal_host(&t.host) && !is_internal_host(&r.host);
    if !(t.host != r.host && (internal || (t.host == o.host && t.port != o.port))) {
        return None;
    }
    let detail = format!(
        "{} redirected to {shown}, an internal host, not the published {} (X-Forwarded-Host)",
        o.show(),
        r.show()
    );
    Some(ev(
        Rule::TrailRedirectToInternalHost,
        detail,
        Some(Cause::ProxyHost),
        0.9,
    ))
}

/// `trail.redirect_to_other_port`: a redirect to the published host on
/// another port than the published one.
fn redirect_to_other_port(
    s: &Scene<'_>,
    st: &Step<'_>,
    t: &Origin,
    r: &Origin,
    shown: &str,
) -> Option<Evidence> {
    if !(t.host == r.host && t.port != r.port && s.published.iter().any(|p| p.host == t.host)) {
        return None;
    }
    let detail = format!(
        "{} redirected to {shown}, another port than the published {} \
         (X-Forwarded-Host/Port)",
        st.o.show(),
        r.show()
    );
    Some(ev(
        Rule::TrailRedirectToOtherPort,
        detail,
        Some(Cause::ProxyHost),
        0.85,
    ))
}

/// `trail.status_429`: the sign-in answered 429 (a page of the tab, a
/// frame, a site the tab went to, or an endpoint that names sign-in), and
/// the limit is not over yet.
fn rate_limit(s: &Scene<'_>, w: &mut Walk, st: &Step<'_>) {
    let e = st.e;
    if e.status != Some(429) || limit_over(e, s.snap.env.now_ms) {
        return;
    }
    let sign_in = st.main
        || e.kind == "sub_frame"
        || s.nav_sites.contains(&w.site_of(&st.o.host))
        || auth_endpoint(&st.o.host, &st.path);
    if !sign_in {
        return;
    }
    let ra = e
        .retry_after
        .as_deref()
        .and_then(|v| retry_after_s(v, e.received_ms));
    w.found.out.rate_limited = Some(ra.or(w.found.out.rate_limited.flatten()));
    let detail = format!(
        "{} {}{} answered 429{}",
        e.method,
        st.o.show(),
        redact::path(&st.path),
        ra.map(|s| format!(" with Retry-After {s} s"))
            .unwrap_or_default()
    );
    w.found
        .push("429".into(), ev(Rule::TrailStatus429, detail, None, 0.8));
}

/// `trail.gateway_error`: a page, frame or sign-in endpoint answered 502,
/// 503 or 504.
fn gateway_error(found: &mut Findings, st: &Step<'_>) {
    let Some(status @ 502..=504) = st.e.status else {
        return;
    };
    if !(st.main || st.e.kind == "sub_frame" || auth_endpoint(&st.o.host, &st.path)) {
        return;
    }
    let detail = format!(
        "{} {}{} answered {status}: the reverse proxy or gateway could not reach \
         the service behind it",
        st.e.method,
        st.o.show(),
        redact::path(&st.path)
    );
    let weight = if st.main { 0.8 } else { 0.7 };
    let e = ev(
        Rule::TrailGatewayError,
        detail,
        Some(Cause::Gateway),
        weight,
    );
    found.push("gateway".into(), e);
}

/// `trail.status_431`: a request's headers (its cookies) were too large.
fn header_too_large(found: &mut Findings, st: &Step<'_>) {
    if st.e.status != Some(431) {
        return;
    }
    found.out.too_large = true;
    let detail = format!(
        "{} answered 431 Request Header Fields Too Large",
        st.o.show()
    );
    let e = ev(Rule::TrailStatus431, detail, Some(Cause::CookieBloat), 0.85);
    found.push("431".into(), e);
}

/// Words in a path that name a session refresh or a "who am I?" call.
const REFRESH_WORDS: [&str; 11] = [
    "refresh",
    "token",
    "session",
    "renew",
    "silent",
    "check",
    "whoami",
    "userinfo",
    "/me",
    "keepalive",
    "heartbeat",
];

/// The status of a session refresh (not a page load) answered 401 or 403.
fn refresh_refused(st: &Step<'_>) -> Option<u16> {
    let status @ (401 | 403) = st.e.status? else {
        return None;
    };
    let p = st.path.to_ascii_lowercase();
    (!st.main && REFRESH_WORDS.iter().any(|k| p.contains(k))).then_some(status)
}

/// Whether the event comes from a frame of another site than its tab's.
fn in_cross_site_frame(w: &mut Walk, st: &Step<'_>) -> bool {
    st.e.in_frame
        && st
            .e
            .top_origin
            .as_deref()
            .and_then(Origin::parse)
            .is_some_and(|t| w.site_of(&t.host) != w.site_of(&st.o.host))
}

/// A refused session refresh, counted for `trail.refresh_failing`.
fn count_refresh_failure(w: &mut Walk, st: &Step<'_>) {
    if refresh_refused(st).is_none() {
        return;
    }
    let cross = in_cross_site_frame(w, st);
    // A signed-out browser asking "who am I?" gets 401: that is the answer,
    // not a failing session. It counts when a session was presented
    // (cookies sent, or names unknown), one was set on this site earlier in
    // the trail, or the browser may have withheld it (a cross-site frame).
    let presented =
        st.e.request_cookie_names
            .as_ref()
            .is_none_or(|n| !n.is_empty());
    let here = w.site_of(&st.o.host);
    let had_session = w.set_names.iter().any(|(s, _)| *s == here);
    if presented || had_session || cross {
        *w.refresh_fail
            .entry(format!("{}{}", st.o.show(), redact::path(&st.path)))
            .or_default() += 1;
    }
}

/// `trail.refresh_in_cross_site_frame`: a session refresh refused in a
/// cross-site frame whose cookies the browser blocks.
fn refresh_in_cross_site_frame(s: &Scene<'_>, w: &mut Walk, st: &Step<'_>) {
    let Some(status) = refresh_refused(st) else {
        return;
    };
    let blocked = s.snap.env.third_party_cookies_blocked == Some(true)
        || st
            .e
            .request_cookie_names
            .as_ref()
            .is_some_and(Vec::is_empty);
    if !(in_cross_site_frame(w, st) && blocked) {
        return;
    }
    let detail = format!(
        "session refresh {}{} answered {status} from a cross-site frame whose cookies are blocked",
        st.o.show(),
        redact::path(&st.path)
    );
    let e = ev(
        Rule::TrailRefreshInCrossSiteFrame,
        detail,
        Some(Cause::ThirdPartyCookies),
        0.8,
    );
    w.found.push("3p".into(), e);
}

/// `trail.refresh_failing`: a session refresh refused twice or more.
fn refresh_failing(w: &mut Walk) {
    for (k, n) in &w.refresh_fail {
        if *n >= 2 {
            let detail = format!("session refresh {k} failed {n} times with 401/403");
            let e = ev(
                Rule::TrailRefreshFailing,
                detail,
                Some(Cause::SessionBoundary),
                0.6,
            );
            w.found.push(format!("refresh.{k}"), e);
        }
    }
}

/// `trail.login_loop`: a sign-in page keeps redirecting away, or keeps
/// being redirected back to. A person reloading the login page a few times
/// is neither.
fn login_loop(w: &mut Walk) {
    for (k, v) in &w.visits {
        let Visits { n, away, back, .. } = *v;
        // Without times, the counts alone decide.
        let quick = v.last_ms.is_none() || v.quick >= 2;
        let cycling = quick && (away >= 2 || (back >= 2 && n + back > LOOP_VISITS));
        if !(cycling && is_loginish(k)) {
            continue;
        }
        let detail = format!(
            "{} was loaded {n} times, redirected away {away} and back {back} times in the \
             recent trail: the login loops",
            redact::url(k)
        );
        let weight = if away + back >= 4 { 0.9 } else { 0.75 };
        let e = ev(Rule::TrailLoginLoop, detail, Some(Cause::LoginLoop), weight);
        w.found.push(format!("loop.{k}"), e);
    }
}

/// `trail.session_cookie_not_secure`: session cookies set over https
/// without Secure (the first five named).
fn session_cookie_not_secure(w: &mut Walk) {
    crate::order::sort(&mut w.insecure_session);
    w.insecure_session.dedup();
    if w.insecure_session.is_empty() {
        return;
    }
    let first: Vec<String> = w.insecure_session.iter().take(5).cloned().collect();
    let names: Vec<String> = first.iter().map(|n| redact::name(n)).collect();
    let detail = format!(
        "session cookie{} {} set over https without Secure: the app may believe the request \
         was http (X-Forwarded-Proto?)",
        if names.len() == 1 { "" } else { "s" },
        names.join(", ")
    );
    let e = ev(
        Rule::TrailSessionCookieNotSecure,
        detail,
        Some(Cause::ProxyScheme),
        0.4,
    );
    w.found
        .push("insecure".into(), e.about(Subject::Cookies(first)));
}

/// How often a login POST "succeeded" (3xx), bounced on (3xx) and landed
/// on the login page it was posted from again, at once.
fn login_bounces(snap: &Snapshot) -> usize {
    let mains: Vec<_> = snap
        .trail
        .iter()
        .filter(|e| e.kind == "main_frame")
        .collect();
    let mut bounces = 0;
    for w in mains.windows(3) {
        if let [post, mid, back] = w {
            let soon = match (post.received_ms, back.received_ms) {
                (Some(a), Some(b)) => (0..=10_000).contains(&(b - a)),
                _ => true,
            };
            if post.method.eq_ignore_ascii_case("POST")
                && post.status.is_some_and(|s| (300..400).contains(&s))
                && (mid.redirect_url.is_some()
                    || mid.status.is_some_and(|s| (300..400).contains(&s)))
                && back.status == Some(200)
                && soon
                && is_loginish(&path_of(&back.url))
                && path_of(&back.url) == path_of(&post.url)
            {
                bounces += 1;
            }
        }
    }
    bounces
}

/// `trail.login_bounce`: a login POST accepted and sent back to the login
/// page ([`login_bounces`]).
fn login_bounce(snap: &Snapshot, found: &mut Findings) {
    let bounces = login_bounces(snap);
    if bounces == 0 {
        return;
    }
    let detail = format!(
        "a login POST was accepted (3xx) and the browser landed on the login page again \
         ({bounces}×)"
    );
    let weight = if bounces >= 2 { 0.85 } else { 0.6 };
    let e = ev(
        Rule::TrailLoginBounce,
        detail,
        Some(Cause::LoginLoop),
        weight,
    );
    found.push("bounce".into(), e);
}

/// `trail.incomplete`: a trail that starts in the middle of the sign-in
/// (the recorder woke late). The loop and bounce findings rest on part of
/// the sequence, so they count for less, and the evidence says why.
fn incomplete(s: &Scene<'_>, out: &mut TrailSignals) {
    let Some(first) = starts_mid_sign_in(s.snap, s.start) else {
        return;
    };
    let mut lowered = false;
    for e in out
        .evidence
        .iter_mut()
        .filter(|e| PARTIAL_RULES.contains(&e.rule))
    {
        e.weight *= INCOMPLETE_FACTOR;
        lowered = true;
    }
    if let Some(w) = out.mfa_bounce.as_mut() {
        *w *= INCOMPLETE_FACTOR;
    }
    if !lowered {
        return;
    }
    let at = Origin::parse_with_path(&first.url)
        .map(|(o, p)| format!("{}{}", o.show(), redact::path(&p)))
        .unwrap_or_default();
    let detail = format!(
        "the recorded trail starts with {} {at}, not with the page that led there: the \
         recorder started late, so loop and bounce findings rest on part of the sign-in",
        redact::method(&first.method),
    );
    out.evidence
        .push(ev(Rule::TrailIncomplete, detail, None, 0.2));
}

/// The findings that a trail missing its start can make look otherwise.
const PARTIAL_RULES: [Rule; 3] = [
    Rule::TrailLoginLoop,
    Rule::TrailLoginBounce,
    Rule::TrailMfaBouncedToSignIn,
];
/// How much those findings count when the trail starts mid-sign-in.
pub const INCOMPLETE_FACTOR: f32 = 0.8;

/// The first main-frame event of the trail, when it cannot be the first
/// navigation of the sign-in and nothing was recorded before it: a POST
/// (the form it came from is missing), a code step (the password step is
/// missing), or an OAuth callback (the way to the identity provider is
/// missing). A trail that reaches back before the episode was recorded
/// from the start.
fn starts_mid_sign_in(snap: &Snapshot, start: Option<i64>) -> Option<&crate::snapshot::TrailEvent> {
    let first = snap.trail.iter().find(|e| e.kind == "main_frame")?;
    if !first.in_episode(start) {
        return None;
    }
    let posted = first.method.eq_ignore_ascii_case("POST");
    let query = first.url.split_once('?').map_or("", |(_, q)| q);
    let query = query.split('#').next().unwrap_or("");
    let has = |k: &str| query.split('&').any(|kv| kv.split('=').next() == Some(k));
    let callback = has("code") && has("state");
    (posted || callback || is_code_step(&path_of(&first.url))).then_some(first)
}

/// A main-frame response the browser shows (not a redirect, not a network
/// error): where the sign-in got to.
fn is_landing(e: &crate::snapshot::TrailEvent) -> bool {
    e.kind == "main_frame"
        && e.redirect_url.is_none()
        && e.error.is_none()
        && e.status.is_some_and(|s| !(300..400).contains(&s))
}

/// Words in a path that name the second step of a sign-in (the code step),
/// not the first.
fn is_code_step(path: &str) -> bool {
    let p = path.to_ascii_lowercase();
    [
        "mfa",
        "2fa",
        "otp",
        "totp",
        "two-factor",
        "two_factor",
        "twofactor",
        "second-factor",
        "second_factor",
        "multi-factor",
        "multifactor",
        "verify",
        "challenge",
        "authenticator",
    ]
    .iter()
    .any(|k| p.contains(k))
}

/// An expired MFA step, from the trail: the code was POSTed from the code
/// step's page, with the session cookie, and the answer sent the browser
/// back to the sign-in page (another path than the code step's). The
/// product dropped the pending sign-in (it timed out), so it starts over.
/// A wrong code re-renders the code step instead (200, or a redirect to the
/// code step itself). The time spent on the code step only adjusts the
/// strength: real timeouts run from seconds to many minutes.
///
/// Returns the strength and the evidence for the newest such bounce, when
/// the browser is still on the sign-in page it was sent to.
fn mfa_bounce(snap: &Snapshot, start: Option<i64>) -> Option<(f32, Evidence)> {
    let mains: Vec<&crate::snapshot::TrailEvent> = snap
        .trail
        .iter()
        .filter(|e| e.kind == "main_frame" && e.in_episode(start))
        .collect();
    // The newest code POST answered with a redirect.
    let i = mains.iter().rposition(|e| {
        e.method.eq_ignore_ascii_case("POST")
            && e.status.is_some_and(|s| (300..400).contains(&s))
            && e.redirect_url.is_some()
    })?;
    let post = mains.get(i)?;
    let (po, pp) = Origin::parse_with_path(&post.url)?;
    let (to, tp) = Origin::parse_with_path(post.redirect_url.as_deref()?)?;
    // Where the code was typed: the page the browser showed before the POST.
    let step = mains.get(..i)?.iter().rev().find(|e| is_landing(e))?;
    let (so, sp) = Origin::parse_with_path(&step.url)?;
    // The first step of the sign-in: a page the sign-in POSTed from before
    // the code step (the password form), or a sign-in path by its words.
    let first_step = mains.get(..i)?.iter().any(|e| {
        e.method.eq_ignore_ascii_case("POST")
            && Origin::parse_with_path(&e.url).is_some_and(|(o, p)| o == to && p == tp)
    });
    let code_step = so == po && sp == pp && (is_code_step(&pp) || first_step);
    let to_sign_in =
        to == po && tp != pp && (first_step || (is_loginish(&tp) && !is_code_step(&tp)));
    if !code_step || !to_sign_in {
        return None;
    }
    // The session was presented: a fresh tab that lost its cookie is a
    // deployment matter (and other rules look at it).
    let presented = post.request_cookie_names.as_ref().is_some_and(|n| {
        n.iter()
            .any(|c| is_session_cookie(c) || c.to_ascii_lowercase().contains("session"))
    });
    if !presented {
        return None;
    }
    // The browser ended up on that sign-in page: nothing after it but the
    // redirects that lead there and the page itself.
    let rest = mains.get(i + 1..).unwrap_or_default();
    let last = rest.iter().rev().find(|e| is_landing(e));
    let on_sign_in = match last {
        Some(l) => Origin::parse_with_path(&l.url).is_some_and(|(o, p)| o == to && p == tp),
        None => Origin::parse_with_path(&snap.url).is_some_and(|(o, p)| o == to && p == tp),
    };
    if !on_sign_in || rest.iter().filter(|e| is_landing(e)).count() > 1 {
        return None;
    }
    let spent_s = match (step.received_ms, post.received_ms) {
        (Some(a), Some(b)) => Some((b - a).max(0) / 1000),
        _ => None,
    };
    // An instant bounce is less likely a timeout; a long stay more likely.
    let w = match spent_s {
        Some(s) if s < 3 => 0.55,
        Some(s) => 0.7 + 0.2 * (s as f32 / 600.0).min(1.0),
        None => 0.65,
    };
    let detail = format!(
        "the code POST to {}{} {}was answered {} to the sign-in page {}{} with the session \
         cookie sent: the pending sign-in was gone",
        po.show(),
        redact::path(&pp),
        spent_s
            .map(|s| format!("{s} s after the code step loaded "))
            .unwrap_or_default(),
        post.status.unwrap_or(302),
        to.show(),
        redact::path(&tp),
    );
    let mut e = ev(Rule::TrailMfaBouncedToSignIn, detail, None, w);
    e.supports = Some(crate::diagnosis::FailureType::MfaChallengeExpired);
    Some((w, e))
}

/// Where a cookie set in the trail is sent back (RFC 6265 section 5.4).
struct Scope {
    name: String,
    /// The host of a host-only cookie, or the Domain attribute (lower case,
    /// no leading dot).
    domain: String,
    host_only: bool,
    path: String,
    same_site: crate::snapshot::SameSite,
}

impl Scope {
    fn of(c: &setcookie::SetCookie, host: &str, req_path: &str) -> Scope {
        let domain = c
            .domain
            .as_deref()
            .map(|d| d.trim_start_matches('.').to_ascii_lowercase())
            .filter(|d| !d.is_empty());
        // The default path: the request path up to its last slash.
        let default_path = match req_path.rfind('/') {
            Some(0) | None => "/".to_owned(),
            Some(i) => req_path.get(..i).unwrap_or("/").to_owned(),
        };
        let path = c
            .path
            .clone()
            .filter(|p| p.starts_with('/'))
            .unwrap_or(default_path);
        Scope {
            name: c.name.clone(),
            host_only: domain.is_none(),
            domain: domain.unwrap_or_else(|| host.to_ascii_lowercase()),
            // A cookie scoped to the part of the site that set it (a flow's
            // own path) is meant to stay there; one whose Path does not even
            // cover the page that set it is a mistake, and is expected back
            // everywhere.
            path: if path_match(req_path, &path) {
                path
            } else {
                "/".to_owned()
            },
            same_site: c.same_site,
        }
    }

    /// Would the browser send this cookie with `e` (to `host`, `path`)?
    /// Where SameSite may have withheld it (a navigation or call whose
    /// initiator is not known to be same-site), it is not expected.
    fn goes_with(
        &self,
        e: &crate::snapshot::TrailEvent,
        host: &str,
        path: &str,
        cross_site: bool,
    ) -> bool {
        use crate::snapshot::SameSite;
        let host_ok = if self.host_only {
            host == self.domain
        } else {
            domain_match(host, &self.domain)
        };
        let path_ok = path_match(path, &self.path);
        let same_site_ok = match self.same_site {
            SameSite::None => true,
            // A top-level navigation may come from another site (the
            // identity provider's redirect); Strict cookies stay home then.
            SameSite::Strict => e.kind != "main_frame" && !cross_site,
            // Lax (and the default): top-level GETs, and same-site calls.
            SameSite::Lax | SameSite::Unspecified => {
                if e.kind == "main_frame" {
                    e.method.eq_ignore_ascii_case("GET")
                } else {
                    !cross_site
                }
            }
        };
        host_ok && path_ok && same_site_ok
    }
}

/// RFC 6265 section 5.1.4 path-match.
fn path_match(req: &str, cookie: &str) -> bool {
    req == cookie
        || (req.starts_with(cookie)
            && (cookie.ends_with('/') || req.as_bytes().get(cookie.len()) == Some(&b'/')))
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
mod tests {
    use super::*;

    fn with_xhr_429(url: &str) -> TrailSignals {
        let json = format!(
            r#"{{"url":"https://app.example.org/login/mfa","trail":[
            {{"url":"https://app.example.org/login/mfa","type":"main_frame","status":200}},
            {{"url":"{url}","method":"POST","type":"xmlhttprequest","status":429}}]}}"#
        );
        analyze(&Snapshot::from_json(&json).unwrap(), &[])
    }

    /// Main-frame events `(method, path, status, redirect path, at seconds)`
    /// on one origin, the session cookie sent with each.
    fn mains(events: &[(&str, &str, u16, Option<&str>, i64)]) -> Snapshot {
        let o = "https://app.example.org";
        let trail: Vec<String> = events
            .iter()
            .map(|(m, p, st, to, at)| {
                format!(
                    r#"{{"url":"{o}{p}","method":"{m}","type":"main_frame","status":{st},{}
                        "request_cookie_names":["csrftoken","sessionid"],"received_ms":{}}}"#,
                    to.map(|t| format!(r#""redirect_url":"{o}{t}","#))
                        .unwrap_or_default(),
                    1_000_000 + at * 1000
                )
            })
            .collect();
        let last = events.last().map_or("/", |e| e.1);
        Snapshot::from_json(&format!(
            r#"{{"url":"{o}{last}","trail":[{}],"env":{{"now_ms":{}}}}}"#,
            trail.join(","),
            1_000_000 + 60_000
        ))
        .unwrap()
    }

    fn rules(s: &Snapshot) -> Vec<Rule> {
        analyze(s, &[])
            .evidence
            .into_iter()
            .map(|e| e.rule)
            .collect()
    }

    #[test]
    fn a_healthy_sign_in_through_next_is_not_a_loop_with_or_without_its_first_get() {
        // Form, POST, back to the login page with ?next= (now signed in, it
        // sends the browser on), the app.
        let full = [
            ("GET", "/login", 200, None, 0),
            ("POST", "/login", 302, Some("/login?next=/"), 5),
            ("GET", "/login?next=/", 302, Some("/"), 5),
            ("GET", "/", 200, None, 5),
        ];
        for events in [&full[..], &full[1..]] {
            let r = rules(&mains(events));
            assert!(
                !r.iter()
                    .any(|r| r.id().contains("loop") || r.id().contains("bounce")),
                "{r:?}"
            );
        }
        // The same repetition that never gets anywhere is a loop.
        let looping = [
            ("GET", "/login", 200, None, 0),
            ("POST", "/login", 302, Some("/login?next=/"), 5),
            ("GET", "/login?next=/", 302, Some("/"), 5),
            ("GET", "/", 302, Some("/login"), 5),
            ("GET", "/login", 200, None, 5),
            ("POST", "/login", 302, Some("/login?next=/"), 12),
            ("GET", "/login?next=/", 302, Some("/"), 12),
            ("GET", "/", 302, Some("/login"), 12),
            ("GET", "/login", 200, None, 12),
        ];
        assert!(rules(&mains(&looping)).contains(&Rule::TrailLoginLoop));
    }

    #[test]
    fn a_trail_that_starts_mid_sign_in_lowers_loops_and_says_so() {
        let looping = [
            ("GET", "/login", 200, None, 0),
            ("POST", "/login", 302, Some("/"), 5),
            ("GET", "/", 302, Some("/login"), 5),
            ("GET", "/login", 200, None, 5),
            ("POST", "/login", 302, Some("/"), 12),
            ("GET", "/", 302, Some("/login"), 12),
            ("GET", "/login", 200, None, 12),
            ("POST", "/login", 302, Some("/"), 19),
            ("GET", "/", 302, Some("/login"), 19),
            ("GET", "/login", 200, None, 19),
        ];
        let loop_weight = |t: &TrailSignals| {
            t.evidence
                .iter()
                .filter(|e| e.rule == Rule::TrailLoginLoop)
                .map(|e| e.weight)
                .fold(0.0f32, f32::max)
        };
        let full = analyze(&mains(&looping), &[]);
        // The recorder woke after the first page load: the trail starts with the POST.
        let late = analyze(&mains(&looping[1..]), &[]);
        assert!(!full
            .evidence
            .iter()
            .any(|e| e.rule == Rule::TrailIncomplete));
        let note = late
            .evidence
            .iter()
            .find(|e| e.rule == Rule::TrailIncomplete);
        assert!(
            note.is_some_and(|e| e.detail.contains("starts with POST") && e.cause.is_none()),
            "{:?}",
            late.evidence
        );
        let (a, b) = (loop_weight(&full), loop_weight(&late));
        assert!(b > 0.0 && b < a, "{a} {b}");
        // The expired MFA step, seen from the code step on.
        let bounce = |from: usize| {
            analyze(
                &mains(
                    &[
                        ("GET", "/login", 200, None, 0),
                        ("POST", "/login", 302, Some("/login/mfa"), 5),
                        ("GET", "/login/mfa", 200, None, 5),
                        ("POST", "/login/mfa", 302, Some("/login"), 65),
                        ("GET", "/login", 200, None, 65),
                    ][from..],
                ),
                &[],
            )
        };
        let (whole, part) = (bounce(0), bounce(2));
        assert!(part.mfa_bounce.unwrap() < whole.mfa_bounce.unwrap());
        assert!(part
            .evidence
            .iter()
            .any(|e| e.rule == Rule::TrailIncomplete));
        // A trail with nothing to qualify gets no note.
        let calm = analyze(
            &mains(&[
                ("POST", "/login", 302, Some("/"), 0),
                ("GET", "/", 200, None, 0),
            ]),
            &[],
        );
        assert!(calm.evidence.is_empty(), "{:?}", calm.evidence);
    }

    #[test]
    fn a_code_post_sent_back_to_the_sign_in_page_is_an_expired_step() {
        let expired = |stay: i64| {
            mains(&[
                ("GET", "/login", 200, None, 0),
                ("POST", "/login", 302, Some("/login/mfa"), 5),
                ("GET", "/login/mfa", 200, None, 5),
                ("POST", "/login/mfa", 302, Some("/login"), 5 + stay),
                ("GET", "/login", 200, None, 5 + stay),
            ])
        };
        let t = analyze(&expired(20), &[]);
        // The sign-in page is the one the password went to, whatever words
        // its path has.
        let mut prefixed = expired(20);
        for e in &mut prefixed.trail {
            e.url = e.url.replace("/login", "/mfa-app/login");
            e.redirect_url = e
                .redirect_url
                .as_ref()
                .map(|u| u.replace("/login", "/mfa-app/login"));
        }
        assert!(analyze(&prefixed, &[]).mfa_bounce.is_some());
        let long = analyze(&expired(900), &[]);
        let instant = analyze(&expired(1), &[]);
        assert!(t
            .evidence
            .iter()
            .any(|e| e.rule == Rule::TrailMfaBouncedToSignIn));
        assert!(!t.evidence.iter().any(|e| e.rule == Rule::TrailLoginLoop));
        // The time on the step only moves the strength.
        let (a, b, c) = (
            t.mfa_bounce.unwrap(),
            long.mfa_bounce.unwrap(),
            instant.mfa_bounce.unwrap(),
        );
        assert!(c < a && a < b, "{c} {a} {b}");
        // A wrong code: the step again, with its error.
        let wrong = mains(&[
            ("POST", "/login", 302, Some("/login/mfa"), 0),
            ("GET", "/login/mfa", 200, None, 0),
            ("POST", "/login/mfa", 200, None, 20),
        ]);
        assert!(analyze(&wrong, &[]).mfa_bounce.is_none());
        // Or redirected to the step itself.
        let wrong = mains(&[
            ("POST", "/login", 302, Some("/login/mfa"), 0),
            ("GET", "/login/mfa", 200, None, 0),
            ("POST", "/login/mfa", 303, Some("/login/mfa"), 20),
            ("GET", "/login/mfa", 200, None, 20),
        ]);
        assert!(analyze(&wrong, &[]).mfa_bounce.is_none());
        // Without the session cookie, it is not the product's timeout.
        let mut s = expired(20);
        for e in &mut s.trail {
            e.request_cookie_names = Some(vec!["csrftoken".into()]);
        }
        assert!(analyze(&s, &[]).mfa_bounce.is_none());
        // A successful code goes on to the app.
        let ok = mains(&[
            ("POST", "/login", 302, Some("/login/mfa"), 0),
            ("GET", "/login/mfa", 200, None, 0),
            ("POST", "/login/mfa", 302, Some("/"), 20),
            ("GET", "/", 200, None, 20),
        ]);
        assert!(analyze(&ok, &[]).mfa_bounce.is_none());
    }

    #[test]
    fn a_cookie_cleared_with_a_past_expires_is_a_deletion_not_skew() {
        // oauth2-proxy: the CSRF cookie set at the start, cleared at the
        // callback with an Expires an hour before the response's own Date.
        let trail = |clear_expires: &str, date: &str| {
            let json = format!(
                r#"{{"url":"https://app.example.org/reports/","trail":[
                {{"url":"https://app.example.org/reports/","type":"main_frame","status":302,
                  "redirect_url":"https://id.example.org/auth",
                  "set_cookie":[
                    "_oauth2_proxy_csrf=; Path=/; Expires=Sun, 29 Nov 2026 18:15:00 GMT; HttpOnly"],
                  "request_cookie_names":[],"date":"Sun, 29 Nov 2026 18:00:00 GMT",
                  "received_ms":1795975200000}},
                {{"url":"https://app.example.org/oauth2/callback?code=x","type":"main_frame",
                  "status":302,"redirect_url":"https://app.example.org/reports/",
                  "set_cookie":["_oauth2_proxy_csrf=; Path=/; Expires={clear_expires}; HttpOnly",
                    "_oauth2_proxy=; Path=/; Expires=Sun, 06 Dec 2026 18:00:05 GMT; HttpOnly"],
                  "request_cookie_names":["_oauth2_proxy_csrf"],"date":"{date}",
                  "received_ms":1795975205000}},
                {{"url":"https://app.example.org/reports/","type":"main_frame","status":200,
                  "request_cookie_names":["_oauth2_proxy"],"date":"Sun, 29 Nov 2026 18:00:05 GMT",
                  "received_ms":1795975205100}}]}}"#
            );
            rules(&Snapshot::from_json(&json).unwrap())
        };
        let cleared = trail(
            "Sun, 29 Nov 2026 17:00:05 GMT",
            "Sun, 29 Nov 2026 18:00:05 GMT",
        );
        assert!(
            !cleared
                .iter()
                .any(|r| *r == Rule::TrailCookieNotSent
                    || *r == Rule::TrailSetCookieExpiredOnArrival),
            "{cleared:?}"
        );
        // An Expires still ahead by the server's clock (5 minutes behind)
        // but past by this computer's is the clocks'.
        let skewed = trail(
            "Sun, 29 Nov 2026 17:56:00 GMT",
            "Sun, 29 Nov 2026 17:55:05 GMT",
        );
        assert!(
            skewed.contains(&Rule::TrailSetCookieExpiredOnArrival),
            "{skewed:?}"
        );
    }

    #[test]
    fn a_gateway_error_on_the_sign_in_path_is_the_deployments() {
        let at = |url: &str, kind: &str| {
            let json = format!(
                r#"{{"url":"https://app.example.org/login/mfa","trail":[
                {{"url":"{url}","method":"POST","type":"{kind}","status":502}}]}}"#
            );
            analyze(&Snapshot::from_json(&json).unwrap(), &[])
                .evidence
                .iter()
                .any(|e| e.rule == Rule::TrailGatewayError && e.cause == Some(Cause::Gateway))
        };
        assert!(at("https://app.example.org/login/mfa", "main_frame"));
        assert!(at(
            "https://app.example.org/api/mfa/verify",
            "xmlhttprequest"
        ));
        // A background call of the app, or a third party's outage, is not the sign-in's.
        assert!(!at(
            "https://app.example.org/api/notifications",
            "xmlhttprequest"
        ));
        assert!(!at(
            "https://o1.ingest.sentry.io/api/1/envelope/",
            "xmlhttprequest"
        ));
    }

    #[test]
    fn a_429_whose_limit_is_over_does_not_count() {
        let at = |received: i64, retry: &str, now: i64| {
            let json = format!(
                r#"{{"url":"https://app.example.org/login","trail":[
                {{"url":"https://app.example.org/login","type":"main_frame","status":429,
                "received_ms":{received}{retry}}}],"env":{{"now_ms":{now}}}}}"#
            );
            analyze(&Snapshot::from_json(&json).unwrap(), &[])
                .rate_limited
                .is_some()
        };
        let min = 60_000;
        // Retry-After 300 s: counts for 5 minutes.
        assert!(at(0, r#","retry_after":"300""#, 4 * min));
        assert!(!at(0, r#","retry_after":"300""#, 6 * min));
        // Without Retry-After: 15 minutes.
        assert!(at(0, "", 14 * min));
        assert!(!at(0, "", 16 * min));
    }

    #[test]
    fn a_429_counts_from_the_login_not_from_a_third_party_quota() {
        // The app itself, its API on a sibling host, and an identity provider
        // an SDK calls directly.
        for url in [
            "https://app.example.org/api/mfa/verify",
            "https://api.example.org/v1/check",
            "https://cognito-idp.eu-west-1.amazonaws.com/",
            "https://tenant.vendor-id.com/oauth/token",
        ] {
            assert!(with_xhr_429(url).rate_limited.is_some(), "{url}");
        }
        // Error reporting and analytics over their quota.
        for url in [
            "https://o450000.ingest.sentry.io/api/4500/envelope/",
            "https://api.segment.io/v1/t",
            "https://browser-intake-datadoghq.com/api/v2/rum",
        ] {
            let t = with_xhr_429(url);
            assert!(t.rate_limited.is_none(), "{url}");
            assert!(
                t.evidence.iter().all(|e| e.rule != Rule::TrailStatus429),
                "{url}"
            );
        }
    }
}
