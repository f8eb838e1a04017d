//! Snapshot parsing and classification: any input, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else { return };
    if let Ok(snap) = auth_triage::Snapshot::from_json(s) {
        let cats = auth_triage::Catalogs::new(&[]);
        let d = auth_triage::classify(&snap, &cats);
        let r = auth_triage::report::build(&snap, &d, &cats.versions);
        let _ = auth_triage::report::to_markdown(&r);
    }
});
