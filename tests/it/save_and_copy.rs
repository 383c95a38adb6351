//! Save and export through the path field (`s`, `e`), and copying the recommendation (`y`):
//! the app's state and the effects it asks for, and the field drawn at two sizes.

use std::path::{Path, PathBuf};

use crate::support::{THUMBNAILS, answers, guide, keys, press, render, small_app, type_path};
use computepick::app::{App, Effect, FileWrite, MAX_PATH_CHARS, Screen};
use computepick::keys::Context;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

const TODAY: &str = "2026-12-02";

/// The thumbnails result, dated [`TODAY`], writing to `dir`.
fn result_in(dir: &Path) -> App {
    let mut app = App::new(guide()).with_answers(answers(THUMBNAILS));
    app.today = TODAY.into();
    app.out_dir = dir.to_owned();
    app
}

/// A key press's effects, not performed.
fn effects(app: &mut App, code: KeyCode) -> Vec<Effect> {
    app.handle_key(&KeyEvent::new(code, KeyModifiers::NONE))
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("ls")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// The thumbnails result in a fresh folder, `key` (`s` or `e`) pressed to open the path field.
fn field_open(key: char) -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut app = result_in(dir.path());
    press(&mut app, KeyCode::Char(key));
    (dir, app)
}

/// The small guide's result, dated [`TODAY`] and writing to `out_dir` (if given), `key`
/// pressed to open the path field.
fn small_field_open(out_dir: Option<&str>, key: char) -> App {
    let mut app = small_app();
    app.today = TODAY.into();
    if let Some(dir) = out_dir {
        app.out_dir = PathBuf::from(dir);
    }
    keys(&mut app, "12");
    press(&mut app, KeyCode::Char(key));
    app
}

fn answers_file(dir: &Path) -> PathBuf {
    dir.join(format!("computepick-answers-{TODAY}.ron"))
}

#[test]
fn s_opens_the_field_with_the_default_path_and_writes_nothing_yet() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut app = result_in(dir.path());
    let asked = effects(&mut app, KeyCode::Char('s'));
    let default = answers_file(dir.path());
    assert_eq!(asked, vec![Effect::ProposeName(default.clone())]);
    let field = app.save_as().expect("the field is open");
    assert_eq!(field.text, default.display().to_string());
    assert_eq!(
        field.cursor,
        field.text.chars().count(),
        "cursor at the end"
    );
    assert_eq!(app.context(), Context::SaveAs);
    assert!(files_in(dir.path()).is_empty());
}

#[test]
fn enter_in_the_field_asks_for_the_write() {
    let (dir, mut app) = field_open('s');
    let asked = effects(&mut app, KeyCode::Enter);
    let [Effect::Write(write)] = asked.as_slice() else {
        panic!("one write: {asked:?}")
    };
    assert_eq!(write.path, answers_file(dir.path()));
    assert!(!write.overwrite, "never replaces without asking");
    assert_eq!(write.what, "answers");
    let loaded = computepick::answers_file::parse(&app.guide, &write.contents, "x.ron");
    assert!(loaded.is_ok(), "the contents are the answers file");
    // Performed as the loop would: the file is there and the field is closed.
    computepick::tui::perform(&mut app, asked);
    assert!(answers_file(dir.path()).is_file());
    assert!(app.save_as().is_none());
    assert!(matches!(app.screen, Screen::Result { .. }));
}

#[test]
fn esc_in_the_field_cancels_and_writes_nothing() {
    let (dir, mut app) = field_open('e');
    assert_eq!(press(&mut app, KeyCode::Esc), None);
    assert!(app.save_as().is_none());
    assert!(
        matches!(app.screen, Screen::Result { .. }),
        "still on the result"
    );
    let status = app.status.clone().unwrap_or_default();
    assert!(status.contains("nothing was written"), "{status}");
    assert!(files_in(dir.path()).is_empty());
}

