//! Key → action → state, without a terminal.

use crate::support::{app_total, press, press_keys, render, small_app, top};
use computepick::app::{App, Exit, Screen};
use computepick::data;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn question_id(app: &App) -> Option<String> {
    app.current_question().map(|q| q.id.clone())
}

fn cursor(app: &App) -> usize {
    match app.screen {
        Screen::Question { cursor, .. } => cursor,
        Screen::Result { .. } => usize::MAX,
    }
}

#[test]
fn number_keys_answer_and_the_walk_ends_in_a_result() {
    let mut app = small_app();
    assert_eq!(question_id(&app).as_deref(), Some("shape"));
    press(&mut app, KeyCode::Char('1'));
    assert_eq!(question_id(&app).as_deref(), Some("length"));
    press(&mut app, KeyCode::Char('2'));
    assert_eq!(top(&app).as_deref(), Some("box"));
}

#[test]
fn arrows_wrap_and_enter_chooses() {
    let mut app = small_app();
    press(&mut app, KeyCode::Up);
    assert_eq!(
        cursor(&app),
        1,
        "up from the first option wraps to the last"
    );
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(cursor(&app), 0);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    // "Jobs" ends the walk at once.
    assert_eq!(top(&app).as_deref(), Some("job"));
}

#[test]
fn out_of_range_numbers_do_nothing() {
    let mut app = small_app();
    press(&mut app, KeyCode::Char('9'));
    assert_eq!(question_id(&app).as_deref(), Some("shape"));
}

#[test]
fn back_keeps_later_answers_where_they_still_apply() {
    let mut app = small_app();
    press_keys(&mut app, "12");
    assert!(top(&app).is_some());
    press(&mut app, KeyCode::Backspace);
    assert_eq!(question_id(&app).as_deref(), Some("length"));
    assert_eq!(cursor(&app), 1, "the remembered answer is highlighted");
    press(&mut app, KeyCode::Char('h'));
    assert_eq!(question_id(&app).as_deref(), Some("shape"));
    assert_eq!(cursor(&app), 0);
    // Same answer again: the next question still remembers "long".
    press(&mut app, KeyCode::Enter);
    assert_eq!(cursor(&app), 1);
    press(&mut app, KeyCode::Enter);
    assert_eq!(top(&app).as_deref(), Some("box"));
}

#[test]
fn a_number_on_the_result_changes_that_answer() {
    let mut app = small_app();
    press_keys(&mut app, "122");
    assert_eq!(question_id(&app).as_deref(), Some("length"));
    press(&mut app, KeyCode::Char('1'));
    assert_eq!(top(&app).as_deref(), Some("fn"));
}

#[test]
fn restart_asks_then_forgets_every_answer() {
    let mut app = small_app();
    press_keys(&mut app, "1r");
    assert!(
        app.confirm().is_some(),
        "answers are not dropped without asking"
    );
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(app.answers.len(), 1, "no keeps them");
    press_keys(&mut app, "ry");
    assert_eq!(question_id(&app).as_deref(), Some("shape"));
    assert!(app.answers.is_empty());
    // With nothing to lose, r just starts again.
    press(&mut app, KeyCode::Char('r'));
    assert!(app.confirm().is_none());
}

#[test]
fn help_opens_and_closes_and_swallows_screen_keys() {
    let mut app = small_app();
    press(&mut app, KeyCode::Char('?'));
    assert!(app.help_open());
    press(&mut app, KeyCode::Char('1'));
    assert_eq!(
        question_id(&app).as_deref(),
        Some("shape"),
        "keys under the overlay do nothing"
    );
    let exit = press(&mut app, KeyCode::Esc);
    assert!(!app.help_open());
    assert_eq!(exit, None, "Esc closed the help, it did not quit");
}

