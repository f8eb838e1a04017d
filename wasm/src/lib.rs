//! The WASM boundary: one function, `invoke(command)`, data in and data out.
//!
//! Commands are one flat envelope (`{"type": "classify", "snapshot": …}`);
//! answers are plain objects (serde_json text parsed by the JS engine's
//! `JSON.parse`). Errors become JS `Error`s whose message is
//! the core's one-line message and whose `code` names the kind, never a
//! panic. This crate touches no browser API: the extension's JS does.

use auth_triage::json;
use auth_triage::say::Said;
use auth_triage::snapshot::TrailEvent;
use auth_triage::{data, report, text, Catalog, Catalogs, Diagnosis, InputError, Snapshot};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// What the extension asks: `{"type": "classify", …}`. One flat envelope,
/// read in one pass: the snapshot, catalogs and events are read where they
/// stand, and their errors name the command's field
/// (`snapshot.page.status: …`).
struct Command {
    kind: String,
    snapshot: Option<Snapshot>,
    catalogs: Vec<Catalog>,
    events: Vec<TrailEvent>,
    text: Option<String>,
    files: Vec<DataFile>,
    /// `har` (the HAR module only): the published URLs, and whether to
    /// build the sanitized HAR too.
    #[cfg_attr(not(feature = "har"), allow(dead_code))]
    published: Vec<String>,
    #[cfg_attr(not(feature = "har"), allow(dead_code))]
    sanitize: bool,
}

auth_triage::json_struct!(Command, deny {
    kind as "type": req, snapshot: default, catalogs: default, events: default, text: default,
    files: default, published: default, sanitize: default,
});

/// A HAR handed over in chunks (`har_chunk`), so the support page's worker
/// can read a large file piece by piece, show its progress and be stopped;
/// `har` reads it and empties it. (A command is at most [`COMMAND_BYTES`];
/// a HAR may be [`auth_triage::har::HAR_BYTES`].)
#[cfg(feature = "har")]
static HAR: std::sync::Mutex<String> = std::sync::Mutex::new(String::new());

/// One data file for `load_data`: its name (`lexicon/en.json`) and text.
struct DataFile {
    name: String,
    text: String,
}

auth_triage::json_struct!(
    DataFile,
    deny {
        name: req,
        text: req
    }
);

/// The largest command: a snapshot at its limit plus operator catalogs.
const COMMAND_BYTES: usize = auth_triage::snapshot::limits::INPUT_BYTES + 4 * 1024 * 1024;

/// What the core answers.
#[derive(Debug, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Answer {
    Diagnosis {
        diagnosis: Diagnosis,
        /// The diagnosis as messages, for the UI's language (messages/).
        said: Said,
    },
    Report {
        diagnosis: Diagnosis,
        report: Box<report::Report>,
        markdown: String,
        said: Said,
    },
    Verification {
        intact: bool,
        consistent: bool,
        message: String,
        blocks: Vec<report::verify::Block>,
        warnings: Vec<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        report: Option<Box<report::Report>>,
        #[serde(skip_serializing_if = "Option::is_none")]
        markdown: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        text: Option<String>,
    },
    Catalog {
        catalog: String,
        codes: usize,
    },
    Events {
        events: Vec<TrailEvent>,
    },
    Data {
        files: usize,
    },
    HarChunk {
        bytes: usize,
    },
    Har {
        diagnosis: Diagnosis,
        /// The diagnosis as messages, for the support page's language.
        said: Said,
        markdown: String,
        entries: usize,
        pages: usize,
        picked: usize,
        page_url: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        sanitized: Option<String>,
    },
    /// The page's code candidates for the popup's "Include this code"
    /// (`code_candidates`): the one answer that holds a candidate's text,
    /// which is the page's own. The popup shows it masked and keeps it in
    /// memory only; no report or diagnosis holds it until the user
    /// includes it.
    Candidates {
        candidates: Vec<Candidate>,
    },
    Versions {
        core: String,
        catalogs: Vec<String>,
        snapshot_schema: u32,
        report_schema: u32,
    },
}

/// A code the page shows that the core does not capture on its own.
#[derive(Debug, Serialize)]
pub struct Candidate {
    pub code: String,
    pub source: auth_triage::diagnosis::CodeSource,
    /// In characters, for the masked view.
    pub length: usize,
}

