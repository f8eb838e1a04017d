//! Reports of every scenario fixture: golden Markdown and JSON, `verify`
//! accepts them, and rejects each after any one-character edit.

// Test and benchmark code: a panic is a failed check, so unwrap and indexing are fine here.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod common;

use common::cases;
use std::path::Path;

use auth_triage::report::{self, Report};
use auth_triage::{classify, Catalogs, Snapshot};

fn build(case: &Path) -> Report {
    let snap =
        Snapshot::from_json(&std::fs::read_to_string(case.join("snapshot.json")).unwrap()).unwrap();
    let cats = Catalogs::new(&[]);
    report::triage(&snap, &cats).1
}

fn check_golden(path: &Path, text: &str, failures: &mut Vec<String>) {
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(path, text).unwrap();
    } else if std::fs::read_to_string(path).ok().as_deref() != Some(text) {
        failures.push(format!(
            "{} differs (UPDATE_GOLDEN=1 to accept)",
            path.display()
        ));
    }
}

/// Positions spread over the text, on characters that are not white space.
fn edit_positions(s: &str, n: usize) -> Vec<usize> {
    let idx: Vec<usize> = s
        .char_indices()
        .filter(|(_, c)| !c.is_whitespace())
        .map(|(i, _)| i)
        .collect();
    (0..n).map(|k| idx[k * idx.len() / n]).collect()
}

fn one_char_edit(s: &str, at: usize) -> String {
    let c = s[at..].chars().next().unwrap();
    let r = if c == 'x' { 'y' } else { 'x' };
    format!("{}{}{}", &s[..at], r, &s[at + c.len_utf8()..])
}

#[test]
fn goldens_verify_and_one_char_edits_are_caught() {
    let mut failures = Vec::new();
    let mut edits = 0;
    for case in cases() {
        let r = build(&case);
        let md = report::to_markdown(&r);
        let json = serde_json::to_string_pretty(&r).unwrap() + "\n";
        check_golden(&case.join("report.md"), &md, &mut failures);
        check_golden(&case.join("report.json"), &json, &mut failures);
        for (kind, text) in [("markdown", &md), ("json", &json)] {
            let v = report::verify(text).unwrap();
            if !v.intact {
                failures.push(format!(
                    "{}: {kind} not intact: {}",
                    case.display(),
                    v.message
                ));
            }
            for at in edit_positions(text, 40) {
                edits += 1;
                let edited = one_char_edit(text, at);
                if let Ok(v) = report::verify(&edited) {
                    if v.intact {
                        failures.push(format!(
                            "{}: {kind} edit at byte {at} not detected",
                            case.display()
                        ));
                    }
                }
            }
        }
    }
    println!("{edits} one-character edits tried");
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn pasted_reports_survive_ticket_whitespace() {
    let r = build(&cases()[0]);
    let md = report::to_markdown(&r).replace('\n', "\r\n");
    let md = format!("\n\n{}   \n\n", md.replace("|\r\n", "|  \r\n"));
    assert!(report::verify(&md).unwrap().intact);
}

/// Wrap lines longer than 76 characters at their last space before the
/// limit, as a mail client does (a word longer than the line stays whole),
/// keeping the space at the end of the line or dropping it.
fn mail_wrap(text: &str, keep_space: bool) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let mut rest = line;
        while rest.chars().count() > 76 {
            let head: String = rest.chars().take(76).collect();
            let Some(cut) = head.rfind(' ').filter(|&c| c > 0) else {
                // No space within the limit: the line runs on to its next space.
                match rest.find(' ') {
                    Some(c) => {
                        out.push_str(&rest[..c + usize::from(keep_space)]);
                        out.push('\n');
                        rest = &rest[c + 1..];
                        continue;
                    }
                    None => break,
                }
            };
            out.push_str(&rest[..cut + usize::from(keep_space)]);
            out.push('\n');
            rest = &rest[cut + 1..];
        }
        out.push_str(rest);
        out.push('\n');
    }
    out
}

