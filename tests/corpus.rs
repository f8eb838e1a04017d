//! Runs every entry of the development corpus (`tests/corpus/dev.jsonl`, a
//! copy of `shared/corpus/dev.jsonl`) through the `auth-triage` CLI's
//! `classify` (in process: `in_process.rs`), inside
//! three realistic pages each (login form, MFA step, error page), and prints
//! macro-F1 and safe-code capture.
//!
//! The page a message is placed in does not depend on its label: every
//! message is tried in all three pages. How a code is shown depends only on
//! the product (its documented display), never on the label.

// Test and benchmark code: a panic is a failed check, so unwrap and indexing are fine here.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use serde_json::{json, Value};

mod in_process;
use in_process::diagnose;

const LABELS: [&str; 5] = [
    "mfa_invalid_code",
    "mfa_challenge_expired",
    "mfa_rate_limited",
    "session_proxy_cookie",
    "other",
];

#[derive(Clone, Copy, Debug)]
enum Context {
    LoginForm,
    MfaStep,
    ErrorPage,
}

fn fill_placeholders(t: &str) -> String {
    t.replace("%.2f", "1.50")
        .replace("%v", "30")
        .replace("%d", "42")
        .replace("%q", "\"https://evil.example/next\"")
        .replace("%s", "https://evil.example")
        .replace("{0}", "30")
        .replace(":seconds", "42")
}

/// The page a product would show for this entry, in the given context.
fn snapshot(e: &Value, ctx: Context) -> Option<Value> {
    let product = e["product"].as_str().unwrap_or("");
    let code = e["code"]
        .as_str()
        .filter(|_| e["code_shown"].as_bool() == Some(true));
    let text = e["text"].as_str().map(fill_placeholders);
    if code.is_none() && text.is_none() {
        return None; // nothing visible to the user
    }
    let mut url = "https://id.example.org/login".to_owned();
    let mut codes = Vec::new();
    let url_style = matches!(
        product,
        "Supabase Auth" | "Auth0" | "node-oidc-provider" | "OAuth2/OIDC spec"
    );
    let message: String = match (code, text.as_deref()) {
        (Some(c), t) if url_style => {
            let desc = t
                .map(|t| format!("&error_description={}", enc(t)))
                .unwrap_or_default();
            url = if product == "Supabase Auth" {
                format!("https://app.example.org/auth/callback#error=access_denied&error_code={c}{desc}")
            } else {
                format!("https://app.example.org/callback?error={c}{desc}&state=af0ifjsldkj")
            };
            t.map(str::to_owned)
                .unwrap_or_else(|| "Sign-in failed.".into())
        }
        (Some(c), t) if product == "Microsoft Entra ID" => match t {
            Some(t) => format!("{c}: {t}"),
            None => c.to_owned(),
        },
        (Some(c), t) if product == "Firebase Auth" => match t {
            Some(t) => format!("Firebase: {t} ({c})."),
            None => format!("Firebase: Error ({c})."),
        },
        (Some(c), t) if product == "AWS Cognito" => match t {
            Some(t) => format!("{c}: {t}"),
            None => c.to_owned(),
        },
        (Some(c), t) if product == "Ory Kratos" && c.bytes().all(|b| b.is_ascii_digit()) => {
            codes.push(json!({"source": "data-testid", "value": format!("ui/message/{c}")}));
            t.unwrap_or("").to_owned()
        }
        (Some(c), t) if product == "Ory Kratos" => {
            format!("{}\nError ID: {c}", t.unwrap_or("An error occurred."))
        }
        (Some(c), t) => format!("{}\nError code: {c}", t.unwrap_or("An error occurred.")),
        (None, Some(t)) => t.to_owned(),
        (None, None) => return None,
    };
    let status = e["http_status"].as_u64();
    let (title, body, forms, alerts) = match ctx {
        Context::LoginForm => (
            "Sign in".to_owned(),
            format!("Sign in to your account\nEmail address\nPassword\n{message}\nForgot your password?\nSign in\nDon't have an account? Sign up"),
            json!([{"action": "/login", "method": "post", "inputs": [
                {"name": "email", "type": "email", "autocomplete": "username"},
                {"name": "password", "type": "password", "autocomplete": "current-password"}]}]),
            json!([message]),
        ),
        Context::MfaStep => (
            "Two-step verification".to_owned(),
            format!("Two-step verification\nEnter the 6-digit code from your authenticator app.\n{message}\nVerification code\nVerify\nDidn't receive a code? Resend code\nUse a recovery code instead"),
            json!([{"action": "/login/mfa", "method": "post", "inputs": [
                {"name": "otp", "type": "text", "autocomplete": "one-time-code", "inputmode": "numeric", "maxlength": 6}]}]),
            json!([message]),
        ),
        Context::ErrorPage => (
            "Error".to_owned(),
            format!("{product}\nSomething went wrong\n{message}\nBack to sign in"),
            json!([]),
            json!([]),
        ),
    };
    let status = status.unwrap_or(match ctx {
        Context::ErrorPage => 400,
        _ => 200,
    });
    Some(json!({
        "schema_version": 1,
        "url": url,
        "page": {"status": status, "title": title, "text": body, "alerts": alerts, "forms": forms, "codes": codes},
        "env": {"now_ms": 1_795_000_000_000i64}
    }))
}

