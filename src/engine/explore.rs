//! Every path of the walk, for `check` and the tests (never at start-up): which service tops
//! each, how many are ties or close calls, and which end with every service ruled out.

use super::score::winner;
use crate::data::{Guide, Question, Rule};

/// What exploring every path of the walk found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explored {
    pub paths: usize,
    /// Paths topped by each service, in data order.
    pub tops: Vec<usize>,
    /// Paths whose top score is shared (settled by the stated tie-break).
    pub ties: usize,
    /// Paths whose runner-up is exactly one point behind.
    pub close_calls: usize,
    /// How many paths end with every service ruled out …
    pub dead_end_count: usize,
    /// … and the first few of them, spelled `q=a → q=a`.
    pub dead_ends: Vec<String>,
    /// Exploration stopped at the path limit.
    pub truncated: bool,
}

/// Dead-end paths kept as text; the rest are only counted, so memory stays bounded.
const KEPT_DEAD_ENDS: usize = 5;

/// Every answer a question can take: each option; for a checklist, each set of ticked options
/// (`none` for the empty set).
fn answers_of_question(question: &Question) -> Vec<Vec<usize>> {
    if !question.multi {
        return (0..question.options.len()).map(|i| vec![i]).collect();
    }
    let ticks: Vec<usize> = (0..question.options.len())
        .filter(|&i| question.options[i].id != "none")
        .collect();
    let none = question.options.iter().position(|o| o.id == "none");
    let count = 1usize << ticks.len().min(16);
    (0..count)
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

/// One question being explored: its possible answers and which is being tried.
struct Frame<'g> {
    question: &'g Question,
    choices: Vec<Vec<usize>>,
    next_choice: usize,
    scores: Vec<i64>,
    out: Vec<bool>,
}

/// Walks every path from the start, iteratively (a chain of any length cannot overflow the
/// stack), scoring incrementally and ranking each finished path with the one scorer's order.
pub fn explore(guide: &Guide, max_paths: usize) -> Explored {
    explore_visiting(guide, max_paths, &mut |_, _| {})
}

/// One finished path as [`explore_visiting`] hands it over: each question with its answer.
pub type Trail<'g> = [(&'g Question, Vec<usize>)];

/// As [`explore`], calling `visit` with every finished path and the service that tops it
/// (`None` for a dead end), so tests can hold the walk against [`super::recommend`].
pub fn explore_visiting(
    guide: &Guide,
    max_paths: usize,
    visit: &mut dyn FnMut(&Trail<'_>, Option<&str>),
) -> Explored {
    let n = guide.services.len();
    let index = |id: &str| guide.services.iter().position(|s| s.id == id);
    let mut result = Explored {
        paths: 0,
        tops: vec![0; n],
        ties: 0,
        close_calls: 0,
        dead_end_count: 0,
        dead_ends: Vec::new(),
        truncated: false,
    };
    // (question, answer ids) along the current path, for skips and for naming dead ends;
    // entry i is the answer being tried by stack frame i.
    let mut trail: Vec<(&Question, Vec<usize>)> = Vec::new();
    let mut stack: Vec<Frame> = Vec::new();
    let root = (vec![0; n], vec![false; n]);
    if let Some((scores, out)) = enter(guide, Some(&guide.start), root, &trail, &mut stack) {
        finish(guide, &scores, &out, &trail, &mut result, visit);
    }
    while !result.truncated {
        let depth = stack.len();
        let Some(frame) = stack.last_mut() else {
            break;
        };
        trail.truncate(depth - 1);
        let Some(choice) = frame.choices.get(frame.next_choice).cloned() else {
            stack.pop();
            continue;
        };
        frame.next_choice += 1;
        let question = frame.question;
        let mut scores = frame.scores.clone();
        let mut out = frame.out.clone();
        for &i in &choice {
            for rule in &question.options[i].rules {
                if let Some(s) = index(rule.service()) {
                    match rule {
                        Rule::Favour { weight, .. } => {
                            scores[s] = scores[s].saturating_add(i64::from(*weight));
                        }
                        Rule::RuleOut { .. } => out[s] = true,
                    }
                }
            }
        }
        let next = choice
            .first()
            .and_then(|&i| question.options[i].next.as_deref());
        trail.push((question, choice));
        if let Some((scores, out)) = enter(guide, next, (scores, out), &trail, &mut stack) {
            finish(guide, &scores, &out, &trail, &mut result, visit);
            if result.paths > max_paths {
                result.paths = max_paths;
                result.truncated = true;
            }
        }
    }
    result
}

/// Moves on to question `qid`, following skips: pushes the question to ask, or hands the
/// scores back when the walk ends there.
fn enter<'g>(
    guide: &'g Guide,
    qid: Option<&str>,
    (scores, out): (Vec<i64>, Vec<bool>),
    trail: &[(&'g Question, Vec<usize>)],
    stack: &mut Vec<Frame<'g>>,
) -> Option<(Vec<i64>, Vec<bool>)> {
    let mut current = qid;
    while let Some(id) = current {
        let Some(question) = guide.question(id) else {
            break; // a dangling next: validation reports it
        };
        if trail.iter().any(|(q, _)| q.id == question.id) {
            break; // a cycle: validation reports it
        }
        let skipped = question.skip_when.iter().any(|when| {
            trail.iter().any(|(q, picked)| {
                q.id == when.question
                    && picked
                        .iter()
                        .any(|&i| when.one_of.contains(&q.options[i].id))
            })
        });
        if skipped {
            current = question.options.first().and_then(|o| o.next.as_deref());
            continue;
        }
        stack.push(Frame {
            question,
            choices: answers_of_question(question),
            next_choice: 0,
            scores,
            out,
        });
        return None;
    }
    Some((scores, out))
}

/// Records one finished path.
fn finish(
    guide: &Guide,
    scores: &[i64],
    out: &[bool],
    trail: &Trail<'_>,
    result: &mut Explored,
    visit: &mut dyn FnMut(&Trail<'_>, Option<&str>),
) {
    result.paths += 1;
    let top = winner(guide, None, scores, out);
    visit(trail, top.map(|i| guide.services[i].id.as_str()));
    match top {
        Some(top) => {
            result.tops[top] += 1;
            let runner_up = (0..scores.len())
                .filter(|&i| i != top && !out[i])
                .map(|i| scores[i])
                .max();
            match runner_up.map(|s| scores[top] - s) {
                Some(0) => result.ties += 1,
                Some(1) => result.close_calls += 1,
                _ => {}
            }
        }
        None => {
            result.dead_end_count += 1;
            if result.dead_ends.len() < KEPT_DEAD_ENDS {
                result.dead_ends.push(
                    trail
                        .iter()
                        .map(|(q, picked)| {
                            let ids: Vec<&str> =
                                picked.iter().map(|&i| q.options[i].id.as_str()).collect();
                            format!("{}={}", q.id, ids.join(","))
                        })
                        .collect::<Vec<_>>()
                        .join(" → "),
                );
            }
        }
    }
}
