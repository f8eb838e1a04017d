//! Reading JSON input: snapshots, reports, catalogs, lexicons and the WASM
//! boundary's commands.
//!
//! One small tree parser ([`parse`]) and a [`FromJson`] impl of a few lines
//! per type, instead of serde's derived decoders: those are one
//! monomorphised decoder per type and cost about 150 KB of the WASM module,
//! and their errors named the field only with a second crate that cost as
//! much again. Here every build's errors name the field path and the
//! position (`page.status: expected an integer from 0 to 65535, found a
//! string at line 1 column 40`), and never repeat a value or an unknown key
//! from the input (it may hold secrets).
//!
//! The semantics are serde's, field for field, so a document reads the same
//! as it did with `#[derive(Deserialize)]`: a field of type `Option` may be
//! absent or `null`; a field with a default may be absent but not `null`;
//! an unknown field is refused where the type says so and ignored
//! elsewhere; a repeated field is refused; integers must be written as
//! integers and fit their type. `tests/decode.rs` and the `read_json` fuzz
//! target check this against serde's derived decoders (the
//! `serde-reference` feature). One difference is deliberate: serde also
//! reads a struct from an array of its fields in order; the formats are
//! documented as objects, and this reader wants one.
//!
//! Serialisation stays with serde (`Serialize` derives, `serde_json`).

use std::borrow::Cow;
use std::fmt;

use crate::error::InputError;

/// Arrays and objects nested deeper than this are refused (serde_json's limit).
pub const MAX_DEPTH: u32 = 128;

/// A JSON value, borrowing from the input where it can.
#[derive(Debug, Clone, PartialEq)]
pub enum Value<'a> {
    Null,
    Bool(bool),
    /// A number as written; the grammar is checked, the type decides the range.
    Num(&'a str),
    Str(Cow<'a, str>),
    Arr(Vec<Node<'a>>),
    /// Members in document order (repeated keys kept, for the decoders to refuse).
    Obj(Vec<(Cow<'a, str>, Node<'a>)>),
}

/// A value and where it starts (1-based line and byte column).
#[derive(Debug, Clone, PartialEq)]
pub struct Node<'a> {
    pub value: Value<'a>,
    pub line: u32,
    pub col: u32,
}

/// Why a text is not JSON. Says where, never what was there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// The text ends inside a value (cut short).
    pub eof: bool,
    pub what: &'static str,
    pub line: u32,
    pub col: u32,
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.eof {
            f.write_str("the JSON ends early (cut short?)")
        } else {
            write!(f, "{} at line {} column {}", self.what, self.line, self.col)
        }
    }
}

impl From<SyntaxError> for InputError {
    fn from(e: SyntaxError) -> InputError {
        InputError::Malformed {
            field: String::new(),
            message: e.to_string(),
        }
    }
}

/// Parse one JSON document (RFC 8259; surrounding whitespace allowed).
pub fn parse(src: &str) -> Result<Node<'_>, SyntaxError> {
    let mut p = Parser {
        src,
        s: src.as_bytes(),
        i: 0,
        line: 1,
        line_start: 0,
        depth: 0,
    };
    p.ws();
    let node = p.value()?;
    p.ws();
    if p.i < p.s.len() {
        return Err(p.error("trailing characters"));
    }
    Ok(node)
}

struct Parser<'a> {
    src: &'a str,
    s: &'a [u8],
    i: usize,
    line: u32,
    line_start: usize,
    depth: u32,
}

impl<'a> Parser<'a> {
    fn col(&self) -> u32 {
        u32::try_from(self.i - self.line_start + 1).unwrap_or(u32::MAX)
    }

    fn error(&self, what: &'static str) -> SyntaxError {
        SyntaxError {
            eof: self.i >= self.s.len(),
            what,
            line: self.line,
            col: self.col(),
        }
    }

    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn ws(&mut self) {
        while let Some(b) = self.peek() {
            match b {
                b' ' | b'\t' | b'\r' => {}
                b'\n' => {
                    self.line += 1;
                    self.line_start = self.i + 1;
                }
                _ => return,
            }
            self.i += 1;
        }
    }

