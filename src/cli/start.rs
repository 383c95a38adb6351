//! Start-up settings: the config file first (its output format is a default the parser needs),
//! then what the flags leave to it: the data file, the theme and the Region. Flags win over the
//! config file; a config file is a convenience, so its problems are warnings, printed at once
//! and kept to show in the app too.

use clap::{CommandFactory, FromArgMatches};

use super::Cli;
use super::output::say;
use crate::config::{self, Loaded};
use crate::data::Guide;
use crate::ui::theme::Theme;

/// The config file, loaded before the arguments are parsed.
pub struct Settings {
    loaded: Loaded,
    /// Every warning so far. Printed now, they are hidden by the app's screen until the user
    /// quits, so the app shows them too.
    warnings: Vec<String>,
}

/// What the command or the app starts with once the flags and the config file are combined.
pub struct Start {
    /// The config's data file, already loaded (so it is not parsed again).
    pub preloaded: Option<Guide>,
    /// The Region whose installed prices to use: the flag, else the config file's.
    pub region: Option<String>,
    pub theme: Theme,
    /// Every warning printed on the way, in order.
    pub warnings: Vec<String>,
}

impl Settings {
    /// Loads the config file. A broken one gets one warning and changes nothing.
    pub fn load() -> Self {
        let loaded = config::load();
        let mut settings = Settings {
            loaded,
            warnings: Vec::new(),
        };
        if let Some(warning) = settings.loaded.warning.as_ref().map(ToString::to_string) {
            settings.warn(warning);
        }
        settings
    }

    /// Parses this process's arguments, with the config file's output format as the default.
    pub fn parse(&self) -> Result<Cli, clap::Error> {
        apply_format_default(Cli::command(), &self.loaded.config)
            .try_get_matches()
            .and_then(|matches| Cli::from_arg_matches(&matches))
    }

    /// Fills in what the flags leave to the config file: `cli.data` (the config's data file,
    /// loaded here unless the command uses no data), the theme and the Region.
    pub fn resolve(mut self, cli: &mut Cli) -> Start {
        // The config's data file is loaded first, so a bad path there is a warning and the
        // built-in data (a bad --data fails, as an explicit choice); once loaded it is handed on
        // rather than loaded again.
        let uses_data = !matches!(
            cli.command,
            Some(
                super::Command::Completions(_) | super::Command::Man(_) | super::Command::Config(_)
            )
        );
        let mut preloaded = None;
        if cli.data.is_none() && uses_data {
            let data = config::load_data(&mut self.loaded);
            if let Some(warning) = data.warning {
                self.warn(warning.to_string());
            }
            preloaded = data.guide;
            cli.data.clone_from(&self.loaded.config.data);
        }
        let theme = Theme::from_choice(cli.theme.or(self.loaded.config.theme).unwrap_or_default());
        let region = cli.region.clone().or_else(|| self.config_region());
        Start {
            preloaded,
            region,
            theme,
            warnings: self.warnings,
        }
    }

    /// The config file's Region. A Region there that is unknown or not installed is a warning
    /// and the built-in prices (a bad --region is an error, as an explicit choice).
    fn config_region(&mut self) -> Option<String> {
        let region = self.loaded.config.region.clone()?;
        let Some(problem) = crate::prices::config_region_problem(&region) else {
            return Some(region);
        };
        let file = self
            .loaded
            .path
            .as_ref()
            .map_or_else(|| "config".to_owned(), |p| p.display().to_string());
        self.warn(format!(
            "{file}: warning: region {problem}; using the built-in prices"
        ));
        None
    }

    /// Prints a warning now and keeps it for the app.
    fn warn(&mut self, warning: String) {
        say(&warning);
        self.warnings.push(warning);
    }
}

/// Makes the config's output format the default of every subcommand whose `--format` accepts
/// it, so the commands need no code for it and `--help` shows the default in force. A
/// `--format` given on the command line still wins, as any flag does over its default.
fn apply_format_default(mut command: clap::Command, config: &config::Config) -> clap::Command {
    let Some(format) = config.format else {
        return command;
    };
    let value = format.flag_value();
    let names: Vec<String> = command
        .get_subcommands()
        .filter(|sub| {
            sub.get_arguments().any(|arg| {
                arg.get_id() == "format"
                    && arg
                        .get_possible_values()
                        .iter()
                        .any(|v| v.get_name() == value)
            })
        })
        .map(|sub| sub.get_name().to_owned())
        .collect();
    for name in names {
        command = command.mut_subcommand(name, |sub| {
            sub.mut_arg("format", |arg| arg.default_value(value))
        });
    }
    command
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{Config, OutputFormat};

    #[test]
    fn the_format_becomes_the_default_only_where_it_is_accepted() {
        use clap::{Arg, Command};
        let command = Command::new("t")
            .subcommand(
                Command::new("a").arg(
                    Arg::new("format")
                        .long("format")
                        .value_parser(["text", "json"])
                        .default_value("text"),
                ),
            )
            .subcommand(
                Command::new("b").arg(
                    Arg::new("format")
                        .long("format")
                        .value_parser(["text", "markdown"])
                        .default_value("text"),
                ),
            );
        let config = Config {
            format: Some(OutputFormat::Json),
            ..Config::default()
        };
        let command = apply_format_default(command, &config);
        let matches = command.clone().get_matches_from(["t", "a"]);
        let a = matches.subcommand_matches("a").expect("a");
        assert_eq!(
            a.get_one::<String>("format").map(String::as_str),
            Some("json")
        );
        let matches = command
            .clone()
            .get_matches_from(["t", "a", "--format", "text"]);
        let a = matches.subcommand_matches("a").expect("a");
        assert_eq!(
            a.get_one::<String>("format").map(String::as_str),
            Some("text")
        );
        let matches = command.get_matches_from(["t", "b"]);
        let b = matches.subcommand_matches("b").expect("b");
        assert_eq!(
            b.get_one::<String>("format").map(String::as_str),
            Some("text")
        );
    }
}