#[test]
fn a_typed_path_is_used_relative_to_the_start_folder_or_home() {
    let dir = tempfile::tempdir().expect("tempdir");
    let home = tempfile::tempdir().expect("home");
    let mut app = result_in(dir.path());
    app.home = Some(home.path().to_owned());
    press(&mut app, KeyCode::Char('s'));
    type_path(&mut app, "mine.ron");
    press(&mut app, KeyCode::Enter);
    assert_eq!(files_in(dir.path()), ["mine.ron"]);
    press(&mut app, KeyCode::Char('e'));
    type_path(&mut app, "~/adr.md");
    press(&mut app, KeyCode::Enter);
    assert_eq!(files_in(home.path()), ["adr.md"]);
    let record = std::fs::read_to_string(home.path().join("adr.md")).expect("read");
    assert!(
        record.starts_with("# Run event processing on AWS Lambda"),
        "{record}"
    );
}

#[test]
fn editing_keys_move_the_cursor_and_change_the_text() {
    let (_dir, mut app) = field_open('s');
    type_path(&mut app, "ac");
    press(&mut app, KeyCode::Left);
    keys(&mut app, "b");
    assert_eq!(app.save_as().expect("open").text, "abc");
    press(&mut app, KeyCode::Home);
    keys(&mut app, "q");
    press(&mut app, KeyCode::End);
    press(&mut app, KeyCode::Backspace);
    let field = app.save_as().expect("typing q did not quit");
    assert_eq!(field.text, "qab");
    assert_eq!(field.cursor, 3);
}

#[test]
fn a_taken_default_name_proposes_the_next_free_one() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut app = result_in(dir.path());
    std::fs::write(answers_file(dir.path()), "earlier").expect("write");
    std::fs::write(
        dir.path()
            .join(format!("computepick-answers-{TODAY}-2.ron")),
        "x",
    )
    .expect("write");
    press(&mut app, KeyCode::Char('s'));
    let field = app.save_as().expect("open");
    assert!(
        field
            .text
            .ends_with(&format!("computepick-answers-{TODAY}-3.ron")),
        "{}",
        field.text
    );
    press(&mut app, KeyCode::Enter);
    assert!(
        app.confirm().is_none(),
        "no replace question for a free name"
    );
    assert_eq!(
        std::fs::read_to_string(answers_file(dir.path())).expect("read"),
        "earlier"
    );
    assert_eq!(files_in(dir.path()).len(), 3);
    // The decision record the same way.
    std::fs::write(
        dir.path().join(computepick::adr::default_file_name(TODAY)),
        "x",
    )
    .expect("write");
    press(&mut app, KeyCode::Char('e'));
    let text = &app.save_as().expect("open").text;
    assert!(
        text.ends_with(&format!("computepick-decision-{TODAY}-2.md")),
        "{text}"
    );
}

#[test]
fn a_free_name_found_late_never_replaces_what_the_user_typed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut app = result_in(dir.path());
    effects(&mut app, KeyCode::Char('s'));
    keys(&mut app, "x");
    app.proposed(&dir.path().join("other.ron"));
    assert!(app.save_as().expect("open").text.ends_with(".ronx"));
}

#[test]
fn a_failed_write_reopens_the_field_with_the_reason_and_another_path_works() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut app = result_in(&dir.path().join("not-there"));
    press(&mut app, KeyCode::Char('s'));
    let typed = app.save_as().expect("open").text.clone();
    press(&mut app, KeyCode::Enter);
    let field = app.save_as().expect("the field is back");
    assert_eq!(field.text, typed, "with the path typed");
    let error = field.error.clone().expect("and the reason");
    assert!(error.contains("its folder does not exist"), "{error}");
    assert_eq!(app.answers, answers(THUMBNAILS), "the answers are kept");
    // A folder is not a file name either.
    type_path(&mut app, &dir.path().display().to_string());
    press(&mut app, KeyCode::Enter);
    let error = app.save_as().expect("still open").error.clone();
    assert!(error.unwrap_or_default().contains("is a folder"));
    let good = dir.path().join("here.ron");
    type_path(&mut app, &good.display().to_string());
    press(&mut app, KeyCode::Enter);
    assert!(good.is_file());
    assert!(app.save_as().is_none());
}

#[test]
fn an_empty_path_is_refused_in_the_field() {
    let (_dir, mut app) = field_open('s');
    type_path(&mut app, "   ");
    assert!(effects(&mut app, KeyCode::Enter).is_empty());
    let field = app.save_as().expect("open");
    assert!(
        field
            .error
            .as_deref()
            .unwrap_or("")
            .contains("Type a file name")
    );
}

