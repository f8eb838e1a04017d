//! No secret can get out: generated snapshots carry canary secrets in every
//! place a value could hide (query and fragment values, path segments,
//! Set-Cookie values, header values, page text with tokens, e-mails and OTP
//! digit runs, cookie and input names, markup codes, browser fields), and no
//! canary may appear in the Markdown report, the JSON report, the text
//! rendering, the diagnosis, or an error message.

// Test and benchmark code: a panic is a failed check, so unwrap and indexing are fine here.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use auth_triage::report;
use auth_triage::snapshot::*;
use auth_triage::{classify, Catalogs};
use proptest::prelude::*;

/// A secret-shaped canary: mixed letters and digits, 20+ characters.
fn token() -> impl Strategy<Value = String> {
    "[A-Za-z0-9]{14,24}".prop_map(|s| format!("Cn4ry{s}9Q"))
}
fn jwt() -> impl Strategy<Value = String> {
    (
        "[A-Za-z0-9_-]{16,30}",
        "[A-Za-z0-9_-]{16,40}",
        "[A-Za-z0-9_-]{20,43}",
    )
        .prop_map(|(a, b, c)| format!("eyJ{a}.eyJ{b}.{c}"))
}
fn otp() -> impl Strategy<Value = String> {
    "[0-9]{4}".prop_map(|s| format!("86{s}"))
}
fn email() -> impl Strategy<Value = String> {
    ("[a-z0-9]{8}", "[a-z]{6}").prop_map(|(l, d)| format!("eml{l}@{d}.example"))
}

#[derive(Debug, Clone)]
struct Canaries {
    t: Vec<String>,
    jwt: String,
    otp: String,
    email: String,
}

impl Canaries {
    fn all(&self) -> Vec<String> {
        let mut v = self.t.clone();
        v.push(self.jwt.clone());
        v.push(self.otp.clone());
        v.push(self.email.clone());
        // The local part alone must not leak either.
        v.push(self.email.split('@').next().unwrap().to_owned());
        v
    }
}

fn canaries() -> impl Strategy<Value = Canaries> {
    (prop::collection::vec(token(), 12), jwt(), otp(), email())
        .prop_map(|(t, jwt, otp, email)| Canaries { t, jwt, otp, email })
}

/// Page texts that classify differently, so every branch builds a report.
const MESSAGES: [&str; 6] = [
    "Invalid authenticator code.",
    "Your verification code has expired.",
    "Too many attempts. Try again in 5 minutes.",
    "CSRF verification failed. Request aborted.",
    "Invalid username or password.",
    "Welcome back",
];

fn snapshot(c: &Canaries, msg: usize, status: u16) -> Snapshot {
    let t = &c.t;
    let url = format!(
        "https://id.example.org/login/{}/cb?code={}&state={}&id_token={}&error=access_denied&error_description=Code+{}+sent+to+{}#access_token={}&{}={}",
        t[0], t[1], t[2], c.jwt, c.otp, c.email, t[3], t[4], t[5]
    );
    let text = format!(
        "{} Your code {} was sent to {}. Session {} / {} . Error code: {}\nRef {}",
        MESSAGES[msg], c.otp, c.email, t[6], c.jwt, t[7], t[8]
    );
    Snapshot {
        schema_version: Some(1),
        url: url.clone(),
        page: Page {
            status: Some(status),
            title: format!("Sign in {}", t[9]),
            text: text.clone(),
            alerts: vec![text, format!("{} {}", MESSAGES[msg], c.email)],
            lang: Some(t[10].clone()),
            included_codes: vec![],
            forms: vec![Form {
                action: format!("/login?token={}", t[11]),
                method: "post".into(),
                inputs: vec![
                    Input {
                        name: t[0].clone(),
                        kind: "text".into(),
                        autocomplete: "one-time-code".into(),
                        label: c.otp.clone(),
                        ..Default::default()
                    },
                    Input {
                        name: "password".into(),
                        kind: "password".into(),
                        label: c.email.clone(),
                        ..Default::default()
                    },
                ],
            }],
            resend: vec![ResendControl {
                text: format!("Resend to {} in 0:45", c.email),
                disabled: true,
                countdown_s: None,
            }],
            codes: vec![
                MarkupCode {
                    source: "data-error-code".into(),
                    value: t[1].clone(),
                },
                MarkupCode {
                    source: "data-testid".into(),
                    value: format!("ui/message/{}", c.otp),
                },
            ],
        },
        cookies: vec![
            Cookie {
                name: "sid".into(),
                domain: ".example.org".into(),
                path: format!("/{}", t[2]),
                secure: true,
                value_len: 64,
                ..Default::default()
            },
            Cookie {
                name: t[3].clone(),
                domain: "id.example.org".into(),
                host_only: true,
                path: "/".into(),
                value_len: 32,
                ..Default::default()
            },
            Cookie {
                name: "sid".into(),
                domain: format!("{}.example.net", t[4]),
                path: "/".into(),
                ..Default::default()
            },
        ],
        trail: vec![
            TrailEvent {
                url: url.clone(),
                method: "POST".into(),
                kind: "main_frame".into(),
                status: Some(302),
                redirect_url: Some(format!(
                    "http://app-internal:8080/cb?code={}&state={}#id_token={}",
                    t[5], t[6], c.jwt
                )),
                set_cookie: vec![
                    format!(
                        "sid={}; Domain={}.example.org; Path=/{}; Secure; HttpOnly",
                        t[7], t[8], t[9]
                    ),
                    format!("{}; Secure", t[10]),
                    format!("csrftoken={}{}", t[11], c.otp),
                    format!("__Host-x={}; SameSite=None; Expires={}", c.jwt, t[0]),
                ],
                request_cookie_names: Some(vec![t[1].clone(), "sid".into()]),
                date: Some(t[2].clone()),
                retry_after: Some(c.otp.clone()),
                received_ms: Some(1_795_000_000_000),
                top_origin: Some(format!("https://{}.example.com/{}", t[3], t[4])),
                in_frame: true,
                error: Some(format!("net::ERR_{}", t[5])),
            },
            TrailEvent {
                url: format!("https://id.example.org/api/session/refresh?rt={}", t[6]),
                method: t[7].clone(),
                kind: t[8].clone(),
                status: Some(401),
                date: Some("Wed, 18 Nov 2026 10:00:00 GMT".into()),
                received_ms: Some(1_795_000_000_000),
                ..Default::default()
            },
        ],
        env: Env {
            published_urls: vec![format!("https://nanami.example.org/?k={}", t[9])],
            now_ms: Some(1_795_000_000_000),
            tz_offset_min: Some(60),
            browser: Some(Browser {
                name: t[10].clone(),
                version: c.otp.clone(),
            }),
            third_party_cookies_blocked: Some(true),
        },
    }
}

