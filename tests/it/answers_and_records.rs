//! What-if in the app, answer files, decision records, and files that are safe.

use crate::support::{
    API_TIE, THUMBNAILS, answer_args, answers, computepick, guide, keys, press, stdout, success,
    top, type_path,
};
use computepick::app::{App, Screen, Tab};
use computepick::engine::{self};
use ratatui::crossterm::event::KeyCode;

const NIGHTLY_ETL: &[&str] = &[
    "workload=batch",
    "runtime=hours",
    "state=external",
    "packaging=container",
    "control=platform",
    "scaling=scale-to-zero",
    "budget=pay-per-use",
    "process=per-request",
    "needs=none",
];

fn record(pairs: &[&str]) -> String {
    let g = guide();
    let walk = engine::walk(&g, &answers(pairs));
    let rec = engine::recommend(&g, &walk.path);
    computepick::adr::render(
        &g,
        &walk,
        &rec,
        &computepick::adr::RecordInfo {
            date: "2026-11-23",
            data_name: "decisions.ron",
            cost: None,
        },
    )
}

#[test]
fn decision_record_for_thumbnails_matches_its_snapshot() {
    let adr = record(THUMBNAILS);
    assert!(adr.starts_with("# Run event processing on AWS Lambda\n"));
    for heading in [
        "## Context and Problem Statement",
        "## Decision Drivers",
        "## Considered Options",
        "## Decision Outcome",
        "### Consequences",
        "## Pros and Cons of the Options",
        "## Sources",
    ] {
        assert!(adr.contains(heading), "missing {heading}");
    }
    insta::assert_snapshot!("adr-thumbnails", adr);
}

#[test]
fn decision_record_for_a_nightly_etl_matches_its_snapshot() {
    let adr = record(NIGHTLY_ETL);
    assert!(adr.starts_with("# Run batch jobs on AWS Batch\n"), "{adr}");
    assert!(adr.contains(
        "AWS Lambda is out: one run lasts longer than 15 minutes, and Lambda stops every invocation at 15"
    ));
    insta::assert_snapshot!("adr-nightly-etl", adr);
}

#[test]
fn a_number_on_the_result_is_a_what_if_that_returns_at_once() {
    let mut app = App::new(guide()).with_answers(answers(THUMBNAILS));
    assert_eq!(top(&app).as_deref(), Some("lambda"));
    press(&mut app, KeyCode::Char('2')); // runtime
    assert!(matches!(app.screen, Screen::Question { .. }));
    press(&mut app, KeyCode::Char('3')); // hours: the walk is complete, so straight back to the result
    assert_ne!(top(&app).as_deref(), Some("lambda"));
    let Screen::Result { outcome, .. } = &app.screen else {
        panic!("result")
    };
    let diff = outcome
        .what_if
        .as_ref()
        .expect("what-if against the original");
    assert_eq!(
        computepick::whatif::answer_sentence(&diff.answers[0]),
        "runtime: seconds → hours"
    );
    let lambda = diff
        .services
        .iter()
        .find(|c| c.service == "lambda")
        .expect("lambda moved");
    assert!(
        computepick::whatif::service_sentence(lambda)
            .starts_with("AWS Lambda drops out: one run lasts longer than 15 minutes")
    );
    press(&mut app, KeyCode::Char('o'));
    assert_eq!(
        top(&app).as_deref(),
        Some("lambda"),
        "o restores the original answers"
    );
    let Screen::Result { outcome, .. } = &app.screen else {
        panic!("result")
    };
    assert!(outcome.what_if.is_none());
}

#[test]
fn s_saves_answers_and_never_overwrites_without_asking() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut app = App::new(guide()).with_answers(answers(THUMBNAILS));
    app.out_dir = dir.path().to_owned();
    press(&mut app, KeyCode::Char('s'));
    press(&mut app, KeyCode::Enter);
    let status = app.status.clone().expect("a message");
    assert!(status.starts_with("Wrote the answers to "), "{status}");
    let file = std::fs::read_dir(dir.path())
        .expect("ls")
        .next()
        .expect("a file")
        .expect("entry")
        .path();
    let saved = computepick::answers_file::load(&app.guide, &file).expect("the file loads back");
    assert_eq!(saved, answers(THUMBNAILS));

    std::fs::write(&file, "changed by hand").expect("write");
    // The field proposes a free name; typing the existing file's own path asks first.
    press(&mut app, KeyCode::Char('s'));
    type_path(&mut app, &file.display().to_string());
    press(&mut app, KeyCode::Enter);
    assert!(app.confirm().is_some(), "asks before replacing");
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(
        std::fs::read_to_string(&file).expect("read"),
        "changed by hand"
    );
    assert!(app.save_as().is_some(), "no: back in the field");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('y'));
    assert!(
        computepick::answers_file::load(&app.guide, &file).is_ok(),
        "replaced after yes"
    );
    assert!(app.save_as().is_none(), "written: the field is closed");
}

