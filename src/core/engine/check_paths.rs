//! `check`'s exploration of every path (never run at start-up): each must end with a
//! recommendation, every service must top one, and ties and close calls are counted. The
//! problems are placed in the data file as validation places its own; validation itself
//! (`crate::data::validate`) knows nothing of the engine.

use super::explore;
use crate::data::{Diagnostic, Diagnostics, Guide, Locator, Severity, SourceIndex};

/// The walk is explored path by path up to this many paths.
pub const MAX_PATHS: usize = 1_000_000;

/// What `check` prints about a guide whose every path was explored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub questions: usize,
    pub paths: usize,
    /// Paths whose top score is shared (settled by the stated tie-break).
    pub ties: usize,
    /// Paths whose runner-up is a close call but not tied.
    pub close_calls: usize,
    /// Each service id with how many paths it tops, in data order.
    pub tops: Vec<(String, usize)>,
    pub facts: usize,
    pub terms: usize,
    pub prices: usize,
}

/// Explores every path of a guide that validated: the problems found (dead ends, services no
/// path recommends) and the summary `check` prints (none when there are too many paths).
pub fn explore_paths(guide: &Guide, text: &str, file: &str) -> (Diagnostics, Option<Summary>) {
    let index = SourceIndex::new(text);
    let mut diagnostics = Diagnostics::default();
    let mut error = |at: Locator<'_>, message: String| {
        let (line, col) = at.line_col_in(&index);
        diagnostics.0.push(Diagnostic {
            severity: Severity::Error,
            file: file.to_owned(),
            line,
            col,
            message,
        });
    };
    let explored = explore(guide, MAX_PATHS);
    let questions = || Locator::new(text).key("questions");
    if explored.truncated {
        error(
            questions(),
            format!("the walk has more than {MAX_PATHS} paths; too many to check"),
        );
        return (diagnostics, None);
    }
    for path in &explored.dead_ends {
        error(
            questions(),
            format!("this path ends without a recommendation (every service is ruled out): {path}"),
        );
    }
    if explored.dead_end_count > explored.dead_ends.len() {
        let more = explored.dead_end_count - explored.dead_ends.len();
        error(
            questions(),
            format!("… and {more} more paths end without a recommendation"),
        );
    }
    for (service, &count) in guide.services.iter().zip(&explored.tops) {
        if count == 0 {
            error(
                Locator::new(text).key("services").value("id", &service.id),
                format!("service \"{}\" is not recommended by any path", service.id),
            );
        }
    }
    diagnostics.sort();
    let summary = Summary {
        questions: guide.questions.len(),
        paths: explored.paths,
        ties: explored.ties,
        close_calls: explored.close_calls,
        tops: guide
            .services
            .iter()
            .zip(explored.tops)
            .map(|(s, n)| (s.id.clone(), n))
            .collect(),
        facts: guide.services.iter().map(|s| s.facts.len()).sum(),
        terms: guide.glossary.len(),
        prices: guide.prices.len(),
    };
    (diagnostics, Some(summary))
}
