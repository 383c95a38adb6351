//! Every path of the walk, for `check` and the tests (never at start-up): which service tops
//! each, how many are ties or close calls, and which end with every service ruled out.
//!
//! Iterative (a chain of any length cannot overflow the stack), and incremental: an answer's
//! rules are applied on the way down and undone on the way back, and [`Standing`] knows the top
//! two services (a scan of a few, a tournament tree of many), so a path costs its rules times
//! log(services) at most, however many services the guide has.

use std::collections::HashMap;

use super::score::tie_order;
use super::standing::Standing;
use crate::data::{Guide, Question, Rule};

/// What exploring every path of the walk found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explored {
    pub paths: usize,
    /// Paths topped by each service, in data order.
    pub tops: Vec<usize>,
    /// Paths whose top score is shared (settled by the stated tie-break).
    pub ties: usize,
    /// Paths whose runner-up is a close call but not tied (see [`super::CLOSE_CALL_MARGIN`]).
    pub close_calls: usize,
    /// How many paths end with every service ruled out …
    pub dead_end_count: usize,
    /// … and the first few of them, spelled `q=a → q=a`.
    pub dead_ends: Vec<String>,
    /// Exploration stopped at the path limit.
    pub truncated: bool,
}

/// Dead-end paths kept as text; the rest are only counted, so memory stays bounded.
pub const DEAD_END_EXAMPLES: usize = 5;

/// One finished path as [`explore_visiting`] hands it over: each question with its answer.
pub type Trail<'g> = [(&'g Question, Vec<usize>)];

