//! From answers by name to a decision: checked, walked, scored. What every front end calls.

use std::fmt;

use super::{AnswerError, Answers, Recommendation, Sizing, Walk, check_answers, missing_questions};
use super::{recommend_sized, walk};
use crate::data::Guide;

/// Why answers do not yet make a decision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecideError {
    /// An answer names no question or option, or one of an earlier vocabulary.
    Answer(AnswerError),
    /// Questions on the path without an answer, in walk order, each with its option ids.
    Missing(Vec<(String, Vec<String>)>),
}

impl fmt::Display for DecideError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecideError::Answer(e) => e.fmt(f),
            DecideError::Missing(missing) => {
                let list: Vec<String> = missing
                    .iter()
                    .map(|(q, options)| format!("{q} ({})", options.join("|")))
                    .collect();
                write!(f, "questions without an answer: {}", list.join(", "))
            }
        }
    }
}

/// Checks the answers, walks them and ranks the services (with each runner-up's flip point
/// and the contradictions among the answers).
pub fn decide(
    guide: &Guide,
    answers: &Answers,
    sizing: Option<&Sizing>,
) -> Result<(Walk, Recommendation), DecideError> {
    check_answers(guide, answers).map_err(DecideError::Answer)?;
    let walked = walk(guide, answers);
    if !walked.is_complete() {
        let missing = missing_questions(guide, answers)
            .iter()
            .map(|q| {
                (
                    q.id.clone(),
                    q.options.iter().map(|o| o.id.clone()).collect(),
                )
            })
            .collect();
        return Err(DecideError::Missing(missing));
    }
    let rec = recommend_sized(guide, &walked.path, sizing);
    Ok((walked, rec))
}