    fn node(&self, value: Value<'a>, line: u32, col: u32) -> Node<'a> {
        Node { value, line, col }
    }

    fn value(&mut self) -> Result<Node<'a>, SyntaxError> {
        let (line, col) = (self.line, self.col());
        let value = match self.peek() {
            None => return Err(self.error("expected a value")),
            Some(b'{') => self.object()?,
            Some(b'[') => self.array()?,
            Some(b'"') => Value::Str(self.string()?),
            Some(b'-' | b'0'..=b'9') => self.number()?,
            Some(b't') => self.word("true", Value::Bool(true))?,
            Some(b'f') => self.word("false", Value::Bool(false))?,
            Some(b'n') => self.word("null", Value::Null)?,
            Some(_) => return Err(self.error("expected a value")),
        };
        Ok(self.node(value, line, col))
    }

    fn word(&mut self, w: &'static str, v: Value<'a>) -> Result<Value<'a>, SyntaxError> {
        for &b in w.as_bytes() {
            match self.peek() {
                Some(c) if c == b => self.i += 1,
                _ => return Err(self.error("expected a value")),
            }
        }
        Ok(v)
    }

    fn enter(&mut self) -> Result<(), SyntaxError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error("nested too deeply"));
        }
        self.i += 1;
        self.ws();
        Ok(())
    }

    fn array(&mut self) -> Result<Value<'a>, SyntaxError> {
        self.enter()?;
        let mut items = Vec::new();
        if self.peek() == Some(b']') {
            self.i += 1;
            self.depth -= 1;
            return Ok(Value::Arr(items));
        }
        loop {
            items.push(self.value()?);
            self.ws();
            match self.peek() {
                Some(b',') => {
                    self.i += 1;
                    self.ws();
                }
                Some(b']') => {
                    self.i += 1;
                    self.depth -= 1;
                    return Ok(Value::Arr(items));
                }
                _ => return Err(self.error("expected `,` or `]`")),
            }
        }
    }

    fn object(&mut self) -> Result<Value<'a>, SyntaxError> {
        self.enter()?;
        let mut members = Vec::new();
        if self.peek() == Some(b'}') {
            self.i += 1;
            self.depth -= 1;
            return Ok(Value::Obj(members));
        }
        loop {
            if self.peek() != Some(b'"') {
                return Err(self.error("expected a key in double quotes"));
            }
            let key = self.string()?;
            self.ws();
            if self.peek() != Some(b':') {
                return Err(self.error("expected `:`"));
            }
            self.i += 1;
            self.ws();
            members.push((key, self.value()?));
            self.ws();
            match self.peek() {
                Some(b',') => {
                    self.i += 1;
                    self.ws();
                }
                Some(b'}') => {
                    self.i += 1;
                    self.depth -= 1;
                    return Ok(Value::Obj(members));
                }
                _ => return Err(self.error("expected `,` or `}`")),
            }
        }
    }

    /// A string; `self.i` is at its opening quote.
    fn string(&mut self) -> Result<Cow<'a, str>, SyntaxError> {
        self.i += 1;
        let start = self.i;
        // Fast path: no escape, borrowed from the input.
        self.i += plain_run(self.s.get(self.i..).unwrap_or(&[]));
        match self.peek() {
            None => return Err(self.error("unterminated string")),
            Some(b'"') => {
                let s = self.src.get(start..self.i).unwrap_or("");
                self.i += 1;
                return Ok(Cow::Borrowed(s));
            }
            Some(b'\\') => {}
            Some(_) => return Err(self.error("control character in a string")),
        }
        let mut out = String::from(self.src.get(start..self.i).unwrap_or(""));
        loop {
            let run = self.i;
            self.i += plain_run(self.s.get(self.i..).unwrap_or(&[]));
            out.push_str(self.src.get(run..self.i).unwrap_or(""));
            match self.peek() {
                None => return Err(self.error("unterminated string")),
                Some(b'"') => {
                    self.i += 1;
                    return Ok(Cow::Owned(out));
                }
                Some(b'\\') => {
                    self.i += 1;
                    let c = match self.peek() {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.i += 1;
                            out.push(self.unicode_escape()?);
                            continue;
                        }
                        None => return Err(self.error("unterminated string")),
                        Some(_) => return Err(self.error("invalid escape")),
                    };
                    self.i += 1;
                    out.push(c);
                }
                Some(_) => return Err(self.error("control character in a string")),
            }
        }
    }

    /// After `\u`: four hex digits, and a second escape for a surrogate pair.
    fn unicode_escape(&mut self) -> Result<char, SyntaxError> {
        let hi = self.hex4()?;
        if (0xDC00..0xE000).contains(&hi) {
            return Err(self.error("lone surrogate in a \\u escape"));
        }
        if !(0xD800..0xDC00).contains(&hi) {
            return char::from_u32(hi).ok_or_else(|| self.error("invalid \\u escape"));
        }
        if self.peek() != Some(b'\\') || self.s.get(self.i + 1) != Some(&b'u') {
            return Err(self.error("lone surrogate in a \\u escape"));
        }
        self.i += 2;
        let lo = self.hex4()?;
        if !(0xDC00..0xE000).contains(&lo) {
            return Err(self.error("lone surrogate in a \\u escape"));
        }
        char::from_u32(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00))
            .ok_or_else(|| self.error("invalid \\u escape"))
    }

    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let mut n = 0;
        for _ in 0..4 {
            let d = match self.peek() {
                None => return Err(self.error("unterminated string")),
                Some(b) => (b as char)
                    .to_digit(16)
                    .ok_or_else(|| self.error("invalid \\u escape"))?,
            };
            n = n * 16 + d;
            self.i += 1;
        }
        Ok(n)
    }

    fn digits(&mut self) -> usize {
        let n = self
            .s
            .get(self.i..)
            .unwrap_or(&[])
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        self.i += n;
        n
    }

    fn number(&mut self) -> Result<Value<'a>, SyntaxError> {
        let start = self.i;
        if self.peek() == Some(b'-') {
            self.i += 1;
        }
        match self.peek() {
            Some(b'0') => self.i += 1,
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return Err(self.error("invalid number")),
        }
        if self.peek() == Some(b'.') {
            self.i += 1;
            if self.digits() == 0 {
                return Err(self.error("invalid number"));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.i += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.i += 1;
            }
            if self.digits() == 0 {
                return Err(self.error("invalid number"));
            }
        }
        Ok(Value::Num(self.src.get(start..self.i).unwrap_or("0")))
    }
}

