//! The conventions a command-line tool is expected to follow: shell completions, a man page,
//! and a config file whose settings are defaults that flags override, and whose mistakes
//! never stop the tool.

use std::path::Path;

use crate::support::{SMALL, THUMBNAILS, answer_args, computepick, success};
use assert_cmd::Command;

fn with_config(path: &Path) -> Command {
    let mut cmd = computepick();
    cmd.env("COMPUTEPICK_CONFIG", path);
    cmd
}

fn recommend(cmd: &mut Command) -> &mut Command {
    cmd.arg("recommend").args(answer_args(THUMBNAILS))
}

fn write(dir: &Path, name: &str, text: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write");
    path
}

const SUBCOMMANDS: &[&str] = &[
    "recommend",
    "check",
    "compare",
    "list",
    "completions",
    "man",
];

#[test]
fn completions_generate_for_every_shell() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let (script, stderr) = success(computepick().args(["completions", shell]));
        assert!(stderr.is_empty(), "{shell}: {stderr}");
        assert!(script.len() > 500, "{shell}: a script, not {script:?}");
        for sub in SUBCOMMANDS {
            assert!(script.contains(sub), "{shell} completes `{sub}`");
        }
        // Fish spells a long flag `-l theme`.
        assert!(script.contains("theme"), "{shell} completes --theme");
    }
}

