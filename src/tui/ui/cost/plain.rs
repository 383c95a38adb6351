//! The chart's lines without colour: each service's line drawn cell by cell in its letter, and
//! `*` in a cell two or more lines pass through. Drawing letters one line over another (as a
//! canvas layer per line does) left runs such as `AAAA` where lines ran together, hiding the
//! others; here every line stays visible or is marked as shared.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::axes::{Bounds, cell};
use super::chart::Series;
use super::legend::OVERLAP;

/// `y` on the line through `points` (sorted by x) at `x`; none outside its points.
fn at(points: &[(f64, f64)], x: f64) -> Option<f64> {
    const EPS: f64 = 1e-9;
    let (first, last) = (points.first()?, points.last()?);
    if x < first.0 - EPS || x > last.0 + EPS {
        return None;
    }
    if points.len() == 1 {
        return Some(first.1);
    }
    points.windows(2).find_map(|w| {
        let ((x0, y0), (x1, y1)) = (w[0], w[1]);
        (x >= x0 - EPS && x <= x1 + EPS).then(|| {
            let t = if (x1 - x0).abs() < EPS {
                0.0
            } else {
                (x - x0) / (x1 - x0)
            };
            y0 + t * (y1 - y0)
        })
    })
}

/// Which series pass through each cell of a `width` × `height` grid, as bit masks, row 0 at
/// the top. A steep stretch fills the rows between one column and the next, so lines stay
/// unbroken.
pub fn grid(series: &[Series], bounds: Bounds, width: u16, height: u16) -> Vec<Vec<u16>> {
    let (w, h) = (usize::from(width), usize::from(height));
    let mut grid = vec![vec![0u16; w]; h];
    for (i, s) in series.iter().enumerate().take(16) {
        let mut previous: Option<u16> = None;
        for col in 0..width {
            let x = bounds.x[0]
                + (bounds.x[1] - bounds.x[0]) * f64::from(col) / f64::from(width.max(2) - 1);
            let Some(y) = at(&s.points, x) else {
                previous = None;
                continue;
            };
            let row = cell(y, bounds.y, height);
            let (low, high) = match previous {
                Some(p) if p < row => (p + 1, row),
                Some(p) if p > row => (row, p - 1),
                _ => (row, row),
            };
            for r in low..=high {
                grid[h - 1 - usize::from(r)][usize::from(col)] |= 1 << i;
            }
            previous = Some(row);
        }
    }
    grid
}

pub fn draw(series: &[Series], bounds: Bounds, plot: Rect, buf: &mut Buffer) {
    let grid = grid(series, bounds, plot.width, plot.height);
    for (y, row) in (plot.y..).zip(&grid) {
        for (x, &mask) in (plot.x..).zip(row) {
            let glyph = match mask.count_ones() {
                0 => continue,
                1 => series
                    .get(mask.trailing_zeros() as usize)
                    .map_or('?', |s| s.letter),
                _ => OVERLAP,
            };
            buf.set_string(x, y, glyph.to_string(), Style::new());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(letter: char, points: Vec<(f64, f64)>) -> Series<'static> {
        Series {
            name: "",
            points,
            style: Style::new(),
            letter,
        }
    }

    #[test]
    fn crossing_lines_share_only_the_cells_they_cross_in() {
        let bounds = Bounds {
            x: [0.0, 1.0],
            y: [0.0, 1.0],
        };
        let rising = line('R', vec![(0.0, 0.0), (1.0, 1.0)]);
        let flat = line('F', vec![(0.0, 0.5), (1.0, 0.5)]);
        let grid = grid(&[rising, flat], bounds, 11, 11);
        let shared = grid.iter().flatten().filter(|m| m.count_ones() > 1).count();
        assert_eq!(shared, 1, "{grid:?}");
        // Each line is unbroken: every column has a cell of each.
        for bit in [1u16, 2] {
            for col in 0..11 {
                assert!(grid.iter().any(|row| row[col] & bit != 0), "{bit} at {col}");
            }
        }
    }

    #[test]
    fn a_line_stops_where_its_points_stop() {
        let bounds = Bounds {
            x: [0.0, 1.0],
            y: [0.0, 1.0],
        };
        let half = line('H', vec![(0.0, 0.2), (0.5, 0.2)]);
        let grid = grid(&[half], bounds, 11, 5);
        assert!(grid.iter().all(|row| row[10] == 0));
        assert!(grid.iter().any(|row| row[0] != 0));
    }
}