fn enc(s: &str) -> String {
    let mut o = String::new();
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                o.push(b as char)
            }
            b' ' => o.push('+'),
            _ => o.push_str(&format!("%{b:02X}")),
        }
    }
    o
}

/// Macro-F1 over the labels that occur (as gold or as prediction): a small
/// set with no rate-limit message neither gains nor loses by that class.
fn macro_f1(pairs: &[(String, String)]) -> (f64, Vec<(String, f64)>) {
    let mut per = Vec::new();
    let mut sum = 0.0;
    let mut counted = 0;
    for l in LABELS {
        let tp = pairs.iter().filter(|(g, p)| g == l && p == l).count() as f64;
        let fp = pairs.iter().filter(|(g, p)| g != l && p == l).count() as f64;
        let fneg = pairs.iter().filter(|(g, p)| g == l && p != l).count() as f64;
        if tp + fp + fneg == 0.0 {
            continue;
        }
        let f1 = 2.0 * tp / (2.0 * tp + fp + fneg);
        per.push((l.to_owned(), f1));
        sum += f1;
        counted += 1;
    }
    (sum / f64::from(counted.max(1)), per)
}

/// A code in no catalog and of no product-code shape: the popup offers it,
/// and the user's consent brings it into the diagnosis.
fn offered(snap: &Value, code: &Value) -> bool {
    let mut with = snap.clone();
    with["page"]["included_codes"] = serde_json::json!([code]);
    diagnose(&with)["safe_code"].as_str() == code.as_str()
}

