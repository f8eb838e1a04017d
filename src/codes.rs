//! Safe product codes: where they are found (URL error parameters, markup,
//! text), and what a catalog says about them.
//!
//! A code is captured verbatim. It maps to a failure type only when a catalog
//! knows it; an unknown code is reported as unknown, never guessed at.
//! Catalogs are data (`catalogs/*.json`); operators add their own at run time.

use std::collections::HashMap;
use std::sync::OnceLock;

#[cfg(feature = "serde-reference")]
use serde::Deserialize;
use serde::Serialize;

use crate::diagnosis::{CodeSource, FailureType};
use crate::error::InputError;
use crate::shapes::{is_code_like, is_product_shape, is_vendor_shape};
use crate::web;

/// A catalog file. Operators write the same format for Nanami's own codes.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(feature = "serde-reference", derive(Deserialize))]
#[serde(deny_unknown_fields)]
pub struct Catalog {
    /// Short id, e.g. `okta` or `nanami`.
    pub catalog: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub version: String,
    #[serde(default)]
    pub source: String,
    pub codes: Vec<CatalogEntry>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(feature = "serde-reference", derive(Deserialize))]
#[serde(deny_unknown_fields)]
pub struct CatalogEntry {
    pub code: String,
    /// One of the four failure types, or `other`.
    #[serde(rename = "type")]
    pub kind: CodeType,
    /// A generic code (`invalid_request`) says little by itself: the message
    /// beside it decides, and the catalog type only applies when there is none.
    #[serde(default)]
    pub generic: bool,
    #[serde(default)]
    pub meaning: String,
}

#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[cfg_attr(feature = "serde-reference", derive(Deserialize))]
#[serde(rename_all = "snake_case")]
pub enum CodeType {
    MfaInvalidCode,
    MfaChallengeExpired,
    MfaRateLimited,
    SessionProxyCookie,
    Other,
}

impl CodeType {
    pub fn failure_type(self) -> FailureType {
        match self {
            CodeType::MfaInvalidCode => FailureType::MfaInvalidCode,
            CodeType::MfaChallengeExpired => FailureType::MfaChallengeExpired,
            CodeType::MfaRateLimited => FailureType::MfaRateLimited,
            CodeType::SessionProxyCookie => FailureType::SessionProxyCookie,
            CodeType::Other => FailureType::Unclassified,
        }
    }
}

crate::json_struct!(
    Catalog,
    deny {
        catalog: req,
        title: default,
        version: default,
        source: default,
        codes: req,
    }
);
crate::json_struct!(CatalogEntry, deny {
    code: req, kind as "type": req, generic: default, meaning: default,
});
crate::json_enum!(CodeType {
    "mfa_invalid_code" => CodeType::MfaInvalidCode,
    "mfa_challenge_expired" => CodeType::MfaChallengeExpired,
    "mfa_rate_limited" => CodeType::MfaRateLimited,
    "session_proxy_cookie" => CodeType::SessionProxyCookie,
    "other" => CodeType::Other,
});

/// The catalogs shipped with the core (`catalogs/*.json`, see [`crate::data`]),
/// in the order of their file names.
pub fn shipped() -> &'static [Catalog] {
    static CATS: OnceLock<Vec<Catalog>> = OnceLock::new();
    CATS.get_or_init(|| {
        crate::data::folder("catalogs")
            .filter_map(|(_, s)| crate::json::from_str(s).ok())
            .collect()
    })
}

/// Versions of the shipped catalogs, `name@version`, for reports.
pub fn shipped_versions() -> Vec<String> {
    shipped()
        .iter()
        .map(|c| format!("{}@{}", c.catalog, c.version))
        .collect()
}

impl Catalog {
    /// Parse and check an operator catalog; errors name the field.
    pub fn from_json(s: &str) -> Result<Catalog, InputError> {
        if s.len() > 1024 * 1024 {
            return Err(InputError::TooLarge {
                field: "catalog".into(),
                limit: 1024 * 1024,
                unit: "bytes",
            });
        }
        let cat: Catalog = crate::json::from_str(s)?;
        cat.validate()?;
        Ok(cat)
    }

