//! How `recommend` prints a recommendation: text, Markdown or JSON, with the monthly cost of
//! the recommendation and its runners-up when a workload size was given.

use std::fmt::Write;

use serde::Serialize;

use super::output::Format;
use crate::cost::Estimate;
use crate::data::Guide;
use crate::engine::{self, Recommendation, Walk};
use crate::markdown::{self, COST_NOTE};
use crate::{adr, explain, text as wrap_text};

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
        Format::Text => text(guide, walk, rec, estimate, notes),
        Format::Markdown => markdown::render(guide, walk, rec, estimate, notes),
        Format::Json => json(guide, walk, rec, estimate, notes),
    }
}

fn text(
    guide: &Guide,
    walk: &Walk,
    rec: &Recommendation,
    estimate: Option<&Estimate>,
    notes: &[String],
) -> String {
    let mut out = String::new();
    match rec.top() {
        Some(top) => {
            let _ = writeln!(
                out,
                "Recommendation: {} ({}), score {}",
                top.name, top.service, top.score
            );
            let notes = explain::tie_note(guide, rec)
                .into_iter()
                .chain(explain::close_call_note(guide, rec));
            for note in notes {
                for line in wrap_text::wrap(&note, 96) {
                    let _ = writeln!(out, "{line}");
                }
            }
            if !rec.warnings.is_empty() {
                let _ = writeln!(out, "\nYour answers pull against each other:");
                for warning in &rec.warnings {
                    for (i, line) in wrap_text::wrap(warning, 92).iter().enumerate() {
                        let _ = writeln!(out, "  {} {line}", if i == 0 { "!" } else { " " });
                    }
                }
            }
            let _ = writeln!(out, "\nWhy:");
            for c in &top.reasons {
                let _ = writeln!(
                    out,
                    "  {:>3}  {}: {}",
                    explain::signed(c.weight),
                    explain::answer_ids(c),
                    c.reason
                );
            }
        }
        None => {
            let _ = writeln!(out, "No recommendation: every service is ruled out.");
        }
    }
    if rec.ranking.len() > 1 {
        let _ = writeln!(out, "\nRunners-up:");
        let best = rec.top().map_or(0, |t| t.score);
        for (i, r) in rec.ranking.iter().enumerate().skip(1) {
            let _ = writeln!(
                out,
                "  {}. {} ({}), score {} ({})",
                i + 1,
                r.name,
                r.service,
                r.score,
                explain::gap(best - r.score)
            );
            let flip = format!("It {}.", explain::flip_words(guide, r));
            for line in wrap_text::wrap(&flip, 90) {
                let _ = writeln!(out, "       {line}");
            }
            for c in &r.reasons {
                let _ = writeln!(
                    out,
                    "       {:>3}  {}: {}",
                    explain::signed(c.weight),
                    explain::answer_ids(c),
                    c.reason
                );
            }
        }
    }
    if let Some(e) = estimate
        && !rec.ranking.is_empty()
    {
        let _ = writeln!(
            out,
            "\nCost at your size (in the recommendation's order, the cheapest marked):"
        );
        for line in wrap_text::wrap(&e.inputs.summary(), 96) {
            let _ = writeln!(out, "  {line}");
        }
        for c in adr::ranked_costs(e, rec) {
            let _ = writeln!(out, "  #{} {}: {}{}", c.rank, c.name, c.monthly, c.mark());
            for w in c.warnings {
                for (j, line) in wrap_text::wrap(w, 90).iter().enumerate() {
                    let _ = writeln!(out, "      {} {line}", if j == 0 { "!" } else { " " });
                }
            }
        }
        let note = format!("{} prices as of {}; {COST_NOTE}.", e.region, e.as_of);
        for note in std::iter::once(&note).chain(notes) {
            for line in wrap_text::wrap(note, 96) {
                let _ = writeln!(out, "  {line}");
            }
        }
    }
    if !rec.excluded.is_empty() {
        let _ = writeln!(out, "\nRuled out:");
        for line in rec.excluded.iter().flat_map(explain::knockouts) {
            let _ = writeln!(out, "  {line}");
        }
    }
    let _ = writeln!(out, "\nYour answers:");
    for step in &walk.path {
        let (prompt, label) = explain::step_words(guide, step);
        let _ = writeln!(
            out,
            "  {}={}  ({prompt} {label})",
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
        notes: explain::tie_note(guide, rec)
            .into_iter()
            .chain(explain::close_call_note(guide, rec))
            .collect(),
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