/// Length of the run of string bytes that need no attention: up to a quote,
/// a backslash or a control character. Eight bytes at a time while none is
/// in sight (page text is most of a snapshot).
fn plain_run(s: &[u8]) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let has_zero = |v: u64| v.wrapping_sub(ONES) & !v & HIGH;
    let mut i = 0;
    while let Some(chunk) = s.get(i..i + 8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let w = u64::from_le_bytes(word);
        // A quote, a backslash, or a byte below 0x20.
        let hit = has_zero(w ^ (ONES * 0x22))
            | has_zero(w ^ (ONES * 0x5c))
            | (w.wrapping_sub(ONES * 0x20) & !w & HIGH);
        if hit != 0 {
            break;
        }
        i += 8;
    }
    let rest = s.get(i..).unwrap_or(&[]);
    i + rest
        .iter()
        .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
        .unwrap_or(rest.len())
}

/// Where a value sits in the document, for error messages: built on the
/// stack as the decoders descend, turned into text only for an error.
#[derive(Clone, Copy)]
pub enum Path<'p> {
    Root,
    Field(&'p Path<'p>, &'static str),
    Index(&'p Path<'p>, usize),
}

impl Path<'_> {
    /// `page.forms[2].inputs`; empty at the root.
    pub fn render(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }

    fn write(&self, out: &mut String) {
        match *self {
            Path::Root => {}
            Path::Field(parent, key) => {
                parent.write(out);
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Path::Index(parent, i) => {
                parent.write(out);
                out.push('[');
                out.push_str(&i.to_string());
                out.push(']');
            }
        }
    }
}

