//! Usage errors: `--help` and `--version` print as clap renders them; anything else is one line
//! on stderr and exit 2, so scripts see exactly what went wrong. The line names what is missing
//! or wrong and points to the help of the command it is about (`computepick search --help`).
//!
//! Everything here is read from clap's own error: its [`ErrorKind`], its context
//! ([`ContextKind`]), and the subcommand clap matched, never from the text clap would print.

use std::ffi::OsString;
use std::fmt::Write as _;
use std::process::ExitCode;

use clap::CommandFactory;
use clap::error::{ContextKind, ContextValue, ErrorKind};

use super::output::{emit, say};
use super::{Cli, exit};

/// Reports a parse error of the arguments of this process; returns the exit code.
pub fn report(e: &clap::Error) -> ExitCode {
    report_for(e, std::env::args_os())
}

/// [`report`] for a parse error of `args` (the program name first).
pub fn report_for(e: &clap::Error, args: impl IntoIterator<Item = OsString>) -> ExitCode {
    match e.kind() {
        // One version line whichever command asked (clap would say `computepick-check`).
        // Through `emit`: to /dev/full or a closed pipe it is exit 1 or 0, never a panic.
        ErrorKind::DisplayVersion => ExitCode::from(emit(&format!(
            "computepick {}\n",
            env!("CARGO_PKG_VERSION")
        ))),
        ErrorKind::DisplayHelp => ExitCode::from(emit(&e.render().to_string())),
        _ => {
            say(&line(e, &command_path(args)));
            ExitCode::from(exit::BAD_INPUT)
        }
    }
}

/// The one line for a usage error about the command at `path` (`["search"]`, or empty for
/// `computepick` itself).
pub fn line(e: &clap::Error, path: &[String]) -> String {
    let shown = std::iter::once("computepick")
        .chain(path.iter().map(String::as_str))
        .collect::<Vec<_>>()
        .join(" ");
    let see = format!("(see {shown} --help)");
    if e.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
        // clap would print the whole help; one line says what is missing instead.
        let name = path.join(" ");
        let subcommands = find_command(path)
            .map(|c| subcommand_names(&c))
            .unwrap_or_default();
        return if subcommands.is_empty() {
            format!("computepick: {name} needs more arguments {see}")
        } else {
            format!(
                "computepick: {name} needs a subcommand: {} {see}",
                subcommands.join(", ")
            )
        };
    }
    let mut hints = Vec::new();
    if e.kind() == ErrorKind::InvalidValue
        && let Some(ContextValue::Strings(values)) = e.get(ContextKind::ValidValue)
        && !values.is_empty()
    {
        let values: Vec<String> = values.iter().map(|v| quoted(v)).collect();
        hints.push(format!("[possible values: {}]", values.join(", ")));
    }
    hints.extend(tips(e));
    let hints: String = hints.iter().map(|h| format!("; {h}")).collect();
    format!("computepick: {}{hints} {see}", message(e))
}

/// The visible subcommands of `command` (not hidden ones, not `help`), in declaration order.
pub fn subcommand_names(command: &clap::Command) -> Vec<String> {
    command
        .get_subcommands()
        .filter(|c| !c.is_hide_set() && c.get_name() != "help")
        .map(|c| c.get_name().to_owned())
        .collect()
}

/// The subcommands clap matches in `args` (`["config"]` for `computepick config --bogus`), found
/// by parsing them again with errors ignored: clap then keeps the subcommands it got to.
fn command_path(args: impl IntoIterator<Item = OsString>) -> Vec<String> {
    // Without the help and version flags, `--help` after the error cannot end the parse.
    let parser = Cli::command()
        .ignore_errors(true)
        .disable_help_flag(true)
        .disable_version_flag(true);
    let mut path = Vec::new();
    if let Ok(matches) = parser.try_get_matches_from(args) {
        let mut matches = &matches;
        while let Some((name, sub)) = matches.subcommand() {
            path.push(name.to_owned());
            matches = sub;
        }
    }
    path
}

