//! The result: the recommendation and why, the runners-up with their gap, the ruled-out
//! services with the answer that ruled each out, and the answers (numbered, to change one).

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget};

use super::answer_words::{self, SHORT};
use super::theme::Theme;
use crate::app::{App, Clickable, Outcome, ViewState};
use crate::explain;
use crate::text::{hanging, wrap};

pub fn draw(
    app: &App,
    state: &mut ViewState,
    (outcome, scroll): (&Outcome, u16),
    theme: Theme,
    area: Rect,
    buf: &mut Buffer,
) {
    let (answers, places) = answer_lines(app, outcome, theme, area.width.saturating_sub(2));
    let answers_height = u16::try_from(answers.len()).unwrap_or(3) + 1;
    let [body, bottom] =
        Layout::vertical([Constraint::Min(3), Constraint::Length(answers_height)]).areas(area);
    let inner = Rect {
        x: body.x + 1,
        width: body.width.saturating_sub(2),
        ..body
    };
    let lines = body_lines(app, outcome, theme, usize::from(inner.width));
    let total = u16::try_from(lines.len()).unwrap_or(u16::MAX);
    let max_scroll = total.saturating_sub(inner.height);
    state.result_max_scroll = max_scroll;
    let scroll = scroll.min(max_scroll);
    Paragraph::new(lines).scroll((scroll, 0)).render(inner, buf);
    // Each numbered answer is a click target, where `answer_lines` put it: under the border,
    // which carries the heading (a row more for the answers at 60×18).
    for (n, (row, x, width)) in places.into_iter().enumerate() {
        let at = |v: usize| u16::try_from(v).unwrap_or(u16::MAX);
        let hit = Rect::new(bottom.x + at(x), bottom.y + 1 + at(row), at(width), 1);
        state
            .hits
            .add(hit.intersection(bottom), Clickable::Answer(n + 1), false);
    }
    Paragraph::new(answers)
        .block(
            Block::new()
                .borders(Borders::TOP)
                .border_style(theme.dim())
                .title(Line::styled(
                    " Your answers · a number changes one ",
                    theme.heading(),
                )),
        )
        .render(bottom, buf);
    // The scroll hint sits on the separator line, so it never covers text.
    if max_scroll > 0 {
        let more = if scroll < max_scroll {
            " ↓ more: j/↓ "
        } else {
            " ↑ back up: k/↑ "
        };
        Line::styled(more, theme.dim()).right_aligned().render(
            Rect {
                height: 1,
                ..bottom
            },
            buf,
        );
    }
}

fn reason_lines(
    (app, outcome): (&App, &Outcome),
    c: &crate::engine::Contribution,
    indent: usize,
    (width, theme): (usize, Theme),
) -> Vec<Line<'static>> {
    let sign = explain::signed(c.weight);
    let style = if c.weight >= 0 {
        theme.positive()
    } else {
        theme.negative()
    };
    let head = format!("{:indent$}{sign:>3} ", "");
    // The answer behind it as the answers panel numbers it, not `control = none`.
    let answer = answer_words::reference(&app.guide, &outcome.walk.path, &c.question, &c.answer);
    let text = format!("{} ({answer})", c.reason);
    let indent = " ".repeat(head.chars().count());
    let mut lines = Vec::new();
    for (lead, l) in hanging(&text, &head, &indent, width) {
        if lead == head {
            lines.push(Line::from(vec![
                Span::styled(head.clone(), style),
                Span::raw(l),
            ]));
        } else {
            lines.push(Line::raw(format!("{lead}{l}")));
        }
    }
    lines
}

