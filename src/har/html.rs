//! A page as a person sees it, read from the HTML a HAR recorded: the
//! same [`Page`] the extension's collector builds in the browser (title,
//! visible text, alert texts, forms and their inputs without values,
//! resend controls, codes in markup, `lang`).
//!
//! Not a browser: no script runs and no CSS applies, so text a script
//! writes in later is not seen, and text a stylesheet hides is. What it
//! reads is what a server-rendered sign-in page says, which is what the
//! products in this field render. Input values are never read.

use crate::snapshot::{Form, Input, MarkupCode, Page, ResendControl};

/// The collector's limits, so a HAR page and a live page weigh the same.
const TEXT_BYTES: usize = 256 * 1024;
const ITEM_CHARS: usize = 2048;
const ALERTS: usize = 20;
const INPUTS: usize = 100;
const CODES: usize = 50;
const RESEND: usize = 10;

/// Elements whose content is not shown.
const HIDDEN: [&str; 6] = ["script", "style", "template", "noscript", "svg", "head"];
/// Elements that start a new line of text.
const BLOCK: [&str; 24] = [
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "dd",
    "div",
    "dl",
    "dt",
    "fieldset",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "p",
    "tr",
];
/// Elements with no end tag.
const VOID: [&str; 14] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];
/// Attributes that carry a product's code, as the collector reads them.
const CODE_ATTRS: [&str; 5] = [
    "data-error-code",
    "data-errorcode",
    "data-error",
    "data-code",
    "data-testid",
];

struct Open {
    name: String,
    /// Where its text starts in the page text, when it is an alert or a
    /// resend control whose words we want.
    alert_from: Option<usize>,
    resend_from: Option<(usize, bool)>,
    hidden: bool,
}

/// Read `html` into a page. Never fails: broken markup reads as far as it goes.
pub fn read_page(html: &str) -> Page {
    let mut r = Reader::default();
    let mut rest = html;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            r.text(rest);
            break;
        };
        let (before, tag_on) = rest.split_at(lt);
        r.text(before);
        if let Some(after) = tag_on.strip_prefix("<!--") {
            rest = after
                .find("-->")
                .map_or("", |e| after.get(e + 3..).unwrap_or(""));
            continue;
        }
        if tag_on.starts_with("<!") || tag_on.starts_with("<?") {
            rest = tag_on
                .find('>')
                .map_or("", |e| tag_on.get(e + 1..).unwrap_or(""));
            continue;
        }
        let Some((tag, after)) = read_tag(tag_on) else {
            // A lone '<' is text.
            r.text("<");
            rest = tag_on.get(1..).unwrap_or("");
            continue;
        };
        rest = if tag.closing {
            r.end_tag(&tag);
            after
        } else {
            r.start_tag(tag, after)
        };
    }
    r.finish()
}

/// What the reader has read so far: the page, its text and title, and the
/// elements open at this point.
#[derive(Default)]
struct Reader {
    page: Page,
    text: String,
    title: String,
    in_title: bool,
    stack: Vec<Open>,
}

impl Reader {
    fn text(&mut self, raw: &str) {
        let hidden = hidden(&self.stack);
        push_text(&mut self.text, &mut self.title, self.in_title, hidden, raw);
    }

    /// `</name>`: closes the element and those still open inside it.
    fn end_tag(&mut self, tag: &Tag) {
        if tag.name == "title" {
            self.in_title = false;
        }
        if let Some(i) = self.stack.iter().rposition(|o| o.name == tag.name) {
            for o in self.stack.drain(i..).rev() {
                close(&mut self.page, &self.text, o);
            }
        }
        if BLOCK.contains(&tag.name.as_str()) {
            newline(&mut self.text);
        }
    }

