//! The vocabularies of the allow-list: what may appear verbatim in any
//! output. Everything else becomes a typed placeholder ([`crate::redact`]).
//!
//! - common words of each supported language (`vocab/<lang>.txt`, data
//!   files beside the module: [`crate::data`]);
//! - the words of the lexicons (`lexicon/<lang>.json`), so the evidence the
//!   classifier matched stays readable;
//! - the *error-code vocabulary* ([`CODE_WORDS`]): the words product error
//!   codes are made of (`invalid`, `expired`, `session` …). Codes, joined
//!   identifiers and route names are judged against this small list only,
//!   never the general vocabulary, so `will_young` is not a code;
//! - route words of URL paths ([`ROUTE_WORDS`]) and standard parameter names
//!   ([`PARAM_NAMES`]);
//! - [`FUNCTION_WORDS`]: words that break a run of content words (a
//!   passphrase of dictionary words is judged as a whole).

use std::collections::HashSet;
use std::sync::OnceLock;

/// Words product error codes, cookie names and routes are made of.
pub const CODE_WORDS: &[&str] = &[
    "access",
    "account",
    "active",
    "already",
    "app",
    "attempt",
    "attempts",
    "auth",
    "authn",
    "authz",
    "bad",
    "blocked",
    "browser",
    "cancelled",
    "challenge",
    "client",
    "code",
    "codes",
    "consent",
    "cookie",
    "cookies",
    "credential",
    "credentials",
    "csrf",
    "denied",
    "device",
    "disabled",
    "domain",
    "email",
    "error",
    "errors",
    "exceeded",
    "expired",
    "factor",
    "failed",
    "failure",
    "flow",
    "forbidden",
    "found",
    "grant",
    "host",
    "id",
    "identity",
    "internal",
    "interaction",
    "invalid",
    "limit",
    "limited",
    "locked",
    "login",
    "max",
    "mfa",
    "mismatch",
    "missing",
    "not",
    "otp",
    "passcode",
    "password",
    "phone",
    "policy",
    "rate",
    "request",
    "required",
    "resend",
    "reset",
    "response",
    "retry",
    "return",
    "scope",
    "secure",
    "self",
    "server",
    "service",
    "session",
    "sms",
    "state",
    "temporarily",
    "throttled",
    "timeout",
    "to",
    "too",
    "totp",
    "many",
    "token",
    "type",
    "unauthorized",
    "unavailable",
    "unknown",
    "unsupported",
    "user",
    "verification",
    "verify",
    "wrong",
    "xsrf",
    "already",
    "used",
    "no",
    "user",
    "selection",
    "registration",
    "required",
    "mfa",
    "sid",
    "sess",
    "jwt",
    "refresh",
    "expires",
    "in",
    "at",
    "of",
    "on",
    "is",
    "for",
    "webauthn",
    "passkey",
    "captcha",
    "signup",
    "signin",
    "provider",
    "weak",
    "reused",
    "breached",
    "verified",
    "unverified",
    "confirmed",
    "unconfirmed",
    "exists",
    "conflict",
    "malformed",
    "recovery",
    "link",
    "magic",
    "settings",
    "privileged",
    "reauthentication",
    "aal",
    "duplicate",
    "identifier",
    "address",
    "number",
    "over",
    "quota",
    "ratelimit",
    "throttle",
    "slow",
    "down",
    "banned",
    "suspended",
    "deleted",
    "inactive",
    "pending",
    "approval",
    "redirect",
    "uri",
    "insufficient",
    "authentication",
    "authorization",
    "mismatched",
    "missing",
    "sso",
    "saml",
    "oauth",
    "oidc",
    "login",
    "logout",
    "enroll",
    "enrollment",
    "factor",
    "factors",
    "second",
    "step",
    "up",
    "new",
    "old",
    "same",
    "reuse",
    "length",
    "short",
    "long",
    "format",
    "unexpected",
    "error",
    "gateway",
    "proxy",
    "bad",
    "upstream",
    "ssl",
    "tls",
    "cert",
    "certificate",
    "clock",
    "skew",
    "time",
    "nonce",
    "replay",
    "audience",
    "issuer",
    "signature",
    "claims",
    "claim",
    "subject",
    "tenant",
    "app",
    "application",
    "consent",
    "admin",
    "org",
    "organization",
    "member",
    "role",
    "permission",
    "permissions",
    "otp",
    "sms",
    "voice",
    "call",
    "push",
    "rejected",
    "timed",
    "out",
    "try",
    "again",
    "later",
    "attempt",
    "exhausted",
    "ip",
    "location",
    "geo",
    "risk",
    "fraud",
    "suspicious",
    "sign",
    "signed",
    "authorization",
    "pending",
    "interval",
    "use",
    "only",
    "one",
    "once",
    "mode",
    "method",
    "methods",
    "target",
    "origin",
    "cors",
    "csrf",
    "xsrf",
    "check",
    "validation",
    "validate",
    "valid",
    "value",
    "values",
    "field",
    "fields",
    "input",
];

