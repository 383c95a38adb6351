//! The one scorer: rules of the answers on a path applied to every service, then one order
//! (score, then a stated tie-break) that `recommend`, `explore` and the flips all use.

use std::cmp::{Ordering, Reverse};
use std::collections::BTreeMap;

use super::Step;
use super::flip::{Change, flips};
use super::totals::{CostNote, Totals, for_each_rule, totals};
use crate::data::{Guide, Rule};

/// One rule that fired: which answer, what it did, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contribution {
    pub question: String,
    /// The option that fired it (for a checklist, the one ticked option).
    pub answer: String,
    /// The score it added; 0 for a rule-out.
    pub weight: i32,
    pub reason: String,
    /// For a rule-out, the attribute of the sourced fact that documents the limit.
    pub fact: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ranked {
    pub service: String,
    pub name: String,
    pub score: i32,
    /// Every weighted rule that fired for this service, strongest first.
    pub reasons: Vec<Contribution>,
    /// The smallest change of answers (one answer, else two) that makes this service win;
    /// `None` for the recommendation and when no such change exists.
    pub flip: Option<Vec<Change>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Excluded {
    pub service: String,
    pub name: String,
    /// Every rule-out that fired, in path order.
    pub reasons: Vec<Contribution>,
}

/// What settled a tie on score.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TieRule {
    /// The estimate at the user's sized workload is more than 10% lower.
    LowerEstimate,
    /// Less to operate (the services' `burden` ranks).
    LessToOperate,
    /// Neither differs (a guide without burden ranks): the service ids' alphabetical order.
    Id,
}

/// The recommendation shares its score with others; how the order among them was decided.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TieBreak {
    /// Names of the services tied with the recommendation, in their final order.
    pub with: Vec<String>,
    pub rule: TieRule,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recommendation {
    /// Every service not ruled out, best first.
    pub ranking: Vec<Ranked>,
    pub excluded: Vec<Excluded>,
    /// Present when the top score is shared.
    pub tie: Option<TieBreak>,
    /// Answers that pull against each other, in the data file's words.
    pub warnings: Vec<String>,
}

/// Each service's monthly estimate at the user's workload (services that fit only). Used to
/// break ties; unsized recommendations pass none.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sizing {
    pub monthly: BTreeMap<String, f64>,
}

impl Sizing {
    /// The monthly totals of an estimate, for the services that fit.
    pub fn from_estimate(estimate: &crate::cost::Estimate) -> Sizing {
        Sizing {
            monthly: estimate
                .services
                .iter()
                .filter_map(|s| s.total.map(|t| (s.service.clone(), t)))
                .collect(),
        }
    }
}

/// A runner-up at most this many points behind the recommendation is a close call: one
/// answer's smallest weight could swap them. The one definition (result screen, notes, `check`).
pub const CLOSE_CALL_MARGIN: i32 = 1;

/// Whether a score `behind` points under the top is a close call (a tie is one too).
pub fn within_close_call(behind: i64) -> bool {
    (0..=i64::from(CLOSE_CALL_MARGIN)).contains(&behind)
}

impl Recommendation {
    pub fn top(&self) -> Option<&Ranked> {
        self.ranking.first()
    }

    /// The runner-up when it is within [`CLOSE_CALL_MARGIN`] of the recommendation.
    pub fn close_call(&self) -> Option<&Ranked> {
        self.ranking
            .get(1)
            .filter(|second| self.is_close_call(second))
    }

    /// Whether `ranked`, a runner-up, is within [`CLOSE_CALL_MARGIN`] of the recommendation
    /// (the recommendation itself is not).
    pub fn is_close_call(&self, ranked: &Ranked) -> bool {
        self.top().is_some_and(|top| {
            top.service != ranked.service
                && within_close_call(i64::from(top.score) - i64::from(ranked.score))
        })
    }

    /// The rank (1-based) of a service, or `None` when it is ruled out.
    pub fn rank_of(&self, service: &str) -> Option<usize> {
        self.ranking
            .iter()
            .position(|r| r.service == service)
            .map(|i| i + 1)
    }
}

/// The criterion that orders two services with the same score, and the order it gives.
pub(super) fn tie_order(
    guide: &Guide,
    sizing: Option<&Sizing>,
    a: usize,
    b: usize,
) -> (Ordering, TieRule) {
    let (sa, sb) = (&guide.services[a], &guide.services[b]);
    if let Some(sizing) = sizing
        && let (Some(&ca), Some(&cb)) = (sizing.monthly.get(&sa.id), sizing.monthly.get(&sb.id))
    {
        let (low, high) = (ca.min(cb), ca.max(cb));
        // Estimates about the same (`cost::about_the_same`) settle nothing.
        if !crate::cost::about_the_same(high, low) && high - low >= 0.01 {
            return (ca.total_cmp(&cb), TieRule::LowerEstimate);
        }
    }
    let rank = |s: &crate::data::Service| if s.burden == 0 { u8::MAX } else { s.burden };
    match rank(sa).cmp(&rank(sb)) {
        Ordering::Equal => (sa.id.cmp(&sb.id), TieRule::Id),
        order => (order, TieRule::LessToOperate),
    }
}

