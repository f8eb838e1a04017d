//! Shared by the fixture tests: the scenario folders under `tests/fixtures/`.

use std::path::{Path, PathBuf};

/// Every `tests/fixtures/<case>/` that holds a `snapshot.json`, sorted.
pub fn cases() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("snapshot.json").exists())
        .collect();
    v.sort();
    v
}
