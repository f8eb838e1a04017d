#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use super::*;

/// A HAR with the secrets a real one holds: cookie values in both
/// directions, a password and an OTP in the form post, an input's value in
/// the page, an Authorization header.
const SECRETS: [&str; 6] = [
    "Zq81vRkE4wPb",   // session cookie value (Set-Cookie)
    "hunter2-Horse",  // password in postData
    "582104",         // OTP in postData and in the page's value attribute
    "csrfV4lu3xyz",   // cookie value in the request's Cookie header
    "Bearer eyJhbGc", // Authorization header
    "tok-98765ab",    // hidden input's value
];

fn entry(
    url: &str,
    method: &str,
    status: u16,
    extra_req: &str,
    extra_res: &str,
    rest: &str,
) -> String {
    // Entries are written in order; each a second after the one before.
    static SECOND: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let n = SECOND.fetch_add(1, std::sync::atomic::Ordering::Relaxed) % 50;
    format!(
        r#"{{"startedDateTime":"2026-11-29T15:00:{n:02}.000Z","time":12.5,{rest}
        "request":{{"method":"{method}","url":"{url}",
          "headers":[{{"name":"Accept","value":"text/html"}},
          {{"name":"Authorization","value":"Bearer eyJhbGciOi"}}{extra_req}],
          "postData":{{"mimeType":"application/x-www-form-urlencoded",
            "text":"user=alice&password=hunter2-Horse&otp=582104"}}}},
        "response":{{"status":{status},
          "headers":[{{"name":"Date","value":"Sun, 29 Nov 2026 15:00:00 GMT"}}{extra_res}],
          "cookies":[],"content":{{"size":10,"mimeType":"text/plain"}},"redirectURL":""}}}}"#,
    )
}

fn har(entries: &[String]) -> String {
    format!(
        r#"{{"log":{{"version":"1.2","creator":{{"name":"WebInspector","version":"537.36"}},
        "pages":[{{"id":"page_1","title":"x","startedDateTime":"2026-11-29T15:00:00.000Z"}}],
        "entries":[{}]}}}}"#,
        entries.join(",")
    )
}

/// The session cookie the sign-in sets, as a HAR header.
const SET_SID: &str = concat!(
    r#"{"name":"Set-Cookie","#,
    r#""value":"__Host-sid=Zq81vRkE4wPb; Path=/; Secure; HttpOnly; SameSite=Lax"}"#
);

const MFA_PAGE: &str = r#"<html lang=en><title>Two-step verification</title><body>
<div role=alert>Invalid authenticator code.</div>
<form method=post action=/mfa><input type=hidden name=csrf value="tok-98765ab">
<input name=otp value="582104" autocomplete=one-time-code></form></body></html>"#;