#[test]
fn completions_refuse_an_unknown_shell() {
    let out = computepick()
        .args(["completions", "tcsh"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("bash") && stderr.contains("zsh"),
        "{stderr}"
    );
}

#[test]
fn the_man_page_renders() {
    let (page, _) = success(computepick().arg("man"));
    assert!(page.contains(".TH computepick 1"), "{page}");
    assert!(page.contains(".SH NAME") && page.contains(".SH SYNOPSIS"));
    for sub in SUBCOMMANDS {
        assert!(page.contains(sub), "the page lists `{sub}`");
    }
    // A subcommand has its own page, named as man expects.
    let (page, _) = success(computepick().args(["man", "recommend"]));
    assert!(page.contains(".TH computepick-recommend 1"), "{page}");
    assert!(page.contains("answer"), "{page}");
    let out = computepick()
        .args(["man", "recomend"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("did you mean `recommend`"));
}

#[test]
fn a_broken_config_warns_once_and_falls_back_to_defaults() {
    let dir = tempfile::tempdir().expect("temp dir");
    let broken = write(
        dir.path(),
        "config.ron",
        "(\n  theme: Some(Dark),\n  format: Jsn,\n)",
    );
    let (out, stderr) = success(recommend(&mut with_config(&broken)));
    // Defaults: text, not JSON.
    assert!(out.starts_with("Recommendation: AWS Lambda"), "{out}");
    let name = broken.display().to_string();
    assert_eq!(stderr.lines().count(), 1, "one warning: {stderr}");
    assert!(
        stderr.starts_with(&format!("{name}:3:11: warning: ")),
        "file:line:col first: {stderr}"
    );
    assert!(stderr.contains("using defaults"), "{stderr}");
    assert!(stderr.contains("did you mean `Json`"), "{stderr}");

    // Not RON at all, an unknown setting, a directory, and a missing named file: the same.
    let cases = [
        write(dir.path(), "garbage.ron", "theme = dark\n"),
        write(dir.path(), "unknown.ron", "(colour: Some(Dark))"),
        dir.path().to_owned(),
        dir.path().join("missing.ron"),
    ];
    for path in cases {
        let (out, stderr) = success(recommend(&mut with_config(&path)));
        assert!(out.starts_with("Recommendation: AWS Lambda"), "{out}");
        assert!(
            stderr.contains("using defaults") && stderr.lines().count() == 1,
            "{}: {stderr}",
            path.display()
        );
    }
}

#[test]
fn config_values_apply_and_flags_override_them() {
    let dir = tempfile::tempdir().expect("temp dir");
    let config = write(dir.path(), "config.ron", "(format: Some(Json))");
    let (out, stderr) = success(recommend(&mut with_config(&config)));
    assert!(stderr.is_empty(), "{stderr}");
    let json: serde_json::Value = serde_json::from_str(&out).expect("JSON by default now");
    assert_eq!(json["recommendation"], "lambda");
    // The flag wins.
    let (out, _) = success(recommend(&mut with_config(&config)).args(["--format", "markdown"]));
    assert!(out.starts_with("# Recommendation: AWS Lambda"), "{out}");
    // Other commands with --format follow it too.
    let (out, _) = success(with_config(&config).arg("list"));
    assert!(out.trim_start().starts_with('['), "{out}");
    // --help shows the default in force.
    let (help, _) = success(with_config(&config).args(["recommend", "--help"]));
    assert!(help.contains("[default: json]"), "{help}");
}

#[test]
fn the_config_data_file_is_used_unless_data_is_given() {
    let dir = tempfile::tempdir().expect("temp dir");
    // The small test guide under another name, found relative to the config file. (Not the
    // built-in one: its every path costs a debug build over a second to check.)
    write(dir.path(), "my-guide.ron", SMALL);
    let config = write(dir.path(), "config.ron", "(data: Some(\"my-guide.ron\"))");
    let (out, _) = success(with_config(&config).arg("check"));
    assert!(
        out.starts_with("my-guide.ron: ok") || out.contains("my-guide.ron: ok"),
        "{out}"
    );
    // --data wins: a file that does not exist fails, naming that file, not the config's.
    let out = with_config(&config)
        .args(["check", "--data", "nowhere.ron"])
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("nowhere.ron"), "{stderr}");
}

#[test]
fn config_show_and_path_say_what_is_in_force() {
    let dir = tempfile::tempdir().expect("temp dir");
    let config = write(dir.path(), "config.ron", "(theme: Some(Light))");
    let (path, _) = success(with_config(&config).args(["config", "path"]));
    assert_eq!(path.trim(), config.display().to_string());
    let (show, _) = success(with_config(&config).args(["config", "show"]));
    assert!(show.contains("theme:  light (config)"), "{show}");
    assert!(show.contains("format: text (default)"), "{show}");
    // Without a file in the environment's config directory, the XDG path is named.
    let (path, _) = success(
        Command::cargo_bin("computepick")
            .expect("binary")
            .env_remove("COMPUTEPICK_CONFIG")
            .env("XDG_CONFIG_HOME", dir.path())
            .args(["config", "path"]),
    );
    assert_eq!(
        Path::new(path.trim()),
        dir.path().join("computepick").join("config.ron")
    );
}

#[test]
fn theme_is_a_flag_and_a_setting() {
    let (help, _) = success(computepick().arg("--help"));
    assert!(help.contains("--theme <THEME>"), "{help}");
    assert!(help.contains("auto") && help.contains("light"), "{help}");
    let out = computepick()
        .args(["--theme", "sepia", "list"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    // A theme setting is accepted by commands that draw nothing.
    let dir = tempfile::tempdir().expect("temp dir");
    let config = write(dir.path(), "config.ron", "(theme: Some(Dark))");
    let (_, stderr) = success(with_config(&config).args(["--theme", "light", "list"]));
    assert!(stderr.is_empty(), "{stderr}");
}

#[test]
fn each_theme_choice_picks_its_background() {
    use computepick::config::ThemeChoice;
    use computepick::ui::theme::{Background, Theme};
    assert_eq!(
        Theme::from_choice(ThemeChoice::Light).background,
        Background::Light
    );
    assert_eq!(
        Theme::from_choice(ThemeChoice::Dark).background,
        Background::Dark
    );
}

/// The captures at the top of the README are the ones `assets/capture.sh` last wrote, so the
/// README cannot show a screen the app no longer draws without this failing.
#[test]
fn readme_shows_the_captured_screens() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).expect("README.md");
    for asset in ["question", "result", "compare", "search", "cost"] {
        let capture = std::fs::read_to_string(root.join(format!("assets/{asset}.txt")))
            .unwrap_or_else(|e| panic!("assets/{asset}.txt: {e}"));
        let block = format!(
            "<!-- capture: {asset} -->\n```text\n{}\n```\n<!-- /capture -->",
            capture.trim_end_matches('\n')
        );
        assert!(
            readme.contains(&block),
            "README.md should show assets/{asset}.txt as it is (re-run assets/capture.sh, which \
             refreshes the README)"
        );
    }
}

#[test]
fn a_config_data_file_that_does_not_load_warns_and_falls_back_to_the_built_in_data() {
    let dir = tempfile::tempdir().expect("temp dir");
    let config = write(dir.path(), "config.ron", "(data: Some(\"nope.ron\"))");
    let missing = dir.path().join("nope.ron");
    // Every command that reads data runs on the built-in data, with one warning naming the
    // config file and the data path.
    for args in [&["check"][..], &["list"], &["show", "lambda"]] {
        let (_, stderr) = success(with_config(&config).args(args));
        assert_eq!(stderr.lines().count(), 1, "{args:?}: {stderr}");
        assert!(
            stderr.starts_with(&format!("{}: warning: ", config.display())),
            "{args:?}: names the config file first: {stderr}"
        );
        assert!(
            stderr.contains(&format!("its data file {} is unusable", missing.display())),
            "{stderr}"
        );
        assert!(stderr.contains("cannot open: no such file"), "{stderr}");
        assert!(
            stderr.trim_end().ends_with("using the built-in data"),
            "{stderr}"
        );
    }
    let (out, _) = success(recommend(&mut with_config(&config)));
    assert!(out.starts_with("Recommendation: AWS Lambda"), "{out}");
    // A data file that is there but invalid: the same. (One fallback for both, so `list`
    // stands for every command here: `check` above costs a second in a debug build.)
    write(dir.path(), "nope.ron", "(not a guide)");
    let (out, stderr) = success(with_config(&config).arg("list"));
    assert!(out.contains("AWS Lambda"), "{out}");
    assert!(stderr.contains("is unusable"), "{stderr}");
    // `config show` says so too.
    let (show, _) = success(with_config(&config).args(["config", "show"]));
    assert!(
        show.contains("error:  ") && show.contains("is unusable"),
        "{show}"
    );
    // --data on the command line wins and fails normally when bad: no fallback.
    let out = with_config(&config)
        .args(["--data", "/nonexistent/x.ron", "list"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim(),
        "/nonexistent/x.ron: cannot open: no such file"
    );
    // Commands that read no data say nothing about it.
    let (_, stderr) = success(with_config(&config).args(["completions", "bash"]));
    assert!(stderr.is_empty(), "{stderr}");
}

#[test]
fn an_empty_config_file_is_all_defaults_silently() {
    let dir = tempfile::tempdir().expect("temp dir");
    for text in ["", "\n", "// nothing here yet\n"] {
        let config = write(dir.path(), "config.ron", text);
        let (out, stderr) = success(recommend(&mut with_config(&config)));
        assert!(stderr.is_empty(), "{text:?}: {stderr}");
        assert!(out.starts_with("Recommendation: AWS Lambda"), "{out}");
        let (show, _) = success(with_config(&config).args(["config", "show"]));
        assert!(!show.contains("error:"), "{show}");
    }
}

#[test]
fn the_man_page_has_files_environment_and_exit_status() {
    for args in [&["man"][..], &["man", "recommend"]] {
        let (page, _) = success(computepick().args(args));
        for section in [".SH FILES", ".SH ENVIRONMENT", ".SH \"EXIT STATUS\""] {
            assert!(page.contains(section), "{args:?}: no {section}");
        }
        for text in [
            "computepick/config.ron",
            "~/.config/computepick/config.ron",
            "%APPDATA%",
            "COMPUTEPICK_CONFIG",
            "NO_COLOR",
            "\\fB0\\fR",
            "\\fB1\\fR",
            "\\fBsearch\\fR, nothing matched",
            "\\fB2\\fR",
            "\\fB129\\fR, \\fB130\\fR, \\fB143\\fR",
            "SIGHUP, SIGINT",
        ] {
            assert!(page.contains(text), "{args:?}: no {text:?}");
        }
        // Before VERSION, as man-pages(7) orders them.
        if let Some(version) = page.find(".SH VERSION") {
            assert!(page.find(".SH FILES") < Some(version));
        }
    }
}

/// The README's Keys table says where `q` and `?` work: everywhere but where they are typed as
/// text (Search for both; Cost for `q`, where no value takes a `?`, so `?` is help there). The
/// keymap decides; the README must agree both ways.
#[test]
fn the_readme_keys_table_agrees_with_the_keymap_on_q_and_help() {
    use computepick::keys::{Action, Context, action_for};
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let press = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
        .expect("README.md");
    let keys = &readme[readme.find("## Keys").expect("a Keys section")..];
    let keys = &keys[..keys.find("\n## ").unwrap_or(keys.len())];
    for (key, action) in [('q', Action::Quit), ('?', Action::ToggleHelp)] {
        let row = keys
            .lines()
            .find(|l| l.starts_with(&format!("| {key} |")))
            .unwrap_or_else(|| panic!("no row for {key}"));
        let place = row.split('|').nth(2).expect("a Where cell").to_lowercase();
        let excepted = place.split_once("but").map_or("", |(_, rest)| rest);
        for (context, name) in [(Context::Search, "search"), (Context::Cost, "cost")] {
            let typed = action_for(context, &press(key)) == Some(Action::Type(key));
            assert_eq!(
                excepted.contains(name),
                typed,
                "the README says `{key}` works {place:?}; on {name} the keymap makes it {:?}",
                action_for(context, &press(key))
            );
        }
        assert_eq!(action_for(Context::Question, &press(key)), Some(action));
    }
    assert_eq!(
        action_for(Context::Cost, &press('?')),
        Some(Action::ToggleHelp),
        "no Cost value takes a `?`, so it opens the help there"
    );
}
