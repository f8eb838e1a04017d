//! Clocks: the skew between the local clock and each host's `Date` header,
//! and between hosts.
//!
//! Thresholds (documented in `docs/classifier.md`):
//! - `Date` has one-second resolution and the response spends time on the
//!   wire, so skews under [`NOISE_S`] are not reported.
//! - TOTP accepts about ±30 s (one 30 s step either way): from [`WARN_S`]
//!   codes start to fail, from [`STRONG_S`] they always fail, and token
//!   `iat`/`nbf` checks (usually 60-120 s of leeway) fail too.

use crate::diagnosis::{Cause, ClockFinding, Evidence, Rule, Source, Subject};
use crate::say::Msg;
use crate::snapshot::Snapshot;
use crate::web::Origin;

pub const NOISE_S: i64 = 10;
pub const WARN_S: i64 = 30;
pub const STRONG_S: i64 = 90;

const MONTHS: &str = "JanFebMarAprMayJunJulAugSepOctNovDec";

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's
/// `days_from_civil`): HTTP dates here, ISO 8601 times in HARs.
pub fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date (year, month 1-12, day 1-31) of a day counted from 1970-01-01
/// (Howard Hinnant's `civil_from_days`): HTTP dates here, ISO 8601 times in
/// reports.
pub fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (era * 400 + yoe + i64::from(m <= 2), m, d)
}

/// Parse an HTTP date into Unix milliseconds: IMF-fixdate (`Sun, 06 Nov
/// 1994 08:49:37 GMT`), RFC 850 (`Sunday, 06-Nov-94 08:49:37 GMT`), asctime
/// (`Sun Nov  6 08:49:37 1994`) and the cookie form browsers also read
/// (`Sun, 06-Nov-1994 08:49:37 GMT`), from 1970 on. The weekday is read as a
/// word and not checked against the date, and a zone other than GMT is
/// refused.
///
/// Written here rather than taken from `httpdate`: its parser returns a
/// `SystemTime`, which brought about 5 KB of std's time and formatting code
/// into the WASM module. `tests/http_dates.rs` checks both ways against
/// `httpdate` (a dev-dependency only).
pub fn http_date_ms(s: &str) -> Option<i64> {
    let mut words = s.trim().split([' ', ',', '-']).filter(|w| !w.is_empty());
    // The weekday: a word of letters.
    words
        .next()
        .filter(|w| w.bytes().all(|b| b.is_ascii_alphabetic()))?;
    let n = |w: &str| {
        w.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| w.parse::<i64>().ok())
            .flatten()
    };
    let (mut nums, mut month, mut hms, mut gmt) = (Vec::new(), 0, None, false);
    for w in words {
        if let Some(x) = n(w).filter(|_| w.len() <= 4) {
            nums.push((x, w.len()));
        } else if let Some(i) = MONTHS
            .find(w)
            .filter(|i| w.len() == 3 && i % 3 == 0 && month == 0)
        {
            month = i / 3 + 1;
        } else if let (Some(h), Some(m), Some(s), None) = {
            let mut t = w.split(':').map(|p| n(p).filter(|_| p.len() == 2));
            (
                t.next().flatten(),
                t.next().flatten(),
                t.next().flatten(),
                t.next(),
            )
        } {
            hms = hms.xor(Some((h, m, s)));
        } else if w == "GMT" && !gmt {
            gmt = true;
        } else {
            return None;
        }
    }
    let (h, mi, sec) = hms?;
    let [(d, _), (y, ylen)] = nums[..] else {
        return None;
    };
    // RFC 850's two-digit years: 70-99 are the 1900s (RFC 6265 reads them so).
    let y = match ylen {
        2 if y >= 70 => 1900 + y,
        2 => 2000 + y,
        4 => y,
        _ => return None,
    };
    let m = month as i64;
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let month_days = if m == 2 {
        28 + leap as i64
    } else {
        30 + ((m + m / 8) & 1)
    };
    if m == 0 || !(1..=month_days).contains(&d) || y < 1970 || h > 23 || mi > 59 || sec > 59 {
        return None;
    }
    let days = days_from_civil(y, m, d);
    Some(((days * 24 + h) * 60 + mi) * 60_000 + sec * 1000)
}

/// Unix milliseconds as an HTTP date (`Sun, 29 Nov 2026 15:04:05 GMT`), for
/// the years an HTTP date can name (1970 to 9999); `None` outside them (a
/// report read back from JSON may hold any number).
pub fn http_date(ms: i64) -> Option<String> {
    // 9999-12-31T23:59:59.999Z
    const LAST_MS: i64 = 253_402_300_799_999;
    if !(0..=LAST_MS).contains(&ms) {
        return None;
    }
    let (days, secs) = (ms / 86_400_000, ms / 1000 % 86_400);
    let (y, m, d) = civil_from_days(days);
    let name = |list: &'static str, i: i64| list.get(i as usize * 3..i as usize * 3 + 3);
    Some(format!(
        "{}, {d:02} {} {y} {:02}:{:02}:{:02} GMT",
        name("ThuFriSatSunMonTueWed", days % 7)?,
        name(MONTHS, m - 1)?,
        secs / 3600,
        secs / 60 % 60,
        secs % 60
    ))
}

