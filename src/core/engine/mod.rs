//! The decision logic, pure: a guide and a set of answers in; the walked path, every service
//! ranked (or ruled out) with its reasons, what would flip each runner-up, and the answers
//! that pull against each other out. No terminal, no I/O.
//!
//! - [`walk`] follows the answers through the questions (one walker for every front end);
//! - [`recommend`] scores a walked path (one scorer: [`explore`] and the flips use the same
//!   ordering), breaking ties by a stated criterion, never by the data file's order;
//! - [`flips`] finds, for each runner-up, the smallest change of answers that makes it win;
//! - [`explore`] walks every path for `check` (never at start-up), and [`explore_paths`] says
//!   what it found as positioned diagnostics.

mod answers;
mod check_paths;
mod conflict;
mod decide;
pub mod explain;
mod explore;
mod flip;
mod score;
mod standing;
mod totals;
mod walk;
pub mod whatif;

pub use answers::{AnswerError, canonical, check_answers, retired_answers, toggled};
pub use check_paths::{MAX_PATHS, Summary, explore_paths};
pub use conflict::duration_conflict;
pub use decide::{DecideError, decide};
pub use explore::{DEAD_END_EXAMPLES, Explored, Trail, explore, explore_visiting};
pub use flip::{Change, flips};
pub use score::{
    CLOSE_CALL_MARGIN, Contribution, Excluded, Ranked, Recommendation, Sizing, TieBreak, TieRule,
    rank, rank_sized, recommend, recommend_sized, warnings, within_close_call,
};
pub use walk::{Step, Walk, missing_questions, planned_path, walk};

use std::collections::BTreeMap;

/// Answers by question id → option id (a checklist's ticked ids joined by commas). Ordered so
/// output never depends on hashing.
pub type Answers = BTreeMap<String, String>;

/// The answers a walked path gives, as a map.
pub fn answers_of(path: &[Step]) -> Answers {
    path.iter()
        .map(|s| (s.question.clone(), s.answer.clone()))
        .collect()
}

#[cfg(test)]
mod tests;