/// How people pass a report on: a note above and below it in a mail or a
/// ticket, quoted by a reply (once or twice), indented as a code block,
/// wrapped by a mail client.
/// Each is still the intact report; an edit inside it is still caught.
#[test]
fn reports_inside_mails_and_quotes_verify() {
    type Wrap = fn(&str) -> String;
    let wraps: [(&str, Wrap); 8] = [
        ("mail-wrapped, spaces kept (format=flowed)", |md| {
            mail_wrap(md, true)
        }),
        ("mail-wrapped, spaces dropped", |md| mail_wrap(md, false)),
        ("mail-wrapped and quoted", |md| {
            mail_wrap(md, true)
                .lines()
                .map(|l| format!("> {l}\n"))
                .collect()
        }),
        ("note around", |md| {
            format!("Hi support, my report:\n\n{md}\n\nThanks, Ana\n")
        }),
        ("quoted", |md| {
            let q: Vec<String> = md
                .lines()
                .map(|l| format!("> {l}").trim_end().to_owned())
                .collect();
            format!("On Monday Ana wrote:\n{}\n\nLooking into it.", q.join("\n"))
        }),
        ("quoted twice", |md| {
            md.lines().map(|l| format!(">> {l}\r\n")).collect()
        }),
        ("indented", |md| {
            let i: Vec<String> = md.lines().map(|l| format!("    {l}")).collect();
            format!("Report:\n\n{}\n", i.join("\n"))
        }),
        ("tab-indented", |md| {
            md.lines().map(|l| format!("\t{l}\n")).collect()
        }),
    ];
    for case in cases() {
        let md = report::to_markdown(&build(&case));
        for (name, wrap) in &wraps {
            let text = wrap(&md);
            let v = report::verify(&text).unwrap();
            assert!(v.intact, "{}: {name}: {}", case.display(), v.message);
            // An edit of the view inside the wrapping is still caught.
            let edited = text.replacen("verdict **", "verdict **x", 1);
            let v = report::verify(&edited).unwrap();
            assert!(!v.intact, "{}: {name}: edit not caught", case.display());
        }
    }
}

/// The data without its Markdown view, inside other text (a ticket system
/// that rendered the Markdown, a mail with the downloaded JSON pasted in):
/// the data alone is checked, and the message says so.
#[test]
fn report_data_inside_other_text_verifies() {
    for case in cases() {
        let r = build(&case);
        for data in [
            serde_json::to_string(&r).unwrap(),
            serde_json::to_string_pretty(&r).unwrap(),
        ] {
            let text = format!("Ticket 4711, from the user:\n{data}\nregards");
            let v = report::verify(&text).unwrap();
            assert!(v.intact, "{}: {}", case.display(), v.message);
            // A rendered view left beside the data reads like a verdict:
            // the data is consistent, but that is no plain verdict.
            let text = format!("Ticket 4711, from the user:\nverdict deployment\n{data}\nregards");
            let v = report::verify(&text).unwrap();
            assert!(
                v.consistent && !v.intact,
                "{}: {}",
                case.display(),
                v.message
            );
            assert!(
                v.warnings.iter().any(|w| w.contains("line 2")),
                "{}",
                v.message
            );
            assert!(
                v.message.contains("only its data was checked"),
                "{}",
                v.message
            );
            let edited = text.replacen("\"verdict\":", "\"verdict\": ", 1).replacen(
                "\"confidence\":",
                "\"confidence\":0.01,\"x\":",
                1,
            );
            assert!(!report::verify(&edited).map(|v| v.intact).unwrap_or(false));
            let cut = &text[..text.len() / 2];
            assert!(!report::verify(cut).map(|v| v.intact).unwrap_or(false));
        }
    }
}

/// Every part of a report is read in full: a field the core does not know,
/// in the diagnosis too, is a schema mismatch, not silently dropped (the
/// digest covers it, and a re-rendered report would lose it).
#[test]
fn unknown_fields_anywhere_in_a_report_are_refused() {
    let json = serde_json::to_string(&build(&cases()[0])).unwrap();
    for (at, with) in [
        ("\"rule\":", "\"sypports\":1,\"rule\":"),
        ("\"failure_type\":", "\"x\":null,\"failure_type\":"),
        ("\"report_version\":", "\"extra\":[],\"report_version\":"),
    ] {
        let edited = json.replacen(at, with, 1);
        assert_ne!(edited, json);
        let v = report::verify(&edited).unwrap();
        assert!(!v.intact);
        assert!(
            v.message.contains("does not match the schema") && v.message.contains("unknown field"),
            "{}",
            v.message
        );
    }
}