    /// `<name …>`: what the element says of the page, its codes, and the
    /// element opened. Returns the markup after it (after the end tag of
    /// raw text: a script, a style, a textarea).
    fn start_tag<'h>(&mut self, tag: Tag, after: &'h str) -> &'h str {
        let name = tag.name.as_str();
        if BLOCK.contains(&name) {
            newline(&mut self.text);
        }
        self.element(&tag);
        markup_codes(&mut self.page, &tag);
        if VOID.contains(&name) || tag.self_closing {
            return after;
        }
        // Raw text: a script's or style's source, and a textarea's content,
        // which is its value (never read). Skip to the end tag.
        if matches!(name, "script" | "style" | "textarea") {
            let end = format!("</{name}");
            return find_ci(after, &end).map_or("", |i| {
                let rest = after.get(i..).unwrap_or("");
                rest.find('>')
                    .map_or("", |e| rest.get(e + 1..).unwrap_or(""))
            });
        }
        let open = Open::new(tag, self.text.len());
        self.stack.push(open);
        after
    }

    /// The page's language, title, forms and inputs.
    fn element(&mut self, tag: &Tag) {
        let name = tag.name.as_str();
        let attr = |k: &str| tag.attr(k);
        match name {
            "html" => {
                self.page.lang = attr("lang").filter(|l| !l.is_empty()).map(|l| clip(l, 20));
            }
            "title" if !hidden_but_head(&self.stack) => self.in_title = self.title.is_empty(),
            "form" => self.page.forms.push(Form {
                action: clip(attr("action").unwrap_or(""), ITEM_CHARS),
                method: clip(&attr("method").unwrap_or("get").to_ascii_lowercase(), 10),
                inputs: Vec::new(),
            }),
            "input" | "textarea" | "select" if !hidden(&self.stack) => {
                add_input(&mut self.page, tag)
            }
            _ => {}
        }
    }

    fn finish(mut self) -> Page {
        for o in self.stack.drain(..).rev() {
            close(&mut self.page, &self.text, o);
        }
        self.page.title = clip(collapse(&self.title).trim(), 300);
        self.page.text = clip(self.text.trim(), TEXT_BYTES);
        self.page
    }
}

/// An input of the page (names and kinds, never its value), in the last
/// form; up to [`INPUTS`] of them.
fn add_input(page: &mut Page, tag: &Tag) {
    let name = tag.name.as_str();
    let attr = |k: &str| tag.attr(k);
    let kind = if name == "input" {
        attr("type").unwrap_or("text")
    } else {
        name
    };
    let input = Input {
        name: clip(attr("name").unwrap_or(""), 100),
        kind: clip(&kind.to_ascii_lowercase(), 20),
        autocomplete: clip(attr("autocomplete").unwrap_or(""), 40),
        inputmode: clip(attr("inputmode").unwrap_or(""), 20),
        maxlength: attr("maxlength").and_then(|m| m.trim().parse().ok()),
        label: clip(
            attr("aria-label").or(attr("placeholder")).unwrap_or(""),
            200,
        ),
    };
    let inputs: usize = page.forms.iter().map(|f| f.inputs.len()).sum();
    if inputs < INPUTS && kind != "hidden" {
        if page.forms.is_empty() {
            page.forms.push(Form::default());
        }
        if let Some(f) = page.forms.last_mut() {
            f.inputs.push(input);
        }
    }
}

/// The element's attributes that carry a product's code.
fn markup_codes(page: &mut Page, tag: &Tag) {
    for (k, v) in &tag.attrs {
        if page.codes.len() >= CODES || !CODE_ATTRS.contains(&k.as_str()) || v.trim().is_empty() {
            continue;
        }
        if k == "data-testid" && !v.starts_with("ui/message/") {
            continue;
        }
        page.codes.push(MarkupCode {
            source: k.clone(),
            value: clip(v.trim(), 200),
        });
    }
}

impl Open {
    /// An element opened at `at` in the page text: hidden, an alert or a
    /// resend control, by its name and attributes.
    fn new(tag: Tag, at: usize) -> Open {
        let attr = |k: &str| tag.attr(k);
        let name = tag.name.as_str();
        let is_alert = attr("role") == Some("alert")
            || matches!(attr("aria-live"), Some("assertive" | "polite"))
            || attr("data-error").is_some()
            || attr("class").is_some_and(|c| {
                let c = c.to_ascii_lowercase();
                c.contains("error") || c.contains("alert")
            })
            || attr("id").is_some_and(|i| i.to_ascii_lowercase().contains("error"));
        let is_button = matches!(name, "button" | "a") || attr("role") == Some("button");
        let hidden = HIDDEN.contains(&name)
            || attr("hidden").is_some()
            || attr("aria-hidden") == Some("true");
        Open {
            hidden,
            alert_from: is_alert.then_some(at),
            resend_from: is_button.then_some((at, attr("disabled").is_some())),
            name: tag.name,
        }
    }
}

/// Where `needle` (lowercase ASCII) starts in `hay`, ignoring ASCII case.
fn find_ci(hay: &str, needle: &str) -> Option<usize> {
    let n = needle.as_bytes();
    hay.as_bytes()
        .windows(n.len())
        .position(|w| w.eq_ignore_ascii_case(n))
}

fn hidden(stack: &[Open]) -> bool {
    stack.iter().any(|o| o.hidden)
}

/// The title lives in `<head>`, which is otherwise hidden.
fn hidden_but_head(stack: &[Open]) -> bool {
    stack.iter().any(|o| o.hidden && o.name != "head")
}

