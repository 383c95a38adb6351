//! The chart's axes on log scales: a `$` label at each decade of cost (every other one, or
//! fewer, when rows are short), the request counts at decades along the bottom, and the unit on
//! the x axis itself.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::super::theme::Theme;
use crate::cost::format_count;
use crate::text::width;

/// The x axis's unit, drawn on the axis line when it fits.
const X_UNIT: &str = " requests/month → ";

/// The chart's bounds in log10 units: x (requests), y (dollars).
#[derive(Debug, Clone, Copy)]
pub struct Bounds {
    pub x: [f64; 2],
    pub y: [f64; 2],
}

/// The cell of `v` among `n` cells spanning `lo..=hi`, from 0.
pub fn cell(v: f64, [lo, hi]: [f64; 2], n: u16) -> u16 {
    let span = (hi - lo).max(f64::EPSILON);
    let max = f64::from(n.saturating_sub(1));
    // In range by the clamp, so the cast cannot truncate.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let cell = (((v - lo) / span) * max).round().clamp(0.0, max) as u16;
    cell
}

/// Where `(x, y)` falls in `plot`, as a column and a row of the buffer.
pub fn position(x: f64, y: f64, bounds: Bounds, plot: Rect) -> (u16, u16) {
    (
        plot.x + cell(x, bounds.x, plot.width),
        plot.bottom() - 1 - cell(y, bounds.y, plot.height),
    )
}

/// The decades within `lo..=hi`, every `step`th from the lowest.
fn decades([lo, hi]: [f64; 2], step: usize) -> Vec<f64> {
    #[allow(clippy::cast_possible_truncation)]
    let (first, last) = (lo.ceil() as i32, hi.floor() as i32);
    (first..=last).step_by(step.max(1)).map(f64::from).collect()
}

/// The y labels: (row, `$` amount), at least two rows apart, every few decades down from the
/// top one, and the bottom one.
pub fn y_labels(bounds: Bounds, plot: Rect) -> Vec<(u16, String)> {
    let row = |d: f64| plot.bottom() - 1 - cell(d, bounds.y, plot.height);
    let all: Vec<f64> = decades(bounds.y, 1).into_iter().rev().collect();
    let every = |step: usize| -> Vec<f64> { all.iter().copied().step_by(step).collect() };
    let step = (1..=all.len().max(1))
        .find(|&s| every(s).windows(2).all(|w| row(w[1]) >= row(w[0]) + 2))
        .unwrap_or(all.len().max(1));
    let mut chosen = every(step);
    // The floor ($0.01) is labelled too, in place of the label just above it if that is close.
    if let (Some(&bottom), Some(&last)) = (all.last(), chosen.last())
        && bottom < last
    {
        if row(bottom) < row(last) + 2 && chosen.len() > 1 {
            chosen.pop();
        }
        chosen.push(bottom);
    }
    chosen
        .into_iter()
        .map(|d| (row(d), money_label(10f64.powf(d))))
        .collect()
}

/// The x labels: (column where the label starts, tick column, count), spaced apart.
fn x_labels(bounds: Bounds, plot: Rect) -> Vec<(u16, u16, String)> {
    let place = |step: usize| -> Vec<(u16, u16, String)> {
        decades(bounds.x, step)
            .into_iter()
            .map(|d| {
                let label = format_count(10f64.powf(d));
                let tick = plot.x + cell(d, bounds.x, plot.width);
                let w = u16::try_from(width(&label)).unwrap_or(u16::MAX);
                let start = tick
                    .saturating_sub(w / 2)
                    .clamp(plot.x, plot.right().saturating_sub(w));
                (start, tick, label)
            })
            .collect()
    };
    (1..=8)
        .map(place)
        .find(|labels| {
            labels.windows(2).all(|w| {
                let end = w[0].0 + u16::try_from(width(&w[0].2)).unwrap_or(u16::MAX);
                end + 2 <= w[1].0
            })
        })
        .unwrap_or_default()
}

