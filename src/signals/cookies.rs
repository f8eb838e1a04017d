//! Cookie posture: the jar (names and attributes, never values) against the
//! current host and the published URL.

use super::is_auth_cookie;
use crate::diagnosis::{Cause, Evidence, Rule, Source, Subject};
use crate::redact;
use crate::snapshot::{Cookie, SameSite, Snapshot};
use crate::web::{self, domain_match, Origin};

/// Most servers refuse request headers over 8 KiB (nginx `large_client_header_buffers 4 8k`).
pub const HEADER_LIMIT: usize = 8 * 1024;
/// Browsers keep at most 180 cookies per domain (Chromium) and 4096 bytes per cookie.
pub const PER_DOMAIN: usize = 180;
pub const PER_COOKIE: usize = 4096;

fn ev(rule: Rule, detail: String, cause: Option<Cause>, weight: f32) -> Evidence {
    Evidence {
        source: Source::CookieJar,
        rule,
        subject: Subject::None,
        detail,
        plain: None,
        supports: None,
        cause,
        weight,
    }
}

/// A cookie name, redacted only when it is displayed.
struct NameShown<'a>(&'a str);

impl std::fmt::Display for NameShown<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&redact::name(self.0))
    }
}

fn shown_domain(c: &Cookie) -> String {
    if c.host_only {
        c.domain.trim_start_matches('.').to_owned()
    } else {
        format!(".{}", c.domain.trim_start_matches('.'))
    }
}

/// Would the browser send this cookie to `o` at `path`?
pub fn sent_to(c: &Cookie, o: &Origin, path: &str) -> bool {
    let path_ok = path.starts_with(&c.path) || c.path == "/";
    reaches(c, &o.host) && path_ok && (!c.secure || o.scheme == "https" || o.host == "localhost")
}

/// Cheap pre-check for `is_ip`: an IPv4 address ends in a digit, an IPv6
/// one holds a colon.
fn could_be_ip(host: &str) -> bool {
    host.contains(':') || host.ends_with(|ch: char| ch.is_ascii_digit() || ch == ']')
}

/// Whether the browser would send `c` to `host` (path aside). No
/// allocation: this runs for every cookie.
fn reaches(c: &Cookie, host: &str) -> bool {
    let d = c.domain.trim_start_matches('.');
    if d.is_empty() {
        return false;
    }
    if host.eq_ignore_ascii_case(d) {
        return true;
    }
    // A parent domain of a host name; an IP address has none.
    !c.host_only
        && host.len() > d.len()
        && host.as_bytes().get(host.len() - d.len() - 1) == Some(&b'.')
        && host
            .get(host.len() - d.len()..)
            .is_some_and(|tail| tail.eq_ignore_ascii_case(d))
        && !(could_be_ip(host) && web::is_ip(host))
}

