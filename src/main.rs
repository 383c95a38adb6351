//! The `computepick` binary: parse arguments, load the data, then run a subcommand or the app.

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{CommandFactory, FromArgMatches};
use computepick::cli::{self, Cli, Command, exit};
use computepick::config;
use computepick::ui::theme::Theme;

fn main() -> ExitCode {
    // The config file comes first: its output format is a default the parser needs. A broken
    // one gets one warning and changes nothing.
    let mut loaded = config::load();
    // Every warning, kept to show in the app too: printed now, it is hidden by the app's
    // screen until the user quits.
    let mut warnings: Vec<String> = Vec::new();
    if let Some(warning) = &loaded.warning {
        cli::say(&warning.to_string());
        warnings.push(warning.to_string());
    }
    let parser = config::apply_format_default(Cli::command(), &loaded.config);
    let parsed = parser
        .try_get_matches()
        .and_then(|matches| Cli::from_arg_matches(&matches));
    let mut cli = match parsed {
        Ok(cli) => cli,
        Err(e) => return usage_error(&e),
    };
    // Flags win over the config file. The config's data file is loaded first, so a bad path
    // there is a warning and the built-in data (a bad --data fails, as an explicit choice);
    // once loaded it is handed on rather than loaded again.
    let uses_data = !matches!(
        cli.command,
        Some(Command::Completions(_) | Command::Man(_) | Command::Config(_))
    );
    let mut preloaded = None;
    if cli.data.is_none() && uses_data {
        let data = config::load_data(&mut loaded);
        if let Some(warning) = data.warning {
            cli::say(&warning.to_string());
            warnings.push(warning.to_string());
        }
        preloaded = data.guide;
        cli.data = loaded.config.data;
    }
    let theme = Theme::from_choice(cli.theme.or(loaded.config.theme).unwrap_or_default());
    // The Region whose installed prices to use: the flag, else the config file's. A config is a
    // convenience: a Region there that is unknown or not installed is a warning and the built-in
    // prices (a bad --region is an error, as an explicit choice).
    let region = cli.region.clone().or_else(|| {
        let r = loaded.config.region.clone()?;
        let problem = computepick::prices::config_region_problem(&r);
        if let Some(problem) = problem {
            let file = loaded
                .path
                .as_ref()
                .map_or_else(|| "config".to_owned(), |p| p.display().to_string());
            let warning = format!("{file}: warning: region {problem}; using the built-in prices");
            cli::say(&warning);
            warnings.push(warning);
            return None;
        }
        Some(r)
    });
    if let Some(command) = &cli.command {
        return cli::run(command, cli.data.as_deref(), preloaded, region.as_deref());
    }
    // Load and validate before taking the terminal, so data errors reach a normal stderr.
    let Some(mut guide) = preloaded.or_else(|| cli::load_or_report(cli.data.as_deref())) else {
        return ExitCode::from(exit::BAD_INPUT);
    };
    // The Regions the Cost tab can switch between, then the chosen one's prices.
    let prices_dir = computepick::prices::prices_dir();
    let regions = computepick::prices::RegionChoice::new(
        &guide,
        prices_dir.clone(),
        Some(computepick::prices::today()),
    );
    if let Err(message) =
        computepick::prices::select(&mut guide, region.as_deref(), prices_dir.as_deref())
    {
        cli::say(&format!("computepick: {message}"));
        return ExitCode::from(exit::BAD_INPUT);
    }
    // The answers file too: its problems are worth more than "needs a terminal".
    let answers = match &cli.answers {
        Some(path) => match computepick::answers_file::load_resumable(&guide, path) {
            Ok(loaded) => Some(loaded),
            Err(diagnostics) => {
                cli::report_diagnostics(&diagnostics);
                return ExitCode::from(exit::BAD_INPUT);
            }
        },
        None => None,
    };
    let dumb = std::env::var("TERM").is_ok_and(|t| t == "dumb");
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() || dumb {
        cli::say(&format!(
            "computepick: the interactive guide needs a terminal. Without one, use a subcommand: \
             {} (see computepick --help).",
            subcommand_names(&Cli::command()).join(", ")
        ));
        return ExitCode::from(exit::BAD_INPUT);
    }
    let mut app = computepick::app::App::new(guide);
    app.regions = regions;
    // Files the app writes go to the current directory, shown by its full path.
    if let Ok(dir) = std::env::current_dir() {
        app.out_dir = dir;
    }
    if let Some(name) = &cli.data {
        app.data_name = name.display().to_string();
    }
    if let Some((answers, retired)) = answers {
        app = app.with_old_answers(answers, &retired);
    }
    // The footer's status line shows the first warning until the first key press.
    if let Some(first) = warnings.first() {
        let more = match warnings.len() {
            1 => String::new(),
            n => format!(" (and {} more on stderr after quitting)", n - 1),
        };
        app.status = Some(format!("Config: {first}{more}"));
    }
    computepick::tui::run(app, theme)
}

