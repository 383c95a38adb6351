//! The app-polish issue's surprises, each driven by the keys a person would press in a real
//! terminal: Esc never throws work away, a too-small screen swallows keys, tabs have one key set,
//! Compare keeps two services, the chart reads without colour, search ranks names first.

use crate::keystrokes::{start, walk_by_numbers};
use crate::support::{FIRST_PROMPT, Options, TIMEOUT, keys};

/// A web app of request-sized code on a fixed low budget: Lightsail 11, Lambda 10.
const WEB_APP: &str = "11121.131";

#[test]
fn esc_on_the_result_goes_back_and_esc_in_a_what_if_restores_the_original_answers() {
    let mut app = start();
    walk_by_numbers(&app, WEB_APP);
    app.wait_for("Recommended: Amazon Lightsail", TIMEOUT);
    // Esc on a finished walk goes back one question; it never quits.
    app.send(keys::ESC);
    app.wait_for("Question 9 of 9", TIMEOUT);
    assert!(app.is_running(), "Esc on the result quit the app");
    app.send(keys::ENTER);
    app.wait_for("Recommended: Amazon Lightsail", TIMEOUT);
    // A what-if: 2 changes the run time; Esc leaves it for the original answers.
    app.send("2");
    app.wait_for("Question 2 of 9", TIMEOUT);
    app.send("3");
    app.wait_for_all(&["What if", "AWS Lambda drops out"], TIMEOUT);
    app.send(keys::ESC);
    let screen = app.wait_gone("What if", TIMEOUT);
    assert!(
        screen.contains("Recommended: Amazon Lightsail") && screen.contains("Seconds or less"),
        "back on the original answers:\n{screen}"
    );
    assert!(app.is_running(), "Esc in a what-if quit the app");
    app.quit_losing_answers();
}

#[test]
fn while_the_terminal_is_too_small_keys_do_nothing_to_the_hidden_screen() {
    let mut app = Options::default().size(40, 10).spawn();
    app.wait_for("Terminal too small", TIMEOUT);
    // Once, these answered a question unseen and opened a quit dialog.
    for key in ["j", keys::ENTER, "2", keys::ESC, keys::TAB] {
        app.send_and_wait_read(key);
    }
    app.resize(80, 24);
    let screen = app.wait_for_all(&["Question 1 of 9", FIRST_PROMPT], TIMEOUT);
    assert!(
        !screen.contains("workload:") && !screen.contains("Quit and lose"),
        "nothing was answered while the screen was hidden:\n{screen}"
    );
    app.quit_cleanly();
}

#[test]
fn tabs_switch_with_tab_and_alt_digits_and_plain_digits_only_answer() {
    let mut app = start();
    app.send(keys::TAB);
    app.wait_for("rows differ", TIMEOUT);
    // A digit on Compare neither switches tabs nor does anything else.
    app.send("3");
    app.send("\x1b[Z"); // Shift-Tab: back to the Guide
    app.wait_for(FIRST_PROMPT, TIMEOUT);
    app.send("\x1b4"); // Alt-4: the Cost tab
    app.wait_for("Monthly estimate", TIMEOUT);
    app.send("\x1b1"); // Alt-1: the Guide
    app.wait_for(FIRST_PROMPT, TIMEOUT);
    // On a question a digit answers it.
    app.send("2");
    app.wait_for("Question 2 of 9", TIMEOUT);
    app.quit_losing_answers();
}

#[test]
fn compare_keeps_at_least_two_services() {
    let mut app = start();
    app.send(keys::TAB);
    app.wait_for("2 services", TIMEOUT);
    // Space on a compared service removes it, but never below two.
    app.send(" ");
    let screen = app.wait_for("keeps at least 2 services", TIMEOUT);
    assert!(screen.contains("2 services"), "{screen}");
    assert!(!screen.contains("1 service"), "{screen}");
    app.quit_cleanly();
}

#[test]
fn the_cost_chart_without_colour_tells_its_lines_apart() {
    let mut app = Options::default().no_color().spawn();
    app.wait_for(FIRST_PROMPT, TIMEOUT);
    app.send("\x1b4");
    app.wait_for("Monthly estimate", TIMEOUT);
    app.send("\x07"); // Ctrl-G: the chart
    let screen = app.wait_for_all(&["L Lambda", "F Fargate", "* lines overlap"], TIMEOUT);
    assert!(
        screen.contains("$100k┤") && screen.contains("requests/month"),
        "axes with units:\n{screen}"
    );
    // On the Cost tab q is a field's text; Esc goes back to the guide, where q quits.
    app.send(keys::ESC);
    app.wait_for(FIRST_PROMPT, TIMEOUT);
    app.quit_cleanly();
}

#[test]
fn search_puts_the_named_service_first_and_finds_schedules() {
    let mut app = start();
    app.send("/");
    app.wait_for("Search · Enter opens", TIMEOUT);
    app.send("lightsale");
    // The screen settles once the last letter is handled; earlier letters rank other entries
    // first for a moment, so wait for the highlight rather than for the name anywhere.
    app.wait_until(
        "the Lightsail service highlighted first",
        TIMEOUT,
        |screen| {
            let text = screen.contents();
            text.contains("lightsale")
                && text
                    .lines()
                    .find(|l| l.contains('›') && l.contains("service"))
                    .is_some_and(|first| first.contains("Amazon Lightsail"))
        },
    );
    app.send(keys::CTRL_U);
    app.send("cron");
    app.wait_for("EventBridge Scheduler", TIMEOUT);
    app.send(keys::ESC);
    app.wait_gone("Search · Enter opens", TIMEOUT);
    app.quit_cleanly();
}