#[test]
fn q_and_esc_quit_and_ctrl_c_interrupts() {
    let mut app = small_app();
    assert_eq!(press(&mut app, KeyCode::Char('q')), Some(Exit::Quit));
    let mut app = self::small_app();
    assert_eq!(press(&mut app, KeyCode::Esc), Some(Exit::Quit));
    let mut app = self::small_app();
    let effects = app.handle_key(&KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
    assert_eq!(
        computepick::tui::perform(&mut app, effects),
        Some(Exit::Interrupted)
    );
}

#[test]
fn enter_on_the_result_opens_details_and_esc_closes_them() {
    let mut app = small_app();
    press_keys(&mut app, "12");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.detail().map(|d| d.id.as_str()), Some("box"));
    press(&mut app, KeyCode::Char('1'));
    assert!(
        app.detail().is_some(),
        "number keys do not reach the result under the details"
    );
    let exit = press(&mut app, KeyCode::Esc);
    assert!(app.detail().is_none());
    assert_eq!(exit, None);
    assert_eq!(top(&app).as_deref(), Some("box"));
}

#[test]
fn c_on_the_result_compares_the_recommendation_with_its_runners_up() {
    use computepick::app::Tab;
    let mut app = small_app();
    press_keys(&mut app, "12c");
    assert_eq!(app.tab, Tab::Compare);
    // Box is first; only it is left standing, so the first ruled-out service joins it.
    assert_eq!(app.compare.chosen, ["box", "fn"]);
    let table = app.compare.table.as_ref().expect("a table");
    assert_eq!(
        table.columns[0].standing.as_ref().map(|s| s.headline()),
        Some("#1 · score 3".into())
    );
    let exit = press(&mut app, KeyCode::Esc);
    assert_eq!(app.tab, Tab::Guide, "Esc goes back to the guide");
    assert_eq!(exit, None);
}

#[test]
fn space_toggles_services_between_two_and_four() {
    use computepick::app::Tab;
    let mut app = small_app();
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.tab, Tab::Compare);
    assert_eq!(app.compare.chosen, ["fn", "box"]);
    // Removing one of the last two is refused: a comparison keeps at least two (issue 16).
    press_keys(&mut app, "l ");
    assert_eq!(app.compare.chosen, ["fn", "box"]);
    assert!(app.compare.table.is_some());
    assert!(
        app.compare
            .message
            .as_deref()
            .is_some_and(|m| m.contains("at least 2 services"))
    );
    // Add the third, then the second can go.
    press_keys(&mut app, "l h ");
    assert_eq!(
        app.compare.chosen,
        ["fn", "job"],
        "kept in the data's order"
    );
    assert!(app.compare.table.is_some());
    press(&mut app, KeyCode::Char('d'));
    assert!(app.compare.differences_only);
}

#[test]
fn tabs_cycle_and_alt_digits_jump_everywhere() {
    use computepick::app::Tab;
    let mut app = small_app();
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.tab, Tab::Compare);
    // A plain digit is never a tab key (on the Guide it answers a question).
    press(&mut app, KeyCode::Char('1'));
    assert_eq!(app.tab, Tab::Compare);
    app.handle_key(&KeyEvent::new(KeyCode::Char('1'), KeyModifiers::ALT));
    assert_eq!(app.tab, Tab::Guide);
    press(&mut app, KeyCode::BackTab);
    assert_eq!(app.tab, Tab::Cost);
    app.handle_key(&KeyEvent::new(KeyCode::Char('2'), KeyModifiers::ALT));
    assert_eq!(app.tab, Tab::Compare);
}

#[test]
fn slash_opens_search_over_the_guide_and_esc_returns() {
    use computepick::app::Tab;
    let guide = data::parse(data::EMBEDDED, data::EMBEDDED_NAME).expect("valid");
    let mut app = App::new(guide);
    press_keys(&mut app, "1/");
    assert!(app.search_open());
    for c in "q?1 ".chars() {
        assert_eq!(press(&mut app, KeyCode::Char(c)), None);
    }
    assert_eq!(
        app.search.query, "q?1 ",
        "typed keys are text, never shortcuts"
    );
    for _ in 0..4 {
        press(&mut app, KeyCode::Backspace);
    }
    for c in "lamda".chars() {
        press(&mut app, KeyCode::Char(c));
    }
    assert_eq!(app.search.query, "lamda");
    assert_eq!(
        app.search.selected_entry().map(|e| e.id.as_str()),
        Some("lambda")
    );
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.detail().map(|d| d.id.as_str()), Some("lambda"));
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Esc);
    assert!(!app.search_open());
    assert_eq!(app.tab, Tab::Guide);
    assert_eq!(app.answers.len(), 1, "where the user was is kept");
}

