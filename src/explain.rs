//! Sentences that explain a recommendation, shared by the command line and the app.

use crate::data::Guide;
use crate::engine::{Contribution, Excluded, Step};

/// `+3` or `-2`.
pub fn signed(weight: i32) -> String {
    format!("{weight:+}")
}

/// `runtime = hours`, in ids, for compact display.
pub fn answer_ids(c: &Contribution) -> String {
    format!("{} = {}", c.question, c.answer)
}

/// "AWS Lambda is out: one run lasts hours; Lambda stops at 15 minutes (runtime = hours)",
/// one line per rule that ruled it out.
pub fn knockouts(excluded: &Excluded) -> Vec<String> {
    excluded
        .reasons
        .iter()
        .map(|c| format!("{} is out: {} ({})", excluded.name, c.reason, answer_ids(c)))
        .collect()
}

/// A step in words: the question's prompt and the chosen option's label.
pub fn step_words(guide: &Guide, step: &Step) -> (String, String) {
    let question = guide.question(&step.question);
    let prompt = question.map_or_else(|| step.question.clone(), |q| q.prompt.clone());
    let label = question
        .and_then(|q| q.option(&step.answer))
        .map_or_else(|| step.answer.clone(), |o| o.label.clone());
    (prompt, label)
}

/// Says when the recommendation shares its score with runners-up, so a tie decided by the data
/// file's order is never mistaken for a clear win.
pub fn tie_note(rec: &crate::engine::Recommendation) -> Option<String> {
    let top = rec.top()?;
    let tied = rec.tied_with_top();
    if tied.is_empty() {
        return None;
    }
    let names: Vec<&str> = tied.iter().map(|r| r.name.as_str()).collect();
    Some(format!(
        "Tied on score with {}: {} is listed first because it comes first in the data file. \
         Weigh them against each other (Compare shows them side by side).",
        names.join(" and "),
        top.name
    ))
}

/// "3 behind", or "tied" when there is no gap.
pub fn gap(behind: i32) -> String {
    if behind == 0 {
        "tied".to_owned()
    } else {
        format!("{behind} behind")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knockout_reads_as_a_sentence() {
        let excluded = Excluded {
            service: "lambda".into(),
            name: "AWS Lambda".into(),
            reasons: vec![Contribution {
                question: "runtime".into(),
                answer: "hours".into(),
                weight: 0,
                reason: "one run lasts hours; Lambda stops at 15 minutes".into(),
            }],
        };
        assert_eq!(
            knockouts(&excluded),
            [
                "AWS Lambda is out: one run lasts hours; Lambda stops at 15 minutes (runtime = hours)"
            ]
        );
        assert_eq!(signed(3), "+3");
        assert_eq!(signed(-2), "-2");
    }
}
