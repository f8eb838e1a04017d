//! What a diagnosis says to people, as messages: a key into the message
//! data (`messages/<lang>.json`) and its arguments (issue 14).
//!
//! The core composes every sentence for people (headline, what the user can
//! do now, the administrator's move, each finding in plain words) as a
//! [`Msg`]. English, for the report and the CLI, is rendered here from
//! `messages/en.json`; the extension renders the same messages in the
//! browser's language from `messages/<lang>.json` (plural categories with
//! `Intl.PluralRules`, numbers with `Intl.NumberFormat`). The templates are
//! data beside the WASM module, so languages add nothing to it.
//!
//! A template names its arguments in braces (`"Wait {wait}, then …"`). An
//! argument is allow-listed text the core already holds (a redacted URL, a
//! masked excerpt, a code the page shows), another message, a number, a
//! duration (a count of seconds, minutes or hours, written with the plural
//! forms of `units`), or a list of messages (joined with `sep`).

use serde::ser::{Serialize, SerializeMap, Serializer};
use std::sync::OnceLock;

/// One message: a key of the message data and its arguments (a list, not
/// a map: a few entries, and no map code in the WASM module). Serialized as
/// `{"key": …, "args": {name: arg, …}}`.
#[derive(Debug, Clone, PartialEq)]
pub struct Msg {
    pub key: &'static str,
    pub args: Vec<(&'static str, Arg)>,
}

impl Serialize for Msg {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("key", self.key)?;
        if !self.args.is_empty() {
            m.serialize_entry("args", &Args(&self.args))?;
        }
        m.end()
    }
}

struct Args<'a>(&'a [(&'static str, Arg)]);

impl Serialize for Args<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in self.0 {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

/// An argument of a message.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Arg {
    /// Allow-listed text, inserted as it is.
    Text(String),
    /// Another message, in the same language.
    Msg(Msg),
    /// A whole number.
    Num(i64),
    /// `n` of a unit (`second`, `minute`, `hour`), with its plural form.
    Dur { unit: &'static str, n: u32 },
    /// Messages joined with the language's `sep`.
    List(Vec<Msg>),
}

/// Everything a diagnosis says to people, as messages.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Said {
    pub headline: Msg,
    pub user_move: Msg,
    pub admin_move: Msg,
    /// One per reported evidence item, in the same order.
    pub evidence: Vec<Msg>,
}

impl Msg {
    pub fn new(key: &'static str) -> Msg {
        Msg {
            key,
            args: Vec::new(),
        }
    }

    pub fn text(mut self, name: &'static str, value: impl Into<String>) -> Msg {
        self.args.push((name, Arg::Text(value.into())));
        self
    }

    pub fn msg(mut self, name: &'static str, value: Msg) -> Msg {
        self.args.push((name, Arg::Msg(value)));
        self
    }

    pub fn num(mut self, name: &'static str, value: i64) -> Msg {
        self.args.push((name, Arg::Num(value)));
        self
    }

    /// Seconds as people say them: seconds up to 90, minutes up to an hour
    /// and a half, hours beyond (rounded up).
    pub fn secs(mut self, name: &'static str, s: u32) -> Msg {
        let (unit, n) = match s {
            0..=90 => ("second", s),
            91..=5400 => ("minute", s.div_ceil(60)),
            _ => ("hour", s.div_ceil(3600)),
        };
        self.args.push((name, Arg::Dur { unit, n }));
        self
    }

    pub fn list(mut self, name: &'static str, items: Vec<Msg>) -> Msg {
        self.args.push((name, Arg::List(items)));
        self
    }

    /// The message in English (`messages/en.json`).
    pub fn english(&self) -> String {
        let mut out = String::new();
        render(english(), self, &mut out);
        out
    }
}

/// The English message data, parsed once.
fn english() -> &'static crate::json::Value<'static> {
    static EN: OnceLock<crate::json::Value<'static>> = OnceLock::new();
    EN.get_or_init(|| {
        crate::data::file("messages/en.json")
            .and_then(|t| crate::json::parse(t).ok())
            .unwrap_or(crate::json::Value::Null)
    })
}

fn str_at<'v>(v: &'v crate::json::Value<'_>, path: &[&str]) -> Option<&'v str> {
    let mut at = v;
    for k in path {
        at = at.get(k)?;
    }
    match at {
        crate::json::Value::Str(s) => Some(s.as_ref()),
        _ => None,
    }
}

/// English plural category: "one" for 1, else "other".
fn category(n: u32) -> &'static str {
    if n == 1 {
        "one"
    } else {
        "other"
    }
}

fn render(cat: &crate::json::Value<'_>, m: &Msg, out: &mut String) {
    // A key the data lacks shows as the key itself (tests check none does).
    let template = str_at(cat, &["messages", m.key]).unwrap_or(m.key);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let (before, after) = rest.split_at(open);
        out.push_str(before);
        let Some(close) = after.find('}') else {
            out.push_str(after);
            return;
        };
        let name = after.get(1..close).unwrap_or_default();
        match m.args.iter().find(|(k, _)| *k == name).map(|(_, a)| a) {
            Some(arg) => render_arg(cat, arg, out),
            None => out.push_str(after.get(..=close).unwrap_or_default()),
        }
        rest = after.get(close + 1..).unwrap_or_default();
    }
    out.push_str(rest);
}