/// Saves Thumbnails' record (`key`: `e` for the record, `s` for the answers) into `out_dir`,
/// which must fail: the field stays open with the reason, the answers stay and the app does
/// not quit. The reason.
#[track_caller]
fn save_fails(key: KeyCode, out_dir: std::path::PathBuf) -> String {
    let mut app = App::new(guide()).with_answers(answers(THUMBNAILS));
    app.out_dir = out_dir;
    press(&mut app, key);
    let exit = press(&mut app, KeyCode::Enter);
    let field = app.save_as().expect("the field stays open");
    let error = field.error.clone().expect("the reason, in the field");
    assert!(error.ends_with("Your answers are kept."), "{error}");
    assert_eq!(app.answers, answers(THUMBNAILS));
    assert_eq!(exit, None);
    error
}

#[test]
fn an_unwritable_place_is_a_message_and_the_answers_stay() {
    let dir = tempfile::tempdir().expect("tempdir");
    let not_a_folder = dir.path().join("plain-file");
    std::fs::write(&not_a_folder, "x").expect("write");
    let error = save_fails(KeyCode::Char('e'), not_a_folder);
    assert!(error.starts_with("Not saved: cannot write"), "{error}");
}

#[test]
fn q_asks_before_losing_answers_in_progress() {
    let mut app = App::new(guide());
    assert!(
        press(&mut app, KeyCode::Char('q')).is_some(),
        "nothing to lose: quits at once"
    );
    let mut app = App::new(guide());
    press(&mut app, KeyCode::Char('1'));
    assert!(press(&mut app, KeyCode::Char('q')).is_none());
    assert!(app.confirm().is_some());
    assert!(press(&mut app, KeyCode::Char('n')).is_none() && app.confirm().is_none());
    press(&mut app, KeyCode::Char('q'));
    assert!(press(&mut app, KeyCode::Char('y')).is_some());
    assert_eq!(app.tab, Tab::Guide);
}

/// A newcomer answers every question, looks at the result, goes to another tab and presses `q`:
/// the nine answers given here would be lost, so it asks, on any tab, until they are saved.
#[test]
fn q_on_any_tab_asks_while_answers_given_here_are_unsaved() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut app = App::new(guide());
    app.out_dir = dir.path().to_owned();
    keys(&mut app, "31111.113");
    assert!(matches!(app.screen, Screen::Result { .. }));
    // The result, the Compare tab, and a comparison cell open over it (Search and Cost take
    // `q` as text).
    for then in [KeyCode::Tab, KeyCode::Enter, KeyCode::Esc] {
        assert!(
            press(&mut app, KeyCode::Char('q')).is_none(),
            "{:?} {:?}: the answers are not dropped silently",
            app.tab,
            app.overlays()
        );
        let question = &app.confirm().expect("asks").question;
        assert!(question.contains("lose these answers"), "{question}");
        press(&mut app, KeyCode::Char('n'));
        assert!(app.confirm().is_none());
        press(&mut app, then);
    }
    assert!(app.overlays().is_empty());
    press(&mut app, KeyCode::BackTab);
    assert_eq!(app.tab, Tab::Guide);
    save_then_quit(&mut app);
}

/// Saves the answers (`s`, Enter); then nothing is lost, and `q` quits at once.
#[track_caller]
fn save_then_quit(app: &mut App) {
    press(app, KeyCode::Char('s'));
    press(app, KeyCode::Enter);
    assert!(app.status.as_deref().unwrap_or("").starts_with("Wrote"));
    assert!(
        press(app, KeyCode::Char('q')).is_some(),
        "saved: quits at once"
    );
}

#[test]
fn q_after_a_what_if_asks_until_the_answers_are_saved() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut app = App::new(guide()).with_answers(answers(THUMBNAILS));
    app.out_dir = dir.path().to_owned();
    assert!(
        press(&mut app, KeyCode::Char('q')).is_some(),
        "the result as reached: nothing to lose"
    );

    let mut app = App::new(guide()).with_answers(answers(THUMBNAILS));
    app.out_dir = dir.path().to_owned();
    press(&mut app, KeyCode::Char('2')); // runtime
    press(&mut app, KeyCode::Char('3')); // hours: a what-if
    assert!(
        press(&mut app, KeyCode::Char('q')).is_none(),
        "changed answers are not dropped silently"
    );
    let question = &app.confirm().expect("asks").question;
    assert!(question.contains("changed answers"), "{question}");
    press(&mut app, KeyCode::Char('n'));
    save_then_quit(&mut app);
}

