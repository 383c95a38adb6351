//! Lenient parsing and compact formatting of the estimator's inputs.
//!
//! People type sizes the way they say them: `10M`, `2.5k`, `200ms`, `1.5s`, `512MB`, `1.5GiB`,
//! `250m` vCPU. The same parsers serve the command line and the app's form, so a value is read
//! the same way everywhere, and every rejection says what a good value looks like.

use crate::data::group_thousands;

/// Reads `text` as a number followed by a unit: the longest prefix that parses as a number, then
/// the rest trimmed and lowercased. NaN and infinities are refused here, so no caller sees them.
fn split(text: &str) -> Result<(f64, String), String> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err("is empty".to_owned());
    }
    let cleaned = strip_grouping(trimmed)?;
    let mut cut = None;
    for (i, _) in cleaned.char_indices().skip(1).chain([(cleaned.len(), ' ')]) {
        if cleaned[..i].parse::<f64>().is_ok() {
            cut = Some(i);
        }
    }
    let Some(cut) = cut else {
        return Err("does not start with a number".to_owned());
    };
    let number: f64 = cleaned[..cut]
        .parse()
        .map_err(|_| "is not a number".to_owned())?;
    if number.is_nan() {
        return Err("is not a number".to_owned());
    }
    if number.is_infinite() {
        return Err("is not a finite number".to_owned());
    }
    if number < 0.0 {
        return Err("is negative".to_owned());
    }
    Ok((number, cleaned[cut..].trim().to_owned()))
}

/// Drops thousands separators (`1,000,000`, `1_000_000`) but refuses a comma that cannot be one
/// (`1,5`), since reading it as a decimal point or ignoring it would both silently change the value.
fn strip_grouping(text: &str) -> Result<String, String> {
    let digits_end = text
        .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '_'))
        .unwrap_or(text.len());
    let (number, rest) = text.split_at(digits_end);
    if number.contains(',') {
        let mut groups = number.split(',');
        let first = groups.next().unwrap_or_default();
        let well_formed = !first.is_empty()
            && first.len() <= 3
            && groups.all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()));
        if !well_formed {
            return Err(
                "has a comma that is not a thousands separator; use a point for decimals"
                    .to_owned(),
            );
        }
    }
    Ok(format!("{}{rest}", number.replace([',', '_'], "")))
}

/// Removes the first of `suffixes` that `unit` ends with, so `10M requests/month` reads as `10M`.
fn strip_words<'a>(mut unit: &'a str, suffixes: &[&str]) -> &'a str {
    for suffix in suffixes {
        if let Some(rest) = unit.strip_suffix(suffix) {
            unit = rest.trim_end();
        }
    }
    unit
}

fn with_hint(message: String, hint: &str) -> String {
    format!("{message}; {hint}")
}

/// The largest values the estimator takes: far beyond any real workload, so a value past one is
/// a typo (`1e30`), and refusing it keeps every total a readable number.
///
/// Ten trillion requests a month is about 3.8 million a second, all month.
pub const MAX_REQUESTS: f64 = 1e13;
/// 30 days: one request (or job) longer than a month cannot be priced by the month.
pub const MAX_DURATION_MS: f64 = 30.0 * 24.0 * 3_600e3;
/// 32 TB (TiB), the memory of the largest EC2 instances (u7in-32tb).
pub const MAX_MEMORY_MB: f64 = 32.0 * 1024.0 * 1024.0;
/// 448 vCPUs, as on the largest high-memory EC2 instances (u-24tb1.112xlarge).
pub const MAX_VCPU: f64 = 448.0;
/// A million requests at once in one task.
pub const MAX_PER_TASK_CONCURRENCY: f64 = 1e6;

/// Why `value` is too large for the input `flag` names, or `None` when it is not.
pub(super) fn above_most(field: super::Field, value: f64) -> Option<String> {
    use super::Field;
    let (most, text) = match field {
        Field::Requests => (MAX_REQUESTS, "10T requests a month"),
        Field::Duration => (MAX_DURATION_MS, "30 days"),
        Field::Memory => (MAX_MEMORY_MB, "32 TB"),
        Field::Vcpu => (MAX_VCPU, "448 vCPUs"),
        Field::PerTaskConcurrency => (MAX_PER_TASK_CONCURRENCY, "1,000,000"),
        Field::HoursPerDay => return None,
    };
    (value > most).then(|| format!("is more than the estimator takes ({text} at most)"))
}

