//! Nanami Auth Triage core.
//!
//! Classifies a failing login, MFA or session page into one of the four
//! failures of Nanami's guide "Troubleshooting auth and session failures",
//! says whether the product or the deployment is at fault, and builds a
//! redacted evidence report.
//!
//! What this crate does not do: it performs no I/O, reads no clock and calls
//! no browser API (time and configuration arrive in the [`Snapshot`]); and it
//! never sees a cookie value, an input value or a token, because the snapshot
//! model has no field for them.

pub mod advice;
pub mod classify;
pub mod codes;
pub mod data;
pub mod diagnosis;
pub mod error;
pub mod har;
pub mod json;
pub mod order;
pub mod redact;
pub mod report;
pub mod say;
pub mod shapes;
pub mod signals;
pub mod snapshot;
pub mod text;
pub mod vocab;
pub mod web;

pub use classify::{classify, classify_said, code_candidates};
pub use codes::{Catalog, Catalogs};
pub use diagnosis::{Diagnosis, FailureType, Verdict};
pub use error::InputError;
pub use snapshot::Snapshot;

/// Version of the core, as shown in reports.
pub const CORE_VERSION: &str = env!("CARGO_PKG_VERSION");

/// The snapshot schema this core reads and writes ([`Snapshot`]'s
/// `schema_version`). Here, at the root, so that [`error`] can name it
/// without importing the snapshot.
pub const SCHEMA_VERSION: u32 = 1;

/// Parse a snapshot and classify it with the shipped catalogs plus `operator`.
pub fn classify_json(input: &str, operator: &[Catalog]) -> Result<Diagnosis, InputError> {
    let snap = Snapshot::from_json(input)?;
    Ok(classify(&snap, &Catalogs::new(operator)))
}