#[test]
fn truncated_reports_are_modified() {
    let r = build(&cases()[0]);
    let md = report::to_markdown(&r);
    for cut in [md.len() / 4, md.len() / 2, md.len() - 30] {
        let v = report::verify(&md[..cut]);
        assert!(!matches!(v, Ok(ref v) if v.intact), "cut at {cut}");
    }
}

#[test]
fn retriage_reads_the_redacted_snapshot() {
    let cats = Catalogs::new(&[]);
    let mut same = 0;
    let all = cases();
    for case in &all {
        let r = build(case);
        let d = classify(&r.snapshot.to_snapshot(), &cats);
        if d.failure_type == r.diagnosis.failure_type && d.verdict == r.diagnosis.verdict {
            same += 1;
        } else {
            println!(
                "  retriage differs for {}: {:?} -> {:?}",
                case.display(),
                r.diagnosis.failure_type,
                d.failure_type
            );
        }
    }
    println!(
        "retriage agrees with the original on {same}/{} fixtures",
        all.len()
    );
    assert!(
        same * 10 >= all.len() * 9,
        "retriage agrees on {same}/{}",
        all.len()
    );
}

/// The extension's recorder stores each trail event redacted by the core
/// (`redact_events`), so the popup classifies redacted URLs. Every fixture
/// must come out the same from that trail as from the raw one.
#[test]
fn the_recorders_redacted_trail_classifies_like_the_raw_one() {
    let cats = Catalogs::new(&[]);
    let mut failures = Vec::new();
    let mut with_trail = 0;
    for case in cases() {
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        let raw =
            Snapshot::from_json(&std::fs::read_to_string(case.join("snapshot.json")).unwrap())
                .unwrap();
        if raw.trail.is_empty() {
            continue;
        }
        with_trail += 1;
        let mut stored = raw.clone();
        stored.trail = raw.trail.iter().map(report::redact_trail_event).collect();
        let (a, b) = (classify(&raw, &cats), classify(&stored, &cats));
        let rules = |d: &auth_triage::Diagnosis| {
            let mut r: Vec<String> = d.evidence.iter().map(|e| e.rule.id().to_owned()).collect();
            r.sort();
            r
        };
        let key =
            |d: &auth_triage::Diagnosis| (d.failure_type, d.verdict, d.safe_code.clone(), rules(d));
        if key(&a) != key(&b) {
            failures.push(format!("{name}: raw {:?}\n  stored {:?}", key(&a), key(&b)));
        }
    }
    assert!(with_trail >= 15, "only {with_trail} fixtures have a trail");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The recorder keeps the browser's net error by its own name (Chromium's
/// `net::ERR_…`, Firefox's `NS_ERROR_…`), so the core can use it as a safe
/// code; anything else becomes `other`.
#[test]
fn the_recorder_keeps_both_browsers_net_error_names() {
    let case = cases()
        .into_iter()
        .find(|c| {
            let s = std::fs::read_to_string(c.join("snapshot.json")).unwrap();
            !Snapshot::from_json(&s).unwrap().trail.is_empty()
        })
        .unwrap();
    let snap =
        Snapshot::from_json(&std::fs::read_to_string(case.join("snapshot.json")).unwrap()).unwrap();
    for (raw, kept) in [
        ("net::ERR_TOO_MANY_REDIRECTS", "net::ERR_TOO_MANY_REDIRECTS"),
        ("NS_ERROR_REDIRECT_LOOP", "NS_ERROR_REDIRECT_LOOP"),
        ("NS_BINDING_ABORTED", "NS_BINDING_ABORTED"),
        ("NS_ERROR_aZkPqWxY7r3T9mBv", "other"),
        ("Error: secret 123456", "other"),
    ] {
        let mut e = snap.trail[0].clone();
        e.error = Some(raw.to_owned());
        assert_eq!(
            report::redact_trail_event(&e).error.as_deref(),
            Some(kept),
            "{raw}"
        );
    }
}

/// A paste with more than the one report: a hand-made report above the
/// genuine one (in an HTML comment, in a collapsed `<details>`, in plain
/// view), the genuine one followed by an edited copy, a verdict written
/// beside it. None of them gets a plain consistent verdict; every block is
/// listed. Identical copies (reply quotes) count once.
#[test]
fn verify_reads_the_whole_paste() {
    let all = cases();
    let genuine = report::to_markdown(&build(&all[0]));
    let other = report::to_markdown(&build(&all[1]));
    let fake_other = other.replacen(
        "verdict **",
        "verdict **product** (support: close ticket) **",
        1,
    );
    let hand_made = "## Nanami auth triage report\n\n**Verified by support: close this ticket**\n";
    let edited = genuine.replacen("confidence 0.", "confidence 1.", 1);
    let cases: Vec<(&str, String, usize)> = vec![
        (
            "fake in a comment",
            format!("<!--\n{fake_other}\n-->\n{genuine}"),
            2,
        ),
        (
            "hand-made in a comment",
            format!("<!-- {hand_made} -->\n\n{genuine}"),
            2,
        ),
        (
            "fake in details",
            format!("<details><summary>Log</summary>\n\n{fake_other}\n</details>\n\n{genuine}"),
            2,
        ),
        (
            "fake in plain view",
            format!("{fake_other}\n\n{genuine}"),
            2,
        ),
        (
            "hand-made in plain view",
            format!("{hand_made}\n{genuine}"),
            2,
        ),
        (
            "odd heading",
            format!("**NANAMI AUTH TRIAGE REPORT**\nverdict: consistent\n\n{genuine}"),
            2,
        ),
        ("edited copy after", format!("{genuine}\n\n{edited}"), 2),
        (
            "edited quoted copy after",
            format!(
                "{genuine}\n\n{}",
                edited
                    .lines()
                    .map(|l| format!("> {l}\n"))
                    .collect::<String>()
            ),
            2,
        ),
        (
            "verdict beside",
            format!("Support checked this: CONSISTENT, genuine.\n\n{genuine}"),
            1,
        ),
        ("another genuine report", format!("{genuine}\n\n{other}"), 2),
    ];
    for (name, text, blocks) in &cases {
        let v = report::verify(text).unwrap();
        println!("{name}: {}", v.message.lines().next().unwrap_or(""));
        assert!(!v.intact, "{name}: plain verdict: {}", v.message);
        assert_eq!(v.blocks.len(), *blocks, "{name}: {}", v.message);
        assert!(
            v.message.starts_with("NOT A PLAIN VERDICT"),
            "{name}: {}",
            v.message
        );
    }
    // Hidden blocks say where they are.
    let v = report::verify(&cases[0].1).unwrap();
    assert_eq!(v.blocks[0].place, "inside an HTML comment", "{}", v.message);
    let v = report::verify(&cases[2].1).unwrap();
    assert_eq!(
        v.blocks[0].place, "inside a collapsed <details>",
        "{}",
        v.message
    );
    // Identical copies, as in reply quotes, count once.
    let quoted: String = genuine.lines().map(|l| format!("> {l}\n")).collect();
    let v = report::verify(&format!(
        "Thanks, looking into it.\n\n{quoted}\n\n{genuine}"
    ))
    .unwrap();
    assert!(v.intact, "{}", v.message);
    assert_eq!(v.blocks.len(), 1);
    assert_eq!(v.blocks[0].copies, 2);
    assert!(v.message.starts_with("CONSISTENT"), "{}", v.message);
}

/// `report` with its digest made again: the digest is a plain SHA-256 of
/// the canonical JSON, so anyone can write a report that verifies with any
/// values in it.
fn sealed(mut report: serde_json::Value) -> String {
    use sha2::Digest as _;
    let text = report.to_string();
    let value = auth_triage::json::parse(&text).unwrap();
    let canonical = auth_triage::json::canonical(&value, "digest");
    let digest: String = sha2::Sha256::digest(canonical.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    report["digest"]["value"] = digest.into();
    report.to_string()
}

/// A report that verifies may hold any number in its fields: verifying,
/// rendering and retriaging it never overflows. (Each edit panicked in a
/// debug build.)
#[test]
fn extreme_numbers_in_a_verified_report_are_no_panic() {
    let case =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mfa-expired-allauth-bounce");
    // Through text: the f32 fields as a report writes them (0.9, not 0.8999…).
    let base: serde_json::Value =
        serde_json::from_str(&serde_json::to_string(&build(&case)).unwrap()).unwrap();
    let (min, max) = (i64::MIN, i64::MAX);
    let edits: [(&str, serde_json::Value); 6] = [
        ("/created/local_offset_min", i32::MIN.into()),
        // Past i64 once scaled for two decimals.
        ("/diagnosis/confidence", (-1e30).into()),
        ("/diagnosis/clock/0/skew_s", min.into()),
        // The newest page at the start of time: the whole trail in the episode.
        ("/snapshot/trail/5/received_ms", min.into()),
        ("/snapshot/trail/0/received_ms", min.into()),
        ("/snapshot/cookies/1/expires_ms", min.into()),
    ];
    // Set the member at `at`, added if absent.
    let set = |r: &mut serde_json::Value, at: &str, value: serde_json::Value| {
        let (parent, key) = at.rsplit_once('/').unwrap();
        r.pointer_mut(parent).unwrap()[key] = value;
    };
    for (at, value) in edits {
        let mut r = base.clone();
        set(&mut r, at, value);
        // Both ends of time at once.
        set(&mut r, "/snapshot/env/now_ms", max.into());
        if at.ends_with("/0/received_ms") {
            set(&mut r, "/snapshot/trail/5/received_ms", max.into());
        }
        let json = sealed(r);
        let v = report::verify(&json).unwrap();
        assert!(v.intact, "{at}: {}", v.message);
        let r = v.report.unwrap();
        let _ = report::render_text(&r);
        let md = report::to_markdown(&r);
        let v = report::verify(&md).unwrap();
        assert!(v.intact, "{at}: {}", v.message);
        let _ = classify(&r.snapshot.to_snapshot(), &Catalogs::new(&[]));
    }
}

/// Reports of version 1 already in tickets still verify and retriage.
#[test]
fn version_1_reports_still_verify() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/reports-v1");
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let v = report::verify(&text).unwrap();
        assert!(v.intact, "{}: {}", path.display(), v.message);
        let r = v.report.unwrap();
        assert_eq!(r.report_version, 1);
        let snap = r.snapshot.to_snapshot();
        let d = classify(&snap, &Catalogs::new(&[]));
        assert_eq!(
            d.failure_type,
            r.diagnosis.failure_type,
            "{}",
            path.display()
        );
        let edited = text.replacen("verdict", "verdikt", 1);
        assert!(!report::verify(&edited).map(|v| v.intact).unwrap_or(false));
        n += 1;
    }
    assert!(n >= 8, "version 1 samples missing");
}

