//! What a recommendation says, built once for every format that prints it: `recommend --format
//! text` and `--format markdown` (and the app's `y`) render this document, and the decision
//! record reuses its pieces. The choice of sections, their order and the words shared by every
//! format are made here; each renderer only lays them out. The two layouts differ on purpose
//! (the text lists the runners-up with every reason, the Markdown tabulates the whole ranking),
//! so the document describes content, not lines. JSON keeps its serde structs: its field names
//! are an interface.

use crate::cost::Estimate;
use crate::data::Guide;
use crate::engine::{Contribution, Recommendation, Walk};
use crate::explain;

/// What an estimate is, said with every cost section.
pub const COST_NOTE: &str = "estimate only, from list prices; `computepick cost` with the same flags \
shows every line and assumption";

/// A recommendation as a list of sections, in the order every format prints them.
pub struct Document<'a> {
    pub sections: Vec<Section<'a>>,
}

pub enum Section<'a> {
    /// The recommended service, with the notes on a tie or a close call.
    Verdict {
        name: &'a str,
        service: &'a str,
        score: i32,
        notes: Vec<String>,
    },
    /// Every service is ruled out.
    NoVerdict,
    /// Answers that pull against each other (only with a verdict, and only when there are some).
    Warnings(&'a [String]),
    /// Why the recommendation: its score and every answer that counted, strongest first.
    Why {
        score: i32,
        reasons: Vec<Reason<'a>>,
    },
    /// Every ranked service, the recommendation first (possibly empty).
    Ranking(Vec<Ranked<'a>>),
    /// The monthly cost of the ranked services at the workload's size.
    Cost(Cost<'a>),
    /// One sentence per ruled-out service.
    RuledOut(Vec<String>),
    /// The answers on the path, in order.
    Answers(Vec<Answer<'a>>),
    /// `Ignored (not on this path): process`: answered questions the path does not pass through.
    Ignored(String),
}

/// One answer's weight for or against a service.
pub struct Reason<'a> {
    pub weight: i32,
    /// `runtime = hours`.
    pub answers: String,
    pub reason: &'a str,
}

impl Reason<'_> {
    /// `+3` or `-2`.
    pub fn signed(&self) -> String {
        explain::signed(self.weight)
    }
}

/// One ranked service.
pub struct Ranked<'a> {
    /// From 1.
    pub rank: usize,
    pub name: &'a str,
    pub service: &'a str,
    pub score: i32,
    /// Points behind the recommendation.
    pub behind: i32,
    /// `would win if ...`; `None` for the recommendation itself.
    pub flip: Option<String>,
    pub reasons: Vec<Reason<'a>>,
}

/// One answer on the path, in ids and in words.
pub struct Answer<'a> {
    pub question: &'a str,
    pub answer: &'a str,
    /// The question's prompt.
    pub prompt: String,
    /// The chosen option's label (a checklist's labels joined by commas).
    pub label: String,
}

/// The estimate for the ranked services, with what it rests on.
pub struct Cost<'a> {
    /// The workload's size and options, in words.
    pub summary: String,
    pub region: &'a str,
    pub as_of: &'a str,
    pub costs: Vec<RankedCost<'a>>,
    /// Stale prices, prices not the Region's own: sentences.
    pub price_notes: &'a [String],
}

impl<'a> Cost<'a> {
    pub fn new(estimate: &'a Estimate, rec: &'a Recommendation, price_notes: &'a [String]) -> Self {
        Cost {
            summary: estimate.inputs.summary(),
            region: &estimate.region,
            as_of: &estimate.as_of,
            costs: ranked_costs(estimate, rec),
            price_notes,
        }
    }
}

