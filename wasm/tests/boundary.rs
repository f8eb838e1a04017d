//! The WASM boundary as JS sees it: plain objects in, plain objects out,
//! and errors as JS `Error`s with a `code`, never a panic. Runs in Node with
//! `wasm-bindgen-test-runner` (build.sh test).
#![cfg(target_arch = "wasm32")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use auth_triage_wasm::invoke;
use js_sys::{Object, Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

fn js(json: &str) -> JsValue {
    JSON::parse(json).unwrap()
}

fn get(v: &JsValue, path: &[&str]) -> JsValue {
    path.iter().fold(v.clone(), |acc, k| {
        Reflect::get(&acc, &JsValue::from_str(k)).unwrap()
    })
}

/// Hand the data files to the module as the extension does (`load_data`),
/// once; every test starts with it.
fn loaded() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let files = js_sys::Array::new();
        for (name, text) in auth_triage::data::EMBEDDED {
            let f = Object::new();
            Reflect::set(&f, &"name".into(), &JsValue::from_str(name)).unwrap();
            Reflect::set(&f, &"text".into(), &JsValue::from_str(text)).unwrap();
            files.push(&f);
        }
        let cmd = Object::new();
        Reflect::set(&cmd, &"type".into(), &"load_data".into()).unwrap();
        Reflect::set(&cmd, &"files".into(), &files).unwrap();
        let out = invoke(cmd.into()).unwrap();
        assert_eq!(
            get(&out, &["files"]).as_f64().unwrap() as usize,
            auth_triage::data::EMBEDDED.len()
        );
    });
}

#[wasm_bindgen_test]
fn a_bad_data_file_is_named_by_position() {
    // Refused before anything is installed: the other tests' load still works.
    let err = invoke(js(
        r#"{"type":"load_data","files":[{"name":"lexicon/xx.json","text":"{\"concepts\":{\"invalid\":[7]}}"}]}"#,
    ))
    .unwrap_err();
    let msg = get(&err, &["message"]).as_string().unwrap();
    assert!(msg.starts_with("files[0].concepts"), "{msg}");
    assert!(msg.contains("expected a string"), "{msg}");
    let err = invoke(js(
        r#"{"type":"load_data","files":[{"name":"../x.json","text":"{}"}]}"#,
    ))
    .unwrap_err();
    let msg = get(&err, &["message"]).as_string().unwrap();
    assert!(
        msg.starts_with("files[0].name: not a data file name"),
        "{msg}"
    );
}