/// A boundary error: `{code, message}`, shown as a JS `Error`.
#[derive(Debug, Serialize)]
pub struct BoundaryError {
    pub code: &'static str,
    pub message: String,
}

impl From<InputError> for BoundaryError {
    fn from(e: InputError) -> Self {
        BoundaryError {
            code: e.code(),
            message: e.to_string(),
        }
    }
}

fn command_error(e: InputError) -> BoundaryError {
    BoundaryError {
        code: e.code(),
        message: format!("command: {e}"),
    }
}

fn check_catalogs(catalogs: &[Catalog]) -> Result<(), BoundaryError> {
    for (i, c) in catalogs.iter().enumerate() {
        c.validate()
            .map_err(|e| prefixed(&format!("catalogs[{i}]"), e))?;
    }
    Ok(())
}

/// An error of a part read from its own text (`validate`), named within the command.
fn prefixed(prefix: &str, e: InputError) -> BoundaryError {
    BoundaryError {
        code: e.code(),
        message: match e {
            InputError::Malformed { field, message } if !field.is_empty() => {
                format!("{prefix}.{field}: {message}")
            }
            e => format!("{prefix}: {e}"),
        },
    }
}

fn required<T>(value: Option<T>, kind: &str, field: &str) -> Result<T, BoundaryError> {
    value.ok_or_else(|| BoundaryError {
        code: "malformed",
        message: format!("command: missing field `{field}` for \"{kind}\""),
    })
}

/// Run one command. Pure Rust, so it is tested natively too.
pub fn run(command_json: &str) -> Result<Answer, BoundaryError> {
    if command_json.len() > COMMAND_BYTES {
        return Err(command_error(InputError::TooLarge {
            field: "input".into(),
            limit: COMMAND_BYTES,
            unit: "bytes",
        }));
    }
    let cmd: Command = json::from_str(command_json)?;
    let kind = cmd.kind.as_str();
    if kind == "load_data" {
        return load_data(cmd.files);
    }
    if !data::ready() {
        return Err(BoundaryError {
            code: "data_missing",
            message: "command: the core's data files are not loaded (send load_data first)".into(),
        });
    }
    match kind {
        "classify" | "report" => {
            let snap = required(cmd.snapshot, kind, "snapshot")?;
            snap.validate().map_err(|e| prefixed("snapshot", e))?;
            check_catalogs(&cmd.catalogs)?;
            let cats = Catalogs::new(&cmd.catalogs);
            if kind == "classify" {
                let (d, said) =
                    auth_triage::redact::numbered(|| auth_triage::classify_said(&snap, &cats));
                return Ok(Answer::Diagnosis { diagnosis: d, said });
            }
            // One numbering of the placeholders for the diagnosis and the report.
            let (d, said, r) = report::triage_said(&snap, &cats);
            let markdown = report::to_markdown(&r);
            Ok(Answer::Report {
                diagnosis: d,
                report: Box::new(r),
                markdown,
                said,
            })
        }
        "code_candidates" => {
            let snap = required(cmd.snapshot, kind, "snapshot")?;
            snap.validate().map_err(|e| prefixed("snapshot", e))?;
            check_catalogs(&cmd.catalogs)?;
            let cats = Catalogs::new(&cmd.catalogs);
            Ok(Answer::Candidates {
                candidates: auth_triage::code_candidates(&snap, &cats)
                    .into_iter()
                    .map(|f| Candidate {
                        length: f.code.chars().count(),
                        code: f.code,
                        source: f.source,
                    })
                    .collect(),
            })
        }
        #[cfg(feature = "har")]
        "verify" => {
            let v = report::verify(&required(cmd.text, kind, "text")?)?;
            let markdown = v
                .report
                .as_ref()
                .filter(|_| v.intact)
                .map(report::to_markdown);
            let rendered = v
                .report
                .as_ref()
                .filter(|_| v.intact)
                .map(report::render_text);
            Ok(Answer::Verification {
                intact: v.intact,
                consistent: v.consistent,
                message: v.message,
                blocks: v.blocks,
                warnings: v.warnings,
                report: v.report.map(Box::new),
                markdown,
                text: rendered,
            })
        }
        "redact_events" => {
            let out = cmd.events.iter().map(report::redact_trail_event).collect();
            Ok(Answer::Events { events: out })
        }
        "validate_catalog" => {
            let c = Catalog::from_json(&required(cmd.text, kind, "text")?)?;
            Ok(Answer::Catalog {
                catalog: c.catalog,
                codes: c.codes.len(),
            })
        }
        #[cfg(feature = "har")]
        "har_chunk" => har_chunk(required(cmd.text, kind, "text")?),
        #[cfg(feature = "har")]
        "har" => har(&cmd.catalogs, &cmd.published, cmd.sanitize),
        "versions" => Ok(Answer::Versions {
            core: auth_triage::CORE_VERSION.to_owned(),
            catalogs: auth_triage::codes::shipped_versions(),
            snapshot_schema: auth_triage::SCHEMA_VERSION,
            report_schema: report::REPORT_VERSION,
        }),
        _ => Err(BoundaryError {
            code: "malformed",
            message: "command: unknown type (expected load_data, classify, report, \
                      redact_events, validate_catalog, versions; verify, har_chunk and har in the \
                      support page's module)"
                .into(),
        }),
    }
}

