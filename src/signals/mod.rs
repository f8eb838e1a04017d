//! Signals: small units that turn a snapshot into findings with evidence.
//! None of them sees a cookie value; none calls a clock or a browser API.

pub mod clock;
pub mod cookies;
pub mod page;
pub mod setcookie;
pub mod trail;

/// How far back the trail belongs to the failure on screen: from 15 minutes
/// before the tab's newest main-frame response (the page shown, a browser
/// error page included) on. Older events are the tab's history: a loop an
/// hour ago that an operator has since fixed is not why sign-in fails now.
pub const EPISODE_MS: i64 = 15 * 60 * 1000;

/// When the current episode of the trail starts (see [`EPISODE_MS`]); `None`
/// when the trail carries no times.
pub fn episode_start(snap: &crate::snapshot::Snapshot) -> Option<i64> {
    snap.trail
        .iter()
        .rev()
        .filter(|e| e.kind == "main_frame")
        .find_map(|e| e.received_ms)
        .or(snap.env.now_ms)
        .map(|t| t.saturating_sub(EPISODE_MS))
}

/// Whether a trail event belongs to the episode that starts at `start`. An
/// event without a time is kept.
pub fn in_episode(e: &crate::snapshot::TrailEvent, start: Option<i64>) -> bool {
    match (start, e.received_ms) {
        (Some(s), Some(at)) => at >= s,
        _ => true,
    }
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
        let u = crate::redact::parse_url(raw)?;
        let host = u.host_str()?.trim_end_matches('.').to_ascii_lowercase();
        let o = Origin {
            scheme: u.scheme().to_owned(),
            port: u.port_or_known_default().unwrap_or(0),
            host,
        };
        Some((o, u.path().to_owned()))
    }

    pub fn show(&self) -> String {
        let default = matches!(
            (self.scheme.as_str(), self.port),
            ("https", 443) | ("http", 80)
        );
        let host = crate::redact::host(&self.host);
        if default {
            format!("{}://{host}", self.scheme)
        } else {
            format!("{}://{host}:{}", self.scheme, self.port)
        }
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
    crate::psl::is_public_suffix(&d)
}

/// Registrable domain ("site") of a host, for same-site checks.
pub fn site(host: &str) -> String {
    let h = host.to_ascii_lowercase();
    if is_ip(&h) {
        return h;
    }
    crate::psl::registrable_domain(&h)
        .map(str::to_owned)
        .unwrap_or(h)
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

/// Cookie names that carry login or session state.
pub fn is_auth_cookie(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    [
        "sess",
        "sid",
        "auth",
        "token",
        "csrf",
        "xsrf",
        "login",
        "oauth",
        "state",
        "nonce",
        "mfa",
        "otp",
        "remember",
        "identity",
        "kc_",
        "keycloak",
        "okta",
        "idx",
        "sb-",
        "jwt",
        "saml",
        "oidc",
        "__host-",
        "__secure-",
        "jsessionid",
        "phpsessid",
        "laravel",
        "user",
        "ory_",
        "_forward_auth",
        "_oauth2_proxy",
        "connect.sid",
        "nanami",
    ]
    .iter()
    .any(|k| n.contains(k))
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
