//! The Cost tab's chart: monthly cost against monthly requests, both axes logarithmic, one line
//! per service, break-evens marked `◆`, and a legend that is always shown.
//!
//! Drawn on a `Canvas` rather than with `Chart`: `Chart` gives every data set its own canvas
//! layer, which made this the slowest view to draw, and hides its legend when the box does not
//! fit. With colour every line shares one Braille layer and ends in its letter (`L` for
//! Lambda...); without colour each line is drawn with its letter. The legend names the letters,
//! so no meaning rests on colour.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::canvas::{Canvas, Line as Segment, Points};
use ratatui::widgets::{Paragraph, Widget};

use super::theme::{Background, Theme};
use crate::app::CostView;
use crate::cost::format_count;
use crate::text::width;

/// Costs below a cent are drawn at a cent, so the log axis has a floor.
pub const FLOOR: f64 = 0.01;
/// One named colour per line, readable on a dark background...
const SERIES_ON_DARK: [Color; 7] = [
    Color::Yellow,
    Color::Cyan,
    Color::Green,
    Color::Magenta,
    Color::LightBlue,
    Color::LightRed,
    Color::White,
];
/// ...and on a light one, where yellow and white vanish.
const SERIES_ON_LIGHT: [Color; 7] = [
    Color::Red,
    Color::Blue,
    Color::Green,
    Color::Magenta,
    Color::Cyan,
    Color::DarkGray,
    Color::Black,
];
const BREAK_EVEN: char = '◆';
const TITLE: &str = " Monthly cost against requests per month (both axes logarithmic)";
/// Below this the plot would be a smear: the title and legend are drawn, the plot is not.
const MIN_PLOT: (u16, u16) = (12, 3);
/// The fewest rows the chart needs to draw a plot: its title, the plot, and the x axis with its
/// labels. The Cost tab gives it these before any break-even sentence.
pub const MIN_HEIGHT: u16 = 1 + MIN_PLOT.1 + 2;
/// The legend is drawn only when the plot still gets this many rows.
const ROOMY_PLOT: u16 = 5;

/// One service's line, in log-log coordinates.
struct Series<'a> {
    name: &'a str,
    points: Vec<(f64, f64)>,
    style: Style,
    /// Without colour, the letter the line is drawn with.
    letter: char,
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
    let crossings: Vec<(f64, f64)> = view
        .crossings
        .iter()
        .map(|&(r, m)| (r.log10(), log(m)))
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

    // Title, then the legend wrapped to the width when the plot keeps enough rows under it
    // (the estimate's bars above carry the same keys), then the plot with its axes.
    let mut head = vec![Line::styled(TITLE, theme.heading())];
    let legend = legend(&series, theme, usize::from(area.width));
    let legend_rows = u16::try_from(legend.len()).unwrap_or(u16::MAX);
    if area.height >= 1 + legend_rows + 2 + ROOMY_PLOT {
        head.extend(legend);
    }
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

    let y_labels = [y_max, (y_min + y_max) / 2.0, y_min].map(|y| compact_money(10f64.powf(y)));
    let x_labels = [x_min, (x_min + x_max) / 2.0, x_max].map(|x| format_count(10f64.powf(x)));
    let gutter = y_labels.iter().map(|l| width(l)).max().unwrap_or(0) as u16;
    // The plot: right of the labels and the axis, above the x axis and its labels.
    let plot = Rect {
        x: rest.x + gutter + 1,
        y: rest.y,
        width: rest.width.saturating_sub(gutter + 1),
        height: rest.height.saturating_sub(2),
    };
    if plot.width < MIN_PLOT.0 || plot.height < MIN_PLOT.1 {
        return;
    }
    draw_axes(&y_labels, &x_labels, gutter, plot, theme, buf);

    Canvas::default()
        .x_bounds([x_min, x_max])
        .y_bounds([y_min, y_max])
        .marker(if theme.colour {
            Marker::Braille
        } else {
            Marker::Dot
        })
        .paint(|ctx| {
            for s in &series {
                if !theme.colour {
                    // One layer per line: each letter is its own marker.
                    ctx.marker(Marker::Custom(s.letter));
                }
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
            ctx.marker(Marker::Custom(BREAK_EVEN));
            ctx.draw(&Points {
                coords: &crossings,
                color: theme.heading().fg.unwrap_or(Color::Reset),
            });
        })
        .render(plot, buf);
    if theme.colour {
        label_line_ends(&series, [x_min, x_max], [y_min, y_max], plot, buf);
    }
}

