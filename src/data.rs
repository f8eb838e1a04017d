//! The core's data files: failure lexicons (`lexicon/<lang>.json`), code
//! catalogs (`catalogs/<name>.json`) and word lists (`vocab/<lang>.txt`).
//!
//! Data is not code. Native builds (the CLI, the tests) embed the files
//! (feature `embedded-data`, on by default; `build.rs` finds them in their
//! folders). The WASM module embeds none of them, so a language or a catalog
//! adds nothing to it: the extension fetches the same files from beside the
//! module and hands them over once per page with [`install`], before
//! anything reads them. Their owners parse and cache them on first read
//! ([`crate::text::lexicon`], [`crate::codes::shipped`]), so the set is
//! fixed from then on: [`install`] after a read is refused.
//!
//! Binary data travels as base64 text (`psl/*.b64`: the public suffix
//! list's DAFSA), decoded by its owner ([`crate::web::psl`]) with
//! [`base64_decode`].
//!
//! This module knows names and texts only; it imports nothing of the core
//! but its error type.

use crate::error::InputError;
use std::sync::OnceLock;

#[cfg(feature = "embedded-data")]
mod embedded {
    include!(concat!(env!("OUT_DIR"), "/data_files.rs"));
}

/// The files built into this binary, sorted by name.
#[cfg(feature = "embedded-data")]
pub const EMBEDDED: &[(&str, &str)] = embedded::FILES;
/// The files built into this binary: none (the WASM module loads them).
#[cfg(not(feature = "embedded-data"))]
pub const EMBEDDED: &[(&str, &str)] = &[];

/// The data folders and the one file extension each holds.
pub const FOLDERS: [(&str, &str); 5] = [
    ("lexicon", "json"),
    ("messages", "json"),
    ("catalogs", "json"),
    ("vocab", "txt"),
    ("psl", "b64"),
];

/// At most this many files, and this many bytes of text in all.
pub const MAX_FILES: usize = 256;
pub const MAX_BYTES: usize = 16 * 1024 * 1024;

/// The data in use: installed, or else the embedded files. Sorted by name.
static FILES: OnceLock<Vec<(String, String)>> = OnceLock::new();

fn files() -> &'static [(String, String)] {
    FILES.get_or_init(|| {
        EMBEDDED
            .iter()
            .map(|(n, t)| ((*n).to_owned(), (*t).to_owned()))
            .collect()
    })
}

/// Is there any data to read? False in the WASM module until [`install`].
pub fn ready() -> bool {
    match FILES.get() {
        Some(f) => !f.is_empty(),
        None => !EMBEDDED.is_empty(),
    }
}

/// The text of one data file, by its name (`"lexicon/en.json"`).
pub fn file(name: &str) -> Option<&'static str> {
    let all = files();
    let i = all.binary_search_by(|(n, _)| n.as_str().cmp(name)).ok()?;
    all.get(i).map(|(_, t)| t.as_str())
}

/// The files of one folder (`"lexicon"`), `(name, text)`, sorted by name.
pub fn folder(dir: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    files().iter().filter_map(move |(n, t)| {
        let rest = n.strip_prefix(dir)?.strip_prefix('/')?;
        (!rest.contains('/')).then_some((n.as_str(), t.as_str()))
    })
}

/// Is `name` a data file name: `<folder>/<stem>.<ext>` with the folder's
/// extension and a stem of lowercase letters, digits, `-` and `_`?
pub fn valid_name(name: &str) -> bool {
    FOLDERS.iter().any(|(dir, ext)| {
        name.strip_prefix(dir)
            .and_then(|r| r.strip_prefix('/'))
            .and_then(|r| r.strip_suffix(ext))
            .and_then(|r| r.strip_suffix('.'))
            .is_some_and(|stem| {
                !stem.is_empty()
                    && stem.len() <= 64
                    && stem.bytes().all(|b| {
                        b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_'
                    })
            })
    })
}

