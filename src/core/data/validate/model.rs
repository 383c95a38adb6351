//! Checks of the decision model: every rule-out rests on a sourced fact, checklists and skips
//! are well formed, ties have a stated criterion, contradictions and retired answers name
//! real questions and options.

use std::collections::HashSet;

use super::{Checker, suggest};
use crate::data::{Question, Rule, Severity, When};

impl Checker<'_> {
    /// Each service has its own `burden` rank, so ties are settled by what is less to operate.
    pub(super) fn burdens(&mut self) {
        let guide = self.guide;
        let ranked = guide.services.iter().filter(|s| s.burden > 0).count();
        if ranked == 0 {
            let at = self.at().key("services");
            self.push(
                Severity::Warning,
                &at,
                "no service has a burden rank; ties on score fall back to the services' ids \
                 (give each service `burden: N`, 1 = least to operate)"
                    .into(),
            );
            return;
        }
        let mut seen: Vec<(u8, &str)> = Vec::new();
        for service in &guide.services {
            let at = self.at().key("services").value("id", &service.id);
            if service.burden == 0 {
                self.error(
                    &at,
                    format!(
                        "service \"{}\" has no burden rank; give every service its own \
                         (1 = least to operate) so ties are settled by it",
                        service.id
                    ),
                );
            } else if let Some((_, other)) = seen.iter().find(|(b, _)| *b == service.burden) {
                self.error(
                    &at,
                    format!(
                        "service \"{}\" shares burden rank {} with \"{other}\"; each service \
                         needs its own so ties never depend on the file's order",
                        service.id, service.burden
                    ),
                );
            }
            seen.push((service.burden, &service.id));
        }
    }

    /// A rule-out names the service's fact that documents the limit; weights stay bounded.
    pub(super) fn rule_links(&mut self, question: &Question) {
        let guide = self.guide;
        for option in &question.options {
            for rule in &option.rules {
                let at = self
                    .at()
                    .key("questions")
                    .value("id", &question.id)
                    .value("id", &option.id)
                    .value("service", rule.service());
                let oname = format!("option \"{}.{}\"", question.id, option.id);
                match rule {
                    Rule::RuleOut { service, fact, .. } => {
                        let Some(s) = guide.service(service) else {
                            continue; // reported as an unknown service
                        };
                        if s.fact(fact).is_none() {
                            let known: HashSet<&str> =
                                s.facts.iter().map(|f| f.attribute.as_str()).collect();
                            self.error(
                                &at,
                                format!(
                                    "{oname}: rule-out of \"{service}\" cites fact \"{fact}\", \
                                     which the service does not state{}; a service is ruled \
                                     out only for a documented limit",
                                    suggest(fact, &known)
                                ),
                            );
                        }
                    }
                    Rule::Favour { .. } => {}
                }
            }
        }
    }

    /// A checklist has a `none` option without rules, and every option leads to one place.
    pub(super) fn checklist(&mut self, question: &Question) {
        let at = self.at().key("questions").value("id", &question.id);
        let qname = format!("question \"{}\"", question.id);
        if question.multi {
            match question.option("none") {
                None => self.error(
                    &at,
                    format!("{qname} is a checklist (multi: true) but has no \"none\" option"),
                ),
                Some(none) if !none.rules.is_empty() => self.error(
                    &at,
                    format!("{qname}: \"none\" means nothing is ticked, so it takes no rules"),
                ),
                Some(_) => {}
            }
        }
        if question.multi || !question.skip_when.is_empty() {
            let first = question.options.first().map(|o| o.next.as_deref());
            if question
                .options
                .iter()
                .any(|o| Some(o.next.as_deref()) != first)
            {
                let why = if question.multi {
                    "a checklist"
                } else {
                    "a question that can be skipped"
                };
                self.error(
                    &at,
                    format!(
                        "{qname}: the options of {why} must all lead to the same next question"
                    ),
                );
            }
        }
        for option in question.options.iter().filter(|o| o.id.contains(',')) {
            let oat = self
                .at()
                .key("questions")
                .value("id", &question.id)
                .value("id", &option.id);
            self.error(
                &oat,
                format!(
                    "{qname}: option id \"{}\" may not contain a comma",
                    option.id
                ),
            );
        }
        for when in &question.skip_when {
            self.when(&format!("{qname}: skip_when"), when, "questions");
            if when.question == question.id {
                self.error(&at, format!("{qname} cannot be skipped by its own answer"));
            }
        }
    }

    /// A condition names a real question and real options of it.
    fn when(&mut self, what: &str, when: &When, section: &str) {
        let guide = self.guide;
        let at = self.at().key(section).value("question", &when.question);
        let Some(question) = guide.question(&when.question) else {
            let ids: HashSet<&str> = guide.questions.iter().map(|q| q.id.as_str()).collect();
            self.error(
                &at,
                format!(
                    "{what} names unknown question \"{}\"{}",
                    when.question,
                    suggest(&when.question, &ids)
                ),
            );
            return;
        };
        if when.one_of.is_empty() {
            self.error(&at, format!("{what}: one_of lists no options"));
        }
        for option in &when.one_of {
            if question.option(option).is_none() {
                let ids: HashSet<&str> = question.options.iter().map(|o| o.id.as_str()).collect();
                self.error(
                    &at,
                    format!(
                        "{what}: \"{}\" has no option \"{option}\"{}",
                        when.question,
                        suggest(option, &ids)
                    ),
                );
            }
        }
    }

    /// Contradictions and retired answers refer to the questions as they are now.
    pub(super) fn contradictions_and_retired(&mut self) {
        let guide = self.guide;
        for (i, c) in guide.contradictions.iter().enumerate() {
            let what = format!("contradiction {}", i + 1);
            let at = self.at().key("contradictions");
            if c.when.len() < 2 {
                self.error(
                    &at,
                    format!("{what}: needs at least two conditions that pull against each other"),
                );
            }
            self.require_text(&at, &format!("{what}: say"), &c.say);
            for when in &c.when {
                self.when(&what, when, "contradictions");
            }
        }
        for r in &guide.retired {
            let at = self.at().key("retired").value("option", &r.option);
            let what = format!("retired answer \"{}={}\"", r.question, r.option);
            self.require_text(&at, &format!("{what}: now"), &r.now);
            if let Some(q) = guide.question(&r.question)
                && q.option(&r.option).is_some()
            {
                self.error(
                    &at,
                    format!(
                        "{what} is still an option of \"{}\"; retire it or keep it, not both",
                        r.question
                    ),
                );
            }
        }
    }
}