#[test]
fn a_read_only_folder_is_a_message_naming_the_reason() {
    let dir = tempfile::tempdir().expect("tempdir");
    let locked = dir.path().join("locked");
    std::fs::create_dir(&locked).expect("mkdir");
    let mut perms = std::fs::metadata(&locked).expect("meta").permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&locked, perms).expect("chmod");
    // root writes anywhere: then there is nothing to refuse, and the test has no subject.
    if std::fs::write(locked.join("probe"), "x").is_ok() {
        eprintln!("skipped: this user can write to a read-only folder (root)");
        return;
    }
    let error = save_fails(KeyCode::Char('s'), locked);
    assert!(error.contains("permission denied"), "{error}");
}

#[test]
fn a_long_error_wraps_in_the_field_instead_of_losing_its_end() {
    use ratatui::{Terminal, backend::TestBackend};
    let dir = tempfile::tempdir().expect("tempdir");
    let mut app = App::new(guide()).with_answers(answers(THUMBNAILS));
    app.out_dir = dir
        .path()
        .join("a-folder-with-a-rather-long-name-that-is-not-there/and-deeper-still");
    press(&mut app, KeyCode::Char('e'));
    press(&mut app, KeyCode::Enter);
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("terminal");
    let theme = computepick::ui::theme::Theme::PLAIN;
    terminal
        .draw(|f| computepick::ui::draw(&mut app, theme, f))
        .expect("draw");
    let screen: String = terminal
        .backend()
        .buffer()
        .content()
        .chunks(100)
        .map(|row| row.iter().map(|c| c.symbol()).collect::<String>() + "\n")
        .collect();
    // The popup's lines, joined as one text: the reason is wrapped, never cut.
    let popup: Vec<&str> = screen
        .lines()
        .filter_map(|l| Some(l[l.find('│')? + '│'.len_utf8()..l.rfind('│')?].trim()))
        .collect();
    let popup = popup.join(" ");
    assert!(
        popup.contains("its folder does not exist. Your answers are kept."),
        "{screen}"
    );
}

#[test]
fn recommend_saves_and_reads_answer_files_with_flags_overriding() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("answers.ron");
    let mut cmd = computepick();
    cmd.arg("recommend").arg("--save-answers").arg(&file);
    cmd.args(answer_args(THUMBNAILS));
    success(&mut cmd);
    let out = computepick()
        .args(["recommend", "--format", "json", "--answers"])
        .arg(&file)
        .output()
        .expect("runs");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["recommendation"], "lambda");
    let out = computepick()
        .args([
            "recommend",
            "--format",
            "json",
            "-a",
            "runtime=hours",
            "-a",
            "packaging=container",
            "--answers",
        ])
        .arg(&file)
        .output()
        .expect("runs");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_ne!(v["recommendation"], "lambda", "--answer overrides the file");
    // Saving again over the same file is refused without --force.
    let out = computepick()
        .args(["recommend", "--answers"])
        .arg(&file)
        .arg("--save-answers")
        .arg(&file)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("already exists; add --force"));
}

#[test]
fn a_bad_answers_file_names_the_line_and_the_valid_names() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("answers.ron");
    std::fs::write(&file, "Answers(answers: {\n  \"workload\": \"evnt\",\n})\n").expect("write");
    let out = computepick()
        .args(["recommend", "--answers"])
        .arg(&file)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(
            "answers.ron:2:15: unknown answer \"evnt\" for workload; did you mean \"event\"?"
        ),
        "{err}"
    );
    assert!(
        err.contains("web-app, api, event, batch, microservices"),
        "{err}"
    );
}