/// The CLI's one-line error (`har: log.entries[0].request.url: …`).
#[cfg(feature = "har")]
fn har_error(e: InputError) -> BoundaryError {
    BoundaryError {
        code: e.code(),
        message: format!("har: {e}"),
    }
}

/// Append a piece of a HAR (the worker reads the file in pieces).
#[cfg(feature = "har")]
fn har_chunk(chunk: String) -> Result<Answer, BoundaryError> {
    let mut buf = HAR.lock().unwrap_or_else(|p| p.into_inner());
    if buf.len() + chunk.len() > auth_triage::har::HAR_BYTES {
        buf.clear();
        return Err(InputError::TooLarge {
            field: "har".into(),
            limit: auth_triage::har::HAR_BYTES,
            unit: "bytes",
        }
        .into());
    }
    buf.push_str(&chunk);
    Ok(Answer::HarChunk { bytes: buf.len() })
}

/// Diagnose the HAR handed over, build its report and (with `sanitize`) its
/// sanitized copy, as `auth-triage har` does; the HAR is then dropped.
#[cfg(feature = "har")]
fn har(
    catalogs: &[Catalog],
    published: &[String],
    sanitize: bool,
) -> Result<Answer, BoundaryError> {
    let text = std::mem::take(&mut *HAR.lock().unwrap_or_else(|p| p.into_inner()));
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    check_catalogs(catalogs)?;
    let cats = Catalogs::new(catalogs);
    let diagnose = |s: &Snapshot| {
        let d = auth_triage::classify(s, &cats);
        (d.failure_type != auth_triage::FailureType::Unclassified).then_some(d.confidence)
    };
    let read = auth_triage::har::read_and_pick(text, published, &diagnose).map_err(har_error)?;
    // One numbering of the placeholders for the diagnosis and the report.
    let (d, said, r) = report::triage_said(&read.snapshot, &cats);
    let markdown = report::to_markdown(&r);
    let sanitized = if sanitize {
        let mut out = String::new();
        auth_triage::har::sanitize::sanitize_read(text, &cats, &mut |s| out.push_str(s))
            .map_err(har_error)?;
        Some(out)
    } else {
        None
    };
    Ok(Answer::Har {
        diagnosis: d,
        said,
        markdown,
        entries: read.entries,
        pages: read.pages,
        picked: read.picked,
        page_url: auth_triage::redact::url(&read.snapshot.url),
        sanitized,
    })
}

