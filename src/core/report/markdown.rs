//! A recommendation as Markdown, shared by `recommend --format markdown` and the app's `y`
//! (copy), so the two never drift apart.

use std::fmt::Write;

use crate::adr;
use crate::cost::Estimate;
use crate::data::Guide;
use crate::engine::{Recommendation, Walk};
use crate::explain;

/// What an estimate is, said with every cost section.
pub const COST_NOTE: &str = "estimate only, from list prices; `computepick cost` with the same flags \
shows every line and assumption";

/// The recommendation as Markdown: what `recommend --format markdown` prints and what the app
/// copies with `y`; the cost section only when `estimate` is given.
pub fn render(
    guide: &Guide,
    walk: &Walk,
    rec: &Recommendation,
    estimate: Option<&Estimate>,
    notes: &[String],
) -> String {
    let mut out = String::new();
    match rec.top() {
        Some(top) => {
            let _ = writeln!(out, "# Recommendation: {}\n", top.name);
            let notes = explain::tie_note(guide, rec)
                .into_iter()
                .chain(explain::close_call_note(guide, rec));
            for note in notes {
                let _ = writeln!(out, "> {note}\n");
            }
            for warning in &rec.warnings {
                let _ = writeln!(
                    out,
                    "> **Your answers pull against each other:** {warning}\n"
                );
            }
            let _ = writeln!(out, "Score {}. Why:\n", top.score);
            for c in &top.reasons {
                let _ = writeln!(
                    out,
                    "- **{}** `{}`: {}",
                    explain::signed(c.weight),
                    explain::answer_ids(c),
                    c.reason
                );
            }
        }
        None => {
            let _ = writeln!(out, "# No recommendation\n\nEvery service is ruled out.");
        }
    }
    let _ = writeln!(
        out,
        "\n## Ranking\n\n| Rank | Service | Score | Main reasons | What would make it win |\n|---:|---|---:|---|---|"
    );
    for (i, r) in rec.ranking.iter().enumerate() {
        let reasons: Vec<String> = r
            .reasons
            .iter()
            .take(2)
            .map(|c| {
                format!(
                    "{} {}",
                    explain::signed(c.weight),
                    c.reason.replace('|', "\\|")
                )
            })
            .collect();
        let flip = if i == 0 {
            "(recommended)".to_owned()
        } else {
            capitalize(&explain::flip_words(guide, r))
        };
        let _ = writeln!(
            out,
            "| {} | {} (`{}`) | {} | {} | {} |",
            i + 1,
            r.name,
            r.service,
            r.score,
            reasons.join("; "),
            flip.replace('|', "\\|")
        );
    }
    if let Some(e) = estimate
        && !rec.ranking.is_empty()
    {
        let _ = writeln!(out, "\n## Cost at your size\n");
        let _ = write!(out, "{}", adr::cost_section(e, rec));
        let _ = writeln!(out, "\n{}.", capitalize(COST_NOTE));
        let _ = write!(out, "{}", adr::price_notes(notes));
    }
    if !rec.excluded.is_empty() {
        let _ = writeln!(out, "\n## Ruled out\n");
        for line in rec.excluded.iter().flat_map(explain::knockouts) {
            let _ = writeln!(out, "- {line}");
        }
    }
    let _ = writeln!(out, "\n## Answers\n\n| Question | Answer |\n|---|---|");
    for step in &walk.path {
        let (prompt, label) = explain::step_words(guide, step);
        let _ = writeln!(
            out,
            "| {prompt} (`{}`) | {label} (`{}`) |",
            step.question, step.answer
        );
    }
    if !walk.ignored.is_empty() {
        let _ = writeln!(
            out,
            "\nIgnored (not on this path): {}",
            walk.ignored.join(", ")
        );
    }
    out
}

fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_uppercase().collect::<String>() + chars.as_str()
    })
}
