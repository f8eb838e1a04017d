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
    Evidence::new(Source::CookieJar, rule, detail, weight).blaming(cause)
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

/// How many cookie findings are listed: one jar can hold thousands of
/// cookies, and the list must stay readable.
const MAX_LISTED: usize = 40;

/// What every cookie rule reads: the page, the published hosts and how the
/// two relate, judged once per snapshot.
struct Scene<'a> {
    snap: &'a Snapshot,
    page: &'a Origin,
    path: &'a str,
    published: &'a [Origin],
    /// The page is not on a published host.
    unpublished: bool,
    /// The page is on an internal host or on a published host's other port.
    internal: bool,
    page_site: String,
    published_sites: Vec<String>,
    /// The page is on another site than every published host.
    foreign: bool,
    /// The hosts the tab reached with a sign-in request
    /// ([`sign_in_hosts`]): read from the trail only when a rule needs them.
    idp_hosts: std::cell::OnceCell<Vec<String>>,
}

impl<'a> Scene<'a> {
    fn new(snap: &'a Snapshot, page: &'a Origin, path: &'a str, published: &'a [Origin]) -> Self {
        let unpublished = !published.is_empty() && !published.iter().any(|p| p.host == page.host);
        let internal = web::is_internal_host(&page.host)
            || published
                .iter()
                .any(|p| p.host == page.host && p.port != page.port);
        let page_site = web::site(&page.host);
        let published_sites: Vec<String> = published.iter().map(|p| web::site(&p.host)).collect();
        let foreign = unpublished && !internal && !published_sites.contains(&page_site);
        Scene {
            snap,
            page,
            path,
            published,
            unpublished,
            internal,
            page_site,
            published_sites,
            foreign,
            idp_hosts: std::cell::OnceCell::new(),
        }
    }

    fn idp_hosts(&self) -> &[String] {
        self.idp_hosts
            .get_or_init(|| sign_in_hosts(self.snap, self.published))
    }

    /// The published URL(s), as shown.
    fn shown_published(&self) -> String {
        let shown: Vec<String> = self.published.iter().map(Origin::show).collect();
        shown.join(", ")
    }

    /// A cookie of the identity provider, not of the deployment: of the
    /// foreign site on screen, or of a host the tab was sent to with a
    /// sign-in request (a sibling Keycloak's cookies show up in the jar of
    /// the published site's parent domain on the app's own pages too).
    fn idp_cookie(&self, c: &Cookie) -> bool {
        let d = c.domain.trim_start_matches('.');
        (self.foreign && web::site(d) == self.page_site)
            || self.idp_hosts().iter().any(|h| domain_match(h, d))
    }

    /// A cookie the page or a published host receives: one that can be read
    /// wrongly or be the app's.
    fn ours(&self, c: &Cookie) -> bool {
        reaches(c, &self.page.host) || self.published.iter().any(|p| reaches(c, &p.host))
    }

    /// A cookie of another app on the published site (grafana.example.org
    /// beside the app, in the jar of their parent domain).
    fn other_app(&self, c: &Cookie) -> bool {
        !self.ours(c)
            && self
                .published_sites
                .contains(&web::site(c.domain.trim_start_matches('.')))
    }
}

/// The cookie jar against the page and the published hosts: one rule per
/// function below, in the order their findings are listed.
pub fn analyze(
    snap: &Snapshot,
    page: Option<&Origin>,
    path: &str,
    published: &[Origin],
) -> Vec<Evidence> {
    let Some(page) = page else {
        return Vec::new();
    };
    let s = Scene::new(snap, page, path, published);
    let mut out: Vec<Evidence> = page_host(&s).into_iter().collect();
    let jar: Vec<&Cookie> = snap.cookies.iter().filter(|c| !s.other_app(c)).collect();
    let listed = jar
        .iter()
        .flat_map(|c| each_cookie(&s, c))
        .chain(duplicate_names(&s, &jar));
    let mut reported = 0usize;
    for e in listed {
        if reported < MAX_LISTED {
            out.push(e);
        }
        reported += 1;
    }
    out.extend(header_size(&s, &jar));
    out.extend(too_many_for_domain(&jar));
    out.extend(more_findings(reported));
    out
}

