//! The CLI's `classify -`, in process: the same core call
//! (`classify_json` inside `redact::numbered`) and the same JSON, without a
//! process per case. The corpora run tens of thousands of cases; the CLI's
//! own path (arguments, input limits, exit codes) is tested in `cli.rs`.

use serde_json::Value;

pub fn diagnose(snap: &Value) -> Value {
    let d = auth_triage::redact::numbered(|| auth_triage::classify_json(&snap.to_string(), &[]))
        .unwrap_or_else(|e| panic!("the core refused a corpus snapshot: {e}"));
    serde_json::to_value(&d).unwrap_or_else(|e| panic!("diagnosis to JSON: {e}"))
}
