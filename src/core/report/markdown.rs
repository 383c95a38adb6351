//! A recommendation as Markdown, shared by `recommend --format markdown` and the app's `y`
//! (copy), so the two never drift apart; the decision record uses its cost section.

use std::fmt::Write;

use super::recommendation::{Cost, Document, Section};
use crate::cost::Estimate;
use crate::data::Guide;
use crate::engine::{Recommendation, Walk};

/// The recommendation as Markdown: what `recommend --format markdown` prints and what the app
/// copies with `y`; the cost section only when `estimate` is given.
pub fn render(
    guide: &Guide,
    walk: &Walk,
    rec: &Recommendation,
    estimate: Option<&Estimate>,
    notes: &[String],
) -> String {
    write(&Document::new(guide, walk, rec, estimate, notes))
}

fn write(doc: &Document<'_>) -> String {
    let mut out = String::new();
    for section in &doc.sections {
        match section {
            Section::Verdict { name, notes, .. } => {
                let _ = writeln!(out, "# Recommendation: {name}\n");
                for note in notes {
                    let _ = writeln!(out, "> {note}\n");
                }
            }
            Section::NoVerdict => {
                let _ = writeln!(out, "# No recommendation\n\nEvery service is ruled out.");
            }
            Section::Warnings(warnings) => {
                for warning in *warnings {
                    let _ = writeln!(
                        out,
                        "> **Your answers pull against each other:** {warning}\n"
                    );
                }
            }
            Section::Why { score, reasons } => {
                let _ = writeln!(out, "Score {score}. Why:\n");
                for c in reasons {
                    let _ = writeln!(out, "- **{}** `{}`: {}", c.signed(), c.answers, c.reason);
                }
            }
            // With every service ruled out there is nothing to rank: "Ruled out" says why.
            Section::Ranking(ranking) if ranking.is_empty() => {}
            Section::Ranking(ranking) => {
                let _ = writeln!(
                    out,
                    "\n## Ranking\n\n| Rank | Service | Score | Main reasons | What would make it win |\n|---:|---|---:|---|---|"
                );
                for r in ranking {
                    let reasons: Vec<String> = r
                        .reasons
                        .iter()
                        .take(2)
                        .map(|c| format!("{} {}", c.signed(), cell(c.reason)))
                        .collect();
                    let flip = r
                        .flip
                        .as_deref()
                        .map_or_else(|| "(recommended)".to_owned(), capitalize);
                    let _ = writeln!(
                        out,
                        "| {} | {} (`{}`) | {} | {} | {} |",
                        r.rank,
                        r.name,
                        r.service,
                        r.score,
                        reasons.join("; "),
                        cell(&flip)
                    );
                }
            }
            Section::Cost(cost) => {
                let _ = writeln!(out, "\n## Cost at your size\n");
                out.push_str(&cost_table(cost));
                let _ = writeln!(out, "\n{}.", capitalize(super::recommendation::COST_NOTE));
                out.push_str(&price_notes(cost.price_notes));
            }
            Section::RuledOut(lines) => {
                let _ = writeln!(out, "\n## Ruled out\n");
                for line in lines {
                    let _ = writeln!(out, "- {line}");
                }
            }
            Section::Answers(answers) => {
                let _ = writeln!(out, "\n## Answers\n\n| Question | Answer |\n|---|---|");
                for a in answers {
                    let _ = writeln!(
                        out,
                        "| {} (`{}`) | {} (`{}`) |",
                        a.prompt, a.question, a.label, a.answer
                    );
                }
            }
            Section::Ignored(sentence) => {
                let _ = writeln!(
                    out,
                    "
{sentence}"
                );
            }
        }
    }
    out
}

/// The cost section of a sized workload, as the decision record has it: the monthly estimate of
/// every ranked service in the recommendation's order (its rank, not a cost ranking: the
/// cheapest is marked), with the inputs, region and prices' date it rests on, any quota a
/// service passes, and the notes on the prices.
pub fn cost_section(estimate: &Estimate, rec: &Recommendation, notes: &[String]) -> String {
    let cost = Cost::new(estimate, rec, notes);
    cost_table(&cost) + &price_notes(cost.price_notes)
}

/// The estimate as a table, then a warning for every quota a service passes.
fn cost_table(cost: &Cost<'_>) -> String {
    let mut out = format!(
        "For {} ({} prices as of {}; estimate only), in the recommendation's order:\n\n\
         | Rank | Service | Monthly |\n|---:|---|---:|\n",
        cost.summary, cost.region, cost.as_of
    );
    for c in &cost.costs {
        let _ = writeln!(
            out,
            "| {} | {} | {}{} |",
            c.rank,
            c.name,
            cell(&c.total),
            c.mark()
        );
    }
    for c in &cost.costs {
        for w in c.warnings {
            let _ = writeln!(out, "\n> **Warning:** {}: {}", c.name, cell(w));
        }
    }
    out
}

/// The notes on the prices behind an estimate ([`crate::prices::notes`]: stale, or not all the
/// Region's own), to follow the cost table; empty when there is nothing to say.
fn price_notes(notes: &[String]) -> String {
    notes
        .iter()
        .map(|n| format!("\n> **Note:** {}\n", cell(n)))
        .collect()
}

/// Text for a table cell (or a line that may be copied into one): a `|` would end the cell.
fn cell(text: &str) -> String {
    text.replace('|', "\\|")
}

fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_uppercase().collect::<String>() + chars.as_str()
    })
}
