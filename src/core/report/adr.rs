//! An architecture decision record (MADR-style Markdown) for a recommendation: the context in
//! plain words, the decision and why, the alternatives and why each lost or is out, the
//! consequences, and the sources.

use std::fmt::Write;

use super::recommendation::{self, Reason};
use crate::data::Guide;
use crate::engine::{Recommendation, Walk};
use crate::explain;

/// Facts worth watching once the decision is made, by attribute id.
const LIMITS_TO_WATCH: &[&str] = &[
    "max-runtime",
    "max-memory",
    "max-cpu",
    "ephemeral-storage",
    "package-size",
    "concurrency",
    "gpu",
];

/// The default file name for a record written on `date` (YYYY-MM-DD).
pub fn default_file_name(date: &str) -> String {
    format!("computepick-decision-{date}.md")
}

/// What the record needs beyond the recommendation itself.
pub struct RecordInfo<'a> {
    /// YYYY-MM-DD.
    pub date: &'a str,
    /// The data file the recommendation came from, as named in messages.
    pub data_name: &'a str,
    /// A cost section in Markdown ([`crate::markdown::cost_section`]), when the user gave a
    /// workload size.
    pub cost: Option<String>,
}

pub fn render(guide: &Guide, walk: &Walk, rec: &Recommendation, info: &RecordInfo<'_>) -> String {
    let mut out = String::new();
    let answers = recommendation::answers(guide, walk);
    let workload = answers
        .first()
        .map_or_else(|| "the workload".into(), |a| a.label.to_lowercase());
    let Some(top) = rec.top() else {
        let _ = writeln!(out, "# No AWS compute service fits {workload}\n");
        let _ = writeln!(out, "- Status: rejected\n- Date: {}\n", info.date);
        let _ = writeln!(out, "Every service is ruled out by these answers:\n");
        for line in rec.excluded.iter().flat_map(explain::knockouts) {
            let _ = writeln!(out, "- {line}");
        }
        return out;
    };
    let service = guide.service(&top.service);
    let reasons = recommendation::reasons(&top.reasons);

    let _ = writeln!(out, "# Run {workload} on {}\n", top.name);
    let _ = writeln!(out, "- Status: proposed");
    let _ = writeln!(out, "- Date: {}", info.date);
    let _ = writeln!(
        out,
        "- Decided with: computepick {} and its data as of {}\n",
        env!("CARGO_PKG_VERSION"),
        guide.meta.as_of
    );

    let _ = writeln!(out, "## Context and Problem Statement\n");
    let _ = writeln!(
        out,
        "We need to choose where to run {workload} on AWS. These are the workload's needs as we answered them:\n"
    );
    for a in &answers {
        let _ = writeln!(
            out,
            "- {} **{}** (`{}={}`)",
            a.prompt, a.label, a.question, a.answer
        );
    }

    let _ = writeln!(out, "\n## Decision Drivers\n");
    for c in reasons.iter().filter(|c| c.weight > 0) {
        let _ = writeln!(out, "- {}: {} ({})", c.answers, c.reason, c.signed());
    }

    let _ = writeln!(out, "\n## Considered Options\n");
    for (i, r) in rec.ranking.iter().enumerate() {
        let _ = writeln!(out, "{}. {} (score {})", i + 1, r.name, r.score);
    }
    for e in &rec.excluded {
        let _ = writeln!(out, "- {} (ruled out)", e.name);
    }

    let _ = writeln!(out, "\n## Decision Outcome\n");
    let why: Vec<&str> = reasons
        .iter()
        .filter(|c| c.weight > 0)
        .take(3)
        .map(|c| c.reason)
        .collect();
    let _ = writeln!(
        out,
        "Chosen option: **{}**, because {}.",
        top.name,
        if why.is_empty() {
            "no other service fits".to_owned()
        } else {
            why.join("; ")
        }
    );
    let against: Vec<&str> = reasons
        .iter()
        .filter(|c| c.weight < 0)
        .map(|c| c.reason)
        .collect();
    if !against.is_empty() {
        let _ = writeln!(
            out,
            "\nAgainst it (see Consequences): {}.",
            against.join("; ")
        );
    }
    if let Some(note) = tie_note(guide, rec) {
        let _ = writeln!(out, "\n{note}");
    }
    if !rec.warnings.is_empty() {
        let _ = writeln!(out, "\nThe answers pull against each other:\n");
        for warning in &rec.warnings {
            let _ = writeln!(out, "- {warning}");
        }
    }
    if let Some(s) = service {
        let _ = writeln!(out, "\n{}", s.summary);
    }

    let _ = writeln!(out, "\n### Consequences\n");
    // MADR's consequences: what the answers say for and against the chosen service, its
    // downsides included, then what choosing it means for the team.
    for c in &reasons {
        let _ = writeln!(out, "- {}", verdict_line(c));
    }
    if let Some(s) = service {
        for (heading, items) in [
            ("The team now manages:", &s.you_manage),
            ("AWS manages:", &s.aws_manages),
        ] {
            if !items.is_empty() {
                let _ = writeln!(out, "- {heading}");
                for item in items {
                    let _ = writeln!(out, "  - {item}");
                }
            }
        }
        let limits: Vec<String> = LIMITS_TO_WATCH
            .iter()
            .filter_map(|id| {
                let fact = s.facts.iter().find(|f| f.attribute == *id)?;
                let label = guide
                    .attributes
                    .iter()
                    .find(|a| a.id == *id)
                    .map_or(*id, |a| a.label.as_str());
                Some(format!("  - {label}: {}", fact.value))
            })
            .collect();
        if !limits.is_empty() {
            let _ = writeln!(out, "- Limits to watch:\n{}", limits.join("\n"));
        }
        if !s.poor_fit.is_empty() {
            let _ = writeln!(
                out,
                "- Revisit this decision if the workload becomes one of its poor fits:"
            );
            for fit in &s.poor_fit {
                let _ = writeln!(out, "  - {fit}");
            }
        }
    }

    let _ = writeln!(out, "\n## Pros and Cons of the Options\n");
    for r in recommendation::ranking(guide, rec).iter().skip(1) {
        let _ = writeln!(out, "### {} (#{}, {})\n", r.name, r.rank, behind(r.behind));
        if let Some(flip) = &r.flip {
            let _ = writeln!(out, "It {flip}.\n");
        }
        for c in &r.reasons {
            let _ = writeln!(out, "- {}", verdict_line(c));
        }
        if r.reasons.is_empty() {
            let _ = writeln!(out, "- No answer speaks for or against it.");
        }
        let _ = writeln!(out);
    }
    for e in &rec.excluded {
        let _ = writeln!(out, "### {} (ruled out)\n", e.name);
        for line in explain::knockouts(e) {
            let _ = writeln!(out, "- {line}");
        }
        let _ = writeln!(out);
    }

    if let Some(cost) = &info.cost {
        let _ = writeln!(out, "## Cost Estimate\n\n{}\n", cost.trim_end());
    }

    let _ = writeln!(out, "## Sources\n");
    let _ = writeln!(
        out,
        "Data: `{}`, reviewed as of {}; prices in {} ({}) unless stated.\n",
        info.data_name, guide.meta.as_of, guide.meta.region, guide.meta.currency
    );
    if info.cost.is_some() {
        for line in price_sources(guide) {
            let _ = writeln!(out, "{line}");
        }
    }
    if let Some(s) = service {
        for f in &s.facts {
            let label = guide
                .attributes
                .iter()
                .find(|a| a.id == f.attribute)
                .map_or(f.attribute.as_str(), |a| a.label.as_str());
            let _ = writeln!(
                out,
                "- {} of {}: <{}> (as of {})",
                label, s.name, f.source, f.as_of
            );
        }
    }
    out
}

