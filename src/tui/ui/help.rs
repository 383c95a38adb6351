//! The `?` overlay: every key of the screen beneath, read from the keymap.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::theme::Theme;
use crate::app::{App, ViewState};
use crate::keys::{self, Context};
use crate::text::{width, wrap};

/// The help open over the first `depth` overlays, scrolled to `scroll`: it lists the keys of
/// what is beneath it, then its own.
pub fn draw(
    app: &App,
    state: &mut ViewState,
    (depth, scroll): (usize, u16),
    theme: Theme,
    area: Rect,
    buf: &mut Buffer,
) {
    let beneath = app.context_under(depth);
    // The help's own keys, less those that do the same beneath (the same words): Esc closes
    // the help even where Esc on the screen means something else.
    let beneath_keys: Vec<_> = keys::bindings_for(beneath)
        .map(|b| (b.action, b.help))
        .collect();
    let mut rows: Vec<(String, &str)> = keys::bindings_for(beneath)
        .map(|b| (b.key_labels(), b.help))
        .collect();
    let own: Vec<(String, &str)> = keys::bindings_for(Context::Help)
        .filter(|b| !beneath_keys.contains(&(b.action, b.help)))
        .map(|b| (b.key_labels(), b.help))
        .collect();
    let heading_at = rows.len();
    rows.extend(own);
    let key_width = rows.iter().map(|(k, _)| width(k)).max().unwrap_or(0);
    let widest = rows.iter().map(|(_, h)| width(h)).max().unwrap_or(0);
    let help_width = widest
        .min(usize::from(area.width).saturating_sub(key_width + 7))
        .max(10);
    let mut lines: Vec<Line> = Vec::new();
    for (n, (k, help)) in rows.iter().enumerate() {
        if n == heading_at && n > 0 {
            // The keys below work in this overlay, not on the screen beneath it.
            lines.push(Line::styled(" While this help is open:", theme.dim()));
        }
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
    // Taller than the screen: show a window of the keys and say there is more.
    let room = usize::from(area.height.saturating_sub(2)).max(1);
    let max_scroll = lines.len().saturating_sub(room);
    state.help_max_scroll = u16::try_from(max_scroll).unwrap_or(u16::MAX);
    let scroll = usize::from(scroll).min(max_scroll);
    let title = if max_scroll == 0 {
        " Keys · Esc or ? to close ".to_owned()
    } else {
        let more = match (scroll > 0, scroll < max_scroll) {
            (true, true) => "↑↓ more",
            (false, _) => "↓ more",
            (true, false) => "↑ more",
        };
        format!(" Keys · {more}: j/k · Esc or ? to close ")
    };
    let shown: Vec<Line> = lines.into_iter().skip(scroll).take(room).collect();
    super::popup::draw(shown, &title, w, 0, theme, area, buf);
}