/// Words of URL paths and cookie names that name routes and products.
pub const ROUTE_WORDS: &[&str] = &[
    "api",
    "app",
    "apps",
    "aspnet",
    "aspnetcore",
    "auth",
    "authenticate",
    "authentication",
    "authorize",
    "authorization",
    "callback",
    "cb",
    "cdn",
    "check",
    "common",
    "connect",
    "consent",
    "css",
    "default",
    "device",
    "endpoint",
    "factors",
    "home",
    "htm",
    "html",
    "idp",
    "img",
    "index",
    "js",
    "json",
    "jsessionid",
    "keycloak",
    "kc",
    "login",
    "actions",
    "logout",
    "me",
    "oauth",
    "oauth2",
    "oidc",
    "openid",
    "php",
    "phpsessid",
    "protocol",
    "proxy",
    "public",
    "realms",
    "redirect",
    "saml",
    "saml2",
    "signin",
    "signout",
    "sign",
    "in",
    "out",
    "sso",
    "start",
    "static",
    "status",
    "tenant",
    "token",
    "two",
    "factor",
    "u",
    "ui",
    "userinfo",
    "v1",
    "v2",
    "v3",
    "verify",
    "wellknown",
    "well",
    "known",
    "www",
    "assets",
    "health",
    "account",
    "accounts",
    "session",
    "sessions",
    "mfa",
    "otp",
    "totp",
    "challenge",
    "webauthn",
    "login",
    "signup",
    "register",
    "recovery",
    "settings",
    "dashboard",
    "error",
    "errors",
    "identity",
    "gateway",
    "portal",
    "admin",
    "console",
    "cgi",
    "bin",
    "next",
    "nanami",
    "okta",
    "auth0",
    "cognito",
    "entra",
    "microsoftonline",
    "firebase",
    "supabase",
    "kratos",
    "ory",
    "self",
    "service",
    "browser",
    "flows",
    "flow",
    "verification",
    "recovery",
    "sid",
    "asp",
    "net",
    "core",
    "silent",
    "iframe",
    "sessionid",
    "csrftoken",
    "authtoken",
    "accesstoken",
    "refreshtoken",
    "idtoken",
    "rememberme",
    "openid",
    "profile",
    "offline",
    "query",
    "fragment",
    "form",
    "post",
    "none",
    "page",
    "popup",
    "touch",
    "wap",
    "plain",
    "s256",
    "authorization",
    "implicit",
    "password",
    "credentials",
    "device",
    "jwt",
    "bearer",
    "renew",
    "ga",
    "gid",
    "xsrf",
    "csrf",
    "host",
    "secure",
    "aws",
    "alb",
    "awsalb",
    "awsalbcors",
    "cf",
    "bm",
    "oauth2proxy",
    "identity",
    "legacy",
    "restart",
    "remember",
    "me",
    "locale",
    "lang",
    "page",
    "pages",
    "web",
    "mobile",
    "sms",
    "email",
    "push",
    "code",
    "codes",
    "new",
    "resend",
    "reset",
    "password",
    "forgot",
    "verify",
    "confirm",
    "approve",
    "deny",
    "select",
    "enroll",
    "prompt",
    "authn",
    "authz",
    "cookie",
    "cookies",
    "user",
    "users",
    "me",
    "profile",
];

/// Parameter names of OAuth 2.0, OpenID Connect, SAML and common sign-in
/// flows. A name outside this list is shown only when it is made of route
/// or error-code words.
pub const PARAM_NAMES: &[&str] = &[
    "acr_values",
    "access_token",
    "authuser",
    "claims",
    "client_id",
    "client_info",
    "code",
    "code_challenge",
    "code_challenge_method",
    "continue",
    "display",
    "domain_hint",
    "error",
    "error_code",
    "error_description",
    "error_subcode",
    "error_uri",
    "execution",
    "expires_in",
    "flow",
    "hl",
    "id_token",
    "id_token_hint",
    "iss",
    "lang",
    "locale",
    "login_hint",
    "max_age",
    "next",
    "nonce",
    "prompt",
    "redirect",
    "redirect_uri",
    "redirect_url",
    "registration",
    "RelayState",
    "request",
    "request_uri",
    "response_mode",
    "response_type",
    "return_to",
    "returnTo",
    "returnUrl",
    "ReturnUrl",
    "SAMLRequest",
    "SAMLResponse",
    "scope",
    "session_code",
    "session_state",
    "SigAlg",
    "Signature",
    "state",
    "tab_id",
    "client_data",
    "token",
    "token_type",
    "ui_locales",
    "kc_locale",
    "target",
    "wa",
    "wctx",
    "wresult",
    "wtrealm",
    "fromURI",
    "from",
    "rd",
    "sid",
    "refresh",
    "t",
    "v",
    "_",
    "cb",
];