fn body_lines(app: &App, outcome: &Outcome, theme: Theme, width: usize) -> Vec<Line<'static>> {
    let rec = &outcome.recommendation;
    let mut lines = Vec::new();
    if let Some(diff) = &outcome.what_if {
        lines.extend(what_if_lines((app, &outcome.walk.path), diff, theme, width));
    }
    let Some(top) = rec.top() else {
        lines.push(Line::styled(
            "No recommendation: every service is ruled out.",
            theme.excluded(),
        ));
        return lines;
    };
    lines.push(Line::from(vec![
        Span::styled("★ Recommended: ", theme.heading()),
        Span::styled(top.name.clone(), theme.winner()),
        Span::styled(format!("  score {}", top.score), theme.dim()),
    ]));
    lines.extend(score_lines(rec, theme, width));
    let notes = explain::tie_note(&app.guide, rec)
        .into_iter()
        .chain(explain::close_call_note(&app.guide, rec));
    for note in notes {
        for l in wrap(&note, width.saturating_sub(2)) {
            lines.push(Line::styled(format!("  {l}"), theme.changed()));
        }
    }
    for warning in &rec.warnings {
        for (mark, l) in hanging(warning, "  ! ", "    ", width) {
            lines.push(Line::styled(format!("{mark}{l}"), theme.negative()));
        }
    }
    if let Some(service) = app.guide.service(&top.service) {
        for l in wrap(&service.summary, width.saturating_sub(2)) {
            lines.push(Line::styled(format!("  {l}"), theme.dim()));
        }
    }
    lines.push(Line::styled("  Why:", theme.heading()));
    for c in &top.reasons {
        lines.extend(reason_lines((app, outcome), c, 2, (width, theme)));
    }
    if rec.ranking.len() > 1 {
        lines.push(Line::default());
        lines.push(Line::styled("Runners-up", theme.heading()));
        for (i, r) in rec.ranking.iter().enumerate().skip(1) {
            let lead = if rec.is_close_call(r) { CLOSE } else { " " };
            lines.push(Line::from(vec![
                Span::styled(format!("{lead} "), theme.changed()),
                Span::raw(format!("{}. ", i + 1)),
                Span::styled(r.name.clone(), theme.heading()),
                Span::styled(
                    format!(
                        "  score {}, {}",
                        r.score,
                        crate::explain::gap(top.score - r.score)
                    ),
                    theme.dim(),
                ),
            ]));
            let flip = format!("It {}.", explain::flip_words(&app.guide, r));
            for l in wrap(&flip, width.saturating_sub(4)) {
                lines.push(Line::styled(format!("    {l}"), theme.changed()));
            }
            // Every reason, against as well as for: why it lost matters as much as its merits.
            for c in &r.reasons {
                lines.extend(reason_lines((app, outcome), c, 4, (width, theme)));
            }
        }
    }
    if app.cost.sized
        && let Some(estimate) = &app.cost.estimate
    {
        lines.push(Line::default());
        let heading = format!(
            "Cost at your size ({}), in the recommendation's order",
            estimate.inputs.summary()
        );
        for l in wrap(&heading, width) {
            lines.push(Line::styled(l, theme.heading()));
        }
        if let Some(conflict) = crate::engine::duration_conflict(
            &app.guide,
            &outcome.walk.path,
            estimate.inputs.duration_ms,
        ) {
            for (mark, l) in hanging(&conflict, "  ! ", "    ", width) {
                lines.push(Line::styled(format!("{mark}{l}"), theme.negative()));
            }
        }
        for c in crate::core::report::recommendation::ranked_costs(estimate, rec)
            .iter()
            .take(4)
        {
            let text = format!("#{} {}: {}{}", c.rank, c.name, c.monthly, c.mark());
            for (mark, l) in hanging(&text, "  $ ", "    ", width) {
                lines.push(Line::raw(format!("{mark}{l}")));
            }
            for w in c.warnings {
                for (mark, l) in hanging(w, "    ! ", "      ", width) {
                    lines.push(Line::styled(format!("{mark}{l}"), theme.negative()));
                }
            }
        }
        let note = format!(
            "Estimate only: {} prices as of {}; details on the Cost tab.",
            estimate.region, estimate.as_of
        );
        for l in wrap(&note, width.saturating_sub(2)) {
            lines.push(Line::styled(format!("  {l}"), theme.dim()));
        }
        // Stale prices, or prices not the Region's own, are said in full, not dimmed.
        for note in app.price_notes().sentences() {
            for l in wrap(&note, width.saturating_sub(2)) {
                lines.push(Line::raw(format!("  {l}")));
            }
        }
    }
    if !rec.excluded.is_empty() {
        lines.push(Line::default());
        lines.push(Line::styled("Ruled out", theme.heading()));
        for sentence in rec.excluded.iter().map(|e| knockout(app, outcome, e)) {
            for (mark, l) in hanging(&sentence, "  ✗ ", "    ", width) {
                if mark == "  ✗ " {
                    lines.push(Line::from(vec![
                        Span::styled(mark, theme.excluded()),
                        Span::raw(l),
                    ]));
                } else {
                    lines.push(Line::raw(format!("{mark}{l}")));
                }
            }
        }
    }
    lines
}

/// Marks a runner-up within the engine's close-call margin of the recommendation.
const CLOSE: &str = "≈";

/// Widest a score bar gets: longer says nothing more.
const MAX_BAR: usize = 48;

/// Every ranked service's score as a bar beside its number (see [`super::bars`] for the
/// scale), the close calls marked `≈` and the mark said once. Ruled-out services have no bar:
/// they are listed as out further down. Nothing when fewer than two are ranked: one bar
/// compares nothing.
fn score_lines(
    rec: &crate::engine::Recommendation,
    theme: Theme,
    width: usize,
) -> Vec<Line<'static>> {
    if rec.ranking.len() < 2 {
        return Vec::new();
    }
    let names = rec
        .ranking
        .iter()
        .map(|r| crate::text::width(&r.name))
        .max()
        .unwrap_or(0)
        .min(width / 3)
        .max(1);
    let numbers = rec
        .ranking
        .iter()
        .map(|r| r.score.to_string().len())
        .max()
        .unwrap_or(1);
    // "  ≈ " name, a space, the number, a space, the bar.
    let cells = width
        .saturating_sub(4 + names + 1 + numbers + 1)
        .min(MAX_BAR);
    let scale = super::bars::scale(rec.ranking.iter().map(|r| r.score));
    let mut lines = Vec::new();
    for (i, r) in rec.ranking.iter().enumerate() {
        let (mark, style) = if i == 0 {
            ("★", theme.winner())
        } else if rec.is_close_call(r) {
            (CLOSE, theme.changed())
        } else {
            (" ", theme.dim())
        };
        let bar = super::bars::text(super::bars::eighths(r.score, scale, cells));
        lines.push(Line::from(vec![
            Span::styled(format!("  {mark} "), style),
            Span::raw(format!("{} ", fit(&r.name, names))),
            Span::styled(format!("{:>numbers$} ", r.score), theme.dim()),
            Span::styled(bar, style),
        ]));
    }
    if rec.ranking.iter().any(|r| rec.is_close_call(r)) {
        let margin = crate::text::count_noun(
            usize::try_from(crate::engine::CLOSE_CALL_MARGIN).unwrap_or(0),
            "point",
            "points",
        );
        let legend = format!("{CLOSE} close call (within {margin}): see what would flip it");
        for (lead, l) in hanging(&legend, "  ", "    ", width) {
            lines.push(Line::styled(format!("{lead}{l}"), theme.changed()));
        }
    }
    lines
}