#[test]
fn a_paste_goes_into_the_field_without_control_characters_and_is_capped() {
    let (_dir, mut app) = field_open('s');
    type_path(&mut app, "");
    app.handle_paste("a\x1b[31mb\nc\u{202e}.ron\r\n");
    assert_eq!(app.save_as().expect("open").text, "a[31mbc.ron");
    app.handle_paste(&"x".repeat(MAX_PATH_CHARS * 2));
    assert_eq!(
        app.save_as().expect("open").text.chars().count(),
        MAX_PATH_CHARS
    );
    keys(&mut app, "y");
    assert_eq!(
        app.save_as().expect("open").text.chars().count(),
        MAX_PATH_CHARS,
        "typing past the cap is ignored"
    );
}

#[test]
fn y_copies_the_recommendation_as_markdown() {
    let mut app = App::new(guide()).with_answers(answers(THUMBNAILS));
    let asked = effects(&mut app, KeyCode::Char('y'));
    let Screen::Result { outcome, .. } = &app.screen else {
        panic!("result")
    };
    let expected = computepick::markdown::render(
        &app.guide,
        &outcome.walk,
        &outcome.recommendation,
        None,
        &[],
    );
    assert!(
        expected.starts_with("# Recommendation: AWS Lambda"),
        "{expected}"
    );
    assert_eq!(asked, vec![Effect::Copy(expected.clone())]);
    let status = app.status.clone().unwrap_or_default();
    let lines = format!("({} lines)", expected.lines().count());
    assert!(status.contains(&lines), "{status}");
    assert!(status.contains("OSC 52"), "{status}");
    // Nothing else changed: no file, no overlay.
    assert!(app.top_overlay().is_none());
}

#[test]
fn y_copies_what_recommend_format_markdown_prints() {
    let mut args = vec!["recommend".to_owned(), "--format".into(), "markdown".into()];
    args.extend(crate::support::answer_args(THUMBNAILS));
    let printed = crate::support::stdout(crate::support::computepick().args(&args));
    let mut app = App::new(guide()).with_answers(answers(THUMBNAILS));
    let asked = effects(&mut app, KeyCode::Char('y'));
    assert_eq!(asked, vec![Effect::Copy(printed)]);
}

#[test]
fn the_write_effect_carries_what_enter_accepted() {
    // A FileWrite is what the loop writes: the field's contents and the typed path.
    let (dir, mut app) = field_open('s');
    type_path(&mut app, "sub name.ron");
    let asked = effects(&mut app, KeyCode::Enter);
    assert!(matches!(
        asked.as_slice(),
        [Effect::Write(FileWrite { path, .. })] if *path == dir.path().join("sub name.ron")
    ));
}

fn field_over_the_result(width: u16, height: u16) -> String {
    render(&mut small_field_open(None, 's'), width, height)
}

#[test]
fn path_field_60x18() {
    insta::assert_snapshot!(field_over_the_result(60, 18));
}

#[test]
fn path_field_80x24() {
    insta::assert_snapshot!(field_over_the_result(80, 24));
}

#[test]
fn path_field_with_an_error_and_a_long_path_60x18() {
    let mut app = small_field_open(
        Some("/no/such/folder/with/a/long/enough/name/to/scroll/sideways"),
        'e',
    );
    press(&mut app, KeyCode::Enter);
    insta::assert_snapshot!(render(&mut app, 60, 18));
}

#[test]
fn a_long_path_scrolls_to_keep_the_cursor_in_view() {
    let mut app = small_field_open(
        Some("/a/folder/with/a/name/long/enough/to/need/scrolling/sideways"),
        's',
    );
    let field_row = |screen: &str| {
        screen
            .lines()
            .find(|l| l.contains("› "))
            .expect("the field is drawn")
            .to_owned()
    };
    let end = field_row(&render(&mut app, 60, 18));
    assert!(end.contains("› …"), "the start is cut: {end}");
    assert!(end.contains("computepick-answers-2026-12-02.ron"), "{end}");
    press(&mut app, KeyCode::Home);
    let start = field_row(&render(&mut app, 60, 18));
    assert!(start.contains("› /a/folder/with"), "{start}");
    assert!(!start.contains('…'), "{start}");
}