/// The error for a unit the parser does not know, worded the same for every field.
fn unknown_unit(typed: &str, hint: &str) -> String {
    with_hint(format!("has an unknown unit \"{typed}\""), hint)
}

/// `value` when it is more than zero and within the field's ceiling ([`at_most`]).
fn positive(field: super::Field, value: f64, hint: &str) -> Result<f64, String> {
    if value <= 0.0 {
        return Err(with_hint("must be more than zero".to_owned(), hint));
    }
    at_most(field, value, hint)
}

/// Refuses `value` past the bound for `field`, with `hint`.
fn at_most(field: super::Field, value: f64, hint: &str) -> Result<f64, String> {
    match above_most(field, value) {
        Some(problem) => Err(with_hint(problem, hint)),
        None => Ok(value),
    }
}

const COUNT_HINT: &str = "give a count such as 10M, 2.5k or 1B";
const DURATION_HINT: &str = "give a duration such as 200ms, 1.5s, 2m or 1h";
const MEMORY_HINT: &str = "give a size such as 512MB, 1GB or 1.5GiB";
const VCPU_HINT: &str = "give vCPUs such as 0.25, 2 or 500m";
const HOURS_HINT: &str = "give hours a day from 0.01 to 24, such as 8 or 24";
/// The fewest hours a day a workload may run: 36 seconds. Fewer would price every request as
/// crammed into an instant (1e-300 printed a 300-digit amount).
pub const MIN_HOURS_PER_DAY: f64 = 0.01;

/// Requests (or invocations, or jobs) per month: `10M`, `2.5k`, `1B`, `1,000,000`, `1e6`.
/// `k`, `m`/`M` and `b`/`B` are thousands, millions and billions (a count is never milli-).
pub fn parse_count(text: &str) -> Result<f64, String> {
    let (number, typed) = split(text).map_err(|e| with_hint(e, COUNT_HINT))?;
    let key = typed.to_lowercase();
    let unit = strip_words(
        &key,
        &[
            "per month",
            "a month",
            "/month",
            "/mo",
            "requests",
            "request",
            "invocations",
            "jobs",
            "reqs",
            "req",
        ],
    );
    let scale = match unit {
        "" => 1.0,
        "k" | "thousand" => 1e3,
        "m" | "mn" | "mil" | "million" => 1e6,
        "b" | "bn" | "billion" => 1e9,
        "t" | "trillion" => 1e12,
        _ => return Err(unknown_unit(&typed, COUNT_HINT)),
    };
    at_most(super::Field::Requests, number * scale, COUNT_HINT)
}

/// Average duration of one request, in milliseconds: `200ms`, `1.5s`, `2m`, `1h`, `250us`.
/// A bare number is refused: whether `200` means milliseconds or seconds is a thousandfold guess.
pub fn parse_duration_ms(text: &str) -> Result<f64, String> {
    let (number, typed) = split(text).map_err(|e| with_hint(e, DURATION_HINT))?;
    let scale = match typed.to_lowercase().as_str() {
        "" => {
            return Err(with_hint(
                "needs a unit (ms, s, m or h)".to_owned(),
                DURATION_HINT,
            ));
        }
        "us" | "µs" | "μs" | "microsecond" | "microseconds" => 1e-3,
        "ms" | "msec" | "millisecond" | "milliseconds" => 1.0,
        "s" | "sec" | "secs" | "second" | "seconds" => 1e3,
        "m" | "min" | "mins" | "minute" | "minutes" => 60e3,
        "h" | "hr" | "hrs" | "hour" | "hours" => 3_600e3,
        _ => return Err(unknown_unit(&typed, DURATION_HINT)),
    };
    positive(super::Field::Duration, number * scale, DURATION_HINT)
}

