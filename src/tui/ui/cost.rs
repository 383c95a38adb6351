//! The Cost tab: the workload as an editable form, each service's monthly estimate as a bar,
//! and cost against monthly requests on logarithmic axes with the break-even points marked and
//! named. Region, price date and "estimate only" are always on screen.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget};

use super::cost_chart::{key, short_name};
use super::theme::Theme;
use crate::app::{App, Clickable, CostView, FormRow, ViewState};
use crate::cost::{Field, Toggle, format_money};
use crate::text::{width, wrap};

const FORM_WIDTH: u16 = 34;
/// The form's height on screens too short for all of it (the height it had with 10 rows).
const SHORT_FORM_HEIGHT: u16 = 12;

pub fn draw(app: &App, hits: &mut ViewState, theme: Theme, area: Rect, buf: &mut Buffer) {
    let view = &app.cost;
    // The form's rows, its heading and a hint line under them; on short screens the chart keeps
    // its rows and the form scrolls with the focus instead.
    let whole_form = u16::try_from(CostView::rows()).unwrap_or(12) + 2;
    let form_height = if area.height >= whole_form + 14 {
        whole_form
    } else {
        SHORT_FORM_HEIGHT.min(whole_form)
    };
    let [top, bottom] =
        Layout::vertical([Constraint::Length(form_height), Constraint::Min(4)]).areas(area);
    let [form, bars] =
        Layout::horizontal([Constraint::Length(FORM_WIDTH), Constraint::Min(20)]).areas(top);
    draw_form(app, hits, theme, form, buf);
    draw_bars(view, theme, bars, buf);
    // The chart's rows come first: the notes get what is left above its minimum, at most half
    // the space on roomy screens, and name as many break-evens as fit (three at most).
    let room = usize::from(
        bottom
            .height
            .saturating_sub(super::cost_chart::MIN_HEIGHT)
            .min(bottom.height / 2),
    );
    let notes = notes(
        view,
        theme,
        usize::from(area.width),
        3,
        room,
        &prices_mark(app),
    );
    let notes_height = u16::try_from(notes.len()).unwrap_or(0);
    let [chart, notes_area] =
        Layout::vertical([Constraint::Min(0), Constraint::Length(notes_height)]).areas(bottom);
    super::cost_chart::draw(view, theme, chart, buf);
    Paragraph::new(notes).render(notes_area, buf);
}

fn draw_form(app: &App, state: &mut ViewState, theme: Theme, area: Rect, buf: &mut Buffer) {
    let view = &app.cost;
    let mut rows = Vec::new();
    for (i, row) in FormRow::all().enumerate() {
        let focused = i == view.focus;
        let (label, value) = match row {
            FormRow::Number(field) => {
                let text = view.texts.get(i).cloned().unwrap_or_default();
                let shown = if focused { format!("{text}▏") } else { text };
                (short_label(field), shown)
            }
            FormRow::Switch(toggle) => (toggle.label(), toggle.state_text(&view.inputs)),
            FormRow::Region => ("Region", app.guide.meta.region.clone()),
        };
        let marker = if focused { "›" } else { " " };
        let style = if focused {
            theme.selected()
        } else {
            Style::default()
        };
        let text = format!("{marker}{label:<17}{value}");
        let pad = usize::from(area.width).saturating_sub(width(&text));
        rows.push(Line::styled(format!("{text}{:pad$}", ""), style));
    }
    let hint = view.focused().and_then(hint);
    // Below the heading: every row and the hint, or a window of rows that keeps the focus in view.
    let room = usize::from(area.height).saturating_sub(1);
    let title = Span::styled(" Your workload", theme.heading());
    // Each row drawn is a click target: a click focuses a field or flips an option.
    let rows_total = rows.len();
    let mut register = |first: usize, shown: usize| {
        for (line, row) in (first..rows_total).take(shown).enumerate() {
            let y = area.y + 1 + u16::try_from(line).unwrap_or(u16::MAX);
            if y < area.bottom() {
                let hit = Rect {
                    y,
                    height: 1,
                    ..area
                };
                state.hits.add(hit, Clickable::CostRow(row), false);
            }
        }
    };
    let mut lines = if rows.len() < room {
        register(0, rows_total);
        let mut lines = vec![Line::from(title)];
        lines.extend(rows);
        lines.extend(hint.map(|h| Line::styled(format!(" {h}"), theme.dim())));
        lines
    } else {
        let start = (view.focus + 1).saturating_sub(room).min(rows.len() - room);
        register(start, room);
        // No room for the hint under the rows: it takes the heading's place while it applies.
        let heading = match hint {
            Some(h) => Line::styled(format!(" {h}"), theme.dim()),
            None => Line::from(vec![
                title,
                Span::styled(format!("  {} more ↑↓", rows.len() - room), theme.dim()),
            ]),
        };
        let mut lines = vec![heading];
        lines.extend(rows.into_iter().skip(start).take(room));
        lines
    };
    lines.truncate(usize::from(area.height));
    Paragraph::new(lines).render(area, buf);
}

