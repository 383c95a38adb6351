//! Fitting a dollar amount into a column: exact when there is room, else rounded with a visible
//! `~`, never cut (a `$164.00` cut to `$16` reads as a true, wrong amount).

use super::units::{format_count, format_money};

/// The mark a rounded amount starts with; the screen that shows one says what it means.
pub const ROUNDED: char = '~';

/// An amount as it fits a width.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fitted {
    pub text: String,
    /// Rounded to fit (the text starts with [`ROUNDED`]); exact to the cent otherwise.
    pub rounded: bool,
}

/// `dollars` in at most `width` cells: `$1,234.56` when it fits, else `~$1,235`, else `~$1.2k`
/// (two significant figures with k, M, B, T). `None` when not even that fits: the caller must
/// make room rather than cut it.
pub fn fit_money(dollars: f64, width: usize) -> Option<Fitted> {
    let exact = format_money(dollars);
    if exact.chars().count() <= width {
        return Some(Fitted {
            text: exact,
            rounded: false,
        });
    }
    let sign = if dollars < 0.0 { "-" } else { "" };
    let whole = format_money(dollars.abs().round());
    let whole = whole.strip_suffix(".00").unwrap_or(&whole);
    let compact = format!("${}", format_count(dollars.abs()));
    [whole, compact.as_str()]
        .into_iter()
        .map(|text| format!("{ROUNDED}{sign}{text}"))
        .find(|text| text.chars().count() <= width)
        .map(|text| Fitted {
            text,
            rounded: true,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fit(dollars: f64, width: usize) -> Option<String> {
        fit_money(dollars, width).map(|f| f.text)
    }

    #[test]
    fn exact_to_the_cent_when_there_is_room() {
        let f = fit_money(164.0, 7).expect("fits");
        assert_eq!(f.text, "$164.00");
        assert!(!f.rounded);
        assert_eq!(fit(1_234.56, 20).as_deref(), Some("$1,234.56"));
        assert_eq!(fit(0.0, 5).as_deref(), Some("$0.00"));
    }

    #[test]
    fn rounds_with_a_mark_when_narrow() {
        // Whole dollars first, then two significant figures: each says it is rounded.
        let f = fit_money(1_234.56, 7).expect("fits");
        assert_eq!(f.text, "~$1,235");
        assert!(f.rounded);
        assert_eq!(fit(1_234.56, 6).as_deref(), Some("~$1.2k"));
        assert_eq!(fit(164.0, 6).as_deref(), Some("~$164"));
        assert_eq!(fit(2_500_000.0, 6).as_deref(), Some("~$2.5M"));
        assert_eq!(fit(-80.59, 5).as_deref(), Some("~-$81"));
    }

    #[test]
    fn never_cuts_digits() {
        // Too narrow for any honest form: nothing, never `$16` for $164.00.
        assert_eq!(fit(164.0, 3), None);
        assert_eq!(fit(80.59, 2), None);
        for dollars in [0.5, 9.99, 80.59, 164.0, 1e3, 12_345.67, 9.87e6, 4.2e9] {
            for width in 0..16 {
                let Some(f) = fit_money(dollars, width) else {
                    continue;
                };
                assert!(f.text.chars().count() <= width, "{f:?} in {width}");
                if f.rounded {
                    assert!(f.text.starts_with(ROUNDED), "{f:?}");
                } else {
                    assert_eq!(f.text, format_money(dollars));
                }
            }
        }
    }
}
