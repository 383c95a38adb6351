//! Unwrapped lines drawn straight into the buffer. Tables pad every cell with spaces so columns
//! line up; `Paragraph` would split each of those spaces into graphemes, which was most of the
//! compare view's drawing time. Here a span's padding is only styled, never segmented.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Clear, Widget};

/// Draws `lines` from the top of `area`, one per row, cut at its right edge, as a `Paragraph`
/// without wrapping would (left-aligned; the line's style under each span's).
pub fn render(lines: &[Line], area: Rect, buf: &mut Buffer) {
    Clear.render(area, buf);
    for (line, y) in lines.iter().zip(area.top()..area.bottom()) {
        let mut x = area.left();
        for span in &line.spans {
            if x >= area.right() {
                break;
            }
            let room = area.right() - x;
            let width = u16::try_from(span.width()).unwrap_or(u16::MAX).min(room);
            let style = line.style.patch(span.style);
            buf.set_style(Rect::new(x, y, width, 1), style);
            let text = span.content.trim_end_matches(' ');
            if !text.is_empty() {
                buf.set_stringn(x, y, text, usize::from(width), style);
            }
            x = x.saturating_add(width);
        }
    }
}

#[cfg(test)]
mod tests {
    use ratatui::style::{Color, Style};
    use ratatui::text::Span;
    use ratatui::widgets::Paragraph;

    use super::*;

    /// The fast path draws exactly what `Paragraph` draws, symbols and styles.
    #[test]
    fn draws_what_a_paragraph_draws() {
        let lines = vec![
            Line::from(vec![
                Span::styled("ab  ", Style::new().fg(Color::Red)),
                Span::raw(" │ "),
                Span::styled("界x   ", Style::new().bg(Color::Blue)),
            ]),
            Line::styled("─────────────────────────", Style::new().fg(Color::Gray)),
            Line::from(vec![
                Span::raw("  "),
                Span::styled("tail  ", Style::new().bold()),
            ]),
            Line::raw("never drawn: below the area"),
        ];
        let area = Rect::new(1, 1, 10, 3);
        let mut expected = Buffer::empty(Rect::new(0, 0, 12, 5));
        let mut fast = expected.clone();
        Paragraph::new(lines.clone()).render(area, &mut expected);
        render(&lines, area, &mut fast);
        assert_eq!(fast, expected);
    }

    #[test]
    fn a_wide_character_at_the_edge_is_not_cut_in_half() {
        let lines = vec![Line::raw("abc界")];
        let area = Rect::new(0, 0, 4, 1);
        let mut expected = Buffer::empty(area);
        let mut fast = expected.clone();
        Paragraph::new(lines.clone()).render(area, &mut expected);
        render(&lines, area, &mut fast);
        assert_eq!(fast, expected);
    }
}
