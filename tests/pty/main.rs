//! The real binary in a terminal: a pseudo-terminal driven by keystrokes and signals, and a
//! terminal closed under it. Everything that needs no terminal is in the `it` test binary.

mod cost;
mod hangup;
mod keystrokes;
mod polish;
mod save_and_copy;
mod support;
mod theme_and_config;