    pub fn validate(&self) -> Result<(), InputError> {
        if self.catalog.trim().is_empty() {
            return Err(InputError::Malformed {
                field: "catalog".into(),
                message: "must name the catalog".into(),
            });
        }
        if self.codes.len() > 10_000 {
            return Err(InputError::TooLarge {
                field: "codes".into(),
                limit: 10_000,
                unit: "items",
            });
        }
        for (i, e) in self.codes.iter().enumerate() {
            if !is_code_like(&e.code) {
                return Err(InputError::Malformed {
                    field: format!("codes[{i}].code"),
                    message: "a code is 1-64 characters of letters, digits and _ . : / -, and \
                              must not look like a token"
                        .into(),
                });
            }
        }
        Ok(())
    }
}

/// What the catalogs know about one code.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "serde-reference", derive(Deserialize))]
pub struct Known {
    pub catalog: String,
    pub kind: CodeType,
    pub generic: bool,
    pub meaning: String,
}

/// A look-up table over the shipped catalogs plus operator catalogs.
/// Operator entries win over shipped ones for the same code.
pub struct Catalogs {
    map: HashMap<String, Known>,
    pub versions: Vec<String>,
}

impl Catalogs {
    pub fn new(operator: &[Catalog]) -> Catalogs {
        let mut map = HashMap::new();
        let mut versions = Vec::new();
        for c in shipped().iter().chain(operator) {
            versions.push(format!("{}@{}", c.catalog, c.version));
            for e in &c.codes {
                map.insert(
                    e.code.to_ascii_lowercase(),
                    Known {
                        catalog: c.catalog.clone(),
                        kind: e.kind,
                        generic: e.generic,
                        meaning: e.meaning.clone(),
                    },
                );
            }
        }
        Catalogs { map, versions }
    }

    pub fn get(&self, code: &str) -> Option<&Known> {
        self.map.get(&code.to_ascii_lowercase())
    }
}

/// Codes of the shipped catalogs, lower case.
fn shipped_codes() -> &'static std::collections::HashSet<String> {
    static SET: OnceLock<std::collections::HashSet<String>> = OnceLock::new();
    SET.get_or_init(|| {
        shipped()
            .iter()
            .flat_map(|c| c.codes.iter().map(|e| e.code.to_ascii_lowercase()))
            .collect()
    })
}

/// A code that may be captured and shown without asking: one of a shipped
/// catalog, or of a product-code shape ([`is_product_shape`]). Any other
/// candidate (a value where a code usually sits: `error=`, `data-code`,
/// text after "code:") may be a token, a user name or an OTP: it appears in
/// no output unless the user chose to include it
/// ([`crate::snapshot::Page::included_codes`]).
pub fn is_safe_code(s: &str) -> bool {
    is_code_like(s) && (shipped_codes().contains(&s.to_ascii_lowercase()) || is_product_shape(s))
}

#[derive(Debug, Clone, PartialEq)]
pub struct FoundCode {
    pub code: String,
    pub source: CodeSource,
}

/// Error parameters of a URL (query and fragment), decoded.
#[derive(Debug, Default, Clone)]
pub struct UrlErrors {
    pub error: Option<String>,
    pub error_code: Option<String>,
    pub error_description: Option<String>,
}

pub fn url_errors(raw: &str) -> UrlErrors {
    let mut out = UrlErrors::default();
    let Some(u) = web::parse_url(raw) else {
        return out;
    };
    let mut take = |q: &str| {
        for kv in q.split('&') {
            let (k, v) = kv.split_once('=').unwrap_or((kv, ""));
            let v = web::percent_decode(&v.replace('+', " "));
            match web::percent_decode(k).to_ascii_lowercase().as_str() {
                "error" => out.error = Some(v),
                "error_code" => out.error_code = Some(v),
                "error_description" => out.error_description = Some(v),
                _ => {}
            }
        }
    };
    if let Some(q) = u.query() {
        take(q);
    }
    if let Some(f) = u.fragment() {
        if f.contains('=') {
            take(f);
        }
    }
    out
}

