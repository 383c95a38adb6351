//! The Compare tab: service chips to choose from, then the table — attribute column fixed,
//! service columns side by side (scrolling sideways when they do not fit), differing rows
//! marked `≠` (`←≠`/`≠→` when the difference is in a column scrolled off to that side), and the
//! highlighted cell's full text on Enter.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout as Split, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::theme::Theme;
use std::rc::Rc;

use crate::app::{App, Clickable, CompareLayout, CompareView, ViewState};
use crate::compare::{Cell, Layout, Row, Sizing, Table, WrappedRow, diff_mark};
use crate::text::{width, wrap};

pub fn draw(app: &App, state: &mut ViewState, theme: Theme, area: Rect, buf: &mut Buffer) {
    let view = &app.compare;
    // A new comparison starts at its first column and row.
    if state.compare.stamp.0 != view.stamp.0 {
        state.compare = CompareLayout::default();
    }
    let chips = chip_lines(app, state, theme, area);
    let chips_height = u16::try_from(chips.len()).unwrap_or(1);
    let [chips_area, status_area, table_area] = Split::vertical([
        Constraint::Length(chips_height),
        Constraint::Length(1),
        Constraint::Min(1),
    ])
    .areas(area);
    Paragraph::new(chips).render(chips_area, buf);

    let Some(table) = &view.table else {
        let note = view.message.clone().unwrap_or_else(|| {
            "Choose at least two services: move with ←/→, add with Space.".into()
        });
        Paragraph::new(note)
            .wrap(Wrap { trim: true })
            .render(table_area, buf);
        return;
    };
    let shows_all = draw_table(
        app,
        &mut state.compare,
        &mut state.hits,
        table,
        theme,
        table_area,
        buf,
    );
    // The legend: what the marks mean, the arrows only while columns are scrolled off.
    let marks = if shows_all {
        "(marked ≠)"
    } else {
        "(≠; ←≠ ≠→: off to that side)"
    };
    let status = match &view.message {
        Some(m) => Line::styled(format!(" {m}"), theme.negative()),
        None => Line::from(vec![
            Span::styled(
                format!(
                    " {} of {} rows differ {marks}",
                    table.differing(),
                    table.rows.len()
                ),
                theme.dim(),
            ),
            Span::styled(
                if view.differences_only {
                    " · showing differences only"
                } else {
                    ""
                },
                theme.heading(),
            ),
        ]),
    };
    status.render(status_area, buf);
}

/// Every service as a chip by its short name: `●` compared, `○` not, the cursor's chip reversed.
fn chip_lines(app: &App, state: &mut ViewState, theme: Theme, area: Rect) -> Vec<Line<'static>> {
    let view = &app.compare;
    let max = usize::from(area.width);
    let mut lines = Vec::new();
    let mut line = vec![Span::raw(" ")];
    let mut used = 1;
    for (i, service) in app.guide.services.iter().enumerate() {
        let chosen = view.chosen.contains(&service.id);
        // The name people know, not the id (`elastic-beanstalk`); the column headers keep the id
        // for the command line.
        let name = crate::text::short_name(&service.name);
        let text = format!("{} {name}", if chosen { "●" } else { "○" });
        let w = width(&text) + 2;
        if used + w > max && used > 1 {
            lines.push(Line::from(std::mem::take(&mut line)));
            line.push(Span::raw(" "));
            used = 1;
        }
        let hit = Rect {
            x: area.x + u16::try_from(used).unwrap_or(u16::MAX),
            y: area.y + u16::try_from(lines.len()).unwrap_or(u16::MAX),
            width: u16::try_from(w).unwrap_or(0),
            height: 1,
        };
        state
            .hits
            .add(hit.intersection(area), Clickable::Chip(i), false);
        let style = if i == view.cursor {
            theme.selected()
        } else if chosen {
            theme.heading()
        } else {
            theme.dim()
        };
        line.push(Span::styled(format!(" {text} "), style));
        used += w;
    }
    lines.push(Line::from(line));
    lines
}

