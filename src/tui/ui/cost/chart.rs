//! The Cost tab's chart: monthly cost against monthly requests, both axes logarithmic, one line
//! per service, break-evens marked `◆`, and a legend.
//!
//! With colour every line shares one Braille `Canvas` layer (one layer per data set, as `Chart`
//! draws them, made this the slowest view) and ends in its letter. Without colour each line is
//! drawn cell by cell with its letter, and a cell two lines share shows `*`, so no line
//! overwrites another into a run of one letter. Break-evens too close to tell apart get one
//! marker; the sentences under the chart name them all.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::Marker;
use ratatui::text::Line;
use ratatui::widgets::canvas::{Canvas, Line as Segment, Points};
use ratatui::widgets::{Paragraph, Widget};

use super::super::theme::Theme;
use super::axes::{self, Bounds};
use super::legend::{BREAK_EVEN, legend, letters, series_style};
use crate::app::CostView;
use crate::text::short_name;
use crate::text::width;

/// Costs below a cent are drawn at a cent, so the log axis has a floor.
pub const FLOOR: f64 = 0.01;
const TITLE: &str = " Monthly cost ($) against requests per month, both axes logarithmic";
const SHORT_TITLE: &str = " Monthly cost ($) against requests/month, log scales";
/// Below this the plot would be a smear: the title and legend are drawn, the plot is not.
const MIN_PLOT: (u16, u16) = (12, 4);
/// Rows under the plot: the x axis and its labels.
const UNDER: u16 = 2;

/// One service's line, in log-log coordinates.
pub struct Series<'a> {
    pub name: &'a str,
    pub points: Vec<(f64, f64)>,
    pub style: Style,
    /// Without colour, the letter the line is drawn with.
    pub letter: char,
}

/// The rows the chart needs at `width` for a plot worth reading: title, legend, plot, axis.
pub fn min_height(view: &CostView, theme: Theme, width: u16) -> u16 {
    let legend_rows = view.sweep.as_ref().map_or(0, |sweep| {
        let letters = letters(&sweep.names);
        let entries: Vec<(char, &str, Style)> = sweep
            .names
            .iter()
            .zip(letters)
            .map(|(n, l)| (l, short_name(n), Style::new()))
            .collect();
        legend(&entries, theme, usize::from(width)).len()
    });
    1 + u16::try_from(legend_rows).unwrap_or(u16::MAX) + MIN_PLOT.1 + UNDER
}

pub fn draw(view: &CostView, theme: Theme, area: Rect, buf: &mut Buffer) {
    let Some(sweep) = &view.sweep else {
        return;
    };
    if area.height == 0 {
        return;
    }
    let log = |v: f64| v.max(FLOOR).log10();
    let letters = letters(&sweep.names);
    let series: Vec<Series> = sweep
        .names
        .iter()
        .enumerate()
        .map(|(i, name)| Series {
            name: short_name(name),
            points: sweep
                .points
                .iter()
                .filter_map(|p| {
                    let total = p.totals.get(i).copied().flatten()?;
                    Some((p.requests.log10(), log(total)))
                })
                .collect(),
            style: series_style(i, theme),
            letter: letters.get(i).copied().unwrap_or('?'),
        })
        .collect();
    let (x_min, x_max) = sweep
        .points
        .iter()
        .map(|p| p.requests.log10())
        .fold((f64::MAX, f64::MIN), |(lo, hi), x| (lo.min(x), hi.max(x)));
    let y_min = log(FLOOR);
    let y_max = series
        .iter()
        .flat_map(|s| &s.points)
        .map(|p| p.1)
        .fold(0.0, f64::max)
        .ceil()
        .max(y_min + 1.0);
    let bounds = Bounds {
        x: [x_min, x_max],
        y: [y_min, y_max],
    };

    // Title, then the legend wrapped to the width (without it the letters mean nothing), then
    // the plot with its axes.
    let title = if width(TITLE) <= usize::from(area.width) {
        TITLE
    } else {
        SHORT_TITLE
    };
    let mut head = vec![Line::styled(title, theme.heading())];
    let entries: Vec<(char, &str, Style)> =
        series.iter().map(|s| (s.letter, s.name, s.style)).collect();
    head.extend(legend(&entries, theme, usize::from(area.width)));
    let head_height = u16::try_from(head.len())
        .unwrap_or(u16::MAX)
        .min(area.height);
    Paragraph::new(head).render(
        Rect {
            height: head_height,
            ..area
        },
        buf,
    );
    let rest = Rect {
        y: area.y + head_height,
        height: area.height - head_height,
        ..area
    };
    // The gutter is as wide as the labels the plot's height allows; the labels' rows depend
    // only on the height, so a first guess at the width is enough.
    let height = rest.height.saturating_sub(UNDER);
    let probe = Rect { height, ..rest };
    let gutter = axes::gutter(&axes::y_labels(bounds, probe));
    let plot = Rect {
        x: rest.x + gutter + 1,
        y: rest.y,
        width: rest.width.saturating_sub(gutter + 1),
        height,
    };
    if plot.width < MIN_PLOT.0 || plot.height < MIN_PLOT.1 {
        return;
    }
    axes::draw(&axes::y_labels(bounds, plot), bounds, plot, theme, buf);
    if theme.colour {
        draw_braille(&series, bounds, plot, buf);
        label_line_ends(&series, bounds, plot, buf);
    } else {
        super::plain::draw(&series, bounds, plot, buf);
    }
    mark_break_evens(view, bounds, plot, theme, buf);
}