pub fn analyze(
    snap: &Snapshot,
    page: Option<&Origin>,
    path: &str,
    published: &[Origin],
) -> Vec<Evidence> {
    let mut out = Vec::new();
    let now = snap.env.now_ms;
    let Some(page) = page else { return out };

    // Published host against the host in use.
    let unpublished = !published.is_empty() && !published.iter().any(|p| p.host == page.host);
    let internal = web::is_internal_host(&page.host)
        || published
            .iter()
            .any(|p| p.host == page.host && p.port != page.port);
    let page_site = web::site(&page.host);
    let published_sites: Vec<String> = published.iter().map(|p| web::site(&p.host)).collect();
    let foreign = unpublished && !internal && !published_sites.contains(&page_site);
    // The identity provider's own sign-in page (Keycloak on auth.example.org
    // beside the published nanami.example.org, or Okta, Entra …): the tab was
    // sent here with an authorization request. Said, but blamed on nothing,
    // and its cookies are its own, not the deployment's. Another site
    // altogether is such a page far more often than drift, request or not.
    // Read from the trail only when a rule needs them.
    let idp_hosts: std::cell::OnceCell<Vec<String>> = std::cell::OnceCell::new();
    let idp_hosts = || idp_hosts.get_or_init(|| sign_in_hosts(snap, published));
    let idp = unpublished && !internal && idp_hosts().contains(&page.host);
    let shown = || {
        published
            .iter()
            .map(Origin::show)
            .collect::<Vec<_>>()
            .join(", ")
    };
    if idp {
        out.push(ev(
            Rule::PageIdentityProvider,
            format!(
                "the page is the identity provider's ({}), where the sign-in was sent; the published URL is {}",
                page.show(),
                shown()
            ),
            None,
            0.2,
        )
        .about(Subject::Host(page.host.clone())));
    } else if foreign {
        out.push(ev(
            Rule::PageOtherSite,
            format!(
                "the page is on {}, another site than the published URL {} (an identity provider's page?)",
                page.show(),
                shown()
            ),
            None,
            0.2,
        )
        .about(Subject::Host(page.host.clone())));
    } else if unpublished {
        out.push(
            ev(
                Rule::PageHostNotPublished,
                format!(
                    "the page is on {}, the published URL is {}",
                    page.show(),
                    shown()
                ),
                Some(if internal {
                    Cause::ProxyHost
                } else {
                    Cause::CookieDomain
                }),
                if internal { 0.7 } else { 0.5 },
            )
            .about(Subject::Host(page.host.clone())),
        );
    }
    // Cookies that belong to the identity provider, not to the deployment:
    // those of the foreign site on screen, and those of any host the tab
    // was sent to with a sign-in request (a sibling Keycloak's cookies show
    // up in the jar of the published site's parent domain on the app's own
    // pages too).
    let idp_cookie = |c: &Cookie| {
        let d = c.domain.trim_start_matches('.');
        (foreign && web::site(d) == page_site) || idp_hosts().iter().any(|h| domain_match(h, d))
    };

    // (name, host_only, domain, path) of every cookie, and every domain:
    // sorted and grouped after the loop.
    let mut places: Vec<(&str, bool, &str, &str)> = Vec::with_capacity(snap.cookies.len());
    let mut domains: Vec<&str> = Vec::with_capacity(snap.cookies.len());
    let mut sent_bytes = 0usize;
    let mut sent_count = 0usize;
    let mut reported = 0usize;
    let mut push = |out: &mut Vec<Evidence>, e: Evidence| {
        // One jar can hold thousands of cookies: keep the list readable.
        if reported < 40 {
            out.push(e);
        }
        reported += 1;
    };
    for c in &snap.cookies {
        let auth = is_auth_cookie(&c.name);
        let name = NameShown(&c.name);
        // The jar of the published site's parent domain also holds the
        // cookies of the other apps on that site (grafana.example.org …).
        // Only cookies the page or the published host receives can be read
        // wrongly or be the app's.
        let ours = reaches(c, &page.host) || published.iter().any(|p| reaches(c, &p.host));
        let other_app =
            !ours && published_sites.contains(&web::site(c.domain.trim_start_matches('.')));
        if other_app {
            continue;
        }
        if ours {
            places.push((
                c.name.as_str(),
                c.host_only,
                c.domain.trim_start_matches('.'),
                c.path.as_str(),
            ));
        }
        domains.push(c.domain.trim_start_matches('.'));
        if sent_to(c, page, path) {
            sent_bytes += c.name.len() + c.value_len as usize + 2;
            sent_count += 1;
        }
        if c.name.len() + c.value_len as usize > PER_COOKIE {
            push(
                &mut out,
                ev(
                    Rule::CookieTooLarge,
                    format!(
                        "cookie {name} is {} bytes, over the 4096 browsers keep",
                        c.name.len() + c.value_len as usize
                    ),
                    Some(Cause::CookieBloat),
                    0.5,
                )
                .about(Subject::cookie(&c.name)),
            );
        }
        if auth && !published.is_empty() {
            let matches_published = published.iter().any(|p| reaches(c, &p.host));
            if !matches_published && !idp_cookie(c) {
                push(&mut out, ev(
                    Rule::CookieDomainNotPublished,
                    format!("session cookie {name} is set for {}, which the published host{} {} does not match", redact::host(&shown_domain(c)), if published.len() == 1 { "" } else { "s" }, published.iter().map(|p| redact::host(&p.host)).collect::<Vec<_>>().join(", ")),
                    Some(Cause::CookieDomain),
                    0.75,
                ).about(Subject::cookie(&c.name)));
            }
        }
        if c.secure && page.scheme == "http" && page.host != "localhost" && auth {
            push(
                &mut out,
                ev(
                    Rule::CookieSecureOnHttp,
                    format!("Secure cookie {name} is not sent to this http:// page"),
                    Some(Cause::CookieRejected),
                    0.6,
                )
                .about(Subject::cookie(&c.name)),
            );
        }
        if c.same_site == SameSite::None && !c.secure {
            push(
                &mut out,
                ev(
                    Rule::CookieSamesiteNoneInsecure,
                    format!("cookie {name} has SameSite=None without Secure (browsers reject it)"),
                    Some(Cause::CookieRejected),
                    if auth { 0.6 } else { 0.2 },
                )
                .about(Subject::cookie(&c.name)),
            );
        }
        let lname = c.name.to_ascii_lowercase();
        if lname.starts_with("__host-") && (!c.secure || !c.host_only || c.path != "/") {
            push(
                &mut out,
                ev(
                    Rule::CookiePrefixHost,
                    format!("cookie {name} breaks the __Host- rules (Secure, Path=/, no Domain)"),
                    Some(Cause::CookieRejected),
                    if auth { 0.65 } else { 0.3 },
                )
                .about(Subject::cookie(&c.name)),
            );
        }
        if lname.starts_with("__secure-") && !c.secure {
            push(
                &mut out,
                ev(
                    Rule::CookiePrefixSecure,
                    format!("cookie {name} breaks the __Secure- rule (Secure)"),
                    Some(Cause::CookieRejected),
                    if auth { 0.65 } else { 0.3 },
                )
                .about(Subject::cookie(&c.name)),
            );
        }
        if let (Some(exp), Some(now)) = (c.expires_ms, now) {
            if exp < now && auth {
                push(
                    &mut out,
                    ev(
                        Rule::CookieExpired,
                        format!("session cookie {name} expired {} s ago", (now - exp) / 1000),
                        None,
                        0.3,
                    )
                    .about(Subject::cookie(&c.name)),
                );
            }
        }
    }
    crate::order::sort(&mut places);
    places.dedup();
    for same_name in places.chunk_by(|a, b| a.0 == b.0) {
        let (Some(&(n, ..)), true) = (same_name.first(), same_name.len() > 1) else {
            // A name that appears once is not a duplicate.
            continue;
        };
        let auth = is_auth_cookie(n);
        let list: Vec<String> = same_name
            .iter()
            .take(5)
            .map(|(_, h, d, p)| {
                format!(
                    "{}{}{}",
                    if *h { "" } else { "." },
                    redact::host(d),
                    redact::path(p)
                )
            })
            .collect();
        let host_and_domain = same_name.iter().any(|p| !p.1) && same_name.iter().any(|p| p.1);
        push(
            &mut out,
            ev(
                if host_and_domain {
                    Rule::CookieHostOnlyAndDomain
                } else {
                    Rule::CookieDuplicateName
                },
                format!(
                    "cookie {} exists {} times ({}): the server may read the wrong one",
                    redact::name(n),
                    same_name.len(),
                    list.join(", ")
                ),
                if auth {
                    Some(Cause::CookieDomain)
                } else {
                    None
                },
                if auth { 0.55 } else { 0.15 },
            )
            .about(Subject::cookie(n)),
        );
    }
    if sent_bytes > HEADER_LIMIT {
        out.push(ev(Rule::CookieHeaderTooLarge, format!("the Cookie header for this page is about {sent_bytes} bytes ({sent_count} cookies), over the 8 KiB most servers accept"), Some(Cause::CookieBloat), 0.85));
    } else if sent_bytes > HEADER_LIMIT / 2 {
        out.push(ev(Rule::CookieHeaderLarge, format!("the Cookie header for this page is about {sent_bytes} bytes ({sent_count} cookies)"), Some(Cause::CookieBloat), 0.3));
    }
    crate::order::sort(&mut domains);
    for same_domain in domains.chunk_by(|a, b| a == b) {
        let (Some(d), n) = (same_domain.first(), same_domain.len()) else {
            continue;
        };
        if n > PER_DOMAIN {
            out.push(
                ev(
                    Rule::CookieTooManyForDomain,
                    format!(
                        "{n} cookies on {}, over the {PER_DOMAIN} browsers keep per domain",
                        redact::host(d)
                    ),
                    Some(Cause::CookieBloat),
                    0.5,
                )
                .about(Subject::Host((*d).to_owned())),
            );
        }
    }
    if reported > 40 {
        out.push(ev(
            Rule::CookieMoreFindings,
            format!("{} more cookie findings not listed", reported - 40),
            None,
            0.0,
        ));
    }
    out
}

