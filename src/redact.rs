//! Redaction by allow-list. These functions decide what of an observed string
//! may be *shown*: they build a new string from the parts that are known to be
//! safe (parameter names, allow-listed error parameters, word-like path
//! segments) and put a placeholder with a length everywhere else. They never
//! try to find secrets in text and cut them out afterwards.

/// Query or fragment parameters whose value may be shown (masked like an excerpt).
pub const SHOWN_PARAMS: &[&str] = &[
    "error",
    "error_code",
    "error_description",
    "error_uri",
    "error_subcode",
    "lang",
    "locale",
    "ui_locales",
    "hl",
];

/// True when `s` looks like a credential, key or random identifier rather than
/// a word: JWTs, long mixed letter-digit runs, base64 blobs, long hex.
pub fn is_token_like(s: &str) -> bool {
    let n = s.chars().count();
    if n < 12 {
        return false;
    }
    if s.starts_with("eyJ") {
        return true;
    }
    let digits = s.chars().filter(char::is_ascii_digit).count();
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    if digits >= 2 && letters >= 2 && n >= 16 {
        return true;
    }
    if digits >= 8 && letters >= 1 {
        return true;
    }
    if n >= 16 && (s.contains('+') || s.contains('=') || s.contains('/')) && digits > 0 {
        return true;
    }
    // Letters that change case far more often than words do ("aZkPqW…").
    let flips = s
        .chars()
        .zip(s.chars().skip(1))
        .filter(|(a, b)| {
            a.is_uppercase() != b.is_uppercase() && a.is_alphabetic() && b.is_alphabetic()
        })
        .count();
    if n >= 16 && flips * 10 > n * 4 {
        return true;
    }
    n > 48 && !s.contains(['_', '-', ' ', '.'])
}

/// A path segment may be shown when it reads like a route name.
fn segment_is_word_like(seg: &str) -> bool {
    let n = seg.chars().count();
    let digits = seg.chars().filter(char::is_ascii_digit).count();
    n <= 40
        && digits <= 4
        && seg
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '~' | '@' | ':'))
        && !seg.contains('@')
        && !is_token_like(seg)
}

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

/// Redact a URL for display: scheme, host and port stay; user info goes;
/// path segments stay when word-like; every query and fragment parameter
/// keeps its name, and only [`SHOWN_PARAMS`] keep a (masked) value.
pub fn url(raw: &str) -> String {
    let Some(u) = parse_url(raw) else {
        return format!("<unparsed URL, {} chars>", raw.chars().count());
    };
    let mut out = String::new();
    out.push_str(u.scheme());
    out.push(':');
    if let Some(host) = u.host_str() {
        out.push_str("//");
        if !u.username().is_empty() || u.password().is_some() {
            out.push_str("<userinfo>@");
        }
        out.push_str(&self::host(host));
        if let Some(p) = u.port() {
            out.push(':');
            out.push_str(&p.to_string());
        }
    }
    if u.cannot_be_a_base() {
        out.push_str(&format!("<{} chars>", u.path().chars().count()));
    } else {
        out.push_str(&path(u.path()));
    }
    if let Some(q) = u.query() {
        out.push('?');
        out.push_str(&params(q));
    }
    if let Some(f) = u.fragment() {
        out.push('#');
        if f.contains('=') {
            out.push_str(&params(f));
        } else if f.is_empty() || segment_is_word_like(f) {
            out.push_str(f);
        } else if is_mask(&percent_decode(f)) {
            out.push_str(&percent_decode(f));
        } else {
            out.push_str(&format!("<{} chars>", f.chars().count()));
        }
    }
    out
}

/// Hosts are shown, except labels that look like tokens (tenant keys in
/// hosts, such as Okta's `dev-12345678`), which become `masked-N-chars`: a
/// label that is still a valid host name, so a redacted URL still parses
/// (the classifier reads the recorder's redacted trail, and reports redact
/// it again).
pub fn host(host: &str) -> String {
    host.split('.')
        .map(|l| {
            if is_host_mask(l) || !is_token_like(l) {
                l.to_owned()
            } else {
                format!("masked-{}-chars", l.chars().count())
            }
        })
        .collect::<Vec<_>>()
        .join(".")
}

fn is_host_mask(label: &str) -> bool {
    label
        .strip_prefix("masked-")
        .and_then(|r| r.strip_suffix("-chars"))
        .is_some_and(is_count)
}

/// The count in a mask: 1 to 9 digits.
fn is_count(n: &str) -> bool {
    (1..=9).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit())
}

