//! Every golden report and every hostile report, rendered with a real GFM
//! renderer (comrak: tables, strikethrough, autolinks, raw HTML), shows no
//! link, emphasis, image, raw HTML or extra table cell that came from page
//! data: page data renders as plain text.

// Test code: a panic is a failed check, so unwrap and indexing are fine here.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod common;

use comrak::nodes::{AstNode, NodeValue};
use comrak::{parse_document, Arena, Options};

use auth_triage::report::{self, Report};
use auth_triage::{classify, Catalogs, Snapshot};

fn gfm() -> Options<'static> {
    let mut o = Options::default();
    o.extension.table = true;
    o.extension.strikethrough = true;
    o.extension.autolink = true;
    o.extension.tasklist = true;
    o.extension.footnotes = true;
    o.render.r#unsafe = true;
    o
}

#[derive(Default, Debug)]
struct Seen {
    links: usize,
    images: usize,
    emph: usize,
    strong: usize,
    strike: usize,
    html_inline: usize,
    html_blocks: Vec<String>,
    /// Cells per table row, and the header's count, per table.
    bad_rows: Vec<String>,
    /// The plain text of each table cell and paragraph, in order.
    text: String,
}

fn literal<'a>(n: &'a AstNode<'a>, out: &mut String) {
    for d in n.descendants() {
        match &d.data.borrow().value {
            NodeValue::Text(t) => out.push_str(t),
            NodeValue::Code(c) => out.push_str(&c.literal),
            NodeValue::SoftBreak | NodeValue::LineBreak => out.push(' '),
            _ => {}
        }
    }
}

fn inspect(md: &str) -> Seen {
    let arena = Arena::new();
    let root = parse_document(&arena, md, &gfm());
    let mut s = Seen::default();
    for n in root.descendants() {
        match &n.data.borrow().value {
            NodeValue::Link(_) => s.links += 1,
            NodeValue::Image(_) => s.images += 1,
            NodeValue::Emph => s.emph += 1,
            NodeValue::Strong => s.strong += 1,
            NodeValue::Strikethrough => s.strike += 1,
            NodeValue::HtmlInline(_) => s.html_inline += 1,
            NodeValue::HtmlBlock(h) => s.html_blocks.push(h.literal.trim().to_owned()),
            NodeValue::Table(t) => {
                let cols = t.num_columns;
                for row in n.children() {
                    let cells = row.children().count();
                    if cells != cols {
                        s.bad_rows.push(format!("{cells} cells, {cols} columns"));
                    }
                }
            }
            NodeValue::TableCell | NodeValue::Paragraph => {
                literal(n, &mut s.text);
                s.text.push('\t');
            }
            _ => {}
        }
    }
    s
}

/// What a report's Markdown may hold: its own strong spans (headline,
/// verdict, the move labels), the `<details>` block around its data, nothing
/// else; and every page-derived string of the report appears whole in the
/// rendered text of one cell or paragraph.
fn check(name: &str, r: &Report, failures: &mut Vec<String>) {
    let md = report::to_markdown(r);
    let s = inspect(&md);
    let mut fail = |m: String| failures.push(format!("{name}: {m}"));
    // Headline, verdict, "What you can do now:" (when there is a user
    // move), "For your administrator:" or "Next move:", "Page only:" (when
    // evidence was not seen).
    let strong = 3
        + usize::from(r.diagnosis.user_move.is_some())
        + usize::from(!r.diagnosis.not_seen.is_empty());
    if s.links + s.images + s.emph + s.strike + s.html_inline > 0 || s.strong != strong {
        fail(format!(
            "links {} images {} emphasis {} strong {} ({strong} expected) strikethrough {} inline HTML {}",
            s.links, s.images, s.emph, s.strong, s.strike, s.html_inline
        ));
    }
    let blocks_ok = s.html_blocks.len() == 2
        && s.html_blocks[0].starts_with("<details><summary>Report data")
        && s.html_blocks[1] == "</details>";
    if !blocks_ok {
        fail(format!("HTML blocks {:?}", s.html_blocks));
    }
    if !s.bad_rows.is_empty() {
        fail(format!("table rows {:?}", s.bad_rows));
    }
    // URLs are written as code spans, which write a backtick and a
    // backslash as percent escapes; the rest as escaped text.
    let code = |u: &str| u.replace('`', "%60").replace('\\', "%5C");
    let mut pieces: Vec<String> = vec![code(r.page_url.as_str())];
    pieces.extend(r.published_url.iter().map(|u| code(u.as_str())));
    pieces.extend(r.diagnosis.excerpt.iter().cloned());
    for c in &r.snapshot.cookies {
        pieces.push(c.name.as_str().to_owned());
    }
    for e in &r.snapshot.trail {
        pieces.push(code(e.url.as_str()));
    }
    for p in pieces {
        if !p.is_empty() && !s.text.contains(&p) {
            fail(format!("{p:?} does not render as itself"));
        }
    }
}