impl<'a> Document<'a> {
    /// The document for a recommendation; the cost section only when `estimate` is given (the
    /// workload was sized) and something is ranked.
    pub fn new(
        guide: &Guide,
        walk: &'a Walk,
        rec: &'a Recommendation,
        estimate: Option<&'a Estimate>,
        price_notes: &'a [String],
    ) -> Self {
        let mut sections = Vec::new();
        match rec.top() {
            Some(top) => {
                sections.push(Section::Verdict {
                    name: &top.name,
                    service: &top.service,
                    score: top.score,
                    notes: notes(guide, rec),
                });
                if !rec.warnings.is_empty() {
                    sections.push(Section::Warnings(&rec.warnings));
                }
                sections.push(Section::Why {
                    score: top.score,
                    reasons: reasons(&top.reasons),
                });
            }
            None => sections.push(Section::NoVerdict),
        }
        sections.push(Section::Ranking(ranking(guide, rec)));
        if let Some(e) = estimate
            && !rec.ranking.is_empty()
        {
            sections.push(Section::Cost(Cost::new(e, rec, price_notes)));
        }
        if !rec.excluded.is_empty() {
            let lines = rec.excluded.iter().flat_map(explain::knockouts).collect();
            sections.push(Section::RuledOut(lines));
        }
        sections.push(Section::Answers(answers(guide, walk)));
        if !walk.ignored.is_empty() {
            let ignored = walk.ignored.join(", ");
            sections.push(Section::Ignored(format!(
                "Ignored (not on this path): {ignored}"
            )));
        }
        Document { sections }
    }
}

/// How a tie on score was settled, then that the top two are within a point.
pub fn notes(guide: &Guide, rec: &Recommendation) -> Vec<String> {
    explain::tie_note(guide, rec)
        .into_iter()
        .chain(explain::close_call_note(guide, rec))
        .collect()
}

pub fn reasons(contributions: &[Contribution]) -> Vec<Reason<'_>> {
    contributions
        .iter()
        .map(|c| Reason {
            weight: c.weight,
            answers: explain::answer_ids(c),
            reason: &c.reason,
        })
        .collect()
}

/// Every ranked service, with what would make each runner-up win.
pub fn ranking<'a>(guide: &Guide, rec: &'a Recommendation) -> Vec<Ranked<'a>> {
    let best = rec.top().map_or(0, |t| t.score);
    rec.ranking
        .iter()
        .enumerate()
        .map(|(i, r)| Ranked {
            rank: i + 1,
            name: &r.name,
            service: &r.service,
            score: r.score,
            behind: best - r.score,
            flip: (i > 0).then(|| explain::flip_words(guide, r)),
            reasons: reasons(&r.reasons),
        })
        .collect()
}

pub fn answers<'a>(guide: &Guide, walk: &'a Walk) -> Vec<Answer<'a>> {
    walk.path
        .iter()
        .map(|step| {
            let (prompt, label) = explain::step_words(guide, step);
            Answer {
                question: &step.question,
                answer: &step.answer,
                prompt,
                label,
            }
        })
        .collect()
}

/// One ranked service's cost, for the lists a recommendation shows beside its estimate.
pub struct RankedCost<'a> {
    /// The recommendation's rank, from 1 (by score, not by cost).
    pub rank: usize,
    pub name: &'a str,
    /// `$9.01 a month`, or why it does not fit.
    pub monthly: String,
    /// `$9.01`, or why it does not fit (for a table with a Monthly column).
    pub total: String,
    /// The cheapest of the ranked services that fit.
    pub cheapest: bool,
    /// Within 10% of that cheapest one (see [`crate::cost::Estimate::about_the_same`]).
    pub about_the_same: bool,
    /// Quotas the workload passes there, with their sources.
    pub warnings: &'a [String],
}

impl RankedCost<'_> {
    /// ` (cheapest)`, ` (about the same as the cheapest)` or nothing.
    pub fn mark(&self) -> &'static str {
        if self.cheapest {
            " (cheapest)"
        } else if self.about_the_same {
            " (about the same as the cheapest, within 10%)"
        } else {
            ""
        }
    }
}