/// With colour, each line also ends in its letter, so lines are told apart without relying
/// on colour alone. Letters that would land on one another move to the nearest free row.
fn label_line_ends(
    series: &[Series],
    [x_min, x_max]: [f64; 2],
    [y_min, y_max]: [f64; 2],
    plot: Rect,
    buf: &mut Buffer,
) {
    let cells = |v: f64, lo: f64, hi: f64, n: u16| -> u16 {
        let span = (hi - lo).max(f64::EPSILON);
        let max = f64::from(n.saturating_sub(1));
        // In range by the clamp, so the cast cannot truncate.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let cell = (((v - lo) / span) * max).round().clamp(0.0, max) as u16;
        cell
    };
    let mut taken: Vec<(u16, u16)> = Vec::new();
    for s in series {
        let Some(&(x, y)) = s.points.last() else {
            continue;
        };
        let col = plot.x + cells(x, x_min, x_max, plot.width);
        let row = plot.bottom() - 1 - cells(y, y_min, y_max, plot.height);
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

/// The y labels down the gutter (top, middle, bottom of the plot), the axis lines, and the x
/// labels under the plot (left, centre, right).
fn draw_axes(
    y_labels: &[String; 3],
    x_labels: &[String; 3],
    gutter: u16,
    plot: Rect,
    theme: Theme,
    buf: &mut Buffer,
) {
    let dim = theme.dim();
    let axis_x = plot.x - 1;
    let rows = [plot.y, plot.y + (plot.height - 1) / 2, plot.bottom() - 1];
    for (label, y) in y_labels.iter().zip(rows) {
        buf.set_stringn(axis_x - gutter, y, label, usize::from(gutter), dim);
    }
    for y in plot.top()..plot.bottom() {
        buf.set_string(axis_x, y, "│", dim);
    }
    let axis_y = plot.bottom();
    buf.set_string(axis_x, axis_y, "└", dim);
    buf.set_string(plot.x, axis_y, "─".repeat(usize::from(plot.width)), dim);
    let label_y = axis_y + 1;
    let [left, middle, right] = x_labels;
    let span = usize::from(plot.width);
    buf.set_stringn(plot.x, label_y, left, span, dim);
    let middle_x = plot.x + u16::try_from((span.saturating_sub(width(middle))) / 2).unwrap_or(0);
    buf.set_stringn(middle_x, label_y, middle, span, dim);
    let right_x = plot.right().saturating_sub(width(right) as u16);
    buf.set_stringn(right_x, label_y, right, span, dim);
}

fn series_style(index: usize, theme: Theme) -> Style {
    let palette = match theme.background {
        Background::Dark => SERIES_ON_DARK,
        Background::Light => SERIES_ON_LIGHT,
    };
    if theme.colour {
        Style::new().fg(palette[index % palette.len()])
    } else {
        Style::new()
    }
}

/// How the chart draws service `name` (one of `names`, the sweep's services in order), for
/// a key next to it elsewhere: `─L` in its colour, or its letter without colour.
pub fn key(names: &[String], name: &str, theme: Theme) -> Option<(String, Style)> {
    let index = names.iter().position(|n| n == name)?;
    let letter = letters(names).get(index).copied()?;
    // Two cells either way: a line ending in its letter, as drawn, or the letter alone.
    let sample = if theme.colour {
        format!("─{letter}")
    } else {
        format!("{letter} ")
    };
    Some((sample, series_style(index, theme)))
}

/// `─L Lambda  ─F Fargate  …  ◆ break-even` (or `L Lambda …` without colour), wrapped.
fn legend(series: &[Series], theme: Theme, max: usize) -> Vec<Line<'static>> {
    let mut entries: Vec<Vec<Span<'static>>> = series
        .iter()
        .map(|s| {
            let sample = if theme.colour {
                format!("─{}", s.letter)
            } else {
                s.letter.to_string()
            };
            vec![
                Span::styled(sample, s.style),
                Span::raw(format!(" {}", s.name)),
            ]
        })
        .collect();
    entries.push(vec![
        Span::styled(BREAK_EVEN.to_string(), theme.heading()),
        Span::raw(" break-even"),
    ]);
    let mut lines = Vec::new();
    let mut line: Vec<Span> = vec![Span::raw(" ")];
    let mut used = 1;
    for entry in entries {
        let w: usize = entry.iter().map(Span::width).sum::<usize>() + 2;
        if used + w > max && used > 1 {
            lines.push(Line::from(std::mem::take(&mut line)));
            line.push(Span::raw(" "));
            used = 1;
        }
        line.extend(entry);
        line.push(Span::raw("  "));
        used += w;
    }
    lines.push(Line::from(line));
    lines
}

/// Each service's letter for drawing without colour: the first letter of its short name not
/// taken by an earlier service, else the first free letter of the alphabet.
fn letters(names: &[String]) -> Vec<char> {
    let mut taken: Vec<char> = Vec::new();
    for name in names {
        let candidates = short_name(name)
            .chars()
            .filter(char::is_ascii_alphabetic)
            .map(|c| c.to_ascii_uppercase())
            .chain('A'..='Z');
        let letter = candidates
            .into_iter()
            .find(|c| !taken.contains(c))
            .unwrap_or('?');
        taken.push(letter);
    }
    taken
}

/// Service names without the vendor prefix, to fit the legend and the bars.
pub fn short_name(name: &str) -> &str {
    name.strip_prefix("Amazon ")
        .or_else(|| name.strip_prefix("AWS "))
        .unwrap_or(name)
}

/// Axis labels: `$0.01`, `$32`, `$100k`.
fn compact_money(dollars: f64) -> String {
    match dollars {
        d if d >= 1e6 => format!("${:.0}M", d / 1e6),
        d if d >= 1e3 => format!("${:.0}k", d / 1e3),
        d if d >= 1.0 => format!("${d:.0}"),
        d => format!("${d:.2}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_service_gets_its_own_letter() {
        let names: Vec<String> = [
            "AWS Lambda",
            "AWS Fargate",
            "Amazon ECS on EC2",
            "Amazon EKS",
            "AWS Batch",
            "Amazon Lightsail",
            "AWS Elastic Beanstalk",
        ]
        .map(String::from)
        .to_vec();
        let letters = letters(&names);
        assert_eq!(letters, ['L', 'F', 'E', 'K', 'B', 'I', 'A']);
    }

    #[test]
    fn money_labels_are_compact() {
        assert_eq!(compact_money(0.01), "$0.01");
        assert_eq!(compact_money(31.6), "$32");
        assert_eq!(compact_money(100_000.0), "$100k");
        assert_eq!(compact_money(2_500_000.0), "$2M");
    }
}
