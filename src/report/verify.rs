//! Checking a pasted report.

use serde::Serialize;

use super::build::sha256_hex;
use super::markdown::{to_markdown, HEADING};
use super::{Report, READS, REPORT_VERSION};
use crate::error::InputError;

/// The result of checking a paste.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Verification {
    /// A plain consistent verdict: the paste holds exactly one report (its
    /// copies, as in reply quotes, count once), in plain view, consistent
    /// with its digest, and nothing else that reads like a report or a
    /// verdict. Anything else is not a plain verdict.
    pub intact: bool,
    /// The checked report is consistent with its digest (with or without
    /// the warnings that keep `intact` false).
    pub consistent: bool,
    /// One line for people (several when the paste holds several blocks).
    pub message: String,
    /// Every report-like block of the paste, in order.
    pub blocks: Vec<Block>,
    /// What keeps a consistent report from a plain verdict.
    pub warnings: Vec<String>,
    /// The report, when exactly one distinct report was found consistent.
    #[serde(skip)]
    pub report: Option<Report>,
}

/// One report-like block of a paste.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Block {
    /// First line of the block in the paste (1-based).
    pub line: usize,
    /// `plain view`, `inside an HTML comment`, `inside a collapsed <details>`.
    pub place: &'static str,
    /// `markdown` (a report's view with its data) or `data` (the data alone).
    pub kind: &'static str,
    pub consistent: bool,
    /// How many identical copies the paste holds (reply quotes).
    pub copies: usize,
    /// The block's own verdict.
    pub message: String,
}

/// A report as people pass it on: inside a mail or a ticket (text before and
/// after it), quoted by a mail client (`> `, `>> `) or indented as a code
/// block. Returns the report's own lines, from its heading to the
/// `</details>` after its data block, without the prefix they share; `None`
/// when no line holds the heading behind such a prefix.
fn pasted_markdown(text: &str) -> Option<String> {
    let lines: Vec<&str> = text.lines().collect();
    let (first, prefix) = lines.iter().enumerate().find_map(|(i, l)| {
        let p = l.get(..l.find(HEADING)?)?;
        p.chars()
            .all(|c| c == '>' || c == ' ' || c == '\t')
            .then_some((i, p))
    })?;
    let blank = prefix.trim_end();
    let mut out = Vec::new();
    let (mut in_data, mut data_done) = (false, false);
    for l in lines.get(first..).unwrap_or(&[]) {
        let body = match l.strip_prefix(prefix) {
            Some(b) => b,
            // A blank line of the quote: `>` without its space, or nothing.
            None if l.trim_end() == blank => "",
            None => break,
        };
        out.push(body);
        let t = body.trim();
        if t.starts_with("```json") {
            in_data = true;
        } else if in_data && t == "```" {
            (in_data, data_done) = (false, true);
        } else if data_done && t == "</details>" {
            break;
        }
    }
    Some(out.join("\n"))
}

/// Whether `json` is report data whose digest matches its content.
fn digest_matches(json: &str) -> bool {
    let Ok(value) = crate::json::parse(json) else {
        return false;
    };
    matches!(value.get("digest").and_then(|d| d.get("value")), Some(crate::json::Value::Str(c))
        if *c == sha256_hex(&crate::json::canonical(&value, "digest")))
}

/// A report's JSON data inside other text (`{"report_version": …}`, compact
/// or pretty-printed): from its opening brace to the end of the value, or to
/// the end of the text when it is cut short or broken (verification then
/// says so).
fn embedded_data(text: &str) -> Option<&str> {
    let key = text.find("\"report_version\"")?;
    let open = text.get(..key)?.trim_end().strip_suffix('{')?.len();
    let rest = text.get(open..)?;
    Some(match crate::json::value_len(rest) {
        Ok(n) => rest.get(..n).unwrap_or(rest),
        Err(_) => rest,
    })
}