fn chromium_wrong_code() -> String {
    let body = serde_json::to_string(MFA_PAGE).unwrap();
    har(&[
        entry(
            "https://nanami.example.org/login",
            "POST",
            302,
            "",
            &format!(r#",{SET_SID},{{"name":"Location","value":"/mfa"}}"#),
            r#""_resourceType":"document","#,
        ),
        entry(
            "https://nanami.example.org/mfa",
            "POST",
            400,
            r#",{"name":"Cookie","value":"__Host-sid=Zq81vRkE4wPb; csrftoken=csrfV4lu3xyz"}"#,
            "",
            r#""_resourceType":"document","#,
        )
        .replace(
            r#""content":{"size":10,"mimeType":"text/plain"}"#,
            &format!(r#""content":{{"size":10,"mimeType":"text/html","text":{body}}}"#),
        ),
    ])
}

#[test]
fn a_chromium_har_reads_like_the_extensions_snapshot_and_keeps_no_value() {
    let snaps = read(
        &chromium_wrong_code(),
        &["https://nanami.example.org/".into()],
    )
    .unwrap();
    assert_eq!(snaps.len(), 1);
    let s = &snaps[0];
    assert_eq!(s.url, "https://nanami.example.org/mfa");
    assert_eq!(s.page.status, Some(400));
    assert_eq!(s.page.alerts, ["Invalid authenticator code."]);
    assert_eq!(s.trail.len(), 2);
    assert_eq!(s.trail[0].redirect_url.as_deref(), Some("/mfa"));
    assert_eq!(
        s.trail[0].set_cookie,
        ["__Host-sid=; Path=/; Secure; HttpOnly; SameSite=Lax"]
    );
    assert_eq!(
        s.trail[1].request_cookie_names.as_deref(),
        Some(&["__Host-sid".to_owned(), "csrftoken".to_owned()][..])
    );
    assert_eq!(
        s.trail[1].date.as_deref(),
        Some("Sun, 29 Nov 2026 15:00:00 GMT")
    );
    // The jar the trail leaves: the session cookie, its value's length only.
    assert_eq!(s.cookies.len(), 1);
    assert_eq!(
        (s.cookies[0].name.as_str(), s.cookies[0].value_len),
        ("__Host-sid", 12)
    );
    assert!(s.cookies[0].host_only && s.cookies[0].secure);
    let all = serde_json::to_string(&snaps).unwrap();
    for secret in SECRETS {
        assert!(!all.contains(secret), "{secret} in {all}");
    }
    let d = crate::classify(s, &crate::Catalogs::new(&[]));
    assert_eq!(d.failure_type.as_str(), "mfa_invalid_code");
}

#[test]
fn firefox_and_proxy_exports_without_hints_read_the_same() {
    // No _resourceType, no Sec-Fetch-*: Firefox's and proxies' exports.
    // Firefox joins Set-Cookie lines with a newline; the body is base64.
    let body =
        "PGh0bWw+PGJvZHk+PGRpdiByb2xlPWFsZXJ0PlRvbyBtYW55IGF0dGVtcHRzLiBUcnkgYWdhaW4gaW4gNSBt\
                aW51dGVzLjwvZGl2PjwvYm9keT48L2h0bWw+";
    let text = har(&[entry(
        "https://nanami.example.org/mfa",
        "POST",
        429,
        "",
        r#",{"name":"set-cookie","value":"a=1; Path=/\nb=22; Path=/; Secure"},
            {"name":"Retry-After","value":"300"}"#,
        "",
    )
    .replace(
        r#""content":{"size":10,"mimeType":"text/plain"}"#,
        &format!(
            r#""content":{{"mimeType":"text/html; charset=utf-8","encoding":"base64",
                "text":"{body}"}}"#
        ),
    )
    .replacen("2026-11-29T15:00:", "2026-11-29T16:00:", 1)
    .replacen(".000Z", ".123456+01:00", 1)]);
    let s = &read(&text, &[]).unwrap()[0];
    assert_eq!(s.trail[0].kind, "main_frame");
    assert_eq!(s.trail[0].set_cookie, ["a=; Path=/", "b=; Path=/; Secure"]);
    assert_eq!(s.trail[0].retry_after.as_deref(), Some("300"));
    // 15:00:NN.123 UTC plus the 12.5 ms the request took.
    assert_eq!(s.trail[0].received_ms.unwrap() % 1000, 135);
    assert_eq!(s.trail[0].received_ms.unwrap() / 60_000 % 60, 0);
    assert_eq!(s.env.tz_offset_min, Some(60));
    assert_eq!(
        s.page.alerts,
        ["Too many attempts. Try again in 5 minutes."]
    );
    let d = crate::classify(s, &crate::Catalogs::new(&[]));
    assert_eq!(d.failure_type.as_str(), "mfa_rate_limited");
}