impl<'a> Node<'a> {
    fn kind(&self) -> &'static str {
        match self.value {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Num(_) => "a number",
            Value::Str(_) => "a string",
            Value::Arr(_) => "an array",
            Value::Obj(_) => "an object",
        }
    }

    /// A decoding error at this value: `field: message at line L column C`.
    pub fn error(&self, at: &Path<'_>, message: &str) -> InputError {
        InputError::Malformed {
            field: at.render(),
            message: format!("{message} at line {} column {}", self.line, self.col),
        }
    }

    /// "expected X, found a string at line …".
    pub fn expected(&self, at: &Path<'_>, what: &str) -> InputError {
        self.error(at, &format!("expected {what}, found {}", self.kind()))
    }

    pub fn as_str(&self, at: &Path<'_>) -> Result<&str, InputError> {
        match &self.value {
            Value::Str(s) => Ok(s),
            _ => Err(self.expected(at, "a string")),
        }
    }

    pub fn members(&self, at: &Path<'_>) -> Result<&[(Cow<'a, str>, Node<'a>)], InputError> {
        match &self.value {
            Value::Obj(members) => Ok(members),
            _ => Err(self.expected(at, "an object")),
        }
    }

    pub fn as_array(&self, at: &Path<'_>) -> Result<&[Node<'a>], InputError> {
        match &self.value {
            Value::Arr(items) => Ok(items),
            _ => Err(self.expected(at, "an array")),
        }
    }

    /// The members of an object, as a type with the fields `known` reads
    /// them. With `deny_unknown`, a member not in `known` is refused (its
    /// key is not repeated: it is input). A known key given twice is refused.
    pub fn object<'n, 'p>(
        &'n self,
        at: &'p Path<'p>,
        known: &'static [&'static str],
        deny_unknown: bool,
    ) -> Result<Obj<'n, 'a, 'p>, InputError> {
        let Value::Obj(members) = &self.value else {
            return Err(self.expected(at, "an object"));
        };
        // Known keys are at most 64 per type: one bit each.
        let mut seen = 0u64;
        for (key, node) in members {
            match known.iter().position(|k| *k == key.as_ref()) {
                Some(i) => {
                    let bit = 1u64 << (i % 64);
                    if seen & bit != 0 {
                        return Err(node.error(
                            &Path::Field(at, known.get(i).copied().unwrap_or("?")),
                            "the field is given twice",
                        ));
                    }
                    seen |= bit;
                }
                None if deny_unknown => {
                    return Err(node.error(
                        at,
                        &format!("unknown field (expected {})", known.join(", ")),
                    ))
                }
                None => {}
            }
        }
        Ok(Obj {
            members,
            at,
            node: self,
        })
    }
}

/// An object being read as a type (see [`Node::object`]).
pub struct Obj<'n, 'a, 'p> {
    members: &'n [(Cow<'a, str>, Node<'a>)],
    at: &'p Path<'p>,
    node: &'n Node<'a>,
}

impl<'n, 'a, 'p> Obj<'n, 'a, 'p> {
    pub fn get(&self, key: &str) -> Option<&'n Node<'a>> {
        self.members
            .iter()
            .find(|(k, _)| k.as_ref() == key)
            .map(|(_, n)| n)
    }

    /// A field without a default: it must be there.
    pub fn req<T: FromJson>(&self, key: &'static str) -> Result<T, InputError> {
        match self.get(key) {
            Some(n) => T::from_node(n, &Path::Field(self.at, key)),
            None => Err(self.node.error(self.at, &format!("missing field {key}"))),
        }
    }

    /// A field that may be absent (serde's `#[serde(default)]`, and every
    /// `Option`). Present, it must decode: `null` only where `T` is an `Option`.
    pub fn or_default<T: FromJson + Default>(&self, key: &'static str) -> Result<T, InputError> {
        self.or_else(key, T::default)
    }

    /// A field with a default other than `T::default()`.
    pub fn or_else<T: FromJson>(
        &self,
        key: &'static str,
        default: impl FnOnce() -> T,
    ) -> Result<T, InputError> {
        match self.get(key) {
            Some(n) => T::from_node(n, &Path::Field(self.at, key)),
            None => Ok(default()),
        }
    }
}

