//! The rules that read the trail one event at a time, in the order the
//! walk ([`super::analyze`]) calls them for each event.

use super::sequence::is_landing;
use super::{auth_endpoint, ev, is_session_cookie, limit_over, retry_after_s};
use super::{Findings, Scene, Scope, Step, Visits, Walk, LOOP_GAP_MS};
use crate::diagnosis::{Cause, Evidence, Rule, Subject};
use crate::redact;
use crate::signals::{clock, is_auth_cookie, setcookie};
use crate::web::{domain_match, is_internal_host, Origin};

/// A top-level load, counted for `trail.login_loop`: how often and how
/// quickly a page loads, and whether it was redirected away or arrived by
/// a redirect.
pub(super) fn count_visit(w: &mut Walk, st: &Step<'_>) {
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
pub(super) fn too_many_redirects(found: &mut Findings, st: &Step<'_>) {
    let err = st.e.error.as_deref().unwrap_or_default();
    if err.contains("TOO_MANY_REDIRECTS") || err.contains("REDIRECT_LOOP") {
        let detail = format!("the browser stopped a redirect loop at {}", st.at());
        found.push(
            "loop.net".into(),
            ev(Rule::TrailTooManyRedirects, 0.95, detail),
        );
    }
}

/// `trail.cookie_not_sent`: a page load or call that carried cookies, but
/// not an auth cookie an earlier response set for it.
pub(super) fn cookies_not_sent(w: &mut Walk, st: &Step<'_>) {
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
    let expected = w
        .scopes
        .iter()
        .filter(|sc| sc.goes_with(e, &st.o.host, &st.path, cross_site));
    for n in expected.map(|sc| &sc.name) {
        if sent.iter().any(|s| s == n) || !call {
            continue;
        }
        let name = redact::name(n);
        let method = redact::method(&e.method);
        let detail = format!(
            "cookie {name} was set by an earlier response but not sent with {method} {}",
            st.at()
        );
        let found = ev(Rule::TrailCookieNotSent, 0.8, detail).about(Subject::cookie(n));
        w.found.push(format!("notsent.{n}"), found);
    }
}

/// A parsed Set-Cookie line and its cookie's name as shown.
pub(super) struct Line {
    c: setcookie::SetCookie,
    name: String,
}

/// One Set-Cookie line of a response: refused by the browser, a cookie
/// cleared, or one to expect back, and what its attributes say.
pub(super) fn set_cookie(s: &Scene<'_>, w: &mut Walk, st: &Step<'_>, line: &str) {
    let Some(c) = setcookie::parse(line) else {
        return;
    };
    // Shown first, for every line: the redactor numbers its placeholders in
    // the order it meets the values, and a report keeps those numbers.
    let name = redact::name(&c.name);
    let l = Line { c, name };
    if set_cookie_rejected(s, &mut w.found, st, &l) {
        return;
    }
    let server_date = st.e.date.as_deref().and_then(clock::http_date_ms);
    if l.c.is_deletion_at(server_date) {
        // A cleared cookie is not expected back.
        w.forget(&Scope::of(&l.c, &st.o.host, &st.path));
        return;
    }
    if is_auth_cookie(&l.c.name) {
        w.expect_back(&l.c, st);
        set_cookie_other_domain(s, &mut w.found, st, &l);
        set_cookie_expired_on_arrival(&mut w.found, st, &l);
    }
    note_session_cookie_not_secure(s, w, st, &l.c);
}

/// `trail.set_cookie_rejected`: the browser refuses the line (its Domain,
/// prefix, Secure or SameSite). True when it did.
fn set_cookie_rejected(s: &Scene<'_>, found: &mut Findings, st: &Step<'_>, l: &Line) -> bool {
    let c = &l.c;
    let Some((reason, why)) = setcookie::rejection(c, &st.o.scheme, &st.o.host, s.known) else {
        return false;
    };
    let from = redact::host(&st.o.host);
    let detail = format!(
        "the browser rejects Set-Cookie {} from {from}: {why} ({reason})",
        l.name
    );
    let weight = if is_auth_cookie(&c.name) { 0.9 } else { 0.4 };
    let mut e = ev(Rule::TrailSetCookieRejected, weight, detail);
    // A Domain the host may not set is the deployment's cookie domain.
    if reason == "DomainMismatch" || reason == "InvalidDomain" {
        e.cause = Some(Cause::CookieDomain);
    }
    let key = format!("rej.{}.{}", c.name, reason);
    found.push(key, e.about(Subject::cookie(&c.name)));
    true
}

/// `trail.set_cookie_other_domain`: an auth cookie set for a Domain that
/// no published host is under.
fn set_cookie_other_domain(s: &Scene<'_>, found: &mut Findings, st: &Step<'_>, l: &Line) {
    let Some(d) = &l.c.domain else {
        return;
    };
    if s.published.is_empty() || s.published.iter().any(|p| domain_match(&p.host, d)) {
        return;
    }
    let detail = format!(
        "Set-Cookie {} from {} is for Domain={} ({}), not the published host",
        l.name,
        redact::host(&st.o.host),
        redact::cookie_domain(d, s.known),
        setcookie::domain_relation(d, &st.o.host)
    );
    let e = ev(Rule::TrailSetCookieOtherDomain, 0.8, detail);
    found.push(
        format!("dom.{}", l.c.name),
        e.about(Subject::cookie(&l.c.name)),
    );
}

/// `trail.set_cookie_expired_on_arrival`: an auth cookie whose Expires
/// (and no Max-Age) had passed by this computer's clock when it arrived.
fn set_cookie_expired_on_arrival(found: &mut Findings, st: &Step<'_>, l: &Line) {
    let c = &l.c;
    let (Some(exp), Some(rx), None) = (c.expires_ms, st.e.received_ms, c.max_age_s) else {
        return;
    };
    if exp < rx {
        let host = redact::host(&st.o.host);
        let late_s = (rx - exp) / 1000;
        let detail = format!(
            "Set-Cookie {} from {host} arrived already expired by this computer's clock \
             ({late_s} s)",
            l.name
        );
        let e = ev(Rule::TrailSetCookieExpiredOnArrival, 0.6, detail);
        found.push(format!("exp.{}", c.name), e.about(Subject::cookie(&c.name)));
    }
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
pub(super) fn redirect_off_origin(s: &Scene<'_>, found: &mut Findings, st: &Step<'_>) {
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
    let status = st.e.status.map(|s| s.to_string()).unwrap_or_default();
    let detail = format!(
        "{status} {} redirected to {shown}: the app builds http:// URLs behind TLS \
         (X-Forwarded-Proto)",
        o.show()
    );
    Some(ev(Rule::TrailRedirectToHttp, 0.9, detail))
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
    let other_port = t.host == o.host && t.port != o.port;
    (t.host != r.host && (internal || other_port)).then(|| {
        let from = o.show();
        let detail = format!(
            "{from} redirected to {shown}, an internal host, not the published {} \
             (X-Forwarded-Host)",
            r.show()
        );
        ev(Rule::TrailRedirectToInternalHost, 0.9, detail)
    })
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
    let published = s.published.iter().any(|p| p.host == t.host);
    if t.host == r.host && t.port != r.port && published {
        let (from, to) = (st.o.show(), r.show());
        let detail = format!(
            "{from} redirected to {shown}, another port than the published {to} \
             (X-Forwarded-Host/Port)"
        );
        return Some(ev(Rule::TrailRedirectToOtherPort, 0.85, detail));
    }
    None
}

/// `trail.status_429`: the sign-in answered 429 (a page of the tab, a
/// frame, a site the tab went to, or an endpoint that names sign-in), and
/// the limit is not over yet.
pub(super) fn rate_limit(s: &Scene<'_>, w: &mut Walk, st: &Step<'_>) {
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
    let wait = ra
        .map(|s| format!(" with Retry-After {s} s"))
        .unwrap_or_default();
    let detail = format!("{} {} answered 429{wait}", e.method, st.at());
    w.found
        .push("429".into(), ev(Rule::TrailStatus429, 0.8, detail));
}

/// `trail.gateway_error`: a page, frame or sign-in endpoint answered 502,
/// 503 or 504.
pub(super) fn gateway_error(found: &mut Findings, st: &Step<'_>) {
    let Some(status @ 502..=504) = st.e.status else {
        return;
    };
    if st.main || st.e.kind == "sub_frame" || auth_endpoint(&st.o.host, &st.path) {
        let detail = format!(
            "{} {} answered {status}: the reverse proxy or gateway could not reach the \
             service behind it",
            st.e.method,
            st.at()
        );
        let weight = if st.main { 0.8 } else { 0.7 };
        found.push(
            "gateway".into(),
            ev(Rule::TrailGatewayError, weight, detail),
        );
    }
}

/// `trail.status_431`: a request's headers (its cookies) were too large.
pub(super) fn header_too_large(found: &mut Findings, st: &Step<'_>) {
    if st.e.status == Some(431) {
        found.out.too_large = true;
        let detail = format!(
            "{} answered 431 Request Header Fields Too Large",
            st.o.show()
        );
        found.push("431".into(), ev(Rule::TrailStatus431, 0.85, detail));
    }
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
pub(super) fn count_refresh_failure(w: &mut Walk, st: &Step<'_>) {
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
        *w.refresh_fail.entry(st.at()).or_default() += 1;
    }
}

/// `trail.refresh_in_cross_site_frame`: a session refresh refused in a
/// cross-site frame whose cookies the browser blocks.
pub(super) fn refresh_in_cross_site_frame(s: &Scene<'_>, w: &mut Walk, st: &Step<'_>) {
    let Some(status) = refresh_refused(st) else {
        return;
    };
    let none_sent =
        st.e.request_cookie_names
            .as_ref()
            .is_some_and(Vec::is_empty);
    let blocked = s.snap.env.third_party_cookies_blocked == Some(true) || none_sent;
    if in_cross_site_frame(w, st) && blocked {
        let detail = format!(
            "session refresh {} answered {status} from a cross-site frame whose cookies are \
             blocked",
            st.at()
        );
        let e = ev(Rule::TrailRefreshInCrossSiteFrame, 0.8, detail);
        w.found.push("3p".into(), e);
    }
}
