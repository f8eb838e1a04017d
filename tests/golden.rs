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
