//! One question: where you are, the prompt, why it matters, and the numbered options.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::theme::Theme;
use crate::app::{App, Clickable, ViewState};
use crate::text::{width, wrap};

pub fn draw(
    app: &App,
    state: &mut ViewState,
    (position, cursor): (usize, usize),
    theme: Theme,
    area: Rect,
    buf: &mut Buffer,
) {
    let path = app.path_questions();
    let Some(question) = path.get(position) else {
        return;
    };
    let inner = Rect {
        x: area.x + 2,
        width: area.width.saturating_sub(4),
        ..area
    };
    let text_width = usize::from(inner.width);
    let mut lines: Vec<Line> = Vec::new();
    // A what-if says so, and how to leave it.
    if app.what_if {
        let note = "What if: try another answer · Esc goes back to the original answers";
        for l in wrap(note, text_width) {
            lines.push(Line::styled(l, theme.changed()));
        }
    }

    // Breadcrumb of the answers so far, wrapped so no answer is cut off.
    let mut crumbs: Vec<(String, String)> = Vec::new();
    for q in path.iter().take(position) {
        // The answer's words, not its id: `workload: batch` read like AWS Batch.
        if let Some(answer) = app.answers.get(&q.id) {
            let words = q.answer_words(answer);
            crumbs.push((format!("{}: ", q.id), format!("{words} › ")));
        }
    }
    let mut line: Vec<Span> = Vec::new();
    let mut used = 0;
    for (label, value) in crumbs {
        let w = width(&label) + width(&value);
        if used + w > text_width && used > 0 {
            lines.push(Line::from(std::mem::take(&mut line)));
            used = 0;
        }
        line.push(Span::styled(label, theme.dim()));
        line.push(Span::raw(value));
        used += w;
    }
    if used + width(&question.id) > text_width && used > 0 {
        lines.push(Line::from(std::mem::take(&mut line)));
    }
    line.push(Span::styled(question.id.clone(), theme.heading()));
    lines.push(Line::from(line));
    lines.push(Line::default());

    for l in wrap(&question.prompt, text_width) {
        lines.push(Line::styled(l, theme.title()));
    }
    for l in wrap(&question.why, text_width) {
        lines.push(Line::styled(l, theme.dim()));
    }
    lines.push(Line::default());

    let remembered = app.answers.get(&question.id);
    for (i, option) in question.options.iter().enumerate() {
        let y = inner.y + u16::try_from(lines.len()).unwrap_or(u16::MAX);
        let hit = Rect {
            y,
            height: 1,
            ..inner
        }
        .intersection(inner);
        state.hits.add(hit, Clickable::Option(i), false);
        let selected = i == cursor;
        let marker = if selected { "›" } else { " " };
        let mut label = if question.multi {
            let ticked = remembered.is_some_and(|a| question.picks(a, &option.id));
            let tick = if ticked { "[x]" } else { "[ ]" };
            format!("{marker} {}  {tick} {}", i + 1, option.label)
        } else {
            format!("{marker} {}  {}", i + 1, option.label)
        };
        if !question.multi && remembered == Some(&option.id) {
            label.push_str("  (your answer)");
        }
        let style = if selected {
            theme.selected()
        } else {
            Default::default()
        };
        lines.push(Line::styled(label, style));
    }
    if let Some(option) = question.options.get(cursor)
        && !option.help.is_empty()
    {
        lines.push(Line::default());
        for l in wrap(&option.help, text_width.saturating_sub(4)) {
            lines.push(Line::styled(format!("    {l}"), theme.dim()));
        }
    }
    Paragraph::new(lines).render(inner, buf);
}
