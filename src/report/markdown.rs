//! The report as Markdown for a ticket. Page data can only render as plain
//! text ([`md`]).

use super::{iso_utc, Report};
use crate::diagnosis::{CodeSource, Verdict};
use crate::signals;
use crate::snapshot::SameSite;

/// The first line of a report's Markdown.
pub const HEADING: &str = "## Nanami auth triage report";

fn verdict_word(v: Verdict) -> &'static str {
    match v {
        Verdict::Product => "product",
        Verdict::Deployment => "deployment",
        Verdict::None => "none",
    }
}

/// Characters that render as nothing or reorder text (bidi controls,
/// zero-width characters, fillers): shown as visible marks (`<U+202E>`).
fn invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
        | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}' | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}'
        | '\u{FFA0}' | '\u{FFF9}'..='\u{FFFB}' | '\u{E0000}'..='\u{E007F}')
}

/// How page data is written into the Markdown. Report version 1 reports
/// are re-rendered the way they were written, so they still verify.
#[derive(Clone, Copy)]
struct Esc {
    v1: bool,
}

impl Esc {
    /// Inline text that renders as plain text in any CommonMark/GFM
    /// renderer: every metacharacter of links, images, emphasis,
    /// strikethrough, code, raw HTML, entities and table cells is
    /// backslash-escaped (`\` itself included); a word a GFM renderer
    /// would turn into a link (`https://…`, `www.…`, an e-mail) is a code
    /// span; line breaks become spaces; invisible characters become marks.
    fn md(self, s: &str) -> String {
        if self.v1 {
            return md_v1(s);
        }
        let mut o = String::with_capacity(s.len() + 8);
        for (i, word) in s.split([' ', '\n', '\r', '\t']).enumerate() {
            if i > 0 {
                o.push(' ');
            }
            let lower = word.to_ascii_lowercase();
            if lower.contains("://") || lower.contains("www.") || word.contains('@') {
                // Sentence punctuation after a URL stays outside its span.
                let link = word.trim_end_matches(['.', ',', ';', ':', ')']);
                o.push_str(&self.code(link));
                o.push_str(&self.md(word.get(link.len()..).unwrap_or("")));
                continue;
            }
            for c in word.chars() {
                match c {
                    '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '!' | '|' | '~' | '&' => {
                        o.push('\\');
                        o.push(c);
                    }
                    c if invisible(c) => o.push_str(&format!("\\<U+{:04X}\\>", u32::from(c))),
                    c if c.is_control() => {}
                    c => o.push(c),
                }
            }
        }
        o
    }

    /// A code span (URLs, codes, ids; in table cells): no backtick can end
    /// it, `|` cannot end the cell, invisible characters become marks.
    fn code(self, s: &str) -> String {
        if self.v1 {
            return format!("`{}`", s.replace('`', "'").replace(['\n', '\r'], " "));
        }
        let mut o = String::with_capacity(s.len() + 2);
        o.push('`');
        for c in s.chars() {
            match c {
                // Percent escapes, as in a URL: a backtick cannot end the
                // span, a backslash cannot take the `|` after it.
                '`' => o.push_str("%60"),
                '\\' => o.push_str("%5C"),
                '|' => o.push_str("\\|"),
                '\n' | '\r' | '\t' => o.push(' '),
                c if invisible(c) => o.push_str(&format!("<U+{:04X}>", u32::from(c))),
                c if c.is_control() => {}
                c => o.push(c),
            }
        }
        o.push('`');
        o
    }
}

/// Report version 1's inline text (kept to re-render version 1 reports).
fn md_v1(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '|' => o.push_str("\\|"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '`' => o.push('\''),
            '\n' | '\r' => o.push(' '),
            '*' | '_' | '[' | ']' => {
                o.push('\\');
                o.push(c);
            }
            c if c.is_control() => {}
            c => o.push(c),
        }
    }
    o
}

fn offset_words(min: i32) -> String {
    let sign = if min < 0 { '-' } else { '+' };
    // unsigned_abs: a report may hold i32::MIN, whose abs() overflows.
    let m = min.unsigned_abs();
    format!("UTC{sign}{:02}:{:02}", m / 60, m % 60)
}

/// The report as Markdown for a ticket: the headline and next move first,
/// then the evidence and tables, then the JSON in a fenced block.
pub fn to_markdown(r: &Report) -> String {
    let esc = Esc {
        v1: r.report_version < 2,
    };
    let mut s = String::new();
    headline(&mut s, r, esc);
    facts(&mut s, r, esc);
    evidence(&mut s, r, esc);
    cookies(&mut s, r, esc);
    trail(&mut s, r, esc);
    clocks(&mut s, r, esc);
    report_data(&mut s, r);
    s
}

