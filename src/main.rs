//! `auth-triage`: the command-line face of the core, for support staff and tests.
//! The CLI interface plus glue code; every decision lives in the library.

use std::io::{Read, Write};
use std::process::ExitCode;

use auth_triage::{report, Catalog, Catalogs, Snapshot};

const USAGE: &str = "usage: auth-triage classify [FILE|-] [--format json|text] [--catalog FILE]...
       auth-triage report   [FILE|-] [--format markdown|json] [--catalog FILE]...
       auth-triage verify   [FILE|-]
       auth-triage render   [FILE|-]
       auth-triage retriage [FILE|-] [--format json|text] [--catalog FILE]...
       auth-triage har      [FILE|-] [--format text|json|markdown] [--published URL]... \
                            [--catalog FILE]...
                            [--sanitize OUT.har]
       auth-triage --help | --version

classify  diagnose a snapshot (JSON, docs/snapshot.md)
report    build the redacted evidence report of a snapshot (docs/report.md)
verify    check a pasted report (Markdown or JSON, as it came: inside a mail
          or ticket, quoted or wrapped): schema, digest, view
render    print a verified report for people
retriage  classify again the redacted snapshot inside a report, with this
          core and these catalogs
har       diagnose a HAR file (Chromium, Firefox, WebKit, proxy exports; up to
          256 MiB): the failing page it holds, with --format markdown its
          redacted report. --published names the environment's published URL.
          Which page was diagnosed goes to standard error. --sanitize also
          writes OUT.har: the HAR with its evidence and without its secrets
          (values, tokens, bodies; docs/har.md).

FILE defaults to standard input.
Exit codes: 0 done (verify: one report, consistent, nothing else that reads like
one), 1 verify: anything else (modified, several reports, hidden blocks, verdicts
written beside it), 2 bad input or usage.";

struct Args {
    cmd: String,
    file: Option<String>,
    format: String,
    catalogs: Vec<String>,
    published: Vec<String>,
    sanitize: Option<String>,
}

fn parse_args() -> Result<Args, String> {
    let mut it = std::env::args().skip(1);
    let mut a = Args {
        cmd: String::new(),
        file: None,
        format: String::new(),
        catalogs: Vec::new(),
        published: Vec::new(),
        sanitize: None,
    };
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "-h" | "--help" => a.cmd = "help".into(),
            "-V" | "--version" => a.cmd = "version".into(),
            "--format" | "-f" => a.format = it.next().ok_or("--format needs a value")?,
            "--catalog" => a.catalogs.push(it.next().ok_or("--catalog needs a file")?),
            "--published" => a
                .published
                .push(it.next().ok_or("--published needs a URL")?),
            "--sanitize" => a.sanitize = Some(it.next().ok_or("--sanitize needs a file to write")?),
            s if s.starts_with("--format=") => a.format = s["--format=".len()..].to_owned(),
            s if s.starts_with('-') && s != "-" => return Err(format!("unknown option {s}")),
            s if a.cmd.is_empty() => a.cmd = s.to_owned(),
            s if a.file.is_none() => a.file = Some(s.to_owned()),
            _ => return Err("too many arguments".into()),
        }
    }
    Ok(a)
}

/// Read at most `limit` bytes; one byte more means "too large", refused
/// before parsing so a 50 MB page never reaches the parser.
fn read_input(file: Option<&str>, limit: usize) -> Result<String, String> {
    // A file says its size: one over the limit is refused unread.
    if let Some(path) = file.filter(|f| *f != "-") {
        let len = std::fs::metadata(path)
            .map_err(|e| format!("{path}: {}", io_reason(&e)))?
            .len();
        if len > limit as u64 {
            return Err(format!("{path}: over the limit of {limit} bytes"));
        }
    }
    let mut buf = Vec::new();
    let take = (limit + 1) as u64;
    match file {
        None | Some("-") => std::io::stdin().lock().take(take).read_to_end(&mut buf),
        Some(path) => std::fs::File::open(path)
            .map_err(|e| format!("{path}: {}", io_reason(&e)))?
            .take(take)
            .read_to_end(&mut buf),
    }
    .map_err(|e| format!("input: {}", io_reason(&e)))?;
    if buf.len() > limit {
        return Err(format!("input: over the limit of {limit} bytes"));
    }
    String::from_utf8(buf)
        .map_err(|e| format!("input: not UTF-8 (byte {})", e.utf8_error().valid_up_to()))
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => "cannot read".into(),
    }
}