#[test]
fn slash_opens_search_from_every_view_but_the_cost_form() {
    use computepick::app::Tab;
    let guide = data::parse(data::EMBEDDED, data::EMBEDDED_NAME).expect("valid");
    // On the Cost tab a `/` is part of a value (`3M/month`):
    // `cost_in_the_decision::a_slash_in_a_cost_value_is_typed_not_a_search`.
    for (digit, tab) in [('1', Tab::Guide), ('2', Tab::Compare)] {
        let mut app = App::new(guide.clone());
        app.handle_key(&KeyEvent::new(KeyCode::Char(digit), KeyModifiers::ALT));
        assert_eq!(app.tab, tab);
        press(&mut app, KeyCode::Char('/'));
        assert!(app.search_open(), "{tab:?}: / opens search");
        press(&mut app, KeyCode::Esc);
        assert!(!app.search_open());
        assert_eq!(app.tab, tab, "Esc returns to {tab:?}");
    }
    // From a detail page, search takes its place.
    let mut app = App::new(guide);
    app.open_detail("lambda");
    press(&mut app, KeyCode::Char('/'));
    assert!(app.detail().is_none());
    assert!(app.search_open());
}

#[test]
fn an_attribute_result_opens_its_row_in_compare() {
    use computepick::app::Tab;
    let guide = data::parse(data::EMBEDDED, data::EMBEDDED_NAME).expect("valid");
    let mut app = App::new(guide);
    press(&mut app, KeyCode::Char('/'));
    for c in "maximum run time".chars() {
        press(&mut app, KeyCode::Char(c));
    }
    let attribute = app
        .search
        .results
        .hits
        .iter()
        .position(|h| {
            app.search
                .index()
                .entry(h.entry)
                .is_some_and(|e| e.id == "max-runtime")
        })
        .expect("the attribute is found");
    for _ in 0..attribute {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.tab, Tab::Compare);
    let table = app.compare.table.as_ref().expect("table");
    let row = table
        .rows(app.compare.differences_only)
        .nth(app.compare.row)
        .expect("row");
    assert_eq!(row.id, "max-runtime");
}

mod mouse {
    use super::*;
    use computepick::app::Tab;

