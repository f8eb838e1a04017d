//! The web's nouns, and nothing else: URL parsing, percent-decoding,
//! origins, sites (registrable domains, over the Public Suffix List),
//! cookie domain-matching, IP addresses and internal host names.
//!
//! A leaf of the core: it imports no other module but the data files the
//! public-suffix graph is read from ([`psl`] over [`crate::data`]). How an
//! origin or a host is *shown* is the redactor's business
//! ([`crate::redact`]), not this module's.

pub mod psl;

/// Parse an absolute URL. Browsers hand us ASCII URLs (punycode hosts,
/// percent-encoded paths); anything else is refused here, because the
/// ASCII-only IDNA backend we build with asserts on non-ASCII hosts, and the
/// URL parser finds hosts in more shapes than `scheme://host` (`https:/h`,
/// `https:\\h`, percent escapes).
pub fn parse_url(raw: &str) -> Option<url::Url> {
    let raw = raw.trim();
    // The URL standard drops tabs and newlines anywhere, which would hide a
    // host from the checks below; browsers never hand us control characters.
    if raw.chars().any(char::is_control) {
        return None;
    }
    let before_query = raw.split(['?', '#']).next().unwrap_or("");
    if !before_query.is_ascii() {
        return None;
    }
    let after_scheme = raw.split_once(':').map_or(raw, |(_, rest)| rest);
    let authority = after_scheme
        .trim_start_matches(['/', '\\'])
        .split(['/', '\\', '?', '#'])
        .next()
        .unwrap_or("");
    if authority.contains('%') {
        return None;
    }
    url::Url::parse(raw).ok()
}

/// Percent-decode leniently (invalid sequences stay as they are).
pub fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let c = b.get(i).copied().unwrap_or(0);
        if c == b'%' {
            let hex = b
                .get(i + 1..i + 3)
                .and_then(|h| std::str::from_utf8(h).ok());
            if let Some(v) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Host, scheme and port of a URL, lower-cased.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    pub scheme: String,
    pub host: String,
    pub port: u16,
}

impl Origin {
    pub fn parse(raw: &str) -> Option<Origin> {
        Self::parse_with_path(raw).map(|(o, _)| o)
    }

    /// The host of an absolute URL without a full parse (for hot loops over
    /// the trail); `None` where a full parse would be needed to be sure.
    pub fn quick_host(raw: &str) -> Option<&str> {
        let rest = raw.split_once("://")?.1;
        let authority = rest.split(['/', '?', '#']).next()?;
        let hostport = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
        if hostport.starts_with('[')
            || hostport
                .bytes()
                .any(|b| b.is_ascii_uppercase() || b == b'%' || !b.is_ascii())
        {
            return None;
        }
        let host = hostport.split(':').next()?;
        (!host.is_empty()).then_some(host)
    }

    /// The origin and the path, from one parse.
    pub fn parse_with_path(raw: &str) -> Option<(Origin, String)> {
        let u = parse_url(raw)?;
        let host = u.host_str()?.trim_end_matches('.').to_ascii_lowercase();
        let o = Origin {
            scheme: u.scheme().to_owned(),
            port: u.port_or_known_default().unwrap_or(0),
            host,
        };
        Some((o, u.path().to_owned()))
    }
}

/// RFC 6265 §5.1.3 domain-match: `host` equals `domain` or ends with `.domain`
/// (and is not an IP address).
pub fn domain_match(host: &str, domain: &str) -> bool {
    let d = domain.trim_start_matches('.').to_ascii_lowercase();
    let h = host.to_ascii_lowercase();
    if d.is_empty() {
        return false;
    }
    h == d
        || (h.ends_with(&d)
            && h.len() > d.len()
            && h.as_bytes().get(h.len() - d.len() - 1) == Some(&b'.')
            && !is_ip(&h))
}

pub fn is_ip(h: &str) -> bool {
    h.parse::<std::net::IpAddr>().is_ok() || h.starts_with('[')
}

/// True when `domain` is a public suffix (`com`, `co.uk`, `github.io`), on
/// which browsers refuse to set cookies.
pub fn is_public_suffix(domain: &str) -> bool {
    let d = domain.trim_start_matches('.').to_ascii_lowercase();
    if d.is_empty() || is_ip(&d) {
        return false;
    }
    psl::is_public_suffix(&d)
}

/// Registrable domain ("site") of a host, for same-site checks.
pub fn site(host: &str) -> String {
    let h = host.to_ascii_lowercase();
    if is_ip(&h) {
        return h;
    }
    psl::registrable_domain(&h).map(str::to_owned).unwrap_or(h)
}

/// A host name that only makes sense inside a deployment: single-label names,
/// `.local`/`.internal`/`.svc` suffixes, private and link-local addresses.
pub fn is_internal_host(h: &str) -> bool {
    let h = h.to_ascii_lowercase();
    if let Ok(ip) = h.trim_matches(['[', ']']).parse::<std::net::IpAddr>() {
        return match ip {
            std::net::IpAddr::V4(v4) => {
                v4.is_private() || v4.is_link_local() || v4.is_loopback() || v4.is_unspecified()
            }
            std::net::IpAddr::V6(v6) => {
                v6.is_loopback()
                    || v6.is_unspecified()
                    || (v6.segments().first().is_some_and(|s| s & 0xfe00 == 0xfc00))
            }
        };
    }
    (!h.contains('.') && h != "localhost")
        || [
            ".local",
            ".internal",
            ".lan",
            ".svc",
            ".cluster.local",
            ".localdomain",
            ".intranet",
            ".corp",
            ".home.arpa",
        ]
        .iter()
        .any(|s| h.ends_with(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domains() {
        assert!(domain_match("id.example.org", ".example.org"));
        assert!(domain_match("example.org", "example.org"));
        assert!(!domain_match("badexample.org", "example.org"));
        assert!(is_public_suffix("co.uk"));
        assert!(is_public_suffix("com"));
        assert!(!is_public_suffix("example.com"));
        assert_eq!(site("a.b.example.co.uk"), "example.co.uk");
        assert!(is_internal_host("app-internal"));
        assert!(is_internal_host("10.0.0.5"));
        assert!(!is_internal_host("id.example.org"));
    }
}