/// How far back a recorded navigation may carry the failure's code: the
/// last this many main-frame events of the trail's current episode
/// ([`crate::snapshot::EPISODE_MS`]).
const TRAIL_CODE_EVENTS: usize = 30;

/// The newest recent main-frame navigation of the trail whose URL or redirect
/// target carries `error_code` or `error` (an OAuth callback the app consumed
/// before showing a generic failure page). Returns its index and the
/// parameters. Frames are left out: hidden frames of silent sign-in answer
/// `login_required` routinely.
pub fn trail_errors(snap: &crate::snapshot::Snapshot) -> Option<(usize, UrlErrors)> {
    let start = snap.episode_start();
    let recent = |e: &crate::snapshot::TrailEvent| e.in_episode(start);
    snap.trail
        .iter()
        .enumerate()
        .rev()
        .filter(|(_, e)| e.kind == "main_frame")
        .take(TRAIL_CODE_EVENTS)
        .take_while(|(_, e)| recent(e))
        .find_map(|(i, e)| {
            nav_errors(e, |u| {
                u.error_code.is_some()
                    || u.error
                        .as_deref()
                        .is_some_and(|c| !SILENT_ANSWERS.contains(&c))
            })
            .map(|u| (i, u))
        })
}

/// The error parameters a main-frame navigation carried, in its redirect
/// target or its own URL (the first of the two that `keep` accepts).
pub fn nav_errors(
    e: &crate::snapshot::TrailEvent,
    keep: fn(&UrlErrors) -> bool,
) -> Option<UrlErrors> {
    if e.kind != "main_frame" {
        return None;
    }
    [e.redirect_url.as_deref(), Some(e.url.as_str())]
        .into_iter()
        .flatten()
        .map(url_errors)
        .find(keep)
}

/// What an authorization server answers a silent sign-in check
/// (`prompt=none`, OIDC Core §3.1.2.6): routine on the way to a login page,
/// not the code of a failure.
const SILENT_ANSWERS: [&str; 4] = [
    "login_required",
    "interaction_required",
    "consent_required",
    "account_selection_required",
];

/// Codes written in text. Recognises the shapes products use:
/// `AADSTS50088`, `E0000069`, `auth/code-expired`, `CodeMismatchException`,
/// and codes behind a label (`Error code: X`, `Error: X`, `(X)`, `[X]`).
/// Unlabelled `snake_case` words count only when a catalog knows them.
pub fn codes_in_text(text: &str, cats: &Catalogs, out: &mut Vec<FoundCode>) {
    // The two words before the current one, for labels ("Error code: X").
    let mut prev: [&str; 2] = ["", ""];
    for w in text.split_whitespace().take(200_000) {
        let before = prev;
        prev = [before[1], w];
        let bare = w.trim_matches(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '/'));
        let bare = bare.trim_end_matches(['.', ':']);
        if bare.is_empty() || bare.len() > 64 {
            continue;
        }
        // Cheap shape test first: a code has a digit, a separator or inner
        // capitals (CamelCase). An all-capitals word is an acronym ("(TOTP)")
        // unless a label says it is the code ("Error code: FORBIDDEN").
        let codeish = bare.contains(['_', '/', '-', '.'])
            || bare.bytes().any(|b| b.is_ascii_digit())
            || camel(bare);
        let capitals = bare.len() >= 3 && bare.bytes().all(|b| b.is_ascii_uppercase());
        if !(codeish || capitals)
            || ACRONYMS.iter().any(|a| a.eq_ignore_ascii_case(bare))
            || host_name(bare)
        {
            continue;
        }
        let labelled = {
            let p = format!("{} {}", before[0], before[1]).to_ascii_lowercase();
            p.ends_with("code:")
                || p.ends_with("error:")
                || p.ends_with("error code")
                || (p.ends_with("id:") && p.contains("error"))
                || p.ends_with("reason:")
        };
        if !codeish && !labelled {
            continue;
        }
        let bracketed = (w.starts_with('(') || w.starts_with('['))
            && (w.trim_end_matches(['.', ',', ':']).ends_with(')')
                || w.trim_end_matches(['.', ',', ':']).ends_with(']'));
        let shaped = is_vendor_shape(bare);
        let known = cats.get(bare).is_some() && (bare.contains(['_', '/', '-']) || shaped);
        let labelled_ok = (labelled || bracketed) && is_code_like(bare);
        if (shaped || known || labelled_ok)
            && is_code_like(bare)
            && !out.iter().any(|c| c.code == bare)
        {
            out.push(FoundCode {
                code: bare.to_owned(),
                source: CodeSource::Text,
            });
        }
    }
}