/// The one order of services: higher score first, then the tie-break.
pub(super) fn order(
    guide: &Guide,
    sizing: Option<&Sizing>,
    (a, score_a): (usize, i64),
    (b, score_b): (usize, i64),
) -> Ordering {
    Reverse(score_a)
        .cmp(&Reverse(score_b))
        .then_with(|| tie_order(guide, sizing, a, b).0)
}

/// The sentence for what the estimate did, naming both amounts.
fn cost_reason(guide: &Guide, note: &CostNote) -> String {
    let money = crate::cost::format_money;
    match *note {
        CostNote::Cheapest { low, high, second } => format!(
            "the cheapest at your size: {} a month against {} on {}",
            money(low),
            money(high),
            guide.services[second].name
        ),
        CostNote::Dearer {
            cost,
            low,
            cheapest,
        } => format!(
            "{} a month at your size against {} on {}",
            money(cost),
            money(low),
            guide.services[cheapest].name
        ),
    }
}

/// Adds weights without overflow, whatever a data file says.
pub(super) fn clamp(score: i64) -> i32 {
    i32::try_from(score).unwrap_or(if score < 0 { i32::MIN } else { i32::MAX })
}

/// Scores a path: rankings and rule-outs, the tie-break, no flips or warnings. The numbers are
/// [`totals`]'; this adds the rule (or the estimate) behind each of them.
pub(super) fn score(guide: &Guide, path: &[Step], sizing: Option<&Sizing>) -> Recommendation {
    let n = guide.services.len();
    let Totals {
        scores,
        ranked,
        cost,
    } = totals(guide, path, sizing);
    let mut favours: Vec<Vec<Contribution>> = vec![Vec::new(); n];
    let mut knockouts: Vec<Vec<Contribution>> = vec![Vec::new(); n];
    for_each_rule(guide, path, |i, step, option, rule| {
        let (weight, fact, list) = match rule {
            Rule::Favour { weight, .. } => (*weight, None, &mut favours[i]),
            Rule::RuleOut { fact, .. } => (0, Some(fact.clone()), &mut knockouts[i]),
        };
        list.push(Contribution {
            question: step.question.clone(),
            answer: option.id.clone(),
            weight,
            reason: rule.reason().to_owned(),
            fact,
        });
    });
    for effect in &cost {
        favours[effect.service].push(Contribution {
            question: effect.question.to_owned(),
            answer: effect.option.id.clone(),
            weight: effect.weight,
            reason: cost_reason(guide, &effect.note),
            fact: None,
        });
    }
    let tie = match ranked.as_slice() {
        [top, rest @ ..] if rest.first().is_some_and(|&s| scores[s] == scores[*top]) => {
            let with: Vec<usize> = rest
                .iter()
                .copied()
                .take_while(|&s| scores[s] == scores[*top])
                .collect();
            Some(TieBreak {
                rule: tie_order(guide, sizing, *top, with[0]).1,
                with: with
                    .iter()
                    .map(|&i| guide.services[i].name.clone())
                    .collect(),
            })
        }
        _ => None,
    };
    let ranking = ranked
        .iter()
        .map(|&i| {
            let service = &guide.services[i];
            let mut reasons = std::mem::take(&mut favours[i]);
            // Stable sort: equal weights stay in path order.
            reasons.sort_by_key(|c| Reverse(c.weight));
            Ranked {
                service: service.id.clone(),
                name: service.name.clone(),
                score: clamp(scores[i]),
                reasons,
                flip: None,
            }
        })
        .collect();
    let excluded = guide
        .services
        .iter()
        .zip(knockouts)
        .filter(|(_, reasons)| !reasons.is_empty())
        .map(|(service, reasons)| Excluded {
            service: service.id.clone(),
            name: service.name.clone(),
            reasons,
        })
        .collect();
    Recommendation {
        ranking,
        excluded,
        tie,
        warnings: Vec::new(),
    }
}

/// The answers on a path that pull against each other, in the data file's words.
pub fn warnings(guide: &Guide, path: &[Step]) -> Vec<String> {
    guide
        .contradictions
        .iter()
        .filter(|c| {
            c.when.iter().all(|when| {
                path.iter()
                    .find(|s| s.question == when.question)
                    .is_some_and(|s| when.holds(guide, &s.answer))
            })
        })
        .map(|c| c.say.clone())
        .collect()
}

/// The ranking alone (no flips, no warnings): what bulk checks over many paths need.
pub fn rank(guide: &Guide, path: &[Step]) -> Recommendation {
    score(guide, path, None)
}

/// As [`rank`], with each service's estimate at the user's workload to break ties.
pub fn rank_sized(guide: &Guide, path: &[Step], sizing: Option<&Sizing>) -> Recommendation {
    score(guide, path, sizing)
}

/// Applies the rules of every answer on the path to every service, then says what would make
/// each runner-up win and which answers contradict each other.
pub fn recommend(guide: &Guide, path: &[Step]) -> Recommendation {
    recommend_sized(guide, path, None)
}

/// As [`recommend`], with each service's estimate at the user's workload to break ties.
pub fn recommend_sized(guide: &Guide, path: &[Step], sizing: Option<&Sizing>) -> Recommendation {
    let mut rec = score(guide, path, sizing);
    rec.warnings = warnings(guide, path);
    let mut found = flips(guide, path, sizing, &rec);
    for ranked in rec.ranking.iter_mut().skip(1) {
        ranked.flip = found.remove(&ranked.service);
    }
    rec
}
