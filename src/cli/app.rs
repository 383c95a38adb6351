//! Starting the interactive app (`computepick` with no subcommand): the guide, its prices and
//! any saved answers are loaded and checked before the terminal is taken, so their problems
//! reach a normal stderr.

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::CommandFactory;

use super::output::{report_diagnostics, say};
use super::start::Start;
use super::usage::subcommand_names;
use super::{Cli, exit, load_or_report};

/// Loads what the app needs, then runs it until the user quits.
pub fn run(cli: &Cli, start: Start) -> ExitCode {
    let Some(mut guide) = start
        .preloaded
        .or_else(|| load_or_report(cli.data.as_deref()))
    else {
        return ExitCode::from(exit::BAD_INPUT);
    };
    // The Regions the Cost tab can switch between, then the chosen one's prices.
    let prices_dir = crate::prices::prices_dir();
    let regions =
        crate::prices::RegionChoice::new(&guide, prices_dir.clone(), Some(crate::prices::today()));
    if let Err(message) =
        crate::prices::select(&mut guide, start.region.as_deref(), prices_dir.as_deref())
    {
        say(&format!("computepick: {message}"));
        return ExitCode::from(exit::BAD_INPUT);
    }
    // The answers file too: its problems are worth more than "needs a terminal".
    let answers = match &cli.answers {
        Some(path) => match crate::answers_file::load_resumable(&guide, path) {
            Ok(loaded) => Some(loaded),
            Err(diagnostics) => {
                report_diagnostics(&diagnostics);
                return ExitCode::from(exit::BAD_INPUT);
            }
        },
        None => None,
    };
    let dumb = std::env::var("TERM").is_ok_and(|t| t == "dumb");
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() || dumb {
        say(&format!(
            "computepick: the interactive guide needs a terminal. Without one, use a subcommand: \
             {} (see computepick --help).",
            subcommand_names(&Cli::command()).join(", ")
        ));
        return ExitCode::from(exit::BAD_INPUT);
    }
    let mut app = crate::app::App::new(guide);
    app.regions = regions;
    // Files the app writes go to the current directory, shown by its full path.
    if let Ok(dir) = std::env::current_dir() {
        app.out_dir = dir;
    }
    // `~/` in the path field of save and export; an empty HOME is no home.
    app.home = std::env::var_os("HOME")
        .filter(|h| !h.is_empty())
        .map(std::path::PathBuf::from);
    if let Some(name) = &cli.data {
        app.data_name = name.display().to_string();
    }
    if let Some((answers, retired)) = answers {
        app = app.with_old_answers(answers, &retired);
    }
    // The footer's status line shows the first warning until the first key press.
    if let Some(first) = start.warnings.first() {
        let more = match start.warnings.len() {
            1 => String::new(),
            n => format!(" (and {} more on stderr after quitting)", n - 1),
        };
        app.status = Some(format!("Config: {first}{more}"));
    }
    crate::tui::run(app, start.theme)
}