/// The heading, the headline, the verdict, and what to do next.
fn headline(s: &mut String, r: &Report, esc: Esc) {
    let d = &r.diagnosis;
    s.push_str(HEADING);
    s.push_str("\n\n");
    s.push_str(&format!("**{}**  \n", esc.md(&d.headline)));
    s.push_str(&format!(
        "Type `{}` · verdict **{}** · confidence {}{}\n\n",
        d.failure_type.as_str(),
        verdict_word(d.verdict),
        crate::diagnosis::fixed(f64::from(d.confidence), 2),
        if d.not_seen.is_empty() {
            ""
        } else {
            " (page only)"
        }
    ));
    if let Some(p) = crate::diagnosis::page_only_sentence(d) {
        let p = p.strip_prefix("Page only: ").unwrap_or(&p);
        s.push_str(&format!("**Page only:** {}\n\n", esc.md(p)));
    }
    // The two audiences (issue 13); a report made before them has only the
    // guide's next move.
    if let Some(m) = &d.user_move {
        s.push_str(&format!("**What you can do now:** {}\n\n", esc.md(m)));
    }
    match &d.admin_move {
        Some(m) => s.push_str(&format!("**For your administrator:** {}\n\n", esc.md(m))),
        None => s.push_str(&format!("**Next move:** {}\n\n", esc.md(&d.next_move))),
    }
}

/// The table of facts: URLs, the safe code, the message, the wait, when,
/// languages, browser and the report's id.
fn facts(s: &mut String, r: &Report, esc: Esc) {
    let d = &r.diagnosis;
    s.push_str("| | |\n|---|---|\n");
    s.push_str(&format!(
        "| Published URL | {} |\n",
        r.published_url
            .as_ref()
            .map(|u| esc.code(u.as_str()))
            .unwrap_or_else(|| "(not configured)".into())
    ));
    s.push_str(&format!(
        "| Page URL | {} |\n",
        esc.code(r.page_url.as_str())
    ));
    s.push_str(&format!("| Safe code | {} |\n", safe_code(r, esc)));
    if let Some(m) = &d.excerpt {
        s.push_str(&format!("| Message | \"{}\" |\n", esc.md(m)));
    }
    if let Some(w) = d.retry_after_s {
        s.push_str(&format!("| Wait | {w} s |\n"));
    }
    let created = match r.created.local_offset_min {
        Some(o) => format!("{} (local {})", r.created.utc, offset_words(o)),
        None => r.created.utc.to_string(),
    };
    s.push_str(&format!("| Created | {} |\n", esc.md(&created)));
    if let Some(l) = &r.languages {
        let user = match &l.user {
            Some(u) => format!(" · user {} (answer in it)", esc.md(u.as_str())),
            None => String::new(),
        };
        s.push_str(&format!(
            "| Languages | page {}{user} |\n",
            esc.md(l.page.as_str())
        ));
    }
    if let Some(b) = &r.browser {
        s.push_str(&format!(
            "| Browser | {} {} |\n",
            esc.md(b.name.as_str()),
            esc.md(b.version.as_str())
        ));
    }
    s.push_str(&format!(
        "| Report | {} · core {} · sha256 {} |\n\n",
        esc.code(r.id.as_str()),
        esc.md(r.versions.core.as_str()),
        esc.code(r.digest.value.as_str().get(..16).unwrap_or(""))
    ));
}

/// The first safe code, what a catalog says of it, and where it came from.
fn safe_code(r: &Report, esc: Esc) -> String {
    let d = &r.diagnosis;
    let code = match d.safe_codes.first() {
        Some(c) => match (&c.catalog, &c.meaning) {
            (Some(cat), Some(m)) => {
                format!("{} ({}: {})", esc.code(&c.code), esc.md(cat), esc.md(m))
            }
            (Some(cat), None) => format!("{} ({})", esc.code(&c.code), esc.md(cat)),
            _ if !esc.v1
                && r.snapshot
                    .page
                    .codes
                    .iter()
                    .any(|x| x.included && x.code.as_str() == c.code) =>
            {
                format!(
                    "{} (in no catalog; included by the user)",
                    esc.code(&c.code)
                )
            }
            _ => format!("{} (in no catalog)", esc.code(&c.code)),
        },
        None => "(none shown)".into(),
    };
    match d.safe_codes.first() {
        Some(c) if c.source == CodeSource::TrailUrl => {
            format!("{code}, from the sign-in redirect (the page does not show it)")
        }
        Some(c) if c.source == CodeSource::HttpStatus => {
            format!(
                "{}, the HTTP status of a bare status page",
                esc.code(&c.code)
            )
        }
        Some(c) if c.source == CodeSource::NetError => format!(
            "{}, the browser's network error{}",
            esc.code(&c.code),
            c.meaning
                .as_deref()
                .map(|m| format!(": {}", esc.md(m)))
                .unwrap_or_default()
        ),
        _ => code,
    }
}

/// The evidence, the first 20 items.
fn evidence(s: &mut String, r: &Report, esc: Esc) {
    let d = &r.diagnosis;
    if d.evidence.is_empty() {
        return;
    }
    s.push_str("### Evidence\n\n");
    for e in d.evidence.iter().take(20) {
        s.push_str(&format!("- `{}` {}\n", e.rule, esc.md(&e.detail)));
    }
    if d.evidence.len() > 20 {
        s.push_str(&format!(
            "- … {} more in the data below\n",
            d.evidence.len() - 20
        ));
    }
    s.push('\n');
}