/// Memory, in MB (MiB, as AWS counts it: 1 GB = 1,024 MB): `512MB`, `1GB`, `1.5GiB`, `512`.
/// A bare number is MB, as Lambda's memory setting is. Units are read without regard to case
/// (`512mb`, `1gb`), except a capital prefix with a small `b` (`Mb`, `Gb`, `Gib`): that is how
/// bits are written, so it is refused rather than read as bytes.
pub fn parse_memory_mb(text: &str) -> Result<f64, String> {
    let (number, typed) = split(text).map_err(|e| with_hint(e, MEMORY_HINT))?;
    if let Some(stem) = typed.strip_suffix('b')
        && matches!(stem, "K" | "M" | "G" | "T" | "Ki" | "Mi" | "Gi" | "Ti")
    {
        return Err(with_hint(
            format!("is in bits (\"{typed}\"); memory is counted in bytes: write {stem}B"),
            MEMORY_HINT,
        ));
    }
    let scale = match typed.to_lowercase().as_str() {
        "k" | "kb" | "kib" => 1.0 / 1024.0,
        "" | "m" | "mb" | "mib" => 1.0,
        "g" | "gb" | "gib" => 1024.0,
        "t" | "tb" | "tib" => 1024.0 * 1024.0,
        _ => return Err(unknown_unit(&typed, MEMORY_HINT)),
    };
    positive(super::Field::Memory, number * scale, MEMORY_HINT)
}

/// vCPUs for one copy of the workload: `0.25`, `2`, `2 vCPU`, or Kubernetes millicores `250m`.
pub fn parse_vcpu(text: &str) -> Result<f64, String> {
    let (number, typed) = split(text).map_err(|e| with_hint(e, VCPU_HINT))?;
    let scale = match typed.to_lowercase().as_str() {
        "" | "vcpu" | "vcpus" | "cpu" | "cpus" | "core" | "cores" => 1.0,
        "m" => 1e-3,
        _ => return Err(unknown_unit(&typed, VCPU_HINT)),
    };
    positive(super::Field::Vcpu, number * scale, VCPU_HINT)
}

/// Hours a day the workload runs: `24` (always on), `8`, `8h`, `8 hours/day`.
pub fn parse_hours_per_day(text: &str) -> Result<f64, String> {
    let (number, typed) = split(text).map_err(|e| with_hint(e, HOURS_HINT))?;
    let key = typed.to_lowercase();
    let unit = strip_words(&key, &["per day", "a day", "/day", "/d"]);
    if !matches!(unit, "" | "h" | "hr" | "hrs" | "hour" | "hours") {
        return Err(unknown_unit(&typed, HOURS_HINT));
    }
    if number <= 0.0 || number > 24.0 {
        return Err(with_hint("is outside a day".to_owned(), HOURS_HINT));
    }
    if number < MIN_HOURS_PER_DAY {
        return Err(with_hint(
            "is less than the estimator takes (0.01 h, 36 seconds a day, at least)".to_owned(),
            HOURS_HINT,
        ));
    }
    Ok(number)
}

/// Requests one task (or one copy of the workload) serves at once: a whole number, at least 1.
pub fn parse_per_task_concurrency(text: &str) -> Result<f64, String> {
    const HINT: &str = "give how many requests one task serves at once, such as 1 or 50";
    let (number, unit) = split(text).map_err(|e| with_hint(e, HINT))?;
    if !unit.is_empty() {
        return Err(unknown_unit(&unit, HINT));
    }
    if number < 1.0 || number.fract() != 0.0 {
        return Err(with_hint(
            "must be a whole number, at least 1".to_owned(),
            HINT,
        ));
    }
    at_most(super::Field::PerTaskConcurrency, number, HINT)
}

/// Trims a fixed-point rendering: `2.50` → `2.5`, `3.00` → `3`. A value that is not zero never
/// prints as `0`: it gets the decimals for two significant digits (`0.000063`).
fn trim(value: f64, decimals: usize) -> String {
    let decimals = if value != 0.0 && value.is_finite() && value.abs() < 0.5 {
        // The position of the first significant digit, plus one more.
        let first = (-value.abs().log10()).floor() as usize + 1;
        decimals.max((first + 1).min(15))
    } else {
        decimals
    };
    let text = format!("{value:.decimals$}");
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        text
    }
}