#[test]
fn corpus_macro_f1_and_safe_codes() {
    let src = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/corpus/dev.jsonl"
    ))
    .unwrap();
    let entries: Vec<Value> = src
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let mut pairs_all = Vec::new();
    let mut pairs_by_ctx: Vec<(Context, Vec<(String, String)>)> = Vec::new();
    let (mut code_cases, mut code_ok, mut code_offered) = (0, 0, 0);
    let mut skipped = 0;
    let mut misses = Vec::new();
    for ctx in [Context::LoginForm, Context::MfaStep, Context::ErrorPage] {
        let mut pairs = Vec::new();
        for e in &entries {
            let Some(snap) = snapshot(e, ctx) else {
                skipped += 1;
                continue;
            };
            let d = diagnose(&snap);
            let pred = match d["failure_type"].as_str().unwrap() {
                "unclassified" => "other",
                t => t,
            }
            .to_owned();
            let gold = e["label"].as_str().unwrap().to_owned();
            let doubtful = e["doubtful"].as_bool().unwrap_or(false);
            if e["code_shown"].as_bool() == Some(true) && !doubtful {
                code_cases += 1;
                if d["safe_code"].as_str() == e["code"].as_str() {
                    code_ok += 1;
                } else if offered(&snap, &e["code"]) {
                    code_offered += 1;
                    misses.push(format!(
                        "{ctx:?} {} code {:?}: offered for consent",
                        e["id"], e["code"]
                    ));
                } else {
                    misses.push(format!(
                        "{ctx:?} {} code: want {:?} got {:?}",
                        e["id"], e["code"], d["safe_code"]
                    ));
                }
            }
            if doubtful {
                continue;
            }
            if gold != pred {
                misses.push(format!(
                    "{ctx:?} {}: want {gold} got {pred} | {:?}",
                    e["id"],
                    e["text"].as_str().unwrap_or("")
                ));
            }
            pairs.push((gold, pred));
        }
        pairs_all.extend(pairs.iter().cloned());
        pairs_by_ctx.push((ctx, pairs));
    }
    println!(
        "\n== corpus: {} entries x 3 pages; {} page renderings skipped (nothing visible)",
        entries.len(),
        skipped
    );
    for (ctx, pairs) in &pairs_by_ctx {
        let (f1, _) = macro_f1(pairs);
        println!(
            "  {ctx:?}: macro-F1 {f1:.3} over {} non-doubtful",
            pairs.len()
        );
    }
    let (f1, per) = macro_f1(&pairs_all);
    for (l, v) in &per {
        println!("  F1 {l:<24} {v:.3}");
    }
    let code_rate = code_ok as f64 / code_cases.max(1) as f64;
    println!("  macro-F1 overall: {f1:.3}");
    println!(
        "  safe_code equal to the shown code: {code_ok}/{code_cases} = {:.1}% captured; {code_offered} more offered for the user's consent",
        code_rate * 100.0
    );
    for m in &misses {
        println!("  miss: {m}");
    }
    // The same messages with no code at all, as the bare minimal snapshot:
    // what the language model alone does, without any catalog.
    let mut text_pairs = Vec::new();
    for e in entries
        .iter()
        .filter(|e| e["doubtful"].as_bool() != Some(true))
    {
        let Some(t) = e["text"].as_str() else {
            continue;
        };
        let snap =
            json!({"url": "https://id.example.org/login", "page": {"text": fill_placeholders(t)}});
        let d = diagnose(&snap);
        let pred = match d["failure_type"].as_str().unwrap() {
            "unclassified" => "other",
            t => t,
        }
        .to_owned();
        text_pairs.push((e["label"].as_str().unwrap().to_owned(), pred));
    }
    let (tf1, _) = macro_f1(&text_pairs);
    println!(
        "  text only (no code, no page, no status): macro-F1 {tf1:.3} over {} messages",
        text_pairs.len()
    );
    // A small held-out set of messages from products that are not in the
    // development corpus (tests/corpus/heldout.jsonl). Written from memory of
    // those products while the lexicon was being reviewed, so not a blind measure.
    let hf1 = text_only_set("heldout.jsonl", "held-out products (text only)");
    // Messages taken from the sources of products in neither set
    // (tests/corpus/fresh.jsonl, tests/corpus/fresh.md): blind on its first run.
    let ff1 = text_only_set("fresh.jsonl", "fresh products (text only)");
    // German messages of three products, for the German lexicon (lexicon/de.json).
    let df1 = text_only_set("fresh-de.jsonl", "fresh German messages (text only)");
    // Messages of Keycloak, Ory Kratos and Firebase that dev.jsonl does not
    // hold: known products, unseen words.
    let kf1 = text_only_set("fresh-known.jsonl", "unseen messages of known products");
    assert!(hf1 >= 0.9, "held-out macro-F1 {hf1:.3} below 0.9");
    assert!(ff1 >= 0.9, "fresh macro-F1 {ff1:.3} below 0.9");
    assert!(df1 >= 0.9, "German macro-F1 {df1:.3} below 0.9");
    assert!(
        kf1 >= 0.9,
        "unseen known-product macro-F1 {kf1:.3} below 0.9"
    );
    assert!(tf1 >= 0.85, "text-only macro-F1 {tf1:.3} below 0.85");
    assert!(f1 >= 0.95, "macro-F1 {f1:.3} below 0.95");
    assert!(
        code_rate >= 0.98,
        "safe code capture {code_rate:.3} below 0.98"
    );
}

/// Every message of `tests/corpus/<file>` as bare text on a login page: prints
/// macro-F1 over the entries not marked doubtful and each miss, and returns it.
fn text_only_set(file: &str, what: &str) -> f64 {
    let path = format!("{}/tests/corpus/{file}", env!("CARGO_MANIFEST_DIR"));
    let src = std::fs::read_to_string(&path).unwrap();
    let mut pairs = Vec::new();
    let mut doubtful_hits = (0, 0);
    for l in src.lines().filter(|l| !l.trim().is_empty()) {
        let e: Value = serde_json::from_str(l).unwrap();
        let d =
            diagnose(&json!({"url": "https://id.example.org/login", "page": {"text": e["text"]}}));
        let pred = match d["failure_type"].as_str().unwrap() {
            "unclassified" => "other",
            t => t,
        }
        .to_owned();
        let gold = e["label"].as_str().unwrap().to_owned();
        if e["doubtful"].as_bool() == Some(true) {
            doubtful_hits.1 += 1;
            if gold == pred {
                doubtful_hits.0 += 1;
            }
            continue;
        }
        if gold != pred {
            println!("  {what} miss {}: want {gold} got {pred}", e["id"]);
        }
        pairs.push((gold, pred));
    }
    let (f1, _) = macro_f1(&pairs);
    println!(
        "  {what}: macro-F1 {f1:.3} over {} messages; doubtful ones as labelled: {}/{}",
        pairs.len(),
        doubtful_hits.0,
        doubtful_hits.1
    );
    f1
}