/// A mask this module wrote (`<11 chars>`, `<name 5 chars>`, `<6 digits>`,
/// `<token 40 chars>`). URLs are redacted twice on their way into a report
/// (by the recorder, then by the report), and a mask masked again would
/// report its own length (`<10 chars>`) instead of the value's. A mask holds
/// no secret, so it stays as it is.
fn is_mask(s: &str) -> bool {
    let Some(inner) = s.strip_prefix('<').and_then(|r| r.strip_suffix('>')) else {
        return false;
    };
    let inner = inner
        .strip_prefix("name ")
        .or_else(|| inner.strip_prefix("token "))
        .unwrap_or(inner);
    let Some((n, unit)) = inner.split_once(' ') else {
        return false;
    };
    is_count(n) && (unit == "chars" || unit == "digits")
}

/// Redact a URL path segment by segment.
pub fn path(p: &str) -> String {
    p.split('/')
        .map(|seg| {
            let decoded = percent_decode(seg);
            if is_mask(&decoded) {
                decoded
            } else if seg.is_empty() || segment_is_word_like(&decoded) {
                seg.to_owned()
            } else {
                format!("<{} chars>", decoded.chars().count())
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

fn params(q: &str) -> String {
    q.split('&')
        .filter(|kv| !kv.is_empty())
        .map(|kv| {
            let (k, v) = kv.split_once('=').unwrap_or((kv, ""));
            let name = percent_decode(k);
            let name_shown = if is_mask(&name) {
                name.clone()
            } else if segment_is_word_like(&name) {
                k.to_owned()
            } else {
                format!("<name {} chars>", name.chars().count())
            };
            let value = percent_decode(&v.replace('+', " "));
            let shown = SHOWN_PARAMS.contains(&name.to_ascii_lowercase().as_str());
            if value.is_empty() || (!shown && is_mask(&value)) {
                return format!("{name_shown}={value}");
            }
            if shown {
                format!("{name_shown}={}", encode_shown(&excerpt(&value, 200)))
            } else {
                format!("{name_shown}=<{} chars>", value.chars().count())
            }
        })
        .collect::<Vec<_>>()
        .join("&")
}

/// Minimal re-encoding of a shown value so the URL stays one token.
fn encode_shown(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            ' ' => o.push('+'),
            '&' => o.push_str("%26"),
            '#' => o.push_str("%23"),
            '=' => o.push_str("%3D"),
            c if c.is_control() => {}
            c => o.push(c),
        }
    }
    o
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

/// A short excerpt of page text for display: at most `max` characters (and
/// `…` where it was cut; a first word longer than `max` becomes its length), with
/// e-mail addresses, phone numbers, digit runs of 4 or more and token-like
/// words replaced by placeholders. Control characters are dropped.
///
/// An excerpt of an excerpt is the excerpt itself: URLs are redacted twice
/// on their way into a report (by the recorder, then by the report), so the
/// placeholders stay as they are (`<token 40 chars>` is one unit, not three
/// words) and a cut is not cut again.
pub fn excerpt(text: &str, max: usize) -> String {
    let mut out = String::new();
    let mut count = 0usize;
    let mut words = text.split_whitespace();
    while let Some(word) = words.next() {
        let mut masked = match mask_start(word) {
            Some(parts) if mask_rest(&words, parts) => mask_unit(word, &mut words, parts),
            _ => mask_word(word),
        };
        if masked.chars().any(char::is_control) {
            masked.retain(|c| !c.is_control());
        }
        let len = masked.chars().count();
        // A trailing ellipsis is the mark of an earlier cut, not content.
        let body = len - usize::from(masked.ends_with('…'));
        let sep = usize::from(!out.is_empty());
        if count + sep + body > max {
            if out.is_empty() {
                // One word longer than the whole excerpt: its length only
                // (a prefix could be masked differently when read again).
                out.push_str(&format!("<{body} chars>"));
            }
            out.push('…');
            break;
        }
        if sep == 1 {
            out.push(' ');
        }
        out.push_str(&masked);
        count += sep + len;
    }
    out
}

/// The first word of a placeholder this module writes, and how many words
/// the placeholder has: `<token 40 chars>` (3), `<name 5 chars>` (3),
/// `<6 digits>` and `<12 chars>` (2).
fn mask_start(word: &str) -> Option<usize> {
    let rest = word.strip_prefix('<')?;
    if rest == "token" || rest == "name" {
        return Some(3);
    }
    is_count(rest).then_some(2)
}

/// Whether the words after a placeholder's first word complete it.
fn mask_rest<'a>(words: &(impl Iterator<Item = &'a str> + Clone), parts: usize) -> bool {
    let mut ahead = words.clone();
    if parts == 3 && !is_count(ahead.next().unwrap_or("")) {
        return false;
    }
    let last = ahead.next().unwrap_or("");
    let unit = last
        .strip_prefix("chars>")
        .or_else(|| last.strip_prefix("digits>"));
    // Punctuation may follow ("<6 digits>."), nothing else.
    unit.is_some_and(|tail| !tail.chars().any(char::is_alphanumeric))
}

/// Take a whole placeholder, as it is.
fn mask_unit<'a>(first: &str, words: &mut impl Iterator<Item = &'a str>, parts: usize) -> String {
    let mut unit = first.to_owned();
    for _ in 1..parts {
        if let Some(w) = words.next() {
            unit.push(' ');
            unit.push_str(w);
        }
    }
    unit
}

