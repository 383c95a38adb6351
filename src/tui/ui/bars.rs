//! Score bars for the result screen: each ranked service's score as a run of block characters,
//! so the gaps are seen rather than read. Length carries the meaning (no colour needed).
//!
//! Scale: the top score fills the bar; the bar starts at zero, or at the lowest score when
//! some are negative (the scorer adds signed weights, so scores can go below zero). A service
//! at that start has an empty bar and keeps its number. Eighth blocks make a one-point gap
//! visible even on a short bar.

/// The eighth blocks from one eighth to a full cell.
const EIGHTHS: [char; 8] = ['▏', '▎', '▍', '▌', '▋', '▊', '▉', '█'];

/// Where the bars start and what fills them, for a set of scores: `(zero or the lowest
/// score if below zero, the top score)`.
pub fn scale(scores: impl IntoIterator<Item = i32>) -> (i32, i32) {
    scores
        .into_iter()
        .fold((0, i32::MIN), |(low, top), s| (low.min(s), top.max(s)))
}

/// How many eighths of a cell `score` fills on a bar `cells` wide, on the scale `(low, top)`
/// from [`scale`]: none at `low`, all of them at `top`, rounded to the nearest eighth.
pub fn eighths(score: i32, (low, top): (i32, i32), cells: usize) -> usize {
    let full = cells.saturating_mul(8);
    let span = i64::from(top) - i64::from(low);
    if span <= 0 {
        // Every score is the same: each one is the top.
        return if score >= top { full } else { 0 };
    }
    let above = (i64::from(score) - i64::from(low)).clamp(0, span);
    let full = i64::try_from(full).unwrap_or(i64::MAX);
    let filled = (above.saturating_mul(full) + span / 2) / span;
    usize::try_from(filled).unwrap_or(0)
}

/// The bar for a number of eighths: full blocks, then the partial one.
pub fn text(eighths: usize) -> String {
    let mut bar: String = std::iter::repeat_n(EIGHTHS[7], eighths / 8).collect();
    if let Some(part) = (eighths % 8).checked_sub(1) {
        bar.push(EIGHTHS[part]);
    }
    bar
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_top_fills_the_bar_and_zero_draws_nothing() {
        let s = scale([12, 6, 0]);
        assert_eq!(s, (0, 12));
        assert_eq!(eighths(12, s, 10), 80);
        assert_eq!(eighths(6, s, 10), 40);
        assert_eq!(eighths(0, s, 10), 0);
        assert_eq!(text(eighths(12, s, 3)), "███");
        assert_eq!(text(0), "");
    }

    #[test]
    fn a_one_point_gap_shows_as_a_shorter_bar() {
        let s = scale([11, 10]);
        // 10/11 of 20 cells is 145.45 eighths: 18 full cells and a part.
        assert_eq!(eighths(10, s, 20), 145);
        assert_eq!(text(145), format!("{}▏", "█".repeat(18)));
        assert!(eighths(10, s, 20) < eighths(11, s, 20));
    }

    #[test]
    fn negative_scores_start_the_bar_at_the_lowest() {
        let s = scale([11, 4, -5]);
        assert_eq!(s, (-5, 11));
        assert_eq!(eighths(-5, s, 16), 0);
        assert_eq!(eighths(11, s, 16), 128);
        // Zero sits five sixteenths of the way along.
        assert_eq!(eighths(0, s, 16), 40);
        // All below zero: the lowest is the start and the top still fills the bar.
        let s = scale([-2, -5]);
        assert_eq!(s, (-5, -2));
        assert_eq!(eighths(-2, s, 4), 32);
        assert_eq!(eighths(-5, s, 4), 0);
    }

    #[test]
    fn equal_scores_all_fill_and_nothing_overflows() {
        let s = scale([3, 3]);
        assert_eq!(eighths(3, s, 5), 40);
        assert_eq!(eighths(i32::MAX, scale([i32::MAX, i32::MIN]), 4), 32);
        assert_eq!(eighths(i32::MIN, scale([i32::MAX, i32::MIN]), 4), 0);
        assert_eq!(eighths(5, (0, 5), 0), 0);
        // Outside the scale is clamped to it.
        assert_eq!(eighths(9, (0, 5), 2), 16);
        assert_eq!(text(9), "█▏");
    }
}
