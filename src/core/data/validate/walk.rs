//! `check`'s exploration of every path (never run at start-up): each must end with a
//! recommendation, every service must top one, and ties and close calls are counted.

use super::{Checker, MAX_PATHS, Summary};
use crate::data::{Diagnostics, Guide, Severity};

impl Checker<'_> {
    fn paths(&mut self) -> Option<Summary> {
        let explored = crate::engine::explore(self.guide, MAX_PATHS);
        let at = self.at().key("questions");
        if explored.truncated {
            self.error(
                &at,
                format!("the walk has more than {MAX_PATHS} paths; too many to check"),
            );
            return None;
        }
        for path in &explored.dead_ends {
            self.error(
                &at,
                format!(
                    "this path ends without a recommendation (every service is ruled out): {path}"
                ),
            );
        }
        if explored.dead_end_count > explored.dead_ends.len() {
            let more = explored.dead_end_count - explored.dead_ends.len();
            self.error(
                &at,
                format!("… and {more} more paths end without a recommendation"),
            );
        }
        for (service, &count) in self.guide.services.iter().zip(&explored.tops) {
            if count == 0 {
                let sat = self.at().key("services").value("id", &service.id);
                self.error(
                    &sat,
                    format!("service \"{}\" is not recommended by any path", service.id),
                );
            }
        }
        Some(Summary {
            questions: self.guide.questions.len(),
            paths: explored.paths,
            ties: explored.ties,
            close_calls: explored.close_calls,
            tops: self
                .guide
                .services
                .iter()
                .zip(explored.tops)
                .map(|(s, n)| (s.id.clone(), n))
                .collect(),
            facts: self.guide.services.iter().map(|s| s.facts.len()).sum(),
            terms: self.guide.glossary.len(),
            prices: self.guide.prices.len(),
        })
    }
}

/// Explores every path of a guide that validated: the problems found (dead ends, services no
/// path recommends) and the summary `check` prints.
pub fn explore_paths(guide: &Guide, text: &str, file: &str) -> (Diagnostics, Option<Summary>) {
    let mut check = Checker::new(guide, text, file);
    let summary = check.paths();
    let mut diagnostics = Diagnostics(check.diags);
    diagnostics.sort();
    let _ = Severity::Error;
    (diagnostics, summary)
}
