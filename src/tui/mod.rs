//! The terminal app: the terminal and its signals (`terminal`), the keymap (`keys`), the state
//! and how actions change it (`app`), the drawing (`ui`), and the clipboard by escape sequence
//! (`clipboard`).

pub mod app;
pub mod clipboard;
pub mod keys;
pub mod terminal;
pub mod ui;

pub use terminal::{perform, restore_terminal, run};