fn render_arg(cat: &crate::json::Value<'_>, arg: &Arg, out: &mut String) {
    match arg {
        Arg::Text(t) => out.push_str(t),
        Arg::Msg(m) => render(cat, m, out),
        Arg::Num(n) => out.push_str(&n.to_string()),
        Arg::Dur { unit, n } => {
            let form = str_at(cat, &["units", unit, category(*n)])
                .or_else(|| str_at(cat, &["units", unit, "other"]))
                .unwrap_or("{n}");
            out.push_str(&form.replace("{n}", &n.to_string()));
        }
        Arg::List(items) => {
            let sep = str_at(cat, &["sep"]).unwrap_or("; ");
            for (i, m) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(sep);
                }
                render(cat, m, out);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_durations_take_their_plural_forms() {
        let m = |s| Msg::new("user.rate_limited_wait").secs("wait", s).english();
        assert!(m(1).starts_with("Wait 1 second, then"), "{}", m(1));
        assert!(m(42).starts_with("Wait 42 seconds, then"), "{}", m(42));
        assert!(m(120).starts_with("Wait 2 minutes, then"), "{}", m(120));
        assert!(m(7200).starts_with("Wait 2 hours, then"), "{}", m(7200));
    }

    #[test]
    fn arguments_nest_and_lists_join() {
        let m = Msg::new("guide.session").list(
            "fixes",
            vec![Msg::new("fix.proxy_scheme"), Msg::new("fix.cookie_domain")],
        );
        let s = m.english();
        assert!(
            s.starts_with(
                "Fix proxy and cookie posture before asking users to retry: make the reverse proxy"
            ),
            "{s}"
        );
        assert!(s.contains("; set the session cookie"), "{s}");
        assert!(s.ends_with('.'));
    }

    /// Every key the core uses is in every language's message data, and no
    /// language names an argument English does not have.
    #[test]
    fn every_key_is_in_every_language() {
        let sources = [
            include_str!("advice.rs"),
            include_str!("classify.rs"),
            include_str!("say.rs"),
        ];
        let mut keys = Vec::new();
        for src in sources {
            for part in src.split("Msg::new(\"").skip(1) {
                if let Some((k, _)) = part.split_once('"') {
                    keys.push(k);
                }
            }
        }
        // Keys built from a failure type or a cause.
        keys.extend(crate::advice::DYNAMIC_KEYS);
        assert!(keys.len() > 60, "{}", keys.len());
        let langs: Vec<_> = crate::data::folder("messages").collect();
        assert!(langs.len() >= 13, "{}", langs.len());
        for (name, text) in langs {
            let cat = crate::json::parse(text).unwrap();
            for k in &keys {
                let t = str_at(&cat, &["messages", k]);
                assert!(t.is_some(), "{name}: no message {k}");
                let en = str_at(english(), &["messages", k]).unwrap();
                for part in t.unwrap().split('{').skip(1) {
                    let arg = part.split('}').next().unwrap();
                    assert!(
                        en.contains(&format!("{{{arg}}}")),
                        "{name}: {k} names {{{arg}}}, English does not"
                    );
                }
            }
            for unit in ["second", "minute", "hour"] {
                assert!(
                    str_at(&cat, &["units", unit, "other"]).is_some(),
                    "{name}: no unit {unit}"
                );
            }
        }
    }
}