/// Install the data files the extension fetched from beside the module. Each
/// file is checked first, so a broken one is refused with its position and
/// field (`files[1]: concepts.invalid[0]: …`) instead of being skipped later.
fn load_data(files: Vec<DataFile>) -> Result<Answer, BoundaryError> {
    for (i, f) in files.iter().enumerate() {
        let at = format!("files[{i}]");
        if !data::valid_name(&f.name) {
            // install() says what a name must look like.
            break;
        }
        if f.name.starts_with("lexicon/") {
            text::check_lexicon(&f.text).map_err(|e| prefixed(&at, e))?;
        } else if f.name.starts_with("psl/") {
            if auth_triage::web::psl::check(&f.text).is_none() {
                return Err(BoundaryError {
                    code: "malformed",
                    message: format!("{at}: not the public suffix list (base64 of libpsl's DAFSA)"),
                });
            }
        } else if f.name.starts_with("catalogs/") {
            let c = Catalog::from_json(&f.text).map_err(|e| prefixed(&at, e))?;
            c.validate().map_err(|e| prefixed(&at, e))?;
        }
    }
    let n = files.len();
    data::install(files.into_iter().map(|f| (f.name, f.text)).collect())?;
    Ok(Answer::Data { files: n })
}

fn js_error(e: &BoundaryError) -> JsValue {
    let err = js_sys::Error::new(&e.message);
    let _ = js_sys::Reflect::set(&err, &JsValue::from_str("code"), &JsValue::from_str(e.code));
    err.into()
}