/// Words of sign-in pages that look like codes but name a method
/// ("Open your authenticator (TOTP) app", "Use 2FA"): never a safe code.
const ACRONYMS: [&str; 16] = [
    "2FA", "MFA", "OTP", "TOTP", "HOTP", "SMS", "U2F", "FIDO", "FIDO2", "SSO", "SAML", "OIDC",
    "OAuth", "OAuth2", "WebAuthn", "PIN",
];

/// A host name ("(nanami.example.org)" on Cloudflare's block page), not a code.
fn host_name(s: &str) -> bool {
    let Some((_, tld)) = s.rsplit_once('.') else {
        return false;
    };
    tld.len() >= 2
        && tld.bytes().all(|b| b.is_ascii_alphabetic())
        && s.split('.')
            .all(|l| !l.is_empty() && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))
}

/// CamelCase: a lower-case letter and a capital after the first character
/// (`CodeMismatchException`), not an all-capitals acronym (`TOTP`).
fn camel(s: &str) -> bool {
    s.chars().any(|c| c.is_ascii_lowercase()) && s.chars().skip(1).any(|c| c.is_ascii_uppercase())
}

/// Codes in markup attributes: Ory's `data-testid="ui/message/4000006"`
/// carries the message id after its prefix; other attributes carry the code.
pub fn code_from_markup(source: &str, value: &str) -> Option<String> {
    let v = value.trim();
    let v = v.strip_prefix("ui/message/").unwrap_or(v);
    if source.contains("testid") && !value.trim().starts_with("ui/message/") {
        return None;
    }
    is_code_like(v).then(|| v.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        codes_in_text(text, &Catalogs::new(&[]), &mut out);
        out.into_iter().map(|c| c.code).collect()
    }

    #[test]
    fn methods_in_brackets_are_not_codes() {
        // GitHub's 2FA page names the method in brackets.
        assert!(
            codes("Open your two-factor authenticator (TOTP) app to view your code.").is_empty()
        );
        assert!(codes("Verify with a security key (U2F) or (2FA) app, or (SMS).").is_empty());
        // Codes in brackets and behind labels still are.
        assert_eq!(codes("Sign-in failed (AADSTS50126)."), ["AADSTS50126"]);
        assert_eq!(codes("Sign-in failed [invalid_grant]"), ["invalid_grant"]);
        assert_eq!(codes("We could not sign you in (NAN-4711)."), ["NAN-4711"]);
        assert_eq!(codes("Error code: FORBIDDEN"), ["FORBIDDEN"]);
        assert_eq!(
            codes("Failed (CodeMismatchException)"),
            ["CodeMismatchException"]
        );
        // A host name in brackets (Cloudflare's block page) is not a code.
        assert!(codes("The owner of this website (nanami.example.org) has banned you").is_empty());
    }
}

