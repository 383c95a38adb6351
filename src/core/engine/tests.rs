//! The engine on a guide small enough to reason about by hand: three services, a checklist and
//! a question skipped by an earlier answer.

use super::*;
use crate::data::{self, Guide};

/// shape → length (skipped for jobs) → extras (a checklist) → end.
const GUIDE: &str = r#"Guide(
    meta: Meta(title: "Unit", as_of: "2026-11-01", region: "us-east-1", currency: "USD"),
    start: "shape",
    attributes: [Attribute(id: "limit", label: "Limit")],
    services: [
        Service(id: "fn", name: "Fn", summary: "F.", burden: 1, facts: [Fact(attribute: "limit", value: "15 min", source: "https://example.com", as_of: "2026-11-01")]),
        Service(id: "box", name: "Box", summary: "B.", burden: 2, facts: [Fact(attribute: "limit", value: "none", source: "https://example.com", as_of: "2026-11-01")]),
        Service(id: "job", name: "Job", summary: "J.", burden: 3, facts: [Fact(attribute: "limit", value: "ends", source: "https://example.com", as_of: "2026-11-01")]),
    ],
    questions: [
        Question(id: "shape", prompt: "What?", why: "W.", options: [
            Choice(id: "server", label: "Server", next: Some("length"), rules: [
                Favour(service: "box", weight: 2, reason: "boxes serve"),
                RuleOut(service: "job", reason: "jobs end", fact: "limit")]),
            Choice(id: "jobs", label: "Jobs", next: Some("length"), rules: [
                Favour(service: "job", weight: 3, reason: "jobs are its purpose")]),
        ]),
        Question(id: "length", prompt: "How long?", why: "W.", skip_when: [When(question: "shape", one_of: ["jobs"])], options: [
            Choice(id: "short", label: "Short", next: Some("extras"), rules: [
                Favour(service: "fn", weight: 2, reason: "short work fits")]),
            Choice(id: "long", label: "Long", next: Some("extras"), rules: [
                RuleOut(service: "fn", reason: "too long", fact: "limit")]),
        ]),
        Question(id: "extras", prompt: "Extras?", why: "W.", multi: true, options: [
            Choice(id: "a", label: "A", rules: [Favour(service: "fn", weight: 1, reason: "a helps fn")]),
            Choice(id: "b", label: "B", rules: [Favour(service: "box", weight: 1, reason: "b helps box")]),
            Choice(id: "none", label: "None"),
        ]),
    ],
)"#;

fn guide() -> Guide {
    data::parse(GUIDE, "unit.ron").expect("the unit guide is valid")
}

fn answers(pairs: &[(&str, &str)]) -> Answers {
    pairs
        .iter()
        .map(|(q, a)| ((*q).to_owned(), (*a).to_owned()))
        .collect()
}

#[test]
fn the_walk_skips_a_question_an_earlier_answer_makes_moot() {
    let g = guide();
    let w = walk(
        &g,
        &answers(&[("shape", "jobs"), ("length", "short"), ("extras", "none")]),
    );
    assert!(w.is_complete());
    assert_eq!(w.skipped, ["length"]);
    assert_eq!(w.ignored, ["length"]);
    let asked: Vec<&str> = planned_path(&g, &answers(&[("shape", "jobs")]))
        .iter()
        .map(|q| q.id.as_str())
        .collect();
    assert_eq!(asked, ["shape", "extras"]);
    let missing: Vec<&str> = missing_questions(&g, &Answers::new())
        .iter()
        .map(|q| q.id.as_str())
        .collect();
    assert_eq!(missing, ["shape", "length", "extras"]);
}

