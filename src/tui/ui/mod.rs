//! Drawing. Each screen has its own module; overlays draw after the screen beneath them.

mod chrome;
mod compare;
mod cost;
mod cost_chart;
mod detail;
mod help;
mod lines;
mod popup;
mod question;
mod result;
mod search;
pub mod theme;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::app::{App, Clickable, Screen, Tab};
use theme::Theme;

/// Below this size the app shows a message instead of a cramped screen.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 18;

pub fn draw(app: &App, theme: Theme, frame: &mut Frame) {
    app.hits.clear();
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(area, theme, frame);
        return;
    }
    // A status (a file written, an error) wraps onto up to three lines rather than losing its
    // end: the path and "your answers are kept" both matter.
    let status_lines = app.status.as_deref().map_or_else(Vec::new, |status| {
        let mut lines = crate::text::wrap(status, usize::from(area.width.saturating_sub(2)));
        lines.truncate(3);
        lines
    });
    let footer_height = u16::try_from(status_lines.len().max(1)).unwrap_or(1);
    let [header, body, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(footer_height),
    ])
    .areas(area);
    chrome::header(app, theme, header, frame.buffer_mut());
    match (app.tab, &app.screen) {
        (Tab::Compare, _) => compare::draw(app, theme, body, frame.buffer_mut()),
        (Tab::Search, _) => search::draw(app, theme, body, frame.buffer_mut()),
        (Tab::Cost, _) => cost::draw(app, theme, body, frame.buffer_mut()),
        (Tab::Guide, Screen::Question { position, cursor }) => {
            question::draw(app, *position, *cursor, theme, body, frame.buffer_mut());
        }
        (Tab::Guide, Screen::Result { outcome, scroll }) => {
            result::draw(app, outcome, *scroll, theme, body, frame.buffer_mut());
        }
    }
    if status_lines.is_empty() {
        chrome::footer(app.context(), theme, footer, frame.buffer_mut());
    } else {
        let lines: Vec<Line> = status_lines
            .into_iter()
            .map(|l| Line::styled(format!(" {l}"), theme.heading()))
            .collect();
        Paragraph::new(lines).render(footer, frame.buffer_mut());
    }
    if app.search_overlay {
        search::draw_popup(app, theme, body, frame.buffer_mut());
    }
    if let Some(view) = &app.detail {
        detail::draw(app, view, theme, body, frame.buffer_mut());
    }
    if app.show_help {
        help::draw(app, theme, area, frame.buffer_mut());
    }
    if let Some(confirm) = &app.confirm {
        confirm_box(app, &confirm.question, theme, area, frame.buffer_mut());
    }
}

/// A yes/no question, centred over everything.
fn confirm_box(
    app: &App,
    question: &str,
    theme: Theme,
    area: Rect,
    buf: &mut ratatui::buffer::Buffer,
) {
    const YES: &str = "y yes";
    const SEP: &str = " · ";
    const NO: &str = "n no";
    let width = area.width.saturating_sub(4).min(64);
    let text = crate::text::wrap(question, usize::from(width.saturating_sub(4)));
    let mut lines: Vec<Line> = text.into_iter().map(Line::raw).collect();
    lines.push(Line::default());
    lines.push(Line::styled(format!("{YES}{SEP}{NO}"), theme.key()));
    let answer_row = u16::try_from(lines.len()).unwrap_or(u16::MAX);
    let popup = popup::draw(lines, " Confirm ", width, 0, theme, area, buf);
    // The answers are clickable: inside the border, on the last line.
    let y = popup.y + answer_row;
    if y < popup.bottom().saturating_sub(1) {
        let x = popup.x + 1;
        let cells = |s: &str| u16::try_from(crate::text::width(s)).unwrap_or(0);
        let no_x = x + cells(YES) + cells(SEP);
        app.hits.add(
            Rect::new(x, y, cells(YES), 1),
            Clickable::Confirm(true),
            true,
        );
        app.hits.add(
            Rect::new(no_x, y, cells(NO), 1),
            Clickable::Confirm(false),
            true,
        );
    }
}

fn too_small(area: Rect, theme: Theme, frame: &mut Frame) {
    let message = vec![
        Line::styled("Terminal too small", theme.heading()),
        Line::from(format!(
            "Make the window at least {MIN_WIDTH}×{MIN_HEIGHT}; it is {}×{}.",
            area.width, area.height
        )),
        Line::styled("q quits", theme.dim()),
    ];
    let top = area.height.saturating_sub(3) / 2;
    let inner = Rect {
        y: area.y + top,
        height: area.height - top,
        ..area
    };
    frame.render_widget(
        Paragraph::new(message).centered().wrap(Wrap { trim: true }),
        inner,
    );
}
