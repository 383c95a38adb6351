//! The `computepick` binary: parse arguments, load the data, then run a subcommand or the app.

use std::process::ExitCode;

use computepick::cli::{self, app, start::Settings, usage};

fn main() -> ExitCode {
    // The config file comes first: its output format is a default the parser needs.
    let settings = Settings::load();
    let mut cli = match settings.parse() {
        Ok(cli) => cli,
        Err(e) => return usage::report(&e),
    };
    let start = settings.resolve(&mut cli);
    match &cli.command {
        Some(command) => cli::run(
            command,
            cli.data.as_deref(),
            start.preloaded,
            start.region.as_deref(),
        ),
        None => app::run(&cli, start),
    }
}
