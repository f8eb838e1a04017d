//! The diagnosis speaks to two audiences (issue 13): the person at the
//! keyboard (`user_move`, `user_wait_s`, `evidence[].plain`) and the
//! administrator (`admin_move`). Reports made before these fields existed
//! still read and verify.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod common;

use auth_triage::{classify, report, Catalogs, FailureType, Snapshot, Verdict};

fn diagnose(case: &str) -> auth_triage::Diagnosis {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let snap = Snapshot::from_json(
        &std::fs::read_to_string(dir.join(case).join("snapshot.json")).unwrap(),
    )
    .unwrap();
    classify(&snap, &Catalogs::new(&[]))
}

#[test]
fn reports_made_before_the_two_audiences_still_verify() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/old-reports");
    for name in ["healthy-login-v1.md", "mfa-rate-limited-429-v1.json"] {
        let text = std::fs::read_to_string(dir.join(name)).unwrap();
        let v = report::verify(&text).unwrap();
        assert!(v.intact, "{name}: {}", v.message);
        let r = v.report.unwrap();
        assert!(r.diagnosis.user_move.is_none() && r.diagnosis.admin_move.is_none());
        // Old reports said "product" for a page without a failure; that
        // still reads.
        assert!(matches!(
            r.diagnosis.verdict,
            Verdict::Product | Verdict::Deployment
        ));
        assert!(r.diagnosis.evidence.iter().all(|e| e.plain.is_none()));
        // A one-character edit of the old view is still caught.
        let edited = text.replacen("confidence", "confidencx", 1);
        assert!(!report::verify(&edited).map(|v| v.intact).unwrap_or(false));
    }
}

#[test]
fn every_fixture_speaks_to_both_audiences() {
    for case in common::cases() {
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        let d = diagnose(&name);
        let user = d.user_move.as_deref().unwrap_or_default();
        let admin = d.admin_move.as_deref().unwrap_or_default();
        assert!(!user.is_empty() && !admin.is_empty(), "{name}");
        // The user is never asked to change what only an operator can.
        for word in ["NTP", "proxy", "X-Forwarded", "Domain=", "upstream"] {
            assert!(
                !user.contains(word),
                "{name}: user_move says {word}: {user}"
            );
        }
        // The administrator is told what to send.
        assert!(admin.contains("published URL"), "{name}: {admin}");
        if let Some(c) = &d.safe_code {
            assert!(admin.contains(c.as_str()), "{name}: {admin}");
        }
        for e in &d.evidence {
            let p = e.plain.as_deref().unwrap_or_default();
            assert!(!p.is_empty(), "{name}: {}", e.rule);
            assert!(!p.contains(e.rule.id()), "{name}: rule id in {p}");
        }
        // The calm state: no verdict for a page without one of the four.
        assert_eq!(
            d.verdict == Verdict::None,
            d.failure_type == FailureType::Unclassified,
            "{name}"
        );
    }
}

#[test]
fn the_moves_fit_the_case() {
    let d = diagnose("mfa-rate-limited-429");
    assert_eq!(d.user_wait_s, Some(120));
    assert!(d
        .user_move
        .unwrap()
        .starts_with("Wait 2 minutes, then ask for a new code"));
    let d = diagnose("mfa-rate-limited-cooldown");
    assert!(d.user_wait_s.is_some(), "{:?}", d.user_move);

    let d = diagnose("mfa-invalid-code-clock-skew");
    let user = d.user_move.unwrap();
    assert!(user.contains("server clock is off"), "{user}");
    assert!(d.admin_move.unwrap().contains("sync the clocks (NTP)"));

    let d = diagnose("mfa-invalid-code");
    assert!(d.user_move.unwrap().contains("newest code"));

    let d = diagnose("healthy-login");
    assert_eq!(d.verdict, Verdict::None);
    assert_eq!(d.headline, "No sign-in failure seen on this page");
    assert!(d
        .user_move
        .unwrap()
        .starts_with("Nothing here needs fixing"));

    let d = diagnose("wrong-password-on-login");
    assert!(d.user_move.unwrap().contains("username and password"));

    let d = diagnose("clock-local-off");
    assert!(d.user_move.unwrap().contains("This computer's clock"));

    let d = diagnose("cookie-bloat-400");
    assert!(d
        .user_move
        .unwrap()
        .contains("Clear the cookies for this site only"));
}
