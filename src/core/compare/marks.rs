//! Where a row's difference lies when only some columns are in view. A row marked plain `≠`
//! whose visible cells agree sends the reader looking for a difference that is not there: the
//! mark says which side the differing column is scrolled off to.

use std::ops::Range;

use super::Cell;

/// How a row's difference shows through the visible columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiffMark {
    /// Every service says the same.
    Same,
    /// The visible cells themselves differ.
    Here,
    /// The visible cells agree; a column scrolled off to the left differs.
    Left,
    /// The visible cells agree; a column scrolled off to the right differs.
    Right,
    /// The visible cells agree; columns off to both sides differ.
    Both,
}

impl DiffMark {
    /// The mark, `≠` always in its second cell so marks line up: ` ≠`, `←≠`, ` ≠→`, `←≠→`.
    pub fn symbol(self) -> &'static str {
        match self {
            DiffMark::Same => "",
            DiffMark::Here => " ≠",
            DiffMark::Left => "←≠",
            DiffMark::Right => " ≠→",
            DiffMark::Both => "←≠→",
        }
    }
}

/// The mark for a row's `cells` (one per column) when columns `visible` are in view; cells
/// compare as [`super::Row::differs`] compares them.
pub fn diff_mark(cells: &[Cell], visible: Range<usize>) -> DiffMark {
    let seen: Vec<_> = cells.iter().map(Cell::normalized).collect();
    let start = visible.start.min(seen.len());
    let end = visible.end.clamp(start, seen.len());
    let Some(shown) = seen.get(start..end).and_then(<[_]>::first) else {
        // Nothing in view: all that can be said is whether the row differs.
        return if seen.windows(2).any(|w| w[0] != w[1]) {
            DiffMark::Here
        } else {
            DiffMark::Same
        };
    };
    if seen[start..end].iter().any(|c| c != shown) {
        return DiffMark::Here;
    }
    let left = seen[..start].iter().any(|c| c != shown);
    let right = seen[end..].iter().any(|c| c != shown);
    match (left, right) {
        (false, false) => DiffMark::Same,
        (true, false) => DiffMark::Left,
        (false, true) => DiffMark::Right,
        (true, true) => DiffMark::Both,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fact(value: &str) -> Cell {
        Cell::Fact {
            value: value.into(),
            short: None,
            source: "https://example.com".into(),
            as_of: "2026-12-02".into(),
        }
    }

    fn row(values: &[&str]) -> Vec<Cell> {
        values.iter().map(|v| fact(v)).collect()
    }

    #[test]
    fn visible_cells_that_differ_are_marked_here() {
        let cells = row(&["15 minutes", "no limit", "no limit", "no limit"]);
        assert_eq!(diff_mark(&cells, 0..2), DiffMark::Here);
        assert_eq!(diff_mark(&cells, 0..4), DiffMark::Here);
        assert_eq!(DiffMark::Here.symbol(), " ≠");
    }

    #[test]
    fn a_difference_off_screen_points_to_its_side() {
        let cells = row(&["15 minutes", "no limit", "no limit", "no limit"]);
        assert_eq!(diff_mark(&cells, 2..4), DiffMark::Left);
        assert_eq!(diff_mark(&cells, 1..2), DiffMark::Left);
        let cells = row(&["no limit", "no limit", "no limit", "15 minutes"]);
        assert_eq!(diff_mark(&cells, 0..2), DiffMark::Right);
        assert_eq!(diff_mark(&cells, 1..3), DiffMark::Right);
        let cells = row(&["yes", "no", "no", "yes"]);
        assert_eq!(diff_mark(&cells, 1..3), DiffMark::Both);
        assert_eq!(diff_mark(&cells, 2..3), DiffMark::Both);
        assert_eq!(DiffMark::Right.symbol(), " ≠→");
        assert_eq!(DiffMark::Left.symbol(), "←≠");
        assert_eq!(DiffMark::Both.symbol(), "←≠→");
    }

    #[test]
    fn rows_that_agree_everywhere_are_unmarked() {
        let cells = row(&["No limit.", "no  limit", "NO LIMIT"]);
        for visible in [0..1, 0..2, 1..3, 0..3] {
            assert_eq!(diff_mark(&cells, visible), DiffMark::Same);
        }
        assert_eq!(DiffMark::Same.symbol(), "");
    }

    #[test]
    fn a_missing_cell_differs_and_odd_ranges_do_not_panic() {
        let cells = vec![fact("no limit"), Cell::Missing];
        assert_eq!(diff_mark(&cells, 0..1), DiffMark::Right);
        assert_eq!(diff_mark(&cells, 1..2), DiffMark::Left);
        assert_eq!(diff_mark(&cells, 5..9), DiffMark::Here);
        assert_eq!(diff_mark(&cells, 1..1), DiffMark::Here);
        assert_eq!(diff_mark(&[], 0..2), DiffMark::Same);
    }
}