/// The evidence survives the allow-list: of the words the lexicon matched
/// in the page sentences of the golden fixtures, the share that the masked
/// excerpt of the same sentence still shows.
/// Survival of the lexicon's words in the excerpts of `texts` (each with its
/// language): per language, (matched, kept, first lost). A matched phrase
/// survives when its words stand in the excerpt in the same order (for CJK
/// text, its characters in a row).
fn survival(
    texts: &[(String, String)],
) -> std::collections::BTreeMap<String, (usize, usize, Vec<String>)> {
    use auth_triage::text::{lexicon, token_texts, TokenBuf};
    let mut by: std::collections::BTreeMap<String, (usize, usize, Vec<String>)> =
        std::collections::BTreeMap::new();
    let mut buf = TokenBuf::default();
    for (lang, t) in texts {
        let toks = buf.fill(t);
        let matches: Vec<Vec<String>> = lexicon()
            .scan(&toks)
            .iter()
            .map(|m| {
                toks[m.start..m.start + m.len]
                    .iter()
                    .map(|t| t.text.to_owned())
                    .collect()
            })
            .collect();
        if matches.is_empty() {
            continue;
        }
        let shown = token_texts(&auth_triage::redact::excerpt(t, 200));
        let e = by.entry(lang.clone()).or_default();
        for words in matches {
            e.0 += words.len();
            if shown.windows(words.len()).any(|w| w == words.as_slice()) {
                e.1 += words.len();
            } else if e.2.len() < 12 {
                e.2.push(words.join(" "));
            }
        }
    }
    by
}

