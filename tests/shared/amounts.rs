//! The estimate's amounts as the Cost table prints them, shared by the `it` and `pty` tests
//! (each includes this file with `#[path]`).

use computepick::cost::{Estimate, format_money};

/// Every monthly total `estimate` holds, as the table prints it exact.
pub fn amounts(estimate: &Estimate) -> Vec<String> {
    estimate
        .services
        .iter()
        .filter_map(|s| s.total)
        .map(format_money)
        .collect()
}