/// Refuses a paste over 4 MiB.
fn check_size(input: &str) -> Result<(), InputError> {
    if input.len() > 4 * 1024 * 1024 {
        return Err(InputError::TooLarge {
            field: "report".into(),
            limit: 4 * 1024 * 1024,
            unit: "bytes",
        });
    }
    Ok(())
}

/// Where a paste's report data is: its JSON, the report's Markdown around
/// it (when the paste is one), and whether the data came alone out of other
/// text.
struct Located {
    json: String,
    markdown: Option<String>,
    data_only: bool,
}

/// Finds the report data in a paste: JSON as it is, JSON inside other text,
/// or the ```json block of a report's Markdown (as people pass it on).
/// `Ok(Err(verdict))` when the paste is already known to be modified.
fn locate(input: &str) -> Result<Result<Located, Verification>, InputError> {
    let trimmed = input.trim_start_matches('\u{feff}').trim();
    if trimmed.starts_with('{') {
        let json = trimmed.to_owned();
        return Ok(Ok(Located {
            json,
            markdown: None,
            data_only: false,
        }));
    }
    let alone = !trimmed.contains("```json") && !trimmed.contains(HEADING);
    if let Some(data) = alone.then(|| embedded_data(trimmed)).flatten() {
        // The data without any of its Markdown view, e.g. copied from a
        // ticket system that rendered the Markdown: the data alone is
        // checked. (With the view there, a broken view is a modification.)
        let json = data.to_owned();
        return Ok(Ok(Located {
            json,
            markdown: None,
            data_only: true,
        }));
    }
    let pasted = pasted_markdown(input.trim_start_matches('\u{feff}'));
    let trimmed = pasted.as_deref().unwrap_or(trimmed);
    let start = trimmed
        .find("```json")
        .ok_or_else(|| InputError::Malformed {
            field: "report".into(),
            message: "no report data found (its ```json block, or the JSON of Download \
                      JSON); where a ticket shows the report rendered, copy it with its \
                      \"Report data\" section open, or ask for the .json file"
                .into(),
        })?;
    let body = trimmed.get(start + 7..).unwrap_or("");
    let Some(end) = body.find("```") else {
        let cut = "MODIFIED: the report is cut short (its ```json block is not closed)";
        return Ok(Err(modified(cut)));
    };
    Ok(Ok(Located {
        json: body.get(..end).unwrap_or("").trim().to_owned(),
        markdown: Some(trimmed.to_owned()),
        data_only: false,
    }))
}

/// The Markdown's data block is one line: a line break in it is a mail
/// client's, which wraps long lines at spaces, keeping the space or
/// dropping it. When the data as received does not match its digest and a
/// rejoined form does, the rejoined form is the data as it was built (the
/// digest proves it). (Pretty-printed JSON, as Download JSON saves it, has
/// line breaks of its own and is read as it is.) True when it was rejoined.
fn rejoin(json: String, in_markdown: bool) -> (String, bool) {
    if !(in_markdown && json.contains('\n') && !digest_matches(&json)) {
        return (json, false);
    }
    let lines: Vec<&str> = json.lines().collect();
    let joined = [lines.concat(), lines.join(" ")]
        .into_iter()
        .find(|j| digest_matches(j));
    match joined {
        Some(j) => (j, true),
        None => (json, false),
    }
}

/// Refuses data whose `report_version` this core does not read.
fn check_version(value: &crate::json::Value<'_>) -> Result<(), InputError> {
    let version = match value.get("report_version") {
        Some(crate::json::Value::Num(raw)) => raw.parse::<u64>().ok(),
        _ => None,
    };
    match version {
        Some(v) if READS.iter().any(|r| u64::from(*r) == v) => Ok(()),
        Some(v) => Err(InputError::Malformed {
            field: "report_version".into(),
            message: format!(
                "{v} is not supported (this core reads versions 1 to {REPORT_VERSION})"
            ),
        }),
        None => Err(InputError::Malformed {
            field: "report_version".into(),
            message: "missing: this is not an auth-triage report".into(),
        }),
    }
}