    use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};

    /// Clicks the first place `text` is drawn at 80 × 24, its effects performed.
    fn click_on(app: &mut App, text: &str) {
        let effects = crate::support::click_on(app, text, 80, 24);
        computepick::tui::perform(app, effects.unwrap_or_default());
    }

    fn wheel(app: &mut App, down: bool) {
        app.handle_mouse(&MouseEvent {
            kind: if down {
                MouseEventKind::ScrollDown
            } else {
                MouseEventKind::ScrollUp
            },
            column: 10,
            row: 10,
            modifiers: KeyModifiers::NONE,
        });
    }

    #[test]
    fn moving_the_mouse_asks_for_no_redraw_and_a_click_does() {
        let mut app = small_app();
        render(&mut app, 80, 24);
        let at = |kind| MouseEvent {
            kind,
            column: 10,
            row: 10,
            modifiers: KeyModifiers::NONE,
        };
        assert!(app.handle_mouse(&at(MouseEventKind::Moved)).is_none());
        assert!(
            app.handle_mouse(&at(MouseEventKind::Drag(MouseButton::Left)))
                .is_none()
        );
        assert!(app.handle_mouse(&at(MouseEventKind::ScrollDown)).is_some());
        assert!(
            app.handle_mouse(&at(MouseEventKind::Down(MouseButton::Left)))
                .is_some()
        );
    }

    #[test]
    fn clicking_an_option_answers_and_a_tab_switches() {
        let mut app = small_app();
        click_on(&mut app, "Jobs");
        assert_eq!(top(&app).as_deref(), Some("job"));
        click_on(&mut app, " Compare ");
        assert_eq!(app.tab, Tab::Compare);
        click_on(&mut app, " Guide ");
        assert_eq!(app.tab, Tab::Guide);
    }

    #[test]
    fn clicking_an_answer_on_the_result_changes_it() {
        let mut app = small_app();
        press_keys(&mut app, "12");
        // The panel's "2 Hours", not a reason's "(2 Hours)".
        click_on(&mut app, "2 Hours ");
        assert_eq!(question_id(&app).as_deref(), Some("length"));
    }

    #[test]
    fn clicking_chips_and_rows_on_compare() {
        let guide = data::parse(data::EMBEDDED, data::EMBEDDED_NAME).expect("valid");
        let mut app = App::new(guide);
        press(&mut app, KeyCode::Tab);
        click_on(&mut app, "○ EKS");
        assert!(
            app.compare.chosen.contains(&"eks".to_owned()),
            "{:?}",
            app.compare.chosen
        );
        click_on(&mut app, "Process lifetime");
        let row_id = |app: &App| {
            let table = app.compare.table.as_ref().expect("table");
            table.rows(false).nth(app.compare.row).map(|r| r.id.clone())
        };
        assert_eq!(row_id(&app).as_deref(), Some("process-lifetime"));
        wheel(&mut app, true);
        assert_eq!(row_id(&app).as_deref(), Some("max-runtime"));
    }

    #[test]
    fn clicking_yes_or_no_answers_a_question_on_screen() {
        let mut app = small_app();
        press_keys(&mut app, "1r");
        assert!(app.confirm().is_some());
        // Elsewhere on screen, nothing happens while the question waits.
        click_on(&mut app, "computepick");
        assert!(app.confirm().is_some());
        click_on(&mut app, "n no");
        assert!(app.confirm().is_none());
        assert_eq!(app.answers.len(), 1, "no keeps the answers");
        press(&mut app, KeyCode::Char('r'));
        click_on(&mut app, "y yes");
        assert!(app.answers.is_empty(), "yes starts again");
    }

    #[test]
    fn the_wheel_moves_the_option_cursor() {
        let mut app = small_app();
        wheel(&mut app, true);
        assert_eq!(cursor(&app), 1);
        wheel(&mut app, false);
        assert_eq!(cursor(&app), 0);
    }
}

#[test]
fn the_cost_form_reprices_on_every_key_and_keeps_the_last_good_values() {
    use computepick::app::Tab;
    let guide = data::parse(data::EMBEDDED, data::EMBEDDED_NAME).expect("valid");
    let mut app = App::new(guide);
    press(&mut app, KeyCode::BackTab);
    assert_eq!(app.tab, Tab::Cost);
    let lambda = |app: &App| app_total(app, "lambda");
    let before = lambda(&app).expect("priced");
    // Requests is the first field: 10M → 100M.
    press(&mut app, KeyCode::Backspace);
    press_keys(&mut app, "0M");
    assert_eq!(app.cost.texts[0], "100M");
    let after = lambda(&app).expect("priced");
    assert!(after > before * 5.0, "{before} → {after}");
    assert!(app.cost.sized);
    // A unit that does not parse: an error, and the last good estimate stays.
    press(&mut app, KeyCode::Char('x'));
    assert!(app.cost.error.is_some());
    assert_eq!(lambda(&app), Some(after));
    // q is text here, not quit.
    assert_eq!(press(&mut app, KeyCode::Char('q')), None);
    // Space flips an option: move to "Free tier" and turn it off.
    // Six numbers, then Jobs that end, Load balancer, Arm and Free tier.
    let free_tier = 6 + 3;
    for _ in 0..free_tier {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Backspace); // on a switch, Backspace does nothing
    press(&mut app, KeyCode::Char(' '));
    assert!(!app.cost.inputs.free_tier);
}

