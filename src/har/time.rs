//! The few formats a HAR writes times and bodies in.

/// `2026-11-29T15:04:05.123Z`, `…+01:00`, `…+0100`, `… 15:04:05` (no zone:
/// UTC) → Unix milliseconds and the zone's offset in minutes, if it had one.
pub fn parse_iso8601(s: &str) -> Option<(i64, Option<i32>)> {
    let s = s.trim();
    let num = |a: usize, b: usize| -> Option<i64> {
        let t = s.get(a..b)?;
        t.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| t.parse().ok())?
    };
    let (y, mo, d) = (num(0, 4)?, num(5, 7)?, num(8, 10)?);
    if s.get(4..5)? != "-" || s.get(7..8)? != "-" || !matches!(s.get(10..11)?, "T" | "t" | " ") {
        return None;
    }
    let (h, mi, sec) = (num(11, 13)?, num(14, 16)?, num(17, 19)?);
    if !(1..=12).contains(&mo) || !(1..=31).contains(&d) || h > 23 || mi > 59 || sec > 60 {
        return None;
    }
    let mut rest = s.get(19..)?;
    let mut ms = 0i64;
    if let Some(frac) = rest.strip_prefix(['.', ',']) {
        let n = frac.bytes().take_while(u8::is_ascii_digit).count();
        let digits = frac.get(..n)?;
        let padded: String = digits.chars().chain("000".chars()).take(3).collect();
        ms = padded.parse().ok()?;
        rest = frac.get(n..)?;
    }
    let offset = match rest {
        "" => None,
        "Z" | "z" => Some(0),
        _ => {
            let sign = match rest.get(..1)? {
                "+" => 1,
                "-" => -1,
                _ => return None,
            };
            let digits: String = rest.get(1..)?.chars().filter(|c| *c != ':').collect();
            if digits.len() != 4 || !digits.bytes().all(|c| c.is_ascii_digit()) {
                return None;
            }
            let oh: i32 = digits.get(..2)?.parse().ok()?;
            let om: i32 = digits.get(2..)?.parse().ok()?;
            Some(sign * (oh * 60 + om))
        }
    };
    let days = crate::signals::clock::days_from_civil(y, mo, d);
    let local = ((days * 24 + h) * 60 + mi) * 60 + sec;
    let utc = local - i64::from(offset.unwrap_or(0)) * 60;
    Some((utc * 1000 + ms, offset))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_in_the_forms_hars_use() {
        let z = parse_iso8601("2026-11-29T15:04:05.123Z").unwrap();
        assert_eq!(z, (1_795_964_645_123, Some(0)));
        assert_eq!(
            parse_iso8601("2026-11-29T16:04:05.123+01:00").unwrap().0,
            z.0
        );
        assert_eq!(
            parse_iso8601("2026-11-29T16:04:05.123456+0100").unwrap(),
            (z.0, Some(60))
        );
        assert_eq!(
            parse_iso8601("2026-11-29T10:04:05.1234-05:00").unwrap().0,
            z.0
        );
        assert_eq!(
            parse_iso8601("2026-11-29 15:04:05").unwrap(),
            (z.0 - 123, None)
        );
        for bad in [
            "",
            "2026-11-29",
            "yesterday",
            "2026-13-01T00:00:00Z",
            "2026-11-29T15:04:05+1",
            "2026-11-29T15:04:05Q",
        ] {
            assert!(parse_iso8601(bad).is_none(), "{bad}");
        }
        assert_eq!(
            crate::signals::clock::http_date(z.0).unwrap(),
            "Sun, 29 Nov 2026 15:04:05 GMT"
        );
    }
}
