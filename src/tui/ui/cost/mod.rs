//! The Cost tab, in two views (Ctrl-G switches): the workload as an editable form beside (or,
//! when narrow, above) each service's monthly estimate; or cost against monthly requests on
//! logarithmic axes with the break-even points marked and named, under the focused field.
//! Region, price date and "estimate only" are always on screen.

mod axes;
mod chart;
mod form;
mod legend;
mod plain;
mod table;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph, Widget};

use super::theme::Theme;
use crate::app::{App, CostView, ViewState};
use crate::text::wrap;

const FORM_WIDTH: u16 = 34;
/// The fewest rows left under the table for the chart to be drawn there as well.
const CHART_BELOW: u16 = 18;
/// The form's rows, its heading and a hint line under them.
fn whole_form() -> u16 {
    u16::try_from(CostView::rows()).unwrap_or(12) + 2
}

pub fn draw(app: &App, hits: &mut ViewState, theme: Theme, area: Rect, buf: &mut Buffer) {
    if app.cost.chart {
        draw_chart_view(app, hits, theme, area, buf);
    } else {
        draw_table_view(app, hits, theme, area, buf);
    }
}

/// The form and the estimate side by side when every amount fits whole beside the form, else
/// the form above the estimate (a window of it around the focus, at least the focused row);
/// the assumptions and break-evens under them.
fn draw_table_view(app: &App, hits: &mut ViewState, theme: Theme, area: Rect, buf: &mut Buffer) {
    let view = &app.cost;
    let mark = prices_mark(app);
    let footer_rows =
        u16::try_from(footer_lines(view, &mark, usize::from(area.width))).unwrap_or(2);
    let side = usize::from(area.width) > usize::from(FORM_WIDTH) + table::min_width(view);
    // Built at the width it is drawn at: beside the form, the table's left border takes a column.
    let (form, table_area, bordered, notes_area, built) = if side {
        let inner = usize::from(area.width - FORM_WIDTH - 1);
        let built = table::build(view, theme, inner);
        let wanted = u16::try_from(built.full_height())
            .unwrap_or(u16::MAX)
            .max(whole_form());
        let top_height = wanted.min(area.height.saturating_sub(footer_rows));
        let [top, notes] =
            Layout::vertical([Constraint::Length(top_height), Constraint::Min(0)]).areas(area);
        let [form, table_area] =
            Layout::horizontal([Constraint::Length(FORM_WIDTH), Constraint::Min(0)]).areas(top);
        (form, table_area, true, notes, built)
    } else {
        let built = table::build(view, theme, usize::from(area.width));
        let (min, full) = (built.min_height(), built.full_height());
        let full = u16::try_from(full).unwrap_or(u16::MAX);
        let form_height = area
            .height
            .saturating_sub(full + footer_rows)
            .clamp(2, whole_form());
        let table_height = area
            .height
            .saturating_sub(form_height + footer_rows)
            .max(u16::try_from(min).unwrap_or(0))
            .min(full);
        let [form, table_area, notes] = Layout::vertical([
            Constraint::Length(form_height),
            Constraint::Length(table_height),
            Constraint::Min(0),
        ])
        .areas(area);
        (form, table_area, false, notes, built)
    };
    form::draw(app, hits, theme, form, buf);
    let inner = if bordered {
        let block = Block::new()
            .borders(Borders::LEFT)
            .border_style(theme.dim());
        let inner = block.inner(table_area);
        block.render(table_area, buf);
        inner
    } else {
        table_area
    };
    Paragraph::new(built.lines(usize::from(inner.height))).render(inner, buf);
    let notes = notes(
        view,
        theme,
        usize::from(area.width),
        3,
        usize::from(notes_area.height),
        &mark,
    );
    // A tall screen has room for the chart too, under the table, as on its own view.
    let notes_height = u16::try_from(notes.len()).unwrap_or(0);
    let [chart_area, notes_area] =
        Layout::vertical([Constraint::Min(0), Constraint::Length(notes_height)]).areas(notes_area);
    if chart_area.height >= CHART_BELOW {
        chart::draw(view, theme, chart_area, buf);
    }
    Paragraph::new(notes).render(notes_area, buf);
}

/// The chart with all the rows the tab has, under the focused field (typing still edits it);
/// every break-even named under it as far as rows allow.
fn draw_chart_view(app: &App, hits: &mut ViewState, theme: Theme, area: Rect, buf: &mut Buffer) {
    let view = &app.cost;
    let mark = prices_mark(app);
    let [field, rest] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
    form::draw_focused(app, hits, theme, field, buf);
    let chart_min = chart::min_height(view, theme, area.width);
    // The plot gets two rows over its least before any break-even sentence; "… and N more"
    // says they exist when none fits.
    let least = footer_lines(view, &mark, usize::from(area.width))
        + usize::from(!view.break_evens.is_empty());
    let room = usize::from(rest.height.saturating_sub(chart_min + 2))
        .max(least)
        // The chart keeps most of a tall screen.
        .min(usize::from(rest.height) / 3 + 2);
    let lines = notes(
        view,
        theme,
        usize::from(area.width),
        view.break_evens.len(),
        room,
        &mark,
    );
    let notes_height = u16::try_from(lines.len()).unwrap_or(0);
    let [chart_area, notes_area] =
        Layout::vertical([Constraint::Min(0), Constraint::Length(notes_height)]).areas(rest);
    chart::draw(view, theme, chart_area, buf);
    Paragraph::new(lines).render(notes_area, buf);
}

/// Region, price date, "estimate only": the line under every view, before any break-even.
fn footer(view: &CostView, prices_mark: &str) -> String {
    format!(
        " Estimate only · {} prices as of {}{prices_mark} · 730 h a month",
        view.model.region(),
        view.model.as_of()
    )
}

/// The footer's rows at `width`, at the least.
fn footer_lines(view: &CostView, prices_mark: &str, width: usize) -> usize {
    wrap(&footer(view, prices_mark), width).len()
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
    let footer = footer(view, prices_mark);
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
