//! The optional config file: personal defaults for the theme, the output format and the data
//! file, so they need not be typed every time. Every setting is also a flag, and a flag always
//! wins. The file is RON, like the data:
//!
//! ```ron
//! (
//!     theme: Some(Light),
//!     format: Some(Json),
//!     data: Some("my-guide.ron"),
//!     region: Some("eu-central-1"),
//! )
//! ```
//!
//! It lives at `$XDG_CONFIG_HOME/computepick/config.ron`, else `~/.config/computepick/config.ron`
//! (on macOS too: terminal tools are configured under `~/.config` there, not under `Library`),
//! or `%APPDATA%\computepick\config.ron` on Windows. `COMPUTEPICK_CONFIG` names another file, or,
//! set empty, no file at all (tests and benchmarks use that to stay hermetic).
//!
//! A config file is a convenience, so a broken one never stops the tool: it gets one warning
//! naming the file, line and column, and everything runs on the defaults.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::data::{Diagnostic, Severity};

/// The environment variable that names the config file (empty: none).
pub const ENV_VAR: &str = "COMPUTEPICK_CONFIG";
/// Config files are a few lines; anything this big is not one.
const MAX_BYTES: u64 = 1024 * 1024;

/// Which colours to draw with: the `--theme` flag and the `theme` setting.
/// The app makes its colours from it (`tui::ui::theme`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
pub enum ThemeChoice {
    /// Detect the terminal's background (from `COLORFGBG`; dark when unknown).
    #[default]
    Auto,
    /// Colours for a dark background.
    Dark,
    /// Colours for a light background.
    Light,
}

/// The default `--format` of the commands that take one. Named here rather than reusing the
/// commands' own enums so the file's vocabulary stays fixed when a command adds a format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum OutputFormat {
    Text,
    Json,
    Markdown,
}

impl OutputFormat {
    /// The value as `--format` spells it.
    pub fn flag_value(self) -> &'static str {
        match self {
            OutputFormat::Text => "text",
            OutputFormat::Json => "json",
            OutputFormat::Markdown => "markdown",
        }
    }
}

/// The settings, each `None` when the file does not set it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    #[serde(default)]
    pub theme: Option<ThemeChoice>,
    #[serde(default)]
    pub format: Option<OutputFormat>,
    /// A relative path is taken from the config file's directory, so the setting means the
    /// same file wherever the command is run.
    #[serde(default)]
    pub data: Option<PathBuf>,
    /// The AWS Region whose installed prices to use (`computepick prices`), like `--region`.
    #[serde(default)]
    pub region: Option<String>,
}

/// What loading found: the settings (defaults when there is no usable file), the file they
/// were looked for in, and the warning to show when the file was there but unusable.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    pub config: Config,
    pub path: Option<PathBuf>,
    pub warning: Option<Diagnostic>,
}

/// The config file in use: `COMPUTEPICK_CONFIG` when set (empty: none), else the platform's
/// config directory. `None` when there is no place to look.
pub fn path() -> Option<PathBuf> {
    path_from(&|name| std::env::var_os(name))
}

/// [`path`] with the environment given, for tests.
fn path_from(env: &dyn Fn(&str) -> Option<std::ffi::OsString>) -> Option<PathBuf> {
    if let Some(explicit) = env(ENV_VAR) {
        return (!explicit.is_empty()).then(|| PathBuf::from(explicit));
    }
    // XDG says a relative XDG_CONFIG_HOME is invalid and must be ignored.
    let absolute = |name: &str| env(name).map(PathBuf::from).filter(|p| p.is_absolute());
    let dir = if cfg!(windows) {
        absolute("APPDATA")
    } else {
        absolute("XDG_CONFIG_HOME").or_else(|| absolute("HOME").map(|home| home.join(".config")))
    };
    dir.map(|d| d.join("computepick").join("config.ron"))
}

/// Loads the config file if there is one. Never fails: a missing file means defaults, and an
/// unreadable or broken one means defaults plus a warning.
pub fn load() -> Loaded {
    let explicit = std::env::var_os(ENV_VAR).is_some_and(|v| !v.is_empty());
    match path() {
        Some(path) => load_file(&path, explicit),
        None => Loaded::default(),
    }
}