/// The hosts the tab reached with a sign-in request: an OAuth/OIDC
/// authorization request (`client_id`, `response_type`) or a SAML one
/// (`SAMLRequest`) in a URL on that host, the page's own or one the trail
/// recorded, also inside an encoded return address (authentik's
/// `?next=/application/o/authorize/%3Fclient_id%3D…`). Parameter names
/// survive redaction; values are not needed. Sorted, without repeats.
fn sign_in_hosts(snap: &Snapshot, published: &[Origin]) -> Vec<String> {
    let request_host = |url: &str| -> Option<String> {
        let (_, query) = url.split_once('?')?;
        let q = web::percent_decode(query.split('#').next().unwrap_or(""));
        // Parameter names, also those of a request encoded in a value; or a
        // return address on the published host (Authelia's and
        // oauth2-proxy's `rd`, Ory's `return_to`, Zitadel's auth request).
        let asks = q.split(['&', '?']).any(|kv| {
            kv.split_once('=').is_some_and(|(k, v)| {
                SIGN_IN_PARAMS.iter().any(|n| k.eq_ignore_ascii_case(n))
                    || (RETURN_PARAMS.iter().any(|n| k.eq_ignore_ascii_case(n))
                        && Origin::quick_host(v)
                            .is_some_and(|h| published.iter().any(|p| p.host == h)))
            })
        });
        if !asks {
            return None;
        }
        Origin::parse(url).map(|o| o.host)
    };
    let mut hosts: Vec<String> = std::iter::once(snap.url.as_str())
        .chain(
            snap.trail
                .iter()
                .filter(|e| e.kind == "main_frame")
                .flat_map(|e| [Some(e.url.as_str()), e.redirect_url.as_deref()])
                .flatten(),
        )
        .filter_map(request_host)
        .collect();
    crate::order::sort(&mut hosts);
    hosts.dedup();
    hosts
}

