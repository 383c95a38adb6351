//! `computepick config path|show`: where the config file is looked for, and what it sets.
//! The file itself is read by [`crate::config`].

use std::fmt::Write;

use super::output::emit;
use crate::config::{self, Loaded};

pub const AFTER_HELP: &str = "The file is RON, for example:
  (theme: Some(Light), format: Some(Json), data: Some(\"my-guide.ron\"), region: Some(\"eu-central-1\"))
Every setting is also a flag (--theme, --format, --data, --region), and a flag wins. COMPUTEPICK_CONFIG names
another file; set empty, no file is read.";

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub action: Action,
}

#[derive(Debug, Clone, Copy, clap::Subcommand)]
pub enum Action {
    /// Print the config file's path (whether or not it exists).
    Path,
    /// Print the settings the config file gives, and defaults for the rest.
    Show,
}

pub fn run(args: &Args) -> u8 {
    let mut loaded = config::load();
    // `show` says whether the data file the config names can be used (else the built-in data
    // is, with the same warning every command gives).
    let data_warning = match args.action {
        Action::Show => config::load_data(&mut loaded).warning,
        Action::Path => None,
    };
    emit(&match args.action {
        Action::Path => loaded
            .path
            .as_ref()
            .map_or_else(String::new, |p| format!("{}\n", p.display())),
        Action::Show => show(&loaded, data_warning.as_ref()),
    })
}

fn show(loaded: &Loaded, data_warning: Option<&crate::data::Diagnostic>) -> String {
    let mut out = String::new();
    let file = match &loaded.path {
        None => "none (COMPUTEPICK_CONFIG is empty, or no home directory)".to_owned(),
        Some(p) if !p.exists() => format!("{} (not found: defaults apply)", p.display()),
        Some(p) => p.display().to_string(),
    };
    let _ = writeln!(out, "file:   {file}");
    for warning in loaded.warning.iter().chain(data_warning) {
        let _ = writeln!(out, "error:  {warning}");
    }
    let c = &loaded.config;
    let (default, set) = ("(default)", "(config)");
    let theme = c.theme.unwrap_or_default();
    let _ = writeln!(
        out,
        "theme:  {} {}",
        format!("{theme:?}").to_lowercase(),
        if c.theme.is_some() { set } else { default }
    );
    let _ = writeln!(
        out,
        "format: {} {}",
        c.format.map_or("text", config::OutputFormat::flag_value),
        if c.format.is_some() { set } else { default }
    );
    let _ = writeln!(
        out,
        "region: {}",
        c.region.as_ref().map_or_else(
            || format!("us-east-1, built-in prices {default}"),
            |r| format!("{r} {set}")
        )
    );
    let _ = writeln!(
        out,
        "data:   {}",
        c.data.as_ref().map_or_else(
            || format!("built-in {default}"),
            |d| format!("{} {set}", d.display())
        )
    );
    out
}
