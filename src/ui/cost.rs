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
use crate::app::{App, CostView, FormRow};
use crate::cost::{Field, Toggle, format_money};
use crate::text::{width, wrap};

const FORM_WIDTH: u16 = 34;
/// The form's height on screens too short for all of it (the height it had with 10 rows).
const SHORT_FORM_HEIGHT: u16 = 12;

pub fn draw(app: &App, theme: Theme, area: Rect, buf: &mut Buffer) {
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
    super::cost_chart::draw(view, theme, chart, buf);
    Paragraph::new(notes).render(notes_area, buf);
}

fn draw_form(view: &CostView, theme: Theme, area: Rect, buf: &mut Buffer) {
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
    let mut lines = if rows.len() < room {
        let mut lines = vec![Line::from(title)];
        lines.extend(rows);
        lines.extend(hint.map(|h| Line::styled(format!(" {h}"), theme.dim())));
        lines
    } else {
        let start = (view.focus + 1).saturating_sub(room).min(rows.len() - room);
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
                let mark = if i == 0 { "★" } else { " " };
                lines.push(Line::from(vec![
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
                ]));
            }
            None => {
                let reason = s.reason.clone().unwrap_or_else(|| "does not fit".into());
                let room = usize::from(inner.width).saturating_sub(key_width + name_width);
                let first = wrap(&format!("does not fit: {reason}"), room)
                    .into_iter()
                    .next()
                    .unwrap_or_default();
                lines.push(Line::from(vec![
                    Span::raw(" "),
                    Span::styled(sample, key_style),
                    Span::raw(format!(" {name:<name_width$}")),
                    Span::styled(first, theme.dim()),
                ]));
            }
        }
    }
    Paragraph::new(lines).render(inner, buf);
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
