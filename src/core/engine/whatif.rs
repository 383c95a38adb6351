//! What-if: how the ranking changes when answers change, and which rules made the difference.
//! Pure, like the engine it compares.

use crate::engine::{Contribution, Recommendation, Step};

/// One answer that differs between two walks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerChange {
    pub question: String,
    /// `None` when the question was not on that walk.
    pub before: Option<String>,
    pub after: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Movement {
    /// Ranked both times, at a different rank (1-based).
    Moved {
        from: usize,
        to: usize,
    },
    DroppedOut {
        from: usize,
    },
    CameBack {
        to: usize,
    },
}

/// A service whose standing changed, and the rules behind the change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceChange {
    pub service: String,
    pub name: String,
    pub movement: Movement,
    /// Rules that now fire (with their weight; 0 for a rule-out) …
    pub gained: Vec<Contribution>,
    /// … and rules that no longer do.
    pub lost: Vec<Contribution>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct WhatIf {
    pub answers: Vec<AnswerChange>,
    /// Services whose rank changed or that dropped out or came back, best new rank first.
    pub services: Vec<ServiceChange>,
    /// The new recommendation when it differs from the old one.
    pub new_top: Option<String>,
}

impl WhatIf {
    pub fn is_empty(&self) -> bool {
        self.answers.is_empty()
    }
}

fn standing(rec: &Recommendation, service: &str) -> (Option<usize>, Vec<Contribution>) {
    if let Some(i) = rec.ranking.iter().position(|r| r.service == service) {
        return (Some(i + 1), rec.ranking[i].reasons.clone());
    }
    let knockouts = rec
        .excluded
        .iter()
        .find(|e| e.service == service)
        .map(|e| e.reasons.clone())
        .unwrap_or_default();
    (None, knockouts)
}

fn minus(a: &[Contribution], b: &[Contribution]) -> Vec<Contribution> {
    a.iter().filter(|c| !b.contains(c)).cloned().collect()
}

/// Compares two walks and their recommendations.
pub fn diff(
    before_path: &[Step],
    before: &Recommendation,
    after_path: &[Step],
    after: &Recommendation,
) -> WhatIf {
    let mut answers = Vec::new();
    let find = |path: &[Step], q: &str| {
        path.iter()
            .find(|s| s.question == q)
            .map(|s| s.answer.clone())
    };
    let mut questions: Vec<&str> = before_path.iter().map(|s| s.question.as_str()).collect();
    for s in after_path {
        if !questions.contains(&s.question.as_str()) {
            questions.push(&s.question);
        }
    }
    for q in questions {
        let (b, a) = (find(before_path, q), find(after_path, q));
        if b != a {
            answers.push(AnswerChange {
                question: q.to_owned(),
                before: b,
                after: a,
            });
        }
    }
    let names = after
        .ranking
        .iter()
        .map(|r| (&r.service, &r.name))
        .chain(after.excluded.iter().map(|e| (&e.service, &e.name)));
    let mut services = Vec::new();
    for (id, name) in names {
        let (was, was_rules) = standing(before, id);
        let (now, now_rules) = standing(after, id);
        let movement = match (was, now) {
            (Some(from), Some(to)) if from != to => Movement::Moved { from, to },
            (Some(from), None) => Movement::DroppedOut { from },
            (None, Some(to)) => Movement::CameBack { to },
            _ => continue,
        };
        services.push(ServiceChange {
            service: id.clone(),
            name: name.clone(),
            movement,
            gained: minus(&now_rules, &was_rules),
            lost: minus(&was_rules, &now_rules),
        });
    }
    let rank = |c: &ServiceChange| match c.movement {
        Movement::Moved { to, .. } | Movement::CameBack { to } => to,
        Movement::DroppedOut { .. } => usize::MAX,
    };
    services.sort_by_key(rank);
    let new_top = match (before.top(), after.top()) {
        (Some(b), Some(a)) if b.service != a.service => Some(a.service.clone()),
        (None, Some(a)) => Some(a.service.clone()),
        _ => None,
    };
    WhatIf {
        answers,
        services,
        new_top,
    }
}

/// "runtime: seconds → hours".
pub fn answer_sentence(change: &AnswerChange) -> String {
    answer_sentence_in(change, &|_, answer| answer.to_owned())
}

/// [`answer_sentence`] with each answer named by `answer(question, option)` (the app's words).
pub fn answer_sentence_in(change: &AnswerChange, answer: &dyn Fn(&str, &str) -> String) -> String {
    let show = |a: &Option<String>| {
        a.as_deref()
            .map_or_else(|| "(not asked)".to_owned(), |a| answer(&change.question, a))
    };
    format!(
        "{}: {} → {}",
        change.question,
        show(&change.before),
        show(&change.after)
    )
}

/// "AWS Lambda drops out: one run lasts hours (runtime = hours)" or
/// "AWS Batch moves from #3 to #1: +3 Batch has no time limit (runtime = hours)", answers in ids.
pub fn service_sentence(change: &ServiceChange) -> String {
    service_sentence_in(change, &|question, answer| format!("{question} = {answer}"))
}

