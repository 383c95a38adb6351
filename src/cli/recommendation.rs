//! How `recommend` prints a recommendation: text, Markdown or JSON, with the monthly cost of
//! the recommendation and its runners-up when a workload size was given.

use std::fmt::Write;

use serde::Serialize;

use super::output::Format;
use crate::core::report::recommendation::{self, COST_NOTE, Document, Reason, Section};
use crate::cost::Estimate;
use crate::data::Guide;
use crate::engine::{self, Recommendation, Walk};
use crate::{explain, markdown};

pub fn render(guide: &Guide, walk: &Walk, rec: &Recommendation, format: Format) -> String {
    render_with_cost(guide, walk, rec, None, &[], format)
}

/// As [`render`], with the monthly cost of the recommendation and runners-up when `estimate`
/// is given (the workload flags were).
pub fn render_with_cost(
    guide: &Guide,
    walk: &Walk,
    rec: &Recommendation,
    estimate: Option<&Estimate>,
    notes: &[String],
    format: Format,
) -> String {
    match format {
        Format::Text => text(&Document::new(guide, walk, rec, estimate, notes)),
        Format::Markdown => markdown::render(guide, walk, rec, estimate, notes),
        Format::Json => json(guide, walk, rec, estimate, notes),
    }
}

/// A line per wrapped piece of `text`: `first` before the first, as many spaces after.
fn wrapped(out: &mut String, text: &str, width: usize, indent: &str, first: &str) {
    let rest = " ".repeat(first.chars().count());
    let room = width + crate::text::width(first);
    for (mark, line) in crate::text::hanging(text, first, &rest, room) {
        let _ = writeln!(out, "{indent}{mark}{line}");
    }
}