fn close(page: &mut Page, text: &str, o: Open) {
    if let Some(from) = o.alert_from {
        let t = collapse(text.get(from..).unwrap_or(""));
        let t = t.trim();
        if !t.is_empty() && page.alerts.len() < ALERTS && !page.alerts.iter().any(|a| a == t) {
            page.alerts.push(clip(t, ITEM_CHARS));
        }
    }
    if let Some((from, disabled)) = o.resend_from {
        let t = collapse(text.get(from..).unwrap_or(""));
        if page.resend.len() < RESEND && is_resend(&t) {
            page.resend.push(ResendControl {
                text: clip(t.trim(), 200),
                disabled,
                countdown_s: countdown(&t),
            });
        }
    }
}

/// The collector's words for a resend control.
fn is_resend(t: &str) -> bool {
    let t = t.to_lowercase();
    [
        "resend",
        "re-send",
        "send a new code",
        "send new code",
        "send another code",
        "send again",
        "get a new code",
        "didn't get",
        "didn’t get",
        "didn't receive",
        "request a new code",
        "request new code",
    ]
    .iter()
    .any(|p| t.contains(p))
}

/// "Resend in 42 s" → 42; "Resend code in 1:30" → 90.
fn countdown(t: &str) -> Option<u32> {
    let mut nums = t
        .split(|c: char| !c.is_ascii_digit())
        .filter(|d| !d.is_empty());
    let last: u32 = nums.next_back()?.parse().ok()?;
    let clock = t.rfind(':').is_some_and(|i| {
        t.get(..i)
            .is_some_and(|b| b.ends_with(|c: char| c.is_ascii_digit()))
            && t.get(i + 1..)
                .is_some_and(|a| a.len() >= 2 && a.bytes().take(2).all(|c| c.is_ascii_digit()))
    });
    let secs = if clock {
        let minutes: u32 = nums.next_back()?.parse().ok()?;
        minutes.checked_mul(60)?.checked_add(last)?
    } else {
        last
    };
    (secs > 0 && secs < 24 * 3600).then_some(secs)
}

fn push_text(text: &mut String, title: &mut String, in_title: bool, hidden: bool, raw: &str) {
    if in_title {
        title.push_str(&decode(raw));
        return;
    }
    if hidden || raw.is_empty() || text.len() >= TEXT_BYTES {
        return;
    }
    let decoded = decode(raw);
    for word in decoded.split_whitespace() {
        if !text.is_empty() && !text.ends_with(['\n', ' ']) {
            text.push(' ');
        }
        text.push_str(word);
    }
    // Keep the space between this run and the next when the markup had one.
    if decoded.ends_with(char::is_whitespace) && !text.is_empty() && !text.ends_with(['\n', ' ']) {
        text.push(' ');
    }
}

fn newline(text: &mut String) {
    while text.ends_with(' ') {
        text.pop();
    }
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `s` cut to at most `max` bytes, at a character boundary.
pub(super) fn clip(s: &str, max: usize) -> String {
    if s.len() <= max {
        return s.to_owned();
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s.get(..end).unwrap_or("").to_owned()
}

struct Tag {
    name: String,
    closing: bool,
    self_closing: bool,
    attrs: Vec<(String, String)>,
}

impl Tag {
    /// The value of the attribute `k`, when the tag has it.
    fn attr(&self, k: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.as_str())
    }
}

/// `<name a="1" b=2 c>` at the start of `s`: the tag and what follows it.
fn read_tag(s: &str) -> Option<(Tag, &str)> {
    let body = s.strip_prefix('<')?;
    let (closing, body) = match body.strip_prefix('/') {
        Some(b) => (true, b),
        None => (false, body),
    };
    let name_len = body
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == ':'))
        .unwrap_or(body.len());
    if name_len == 0 || !body.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let name = body.get(..name_len)?.to_ascii_lowercase();
    let mut rest = body.get(name_len..)?;
    let mut attrs = Vec::new();
    let mut self_closing = false;
    loop {
        rest = rest.trim_start();
        if let Some(r) = rest.strip_prefix('>') {
            rest = r;
            break;
        }
        if let Some(r) = rest.strip_prefix("/>") {
            self_closing = true;
            rest = r;
            break;
        }
        if rest.is_empty() {
            break;
        }
        let key_len = rest
            .find(|c: char| c.is_whitespace() || c == '=' || c == '>' || c == '/')
            .unwrap_or(rest.len())
            .max(1);
        let key = rest.get(..key_len)?.to_ascii_lowercase();
        rest = rest.get(key_len..)?.trim_start();
        let mut value = String::new();
        if let Some(r) = rest.strip_prefix('=') {
            let r = r.trim_start();
            let (v, after) = match r.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let inner = r.get(1..)?;
                    match inner.find(q) {
                        Some(e) => (inner.get(..e)?, inner.get(e + 1..)?),
                        None => (inner, ""),
                    }
                }
                _ => {
                    let e = r
                        .find(|c: char| c.is_whitespace() || c == '>')
                        .unwrap_or(r.len());
                    (r.get(..e)?, r.get(e..)?)
                }
            };
            // The value of an input is never read; every other attribute is.
            if key != "value" {
                value = decode(v);
            }
            rest = after;
        }
        if key != "value" && attrs.len() < 64 {
            attrs.push((key, value));
        }
    }
    Some((
        Tag {
            name,
            closing,
            self_closing,
            attrs,
        },
        rest,
    ))
}