/// A type read from JSON.
pub trait FromJson: Sized {
    fn from_node(node: &Node<'_>, at: &Path<'_>) -> Result<Self, InputError>;
}

/// Parse `text` as one document and read it as `T`.
pub fn from_str<T: FromJson>(text: &str) -> Result<T, InputError> {
    let node = parse(text)?;
    T::from_node(&node, &Path::Root)
}

impl FromJson for String {
    fn from_node(node: &Node<'_>, at: &Path<'_>) -> Result<Self, InputError> {
        node.as_str(at).map(str::to_owned)
    }
}

impl FromJson for bool {
    fn from_node(node: &Node<'_>, at: &Path<'_>) -> Result<Self, InputError> {
        match node.value {
            Value::Bool(b) => Ok(b),
            _ => Err(node.expected(at, "true or false")),
        }
    }
}

/// An integer in `[min, max]`, written as an integer (no fraction, no exponent).
fn integer(node: &Node<'_>, at: &Path<'_>, min: i128, max: i128) -> Result<i128, InputError> {
    let range = || format!("an integer from {min} to {max}");
    let Value::Num(raw) = node.value else {
        return Err(node.expected(at, &range()));
    };
    // serde_json reads `-0` as the float -0.0, as it reads `1.0` and `1e2`.
    let float = raw.contains(['.', 'e', 'E']) || raw == "-0";
    match raw.parse::<i128>() {
        Ok(_) if float => Err(node.error(
            at,
            &format!(
                "expected {}, found a number with a fraction or exponent",
                range()
            ),
        )),
        Ok(n) if (min..=max).contains(&n) => Ok(n),
        Ok(_) => Err(node.error(at, &format!("out of range: expected {}", range()))),
        // A fraction, an exponent, or more digits than an i128 holds.
        Err(_) if float => Err(node.error(
            at,
            &format!(
                "expected {}, found a number with a fraction or exponent",
                range()
            ),
        )),
        Err(_) => Err(node.error(at, &format!("out of range: expected {}", range()))),
    }
}

macro_rules! int_from_json {
    ($($t:ty)*) => {$(
        impl FromJson for $t {
            fn from_node(node: &Node<'_>, at: &Path<'_>) -> Result<Self, InputError> {
                let n = integer(node, at, <$t>::MIN as i128, <$t>::MAX as i128)?;
                <$t>::try_from(n).map_err(|_| node.error(at, "out of range"))
            }
        }
    )*};
}
int_from_json!(u16 u32 u64 usize i32 i64);

impl FromJson for f64 {
    fn from_node(node: &Node<'_>, at: &Path<'_>) -> Result<Self, InputError> {
        match node.value {
            Value::Num(raw) => match decimal(raw) {
                Some(v) if v.is_finite() => Ok(v),
                _ => Err(node.error(at, "out of range: expected a finite number")),
            },
            _ => Err(node.expected(at, "a number")),
        }
    }
}

/// The value of a JSON number (grammar already checked). Exact, hence
/// correctly rounded, for up to 15 significant digits and exponents within
/// ±22, which covers every figure the core writes (0.93, 1.5); beyond that
/// within a few units in the last place. Not `str::parse`: its tables and
/// slow path are about 15 KB of WASM, for two fields in [0, 1].
fn decimal(raw: &str) -> Option<f64> {
    let (neg, rest) = match raw.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, raw),
    };
    let (mantissa, exponent) = match rest.find(['e', 'E']) {
        Some(i) => (rest.get(..i)?, rest.get(i + 1..)?),
        None => (rest, "0"),
    };
    let mut m: u64 = 0;
    let mut digits = 0;
    let mut exp: i64 = 0;
    let mut frac = false;
    for b in mantissa.bytes() {
        if b == b'.' {
            frac = true;
            continue;
        }
        let d = u64::from(b.checked_sub(b'0')?);
        if digits < 19 {
            m = m * 10 + d;
            if m > 0 {
                digits += 1;
            }
            if frac {
                exp -= 1;
            }
        } else if !frac {
            exp += 1;
        }
    }
    let e: i64 =
        exponent
            .trim_start_matches('+')
            .parse::<i64>()
            .unwrap_or(if exponent.starts_with('-') {
                -100_000
            } else {
                100_000
            });
    let exp = (exp + e.clamp(-100_000, 100_000)) as i32;
    let mut v = m as f64;
    if m != 0 {
        // Split large exponents so no intermediate power over- or underflows early.
        let mut left = exp;
        while left != 0 {
            let step = left.clamp(-22, 22);
            let p = 10f64.powi(step.abs());
            v = if step > 0 { v * p } else { v / p };
            left -= step;
            if v == 0.0 || v.is_infinite() {
                break;
            }
        }
    }
    Some(if neg { -v } else { v })
}

