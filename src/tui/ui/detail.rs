//! The detail page of a service or term, drawn over the screen beneath.

use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Widget};

use super::theme::Theme;
use crate::app::{App, DetailView, ViewState};
use crate::detail::{Piece, Target};
use crate::text::{hanging, wrap};

pub fn draw(
    app: &App,
    state: &mut ViewState,
    view: &DetailView,
    theme: Theme,
    area: Rect,
    buf: &mut Buffer,
) {
    let popup = area.inner(Margin::new(2, 1));
    Clear.render(popup, buf);
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.border())
        .title(" Details · Esc to close · ↑↓ scroll ");
    let inner = block.inner(popup).inner(Margin::new(1, 0));
    block.render(popup, buf);
    let lines = match Target::find(&app.guide, &view.id) {
        Some(target) => lines(&target.pieces(&app.guide), usize::from(inner.width), theme),
        None => vec![Line::raw(format!("Nothing is known as \"{}\".", view.id))],
    };
    let total = u16::try_from(lines.len()).unwrap_or(u16::MAX);
    let max_scroll = total.saturating_sub(inner.height);
    state.detail_max_scroll = max_scroll;
    Paragraph::new(lines)
        .scroll((view.scroll.min(max_scroll), 0))
        .render(inner, buf);
}

pub(super) fn lines(pieces: &[Piece], width: usize, theme: Theme) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    let push_wrapped = |out: &mut Vec<Line<'static>>, text: &str, indent: usize, style| {
        for l in wrap(text, width.saturating_sub(indent)) {
            out.push(Line::styled(format!("{:indent$}{l}", ""), style));
        }
    };
    for piece in pieces {
        match piece {
            Piece::Title(t) => push_wrapped(&mut out, t, 0, theme.title()),
            Piece::Subtitle(s) => push_wrapped(&mut out, s, 0, theme.dim()),
            Piece::Paragraph(p) => {
                out.push(Line::default());
                push_wrapped(&mut out, p, 0, Default::default());
            }
            Piece::Heading(h) => {
                out.push(Line::default());
                push_wrapped(&mut out, h, 0, theme.heading());
            }
            Piece::List { label, items } => {
                out.push(Line::default());
                out.push(Line::styled(label.clone(), theme.heading()));
                for item in items {
                    for (bullet, l) in hanging(item, "  • ", "    ", width) {
                        out.push(Line::raw(format!("{bullet}{l}")));
                    }
                }
            }
            Piece::Fact {
                label,
                value,
                source,
                as_of,
            } => {
                let text = format!("{label}: {value}");
                for (i, l) in wrap(&text, width.saturating_sub(2)).into_iter().enumerate() {
                    if i == 0 {
                        let (head, rest) =
                            l.split_at(l.find(':').map_or(0, |c| c + 1).min(l.len()));
                        out.push(Line::from(vec![
                            Span::raw("  "),
                            Span::styled(head.to_owned(), theme.heading()),
                            Span::raw(rest.to_owned()),
                        ]));
                    } else {
                        out.push(Line::raw(format!("  {l}")));
                    }
                }
                let text = format!("source: {source} · as of {as_of}");
                push_wrapped(&mut out, &text, 4, theme.dim());
            }
            Piece::Source { url, as_of } => {
                out.push(Line::default());
                push_wrapped(
                    &mut out,
                    &format!("source: {url} · as of {as_of}"),
                    4,
                    theme.dim(),
                );
            }
        }
    }
    out
}