fn load_catalogs(paths: &[String]) -> Result<Vec<Catalog>, String> {
    paths
        .iter()
        .map(|p| {
            let s = read_input(Some(p), 1024 * 1024)?;
            Catalog::from_json(&s).map_err(|e| format!("{p}: {e}"))
        })
        .collect()
}

/// The snapshot named on the command line, and the catalogs to read it with.
fn load_snapshot(a: &Args) -> Result<(Snapshot, Catalogs), String> {
    let ops = load_catalogs(&a.catalogs)?;
    let input = read_input(
        a.file.as_deref(),
        auth_triage::snapshot::limits::INPUT_BYTES,
    )?;
    let snap = Snapshot::from_json(&input).map_err(|e| e.to_string())?;
    Ok((snap, Catalogs::new(&ops)))
}

/// Standard output. A reader that went away (`auth-triage … | head`) is
/// not an error: the rest is dropped and the command ends as it would.
macro_rules! out {
    ($($t:tt)*) => {{
        let _ = write!(std::io::stdout().lock(), $($t)*);
    }};
}
macro_rules! outln {
    () => {{
        let _ = writeln!(std::io::stdout().lock());
    }};
    ($($t:tt)*) => {{
        let _ = writeln!(std::io::stdout().lock(), $($t)*);
    }};
}

/// Ok(exit code) when the command did its job; Err(one line) otherwise.
fn run() -> Result<u8, String> {
    let a = parse_args()?;
    match a.cmd.as_str() {
        "help" | "" => {
            outln!("{USAGE}");
            Ok(0)
        }
        "version" => {
            outln!("auth-triage {}", auth_triage::CORE_VERSION);
            Ok(0)
        }
        "classify" => {
            let (snap, cats) = load_snapshot(&a)?;
            let d = auth_triage::redact::numbered(|| auth_triage::classify(&snap, &cats));
            let out = match a.format.as_str() {
                "" | "json" => serde_json::to_string_pretty(&d).map_err(|e| e.to_string())?,
                "text" => auth_triage::diagnosis::render_text(&d),
                other => return Err(format!("--format: unknown format {other:?} (json, text)")),
            };
            let mut so = std::io::stdout().lock();
            let _ = writeln!(so, "{out}");
            Ok(0)
        }
        "report" => {
            let (mut snap, cats) = load_snapshot(&a)?;
            if snap.env.now_ms.is_none() {
                // The CLI is the edge where the clock is read; the core never does.
                snap.env.now_ms = std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .ok()
                    .and_then(|d| i64::try_from(d.as_millis()).ok());
            }
            let (_, r) = report::triage(&snap, &cats);
            let out = match a.format.as_str() {
                "" | "markdown" | "md" => report::to_markdown(&r),
                "json" => serde_json::to_string_pretty(&r).map_err(|e| e.to_string())?,
                other => {
                    return Err(format!(
                        "--format: unknown format {other:?} (markdown, json)"
                    ))
                }
            };
            out!("{out}");
            if !out.ends_with('\n') {
                outln!();
            }
            Ok(0)
        }
        "verify" | "render" | "retriage" => {
            let ops = load_catalogs(&a.catalogs)?;
            let input = read_input(a.file.as_deref(), 4 * 1024 * 1024)?;
            let v = report::verify(&input).map_err(|e| e.to_string())?;
            if a.cmd == "verify" {
                outln!("{}", v.message);
                return Ok(if v.intact { 0 } else { 1 });
            }
            let Some(r) = v.report.filter(|_| v.intact) else {
                return Err(format!("{} (refusing to {} it)", v.message, a.cmd));
            };
            if a.cmd == "render" {
                out!("{}", report::render_text(&r));
                return Ok(0);
            }
            let cats = Catalogs::new(&ops);
            let snap = r.snapshot.to_snapshot();
            let d = auth_triage::classify(&snap, &cats);
            match a.format.as_str() {
                "" | "json" => outln!(
                    "{}",
                    serde_json::to_string_pretty(&d).map_err(|e| e.to_string())?
                ),
                "text" => {
                    outln!(
                        "Retriaged report {} (made by core {}) with core {}.\nWas: {} / {}\n",
                        r.id,
                        r.versions.core,
                        auth_triage::CORE_VERSION,
                        r.diagnosis.failure_type.as_str(),
                        match r.diagnosis.verdict {
                            auth_triage::Verdict::Product => "product",
                            auth_triage::Verdict::Deployment => "deployment",
                            auth_triage::Verdict::None => "none",
                        }
                    );
                    out!("{}", auth_triage::diagnosis::render_text(&d));
                }
                other => return Err(format!("--format: unknown format {other:?} (json, text)")),
            }
            Ok(0)
        }
        "har" => har(&a),
        other => Err(format!("unknown command {other:?}\n{USAGE}")),
    }
}