/// Check one report pasted as Markdown (with its JSON block) or as JSON:
/// the schema and the digest, and for Markdown that the view matches the
/// data. `Err` when nothing report-like can be read at all.
fn check_one(input: &str) -> Result<Verification, InputError> {
    check_size(input)?;
    let found = match locate(input)? {
        Ok(found) => found,
        Err(verdict) => return Ok(verdict),
    };
    let (json, rejoined) = rejoin(found.json, found.markdown.is_some());
    let value = match crate::json::parse(&json) {
        Ok(v) => v,
        Err(e) if e.eof => {
            return Ok(modified("MODIFIED: the report data is cut short"));
        }
        Err(e) => {
            return Ok(modified(&format!(
                "MODIFIED: the report data is not valid JSON ({e})"
            )))
        }
    };
    check_version(&value)?;
    let report = match crate::json::from_str::<Report>(&json) {
        Ok(r) => r,
        Err(err) => {
            return Ok(modified(&format!(
                "MODIFIED: the report data does not match the schema ({err})"
            )));
        }
    };
    // Canonical form of what was received, not of our re-serialisation.
    let actual = sha256_hex(&crate::json::canonical(&value, "digest"));
    if report.digest.alg.as_str() != "sha256" || report.digest.value.as_str() != actual {
        let id = &report.id;
        let why = format!(
            "MODIFIED: the digest does not match the data (report {id}): it was edited or cut short"
        );
        return Ok(Verification {
            report: Some(report.clone()),
            ..modified(&why)
        });
    }
    if let Some(md_text) = found.markdown.as_deref() {
        if let Some(line) = first_difference(md_text, &to_markdown(&report)) {
            let id = &report.id;
            let why = format!(
                "MODIFIED: the Markdown view differs from its data at line {line} (report {id})"
            );
            return Ok(Verification {
                report: Some(report.clone()),
                ..modified(&why)
            });
        }
    }
    Ok(consistent(report, rejoined, found.data_only))
}

/// The verdict on a report consistent with its digest (and its view).
fn consistent(report: Report, rejoined: bool, data_only: bool) -> Verification {
    let rejoined = if rejoined {
        "; line breaks added to its data in transit were undone"
    } else {
        ""
    };
    let data_only = if data_only {
        "; only its data was checked: the text around it is not the report's Markdown"
    } else {
        ""
    };
    Verification {
        intact: true,
        consistent: true,
        blocks: Vec::new(),
        warnings: Vec::new(),
        message: format!(
            "CONSISTENT: report {} (sha256 {}){rejoined}{data_only}",
            report.id, report.digest.value
        ),
        report: Some(report),
    }
}

fn modified(message: &str) -> Verification {
    Verification {
        intact: false,
        consistent: false,
        message: message.to_owned(),
        blocks: Vec::new(),
        warnings: Vec::new(),
        report: None,
    }
}

/// Compare word by word, ignoring white space and where lines break (ticket
/// systems change line endings and trailing spaces; mail clients wrap long
/// lines). Returns the line of `got` where the first difference is.
fn first_difference(got: &str, want: &str) -> Option<usize> {
    fn words(s: &str) -> Vec<(usize, &str)> {
        s.lines()
            .enumerate()
            .flat_map(|(i, l)| l.split_whitespace().map(move |w| (i + 1, w)))
            .collect()
    }
    let (got, want) = (view(got), view(want));
    let (g, w) = (words(&got), words(&want));
    for i in 0..g.len().max(w.len()) {
        match (g.get(i), w.get(i)) {
            (Some(a), Some(b)) if a.1 == b.1 => {}
            (Some((line, _)), _) => return Some(*line),
            (None, _) => return Some(got.lines().count().max(1)),
        }
    }
    None
}