/// `page.identity_provider`, `page.other_site`, `page.host_not_published`:
/// the host in use against the published host.
fn page_host(s: &Scene<'_>) -> Option<Evidence> {
    let page = s.page;
    // The identity provider's own sign-in page (Keycloak on auth.example.org
    // beside the published nanami.example.org, or Okta, Entra …): the tab was
    // sent here with an authorization request. Said, but blamed on nothing,
    // and its cookies are its own, not the deployment's. Another site
    // altogether is such a page far more often than drift, request or not.
    let e = if s.unpublished && !s.internal && s.idp_hosts().contains(&page.host) {
        ev(
            Rule::PageIdentityProvider,
            format!(
                "the page is the identity provider's ({}), where the sign-in was sent; \
                 the published URL is {}",
                page.show(),
                s.shown_published()
            ),
            None,
            0.2,
        )
    } else if s.foreign {
        ev(
            Rule::PageOtherSite,
            format!(
                "the page is on {}, another site than the published URL {} \
                 (an identity provider's page?)",
                page.show(),
                s.shown_published()
            ),
            None,
            0.2,
        )
    } else if s.unpublished {
        let cause = if s.internal {
            Cause::ProxyHost
        } else {
            Cause::CookieDomain
        };
        ev(
            Rule::PageHostNotPublished,
            format!(
                "the page is on {}, the published URL is {}",
                page.show(),
                s.shown_published()
            ),
            Some(cause),
            if s.internal { 0.7 } else { 0.5 },
        )
    } else {
        return None;
    };
    Some(e.about(Subject::Host(page.host.clone())))
}

/// The rules about one cookie, in the order they are listed.
fn each_cookie<'c>(s: &Scene<'_>, c: &'c Cookie) -> impl Iterator<Item = Evidence> + 'c {
    [
        too_large(c),
        domain_not_published(s, c),
        secure_on_http(s, c),
        samesite_none_insecure(c),
        prefix_host(c),
        prefix_secure(c),
        expired(s, c),
    ]
    .into_iter()
    .flatten()
    .map(|e| e.about(Subject::cookie(&c.name)))
}

/// A finding of `rule` about a cookie when `applies`; its detail is written
/// only then.
fn when(
    applies: bool,
    rule: Rule,
    detail: impl FnOnce() -> String,
    cause: Option<Cause>,
    weight: f32,
) -> Option<Evidence> {
    applies.then(|| ev(rule, detail(), cause, weight))
}

/// A session cookie's weight, or another cookie's.
fn by_auth(c: &Cookie, auth: f32, other: f32) -> f32 {
    if is_auth_cookie(&c.name) {
        auth
    } else {
        other
    }
}

/// A cookie's name and value in bytes. Saturating: `value_len` is input,
/// up to u32::MAX, which with the name overflows a wasm32 usize.
fn size(c: &Cookie) -> usize {
    c.name.len().saturating_add(c.value_len as usize)
}

/// `cookie.too_large`: over the 4096 bytes browsers keep.
fn too_large(c: &Cookie) -> Option<Evidence> {
    let size = size(c);
    let detail = || {
        format!(
            "cookie {} is {size} bytes, over the 4096 browsers keep",
            NameShown(&c.name)
        )
    };
    when(
        size > PER_COOKIE,
        Rule::CookieTooLarge,
        detail,
        Some(Cause::CookieBloat),
        0.5,
    )
}