/// Standard reason phrases of the error statuses status pages show.
const REASONS: [(u16, &str); 17] = [
    (400, "bad request"),
    (401, "unauthorized"),
    (403, "forbidden"),
    (404, "not found"),
    (405, "method not allowed"),
    (408, "request timeout"),
    (413, "request entity too large"),
    (419, "page expired"),
    (429, "too many requests"),
    (431, "request header fields too large"),
    (494, "request header too large"),
    (495, "ssl certificate error"),
    (500, "internal server error"),
    (502, "bad gateway"),
    (503, "service unavailable"),
    (504, "gateway timeout"),
    (520, "web server returned an unknown error"),
];

/// The status a heading names: "429 Too Many Requests", "Error 429",
/// "HTTP Error 429", "Too Many Requests (429)", with the status's own reason
/// phrase when it has one.
fn status_in_heading(line: &str) -> Option<u16> {
    let l = line.trim().to_ascii_lowercase();
    if l.len() > 60 {
        return None;
    }
    let digits: Vec<(usize, u16)> = l
        .char_indices()
        .filter(|(i, _)| {
            l.get(*i..i + 3)
                .is_some_and(|d| d.bytes().all(|b| b.is_ascii_digit()))
                && (*i == 0 || !l.as_bytes().get(i - 1).is_some_and(u8::is_ascii_digit))
                && !l.as_bytes().get(i + 3).is_some_and(u8::is_ascii_digit)
        })
        .filter_map(|(i, _)| Some((i, l.get(i..i + 3)?.parse().ok()?)))
        .collect();
    let [(at, n)] = digits.as_slice() else {
        return None;
    };
    if !(400..600).contains(n) {
        return None;
    }
    let rest = format!(
        "{} {}",
        l.get(..*at).unwrap_or(""),
        l.get(at + 3..).unwrap_or("")
    );
    let words: String = rest
        .chars()
        .map(|c| if c.is_ascii_alphabetic() { c } else { ' ' })
        .collect();
    let words = words.split_whitespace().collect::<Vec<_>>().join(" ");
    let reason = REASONS.iter().find(|(s, _)| s == n).map(|(_, r)| *r);
    let ok = match words.as_str() {
        "" | "error" | "http" | "http error" | "status" => true,
        w => {
            reason.is_some_and(|r| w == r || w == format!("error {r}") || w == format!("http {r}"))
        }
    };
    ok.then_some(*n)
}

/// The rest of a short page's heading that opens or ends with status 419
/// and holds no other number ("419 | Page Expired" gives "Page Expired",
/// "419\nSeite abgelaufen" gives "", "Error 419" gives "Error"): the
/// title or one of the first two lines. "Enter the code 419 we sent" is no
/// heading; what the rest must say is the caller's to judge.
pub fn heading_419<'a>(title: &'a str, text: &'a str) -> Option<&'a str> {
    if text.len() > 600 {
        return None;
    }
    let sep = |c: char| c.is_whitespace() || "|:-–—()[].#".contains(c);
    let first = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(2);
    std::iter::once(title.trim()).chain(first).find_map(|l| {
        let bare = l.trim_matches(sep);
        let rest = bare
            .strip_prefix("419")
            .or_else(|| bare.strip_suffix("419"))?
            .trim_matches(sep);
        let one_number = l
            .split(|c: char| !c.is_ascii_digit())
            .filter(|run| !run.is_empty())
            .eq(["419"]);
        (l.chars().count() <= 60 && one_number).then_some(rest)
    })
}

/// `HTTP NNN` for a bare status page: a short page whose title or first
/// line is an error status with its reason ("429 Too Many Requests", as
/// nginx and most servers print them), agreeing with the document's status
/// when that is known. The page's own codes, where it shows any, come first.
pub fn status_page_code(status: Option<u16>, title: &str, text: &str) -> Option<String> {
    if text.len() > 600 {
        return None;
    }
    let first = text.lines().map(str::trim).find(|l| !l.is_empty());
    let n = [Some(title), first]
        .into_iter()
        .flatten()
        .find_map(status_in_heading)?;
    (status.is_none_or(|s| s == n)).then(|| format!("HTTP {n}"))
}

