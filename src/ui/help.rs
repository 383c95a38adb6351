//! The `?` overlay: every key of the screen beneath, read from the keymap.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::theme::Theme;
use crate::app::App;
use crate::keys::{self, Context};
use crate::text::{width, wrap};

pub fn draw(app: &App, theme: Theme, area: Rect, buf: &mut Buffer) {
    let beneath = app.screen_context();
    let screen_actions: Vec<_> = keys::bindings_for(beneath).map(|b| b.action).collect();
    let rows: Vec<(String, &str)> = keys::bindings_for(beneath)
        .chain(keys::bindings_for(Context::Help).filter(|b| !screen_actions.contains(&b.action)))
        .map(|b| (b.key_labels(), b.help))
        .collect();
    let key_width = rows.iter().map(|(k, _)| width(k)).max().unwrap_or(0);
    let widest = rows.iter().map(|(_, h)| width(h)).max().unwrap_or(0);
    let help_width = widest
        .min(usize::from(area.width).saturating_sub(key_width + 7))
        .max(10);
    let mut lines: Vec<Line> = Vec::new();
    for (k, help) in &rows {
        for (i, part) in wrap(help, help_width).into_iter().enumerate() {
            let key = if i == 0 { k.as_str() } else { "" };
            lines.push(Line::from(vec![
                Span::styled(format!(" {key:<key_width$}  "), theme.key()),
                Span::raw(part),
            ]));
        }
    }
    let content_width = key_width + help_width + 5;
    let w = u16::try_from(content_width).unwrap_or(u16::MAX);
    super::popup::draw(lines, " Keys · Esc or ? to close ", w, 0, theme, area, buf);
}