#[test]
fn a_sanitized_export_does_not_say_no_cookie_was_sent() {
    // Chromium's "sanitized" export drops every Cookie and Set-Cookie: which
    // cookies a request carried is then unknown, not "none".
    let text = chromium_wrong_code()
        .replace(
            r#"{"name":"Cookie","value":"__Host-sid=Zq81vRkE4wPb; csrftoken=csrfV4lu3xyz"}"#,
            r#"{"name":"X","value":"1"}"#,
        )
        .replace(SET_SID, r#"{"name":"X","value":"1"}"#);
    let s = &read(&text, &[]).unwrap()[0];
    assert!(s.trail.iter().all(|e| e.request_cookie_names.is_none()));
    assert!(s.cookies.is_empty());
}

#[test]
fn nameless_cookies_are_values_and_are_dropped() {
    assert_eq!(
        strip_set_cookie("sid=abc; Path=/"),
        Some(("sid=; Path=/".into(), 3))
    );
    assert_eq!(strip_set_cookie("Zq81vRkE4wPb; Path=/"), None);
    assert_eq!(strip_set_cookie("=abc"), None);
    let names: Vec<_> = cookie_header_names("a=1; Zq81vRkE4wPb; b=2").collect();
    assert_eq!(names, ["a", "b"]);
}

#[test]
fn of_several_pages_the_failing_one_is_picked() {
    let failing = chromium_wrong_code();
    // A second tab, later, on a healthy page.
    let healthy = entry(
        "https://other.example.org/",
        "GET",
        200,
        "",
        "",
        r#""pageref":"page_2","_resourceType":"document","#,
    )
    .replacen("15:00:", "15:05:", 1)
    .replace(
        r#""content":{"size":10,"mimeType":"text/plain"}"#,
        r#""content":{"mimeType":"text/html","text":"<p>Welcome back</p>"}"#,
    );
    // Playwright records a tab per page reference.
    let text = failing
        .replace(
            r#""_resourceType":"document","#,
            r#""pageref":"page_1","_resourceType":"document","#,
        )
        .replace("]}}", &format!(",{healthy}]}}}}"))
        .replace("WebInspector", "Playwright");
    let cats = crate::Catalogs::new(&[]);
    let diagnose = |s: &Snapshot| {
        let d = crate::classify(s, &cats);
        (d.failure_type.as_str() != "unclassified").then_some(d.confidence)
    };
    let r = read_and_pick(&text, &[], &diagnose).unwrap();
    assert_eq!((r.pages, r.picked, r.entries), (2, 0, 3));
    assert_eq!(r.snapshot.url, "https://nanami.example.org/mfa");
}

#[test]
fn bad_input_is_one_line_that_names_the_problem() {
    let cases = [
        ("", "malformed input"),
        ("not json", "malformed input"),
        (
            r#"{"log":{"entries":[{"request":{"url":7}}]}}"#,
            "log.entries[0].request.url: expected a string",
        ),
        (r#"{"log":{"entries":"#, "malformed input"),
        (r#"{"other":1}"#, "log: missing"),
        (r#"{"log":{"entries":[]}}"#, "log.entries: no page document"),
        (
            r#"{"log":{"entries":[{"response":{"status":"x"}}]}}"#,
            "log.entries[0].response.status: expected",
        ),
    ];
    for (input, want) in cases {
        let e = read_and_pick(input, &[], &|_| None)
            .unwrap_err()
            .to_string();
        assert!(e.contains(want), "{input:?}: {e}");
        assert!(!e.contains('\n'), "{e}");
    }
}

#[test]
fn a_hundred_thousand_entries_read_without_trouble() {
    let one = entry(
        "https://nanami.example.org/app.js",
        "GET",
        200,
        "",
        "",
        r#""_resourceType":"script","#,
    );
    let many = vec![one; 100_000];
    let mut text = har(&many);
    text = text.replace(
        "]}}",
        &format!(
            ",{}]}}}}",
            chromium_wrong_code()
                .split("\"entries\":[")
                .nth(1)
                .unwrap()
                .trim_end_matches("]}}")
        ),
    );
    let snaps = read(&text, &[]).unwrap();
    assert_eq!(snaps.len(), 1);
    assert_eq!(snaps[0].trail.len(), 2, "scripts are not trail events");
}

#[test]
fn a_browser_error_page_at_the_end_is_the_page_on_screen() {
    // The sign-in redirects to an internal host the browser cannot reach:
    // the page on screen is the error page, with no body; the trail says why.
    let login = entry(
        "https://nanami.example.org/login",
        "GET",
        200,
        "",
        "",
        r#""_resourceType":"document","#,
    )
    .replace(
        r#""content":{"size":10,"mimeType":"text/plain"}"#,
        r#""content":{"mimeType":"text/html","text":"<form><input name=u></form>"}"#,
    );
    let post = entry(
        "https://nanami.example.org/login",
        "POST",
        302,
        "",
        r#",{"name":"Location","value":"https://10.0.0.7:8443/mfa"}"#,
        r#""_resourceType":"document","#,
    );
    let failed = entry(
        "https://10.0.0.7:8443/mfa",
        "GET",
        0,
        "",
        "",
        r#""_resourceType":"document","#,
    )
    .replace(
        r#""status":0"#,
        r#""status":-1,"_failureText":"net::ERR_CONNECTION_REFUSED""#,
    );
    let s = &read(
        &har(&[login, post, failed]),
        &["https://nanami.example.org/".into()],
    )
    .unwrap()[0];
    assert_eq!(s.url, "https://10.0.0.7:8443/mfa");
    assert_eq!(s.trail.len(), 3);
    assert_eq!(
        s.trail[2].error.as_deref(),
        Some("net::ERR_CONNECTION_REFUSED")
    );
    let d = crate::classify(s, &crate::Catalogs::new(&[]));
    assert_eq!(d.failure_type.as_str(), "session_proxy_cookie");
}

/// Sanitize a HAR into a string.
fn sanitized(text: &str) -> String {
    let mut out = String::new();
    sanitize::sanitize(text, &crate::Catalogs::new(&[]), &mut |s| out.push_str(s)).unwrap();
    out
}

#[test]
fn a_sanitized_har_reads_the_same_and_holds_no_value() {
    let cats = crate::Catalogs::new(&[]);
    let firefox = chromium_wrong_code()
        .replace(r#""_resourceType":"document","#, "")
        .replace("WebInspector", "Firefox");
    let playwright = chromium_wrong_code()
        .replace(
            r#""_resourceType":"document","#,
            r#""pageref":"page@3f9a1c0b","_resourceType":"document","#,
        )
        .replace("WebInspector", "Playwright");
    for text in [chromium_wrong_code(), firefox, playwright] {
        let clean = sanitized(&text);
        // Pretty-printed or compact, the same HAR sanitizes the same.
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(
            sanitized(&serde_json::to_string_pretty(&v).unwrap()),
            sanitized(&v.to_string())
        );
        for s in SECRETS {
            assert!(text.contains(s.split(' ').next_back().unwrap_or(s)));
            assert!(!clean.contains(s), "{s} left in {clean}");
        }
        assert!(!clean.contains("page@3f9a1c0b") && !clean.contains("alice"));
        let (a, b) = (
            &read(&text, &[]).unwrap()[0],
            &read(&clean, &[]).unwrap()[0],
        );
        let (da, db) = (crate::classify(a, &cats), crate::classify(b, &cats));
        assert_eq!(da.failure_type, db.failure_type);
        assert_eq!(da.verdict, db.verdict);
        assert_eq!(da.safe_code, db.safe_code);
        // The evidence stays: the trail, the Set-Cookie attributes and the
        // value's length, the Date, the alert, the one-time-code input.
        assert_eq!(a.trail.len(), b.trail.len());
        assert_eq!(a.cookies, b.cookies);
        for (x, y) in a.trail.iter().zip(&b.trail) {
            assert_eq!(x.set_cookie, y.set_cookie);
            assert_eq!(x.date, y.date);
            assert_eq!(x.received_ms, y.received_ms);
            assert_eq!(x.status, y.status);
        }
        // The jar: the cookie with its attributes and its value's length.
        assert_eq!(b.cookies.len(), 1);
        assert_eq!(
            (b.cookies[0].name.as_str(), b.cookies[0].value_len),
            ("__Host-sid", 12)
        );
        assert_eq!(b.page.alerts, ["Invalid authenticator code."]);
        assert_eq!(b.page.forms[0].inputs[0].autocomplete, "one-time-code");
        // Form field names stay, values do not.
        assert!(
            clean.contains(r#"{"name":"password","value":""}"#),
            "{clean}"
        );
    }
}

#[test]
fn a_sanitized_har_keeps_the_error_fields_of_json_responses() {
    let text = har(&[entry(
        "https://nanami.example.org/api/mfa",
        "POST",
        400,
        "",
        r#",{"name":"Content-Type","value":"application/json"},
            {"name":"Retry-After","value":"120"},{"name":"X-Secret","value":"Zq81vRkE4wPb"}"#,
        r#""_resourceType":"xhr","#,
    )
    .replace(
        r#""content":{"size":10,"mimeType":"text/plain"}"#,
        concat!(
            r#""content":{"size":10,"mimeType":"application/json","#,
            r#""text":"{\"error\":\"invalid_otp\","#,
            r#"\"error_description\":\"The code 582104 is invalid.\","#,
            r#"\"access_token\":\"eyJhbGc.x.y\"}"}"#
        ),
    )]);
    let clean = sanitized(&text);
    assert!(clean.contains(r#"\"error\":\"invalid_otp\""#), "{clean}");
    assert!(clean.contains("is invalid."), "{clean}");
    assert!(
        clean.contains(r#""name":"Retry-After","value":"120""#),
        "{clean}"
    );
    for s in ["582104", "eyJhbGc", "Zq81vRkE4wPb", "hunter2"] {
        assert!(!clean.contains(s), "{s} in {clean}");
    }
}

#[test]
fn sanitize_refuses_bad_input_as_the_reader_does() {
    for input in [
        "not json",
        r#"{"log":{"entries":[{"request":{"url":7}}]}}"#,
        r#"{"log":{"entries":"#,
    ] {
        let mut out = String::new();
        let e = sanitize::sanitize(input, &crate::Catalogs::new(&[]), &mut |s| out.push_str(s))
            .unwrap_err()
            .to_string();
        let want = read_and_pick(input, &[], &|_| None)
            .unwrap_err()
            .to_string();
        assert_eq!(e, want);
        assert!(out.is_empty(), "nothing written before the error");
    }
}