#[test]
fn output_files_are_never_overwritten_without_force() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("decision.md");
    let run = |force: bool| {
        let mut cmd = computepick();
        cmd.args(["recommend", "--format", "adr", "--output"])
            .arg(&file);
        if force {
            cmd.arg("--force");
        }
        cmd.args(answer_args(NIGHTLY_ETL));
        cmd.output().expect("runs")
    };
    assert!(run(false).status.success());
    assert!(
        std::fs::read_to_string(&file)
            .expect("written")
            .starts_with("# Run batch jobs on AWS Batch")
    );
    std::fs::write(&file, "mine").expect("write");
    let out = run(false);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(std::fs::read_to_string(&file).expect("kept"), "mine");
    assert!(run(true).status.success());
    assert_ne!(std::fs::read_to_string(&file).expect("replaced"), "mine");
    let out = computepick()
        .args(["recommend", "--answers", "/nonexistent/a.ron"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
}

/// Batch wins for a nightly job even as plain code, but it must become a container image: the
/// record says so, where the consequences are, instead of keeping only the good news.
const BATCH_AS_PLAIN_CODE: &[&str] = &[
    "workload=batch",
    "runtime=hours",
    "state=external",
    "packaging=code",
    "control=none",
    "scaling=scale-to-zero",
    "budget=pay-per-use",
    "process=per-request",
    "needs=none",
];

/// The text of a `## Heading` or `### Heading` section, up to the next heading of any level.
fn section<'a>(adr: &'a str, heading: &str) -> &'a str {
    let start = adr
        .find(&format!("\n{heading}\n"))
        .unwrap_or_else(|| panic!("no {heading} in:\n{adr}"));
    let body = &adr[start + heading.len() + 2..];
    let end = body.find("\n#").unwrap_or(body.len());
    &body[..end]
}

#[test]
fn the_chosen_services_downsides_are_its_consequences() {
    let adr = record(BATCH_AS_PLAIN_CODE);
    assert!(adr.starts_with("# Run batch jobs on AWS Batch\n"), "{adr}");
    let consequences = section(&adr, "### Consequences");
    assert!(
        consequences
            .contains("- Bad, because packaging = code: Batch jobs must be container images (-2)"),
        "{consequences}"
    );
    assert!(
        consequences.contains(
            "- Good, because workload = batch: AWS Batch queues, schedules and runs jobs that end, retrying failed ones (+4)"
        ),
        "{consequences}"
    );
    // The outcome names it too, not only the reasons for.
    let outcome = section(&adr, "## Decision Outcome");
    assert!(
        outcome.contains("Against it (see Consequences): Batch jobs must be container images."),
        "{outcome}"
    );
    // Runners-up read the same way, each with what would make it win.
    assert!(
        adr.contains("### AWS Fargate (#2, 2 points behind)"),
        "{adr}"
    );
    assert!(adr.contains("It would win if "), "{adr}");
    assert!(!adr.contains("1 points"), "{adr}");
    insta::assert_snapshot!("adr-batch-plain-code", adr);
}

#[test]
fn a_tie_is_settled_by_a_stated_criterion_and_said_plainly() {
    let adr = record(API_TIE);
    let outcome = section(&adr, "## Decision Outcome");
    assert!(
        outcome.contains(
            "**This is a tie.** Tied on score with Amazon ECS on EC2: AWS Fargate comes first \
             because it leaves less to operate (operating burden 2 against 6"
        ),
        "{outcome}"
    );
    assert!(
        adr.contains("### Amazon ECS on EC2 (#2, same score: a tie)"),
        "{adr}"
    );
    // No tie, no note.
    for pairs in [THUMBNAILS, NIGHTLY_ETL, BATCH_AS_PLAIN_CODE] {
        let adr = record(pairs);
        assert!(
            !adr.contains("This is a tie") && !adr.contains("a tie)"),
            "{pairs:?}"
        );
    }
}

#[test]
fn a_record_with_a_cost_names_where_its_prices_come_from() {
    let adr = stdout(
        computepick()
            .args(["recommend", "--format", "adr", "-o", "-"])
            .args(answer_args(NIGHTLY_ETL))
            .args(["--requests", "10K", "--duration", "2h", "--memory", "4GB"]),
    );
    let sources = section(&adr, "## Sources");
    for line in [
        "- Prices of AWS Batch: <https://aws.amazon.com/batch/pricing/> (as of 2026-11-23)",
        "- Prices of AWS Fargate: <https://aws.amazon.com/fargate/pricing/> (as of 2026-11-23)",
        // EC2 instances price Batch's compute too: their page is named.
        "- Prices of Amazon ECS on EC2: <https://aws.amazon.com/ec2/pricing/on-demand/> (as of 2026-11-23)",
    ] {
        assert!(sources.contains(line), "{line}\nnot in\n{sources}");
    }
    // Without a cost estimate there are no prices to source.
    assert!(!record(NIGHTLY_ETL).contains("- Prices of "));
}