/// Closed-class words (articles, pronouns, prepositions, auxiliaries): they
/// break a run of content words.
pub const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "if", "then", "than", "so", "to", "of", "in", "on", "at",
    "by", "for", "from", "with", "without", "into", "onto", "about", "as", "is", "are", "was",
    "were", "be", "been", "being", "am", "has", "have", "had", "do", "does", "did", "will",
    "would", "can", "could", "should", "may", "might", "must", "shall", "not", "no", "you", "your",
    "yours", "we", "our", "us", "they", "their", "them", "it", "its", "this", "that", "these",
    "those", "i", "me", "my", "he", "she", "his", "her", "please", "again", "there", "here",
    "when", "where", "which", "who", "what", "why", "how", "after", "before", "until", "while",
    "per", "via", "all", "any", "some", "each", "every", "more", "most", "less", "too", "very",
    "just", "only", "also", "now", "yet", "still", "already", "der", "die", "das", "und", "oder",
    "ist", "nicht", "ein", "eine", "zu", "mit", "von", "für", "bitte", "sie", "ihr", "ihre", "den",
    "dem", "des", "es", "wurde", "wird",
];

struct Sets {
    common: HashSet<String>,
    lexicon: HashSet<String>,
    /// Words of a vocabulary's `[function]` section: closed-class words of
    /// the other languages, like [`FUNCTION_WORDS`] for English.
    function: HashSet<String>,
    /// Words of a vocabulary's `[nouns]` section: nouns a language writes
    /// Titlecase in mid-sentence (German), which are no person's name.
    nouns: HashSet<String>,
    /// Lexicon phrases written as word starts (`ungültig*`) and word
    /// endings (`*sitzung`): the lexicon reads inflections and compounds.
    prefixes: Vec<String>,
    suffixes: Vec<String>,
    /// The longest vocabulary or lexicon word written in CJK characters
    /// (Han, kana, Hangul), in characters: the window of [`cjk_known`].
    cjk_max: usize,
}

/// The form words are compared in: lower case, with Turkish `İ` as `i`
/// (Rust lower-cases it to `i` and a combining dot).
pub fn norm(w: &str) -> String {
    if w.contains('İ') {
        w.replace('İ', "i").to_lowercase()
    } else {
        w.to_lowercase()
    }
}