impl FromJson for f32 {
    fn from_node(node: &Node<'_>, at: &Path<'_>) -> Result<Self, InputError> {
        // As serde_json does: read as f64, then narrow.
        f64::from_node(node, at).map(|v| v as f32)
    }
}

impl<T: FromJson> FromJson for Option<T> {
    fn from_node(node: &Node<'_>, at: &Path<'_>) -> Result<Self, InputError> {
        match node.value {
            Value::Null => Ok(None),
            _ => T::from_node(node, at).map(Some),
        }
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_node(node: &Node<'_>, at: &Path<'_>) -> Result<Self, InputError> {
        let items = node.as_array(at)?;
        let mut out = Vec::with_capacity(items.len());
        for (i, n) in items.iter().enumerate() {
            out.push(T::from_node(n, &Path::Index(at, i))?);
        }
        Ok(out)
    }
}

/// `FromJson` for a unit enum written as a string, with serde's names.
#[macro_export]
macro_rules! json_enum {
    ($t:ty { $($($name:literal)|+ => $v:expr),+ $(,)? }) => {
        impl $crate::json::FromJson for $t {
            fn from_node(
                node: &$crate::json::Node<'_>,
                at: &$crate::json::Path<'_>,
            ) -> Result<Self, $crate::error::InputError> {
                const NAMES: &[&str] = &[$($($name),+),+];
                match node.as_str(at)? {
                    $($($name)|+ => Ok($v),)+
                    _ => Err(node.error(
                        at,
                        &format!("unknown value (expected one of {})", NAMES.join(", ")),
                    )),
                }
            }
        }
    };
}

/// `FromJson` for a struct, field by field:
/// `json_struct!(Form, deny { action: default, method: default, inputs: default });`
/// Modes: `req` (must be there), `default` (absent → `Default`),
/// `default = f` (absent → `f()`). A field named differently in JSON is
/// written `kind as "type": default`.
#[macro_export]
macro_rules! json_struct {
    ($t:ident, $deny:ident { $($field:ident $(as $json:literal)? : $mode:ident $(= $f:path)?),+ $(,)? }) => {
        impl $crate::json::FromJson for $t {
            // One copy per type, not one inlined into every list of it.
            #[inline(never)]
            fn from_node(
                node: &$crate::json::Node<'_>,
                at: &$crate::json::Path<'_>,
            ) -> Result<Self, $crate::error::InputError> {
                const KNOWN: &[&str] = &[$($crate::json_struct!(@name $field $($json)?)),+];
                let o = node.object(at, KNOWN, $crate::json_struct!(@deny $deny))?;
                Ok($t {
                    $($field: $crate::json_struct!(@read o, $crate::json_struct!(@name $field $($json)?), $mode $(= $f)?),)+
                })
            }
        }
    };
    (@name $field:ident $json:literal) => { $json };
    (@name $field:ident) => { stringify!($field) };
    (@deny deny) => { true };
    (@deny allow) => { false };
    (@read $o:ident, $key:expr, req) => { $o.req($key)? };
    (@read $o:ident, $key:expr, default) => { $o.or_default($key)? };
    (@read $o:ident, $key:expr, default = $f:path) => { $o.or_else($key, $f)? };
}

/// Compact JSON of `node` with object keys sorted (a repeated key keeps its
/// last value) and strings escaped as serde_json writes them: the form the
/// report digest is computed over. Numbers stay as written. `skip` names a
/// top-level key to leave out.
pub fn canonical(node: &Node<'_>, skip: &str) -> String {
    let mut out = String::new();
    write_canonical(node, Some(skip), &mut out);
    out
}

fn write_canonical(node: &Node<'_>, skip: Option<&str>, out: &mut String) {
    match &node.value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Num(raw) => out.push_str(raw),
        Value::Str(s) => write_string(s, out),
        Value::Arr(items) => {
            out.push('[');
            for (i, n) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_canonical(n, None, out);
            }
            out.push(']');
        }
        Value::Obj(members) => {
            let mut sorted: Vec<&(Cow<'_, str>, Node<'_>)> = members
                .iter()
                .filter(|(k, _)| Some(k.as_ref()) != skip)
                .collect();
            // Stable: of a repeated key, the last one is kept below.
            sorted.sort_by(|a, b| a.0.cmp(&b.0));
            out.push('{');
            let mut first = true;
            for (i, (k, n)) in sorted.iter().map(|m| (&m.0, &m.1)).enumerate() {
                if sorted.get(i + 1).is_some_and(|next| next.0 == *k) {
                    continue;
                }
                if !first {
                    out.push(',');
                }
                first = false;
                write_string(k, out);
                out.push(':');
                write_canonical(n, None, out);
            }
            out.push('}');
        }
    }
}

