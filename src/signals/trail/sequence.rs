//! The rules that read the trail as a sequence, after the walk: what the
//! walk counted (refreshes, visits, insecure cookies) and the order of the
//! page loads (bounces, an expired MFA step, a trail that starts late).

use super::{ev, is_loginish, is_session_cookie, path_of, TrailSignals, Visits, Walk};
use super::{Findings, Scene, LOOP_VISITS};
use crate::diagnosis::{Evidence, Rule, Subject};
use crate::redact;
use crate::snapshot::{Snapshot, TrailEvent};
use crate::web::Origin;

/// `trail.refresh_failing`: a session refresh refused twice or more.
pub(super) fn refresh_failing(w: &mut Walk) {
    for (k, n) in &w.refresh_fail {
        if *n >= 2 {
            let detail = format!("session refresh {k} failed {n} times with 401/403");
            w.found.push(
                format!("refresh.{k}"),
                ev(Rule::TrailRefreshFailing, 0.6, detail),
            );
        }
    }
}

/// `trail.login_loop`: a sign-in page keeps redirecting away, or keeps
/// being redirected back to. A person reloading the login page a few times
/// is neither.
pub(super) fn login_loop(w: &mut Walk) {
    for (k, v) in &w.visits {
        let Visits { n, away, back, .. } = *v;
        // Without times, the counts alone decide.
        let quick = v.last_ms.is_none() || v.quick >= 2;
        let cycling = quick && (away >= 2 || (back >= 2 && n + back > LOOP_VISITS));
        if cycling && is_loginish(k) {
            let page = redact::url(k);
            let detail = format!(
                "{page} was loaded {n} times, redirected away {away} and back {back} times in \
                 the recent trail: the login loops"
            );
            let weight = if away + back >= 4 { 0.9 } else { 0.75 };
            w.found.push(
                format!("loop.{k}"),
                ev(Rule::TrailLoginLoop, weight, detail),
            );
        }
    }
}

/// `trail.session_cookie_not_secure`: session cookies set over https
/// without Secure (the first five named).
pub(super) fn session_cookie_not_secure(w: &mut Walk) {
    crate::order::sort(&mut w.insecure_session);
    w.insecure_session.dedup();
    if w.insecure_session.is_empty() {
        return;
    }
    let first: Vec<String> = w.insecure_session.iter().take(5).cloned().collect();
    let names: Vec<String> = first.iter().map(|n| redact::name(n)).collect();
    let plural = if names.len() == 1 { "" } else { "s" };
    let detail = format!(
        "session cookie{plural} {} set over https without Secure: the app may believe the \
         request was http (X-Forwarded-Proto?)",
        names.join(", ")
    );
    let e = ev(Rule::TrailSessionCookieNotSecure, 0.4, detail);
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
                (Some(a), Some(b)) => (0..=10_000).contains(&b.saturating_sub(a)),
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
pub(super) fn login_bounce(snap: &Snapshot, found: &mut Findings) {
    let bounces = login_bounces(snap);
    if bounces > 0 {
        let detail = format!(
            "a login POST was accepted (3xx) and the browser landed on the login page again \
             ({bounces}×)"
        );
        let weight = if bounces >= 2 { 0.85 } else { 0.6 };
        found.push("bounce".into(), ev(Rule::TrailLoginBounce, weight, detail));
    }
}

/// `trail.incomplete`: a trail that starts in the middle of the sign-in
/// (the recorder woke late). The loop and bounce findings rest on part of
/// the sequence, so they count for less, and the evidence says why.
pub(super) fn incomplete(s: &Scene<'_>, out: &mut TrailSignals) {
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
    out.evidence.push(ev(Rule::TrailIncomplete, 0.2, detail));
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
fn starts_mid_sign_in(snap: &Snapshot, start: Option<i64>) -> Option<&TrailEvent> {
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
pub(super) fn is_landing(e: &TrailEvent) -> bool {
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
pub(super) fn mfa_bounce(snap: &Snapshot, start: Option<i64>) -> Option<(f32, Evidence)> {
    let mains: Vec<&TrailEvent> = snap
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
        (Some(a), Some(b)) => Some(b.saturating_sub(a).max(0) / 1000),
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
    let mut e = ev(Rule::TrailMfaBouncedToSignIn, w, detail);
    e.supports = Some(crate::diagnosis::FailureType::MfaChallengeExpired);
    Some((w, e))
}
