//! Search: the query line, results best first with the matched characters highlighted and a
//! kind label, and a preview of the highlighted entry. Drawn full size on the Search tab and
//! as a large popup when opened with `/` over another view.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear, Paragraph, Widget, Wrap};

use super::detail;
use super::theme::Theme;
use crate::app::{App, Clickable, ViewState};
use crate::detail::Target;
use crate::search::{Entry, Kind};
use crate::text::width;

/// Side by side from this width; the preview goes below on narrower screens.
const SIDE_BY_SIDE: u16 = 90;

pub fn draw_popup(app: &App, state: &mut ViewState, theme: Theme, area: Rect, buf: &mut Buffer) {
    let popup = area.inner(Margin::new(2, 1));
    Clear.render(popup, buf);
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.border())
        .title(" Search · Enter opens · Esc closes ");
    let inner = block.inner(popup);
    block.render(popup, buf);
    draw_in(app, state, theme, inner, buf, true);
}

pub fn draw(app: &App, state: &mut ViewState, theme: Theme, area: Rect, buf: &mut Buffer) {
    draw_in(app, state, theme, area, buf, false);
}

fn draw_in(
    app: &App,
    state: &mut ViewState,
    theme: Theme,
    area: Rect,
    buf: &mut Buffer,
    overlay: bool,
) {
    let view = &app.search;
    let [input, rest] = Layout::vertical([Constraint::Length(2), Constraint::Min(1)]).areas(area);
    Line::from(vec![
        Span::styled(" / ", theme.key()),
        Span::raw(view.query.clone()),
        Span::styled("▏", theme.title()),
    ])
    .render(input, buf);
    let (list_area, preview_area) = if area.width >= SIDE_BY_SIDE {
        let [l, p] = Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)])
            .areas(rest);
        (l, p)
    } else {
        let [l, p] =
            Layout::vertical([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(rest);
        (l, p)
    };
    let index = view.index();
    if view.query.trim().is_empty() {
        let counts = |k: Kind| index.entries().filter(|e| e.kind == k).count();
        let hint = format!(
            " Type to search {} services, {} concepts and {} comparison rows. Names, aliases (k8s, ASG, FaaS) and small typos all work.",
            counts(Kind::Service),
            counts(Kind::Concept),
            counts(Kind::Attribute)
        );
        Paragraph::new(hint)
            .style(theme.dim())
            .wrap(Wrap { trim: true })
            .render(rest, buf);
        return;
    }
    if view.results.hits.is_empty() {
        let closest: Vec<String> = view
            .results
            .suggestions
            .iter()
            .filter_map(|&i| index.entry(i).map(|e| e.title.clone()))
            .collect();
        let mut lines = vec![Line::styled(
            format!(" No match for \"{}\".", view.query),
            theme.heading(),
        )];
        if closest.is_empty() {
            lines.push(Line::raw(format!(" {}.", crate::search::NO_CLOSE_TITLES)));
        } else {
            lines.push(Line::raw(format!(" Closest: {}", closest.join(", "))));
        }
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .render(rest, buf);
        return;
    }

    // Results: keep the highlighted one in view.
    let height = usize::from(list_area.height);
    let top = view.selected.saturating_sub(height.saturating_sub(1));
    // The longest kind ("attribute"), then always a space: a label never touches its title.
    let label_width = "attribute".len();
    let mut lines = Vec::new();
    for (i, hit) in view.results.hits.iter().enumerate().skip(top).take(height) {
        let Some(entry) = index.entry(hit.entry) else {
            continue;
        };
        let selected = i == view.selected;
        let y = list_area.y + u16::try_from(lines.len()).unwrap_or(u16::MAX);
        let row = Rect {
            y,
            height: 1,
            ..list_area
        }
        .intersection(list_area);
        state.hits.add(row, Clickable::SearchResult(i), overlay);
        let base = if selected {
            theme.selected()
        } else {
            Default::default()
        };
        let mut spans = vec![
            Span::styled(if selected { "› " } else { "  " }, base),
            Span::styled(
                format!("{:<label_width$} ", entry.kind.as_str()),
                base.patch(theme.dim()),
            ),
        ];
        // Matched characters (char positions) stand out by underline and colour.
        let matched = base
            .add_modifier(Modifier::UNDERLINED | Modifier::BOLD)
            .patch(theme.match_style());
        let room = usize::from(list_area.width).saturating_sub(2 + label_width + 1);
        let mut used = 0;
        for (k, c) in entry.title.chars().enumerate() {
            let w = width(c.encode_utf8(&mut [0; 4]));
            if used + w > room {
                break;
            }
            used += w;
            let style = if hit.title_indices.contains(&k) {
                matched
            } else {
                base
            };
            spans.push(Span::styled(c.to_string(), style));
        }
        if selected && used < room {
            spans.push(Span::styled(" ".repeat(room - used), base));
        }
        lines.push(Line::from(spans));
    }
    Paragraph::new(lines).render(list_area, buf);

    // Preview of the highlighted entry.
    let block = if area.width >= SIDE_BY_SIDE {
        Block::new()
            .borders(Borders::LEFT)
            .border_style(theme.dim())
    } else {
        Block::new().borders(Borders::TOP).border_style(theme.dim())
    };
    let inner = block.inner(preview_area).inner(Margin::new(1, 0));
    block.render(preview_area, buf);
    if let Some(entry) = view.selected_entry() {
        let lines = preview(app, entry, usize::from(inner.width), theme);
        Paragraph::new(lines).render(inner, buf);
    }
}

fn preview(app: &App, entry: &Entry, width: usize, theme: Theme) -> Vec<Line<'static>> {
    match entry.kind {
        Kind::Service | Kind::Concept => match Target::find(&app.guide, &entry.id) {
            Some(target) => detail::lines(&target.pieces(&app.guide), width, theme),
            None => vec![Line::raw(entry.snippet.clone())],
        },
        Kind::Attribute => {
            let mut lines = vec![
                Line::styled(entry.title.clone(), theme.title()),
                Line::styled(
                    "A row of the comparison table. Enter opens it in Compare.",
                    theme.dim(),
                ),
                Line::default(),
            ];
            for s in &app.guide.services {
                if let Some(f) = s.facts.iter().find(|f| f.attribute == entry.id) {
                    for (i, l) in crate::text::wrap(&format!("{}: {}", s.name, f.value), width)
                        .into_iter()
                        .enumerate()
                    {
                        let style = if i == 0 {
                            theme.heading()
                        } else {
                            Default::default()
                        };
                        lines.push(Line::styled(l, style));
                    }
                }
            }
            lines
        }
    }
}