pub struct ClockSignals {
    pub findings: Vec<ClockFinding>,
    pub evidence: Vec<Evidence>,
}

/// Each host's clock against this computer's, then one rule of three:
/// the hosts disagree, this computer is the odd one out, or single hosts
/// are off.
pub fn analyze(snap: &Snapshot) -> ClockSignals {
    let findings = findings(samples(snap));
    let mut evidence = Vec::new();
    let max = findings.iter().map(|f| f.skew_s).max();
    let min = findings.iter().map(|f| f.skew_s).min();
    if let (Some(max), Some(min)) = (max, min) {
        let spread = max - min;
        let multi = findings.len() >= 2;
        if multi && spread >= WARN_S {
            evidence.extend(hosts_disagree(&findings, max, min));
        } else if multi && spread < NOISE_S && min.abs() >= STRONG_S {
            evidence.push(local_off(&findings, min));
        } else {
            let off = findings.iter().filter(|f| f.skew_s.abs() >= WARN_S);
            evidence.extend(off.map(host_skew));
        }
    }
    ClockSignals { findings, evidence }
}

/// (host, skew in ms) of every dated response of the episode.
fn samples(snap: &Snapshot) -> Vec<(String, i64)> {
    let mut samples: Vec<(String, i64)> = Vec::new();
    let start = snap.episode_start();
    for e in snap.trail.iter().filter(|e| e.in_episode(start)) {
        let (Some(date), Some(rx)) = (e.date.as_deref(), e.received_ms) else {
            continue;
        };
        let Some(server_ms) = http_date_ms(date) else {
            continue;
        };
        let host = match Origin::quick_host(&e.url) {
            Some(h) => h.to_owned(),
            None => match Origin::parse(&e.url) {
                Some(o) => o.host,
                None => continue,
            },
        };
        // The server's clock read somewhere in [date, date+1s): take the middle.
        // Saturating: `received_ms` is input, and may be any i64.
        let skew_ms = rx.saturating_sub(server_ms + 500);
        samples.push((host, skew_ms));
    }
    samples
}

/// Each host's median skew, the largest first.
fn findings(mut samples: Vec<(String, i64)>) -> Vec<ClockFinding> {
    // Sorted by host, then skew: each host's samples are a run, in order.
    crate::order::sort(&mut samples);
    let mut findings: Vec<ClockFinding> = samples
        .chunk_by(|a, b| a.0 == b.0)
        .filter_map(|v| {
            let host = &v.first()?.0;
            let median = v.get(v.len() / 2).map_or(0, |s| s.1);
            Some(ClockFinding {
                host: crate::redact::host(host),
                skew_s: (median as f64 / 1000.0).round() as i64,
                samples: u32::try_from(v.len()).unwrap_or(u32::MAX),
            })
        })
        .collect();
    crate::order::sort_by(&mut findings, |a, b| {
        b.skew_s
            .abs()
            .cmp(&a.skew_s.abs())
            .then(a.host.cmp(&b.host))
    });
    findings
}

fn ev(rule: Rule, subject: Subject, detail: String, cause: Option<Cause>, weight: f32) -> Evidence {
    Evidence::new(Source::Clock, rule, detail, weight)
        .about(subject)
        .blaming(cause)
}

/// `clock.hosts_disagree`: hosts disagree with each other, so one of the
/// servers is off, whatever the local clock says.
fn hosts_disagree(findings: &[ClockFinding], max: i64, min: i64) -> Option<Evidence> {
    let hi = findings.iter().find(|f| f.skew_s == max)?;
    let lo = findings.iter().find(|f| f.skew_s == min)?;
    let spread = max - min;
    let detail = format!(
        "the clocks of {} and {} differ by {spread} s (Date headers)",
        crate::redact::host(&hi.host),
        crate::redact::host(&lo.host),
    );
    let weight = if spread >= STRONG_S { 0.9 } else { 0.6 };
    let cause = Some(Cause::ClockSkew);
    Some(ev(
        Rule::ClockHostsDisagree,
        Subject::None,
        detail,
        cause,
        weight,
    ))
}

/// `clock.local_off`: every host agrees and the local clock is the odd one
/// out.
fn local_off(findings: &[ClockFinding], min: i64) -> Evidence {
    let detail = format!(
        "this computer's clock is {} s {} all {} hosts (they agree with each other)",
        min.abs(),
        if min > 0 { "ahead of" } else { "behind" },
        findings.len()
    );
    let key = if min > 0 {
        "ev.local_clock_ahead"
    } else {
        "ev.local_clock_behind"
    };
    let hosts = i64::try_from(findings.len()).unwrap_or(i64::MAX);
    let said = Msg::new(key).num("secs", min.abs()).num("hosts", hosts);
    ev(Rule::ClockLocalOff, Subject::None, detail, None, 0.4).saying(said)
}

