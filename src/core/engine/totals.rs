//! The scorer's arithmetic: each service's total over the rules of the answers on a path (and,
//! sized, the estimate where an answer weighs cost), and the services no rule rules out, in the
//! one order. [`super::score`] explains these numbers; the flips compare
//! them for hundreds of changed answers, so here nothing is copied or formatted.

use super::Step;
use super::score::{Sizing, order};
use crate::data::{Choice, Guide, Question, Rule};

/// A step of a walked path as the scorer reads it: a [`Step`], or the borrowed pair the flips
/// walk with ([`super::walk::complete_path`]).
pub(super) trait Answered {
    fn question_id(&self) -> &str;
    fn answer(&self) -> &str;
}

impl Answered for Step {
    fn question_id(&self) -> &str {
        &self.question
    }
    fn answer(&self) -> &str {
        &self.answer
    }
}

impl Answered for (&Question, &str) {
    fn question_id(&self) -> &str {
        &self.0.id
    }
    fn answer(&self) -> &str {
        self.1
    }
}

/// What the rules and the estimate add up to on a path.
pub(super) struct Totals<'g> {
    /// Each service's score, in data order.
    pub scores: Vec<i64>,
    /// The services still in, best first (higher score, then the stated tie-break).
    pub ranked: Vec<usize>,
    /// What the estimate added to those scores (none unsized), for `score` to explain.
    pub cost: Vec<CostEffect<'g>>,
}

/// Every option the answers on `path` pick, with its step (a checklist's each ticked option).
fn picked<'g, S: Answered>(
    guide: &'g Guide,
    path: &'g [S],
) -> impl Iterator<Item = (&'g S, &'g Choice)> {
    path.iter().flat_map(move |step| {
        guide
            .question(step.question_id())
            .and_then(|q| q.selected(step.answer()))
            .into_iter()
            .flatten()
            .map(move |option| (step, option))
    })
}

/// Calls `each` with every rule that fires on `path`: the service it names (its index), the
/// step, the option that fired it (a checklist's one ticked option) and the rule.
pub(super) fn for_each_rule<'g, S: Answered>(
    guide: &'g Guide,
    path: &'g [S],
    mut each: impl FnMut(usize, &'g S, &'g Choice, &'g Rule),
) {
    for (step, option) in picked(guide, path) {
        for rule in &option.rules {
            if let Some(i) = guide.services.iter().position(|s| s.id == rule.service()) {
                each(i, step, option, rule);
            }
        }
    }
}

/// Why the estimate moved a service's score: the amounts the reason names.
pub(super) enum CostNote {
    /// The cheapest at `low`, clearly below the next, `second` at `high`.
    Cheapest { low: f64, high: f64, second: usize },
    /// At `cost`, well above the cheapest, `cheapest` at `low`.
    Dearer {
        cost: f64,
        low: f64,
        cheapest: usize,
    },
}

/// One change the estimate makes to a service's score, under an answer that weighs cost.
pub(super) struct CostEffect<'g> {
    pub service: usize,
    pub weight: i32,
    /// The question whose answer weighs cost, and the option that does.
    pub question: &'g str,
    pub option: &'g Choice,
    pub note: CostNote,
}

/// What the estimate at the user's size adds under answers that weigh cost (`cost_weight`),
/// among the services still in (`ranked`): the cheapest service that fits gains the weight when
/// it is clearly (more than 10%) the cheapest; one costing at least twice the cheapest loses it,
/// one costing at least a quarter more loses half.
fn cost_effects<'g, S: Answered>(
    guide: &'g Guide,
    path: &'g [S],
    sizing: &Sizing,
    ranked: &[usize],
) -> Vec<CostEffect<'g>> {
    let mut out = Vec::new();
    for (step, option) in picked(guide, path).filter(|(_, o)| o.cost_weight > 0) {
        let costs: Vec<(usize, f64)> = ranked
            .iter()
            .filter_map(|&i| sizing.monthly.get(&guide.services[i].id).map(|&c| (i, c)))
            .collect();
        let Some(&(cheapest, low)) = costs.iter().min_by(|a, b| a.1.total_cmp(&b.1)) else {
            continue;
        };
        let next = costs
            .iter()
            .filter(|(i, _)| *i != cheapest)
            .min_by(|a, b| a.1.total_cmp(&b.1));
        let mut add = |service: usize, weight: i32, note: CostNote| {
            out.push(CostEffect {
                service,
                weight,
                question: step.question_id(),
                option,
                note,
            });
        };
        if let Some(&(second, high)) = next
            && !crate::cost::about_the_same(high, low)
        {
            add(
                cheapest,
                option.cost_weight,
                CostNote::Cheapest { low, high, second },
            );
        }
        for &(i, cost) in &costs {
            let weight = if cost >= 2.0 * low {
                option.cost_weight
            } else if cost >= 1.25 * low {
                (option.cost_weight + 1) / 2
            } else {
                0
            };
            if i != cheapest && weight > 0 && low > 0.0 {
                add(
                    i,
                    -weight,
                    CostNote::Dearer {
                        cost,
                        low,
                        cheapest,
                    },
                );
            }
        }
    }
    out
}

/// The scores, rule-outs and order of the services on `path`.
pub(super) fn totals<'g, S: Answered>(
    guide: &'g Guide,
    path: &'g [S],
    sizing: Option<&Sizing>,
) -> Totals<'g> {
    let n = guide.services.len();
    let mut scores = vec![0i64; n];
    let mut ruled_out = vec![false; n];
    for_each_rule(guide, path, |i, _, _, rule| match rule {
        Rule::Favour { weight, .. } => scores[i] = scores[i].saturating_add(i64::from(*weight)),
        Rule::RuleOut { .. } => ruled_out[i] = true,
    });
    let mut ranked: Vec<usize> = (0..n).filter(|&i| !ruled_out[i]).collect();
    let cost = sizing.map_or_else(Vec::new, |sizing| {
        cost_effects(guide, path, sizing, &ranked)
    });
    for effect in &cost {
        scores[effect.service] = scores[effect.service].saturating_add(i64::from(effect.weight));
    }
    ranked.sort_by(|&a, &b| order(guide, sizing, (a, scores[a]), (b, scores[b])));
    Totals {
        scores,
        ranked,
        cost,
    }
}
