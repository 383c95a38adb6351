//! The command line: argument parsing and one module per subcommand. Every subcommand prints
//! to stdout, reports problems on stderr, and returns the process exit code.
//!
//! Dependencies go one way. `main.rs` uses [`start`] (the config file, data, theme and Region),
//! [`usage`] (parse errors), this module's [`run`] (a subcommand) and [`app`] (the interactive
//! app). The subcommands use the shared modules below them: [`output`] (formats, widths,
//! stdout and stderr), [`workload`] (the workload size flags of `cost` and `recommend`) and
//! [`decide`] (answers to a ranking, for `recommend` and `compare`), and `recommend` prints
//! through [`recommendation`]; no subcommand uses another.

pub mod app;
pub mod check;
pub mod compare;
pub mod completions;
pub mod config;
pub mod cost;
pub mod decide;
pub mod list;
pub mod man;
pub mod output;
pub mod prices;
pub mod questions;
pub mod recommend;
pub mod recommendation;
pub mod search;
pub mod show;
pub mod start;
pub mod usage;
pub mod workload;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::data::Guide;

/// Exit codes, documented in the README.
pub use crate::core::exit;
pub use output::{Format, emit, emit_bytes, report_diagnostics, say};

const ABOUT: &str = "Choose where to run your code on AWS: a guided decision walk that recommends \
one of AWS Lambda, AWS Fargate, Amazon ECS on EC2, Amazon EKS, AWS Batch, Amazon Lightsail or AWS \
Elastic Beanstalk, and says why.";

const AFTER_HELP: &str = "Run with no command to start the interactive guide.

Examples:
  computepick
  computepick recommend --answer workload=event --answer runtime=seconds ...
  computepick check my-decisions.ron

Exit codes: 0 success; 1 no search hit, or an internal error; 2 bad input (usage or data);
129, 130, 143 stopped by SIGHUP, SIGINT (Ctrl-C), SIGTERM. See `computepick man`.";

#[derive(Debug, Parser)]
#[command(
    name = "computepick",
    version,
    propagate_version = true,
    about = ABOUT,
    after_help = AFTER_HELP
)]
pub struct Cli {
    /// Use this decisions file instead of the built-in one.
    #[arg(long, global = true, value_name = "FILE")]
    pub data: Option<PathBuf>,

    /// Open the app with answers saved earlier (`s` in the app, or --save-answers).
    #[arg(long, value_name = "FILE")]
    pub answers: Option<PathBuf>,

    /// Use the prices installed for this AWS Region (`computepick prices`); default: the
    /// built-in us-east-1 prices.
    #[arg(long, global = true, value_name = "REGION")]
    pub region: Option<String>,

    /// Colours for a dark or light terminal background; auto detects it (dark when unknown).
    #[arg(long, global = true, value_enum, value_name = "THEME")]
    pub theme: Option<crate::config::ThemeChoice>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Recommend a service from answers given as flags.
    #[command(after_help = recommend::AFTER_HELP)]
    Recommend(recommend::Args),
    /// List every question in walk order with its options, labels and help.
    #[command(after_help = questions::AFTER_HELP)]
    Questions(questions::Args),
    /// Validate a decisions file and summarise its walk.
    #[command(after_help = check::AFTER_HELP)]
    Check(check::Args),
    /// Show one service or glossary term with its facts and sources.
    #[command(after_help = show::AFTER_HELP)]
    Show(show::Args),
    /// Compare two to four services side by side, attribute by attribute.
    #[command(after_help = compare::AFTER_HELP)]
    Compare(compare::Args),
    /// List the services with their one-line summaries.
    #[command(after_help = list::AFTER_HELP)]
    List(list::Args),
    /// Find services, concepts and comparison attributes by name, alias, typo or text.
    #[command(after_help = search::AFTER_HELP)]
    Search(search::Args),
    /// Estimate each service's monthly cost for a workload, with break-even points.
    #[command(after_help = cost::AFTER_HELP)]
    Cost(cost::Args),
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish).
    #[command(after_help = completions::AFTER_HELP)]
    Completions(completions::Args),
    /// Print the manual page (roff): `computepick man | man -l -`.
    #[command(after_help = man::AFTER_HELP)]
    Man(man::Args),
    /// List installed prices by Region, or import AWS's price list files.
    #[command(after_help = prices::AFTER_HELP)]
    Prices(prices::Args),
    /// Show where the config file is and what it sets.
    #[command(after_help = config::AFTER_HELP)]
    Config(config::Args),
}