/// The visible subcommands of `command` (not hidden ones, not `help`), in declaration order.
fn subcommand_names(command: &clap::Command) -> Vec<String> {
    command
        .get_subcommands()
        .filter(|c| !c.is_hide_set() && c.get_name() != "help")
        .map(|c| c.get_name().to_owned())
        .collect()
}

/// The command a usage error is about, e.g. `computepick search`, read from the `Usage:` line
/// clap renders: the words before the first `[OPTIONS]`, `<ARG>` or flag.
fn command_path(rendered: &str) -> Option<String> {
    let usage = rendered
        .lines()
        .find_map(|l| l.trim_start().strip_prefix("Usage: "))?;
    let words: Vec<&str> = usage
        .split_whitespace()
        .take_while(|w| !w.starts_with(['[', '<', '-', '.']))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// The command a usage error is about when clap's message has no `Usage:` line (a flag missing
/// its value): the subcommand names among the arguments, e.g. `computepick recommend`.
fn command_path_from_args(args: impl Iterator<Item = String>) -> String {
    let root = Cli::command();
    let mut command = root.clone();
    let mut path = vec!["computepick".to_owned()];
    let mut skip_value = false;
    for arg in args.skip(1).take_while(|a| a != "--") {
        if std::mem::take(&mut skip_value) {
            continue;
        }
        if let Some(long) = arg.strip_prefix("--") {
            // `--data FILE`: FILE is a value, not a subcommand.
            let takes_value = |c: &clap::Command| {
                c.get_arguments()
                    .any(|a| a.get_long() == Some(long) && a.get_action().takes_values())
            };
            skip_value = !long.contains('=') && (takes_value(&command) || takes_value(&root));
            continue;
        }
        if arg.starts_with('-') {
            continue;
        }
        if let Some(sub) = command.find_subcommand(&arg).cloned() {
            path.push(sub.get_name().to_owned());
            command = sub;
        }
    }
    path.join(" ")
}

/// The clap command named by a path such as `computepick config`.
fn find_command(path: &str) -> Option<clap::Command> {
    let mut command = Cli::command();
    for word in path.split_whitespace().skip(1) {
        command = command.find_subcommand(word)?.clone();
    }
    Some(command)
}

/// `--help` and `--version` print as clap renders them; a usage error is one line on stderr
/// and exit 2, so scripts see exactly what went wrong. The line names what is missing or wrong
/// and points to the help of the command it is about (`computepick search --help`).
fn usage_error(e: &clap::Error) -> ExitCode {
    if e.kind() == ErrorKind::DisplayVersion {
        // One version line whichever command asked (clap would say `computepick-check`).
        // Through `emit`: to /dev/full or a closed pipe it is exit 1 or 0, never a panic.
        let line = format!("computepick {}\n", env!("CARGO_PKG_VERSION"));
        return ExitCode::from(cli::emit(&line));
    }
    if e.kind() == ErrorKind::DisplayHelp {
        return ExitCode::from(cli::emit(&e.render().to_string()));
    }
    let text = e.to_string();
    let path = command_path(&text).unwrap_or_else(|| command_path_from_args(std::env::args()));
    let see = format!("(see {path} --help)");
    if e.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
        // clap would print the whole help; one line says what is missing instead.
        let subcommands = find_command(&path)
            .map(|c| subcommand_names(&c))
            .unwrap_or_default();
        let name = path.strip_prefix("computepick ").unwrap_or(&path);
        if subcommands.is_empty() {
            cli::say(&format!("computepick: {name} needs more arguments {see}"));
        } else {
            cli::say(&format!(
                "computepick: {name} needs a subcommand: {} {see}",
                subcommands.join(", ")
            ));
        }
        return ExitCode::from(exit::BAD_INPUT);
    }
    let first = text.lines().next().unwrap_or("bad usage");
    let first = first.strip_prefix("error: ").unwrap_or(first);
    let mut first = first.trim_end().to_owned();
    // "the following required arguments were not provided:" lists them on the lines below.
    if first.ends_with(':') {
        let missing: Vec<String> = match e.get(ContextKind::InvalidArg) {
            Some(ContextValue::Strings(names)) => names.clone(),
            Some(ContextValue::String(name)) => vec![name.clone()],
            _ => text
                .lines()
                .skip(1)
                .take_while(|l| l.starts_with("  "))
                .map(|l| l.trim().to_owned())
                .collect(),
        };
        if !missing.is_empty() {
            first = format!("{first} {}", missing.join(", "));
        }
    }
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
    cli::say(&format!("computepick: {first}{hints} {see}"));
    ExitCode::from(exit::BAD_INPUT)
}