/// A line under the form about the focused option, where it needs one.
fn hint(row: FormRow) -> Option<&'static str> {
    match row {
        FormRow::Switch(Toggle::Spot | Toggle::Reserved) => Some("Spot or Reserved, not both"),
        FormRow::Switch(Toggle::BatchOnFargate) => Some("space: Batch on EC2 ⇄ Fargate"),
        FormRow::Region => Some("space: next Region with prices"),
        _ => None,
    }
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
        // Wrapped, so a long message (a value past the largest the estimator takes) is read whole.
        for l in wrap(error, usize::from(inner.width).saturating_sub(1).max(10))
            .into_iter()
            .take(3)
        {
            lines.push(Line::styled(format!(" {l}"), theme.negative()));
        }
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
    // Mark, key and a space before the name; a space after the amount; one cell spare.
    let key_width = 4;
    let bar_room =
        usize::from(inner.width).saturating_sub(key_width + name_width + amount_width + 2);
    let names = view
        .sweep
        .as_ref()
        .map(|s| s.names.as_slice())
        .unwrap_or(&[]);
    // Each service's line, and for one that does not fit the rest of its reason, wrapped under
    // it as far as the rows allow.
    let mut rows: Vec<(Line<'static>, Vec<(String, Style)>)> = Vec::new();
    let indent = key_width + name_width;
    // Services within 10% of the cheapest are marked `≈`, and a line under the list says so.
    let close: Vec<&str> = estimate
        .about_the_same()
        .iter()
        .map(|s| s.service.as_str())
        .collect();
    let same_line = estimate.cheapest().filter(|_| !close.is_empty()).map(|c| {
        Line::styled(
            format!(" ≈ about the same as {} (within 10%)", short_name(&c.name)),
            theme.dim(),
        )
    });
    for (i, s) in estimate.services.iter().enumerate() {
        let name = short_name(&s.name);
        // The service's line on the chart below, as its key: `──` in its colour or its letter.
        let (sample, key_style) =
            key(names, &s.name, theme).unwrap_or_else(|| ("  ".into(), Style::default()));
        match s.total {
            Some(total) => {
                let cells = if max > 0.0 {
                    (total / max * bar_room as f64).round() as usize
                } else {
                    0
                };
                let mark = if i == 0 {
                    "★"
                } else if close.contains(&s.service.as_str()) {
                    "≈"
                } else {
                    " "
                };
                let line = Line::from(vec![
                    Span::raw(mark),
                    Span::styled(sample, key_style),
                    Span::raw(format!(" {name:<name_width$}")),
                    Span::styled(
                        format!("{:>amount_width$} ", format_money(total)),
                        theme.heading(),
                    ),
                    Span::styled(
                        "█".repeat(cells.max(usize::from(total > 0.0))),
                        theme.positive(),
                    ),
                ]);
                // A warning (a quota passed) as `! …` under the service, as far as rows allow.
                let warned = s
                    .warnings
                    .iter()
                    .flat_map(|w| {
                        wrap(
                            &format!("! {w}"),
                            usize::from(inner.width).saturating_sub(key_width).max(8),
                        )
                    })
                    .map(|l| (l, theme.negative()))
                    .collect();
                rows.push((line, warned));
            }
            None => {
                let reason = s.reason.clone().unwrap_or_else(|| "does not fit".into());
                // The first line beside the name; the rest under it, from the name's column.
                let room = usize::from(inner.width).saturating_sub(indent).max(8);
                let text = format!("does not fit: {reason}");
                let first = wrap(&text, room).into_iter().next().unwrap_or_default();
                let rest = text.get(first.len()..).unwrap_or_default().trim_start();
                let wrapped = wrap(
                    rest,
                    usize::from(inner.width).saturating_sub(key_width).max(8),
                );
                let line = Line::from(vec![
                    Span::raw(" "),
                    Span::styled(sample, key_style),
                    Span::raw(format!(" {name:<name_width$}")),
                    Span::styled(first, theme.dim()),
                ]);
                rows.push((
                    line,
                    wrapped.into_iter().map(|l| (l, theme.dim())).collect(),
                ));
            }
        }
    }
    let height = usize::from(inner.height);
    let mut spare =
        height.saturating_sub(lines.len() + rows.len() + usize::from(same_line.is_some()));
    let fitting = estimate.services.iter().filter(|s| s.fits()).count();
    let mut same_line = same_line;
    for (row, (line, rest)) in rows.into_iter().enumerate() {
        if row == fitting {
            lines.extend(same_line.take());
        }
        lines.push(line);
        let shown = rest.len().min(spare);
        spare -= shown;
        for (i, (l, style)) in rest.iter().take(shown).enumerate() {
            // Out of rows before the reason ends: say so where it stops.
            let text = if i + 1 == shown && shown < rest.len() {
                format!("{l} …")
            } else {
                l.clone()
            };
            lines.push(Line::styled(format!("{:key_width$}{text}", ""), *style));
        }
    }
    lines.extend(same_line);
    Paragraph::new(lines).render(inner, buf);
}

