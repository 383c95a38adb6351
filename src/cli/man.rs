//! `computepick man [COMMAND]`: the manual page in roff, generated from the clap definition
//! (clap_mangen), so it says exactly what `--help` says. `computepick man | man -l -` reads it.

use clap::CommandFactory;

use super::output::{emit, say};
use super::{Cli, exit};

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
            say(&format!("computepick: {message}"));
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
    let page = String::from_utf8_lossy(&out).into_owned();
    // clap_mangen has no FILES, ENVIRONMENT or EXIT STATUS sections: they go where man-pages(7)
    // puts them, after the commands and notes and before VERSION (or at the end).
    Ok(match page.find("\n.SH VERSION") {
        Some(at) => format!("{}\n{}{}", &page[..at], SECTIONS.trim_end(), &page[at..]),
        None => format!("{page}{SECTIONS}"),
    })
}

/// The sections clap cannot generate, in roff. They hold for every page: each subcommand reads
/// the same config file and environment and exits the same way.
const SECTIONS: &str = r#".SH "EXIT STATUS"
.TP
\fB0\fR
Success.
.TP
\fB1\fR
An internal error, such as output that could not be written; for \fBsearch\fR, nothing matched (as for grep).
.TP
\fB2\fR
Bad input: a usage error, unknown answers, a data, answers or output file that cannot be used, or no terminal for the interactive guide.
.TP
\fB101\fR
The program hit a bug (a panic); the terminal is restored first.
.TP
\fB129\fR, \fB130\fR, \fB143\fR
Stopped by SIGHUP, SIGINT (Ctrl\-C) or SIGTERM (128 plus the signal number); the terminal is restored first.
.SH ENVIRONMENT
.TP
\fBCOMPUTEPICK_CONFIG\fR
The config file to read instead of the one under FILES; set but empty, no config file is read.
.TP
\fBXDG_CONFIG_HOME\fR, \fBHOME\fR, \fBAPPDATA\fR
Where the config file is looked for (see FILES).
.TP
\fBXDG_DATA_HOME\fR, \fBLOCALAPPDATA\fR
Where imported prices are kept (see FILES).
.TP
\fBCOMPUTEPICK_TODAY\fR
A date (YYYY\-MM\-DD) to count the prices' age from instead of the clock's; prices older than 180 days are marked stale.
.TP
\fBNO_COLOR\fR
Set to anything non\-empty, the app draws without colour whatever the theme (https://no\-color.org); selection and differences stay marked by symbols and reverse video.
.TP
\fBCOLORFGBG\fR
Read by \fB\-\-theme auto\fR (the default) to tell a light background from a dark one.
.TP
\fBTERM\fR
Set to \fBdumb\fR, the interactive guide does not start (exit 2) and the subcommands are named instead.
.SH FILES
.TP
\fI$XDG_CONFIG_HOME/computepick/config.ron\fR, else \fI~/.config/computepick/config.ron\fR
The config file on Linux, BSD and macOS (where terminal tools keep theirs under ~/.config too): personal defaults for \fBtheme\fR, \fBformat\fR, \fBdata\fR and \fBregion\fR, in RON. Every setting is also a flag, and a flag wins. A file that cannot be used, or a \fBdata\fR file in it that does not load, gets a warning and the defaults. \fBcomputepick config path\fR prints the path in use, \fBcomputepick config show\fR what it sets.
.TP
\fI%APPDATA%\\computepick\\config.ron\fR
The config file on Windows.
.TP
\fI$XDG_DATA_HOME/computepick/prices/REGION.json\fR, else \fI~/.local/share/computepick/prices/REGION.json\fR
One Region's prices, imported from AWS's price list by \fBcomputepick prices import\fR and used with \fB\-\-region\fR or the config's \fBregion\fR (\fI%LOCALAPPDATA%\\computepick\\prices\fR on Windows). \fBcomputepick prices\fR lists them.
.TP
\fIcomputepick\-decision\-YYYY\-MM\-DD.md\fR, \fIcomputepick\-answers\-YYYY\-MM\-DD.ron\fR
Written in the current directory by \fBe\fR and \fBs\fR on the result screen, and the first by \fBrecommend \-\-format adr\fR without \fB\-o\fR; never replacing an existing file without confirmation or \fB\-\-force\fR.
"#;
