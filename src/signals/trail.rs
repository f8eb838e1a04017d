//! The network trail: redirect loops, rejected Set-Cookie lines, redirects
//! off the published origin (the trace of a wrong `X-Forwarded-Proto` or
//! `X-Forwarded-Host`), failing session refreshes and rate limits.

use std::collections::BTreeMap;

use super::{is_auth_cookie, is_internal_host, setcookie, site, Origin};
use crate::diagnosis::{Cause, Evidence, Source};
use crate::redact;
use crate::snapshot::Snapshot;

/// How many visits to the same page, with redirects among them, make a loop.
pub const LOOP_VISITS: usize = 3;
/// Visits of a page this close together count toward a loop.
pub const LOOP_GAP_MS: i64 = 30_000;

fn ev(rule: &str, detail: String, cause: Option<Cause>, weight: f32) -> Evidence {
    Evidence {
        source: Source::Trail,
        rule: rule.into(),
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
}

fn path_of(u: &str) -> String {
    redact::parse_url(u)
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

pub fn analyze(snap: &Snapshot, published: &[Origin]) -> TrailSignals {
    let mut out = TrailSignals::default();
    let start = super::episode_start(snap);
    let reference: Option<Origin> = published.first().cloned().or_else(|| {
        snap.trail
            .iter()
            .find_map(|e| Origin::parse(&e.url))
            .or_else(|| Origin::parse(&snap.url))
    });
    let mut seen_rules: BTreeMap<String, usize> = BTreeMap::new();
    let mut push = |out: &mut TrailSignals, key: String, e: Evidence| {
        let n = seen_rules.entry(key).or_default();
        *n += 1;
        if *n <= 1 {
            out.evidence.push(e);
        }
    };
    // Names of cookies set per site, for the "set but never sent back" rule.
    // (site, name), sorted: a short list, since only auth cookies count.
    let mut set_names: Vec<(String, String)> = Vec::new();
    // Per page (origin + path).
    let mut visits: BTreeMap<String, Visits> = BTreeMap::new();
    let mut insecure_session: Vec<String> = Vec::new();
    let mut refresh_fail: BTreeMap<String, usize> = BTreeMap::new();

    // Sites the tab itself went to (its pages, the published URLs, the
    // identity provider it was sent to). A 429 from anywhere else is a
    // third party's quota (error reporting, analytics), not the login's,
    // unless the endpoint names sign-in (an SDK that calls its identity
    // provider directly, such as Amplify and Cognito, never navigates there).
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
    let nav_sites: Vec<String> = nav_hosts.iter().map(|h| site(h)).collect();

    // The site of each host, looked up once (most events share a host).
    let mut sites: Vec<(String, String)> = Vec::new();
    for e in snap.trail.iter().filter(|e| super::in_episode(e, start)) {
        let Some((o, path)) = Origin::parse_with_path(&e.url) else {
            continue;
        };
        let is_main = e.kind == "main_frame";
        if is_main {
            let v = visits.entry(format!("{}{}", o.show(), path)).or_default();
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
                visits
                    .entry(format!("{}{}", t.show(), tp))
                    .or_default()
                    .back += 1;
            }
        }
        if let Some(err) = &e.error {
            if err.contains("TOO_MANY_REDIRECTS") || err.contains("REDIRECT_LOOP") {
                push(
                    &mut out,
                    "loop.net".into(),
                    ev(
                        "trail.too_many_redirects",
                        format!(
                            "the browser stopped a redirect loop at {}{}",
                            o.show(),
                            redact::path(&path)
                        ),
                        Some(Cause::LoginLoop),
                        0.95,
                    ),
                );
            }
        }
        // Requests that carried cookies: were the auth cookies set earlier sent back?
        if let Some(sent) = &e.request_cookie_names {
            let here = site_of(&mut sites, &o.host);
            for n in set_names.iter().filter(|(s, _)| *s == here).map(|(_, n)| n) {
                if !sent.iter().any(|s| s == n)
                    && (is_main || e.kind == "xmlhttprequest" || e.kind == "fetch")
                {
                    push(&mut out, format!("notsent.{n}"), ev("trail.cookie_not_sent", format!("cookie {} was set by an earlier response but not sent with {} {}{}", redact::name(n), e.method, o.show(), redact::path(&path)), Some(Cause::CookieRejected), 0.8));
                }
            }
        }
        for line in &e.set_cookie {
            let Some(c) = setcookie::parse(line) else {
                continue;
            };
            let auth = is_auth_cookie(&c.name);
            let name = redact::name(&c.name);
            if let Some((reason, why)) = setcookie::rejection(&c, &o.scheme, &o.host) {
                let cause = if reason == "DomainMismatch" || reason == "InvalidDomain" {
                    Cause::CookieDomain
                } else {
                    Cause::CookieRejected
                };
                push(
                    &mut out,
                    format!("rej.{}.{}", c.name, reason),
                    ev(
                        "trail.set_cookie_rejected",
                        format!(
                            "the browser rejects Set-Cookie {name} from {}: {why} ({reason})",
                            redact::host(&o.host)
                        ),
                        Some(cause),
                        if auth { 0.9 } else { 0.4 },
                    ),
                );
                continue;
            }
            if c.is_deletion() {
                continue;
            }
            if auth {
                let key = (site_of(&mut sites, &o.host), c.name.clone());
                if let Err(at) = set_names.binary_search(&key) {
                    set_names.insert(at, key);
                }
            }
            if let (Some(d), false) = (&c.domain, published.is_empty()) {
                if auth && !published.iter().any(|p| super::domain_match(&p.host, d)) {
                    push(&mut out, format!("dom.{}", c.name), ev("trail.set_cookie_other_domain", format!("Set-Cookie {name} from {} is for Domain={}, not the published host", redact::host(&o.host), redact::host(d)), Some(Cause::CookieDomain), 0.8));
                }
            }
            if let (Some(exp), Some(rx), None) = (c.expires_ms, e.received_ms, c.max_age_s) {
                if exp < rx && auth {
                    push(&mut out, format!("exp.{}", c.name), ev("trail.set_cookie_expired_on_arrival", format!("Set-Cookie {name} from {} arrived already expired by this computer's clock ({} s)", redact::host(&o.host), (rx - exp) / 1000), Some(Cause::ClockSkew), 0.6));
                }
            }
            if is_session_cookie(&c.name)
                && o.scheme == "https"
                && !c.secure
                && reference.as_ref().is_some_and(|r| r.scheme == "https")
            {
                insecure_session.push(c.name.clone());
            }
        }
        if let Some(target) = e.redirect_url.as_deref() {
            if let (Some(t), Some(r)) = (Origin::parse(target), reference.as_ref()) {
                let shown = redact::url(target);
                if r.scheme == "https"
                    && t.scheme == "http"
                    && (t.host == r.host || t.host == o.host)
                {
                    push(&mut out, "scheme".into(), ev("trail.redirect_to_http", format!("{} {} redirected to {shown}: the app builds http:// URLs behind TLS (X-Forwarded-Proto)", e.status.map(|s| s.to_string()).unwrap_or_default(), o.show()), Some(Cause::ProxyScheme), 0.9));
                } else if t.host != r.host
                    && (is_internal_host(&t.host) && !is_internal_host(&r.host)
                        || (t.host == o.host && t.port != o.port))
                {
                    push(&mut out, "host".into(), ev("trail.redirect_to_internal_host", format!("{} redirected to {shown}, an internal host, not the published {} (X-Forwarded-Host)", o.show(), r.show()), Some(Cause::ProxyHost), 0.9));
                } else if t.host == r.host
                    && t.port != r.port
                    && published.iter().any(|p| p.host == t.host)
                {
                    push(&mut out, "port".into(), ev("trail.redirect_to_other_port", format!("{} redirected to {shown}, another port than the published {} (X-Forwarded-Host/Port)", o.show(), r.show()), Some(Cause::ProxyHost), 0.85));
                }
            }
        }
        match e.status {
            Some(429)
                if !limit_over(e, snap.env.now_ms)
                    && (is_main
                        || e.kind == "sub_frame"
                        || nav_sites.contains(&site_of(&mut sites, &o.host))
                        || auth_endpoint(&o.host, &path)) =>
            {
                let ra = e
                    .retry_after
                    .as_deref()
                    .and_then(|v| retry_after_s(v, e.received_ms));
                out.rate_limited = Some(ra.or(out.rate_limited.flatten()));
                push(
                    &mut out,
                    "429".into(),
                    ev(
                        "trail.status_429",
                        format!(
                            "{} {}{} answered 429{}",
                            e.method,
                            o.show(),
                            redact::path(&path),
                            ra.map(|s| format!(" with Retry-After {s} s"))
                                .unwrap_or_default()
                        ),
                        None,
                        0.8,
                    ),
                );
            }
            Some(status @ 502..=504)
                if is_main || e.kind == "sub_frame" || auth_endpoint(&o.host, &path) =>
            {
                push(
                    &mut out,
                    "gateway".into(),
                    ev(
                        "trail.gateway_error",
                        format!(
                            "{} {}{} answered {status}: the reverse proxy or gateway could not reach the service behind it",
                            e.method,
                            o.show(),
                            redact::path(&path)
                        ),
                        Some(Cause::Gateway),
                        if is_main { 0.8 } else { 0.7 },
                    ),
                );
            }
            Some(431) => {
                out.too_large = true;
                push(
                    &mut out,
                    "431".into(),
                    ev(
                        "trail.status_431",
                        format!("{} answered 431 Request Header Fields Too Large", o.show()),
                        Some(Cause::CookieBloat),
                        0.85,
                    ),
                );
            }
            Some(s @ (401 | 403)) if !is_main => {
                let p = path.to_ascii_lowercase();
                if [
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
                ]
                .iter()
                .any(|k| p.contains(k))
                {
                    let cross = e.in_frame
                        && e.top_origin
                            .as_deref()
                            .and_then(Origin::parse)
                            .is_some_and(|t| {
                                site_of(&mut sites, &t.host) != site_of(&mut sites, &o.host)
                            });
                    // A signed-out browser asking "who am I?" gets 401: that is
                    // the answer, not a failing session. It counts when a session
                    // was presented (cookies sent, or names unknown), one was set
                    // on this site earlier in the trail, or the browser may have
                    // withheld it (a cross-site frame).
                    let presented = e
                        .request_cookie_names
                        .as_ref()
                        .is_none_or(|n| !n.is_empty());
                    let here = site_of(&mut sites, &o.host);
                    let had_session = set_names.iter().any(|(s, _)| *s == here);
                    if presented || had_session || cross {
                        *refresh_fail
                            .entry(format!("{}{}", o.show(), redact::path(&path)))
                            .or_default() += 1;
                    }
                    if cross
                        && (snap.env.third_party_cookies_blocked == Some(true)
                            || e.request_cookie_names.as_ref().is_some_and(Vec::is_empty))
                    {
                        push(&mut out, "3p".into(), ev("trail.refresh_in_cross_site_frame", format!("session refresh {}{} answered {s} from a cross-site frame whose cookies are blocked", o.show(), redact::path(&path)), Some(Cause::ThirdPartyCookies), 0.8));
                    }
                }
            }
            _ => {}
        }
    }
    for (k, n) in &refresh_fail {
        if *n >= 2 {
            push(
                &mut out,
                format!("refresh.{k}"),
                ev(
                    "trail.refresh_failing",
                    format!("session refresh {k} failed {n} times with 401/403"),
                    Some(Cause::SessionBoundary),
                    0.6,
                ),
            );
        }
    }
    // A loop: the page keeps redirecting away, or keeps being redirected back
    // to. A person reloading the login page a few times is neither.
    for (k, v) in &visits {
        let Visits { n, away, back, .. } = *v;
        // Without times, the counts alone decide.
        let quick = v.last_ms.is_none() || v.quick >= 2;
        let cycling = quick && (away >= 2 || (back >= 2 && n + back > LOOP_VISITS));
        if cycling && is_loginish(k) {
            push(&mut out, format!("loop.{k}"), ev("trail.login_loop", format!("{} was loaded {n} times, redirected away {away} and back {back} times in the recent trail: the login loops", redact::url(k)), Some(Cause::LoginLoop), if away + back >= 4 { 0.9 } else { 0.75 }));
        }
    }
    crate::order::sort(&mut insecure_session);
    insecure_session.dedup();
    if !insecure_session.is_empty() {
        let names: Vec<String> = insecure_session
            .iter()
            .take(5)
            .map(|n| redact::name(n))
            .collect();
        push(&mut out, "insecure".into(), ev("trail.session_cookie_not_secure", format!("session cookie{} {} set over https without Secure: the app may believe the request was http (X-Forwarded-Proto?)", if names.len() == 1 { "" } else { "s" }, names.join(", ")), Some(Cause::ProxyScheme), 0.4));
    }
    // Login POST that "succeeded" (3xx) and landed on a login page again.
    let mains: Vec<_> = snap
        .trail
        .iter()
        .filter(|e| e.kind == "main_frame")
        .collect();
    let mut bounces = 0;
    for w in mains.windows(3) {
        if let [post, mid, back] = w {
            // POST accepted (3xx), bounced on (3xx), back on the login page, at once.
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
    if bounces >= 1 {
        push(&mut out, "bounce".into(), ev("trail.login_bounce", format!("a login POST was accepted (3xx) and the browser landed on the login page again ({bounces}×)"), Some(Cause::LoginLoop), if bounces >= 2 { 0.85 } else { 0.6 }));
    }
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
                .any(|e| e.rule == "trail.gateway_error" && e.cause == Some(Cause::Gateway))
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
                t.evidence.iter().all(|e| e.rule != "trail.status_429"),
                "{url}"
            );
        }
    }
}