/// Decode the character references people meet in error text.
fn decode(s: &str) -> String {
    if !s.contains('&') {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(rest.get(..i).unwrap_or(""));
        let after = rest.get(i + 1..).unwrap_or("");
        let end = after.find(';').filter(|e| *e <= 10);
        let decoded = end.and_then(|e| {
            let ent = after.get(..e)?;
            let c = match ent {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "apos" => '\'',
                "nbsp" => ' ',
                "rsquo" => '’',
                "lsquo" => '‘',
                "hellip" => '…',
                "ndash" => '–',
                "mdash" => '—',
                _ => {
                    let n = ent.strip_prefix('#')?;
                    let code = match n.strip_prefix(['x', 'X']) {
                        Some(h) => u32::from_str_radix(h, 16).ok()?,
                        None => n.parse().ok()?,
                    };
                    char::from_u32(code)?
                }
            };
            Some((c, e))
        });
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = after.get(e + 1..).unwrap_or("");
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_sign_in_page_without_values() {
        let p = read_page(
            r#"<!doctype html><html lang="en"><head><title>Sign in &amp; verify</title>
            <style>.error{color:red}</style><script>var secret = "s3cr3t";</script></head>
            <body><h1>Two-step verification</h1>
            <div class="alert alert-danger" role="alert">Invalid authenticator&nbsp;code.</div>
            <!-- <p>commented out</p> -->
            <form action="/login/mfa" method="POST">
              <input type="hidden" name="csrf" value="tok-123456">
              <input name="otp" value="482913" autocomplete="one-time-code" inputmode="numeric"
                maxlength="6">
              <button type="submit">Verify</button>
              <button disabled>Resend code in 42 s</button>
            </form>
            <p data-error-code="otp_invalid">Try again</p></body></html>"#,
        );
        assert_eq!(p.lang.as_deref(), Some("en"));
        assert_eq!(p.title, "Sign in & verify");
        assert_eq!(p.alerts, ["Invalid authenticator code."]);
        assert!(
            p.text
                .contains("Two-step verification\nInvalid authenticator code."),
            "{}",
            p.text
        );
        assert!(
            !p.text.contains("secret") && !p.text.contains("commented"),
            "{}",
            p.text
        );
        let f = &p.forms[0];
        assert_eq!(
            (f.action.as_str(), f.method.as_str()),
            ("/login/mfa", "post")
        );
        assert_eq!(
            f.inputs.len(),
            1,
            "hidden inputs are not fields a person fills"
        );
        assert_eq!(f.inputs[0].autocomplete, "one-time-code");
        assert_eq!(f.inputs[0].maxlength, Some(6));
        assert_eq!(p.codes[0].value, "otp_invalid");
        assert_eq!(p.resend.len(), 1);
        assert!(p.resend[0].disabled);
        assert_eq!(p.resend[0].countdown_s, Some(42));
        assert_eq!(countdown("Resend code in 1:30"), Some(90));
        assert_eq!(countdown("Resend code in 0:45"), Some(45));
        assert_eq!(countdown("Resend code"), None);
        let all = format!("{p:?}");
        assert!(
            !all.contains("482913") && !all.contains("tok-123456"),
            "{all}"
        );
    }

    #[test]
    fn broken_markup_reads_as_far_as_it_goes() {
        for html in [
            "",
            "<",
            "<<>>",
            "<div",
            "<p class='x>text",
            "a < b & c &#xZZ; &#99999999;",
            "</p></div>",
            "<!--",
        ] {
            let _ = read_page(html);
        }
        assert_eq!(read_page("a < b &amp; c").text, "a < b & c");
        assert_eq!(read_page("<p>one</p><p>two</p>").text, "one\ntwo");
    }
}