/// `cookie.domain_not_published`: a session cookie the published host
/// does not receive (and not the identity provider's).
fn domain_not_published(s: &Scene<'_>, c: &Cookie) -> Option<Evidence> {
    if !is_auth_cookie(&c.name) || s.published.is_empty() {
        return None;
    }
    if s.published.iter().any(|p| reaches(c, &p.host)) || s.idp_cookie(c) {
        return None;
    }
    let hosts: Vec<String> = s.published.iter().map(|p| redact::host(&p.host)).collect();
    Some(ev(
        Rule::CookieDomainNotPublished,
        format!(
            "session cookie {} is set for {}, which the published host{} {} does not match",
            NameShown(&c.name),
            redact::host(&shown_domain(c)),
            if s.published.len() == 1 { "" } else { "s" },
            hosts.join(", ")
        ),
        Some(Cause::CookieDomain),
        0.75,
    ))
}

/// `cookie.secure_on_http`: a Secure session cookie the http:// page never gets.
fn secure_on_http(s: &Scene<'_>, c: &Cookie) -> Option<Evidence> {
    let page = s.page;
    let applies =
        c.secure && page.scheme == "http" && page.host != "localhost" && is_auth_cookie(&c.name);
    let detail = || {
        format!(
            "Secure cookie {} is not sent to this http:// page",
            NameShown(&c.name)
        )
    };
    when(
        applies,
        Rule::CookieSecureOnHttp,
        detail,
        Some(Cause::CookieRejected),
        0.6,
    )
}

/// A cookie the browser rejects or withholds for how it is set: `cookie
/// <name> <what>`, stronger for a session cookie.
fn rejected(
    c: &Cookie,
    applies: bool,
    rule: Rule,
    what: &str,
    weights: (f32, f32),
) -> Option<Evidence> {
    let detail = || format!("cookie {} {what}", NameShown(&c.name));
    let weight = by_auth(c, weights.0, weights.1);
    when(applies, rule, detail, Some(Cause::CookieRejected), weight)
}

/// `cookie.samesite_none_insecure`: SameSite=None without Secure, which
/// browsers reject.
fn samesite_none_insecure(c: &Cookie) -> Option<Evidence> {
    let applies = c.same_site == SameSite::None && !c.secure;
    let what = "has SameSite=None without Secure (browsers reject it)";
    rejected(
        c,
        applies,
        Rule::CookieSamesiteNoneInsecure,
        what,
        (0.6, 0.2),
    )
}

/// `cookie.prefix_host`: a `__Host-` cookie that is not Secure, host-only, Path=/.
fn prefix_host(c: &Cookie) -> Option<Evidence> {
    let host_prefix = c.name.to_ascii_lowercase().starts_with("__host-");
    let applies = host_prefix && (!c.secure || !c.host_only || c.path != "/");
    let what = "breaks the __Host- rules (Secure, Path=/, no Domain)";
    rejected(c, applies, Rule::CookiePrefixHost, what, (0.65, 0.3))
}

/// `cookie.prefix_secure`: a `__Secure-` cookie that is not Secure.
fn prefix_secure(c: &Cookie) -> Option<Evidence> {
    let applies = c.name.to_ascii_lowercase().starts_with("__secure-") && !c.secure;
    let what = "breaks the __Secure- rule (Secure)";
    rejected(c, applies, Rule::CookiePrefixSecure, what, (0.65, 0.3))
}

/// `cookie.expired`: a session cookie past its expiry by the snapshot's clock.
fn expired(s: &Scene<'_>, c: &Cookie) -> Option<Evidence> {
    let (exp, now) = (c.expires_ms?, s.snap.env.now_ms?);
    let applies = exp < now && is_auth_cookie(&c.name);
    let detail = || {
        let name = NameShown(&c.name);
        format!(
            "session cookie {name} expired {} s ago",
            now.saturating_sub(exp) / 1000
        )
    };
    when(applies, Rule::CookieExpired, detail, None, 0.3)
}