#[wasm_bindgen_test]
fn classify_takes_and_returns_plain_objects() {
    loaded();
    let out = invoke(js(r#"{"type":"classify","snapshot":{"url":"https://id.example.org/login","page":{"text":"Invalid authenticator code.","status":400}}}"#)).unwrap();
    assert!(out.is_object());
    // A plain object, not a Map: it survives JSON.
    assert!(out.dyn_ref::<js_sys::Map>().is_none());
    // Figures keep their short form: an f32 0.9 arrives as 0.9, not as its
    // f64 widening 0.8999999761581421.
    let confidence = get(&out, &["diagnosis", "confidence"]).as_f64().unwrap();
    assert!(confidence > 0.0 && confidence <= 1.0);
    assert_eq!((confidence * 100.0).round() / 100.0, confidence);
    assert_eq!(get(&out, &["type"]).as_string().unwrap(), "diagnosis");
    assert_eq!(
        get(&out, &["diagnosis", "failure_type"])
            .as_string()
            .unwrap(),
        "mfa_invalid_code"
    );
    assert_eq!(
        get(&out, &["diagnosis", "verdict"]).as_string().unwrap(),
        "product"
    );
    assert!(get(&out, &["diagnosis", "safe_code"]).is_null());
    let text = JSON::stringify(&out).unwrap().as_string().unwrap();
    assert!(text.contains("\"evidence\":["));
}

#[wasm_bindgen_test]
fn the_command_may_also_be_json_text() {
    loaded();
    let out = invoke(JsValue::from_str(r#"{"type":"versions"}"#)).unwrap();
    assert_eq!(get(&out, &["snapshot_schema"]).as_f64().unwrap(), 1.0);
    assert!(get(&out, &["core"]).as_string().is_some());
}

// `verify` is the support page's command: it is in the support module
// (feature `har`), not in the popup's.
#[cfg(feature = "har")]
#[wasm_bindgen_test]
fn report_round_trips_through_verify() {
    loaded();
    // A code in no catalog and of no product shape reaches the report only
    // when the user chose to include it (page.included_codes).
    let snapshot = r#"{"url":"https://nanami.example.org/oauth/error?error=access_denied&code=SplxlOBeZQQYbYS6WxSbIA","page":{"text":"We couldn't sign you in. Error code: NAN-4711"INCLUDED}}"#;
    let without = invoke(js(&format!(
        r#"{{"type":"report","snapshot":{}}}"#,
        snapshot.replace("INCLUDED", "")
    )))
    .unwrap();
    let md = get(&without, &["markdown"]).as_string().unwrap();
    assert!(!md.contains("NAN-4711"));
    let out = invoke(js(&format!(
        r#"{{"type":"report","snapshot":{}}}"#,
        snapshot.replace("INCLUDED", r#","included_codes":["NAN-4711"]"#)
    )))
    .unwrap();
    let md = get(&out, &["markdown"]).as_string().unwrap();
    assert!(md.contains("NAN-4711"), "{md}");
    assert!(!md.contains("SplxlOBeZQQYbYS6WxSbIA"));
    let cmd = Object::new();
    Reflect::set(&cmd, &"type".into(), &"verify".into()).unwrap();
    Reflect::set(&cmd, &"text".into(), &JsValue::from_str(&md)).unwrap();
    let v = invoke(cmd.into()).unwrap();
    assert_eq!(get(&v, &["intact"]).as_bool(), Some(true));
}

#[wasm_bindgen_test]
fn bad_input_is_a_js_error_with_a_code() {
    loaded();
    // The message names the field and where it is, in the WASM build too.
    for (cmd, code, names) in [
        (
            r#"{"type":"classify","snapshot":{"url":"https://a.example/","page":{"status":"four hundred"}}}"#,
            "malformed",
            "snapshot.page.status: expected an integer from 0 to 65535, found a string at line 1 column 76",
        ),
        (
            r#"{"type":"classify","snapshot":{"schema_version":7,"url":"https://a.example/"}}"#,
            "schema_version",
            "snapshot: schema_version: 7 is not supported",
        ),
        (r#"{"type":"frobnicate"}"#, "malformed", "command: unknown type"),
        (
            r#"{"type":"validate_catalog","text":"{\"catalog\":\"x\",\"codes\":[{\"code\":\"A B\",\"type\":\"other\"}]}"}"#,
            "malformed",
            "codes[0].code:",
        ),
    ] {
        let err = invoke(js(cmd)).unwrap_err();
        let err: js_sys::Error = err.dyn_into().expect("a JS Error");
        assert_eq!(
            get(&err.clone().into(), &["code"]).as_string().unwrap(),
            code,
            "{cmd}"
        );
        let msg = String::from(err.message());
        assert!(msg.starts_with(names), "{msg}");
        assert!(!msg.is_empty() && !msg.contains('\n'), "{msg}");
        assert!(!msg.contains("panicked"), "{msg}");
    }
}

#[wasm_bindgen_test]
fn huge_and_hostile_input_gets_an_answer() {
    loaded();
    let text = format!(
        "<script>alert(1)</script>{}Invalid code. Try again.",
        "x ".repeat(300_000)
    );
    let cmd = Object::new();
    Reflect::set(&cmd, &"type".into(), &"classify".into()).unwrap();
    let snap = js(
        r#"{"url":"https://id.example.org/login","page":{"forms":[{"inputs":[{"autocomplete":"one-time-code"}]}]}}"#,
    );
    Reflect::set(
        &get(&snap, &["page"]),
        &"text".into(),
        &JsValue::from_str(&text),
    )
    .unwrap();
    Reflect::set(&cmd, &"snapshot".into(), &snap).unwrap();
    let out = invoke(cmd.into()).unwrap();
    assert_eq!(
        get(&out, &["diagnosis", "failure_type"])
            .as_string()
            .unwrap(),
        "mfa_invalid_code"
    );
}

#[wasm_bindgen_test]
fn redact_events_drops_values() {
    loaded();
    let out = invoke(js(r#"{"type":"redact_events","events":[{"url":"https://a.example/cb?code=SplxlOBeZQQYbYS6WxSbIA","set_cookie":["sid=eyJhbGciOiJIUzI1NiJ9.e30.abc; Path=/; Secure"]}]}"#)).unwrap();
    let text = JSON::stringify(&out).unwrap().as_string().unwrap();
    assert!(
        !text.contains("SplxlOBeZQQYbYS6WxSbIA") && !text.contains("eyJ"),
        "{text}"
    );
    assert!(text.contains("sid="), "{text}");
}