/// Loads `path`. A missing file is silent unless it was named explicitly (a typo in
/// `COMPUTEPICK_CONFIG` should not go unnoticed).
pub fn load_file(path: &Path, explicit: bool) -> Loaded {
    let name = path.display().to_string();
    let fallback = |line: usize, col: usize, message: String| Loaded {
        config: Config::default(),
        path: Some(path.to_owned()),
        warning: Some(Diagnostic {
            severity: Severity::Warning,
            file: name.clone(),
            line,
            col,
            message: format!("{message}; using defaults"),
        }),
    };
    if !explicit && !path.exists() {
        return Loaded {
            path: Some(path.to_owned()),
            ..Loaded::default()
        };
    }
    if path.is_dir() {
        // The data loader would call it "not a data file".
        return fallback(0, 0, "is a directory, not a config file".into());
    }
    let text = match crate::data::load_path(path) {
        Ok(text) => text,
        Err(diagnostics) => {
            // The data loader's wording ("cannot open: no such file", "is a directory"...).
            let d = diagnostics.0.into_iter().next();
            let (line, col) = d.as_ref().map_or((0, 0), |d| (d.line, d.col));
            let message = d.map_or_else(|| "cannot read".to_owned(), |d| d.message);
            return fallback(line, col, message);
        }
    };
    if text.len() as u64 > MAX_BYTES {
        return fallback(
            0,
            0,
            format!("is over {MAX_BYTES} bytes; not a config file"),
        );
    }
    match parse(&text) {
        Ok(mut config) => {
            // Relative data paths are relative to the config file.
            if let Some(data) = &config.data
                && data.is_relative()
                && let Some(dir) = path.parent()
            {
                config.data = Some(dir.join(data));
            }
            Loaded {
                config,
                path: Some(path.to_owned()),
                warning: None,
            }
        }
        Err((line, col, message)) => fallback(line, col, message),
    }
}

/// Parses the file's text; an error is `(line, col, message)` with ron's position. A file with
/// nothing in it but blanks and comments is valid and sets nothing, like `()`: an empty file
/// is how many people start a config.
pub fn parse(text: &str) -> Result<Config, (usize, usize, String)> {
    if is_blank(text) {
        return Ok(Config::default());
    }
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .from_str::<Config>(text)
        .map_err(|e| {
            (
                e.span.start.line.max(1),
                e.span.start.col.max(1),
                crate::data::parse_message(&e.code),
            )
        })
}

/// Whether `text` holds nothing but whitespace and RON comments (`// ...`, `/* ... */`).
fn is_blank(text: &str) -> bool {
    let mut rest = text.trim_start();
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("//") {
            rest = after.split_once('\n').map_or("", |(_, next)| next);
        } else if let Some(after) = rest.strip_prefix("/*") {
            let Some((_, next)) = after.split_once("*/") else {
                return false; // An unclosed comment: let the parser say so.
            };
            rest = next;
        } else {
            return false;
        }
        rest = rest.trim_start();
    }
    true
}

/// What came of the data file a config names.
#[derive(Debug, Default)]
pub struct ConfigData {
    /// The file's guide, loaded and validated once, for the caller to use rather than load it
    /// again.
    pub guide: Option<crate::data::Guide>,
    /// Why it cannot be used, naming the config and the data path.
    pub warning: Option<Diagnostic>,
}

