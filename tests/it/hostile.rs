//! Hostile files and terminals: size limits, non-UTF-8, unknown fields, wide text, bad flags.

use crate::support::{
    EXAMPLE_WORKLOAD, SMALL, THUMBNAILS, assert_linear, computepick, edited, mkfifo, success,
};
use assert_cmd::Command;
use computepick::app::App;
use computepick::data;
use computepick::ui::{self, theme::Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

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

/// Why loading `text` fails: it must fail.
#[track_caller]
fn refusal(text: &str) -> String {
    data::parse(text, "t.ron")
        .expect_err("the data is refused")
        .to_string()
}

#[test]
fn an_unknown_field_gets_a_did_you_mean() {
    let message = refusal(&edited(SMALL, &[("why: \"Functions", "wyh: \"Functions")]));
    assert!(message.contains("did you mean `why`?"), "{message}");
    assert!(message.starts_with("t.ron:27:"), "{message}");
}

#[test]
fn an_unknown_rule_kind_gets_a_did_you_mean() {
    let broken = edited(
        SMALL,
        &[("RuleOut(service: \"job\"", "RuleOutt(service: \"job\"")],
    );
    let message = refusal(&broken);
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
            .draw(|f| ui::draw(&mut app, Theme::PLAIN, f))
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
        .draw(|f| ui::draw(&mut app, Theme::PLAIN, f))
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
    &["questions"],
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
            "subcommand {name} has no bad-input cases in tests/it/hostile.rs"
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
    for answer in THUMBNAILS {
        args.extend(["--answer".to_owned(), (*answer).to_owned()]);
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
/// (refused before opening, as every file that is not a regular one). Plus a file without read permission, where that stops the test user (not root).
fn unreadable_files(dir: &std::path::Path) -> Vec<(std::path::PathBuf, &'static str)> {
    let mut files = vec![(std::path::PathBuf::from("/proc/self/mem"), "cannot read:")];
    let socket = dir.join("socket.ron");
    let listener = std::os::unix::net::UnixListener::bind(&socket).expect("bind a socket");
    std::mem::forget(listener); // The path stays a socket for the test's life.
    files.push((socket, "is a socket, not a regular file"));
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

// ---------------------------------------------------------------------------------------------
// Issue 17: hostile files and streams, round two.
// ---------------------------------------------------------------------------------------------

/// A hang guard for the cases that used to take minutes or block forever (a FIFO, quadratic
/// time): far above what any of them takes now, so it never decides a pass on a slow machine,
/// but a regression fails instead of hanging the run.
const HANG_GUARD: std::time::Duration = std::time::Duration::from_secs(120);

/// The tiny guide with `from` replaced by `to` (once), written to `dir/name`.
fn small_with(dir: &std::path::Path, name: &str, from: &str, to: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, edited(SMALL, &[(from, to)])).expect("write");
    path
}

/// Asserts that no character a terminal could take as a command is in `bytes`.
#[track_caller]
fn assert_terminal_safe(bytes: &[u8], what: &str) {
    let text = String::from_utf8_lossy(bytes);
    if let Some(c) = text.chars().find(|&c| computepick::text::is_unsafe_char(c)) {
        panic!(
            "{what}: U+{:04X} reached the terminal:\n{text}",
            u32::from(c)
        );
    }
}

fn run_guarded(cmd: &mut Command) -> std::process::Output {
    cmd.timeout(HANG_GUARD).output().expect("runs")
}

/// Escape sequences (a pane title, OSC 52 to the clipboard, C1 CSI, a right-to-left override),
/// raw and written as RON escapes, in a data file.
const INJECTED: &str =
    "Fn\u{1b}]0;pwned\u{7}\u{1b}]52;c;cHduZWQ=\u{7}\u{9d}0;x\u{9c}\u{9b}2J\u{7f}\u{202e}Service";

#[test]
fn escape_sequences_in_the_data_never_reach_the_terminal_and_check_names_their_place() {
    let dir = tempfile::tempdir().expect("tempdir");
    let raw = small_with(dir.path(), "raw.ron", "Function Service", INJECTED);
    let escaped = small_with(
        dir.path(),
        "escaped.ron",
        "Runs short functions on events.",
        "Runs \\u{1b}[2J\\x1b]0;t\\u{7} and \\u{202E} on events.",
    );
    let newline = small_with(
        dir.path(),
        "newline.ron",
        "Runs short functions on events.",
        "Runs short\\nfunctions on events.",
    );
    let commands: &[&[&str]] = &[
        &["list"],
        &["show", "fn"],
        &["compare", "fn", "box"],
        &["search", "fn"],
        &["recommend", "-a", "shape=jobs"],
        &["recommend", "-a", "shape=jobs", "--format", "markdown"],
        &[
            "recommend",
            "-a",
            "shape=jobs",
            "--format",
            "adr",
            "-o",
            "-",
        ],
        &["check"],
    ];
    for (file, needle, code) in [
        (&raw, "\u{1b}", "U+001B"),
        (&escaped, "\\u{1b}", "U+001B"),
        (&newline, "\\n", "U+000A"),
    ] {
        // Line 6 holds the services' first entry; the column counts characters.
        let text = std::fs::read_to_string(file).expect("read");
        let line_text = text.lines().nth(5).expect("line 6");
        let col = line_text[..line_text.find(needle).expect("injected")]
            .chars()
            .count()
            + 1;
        let line = 6;
        for args in commands {
            let out = computepick()
                .arg("--data")
                .arg(file)
                .args(*args)
                .output()
                .expect("runs");
            let what = format!("{args:?} on {}", file.display());
            assert_terminal_safe(&out.stdout, &what);
            assert_terminal_safe(&out.stderr, &what);
            assert_eq!(
                out.status.code(),
                Some(2),
                "{what}: refused like any bad data"
            );
            let err = String::from_utf8_lossy(&out.stderr);
            let at = format!("{}:{line}:{col}: control character {code}", file.display());
            assert!(err.contains(&at), "{what}: {at:?} not in\n{err}");
        }
    }
}

#[test]
fn input_quoted_back_in_messages_is_made_safe() {
    let dir = tempfile::tempdir().expect("tempdir");
    let hostile = "\u{1b}]0;pwned\u{7}\u{9b}2J\u{202e}";
    // An unknown id, a query nothing matches, a file name, an answers file's key and value.
    let answers = dir.path().join("answers.ron");
    std::fs::write(
        &answers,
        format!("Answers(answers: {{\"{hostile}\": \"x\", \"workload\": \"{hostile}\"}})"),
    )
    .expect("write");
    let answers2 = dir.path().join("answers2.ron");
    std::fs::write(
        &answers2,
        format!("Answers(answers: {{\"workload\": \"{hostile}\"}})"),
    )
    .expect("write");
    let missing = dir.path().join(format!("{hostile}.ron"));
    let cases: Vec<Vec<std::ffi::OsString>> = vec![
        vec!["show".into(), hostile.into()],
        vec!["search".into(), format!("zzzq{hostile}").into()],
        vec!["compare".into(), "lambda".into(), hostile.into()],
        vec![
            "recommend".into(),
            "-a".into(),
            format!("{hostile}=x").into(),
        ],
        vec!["recommend".into(), "--answers".into(), answers.into()],
        vec!["recommend".into(), "--answers".into(), answers2.into()],
        vec!["--data".into(), missing.clone().into(), "list".into()],
        vec!["check".into(), missing.into()],
    ];
    for args in cases {
        let out = computepick().args(&args).output().expect("runs");
        assert_terminal_safe(&out.stdout, &format!("{args:?}"));
        assert_terminal_safe(&out.stderr, &format!("{args:?}"));
        assert_ne!(out.status.code(), Some(0), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("\\u001b") || err.contains("\\u009b"),
            "{args:?}: {err}"
        );
    }
    // The app's answers-file loader reports through the same place.
    let out = computepick()
        .arg("--answers")
        .arg(dir.path().join("answers2.ron"))
        .output()
        .expect("runs");
    assert_terminal_safe(&out.stderr, "the app's --answers");
    assert_eq!(out.status.code(), Some(2));
}

/// A FIFO made by `mkfifo`, and, where the tests run as root, a copy of /dev/full made by
/// `mknod` (the case): `--force` never replaces either.
fn special_files(dir: &std::path::Path) -> Vec<(std::path::PathBuf, &'static str)> {
    let fifo = dir.join("fifo");
    mkfifo(&fifo);
    let mut files = vec![(fifo, "a FIFO (named pipe)")];
    let device = dir.join("full");
    let made = std::process::Command::new("mknod")
        .arg(&device)
        .args(["c", "1", "7"])
        .stderr(std::process::Stdio::null())
        .status();
    if made.is_ok_and(|s| s.success()) {
        files.push((device, "a device"));
    } else {
        eprintln!("mknod needs root; the device case is skipped");
    }
    files
}

#[cfg(unix)]
#[test]
fn force_never_replaces_a_device_or_a_fifo() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().expect("tempdir");
    for (path, kind) in special_files(dir.path()) {
        let name = path.display().to_string();
        for flag in ["-o", "--save-answers"] {
            let out = run_guarded(computepick().args(recommend_with(&[flag, &name, "--force"])));
            let err = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(2), "{flag} {name}: {err}");
            assert!(
                err.contains(&format!(
                    "{name} is {kind}, not a regular file; it is never replaced"
                )),
                "{err}"
            );
            let file_type = std::fs::symlink_metadata(&path)
                .expect("still there")
                .file_type();
            assert!(
                file_type.is_fifo() || file_type.is_char_device(),
                "{name} was replaced"
            );
        }
    }
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .expect("ls")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[cfg(unix)]
#[test]
fn fifos_and_other_special_files_are_refused_before_they_are_opened() {
    let dir = tempfile::tempdir().expect("tempdir");
    let fifo = dir.path().join("data.ron");
    mkfifo(&fifo);
    let name = fifo.display().to_string();
    let expected = format!("{name}: is a FIFO (named pipe), not a regular file");
    // check, --data, --answers (the command line's and the app's).
    let mut cases: Vec<Vec<String>> = vec![
        vec!["check".into(), name.clone()],
        vec!["--answers".into(), name.clone()],
        vec!["recommend".into(), "--answers".into(), name.clone()],
    ];
    cases.extend(with_data(&fifo).into_iter().map(|args| {
        args.into_iter()
            .map(|a| a.to_string_lossy().into_owned())
            .collect()
    }));
    for args in &cases {
        let out = run_guarded(computepick().args(args));
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(&expected), "{args:?}: {err}");
    }
    // A config file that is a FIFO: a warning, and every command runs, --version included.
    for args in [&["--version"][..], &["list"], &["config", "show"]] {
        let out = run_guarded(computepick().env("COMPUTEPICK_CONFIG", &fifo).args(args));
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {err}");
        let warning = format!("{name}: warning: is a FIFO (named pipe), not a regular file");
        assert!(err.contains(&warning), "{args:?}: {err}");
    }
    // A config whose data file is a FIFO: the built-in data, with a warning naming it.
    let config = dir.path().join("config.ron");
    std::fs::write(&config, "(data: Some(\"data.ron\"))").expect("write");
    let out = run_guarded(computepick().env("COMPUTEPICK_CONFIG", &config).arg("list"));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(
        err.contains("is a FIFO (named pipe), not a regular file"),
        "{err}"
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("lambda"));
}

fn dev_full() -> std::process::Stdio {
    std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full")
        .into()
}

#[cfg(target_os = "linux")]
#[test]
fn write_errors_give_the_documented_exit_code_never_a_panic() {
    use std::process::{Command as Std, Stdio};
    let bin = env!("CARGO_BIN_EXE_computepick");
    let run = |args: &[&str], stdout: Stdio, stderr: Stdio| {
        Std::new(bin)
            .env("COMPUTEPICK_CONFIG", "")
            .args(args)
            .stdout(stdout)
            .stderr(stderr)
            .stdin(Stdio::null())
            .output()
            .expect("runs")
    };
    // stdout full: exit 1 with a line on stderr. (`check` on the small guide: the built-in
    // one's every path costs a debug build more than a second before the first write.)
    let small = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/small.ron");
    for args in [
        &["--version"][..],
        &["--help"],
        &["show", "lambda"],
        &["list"],
        &["check", small],
    ] {
        let out = run(args, dev_full(), Stdio::piped());
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
        assert!(err.contains("cannot write output"), "{args:?}: {err}");
    }
    // stderr full: the exit code still says what happened.
    let out = run(&["show", "no-such-thing"], Stdio::null(), dev_full());
    assert_eq!(out.status.code(), Some(2));
    let out = run(&["--frobnicate"], Stdio::null(), dev_full());
    assert_eq!(out.status.code(), Some(2));
    let out = run(&["--version"], dev_full(), dev_full());
    assert_eq!(out.status.code(), Some(1));
    let dir = tempfile::tempdir().expect("tempdir");
    let saved = dir.path().join("team.ron");
    let saved_name = saved.display().to_string();
    let args = recommend_with(&["--save-answers", &saved_name]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = run(&args, Stdio::null(), dev_full());
    assert_eq!(out.status.code(), Some(0));
    assert!(saved.is_file(), "saved, then no panic");
    // A closed pipe: --version, like every other output, is not an error.
    let mut child = Std::new(bin)
        .env("COMPUTEPICK_CONFIG", "")
        .arg("--version")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("wait");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{:?}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A chain of `n` questions, each leading to the next; the last picks one of three services.
fn chain(n: usize) -> String {
    let mut questions = String::new();
    for i in 0..n {
        questions.push_str(&format!(
            "Question(id: \"q{i}\", prompt: \"Step {i}?\", why: \"A step.\", options: [Choice(id: \"go\", label: \"Go\", next: Some(\"q{}\"))]),\n",
            i + 1
        ));
    }
    questions.push_str(&format!(
        "Question(id: \"q{n}\", prompt: \"Which?\", why: \"The end.\", options: [\
         Choice(id: \"a\", label: \"A\", rules: [Favour(service: \"fn\", weight: 1, reason: \"r\")]),\
         Choice(id: \"b\", label: \"B\", rules: [Favour(service: \"box\", weight: 1, reason: \"r\")]),\
         Choice(id: \"c\", label: \"C\", rules: [Favour(service: \"job\", weight: 1, reason: \"r\")])])\n"
    ));
    format!(
        "Guide(meta: Meta(title: \"Chain\", as_of: \"{}\", region: \"us-east-1\", currency: \"USD\"),\n\
         start: \"q0\",\n\
         services: [{}],\n\
         attributes: [Attribute(id: \"limit\", label: \"Limit\")],\n\
         questions: [\n{questions}])\n",
        data::today_ymd(),
        ["fn", "box", "job"]
            .iter()
            .enumerate()
            .map(|(rank, id)| format!(
                "Service(id: \"{id}\", name: \"{id}\", summary: \"S.\", burden: {}, facts: \
                 [Fact(attribute: \"limit\", value: \"v\", source: \"https://example.com\", \
                 as_of: \"{}\")])",
                rank + 1,
                data::today_ymd()
            ))
            .collect::<Vec<_>>()
            .join(", ")
    )
}

#[test]
fn a_30000_question_chain_is_checked_without_overflowing_the_stack() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("chain.ron");
    std::fs::write(&path, chain(30_000)).expect("write");
    let out = run_guarded(computepick().arg("check").arg(&path));
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{text}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(text.contains("ok: 30001 questions, 3 paths"), "{text}");
    // A broken one (a rule for a service that does not exist) named by the config: the
    // built-in data is used, as documented, with a warning.
    let broken = dir.path().join("broken.ron");
    std::fs::write(
        &broken,
        chain(30_000).replace(
            "service: \"job\", weight: 1",
            "service: \"jobb\", weight: 1",
        ),
    )
    .expect("write");
    let config = dir.path().join("config.ron");
    std::fs::write(&config, "(data: Some(\"broken.ron\"))").expect("write");
    let out = run_guarded(computepick().env("COMPUTEPICK_CONFIG", &config).arg("list"));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(err.contains("unknown service \"jobb\""), "{err}");
    assert!(err.contains("using the built-in data"), "{err}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("AWS Lambda"));
}

/// `depth` questions of two options each, every path ruled out from the first answer:
/// 2^depth dead ends, each spelled with long ids (about 1.6 KB a path).
fn dead_ends(depth: usize) -> String {
    let pad = "x".repeat(40);
    let all_out = "rules: [RuleOut(service: \"fn\", reason: \"r\", fact: \"limit\"), RuleOut(service: \"box\", reason: \"r\", fact: \"limit\"), RuleOut(service: \"job\", reason: \"r\", fact: \"limit\")]";
    let mut questions = String::new();
    for i in 0..depth {
        let next = if i + 1 < depth {
            format!("Some(\"q{}{pad}\")", i + 1)
        } else {
            "None".to_owned()
        };
        let rules = match i {
            0 => all_out,
            _ => "rules: [Favour(service: \"fn\", weight: 1, reason: \"r\")]",
        };
        questions.push_str(&format!(
            "Question(id: \"q{i}{pad}\", prompt: \"P?\", why: \"W.\", options: [\
             Choice(id: \"a{pad}\", label: \"A\", next: {next}, {rules}),\
             Choice(id: \"b{pad}\", label: \"B\", next: {next}, {rules})]),\n"
        ));
    }
    chain(0)
        .split_once("questions: [")
        .map(|(head, _)| format!("{head}questions: [\n{questions}])\n"))
        .expect("a head")
        .replace("start: \"q0\"", &format!("start: \"q0{pad}\""))
}

#[cfg(unix)]
#[test]
fn validating_a_dead_end_file_takes_bounded_memory() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("dead.ron");
    // 2^19 dead-end paths: keeping each as text took about 850 MB; the cap is 400 MB of
    // address space for the whole process, so keeping them fails the test.
    let text = dead_ends(19);
    assert!(text.len() < 64 * 1024, "a small file: {}", text.len());
    std::fs::write(&path, text).expect("write");
    let out = run_guarded(
        Command::new("sh")
            .env("COMPUTEPICK_CONFIG", "")
            .arg("-c")
            .arg("ulimit -v 400000 && exec \"$0\" check \"$1\"")
            .arg(env!("CARGO_BIN_EXE_computepick"))
            .arg(&path),
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("… and 524283 more paths end without a recommendation"),
        "{err}"
    );
    assert_eq!(
        err.matches("this path ends without a recommendation")
            .count(),
        5,
        "{err}"
    );
    // In the library: the count, and the first few only.
    let guide = data::parse_syntax(&dead_ends(12), "dead.ron").expect("parses");
    let explored = computepick::engine::explore(&guide, 1_000_000);
    assert_eq!(explored.dead_end_count, 1 << 12);
    assert_eq!(
        explored.dead_ends.len(),
        computepick::engine::DEAD_END_EXAMPLES
    );
}

/// `n` services with an empty name each: `n` errors, each with its position.
fn many_errors(n: usize) -> String {
    let services: String = (0..n)
        .map(|i| format!("Service(id: \"s{i}\", name: \"\", summary: \"S.\"),\n"))
        .collect();
    SMALL.replacen(
        "    services: [\n",
        &format!("    services: [\n{services}"),
        1,
    )
}

/// `services` services and `questions` questions of 9 options each (9^questions paths), each
/// option favouring its own service: the rest are recommended by no path.
fn wide(services: usize, questions: usize) -> String {
    let services: String = (0..services)
        .map(|i| format!("Service(id: \"s{i}\", name: \"S\", summary: \"S.\"),"))
        .collect();
    let mut text = String::new();
    for q in 0..questions {
        let next = if q + 1 < questions {
            format!("Some(\"q{}\")", q + 1)
        } else {
            "None".into()
        };
        let options: Vec<String> = (0..9)
            .map(|o| format!("Choice(id: \"o{o}\", label: \"O\", next: {next}, rules: [Favour(service: \"s{}\", weight: {}, reason: \"r\")])", q * 9 + o, o + 1))
            .collect();
        text.push_str(&format!(
            "Question(id: \"q{q}\", prompt: \"P?\", why: \"W.\", options: [{}]),\n",
            options.join(",")
        ));
    }
    format!(
        "Guide(meta: Meta(title: \"Wide\", as_of: \"{}\", region: \"r\", currency: \"USD\"), start: \"q0\", services: [{services}], questions: [{text}])",
        data::today_ymd()
    )
}

/// What `check` finds in `text`, as it finds it (syntax, then the checks, then every path).
fn check_text(text: &str, name: &str) -> String {
    let guide = data::parse_syntax(text, name).expect("parses");
    let report = data::validate(&guide, text, name);
    let (explored, _) = if report.explorable {
        computepick::engine::explore_paths(&guide, text, name)
    } else {
        (data::Diagnostics::default(), None)
    };
    format!("{}{explored}", report.diagnostics)
}

/// `check` of `text`, written to `name` in `dir`, exits 2: what it says.
fn check_refuses(dir: &std::path::Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write");
    let out = run_guarded(computepick().arg("check").arg(&path));
    assert_eq!(out.status.code(), Some(2));
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Guards three regressions, each once seconds to minutes long: positions found by rescanning
/// the file for each error (23 s for 20,000 errors), paths × services work in the walk check
/// (21.6 s), and wrapping a huge word char by char. The cost is compared at two sizes (CPU
/// time, so a busy machine does not matter), not waited for at one huge size.
#[test]
fn many_errors_many_services_and_huge_words_are_answered_in_linear_time() {
    // Positions once rescanned the file for each error: 4× the errors, 16× the time.
    let (small, large) = (many_errors(2_000), many_errors(8_000));
    assert_linear(
        "positions of 2,000 → 8,000 errors",
        4,
        || assert!(check_text(&small, "errors.ron").contains("\"s1999\": name is empty")),
        || assert!(check_text(&large, "errors.ron").contains("\"s7999\": name is empty")),
    );
    assert!(
        check_text(&large, "errors.ron").contains("errors.ron:8005:9: service \"s7999\""),
        "positions still right"
    );
    // End to end: `check` says it, with the position, and exits 2.
    let dir = tempfile::tempdir().expect("tempdir");
    let err = check_refuses(dir.path(), "errors.ron", &small);
    assert!(
        err.contains("errors.ron:2005:9: service \"s1999\": name is empty"),
        "{}",
        &err[err.len().saturating_sub(500)..]
    );

    // Paths × services once took 21.6 s: 9× the services and 9× the paths, 81× the time.
    let (small, large) = (wide(1_111, 4), wide(10_000, 5));
    let unrecommended = |text: &str, last: &str| {
        let found = check_text(text, "wide.ron");
        assert!(
            found.contains(&format!(
                "service \"{last}\" is not recommended by any path"
            )),
            "{}",
            &found[..found.len().min(500)]
        );
    };
    assert_linear(
        "the walk check of 1,111 services and 9^4 paths → 10,000 and 9^5",
        9,
        || unrecommended(&small, "s1110"),
        || unrecommended(&large, "s9999"),
    );
    let err = check_refuses(dir.path(), "wide.ron", &small);
    assert!(
        err.contains("service \"s1110\" is not recommended by any path"),
        "{}",
        &err[..err.len().min(500)]
    );

    // A 1 MB word in a summary, shown by every command that wraps text.
    let word = "w".repeat(1 << 20);
    let path = small_with(
        dir.path(),
        "word.ron",
        "Runs short functions on events.",
        &word,
    );
    for args in [
        &["list"][..],
        &["show", "fn"],
        &["compare", "fn", "box"],
        &["search", "function"],
    ] {
        let out = run_guarded(
            computepick()
                .env("COLUMNS", "80")
                .arg("--data")
                .arg(&path)
                .args(args),
        );
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        let shown = out.stdout.iter().filter(|&&b| b == b'w').count();
        // Compare shows no summary (the fixture has no attributes); the others show it whole.
        if args[0] != "compare" {
            assert_eq!(shown, 1 << 20, "{args:?}: the whole word, wrapped");
        }
    }
}

#[test]
fn dates_weights_and_prices_are_bounded() {
    // A signed year.
    let message = refusal(&edited(
        SMALL,
        &[("as_of: \"2026-11-01\"", "as_of: \"+026-11-23\"")],
    ));
    assert!(
        message.contains("as-of date \"+026-11-23\" is not YYYY-MM-DD"),
        "{message}"
    );
    // Weights that would overflow an i32 when added.
    let message = refusal(&edited(
        SMALL,
        &[
            (
                "weight: 3, reason: \"jobs",
                "weight: 2147483647, reason: \"jobs",
            ),
            (
                "weight: 1, reason: \"short jobs",
                "weight: 2147483647, reason: \"short jobs",
            ),
        ],
    ));
    assert!(
        message.contains("weight 2147483647 is out of range; weights are from -1000 to 1000"),
        "{message}"
    );
    assert!(message.starts_with("t.ron:20:"), "{message}");
    // And added with checked arithmetic all the same: both on one service saturate, never wrap.
    let heavy = edited(
        SMALL,
        &[
            (
                "Favour(service: \"fn\", weight: 1, reason: \"short jobs fit in functions\")",
                "Favour(service: \"job\", weight: 2147483647, reason: \"again\")",
            ),
            (
                "weight: 3, reason: \"jobs",
                "weight: 2147483647, reason: \"jobs",
            ),
        ],
    );
    let guide = data::parse_syntax(&heavy, "t.ron").expect("parses");
    let walk = computepick::engine::walk(
        &guide,
        &[("shape".to_owned(), "jobs".to_owned())]
            .into_iter()
            .collect(),
    );
    let rec = computepick::engine::recommend(&guide, &walk.path);
    let top = rec.top().expect("a top");
    assert_eq!((top.service.as_str(), top.score), ("job", i32::MAX));
    // Prices: 1e308 once passed and showed `$inf.NaN`.
    let message = refusal(&edited(
        SMALL,
        &[(
            "    ],\n)",
            "    ],\n    prices: [Price(id: \"fn.x\", service: \"fn\", label: \"L\", amount: 1e308, unit: \"hour\", source: \"https://aws.amazon.com\", as_of: \"2026-11-01\")],\n)",
        )],
    ));
    assert!(
        message.contains("price \"fn.x\": amount 1e308 is out of range"),
        "{message}"
    );
    // A tiny --hours-per-day once printed a 300-digit amount.
    refused(
        &[&["cost"], EXAMPLE_WORKLOAD, &["--hours-per-day", "1e-300"]].concat(),
        &["--hours-per-day", "at least"],
    );
}

#[test]
fn a_byte_order_mark_is_accepted_in_data_answers_and_config_files() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data_file = dir.path().join("bom.ron");
    std::fs::write(&data_file, format!("\u{feff}{SMALL}")).expect("write");
    success(computepick().arg("check").arg(&data_file));
    let answers = dir.path().join("answers.ron");
    std::fs::write(&answers, "\u{feff}Answers(answers: {\"shape\": \"jobs\"})").expect("write");
    success(
        computepick()
            .arg("--data")
            .arg(&data_file)
            .args(["recommend", "--answers"])
            .arg(&answers),
    );
    let config = dir.path().join("config.ron");
    std::fs::write(&config, "\u{feff}(format: Some(Json))").expect("write");
    let (stdout, stderr) = success(computepick().env("COMPUTEPICK_CONFIG", &config).arg("list"));
    assert!(stderr.is_empty(), "{stderr}");
    assert!(stdout.starts_with('['), "the config was read");
}

#[test]
fn a_legal_250_byte_file_name_can_be_written() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (flag, ext) in [("-o", ".md"), ("--save-answers", ".ron")] {
        let name = format!("{}{ext}", "n".repeat(250 - ext.len()));
        let path = dir.path().join(&name);
        let target = path.display().to_string();
        success(computepick().args(recommend_with(&[flag, &target])));
        assert!(path.is_file(), "{flag}");
    }
}

#[test]
fn the_same_file_for_answers_and_output_is_refused_and_dash_is_stdout() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("both.ron");
    let name = file.display().to_string();
    let dotted = format!("{}/./both.ron", dir.path().display());
    for extra in [
        vec!["--save-answers", &name, "-o", &name],
        vec!["--save-answers", &name, "-o", &dotted, "--force"],
    ] {
        refused(
            &recommend_with(&extra)
                .iter()
                .map(String::as_str)
                .collect::<Vec<_>>(),
            &["both name", "different files"],
        );
        assert!(!file.exists(), "nothing written");
    }
    std::fs::write(&file, "keep me").expect("write");
    refused(
        &recommend_with(&["--save-answers", &dotted, "-o", &name, "--force"])
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
        &["both name"],
    );
    assert_eq!(std::fs::read_to_string(&file).expect("read"), "keep me");
    // `--save-answers -`: the answers on stdout when the output goes to a file; refused when
    // both would go to stdout. No file named `-` either way.
    let record = dir.path().join("record.md");
    let (answers, _) = success(computepick().current_dir(dir.path()).args(recommend_with(&[
        "--save-answers",
        "-",
        "-o",
        &record.display().to_string(),
    ])));
    assert!(
        answers.contains("Answers(") && answers.contains("\"workload\": \"event\""),
        "{answers}"
    );
    assert!(record.is_file());
    let out = computepick()
        .current_dir(dir.path())
        .args(recommend_with(&["--save-answers", "-"]))
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("would both go to stdout"));
    assert!(!dir.path().join("-").exists(), "no file named -");
}

