//! The CLI on bad and hostile input: exit code 2 with one line that names the
//! problem, or a sane diagnosis; never a panic, never a value echoed back.

// Test and benchmark code: a panic is a failed check, so unwrap and indexing are fine here.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_auth-triage"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    // A refused input may close the pipe early; that is fine.
    let _ = stdin.write_all(input);
    drop(stdin);
    child.wait_with_output().unwrap()
}

fn refused(input: &[u8], needle: &str) -> String {
    let out = run(&["classify", "-"], input);
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(2), "stderr: {err}");
    assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
    assert!(err.contains(needle), "{err:?} should name {needle:?}");
    assert!(!err.contains("panicked"), "{err}");
    err
}

#[test]
fn not_json() {
    refused(b"this is not json", "malformed input");
    refused(b"", "malformed input");
    refused(b"{\"url\": \"https://a.example/\"", "cut short");
}

#[test]
fn wrong_types_name_the_field() {
    refused(
        br#"{"url": "https://a.example/", "page": {"status": "four hundred"}}"#,
        "page.status",
    );
    refused(br#"{"url": 5}"#, "url");
    refused(br#"{"url": "https://a.example/", "cookies": [{"name": "a", "domain": "a.example", "secure": "yes"}]}"#, "cookies[0].secure");
    refused(br#"{"page": {}}"#, "url");
    refused(
        br#"{"url": "https://a.example/", "page": {"txt": "typo"}}"#,
        "page",
    );
}

#[test]
fn wrong_values_are_not_echoed() {
    let err = refused(
        br#"{"url": "https://a.example/", "page": {"status": "hunter2-s3cret-Zx81"}}"#,
        "page.status",
    );
    assert!(!err.contains("hunter2"), "{err}");
    let err = refused(
        br#"{"url": "https://a.example/", "page": {"status": 123456789}}"#,
        "page.status",
    );
    assert!(!err.contains("123456789"), "{err}");
    let err = refused(
        br#"{"url": "https://a.example/", "eyJhbGciOiJIUzI1NiJ9": 1}"#,
        "unknown field",
    );
    assert!(!err.contains("eyJ"), "{err}");
}

#[test]
fn unknown_schema_version() {
    refused(
        br#"{"schema_version": 99, "url": "https://a.example/"}"#,
        "schema_version: 99",
    );
}

#[test]
fn huge_inputs_are_refused_by_limit() {
    // A 50 MB page: refused before parsing.
    let mut big = br#"{"url": "https://a.example/", "page": {"text": ""#.to_vec();
    big.extend(std::iter::repeat_n(b'a', 50 * 1024 * 1024));
    big.extend(br#""}}"#);
    refused(&big, "over the limit");
    // 9 MB of page text: under the input limit, over the page.text limit.
    let mut t = br#"{"url": "https://a.example/", "page": {"text": ""#.to_vec();
    t.extend(std::iter::repeat_n(b'a', 9 * 1024 * 1024));
    t.extend(br#""}}"#);
    refused(&t, "page.text: over the limit");
    // 6,000 cookies.
    let cookies: Vec<String> = (0..6000)
        .map(|i| format!(r#"{{"name":"c{i}","domain":"a.example"}}"#))
        .collect();
    let s = format!(
        r#"{{"url": "https://a.example/", "cookies": [{}]}}"#,
        cookies.join(",")
    );
    refused(s.as_bytes(), "cookies: over the limit");
}

#[test]
fn deep_nesting_is_refused() {
    let mut s = String::from(r#"{"url": "https://a.example/", "page": {"alerts": "#);
    s.push_str(&"[".repeat(100_000));
    refused(s.as_bytes(), "page.alerts");
}

#[test]
fn not_utf8() {
    refused(b"{\"url\": \"\xff\xfe\"}", "not UTF-8");
}

fn classify(input: &str) -> serde_json::Value {
    let out = run(&["classify", "-"], input.as_bytes());
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn control_characters_and_non_ascii_give_sane_diagnoses() {
    let d = classify(
        r#"{"url": "https://id.example.org/login", "page": {"text": "Ung\u00fcltiger Code \u0000\u0007\u001b[31m Invalid code.\u202e", "status": 400}}"#,
    );
    assert_eq!(d["failure_type"], "mfa_invalid_code");
    let ex = d["excerpt"].as_str().unwrap();
    assert!(!ex.chars().any(|c| c.is_control()), "{ex:?}");
    let d = classify(
        r#"{"url": "https://例え.jp/ログイン", "page": {"text": "認証コードが無効です 🙈"}}"#,
    );
    // Japanese has a lexicon now (issue 14): "the authentication code is invalid".
    assert_eq!(d["failure_type"], "mfa_invalid_code");
}

#[test]
fn hostile_html_is_text() {
    let d = classify(
        r#"{"url": "https://id.example.org/login", "page": {"text": "<img src=x onerror=alert(1)><script>alert(document.cookie)</script>Too many attempts. Try again in 5 minutes.", "status": 200}}"#,
    );
    assert_eq!(d["failure_type"], "mfa_rate_limited");
    assert_eq!(d["retry_after_s"], 300);
}

#[test]
fn text_format_and_usage() {
    let out = run(&["classify", "-", "--format", "text"], br#"{"url": "https://id.example.org/login", "page": {"text": "Invalid authenticator code.", "status": 400}}"#);
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(s.starts_with("The MFA code was not accepted"), "{s}");
    assert!(
        s.contains("What you can do now: Type the newest code"),
        "{s}"
    );
    assert!(s.contains("For your administrator:"), "{s}");
    let out = run(&["classify", "-", "--format", "yaml"], b"{}");
    assert_eq!(out.status.code(), Some(2));
    let out = run(&["frobnicate"], b"");
    assert_eq!(out.status.code(), Some(2));
    let out = run(&["classify", "/no/such/file.json"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no such file"));
}

#[test]
fn operator_catalog_maps_nanami_codes() {
    let dir = std::env::temp_dir().join(format!("at-cat-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let cat = dir.join("nanami.json");
    std::fs::write(&cat, r#"{"catalog": "nanami", "version": "1", "codes": [{"code": "NAN-4711", "type": "mfa_rate_limited", "meaning": "MFA resend cooldown"}]}"#).unwrap();
    let snap = r#"{"url": "https://nanami.example.org/oauth/error", "page": {"text": "We couldn't sign you in.\nError code: NAN-4711"}}"#;
    let out = run(
        &["classify", "-", "--catalog", cat.to_str().unwrap()],
        snap.as_bytes(),
    );
    let d: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(d["failure_type"], "mfa_rate_limited");
    assert_eq!(d["safe_codes"][0]["catalog"], "nanami");
    // Without the catalog the code is in no catalog and of no product-code
    // shape: it could be anything (a token, a user name), so it appears in
    // no output, until the user chooses to include it.
    let d = classify(snap);
    assert_eq!(d["failure_type"], "unclassified");
    assert_eq!(d["safe_code"], serde_json::Value::Null);
    assert!(!d.to_string().contains("NAN-4711"));
    let included = snap.replace(
        r#""page": {"#,
        r#""page": {"included_codes": ["NAN-4711"], "#,
    );
    let d = classify(&included);
    assert_eq!(d["safe_code"], "NAN-4711");
    // A broken catalog names its field.
    std::fs::write(
        &cat,
        r#"{"catalog": "nanami", "codes": [{"code": "NAN 1", "type": "mfa_rate_limited"}]}"#,
    )
    .unwrap();
    let out = run(
        &["classify", "-", "--catalog", cat.to_str().unwrap()],
        snap.as_bytes(),
    );
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("codes[0].code"));
}

#[test]
fn har_bad_input_is_one_line_and_exit_2() {
    let cases: [(&[u8], &str); 5] = [
        (b"not json", "har: malformed input"),
        (
            b"{\"log\":{\"entries\":[{\"request\":{\"url\":7}}]}}",
            "har: log.entries[0].request.url: expected a string",
        ),
        (b"{\"log\":{\"entries\":[", "har: malformed input"),
        (
            b"{\"log\":{\"entries\":[]}}",
            "har: log.entries: no page document",
        ),
        (b"[1,2]", "har: malformed input"),
    ];
    for (input, needle) in cases {
        let out = run(&["har", "-"], input);
        let err = String::from_utf8_lossy(&out.stderr).into_owned();
        assert_eq!(out.status.code(), Some(2), "stderr: {err}");
        assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
        assert!(err.contains(needle), "{err:?} should name {needle:?}");
    }
    let out = run(&["har", "-", "--published", "not a url"], b"{}");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--published"));
}

#[test]
fn a_har_over_the_limit_is_refused_unread() {
    // A sparse file: its size says it is over the limit; nothing is read.
    let dir = std::env::temp_dir().join(format!("at-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("huge.har");
    let f = std::fs::File::create(&path).unwrap();
    f.set_len(auth_triage::har::HAR_BYTES as u64 + 1).unwrap();
    let out = run(&["har", path.to_str().unwrap()], b"");
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("over the limit of 268435456 bytes"), "{err}");
}

/// `auth-triage … | head`: a reader that goes away before the output is
/// written ends the command quietly (no panic, no backtrace, exit 0).
#[test]
fn a_closed_pipe_is_not_a_panic() {
    let snap = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/mfa-invalid-code/snapshot.json"
    ))
    .unwrap();
    for cmd in ["classify", "report"] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_auth-triage"))
            .args([cmd, "-"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // The reader is gone before the CLI has read its input.
        drop(child.stdout.take());
        let mut stdin = child.stdin.take().unwrap();
        stdin.write_all(&snap).unwrap();
        drop(stdin);
        let out = child.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.is_empty(), "{cmd}: {err}");
        assert_eq!(out.status.code(), Some(0), "{cmd}: {err}");
    }
}

#[test]
fn har_sanitize_writes_the_file_or_nothing() {
    let dir = std::env::temp_dir().join(format!("at-cli-san-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out_path = dir.join("clean.har");
    let o = out_path.to_str().unwrap();
    // A bad HAR: the usual one line, exit 2, no file (not even a partial one).
    let out = run(
        &["har", "-", "--sanitize", o],
        b"{\"log\":{\"entries\":[{\"request\":{\"url\":7}}]}}",
    );
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(
        err.contains("har: log.entries[0].request.url: expected a string"),
        "{err}"
    );
    assert!(
        std::fs::read_dir(&dir).unwrap().next().is_none(),
        "no file left"
    );
    // A good one: written, and said so.
    let har = br#"{"log":{"version":"1.2","creator":{"name":"WebInspector","version":"1"},"entries":[
      {"startedDateTime":"2026-11-29T15:00:00.000Z","time":1,"_resourceType":"document",
       "request":{"method":"GET","url":"https://a.example.org/login?token=Zq81vRkE4wPb","headers":[]},
       "response":{"status":200,"headers":[{"name":"Set-Cookie","value":"sid=Zq81vRkE4wPb; Path=/"}],
         "content":{"mimeType":"text/html","text":"<p>Invalid authenticator code.</p>"}}}]}}"#;
    let out = run(&["har", "-", "--sanitize", o], har);
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(err.contains(&format!("wrote {o}: 1 entries")), "{err}");
    let clean = std::fs::read_to_string(&out_path).unwrap();
    assert!(!clean.contains("Zq81vRkE4wPb"), "{clean}");
    assert!(clean.contains("sid=<chars:12>; Path=/"), "{clean}");
    // Without a file name: refused.
    let out = run(&["har", "-", "--sanitize"], har);
    assert_eq!(out.status.code(), Some(2));
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The numbers a snapshot may hold at their extremes (times, offsets,
/// clocks in the page's text): `classify` and `report` answer, never
/// overflow. (Each input but the last panicked in a debug build.)
#[test]
fn extreme_numbers_are_no_panic() {
    let (min, max) = (i64::MIN, i64::MAX);
    let date = "Wed, 18 Nov 2026 11:05:40 GMT";
    let url = "https://id.example.org/login";
    let bounce = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/mfa-expired-allauth-bounce/snapshot.json"
    ))
    .unwrap();
    let mut bounce: serde_json::Value = serde_json::from_str(&bounce).unwrap();
    // The code step long before the code POST, and the page after it at
    // the start of time: the whole trail in the episode.
    for (i, t) in [(0, 0), (1, 0), (2, 0), (3, min + 1), (4, max), (5, min)] {
        bounce["trail"][i]["received_ms"] = t.into();
    }
    bounce["env"]["now_ms"] = serde_json::Value::Null;
    let snapshots = [
        // A dated response received at the start of time (clock skew).
        format!(
            r#"{{"url": "{url}", "trail": [{{"url": "{url}", "received_ms": {min}, "date": "{date}"}}]}}"#
        ),
        // Three pages at both ends of time (bounces between them).
        format!(
            r#"{{"url": "{url}", "trail": [{{"url": "{url}", "received_ms": {min}}}, {{"url": "{url}/a", "received_ms": 0}}, {{"url": "{url}", "received_ms": {max}}}]}}"#
        ),
        // The time between the code step and the code POST.
        bounce.to_string(),
        // A 429 whose Retry-After is a date, received at the start of time.
        format!(
            r#"{{"url": "{url}", "trail": [{{"url": "{url}", "type": "xmlhttprequest", "status": 429, "retry_after": "{date}", "received_ms": {min}}}]}}"#
        ),
        // A session cookie that expired at the start of time, now at the end.
        format!(
            r#"{{"url": "{url}", "cookies": [{{"name": "session", "domain": "id.example.org", "expires_ms": {min}, "value_len": 4294967295}}], "env": {{"now_ms": {max}}}}}"#
        ),
        // A countdown clock of more minutes than seconds fit in a u32.
        format!(
            r#"{{"url": "{url}", "page": {{"text": "Resend code in 4000000000:00", "resend": [{{"text": "Resend code in 4000000000:00", "disabled": true}}]}}}}"#
        ),
        // The largest time zone offsets.
        format!(r#"{{"url": "{url}", "env": {{"now_ms": {min}, "tz_offset_min": -2147483648}}}}"#),
        format!(r#"{{"url": "{url}", "env": {{"now_ms": {max}, "tz_offset_min": 2147483647}}}}"#),
    ];
    for s in &snapshots {
        for cmd in ["classify", "report"] {
            let out = run(&[cmd, "-"], s.as_bytes());
            let err = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(0), "{cmd} {s}: {err}");
            assert!(!err.contains("panicked"), "{cmd} {s}: {err}");
        }
    }
}