/// The layout with the cursor's column in view, remembering the offset between frames.
fn layout_for(
    app: &App,
    view: &CompareView,
    kept: &mut CompareLayout,
    table: &Table,
    width: usize,
) -> Layout {
    let mut offset = kept.offset;
    let mut layout = table.layout(width, Sizing::SCROLLING, offset);
    if let Some(column) = view.cursor_column(&app.guide) {
        let visible = layout.visible();
        if column < visible.start {
            offset = column;
        } else if column >= visible.end {
            offset = column + 1 - layout.widths.len().max(1);
        }
        layout = table.layout(width, Sizing::SCROLLING, offset);
    }
    kept.offset = layout.first;
    layout
}

/// Every row of the table wrapped to `layout`, in table order; wrapped again only when the
/// table or the layout differs from the last frame's.
fn wrapped_rows(
    view: &CompareView,
    kept: &mut CompareLayout,
    table: &Table,
    layout: &Layout,
) -> Rc<Vec<WrappedRow>> {
    match &kept.wrapped {
        Some((cached, rows))
            if kept.stamp == view.stamp && cached == layout && rows.len() == table.rows.len() =>
        {
            Rc::clone(rows)
        }
        _ => {
            let rows = Rc::new(table.rows.iter().map(|r| layout.wrap_row(r)).collect());
            kept.wrapped = Some((layout.clone(), Rc::clone(&rows)));
            kept.stamp = view.stamp;
            rows
        }
    }
}

/// Column headers take at most this many lines, so rows keep the screen; a tall screen
/// gives the main reason of a ranked column more room.
const fn max_header_lines(height: u16) -> usize {
    if height >= 36 { 7 } else { 4 }
}

/// Keeps the first `max` lines, ending the last kept one with `…` when some were cut.
fn cap_lines(mut lines: Vec<String>, max: usize) -> Vec<String> {
    if lines.len() > max {
        lines.truncate(max);
        if let Some(last) = lines.last_mut() {
            // Make room for the ellipsis within the same width.
            let keep = last.chars().count().saturating_sub(1);
            *last = last.chars().take(keep).collect::<String>() + "…";
        }
    }
    lines
}

fn pad(text: &str, w: usize) -> String {
    let fill = w.saturating_sub(width(text));
    format!("{text}{:fill$}", "")
}

