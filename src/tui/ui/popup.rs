//! A bordered box of lines centred over the screen: help, confirmations, a comparison cell.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Clear, Padding, Paragraph, Widget};

use super::theme::Theme;

/// Draws `lines` in a rounded box `width` cells wide (borders included), as tall as the lines
/// need, centred in `area` and never larger than it.
pub fn draw(
    lines: Vec<Line>,
    title: &str,
    width: u16,
    padding: u16,
    theme: Theme,
    area: Rect,
    buf: &mut Buffer,
) -> Rect {
    let height = u16::try_from(lines.len() + 2)
        .unwrap_or(u16::MAX)
        .min(area.height);
    let [row] = Layout::vertical([Constraint::Length(height)])
        .flex(Flex::Center)
        .areas(area);
    let [popup] = Layout::horizontal([Constraint::Length(width.min(area.width))])
        .flex(Flex::Center)
        .areas(row);
    Clear.render(popup, buf);
    Paragraph::new(lines)
        .block(
            Block::bordered()
                .border_type(BorderType::Rounded)
                .border_style(theme.border())
                .padding(Padding::horizontal(padding))
                .title(title.to_owned()),
        )
        .render(popup, buf);
    popup
}
