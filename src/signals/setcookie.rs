//! Set-Cookie lines as attributes only.
//!
//! The recorder removes the value before a line is stored. If a producer did
//! not, [`parse`] still drops it: the value never leaves this function, and
//! [`SetCookie`] has no field that could hold it.

#[cfg(feature = "serde-reference")]
use serde::Deserialize;
use serde::Serialize;

use crate::snapshot::SameSite;
use crate::web;

/// The attributes of one Set-Cookie line.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "serde-reference", derive(Deserialize))]
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

    /// A deletion, given the `Date` of the response that carries it:
    /// `Max-Age<=0`, or (without Max-Age) an `Expires` the server's own
    /// clock already calls past (oauth2-proxy clears its CSRF cookie with
    /// an Expires an hour back), or one before 1971 (the epoch many
    /// frameworks write). An Expires that is past only by this computer's
    /// clock is a clock matter, not a deletion.
    pub fn is_deletion_at(&self, server_date_ms: Option<i64>) -> bool {
        const YEAR_1971_MS: i64 = 365 * 24 * 3600 * 1000;
        self.is_deletion()
            || (self.max_age_s.is_none()
                && self
                    .expires_ms
                    .is_some_and(|x| x < YEAR_1971_MS || server_date_ms.is_some_and(|d| x <= d)))
    }
}

/// Parse a Set-Cookie line into its attributes, dropping the value
/// (RFC 6265 section 5.2: attributes split on `;`, names case-insensitive,
/// the last of a repeated attribute wins, unknown attributes ignored).
pub fn parse(line: &str) -> Option<SetCookie> {
    // The value is everything between the first '=' and the first ';':
    // it is skipped here and never copied.
    let (pair, attrs) = line.split_once(';').unwrap_or((line, ""));
    // RFC 6265bis 5.6: a pair without `=` is a nameless cookie whose text is
    // its *value*: it is dropped, like a pair with an empty name.
    let name = pair.split_once('=').map(|(n, _)| n.trim())?;
    if name.is_empty() || name.len() > 4096 {
        return None;
    }
    let mut c = SetCookie {
        name: name.to_owned(),
        domain: None,
        path: None,
        secure: false,
        http_only: false,
        same_site: SameSite::Unspecified,
        partitioned: false,
        max_age_s: None,
        expires_ms: None,
    };
    for attr in attrs.split(';') {
        let (key, value) = match attr.split_once('=') {
            Some((k, v)) => (k.trim(), Some(v.trim())),
            None => (attr.trim(), None),
        };
        let is = |k: &str| key.eq_ignore_ascii_case(k);
        match value {
            _ if is("secure") => c.secure = true,
            _ if is("httponly") => c.http_only = true,
            _ if is("partitioned") => c.partitioned = true,
            Some(v) if is("domain") => {
                // A leading dot is ignored; an empty Domain is no Domain.
                let d = v.strip_prefix('.').unwrap_or(v);
                if !v.is_empty() {
                    c.domain = Some(d.to_ascii_lowercase());
                }
            }
            Some(v) if is("path") => c.path = Some(v.to_owned()),
            Some(v) if is("samesite") => {
                c.same_site = if v.eq_ignore_ascii_case("strict") {
                    SameSite::Strict
                } else if v.eq_ignore_ascii_case("lax") {
                    SameSite::Lax
                } else if v.eq_ignore_ascii_case("none") {
                    SameSite::None
                } else {
                    c.same_site
                }
            }
            Some(v) if is("max-age") => {
                if let Some(m) = max_age(v) {
                    c.max_age_s = Some(m);
                }
            }
            Some(v) if is("expires") => {
                if let Some(t) = crate::signals::clock::http_date_ms(v) {
                    c.expires_ms = Some(t);
                }
            }
            _ => {}
        }
    }
    Some(c)
}

/// `Max-Age`: digits with an optional leading `-`; a negative age means
/// "expire now" (0), one too large to hold saturates, anything else is ignored.
fn max_age(v: &str) -> Option<i64> {
    let (negative, digits) = match v.strip_prefix('-') {
        Some(d) => (true, d),
        None => (false, v),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if negative {
        return Some(0);
    }
    Some(digits.parse::<i64>().unwrap_or(i64::MAX))
}

/// Why a browser refuses a Set-Cookie line from `host` over `scheme`
/// (the rules behind DevTools' blocked-cookie reasons).
pub fn rejection(c: &SetCookie, scheme: &str, host: &str) -> Option<(&'static str, String)> {
    let secure_ctx = scheme == "https" || host == "localhost" || host == "127.0.0.1";
    if let Some(d) = &c.domain {
        let d = d.trim_start_matches('.');
        if web::is_public_suffix(d) && d != host {
            return Some((
                "InvalidDomain",
                format!("Domain={} is a public suffix", crate::redact::host(d)),
            ));
        }
        if !web::domain_match(host, d) {
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

    #[test]
    fn attributes() {
        let c = parse(
            " sid = v=1 ; domain=.Example.ORG; path=/app; SECURE; httponly; samesite=lax; \
             Partitioned; Max-Age=3600; Expires=Sun, 06 Nov 1994 08:49:37 GMT; Frob=1",
        )
        .unwrap();
        assert_eq!(c.name, "sid");
        assert_eq!(c.domain.as_deref(), Some("example.org"));
        assert_eq!(c.path.as_deref(), Some("/app"));
        assert!(c.secure && c.http_only && c.partitioned);
        assert_eq!(c.same_site, SameSite::Lax);
        assert_eq!(c.max_age_s, Some(3600));
        assert_eq!(c.expires_ms, Some(784_111_777_000));
        // No '=' at all: RFC 6265bis reads the pair as a nameless cookie's
        // value, so the line is dropped (the text could be a secret).
        assert!(parse("sid; Secure").is_none());
        assert!(parse("k7Xq9PzR").is_none());
        assert!(parse("=v; Secure").is_none());
        assert!(parse("").is_none());
    }

    #[test]
    fn odd_attribute_values() {
        // Negative Max-Age deletes; junk is ignored and keeps the earlier one;
        // the last of a repeated attribute wins.
        assert_eq!(parse("a=; Max-Age=-5").unwrap().max_age_s, Some(0));
        assert!(parse("a=; Max-Age=-5").unwrap().is_deletion());
        assert_eq!(
            parse("a=; Max-Age=60; Max-Age=1h").unwrap().max_age_s,
            Some(60)
        );
        assert_eq!(parse("a=; Max-Age=").unwrap().max_age_s, None);
        assert_eq!(
            parse("a=; Max-Age=99999999999999999999").unwrap().max_age_s,
            Some(i64::MAX)
        );
        assert_eq!(parse("a=; Domain=; Path=/").unwrap().domain, None);
        assert_eq!(
            parse("a=; Domain=x.example; Domain=y.example")
                .unwrap()
                .domain
                .as_deref(),
            Some("y.example")
        );
        assert_eq!(
            parse("a=; SameSite=Strict; SameSite=bogus")
                .unwrap()
                .same_site,
            SameSite::Strict
        );
        assert_eq!(parse("a=; Expires=yesterday").unwrap().expires_ms, None);
        // Secure needs no value, but a value does not undo it.
        assert!(parse("a=; Secure=false").unwrap().secure);
    }
}
