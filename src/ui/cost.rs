//! The Cost tab: the workload as an editable form, each service's monthly estimate as a bar,
//! and cost against monthly requests on logarithmic axes with the break-even points marked and
//! named. Region, price date and "estimate only" are always on screen.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Style};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Block, Borders, Chart, Dataset, GraphType, Paragraph, Widget};

use super::theme::Theme;
use crate::app::{App, CostView, FormRow};
use crate::cost::{Field, format_money};
use crate::text::{width, wrap};

const FORM_WIDTH: u16 = 34;
/// Costs below a cent are drawn at a cent, so the log axis has a floor.
const FLOOR: f64 = 0.01;
const SERIES_COLOURS: [Color; 7] = [
    Color::Yellow,
    Color::Cyan,
    Color::Green,
    Color::Magenta,
    Color::Blue,
    Color::Red,
    Color::White,
];
/// Without colour, each line gets its own marker.
const SERIES_MARKERS: [Marker; 7] = [
    Marker::Dot,
    Marker::Block,
    Marker::Bar,
    Marker::HalfBlock,
    Marker::Braille,
    Marker::Dot,
    Marker::Block,
];

pub fn draw(app: &App, theme: Theme, area: Rect, buf: &mut Buffer) {
    let view = &app.cost;
    let [top, bottom] = Layout::vertical([Constraint::Length(12), Constraint::Min(4)]).areas(area);
    let [form, bars] =
        Layout::horizontal([Constraint::Length(FORM_WIDTH), Constraint::Min(20)]).areas(top);
    draw_form(view, theme, form, buf);
    draw_bars(view, theme, bars, buf);
    // On short screens the chart keeps its rows and only the first break-even is named.
    let sentences = if area.height < 30 { 1 } else { 3 };
    let notes = notes(view, theme, usize::from(area.width), sentences);
    let notes_height = u16::try_from(notes.len())
        .unwrap_or(2)
        .min(bottom.height / 2);
    let [chart, notes_area] =
        Layout::vertical([Constraint::Min(3), Constraint::Length(notes_height)]).areas(bottom);
    draw_chart(view, theme, chart, buf);
    Paragraph::new(notes).render(notes_area, buf);
}

fn draw_form(view: &CostView, theme: Theme, area: Rect, buf: &mut Buffer) {
    let mut lines = vec![Line::styled(" Your workload", theme.heading())];
    for (i, row) in FormRow::all().enumerate() {
        let focused = i == view.focus;
        let (label, value) = match row {
            FormRow::Number(field) => {
                let text = view.texts.get(i).cloned().unwrap_or_default();
                let shown = if focused { format!("{text}▏") } else { text };
                (short_label(field), shown)
            }
            FormRow::Switch(toggle) => {
                let on = toggle.get(&view.inputs);
                (
                    toggle.label(),
                    if on {
                        "[x] on".into()
                    } else {
                        "[ ] off".into()
                    },
                )
            }
        };
        let marker = if focused { "›" } else { " " };
        let style = if focused {
            theme.selected()
        } else {
            Style::default()
        };
        let text = format!("{marker}{label:<17}{value}");
        let pad = usize::from(area.width).saturating_sub(width(&text));
        lines.push(Line::styled(format!("{text}{:pad$}", ""), style));
    }
    Paragraph::new(lines).render(area, buf);
}

fn short_label(field: Field) -> &'static str {
    match field {
        Field::Requests => "Requests/month",
        Field::Duration => "Duration",
        Field::Memory => "Memory",
        Field::Vcpu => "vCPUs",
        Field::HoursPerDay => "Hours a day",
        Field::PerTaskConcurrency => "At once per task",
    }
}

/// One bar per service at the current inputs, cheapest first.
fn draw_bars(view: &CostView, theme: Theme, area: Rect, buf: &mut Buffer) {
    let block = Block::new()
        .borders(Borders::LEFT)
        .border_style(theme.dim());
    let inner = block.inner(area);
    block.render(area, buf);
    let Some(estimate) = &view.estimate else {
        return;
    };
    let mut lines = vec![Line::styled(" Monthly estimate", theme.heading())];
    if let Some(error) = &view.error {
        lines.push(Line::styled(format!(" {error}"), theme.negative()));
        lines.push(Line::styled(
            " (showing the last values that worked)",
            theme.dim(),
        ));
    }
    let max = estimate
        .services
        .iter()
        .filter_map(|s| s.total)
        .fold(0.0, f64::max);
    let name_width = 18;
    let amount_width = 11;
    let bar_room = usize::from(inner.width).saturating_sub(name_width + amount_width + 3);
    for (i, s) in estimate.services.iter().enumerate() {
        let name = short_name(&s.name);
        match s.total {
            Some(total) => {
                let cells = if max > 0.0 {
                    (total / max * bar_room as f64).round() as usize
                } else {
                    0
                };
                let mark = if i == 0 { "★" } else { " " };
                lines.push(Line::from(vec![
                    Span::raw(format!("{mark}{name:<name_width$}")),
                    Span::styled(
                        format!("{:>amount_width$} ", format_money(total)),
                        theme.heading(),
                    ),
                    Span::styled(
                        "█".repeat(cells.max(usize::from(total > 0.0))),
                        theme.positive(),
                    ),
                ]));
            }
            None => {
                let reason = s.reason.clone().unwrap_or_else(|| "does not fit".into());
                let room = usize::from(inner.width).saturating_sub(name_width + 1);
                let first = wrap(&format!("does not fit: {reason}"), room)
                    .into_iter()
                    .next()
                    .unwrap_or_default();
                lines.push(Line::from(vec![
                    Span::raw(format!(" {name:<name_width$}")),
                    Span::styled(first, theme.dim()),
                ]));
            }
        }
    }
    Paragraph::new(lines).render(inner, buf);
}

