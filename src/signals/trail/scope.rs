//! Where a cookie set in the trail goes back to, for `trail.cookie_not_sent`.

use crate::signals::setcookie;
use crate::snapshot::{SameSite, TrailEvent};
use crate::web::domain_match;

/// Where a cookie set in the trail is sent back (RFC 6265 section 5.4).
pub(super) struct Scope {
    pub(super) name: String,
    /// The host of a host-only cookie, or the Domain attribute (lower case,
    /// no leading dot).
    pub(super) domain: String,
    host_only: bool,
    pub(super) path: String,
    same_site: SameSite,
}

impl Scope {
    pub(super) fn of(c: &setcookie::SetCookie, host: &str, req_path: &str) -> Scope {
        let domain = c
            .domain
            .as_deref()
            .map(|d| d.trim_start_matches('.').to_ascii_lowercase())
            .filter(|d| !d.is_empty());
        // The default path: the request path up to its last slash.
        let default_path = match req_path.rfind('/') {
            Some(0) | None => "/".to_owned(),
            Some(i) => req_path.get(..i).unwrap_or("/").to_owned(),
        };
        let path = c
            .path
            .clone()
            .filter(|p| p.starts_with('/'))
            .unwrap_or(default_path);
        Scope {
            name: c.name.clone(),
            host_only: domain.is_none(),
            domain: domain.unwrap_or_else(|| host.to_ascii_lowercase()),
            // A cookie scoped to the part of the site that set it (a flow's
            // own path) is meant to stay there; one whose Path does not even
            // cover the page that set it is a mistake, and is expected back
            // everywhere.
            path: if path_match(req_path, &path) {
                path
            } else {
                "/".to_owned()
            },
            same_site: c.same_site,
        }
    }

    /// Would the browser send this cookie with `e` (to `host`, `path`)?
    /// Where SameSite may have withheld it (a navigation or call whose
    /// initiator is not known to be same-site), it is not expected.
    pub(super) fn goes_with(
        &self,
        e: &TrailEvent,
        host: &str,
        path: &str,
        cross_site: bool,
    ) -> bool {
        let host_ok = if self.host_only {
            host == self.domain
        } else {
            domain_match(host, &self.domain)
        };
        let path_ok = path_match(path, &self.path);
        let same_site_ok = match self.same_site {
            SameSite::None => true,
            // A top-level navigation may come from another site (the
            // identity provider's redirect); Strict cookies stay home then.
            SameSite::Strict => e.kind != "main_frame" && !cross_site,
            // Lax (and the default): top-level GETs, and same-site calls.
            SameSite::Lax | SameSite::Unspecified => {
                if e.kind == "main_frame" {
                    e.method.eq_ignore_ascii_case("GET")
                } else {
                    !cross_site
                }
            }
        };
        host_ok && path_ok && same_site_ok
    }
}

/// RFC 6265 section 5.1.4 path-match.
fn path_match(req: &str, cookie: &str) -> bool {
    req == cookie
        || (req.starts_with(cookie)
            && (cookie.ends_with('/') || req.as_bytes().get(cookie.len()) == Some(&b'/')))
}
