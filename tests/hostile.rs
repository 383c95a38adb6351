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