/// Draws the table; whether every column is in view.
fn draw_table(
    app: &App,
    kept: &mut CompareLayout,
    hits: &mut crate::app::HitMap,
    table: &Table,
    theme: Theme,
    area: Rect,
    buf: &mut Buffer,
) -> bool {
    let view = &app.compare;
    let layout = layout_for(app, view, kept, table, usize::from(area.width));
    let cursor_column = view.cursor_column(&app.guide);
    let gap = " ".repeat(layout.gap.saturating_sub(2));
    let sep = format!(" │{gap}");

    // Header: fixed, with scroll hints in the attribute column.
    let headers: Vec<Vec<String>> = layout
        .wrap_headers(table)
        .into_iter()
        .map(|lines| cap_lines(lines, max_header_lines(area.height)))
        .collect();
    let header_height = headers.iter().map(Vec::len).max().unwrap_or(1);
    let hint = match (layout.more_left(), layout.more_right()) {
        (true, true) => "◀ more ▶",
        (true, false) => "◀ more",
        (false, true) => "more ▶",
        (false, false) => "",
    };
    let mut lines: Vec<Line> = Vec::new();
    for i in 0..header_height {
        let label = if i == 0 { hint } else { "" };
        let mut spans = vec![Span::styled(pad(label, layout.label), theme.dim())];
        for (k, column) in layout.visible().enumerate() {
            let text = headers
                .get(k)
                .and_then(|h| h.get(i))
                .cloned()
                .unwrap_or_default();
            let style = if Some(column) == cursor_column {
                theme.selected()
            } else if i == 0 {
                theme.heading()
            } else {
                theme.dim()
            };
            spans.push(Span::styled(sep.clone(), theme.dim()));
            spans.push(Span::styled(pad(&text, layout.widths[k]), style));
        }
        lines.push(Line::from(spans));
    }
    lines.push(Line::styled(
        "─".repeat(layout.total_width().min(usize::from(area.width))),
        theme.dim(),
    ));
    let header_lines = lines.len();

    // Body: group headings and rows. First where each lands (from the kept wrapping, no
    // drawing), then lines only for what the window shows.
    enum Item<'t> {
        Heading(&'t str),
        Row {
            row: &'t Row,
            lines: &'t WrappedRow,
            index: usize,
        },
    }
    let wrapped = wrapped_rows(view, kept, table, &layout);
    let mut items: Vec<(usize, usize, Item)> = Vec::new();
    let mut total = 0;
    let mut selected_span = (0, 0);
    let mut row_spans = Vec::new();
    let mut index = 0;
    for group in table.groups(view.differences_only) {
        if !group.name.is_empty() {
            items.push((total, total + 1, Item::Heading(group.name)));
            total += 1;
        }
        for row in group.rows {
            // The row's place in the table, which is where its wrapping is kept.
            let Some(lines) = table
                .rows
                .iter()
                .position(|r| std::ptr::eq(r, row))
                .and_then(|i| wrapped.get(i))
            else {
                continue;
            };
            let span = (total, total + lines.height);
            if index == view.row {
                selected_span = span;
            }
            row_spans.push(span);
            items.push((span.0, span.1, Item::Row { row, lines, index }));
            total = span.1;
            index += 1;
        }
    }
    // Keep the highlighted row in view.
    let height = usize::from(area.height).saturating_sub(header_lines);
    kept.page = (height / 3).max(1);
    let top = scroll_to(kept.top, selected_span, height, total);
    kept.top = top;
    for (i, (start, end)) in row_spans.into_iter().enumerate() {
        let (start, end) = (start.max(top), end.min(top + height));
        if start < end {
            let y = area.y + u16::try_from(header_lines + start - top).unwrap_or(u16::MAX);
            let h = u16::try_from(end - start).unwrap_or(0);
            let hit = Rect {
                y,
                height: h,
                ..area
            }
            .intersection(area);
            hits.add(hit, Clickable::Row(i), false);
        }
    }
    for (start, end, item) in items {
        if end <= top || start >= top + height {
            continue;
        }
        let drawn = match item {
            Item::Heading(name) => vec![Line::styled(name.to_owned(), theme.heading())],
            Item::Row { row, lines, index } => row_lines(
                row,
                lines,
                &layout,
                index == view.row,
                cursor_column,
                &sep,
                theme,
            ),
        };
        let skip = top.saturating_sub(start);
        let take = (top + height).min(end) - start.max(top);
        lines.extend(drawn.into_iter().skip(skip).take(take));
    }
    super::lines::render(&lines, area, buf);
    layout.shows_all()
}

/// The first body line to show so that `span` is visible, moving as little as possible.
fn scroll_to(top: usize, span: (usize, usize), height: usize, total: usize) -> usize {
    let mut top = top.min(total.saturating_sub(height));
    if span.0 < top {
        top = span.0;
    } else if span.1 > top + height {
        top = span.1.saturating_sub(height).min(span.0);
    }
    top
}

