//! Save, export and copy in the real binary: the path field on screen, the files on disk, and
//! the clipboard sequence (OSC 52) in the bytes the app writes to the terminal.

use crate::keystrokes::{start, walk_by_numbers};
use crate::support::{Options, Pty, TIMEOUT, keys};
use computepick::tui::clipboard::{Multiplexer, osc52};

/// Thumbnails on upload, by number: the walk `walk_by_numbers` takes to AWS Lambda.
const THUMBNAILS_KEYS: &str = "31111.112";
const THUMBNAILS: &[&str] = &[
    "workload=event",
    "runtime=seconds",
    "process=per-request",
    "state=stateless",
    "packaging=code",
    "needs=none",
    "control=none",
    "scaling=scale-to-zero",
    "budget=pay-per-use",
];

fn names_in(dir: &std::path::Path, prefix: &str) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("list the folder")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(prefix))
        .collect();
    names.sort();
    names
}

fn quit(mut app: Pty) {
    app.quit_cleanly();
}

/// Quits from a result whose answers were neither saved nor exported: `q` asks first.
fn quit_unsaved(mut app: Pty) {
    app.quit_losing_answers();
}

#[test]
fn s_opens_the_path_field_and_saves_to_the_path_typed() {
    let app = start();
    walk_by_numbers(&app, THUMBNAILS_KEYS);
    app.send("s");
    // The default name, in the folder the app started in (HOME here, so shown as ~/).
    app.wait_for_all(
        &[
            "Save the answers to:",
            "~/computepick-answers-",
            "Esc cancel",
        ],
        TIMEOUT,
    );
    let elsewhere = tempfile::tempdir().expect("tempdir");
    let target = elsewhere.path().join("mine.ron");
    app.send(keys::CTRL_U);
    app.send(&target.display().to_string());
    app.wait_for("mine.ron", TIMEOUT);
    app.send(keys::ENTER);
    app.wait_for("Wrote the answers to ", TIMEOUT);
    assert!(target.is_file(), "the file is where it was typed");
    assert!(
        names_in(app.home(), "computepick-answers-").is_empty(),
        "and nowhere else"
    );
    quit(app);
}

#[test]
fn e_twice_on_one_day_writes_a_second_record_without_asking() {
    let app = start();
    walk_by_numbers(&app, THUMBNAILS_KEYS);
    // The second proposal is a name of its own.
    for (n, proposed) in [(1, "~/computepick-decision-"), (2, "-2.md")] {
        app.send("e");
        app.wait_for_all(&["Export the decision record to:", proposed], TIMEOUT);
        app.send(keys::ENTER);
        // On disk, not on screen: a half-drawn frame can still show the last status. A
        // "Replace it?" would hold the second file back, so its arrival says none was asked.
        let home = app.home().to_owned();
        app.wait_until(&format!("record {n} on disk"), TIMEOUT, |_| {
            names_in(&home, "computepick-decision-").len() == n
        });
        app.wait_gone("Export the decision record to:", TIMEOUT);
    }
    let written = names_in(app.home(), "computepick-decision-");
    assert!(written[0].ends_with("-2.md"), "{written:?}");
    quit(app);
}

#[test]
fn esc_in_the_path_field_writes_nothing() {
    let app = start();
    walk_by_numbers(&app, THUMBNAILS_KEYS);
    app.send("s");
    app.wait_for("Save the answers to:", TIMEOUT);
    app.send(keys::ESC);
    app.wait_for("nothing was written", TIMEOUT);
    assert!(names_in(app.home(), "computepick-").is_empty());
    quit_unsaved(app);
}

/// What `recommend --format markdown` prints for the thumbnails answers.
fn markdown_printed() -> String {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_computepick"));
    cmd.args(["recommend", "--format", "markdown"])
        .env("COMPUTEPICK_CONFIG", "")
        .env_remove("COLUMNS");
    for pair in THUMBNAILS {
        cmd.args(["--answer", pair]);
    }
    let out = cmd.output().expect("run recommend");
    assert!(out.status.success());
    String::from_utf8(out.stdout).expect("utf-8")
}

#[test]
fn y_puts_the_markdown_on_the_clipboard_by_osc_52() {
    let app = start();
    walk_by_numbers(&app, THUMBNAILS_KEYS);
    app.send("y");
    app.wait_for("Copied the recommendation as Markdown", TIMEOUT);
    let expected = osc52(&markdown_printed(), Multiplexer::None);
    assert!(
        app.output_contains(expected.as_bytes()),
        "the whole recommendation, as one OSC 52 sequence"
    );
    quit_unsaved(app);
}

#[test]
fn inside_tmux_the_copy_is_passed_through() {
    let app = Pty::spawn_with(Options::default().env("TMUX", "/tmp/tmux-0/default,1,0"));
    app.wait_for("Question 1 of 9", TIMEOUT);
    walk_by_numbers(&app, THUMBNAILS_KEYS);
    app.send("y");
    app.wait_for("Copied the recommendation as Markdown", TIMEOUT);
    let expected = osc52(&markdown_printed(), Multiplexer::Tmux);
    assert!(
        app.output_contains(expected.as_bytes()),
        "wrapped in tmux's passthrough"
    );
    quit_unsaved(app);
}
