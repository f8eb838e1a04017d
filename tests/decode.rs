//! The core's JSON reader (`src/json.rs`) against serde's derived decoders:
//! every fixture snapshot, report and catalog, and thousands of one-character
//! edits of them, must be accepted or refused alike, and read to the same
//! value. Run with `--features serde-reference` (`./build.sh test` does);
//! without the feature there is no reference to compare with.
#![cfg(feature = "serde-reference")]
// Test code: a panic is a failed check.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod common;

use std::fmt::Debug;

use auth_triage::codes::Catalog;
use auth_triage::diagnosis::Diagnosis;
use auth_triage::json::{self, FromJson};
use auth_triage::report::Report;
use auth_triage::Snapshot;
use serde::de::DeserializeOwned;

/// Both readers on one text: same verdict, same value.
fn same<T: FromJson + DeserializeOwned + PartialEq + Debug>(text: &str, what: &str) -> bool {
    let ours = json::from_str::<T>(text);
    let reference = serde_json::from_str::<T>(text);
    match (&ours, &reference) {
        (Ok(a), Ok(b)) => assert_eq!(a, b, "{what}: read differently"),
        (Err(_), Err(_)) => {}
        // Deliberate: serde also reads a struct from an array of its fields
        // in order; the documented formats are objects, and so is ours.
        (Err(e), Ok(_)) if e.to_string().contains("expected an object, found an array") => {}
        _ => panic!(
            "{what}: ours {:?}, serde {:?}\n{text}",
            ours.as_ref().map(|_| "ok").map_err(ToString::to_string),
            reference
                .as_ref()
                .map(|_| "ok")
                .map_err(ToString::to_string)
        ),
    }
    ours.is_ok()
}

/// Edits at `n` spread positions, each with every replacement in `with`.
fn edits(text: &str, n: usize, with: &[&str]) -> Vec<String> {
    let idx: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    let mut out = Vec::new();
    for k in 0..n.min(idx.len()) {
        let at = idx[k * idx.len() / n.min(idx.len())];
        let len = text[at..].chars().next().map_or(0, char::len_utf8);
        for w in with {
            out.push(format!("{}{}{}", &text[..at], w, &text[at + len..]));
        }
    }
    out
}

/// Replacements that hit the grammar, the types and the field names.
const WITH: &[&str] = &[
    "",
    "x",
    "\"",
    "0",
    "-",
    ".",
    "e",
    "1.5",
    ",",
    ":",
    "{",
    "}",
    "[",
    "]",
    "null",
    "true",
    " ",
    "\\",
    "\\u",
    "\"\"",
    "9999999999",
    "-1",
];

fn check<T: FromJson + DeserializeOwned + PartialEq + Debug>(
    text: &str,
    what: &str,
) -> (usize, usize) {
    assert!(same::<T>(text, what), "{what}: not read");
    let mut accepted = 0;
    let all = edits(text, 120, WITH);
    for (i, e) in all.iter().enumerate() {
        if same::<T>(e, &format!("{what} edit {i}")) {
            accepted += 1;
        }
    }
    (all.len(), accepted)
}

#[test]
fn fixtures_read_alike() {
    let (mut n, mut ok) = (0, 0);
    for case in common::cases() {
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        let snap = std::fs::read_to_string(case.join("snapshot.json")).unwrap();
        let (a, b) = check::<Snapshot>(&snap, &format!("{name}/snapshot.json"));
        let report = std::fs::read_to_string(case.join("report.json")).unwrap();
        let (c, d) = check::<Report>(&report, &format!("{name}/report.json"));
        let diag = std::fs::read_to_string(case.join("diagnosis.json")).unwrap();
        assert!(same::<Diagnosis>(&diag, &format!("{name}/diagnosis.json")));
        n += a + c;
        ok += b + d;
    }
    // Both outcomes are exercised, not only refusals.
    assert!(ok > n / 20 && ok < n, "{ok} of {n} edits accepted");
    eprintln!("{n} edited snapshots and reports, {ok} accepted by both readers");
}

#[test]
fn catalogs_read_alike() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("catalogs");
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        check::<Catalog>(&text, &path.display().to_string());
    }
}

#[test]
fn hand_picked_cases_read_alike() {
    let url = r#""url":"https://a.example/""#;
    for body in [
        "",
        r#","page":null"#,
        r#","page":{"status":null}"#,
        r#","page":{"status":-0}"#,
        r#","page":{"status":1e2}"#,
        r#","page":{"status":65536}"#,
        r#","page":{"status":123456789012345678901234567890}"#,
        r#","schema_version":1,"schema_version":1"#,
        r#","cookies":[{"name":"a","domain":"a","same_site":"no_restriction"}]"#,
        r#","cookies":[{"name":"a","domain":"a","same_site":"Lax"}]"#,
        r#","cookies":[{"name":"a","domain":"a","path":null}]"#,
        r#","trail":[{"url":"https://a/","type":"fetch","request_cookie_names":null}]"#,
        r#","trail":[{"url":"https://a/","received_ms":-9223372036854775808}]"#,
        r#","trail":[{"url":"https://a/","received_ms":9223372036854775808}]"#,
        r#","env":{"now_ms":1.0}"#,
        r#","env":{"browser":{"name":"x","version":"1","extra":1}}"#,
        r#","page":{"text":"\ud83d\ude00 \u00e9 \n"}"#,
        r#","page":{"text":"\ud83d"}"#,
        r#","page":{"text":"\udc00\ud800"}"#,
        r#","page":[null, "", "text"]"#,
    ] {
        same::<Snapshot>(&format!("{{{url}{body}}}"), body);
        same::<Snapshot>(&format!(" \n{{{url}{body}}}\t\r\n"), body);
    }
}