/// `cookie.duplicate_name`, `cookie.host_only_and_domain`: one name in
/// several places the page or the published host receives, so the server
/// may read the wrong one.
fn duplicate_names(s: &Scene<'_>, jar: &[&Cookie]) -> Vec<Evidence> {
    // (name, host_only, domain, path) of every cookie of ours.
    let mut places: Vec<(&str, bool, &str, &str)> = jar
        .iter()
        .filter(|c| s.ours(c))
        .map(|c| {
            let domain = c.domain.trim_start_matches('.');
            (c.name.as_str(), c.host_only, domain, c.path.as_str())
        })
        .collect();
    crate::order::sort(&mut places);
    places.dedup();
    let mut out = Vec::new();
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
                let dot = if *h { "" } else { "." };
                format!("{dot}{}{}", redact::host(d), redact::path(p))
            })
            .collect();
        let host_and_domain = same_name.iter().any(|p| !p.1) && same_name.iter().any(|p| p.1);
        let rule = if host_and_domain {
            Rule::CookieHostOnlyAndDomain
        } else {
            Rule::CookieDuplicateName
        };
        let detail = format!(
            "cookie {} exists {} times ({}): the server may read the wrong one",
            redact::name(n),
            same_name.len(),
            list.join(", ")
        );
        let cause = auth.then_some(Cause::CookieDomain);
        let weight = if auth { 0.55 } else { 0.15 };
        out.push(ev(rule, detail, cause, weight).about(Subject::cookie(n)));
    }
    out
}

/// `cookie.header_too_large`, `cookie.header_large`: the Cookie header the
/// page gets, against the 8 KiB most servers accept.
fn header_size(s: &Scene<'_>, jar: &[&Cookie]) -> Option<Evidence> {
    let sent: Vec<&&Cookie> = jar.iter().filter(|c| sent_to(c, s.page, s.path)).collect();
    let bytes: usize = sent
        .iter()
        .fold(0, |n, c| n.saturating_add(size(c)).saturating_add(2));
    let count = sent.len();
    if bytes > HEADER_LIMIT {
        Some(ev(
            Rule::CookieHeaderTooLarge,
            format!(
                "the Cookie header for this page is about {bytes} bytes ({count} cookies), \
                 over the 8 KiB most servers accept"
            ),
            Some(Cause::CookieBloat),
            0.85,
        ))
    } else if bytes > HEADER_LIMIT / 2 {
        Some(ev(
            Rule::CookieHeaderLarge,
            format!("the Cookie header for this page is about {bytes} bytes ({count} cookies)"),
            Some(Cause::CookieBloat),
            0.3,
        ))
    } else {
        None
    }
}

/// `cookie.too_many_for_domain`: over the cookies browsers keep per domain.
fn too_many_for_domain(jar: &[&Cookie]) -> Vec<Evidence> {
    let mut domains: Vec<&str> = jar
        .iter()
        .map(|c| c.domain.trim_start_matches('.'))
        .collect();
    crate::order::sort(&mut domains);
    let mut out = Vec::new();
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
    out
}

/// `cookie.more_findings`: how many findings the list left out.
fn more_findings(reported: usize) -> Option<Evidence> {
    (reported > MAX_LISTED).then(|| {
        ev(
            Rule::CookieMoreFindings,
            format!("{} more cookie findings not listed", reported - MAX_LISTED),
            None,
            0.0,
        )
    })
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
        let kc = concat!(
            "https://auth.example.org/realms/n/login-actions/authenticate",
            "?session_code=x&client_id=nanami"
        );
        assert!(sent_to_sign_in(&at(kc, ""), "auth.example.org"));
        let ak = concat!(
            "https://auth.example.org/if/flow/login/",
            "?next=%2Fapplication%2Fo%2Fauthorize%2F%3Fclient_id%3Dnanami"
        );
        assert!(sent_to_sign_in(&at(ak, ""), "auth.example.org"));
        // In the recorded redirect that led there (Auth0's page keeps only `state`).
        let trail = r#"{"url":"https://nanami.example.org/login","type":"main_frame","status":302,
            "redirect_url":
              "https://id.example.org/authorize?response_type=code&client_id=<6 chars>"}"#;
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
