//! The Cost tab's form: the workload's fields and options, a window of them on short screens,
//! or only the focused one above the chart.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::super::theme::Theme;
use crate::app::{App, Clickable, FormRow, ViewState};
use crate::cost::{Field, Toggle};
use crate::text::width;

/// Row `i` of the form as drawn: `›Requests/month   10M▏` when focused.
fn row_text(app: &App, i: usize, row: FormRow) -> String {
    let view = &app.cost;
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
    format!("{marker}{label:<17}{value}")
}

/// Each row drawn is a click target: a click focuses a field or flips an option.
fn register(state: &mut ViewState, area: Rect, line: usize, row: usize) {
    let y = area.y + u16::try_from(line).unwrap_or(u16::MAX);
    if y < area.bottom() {
        let hit = Rect {
            y,
            height: 1,
            ..area
        };
        state.hits.add(hit, Clickable::CostRow(row), false);
    }
}

/// Above the chart: the focused row alone, so what is typed stays in sight, and how to move.
pub fn draw_focused(app: &App, state: &mut ViewState, theme: Theme, area: Rect, buf: &mut Buffer) {
    let view = &app.cost;
    let Some(row) = view.focused() else {
        return;
    };
    let text = row_text(app, view.focus, row);
    let rest = format!(
        "  field {}/{} ↑↓",
        view.focus + 1,
        crate::app::CostView::rows()
    );
    let pad = usize::from(area.width).saturating_sub(width(&text) + width(&rest));
    let line = Line::from(vec![
        Span::styled(text, theme.selected()),
        Span::styled(format!("{rest}{:pad$}", ""), theme.dim()),
    ]);
    register(state, area, 0, view.focus);
    Paragraph::new(line).render(area, buf);
}

pub fn draw(app: &App, state: &mut ViewState, theme: Theme, area: Rect, buf: &mut Buffer) {
    let view = &app.cost;
    let mut rows = Vec::new();
    for (i, row) in FormRow::all().enumerate() {
        let style = if i == view.focus {
            theme.selected()
        } else {
            Style::default()
        };
        let text = row_text(app, i, row);
        let pad = usize::from(area.width).saturating_sub(width(&text));
        rows.push(Line::styled(format!("{text}{:pad$}", ""), style));
    }
    let hint = view.focused().and_then(hint);
    // Below the heading: every row and the hint, or a window of rows that keeps the focus in view.
    let room = usize::from(area.height).saturating_sub(1);
    let title = Span::styled(" Your workload", theme.heading());
    let rows_total = rows.len();
    let mut lines = if rows.len() < room {
        for row in 0..rows_total {
            register(state, area, row + 1, row);
        }
        let mut lines = vec![Line::from(title)];
        lines.extend(rows);
        lines.extend(hint.map(|h| Line::styled(format!(" {h}"), theme.dim())));
        lines
    } else {
        let start = (view.focus + 1).saturating_sub(room).min(rows.len() - room);
        for (line, row) in (start..rows_total).take(room).enumerate() {
            register(state, area, line + 1, row);
        }
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