/// The Markdown without the lines of its data block (checked by the digest
/// on its own), so that its line numbers stay those of the text.
fn view(md: &str) -> String {
    let mut in_data = false;
    md.lines()
        .map(|l| {
            let t = l.trim();
            if t.starts_with("```json") {
                in_data = true;
                return l;
            }
            if in_data && t.starts_with("```") {
                in_data = false;
                return l;
            }
            if in_data {
                ""
            } else {
                l
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A line that names a report the way its heading does, in any formatting
/// (`## Nanami auth triage report`, `**Nanami Auth Triage Report**`, inside
/// a comment).
fn heading_like(line: &str) -> bool {
    line.to_lowercase().contains("nanami auth triage report")
}

/// Words that make text read like a report or a verdict about one.
const VERDICT_WORDS: &[&str] = &[
    "consistent",
    "intact",
    "genuine",
    "authentic",
    "verified",
    "unmodified",
    "not modified",
    "verdict",
    "safe code",
    "next move",
    "failure type",
    "auth-triage verify",
    "report atr-",
    "sha256",
];

/// Where a block starts: in plain view, or hidden from a reader of the
/// rendered ticket (an HTML comment, a collapsed `<details>` that is not
/// the report's own).
fn place(before: &str, heading_line: &str) -> &'static str {
    let in_comment = before
        .rfind("<!--")
        .is_some_and(|o| before.rfind("-->").is_none_or(|c| c < o))
        || heading_line.find("<!--").is_some_and(|o| {
            heading_line
                .to_lowercase()
                .find("nanami")
                .is_some_and(|h| o < h)
        });
    if in_comment {
        return "inside an HTML comment";
    }
    let lower = before.to_lowercase();
    let open = lower.matches("<details").count();
    let close = lower.matches("</details>").count();
    if open > close || heading_line.to_lowercase().contains("<details") {
        return "inside a collapsed <details>";
    }
    "plain view"
}

/// The lines of the report block whose heading is at line `first`: with
/// the prefix the heading line's quote or indentation gives every line,
/// to the `</details>` after its data, or to the next heading.
fn block_lines(lines: &[&str], first: usize) -> (String, usize) {
    let head = lines.get(first).copied().unwrap_or("");
    let prefix_len = head
        .char_indices()
        .find(|(_, c)| !matches!(c, '>' | ' ' | '\t'))
        .map_or(head.len(), |(i, _)| i);
    let prefix = head.get(..prefix_len).unwrap_or("");
    let blank = prefix.trim_end();
    let mut out: Vec<&str> = Vec::new();
    let (mut in_data, mut data_done) = (false, false);
    let mut end = first;
    for (i, l) in lines.iter().enumerate().skip(first) {
        if i > first && heading_like(l) && !in_data {
            break;
        }
        let body = match l.strip_prefix(prefix) {
            Some(b) => b,
            None if l.trim_end() == blank => "",
            None => break,
        };
        // The heading line as the report writes it, when it holds it.
        let body = if i == first {
            body.find(HEADING)
                .map_or(body, |h| body.get(h..).unwrap_or(body))
        } else {
            body
        };
        out.push(body);
        end = i;
        let t = body.trim();
        if t.starts_with("```json") {
            in_data = true;
        } else if in_data && t.starts_with("```") {
            (in_data, data_done) = (false, true);
        } else if data_done && t == "</details>" {
            break;
        }
    }
    (out.join("\n"), end)
}

/// Read the whole paste: every report-like block (a report's Markdown with
/// its data, in plain view, in an HTML comment, in a collapsed
/// `<details>`, under odd formatting; report data alone), each checked on
/// its own. Identical copies (reply quotes) count once. A plain consistent
/// verdict (`intact`) means exactly one report, in plain view, consistent,
/// and no other text that reads like a report or a verdict.
///
/// The digest detects accidents and careless edits, not forgery: anyone
/// can recompute it (`docs/report.md`, "Threat model").
pub fn verify(input: &str) -> Result<Verification, InputError> {
    check_size(input)?;
    let mut p = Paste::new(input);
    let mut found = markdown_blocks(&mut p);
    found.extend(data_blocks(&mut p));
    if found.is_empty() {
        // Nothing report-like: the single-report reader says why.
        return check_one(p.text);
    }
    found.sort_by_key(|f| f.block.line);
    let distinct = distinct(found);
    let warnings = warnings(&p, &distinct);
    Ok(verdict(distinct, warnings))
}

/// A paste, line by line, with what the blocks found in it cover.
struct Paste<'a> {
    text: &'a str,
    lines: Vec<&'a str>,
    /// Byte offset of each line.
    offsets: Vec<usize>,
    /// Lines inside a report-like block.
    covered: Vec<bool>,
}

impl<'a> Paste<'a> {
    fn new(input: &'a str) -> Self {
        let text = input.trim_start_matches('\u{feff}');
        let lines: Vec<&str> = text.lines().collect();
        let mut offsets = Vec::with_capacity(lines.len());
        let mut at = 0;
        for l in &lines {
            offsets.push(at);
            at += l.len();
            at += text.get(at..).map_or(0, |r| {
                if r.starts_with("\r\n") {
                    2
                } else {
                    usize::from(r.starts_with('\n'))
                }
            });
        }
        let covered = vec![false; lines.len()];
        Paste {
            text,
            lines,
            offsets,
            covered,
        }
    }

    fn line(&self, i: usize) -> &'a str {
        self.lines.get(i).copied().unwrap_or("")
    }

    fn cover(&mut self, from: usize, to: usize) {
        for c in self.covered.iter_mut().take(to + 1).skip(from) {
            *c = true;
        }
    }
}

/// A report-like block of a paste, its verdict, and what makes two blocks
/// copies of one another.
struct Found {
    block: Block,
    verdict: Verification,
    key: String,
}

impl Found {
    fn new(
        line: usize,
        place: &'static str,
        kind: &'static str,
        v: Verification,
        text: &str,
    ) -> Self {
        let key = v
            .report
            .as_ref()
            .filter(|_| v.consistent)
            .map(|r| format!("ok {}", r.digest.value))
            .unwrap_or_else(|| text.split_whitespace().collect::<Vec<_>>().join(" "));
        let block = Block {
            line,
            place,
            kind,
            consistent: v.consistent,
            copies: 1,
            message: v.message.clone(),
        };
        Found {
            block,
            verdict: v,
            key,
        }
    }
}

/// Every report's Markdown in the paste, from its heading on.
fn markdown_blocks(p: &mut Paste<'_>) -> Vec<Found> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < p.lines.len() {
        let l = p.line(i);
        if !heading_like(l) {
            i += 1;
            continue;
        }
        let (block, end) = block_lines(&p.lines, i);
        p.cover(i, end);
        let before = p
            .text
            .get(..p.offsets.get(i).copied().unwrap_or(0))
            .unwrap_or("");
        let v = check_one(&block).unwrap_or_else(|e| {
            modified(&format!(
                "NOT CHECKED: it reads like a report but {}",
                e.to_string().trim_start_matches("report: ")
            ))
        });
        found.push(Found::new(i + 1, place(before, l), "markdown", v, &block));
        i = end + 1;
    }
    found
}

