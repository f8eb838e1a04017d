//! The translated corpus (`tests/corpus/translated/<lang>.jsonl`, described
//! in `tests/corpus/translated/README.md`): the English strings of
//! `../shared/corpus/dev.jsonl`, translated by us into the eleven other
//! languages, two wordings where a translator could choose. These are not
//! products' strings: they stand in for the localized files of the products
//! whose English we have, which we may not read (the blind measurement uses
//! them). Every entry goes in the three pages of `corpus_lang.rs` and once as
//! bare text; the test prints macro-F1 per language and asserts the blind
//! target, >= 0.90, in each.
//!
//! It calls the core in process (the CLI's own path: `in_process.rs`), not
//! the binary: thousands of cases.

// Test code: a panic is a failed check.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::{json, Value};

mod in_process;
mod lang_pages;
use in_process::diagnose;
use lang_pages::{macro_f1, pages, predicted, LABELS};

/// The blind measurement's target, per language.
const TARGET: f64 = 0.90;

fn classify(snap: &Value) -> String {
    predicted(&diagnose(snap))
}

/// The entries of every `*.jsonl` in `tests/corpus/<sub>` (not below it).
fn entries(sub: &str) -> Vec<Value> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/corpus")
        .join(sub);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for f in files {
        let src = std::fs::read_to_string(&f).unwrap();
        for (i, l) in src.lines().enumerate() {
            if l.trim().is_empty() {
                continue;
            }
            let e: Value = serde_json::from_str(l)
                .unwrap_or_else(|err| panic!("{}:{}: {err}", f.display(), i + 1));
            for k in ["id", "lang", "from", "text", "label"] {
                assert!(
                    e[k].is_string(),
                    "{}:{}: no string {k:?}",
                    f.display(),
                    i + 1
                );
            }
            out.push(e);
        }
    }
    out
}

/// Macro-F1 per language over `entries` in the three pages and as bare
/// text, printed under `title` with the misses. Returns the languages under
/// the target.
fn measure(title: &str, entries: &[Value]) -> Vec<String> {
    /// (gold, predicted) label pairs
    type Pairs = Vec<(String, String)>;
    // lang -> (page pairs, bare pairs, doubtful as labelled, doubtful)
    let mut by_lang: BTreeMap<String, (Pairs, Pairs, usize, usize)> = BTreeMap::new();
    let mut misses = Vec::new();
    for e in entries {
        let lang = e["lang"].as_str().unwrap().to_owned();
        let text = e["text"].as_str().unwrap();
        let gold = e["label"].as_str().unwrap().to_owned();
        assert!(
            LABELS.contains(&gold.as_str()),
            "{}: label {gold:?}",
            e["id"]
        );
        let doubtful = e["doubtful"].as_bool().unwrap_or(false);
        let t = by_lang.entry(lang.clone()).or_default();
        for (ctx, snap) in pages(&lang, text) {
            let pred = classify(&snap);
            if doubtful {
                t.3 += 1;
                t.2 += usize::from(pred == gold);
                continue;
            }
            if pred != gold {
                misses.push(format!(
                    "{lang} {ctx} {}: want {gold} got {pred} | {text}",
                    e["id"]
                ));
            }
            t.0.push((gold.clone(), pred));
        }
        if doubtful {
            continue;
        }
        let pred =
            classify(&json!({"url": "https://id.example.org/login", "page": {"text": text}}));
        if pred != gold {
            misses.push(format!(
                "{lang} bare {}: want {gold} got {pred} | {text}",
                e["id"]
            ));
        }
        t.1.push((gold, pred));
    }
    println!("\n== {title}: {} entries", entries.len());
    println!("  lang     n  pages-F1  bare-F1  doubtful-as-labelled");
    let mut failing = Vec::new();
    for (lang, (p, b, dr, d)) in &by_lang {
        let (f1, bf1) = (macro_f1(p), macro_f1(b));
        println!(
            "  {lang:<7} {:>3}  {f1:>8.3}  {bf1:>7.3}  {dr}/{d}",
            b.len()
        );
        if f1 < TARGET || bf1 < TARGET {
            failing.push(format!("{lang} {f1:.3}/{bf1:.3}"));
        }
    }
    for m in &misses {
        println!("  miss: {m}");
    }
    failing
}

#[test]
fn translated_corpus_per_language() {
    let entries = entries("translated");
    assert!(!entries.is_empty(), "no translated entries");
    let failing = measure("translated corpus", &entries);
    assert!(
        failing.is_empty(),
        "macro-F1 below {TARGET} in: {failing:?}"
    );
}

/// Wordings written later by translators who had not seen the lexicons, the
/// rules or the wordings above (`translated/blind/README.md`). Printed apart
/// and not held to the target: their first run is the figure that says how
/// the lexicons meet a translator they were not written from.
#[test]
fn blind_wordings_per_language() {
    let entries = entries("translated/blind");
    let langs: std::collections::BTreeSet<_> = entries
        .iter()
        .map(|e| e["lang"].as_str().unwrap())
        .collect();
    for l in &langs {
        let known = pages(l, "x");
        assert_eq!(known.len(), 3, "{l}: no pages");
    }
    let below = measure("blind wordings of the translated corpus", &entries);
    println!("  under {TARGET}: {below:?}");
}