const HOSTILE_TEXT: &[&str] = &[
    "\\[Verified, close ticket\\](https://evil.example/x) Invalid code.",
    "[Verified](https://evil.example/x) Invalid code.",
    "Invalid code. **Verified by support** _ok_ __ok__ *ok*",
    "Invalid code. ![logo](https://evil.example/p.png) ~~struck~~ ~one~",
    "Invalid code. <b>bold</b> <a href=\"https://evil.example\">x</a> <!-- c --> </details>",
    "Invalid code. &lt;b&gt; &amp; &#91;x&#93;(https://evil.example) &copy;",
    "Invalid code. a|b | c || d \\| e",
    "Invalid code. https://evil.example/path www.evil.example mail@evil.example",
    "Invalid code. \u{202e}edoc\u{202c} zero\u{200b}width \u{2066}iso\u{2069} \u{feff}bom",
    "Invalid code. `code` ``` fence ``` \\ back\\slash \\\\[x\\\\](y)",
    "Invalid code.\n# heading\n- item\n> quote\n| a | b |\n|---|---|",
    "Invalid code. [x]: https://evil.example/ref [x] [x][] [^1] [^1]: note",
    "Invalid code. <https://evil.example/auto> <mail@evil.example>",
];

fn hostile_snapshot(i: usize, text: &str) -> Snapshot {
    let q = |s: &str| {
        s.bytes()
            .map(|b| {
                if b.is_ascii_alphanumeric() {
                    (b as char).to_string()
                } else {
                    format!("%{b:02X}")
                }
            })
            .collect::<String>()
    };
    let json = serde_json::json!({
        "url": format!("https://nanami.example.org/login/mfa?error=invalid_request&error_description={}#{}", q(text), q(text)),
        "page": {
            "status": 400,
            "title": text,
            "text": text,
            "alerts": [text],
            "forms": [{"inputs": [{"name": "otp", "autocomplete": "one-time-code"}]}],
            "codes": [{"source": "data-error-code", "value": "a|b"}]
        },
        "cookies": [
            {"name": format!("sess|ion{i}"), "domain": "nanami.example.org", "path": "/a|b", "secure": true, "http_only": true, "same_site": "lax", "value_len": 12},
            {"name": "session", "domain": "nanami.example.org", "path": "/**x**", "secure": true, "http_only": true, "same_site": "lax", "value_len": 12}
        ],
        "trail": [
            {"url": format!("https://nanami.example.org/login/mfa/{}?x=1", q(text)), "method": "P|OST", "type": "main_frame", "status": 400,
             "received_ms": 1_000, "set_cookie": [format!("session=; Path=/{}; Domain=nanami.example.org", text.replace(';', ""))]}
        ],
        "env": {"published_urls": ["https://nanami.example.org"], "now_ms": 10_000,
                "browser": {"name": "Chrom|ium **x**", "version": "1|2"}}
    });
    Snapshot::from_json(&json.to_string()).unwrap()
}

#[test]
fn page_data_renders_as_plain_text_in_a_gfm_renderer() {
    let cats = Catalogs::new(&[]);
    let mut failures = Vec::new();
    let mut n = 0;
    for case in common::cases() {
        let snap =
            Snapshot::from_json(&std::fs::read_to_string(case.join("snapshot.json")).unwrap())
                .unwrap();
        let d = classify(&snap, &cats);
        let r = report::build(&snap, &d, &cats.versions);
        check(
            &case.file_name().unwrap().to_string_lossy(),
            &r,
            &mut failures,
        );
        n += 1;
    }
    for (i, t) in HOSTILE_TEXT.iter().enumerate() {
        let snap = hostile_snapshot(i, t);
        let d = classify(&snap, &cats);
        let r = report::build(&snap, &d, &cats.versions);
        check(&format!("hostile {i} {t:?}"), &r, &mut failures);
        // The report still verifies as it is.
        assert!(report::verify(&report::to_markdown(&r)).unwrap().intact);
        n += 1;
    }
    println!(
        "{n} reports rendered with comrak (GFM): {} with page data that renders as markup",
        failures.len()
    );
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn the_markdown_escapes_render_back_to_the_text() {
    // The escaping of a free-text line (the headline's and evidence's
    // writer) renders back to exactly the text, metacharacters included.
    let cats = Catalogs::new(&[]);
    for t in HOSTILE_TEXT {
        let snap = hostile_snapshot(0, t);
        let d = classify(&snap, &cats);
        let r = report::build(&snap, &d, &cats.versions);
        let md = report::to_markdown(&r);
        let s = inspect(&md);
        for e in &r.diagnosis.evidence {
            let shown: String = e.detail.split_whitespace().collect::<Vec<_>>().join(" ");
            let text: String = s.text.split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(
                text.contains(&shown),
                "{t:?}: evidence {shown:?} not rendered as itself in {text:?}"
            );
        }
    }
}