/// Report data outside every Markdown block.
fn data_blocks(p: &mut Paste<'_>) -> Vec<Found> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < p.lines.len() {
        let covered = p.covered.get(i).copied().unwrap_or(true);
        if covered || !p.line(i).contains("\"report_version\"") {
            i += 1;
            continue;
        }
        // From the line of its opening brace.
        let start = (0..=i)
            .rev()
            .find(|j| !p.covered.get(*j).copied().unwrap_or(true) && p.line(*j).contains('{'))
            .unwrap_or(i);
        let from = p.offsets.get(start).copied().unwrap_or(0);
        let rest = p.text.get(from..).unwrap_or("");
        let data = embedded_data(rest).unwrap_or(rest);
        let data_end = from + (data.as_ptr() as usize - rest.as_ptr() as usize) + data.len();
        let end = p
            .offsets
            .iter()
            .rposition(|o| *o < data_end.max(from + 1))
            .unwrap_or(i)
            .max(i);
        p.cover(start, end);
        let before = p.text.get(..from).unwrap_or("");
        let mut v = check_one(data).unwrap_or_else(|e| modified(&format!("NOT CHECKED: {e}")));
        if v.consistent && !v.message.contains("only its data was checked") {
            v.message.push_str(
                "; only its data was checked: the text around it is not the report's Markdown",
            );
        }
        found.push(Found::new(
            start + 1,
            place(before, p.line(start)),
            "data",
            v,
            data,
        ));
        i = end + 1;
    }
    found
}