/// `k` occurs in `out` as a whole word (digit canaries may occur inside a
/// hex digest by chance; that is not a leak of the code).
fn occurs(out: &str, k: &str) -> bool {
    out.match_indices(k).any(|(i, _)| {
        let before = out[..i].chars().next_back();
        let after = out[i + k.len()..].chars().next();
        !before.is_some_and(|c| c.is_ascii_alphanumeric())
            && !after.is_some_and(|c| c.is_ascii_alphanumeric())
    })
}

fn assert_clean(what: &str, out: &str, c: &Canaries) {
    for k in c.all() {
        let leaked = if k.bytes().all(|b| b.is_ascii_digit()) {
            occurs(out, &k)
        } else {
            out.contains(&k)
        };
        assert!(!leaked, "canary {k:?} leaked into the {what}:\n{out}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    #[test]
    fn no_canary_in_any_output(c in canaries(), msg in 0usize..MESSAGES.len(), status in prop::sample::select(vec![200u16, 400, 401, 403, 429]), code_only_in_trail in any::<bool>()) {
        let mut snap = snapshot(&c, msg, status);
        if code_only_in_trail {
            // The page shows no code: the one in the recorded redirect is
            // taken, and the evidence names where it came back.
            snap.url = format!("https://id.example.org/login/{}", c.t[0]);
            snap.page.codes.clear();
            snap.trail[0].in_frame = false;
        }
        let cats = Catalogs::new(&[]);
        let d = classify(&snap, &cats);
        assert_clean("diagnosis", &serde_json::to_string(&d).unwrap(), &c);
        let r = report::build(&snap, &d, &cats.versions);
        let md = report::to_markdown(&r);
        let json = serde_json::to_string_pretty(&r).unwrap();
        assert_clean("Markdown report", &md, &c);
        assert_clean("JSON report", &json, &c);
        assert_clean("text rendering", &report::render_text(&r), &c);
        prop_assert!(report::verify(&md).unwrap().intact);
        // The snapshot also round-trips through JSON, as the CLI reads it.
        let again = Snapshot::from_json(&serde_json::to_string(&snap).unwrap()).unwrap();
        prop_assert_eq!(again, snap);
    }

    #[test]
    fn no_canary_in_error_messages(c in canaries(), field in 0usize..6) {
        let t = &c.t;
        let bad = match field {
            0 => format!(r#"{{"url": "https://a.example/", "page": {{"status": "{}"}}}}"#, t[0]),
            1 => format!(r#"{{"url": "https://a.example/", "{}": 1}}"#, t[1]),
            2 => format!(r#"{{"url": "https://a.example/", "page": {{"status": {}}}}}"#, c.otp),
            3 => format!(r#"{{"url": "https://a.example/", "cookies": [{{"name": "sid", "domain": "a", "same_site": "{}"}}]}}"#, t[2]),
            4 => format!(r#"{{"url": "https://a.example/", "trail": [{{"url": "x", "{}": "{}"}}]}}"#, t[3], c.jwt),
            _ => format!(r#"{{"url": "{}", "page": {{"text": "{}" "#, c.jwt, c.email),
        };
        let err = Snapshot::from_json(&bad).unwrap_err().to_string();
        assert_clean("error message", &err, &c);
        let rerr = match report::verify(&bad) { Ok(v) => v.message, Err(e) => e.to_string() };
        assert_clean("verify message", &rerr, &c);
    }
}
