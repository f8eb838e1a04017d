//! Set-Cookie lines as attributes only.
//!
//! The recorder removes the value before a line is stored. If a producer did
//! not, [`parse`] still drops it: the value never leaves this function, and
//! [`SetCookie`] has no field that could hold it.

use serde::{Deserialize, Serialize};

use crate::snapshot::SameSite;

/// The attributes of one Set-Cookie line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SetCookie {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    pub secure: bool,
    pub http_only: bool,
    pub same_site: SameSite,
    pub partitioned: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_age_s: Option<i64>,
    /// `Expires`, Unix milliseconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_ms: Option<i64>,
}

impl SetCookie {
    /// A deletion: `Max-Age<=0`.
    pub fn is_deletion(&self) -> bool {
        self.max_age_s.is_some_and(|m| m <= 0)
    }
}

/// Parse a Set-Cookie line into its attributes, dropping the value.
pub fn parse(line: &str) -> Option<SetCookie> {
    // Cut the value out before handing the line to the parser: the value is
    // everything between the first '=' and the first ';'.
    let (pair, attrs) = line.split_once(';').unwrap_or((line, ""));
    let name = pair.split_once('=').map_or(pair, |(n, _)| n).trim();
    if name.is_empty() || name.len() > 4096 {
        return None;
    }
    let scrubbed = format!("{name}=; {attrs}");
    let c = cookie::Cookie::parse(scrubbed).ok()?;
    let same_site = match c.same_site() {
        Some(cookie::SameSite::Strict) => SameSite::Strict,
        Some(cookie::SameSite::Lax) => SameSite::Lax,
        Some(cookie::SameSite::None) => SameSite::None,
        None => SameSite::Unspecified,
    };
    let expires_ms = attrs
        .split(';')
        .filter_map(|a| a.split_once('='))
        .find(|(k, _)| k.trim().eq_ignore_ascii_case("expires"))
        .and_then(|(_, v)| crate::signals::clock::http_date_ms(v.trim()));
    Some(SetCookie {
        name: name.to_owned(),
        domain: c.domain().map(|d| d.to_ascii_lowercase()),
        path: c.path().map(str::to_owned),
        secure: c.secure().unwrap_or(false),
        http_only: c.http_only().unwrap_or(false),
        same_site,
        partitioned: attrs
            .split(';')
            .any(|a| a.trim().eq_ignore_ascii_case("partitioned")),
        max_age_s: c.max_age().map(|d| d.whole_seconds()),
        expires_ms,
    })
}

/// Why a browser refuses a Set-Cookie line from `host` over `scheme`
/// (the rules behind DevTools' blocked-cookie reasons).
pub fn rejection(c: &SetCookie, scheme: &str, host: &str) -> Option<(&'static str, String)> {
    let secure_ctx = scheme == "https" || host == "localhost" || host == "127.0.0.1";
    if let Some(d) = &c.domain {
        let d = d.trim_start_matches('.');
        if super::is_public_suffix(d) && d != host {
            return Some((
                "InvalidDomain",
                format!("Domain={} is a public suffix", crate::redact::host(d)),
            ));
        }
        if !super::domain_match(host, d) {
            return Some((
                "DomainMismatch",
                format!(
                    "Domain={} does not match the host {}",
                    crate::redact::host(d),
                    crate::redact::host(host)
                ),
            ));
        }
    }
    if c.secure && !secure_ctx {
        return Some(("SecureOnly", format!("Secure cookie set over {scheme}")));
    }
    if c.same_site == SameSite::None && !c.secure {
        return Some((
            "SameSiteNoneInsecure",
            "SameSite=None without Secure".to_owned(),
        ));
    }
    let lname = c.name.to_ascii_lowercase();
    if lname.starts_with("__host-")
        && (!c.secure || c.domain.is_some() || c.path.as_deref() != Some("/"))
    {
        return Some((
            "InvalidPrefix",
            "__Host- cookie needs Secure, Path=/ and no Domain".to_owned(),
        ));
    }
    if lname.starts_with("__secure-") && !c.secure {
        return Some(("InvalidPrefix", "__Secure- cookie needs Secure".to_owned()));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_is_dropped() {
        let c = parse(
            "sid=SECRETVALUE123; Domain=.example.org; Path=/; Secure; HttpOnly; SameSite=None",
        )
        .unwrap();
        assert_eq!(c.name, "sid");
        assert!(!format!("{c:?}").contains("SECRET"));
        assert_eq!(c.domain.as_deref(), Some("example.org"));
        assert!(c.secure && c.http_only);
    }

    #[test]
    fn rejections() {
        let c = parse("sid=; Domain=other.example; Path=/").unwrap();
        assert_eq!(
            rejection(&c, "https", "id.example.org").unwrap().0,
            "DomainMismatch"
        );
        let c = parse("sid=; Secure").unwrap();
        assert_eq!(
            rejection(&c, "http", "id.example.org").unwrap().0,
            "SecureOnly"
        );
        let c = parse("sid=; SameSite=None").unwrap();
        assert_eq!(
            rejection(&c, "https", "id.example.org").unwrap().0,
            "SameSiteNoneInsecure"
        );
        let c = parse("__Host-sid=; Secure; Path=/; Domain=example.org").unwrap();
        assert_eq!(
            rejection(&c, "https", "example.org").unwrap().0,
            "InvalidPrefix"
        );
        let c = parse("sid=; Domain=co.uk").unwrap();
        assert_eq!(
            rejection(&c, "https", "a.co.uk").unwrap().0,
            "InvalidDomain"
        );
        let c = parse("sid=; Domain=example.org; Secure; Path=/").unwrap();
        assert!(rejection(&c, "https", "id.example.org").is_none());
    }
}