/// Loads the config's data file (when the config names one) and keeps it only if it loads.
/// A config is a convenience, so a data path in it that does not load (missing, unreadable,
/// or not a valid decisions file) is dropped with a warning that names the config file and
/// the data path, and the built-in data is used instead. Only the config's path is handled
/// here: `--data` on the command line is the user's explicit choice and fails normally.
pub fn load_data(loaded: &mut Loaded) -> ConfigData {
    let Some(data) = loaded.config.data.clone() else {
        return ConfigData::default();
    };
    let diagnostics = match crate::data::load(Some(&data)) {
        Ok((guide, _, _)) => {
            return ConfigData {
                guide: Some(guide),
                warning: None,
            };
        }
        Err(diagnostics) => diagnostics,
    };
    loaded.config.data = None;
    let errors = diagnostics.errors().count();
    // The message without the data file's name, which the warning already gives.
    let first = diagnostics.errors().next().map_or_else(
        || "cannot be loaded".to_owned(),
        |d| match d.line {
            0 => d.message.clone(),
            line => format!("{} (line {line}, column {})", d.message, d.col),
        },
    );
    let more = if errors > 1 {
        format!(
            " (and {} more; `computepick check {}` lists them)",
            errors - 1,
            data.display()
        )
    } else {
        String::new()
    };
    let config_file = loaded
        .path
        .as_ref()
        .map_or_else(|| "config".to_owned(), |p| p.display().to_string());
    ConfigData {
        guide: None,
        warning: Some(Diagnostic {
            severity: Severity::Warning,
            file: config_file,
            line: 0,
            col: 0,
            message: format!(
                "its data file {} is unusable: {first}{more}; using the built-in data",
                data.display()
            ),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::OsString;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<OsString> + 'a {
        move |name| {
            vars.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| OsString::from(v))
        }
    }

    #[test]
    fn the_env_var_wins_and_empty_means_none() {
        let vars = [("COMPUTEPICK_CONFIG", "/x/c.ron"), ("HOME", "/home/u")];
        assert_eq!(path_from(&env(&vars)), Some(PathBuf::from("/x/c.ron")));
        let vars = [("COMPUTEPICK_CONFIG", ""), ("HOME", "/home/u")];
        assert_eq!(path_from(&env(&vars)), None);
    }

    #[cfg(unix)]
    #[test]
    fn xdg_then_home() {
        let vars = [("XDG_CONFIG_HOME", "/xdg"), ("HOME", "/home/u")];
        assert_eq!(
            path_from(&env(&vars)),
            Some(PathBuf::from("/xdg/computepick/config.ron"))
        );
        // A relative XDG_CONFIG_HOME is ignored, as the spec says.
        let vars = [("XDG_CONFIG_HOME", "rel"), ("HOME", "/home/u")];
        assert_eq!(
            path_from(&env(&vars)),
            Some(PathBuf::from("/home/u/.config/computepick/config.ron"))
        );
        assert_eq!(path_from(&env(&[])), None);
    }

    #[test]
    fn parses_every_setting_with_or_without_some() {
        let config = parse("(theme: Some(Light), format: Some(Json), data: Some(\"d.ron\"))")
            .expect("valid");
        assert_eq!(config.theme, Some(ThemeChoice::Light));
        assert_eq!(config.format, Some(OutputFormat::Json));
        assert_eq!(config.data, Some(PathBuf::from("d.ron")));
        let bare = parse("Config(theme: Dark, format: Markdown)").expect("valid");
        assert_eq!(bare.theme, Some(ThemeChoice::Dark));
        assert_eq!(bare.format, Some(OutputFormat::Markdown));
        assert_eq!(parse("()").expect("empty is fine"), Config::default());
    }

    #[test]
    fn an_empty_file_or_one_of_only_comments_is_all_defaults() {
        for text in [
            "",
            "\n  \n",
            "// my settings, none yet\n",
            "/* later */\n// maybe Light\n",
        ] {
            assert_eq!(parse(text), Ok(Config::default()), "{text:?}");
        }
        assert!(parse("/* unclosed").is_err());
        assert!(parse("// a comment\ntheme").is_err());
    }

    #[test]
    fn an_unusable_data_path_is_dropped_with_a_warning_naming_both_files() {
        let dir = tempfile::tempdir().expect("tempdir");
        let config = dir.path().join("config.ron");
        std::fs::write(&config, "(data: Some(\"nope.ron\"))").expect("write");
        let mut loaded = load_file(&config, true);
        assert!(loaded.warning.is_none());
        let data = load_data(&mut loaded);
        assert!(data.guide.is_none());
        let warning = data.warning.expect("a warning").to_string();
        assert_eq!(loaded.config.data, None, "falls back to the built-in data");
        let expected_start = format!("{}: warning: its data file ", config.display());
        assert!(warning.starts_with(&expected_start), "{warning}");
        assert!(warning.contains("nope.ron"), "{warning}");
        assert!(warning.contains("cannot open: no such file"), "{warning}");
        assert!(warning.ends_with("using the built-in data"), "{warning}");

        // A data file that loads is kept, silently.
        std::fs::write(dir.path().join("good.ron"), crate::data::EMBEDDED).expect("write");
        std::fs::write(&config, "(data: Some(\"good.ron\"))").expect("write");
        let mut loaded = load_file(&config, true);
        let data = load_data(&mut loaded);
        assert!(data.warning.is_none());
        assert!(data.guide.is_some(), "loaded once, for the caller to use");
        assert_eq!(loaded.config.data, Some(dir.path().join("good.ron")));
    }

    #[test]
    fn errors_carry_a_position_and_a_hint() {
        let (line, col, message) = parse("(\n  thme: Some(Dark),\n)").expect_err("typo");
        assert_eq!((line, col), (2, 3), "{message}");
        assert!(message.contains("did you mean `theme`"), "{message}");
        let (_, _, message) = parse("(theme: Some(Dusk))").expect_err("bad value");
        assert!(message.contains("Dusk"), "{message}");
    }
}