/// The cookie jar's table: names and attributes, never values.
fn cookies(s: &mut String, r: &Report, esc: Esc) {
    let rs = &r.snapshot;
    if rs.cookies.is_empty() {
        return;
    }
    s.push_str(
        "### Cookies (names and attributes; no values)\n\n\
         | name | domain | path | flags | expires | size |\n|---|---|---|---|---|---|\n",
    );
    for c in &rs.cookies {
        let mut flags = vec![];
        if c.host_only {
            flags.push("host-only");
        }
        if c.secure {
            flags.push("Secure");
        }
        if c.http_only {
            flags.push("HttpOnly");
        }
        if c.partitioned {
            flags.push("Partitioned");
        }
        let ss = match c.same_site {
            SameSite::Strict => "SameSite=Strict",
            SameSite::Lax => "SameSite=Lax",
            SameSite::None => "SameSite=None",
            SameSite::Unspecified => "",
        };
        if !ss.is_empty() {
            flags.push(ss);
        }
        let exp = if c.session {
            "session".to_owned()
        } else {
            c.expires_ms.map(iso_utc).unwrap_or_default()
        };
        s.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} B |\n",
            esc.md(c.name.as_str()),
            esc.md(c.domain.as_str()),
            esc.md(c.path.as_str()),
            flags.join(" "),
            exp,
            c.value_len
        ));
    }
    not_listed(s, rs.omitted.cookies, "cookies");
}

/// The network trail's table, times from its first response.
fn trail(s: &mut String, r: &Report, esc: Esc) {
    let rs = &r.snapshot;
    if rs.trail.is_empty() {
        return;
    }
    let t0 = rs.trail.iter().filter_map(|e| e.received_ms).min();
    s.push_str(
        "### Network trail (most relevant recent requests)\n\n\
         | t | method | URL | status | redirect | Set-Cookie |\n|---|---|---|---|---|---|\n",
    );
    for e in &rs.trail {
        let t = match (e.received_ms, t0) {
            (Some(x), Some(a)) => {
                let t = x.saturating_sub(a) as f64 / 1000.0;
                format!("+{}s", crate::diagnosis::fixed(t, 1))
            }
            _ => String::new(),
        };
        let status = match (&e.status, &e.error) {
            (_, Some(err)) => esc.md(err.as_str()),
            (Some(st), None) => st.to_string(),
            (None, None) => String::new(),
        };
        let sc: Vec<String> = e
            .set_cookie
            .iter()
            .map(|c| {
                let mut a = vec![c.name.as_str().to_owned()];
                if let Some(d) = &c.domain {
                    a.push(format!("Domain={}", d.as_str()));
                }
                if c.secure {
                    a.push("Secure".into());
                }
                if c.same_site != SameSite::Unspecified {
                    a.push(format!("SameSite={:?}", c.same_site));
                }
                esc.md(&a.join(" "))
            })
            .collect();
        s.push_str(&format!(
            "| {t} | {} | {} | {status} | {} | {} |\n",
            esc.md(e.method.as_str()),
            esc.code(e.url.as_str()),
            e.redirect_url
                .as_ref()
                .map(|u| esc.code(u.as_str()))
                .unwrap_or_default(),
            sc.join(", ")
        ));
    }
    not_listed(s, rs.omitted.trail, "requests");
}

/// The end of a table: how many rows the report left out, if any.
fn not_listed(s: &mut String, n: usize, what: &str) {
    if n > 0 {
        s.push_str(&format!("\n{n} other {what} not listed.\n"));
    }
    s.push('\n');
}

/// The hosts' clocks, when one is off by more than noise.
fn clocks(s: &mut String, r: &Report, esc: Esc) {
    let d = &r.diagnosis;
    if !d
        .clock
        .iter()
        .any(|c| c.skew_s.saturating_abs() >= signals::clock::NOISE_S)
    {
        return;
    }
    s.push_str(
        "### Clocks (this computer minus the host, from Date headers)\n\n\
         | host | skew | responses |\n|---|---|---|\n",
    );
    for c in &d.clock {
        s.push_str(&format!(
            "| {} | {:+} s | {} |\n",
            esc.md(&c.host),
            c.skew_s,
            c.samples
        ));
    }
    s.push('\n');
}

/// The report's data, as JSON in a fenced block that `verify` reads back.
fn report_data(s: &mut String, r: &Report) {
    s.push_str(
        "<details><summary>Report data (JSON, checked by <code>auth-triage verify</code>)\
         </summary>\n\n```json\n",
    );
    // Backticks only occur inside JSON strings; escaping them keeps the fence whole.
    s.push_str(
        &serde_json::to_string(r)
            .unwrap_or_default()
            .replace('`', "\\u0060"),
    );
    s.push_str("\n```\n\n</details>\n");
}
