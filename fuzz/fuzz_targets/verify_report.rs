//! The report parser behind `auth-triage verify`: any pasted text, never a
//! panic; whatever it accepts as intact re-renders to the same Markdown.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else { return };
    if let Ok(v) = auth_triage::report::verify(s) {
        if v.intact {
            let r = v.report.expect("an intact report is readable");
            let md = auth_triage::report::to_markdown(&r);
            assert!(auth_triage::report::verify(&md).expect("re-rendered").intact);
        }
    }
});