/// Issue 17: a paste is one edit, cut to the field's length; typed keys past it are ignored;
/// outside a text field a paste does nothing (a pasted `q` never quits).
#[test]
fn a_paste_is_one_edit_cut_to_the_fields_length() {
    use computepick::app::Tab;
    use computepick::app::{MAX_FIELD_CHARS, MAX_QUERY_CHARS};
    let guide = data::parse(data::EMBEDDED, data::EMBEDDED_NAME).expect("valid");
    let mut app = App::new(guide);
    // On a question, pasted text is not keys.
    // (A paste has no effects: it cannot quit.)
    app.handle_paste("q3\n");
    assert_eq!(question_id(&app).as_deref(), Some("workload"));

    press(&mut app, KeyCode::Char('/'));
    app.handle_paste(&format!("fargte\n{}", "z".repeat(100 * 1024)));
    assert_eq!(app.search.query.chars().count(), MAX_QUERY_CHARS);
    assert!(
        app.search.query.starts_with("fargte z"),
        "{:?}",
        app.search.query
    );
    press(&mut app, KeyCode::Char('x'));
    assert_eq!(
        app.search.query.chars().count(),
        MAX_QUERY_CHARS,
        "a key past the limit is ignored"
    );
    app.handle_key(&KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL));
    app.handle_paste("fargte");
    let top = app.search.selected_entry().expect("a hit");
    assert_eq!(top.id, "fargate");
    press(&mut app, KeyCode::Esc);

    // A Cost field: a value copied with its line end still parses; a huge paste is cut.
    press(&mut app, KeyCode::BackTab);
    assert_eq!(app.tab, Tab::Cost);
    app.handle_key(&KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL));
    app.handle_paste("20M\r\n");
    assert_eq!(app.cost.texts[0], "20M");
    assert_eq!(app.cost.inputs.requests, 20e6);
    app.handle_paste(&"9".repeat(10 * 1024));
    assert_eq!(app.cost.texts[0].chars().count(), MAX_FIELD_CHARS);
    assert!(
        app.cost.error.is_some(),
        "too many digits is an error, not a hang"
    );
}

/// Issue 16: Esc on the result goes back a question; it never quits a finished walk.
#[test]
fn esc_on_the_result_goes_back_and_never_quits() {
    let mut app = small_app();
    press_keys(&mut app, "12");
    assert_eq!(top(&app).as_deref(), Some("box"));
    assert_eq!(press(&mut app, KeyCode::Esc), None);
    assert_eq!(question_id(&app).as_deref(), Some("length"));
    assert!(app.confirm().is_none());
}

/// Issue 16: Esc during a what-if leaves it for the original answers (as `o` does), from the
/// question being changed and from the what-if's result; the question says how to leave.
#[test]
fn esc_during_a_what_if_returns_to_the_original_answers() {
    let mut app = small_app();
    press_keys(&mut app, "122"); // change "length"
    assert_eq!(question_id(&app).as_deref(), Some("length"));
    let screen = render(&mut app, 80, 24);
    assert!(
        screen.contains("What if") && screen.contains("Esc goes back to the original answers"),
        "{screen}"
    );
    assert_eq!(
        press(&mut app, KeyCode::Esc),
        None,
        "Esc never offers to quit here"
    );
    assert!(app.confirm().is_none());
    assert_eq!(top(&app).as_deref(), Some("box"));
    assert_eq!(app.status.as_deref(), Some("Back to the original answers."));

    // From the what-if's result too.
    press_keys(&mut app, "21");
    assert_eq!(top(&app).as_deref(), Some("fn"));
    assert_eq!(press(&mut app, KeyCode::Esc), None);
    assert!(app.confirm().is_none());
    assert_eq!(top(&app).as_deref(), Some("box"));
}