/// Break-even sentences and the assumptions every number rests on, in at most `room` lines: the
/// footer (region, price date, "estimate only") first, then as many of the first `sentences`
/// break-evens as fit whole, then "… and N more" for the rest. A sentence that wraps continues
/// under its text, so each `◆` marks one break-even.
fn notes(
    view: &CostView,
    theme: Theme,
    width: usize,
    sentences: usize,
    room: usize,
    prices_mark: &str,
) -> Vec<Line<'static>> {
    let footer = format!(
        " Estimate only · {} prices as of {}{prices_mark} · 730 h a month",
        view.model.region(),
        view.model.as_of()
    );
    let full = format!("{footer} · values take units: 10M, 200ms, 512MB");
    // The reminder about units goes when keeping it would leave no break-even named (the form's
    // fields show the units anyway).
    let lines = notes_with(view, theme, width, sentences, room, &full);
    if view.break_evens.is_empty() || lines.iter().any(is_sentence) {
        return lines;
    }
    notes_with(view, theme, width, sentences, room, &footer)
}

/// What the footer adds after the price date: that the prices are stale and how to refresh them,
/// or that some are not the Region's own (`computepick prices` lists what is installed).
fn prices_mark(app: &App) -> String {
    let notes = app.price_notes();
    let mut mark = String::new();
    if let Some(days) = notes.stale_days {
        mark.push_str(&format!(
            " · STALE, {days} days old: {}",
            crate::prices::REFRESH_COMMAND
        ));
    }
    if notes.fallback.is_some() {
        mark.push_str(" · some prices built-in (computepick prices)");
    }
    if !app.cost.shape_notes.is_empty() && !app.cost.sized {
        mark.push_str(" · jobs, load balancer and duration from your answers");
    }
    mark
}

/// A break-even sentence's first line, which starts with `◆`.
fn is_sentence(line: &Line) -> bool {
    line.spans
        .first()
        .is_some_and(|s| s.content.starts_with(" ◆"))
}

fn notes_with(
    view: &CostView,
    theme: Theme,
    width: usize,
    sentences: usize,
    room: usize,
    footer: &str,
) -> Vec<Line<'static>> {
    let footer: Vec<Line<'static>> = wrap(footer, width)
        .into_iter()
        .map(|l| Line::styled(l, theme.dim()))
        .take(room)
        .collect();
    let mut left = room - footer.len();
    let total = view.break_evens.len();
    let mut lines = Vec::new();
    for (shown, sentence) in view.break_evens.iter().enumerate().take(sentences) {
        let wrapped = wrap(sentence, width.saturating_sub(3).max(10));
        // Keep a line for "… and N more" while sentences remain after this one.
        let reserve = usize::from(shown + 1 < total);
        if wrapped.len() + reserve > left {
            break;
        }
        left -= wrapped.len();
        for (i, l) in wrapped.into_iter().enumerate() {
            let mark = if i == 0 { " ◆ " } else { "   " };
            lines.push(Line::raw(format!("{mark}{l}")));
        }
    }
    let named = lines.iter().filter(|l| is_sentence(l)).count();
    if named < total && left > 0 {
        let n = total - named;
        let long = format!(" … and {n} more (computepick cost lists every break-even)");
        let text = if width >= crate::text::width(&long) {
            long
        } else {
            format!(
                " … and {n} more break-even{}",
                if n == 1 { "" } else { "s" }
            )
        };
        lines.push(Line::styled(text, theme.dim()));
    }
    lines.extend(footer);
    lines
}
