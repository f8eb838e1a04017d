//! Embeds the shipped lexicons (`lexicon/*.json`) and catalogs
//! (`catalogs/*.json`) minified: the files stay readable for the people who
//! edit them, and the binary and the WASM module carry no indentation.
//! A file that is not valid JSON fails the build with its name.

use std::error::Error;
use std::fs;
use std::path::{Path, PathBuf};

fn main() -> Result<(), Box<dyn Error>> {
    let out = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("OUT_DIR is not set")?);
    for dir in ["lexicon", "catalogs"] {
        println!("cargo:rerun-if-changed={dir}");
        fs::create_dir_all(out.join(dir))?;
        for entry in fs::read_dir(dir)? {
            let path = entry?.path();
            if path.extension().and_then(|e| e.to_str()) != Some("json") {
                continue;
            }
            println!("cargo:rerun-if-changed={}", path.display());
            fs::write(out.join(&path), minify(&path)?)?;
        }
    }
    Ok(())
}

fn minify(path: &Path) -> Result<String, Box<dyn Error>> {
    let text = fs::read_to_string(path)?;
    let value: serde_json::Value = serde_json::from_str(&text)
        .map_err(|e| format!("{}: not valid JSON: {e}", path.display()))?;
    Ok(value.to_string())
}