/// The browser's network error for the page on screen: the newest
/// main-frame request of the trail failed. Chromium's names (`net::ERR_…`)
/// and Firefox's (`NS_ERROR_…`, `SEC_ERROR_…`) both; a navigation the user
/// or a blocker cancelled is no failure.
pub fn net_error(snap: &crate::snapshot::Snapshot) -> Option<(String, &'static str)> {
    // Back from the newest main-frame request, over the redirects and the
    // cancelled requests of the same navigation (Chromium may report the
    // last hop of a loop as aborted), up to the page last shown.
    for e in snap.trail.iter().rev().filter(|e| e.kind == "main_frame") {
        match e.error.as_deref().map(str::trim) {
            Some(err) => {
                if let Some(meaning) = net_error_meaning(err) {
                    return Some((err.chars().take(60).collect(), meaning));
                }
            }
            None if e.redirect_url.is_some()
                || e.status.is_some_and(|s| (300..400).contains(&s)) => {}
            None => return None,
        }
    }
    None
}

/// A browser's name of a network error, kept as it is in the trail (an
/// allow-listed shape: Chromium's `net::ERR_…`, Firefox's `NS_ERROR_…`,
/// `NS_BINDING_…`, `SEC_ERROR_…`, `SSL_ERROR_…`, `MOZILLA_PKIX_ERROR_…`;
/// capitals, digits and underscores only).
pub fn is_net_error_name(x: &str) -> bool {
    let name = x.strip_prefix("net::").unwrap_or(x);
    let chromium = x.starts_with("net::ERR_");
    let firefox = !x.starts_with("net::")
        && [
            "NS_ERROR_",
            "NS_BINDING_",
            "SEC_ERROR_",
            "SSL_ERROR_",
            "MOZILLA_PKIX_ERROR_",
        ]
        .iter()
        .any(|p| name.starts_with(p));
    (chromium || firefox)
        && x.len() < 60
        && name
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
}

/// What a browser network error means, the same for Chromium's and
/// Firefox's name of it; `None` for a cancelled navigation.
pub fn net_error_meaning(err: &str) -> Option<&'static str> {
    let e = err.trim().trim_start_matches("net::").to_ascii_uppercase();
    let any = |names: &[&str]| names.iter().any(|n| e == *n);
    if any(&[
        "ERR_ABORTED",
        "NS_BINDING_ABORTED",
        "NS_ERROR_ABORT",
        "ERR_BLOCKED_BY_CLIENT",
    ]) {
        return None;
    }
    Some(
        if any(&["ERR_TOO_MANY_REDIRECTS", "NS_ERROR_REDIRECT_LOOP"]) {
            "the browser stopped a redirect loop"
        } else if any(&["ERR_CONNECTION_REFUSED", "NS_ERROR_CONNECTION_REFUSED"]) {
            "nothing answered at the address (connection refused)"
        } else if any(&["ERR_NAME_NOT_RESOLVED", "NS_ERROR_UNKNOWN_HOST"]) {
            "the host name does not resolve"
        } else if any(&[
            "ERR_TIMED_OUT",
            "ERR_CONNECTION_TIMED_OUT",
            "NS_ERROR_NET_TIMEOUT",
        ]) {
            "the connection timed out"
        } else if any(&[
            "ERR_CONNECTION_RESET",
            "ERR_CONNECTION_CLOSED",
            "ERR_EMPTY_RESPONSE",
            "NS_ERROR_NET_RESET",
            "NS_ERROR_NET_INTERRUPT",
        ]) {
            "the connection was dropped"
        } else if e.starts_with("ERR_CERT_")
            || e.starts_with("ERR_SSL_")
            || e.starts_with("SEC_ERROR_")
            || e.starts_with("SSL_ERROR_")
            || e.starts_with("MOZILLA_PKIX_ERROR_")
        {
            "the TLS certificate or handshake was refused"
        } else if e.starts_with("ERR_") || e.starts_with("NS_ERROR_") {
            "a network error the browser reported"
        } else {
            return None;
        },
    )
}

#[cfg(test)]
mod status_tests {
    use super::*;

