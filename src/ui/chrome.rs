//! The header line and the key-hint footer shared by every screen.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::theme::Theme;
use crate::app::{App, Screen};
use crate::keys::{self, Context};
use crate::text::width;

pub fn header(app: &App, theme: Theme, area: Rect, buf: &mut Buffer) {
    let place = match &app.screen {
        Screen::Question { position, .. } => format!(
            "Question {} of {}",
            position + 1,
            app.path_questions().len()
        ),
        Screen::Result { .. } => "Recommendation".to_owned(),
    };
    let right = format!("data as of {} ", app.guide.meta.as_of);
    let left = vec![
        Span::styled(" computepick ", theme.title()),
        Span::styled("· ", theme.dim()),
        Span::raw(place),
    ];
    let used: usize = left.iter().map(|s| width(&s.content)).sum();
    let mut spans = left;
    let room = usize::from(area.width).saturating_sub(used);
    if room > width(&right) + 1 {
        spans.push(Span::raw(" ".repeat(room - width(&right))));
        spans.push(Span::styled(right, theme.dim()));
    }
    Line::from(spans).render(area, buf);
}

/// Key hints for the current context, from the keymap, cut to fit the width.
pub fn footer(context: Context, theme: Theme, area: Rect, buf: &mut Buffer) {
    let mut spans = vec![Span::raw(" ")];
    let mut used = 1;
    for binding in keys::bindings_for(context).filter(|b| b.in_footer) {
        let key = binding
            .keys
            .first()
            .map(|_| binding.key_labels())
            .unwrap_or_default();
        let key = key.split('/').next().unwrap_or_default().to_owned();
        let item = width(&key) + 1 + width(binding.hint) + 3;
        if used + item > usize::from(area.width) {
            break;
        }
        used += item;
        spans.push(Span::styled(key, theme.key()));
        spans.push(Span::raw(format!(" {}", binding.hint)));
        spans.push(Span::styled(" · ", theme.dim()));
    }
    spans.pop();
    Line::from(spans).render(area, buf);
}
