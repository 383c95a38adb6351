//! Sentences that explain a recommendation, shared by the command line, the app and the
//! decision record, so all three say the same thing.

use crate::data::Guide;
use crate::engine::{Change, Contribution, Excluded, Ranked, Recommendation, Step, TieRule};

/// `+3` or `-2`.
pub fn signed(weight: i32) -> String {
    format!("{weight:+}")
}

/// `runtime = hours`, in ids, for compact display.
pub fn answer_ids(c: &Contribution) -> String {
    format!("{} = {}", c.question, c.answer)
}

/// "AWS Lambda is out: one run lasts longer than 15 minutes, … (runtime = hours); …": one
/// line per service with every rule that ruled it out.
pub fn knockouts(excluded: &Excluded) -> Vec<String> {
    vec![knockout_in(excluded, &answer_ids)]
}

/// [`knockouts`]' line with each answer named by `answer`: the app names them in words, with
/// the number that changes them.
pub fn knockout_in(excluded: &Excluded, answer: &dyn Fn(&Contribution) -> String) -> String {
    let reasons: Vec<String> = excluded
        .reasons
        .iter()
        .map(|c| format!("{} ({})", c.reason, answer(c)))
        .collect();
    format!("{} is out: {}", excluded.name, reasons.join("; "))
}

/// A step in words: the question's prompt and the chosen option's label (a checklist's
/// ticked labels joined by commas).
pub fn step_words(guide: &Guide, step: &Step) -> (String, String) {
    let question = guide.question(&step.question);
    let prompt = question.map_or_else(|| step.question.clone(), |q| q.prompt.clone());
    let label = question.map_or_else(|| step.answer.clone(), |q| q.answer_words(&step.answer));
    (prompt, label)
}

/// Says how a tie on score was settled, so it is never mistaken for a clear win or for chance.
pub fn tie_note(guide: &Guide, rec: &Recommendation) -> Option<String> {
    let top = rec.top()?;
    let tie = rec.tie.as_ref()?;
    let names = tie.with.join(" and ");
    let because = match tie.rule {
        TieRule::LowerEstimate => "its estimate at your size is lower".to_owned(),
        TieRule::LessToOperate => {
            let burden = |id: &str| guide.service(id).map_or(0, |s| s.burden);
            let why = guide
                .service(&top.service)
                .map(|s| s.burden_why.as_str())
                .filter(|w| !w.is_empty())
                .map_or_else(String::new, |w| format!(": {w}"));
            let second = rec.ranking.get(1).map_or(0, |r| burden(&r.service));
            format!(
                "it leaves less to operate (operating burden {} against {second}{why})",
                burden(&top.service)
            )
        }
        TieRule::Id => {
            "the data gives no burden ranks, so the ids' alphabetical order decides".to_owned()
        }
    };
    Some(format!(
        "Tied on score with {names}: {} comes first because {because}.",
        top.name
    ))
}

/// "Close call: AWS Fargate is 1 point behind; it would win if …", when the runner-up is
/// within [`crate::engine::CLOSE_CALL_MARGIN`] (ties are said by [`tie_note`]).
pub fn close_call_note(guide: &Guide, rec: &Recommendation) -> Option<String> {
    let second = rec.close_call()?;
    let top = rec.top()?;
    if top.score == second.score {
        return None;
    }
    let behind = top.score.saturating_sub(second.score);
    Some(format!(
        "Close call: {} is {} behind; it {}.",
        second.name,
        crate::text::count_noun(usize::try_from(behind).unwrap_or(0), "point", "points"),
        flip_words(guide, second)
    ))
}

/// "would win if scaling were auto (Rises and falls: scale automatically)", or that no change
/// of one or two answers makes it win.
pub fn flip_words(guide: &Guide, ranked: &Ranked) -> String {
    match &ranked.flip {
        Some(changes) => format!("would win if {}", changes_words(guide, changes)),
        None => "would not win with any change of one or two answers".to_owned(),
    }
}

/// "scaling = auto (Rises and falls: scale automatically) and budget = …".
pub fn changes_words(guide: &Guide, changes: &[Change]) -> String {
    changes
        .iter()
        .map(|c| {
            let (_, label) = step_words(
                guide,
                &Step {
                    question: c.question.clone(),
                    answer: c.to.clone(),
                },
            );
            format!("{} = {} ({label})", c.question, c.to)
        })
        .collect::<Vec<_>>()
        .join(" and ")
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
    fn knockout_reads_as_one_sentence_per_service() {
        let rule = |question: &str, answer: &str, reason: &str| Contribution {
            question: question.into(),
            answer: answer.into(),
            weight: 0,
            reason: reason.into(),
            fact: Some("max-runtime".into()),
        };
        let excluded = Excluded {
            service: "lambda".into(),
            name: "AWS Lambda".into(),
            reasons: vec![
                rule("runtime", "hours", "one run lasts hours"),
                rule("needs", "gpu", "functions get no GPUs"),
            ],
        };
        assert_eq!(
            knockouts(&excluded),
            [
                "AWS Lambda is out: one run lasts hours (runtime = hours); functions get no GPUs (needs = gpu)"
            ]
        );
        assert_eq!(signed(3), "+3");
        assert_eq!(signed(-2), "-2");
    }
}
