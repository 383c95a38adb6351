//! Hostile files and terminals: size limits, non-UTF-8, unknown fields, wide text, bad flags.

use assert_cmd::Command;
use computepick::app::App;
use computepick::data;
use computepick::ui::{self, theme::Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

const SMALL: &str = include_str!("fixtures/small.ron");

fn computepick() -> Command {
    let mut cmd = Command::cargo_bin("computepick").expect("binary is built");
    // A personal config file (theme, format, data) must not change what the tests see.
    cmd.env("COMPUTEPICK_CONFIG", "");
    cmd
}

/// Runs and returns (exit code, stderr), asserting stderr is one line.
fn one_line_error(cmd: &mut Command) -> (Option<i32>, String) {
    let out = cmd.output().expect("runs");
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(err.trim_end().lines().count(), 1, "not one line: {err}");
    (out.status.code(), err)
}

#[test]
fn an_oversized_data_file_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("huge.ron");
    let file = std::fs::File::create(&path).expect("create");
    file.set_len(data::MAX_DATA_BYTES + 1).expect("sparse file");
    let (code, err) = one_line_error(computepick().arg("check").arg(&path));
    assert_eq!(code, Some(2));
    assert!(err.contains("data files are limited to 16 MiB"), "{err}");
}

#[test]
fn non_utf8_data_gets_a_message_with_its_position() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("latin1.ron");
    let mut bytes = b"Guide(\n  meta: Meta(title: \"caf".to_vec();
    bytes.push(0xE9);
    bytes.extend_from_slice(b"\"))");
    std::fs::write(&path, bytes).expect("write");
    let (code, err) = one_line_error(computepick().arg("check").arg(&path));
    assert_eq!(code, Some(2));
    assert!(
        err.contains(":2:") && err.contains("is not UTF-8 text"),
        "{err}"
    );
}

#[test]
fn an_unknown_field_gets_a_did_you_mean() {
    let broken = SMALL.replacen("why: \"Functions", "wyh: \"Functions", 1);
    let err = data::parse(&broken, "t.ron").expect_err("unknown field");
    let message = err.to_string();
    assert!(message.contains("did you mean `why`?"), "{message}");
    assert!(message.starts_with("t.ron:27:"), "{message}");
}

#[test]
fn an_unknown_rule_kind_gets_a_did_you_mean() {
    let broken = SMALL.replacen("RuleOut(service: \"job\"", "RuleOutt(service: \"job\"", 1);
    let message = data::parse(&broken, "t.ron")
        .expect_err("bad variant")
        .to_string();
    assert!(message.contains("did you mean `RuleOut`?"), "{message}");
}

#[test]
fn bad_command_lines_get_one_line_and_exit_2() {
    let cases: &[&[&str]] = &[
        &["--frobnicate"],
        &["recommend", "--format", "yaml"],
        &["recommend", "--answer"],
        &["recommend", "--answer", "workload"],
        &["nosuchcommand"],
        &["check", "/nonexistent/file.ron"],
        &["check", "/"],
        &["--data", "/nonexistent/file.ron", "show", "lambda"],
        &["show", "no-such-thing"],
    ];
    for args in cases {
        let (code, err) = one_line_error(computepick().args(*args));
        assert_eq!(code, Some(2), "{args:?}: {err}");
        assert!(
            err.starts_with("computepick: ")
                || err.contains(": cannot open")
                || err.contains("is a directory"),
            "{args:?}: {err}"
        );
    }
}

#[test]
fn a_bad_format_lists_the_possible_values() {
    let (_, err) = one_line_error(computepick().args(["recommend", "--format", "yaml"]));
    assert!(err.contains("text, json, markdown"), "{err}");
}

