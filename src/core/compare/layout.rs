//! How the comparison table is sized for a width: the attribute column, the service columns that
//! fit, the horizontal scroll, and each row wrapped to those widths.

use std::ops::Range;

use super::{MISSING, Row, Table};
use crate::text;

/// How a view wants the table sized. The layout reserves the widths; drawing the gap and the
/// marker is the view's business.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sizing {
    /// Cells between the attribute column and each service column (a border or spaces).
    pub gap: usize,
    /// Cells in front of each label for a "differs" marker such as `≠ ` (or `←≠→ `, which
    /// says where, when columns scroll: see [`super::diff_mark`]).
    pub marker: usize,
    /// Narrowest useful service column; fewer columns are shown (and the rest scroll) below it.
    pub min_column: usize,
    /// Widest the attribute column gets, marker included, however long a label is.
    pub max_label: usize,
}

impl Sizing {
    /// For an interactive view that can scroll sideways: columns stay readable.
    pub const SCROLLING: Sizing = Sizing {
        gap: 3,
        marker: 4,
        min_column: 18,
        max_label: 24,
    };
    /// For printed text, which cannot scroll: fit four services in 80 columns.
    pub const PRINTED: Sizing = Sizing {
        gap: 2,
        marker: 2,
        min_column: 10,
        max_label: 20,
    };
}

/// Widths for one drawing of the table: the attribute column stays at the left, followed by
/// as many service columns from `first` as fit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    /// Width of the attribute column, marker included.
    pub label: usize,
    pub marker: usize,
    pub gap: usize,
    /// Index of the first visible service column (the horizontal scroll offset).
    pub first: usize,
    /// Widths of the visible service columns, from `first`.
    pub widths: Vec<usize>,
    /// The largest useful offset: from it on, the last column is visible.
    pub max_offset: usize,
    /// How many service columns the table has.
    pub columns: usize,
}

/// A row wrapped to a layout: its label lines and the lines of each visible cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrappedRow {
    /// The label wrapped to the label column minus the marker.
    pub label: Vec<String>,
    /// One entry per visible column.
    pub cells: Vec<Vec<String>>,
    /// Lines the row takes: the tallest of its label and cells.
    pub height: usize,
}

impl Layout {
    pub(super) fn new(table: &Table, width: usize, sizing: Sizing, offset: usize) -> Layout {
        let columns = table.columns.len();
        let longest = table
            .rows
            .iter()
            .map(|r| text::width(&r.label))
            .max()
            .unwrap_or(0)
            + sizing.marker;
        // The attribute column never takes more than a third of the width, so at least one
        // service column always has room.
        let label = longest.min(sizing.max_label).min(width / 3).max(1);
        let room = width.saturating_sub(label);
        let per_column = sizing.min_column + sizing.gap;
        let fit = (room / per_column.max(1)).clamp(1, columns.max(1));
        let max_offset = columns.saturating_sub(fit);
        let first = offset.min(max_offset);
        let shown = fit.min(columns - first.min(columns));
        let mut widths = Vec::with_capacity(shown);
        if shown > 0 {
            let space = room.saturating_sub(sizing.gap * shown);
            let (each, extra) = (space / shown, space % shown);
            widths.extend((0..shown).map(|i| (each + usize::from(i < extra)).max(1)));
        }
        Layout {
            label,
            marker: sizing.marker.min(label.saturating_sub(1)),
            gap: sizing.gap,
            first,
            widths,
            max_offset,
            columns,
        }
    }

    /// Indices of the visible service columns.
    pub fn visible(&self) -> Range<usize> {
        self.first..self.first + self.widths.len()
    }

    /// Whether every column is visible at once.
    pub fn shows_all(&self) -> bool {
        self.widths.len() == self.columns
    }

    /// Whether columns are hidden to the left or to the right (for scroll hints).
    pub fn more_left(&self) -> bool {
        self.first > 0
    }

    pub fn more_right(&self) -> bool {
        self.visible().end < self.columns
    }

    /// The width the table actually takes; never more than the width it was laid out for
    /// unless that width was too small for one cell per column.
    pub fn total_width(&self) -> usize {
        self.label + self.widths.iter().map(|w| w + self.gap).sum::<usize>()
    }

    /// Where visible column `column` (an index into the table's columns) starts, counted from
    /// the table's left edge, after its gap.
    pub fn x(&self, column: usize) -> Option<usize> {
        let i = column.checked_sub(self.first)?;
        if i >= self.widths.len() {
            return None;
        }
        Some(self.label + self.widths[..i].iter().map(|w| w + self.gap).sum::<usize>() + self.gap)
    }

    /// Width of table column `column`, if visible.
    pub fn width_of(&self, column: usize) -> Option<usize> {
        self.widths.get(column.checked_sub(self.first)?).copied()
    }

    /// A label wrapped to the label column, without the marker.
    pub fn wrap_label(&self, label: &str) -> Vec<String> {
        text::wrap(label, self.label - self.marker)
    }

    /// One row wrapped: label and visible cells.
    pub fn wrap_row(&self, row: &Row) -> WrappedRow {
        let label = self.wrap_label(&row.label);
        let cells: Vec<Vec<String>> = self
            .visible()
            .zip(&self.widths)
            .map(|(c, &w)| {
                row.cells
                    .get(c)
                    .map_or_else(|| vec![MISSING.to_owned()], |cell| cell.wrap(w))
            })
            .collect();
        let height = cells
            .iter()
            .map(Vec::len)
            .chain([label.len()])
            .max()
            .unwrap_or(1);
        WrappedRow {
            label,
            cells,
            height,
        }
    }

    /// The header of each visible column: its name, its id, and with a recommendation its
    /// standing and main reason, each wrapped to the column.
    pub fn wrap_headers(&self, table: &Table) -> Vec<Vec<String>> {
        self.visible()
            .zip(&self.widths)
            .filter_map(|(c, &w)| {
                let column = table.columns.get(c)?;
                let mut lines = text::wrap(&column.name, w);
                lines.extend(text::wrap(&column.id, w));
                if let Some(standing) = &column.standing {
                    lines.extend(text::wrap(&standing.headline(), w));
                    if let Some(reason) = standing.reason() {
                        lines.extend(text::wrap(reason, w));
                    }
                }
                Some(lines)
            })
            .collect()
    }
}
