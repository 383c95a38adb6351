//! The terminal app: the terminal and its signals (`terminal`), the keymap (`keys`), the state
//! and how actions change it (`app`), and the drawing (`ui`).

pub mod app;
pub mod keys;
pub mod terminal;
pub mod ui;

pub use terminal::{perform, restore_terminal, run};