fn mask_word(word: &str) -> String {
    // Keep surrounding punctuation readable: "(code:" ... ")."
    let core_start = word
        .char_indices()
        .find(|(_, c)| c.is_alphanumeric())
        .map(|(i, _)| i);
    let Some(start) = core_start else {
        return word.to_owned();
    };
    let end = word
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_alphanumeric())
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(word.len());
    let (pre, core, post) = (
        word.get(..start).unwrap_or(""),
        word.get(start..end).unwrap_or(""),
        word.get(end..).unwrap_or(""),
    );
    let masked = if crate::codes::is_product_shape(core) {
        // AADSTS50196, E0000069: product codes, not numbers about a person.
        core.to_owned()
    } else if core.contains('@') && core.contains('.') {
        "<email>".to_owned()
    } else if is_token_like(core) {
        format!("<token {} chars>", core.chars().count())
    } else if has_long_digit_run(core) {
        format!(
            "<{} digits>",
            core.chars().filter(char::is_ascii_digit).count()
        )
    } else {
        core.to_owned()
    };
    format!("{pre}{masked}{post}")
}

/// Four or more digits in a row, or a phone-like run ("+1-555-0100").
fn has_long_digit_run(s: &str) -> bool {
    let mut run = 0;
    for c in s.chars() {
        if c.is_ascii_digit() {
            run += 1;
            if run >= 4 {
                return true;
            }
        } else if matches!(c, '-' | '.' | '(' | ')' | '+') && run > 0 {
            // phone separators keep the run going only when the whole thing is digits and separators
            if s.chars()
                .all(|c| c.is_ascii_digit() || "-.()+ ".contains(c))
                && s.chars().filter(char::is_ascii_digit).count() >= 7
            {
                return true;
            }
            run = 0;
        } else {
            run = 0;
        }
    }
    false
}