/// Use these files instead of the embedded ones. Once, before anything reads
/// data; names must be data file names, each once. Errors name the file by
/// its position (`files[2].name: …`), never by what it holds.
pub fn install(mut list: Vec<(String, String)>) -> Result<(), InputError> {
    if list.len() > MAX_FILES {
        return Err(InputError::TooLarge {
            field: "files".into(),
            limit: MAX_FILES,
            unit: "files",
        });
    }
    let bytes: usize = list.iter().map(|(_, t)| t.len()).sum();
    if bytes > MAX_BYTES {
        return Err(InputError::TooLarge {
            field: "files".into(),
            limit: MAX_BYTES,
            unit: "bytes",
        });
    }
    for (i, (name, _)) in list.iter().enumerate() {
        if !valid_name(name) {
            return Err(malformed(
                format!("files[{i}].name"),
                "not a data file name \
                 (expected e.g. lexicon/en.json, catalogs/okta.json or vocab/en.txt)",
            ));
        }
        if list.iter().take(i).any(|(n, _)| n == name) {
            return Err(malformed(format!("files[{i}].name"), "the same file twice"));
        }
    }
    crate::order::sort_by_key(&mut list, |(n, _)| n.clone());
    FILES.set(list).map_err(|_| {
        malformed(
            "files".into(),
            "data is already in use; load it once, before any other command",
        )
    })
}

/// Standard base64 (padding and white space allowed); `None` if it is not.
pub fn base64_decode(s: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(s.len() / 4 * 3);
    let mut acc = 0u32;
    let mut bits = 0;
    for c in s.bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            b'=' => break,
            b' ' | b'\n' | b'\r' | b'\t' => continue,
            _ => return None,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    Some(out)
}

fn malformed(field: String, message: &str) -> InputError {
    InputError::Malformed {
        field,
        message: message.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_text() {
        assert_eq!(
            base64_decode("PGh0bWw+PC9odG1sPg==").unwrap(),
            b"<html></html>"
        );
        assert_eq!(
            base64_decode("PGh0bWw+\nPC9odG1sPg").unwrap(),
            b"<html></html>"
        );
        assert!(base64_decode("not base64!").is_none());
    }

    #[test]
    fn names() {
        for ok in [
            "lexicon/en.json",
            "lexicon/zh-hans.json",
            "catalogs/microsoft-entra.json",
            "vocab/pt_br.txt",
        ] {
            assert!(valid_name(ok), "{ok}");
        }
        for bad in [
            "lexicon/en.txt",
            "vocab/en.json",
            "lexicon/../x.json",
            "lexicon/a/b.json",
            "lexicon/.json",
            "lexicon/EN.json",
            "other/en.json",
            "lexicon",
            "/lexicon/en.json",
        ] {
            assert!(!valid_name(bad), "{bad}");
        }
    }

    #[cfg(feature = "embedded-data")]
    #[test]
    fn every_data_file_is_embedded_and_found_by_folder() {
        // The folders on disk and the embedded list agree: nothing listed by hand.
        let mut on_disk = Vec::new();
        for (dir, ext) in FOLDERS {
            let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
            let Ok(entries) = std::fs::read_dir(root) else {
                continue;
            };
            for e in entries.flatten() {
                let name = e.file_name().to_string_lossy().into_owned();
                if name.ends_with(&format!(".{ext}")) && !name.starts_with('.') {
                    on_disk.push(format!("{dir}/{name}"));
                }
            }
        }
        on_disk.sort();
        let embedded: Vec<_> = EMBEDDED.iter().map(|(n, _)| (*n).to_owned()).collect();
        assert_eq!(on_disk, embedded);
        assert!(embedded.iter().all(|n| valid_name(n)), "{embedded:?}");
        assert!(file("lexicon/en.json").is_some());
        assert!(folder("catalogs").count() >= 8);
        assert!(folder("catalogs").all(|(n, _)| n.starts_with("catalogs/")));
        assert!(ready());
        // Read already: the set is fixed.
        assert!(install(Vec::new()).is_err());
    }
}