/// Parameters of a sign-in request.
const SIGN_IN_PARAMS: [&str; 5] = [
    "client_id",
    "response_type",
    "samlrequest",
    "authrequestid",
    "authrequest",
];

/// Parameters that carry the address to return to after signing in.
const RETURN_PARAMS: [&str; 11] = [
    "rd",
    "return_to",
    "returnto",
    "return_url",
    "redirect_uri",
    "redirect_url",
    "redirect",
    "next",
    "continue",
    "service",
    "target",
];

#[cfg(test)]
fn sent_to_sign_in(snap: &Snapshot, host: &str) -> bool {
    let published = [Origin::parse("https://nanami.example.org").unwrap()];
    sign_in_hosts(snap, &published).iter().any(|h| h == host)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(url: &str, trail: &str) -> Snapshot {
        Snapshot::from_json(&format!(r#"{{"url":"{url}","trail":[{trail}]}}"#)).unwrap()
    }

    #[test]
    fn the_identity_providers_page_is_known_by_the_request_that_led_there() {
        // On the page's own URL: Keycloak keeps client_id; authentik encodes
        // the authorization request in `next`.
        let kc = "https://auth.example.org/realms/n/login-actions/authenticate?session_code=x&client_id=nanami";
        assert!(sent_to_sign_in(&at(kc, ""), "auth.example.org"));
        let ak = "https://auth.example.org/if/flow/login/?next=%2Fapplication%2Fo%2Fauthorize%2F%3Fclient_id%3Dnanami";
        assert!(sent_to_sign_in(&at(ak, ""), "auth.example.org"));
        // In the recorded redirect that led there (Auth0's page keeps only `state`).
        let trail = r#"{"url":"https://nanami.example.org/login","type":"main_frame","status":302,
            "redirect_url":"https://id.example.org/authorize?response_type=code&client_id=<6 chars>"}"#;
        assert!(sent_to_sign_in(
            &at("https://id.example.org/u/mfa?state=x", trail),
            "id.example.org"
        ));
        // Drift: another host of the app, no sign-in request; or the request
        // went to another host than the page's.
        assert!(!sent_to_sign_in(
            &at("https://app.example.org/login?next=%2Fhome", ""),
            "app.example.org"
        ));
        assert!(!sent_to_sign_in(
            &at("https://app.example.org/login", trail),
            "app.example.org"
        ));
        // A return address on the published host (Authelia, oauth2-proxy,
        // Ory), or Zitadel's auth request id.
        let authelia = "https://auth.example.org/?rd=https%3A%2F%2Fnanami.example.org%2Fhome";
        assert!(sent_to_sign_in(&at(authelia, ""), "auth.example.org"));
        let zitadel = "https://auth.example.org/ui/login/login?authRequestID=231234";
        assert!(sent_to_sign_in(&at(zitadel, ""), "auth.example.org"));
        // A return address elsewhere is not a sign-in request for this app.
        let elsewhere = "https://app.example.org/login?next=https%3A%2F%2Fother.example.com%2F";
        assert!(!sent_to_sign_in(&at(elsewhere, ""), "app.example.org"));
        assert!(!sent_to_sign_in(
            &at("https://app.example.org/login?next=%2Fhome", ""),
            "app.example.org"
        ));
        // A name that merely ends like one does not count.
        assert!(!sent_to_sign_in(
            &at("https://app.example.org/x?my_client_id=1", ""),
            "app.example.org"
        ));
    }
}