fn row_lines(
    row: &Row,
    wrapped: &WrappedRow,
    layout: &Layout,
    selected: bool,
    cursor_column: Option<usize>,
    sep: &str,
    theme: Theme,
) -> Vec<Line<'static>> {
    // Where the difference is: in view, or in a column scrolled off to one side.
    let mark = if row.differs {
        diff_mark(&row.cells, layout.visible()).symbol()
    } else {
        ""
    };
    let marker = pad(
        &mark.chars().take(layout.marker).collect::<String>(),
        layout.marker,
    );
    let blank = " ".repeat(layout.marker);
    let label_style = match (selected, row.differs) {
        (true, _) => theme.selected(),
        (false, true) => theme.changed(),
        (false, false) => Style::default(),
    };
    (0..wrapped.height)
        .map(|i| {
            let label = wrapped.label.get(i).cloned().unwrap_or_default();
            let lead = if i == 0 { &marker } else { &blank };
            let mut spans = vec![
                Span::styled(lead.clone(), theme.changed()),
                Span::styled(
                    pad(&label, layout.label.saturating_sub(layout.marker)),
                    label_style,
                ),
            ];
            for (k, column) in layout.visible().enumerate() {
                let text = wrapped
                    .cells
                    .get(k)
                    .and_then(|c| c.get(i))
                    .cloned()
                    .unwrap_or_default();
                let style = if selected && Some(column) == cursor_column {
                    theme.selected()
                } else if selected {
                    theme.heading()
                } else {
                    Style::default()
                };
                spans.push(Span::styled(sep.to_owned(), theme.dim()));
                spans.push(Span::styled(pad(&text, layout.widths[k]), style));
            }
            Line::from(spans)
        })
        .collect()
}

/// The highlighted cell in full: value (or list), source and date (an overlay).
pub fn draw_cell(app: &App, theme: Theme, area: Rect, buf: &mut Buffer) {
    let view = &app.compare;
    let Some(table) = &view.table else {
        return;
    };
    let (Some(row), Some(column)) = (
        table.rows(view.differences_only).nth(view.row),
        view.cursor_column(&app.guide),
    ) else {
        return;
    };
    let (Some(cell), Some(col)) = (row.cells.get(column), table.columns.get(column)) else {
        return;
    };
    let w = usize::from(area.width).saturating_sub(8).clamp(10, 72);
    let mut lines = vec![Line::styled(
        format!("{} · {}", col.name, row.label),
        theme.title(),
    )];
    // The column's standing in full: the header has room for only part of its reason.
    if let Some(standing) = &col.standing {
        let text = match standing.reason() {
            Some(reason) => format!("{}: {reason}", standing.headline()),
            None => standing.headline(),
        };
        lines.extend(
            wrap(&text, w)
                .into_iter()
                .map(|l| Line::styled(l, theme.dim())),
        );
    }
    lines.push(Line::default());
    match cell {
        Cell::Fact {
            value,
            short,
            source,
            as_of,
        } => {
            lines.extend(wrap(value, w).into_iter().map(Line::raw));
            if let Some(short) = short {
                lines.push(Line::default());
                lines.extend(
                    wrap(&format!("Compared as: {short}"), w)
                        .into_iter()
                        .map(|l| Line::styled(l, theme.dim())),
                );
            }
            lines.push(Line::default());
            lines.extend(
                wrap(&format!("source: {source}"), w)
                    .into_iter()
                    .map(|l| Line::styled(l, theme.dim())),
            );
            lines.push(Line::styled(format!("as of {as_of}"), theme.dim()));
        }
        Cell::List { source, as_of, .. } => {
            lines.extend(cell.wrap(w).into_iter().map(Line::raw));
            lines.push(Line::default());
            if source.trim().is_empty() {
                lines.push(Line::styled(
                    "From the service's description in decisions.ron (no source given).",
                    theme.dim(),
                ));
            } else {
                lines.extend(
                    wrap(&format!("source: {source}"), w)
                        .into_iter()
                        .map(|l| Line::styled(l, theme.dim())),
                );
                lines.push(Line::styled(format!("as of {as_of}"), theme.dim()));
            }
        }
        Cell::Missing => lines.push(Line::raw("— The data states nothing here.")),
    }
    let width = u16::try_from(w + 4).unwrap_or(u16::MAX);
    super::popup::draw(lines, " Esc to close ", width, 1, theme, area, buf);
}