/// Issue 16: while the terminal is too small, keys do not reach the hidden screen; only quit
/// (and a resize) do anything.
#[test]
fn while_too_small_only_quit_works() {
    let mut app = small_app();
    press(&mut app, KeyCode::Char('1'));
    app.resize(40, 10);
    for code in [
        KeyCode::Char('j'),
        KeyCode::Enter,
        KeyCode::Char('2'),
        KeyCode::Char('?'),
        KeyCode::Char('/'),
        KeyCode::Tab,
        KeyCode::Esc,
    ] {
        assert_eq!(press(&mut app, code), None, "{code:?}");
    }
    assert_eq!(
        question_id(&app).as_deref(),
        Some("length"),
        "nothing answered unseen"
    );
    assert_eq!(cursor(&app), 0);
    assert!(app.overlays().is_empty(), "nothing opened unseen");
    // q still asks before losing answers, and the question can be answered.
    assert_eq!(press(&mut app, KeyCode::Char('q')), None);
    assert!(app.confirm().is_some());
    assert_eq!(press(&mut app, KeyCode::Char('n')), None);
    // Back to a usable size, the keys work again.
    app.resize(80, 24);
    press(&mut app, KeyCode::Char('2'));
    assert_eq!(top(&app).as_deref(), Some("box"));
    app.resize(40, 10);
    // The walk's answers would be lost: q asks, and y answers it even this small.
    assert_eq!(press(&mut app, KeyCode::Char('q')), None);
    assert_eq!(press(&mut app, KeyCode::Char('y')), Some(Exit::Quit));
}

/// On the Cost form, a field reached with ↑/↓ (or a click) is replaced by what is typed, as in
/// any form: `10M` then `5` reads `5`, not `10M5`; once editing, keys add to it.
#[test]
fn typing_over_a_newly_focused_cost_field_replaces_it() {
    let mut app = small_app();
    press(&mut app, KeyCode::BackTab);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Up);
    for c in "5k".chars() {
        press(&mut app, KeyCode::Char(c));
    }
    assert_eq!(app.cost.texts[0], "5k");
    assert_eq!(app.cost.inputs.requests, 5_000.0);
    press(&mut app, KeyCode::Backspace);
    press(&mut app, KeyCode::Char('M'));
    assert_eq!(app.cost.texts[0], "5M");
}

#[test]
fn question_mark_is_help_on_the_cost_form_and_its_footer_names_the_form_keys() {
    use computepick::app::Tab;
    let mut app = small_app();
    press(&mut app, KeyCode::BackTab);
    assert_eq!(app.tab, Tab::Cost);
    let before = app.cost.texts.clone();
    press(&mut app, KeyCode::Char('?'));
    assert!(
        app.help_open(),
        "no Cost value takes a `?`: it opens the help"
    );
    assert_eq!(app.cost.texts.clone(), before, "the `?` was not typed");
    press(&mut app, KeyCode::Esc);
    assert!(!app.help_open());
    let screen = render(&mut app, 140, 30);
    let footer = screen.lines().last().expect("a footer");
    for hint in [
        "↑↓ field",
        "Space flip",
        "Ctrl-U clear",
        "Enter next field",
        "? help",
    ] {
        assert!(footer.contains(hint), "{hint:?} in {footer:?}");
    }
}

#[test]
fn in_a_what_if_the_footer_names_esc_as_the_way_back_to_the_original_answers() {
    let guide = data::parse(data::EMBEDDED, data::EMBEDDED_NAME).expect("valid");
    let mut app = App::new(guide);
    for key in "11111".chars() {
        press(&mut app, KeyCode::Char(key));
    }
    press(&mut app, KeyCode::Enter); // the checklist: nothing ticked
    for key in "131".chars() {
        press(&mut app, KeyCode::Char(key));
    }
    assert!(matches!(app.screen, Screen::Result { .. }));
    let footer = |app: &mut App| {
        let screen = render(app, 100, 24);
        screen.lines().last().unwrap_or_default().to_owned()
    };
    assert!(!footer(&mut app).contains("Esc original answers"));
    press(&mut app, KeyCode::Char('2')); // a what-if on the run time
    assert!(
        footer(&mut app).contains("Esc original answers"),
        "the what-if's question"
    );
    press(&mut app, KeyCode::Char('3'));
    assert!(
        footer(&mut app).contains("Esc original answers"),
        "the what-if's result"
    );
    press(&mut app, KeyCode::Esc);
    assert!(!footer(&mut app).contains("Esc original answers"), "back");
}