/// The clap command at `path` below `computepick`.
fn find_command(path: &[String]) -> Option<clap::Command> {
    let mut command = Cli::command();
    for word in path {
        command = command.find_subcommand(word)?.clone();
    }
    Some(command)
}

/// A context value as one piece of text: several are joined with commas.
fn joined(value: Option<&ContextValue>) -> Option<String> {
    match value? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(list) => Some(list.join(", ")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::StyledStrs(list) => Some(
            list.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", "),
        ),
        ContextValue::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// A value as clap quotes it in a list: as is, or in double quotes when empty or spaced.
fn quoted(value: &str) -> String {
    if value.is_empty() || value.contains(char::is_whitespace) {
        format!("{value:?}")
    } else {
        value.to_owned()
    }
}

/// What went wrong, in clap's words, from the error's kind and context.
fn message(e: &clap::Error) -> String {
    let arg = joined(e.get(ContextKind::InvalidArg));
    let value = joined(e.get(ContextKind::InvalidValue));
    let number = |kind| match e.get(kind) {
        Some(ContextValue::Number(n)) => Some(*n),
        _ => None,
    };
    let provided = |n: isize| {
        if n > 1 {
            "were provided"
        } else {
            "was provided"
        }
    };
    let described = match (e.kind(), arg, value) {
        (ErrorKind::ArgumentConflict, arg, _) => {
            let subcommand = joined(e.get(ContextKind::InvalidSubcommand));
            let prior = e.get(ContextKind::PriorArg);
            let mut out = match (&arg, &subcommand) {
                (Some(arg), _) if joined(prior).as_ref() == Some(arg) => {
                    return format!("the argument '{arg}' cannot be used multiple times");
                }
                (Some(arg), _) => format!("the argument '{arg}' cannot be used with"),
                (None, Some(sub)) => format!("the subcommand '{sub}' cannot be used with"),
                (None, None) => return kind_text(e),
            };
            match prior {
                Some(ContextValue::Strings(list)) => {
                    let _ = write!(out, ": {}", list.join(", "));
                }
                Some(ContextValue::String(one)) => {
                    let _ = write!(out, " '{one}'");
                }
                _ => out.push_str(" one or more of the other specified arguments"),
            }
            Some(out)
        }
        (ErrorKind::NoEquals, Some(arg), _) => Some(format!(
            "equal sign is needed when assigning values to '{arg}'"
        )),
        (ErrorKind::InvalidValue, Some(arg), Some(value)) if value.is_empty() => Some(format!(
            "a value is required for '{arg}' but none was supplied"
        )),
        (ErrorKind::InvalidValue, Some(arg), Some(value)) => {
            Some(format!("invalid value '{value}' for '{arg}'"))
        }
        (ErrorKind::ValueValidation, Some(arg), Some(value)) => {
            let mut out = format!("invalid value '{value}' for '{arg}'");
            if let Some(source) = std::error::Error::source(e) {
                let _ = write!(out, ": {source}");
            }
            Some(out)
        }
        (ErrorKind::InvalidSubcommand, ..) => joined(e.get(ContextKind::InvalidSubcommand))
            .map(|sub| format!("unrecognized subcommand '{sub}'")),
        (ErrorKind::MissingRequiredArgument, Some(arg), _) => Some(format!(
            "the following required arguments were not provided: {arg}"
        )),
        (ErrorKind::MissingSubcommand, ..) => joined(e.get(ContextKind::InvalidSubcommand))
            .map(|sub| format!("'{sub}' requires a subcommand but one was not provided")),
        (ErrorKind::TooManyValues, Some(arg), Some(value)) => Some(format!(
            "unexpected value '{value}' for '{arg}' found; no more were expected"
        )),
        (ErrorKind::TooFewValues, Some(arg), _) => {
            match (
                number(ContextKind::ActualNumValues),
                number(ContextKind::MinValues),
            ) {
                (Some(actual), Some(min)) => Some(format!(
                    "{min} values required by '{arg}'; only {actual} {}",
                    provided(actual)
                )),
                _ => None,
            }
        }
        (ErrorKind::WrongNumberOfValues, Some(arg), _) => {
            match (
                number(ContextKind::ActualNumValues),
                number(ContextKind::ExpectedNumValues),
            ) {
                (Some(actual), Some(expected)) => Some(format!(
                    "{expected} values required for '{arg}' but {actual} {}",
                    provided(actual)
                )),
                _ => None,
            }
        }
        (ErrorKind::UnknownArgument, Some(arg), _) => {
            Some(format!("unexpected argument '{arg}' found"))
        }
        _ => None,
    };
    described.unwrap_or_else(|| kind_text(e))
}

/// The kind's own description, else the error's cause.
fn kind_text(e: &clap::Error) -> String {
    e.kind()
        .as_str()
        .map(str::to_owned)
        .or_else(|| std::error::Error::source(e).map(ToString::to_string))
        .unwrap_or_else(|| "bad usage".to_owned())
}

/// clap's suggestions: a similar subcommand, flag or value, and its other tips.
fn tips(e: &clap::Error) -> Vec<String> {
    let mut tips = Vec::new();
    for (kind, what) in [
        (ContextKind::SuggestedSubcommand, "subcommand"),
        (ContextKind::SuggestedArg, "argument"),
        (ContextKind::SuggestedValue, "value"),
    ] {
        let names: Vec<String> = match e.get(kind) {
            Some(ContextValue::String(one)) => vec![one.clone()],
            Some(ContextValue::Strings(list)) => list.clone(),
            _ => continue,
        };
        let names: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
        let exists = if names.len() == 1 {
            format!("a similar {what} exists")
        } else {
            format!("some similar {what}s exist")
        };
        tips.push(format!("tip: {exists}: {}", names.join(", ")));
    }
    if let Some(ContextValue::StyledStrs(suggestions)) = e.get(ContextKind::Suggested) {
        tips.extend(suggestions.iter().map(|s| format!("tip: {s}")));
    }
    tips
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The line for `args` (without the program name), as the binary would print it.
    fn line_for(args: &[&str]) -> String {
        let argv: Vec<OsString> = std::iter::once("computepick")
            .chain(args.iter().copied())
            .map(OsString::from)
            .collect();
        let e = Cli::command()
            .try_get_matches_from(argv.clone())
            .expect_err("a usage error");
        line(&e, &command_path(argv))
    }

    #[test]
    fn the_command_is_the_subcommand_clap_matched() {
        assert_eq!(
            line_for(&["--data", "config", "search", "--frobnicate"]),
            "computepick: unexpected argument '--frobnicate' found; tip: a similar argument \
             exists: '--format' (see computepick search --help)"
        );
        assert_eq!(
            line_for(&["config", "path", "--frobnicate", "--help"]),
            "computepick: unexpected argument '--frobnicate' found \
             (see computepick config path --help)"
        );
        assert_eq!(
            line_for(&["nope"]),
            "computepick: unrecognized subcommand 'nope' (see computepick --help)"
        );
    }

    #[test]
    fn values_and_tips_stay_on_the_line() {
        assert_eq!(
            line_for(&["list", "--format", "jsn"]),
            "computepick: invalid value 'jsn' for '--format <FORMAT>'; \
             [possible values: text, json, markdown]; tip: a similar value exists: 'json' \
             (see computepick list --help)"
        );
        assert_eq!(
            line_for(&["cost", "--spot", "--reserved"]),
            "computepick: the argument '--spot' cannot be used with '--reserved' \
             (see computepick cost --help)"
        );
    }

    #[test]
    fn missing_pieces_are_named() {
        assert_eq!(
            line_for(&["search"]),
            "computepick: the following required arguments were not provided: <QUERY>... \
             (see computepick search --help)"
        );
        assert_eq!(
            line_for(&["config"]),
            "computepick: config needs a subcommand: path, show (see computepick config --help)"
        );
    }
}
