//! The core's HTTP dates (`src/signals/clock.rs`) against the `httpdate`
//! crate, the reference they replaced: the same readings of the three forms
//! RFC 9110 names, the same text for every time a date can name, and no
//! panic on any input.

// Test code: a panic is a failed check, so unwrap and indexing are fine here.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use auth_triage::signals::clock::{http_date, http_date_ms};
use proptest::prelude::*;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// 9999-12-31T23:59:59Z, the last second an HTTP date can name.
const LAST_S: u64 = 253_402_300_799;
const DAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONTHS: [&str; 13] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Foo",
];

fn reference(s: &str) -> Option<i64> {
    let t = httpdate::parse_http_date(s).ok()?;
    Some(t.duration_since(UNIX_EPOCH).ok()?.as_secs() as i64 * 1000)
}

fn time(secs: u64) -> SystemTime {
    UNIX_EPOCH + Duration::from_secs(secs)
}

/// The fields of an IMF-fixdate: day, month, year, hh:mm:ss.
fn fields(imf: &str) -> Vec<String> {
    imf.split([' ', ','])
        .filter(|w| !w.is_empty())
        .skip(1)
        .take(4)
        .map(str::to_owned)
        .collect()
}

/// One date in the three forms: IMF-fixdate, RFC 850 and asctime.
fn forms(wday: usize, day: u32, mon: usize, year: u32, h: u32, m: u32, s: u32) -> [String; 3] {
    let (full, short) = (DAYS[wday], &DAYS[wday][..3]);
    let mon = MONTHS[mon];
    [
        format!("{short}, {day:02} {mon} {year:04} {h:02}:{m:02}:{s:02} GMT"),
        format!(
            "{full}, {day:02}-{mon}-{:02} {h:02}:{m:02}:{s:02} GMT",
            year % 100
        ),
        format!("{short} {mon} {day:>2} {h:02}:{m:02}:{s:02} {year:04}"),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 4000, ..ProptestConfig::default() })]

    /// Every second from 1970 to 9999 formats as `httpdate` formats it, and
    /// reads back, in each of the three forms.
    #[test]
    fn every_date_formats_and_reads_back(secs in 0..=LAST_S, ms in 0u64..1000) {
        let text = http_date((secs * 1000 + ms) as i64).unwrap();
        let want = httpdate::fmt_http_date(time(secs));
        prop_assert_eq!(&text, &want);
        prop_assert_eq!(http_date_ms(&text), Some(secs as i64 * 1000));
        let f = fields(&text);
        let wday = DAYS.iter().position(|d| text.starts_with(&d[..3])).unwrap();
        let mon = MONTHS.iter().position(|m| *m == f[1]).unwrap();
        let [h, m, s]: [u32; 3] = f[3]
            .split(':')
            .map(|p| p.parse().unwrap())
            .collect::<Vec<_>>()
            .try_into()
            .unwrap();
        let year: u32 = f[2].parse().unwrap();
        for form in forms(wday, f[0].parse().unwrap(), mon, year, h, m, s) {
            // RFC 850's two digits name 1970-2069 only.
            if form.contains('-') && !(1970..2070).contains(&year) {
                continue;
            }
            prop_assert_eq!(reference(&form), Some(secs as i64 * 1000), "{}", form);
            prop_assert_eq!(http_date_ms(&form), Some(secs as i64 * 1000), "{}", form);
        }
    }

    /// Dates with any field out of range, or a weekday of another day: what
    /// `httpdate` reads, the core reads the same; what the core reads names
    /// the fields written; and what it refuses, `httpdate` refuses too. (The
    /// core does not check the weekday, which is the one way they differ.)
    #[test]
    fn out_of_range_fields_are_refused_as_httpdate_refuses_them(
        wday in 0usize..7, day in 0u32..=33, mon in 0usize..13, year in 1960u32..=10_000,
        h in 0u32..=25, m in 0u32..=61, s in 0u32..=61, form in 0usize..3,
    ) {
        let text = forms(wday, day, mon, year, h, m, s)[form].clone();
        let ours = http_date_ms(&text);
        if let Some(r) = reference(&text) {
            prop_assert_eq!(ours, Some(r), "{}", &text);
        }
        match ours {
            Some(t) => {
                let f = fields(&http_date(t).unwrap());
                let y = if form == 1 { f[2][2..].to_owned() } else { f[2].clone() };
                let read = format!("{} {} {} {}", f[0].trim_start_matches('0'), f[1], y, f[3]);
                let written = format!(
                    "{} {} {} {h:02}:{m:02}:{s:02}",
                    day, MONTHS[mon], if form == 1 { format!("{:02}", year % 100) } else { format!("{year:04}") }
                );
                prop_assert_eq!(read, written, "{}", &text);
            }
            None => {
                // Refused: so is it with the right weekday, by httpdate.
                for w in 0..7 {
                    let other = forms(w, day, mon, year, h, m, s)[form].clone();
                    prop_assert_eq!(reference(&other), None, "{}", other);
                }
            }
        }
    }

    /// Any text, and text near a date's shape: no panic, and what
    /// `httpdate` reads the core reads the same.
    #[test]
    fn any_text_reads_or_is_refused(
        text in prop_oneof![
            ".{0,40}",
            "[A-Za-z]{3,9},? [0-9 ]{1,3}[ -][A-Z][a-z]{2}[ -][0-9]{2,5} [0-9:]{5,9}( GMT| UTC)?",
        ]
    ) {
        let ours = http_date_ms(&text);
        if let Some(r) = reference(&text) {
            prop_assert_eq!(ours, Some(r), "{}", &text);
        }
        if let Some(t) = ours {
            prop_assert!(http_date(t).is_some());
        }
    }
}