fn write_string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => {
                out.push_str("\\u00");
                for nibble in [(c as u32) >> 4, (c as u32) & 0xf] {
                    out.push(char::from_digit(nibble, 16).unwrap_or('0'));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> String {
        parse(text).map(|_| ()).unwrap_err().to_string()
    }

    #[test]
    fn parses_values_and_positions() {
        let n = parse(" {\"a\": [1, -2.5e3, true, null, \"x\\u00e9\\ud83d\\ude00\"],\n \"b\": {}}")
            .unwrap();
        let Value::Obj(m) = &n.value else { panic!() };
        assert_eq!(m.len(), 2);
        let Value::Arr(a) = &m[0].1.value else {
            panic!()
        };
        assert_eq!(a[1].value, Value::Num("-2.5e3"));
        assert_eq!(a[4].value, Value::Str(Cow::Owned("xé😀".into())));
        assert_eq!((m[1].1.line, m[1].1.col), (2, 7));
        assert_eq!((n.line, n.col), (1, 2));
    }

    #[test]
    fn syntax_errors_say_where_not_what() {
        assert_eq!(err("{\"a\":1"), "the JSON ends early (cut short?)");
        assert_eq!(err("{\"a\" 1}"), "expected `:` at line 1 column 6");
        assert_eq!(err("[1,]"), "expected a value at line 1 column 4");
        assert_eq!(err("[01]"), "expected `,` or `]` at line 1 column 3");
        assert_eq!(err("[1.]"), "invalid number at line 1 column 4");
        assert_eq!(
            err("\"s3cret\" x"),
            "trailing characters at line 1 column 10"
        );
        assert_eq!(err("\"a\\qb\""), "invalid escape at line 1 column 4");
        assert_eq!(
            err("\"\\ud800\""),
            "lone surrogate in a \\u escape at line 1 column 8"
        );
        assert_eq!(
            err("\"a\nb\""),
            "control character in a string at line 1 column 3"
        );
        assert_eq!(
            err(&"[".repeat(129)),
            "nested too deeply at line 1 column 129"
        );
        assert!(parse(&format!("{}{}", "[".repeat(128), "]".repeat(128))).is_ok());
        assert_eq!(err(""), "the JSON ends early (cut short?)");
        assert_eq!(err("tru"), "the JSON ends early (cut short?)");
    }

    #[test]
    fn plain_runs() {
        for (s, n) in [
            ("", 0),
            ("abc", 3),
            ("abcdefghijklmnop\"", 16),
            ("abcdefgh\\", 8),
            ("abcdefg\u{1f}xyz", 7),
            ("abcdefghijé\u{7f}\u{80}xyz\"", 18),
            ("ab\"cdefghijklmnop", 2),
        ] {
            assert_eq!(plain_run(s.as_bytes()), n, "{s:?}");
        }
    }

    #[test]
    fn numbers() {
        for (raw, v) in [
            ("0", 0.0),
            ("-0.5", -0.5),
            ("0.93", 0.93),
            ("1.5", 1.5),
            ("12345678901234567890", 12345678901234567890.0),
            ("1e2", 100.0),
            ("2.5E-3", 0.0025),
            ("0.000001", 1e-6),
            ("1e-400", 0.0),
        ] {
            assert_eq!(decimal(raw), Some(v), "{raw}");
        }
        for raw in ["0.93", "0.1", "0.99", "1", "0.05", "0.333", "0.7"] {
            let f: f32 = from_str(raw).unwrap();
            assert_eq!(f, raw.parse::<f32>().unwrap(), "{raw}");
        }
        assert!(from_str::<f64>("1e400").is_err());
    }

    #[test]
    fn canonical_is_serde_json_value_text() {
        let text = "{\"b\": [1, 2.50, -0.1e-7, \"\\u00e9\\/\\n\\u0001\\\"\"], \"a\": {\"z\": null, \"y\": true, \"z\": false}, \"digest\": 1}";
        let n = parse(text).unwrap();
        assert_eq!(
            canonical(&n, "digest"),
            "{\"a\":{\"y\":true,\"z\":false},\"b\":[1,2.50,-0.1e-7,\"é/\\n\\u0001\\\"\"]}"
        );
    }

    #[derive(Debug, PartialEq, Default)]
    struct T {
        a: u16,
        b: Option<String>,
        c: Vec<i64>,
        kind: String,
    }
    fn seven() -> String {
        "7".into()
    }
    json_struct!(T, deny { a: req, b: default, c: default, kind as "type": default = seven });

    fn read(text: &str) -> Result<T, String> {
        from_str::<T>(text).map_err(|e| e.to_string())
    }

    #[test]
    fn structs_read_as_serde_would() {
        assert_eq!(
            read(r#"{"a": 3}"#).unwrap(),
            T {
                a: 3,
                kind: "7".into(),
                ..T::default()
            }
        );
        assert_eq!(
            read(r#"{"c":[1,-2],"a":65535,"b":null,"type":"x"}"#).unwrap(),
            T {
                a: 65535,
                b: None,
                c: vec![1, -2],
                kind: "x".into()
            }
        );
        assert_eq!(
            read(r#"{}"#).unwrap_err(),
            "malformed input: missing field a at line 1 column 1"
        );
        assert_eq!(
            read(r#"{"a": 1, "pw123": 1}"#).unwrap_err(),
            "malformed input: unknown field (expected a, b, c, type) at line 1 column 19"
        );
        assert_eq!(
            read(r#"{"a": 1, "a": 2}"#).unwrap_err(),
            "a: the field is given twice at line 1 column 15"
        );
        assert_eq!(
            read(r#"{"a": 70000}"#).unwrap_err(),
            "a: out of range: expected an integer from 0 to 65535 at line 1 column 7"
        );
        assert_eq!(
            read(r#"{"a": 1.0}"#).unwrap_err(),
            "a: expected an integer from 0 to 65535, found a number with a fraction or exponent at line 1 column 7"
        );
        assert_eq!(
            read(r#"{"a": "s3cret"}"#).unwrap_err(),
            "a: expected an integer from 0 to 65535, found a string at line 1 column 7"
        );
        assert_eq!(
            read(r#"{"a": 1, "c": [1, "x"]}"#).unwrap_err(),
            "c[1]: expected an integer from -9223372036854775808 to 9223372036854775807, found a string at line 1 column 19"
        );
        assert_eq!(
            read(r#"{"a": 1, "type": null}"#).unwrap_err(),
            "type: expected a string, found null at line 1 column 18"
        );
        assert_eq!(
            read("[]").unwrap_err(),
            "malformed input: expected an object, found an array at line 1 column 1"
        );
    }
}
