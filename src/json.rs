//! Reading JSON input: snapshots, reports, catalogs, lexicons and the WASM
//! boundary's commands.
//!
//! A [`Reader`] that pulls typed values straight from the text, and a
//! [`FromJson`] impl per type, written by [`json_struct!`] and
//! [`json_enum!`] from one line per field, instead of serde's derived
//! decoders: those are one monomorphised decoder per type and cost about
//! 135 KB of the WASM module, and their errors named the field only with a
//! second crate that cost as much again. The reader keeps one copy of its
//! object and array loops (the per-type part is a `dyn` callback that maps
//! a key to its field), and reads a 214 KB snapshot faster than serde_json
//! did (`cargo bench`). Every build's errors name the field path and the
//! position (`page.status: expected an integer from 0 to 65535, found a
//! string at line 1 column 40`), and never repeat a value or an unknown key
//! from the input (it may hold secrets). The first problem in document
//! order is the one reported.
//!
//! [`parse`] builds a tree instead, for the report digest, which is taken
//! over a canonical form of the text as received ([`canonical`]).
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
    Arr(Vec<Value<'a>>),
    /// Members in document order (a repeated key is kept; [`canonical`]
    /// keeps its last value, as serde_json's map does).
    Obj(Vec<(Cow<'a, str>, Value<'a>)>),
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

impl<'a> Value<'a> {
    /// An object's member; of a repeated key the last, as [`canonical`] keeps.
    pub fn get(&self, key: &str) -> Option<&Value<'a>> {
        match self {
            Value::Obj(members) => members.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }
}

/// Parse one JSON document (RFC 8259; surrounding whitespace allowed).
pub fn parse(src: &str) -> Result<Value<'_>, SyntaxError> {
    let mut p = Reader::new(src);
    p.ws();
    let node = p.value()?;
    p.ws();
    if p.i < p.s.len() {
        return Err(p.syntax("trailing characters"));
    }
    Ok(node)
}

/// The length in bytes of the JSON value at the start of `src` (what
/// follows it is not read): a report's data found inside other text.
pub fn value_len(src: &str) -> Result<usize, SyntaxError> {
    let mut p = Reader::new(src);
    p.value()?;
    Ok(p.i)
}

/// Reads JSON text: as a tree ([`parse`]), or typed values straight from
/// the text ([`FromJson`]): each impl pulls what it expects, and the first
/// problem ends the read with an error that names the field and the
/// position.
pub struct Reader<'a> {
    src: &'a str,
    s: &'a [u8],
    i: usize,
    line: u32,
    line_start: usize,
    depth: u32,
}

impl<'a> Reader<'a> {
    fn col(&self) -> u32 {
        u32::try_from(self.i - self.line_start + 1).unwrap_or(u32::MAX)
    }

    fn syntax(&self, what: &'static str) -> SyntaxError {
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

    fn value(&mut self) -> Result<Value<'a>, SyntaxError> {
        let value = match self.peek() {
            None => return Err(self.syntax("expected a value")),
            Some(b'{') => self.tree_object()?,
            Some(b'[') => self.tree_array()?,
            Some(b'"') => Value::Str(self.raw_string()?),
            Some(b'-' | b'0'..=b'9') => self.raw_number()?,
            Some(b't') => self.word("true", Value::Bool(true))?,
            Some(b'f') => self.word("false", Value::Bool(false))?,
            Some(b'n') => self.word("null", Value::Null)?,
            Some(_) => return Err(self.syntax("expected a value")),
        };
        Ok(value)
    }

