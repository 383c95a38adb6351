//! Drawing. Each screen has its own module; overlays draw after the screen beneath them.

mod answer_words;
mod bars;
mod chrome;
mod compare;
mod cost;
mod detail;
mod help;
mod lines;
mod popup;
mod question;
mod result;
mod save_as;
mod search;
pub mod theme;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::app::{App, Clickable, Overlay, Screen, Tab, ViewState};
use theme::Theme;

pub use crate::app::{MIN_HEIGHT, MIN_WIDTH};

/// Draws the app. Drawing changes nothing but the render state (`App::view`): where clickable
/// things landed and how far each view scrolls, for the mouse and the scroll keys.
pub fn draw(app: &mut App, theme: Theme, frame: &mut Frame) {
    let mut state = std::mem::take(&mut app.view);
    state.hits.clear();
    render(app, &mut state, theme, frame);
    app.view = state;
}

fn render(app: &App, state: &mut ViewState, theme: Theme, frame: &mut Frame) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(app, area, theme, frame);
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
    let buf = frame.buffer_mut();
    chrome::header(app, state, theme, header, buf);
    match (app.tab, &app.screen) {
        (Tab::Compare, _) => compare::draw(app, state, theme, body, buf),
        (Tab::Search, _) => search::draw(app, state, theme, body, buf),
        (Tab::Cost, _) => cost::draw(app, state, theme, body, buf),
        (Tab::Guide, Screen::Question { position, cursor }) => {
            question::draw(app, state, (*position, *cursor), theme, body, buf);
        }
        (Tab::Guide, Screen::Result { outcome, scroll }) => {
            result::draw(app, state, (outcome, *scroll), theme, body, buf);
        }
    }
    if status_lines.is_empty() {
        chrome::footer(app.context(), app.guide_keys(), theme, footer, buf);
    } else {
        let lines: Vec<Line> = status_lines
            .into_iter()
            .map(|l| Line::styled(format!(" {l}"), theme.heading()))
            .collect();
        Paragraph::new(lines).render(footer, buf);
    }
    // The overlays, innermost last: the same stack that decides what the keys do.
    for (depth, overlay) in app.overlays().iter().enumerate() {
        match overlay {
            Overlay::Search => search::draw_popup(app, state, theme, body, buf),
            Overlay::Detail(view) => detail::draw(app, state, view, theme, body, buf),
            Overlay::CompareCell => compare::draw_cell(app, theme, body, buf),
            Overlay::Help { scroll } => help::draw(app, state, (depth, *scroll), theme, area, buf),
            Overlay::Confirm(confirm) => confirm_box(state, &confirm.question, theme, area, buf),
            Overlay::SaveAs(field) => save_as::draw(app, field, theme, area, buf),
        }
    }
}

/// A yes/no question, centred over everything.
fn confirm_box(
    state: &mut ViewState,
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
        state.hits.add(
            Rect::new(x, y, cells(YES), 1),
            Clickable::Confirm(true),
            true,
        );
        state.hits.add(
            Rect::new(no_x, y, cells(NO), 1),
            Clickable::Confirm(false),
            true,
        );
    }
}

/// Only quitting works here (and a yes/no question waiting, which is shown).
fn too_small(app: &App, area: Rect, theme: Theme, frame: &mut Frame) {
    let mut message = vec![
        Line::styled("Terminal too small", theme.heading()),
        Line::from(format!(
            "Make the window at least {MIN_WIDTH}×{MIN_HEIGHT}; it is {}×{}.",
            area.width, area.height
        )),
    ];
    match app.confirm() {
        Some(confirm) => {
            message.push(Line::raw(confirm.question.clone()));
            message.push(Line::styled("y yes · n no", theme.key()));
        }
        None => message.push(Line::styled("q quits", theme.dim())),
    }
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
