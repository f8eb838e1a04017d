//! Finds the core's data files and prepares them for embedding.
//!
//! Every file in the data folders (`lexicon/*.json`, `catalogs/*.json`,
//! `vocab/*.txt`, `psl/*.b64`) is found here, not listed by hand: adding a language or a
//! catalog is adding a file. JSON is minified (the files stay readable for
//! the people who edit them; the binary carries no indentation) and a file
//! that is not valid JSON fails the build with its name. The list goes to
//! `$OUT_DIR/data_files.rs`, which `src/data.rs` embeds in native builds
//! (feature `embedded-data`). The WASM module embeds nothing: `build.sh`
//! ships the same files beside it and the extension loads them.

use std::error::Error;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

/// The data folders and the one extension each holds.
const FOLDERS: [(&str, &str); 5] = [
    ("lexicon", "json"),
    ("messages", "json"),
    ("catalogs", "json"),
    ("vocab", "txt"),
    ("psl", "b64"),
];

fn main() -> Result<(), Box<dyn Error>> {
    let out = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("OUT_DIR is not set")?);
    let mut names = Vec::new();
    for (dir, ext) in FOLDERS {
        println!("cargo:rerun-if-changed={dir}");
        fs::create_dir_all(out.join(dir))?;
        let Ok(entries) = fs::read_dir(dir) else {
            continue; // a folder that does not exist yet holds no data
        };
        for entry in entries {
            let path = entry?.path();
            let Some(file) = path.file_name().and_then(|f| f.to_str()) else {
                continue;
            };
            if path.extension().and_then(|e| e.to_str()) != Some(ext) || file.starts_with('.') {
                continue;
            }
            println!("cargo:rerun-if-changed={}", path.display());
            let text = if ext == "json" {
                minify(&path)?
            } else {
                fs::read_to_string(&path)
                    .map_err(|e| format!("{}: not UTF-8 text: {e}", path.display()))?
                    .replace("\r\n", "\n")
            };
            fs::write(out.join(dir).join(file), text)?;
            names.push(format!("{dir}/{file}"));
        }
    }
    names.sort();
    let mut list = String::from("/// Every data file, sorted by name: `(name, text)`.\n");
    list.push_str("pub const FILES: &[(&str, &str)] = &[\n");
    for name in &names {
        writeln!(
            list,
            "    ({name:?}, include_str!(concat!(env!(\"OUT_DIR\"), \"/{name}\"))),"
        )?;
    }
    list.push_str("];\n");
    fs::write(out.join("data_files.rs"), list)?;
    Ok(())
}

fn minify(path: &Path) -> Result<String, Box<dyn Error>> {
    let text = fs::read_to_string(path)?;
    let value: serde_json::Value = serde_json::from_str(&text)
        .map_err(|e| format!("{}: not valid JSON: {e}", path.display()))?;
    Ok(value.to_string())
}
