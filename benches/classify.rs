//! `cargo bench --bench classify`: classification (and report) time for a
//! typical snapshot and for growing worst cases. Prints figures; asserts
//! nothing about time (machines differ), so it never flakes a test run.

// Test and benchmark code: a panic is a failed check, so unwrap and indexing are fine here.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::hint::black_box;
use std::time::{Duration, Instant};

use auth_triage::snapshot::{Cookie, Page, SameSite, Snapshot, TrailEvent};
use auth_triage::{classify, Catalogs};

const NOW: i64 = 1_795_000_000_000;

fn text_of(bytes: usize) -> String {
    let para =
        "Nanami\nTwo-step verification\nEnter the 6-digit code from your authenticator app. \
Didn't receive a code? Resend code. Use a recovery code instead. Forgot your password? \
Terms of service. Privacy policy. Help centre. Status page. Contact support.\n";
    let mut s = String::with_capacity(bytes + para.len());
    s.push_str("Invalid authenticator code. Please try again.\n");
    while s.len() < bytes {
        s.push_str(para);
    }
    s
}

pub fn snapshot(text_bytes: usize, cookies: usize, trail: usize) -> Snapshot {
    let date =
        |ms: i64| httpdate::fmt_http_date(std::time::UNIX_EPOCH + Duration::from_millis(ms as u64));
    Snapshot {
        schema_version: Some(1),
        url: "https://nanami.example.org/login/mfa?flow=3fa85f64-5717-4562-b3fc-2c963f66afa6"
            .into(),
        page: Page {
            status: Some(400),
            title: "Two-step verification".into(),
            text: text_of(text_bytes),
            alerts: vec!["Invalid authenticator code. Please try again.".into()],
            ..Default::default()
        },
        cookies: (0..cookies)
            .map(|i| Cookie {
                name: if i == 0 {
                    "__Host-nanami_session".into()
                } else {
                    format!("pref_{i}")
                },
                domain: if i % 3 == 0 {
                    "nanami.example.org".into()
                } else {
                    ".example.org".into()
                },
                host_only: i % 3 == 0,
                path: "/".into(),
                secure: true,
                http_only: i % 2 == 0,
                same_site: SameSite::Lax,
                session: i % 5 == 0,
                expires_ms: Some(NOW + 86_400_000),
                value_len: 24,
                ..Default::default()
            })
            .collect(),
        trail: (0..trail)
            .map(|i| {
                let t = NOW - 300_000 + i as i64 * 500;
                TrailEvent {
                    url: format!("https://nanami.example.org/api/items/{}?page={}", i % 40, i),
                    method: "GET".into(),
                    kind: if i % 10 == 0 {
                        "main_frame".into()
                    } else {
                        "xmlhttprequest".into()
                    },
                    status: Some(200),
                    set_cookie: if i % 7 == 0 {
                        vec!["pref=; Path=/; Secure; SameSite=Lax".into()]
                    } else {
                        vec![]
                    },
                    request_cookie_names: Some(vec!["__Host-nanami_session".into()]),
                    date: Some(date(t)),
                    received_ms: Some(t + 40),
                    ..Default::default()
                }
            })
            .collect(),
        env: auth_triage::snapshot::Env {
            published_urls: vec!["https://nanami.example.org".into()],
            now_ms: Some(NOW),
            ..Default::default()
        },
    }
}

fn median(mut f: impl FnMut(), runs: usize) -> Duration {
    f(); // warm up (lexicon and catalogs are built once per process)
    let mut v: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    v.sort();
    v[v.len() / 2]
}

fn main() {
    let cats = Catalogs::new(&[]);
    println!("classification time, median (native, release)");
    let typical = snapshot(100 * 1024, 200, 300);
    let json = serde_json::to_string(&typical).unwrap();
    let d = median(
        || {
            black_box(classify(black_box(&typical), &cats));
        },
        200,
    );
    println!(
        "  typical: 100 KB text, 200 cookies, 300 trail events: {:>9.3} ms",
        d.as_secs_f64() * 1e3
    );
    let dp = median(
        || {
            black_box(Snapshot::from_json(black_box(&json)).unwrap());
        },
        200,
    );
    println!(
        "  typical, JSON parse + checks ({} KB):             {:>9.3} ms",
        json.len() / 1024,
        dp.as_secs_f64() * 1e3
    );
    report_bench(&typical, &cats);
    println!("growth (text MB, cookies): time, time per MB");
    for (mb, cookies) in [(1usize, 600usize), (2, 1200), (5, 3000)] {
        let s = snapshot(mb * 1024 * 1024, cookies, 300);
        let d = median(
            || {
                black_box(classify(black_box(&s), &cats));
            },
            7,
        );
        println!(
            "  {mb} MB, {cookies:>4} cookies: {:>9.1} ms  ({:.1} ms/MB)",
            d.as_secs_f64() * 1e3,
            d.as_secs_f64() * 1e3 / mb as f64
        );
    }
}

fn report_bench(s: &Snapshot, cats: &Catalogs) {
    let d = classify(s, cats);
    let t = median(
        || {
            black_box(auth_triage::report::build(black_box(s), &d, &cats.versions));
        },
        200,
    );
    let r = auth_triage::report::build(s, &d, &cats.versions);
    let tm = median(
        || {
            black_box(auth_triage::report::to_markdown(black_box(&r)));
        },
        200,
    );
    let md = auth_triage::report::to_markdown(&r);
    let tv = median(
        || {
            black_box(auth_triage::report::verify(black_box(&md)).unwrap());
        },
        200,
    );
    let total = median(
        || {
            let d = classify(s, cats);
            let r = auth_triage::report::build(s, &d, &cats.versions);
            black_box(auth_triage::report::to_markdown(&r));
        },
        100,
    );
    println!(
        "  typical report build:                             {:>9.3} ms",
        t.as_secs_f64() * 1e3
    );
    println!(
        "  typical report Markdown render:                   {:>9.3} ms",
        tm.as_secs_f64() * 1e3
    );
    println!(
        "  typical classify + report + Markdown:             {:>9.3} ms",
        total.as_secs_f64() * 1e3
    );
    println!(
        "  typical verify (Markdown):                        {:>9.3} ms",
        tv.as_secs_f64() * 1e3
    );
    println!(
        "  typical report size: Markdown {} bytes, JSON {} bytes",
        md.len(),
        serde_json::to_string(&r).unwrap().len()
    );
}