/// Install the panic hook (a panic would be a bug; this makes it readable).
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// `invoke(command)`: `command` is a plain object (or its JSON text).
/// Returns a plain object; throws an `Error` with `code` and `message`.
#[wasm_bindgen]
pub fn invoke(command: JsValue) -> Result<JsValue, JsValue> {
    let text = match command.as_string() {
        Some(s) => s,
        None => js_sys::JSON::stringify(&command)
            .ok()
            .and_then(|s| s.as_string())
            .ok_or_else(|| {
                js_error(&BoundaryError {
                    code: "malformed",
                    message: "command: not JSON-serialisable".into(),
                })
            })?,
    };
    let answer = run(&text).map_err(|e| js_error(&e))?;
    // Out as JSON text, parsed by the JS engine into plain objects: one
    // serializer for every answer type (serde_json, which the core uses for
    // reports anyway) instead of a second one, and f32 figures keep their
    // short form (0.99, not 0.9900000095367432).
    let internal = |message: String| {
        js_error(&BoundaryError {
            code: "internal",
            message,
        })
    };
    // Serialising an answer cannot fail (its map keys are all strings, no
    // field's `Serialize` reports an error, and a String is written to), so
    // serde_json's error is not formatted: its messages would cost the
    // module about 1.5 KB.
    let text =
        serde_json::to_string(&answer).map_err(|_| internal("answer: not serialisable".into()))?;
    js_sys::JSON::parse(&text).map_err(|_| internal("answer: not JSON".into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The embedded files, as the extension hands them over. Every test
    /// calls it first; the first call installs, the rest find them in use.
    fn loaded() {
        static ONCE: std::sync::Once = std::sync::Once::new();
        ONCE.call_once(|| {
            let files: Vec<_> = data::EMBEDDED
                .iter()
                .map(|(name, text)| serde_json::json!({ "name": name, "text": text }))
                .collect();
            let cmd = serde_json::json!({ "type": "load_data", "files": files }).to_string();
            match run(&cmd) {
                Ok(Answer::Data { files }) => assert_eq!(files, data::EMBEDDED.len()),
                other => panic!("{other:?}"),
            }
        });
    }

    #[test]
    fn classify_minimal() {
        loaded();
        let a = run(
            r#"{"type":"classify","snapshot":{"url":"https://id.example.org/login","page":{"text":"Invalid authenticator code.","status":400}}}"#,
        );
        match a {
            Ok(Answer::Diagnosis { diagnosis, said }) => {
                // What it says to people, as messages for the UI's language.
                assert_eq!(said.headline.key, "type.mfa_invalid_code");
                assert_eq!(diagnosis.failure_type.as_str(), "mfa_invalid_code")
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn code_candidates_go_to_the_popup_only() {
        loaded();
        let page = r#"{"url":"https://nanami.example.org/login?error=access_denied","page":{"status":400,"text":"We couldn't sign you in. Error code: NAN-4711"INCLUDED}}"#;
        let cmd = |kind: &str, included: &str| {
            format!(
                r#"{{"type":"{kind}","snapshot":{}}}"#,
                page.replace("INCLUDED", included)
            )
        };
        // The candidate, with its length, to the popup; the safe OAuth
        // error name is captured anyway and is no candidate.
        match run(&cmd("code_candidates", "")) {
            Ok(Answer::Candidates { candidates }) => {
                assert_eq!(candidates.len(), 1, "{candidates:?}");
                assert_eq!(candidates[0].code, "NAN-4711");
                assert_eq!(candidates[0].length, 8);
            }
            other => panic!("{other:?}"),
        }
        // Not in the report until the user includes it; then marked.
        let report = |included: &str| match run(&cmd("report", included)) {
            Ok(Answer::Report { markdown, .. }) => markdown,
            other => panic!("{other:?}"),
        };
        assert!(!report("").contains("NAN-4711"));
        let md = report(r#","included_codes":["NAN-4711"]"#);
        assert!(md.contains("NAN-4711"), "{md}");
        assert!(md.contains("included by the user"), "{md}");
        // Once included, it is no candidate any more.
        match run(&cmd("code_candidates", r#","included_codes":["NAN-4711"]"#)) {
            Ok(Answer::Candidates { candidates }) => assert!(candidates.is_empty()),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn errors_name_the_field() {
        loaded();
        let e = run(r#"{"type":"classify","snapshot":{"url":"https://a/","page":{"status":"x"}}}"#)
            .unwrap_err();
        assert_eq!(e.code, "malformed");
        // The field within the command, and where it is in the command's text.
        assert_eq!(
            e.message,
            "snapshot.page.status: expected an integer from 0 to 65535, found a string at line 1 column 68"
        );
        assert!(!e.message.contains('\n'));
        let e = run(r#"{"type":"frobnicate"}"#).unwrap_err();
        assert!(e.message.starts_with("command"), "{}", e.message);
        assert!(!e.message.contains("frobnicate"), "{}", e.message);
    }

    #[test]
    fn commands_name_what_they_miss() {
        loaded();
        let e = run(r#"{"type":"report"}"#).unwrap_err();
        assert_eq!(e.code, "malformed");
        assert!(e.message.contains("`snapshot`"), "{}", e.message);
        #[cfg(feature = "har")]
        {
            let e = run(r#"{"type":"verify"}"#).unwrap_err();
            assert!(e.message.contains("`text`"), "{}", e.message);
        }
        // A field no command has is refused, not ignored.
        let e = run(r#"{"type":"versions","snapshots":{}}"#).unwrap_err();
        assert_eq!(e.code, "malformed");
        // Catalogs and events are named by position.
        let e = run(
            r#"{"type":"classify","snapshot":{"url":"https://a.example/"},"catalogs":[{"catalog":"x"}]}"#,
        )
        .unwrap_err();
        assert!(e.message.starts_with("catalogs[0]"), "{}", e.message);
        let e =
            run(r#"{"type":"redact_events","events":[{"url":"https://a.example/"},{"url":7}]}"#)
                .unwrap_err();
        assert!(e.message.starts_with("events[1]"), "{}", e.message);
    }

    #[test]
    fn load_data_names_the_bad_file() {
        // Refused before anything is installed, whichever test runs first.
        let e = run(
            r#"{"type":"load_data","files":[{"name":"lexicon/en.json","text":"{\"concepts\":{}}"},{"name":"catalogs/x.json","text":"[]"}]}"#,
        )
        .unwrap_err();
        assert_eq!(e.code, "malformed");
        assert!(e.message.starts_with("files[0]: "), "{}", e.message);
        let e = run(r#"{"type":"load_data","files":[{"name":"lexicon/en.json","text":"{}"},{"name":"lexicon/en.json","text":"{}"}]}"#)
            .unwrap_err();
        assert!(e.message.starts_with("files[0]: "), "{}", e.message);
        let e = run(r#"{"type":"load_data","files":[{"name":"vocab/en.txt","text":"a"},{"name":"vocab/en.txt","text":"b"}]}"#)
            .unwrap_err();
        assert_eq!(e.message, "files[1].name: the same file twice");
        let e =
            run(r#"{"type":"load_data","files":[{"name":"C:/x.json","text":"{}"}]}"#).unwrap_err();
        assert!(
            e.message.starts_with("files[0].name: not a data file name"),
            "{}",
            e.message
        );
    }
}
