//! An HTML page as markup the reader reads back into the same page, made
//! only of safe types and the core's words.

use super::headers::resolve;
use super::{closed, NonEmpty};
use crate::codes::Catalogs;
use crate::redact;
use crate::report::safe::{Code, Excerpt, Name, SafeUrl};

fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            c => o.push(c),
        }
    }
    o
}

/// Long page text is cut into lines of at most this many characters.
const LINE_CHARS: usize = 2000;
const LINES: usize = 200;

/// The page as markup the reader reads back into the same page: its
/// redacted title, alerts, text lines, forms (names and kinds, no values),
/// resend controls and safe codes. Every piece is a safe type or the core's.
pub(super) fn page_markup(p: &crate::snapshot::Page, url: &str, cats: &Catalogs) -> String {
    let mut o = String::from("<!doctype html>\n<html");
    if let Some(l) = &p.lang {
        if redact::shown_value("lang", l) == *l {
            o.push_str(&format!(" lang=\"{}\"", esc(l)));
        }
    }
    o.push_str(">\n<head><title>");
    o.push_str(&esc(Excerpt::mask(&p.title).as_str()));
    o.push_str("</title></head>\n<body>\n");
    let line = |s: &str| redact::excerpt(s, LINE_CHARS);
    let alerts: Vec<String> = p
        .alerts
        .iter()
        .filter(|a| !a.trim().is_empty())
        .map(|a| line(a))
        .collect();
    for a in &alerts {
        o.push_str(&format!("<div role=\"alert\">{}</div>\n", esc(a)));
    }
    for l in p
        .text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(LINES)
    {
        let l = line(l);
        if !alerts.contains(&l) {
            o.push_str(&format!("<p>{}</p>\n", esc(&l)));
        }
    }
    for f in &p.forms {
        o.push_str("<form");
        if !f.method.is_empty() {
            o.push_str(&format!(
                " method=\"{}\"",
                closed(&f.method, &["get", "post", "dialog"], "post")
            ));
        }
        if !f.action.is_empty() {
            let a = SafeUrl::redact(&resolve(url, &f.action).unwrap_or_else(|| f.action.clone()));
            o.push_str(&format!(" action=\"{}\"", esc(a.as_str())));
        }
        o.push_str(">\n");
        for i in &f.inputs {
            o.push_str(&format!(
                "<input type=\"{}\"",
                closed(&i.kind, INPUT_TYPES, "text")
            ));
            if !i.name.is_empty() {
                o.push_str(&format!(
                    " name=\"{}\"",
                    esc(Name::redact(&i.name).as_str())
                ));
            }
            let ac: Vec<&str> = i
                .autocomplete
                .split_whitespace()
                .filter_map(|t| closed(t, AUTOCOMPLETE, "").non_empty())
                .collect();
            if !ac.is_empty() {
                o.push_str(&format!(" autocomplete=\"{}\"", ac.join(" ")));
            }
            if let Some(m) = closed(&i.inputmode, INPUTMODES, "").non_empty() {
                o.push_str(&format!(" inputmode=\"{m}\""));
            }
            if let Some(n) = i.maxlength {
                o.push_str(&format!(" maxlength=\"{n}\""));
            }
            if !i.label.is_empty() {
                o.push_str(&format!(
                    " aria-label=\"{}\"",
                    esc(Excerpt::mask(&i.label).as_str())
                ));
            }
            o.push_str(">\n");
        }
        o.push_str("</form>\n");
    }
    for r in &p.resend {
        // The control's words are the core's; its state and countdown are kept.
        o.push_str(&format!(
            "<button{}>Resend code{}</button>\n",
            if r.disabled { " disabled" } else { "" },
            r.countdown_s
                .map(|s| format!(" in {s} s"))
                .unwrap_or_default()
        ));
    }
    for c in &p.codes {
        let known = cats.get(&c.value).is_some();
        if let Some(code) = Code::new(&c.value, &p.included_codes, known) {
            let attr = closed(
                &c.source,
                &[
                    "data-error-code",
                    "data-errorcode",
                    "data-error",
                    "data-code",
                    "data-testid",
                ],
                "data-error-code",
            );
            o.push_str(&format!(
                "<span {attr}=\"{}\"></span>\n",
                esc(code.as_str())
            ));
        }
    }
    o.push_str("</body>\n</html>\n");
    o
}

const INPUT_TYPES: &[&str] = &[
    "text", "password", "email", "tel", "number", "checkbox", "radio", "submit", "button",
    "search", "url", "date", "select", "textarea", "file", "reset", "image",
];
const AUTOCOMPLETE: &[&str] = &[
    "one-time-code",
    "username",
    "current-password",
    "new-password",
    "email",
    "tel",
    "off",
    "on",
    "webauthn",
    "name",
    "given-name",
    "family-name",
    "organization",
];
const INPUTMODES: &[&str] = &[
    "numeric", "text", "tel", "email", "decimal", "url", "search", "none",
];