fn print_survival(
    what: &str,
    by: &std::collections::BTreeMap<String, (usize, usize, Vec<String>)>,
) -> f64 {
    let (m, k) = by.values().fold((0, 0), |(m, k), v| (m + v.0, k + v.1));
    println!(
        "lexicon words of {what} still shown in their excerpts: {k}/{m} = {:.1}%",
        k as f64 * 100.0 / m.max(1) as f64
    );
    for (lang, (m, k, lost)) in by {
        println!(
            "  {lang:<8} {k:>5}/{m:<5} = {:>5.1}%  lost: {lost:?}",
            *k as f64 * 100.0 / (*m).max(1) as f64
        );
    }
    k as f64 / m.max(1) as f64
}

#[test]
fn lexicon_words_survive_in_excerpts() {
    use auth_triage::text::{page_language, sentences};
    let mut texts: Vec<(String, String)> = Vec::new();
    for case in cases() {
        let snap =
            Snapshot::from_json(&std::fs::read_to_string(case.join("snapshot.json")).unwrap())
                .unwrap();
        let lang = page_language(snap.page.lang.as_deref(), &snap.page.text);
        let mut ts: Vec<&str> = sentences(&snap.page.text).collect();
        ts.extend(snap.page.alerts.iter().map(String::as_str));
        texts.extend(ts.into_iter().map(|t| (lang.clone(), t.to_owned())));
    }
    let golden = survival(&texts);
    let share = print_survival("the golden pages", &golden);
    assert!(
        share >= 0.9,
        "only {:.1}% of the lexicon's words survive",
        share * 100.0
    );
    for (lang, (m, k, _)) in &golden {
        assert!(*k * 10 >= *m * 9, "{lang}: {k}/{m} lexicon words survive");
    }
    // The languages corpus: real strings in all twelve languages.
    let corpus = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/lang.jsonl"),
    )
    .unwrap();
    let texts: Vec<(String, String)> = corpus
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            (
                v["lang"].as_str().unwrap().to_owned(),
                v["text"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let lang = survival(&texts);
    print_survival("the languages corpus (tests/corpus/lang.jsonl)", &lang);
    for (l, (m, k, _)) in &lang {
        assert!(*k * 10 >= *m * 9, "{l}: {k}/{m} lexicon words survive");
    }
}

/// The report stays in English and says the page's language and the user's
/// (issue 14), each from the languages of the core's data, never as typed.
#[test]
fn the_report_names_the_page_language_and_the_users() {
    let snap = |lang: &str, text: &str, ui: &str| {
        Snapshot::from_json(&format!(
            r#"{{"url":"https://id.example.jp/mfa","page":{{"status":401,"lang":{lang},"text":"{text}"}},"env":{{"ui_lang":{ui}}}}}"#
        ))
        .unwrap()
    };
    let report_of = |s: &Snapshot| {
        let cats = Catalogs::new(&[]);
        report::build(s, &classify(s, &cats), &cats.versions)
    };
    let r = report_of(&snap(
        "\"ja\"",
        "入力された認証コードが正しくありません。",
        "\"pt_BR\"",
    ));
    let l = r.languages.as_ref().unwrap();
    assert_eq!(l.page.as_str(), "ja");
    assert_eq!(l.user.as_ref().unwrap().as_str(), "pt-BR");
    let md = report::to_markdown(&r);
    assert!(
        md.contains("| Languages | page ja · user pt-BR (answer in it) |"),
        "{md}"
    );
    // English for support: the headline and moves are the core's English.
    assert_eq!(r.diagnosis.headline, "The MFA code was not accepted");
    assert!(report::verify(&md).unwrap().intact);
    // A page's lang attribute or a UI tag outside the data's languages is not copied.
    let r = report_of(&snap("\"x-Tok3nABC\"", "Invalid code", "\"x-Tok3nABC\""));
    let json = serde_json::to_string(&r).unwrap();
    assert!(!json.contains("Tok3n"), "{json}");
    assert_eq!(r.languages.as_ref().unwrap().page.as_str(), "en");
    assert_eq!(
        r.languages
            .as_ref()
            .unwrap()
            .user
            .as_ref()
            .unwrap()
            .as_str(),
        "other"
    );
    // No UI language given (the CLI): the page's only.
    let r = report_of(&snap("null", "Code invalide", "null"));
    assert!(r.languages.as_ref().unwrap().user.is_none());
}
