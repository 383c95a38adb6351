//! `computepick man [COMMAND]`: the manual page in roff, generated from the clap definition
//! (clap_mangen), so it says exactly what `--help` says. `computepick man | man -l -` reads it.

use clap::CommandFactory;

use super::{Cli, emit, exit};

pub const AFTER_HELP: &str = "Read it with `computepick man | man -l -`, or install it:
  computepick man > ~/.local/share/man/man1/computepick.1
  computepick man recommend > ~/.local/share/man/man1/computepick-recommend.1";

#[derive(Debug, clap::Args)]
pub struct Args {
    /// A subcommand's own page (computepick-COMMAND) instead of the main one.
    #[arg(value_name = "COMMAND")]
    pub command: Option<String>,
}

pub fn run(args: &Args) -> u8 {
    match page(args.command.as_deref()) {
        Ok(roff) => emit(&roff),
        Err(message) => {
            eprintln!("computepick: {message}");
            exit::BAD_INPUT
        }
    }
}

/// The roff source of the main page, or of `computepick-COMMAND`.
pub fn page(command: Option<&str>) -> Result<String, String> {
    let mut cli = Cli::command();
    // Built so that subcommands get their full names, the version and the global flags.
    cli.build();
    let cmd = match command {
        None => cli,
        Some(name) => {
            let names = || {
                cli.get_subcommands()
                    .map(clap::Command::get_name)
                    .filter(|n| *n != "help")
            };
            let Some(sub) = cli.find_subcommand(name) else {
                let hint = crate::text::closest(name, names())
                    .map(|best| format!("; did you mean `{best}`?"))
                    .unwrap_or_default();
                let all: Vec<&str> = names().collect();
                return Err(format!(
                    "no command \"{name}\"{hint} (commands: {})",
                    all.join(", ")
                ));
            };
            // Built, a subcommand is named `computepick-COMMAND` and its synopsis
            // `computepick COMMAND`, as a man page for it should be.
            sub.clone()
        }
    };
    let mut out = Vec::new();
    clap_mangen::Man::new(cmd)
        .render(&mut out)
        .map_err(|e| format!("cannot render the manual page: {e}"))?;
    Ok(String::from_utf8_lossy(&out).into_owned())
}