    #[test]
    fn bare_status_pages_give_their_status() {
        let nginx = "429 Too Many Requests\nnginx/1.26.3";
        assert_eq!(
            status_page_code(Some(429), "429 Too Many Requests", nginx).as_deref(),
            Some("HTTP 429")
        );
        assert_eq!(
            status_page_code(None, "", "Bad Gateway (502)").as_deref(),
            Some("HTTP 502")
        );
        assert_eq!(
            status_page_code(None, "Error 503", "").as_deref(),
            Some("HTTP 503")
        );
        // The document's status disagrees, a product page, a phrase that
        // is not the status's, a success status, a code in a sentence.
        assert_eq!(
            status_page_code(Some(200), "429 Too Many Requests", ""),
            None
        );
        assert_eq!(
            status_page_code(None, "429 Too Many Requests", &"x".repeat(700)),
            None
        );
        assert_eq!(status_page_code(None, "429 Bad Gateway", ""), None);
        assert_eq!(status_page_code(None, "200 OK", ""), None);
        assert_eq!(
            status_page_code(None, "Sign in", "Call 555 1234 for help"),
            None
        );
    }

    #[test]
    fn the_net_error_of_the_page_on_screen() {
        let snap = |tail: &str| {
            crate::snapshot::Snapshot::from_json(&format!(
                r#"{{"url":"https://a.example.org/login","trail":[
                {{"url":"https://a.example.org/login","status":302,
                  "redirect_url":"https://a.example.org/home"}},
                {{"url":"https://a.example.org/home",
                  "error":"net::ERR_TOO_MANY_REDIRECTS"}}{tail}]}}"#
            ))
            .unwrap()
        };
        let code = |s: &crate::snapshot::Snapshot| net_error(s).map(|(c, _)| c);
        assert_eq!(
            code(&snap("")).as_deref(),
            Some("net::ERR_TOO_MANY_REDIRECTS")
        );
        // Chromium may report the loop's last hop as aborted.
        let aborted = r#",{"url":"https://a.example.org/home","error":"net::ERR_ABORTED"}"#;
        assert_eq!(
            code(&snap(aborted)).as_deref(),
            Some("net::ERR_TOO_MANY_REDIRECTS")
        );
        // A page shown since then is not an error page.
        let shown = r#",{"url":"https://a.example.org/login","status":200}"#;
        assert_eq!(code(&snap(shown)), None);
    }

    #[test]
    fn chromium_and_firefox_name_the_same_net_errors() {
        for (a, b) in [
            ("net::ERR_TOO_MANY_REDIRECTS", "NS_ERROR_REDIRECT_LOOP"),
            ("net::ERR_CONNECTION_REFUSED", "NS_ERROR_CONNECTION_REFUSED"),
            ("net::ERR_NAME_NOT_RESOLVED", "NS_ERROR_UNKNOWN_HOST"),
            (
                "net::ERR_CERT_AUTHORITY_INVALID",
                "SEC_ERROR_UNKNOWN_ISSUER",
            ),
        ] {
            assert_eq!(net_error_meaning(a), net_error_meaning(b), "{a} {b}");
            assert!(net_error_meaning(a).is_some());
        }
        assert_eq!(net_error_meaning("net::ERR_ABORTED"), None);
        assert_eq!(net_error_meaning("NS_BINDING_ABORTED"), None);
        assert_eq!(net_error_meaning("something else"), None);
        // Kept by the recorder's redaction as they are, and nothing else.
        for ok in [
            "net::ERR_TOO_MANY_REDIRECTS",
            "NS_ERROR_REDIRECT_LOOP",
            "SEC_ERROR_UNKNOWN_ISSUER",
        ] {
            assert!(is_net_error_name(ok), "{ok}");
        }
        for bad in [
            "net::ERR_x secret",
            "ERR_TOO_MANY_REDIRECTS",
            "NS_ERROR_a=b",
            "token NS_ERROR_X",
        ] {
            assert!(!is_net_error_name(bad), "{bad}");
        }
    }
}
