//! Errors of the core. Every message is one line that names the problem and
//! the field, and never repeats a value taken from the input (the input may
//! hold secrets, and error text ends up in terminals, logs and tickets).

use std::fmt;

/// Why an input (snapshot, catalog or report) was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum InputError {
    /// Not JSON, a wrong type, or a missing field. `field` is the path
    /// (`page.status`, `cookies[3].name`), empty when the document itself is bad.
    Malformed { field: String, message: String },
    /// A `schema_version` this core does not read.
    SchemaVersion { found: u32 },
    /// A field or the whole input is over its documented limit.
    TooLarge {
        field: String,
        limit: usize,
        unit: &'static str,
    },
}

impl InputError {
    /// Stable machine code for the boundary (`{code, message}`).
    pub fn code(&self) -> &'static str {
        match self {
            InputError::Malformed { .. } => "malformed",
            InputError::SchemaVersion { .. } => "schema_version",
            InputError::TooLarge { .. } => "too_large",
        }
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::Malformed { field, message } if field.is_empty() => {
                write!(f, "malformed input: {message}")
            }
            InputError::Malformed { field, message } => write!(f, "{field}: {message}"),
            InputError::SchemaVersion { found } => write!(
                f,
                "schema_version: {found} is not supported (this core reads {})",
                crate::SCHEMA_VERSION
            ),
            InputError::TooLarge { field, limit, unit } => {
                write!(f, "{field}: over the limit of {limit} {unit}")
            }
        }
    }
}

impl std::error::Error for InputError {}

/// Replace every quoted or back-quoted span of a serde message by `…`, so a
/// value from the input ("invalid type: string \"eyJ…\"") is never echoed.
/// Spans of one or two characters (`,` or `}` in syntax errors) are kept.
pub fn strip_quoted(msg: &str) -> String {
    let mut out = String::with_capacity(msg.len());
    let mut chars = msg.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '"' || c == '`' {
            let mut span = String::new();
            let mut closed = false;
            for d in chars.by_ref() {
                if d == c {
                    closed = true;
                    break;
                }
                span.push(d);
            }
            if closed && span.chars().count() <= 2 && !span.chars().any(char::is_alphanumeric) {
                out.push(c);
                out.push_str(&span);
                out.push(c);
            } else {
                out.push('…');
            }
        } else if c == '\n' || c == '\r' {
            out.push(' ');
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_values_are_dropped() {
        assert_eq!(
            strip_quoted("invalid type: string \"s3cret\", expected u16"),
            "invalid type: string …, expected u16"
        );
        assert_eq!(
            strip_quoted("expected `,` or `}` at line 1"),
            "expected `,` or `}` at line 1"
        );
        assert_eq!(strip_quoted("unknown field `pw123`"), "unknown field …");
    }
}