/// Service names without the vendor prefix, to fit the bars.
fn short_name(name: &str) -> &str {
    name.strip_prefix("Amazon ")
        .or_else(|| name.strip_prefix("AWS "))
        .unwrap_or(name)
}

/// Cost against requests, both axes logarithmic, one line per service, break-evens marked.
fn draw_chart(view: &CostView, theme: Theme, area: Rect, buf: &mut Buffer) {
    let Some(sweep) = &view.sweep else {
        return;
    };
    let log = |v: f64| v.max(FLOOR).log10();
    let series: Vec<Vec<(f64, f64)>> = (0..sweep.services.len())
        .map(|i| {
            sweep
                .points
                .iter()
                .filter_map(|p| {
                    p.totals
                        .get(i)
                        .copied()
                        .flatten()
                        .map(|t| (p.requests.log10(), log(t)))
                })
                .collect()
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
    let y_max = series
        .iter()
        .flatten()
        .map(|p| p.1)
        .fold(0.0, f64::max)
        .ceil()
        .max(1.0);
    let y_min = log(FLOOR);
    let mut datasets: Vec<Dataset> = series
        .iter()
        .enumerate()
        .map(|(i, points)| {
            let style = if theme.colour {
                Style::new().fg(SERIES_COLOURS[i % 7])
            } else {
                Style::new()
            };
            let marker = if theme.colour {
                Marker::Braille
            } else {
                SERIES_MARKERS[i % 7]
            };
            Dataset::default()
                .name(short_name(&sweep.names[i]).to_owned())
                .marker(marker)
                .graph_type(GraphType::Line)
                .style(style)
                .data(points)
        })
        .collect();
    datasets.push(
        Dataset::default()
            .name("break-even")
            .marker(Marker::Dot)
            .graph_type(GraphType::Scatter)
            .style(theme.heading())
            .data(&crossings),
    );
    let x_labels: Vec<Span> = [x_min, (x_min + x_max) / 2.0, x_max]
        .iter()
        .map(|&x| Span::raw(crate::cost::format_count(10f64.powf(x))))
        .collect();
    let y_labels: Vec<Span> = [y_min, (y_min + y_max) / 2.0, y_max]
        .iter()
        .map(|&y| Span::raw(compact_money(10f64.powf(y))))
        .collect();
    Chart::new(datasets)
        .block(Block::new().title(Line::styled(
            " Monthly cost against requests per month (both axes logarithmic)",
            theme.heading(),
        )))
        .x_axis(
            Axis::default()
                .bounds([x_min, x_max])
                .labels(x_labels)
                .style(theme.dim()),
        )
        .y_axis(
            Axis::default()
                .bounds([y_min, y_max])
                .labels(y_labels)
                .style(theme.dim()),
        )
        .legend_position(Some(ratatui::widgets::LegendPosition::TopLeft))
        // Show the legend whenever it fits at all: the lines are unreadable without it.
        .hidden_legend_constraints((Constraint::Ratio(1, 1), Constraint::Ratio(1, 1)))
        .render(area, buf);
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

/// Break-even sentences and the assumptions every number rests on.
fn notes(view: &CostView, theme: Theme, width: usize, sentences: usize) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for sentence in view.break_evens.iter().take(sentences) {
        for l in wrap(sentence, width.saturating_sub(3)) {
            lines.push(Line::raw(format!(" ◆ {l}")));
        }
    }
    if view.break_evens.len() > sentences {
        lines.push(Line::styled(
            format!(
                " … and {} more break-evens (computepick cost lists them all)",
                view.break_evens.len() - sentences
            ),
            theme.dim(),
        ));
    }
    let footer = format!(
        " Estimate only · {} prices as of {} · 730 h a month · values take units: 10M, 200ms, 512MB",
        view.model.region(),
        view.model.as_of()
    );
    for l in wrap(&footer, width) {
        lines.push(Line::styled(l, theme.dim()));
    }
    lines
}
