//! Public Suffix List look-ups over libpsl's DAFSA (`psl/public_suffix_list.b64`,
//! base64 text of the binary graph, a data file like the lexicons: not
//! inside the WASM module, see [`crate::data`]).
//!
//! The graph format is Chromium's `make_dafsa.py` format, as written by
//! libpsl's `psl-make-dafsa` after a 16-byte `.DAFSA@PSL_0` header; the
//! walk below is a port of `LookupStringInFixedSet` (Chromium
//! `net/base/lookup_string_in_fixed_set.cc`, libpsl `src/lookup_string_in_fixed_set.c`).
//! Every read is bounds-checked: a corrupt graph gives "not found", never a panic.

const HEADER: &[u8] = b".DAFSA@PSL_0   \n";
/// The data file that holds the graph.
pub const FILE: &str = "psl/public_suffix_list.b64";

/// libpsl's flags in the graph's return values.
const FLAG_EXCEPTION: u8 = 1 << 0;
const FLAG_WILDCARD: u8 = 1 << 1;

/// The graph, decoded once. Without the data file (or with a broken one)
/// nothing is a public suffix, never a panic; `load_data` refuses a broken one.
fn graph() -> &'static [u8] {
    static GRAPH: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    GRAPH
        .get_or_init(|| crate::data::file(FILE).and_then(check).unwrap_or_default())
        .as_slice()
}

/// The graph of a data file's text, if it is one.
pub fn check(text: &str) -> Option<Vec<u8>> {
    let bytes = crate::data::base64_decode(text)?;
    bytes
        .strip_prefix(HEADER)
        .map(<[u8]>::to_vec)
        .filter(|g| !g.is_empty())
}

/// Look `key` up; the rule's flags when it is in the list.
fn lookup(key: &[u8]) -> Option<u8> {
    let g = graph();
    let at = |i: usize| g.get(i).copied();
    // `pos` reads the offset list of the current node; `offset` is the child.
    let mut pos: Option<usize> = Some(0);
    let mut offset: usize = 0;
    let mut k = 0usize;
    loop {
        // GetNextOffset
        let p = pos?;
        let b0 = at(p)?;
        let (delta, used) = match b0 & 0x60 {
            0x60 => (
                (usize::from(b0 & 0x1F) << 16)
                    | (usize::from(at(p + 1)?) << 8)
                    | usize::from(at(p + 2)?),
                3,
            ),
            0x40 => ((usize::from(b0 & 0x1F) << 8) | usize::from(at(p + 1)?), 2),
            _ => (usize::from(b0 & 0x3F), 1),
        };
        offset += delta;
        pos = if b0 & 0x80 != 0 { None } else { Some(p + used) };

        let mut off = offset;
        let mut consumed = false;
        if k < key.len() && at(off)? & 0x80 == 0 {
            if at(off)? & 0x7F != *key.get(k)? {
                // Not this child: try the next offset, if there is one.
                pos?;
                continue;
            }
            consumed = true;
            off += 1;
            k += 1;
            while k < key.len() && at(off)? & 0x80 == 0 {
                if at(off)? & 0x7F != *key.get(k)? {
                    return None;
                }
                off += 1;
                k += 1;
            }
        }
        if k == key.len() {
            let v = at(off)?;
            if v & 0xE0 == 0x80 {
                return Some(v & 0x0F);
            }
            if consumed || pos.is_none() {
                return None;
            }
            continue;
        }
        if at(off)? != (*key.get(k)? | 0x80) {
            if consumed || pos.is_none() {
                return None;
            }
            continue;
        }
        k += 1;
        off += 1;
        pos = Some(off);
        offset = off;
    }
}

/// True when `domain` (lower case, no leading dot) is a public suffix.
pub fn is_public_suffix(domain: &str) -> bool {
    let d = domain.trim_start_matches('.');
    if d.is_empty() {
        return false;
    }
    if !d.contains('.') {
        return true; // the implicit "*" rule: every TLD
    }
    if let Some(flags) = lookup(d.as_bytes()) {
        return flags & FLAG_EXCEPTION == 0;
    }
    // "*.foo.bar" makes every label under foo.bar a suffix.
    match d.split_once('.') {
        Some((_, parent)) => lookup(parent.as_bytes()).is_some_and(|f| f & FLAG_WILDCARD != 0),
        None => false,
    }
}

/// The registrable domain of `host` ("site"), or `None` when the host is
/// itself a public suffix.
pub fn registrable_domain(host: &str) -> Option<&str> {
    let mut rest = host;
    if is_public_suffix(rest) {
        return None;
    }
    while let Some((_, parent)) = rest.split_once('.') {
        if is_public_suffix(parent) {
            return Some(rest);
        }
        rest = parent;
    }
    Some(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suffixes() {
        assert!(!graph().is_empty());
        for s in [
            "com",
            "co.uk",
            "org",
            "github.io",
            "blogspot.com",
            "ck",
            "anything.ck",
            "kawasaki.jp",
            "x.kawasaki.jp",
        ] {
            assert!(is_public_suffix(s), "{s}");
        }
        for s in [
            "example.com",
            "example.co.uk",
            "www.ck",
            "city.kawasaki.jp",
            "user.github.io",
            "nanami.example.org",
        ] {
            assert!(!is_public_suffix(s), "{s}");
        }
    }

    #[test]
    fn registrable() {
        assert_eq!(
            registrable_domain("a.b.example.co.uk"),
            Some("example.co.uk")
        );
        assert_eq!(registrable_domain("id.example.org"), Some("example.org"));
        assert_eq!(registrable_domain("user.github.io"), Some("user.github.io"));
        assert_eq!(registrable_domain("co.uk"), None);
        assert_eq!(registrable_domain("localhost"), None);
    }
}