#[test]
fn a_checklist_applies_every_ticked_option_and_reads_canonically() {
    let g = guide();
    let extras = g.question("extras").expect("extras");
    assert_eq!(canonical(extras, "b,a"), "a,b");
    assert_eq!(canonical(extras, ""), "none");
    let path = walk(
        &g,
        &answers(&[("shape", "server"), ("length", "short"), ("extras", "b,a")]),
    )
    .path;
    let rec = rank(&g, &path);
    // fn: 2 + 1 = 3; box: 2 + 1 = 3; job is out. A tie, settled by burden: fn first.
    assert_eq!(
        rec.ranking
            .iter()
            .map(|r| (r.service.as_str(), r.score))
            .collect::<Vec<_>>(),
        [("fn", 3), ("box", 3)]
    );
    assert_eq!(
        rec.tie.as_ref().map(|t| t.rule),
        Some(TieRule::LessToOperate)
    );
    assert_eq!(rec.excluded[0].reasons[0].fact.as_deref(), Some("limit"));
    assert!(check_answers(&g, &answers(&[("extras", "a,none")])).is_err());
    assert!(check_answers(&g, &answers(&[("extras", "a,a")])).is_err());
}

#[test]
fn a_flip_is_the_smallest_change_that_makes_the_runner_up_win() {
    let g = guide();
    let path = walk(
        &g,
        &answers(&[("shape", "server"), ("length", "short"), ("extras", "none")]),
    )
    .path;
    let rec = recommend(&g, &path);
    // fn 2 against box 2: a tie that fn takes; ticking b gives box the lead.
    assert_eq!(rec.top().map(|t| t.service.as_str()), Some("fn"));
    let box_flip = rec.ranking[1].flip.as_ref().expect("box has a flip");
    assert_eq!(box_flip.len(), 1);
    let flipped = walk(&g, &{
        let mut a = answers_of(&path);
        a.insert(box_flip[0].question.clone(), box_flip[0].to.clone());
        a
    });
    assert_eq!(
        rank(&g, &flipped.path).top().map(|t| t.service.as_str()),
        Some("box")
    );
}

#[test]
fn sizing_breaks_a_tie_by_the_clearly_lower_estimate() {
    let g = guide();
    let path = walk(
        &g,
        &answers(&[("shape", "server"), ("length", "short"), ("extras", "a,b")]),
    )
    .path;
    let sizing = Sizing {
        monthly: [("fn".to_owned(), 100.0), ("box".to_owned(), 50.0)].into(),
    };
    let rec = recommend_sized(&g, &path, Some(&sizing));
    assert_eq!(rec.top().map(|t| t.service.as_str()), Some("box"));
    assert_eq!(
        rec.tie.as_ref().map(|t| t.rule),
        Some(TieRule::LowerEstimate)
    );
    // Within 10%, the estimates settle nothing: less to operate does.
    let close = Sizing {
        monthly: [("fn".to_owned(), 100.0), ("box".to_owned(), 95.0)].into(),
    };
    let rec = recommend_sized(&g, &path, Some(&close));
    assert_eq!(rec.top().map(|t| t.service.as_str()), Some("fn"));
}

#[test]
fn explore_counts_every_path_with_its_ties() {
    let g = guide();
    let explored = explore(&g, 1000);
    // server: 2 lengths × 4 tick sets = 8; jobs: 4 tick sets (length skipped) = 12.
    assert_eq!(explored.paths, 12);
    assert_eq!(explored.dead_end_count, 0);
    assert_eq!(explored.tops.iter().sum::<usize>(), 12);
    assert!(explored.ties > 0);
}

/// The walker's allocation-free check reads answers exactly as `selected` does.
#[test]
fn a_question_accepts_exactly_the_answers_it_can_select() {
    let g = guide();
    for question in &g.questions {
        let mut tries: Vec<String> = vec![String::new(), ",".into(), "nope".into(), "none".into()];
        for o in &question.options {
            tries.push(o.id.clone());
            tries.push(format!("{},nope", o.id));
            tries.push(format!(" {} ", o.id));
            for p in &question.options {
                tries.push(format!("{},{}", o.id, p.id));
            }
        }
        for answer in tries {
            assert_eq!(
                question.accepts(&answer),
                question.selected(&answer).is_some(),
                "{}: {answer:?}",
                question.id
            );
        }
    }
}