/// A cookie or parameter name for display: shown unless it looks like a token.
pub fn name(n: &str) -> String {
    if is_token_like(n) || n.chars().count() > 64 {
        format!("<name {} chars>", n.chars().count())
    } else {
        n.chars().filter(|c| !c.is_control()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_keeps_names_and_error_params_only() {
        let r = url("https://u:p@id.example.org/cb/eyJhbGciOi.abc.def?code=SplxlOBeZQQYbYS6WxSbIA&state=af0ifjsldkj&error=access_denied&error_description=Code+123456+expired#access_token=xyz");
        assert_eq!(
            r,
            "https://<userinfo>@id.example.org/cb/<18 chars>?code=<22 chars>&state=<11 chars>&error=access_denied&error_description=Code+<6+digits>+expired#access_token=<3 chars>"
        );
    }

    #[test]
    fn redacting_twice_changes_nothing() {
        // The recorder redacts, then the report does: masks keep the
        // length of the value, not their own.
        for raw in [
            "https://u:p@id.example.org/cb/eyJhbGciOi.abc.def?code=SplxlOBeZQQYbYS6WxSbIA&state=af0ifjsldkj&error=access_denied&error_description=Code+123456+expired#access_token=xyz",
            "https://app.example.org/p/8f14e45fceea167a5a36dedd4bea2543?%E2%9C%93x=1&s=abc#k=v",
            "https://app.example.org/cb?code=4/0AX4XfWh-123&x=<not a mask>&y=<12 chars",
            "https://a1b2c3d4e5f6a7b8.cdn.example.net/p?q=1",
            "https://app.example.org/cb#8f14e45fceea167a5a36",
            "https://app.example.org/cb?error=eyJhbGciOiJIUzI1NiJ9xyzabc&error_description=Code+123456",
        ] {
            let once = url(raw);
            assert_eq!(url(&once), once, "{raw}");
        }
        // A masked host label still parses, so the trail analysis reads it.
        let okta = url("https://dev-12345678.okta.com/oauth2/v1/authorize?state=abc");
        assert_eq!(
            okta,
            "https://masked-12-chars.okta.com/oauth2/v1/authorize?state=<3 chars>"
        );
        assert_eq!(url(&okta), okta);
        assert_eq!(
            host("masked-123456789-chars.example"),
            "masked-123456789-chars.example"
        );
        assert_eq!(
            host("masked-1234567890-chars.example"),
            "masked-23-chars.example"
        );
        // Text that looks like a mask but is not one is masked as usual.
        assert_eq!(
            url("https://a.example/?s=<12%20bytes>"),
            "https://a.example/?s=<10 chars>"
        );
        assert!(!is_mask("<1234567890 chars>") && !is_mask("<chars>") && !is_mask("< chars>"));
    }

    #[test]
    fn an_excerpt_of_an_excerpt_is_itself() {
        let entra = "AADSTS50011: The redirect URI 'https://nanami.example.org/auth/callback' specified in the request does not match the redirect URIs configured for the application '8f14e45f-ceea-167a-5a36-dedd4bea2543'. Trace ID: 0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0 Correlation ID: 1a2b3c4d-5e6f-7081-92a3-b4c5d6e7f809 Timestamp: 2026-11-18 11:06:40Z";
        for (text, max) in [
            (entra, 200),
            (entra, 120),
            (
                "Code 123456 sent to ann@example.org, call +1 555 0100 now",
                30,
            ),
            ("Token eyJhbGciOiJIUzI1NiJ9.e30.c2lnbmF0dXJl expired", 12),
            (
                "a-very-long-word-that-is-not-a-token-at-all-but-goes-on-and-on",
                20,
            ),
            (
                "<12 chars> <token 40 chars> <6 digits>. <name 5 chars> <1234 chars>",
                200,
            ),
        ] {
            let once = excerpt(text, max);
            assert_eq!(excerpt(&once, max), once, "{text:?} at {max}");
            assert!(
                once.trim_end_matches('…').chars().count() <= max.max(17),
                "{once}"
            );
        }
        // Masks stay whole; text that only starts like one is masked as usual.
        assert_eq!(
            excerpt("<token 40 chars> left", 200),
            "<token 40 chars> left"
        );
        assert_eq!(
            excerpt("<123456 is your code", 200),
            "<<6 digits> is your code"
        );
        assert_eq!(excerpt("<1234567 chars>x", 200), "<<7 digits> chars>x");
    }

    #[test]
    fn word_paths_stay() {
        assert_eq!(
            url("https://kc.example.org/realms/nanami/login-actions/authenticate?execution=1"),
            "https://kc.example.org/realms/nanami/login-actions/authenticate?execution=<1 chars>"
        );
    }

    #[test]
    fn excerpt_masks_pii() {
        assert_eq!(
            excerpt(
                "Code 123456 sent to bob@example.org, call +1-555-0100.",
                200
            ),
            "Code <6 digits> sent to <email>, call +<8 digits>."
        );
    }

    #[test]
    fn fuzz_regressions() {
        // cargo fuzz (redact_url): a non-ASCII host with upper-case letters
        // tripped a debug assertion inside the IDNA backend.
        let crash = b"hTtps:tatrroG=acccode=S\xd1\x8a\xd1\x8azzplx&satei\x15\t\t\t\t\t";
        let s = String::from_utf8_lossy(crash);
        assert_eq!(
            url(&s),
            format!("<unparsed URL, {} chars>", s.chars().count())
        );
        assert!(parse_url("https://\u{0431}A.example/").is_none());
        // cargo fuzz (classify_snapshot): a percent escape in the host.
        assert!(parse_url("https://app.exampleCC%CCeT.org/auth/callback#error=x").is_none());
        assert!(parse_url("https://Example.ORG/x").is_some());
        // cargo fuzz (redact_url): one slash, then a non-ASCII host.
        assert!(parse_url("https:/AAD(TS\u{44c}f1&erro=Gy").is_none());
        // cargo fuzz (redact_url): carriage returns hide a host with an escape.
        assert!(parse_url("https:\r\r/\r/M\r%afe:sa#cac").is_none());
    }

    #[test]
    fn tokens_vs_words() {
        assert!(is_token_like("eyJhbGciOiJIUzI1NiJ9"));
        assert!(is_token_like("a8Fk2LmQ9zXv3RtY"));
        assert!(!is_token_like("TooManyRequestsException"));
        assert!(!is_token_like("self_service_flow_return_to_forbidden"));
        assert!(!is_token_like("AADSTS500133"));
    }
}