/// The forms browsers read in cookies and servers send, and ones no date is.
#[test]
fn cookie_forms_and_non_dates() {
    let t = Some(784_111_777_000);
    for ok in [
        "Sun, 06 Nov 1994 08:49:37 GMT",
        "  Sun, 06 Nov 1994 08:49:37 GMT\t",
        "Sunday, 06-Nov-94 08:49:37 GMT",
        "Sun Nov  6 08:49:37 1994",
        // The Netscape cookie form, with dashes and four digits.
        "Sun, 06-Nov-1994 08:49:37 GMT",
    ] {
        assert_eq!(http_date_ms(ok), t, "{ok}");
    }
    for bad in [
        "",
        "GMT",
        "Sun, 06 Nov 1994 08:49:37 PST",
        "Sun, 06 Nov 1994 08:49:37 +0000",
        "Sun, 06 Nov 1994 08:49 GMT",
        "Sun, 06 Nov 1994 8:49:37 GMT",
        "Sun, 06 Nov 1994 08:49:37:01 GMT",
        "Sun, 06 Nov 1994 08:49:37 08:49:37 GMT",
        "Sun, 06 Nov Nov 1994 08:49:37 GMT",
        "Sun, 06 Nov 1994 08:49:37 GMT GMT",
        "Sun, 31 Nov 1994 08:49:37 GMT",
        "Sun, 29 Feb 2100 08:49:37 GMT",
        "Sun, 06 Nov 1969 08:49:37 GMT",
        "Sun, 06 Nov 19940 08:49:37 GMT",
        "Sun, +6 Nov 1994 08:49:37 GMT",
        "Sun, 06 nov 1994 08:49:37 GMT",
        "Sun, 06 Nov 1994 24:00:00 GMT",
        "Sun, 06 Nov 1994 23:60:00 GMT",
        "Sun, 06 Nov 1994 23:59:60 GMT",
        "06 Nov 1994 08:49:37 GMT",
        "Sün, 06 Nov 1994 08:49:37 GMT",
        "1730000000",
    ] {
        assert_eq!(http_date_ms(bad), None, "{bad}");
    }
    assert_eq!(
        http_date_ms("Tue, 29 Feb 2000 00:00:00 GMT"),
        Some(951_782_400_000)
    );
}
