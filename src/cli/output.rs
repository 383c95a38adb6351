//! What every subcommand shares to write its output: the `--format` choices, the width text is
//! laid out for, stdout and stderr writes that never panic, and data diagnostics.

use std::io::{IsTerminal, Write};

use clap::ValueEnum;

use crate::core::exit;
use crate::data::Diagnostics;

/// Output formats shared by the subcommands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum Format {
    #[default]
    Text,
    Json,
    Markdown,
}

/// Width used when stdout is not a terminal and `COLUMNS` is not set.
pub const DEFAULT_WIDTH: usize = 100;
/// Narrowest width text is laid out for; below it nothing useful fits.
pub const MIN_WIDTH: usize = 20;

/// The width printed text is laid out for: `COLUMNS` when set (so scripts and tests can pin
/// it), else the terminal's width when stdout is one, else [`DEFAULT_WIDTH`].
pub fn output_width() -> usize {
    let from_env = std::env::var("COLUMNS")
        .ok()
        .and_then(|v| v.trim().parse::<usize>().ok())
        .filter(|&w| w > 0);
    let from_terminal = || {
        std::io::stdout()
            .is_terminal()
            .then(ratatui::crossterm::terminal::size)
            .and_then(Result::ok)
            .map(|(w, _)| usize::from(w))
            .filter(|&w| w > 0)
    };
    from_env
        .or_else(from_terminal)
        .unwrap_or(DEFAULT_WIDTH)
        .max(MIN_WIDTH)
}

/// Prints every diagnostic to stderr, with a count when there are several errors.
pub fn report_diagnostics(diagnostics: &Diagnostics) {
    for d in &diagnostics.0 {
        say(&d.to_string());
    }
    let errors = diagnostics.errors().count();
    // One problem is its own summary; several get a count.
    if errors > 1 {
        say(&format!("computepick: {errors} errors in the data"));
    }
}

/// The longest line `say` writes; longer ones are cut, saying how much was left out.
const MAX_MESSAGE_CHARS: usize = 4096;

/// Writes one message line to stderr, made safe for the terminal ([`crate::text::safe`]) and
/// cut when absurdly long. Never panics: when stderr cannot be written (`2>/dev/full`, a closed
/// pipe) the message is lost and the command's exit code still says what happened.
pub fn say(line: &str) {
    let line = crate::text::cut_to(line, MAX_MESSAGE_CHARS);
    let mut err = std::io::stderr().lock();
    let _ = err
        .write_all(crate::text::safe(&line).as_bytes())
        .and_then(|()| err.write_all(b"\n"))
        .and_then(|()| err.flush());
}

/// Writes output to stdout, made safe for the terminal ([`crate::text::safe`]: JSON keeps its
/// meaning). A closed pipe (`computepick ... | head -1`) is not an error; any other write
/// error (`>/dev/full`) is one line on stderr and exit 1. Never panics.
pub fn emit(text: &str) -> u8 {
    emit_bytes(crate::text::safe(text).as_bytes())
}

/// [`emit`] for text that is already what it should be (a roff page, a completion script).
pub fn emit_bytes(bytes: &[u8]) -> u8 {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Ok(()) => exit::OK,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => exit::OK,
        Err(e) => {
            say(&format!("computepick: cannot write output: {e}"));
            exit::INTERNAL
        }
    }
}
