//! computepick: a guide to choosing where code runs on AWS.
//!
//! The library holds everything but the process entry point: the data (`data`), the pure
//! decision logic (`engine`), the command line (`cli`), and the terminal app (`app`, `ui`, `tui`).

pub mod data;
pub mod engine;
pub mod text;
pub mod cli;
pub mod explain;
pub mod tui;
pub mod app;
pub mod keys;
pub mod ui;
