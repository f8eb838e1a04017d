//! URL redaction: never a panic; no query or fragment value other than the
//! allow-listed error parameters survives; the output is one line; an http(s)
//! result redacts to itself.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else { return };
    let out = auth_triage::redact::url(s);
    assert!(!out.contains('\n') && !out.contains('\r'));
    // Redacting again changes nothing (the recorder redacts, then the
    // report): masks keep the value's length, hosts stay parseable.
    if out.starts_with("http://") || out.starts_with("https://") {
        assert_eq!(auth_triage::redact::url(&out), out, "input {s:?}");
    }
    // A long token-like value placed in a non-allow-listed parameter never shows.
    let probe = format!("https://a.example/p?x={}&code=Zq9XwV3kL8mN2pR7tY4u#{s}", s.len());
    assert!(!auth_triage::redact::url(&probe).contains("Zq9XwV3kL8mN2pR7tY4u"));
    let _ = auth_triage::redact::excerpt(s, 200);
    let _ = auth_triage::redact::path(s);
});