/// `Good, because workload = event: Lambda is invoked directly by ... (+4)`, `Bad, because ...`
/// for a negative weight, as MADR words pros and cons.
fn verdict_line(c: &Reason<'_>) -> String {
    let verdict = match c.weight.signum() {
        1 => "Good",
        -1 => "Bad",
        _ => "Neutral",
    };
    format!(
        "{verdict}, because {}: {} ({})",
        c.answers,
        c.reason,
        c.signed()
    )
}

/// `1 point behind`, `3 points behind`, `same score: a tie`.
fn behind(points: i32) -> String {
    match points {
        0 => "same score: a tie".to_owned(),
        1 => "1 point behind".to_owned(),
        n => format!("{n} points behind"),
    }
}

/// When runners-up score the same as the recommendation, the data file's order picked the
/// winner, not the answers: the record says so plainly.
/// The tie and close-call notes, in the same words as the app and the command line, with the
/// tie flagged for a reader skimming the record.
fn tie_note(guide: &Guide, rec: &Recommendation) -> Option<String> {
    let tie = explain::tie_note(guide, rec).map(|n| format!("**This is a tie.** {n}"));
    let close =
        explain::close_call_note(guide, rec).map(|n| format!("**This is a close call.** {n}"));
    let notes: Vec<String> = tie.into_iter().chain(close).collect();
    (!notes.is_empty()).then(|| notes.join("\n\n"))
}

/// The sources of the prices behind a cost estimate, one line per source and date, in the data
/// file's order: `- Prices of AWS Lambda: <https://...> (as of 2026-11-23)`. Every price the
/// data holds is listed, since the estimate of one service may use another's (EC2 instance
/// prices price EKS nodes, Batch and Beanstalk instances); `computepick cost --format json`
/// names the price behind each line.
fn price_sources(guide: &Guide) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for p in &guide.prices {
        let owner = guide
            .service(&p.service)
            .map_or(p.service.as_str(), |s| s.name.as_str());
        let line = format!("- Prices of {owner}: <{}> (as of {})", p.source, p.as_of);
        if !lines.contains(&line) {
            lines.push(line);
        }
    }
    lines
}
