//! Checking answers given by name (on the command line or in a file) against the guide.

use std::fmt;

use super::Answers;
use crate::data::{Guide, Question, Retired};

/// A problem with answers given by name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnswerError {
    UnknownQuestion {
        question: String,
        suggestion: Option<String>,
        valid: Vec<String>,
    },
    UnknownOption {
        question: String,
        option: String,
        suggestion: Option<String>,
        valid: Vec<String>,
    },
    /// An answer of an earlier vocabulary, with what replaced it.
    Retired {
        question: String,
        option: String,
        now: String,
    },
    /// A checklist answer that ticks `none` with something else, or one id twice.
    BadChecklist { question: String, answer: String },
}

impl fmt::Display for AnswerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AnswerError::UnknownQuestion {
                question,
                suggestion,
                valid,
            } => {
                write!(f, "unknown question \"{}\"", crate::text::cut(question))?;
                if let Some(s) = suggestion {
                    write!(f, "; did you mean \"{s}\"?")?;
                }
                write!(f, " (questions: {})", valid.join(", "))
            }
            AnswerError::UnknownOption {
                question,
                option,
                suggestion,
                valid,
            } => {
                write!(
                    f,
                    "unknown answer \"{}\" for {}",
                    crate::text::cut(option),
                    crate::text::cut(question)
                )?;
                if let Some(s) = suggestion {
                    write!(f, "; did you mean \"{s}\"?")?;
                }
                write!(f, " (options: {})", valid.join(", "))
            }
            AnswerError::Retired { now, .. } => f.write_str(now),
            AnswerError::BadChecklist { question, answer } => write!(
                f,
                "\"{}\" for {question}: tick any of its options separated by commas, each once, \
                 or \"none\" alone",
                crate::text::cut(answer)
            ),
        }
    }
}

/// The retired entry an answer matches, if it is one of an earlier vocabulary.
fn retired<'g>(guide: &'g Guide, question: &str, option: &str) -> Option<&'g Retired> {
    guide
        .retired
        .iter()
        .find(|r| r.question == question && r.option == option)
}

/// Every answer of an earlier vocabulary among `answers`, with what replaced it.
pub fn retired_answers<'g>(guide: &'g Guide, answers: &Answers) -> Vec<&'g Retired> {
    answers
        .iter()
        .flat_map(|(q, a)| a.split(',').map(move |o| (q, o.trim())))
        .filter_map(|(q, o)| retired(guide, q, o))
        .collect()
}

fn check_one(guide: &Guide, question: &Question, answer: &str) -> Result<(), AnswerError> {
    let ids: Vec<&str> = if question.multi {
        answer.split(',').map(str::trim).collect()
    } else {
        vec![answer]
    };
    for id in &ids {
        if question.option(id).is_some() {
            continue;
        }
        if let Some(r) = retired(guide, &question.id, id) {
            return Err(AnswerError::Retired {
                question: question.id.clone(),
                option: (*id).to_owned(),
                now: r.now.clone(),
            });
        }
        let valid: Vec<String> = question.options.iter().map(|o| o.id.clone()).collect();
        return Err(AnswerError::UnknownOption {
            question: question.id.clone(),
            option: (*id).to_owned(),
            suggestion: crate::text::closest(id, valid.iter().map(String::as_str))
                .map(str::to_owned),
            valid,
        });
    }
    let twice = ids.iter().enumerate().any(|(i, id)| ids[..i].contains(id));
    if twice || (ids.len() > 1 && ids.contains(&"none")) {
        return Err(AnswerError::BadChecklist {
            question: question.id.clone(),
            answer: answer.to_owned(),
        });
    }
    Ok(())
}

/// Every answer must name a real question and one of its options (for a checklist: options
/// ticked once each, or `none` alone). Answers of an earlier vocabulary are refused with what
/// replaced them, never mapped to a guess.
pub fn check_answers(guide: &Guide, answers: &Answers) -> Result<(), AnswerError> {
    for (qid, oid) in answers {
        let Some(question) = guide.question(qid) else {
            let valid: Vec<String> = guide.questions.iter().map(|q| q.id.clone()).collect();
            return Err(AnswerError::UnknownQuestion {
                question: qid.clone(),
                suggestion: crate::text::closest(qid, valid.iter().map(String::as_str))
                    .map(str::to_owned),
                valid,
            });
        };
        check_one(guide, question, oid)?;
    }
    Ok(())
}

/// An answer as the guide writes it: a checklist's ticked ids in option order, `none` when
/// nothing is ticked; other answers unchanged.
pub fn canonical(question: &Question, answer: &str) -> String {
    if !question.multi {
        return answer.to_owned();
    }
    let ticked: Vec<&str> = question
        .options
        .iter()
        .filter(|o| o.id != "none" && question.picks(answer, &o.id))
        .map(|o| o.id.as_str())
        .collect();
    if ticked.is_empty() {
        "none".to_owned()
    } else {
        ticked.join(",")
    }
}

/// A checklist's answer with `option` ticked or unticked (`none` clears every tick), written as
/// the guide writes it. What Space does in the app and what a flip point counts as one change.
pub fn toggled(question: &Question, answer: &str, option: &str) -> String {
    if option == "none" {
        return "none".to_owned();
    }
    let next = if question.picks(answer, option) {
        answer
            .split(',')
            .filter(|id| *id != option)
            .collect::<Vec<_>>()
            .join(",")
    } else {
        format!("{answer},{option}")
    };
    canonical(question, &next)
}
