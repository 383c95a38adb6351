//! Checks of the question graph: ids, options, rules, `next` links, cycles and reach.

use std::collections::{HashMap, HashSet};

use super::{Checker, MAX_OPTIONS, MAX_WEIGHT, suggest};

impl Checker<'_> {
    /// Checks the question graph; returns whether it is sound enough to explore path by path.
    pub(super) fn questions(&mut self) -> bool {
        let guide = self.guide;
        let services = self.service_ids();
        let question_ids: HashSet<&str> = guide.questions.iter().map(|q| q.id.as_str()).collect();
        let errors_before = self.diags.len();
        self.duplicates(
            "questions",
            "question",
            guide.questions.iter().map(|q| q.id.as_str()),
        );
        if !question_ids.contains(guide.start.as_str()) {
            let at = self.at().value("start", &guide.start);
            let hint = suggest(&guide.start, &question_ids);
            self.error(
                &at,
                format!("start question \"{}\" does not exist{hint}", guide.start),
            );
        }
        for question in &guide.questions {
            let qat = self.at().key("questions").value("id", &question.id);
            let qname = format!("question \"{}\"", question.id);
            self.require_text(&qat, "question id", &question.id);
            self.require_text(&qat, &format!("{qname}: prompt"), &question.prompt);
            if question.options.is_empty() {
                self.error(&qat, format!("{qname} has no options"));
            } else if question.options.len() > MAX_OPTIONS {
                self.error(
                    &qat,
                    format!(
                        "{qname} has {} options; at most {MAX_OPTIONS} can be numbered on screen",
                        question.options.len()
                    ),
                );
            }
            let mut option_ids = HashMap::new();
            for option in &question.options {
                let seen = option_ids.entry(option.id.as_str()).or_insert(0usize);
                let oat = self
                    .at()
                    .key("questions")
                    .value("id", &question.id)
                    .nth_value("id", &option.id, *seen);
                if *seen > 0 {
                    self.error(
                        &oat,
                        format!("{qname}: duplicate option id \"{}\"", option.id),
                    );
                }
                *seen += 1;
                let oname = format!("option \"{}.{}\"", question.id, option.id);
                self.require_text(&oat, "option id", &option.id);
                self.require_text(&oat, &format!("{oname}: label"), &option.label);
                if let Some(next) = &option.next
                    && !question_ids.contains(next.as_str())
                {
                    let nat = self
                        .at()
                        .key("questions")
                        .value("id", &question.id)
                        .value("id", &option.id)
                        .value("next", next);
                    let hint = suggest(next, &question_ids);
                    self.error(
                        &nat,
                        format!("{oname}: next question \"{next}\" does not exist{hint}"),
                    );
                }
                // A checklist's `none` means nothing ticked: it may end the walk with no rules.
                let nothing_ticked = question.multi && option.id == "none";
                if option.next.is_none() && option.rules.is_empty() && !nothing_ticked {
                    self.error(
                        &oat,
                        format!("{oname} has no effect and no next question; add rules or a next"),
                    );
                }
                for rule in &option.rules {
                    let rat = self
                        .at()
                        .key("questions")
                        .value("id", &question.id)
                        .value("id", &option.id)
                        .value("service", rule.service());
                    if !services.contains(rule.service()) {
                        let hint = suggest(rule.service(), &services);
                        self.error(
                            &rat,
                            format!(
                                "{oname}: rule names unknown service \"{}\"{hint}",
                                rule.service()
                            ),
                        );
                    }
                    self.require_text(&rat, &format!("{oname}: rule reason"), rule.reason());
                    if let crate::data::Rule::Favour { weight, .. } = rule
                        && weight.unsigned_abs() > MAX_WEIGHT.unsigned_abs()
                    {
                        self.error(
                            &rat,
                            format!(
                                "{oname}: weight {weight} is out of range; weights are from \
                                 -{MAX_WEIGHT} to {MAX_WEIGHT}"
                            ),
                        );
                    }
                }
            }
        }
        for question in &guide.questions {
            self.rule_links(question);
            self.checklist(question);
        }
        let structural_ok = self.diags.len() == errors_before;
        let graph_ok = self.cycles_and_reach();
        structural_ok && graph_ok
    }

    /// Reports cycles and questions the walk never reaches; true when there are neither.
    fn cycles_and_reach(&mut self) -> bool {
        let guide = self.guide;
        let index: HashMap<&str, usize> = guide
            .questions
            .iter()
            .enumerate()
            .map(|(i, q)| (q.id.as_str(), i))
            .collect();
        let Some(&start) = index.get(guide.start.as_str()) else {
            return false;
        };
        let edges: Vec<Vec<usize>> = guide
            .questions
            .iter()
            .map(|q| {
                let mut next: Vec<usize> = q
                    .options
                    .iter()
                    .filter_map(|o| o.next.as_deref().and_then(|n| index.get(n).copied()))
                    .collect();
                next.dedup();
                next
            })
            .collect();
        // Iterative depth-first search: 0 unseen, 1 on the stack, 2 done.
        let mut colour = vec![0u8; guide.questions.len()];
        let mut ok = true;
        let mut stack: Vec<(usize, usize)> = vec![(start, 0)];
        colour[start] = 1;
        while let Some(&mut (node, ref mut child)) = stack.last_mut() {
            if let Some(&next) = edges[node].get(*child) {
                *child += 1;
                match colour[next] {
                    0 => {
                        colour[next] = 1;
                        stack.push((next, 0));
                    }
                    1 => {
                        let from = stack.iter().position(|&(n, _)| n == next).unwrap_or(0);
                        let mut cycle: Vec<&str> = stack[from..]
                            .iter()
                            .map(|&(n, _)| guide.questions[n].id.as_str())
                            .collect();
                        cycle.push(guide.questions[next].id.as_str());
                        let at = self
                            .at()
                            .key("questions")
                            .value("id", &guide.questions[node].id);
                        self.error(&at, format!("the walk loops: {}", cycle.join(" → ")));
                        ok = false;
                    }
                    _ => {}
                }
            } else {
                colour[node] = 2;
                stack.pop();
            }
        }
        // Once per id: a duplicated question (reported as a duplicate) is one node of the walk,
        // and its copies are not each "unreachable".
        let mut reported = HashSet::new();
        for question in &guide.questions {
            let reached = index
                .get(question.id.as_str())
                .is_some_and(|&i| colour[i] != 0);
            if !reached && reported.insert(question.id.as_str()) {
                let at = self.at().key("questions").value("id", &question.id);
                self.error(
                    &at,
                    format!(
                        "question \"{}\" cannot be reached from the start",
                        question.id
                    ),
                );
                ok = false;
            }
        }
        ok
    }
}