/// The gutter's width: the widest y label.
pub fn gutter(labels: &[(u16, String)]) -> u16 {
    let widest = labels.iter().map(|(_, l)| width(l)).max().unwrap_or(0);
    u16::try_from(widest).unwrap_or(0)
}

/// The y labels and ticks, the axis lines, the x ticks and labels, and the x unit.
pub fn draw(y: &[(u16, String)], bounds: Bounds, plot: Rect, theme: Theme, buf: &mut Buffer) {
    let dim = theme.dim();
    let axis_x = plot.x - 1;
    let gutter = gutter(y);
    for row in plot.top()..plot.bottom() {
        buf.set_string(axis_x, row, "│", dim);
    }
    for (row, label) in y {
        let pad = gutter - u16::try_from(width(label)).unwrap_or(0);
        buf.set_string(axis_x - gutter + pad, *row, label, dim);
        buf.set_string(axis_x, *row, "┤", dim);
    }
    let axis_y = plot.bottom();
    buf.set_string(axis_x, axis_y, "└", dim);
    buf.set_string(plot.x, axis_y, "─".repeat(usize::from(plot.width)), dim);
    let labels = x_labels(bounds, plot);
    for (start, tick, label) in &labels {
        buf.set_string(*tick, axis_y, "┬", dim);
        buf.set_string(*start, axis_y + 1, label, dim);
    }
    // The unit on the axis line, right of the middle, when it fits.
    let unit = u16::try_from(width(X_UNIT)).unwrap_or(u16::MAX);
    if plot.width >= unit + 4 {
        let x = plot.right() - unit - 2;
        buf.set_string(x, axis_y, X_UNIT, dim);
    }
}

/// Axis labels: `$0.01`, `$10`, `$100k`; thousands and up as the form's counts are written
/// (`format_count`), so `$2.5M` is never rounded to `$2M`.
pub fn money_label(dollars: f64) -> String {
    match dollars {
        d if d >= 1e3 => format!("${}", format_count(d)),
        d if d >= 1.0 => format!("${d:.0}"),
        d => format!("${d:.2}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_labels_are_compact() {
        assert_eq!(money_label(0.01), "$0.01");
        assert_eq!(money_label(31.6), "$32");
        assert_eq!(money_label(100_000.0), "$100k");
        assert_eq!(money_label(2_500_000.0), "$2.5M");
        assert_eq!(money_label(1e9), "$1B");
    }

    #[test]
    fn tall_plots_label_every_decade_short_ones_fewer() {
        let bounds = Bounds {
            x: [3.0, 10.0],
            y: [-2.0, 5.0],
        };
        let tall = Rect::new(6, 0, 60, 22);
        let labels: Vec<String> = y_labels(bounds, tall).into_iter().map(|l| l.1).collect();
        assert_eq!(
            labels,
            [
                "$100k", "$10k", "$1k", "$100", "$10", "$1", "$0.10", "$0.01"
            ]
        );
        let short = Rect::new(6, 0, 60, 6);
        let labels = y_labels(bounds, short);
        assert!(labels.len() >= 2, "{labels:?}");
        assert!(
            labels.windows(2).all(|w| w[1].0 >= w[0].0 + 2),
            "{labels:?}"
        );
        assert_eq!(labels.first().map(|l| l.1.as_str()), Some("$100k"));
        assert_eq!(labels.last().map(|l| l.1.as_str()), Some("$0.01"));
    }

    #[test]
    fn x_labels_never_touch() {
        let bounds = Bounds {
            x: [3.0, 10.0],
            y: [-2.0, 5.0],
        };
        for width in [20, 40, 54, 120] {
            let labels = x_labels(bounds, Rect::new(6, 0, width, 10));
            assert!(labels.len() >= 2, "{width}: {labels:?}");
            for w in labels.windows(2) {
                assert!(
                    w[0].0 + 2 + w[0].2.len() as u16 <= w[1].0,
                    "{width}: {labels:?}"
                );
            }
        }
    }
}
