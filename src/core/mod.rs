//! The core: the guide's data, the decision engine, comparison, cost, search and reports. Pure
//! logic and files: nothing here draws on a terminal or parses a command line (no ratatui,
//! crossterm or clap; `tests/it` holds that boundary).

pub mod compare;
pub mod config;
pub mod cost;
pub mod data;
pub mod detail;
pub mod engine;
pub mod exit;
pub mod fs_safe;
pub mod prices;
pub mod report;
pub mod search;
pub mod text;