fn sets() -> &'static Sets {
    static SETS: OnceLock<Sets> = OnceLock::new();
    SETS.get_or_init(|| {
        let mut common = HashSet::new();
        let mut function = HashSet::new();
        let mut nouns = HashSet::new();
        for (_, v) in crate::data::folder("vocab") {
            // A vocabulary is one word a line; `#` starts a comment line;
            // `[function]` starts the closed-class words (articles,
            // pronouns, particles, auxiliaries), `[content]` ends them.
            // `[nouns]` starts nouns written Titlecase in mid-sentence.
            let mut section = "";
            for l in v.lines() {
                let w = l.trim();
                match w {
                    "[function]" | "[content]" | "[nouns]" => section = w,
                    _ if w.is_empty() || w.starts_with('#') => {}
                    _ => {
                        let w = norm(w);
                        if section == "[function]" {
                            function.insert(w.clone());
                        } else if section == "[nouns]" {
                            nouns.insert(w.clone());
                        }
                        common.insert(w);
                    }
                }
            }
        }
        let mut lexicon = HashSet::new();
        let (mut prefixes, mut suffixes) = (Vec::new(), Vec::new());
        for (_, src) in crate::data::folder("lexicon") {
            if let Ok(v) = crate::json::parse(src) {
                if let Some(crate::json::Value::Obj(cs)) = v.get("concepts") {
                    for (_, phrases) in cs {
                        if let crate::json::Value::Arr(ps) = phrases {
                            for p in ps {
                                if let crate::json::Value::Str(p) = p {
                                    // One-word affix phrases of four letters or more.
                                    let one = norm(&p.replace('\'', ""));
                                    let letters = |x: &str| {
                                        x.chars().count() >= 4 && x.chars().all(char::is_alphabetic)
                                    };
                                    if let Some(x) = one.strip_suffix('*').filter(|x| letters(x)) {
                                        prefixes.push(x.to_owned());
                                    } else if let Some(x) =
                                        one.strip_prefix('*').filter(|x| letters(x))
                                    {
                                        suffixes.push(x.to_owned());
                                    }
                                    for w in p.split(|c: char| {
                                        c.is_whitespace() || matches!(c, '_' | '-')
                                    }) {
                                        let w = norm(
                                            &w.trim_matches(|c| c == '*' || c == '#')
                                                .replace('\'', ""),
                                        );
                                        if w.chars().count() >= 2 {
                                            lexicon.insert(w);
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        for w in CODE_WORDS.iter().chain(ROUTE_WORDS).chain(FUNCTION_WORDS) {
            common.insert((*w).to_owned());
        }
        let cjk_max = common
            .iter()
            .chain(&lexicon)
            .filter(|w| w.chars().any(crate::text::is_cjk))
            .map(|w| w.chars().count())
            .max()
            .unwrap_or(1)
            .min(24);
        Sets {
            common,
            lexicon,
            function,
            nouns,
            prefixes,
            suffixes,
            cjk_max,
        }
    })
}

/// A word of the vocabularies or lexicons (any case).
pub fn is_common(w: &str) -> bool {
    let s = sets();
    let l = norm(w);
    s.common.contains(&l) || lexicon_word(s, &l)
}

/// A word of a lexicon: what the classifier reads as evidence. Besides its
/// words, a lexicon's affix phrases (`ungültig*`, `*sitzung`) match words
/// of letters only that start or end with them (`ungültige`,
/// `Interaktionssitzung`).
pub fn is_lexicon(w: &str) -> bool {
    lexicon_word(sets(), &norm(w))
}

fn lexicon_word(s: &Sets, l: &str) -> bool {
    s.lexicon.contains(l)
        || (l.chars().all(char::is_alphabetic)
            && !l.chars().any(crate::text::is_cjk)
            && (s.prefixes.iter().any(|p| l.starts_with(p.as_str()))
                || s.suffixes.iter().any(|p| l.ends_with(p.as_str()))))
}

/// A noun a language writes Titlecase (a vocabulary's `[nouns]`): it does
/// not make a run of Titlecase words a name.
pub fn is_noun(w: &str) -> bool {
    sets().nouns.contains(&norm(w))
}

/// A closed-class word of any language (English's [`FUNCTION_WORDS`], the
/// `[function]` sections of the vocabularies).
pub fn is_function(w: &str) -> bool {
    let l = norm(w);
    FUNCTION_WORDS.contains(&l.as_str()) || sets().function.contains(&l)
}

/// A word that does not extend a run of content words.
pub fn is_structural(w: &str) -> bool {
    let l = norm(w);
    is_function(&l) || is_lexicon(&l) || CODE_WORDS.contains(&l.as_str())
}

/// How a run of CJK characters (Han, kana, Hangul: no spaces between
/// words, or particles attached to them) splits into known words: the
/// longest vocabulary or lexicon word at each place, left to right. Returns
/// the pieces in order, each with `true` when it is a known word; an
/// unknown character is a piece of its own (`false`).
///
/// A one-character word is trusted only between known words: next to an
/// unknown character it joins the unknown ones (`王明的` is one unknown
/// run, though `的` is a word), so a name whose characters are also words
/// (or particles) is not shown in part.
pub fn cjk_known(run: &str) -> Vec<(String, bool)> {
    let s = sets();
    let chars: Vec<char> = run.chars().collect();
    let mut out: Vec<(String, bool)> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let longest = (1..=s.cjk_max.min(chars.len() - i)).rev().find(|n| {
            let w: String = chars.get(i..i + n).unwrap_or(&[]).iter().collect();
            s.common.contains(&w) || s.lexicon.contains(&w)
        });
        let n = longest.unwrap_or(1);
        let w: String = chars.get(i..i + n).unwrap_or(&[]).iter().collect();
        out.push((w, longest.is_some()));
        i += n;
    }
    // Single known characters beside unknown ones become unknown, until
    // nothing changes.
    loop {
        let mut changed = false;
        for k in 0..out.len() {
            let single = out
                .get(k)
                .is_some_and(|(w, known)| *known && w.chars().count() == 1);
            let beside_unknown = (k > 0 && out.get(k - 1).is_some_and(|p| !p.1))
                || out.get(k + 1).is_some_and(|p| !p.1);
            if single && beside_unknown {
                if let Some(p) = out.get_mut(k) {
                    p.1 = false;
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }
    out
}

/// A word of the error-code vocabulary.
pub fn is_code_word(w: &str) -> bool {
    CODE_WORDS.contains(&w.to_ascii_lowercase().as_str())
}

/// A word of URL routes and cookie names: route words, code words, lexicon words.
pub fn is_route_word(w: &str) -> bool {
    let l = w.to_ascii_lowercase();
    ROUTE_WORDS.contains(&l.as_str()) || CODE_WORDS.contains(&l.as_str()) || is_lexicon(&l)
}

/// A standard parameter name.
pub fn is_param_name(n: &str) -> bool {
    PARAM_NAMES.contains(&n)
}
