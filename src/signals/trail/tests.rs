//! The trail's rules on small trails.

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
            .any(|r| *r == Rule::TrailCookieNotSent || *r == Rule::TrailSetCookieExpiredOnArrival),
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