/// Two significant figures with k/M/B/T: 8412345 → `8.4M`, 38000000 → `38M`, 999 → `999`.
pub fn format_count(count: f64) -> String {
    if !count.is_finite() {
        return count.to_string();
    }
    if count < 1_000.0 {
        return trim(count, if count < 10.0 { 1 } else { 0 });
    }
    const SUFFIXES: [(f64, &str); 4] = [(1e3, "k"), (1e6, "M"), (1e9, "B"), (1e12, "T")];
    let mut index = SUFFIXES
        .iter()
        .rposition(|(scale, _)| count >= *scale)
        .unwrap_or(0);
    loop {
        let (scale, suffix) = SUFFIXES[index];
        let value = count / scale;
        let text = if value < 10.0 {
            trim(value, 1)
        } else {
            trim(value, 0)
        };
        // 999.7k rounds to "1000k": say 1M instead.
        if text == "1000" && index + 1 < SUFFIXES.len() {
            index += 1;
            continue;
        }
        return format!("{text}{suffix}");
    }
}

/// `200 ms`, `1.5 s`, `2 min`, `1.5 h`.
pub fn format_duration_ms(ms: f64) -> String {
    if ms < 1_000.0 {
        format!("{} ms", trim(ms, 3))
    } else if ms < 60_000.0 {
        format!("{} s", trim(ms / 1e3, 3))
    } else if ms < 3_600_000.0 {
        format!("{} min", trim(ms / 60e3, 2))
    } else {
        format!("{} h", trim(ms / 3_600e3, 2))
    }
}

/// `512 MB`, `1 GB`, `1.5 GB` (GB of 1,024 MB, as AWS counts memory).
pub fn format_memory_mb(mb: f64) -> String {
    if mb < 1024.0 {
        format!("{} MB", trim(mb, 2))
    } else {
        format!("{} GB", trim(mb / 1024.0, 2))
    }
}

/// `0.25`, `2`, `16` (vCPUs; the unit is said by the label next to it).
pub fn format_number(value: f64) -> String {
    trim(value, 3)
}

/// A derived quantity, as precise as it is useful: `0.761`, `38.1`, `111,111`.
pub fn format_amount(value: f64) -> String {
    if value >= 1_000.0 {
        group_thousands(value)
    } else if value >= 10.0 {
        trim(value, 1)
    } else {
        trim(value, 3)
    }
}

