//! The WASM boundary: one function, `invoke(command)`, data in and data out.
//!
//! Commands are a tagged union (`{"type": "classify", …}`); answers are
//! plain JSON-compatible objects. Errors become JS `Error`s whose message is
//! the core's one-line message and whose `code` names the kind, never a
//! panic. This crate touches no browser API: the extension's JS does.

use auth_triage::{report, Catalog, Catalogs, Diagnosis, InputError, Snapshot};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

/// What the extension asks.
#[derive(Debug, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Command {
    /// Classify a snapshot.
    Classify {
        snapshot: serde_json::Value,
        #[serde(default)]
        catalogs: Vec<serde_json::Value>,
    },
    /// Classify and build the report (Markdown and JSON).
    Report {
        snapshot: serde_json::Value,
        #[serde(default)]
        catalogs: Vec<serde_json::Value>,
    },
    /// Redact trail events before the recorder stores them.
    RedactEvents { events: Vec<serde_json::Value> },
    /// Verify a pasted report and render it.
    Verify { text: String },
    /// Check an operator catalog.
    ValidateCatalog { text: String },
    /// Versions of the core and catalogs.
    Versions,
}

/// What the core answers.
#[derive(Debug, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Answer {
    Diagnosis {
        diagnosis: Diagnosis,
    },
    Report {
        diagnosis: Diagnosis,
        report: Box<report::Report>,
        markdown: String,
    },
    Verification {
        intact: bool,
        message: String,
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
        events: Vec<auth_triage::snapshot::TrailEvent>,
    },
    Versions {
        core: String,
        catalogs: Vec<String>,
        snapshot_schema: u32,
        report_schema: u32,
    },
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

fn parse<T: serde::de::DeserializeOwned>(what: &str, text: &str) -> Result<T, BoundaryError> {
    auth_triage::error::parse_json(text).map_err(|e| BoundaryError {
        code: e.code(),
        message: format!("{what}: {e}"),
    })
}

fn catalogs(values: &[serde_json::Value]) -> Result<Vec<Catalog>, BoundaryError> {
    values
        .iter()
        .enumerate()
        .map(|(i, v)| {
            Catalog::from_json(&v.to_string()).map_err(|e| BoundaryError {
                code: e.code(),
                message: format!("catalogs[{i}]: {e}"),
            })
        })
        .collect()
}

/// Run one command. Pure Rust, so it is tested natively too.
pub fn run(command_json: &str) -> Result<Answer, BoundaryError> {
    let cmd: Command = parse("command", command_json)?;
    match cmd {
        Command::Classify {
            snapshot,
            catalogs: cats,
        } => {
            let snap = Snapshot::from_json(&snapshot.to_string())?;
            let cats = Catalogs::new(&catalogs(&cats)?);
            Ok(Answer::Diagnosis {
                diagnosis: auth_triage::classify(&snap, &cats),
            })
        }
        Command::Report {
            snapshot,
            catalogs: cats,
        } => {
            let snap = Snapshot::from_json(&snapshot.to_string())?;
            let cats = Catalogs::new(&catalogs(&cats)?);
            let d = auth_triage::classify(&snap, &cats);
            let r = report::build(&snap, &d, &cats.versions);
            let markdown = report::to_markdown(&r);
            Ok(Answer::Report {
                diagnosis: d,
                report: Box::new(r),
                markdown,
            })
        }
        Command::Verify { text } => {
            let v = report::verify(&text)?;
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
                message: v.message,
                report: v.report.map(Box::new),
                markdown,
                text: rendered,
            })
        }
        Command::RedactEvents { events } => {
            let mut out = Vec::with_capacity(events.len());
            for (i, v) in events.iter().enumerate() {
                let e: auth_triage::snapshot::TrailEvent =
                    auth_triage::error::parse_json(&v.to_string()).map_err(|e| BoundaryError {
                        code: e.code(),
                        message: format!("events[{i}]: {e}"),
                    })?;
                out.push(report::redact_trail_event(&e));
            }
            Ok(Answer::Events { events: out })
        }
        Command::ValidateCatalog { text } => {
            let c = Catalog::from_json(&text)?;
            Ok(Answer::Catalog {
                catalog: c.catalog,
                codes: c.codes.len(),
            })
        }
        Command::Versions => Ok(Answer::Versions {
            core: auth_triage::CORE_VERSION.to_owned(),
            catalogs: auth_triage::codes::shipped_versions(),
            snapshot_schema: auth_triage::snapshot::SCHEMA_VERSION,
            report_schema: report::REPORT_VERSION,
        }),
    }
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
    answer
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| {
            js_error(&BoundaryError {
                code: "internal",
                message: e.to_string(),
            })
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classify_minimal() {
        let a = run(
            r#"{"type":"classify","snapshot":{"url":"https://id.example.org/login","page":{"text":"Invalid authenticator code.","status":400}}}"#,
        );
        match a {
            Ok(Answer::Diagnosis { diagnosis }) => {
                assert_eq!(diagnosis.failure_type.as_str(), "mfa_invalid_code")
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn errors_name_the_field() {
        let e = run(r#"{"type":"classify","snapshot":{"url":"https://a/","page":{"status":"x"}}}"#)
            .unwrap_err();
        assert_eq!(e.code, "malformed");
        // With field paths (native default) the field is named; in the WASM
        // build the line and column are.
        assert!(
            e.message.contains("page.status") || e.message.contains("line 1 column"),
            "{}",
            e.message
        );
        assert!(!e.message.contains('\n'));
        let e = run(r#"{"type":"frobnicate"}"#).unwrap_err();
        assert!(e.message.starts_with("command"), "{}", e.message);
    }
}
