//! `auth-triage`: the command-line face of the core, for support staff and tests.
//! The CLI interface plus glue code; every decision lives in the library.

use std::io::{Read, Write};
use std::process::ExitCode;

use auth_triage::{Catalog, Catalogs, Snapshot};

const USAGE: &str = "usage: auth-triage classify [FILE|-] [--format json|text] [--catalog FILE]...
       auth-triage --help | --version

Reads a snapshot (JSON, see docs/snapshot.md) from FILE or standard input.
Exit codes: 0 diagnosis printed, 2 bad input or usage.";

struct Args {
    cmd: String,
    file: Option<String>,
    format: String,
    catalogs: Vec<String>,
}

fn parse_args() -> Result<Args, String> {
    let mut it = std::env::args().skip(1);
    let mut a = Args { cmd: String::new(), file: None, format: String::new(), catalogs: Vec::new() };
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "-h" | "--help" => a.cmd = "help".into(),
            "-V" | "--version" => a.cmd = "version".into(),
            "--format" | "-f" => a.format = it.next().ok_or("--format needs a value")?,
            "--catalog" => a.catalogs.push(it.next().ok_or("--catalog needs a file")?),
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
    String::from_utf8(buf).map_err(|e| format!("input: not UTF-8 (byte {})", e.utf8_error().valid_up_to()))
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

fn run() -> Result<(), String> {
    let a = parse_args()?;
    match a.cmd.as_str() {
        "help" | "" => {
            println!("{USAGE}");
            Ok(())
        }
        "version" => {
            println!("auth-triage {}", auth_triage::CORE_VERSION);
            Ok(())
        }
        "classify" => {
            let ops = load_catalogs(&a.catalogs)?;
            let input = read_input(a.file.as_deref(), auth_triage::snapshot::limits::INPUT_BYTES)?;
            let snap = Snapshot::from_json(&input).map_err(|e| e.to_string())?;
            let d = auth_triage::classify(&snap, &Catalogs::new(&ops));
            let out = match a.format.as_str() {
                "" | "json" => serde_json::to_string_pretty(&d).map_err(|e| e.to_string())?,
                "text" => auth_triage::diagnosis::render_text(&d),
                other => return Err(format!("--format: unknown format {other:?} (json, text)")),
            };
            let mut so = std::io::stdout().lock();
            let _ = writeln!(so, "{out}");
            Ok(())
        }
        other => Err(format!("unknown command {other:?}\n{USAGE}")),
    }
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("auth-triage: {msg}");
            ExitCode::from(2)
        }
    }
}
