//! Just enough calendar arithmetic to age-check `as_of` dates, without a date crate.

use std::time::{SystemTime, UNIX_EPOCH};

/// Days since 1970-01-01 for a `YYYY-MM-DD` date, or `None` when it is not one.
pub fn parse_ymd(text: &str) -> Option<i64> {
    let mut parts = text.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    // Digits only: `parse` would also take a sign, so `+026-11-23` passed as a year.
    if ![y, m, d]
        .iter()
        .all(|p| p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let (y, m, d): (i64, i64, i64) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let month_len = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    if !(1..=12).contains(&m) || d < 1 || d > month_len[usize::try_from(m - 1).ok()?] {
        return None;
    }
    Some(days_from_civil(y, m, d))
}

/// Howard Hinnant's days-from-civil algorithm.
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Today as days since 1970-01-01 (UTC).
pub fn today() -> i64 {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    i64::try_from(secs / 86_400).unwrap_or(0)
}

/// Today's date as `YYYY-MM-DD` (UTC).
pub fn today_ymd() -> String {
    civil_from_days(today())
}

/// `YYYY-MM-DD` for days since 1970-01-01.
pub fn civil_from_days(z: i64) -> String {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Days from a `YYYY-MM-DD` date until `today` (negative when in the future).
pub fn days_since(date: &str, today: i64) -> Option<i64> {
    parse_ymd(date).map(|d| today - d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_formats_round_trip() {
        for date in ["1970-01-01", "2000-02-29", "2026-11-23", "2099-12-31"] {
            let days = parse_ymd(date).expect("valid date");
            assert_eq!(civil_from_days(days), date);
        }
        assert_eq!(parse_ymd("1970-01-02"), Some(1));
    }

    #[test]
    fn rejects_impossible_dates() {
        for bad in [
            "2026-02-30",
            "2025-02-29",
            "2026-13-01",
            "26-01-01",
            "2026-1-01",
            "soon",
            "+026-11-23",
            "-026-11-23",
            "2026-+1-23",
            "2026-11-+3",
            " 026-11-23",
        ] {
            assert_eq!(parse_ymd(bad), None, "{bad}");
        }
    }

    #[test]
    fn counts_days_since() {
        let today = parse_ymd("2026-11-23").expect("valid");
        assert_eq!(days_since("2025-11-23", today), Some(365));
    }
}
