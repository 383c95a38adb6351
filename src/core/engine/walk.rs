//! The one walker: follows answers from the start question through `next`s and skips.

use std::collections::HashSet;

use super::Answers;
use crate::data::{Guide, Question};

/// One answered question on the walked path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub question: String,
    /// The option id; for a checklist, the ticked ids joined by commas (or `none`).
    pub answer: String,
}

/// The path the answers take through the tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Walk {
    pub path: Vec<Step>,
    /// The first question on the path still without an answer; `None` once the walk ends.
    pub pending: Option<String>,
    /// Answered questions the path does not pass through.
    pub ignored: Vec<String>,
    /// Questions on the way that earlier answers made moot (`skip_when`).
    pub skipped: Vec<String>,
}

impl Walk {
    pub fn is_complete(&self) -> bool {
        self.pending.is_none()
    }
}

/// Where the walk goes from `question`: the next of the selected option (a checklist's
/// options all lead to the same question, which `check` enforces).
fn next_of<'g>(question: &'g Question, answer: Option<&str>) -> Option<&'g str> {
    let option = match answer.and_then(|a| question.selected(a)) {
        Some(picked) => picked.first().copied(),
        None => question.options.first(),
    };
    option.and_then(|o| o.next.as_deref())
}

/// Whether an earlier answer on the path (question id, answer) makes `question` moot.
fn is_skipped(guide: &Guide, question: &Question, path: &[(&str, &str)]) -> bool {
    question.skip_when.iter().any(|when| {
        path.iter()
            .find(|(q, _)| *q == when.question)
            .is_some_and(|(_, answer)| when.holds(guide, answer))
    })
}

/// What the walker does at a question without an answer.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Unanswered {
    /// Stop there: the walk is pending.
    Stop,
    /// Go on as the first option would (to plan the screens ahead).
    FirstOption,
    /// Go on only while every option leads to the same question (to list what is missing).
    IfUnambiguous,
}

/// One question the walker reached: asked (with its answer, if given) or skipped.
struct Visit<'g, 'a> {
    question: &'g Question,
    answer: Option<&'a String>,
    skipped: bool,
}

/// The one walker: from the start question through answers, `next`s and skips, each question
/// once (validation rejects cycles; this guards an unvalidated guide).
fn trace<'g, 'a>(
    guide: &'g Guide,
    answers: &'a Answers,
    unanswered: Unanswered,
) -> Vec<Visit<'g, 'a>> {
    let mut visits: Vec<Visit> = Vec::new();
    let mut path: Vec<(&str, &str)> = Vec::new();
    // By position in the data: the first question with an id is the one `Guide::question` finds.
    let mut visited = vec![false; guide.questions.len()];
    let mut current = Some(guide.start.as_str());
    while let Some(qid) = current {
        let Some(at) = guide.questions.iter().position(|q| q.id == qid) else {
            break;
        };
        let question = &guide.questions[at];
        if std::mem::replace(&mut visited[at], true) {
            break;
        }
        if is_skipped(guide, question, &path) {
            visits.push(Visit {
                question,
                answer: None,
                skipped: true,
            });
            current = next_of(question, None);
            continue;
        }
        let answer = answers.get(qid).filter(|a| question.accepts(a));
        visits.push(Visit {
            question,
            answer,
            skipped: false,
        });
        if let Some(answer) = answer {
            path.push((question.id.as_str(), answer.as_str()));
            current = next_of(question, Some(answer));
            continue;
        }
        current = match unanswered {
            Unanswered::Stop => None,
            Unanswered::FirstOption => next_of(question, None),
            Unanswered::IfUnambiguous => {
                let first = question.options.first().and_then(|o| o.next.as_deref());
                if question.options.iter().any(|o| o.next.as_deref() != first) {
                    None
                } else {
                    first
                }
            }
        };
    }
    visits
}

/// The answered path when the answers finish the walk, borrowed (question, answer): what the
/// flips score for each of the hundreds of changes they try, without copying a string.
pub(super) fn complete_path<'g, 'a>(
    guide: &'g Guide,
    answers: &'a Answers,
) -> Option<Vec<(&'g Question, &'a str)>> {
    let visits = trace(guide, answers, Unanswered::Stop);
    if visits.iter().any(|v| !v.skipped && v.answer.is_none()) {
        return None;
    }
    Some(
        visits
            .iter()
            .filter_map(|v| Some((v.question, v.answer?.as_str())))
            .collect(),
    )
}

/// Follows the answers from the start question until the walk ends or an answer is missing.
/// Answers naming unknown options are treated as missing; check them first with
/// [`super::check_answers`] where that should be an error.
pub fn walk(guide: &Guide, answers: &Answers) -> Walk {
    let visits = trace(guide, answers, Unanswered::Stop);
    let path: Vec<Step> = visits
        .iter()
        .filter_map(|v| {
            Some(Step {
                question: v.question.id.clone(),
                answer: v.answer?.clone(),
            })
        })
        .collect();
    let pending = visits
        .iter()
        .find(|v| !v.skipped && v.answer.is_none())
        .map(|v| v.question.id.clone());
    let skipped = visits
        .iter()
        .filter(|v| v.skipped)
        .map(|v| v.question.id.clone())
        .collect();
    let on_path: HashSet<&str> = path.iter().map(|s| s.question.as_str()).collect();
    let ignored = answers
        .keys()
        .filter(|q| !on_path.contains(q.as_str()) && pending.as_deref() != Some(q.as_str()))
        .cloned()
        .collect();
    Walk {
        path,
        pending,
        ignored,
        skipped,
    }
}

/// The questions the walk asks, in order: those answered, then the one pending, then the ones
/// after it, following remembered answers and otherwise each question's first option. Skipped
/// questions are left out. The app numbers its screens by this list.
pub fn planned_path<'g>(guide: &'g Guide, answers: &Answers) -> Vec<&'g Question> {
    trace(guide, answers, Unanswered::FirstOption)
        .into_iter()
        .filter(|v| !v.skipped)
        .map(|v| v.question)
        .collect()
}

/// Every question still to answer, from the first pending one on, as far as the walk can be
/// followed without them (a question whose options lead to different places ends the list).
pub fn missing_questions<'g>(guide: &'g Guide, answers: &Answers) -> Vec<&'g Question> {
    trace(guide, answers, Unanswered::IfUnambiguous)
        .into_iter()
        .filter(|v| !v.skipped && v.answer.is_none())
        .map(|v| v.question)
        .collect()
}