#[test]
fn a_huge_unknown_key_is_not_echoed_back_in_full() {
    let dir = tempfile::tempdir().expect("tempdir");
    // 1 MiB, 500 times what may be echoed: a full echo fails as surely as at 10 MiB, which cost
    // a debug build a second per command.
    let key = "k".repeat(1024 * 1024);
    let answers = dir.path().join("answers.ron");
    std::fs::write(&answers, format!("Answers(answers: {{\"{key}\": \"x\"}})")).expect("write");
    let field = dir.path().join("field.ron");
    std::fs::write(
        &field,
        SMALL.replacen("why: \"Functions", &format!("{key}: \"Functions"), 1),
    )
    .expect("write");
    let config = dir.path().join("config.ron");
    // Config files stop at 1 MiB: a key just under it.
    std::fs::write(&config, format!("({}: Some(Dark))", &key[..1_000_000])).expect("write");
    let cases: Vec<(Command, &str)> = vec![
        (
            {
                let mut c = computepick();
                c.arg("recommend").arg("--answers").arg(&answers);
                c
            },
            "unknown question",
        ),
        (
            {
                let mut c = computepick();
                c.arg("check").arg(&field);
                c
            },
            "more characters",
        ),
        (
            {
                let mut c = computepick();
                c.env("COMPUTEPICK_CONFIG", &config).arg("list");
                c
            },
            "more characters",
        ),
    ];
    for (mut cmd, needle) in cases {
        let out = run_guarded(&mut cmd);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.len() < 2_000,
            "{} bytes echoed: {}…",
            err.len(),
            &err[..300]
        );
        assert!(err.contains(needle), "{err}");
        assert!(err.contains("more characters"), "{err}");
    }
}