/// The ranked services' costs in the recommendation's order, the cheapest of them marked and
/// those within 10% of it marked as about the same.
pub fn ranked_costs<'a>(estimate: &'a Estimate, rec: &'a Recommendation) -> Vec<RankedCost<'a>> {
    let totals: Vec<Option<f64>> = rec
        .ranking
        .iter()
        .map(|r| estimate.service(&r.service).and_then(|s| s.total))
        .collect();
    let cheapest = totals.iter().flatten().copied().reduce(f64::min);
    rec.ranking
        .iter()
        .zip(&totals)
        .enumerate()
        .map(|(i, (r, total))| {
            let (cheapest, about_the_same) = match (total, cheapest) {
                (Some(t), Some(c)) => (
                    (t - c).abs() <= 1e-9 * c.max(1.0),
                    crate::cost::about_the_same(*t, c),
                ),
                _ => (false, false),
            };
            RankedCost {
                rank: i + 1,
                name: &r.name,
                monthly: estimate.monthly_text(&r.service),
                total: estimate
                    .service(&r.service)
                    .map_or_else(|| "not estimated".into(), |s| s.total_text()),
                cheapest,
                about_the_same,
                warnings: estimate
                    .service(&r.service)
                    .map_or(&[][..], |s| s.warnings.as_slice()),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data;
    use crate::engine::{self, Answers};

    fn guide() -> Guide {
        data::parse(data::EMBEDDED, data::EMBEDDED_NAME).expect("valid data")
    }

    /// A nightly batch: Lambda is ruled out (hours), and `process` is not on a batch path.
    fn batch(guide: &Guide) -> (Walk, Recommendation) {
        let answers: Answers = [
            ("workload", "batch"),
            ("runtime", "hours"),
            ("process", "long-lived"),
            ("state", "external"),
            ("packaging", "container"),
            ("needs", "none"),
            ("control", "platform"),
            ("scaling", "parallel"),
            ("budget", "pay-per-use"),
        ]
        .iter()
        .map(|(q, a)| ((*q).to_owned(), (*a).to_owned()))
        .collect();
        let walk = engine::walk(guide, &answers);
        let rec = engine::recommend(guide, &walk.path);
        (walk, rec)
    }

    fn kinds(doc: &Document<'_>) -> Vec<&'static str> {
        doc.sections
            .iter()
            .map(|s| match s {
                Section::Verdict { .. } => "verdict",
                Section::NoVerdict => "no verdict",
                Section::Warnings(_) => "warnings",
                Section::Why { .. } => "why",
                Section::Ranking(_) => "ranking",
                Section::Cost(_) => "cost",
                Section::RuledOut(_) => "ruled out",
                Section::Answers(_) => "answers",
                Section::Ignored(_) => "ignored",
            })
            .collect()
    }

    #[test]
    fn the_sections_come_in_the_order_every_format_prints_them() {
        let g = guide();
        let (walk, rec) = batch(&g);
        let doc = Document::new(&g, &walk, &rec, None, &[]);
        assert_eq!(
            kinds(&doc),
            [
                "verdict",
                "why",
                "ranking",
                "ruled out",
                "answers",
                "ignored"
            ],
            "no warnings and no cost section without them"
        );
        let Some(Section::Ignored(sentence)) = doc.sections.last() else {
            panic!("ignored last")
        };
        assert_eq!(sentence, "Ignored (not on this path): process");
    }

    #[test]
    fn only_runners_up_say_what_would_make_them_win() {
        let g = guide();
        let (walk, rec) = batch(&g);
        let doc = Document::new(&g, &walk, &rec, None, &[]);
        let ranking = doc
            .sections
            .iter()
            .find_map(|s| match s {
                Section::Ranking(r) => Some(r),
                _ => None,
            })
            .expect("a ranking");
        assert!(ranking.len() > 1, "runners-up");
        assert_eq!((ranking[0].rank, ranking[0].behind), (1, 0));
        assert!(ranking[0].flip.is_none(), "the recommendation");
        for r in &ranking[1..] {
            let flip = r.flip.as_deref().unwrap_or_default();
            assert!(flip.starts_with("would"), "{flip}");
            assert_eq!(r.behind, ranking[0].score - r.score);
        }
    }

    #[test]
    fn with_every_service_ruled_out_there_is_no_verdict_nor_its_warnings() {
        let g = guide();
        let (walk, mut rec) = batch(&g);
        rec.ranking.clear();
        rec.warnings = vec!["pulling apart".into()];
        let doc = Document::new(&g, &walk, &rec, None, &[]);
        assert_eq!(
            kinds(&doc),
            ["no verdict", "ranking", "ruled out", "answers", "ignored"]
        );
        // Markdown draws no empty ranking table: "Ruled out" says why each is out.
        let markdown = crate::markdown::render(&g, &walk, &rec, None, &[]);
        assert!(!markdown.contains("## Ranking"), "{markdown}");
        assert!(markdown.contains("## Ruled out"), "{markdown}");
    }
}
