//! The path field of save and export: a small popup with the path (scrolled sideways to keep
//! the cursor in view), the reason the last try failed, where a relative path goes, and keys.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::theme::Theme;
use crate::app::{App, SaveAs};
use crate::text::{safe, width, wrap};

pub fn draw(app: &App, field: &SaveAs, theme: Theme, area: Rect, buf: &mut Buffer) {
    let (title, verb) = if field.what == "answers" {
        (" Save answers ", "save")
    } else {
        (" Export decision record ", "export")
    };
    let popup_width = area.width.saturating_sub(4).min(72);
    // Inside the border and a column of padding on each side.
    let inner = usize::from(popup_width.saturating_sub(4));
    let mut lines = vec![Line::raw(format!(
        "{} the {} to:",
        capital(verb),
        field.what
    ))];
    let (cut, before, at, after) = visible(field, inner.saturating_sub(2));
    let mut spans = vec![Span::styled("› ", theme.key())];
    if cut {
        spans.push(Span::styled("…", theme.dim()));
    }
    spans.push(Span::raw(safe(&before).into_owned()));
    spans.push(Span::styled(safe(&at).into_owned(), theme.selected()));
    spans.push(Span::raw(safe(&after).into_owned()));
    lines.push(Line::from(spans));
    if let Some(error) = &field.error {
        for line in wrap(&safe(error), inner).into_iter().take(4) {
            lines.push(Line::styled(line, theme.negative()));
        }
    }
    let dir = app.shown(&app.out_dir);
    let dir = if dir.is_empty() {
        "the folder the app started in".to_owned()
    } else {
        dir
    };
    let home = if app.home.is_some() {
        "; ~/ is your home"
    } else {
        ""
    };
    let note = format!("A relative path is in {}{home}.", safe(&dir));
    lines.extend(
        wrap(&note, inner)
            .into_iter()
            .take(3)
            .map(|l| Line::styled(l, theme.dim())),
    );
    lines.push(Line::default());
    lines.push(Line::styled(
        format!("Enter {verb} · Esc cancel"),
        theme.key(),
    ));
    super::popup::draw(lines, title, popup_width, 1, theme, area, buf);
}

fn capital(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_uppercase().collect::<String>() + chars.as_str()
    })
}

/// The part of the field that fits `room` columns with the cursor in view: whether the start
/// is cut off (shown as `…`), the text before the cursor, the character under it (a space at
/// the end), and the text after it.
fn visible(field: &SaveAs, room: usize) -> (bool, String, String, String) {
    let chars: Vec<char> = field.text.chars().collect();
    let cursor = field.cursor.min(chars.len());
    let w = |c: char| width(c.encode_utf8(&mut [0; 4])).max(1);
    let at = chars.get(cursor).copied().unwrap_or(' ');
    let mut used = w(at);
    let mut start = cursor;
    while start > 0 && used + w(chars[start - 1]) <= room {
        start -= 1;
        used += w(chars[start]);
    }
    let cut = start > 0;
    if cut {
        // Room for the `…`.
        while used + 1 > room && start < cursor {
            used -= w(chars[start]);
            start += 1;
        }
        used += 1;
    }
    let mut end = (cursor + 1).min(chars.len());
    while end < chars.len() && used + w(chars[end]) <= room {
        used += w(chars[end]);
        end += 1;
    }
    let before: String = chars[start..cursor].iter().collect();
    let after: String = chars[(cursor + 1).min(chars.len())..end].iter().collect();
    (cut, before, at.to_string(), after)
}
