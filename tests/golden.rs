//! Golden scenario fixtures: `tests/fixtures/<case>/` holds a realistic
//! `snapshot.json`, a hand-written `expect.json` (the facts that must hold)
//! and the full `diagnosis.json` as last approved. Set `UPDATE_GOLDEN=1` to
//! rewrite the goldens after a deliberate change, then review the diff.

// Test and benchmark code: a panic is a failed check, so unwrap and indexing are fine here.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod common;

use common::cases;

use auth_triage::{classify, Catalogs, Snapshot};
use serde_json::Value;

fn rules(d: &Value) -> Vec<String> {
    d["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["rule"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn every_fixture_meets_its_expectations_and_golden() {
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let cats = Catalogs::new(&[]);
    let mut failures = Vec::new();
    let all = cases();
    assert!(all.len() >= 30, "fixtures missing");
    for case in &all {
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        let snap =
            Snapshot::from_json(&std::fs::read_to_string(case.join("snapshot.json")).unwrap())
                .unwrap_or_else(|e| panic!("{name}: {e}"));
        // Through text, as the CLI prints it (f32 weights print short).
        let text = serde_json::to_string_pretty(&classify(&snap, &cats)).unwrap() + "\n";
        let d: Value = serde_json::from_str(&text).unwrap();
        let expect: Value =
            serde_json::from_str(&std::fs::read_to_string(case.join("expect.json")).unwrap())
                .unwrap();
        let mut fail = |msg: String| failures.push(format!("{name}: {msg}"));
        for key in [
            "failure_type",
            "verdict",
            "safe_code",
            "shown_as",
            "retry_after_s",
        ] {
            if let Some(want) = expect.get(key) {
                let got = d.get(key).cloned().unwrap_or(Value::Null);
                if &got != want {
                    fail(format!("{key}: want {want}, got {got}"));
                }
            }
        }
        if let Some(want) = expect.get("not_seen") {
            let got = d.get("not_seen").cloned().unwrap_or(Value::Array(vec![]));
            if &got != want {
                fail(format!("not_seen: want {want}, got {got}"));
            }
        }
        if let Some(max) = expect.get("confidence_max").and_then(Value::as_f64) {
            let got = d["confidence"].as_f64().unwrap();
            if got > max {
                fail(format!("confidence {got} above {max}"));
            }
        }
        let causes: Vec<&str> = d["causes"]
            .as_array()
            .map(|a| a.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        for c in expect["causes_include"].as_array().into_iter().flatten() {
            if !causes.contains(&c.as_str().unwrap()) {
                fail(format!("cause {c} missing (got {causes:?})"));
            }
        }
        let rs = rules(&d);
        for r in expect["rules_include"].as_array().into_iter().flatten() {
            if !rs.iter().any(|x| x == r.as_str().unwrap()) {
                fail(format!("rule {r} missing (got {rs:?})"));
            }
        }
        for r in expect["rules_exclude"].as_array().into_iter().flatten() {
            if rs.iter().any(|x| x == r.as_str().unwrap()) {
                fail(format!("rule {r} present but must not be"));
            }
        }
        let golden = case.join("diagnosis.json");
        if update {
            std::fs::write(&golden, &text).unwrap();
        } else {
            match std::fs::read_to_string(&golden) {
                Ok(g) if g == text => {}
                Ok(_) => {
                    fail("diagnosis differs from diagnosis.json (UPDATE_GOLDEN=1 to accept)".into())
                }
                Err(_) => fail("diagnosis.json missing (UPDATE_GOLDEN=1 to create)".into()),
            }
        }
    }
    println!("{} fixtures checked", all.len());
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// Every fixture read as a page-only popup reads it (no cookies, no trail,
/// `env.host_access: page_only`): no failure type is misreported because
/// evidence is missing. No cookie, trail or clock rule fires; a deployment
/// verdict is given only where the full evidence gives one too; where the
/// type agrees, the confidence is lower; and what was not seen is said.
#[test]
fn page_only_never_claims_what_it_did_not_see() {
    use auth_triage::diagnosis::Unseen;
    use auth_triage::snapshot::HostAccess;
    use auth_triage::Verdict;
    let cats = Catalogs::new(&[]);
    let mut failures = Vec::new();
    let mut n = 0;
    for case in cases() {
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        let full =
            Snapshot::from_json(&std::fs::read_to_string(case.join("snapshot.json")).unwrap())
                .unwrap();
        let mut page = full.clone();
        page.cookies.clear();
        page.trail.clear();
        page.env.host_access = Some(HostAccess::PageOnly);
        let f = classify(&full, &cats);
        let p = classify(&page, &cats);
        n += 1;
        if p.not_seen != [Unseen::Cookies, Unseen::Trail] {
            failures.push(format!("{name}: not_seen {:?}", p.not_seen));
        }
        for e in &p.evidence {
            if ["cookie.", "trail.", "clock."]
                .iter()
                .any(|k| e.rule.id().starts_with(k))
            {
                failures.push(format!("{name}: page only fired {}", e.rule));
            }
        }
        // A fixture that is page only already has no fuller evidence to compare with.
        let fuller = full.env.host_access != Some(HostAccess::PageOnly);
        if fuller && p.verdict == Verdict::Deployment && f.verdict != Verdict::Deployment {
            failures.push(format!(
                "{name}: page only says deployment, full evidence says {:?}",
                f.verdict
            ));
        }
        if fuller && p.failure_type == f.failure_type && p.confidence >= f.confidence {
            failures.push(format!(
                "{name}: page-only confidence {} not below {}",
                p.confidence, f.confidence
            ));
        }
        let md = auth_triage::diagnosis::render_text(&p);
        if !md.contains("Page only") {
            failures.push(format!("{name}: text does not say page only"));
        }
    }
    println!("{n} fixtures read page only");
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}
