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

/// Whether an earlier answer on the path makes `question` moot.
fn is_skipped(guide: &Guide, question: &Question, path: &[Step]) -> bool {
    question.skip_when.iter().any(|when| {
        path.iter()
            .find(|s| s.question == when.question)
            .is_some_and(|s| when.holds(guide, &s.answer))
    })
}

/// Follows the answers from the start question until the walk ends or an answer is missing.
/// Answers naming unknown options are treated as missing; check them first with
/// [`super::check_answers`] where that should be an error.
pub fn walk(guide: &Guide, answers: &Answers) -> Walk {
    let mut path: Vec<Step> = Vec::new();
    let mut skipped = Vec::new();
    let mut visited = HashSet::new();
    let mut current = Some(guide.start.as_str());
    let mut pending = None;
    while let Some(qid) = current {
        let Some(question) = guide.question(qid) else {
            break;
        };
        if !visited.insert(qid) {
            break; // Validation rejects cycles; this guards an unvalidated guide.
        }
        if is_skipped(guide, question, &path) {
            skipped.push(qid.to_owned());
            current = next_of(question, None);
            continue;
        }
        let answer = answers.get(qid).filter(|a| question.selected(a).is_some());
        let Some(answer) = answer else {
            pending = Some(qid.to_owned());
            break;
        };
        path.push(Step {
            question: qid.to_owned(),
            answer: answer.clone(),
        });
        current = next_of(question, Some(answer));
    }
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
    let mut questions: Vec<&Question> = Vec::new();
    let mut path: Vec<Step> = Vec::new();
    let mut current = Some(guide.start.as_str());
    while let Some(qid) = current {
        let Some(question) = guide.question(qid) else {
            break;
        };
        if questions.iter().any(|seen| seen.id == question.id) || path.len() > guide.questions.len()
        {
            break;
        }
        if is_skipped(guide, question, &path) {
            current = next_of(question, None);
            continue;
        }
        let answer = answers.get(qid).filter(|a| question.selected(a).is_some());
        questions.push(question);
        if let Some(answer) = answer {
            path.push(Step {
                question: qid.to_owned(),
                answer: answer.clone(),
            });
        }
        current = next_of(question, answer.map(String::as_str));
    }
    questions
}

/// Every question still to answer, from the first pending one on, as far as the walk can be
/// followed without them (a question whose options lead to different places ends the list).
pub fn missing_questions<'g>(guide: &'g Guide, answers: &Answers) -> Vec<&'g Question> {
    let mut missing = Vec::new();
    let mut path: Vec<Step> = Vec::new();
    let mut visited = HashSet::new();
    let mut current = Some(guide.start.as_str());
    while let Some(qid) = current {
        let Some(question) = guide.question(qid) else {
            break;
        };
        if !visited.insert(qid) {
            break;
        }
        if is_skipped(guide, question, &path) {
            current = next_of(question, None);
            continue;
        }
        match answers.get(qid).filter(|a| question.selected(a).is_some()) {
            Some(answer) => {
                path.push(Step {
                    question: qid.to_owned(),
                    answer: answer.clone(),
                });
                current = next_of(question, Some(answer));
            }
            None => {
                missing.push(question);
                let first = question.options.first().and_then(|o| o.next.as_deref());
                if question.options.iter().any(|o| o.next.as_deref() != first) {
                    break;
                }
                current = first;
            }
        }
    }
    missing
}