    fn word(&mut self, w: &'static str, v: Value<'a>) -> Result<Value<'a>, SyntaxError> {
        for &b in w.as_bytes() {
            match self.peek() {
                Some(c) if c == b => self.i += 1,
                _ => return Err(self.syntax("expected a value")),
            }
        }
        Ok(v)
    }

    fn enter(&mut self) -> Result<(), SyntaxError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.syntax("nested too deeply"));
        }
        self.i += 1;
        self.ws();
        Ok(())
    }

    /// The items of an array or the members of an object, from its opening
    /// bracket: `item` reads one (for an object, a [`key`](Self::key) and
    /// then the value); the separators are checked here. One loop for the
    /// tree and the typed reads (`dyn`: one copy per error type).
    fn list<E: From<SyntaxError>>(
        &mut self,
        close: u8,
        item: &mut dyn FnMut(&mut Self) -> Result<(), E>,
    ) -> Result<(), E> {
        self.enter()?;
        if self.peek() == Some(close) {
            self.i += 1;
            self.depth -= 1;
            return Ok(());
        }
        loop {
            item(self)?;
            self.ws();
            match self.peek() {
                Some(b',') => {
                    self.i += 1;
                    self.ws();
                }
                Some(c) if c == close => {
                    self.i += 1;
                    self.depth -= 1;
                    return Ok(());
                }
                _ if close == b']' => return Err(self.syntax("expected `,` or `]`").into()),
                _ => return Err(self.syntax("expected `,` or `}`").into()),
            }
        }
    }

    /// An object's key and its colon, and where the key is; the reader is
    /// then at the value.
    fn key(&mut self) -> Result<(Cow<'a, str>, Pos), SyntaxError> {
        if self.peek() != Some(b'"') {
            return Err(self.syntax("expected a key in double quotes"));
        }
        let pos = self.pos();
        let key = self.raw_string()?;
        self.ws();
        if self.peek() != Some(b':') {
            return Err(self.syntax("expected `:`"));
        }
        self.i += 1;
        self.ws();
        Ok((key, pos))
    }

    fn tree_array(&mut self) -> Result<Value<'a>, SyntaxError> {
        let mut items = Vec::new();
        self.list(b']', &mut |r| {
            items.push(r.value()?);
            Ok(())
        })?;
        Ok(Value::Arr(items))
    }

    fn tree_object(&mut self) -> Result<Value<'a>, SyntaxError> {
        let mut members = Vec::new();
        self.list(b'}', &mut |r| {
            let (key, _) = r.key()?;
            members.push((key, r.value()?));
            Ok(())
        })?;
        Ok(Value::Obj(members))
    }

    /// A string; `self.i` is at its opening quote.
    fn raw_string(&mut self) -> Result<Cow<'a, str>, SyntaxError> {
        self.i += 1;
        let start = self.i;
        // Fast path: no escape, borrowed from the input.
        self.i += plain_run(self.s.get(self.i..).unwrap_or(&[]));
        match self.peek() {
            None => return Err(self.syntax("unterminated string")),
            Some(b'"') => {
                let s = self.src.get(start..self.i).unwrap_or("");
                self.i += 1;
                return Ok(Cow::Borrowed(s));
            }
            Some(b'\\') => {}
            Some(_) => return Err(self.syntax("control character in a string")),
        }
        let mut out = String::from(self.src.get(start..self.i).unwrap_or(""));
        loop {
            let run = self.i;
            self.i += plain_run(self.s.get(self.i..).unwrap_or(&[]));
            out.push_str(self.src.get(run..self.i).unwrap_or(""));
            match self.peek() {
                None => return Err(self.syntax("unterminated string")),
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
                        None => return Err(self.syntax("unterminated string")),
                        Some(_) => return Err(self.syntax("invalid escape")),
                    };
                    self.i += 1;
                    out.push(c);
                }
                Some(_) => return Err(self.syntax("control character in a string")),
            }
        }
    }

    /// After `\u`: four hex digits, and a second escape for a surrogate pair.
    fn unicode_escape(&mut self) -> Result<char, SyntaxError> {
        let hi = self.hex4()?;
        if (0xDC00..0xE000).contains(&hi) {
            return Err(self.syntax("lone surrogate in a \\u escape"));
        }
        if !(0xD800..0xDC00).contains(&hi) {
            return char::from_u32(hi).ok_or_else(|| self.syntax("invalid \\u escape"));
        }
        if self.peek() != Some(b'\\') || self.s.get(self.i + 1) != Some(&b'u') {
            return Err(self.syntax("lone surrogate in a \\u escape"));
        }
        self.i += 2;
        let lo = self.hex4()?;
        if !(0xDC00..0xE000).contains(&lo) {
            return Err(self.syntax("lone surrogate in a \\u escape"));
        }
        char::from_u32(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00))
            .ok_or_else(|| self.syntax("invalid \\u escape"))
    }

    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let mut n = 0;
        for _ in 0..4 {
            let d = match self.peek() {
                None => return Err(self.syntax("unterminated string")),
                Some(b) => (b as char)
                    .to_digit(16)
                    .ok_or_else(|| self.syntax("invalid \\u escape"))?,
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

    fn raw_number(&mut self) -> Result<Value<'a>, SyntaxError> {
        let start = self.i;
        if self.peek() == Some(b'-') {
            self.i += 1;
        }
        match self.peek() {
            Some(b'0') => self.i += 1,
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return Err(self.syntax("invalid number")),
        }
        if self.peek() == Some(b'.') {
            self.i += 1;
            if self.digits() == 0 {
                return Err(self.syntax("invalid number"));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.i += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.i += 1;
            }
            if self.digits() == 0 {
                return Err(self.syntax("invalid number"));
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

/// A position in the text, 1-based.
#[derive(Clone, Copy, Debug)]
pub struct Pos {
    pub line: u32,
    pub col: u32,
}

impl<'a> Reader<'a> {
    pub fn new(text: &'a str) -> Reader<'a> {
        Reader {
            src: text,
            s: text.as_bytes(),
            i: 0,
            line: 1,
            line_start: 0,
            depth: 0,
        }
    }

    /// Where the next value starts.
    pub fn pos(&self) -> Pos {
        Pos {
            line: self.line,
            col: self.col(),
        }
    }

    /// `field: message at line L column C`.
    #[cold]
    #[inline(never)]
    pub fn error_at(&self, pos: Pos, at: &Path<'_>, message: &str) -> InputError {
        InputError::Malformed {
            field: at.render(),
            message: format!("{message} at line {} column {}", pos.line, pos.col),
        }
    }

    /// An error at the next value.
    #[cold]
    #[inline(never)]
    pub fn error(&self, at: &Path<'_>, message: &str) -> InputError {
        self.error_at(self.pos(), at, message)
    }

    /// "expected X, found a string at line …"; a syntax error where no value starts.
    #[cold]
    #[inline(never)]
    pub fn expected(&self, at: &Path<'_>, what: &str) -> InputError {
        let found = match self.peek() {
            Some(b'"') => "a string",
            Some(b'{') => "an object",
            Some(b'[') => "an array",
            Some(b't' | b'f') => "a boolean",
            Some(b'n') => "null",
            Some(b'-' | b'0'..=b'9') => "a number",
            _ => return self.syntax("expected a value").into(),
        };
        self.error(at, &format!("expected {what}, found {found}"))
    }

    /// The next value is `null` (consumed) or not (left).
    pub fn null(&mut self) -> Result<bool, InputError> {
        if self.peek() == Some(b'n') {
            self.word("null", Value::Null)?;
            return Ok(true);
        }
        Ok(false)
    }

    pub fn string(&mut self, at: &Path<'_>) -> Result<Cow<'a, str>, InputError> {
        if self.peek() != Some(b'"') {
            return Err(self.expected(at, "a string"));
        }
        Ok(self.raw_string()?)
    }

    pub fn boolean(&mut self, at: &Path<'_>) -> Result<bool, InputError> {
        match self.peek() {
            Some(b't') => Ok(self.word("true", Value::Null).map(|_| true)?),
            Some(b'f') => Ok(self.word("false", Value::Null).map(|_| false)?),
            _ => Err(self.expected(at, "true or false")),
        }
    }

    /// A number as written (grammar checked); `what` names the expected type.
    fn number(&mut self, at: &Path<'_>, what: &str) -> Result<&'a str, InputError> {
        match self.peek() {
            Some(b'-' | b'0'..=b'9') => match self.raw_number()? {
                Value::Num(raw) => Ok(raw),
                _ => Err(self.expected(at, what)),
            },
            _ => Err(self.expected(at, what)),
        }
    }

    /// Skip one value of any kind (checking its grammar): an unknown field
    /// of a type that allows them.
    pub fn skip(&mut self) -> Result<(), InputError> {
        self.value()?;
        Ok(())
    }

    /// The text of the next value, unparsed: one element of a large array,
    /// to be parsed on its own ([`parse`] checks its grammar). Found by a
    /// scan, without building or unescaping anything: strings are passed by
    /// their quotes and escapes, brackets counted, a scalar ends at the
    /// next delimiter. A text that ends inside the value is an error.
    pub fn raw(&mut self) -> Result<&'a str, InputError> {
        self.ws();
        let start = self.i;
        let mut depth = 0usize;
        let mut in_str = false;
        let mut esc = false;
        while let Some(b) = self.peek() {
            if in_str {
                match b {
                    _ if esc => esc = false,
                    b'\\' => esc = true,
                    b'"' => in_str = false,
                    _ => {}
                }
            } else {
                match b {
                    b'"' => in_str = true,
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' if depth == 0 => break,
                    b'}' | b']' => depth -= 1,
                    b',' | b' ' | b'\t' | b'\r' | b'\n' if depth == 0 => break,
                    _ => {}
                }
            }
            if b == b'\n' {
                self.line += 1;
                self.line_start = self.i + 1;
            }
            self.i += 1;
            if depth == 0 && !in_str && matches!(b, b'}' | b']' | b'"') {
                break;
            }
        }
        if in_str || depth > 0 || self.i == start {
            return Err(self.syntax("expected a value").into());
        }
        Ok(self.src.get(start..self.i).unwrap_or(""))
    }

    /// An array, element by element.
    /// (`dyn`: one copy of the loop, not one per element type.)
    pub fn array(
        &mut self,
        at: &Path<'_>,
        item: &mut dyn FnMut(&mut Self, &Path<'_>) -> Result<(), InputError>,
    ) -> Result<(), InputError> {
        if self.peek() != Some(b'[') {
            return Err(self.expected(at, "an array"));
        }
        let mut i = 0;
        self.list(b']', &mut |r| {
            item(r, &Path::Index(at, i))?;
            i += 1;
            Ok(())
        })
    }

    /// An object, member by member: `member` gets each key, where it is,
    /// and the reader at its value, which it must read or skip. Returns
    /// where the object starts (for "missing field" errors).
    /// (`dyn`: one copy of the loop, not one per type.)
    pub fn object(
        &mut self,
        at: &Path<'_>,
        member: &mut dyn FnMut(&mut Self, &str, Pos) -> Result<(), InputError>,
    ) -> Result<Pos, InputError> {
        let start = self.pos();
        if self.peek() != Some(b'{') {
            return Err(self.expected(at, "an object"));
        }
        self.list(b'}', &mut |r| {
            let (key, pos) = r.key()?;
            member(r, &key, pos)
        })?;
        Ok(start)
    }

    /// Read a struct's field into its slot; refused if it was given before.
    /// (One small function per field type, not per field.)
    #[inline(never)]
    pub fn slot<T: FromJson>(
        &mut self,
        slot: &mut Option<T>,
        at: &Path<'_>,
    ) -> Result<(), InputError> {
        if slot.is_some() {
            return Err(self.error(at, "the field is given twice"));
        }
        *slot = Some(T::read(self, at)?);
        Ok(())
    }

    /// "url: missing from the object at line 1 column 1".
    #[cold]
    #[inline(never)]
    pub fn missing(&self, start: Pos, at: &Path<'_>, key: &'static str) -> InputError {
        InputError::Malformed {
            field: Path::Field(at, key).render(),
            message: format!(
                "missing from the object at line {} column {}",
                start.line, start.col
            ),
        }
    }

    /// An unknown key, named by the keys the type knows (never by itself: it is input).
    #[cold]
    #[inline(never)]
    pub fn unknown(&self, pos: Pos, at: &Path<'_>, known: &[&str]) -> InputError {
        self.error_at(
            pos,
            at,
            &format!("unknown field (expected {})", known.join(", ")),
        )
    }

    /// After the value: only white space may follow.
    pub fn end(&mut self) -> Result<(), InputError> {
        self.ws();
        if self.i < self.s.len() {
            return Err(self.syntax("trailing characters").into());
        }
        Ok(())
    }
}

/// The position of `key` among a type's field names (`usize::MAX`: none).
pub fn field_index(known: &[&str], key: &str) -> usize {
    known.iter().position(|k| *k == key).unwrap_or(usize::MAX)
}

/// [`field_index`] at compile time, for the arms of [`json_struct!`].
// Indexing in a const fn (slice `get` is not const): every index is checked
// against its length in the loop conditions, and in the `const` blocks where
// this runs, a mistake would fail the build, not panic.
#[allow(clippy::indexing_slicing)]
pub const fn const_index(known: &[&str], key: &str) -> usize {
    let mut i = 0;
    while i < known.len() {
        let k = known[i].as_bytes();
        let b = key.as_bytes();
        if k.len() == b.len() {
            let mut j = 0;
            while j < k.len() && k[j] == b[j] {
                j += 1;
            }
            if j == k.len() {
                return i;
            }
        }
        i += 1;
    }
    usize::MAX
}

/// A type read from JSON.
pub trait FromJson: Sized {
    fn read(r: &mut Reader<'_>, at: &Path<'_>) -> Result<Self, InputError>;
}

/// Read `text` as one `T`.
pub fn from_str<T: FromJson>(text: &str) -> Result<T, InputError> {
    let mut r = Reader::new(text);
    r.ws();
    let value = T::read(&mut r, &Path::Root)?;
    r.end()?;
    Ok(value)
}

impl FromJson for String {
    #[inline(never)]
    fn read(r: &mut Reader<'_>, at: &Path<'_>) -> Result<Self, InputError> {
        r.string(at).map(Cow::into_owned)
    }
}

impl FromJson for bool {
    #[inline(never)]
    fn read(r: &mut Reader<'_>, at: &Path<'_>) -> Result<Self, InputError> {
        r.boolean(at)
    }
}

/// An integer in `[min, max]`, written as an integer (no fraction, no exponent).
// The bounds are an i64 and a u64, not i128s, and the digits are read as a
// u64: the same numbers and messages without i128 parsing and formatting
// (about 2 KB of the WASM module).
fn integer(r: &mut Reader<'_>, at: &Path<'_>, min: i64, max: u64) -> Result<i128, InputError> {
    let range = || format!("an integer from {min} to {max}");
    let pos = r.pos();
    let raw = r.number(at, &range())?;
    // serde_json reads `-0` as the float -0.0, as it reads `1.0` and `1e2`.
    let float = raw.contains(['.', 'e', 'E']) || raw == "-0";
    // An integer whose magnitude is over u64::MAX is out of every range.
    let n = match raw.strip_prefix('-') {
        Some(digits) => digits.parse::<u64>().map(|v| -i128::from(v)),
        None => raw.parse::<u64>().map(i128::from),
    };
    match n {
        _ if float => Err(r.error_at(
            pos,
            at,
            &format!(
                "expected {}, found a number with a fraction or exponent",
                range()
            ),
        )),
        Ok(n) if (i128::from(min)..=i128::from(max)).contains(&n) => Ok(n),
        // Out of range, or more digits than a u64 holds.
        _ => Err(r.error_at(pos, at, &format!("out of range: expected {}", range()))),
    }
}

macro_rules! int_from_json {
    ($($t:ty)*) => {$(
        impl FromJson for $t {
            #[inline(never)]
            fn read(r: &mut Reader<'_>, at: &Path<'_>) -> Result<Self, InputError> {
                let pos = r.pos();
                let n = integer(r, at, <$t>::MIN as i64, <$t>::MAX as u64)?;
                <$t>::try_from(n).map_err(|_| r.error_at(pos, at, "out of range"))
            }
        }
    )*};
}
int_from_json!(u16 u32 u64 usize i32 i64);

impl FromJson for f64 {
    fn read(r: &mut Reader<'_>, at: &Path<'_>) -> Result<Self, InputError> {
        let pos = r.pos();
        match decimal(r.number(at, "a number")?) {
            Some(v) if v.is_finite() => Ok(v),
            _ => Err(r.error_at(pos, at, "out of range: expected a finite number")),
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
    fn read(r: &mut Reader<'_>, at: &Path<'_>) -> Result<Self, InputError> {
        // As serde_json does: read as f64, then narrow.
        f64::read(r, at).map(|v| v as f32)
    }
}

impl<T: FromJson> FromJson for Option<T> {
    #[inline(never)]
    fn read(r: &mut Reader<'_>, at: &Path<'_>) -> Result<Self, InputError> {
        if r.null()? {
            return Ok(None);
        }
        T::read(r, at).map(Some)
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    #[inline(never)]
    fn read(r: &mut Reader<'_>, at: &Path<'_>) -> Result<Self, InputError> {
        let mut out = Vec::new();
        r.array(at, &mut |r, at| {
            out.push(T::read(r, at)?);
            Ok(())
        })?;
        Ok(out)
    }
}

/// `FromJson` for a unit enum written as a string, with serde's names.
#[macro_export]
macro_rules! json_enum {
    ($t:ty { $($($name:literal)|+ => $v:expr),+ $(,)? }) => {
        impl $crate::json::FromJson for $t {
            fn read(
                r: &mut $crate::json::Reader<'_>,
                at: &$crate::json::Path<'_>,
            ) -> Result<Self, $crate::error::InputError> {
                const NAMES: &[&str] = &[$($($name),+),+];
                let pos = r.pos();
                match r.string(at)?.as_ref() {
                    $($($name)|+ => Ok($v),)+
                    _ => Err(r.error_at(
                        pos,
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
/// written `kind as "type": default`. `deny` refuses unknown fields,
/// `allow` skips them. A field given twice is refused. Fields that are not
/// JSON at all (`#[serde(skip)]`) follow as `, skip { field }` and start as
/// their `Default`.
#[macro_export]
macro_rules! json_struct {
    ($t:ident, $deny:ident {
        $($field:ident $(as $json:literal)? : $mode:ident $(= $f:path)?),+ $(,)?
     }
     $(, skip { $($skip:ident),+ $(,)? })?) => {
        impl $crate::json::FromJson for $t {
            #[inline(never)]
            fn read(
                r: &mut $crate::json::Reader<'_>,
                at: &$crate::json::Path<'_>,
            ) -> Result<Self, $crate::error::InputError> {
                const KNOWN: &[&str] = &[$($crate::json_struct!(@name $field $($json)?)),+];
                $(let mut $field = None;)+
                let _start = r.object(at, &mut |r, key, _key_pos| {
                    let i = $crate::json::field_index(KNOWN, key);
                    $(if i == const {
                        $crate::json::const_index(
                            KNOWN,
                            $crate::json_struct!(@name $field $($json)?),
                        )
                    } {
                        return r.slot(
                            &mut $field,
                            &$crate::json::Path::Field(
                                at,
                                $crate::json_struct!(@name $field $($json)?),
                            ),
                        );
                    })+
                    $crate::json_struct!(@unknown $deny, r, at, _key_pos, KNOWN)
                })?;
                Ok($t {
                    $($field: $crate::json_struct!(
                        @take $field, r, at, _start,
                        $crate::json_struct!(@name $field $($json)?),
                        $mode $(= $f)?
                    ),)+
                    $($($skip: Default::default(),)+)?
                })
            }
        }
    };
    (@name $field:ident $json:literal) => { $json };
    (@name $field:ident) => { stringify!($field) };
    (@unknown deny, $r:ident, $at:ident, $pos:ident, $known:ident) => {
        Err($r.unknown($pos, $at, $known))
    };
    (@unknown allow, $r:ident, $at:ident, $pos:ident, $known:ident) => {{
        let _ = ($pos, $known);
        $r.skip()
    }};
    (@take $field:ident, $r:ident, $at:ident, $start:ident, $key:expr, req) => {
        match $field {
            Some(v) => v,
            None => return Err($r.missing($start, $at, $key)),
        }
    };
    (@take $field:ident, $r:ident, $at:ident, $start:ident, $key:expr, default) => {
        $field.unwrap_or_default()
    };
    (@take $field:ident, $r:ident, $at:ident, $start:ident, $key:expr, default = $f:path) => {
        $field.unwrap_or_else($f)
    };
}

/// Compact JSON of `node` with object keys sorted (a repeated key keeps its
/// last value) and strings escaped as serde_json writes them: the form the
/// report digest is computed over. Numbers stay as written. `skip` names a
/// top-level key to leave out.
pub fn canonical(node: &Value<'_>, skip: &str) -> String {
    let mut out = String::new();
    write_canonical(node, Some(skip), &mut out);
    out
}

fn write_canonical(node: &Value<'_>, skip: Option<&str>, out: &mut String) {
    match node {
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
            let mut sorted: Vec<&(Cow<'_, str>, Value<'_>)> = members
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
    fn parses_values() {
        let n = parse(" {\"a\": [1, -2.5e3, true, null, \"x\\u00e9\\ud83d\\ude00\"],\n \"b\": {}}")
            .unwrap();
        let Value::Obj(m) = &n else { panic!() };
        assert_eq!(m.len(), 2);
        let Value::Arr(a) = &m[0].1 else { panic!() };
        assert_eq!(a[1], Value::Num("-2.5e3"));
        assert_eq!(a[4], Value::Str(Cow::Owned("xé😀".into())));
        assert_eq!(m[1].1, Value::Obj(vec![]));
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
        let text = "{\"b\": [1, 2.50, -0.1e-7, \"\\u00e9\\/\\n\\u0001\\\"\"], \
                    \"a\": {\"z\": null, \"y\": true, \"z\": false}, \"digest\": 1}";
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
            "a: missing from the object at line 1 column 1"
        );
        assert_eq!(
            read(r#"{"a": 1, "pw123": 1}"#).unwrap_err(),
            "malformed input: unknown field (expected a, b, c, type) at line 1 column 10"
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
            "a: expected an integer from 0 to 65535, found a number with a fraction or exponent \
             at line 1 column 7"
        );
        assert_eq!(
            read(r#"{"a": "s3cret"}"#).unwrap_err(),
            "a: expected an integer from 0 to 65535, found a string at line 1 column 7"
        );
        assert_eq!(
            read(r#"{"a": 1, "c": [1, "x"]}"#).unwrap_err(),
            "c[1]: expected an integer from -9223372036854775808 to 9223372036854775807, found a \
             string at line 1 column 19"
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

    /// The integer bounds at their edges, and numbers past what a u64 (or an
    /// i128) holds: the same values and messages as with i128 bounds.
    #[test]
    fn integer_edges() {
        assert_eq!(from_str::<u64>("18446744073709551615"), Ok(u64::MAX));
        assert_eq!(from_str::<i64>("-9223372036854775808"), Ok(i64::MIN));
        assert_eq!(from_str::<i32>("-2147483648"), Ok(i32::MIN));
        let u64_range = "out of range: expected an integer from 0 to 18446744073709551615";
        let i64_range =
            "out of range: expected an integer from -9223372036854775808 to 9223372036854775807";
        for (text, want) in [
            ("18446744073709551616", u64_range),
            ("-1", u64_range),
            ("-18446744073709551616", u64_range),
            ("1234567890123456789012345678901234567890123", u64_range),
        ] {
            let got = from_str::<u64>(text).unwrap_err().to_string();
            assert_eq!(
                got,
                format!("malformed input: {want} at line 1 column 1"),
                "{text}"
            );
        }
        for text in [
            "9223372036854775808",
            "-9223372036854775809",
            "-170141183460469231731687303715884105729",
        ] {
            let got = from_str::<i64>(text).unwrap_err().to_string();
            assert_eq!(
                got,
                format!("malformed input: {i64_range} at line 1 column 1"),
                "{text}"
            );
        }
        assert_eq!(
            from_str::<i32>("-0").unwrap_err().to_string(),
            "malformed input: expected an integer from -2147483648 to 2147483647, found a number \
             with a fraction or exponent at line 1 column 1"
        );
    }
}