/// What [`explore_visiting`] calls with each finished path and the service that tops it.
pub type Visit<'v> = &'v mut dyn FnMut(&Trail<'_>, Option<&str>);

/// What one option does: each rule's service and weight (`None` rules it out).
type Effect = Vec<(usize, Option<i64>)>;

/// Every answer a question can take: each option; for a checklist, each set of ticked options
/// (`none` for the empty set).
fn answers_of_question(question: &Question) -> Vec<Vec<usize>> {
    if !question.multi {
        return (0..question.options.len()).map(|i| vec![i]).collect();
    }
    let ticks: Vec<usize> = (0..question.options.len())
        .filter(|&i| question.options[i].id != "none")
        .take(16)
        .collect();
    let none = question.options.iter().position(|o| o.id == "none");
    (0..1usize << ticks.len())
        .map(|mask| {
            let set: Vec<usize> = ticks
                .iter()
                .enumerate()
                .filter(|(bit, _)| mask & (1 << bit) != 0)
                .map(|(_, &i)| i)
                .collect();
            if set.is_empty() {
                none.into_iter().collect()
            } else {
                set
            }
        })
        .collect()
}

/// Where an answer leads: another question, the end of the walk, or nowhere known.
#[derive(Clone, Copy)]
enum Next {
    Question(usize),
    End,
    Dangling,
}

/// One question on the current path, the answers it can take and the one being tried.
struct Frame {
    question: usize,
    choices: Vec<Vec<usize>>,
    next_choice: usize,
    applied: Option<usize>,
}

/// The scores, rule-outs and the standing of the services still in.
struct Tally {
    scores: Vec<i64>,
    out: Vec<u32>,
    standing: Standing,
}

impl Tally {
    fn apply(&mut self, rules: &Effect, undo: bool) {
        for &(i, weight) in rules {
            match (weight, undo) {
                (Some(w), false) => self.scores[i] = self.scores[i].saturating_add(w),
                (Some(w), true) => self.scores[i] = self.scores[i].saturating_sub(w),
                (None, false) => self.out[i] += 1,
                (None, true) => self.out[i] -= 1,
            }
            self.standing.set(i, self.out[i] == 0, &self.scores);
        }
    }
}

/// Walks every path from the start and ranks each with the one scorer's order.
pub fn explore(guide: &Guide, max_paths: usize) -> Explored {
    explore_inner(guide, max_paths, None)
}

/// As [`explore`], calling `visit` with every finished path and the service that tops it
/// (`None` for a dead end), so tests can hold the walk against [`super::recommend`].
pub fn explore_visiting(guide: &Guide, max_paths: usize, visit: Visit<'_>) -> Explored {
    explore_inner(guide, max_paths, Some(visit))
}

fn explore_inner(guide: &Guide, max_paths: usize, mut visit: Option<Visit<'_>>) -> Explored {
    let n = guide.services.len();
    let mut result = Explored {
        paths: 0,
        tops: vec![0; n],
        ties: 0,
        close_calls: 0,
        dead_end_count: 0,
        dead_ends: Vec::new(),
        truncated: false,
    };
    let questions: HashMap<&str, usize> = guide
        .questions
        .iter()
        .enumerate()
        .rev() // The first of duplicated ids wins, as `Guide::question` finds it.
        .map(|(i, q)| (q.id.as_str(), i))
        .collect();
    let services: HashMap<&str, usize> = guide
        .services
        .iter()
        .enumerate()
        .rev()
        .map(|(i, s)| (s.id.as_str(), i))
        .collect();
    let Some(&start) = questions.get(guide.start.as_str()) else {
        return result;
    };
    let lead = |next: Option<&str>| match next {
        None => Next::End,
        Some(id) => questions
            .get(id)
            .map_or(Next::Dangling, |&i| Next::Question(i)),
    };
    // Where each option leads, looked up once rather than on every step.
    let leads: Vec<Vec<Next>> = guide
        .questions
        .iter()
        .map(|q| q.options.iter().map(|o| lead(o.next.as_deref())).collect())
        .collect();
    let lead_of = |q: usize, option: Option<usize>| option.map_or(Next::End, |o| leads[q][o]);
    // What each option does to the scores (`None` rules a service out), once.
    let effects: Vec<Vec<Effect>> = guide
        .questions
        .iter()
        .map(|q| {
            q.options
                .iter()
                .map(|o| {
                    o.rules
                        .iter()
                        .filter_map(|rule| {
                            let i = *services.get(rule.service())?;
                            Some(match rule {
                                Rule::Favour { weight, .. } => (i, Some(i64::from(*weight))),
                                Rule::RuleOut { .. } => (i, None),
                            })
                        })
                        .collect()
                })
                .collect()
        })
        .collect();
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| tie_order(guide, None, a, b).0);
    let mut tie_rank = vec![0; n];
    for (rank, &i) in order.iter().enumerate() {
        tie_rank[i] = rank;
    }
    let scores = vec![0; n];
    let mut tally = Tally {
        standing: Standing::new(tie_rank, &scores),
        scores,
        out: vec![0; n],
    };
    let mut on_path = vec![false; guide.questions.len()];
    let mut stack: Vec<Frame> = Vec::new();
    // Moves on to a question, following skips; returns where the walk went.
    let enter = |q: usize, stack: &mut Vec<Frame>, on_path: &mut Vec<bool>| -> Next {
        let mut current = Next::Question(q);
        while let Next::Question(q) = current {
            if on_path[q] {
                return Next::Dangling; // a cycle: validation reports it
            }
            let question = &guide.questions[q];
            let skipped = question.skip_when.iter().any(|when| {
                stack.iter().any(|f| {
                    let asked = &guide.questions[f.question];
                    asked.id == when.question
                        && f.applied.is_some_and(|c| {
                            f.choices[c]
                                .iter()
                                .any(|&o| when.one_of.contains(&asked.options[o].id))
                        })
                })
            });
            if !skipped {
                on_path[q] = true;
                stack.push(Frame {
                    question: q,
                    choices: answers_of_question(question),
                    next_choice: 0,
                    applied: None,
                });
                return Next::Question(q);
            }
            current = lead_of(q, (!question.options.is_empty()).then_some(0));
        }
        current
    };
    let mut finish = |tally: &Tally, stack: &[Frame], result: &mut Explored| {
        result.paths += 1;
        if result.paths > max_paths {
            result.paths = max_paths;
            result.truncated = true;
            return;
        }
        let (top, second) = tally.standing.top_two(&tally.scores);
        if let (Some(t), Some(second)) = (top, second) {
            match tally.scores[t] - tally.scores[second] {
                0 => result.ties += 1,
                gap if super::within_close_call(gap) => result.close_calls += 1,
                _ => {}
            }
        }
        match top {
            Some(t) => result.tops[t] += 1,
            None => result.dead_end_count += 1,
        }
        let keep = top.is_none() && result.dead_ends.len() < DEAD_END_EXAMPLES;
        if keep || visit.is_some() {
            let trail: Vec<(&Question, Vec<usize>)> = stack
                .iter()
                .filter_map(|f| Some((&guide.questions[f.question], f.choices[f.applied?].clone())))
                .collect();
            if keep {
                let spelled: Vec<String> = trail
                    .iter()
                    .map(|(q, picked)| {
                        let ids: Vec<&str> =
                            picked.iter().map(|&o| q.options[o].id.as_str()).collect();
                        format!("{}={}", q.id, ids.join(","))
                    })
                    .collect();
                result.dead_ends.push(spelled.join(" → "));
            }
            if let Some(visit) = visit.as_mut() {
                visit(&trail, top.map(|t| guide.services[t].id.as_str()));
            }
        }
    };
    match enter(start, &mut stack, &mut on_path) {
        Next::End => finish(&tally, &stack, &mut result),
        Next::Question(_) | Next::Dangling => {}
    }
    while let Some(frame) = stack.last_mut() {
        let q = frame.question;
        let before: &[usize] = match frame.applied.take() {
            Some(c) => &frame.choices[c],
            None => &[],
        };
        if result.truncated || frame.next_choice >= frame.choices.len() {
            for &o in before {
                tally.apply(&effects[q][o], true);
            }
            on_path[q] = false;
            stack.pop();
            continue;
        }
        let c = frame.next_choice;
        // From one set of ticks to the next, only the options that change are undone or
        // applied (a checklist's next set shares most of its ticks).
        let after = &frame.choices[c];
        for &o in before.iter().filter(|o| !after.contains(o)) {
            tally.apply(&effects[q][o], true);
        }
        for &o in after.iter().filter(|o| !before.contains(o)) {
            tally.apply(&effects[q][o], false);
        }
        let first = after.first().copied();
        frame.next_choice += 1;
        frame.applied = Some(c);
        let next = lead_of(q, first);
        let reached = match next {
            Next::Question(nq) => enter(nq, &mut stack, &mut on_path),
            other => other,
        };
        if let Next::End = reached {
            finish(&tally, &stack, &mut result);
        }
    }
    result
}