/// `  +3  workload = event: ...`, unwrapped (the reasons are short and read as a column).
fn reason_lines(out: &mut String, reasons: &[Reason<'_>], indent: &str) {
    for c in reasons {
        let _ = writeln!(
            out,
            "{indent}{:>3}  {}: {}",
            c.signed(),
            c.answers,
            c.reason
        );
    }
}

fn text(doc: &Document<'_>) -> String {
    let mut out = String::new();
    for section in &doc.sections {
        match section {
            Section::Verdict {
                name,
                service,
                score,
                notes,
            } => {
                let _ = writeln!(out, "Recommendation: {name} ({service}), score {score}");
                for note in notes {
                    wrapped(&mut out, note, 96, "", "");
                }
            }
            Section::NoVerdict => {
                let _ = writeln!(out, "No recommendation: every service is ruled out.");
            }
            Section::Warnings(warnings) => {
                let _ = writeln!(out, "\nYour answers pull against each other:");
                for warning in *warnings {
                    wrapped(&mut out, warning, 92, "  ", "! ");
                }
            }
            Section::Why { reasons, .. } => {
                let _ = writeln!(out, "\nWhy:");
                reason_lines(&mut out, reasons, "  ");
            }
            // The recommendation is above: only the runners-up.
            Section::Ranking(ranking) if ranking.len() > 1 => {
                let _ = writeln!(out, "\nRunners-up:");
                for r in &ranking[1..] {
                    let _ = writeln!(
                        out,
                        "  {}. {} ({}), score {} ({})",
                        r.rank,
                        r.name,
                        r.service,
                        r.score,
                        explain::gap(r.behind)
                    );
                    if let Some(flip) = &r.flip {
                        wrapped(&mut out, &format!("It {flip}."), 90, "       ", "");
                    }
                    reason_lines(&mut out, &r.reasons, "       ");
                }
            }
            Section::Ranking(_) => {}
            Section::Cost(cost) => {
                let _ = writeln!(
                    out,
                    "\nCost at your size (in the recommendation's order, the cheapest marked):"
                );
                wrapped(&mut out, &cost.summary, 96, "  ", "");
                for c in &cost.costs {
                    let _ = writeln!(out, "  #{} {}: {}{}", c.rank, c.name, c.monthly, c.mark());
                    for w in c.warnings {
                        wrapped(&mut out, w, 90, "      ", "! ");
                    }
                }
                let note = format!("{} prices as of {}; {COST_NOTE}.", cost.region, cost.as_of);
                for note in std::iter::once(&note).chain(cost.price_notes) {
                    wrapped(&mut out, note, 96, "  ", "");
                }
            }
            Section::RuledOut(lines) => {
                let _ = writeln!(out, "\nRuled out:");
                for line in lines {
                    let _ = writeln!(out, "  {line}");
                }
            }
            Section::Answers(answers) => {
                let _ = writeln!(out, "\nYour answers:");
                for a in answers {
                    let _ = writeln!(
                        out,
                        "  {}={}  ({} {})",
                        a.question, a.answer, a.prompt, a.label
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

#[derive(Serialize)]
struct JsonOut<'a> {
    recommendation: Option<&'a str>,
    /// How a tie on score was settled, or that the top two are within a point.
    notes: Vec<String>,
    /// Answers that pull against each other.
    warnings: &'a [String],
    ranking: Vec<JsonRanked<'a>>,
    excluded: Vec<JsonExcluded<'a>>,
    path: Vec<JsonStep<'a>>,
    ignored: &'a [String],
    /// Only with the workload flags, so the output without them is unchanged.
    #[serde(skip_serializing_if = "Option::is_none")]
    cost: Option<JsonCost<'a>>,
}

/// The estimate for the ranked services, in ranking order; `computepick cost --format json`
/// has the breakdowns and assumptions.
#[derive(Serialize)]
struct JsonCost<'a> {
    region: &'a str,
    as_of: &'a str,
    currency: &'a str,
    inputs: &'a crate::cost::Inputs,
    services: Vec<JsonServiceCost<'a>>,
    note: &'a str,
    /// Prices older than 180 days.
    stale: bool,
    /// Stale prices, prices not the Region's own: sentences (empty when there is nothing to say).
    price_notes: &'a [String],
}

#[derive(Serialize)]
struct JsonServiceCost<'a> {
    service: &'a str,
    name: &'a str,
    total: Option<f64>,
    reason: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonRanked<'a> {
    service: &'a str,
    name: &'a str,
    score: i32,
    /// "+3 workload = event: ..." — the weight, the answer that applied it, and why.
    reasons: Vec<String>,
    /// The smallest change of answers that makes this service win; null for the
    /// recommendation and when no change of one or two answers does.
    flip: Option<&'a [engine::Change]>,
}

#[derive(Serialize)]
struct JsonExcluded<'a> {
    service: &'a str,
    /// "runtime = hours: ..." — the answer that ruled it out, and why.
    reasons: Vec<String>,
}

#[derive(Serialize)]
struct JsonStep<'a> {
    question: &'a str,
    answer: &'a str,
}

fn json(
    guide: &Guide,
    walk: &Walk,
    rec: &Recommendation,
    estimate: Option<&Estimate>,
    notes: &[String],
) -> String {
    let cost = estimate.map(|e| JsonCost {
        region: &e.region,
        as_of: &e.as_of,
        currency: &e.currency,
        inputs: &e.inputs,
        services: rec
            .ranking
            .iter()
            .filter_map(|r| e.service(&r.service))
            .map(|s| JsonServiceCost {
                service: &s.service,
                name: &s.name,
                total: s.total,
                reason: s.reason.as_deref(),
            })
            .collect(),
        note: COST_NOTE,
        stale: notes
            .iter()
            .any(|n| n.starts_with(crate::prices::STALE_PREFIX)),
        price_notes: notes,
    });
    let out = JsonOut {
        recommendation: rec.top().map(|t| t.service.as_str()),
        notes: recommendation::notes(guide, rec),
        warnings: &rec.warnings,
        ranking: rec
            .ranking
            .iter()
            .map(|r| JsonRanked {
                service: &r.service,
                name: &r.name,
                score: r.score,
                reasons: r
                    .reasons
                    .iter()
                    .map(|c| {
                        format!(
                            "{} {}: {}",
                            explain::signed(c.weight),
                            explain::answer_ids(c),
                            c.reason
                        )
                    })
                    .collect(),
                flip: r.flip.as_deref(),
            })
            .collect(),
        excluded: rec
            .excluded
            .iter()
            .map(|e| JsonExcluded {
                service: &e.service,
                reasons: e
                    .reasons
                    .iter()
                    .map(|c| format!("{}: {}", explain::answer_ids(c), c.reason))
                    .collect(),
            })
            .collect(),
        path: walk
            .path
            .iter()
            .map(|s| JsonStep {
                question: &s.question,
                answer: &s.answer,
            })
            .collect(),
        ignored: &walk.ignored,
        cost,
    };
    // Serializing plain strings and numbers cannot fail.
    serde_json::to_string_pretty(&out).unwrap_or_default() + "\n"
}
