//! computepick: a guide to choosing where code runs on AWS.
//!
//! Three rooms: [`core`] (the data, the decision engine, compare, cost, search and reports:
//! no terminal, no command line), [`cli`] (one file per subcommand) and [`tui`] (the terminal
//! app). `main.rs` only parses, loads and dispatches.

pub mod cli;
pub mod core;
pub mod tui;

// Short paths for what every room uses.
pub use crate::core::engine::{explain, whatif};
pub use crate::core::report::{adr, answers_file, markdown};
pub use crate::core::{compare, config, cost, data, detail, engine, fs_safe, prices, search, text};
pub use crate::tui::{app, keys, ui};
