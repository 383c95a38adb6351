//! computepick: a guide to choosing where code runs on AWS.
//!
//! The library holds everything but the process entry point: the data (`data`), the pure
//! decision logic (`engine`), the command line (`cli`), and the terminal app (`app`, `ui`, `tui`).

pub mod adr;
pub mod answers_file;
pub mod app;
pub mod cli;
pub mod compare;
pub mod config;
pub mod cost;
pub mod data;
pub mod detail;
pub mod engine;
pub mod explain;
pub mod fs_safe;
pub mod keys;
pub mod prices;
pub mod search;
pub mod text;
pub mod tui;
pub mod ui;
pub mod whatif;