/// Dollars to the cent with thousands grouped: `$1,234.56`, `$0.00`, `-$3.10`.
pub fn format_money(dollars: f64) -> String {
    let cents = (dollars.abs() * 100.0).round();
    let whole = (cents / 100.0).trunc();
    let frac = cents - whole * 100.0;
    let sign = if dollars < 0.0 && cents > 0.0 {
        "-"
    } else {
        ""
    };
    format!("{sign}${}.{frac:02.0}", group_thousands(whole))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_read_as_people_write_them() {
        assert_eq!(parse_count("10M"), Ok(10e6));
        assert_eq!(parse_count("2.5k"), Ok(2_500.0));
        assert_eq!(parse_count("1B"), Ok(1e9));
        assert_eq!(parse_count("1,000,000"), Ok(1e6));
        assert_eq!(parse_count("1_000"), Ok(1e3));
        assert_eq!(parse_count("1e6"), Ok(1e6));
        assert_eq!(parse_count(" 3 million requests/month "), Ok(3e6));
        assert_eq!(parse_count("0"), Ok(0.0));
        assert!(parse_count("1,5").is_err());
        assert!(parse_count("-5").is_err_and(|e| e.contains("negative")));
        assert!(parse_count("NaN").is_err_and(|e| e.contains("not a number")));
        assert!(parse_count("inf").is_err_and(|e| e.contains("finite")));
        assert!(parse_count("10X").is_err_and(|e| e.contains("\"X\"")));
        assert!(parse_count("").is_err_and(|e| e.contains("empty")));
        assert_eq!(parse_count("10T"), Ok(1e13));
        assert!(parse_count("1e30").is_err_and(|e| e.contains("10T requests a month at most")));
    }

    #[test]
    fn absurd_sizes_are_refused() {
        assert_eq!(parse_duration_ms("720h"), Ok(MAX_DURATION_MS));
        assert!(parse_duration_ms("721h").is_err_and(|e| e.contains("30 days at most")));
        assert_eq!(parse_memory_mb("32TB"), Ok(MAX_MEMORY_MB));
        assert!(parse_memory_mb("33TB").is_err_and(|e| e.contains("32 TB at most")));
        assert_eq!(parse_vcpu("448"), Ok(448.0));
        assert!(parse_vcpu("449").is_err_and(|e| e.contains("448 vCPUs at most")));
        assert!(parse_per_task_concurrency("2000000").is_err());
    }

    #[test]
    fn durations_need_a_unit() {
        assert_eq!(parse_duration_ms("200ms"), Ok(200.0));
        assert_eq!(parse_duration_ms("1.5s"), Ok(1_500.0));
        assert_eq!(parse_duration_ms("2m"), Ok(120_000.0));
        assert_eq!(parse_duration_ms("1h"), Ok(3_600_000.0));
        assert_eq!(parse_duration_ms("250 us"), Ok(0.25));
        assert!(parse_duration_ms("200").is_err_and(|e| e.contains("needs a unit")));
        assert!(parse_duration_ms("0s").is_err());
    }

    #[test]
    fn memory_is_counted_in_mebibytes() {
        assert_eq!(parse_memory_mb("512MB"), Ok(512.0));
        assert_eq!(parse_memory_mb("1GB"), Ok(1024.0));
        assert_eq!(parse_memory_mb("1.5GiB"), Ok(1536.0));
        assert_eq!(parse_memory_mb("512"), Ok(512.0));
        assert!(parse_memory_mb("12XB").is_err());
        // Casual lower case is bytes; a capital prefix with a small b is bits, and refused.
        assert_eq!(parse_memory_mb("512mb"), Ok(512.0));
        assert_eq!(parse_memory_mb("1gb"), Ok(1024.0));
        assert!(
            parse_memory_mb("1Gb").is_err_and(|e| e.contains("bits") && e.contains("write GB"))
        );
        assert!(parse_memory_mb("512Mb").is_err_and(|e| e.contains("write MB")));
        assert!(parse_memory_mb("1Gib").is_err_and(|e| e.contains("write GiB")));
    }

    #[test]
    fn small_amounts_keep_significant_digits() {
        assert_eq!(format_amount(0.000_063_4), "0.000063");
        assert_eq!(format_number(0.0001), "0.0001");
        assert_eq!(format_amount(0.761), "0.761");
        assert_eq!(format_number(0.25), "0.25");
        assert_eq!(format_amount(0.0), "0");
        assert_eq!(format_duration_ms(0.0004), "0.0004 ms");
    }

    #[test]
    fn vcpus_and_hours() {
        assert_eq!(parse_vcpu("0.25"), Ok(0.25));
        assert_eq!(parse_vcpu("250m"), Ok(0.25));
        assert_eq!(parse_vcpu("2 vCPU"), Ok(2.0));
        assert!(parse_vcpu("0").is_err());
        assert_eq!(parse_hours_per_day("8h"), Ok(8.0));
        assert_eq!(parse_hours_per_day("24"), Ok(24.0));
        assert!(parse_hours_per_day("25").is_err());
        assert!(parse_hours_per_day("0").is_err());
        assert_eq!(parse_hours_per_day("0.01"), Ok(0.01));
        for tiny in ["1e-300", "0.001", "5e-3"] {
            let err = parse_hours_per_day(tiny).expect_err(tiny);
            assert!(err.contains("at least"), "{err}");
        }
    }

    #[test]
    fn compact_formats() {
        assert_eq!(format_count(8_412_345.0), "8.4M");
        assert_eq!(format_count(38_000_000.0), "38M");
        assert_eq!(format_count(999.0), "999");
        assert_eq!(format_count(999_700.0), "1M");
        assert_eq!(format_count(2.5e9), "2.5B");
        assert_eq!(format_duration_ms(200.0), "200 ms");
        assert_eq!(format_duration_ms(1_500.0), "1.5 s");
        assert_eq!(format_memory_mb(1536.0), "1.5 GB");
        assert_eq!(format_money(1234.567), "$1,234.57");
        assert_eq!(format_money(0.004), "$0.00");
        assert_eq!(format_money(-3.1), "-$3.10");
    }
}
