//! The `computepick` binary: parse arguments, load the data, then run a subcommand or the app.

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::error::ErrorKind;
use clap::{CommandFactory, FromArgMatches};
use computepick::cli::{self, Cli, exit};
use computepick::config;
use computepick::ui::theme::Theme;

fn main() -> ExitCode {
    // The config file comes first: its output format is a default the parser needs. A broken
    // one gets one warning and changes nothing.
    let loaded = config::load();
    if let Some(warning) = &loaded.warning {
        eprintln!("{warning}");
    }
    let parser = config::apply_format_default(Cli::command(), &loaded.config);
    let parsed = parser
        .try_get_matches()
        .and_then(|matches| Cli::from_arg_matches(&matches));
    let mut cli = match parsed {
        Ok(cli) => cli,
        Err(e) => return usage_error(&e),
    };
    // Flags win over the config file.
    if cli.data.is_none() {
        cli.data = loaded.config.data;
    }
    let theme = Theme::from_choice(cli.theme.or(loaded.config.theme).unwrap_or_default());
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
    let mut app = computepick::app::App::new(guide);
    // Files the app writes go to the current directory, shown by its full path.
    if let Ok(dir) = std::env::current_dir() {
        app.out_dir = dir;
    }
    if let Some(name) = &cli.data {
        app.data_name = name.display().to_string();
    }
    if let Some(path) = &cli.answers {
        match computepick::answers_file::load(&app.guide, path) {
            Ok(answers) => app = app.with_answers(answers),
            Err(diagnostics) => {
                cli::report_diagnostics(&diagnostics);
                return ExitCode::from(exit::BAD_INPUT);
            }
        }
    }
    computepick::tui::run(app, theme)
}

/// `--help` and `--version` print as clap renders them; a usage error is one line on stderr
/// and exit 2, so scripts see exactly what went wrong.
fn usage_error(e: &clap::Error) -> ExitCode {
    if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
        let _ = e.print();
        return ExitCode::from(exit::OK);
    }
    if e.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
        let _ = e.print();
        return ExitCode::from(exit::BAD_INPUT);
    }
    let text = e.to_string();
    let first = text.lines().next().unwrap_or("bad usage");
    let first = first.strip_prefix("error: ").unwrap_or(first);
    // Keep clap's hints (possible values, a similar flag) on the same line.
    let hints: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| l.starts_with("[possible values") || l.starts_with("tip:"))
        .collect();
    let hints = if hints.is_empty() {
        String::new()
    } else {
        format!("; {}", hints.join("; "))
    };
    eprintln!("computepick: {first}{hints} (see computepick --help)");
    ExitCode::from(exit::BAD_INPUT)
}