/// Runs a subcommand and returns the exit code. `preloaded` is `data`'s guide when it was
/// already loaded (the config's data file), so it is not parsed again. `region` (from
/// `--region` or the config) chooses the installed prices the commands use.
pub fn run(
    command: &Command,
    data: Option<&std::path::Path>,
    preloaded: Option<Guide>,
    region: Option<&str>,
) -> ExitCode {
    let today = crate::prices::today();
    // The import reads the data's own prices (their matchers), not a Region's.
    if let Command::Prices(args) = command {
        return ExitCode::from(match preloaded.or_else(|| load_or_report(data)) {
            Some(guide) => prices::run(args, &guide, region, today),
            None => exit::BAD_INPUT,
        });
    }
    // The guide with the chosen Region's prices laid over the built-in ones.
    let with_guide = |f: &dyn Fn(&Guide) -> u8| {
        let Some(mut guide) = preloaded.or_else(|| load_or_report(data)) else {
            return exit::BAD_INPUT;
        };
        let dir = crate::prices::prices_dir();
        match crate::prices::select(&mut guide, region, dir.as_deref()) {
            Ok(()) => f(&guide),
            Err(message) => {
                eprintln!("computepick: {message}");
                exit::BAD_INPUT
            }
        }
    };
    let code = match command {
        Command::Check(args) => check::run(args, data, region, today),
        Command::Recommend(args) => {
            let name = data.map_or_else(
                || crate::data::EMBEDDED_NAME.to_owned(),
                |p| p.display().to_string(),
            );
            with_guide(&|g| recommend::run(args, g, &name))
        }
        Command::Show(args) => with_guide(&|g| show::run(args, g)),
        Command::Compare(args) => with_guide(&|g| compare::run(args, g)),
        Command::List(args) => with_guide(&|g| list::run(args, g)),
        Command::Search(args) => with_guide(&|g| search::run(args, g)),
        Command::Questions(args) => with_guide(&|g| questions::run(args, g)),
        Command::Cost(args) => with_guide(&|g| cost::run(args, g)),
        Command::Completions(args) => completions::run(args),
        Command::Man(args) => man::run(args),
        Command::Config(args) => config::run(args),
        Command::Prices(_) => exit::INTERNAL, // handled above
    };
    ExitCode::from(code)
}

/// Loads the guide; on failure prints every diagnostic to stderr and returns `None`.
pub fn load_or_report(data: Option<&std::path::Path>) -> Option<Guide> {
    match crate::data::load(data) {
        Ok((guide, _, _)) => Some(guide),
        Err(diagnostics) => {
            report_diagnostics(&diagnostics);
            None
        }
    }
}

/// `--theme` takes the config file's choices; the descriptions are the command line's.
impl clap::ValueEnum for crate::config::ThemeChoice {
    fn value_variants<'a>() -> &'a [Self] {
        use crate::config::ThemeChoice;
        &[ThemeChoice::Auto, ThemeChoice::Dark, ThemeChoice::Light]
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        use crate::config::ThemeChoice;
        let (name, help) = match self {
            ThemeChoice::Auto => (
                "auto",
                "Detect the terminal's background (from `COLORFGBG`; dark when unknown)",
            ),
            ThemeChoice::Dark => ("dark", "Colours for a dark background"),
            ThemeChoice::Light => ("light", "Colours for a light background"),
        };
        Some(clap::builder::PossibleValue::new(name).help(help))
    }
}
