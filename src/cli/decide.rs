//! Answers to a ranking, worded for the command line: what `recommend` computes, and what
//! `compare` shows in each column when given answers, and the `--answer` flag they share.

use crate::data::Guide;
use crate::engine::{self, Answers, Recommendation, Walk};

/// Validates the answers, walks them and ranks the services: what `recommend` computes, with
/// the problems worded for the command line (every missing question at once, with its options).
pub fn decide(guide: &Guide, answers: &Answers) -> Result<(Walk, Recommendation), String> {
    decide_sized(guide, answers, None)
}

/// As [`decide`], with the estimate at the user's size weighed where the answers say cost
/// matters and used to break ties.
pub fn decide_sized(
    guide: &Guide,
    answers: &Answers,
    sizing: Option<&engine::Sizing>,
) -> Result<(Walk, Recommendation), String> {
    engine::decide(guide, answers, sizing).map_err(|e| match e {
        engine::DecideError::Missing(missing) => {
            let pairs: Vec<String> = missing
                .iter()
                .map(|(q, options)| format!("{q}={}", options.join("|")))
                .collect();
            let width = pairs.iter().map(|p| p.chars().count()).max().unwrap_or(0);
            let lines: Vec<String> = missing
                .iter()
                .zip(&pairs)
                .map(|((q, _), pair)| {
                    let prompt = guide.question(q).map_or("", |q| q.prompt.as_str());
                    let how = if guide.question(q).is_some_and(|q| q.multi) {
                        " (several: gpu,windows)"
                    } else {
                        ""
                    };
                    format!("  {pair:<width$}  {prompt}{how}")
                })
                .collect();
            format!(
                "{} without an answer; add {} with --answer QUESTION=OPTION:\n{}",
                if missing.len() == 1 {
                    "1 question is".to_owned()
                } else {
                    format!("{} questions are", missing.len())
                },
                if missing.len() == 1 { "it" } else { "them" },
                lines.join("\n")
            )
        }
        other => other.to_string(),
    })
}

/// An `--answer QUESTION=OPTION` value (of `recommend` and `compare`).
pub fn parse_answer(text: &str) -> Result<(String, String), String> {
    let (q, o) = text
        .split_once('=')
        .ok_or_else(|| format!("\"{}\" is not QUESTION=OPTION", crate::text::cut(text)))?;
    let (q, o) = (q.trim(), o.trim());
    if q.is_empty() || o.is_empty() {
        return Err(format!(
            "\"{}\" is not QUESTION=OPTION",
            crate::text::cut(text)
        ));
    }
    Ok((q.to_owned(), o.to_owned()))
}