/// `clock.host_skew` (or `clock.host_skew_small` under [`STRONG_S`]): a
/// host's clock off by more than TOTP tolerates.
fn host_skew(f: &ClockFinding) -> Evidence {
    let strong = f.skew_s.abs() >= STRONG_S;
    let rule = if strong {
        Rule::ClockHostSkew
    } else {
        Rule::ClockHostSkewSmall
    };
    let host = crate::redact::host(&f.host);
    let detail = format!(
        "{}'s clock is {} s {} this computer's (Date header, {} response{}); \
         TOTP tolerates about 30 s",
        host,
        f.skew_s.abs(),
        if f.skew_s > 0 { "behind" } else { "ahead of" },
        f.samples,
        if f.samples == 1 { "" } else { "s" }
    );
    let weight = if strong { 0.85 } else { 0.45 };
    let key = if f.skew_s > 0 {
        "ev.host_clock_behind"
    } else {
        "ev.host_clock_ahead"
    };
    let said = Msg::new(key).text("host", host).num("secs", f.skew_s.abs());
    let subject = Subject::Host(f.host.clone());
    ev(rule, subject, detail, Some(Cause::ClockSkew), weight).saying(said)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snapshot::TrailEvent;

    /// Any number a report may hold formats or is refused: none panics.
    #[test]
    fn http_dates_only_for_the_years_they_can_name() {
        assert_eq!(
            http_date(1_795_000_000_000).as_deref(),
            Some("Wed, 18 Nov 2026 11:06:40 GMT")
        );
        assert_eq!(
            http_date(253_402_300_799_999).as_deref(),
            Some("Fri, 31 Dec 9999 23:59:59 GMT")
        );
        for ms in [253_402_300_800_000, i64::MAX, -1, i64::MIN] {
            assert_eq!(http_date(ms), None, "{ms}");
        }
        assert_eq!(
            http_date(0).as_deref(),
            Some("Thu, 01 Jan 1970 00:00:00 GMT")
        );
    }

    fn ev(url: &str, date: &str, rx: i64) -> TrailEvent {
        TrailEvent {
            url: url.into(),
            date: Some(date.into()),
            received_ms: Some(rx),
            ..Default::default()
        }
    }

    /// Each clock finding carries its parts (host, seconds, hosts), and
    /// the message says in English what the detail says.
    #[test]
    fn clock_findings_are_said_from_their_parts() {
        let f = |host: &str, skew_s| ClockFinding {
            host: host.into(),
            skew_s,
            samples: 2,
        };
        let said = |e: Evidence| e.said.map(|m| (m.key, m.english()));
        assert_eq!(
            said(host_skew(&f("a.example", 300))),
            Some((
                "ev.host_clock_behind",
                "A server's clock is off, so codes and sign-in times are judged wrong \
                 (a.example's clock is 300 s behind this computer's)."
                    .to_owned()
            ))
        );
        assert_eq!(
            said(host_skew(&f("a.example", -45))).map(|s| s.0),
            Some("ev.host_clock_ahead")
        );
        let both = [f("a.example", 600), f("b.example", 600)];
        assert_eq!(
            said(local_off(&both, 600)),
            Some((
                "ev.local_clock_ahead",
                "This computer's clock is 600 s ahead of all 2 hosts.".to_owned()
            ))
        );
        assert_eq!(
            said(local_off(&both, -90)).map(|s| s.0),
            Some("ev.local_clock_behind")
        );
    }

    #[test]
    fn single_host_ten_minutes_off() {
        let date = "Thu, 26 Nov 2026 10:00:00 GMT";
        let base = http_date_ms(date).unwrap();
        let snap = Snapshot {
            url: "https://id.example.org/".into(),
            trail: vec![ev("https://id.example.org/login", date, base + 600_500)],
            ..Default::default()
        };
        let c = analyze(&snap);
        assert_eq!(c.findings[0].skew_s, 600);
        assert_eq!(c.evidence[0].rule, Rule::ClockHostSkew);
    }

    #[test]
    fn hosts_disagree() {
        let date = "Thu, 26 Nov 2026 10:00:00 GMT";
        let base = http_date_ms(date).unwrap();
        let snap = Snapshot {
            url: "https://id.example.org/".into(),
            trail: vec![
                ev("https://id.example.org/login", date, base + 500),
                ev("https://gw.example.org/", date, base + 300_500),
            ],
            ..Default::default()
        };
        let c = analyze(&snap);
        assert_eq!(c.evidence[0].rule, Rule::ClockHostsDisagree);
    }
}
