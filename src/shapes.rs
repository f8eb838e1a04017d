//! Shape tests: what a string looks like, before anyone asks what it means.
//! A token or key ([`is_token_like`]), something that may stand as a code
//! ([`is_code_like`]), a product's code shape ([`is_product_shape`]).
//!
//! The redactor ([`crate::redact`]) and the code finder ([`crate::codes`])
//! both ask these; they only read the word lists of [`crate::vocab`].

use crate::vocab;

/// True when `s` looks like a credential, key or random identifier rather than
/// a word: JWTs, long mixed letter-digit runs, base64 blobs, long hex. Used
/// for host labels, which are shown unless they look like this.
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

/// A code may be captured and shown when it is short, made of code
/// characters, and does not look like a token or an OTP.
pub fn is_code_like(s: &str) -> bool {
    let n = s.chars().count();
    (1..=64).contains(&n)
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | ':' | '/' | '-'))
        && s.chars().any(|c| c.is_ascii_alphanumeric())
        && !is_token_like(s)
        && !(s.chars().all(|c| c.is_ascii_digit()) && n < 7)
}

/// Shapes that are codes wherever they stand: prefixed vendor codes
/// (`AADSTS50196`, `E0000069`, `Errors.Authentication.InvalidCode`,
/// `auth/code-expired`, `CodeMismatchException`), browser network errors
/// (`net::ERR_TIMED_OUT`), HTTP statuses, and dotted or snake_case
/// identifiers made only of words of the error-code vocabulary
/// (`vocab/codes.txt`, [`crate::vocab::is_code_word`]: `session_expired`, `mfa.code.invalid`).
pub fn is_product_shape(s: &str) -> bool {
    let code_words = |r: &str, seps: &[char]| {
        let parts: Vec<&str> = r.split(seps).collect();
        parts.len() >= 2
            && parts.iter().all(|p| {
                let w = p.to_ascii_lowercase();
                !w.is_empty() && vocab::is_code_word(&w)
            })
    };
    is_vendor_shape(s)
        || s.strip_prefix("Errors.").is_some_and(|r| {
            !r.is_empty()
                && r.split('.')
                    .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_alphanumeric()))
        })
        || s.strip_prefix("net::ERR_").is_some_and(|r| {
            !r.is_empty() && r.bytes().all(|b| b.is_ascii_uppercase() || b == b'_')
        })
        || (s.len() == 3 && s.bytes().all(|b| b.is_ascii_digit()) && ("100".."600").contains(&s))
        || (s.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') && code_words(s, &['_']))
        || (s.bytes().all(|b| b.is_ascii_alphabetic() || b == b'.') && code_words(s, &['.']))
        // Dotted with snake_case parts (`session.not_found`): every part
        // between the dots and underscores a word of the code vocabulary.
        || (s.contains('.')
            && s.bytes().all(|b| b.is_ascii_lowercase() || b == b'_' || b == b'.')
            && code_words(s, &['.', '_']))
}

/// Prefixed vendor codes, recognised in text wherever they stand:
/// `AADSTS50196`, `E0000069`, `auth/code-expired`, `CodeMismatchException`.
pub fn is_vendor_shape(s: &str) -> bool {
    let upper_digits = |p: &str, min: usize, max: usize| {
        s.strip_prefix(p).is_some_and(|r| {
            (min..=max).contains(&r.len()) && r.bytes().all(|b| b.is_ascii_digit())
        })
    };
    upper_digits("AADSTS", 4, 7)
        || upper_digits("E", 7, 7)
        || s.strip_prefix("auth/")
            .is_some_and(|r| r.len() > 1 && r.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'))
        || (s.ends_with("Exception")
            && s.len() > 12
            && s.starts_with(|c: char| c.is_ascii_uppercase())
            && s.chars().all(|c| c.is_ascii_alphabetic()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_vs_words() {
        assert!(is_token_like("eyJhbGciOiJIUzI1NiJ9"));
        assert!(is_token_like("a8Fk2LmQ9zXv3RtY"));
        assert!(!is_token_like("TooManyRequestsException"));
        assert!(!is_token_like("self_service_flow_return_to_forbidden"));
        assert!(!is_token_like("AADSTS500133"));
    }

    #[test]
    fn dotted_snake_codes_of_code_words() {
        assert!(is_product_shape("session.not_found"));
        assert!(is_product_shape("session.invalid_credentials"));
        // A part that is not a code word keeps it out (a user name, a name).
        assert!(!is_product_shape("alice.smith_jones"));
        assert!(!is_product_shape("session.will_young"));
        assert!(!is_product_shape("session..not_found"));
    }
}