#[test]
fn a_closed_pipe_is_quiet() {
    use std::io::Read;
    use std::process::{Command as Std, Stdio};
    let mut child = Std::new(env!("CARGO_BIN_EXE_computepick"))
        .args(["show", "lambda"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    // Read one byte, then close our end, like `| head -c1`.
    let mut stdout = child.stdout.take().expect("stdout");
    let mut one = [0u8; 1];
    stdout.read_exact(&mut one).expect("first byte");
    drop(stdout);
    let out = child.wait_with_output().expect("wait");
    assert!(out.status.success(), "{:?}", out.status);
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn not_a_terminal_or_a_dumb_one_points_to_the_subcommands() {
    let out = computepick().env("TERM", "dumb").output().expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("needs a terminal") && err.contains("recommend"),
        "{err}"
    );
}

/// Wide, combining, emoji and right-to-left text in the data.
fn wide_guide() -> String {
    SMALL
        .replacen(
            "What are you running?",
            "何を実行しますか? 🚀 Qu'exécutez-vous ? e\u{301}te\u{301}",
            1,
        )
        .replacen("A server", "サーバー 🖥️ שרת אינטרנט", 1)
        .replacen("Box Service", "箱サービス 📦", 1)
        .replacen(
            "boxes keep servers up",
            "箱はサーバーを動かし続けます — מחזיק שרתים 🔥🔥🔥",
            1,
        )
}

#[test]
fn wide_and_right_to_left_text_keeps_the_layout() {
    let mut app = App::new(data::parse(&wide_guide(), "wide.ron").expect("valid"));
    for (w, h) in [(60, 18), (80, 24), (61, 19)] {
        let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("backend");
        terminal
            .draw(|f| ui::draw(&app, Theme::PLAIN, f))
            .expect("draw");
        let screen = terminal.backend().to_string();
        assert!(screen.contains("何を実行しますか"), "{screen}");
        // The footer stays on the last line and intact: nothing pushed it around.
        let last = screen.lines().last().unwrap_or_default();
        assert!(last.contains("help"), "{screen}");
    }
    for key in ['1', '2'] {
        app.handle_key(&KeyEvent::new(KeyCode::Char(key), KeyModifiers::NONE));
    }
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("backend");
    terminal
        .draw(|f| ui::draw(&app, Theme::PLAIN, f))
        .expect("draw");
    insta::assert_snapshot!(terminal.backend().to_string());
}

// ---- Every subcommand's bad input: one line on stderr, exit 2 ----

/// The visible subcommands, from the parser itself, so a new one cannot go untested.
fn subcommands() -> Vec<String> {
    use clap::CommandFactory;
    computepick::cli::Cli::command()
        .get_subcommands()
        .filter(|c| !c.is_hide_set() && c.get_name() != "help")
        .map(|c| c.get_name().to_owned())
        .collect()
}

/// Asserts one line on stderr, exit 2, and that the line contains every one of `needles`.
#[track_caller]
fn refused(args: &[&str], needles: &[&str]) -> String {
    let (code, err) = one_line_error(computepick().args(args));
    assert_eq!(code, Some(2), "{args:?}: {err}");
    for needle in needles {
        assert!(err.contains(needle), "{args:?}: {needle:?} not in {err}");
    }
    err
}

/// Each subcommand with the least it needs to run (its required arguments).
const MINIMAL: &[&[&str]] = &[
    &["recommend"],
    &["check"],
    &["show", "lambda"],
    &["compare", "lambda", "fargate"],
    &["list"],
    &["search", "lambda"],
    &["cost"],
    &["completions", "bash"],
    &["man"],
    &["config", "path"],
    &["config", "show"],
    &["prices"],
];

#[test]
fn every_subcommand_is_covered_here() {
    let covered: Vec<&str> = MINIMAL.iter().map(|args| args[0]).collect();
    for name in subcommands() {
        assert!(
            covered.contains(&name.as_str()),
            "subcommand {name} has no bad-input cases in tests/hostile.rs"
        );
    }
}

#[test]
fn every_subcommand_refuses_an_unknown_flag_and_points_to_its_help() {
    for args in MINIMAL {
        let mut with_flag = args.to_vec();
        with_flag.push("--frobnicate");
        let help = format!("(see computepick {} --help)", args.join(" "));
        let help = if args[0] == "config" {
            help
        } else {
            format!("(see computepick {} --help)", args[0])
        };
        refused(
            &with_flag,
            &["computepick: unexpected argument '--frobnicate'", &help],
        );
    }
}

#[test]
fn every_subcommand_refuses_a_bad_value() {
    let cases: &[(&[&str], &str)] = &[
        (&["recommend", "--format", "yaml"], "possible values"),
        (
            &["recommend", "--answer", "workload"],
            "is not QUESTION=OPTION",
        ),
        (
            &["recommend", "--answer", "nope=x"],
            "unknown question \"nope\"",
        ),
        (
            &["recommend", "--answer", "workload=nope"],
            "unknown answer \"nope\"",
        ),
        (&["check", "a.ron", "b.ron"], "unexpected argument 'b.ron'"),
        (&["show", "lambda", "--format", "yaml"], "possible values"),
        (&["show", "no-such-thing"], "no service or term"),
        (&["compare", "lambda"], "at least 2 services"),
        (&["compare", "lambda", "nope"], "no service \"nope\""),
        (
            &["compare", "lambda", "fargate", "--format", "yaml"],
            "possible values",
        ),
        (&["list", "--format", "yaml"], "possible values"),
        (&["search", "x", "--limit", "0"], "invalid value '0'"),
        (&["search", "x", "--format", "yaml"], "possible values"),
        (&["cost", "--requests", "abc"], "invalid value 'abc'"),
        (
            &[
                "cost",
                "--requests",
                "10M",
                "--duration",
                "200ms",
                "--memory",
                "lots",
            ],
            "invalid value 'lots'",
        ),
        (&["completions", "nosh"], "possible values"),
        (&["man", "nosuch"], "no command \"nosuch\""),
        (&["config", "nope"], "unrecognized subcommand 'nope'"),
        (
            &["list", "--theme", "purple"],
            "possible values: auto, dark, light",
        ),
    ];
    for (args, needle) in cases {
        refused(args, &["computepick: ", needle]);
    }
}

#[test]
fn a_missing_argument_is_named_with_the_subcommands_help() {
    for (args, missing) in [
        ("show", "<ID>"),
        ("search", "<QUERY>"),
        ("compare", "<ID>"),
        ("completions", "<SHELL>"),
    ] {
        refused(
            &[args],
            &[
                &format!("the following required arguments were not provided: {missing}"),
                &format!("(see computepick {args} --help)"),
            ],
        );
    }
    let err = refused(&["recommend", "--answer"], &["a value is required"]);
    assert!(err.contains("(see computepick recommend --help)"), "{err}");
}

#[test]
fn a_missing_subcommand_is_one_line_naming_the_choices() {
    let err = refused(&["config"], &[]);
    assert_eq!(
        err.trim_end(),
        "computepick: config needs a subcommand: path, show (see computepick config --help)"
    );
}

#[test]
fn every_subcommand_prints_the_version() {
    let version = env!("CARGO_PKG_VERSION");
    let mut commands: Vec<Vec<&str>> = MINIMAL.iter().map(|args| vec![args[0]]).collect();
    commands.dedup();
    commands.push(vec!["config", "path"]);
    commands.push(vec![]);
    for mut args in commands {
        args.push("--version");
        let out = computepick().args(&args).output().expect("runs");
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {stdout}");
        assert_eq!(stdout, format!("computepick {version}\n"), "{args:?}");
    }
}

#[test]
fn the_no_terminal_message_names_every_subcommand() {
    let out = computepick().env("TERM", "dumb").output().expect("runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    for name in subcommands() {
        assert!(err.contains(&name), "{name} not named: {err}");
    }
    assert!(!err.contains("help,"), "{err}");
}

/// `recommend` with every question answered (thumbnails on upload: AWS Lambda), then `extra`.
fn recommend_with(extra: &[&str]) -> Vec<String> {
    let mut args = vec!["recommend".to_owned()];
    for answer in [
        "workload=event",
        "runtime=seconds",
        "state=stateless",
        "packaging=code",
        "control=none",
        "scaling=scale-to-zero",
        "budget=pay-per-use",
    ] {
        args.extend(["--answer".to_owned(), answer.to_owned()]);
    }
    args.extend(extra.iter().map(|&a| a.to_owned()));
    args
}

/// Every subcommand that reads the data, with `--data` pointing somewhere else.
fn with_data(path: &std::path::Path) -> Vec<Vec<std::ffi::OsString>> {
    MINIMAL
        .iter()
        .filter(|args| !matches!(args[0], "completions" | "man" | "config"))
        .map(|args| {
            let mut v: Vec<std::ffi::OsString> = vec!["--data".into(), path.into()];
            v.extend(args.iter().map(Into::into));
            v
        })
        .collect()
}

#[test]
fn a_missing_data_or_answers_file_is_one_line() {
    let missing = std::path::Path::new("/nonexistent/file.ron");
    for args in with_data(missing) {
        let (code, err) = one_line_error(computepick().args(&args));
        assert_eq!(code, Some(2), "{args:?}: {err}");
        assert_eq!(
            err.trim_end(),
            "/nonexistent/file.ron: cannot open: no such file"
        );
    }
    refused(
        &["check", "/nonexistent/file.ron"],
        &["cannot open: no such file"],
    );
    refused(
        &["recommend", "--answers", "/nonexistent/a.ron"],
        &["/nonexistent/a.ron: cannot open: no such file"],
    );
    for flag in ["--save-answers", "--output"] {
        let args = recommend_with(&[flag, "/nonexistent/out.ron"]);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        refused(
            &args,
            &["/nonexistent/out.ron", "its folder does not exist"],
        );
    }
}

#[test]
fn a_directory_instead_of_a_file_is_one_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let name = dir.path().display().to_string();
    for args in with_data(dir.path()) {
        let (code, err) = one_line_error(computepick().args(&args));
        assert_eq!(code, Some(2), "{args:?}: {err}");
        assert_eq!(
            err.trim_end(),
            format!("{name}: is a directory, not a data file")
        );
    }
    refused(&["check", &name], &["is a directory, not a data file"]);
    refused(
        &["recommend", "--answers", &name],
        &[&format!("{name}: is a directory, not an answers file")],
    );
    for flag in ["--save-answers", "--output"] {
        let args = recommend_with(&[flag, &name]);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        // Refused up front, forced or not: a folder is never a file to replace.
        refused(&args, &[&name, "is a folder; give a file name"]);
        let mut forced = args.clone();
        forced.push("--force");
        refused(&forced, &[&name, "is a folder; give a file name"]);
    }
}

#[test]
fn a_config_file_that_is_a_directory_is_a_warning_not_a_data_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = computepick()
        .env("COMPUTEPICK_CONFIG", dir.path())
        .arg("list")
        .output()
        .expect("runs");
    // A broken config file never stops a command: one warning, defaults, exit 0.
    assert_eq!(out.status.code(), Some(0));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(
        err.contains("is a directory, not a config file; using defaults"),
        "{err}"
    );
}

