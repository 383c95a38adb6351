//! Flip points: for each runner-up, the smallest change of answers that makes it win.

use std::collections::BTreeMap;

use serde::Serialize;

use super::score::{Recommendation, Sizing, clamp};
use super::totals::{Totals, totals};
use super::walk::complete_path;
use super::{Answers, Step, answers_of, canonical};
use crate::data::{Guide, Question};

/// One answer changed: `question` answered `to` (for a checklist, the whole new answer).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    pub question: String,
    pub to: String,
}

/// Every other answer a question could take, one step away: each other option; for a
/// checklist, one option ticked or unticked.
fn alternatives(question: &Question, current: Option<&str>) -> Vec<String> {
    if !question.multi {
        return question
            .options
            .iter()
            .filter(|o| Some(o.id.as_str()) != current)
            .map(|o| o.id.clone())
            .collect();
    }
    let now = current.map_or_else(|| "none".to_owned(), |a| canonical(question, a));
    let mut seen = Vec::new();
    for option in question.options.iter().filter(|o| o.id != "none") {
        let value = super::toggled(question, &now, &option.id);
        if value != now && !seen.contains(&value) {
            seen.push(value);
        }
    }
    if current.is_none() {
        seen.insert(0, "none".to_owned());
    }
    seen
}

/// How useful a flip is to read: one that changes only choices the team could make (packaging,
/// control, scaling, budget) beats one that changes what the workload is; then one that leaves the
/// current recommendation in the running (the runner-up wins on its merits, not because a new
/// hard limit removed the leader); then the wider lead.
type Clarity = (i64, bool, i64);

/// The winner and how clearly it wins after applying `changes`, when every change lands on the
/// walk.
///
/// `answers` holds the base answers; the changes are made in it and undone before returning, so
/// the hundreds of changes tried copy no map.
fn outcome(
    guide: &Guide,
    answers: &mut Answers,
    changes: &[&Change],
    sizing: Option<&Sizing>,
    leader: &str,
) -> Option<(String, Clarity)> {
    let before: Vec<Option<String>> = changes
        .iter()
        .map(|c| answers.insert(c.question.clone(), c.to.clone()))
        .collect();
    let found = changed_outcome(guide, answers, changes, sizing, leader);
    for (c, old) in changes.iter().zip(before).rev() {
        match old {
            Some(old) => answers.insert(c.question.clone(), old),
            None => answers.remove(&c.question),
        };
    }
    found
}

/// [`outcome`] with the changes made.
fn changed_outcome(
    guide: &Guide,
    answers: &Answers,
    changes: &[&Change],
    sizing: Option<&Sizing>,
    leader: &str,
) -> Option<(String, Clarity)> {
    let path = complete_path(guide, answers)?;
    if !changes
        .iter()
        .all(|c| path.iter().any(|(q, _)| q.id == c.question))
    {
        return None;
    }
    // The scorer's numbers alone: no reasons are written for the hundreds of changes tried.
    let Totals { scores, ranked, .. } = totals(guide, &path, sizing);
    let &top = ranked.first()?;
    let shown = |i: usize| i64::from(clamp(scores[i]));
    let lead = ranked.get(1).map_or(i64::MAX, |&r| shown(top) - shown(r));
    let on_merit = ranked.iter().any(|&r| guide.services[r].id == leader);
    let facts_changed = changes
        .iter()
        .filter(|c| guide.question(&c.question).is_some_and(|q| !q.preference))
        .count();
    let facts_changed = i64::try_from(facts_changed).unwrap_or(i64::MAX);
    Some((
        guide.services[top].id.clone(),
        (-facts_changed, on_merit, lead),
    ))
}

/// For each runner-up of `rec`, the smallest change of answers (one, else two) that makes
/// it win. Among changes of the same size the clearest is kept (fewer changes of what the
/// workload is, then the leader left in the running, then the wider lead), then the first in
/// walk order. Services without one are absent.
pub fn flips(
    guide: &Guide,
    path: &[Step],
    sizing: Option<&Sizing>,
    rec: &Recommendation,
) -> BTreeMap<String, Vec<Change>> {
    let base = answers_of(path);
    let wanted: Vec<&str> = rec
        .ranking
        .iter()
        .skip(1)
        .map(|r| r.service.as_str())
        .collect();
    let mut best: BTreeMap<String, (Clarity, Vec<Change>)> = BTreeMap::new();
    let Some(leader) = rec.top().map(|t| t.service.as_str()) else {
        return BTreeMap::new();
    };
    if wanted.is_empty() {
        return BTreeMap::new();
    }
    // Questions in walk order first (the path), then the rest as the data lists them.
    let mut questions: Vec<&Question> = path
        .iter()
        .filter_map(|s| guide.question(&s.question))
        .collect();
    for q in &guide.questions {
        if !questions.iter().any(|seen| seen.id == q.id) {
            questions.push(q);
        }
    }
    let changes: Vec<Change> = questions
        .iter()
        .flat_map(|q| {
            alternatives(q, base.get(&q.id).map(String::as_str))
                .into_iter()
                .map(|to| Change {
                    question: q.id.clone(),
                    to,
                })
        })
        .collect();
    let keep = |service: String, lead: Clarity, set: Vec<Change>, best: &mut BTreeMap<_, _>| {
        if !wanted.contains(&service.as_str()) {
            return;
        }
        match best.get(&service) {
            Some((l, _)) if *l >= lead => {}
            _ => {
                best.insert(service, (lead, set));
            }
        }
    };
    let mut scratch = base.clone();
    for c in &changes {
        if let Some((service, lead)) = outcome(guide, &mut scratch, &[c], sizing, leader) {
            keep(service, lead, vec![c.clone()], &mut best);
        }
    }
    if wanted.iter().any(|s| !best.contains_key(*s)) {
        let singles: BTreeMap<String, (Clarity, Vec<Change>)> = best.clone();
        let mut pairs: BTreeMap<String, (Clarity, Vec<Change>)> = BTreeMap::new();
        for (i, a) in changes.iter().enumerate() {
            for b in changes
                .iter()
                .skip(i + 1)
                .filter(|b| b.question != a.question)
            {
                if let Some((service, lead)) = outcome(guide, &mut scratch, &[a, b], sizing, leader)
                    && !singles.contains_key(&service)
                {
                    keep(service, lead, vec![a.clone(), b.clone()], &mut pairs);
                }
            }
        }
        best.extend(pairs);
    }
    best.into_iter().map(|(s, (_, set))| (s, set)).collect()
}
