//! The `computepick` binary: parse arguments, load the data, then run a subcommand or the app.

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::Parser;
use computepick::cli::{self, Cli, exit};

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Some(command) = &cli.command {
        return cli::run(command, cli.data.as_deref());
    }
    // Load and validate before taking the terminal, so data errors reach a normal stderr.
    let Some(guide) = cli::load_or_report(cli.data.as_deref()) else {
        return ExitCode::from(exit::BAD_INPUT);
    };
    let dumb = std::env::var("TERM").is_ok_and(|t| t == "dumb");
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() || dumb {
        eprintln!(
            "computepick: the interactive guide needs a terminal. Without one, use a subcommand: \
             recommend, check (see computepick --help)."
        );
        return ExitCode::from(exit::BAD_INPUT);
    }
    computepick::tui::run(guide)
}