fn draw_braille(series: &[Series], bounds: Bounds, plot: Rect, buf: &mut Buffer) {
    Canvas::default()
        .x_bounds(bounds.x)
        .y_bounds(bounds.y)
        .marker(Marker::Braille)
        .paint(|ctx| {
            for s in series {
                let colour = s.style.fg.unwrap_or(Color::Reset);
                ctx.draw(&Points {
                    coords: &s.points,
                    color: colour,
                });
                for pair in s.points.windows(2) {
                    ctx.draw(&Segment::new(
                        pair[0].0, pair[0].1, pair[1].0, pair[1].1, colour,
                    ));
                }
            }
        })
        .render(plot, buf);
}

/// `◆` where lines cross; one that would touch a marker already drawn is left out (its
/// sentence under the chart still names it).
fn mark_break_evens(view: &CostView, bounds: Bounds, plot: Rect, theme: Theme, buf: &mut Buffer) {
    let log = |v: f64| v.max(FLOOR).log10();
    let mut drawn: Vec<(u16, u16)> = Vec::new();
    for &(requests, monthly) in &view.crossings {
        let (col, row) = axes::position(requests.log10(), log(monthly), bounds, plot);
        let crowded = drawn
            .iter()
            .any(|&(c, r)| c.abs_diff(col) <= 2 && r.abs_diff(row) <= 1);
        if !crowded {
            drawn.push((col, row));
            buf.set_string(col, row, BREAK_EVEN.to_string(), theme.heading());
        }
    }
}

/// With colour, each line also ends in its letter, so lines are told apart without relying
/// on colour alone. Letters that would land on one another move to the nearest free row.
fn label_line_ends(series: &[Series], bounds: Bounds, plot: Rect, buf: &mut Buffer) {
    let mut taken: Vec<(u16, u16)> = Vec::new();
    for s in series {
        let Some(&(x, y)) = s.points.last() else {
            continue;
        };
        let (col, row) = axes::position(x, y, bounds, plot);
        // The nearest free cell: this column first, then the ones to its left.
        let free = (0..plot.width.min(8))
            .filter_map(|dx| col.checked_sub(dx).filter(|c| *c >= plot.x))
            .flat_map(|c| {
                (0..plot.height)
                    .flat_map(move |d| [row.checked_sub(d), row.checked_add(d)])
                    .flatten()
                    .filter(|r| (plot.top()..plot.bottom()).contains(r))
                    .map(move |r| (c, r))
            })
            .find(|cell| !taken.contains(cell));
        if let Some((c, r)) = free {
            taken.push((c, r));
            buf.set_string(
                c,
                r,
                s.letter.to_string(),
                s.style.add_modifier(Modifier::BOLD),
            );
        }
    }
}