/// Files that exist but cannot be read, for everyone including root: `/proc/self/mem` opens but
/// its first page is unmapped, so reading fails (EIO); a Unix socket cannot be opened at all
/// (ENXIO). Plus a file without read permission, where that stops the test user (not root).
fn unreadable_files(dir: &std::path::Path) -> Vec<(std::path::PathBuf, &'static str)> {
    let mut files = vec![(std::path::PathBuf::from("/proc/self/mem"), "cannot read:")];
    let socket = dir.join("socket.ron");
    let listener = std::os::unix::net::UnixListener::bind(&socket).expect("bind a socket");
    std::mem::forget(listener); // The path stays a socket for the test's life.
    files.push((socket, "cannot open:"));
    let locked = dir.join("locked.ron");
    std::fs::write(&locked, data::EMBEDDED).expect("write");
    let mut perms = std::fs::metadata(&locked).expect("stat").permissions();
    std::os::unix::fs::PermissionsExt::set_mode(&mut perms, 0o000);
    std::fs::set_permissions(&locked, perms).expect("chmod 000");
    if std::fs::read(&locked).is_err() {
        files.push((locked, "cannot open: permission denied"));
    } else {
        eprintln!("chmod 000 does not stop this user (root?); the permission case is skipped");
    }
    files
}

#[test]
#[cfg(target_os = "linux")]
fn an_unreadable_file_is_one_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (path, reason) in unreadable_files(dir.path()) {
        let name = path.display().to_string();
        let expected = format!("{name}: {reason}");
        for args in with_data(&path) {
            let (code, err) = one_line_error(computepick().args(&args));
            assert_eq!(code, Some(2), "{args:?}: {err}");
            assert!(err.starts_with(&expected), "{args:?}: {err}");
        }
        refused(&["check", &name], &[&expected]);
        refused(&["recommend", "--answers", &name], &[&expected]);
    }
}