/// The blocks with identical copies counted once, in plain view when one
/// copy is.
fn distinct(found: Vec<Found>) -> Vec<Found> {
    let mut distinct: Vec<Found> = Vec::new();
    for f in found {
        if let Some(d) = distinct.iter_mut().find(|d| d.key == f.key) {
            d.block.copies += 1;
            if d.block.place == "plain view" || f.block.place != "plain view" {
                continue;
            }
            d.block.place = f.block.place;
        } else {
            distinct.push(f);
        }
    }
    distinct
}

/// Visible text outside every block that reads like a report or a
/// verdict, and blocks a reader of the rendered ticket does not see.
fn warnings(p: &Paste<'_>, distinct: &[Found]) -> Vec<String> {
    let mut warnings = Vec::new();
    for (n, l) in p.lines.iter().enumerate() {
        if p.covered.get(n).copied().unwrap_or(false) {
            continue;
        }
        let lower = l.to_lowercase();
        if let Some(w) = VERDICT_WORDS.iter().find(|w| lower.contains(*w)) {
            warnings.push(format!(
                "line {}, outside the checked report, reads like a report or a verdict (\"{w}\")",
                n + 1
            ));
        }
    }
    for b in distinct.iter().map(|d| &d.block) {
        if b.place != "plain view" {
            warnings.push(format!(
                "the report-like block at line {} is hidden from a reader of the rendered \
                 ticket ({})",
                b.line, b.place
            ));
        }
    }
    warnings
}

/// The verdict on the whole paste: the one block's, when it is the only
/// one and nothing warns; else not a plain verdict, with every block and
/// warning listed.
fn verdict(distinct: Vec<Found>, warnings: Vec<String>) -> Verification {
    let consistent: Vec<&Found> = distinct.iter().filter(|d| d.block.consistent).collect();
    let report = match consistent.as_slice() {
        [one] => one.verdict.report.clone(),
        _ => None,
    };
    let blocks: Vec<Block> = distinct.iter().map(|d| d.block.clone()).collect();
    if let [one] = distinct.as_slice() {
        if warnings.is_empty() {
            let mut v = one.verdict.clone();
            if one.block.copies > 1 {
                v.message.push_str(&format!(
                    " ({} identical copies, counted once)",
                    one.block.copies
                ));
            }
            v.blocks = blocks;
            return v;
        }
    }
    let mut message = if let [one] = distinct.as_slice() {
        format!("NOT A PLAIN VERDICT: {}", one.verdict.message)
    } else {
        format!(
            "NOT A PLAIN VERDICT: the paste holds {} different report-like blocks; a reader may \
             see the wrong one",
            distinct.len()
        )
    };
    if distinct.len() > 1 {
        for b in &blocks {
            message.push_str(&format!(
                "\n  - line {} ({}{}): {}",
                b.line,
                b.place,
                if b.copies > 1 {
                    format!(", {} copies", b.copies)
                } else {
                    String::new()
                },
                b.message
            ));
        }
    }
    for w in &warnings {
        message.push_str(&format!("\n  ! {w}"));
    }
    Verification {
        intact: false,
        consistent: report.is_some(),
        message,
        blocks,
        warnings,
        report,
    }
}
