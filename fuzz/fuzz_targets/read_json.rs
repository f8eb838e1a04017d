//! The core's JSON reader (`auth_triage::json`) against serde's derived
//! decoders: any text is accepted or refused by both, and read to the same
//! snapshot or report. One deliberate difference: a struct written as an
//! array of its fields, which serde reads and we refuse.
#![no_main]
use auth_triage::json;
use auth_triage::report::Report;
use auth_triage::Snapshot;
use libfuzzer_sys::fuzz_target;

fn same<T>(s: &str)
where
    T: json::FromJson + serde::de::DeserializeOwned + PartialEq + std::fmt::Debug,
{
    let ours = json::from_str::<T>(s);
    let reference = serde_json::from_str::<T>(s);
    match (ours, reference) {
        (Ok(a), Ok(b)) => assert_eq!(a, b),
        (Err(_), Err(_)) => {}
        // Deliberate: serde also reads a struct from an array of its fields
        // in order; the documented formats are objects, and so is ours.
        (Err(e), Ok(_)) if e.to_string().contains("expected an object, found an array") => {}
        (a, b) => panic!("ours {:?}, serde {:?}", a.map(|_| ()), b.map(|_| ())),
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else { return };
    same::<Snapshot>(s);
    same::<Report>(s);
});