/// [`service_sentence`] with each answer named by `answer(question, option)`: the app names
/// them in words, with the number that changes them.
pub fn service_sentence_in(
    change: &ServiceChange,
    answer: &dyn Fn(&str, &str) -> String,
) -> String {
    let why = |rules: &[Contribution], sign: i32| -> Vec<String> {
        rules
            .iter()
            .map(|c| {
                let named = answer(&c.question, &c.answer);
                if c.weight == 0 {
                    format!("{} ({named})", c.reason)
                } else {
                    format!("{:+} {} ({named})", c.weight * sign, c.reason)
                }
            })
            .collect()
    };
    match change.movement {
        Movement::DroppedOut { .. } => {
            let reasons = why(&change.gained, 1);
            format!("{} drops out: {}", change.name, reasons.join("; "))
        }
        Movement::CameBack { to } => {
            let mut reasons: Vec<String> = change
                .lost
                .iter()
                .filter(|c| c.weight == 0)
                .map(|c| format!("{} no longer rules it out", answer(&c.question, &c.answer)))
                .collect();
            reasons.extend(why(&change.gained, 1));
            format!(
                "{} comes back at #{to}: {}",
                change.name,
                reasons.join("; ")
            )
        }
        Movement::Moved { from, to } => {
            let verb = if to < from { "moves up" } else { "moves down" };
            let mut reasons = why(&change.gained, 1);
            reasons.extend(
                why(&change.lost, 1)
                    .into_iter()
                    .map(|r| format!("no longer {r}")),
            );
            if reasons.is_empty() {
                reasons.push("others moved around it".into());
            }
            format!(
                "{} {verb} from #{from} to #{to}: {}",
                change.name,
                reasons.join("; ")
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data;
    use crate::engine::{self, Answers};

    fn run(pairs: &[(&str, &str)]) -> (Vec<Step>, Recommendation) {
        let guide = data::parse(data::EMBEDDED, data::EMBEDDED_NAME).expect("valid");
        let answers: Answers = pairs
            .iter()
            .map(|(q, a)| ((*q).to_owned(), (*a).to_owned()))
            .collect();
        let walk = engine::walk(&guide, &answers);
        let rec = engine::recommend(&guide, &walk.path);
        (walk.path, rec)
    }

    const THUMBNAILS: &[(&str, &str)] = &[
        ("workload", "event"),
        ("runtime", "seconds"),
        ("state", "stateless"),
        ("packaging", "code"),
        ("control", "none"),
        ("scaling", "scale-to-zero"),
        ("budget", "pay-per-use"),
        ("process", "per-request"),
        ("needs", "none"),
    ];

    #[test]
    fn no_change_is_empty() {
        let (p, r) = run(THUMBNAILS);
        let d = diff(&p, &r, &p, &r);
        assert!(d.is_empty());
        assert!(d.services.is_empty());
        assert_eq!(d.new_top, None);
    }

    #[test]
    fn hours_drop_lambda_out_and_name_the_rule() {
        let (p1, r1) = run(THUMBNAILS);
        let mut changed = THUMBNAILS.to_vec();
        changed[1] = ("runtime", "hours");
        changed[3] = ("packaging", "container");
        let (p2, r2) = run(&changed);
        let d = diff(&p1, &r1, &p2, &r2);
        assert_eq!(d.answers.len(), 2);
        assert_eq!(answer_sentence(&d.answers[0]), "runtime: seconds → hours");
        let lambda = d
            .services
            .iter()
            .find(|c| c.service == "lambda")
            .expect("lambda changed");
        assert_eq!(lambda.movement, Movement::DroppedOut { from: 1 });
        let sentence = service_sentence(lambda);
        assert!(
            sentence.starts_with("AWS Lambda drops out: one run lasts longer than 15 minutes, and Lambda stops every invocation at 15 (runtime = hours)"),
            "{sentence}"
        );
        assert!(d.new_top.is_some());
        let top = d.new_top.as_deref().expect("new top");
        let winner = d
            .services
            .iter()
            .find(|c| c.service == top)
            .expect("winner listed");
        assert!(matches!(winner.movement, Movement::Moved { to: 1, .. }));
        assert!(
            service_sentence(winner).contains("moves up"),
            "{}",
            service_sentence(winner)
        );
    }

    #[test]
    fn changing_back_brings_a_service_back() {
        let mut hours = THUMBNAILS.to_vec();
        hours[1] = ("runtime", "hours");
        let (p1, r1) = run(&hours);
        let (p2, r2) = run(THUMBNAILS);
        let d = diff(&p1, &r1, &p2, &r2);
        let lambda = d
            .services
            .iter()
            .find(|c| c.service == "lambda")
            .expect("lambda");
        assert_eq!(lambda.movement, Movement::CameBack { to: 1 });
        assert!(service_sentence(lambda).contains("runtime = hours no longer rules it out"));
    }
}