/// `har`: read the HAR, pick the failing page, diagnose it (or build its report).
fn har(a: &Args) -> Result<u8, String> {
    let format = match a.format.as_str() {
        "" | "text" => "text",
        f @ ("json" | "markdown" | "md") => f,
        other => {
            return Err(format!(
                "--format: unknown format {other:?} (text, json, markdown)"
            ))
        }
    };
    for (i, u) in a.published.iter().enumerate() {
        if auth_triage::web::parse_url(u).is_none() {
            return Err(format!(
                "--published: argument {} is not an http(s) URL",
                i + 1
            ));
        }
    }
    let cats = Catalogs::new(&load_catalogs(&a.catalogs)?);
    let input = read_input(a.file.as_deref(), auth_triage::har::HAR_BYTES)?;
    let text = input.strip_prefix('\u{feff}').unwrap_or(&input);
    let diagnose = |s: &Snapshot| {
        let d = auth_triage::classify(s, &cats);
        (d.failure_type != auth_triage::FailureType::Unclassified).then_some(d.confidence)
    };
    let read = auth_triage::har::read_and_pick(text, &a.published, &diagnose)
        .map_err(|e| format!("har: {e}"))?;
    if let Some(out) = &a.sanitize {
        write_sanitized(text, &cats, out)?;
    }
    let snap = &read.snapshot;
    let (d, r) = report::triage(snap, &cats);
    let which = format!(
        "read {} entries; diagnosed page {} of {} ({})",
        read.entries,
        read.picked + 1,
        read.pages,
        auth_triage::redact::url(&snap.url)
    );
    let mut so = std::io::stdout().lock();
    let out = match format {
        "text" => format!(
            "HAR: {which}\n\n{}",
            auth_triage::diagnosis::render_text(&d)
        ),
        "json" => serde_json::to_string_pretty(&d).map_err(|e| e.to_string())?,
        _ => report::to_markdown(&r),
    };
    if format != "text" {
        eprintln!("auth-triage: {which}");
    }
    let _ = write!(so, "{out}");
    if !out.ends_with('\n') {
        let _ = writeln!(so);
    }
    Ok(0)
}

/// Write the sanitized HAR beside `out` and move it into place when done:
/// a failed run leaves no half-written HAR.
fn write_sanitized(text: &str, cats: &Catalogs, out: &str) -> Result<(), String> {
    if out == "-" || out.is_empty() {
        return Err("--sanitize: name a file to write".into());
    }
    let tmp = format!("{out}.partial");
    let file = std::fs::File::create(&tmp).map_err(|e| format!("{out}: {}", io_reason(&e)))?;
    let mut w = std::io::BufWriter::new(file);
    let mut failed = false;
    let res = auth_triage::har::sanitize::sanitize_read(text, cats, &mut |chunk: &str| {
        if !failed && w.write_all(chunk.as_bytes()).is_err() {
            failed = true;
        }
    });
    let flushed = w.flush().is_ok() && !failed;
    drop(w);
    let st = match res {
        Ok(st) if flushed => st,
        Ok(_) => {
            let _ = std::fs::remove_file(&tmp);
            return Err(format!("{out}: cannot write"));
        }
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            return Err(format!("har: {e}"));
        }
    };
    std::fs::rename(&tmp, out).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        format!("{out}: {}", io_reason(&e))
    })?;
    eprintln!(
        "auth-triage: wrote {out}: {} entries ({} dropped: not web requests), {} pages and {} \
         JSON errors kept redacted, {} bodies removed",
        st.entries, st.dropped, st.pages_kept, st.json_errors_kept, st.bodies_removed
    );
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(code) => ExitCode::from(code),
        Err(msg) => {
            eprintln!("auth-triage: {msg}");
            ExitCode::from(2)
        }
    }
}