/// `text` padded or cut (with `…`) to exactly `cells` columns.
fn fit(text: &str, cells: usize) -> String {
    if crate::text::width(text) <= cells {
        let fill = cells - crate::text::width(text);
        return format!("{text}{:fill$}", "");
    }
    let mut out = String::new();
    for c in text.chars() {
        if crate::text::width(&out) + crate::text::width(&c.to_string()) + 1 > cells {
            break;
        }
        out.push(c);
    }
    out.push('…');
    let fill = cells.saturating_sub(crate::text::width(&out));
    format!("{out}{:fill$}", "")
}

/// The answers, numbered, wrapped to `width`; and where each number and answer went (line
/// among the answers, column, width), for the mouse. Each is its option's label, shortened at a
/// word on a narrow screen (in full where a quarter of the width holds it).
fn answer_lines(
    app: &App,
    outcome: &Outcome,
    theme: Theme,
    width: u16,
) -> (Vec<Line<'static>>, Vec<(usize, usize, usize)>) {
    let mut lines = Vec::new();
    let cap = SHORT.max(usize::from(width) / 4);
    let mut line: Vec<Span> = vec![Span::raw(" ")];
    let mut used = 1;
    let mut places = Vec::new();
    for (i, step) in outcome.walk.path.iter().enumerate() {
        let item = answer_words::answer_label(&app.guide, &step.question, &step.answer, cap);
        let number = format!("{}", i + 1);
        let w = crate::text::width(&number) + crate::text::width(&item) + 3;
        if used + w > usize::from(width) && used > 1 {
            lines.push(Line::from(std::mem::take(&mut line)));
            line.push(Span::raw(" "));
            used = 1;
        }
        places.push((lines.len(), used, w - 2));
        line.push(Span::styled(number, theme.key()));
        line.push(Span::raw(format!(" {item}  ")));
        used += w;
    }
    lines.push(Line::from(line));
    (lines, places)
}

/// "AWS Lambda is out: one run lasts hours (2 Longer than 15 minutes…)": every rule that
/// ruled the service out, each with the numbered answer behind it.
fn knockout(app: &App, outcome: &Outcome, excluded: &crate::engine::Excluded) -> String {
    crate::explain::knockout_in(excluded, &|c| {
        answer_words::reference(&app.guide, &outcome.walk.path, &c.question, &c.answer)
    })
}

/// The what-if section: the answers changed and every service that moved, with the rules.
fn what_if_lines(
    (app, path): (&App, &[crate::engine::Step]),
    diff: &crate::whatif::WhatIf,
    theme: Theme,
    width: usize,
) -> Vec<Line<'static>> {
    use crate::whatif::{self, Movement};
    let mut lines = vec![Line::from(vec![
        Span::styled("What if ", theme.heading()),
        Span::styled("(o or Esc: back to the original answers)", theme.dim()),
    ])];
    // In words, as the question put them: `state: stateless → external` was ids.
    for change in &diff.answers {
        let sentence = whatif::answer_sentence_in(change, &|question, answer| {
            answer_words::answer_label(&app.guide, question, answer, usize::MAX)
        });
        for (lead, l) in hanging(&sentence, "  ", "    ", width) {
            lines.push(Line::raw(format!("{lead}{l}")));
        }
    }
    for change in &diff.services {
        let (mark, style) = match change.movement {
            Movement::Moved { from, to } if to < from => ("▲ ", theme.positive()),
            Movement::Moved { .. } => ("▼ ", theme.negative()),
            Movement::DroppedOut { .. } => ("✗ ", theme.excluded()),
            Movement::CameBack { .. } => ("↺ ", theme.positive()),
        };
        let sentence = whatif::service_sentence_in(change, &|question, answer| {
            answer_words::reference(&app.guide, path, question, answer)
        });
        // Two columns before the mark: the text wraps after four.
        for (lead, l) in hanging(&sentence, mark, "  ", width.saturating_sub(2)) {
            lines.push(Line::from(vec![
                Span::raw("  "),
                Span::styled(lead, style),
                Span::raw(l),
            ]));
        }
    }
    lines.push(Line::default());
    lines
}
