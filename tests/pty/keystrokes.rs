//! End-to-end tests: the real binary in a pseudo-terminal, driven by keystrokes and signals,
//! checked by what a person would see on the screen and by the state the terminal is left in.

use crate::support::{self as pty, FIRST_PROMPT, Options, Pty, TIMEOUT, keys};

/// The highlighted-option marker for option `n`, as the question screen draws it.
fn cursor_on(n: usize) -> String {
    format!("› {n}  ")
}

/// Sends `keys`, then waits for the header to say we are on question `next_question` of 9
/// and for every one of `expect` to show; returns the screen's text.
#[track_caller]
fn answer(app: &Pty, keys: &str, next_question: usize, expect: &[&str]) -> String {
    app.send(keys);
    let header = format!("Question {next_question} of 9");
    let mut all = vec![header.as_str()];
    all.extend_from_slice(expect);
    app.wait_for_all(&all, TIMEOUT)
}

/// Starts the app at 80x24 and waits for the first question.
#[track_caller]
pub(crate) fn start() -> Pty {
    let app = Pty::spawn(&[]);
    app.wait_for_all(&["Question 1 of 9", FIRST_PROMPT, &cursor_on(1)], TIMEOUT);
    // The cursor is hidden after the first frame is written, so wait for it, not assert at once.
    app.wait_until(
        "while running, the app should own the alternate screen with the cursor hidden",
        TIMEOUT,
        |s| s.alternate_screen() && s.hide_cursor(),
    );
    assert_ne!(
        app.line_mode(),
        Some(true),
        "while running, the terminal is in raw mode"
    );
    app
}

#[test]
fn walk_to_a_recommendation_and_quit() {
    let mut app = start();

    // workload: pick option 1 by number, then go back and change it.
    answer(&app, "1", 2, &["workload: A web application"]);
    app.send(keys::BACKSPACE);
    // Going back keeps the answer and puts the cursor on it.
    app.wait_for_all(
        &[
            "Question 1 of 9",
            FIRST_PROMPT,
            "› 1  A web application  (your answer)",
        ],
        TIMEOUT,
    );
    // ...and take "Event processing" (option 3) with j, j, Enter.
    app.send("j");
    app.wait_for(&cursor_on(2), TIMEOUT);
    app.send("j");
    app.wait_for(&format!("{}Event processing", cursor_on(3)), TIMEOUT);
    let screen = answer(
        &app,
        keys::ENTER,
        2,
        &[
            "workload: Event processing",
            "How long does ONE request, event or job take?",
        ],
    );
    assert!(
        !screen.contains("A web application"),
        "the old answer is gone: {screen}"
    );

    // runtime = seconds (option 1), by number; then process = per-request.
    answer(
        &app,
        "1",
        3,
        &["How does the code take its requests or events?"],
    );
    let stateless = format!("{}Nowhere: it is stateless", cursor_on(1));
    answer(&app, "1", 4, &["Where does the state live?", &stateless]);
    // state = stateless: Enter on the highlighted first option.
    answer(&app, keys::ENTER, 5, &["How is it packaged?"]);
    // packaging = code (option 1) leads to the checklist of hard needs.
    answer(
        &app,
        "1",
        6,
        &["Does it need any of these?", "[ ] GPUs", "Space tick"],
    );
    // Space ticks the highlighted option, a number ticks its option; again unticks.
    app.send(" ");
    app.wait_for("[x] GPUs", TIMEOUT);
    app.send("3");
    app.wait_for("[x] Windows Server", TIMEOUT);
    app.send(" ");
    app.send("3");
    app.wait_for_all(&["[ ] GPUs", "[ ] Windows Server"], TIMEOUT);
    // Enter goes on with nothing ticked: none.
    answer(
        &app,
        keys::ENTER,
        7,
        &["How much of the servers", "needs: None of these"],
    );
    // control = none: down, back up, Enter.
    app.send("j");
    app.wait_for(&cursor_on(2), TIMEOUT);
    app.send("k");
    app.wait_for(&format!("{}None", cursor_on(1)), TIMEOUT);
    answer(&app, keys::ENTER, 8, &["How does the load behave?"]);
    // scaling = scale-to-zero (option 1).
    answer(&app, "1", 9, &["How do you want to pay?"]);
    // budget = pay-per-use (option 2) ends the walk. The answers, numbered, are at the bottom.
    app.send("2");
    app.wait_for_all(
        &[
            "Recommendation", // the header says where we are
            "Recommended: AWS Lambda",
            "Your answers",
            // Each answer in its option's words (shortened at a word, marked), never ids:
            // `workload:event` read as code, `workload:batch` like AWS Batch.
            "1 Event processing",
            "2 Seconds or less",
            "3 A function per request…",
            "4 Nowhere: it is stateless",
            "5 Plain code",
            "6 None of these",
            "7 None: no servers to see",
            "8 Spiky, often idle…",
            "9 Pay only for what I use",
        ],
        TIMEOUT,
    );
    let screen = app.screen().contents();
    assert!(!screen.contains("workload:"), "no ids:\n{screen}");

    // Nine answers given here and not saved: q asks before losing them.
    app.send("q");
    app.wait_for(
        "Quit and lose these answers? (n, then s saves them)",
        TIMEOUT,
    );
    app.send("y");
    let status = app.wait_exit(TIMEOUT);
    assert_eq!(status.exit_code(), 0, "{status:?}");
    assert!(status.success(), "{status:?}");
    app.assert_restored();
}

#[test]
fn ctrl_c_quits_and_restores() {
    let mut app = start();
    app.send(keys::CTRL_C);
    let status = app.wait_exit(TIMEOUT);
    assert_eq!(
        status.signal(),
        None,
        "exited by itself, not killed: {status:?}"
    );
    assert_eq!(status.exit_code(), 130, "{status:?}");
    app.assert_restored();
}

/// Sends `signal` (a name for `kill -NAME`) to the running app and checks it catches it: exits
/// by itself with 128 + the signal's number, terminal restored, and says which signal it was.
#[track_caller]
fn signal_restores_the_terminal(signal: &str, code: u32) {
    let mut app = start();
    app.signal(signal);
    let status = app.wait_exit(TIMEOUT);
    // A process killed by the signal would report the signal, not a code.
    assert_eq!(
        status.signal(),
        None,
        "the app should catch SIG{signal}: {status:?}"
    );
    assert_eq!(status.exit_code(), code, "128 + SIG{signal}: {status:?}");
    app.assert_restored();
    let output = String::from_utf8_lossy(&app.output()).into_owned();
    let message = format!("computepick: stopped by SIG{signal}; the terminal was restored");
    assert!(
        output.contains(&message),
        "the app says why it stopped: {output:?}"
    );
    // The message comes after the alternate screen is left, so it stays on the normal screen.
    let left = output
        .find("\x1b[?1049l")
        .expect("left the alternate screen");
    assert!(
        output.rfind(&message) > Some(left),
        "message before the terminal was restored: {output:?}"
    );
}

#[test]
fn sigterm_restores_the_terminal() {
    signal_restores_the_terminal("TERM", 143);
}

#[test]
fn sigint_from_kill_restores_the_terminal() {
    signal_restores_the_terminal("INT", 130);
}

#[test]
fn sighup_from_kill_restores_the_terminal() {
    signal_restores_the_terminal("HUP", 129);
}

#[test]
fn a_panic_restores_the_terminal() {
    // The test hook in src/tui.rs: panic right after the first frame is drawn.
    let mut app = Options::default()
        .env("COMPUTEPICK_PANIC_AFTER_FIRST_FRAME", "1")
        .spawn();
    let status = app.wait_exit(TIMEOUT);
    let output = String::from_utf8_lossy(&app.output()).into_owned();
    assert_eq!(
        status.signal(),
        None,
        "a panic unwinds and exits; it does not abort: {status:?}"
    );
    assert_ne!(status.exit_code(), 0, "{status:?}");
    assert!(
        app.output_contains(b"\x1b[?1049h"),
        "the app took the screen before panicking: {output:?}"
    );
    app.assert_restored();
    let message = "the terminal was restored";
    assert!(
        output.contains("panicked") && output.contains(message),
        "the panic is reported: {output:?}"
    );
    let left = output
        .find("\x1b[?1049l")
        .expect("left the alternate screen");
    assert!(
        output.find("panicked") > Some(left),
        "the panic message is printed after the terminal is given back: {output:?}"
    );
}

#[test]
fn too_small_terminal_says_so() {
    let mut app = Options::default().size(40, 10).spawn();
    // The message names the size it is and the size it needs, and how to leave.
    let screen = app.wait_for_all(
        &["Terminal too small", "40×10", "60×18", "q quits"],
        TIMEOUT,
    );
    assert!(
        !screen.contains(FIRST_PROMPT),
        "no cramped question: {screen}"
    );
    app.send("q");
    let status = app.wait_exit(TIMEOUT);
    assert_eq!(status.exit_code(), 0, "{status:?}");
    assert!(status.success(), "{status:?}");
    app.assert_restored();
}

#[test]
fn resizing_below_the_minimum_and_back() {
    let mut app = start();
    // Move the cursor first: its visible effect proves the event loop is polling. Before its
    // first poll, crossterm has not installed its SIGWINCH handler yet, so a resize right after
    // the first frame can go unnoticed until the next key (an app start-up race, not tested here).
    app.send("j");
    app.wait_for(&cursor_on(2), TIMEOUT);

    app.resize(40, 10);
    let screen = app.wait_for_all(&["Terminal too small", "40×10"], TIMEOUT);
    assert!(!screen.contains(FIRST_PROMPT), "{screen}");

    app.resize(80, 24);
    let screen = app.wait_for_all(&["Question 1 of 9", FIRST_PROMPT, &cursor_on(2)], TIMEOUT);
    assert!(!screen.contains("Terminal too small"), "{screen}");
    app.quit_cleanly();
}

#[test]
fn help_overlay_lists_keys() {
    let mut app = start();
    app.send("?");
    app.wait_for_all(
        &[
            "Keys · Esc or ? to close",
            "Choose the highlighted option",
            "1-9",
            "Ctrl-C",
            "Quit at once",
        ],
        TIMEOUT,
    );
    // The q row says Quit; Esc has its own row (it leaves a what-if first, issue 16).
    app.wait_until(
        "a `q ... Quit` row and an Esc row in the help",
        TIMEOUT,
        |s| {
            let contents = s.contents();
            contents
                .lines()
                .any(|l| l.contains("│ q ") && l.contains("Quit"))
                && contents
                    .lines()
                    .any(|l| l.contains("│ Esc ") && l.contains("else quit"))
        },
    );

    // Esc closes the overlay (it does not quit while the overlay is open).
    app.send(keys::ESC);
    let screen = app.wait_gone("Keys ·", TIMEOUT);
    assert!(
        screen.contains(FIRST_PROMPT),
        "back on the question: {screen}"
    );
    assert!(
        app.is_running(),
        "Esc closed the help; it must not quit the app"
    );

    app.send("q");
    let status = app.wait_exit(TIMEOUT);
    assert_eq!(status.exit_code(), 0, "{status:?}");
    app.assert_restored();
}

/// The `line` and `col` of the first `PREFIX:line:col: message` in `text`.
fn position_after(text: &str, prefix: &str) -> Option<(usize, usize)> {
    text.match_indices(prefix).find_map(|(at, _)| {
        let mut parts = text[at + prefix.len()..].splitn(4, ':');
        if parts.next() != Some("") {
            return None;
        }
        let line = parts.next()?.parse().ok()?;
        let col = parts.next()?.parse().ok()?;
        let message = parts.next()?.lines().next()?.trim();
        (!message.is_empty()).then_some((line, col))
    })
}

#[test]
fn refuses_bad_data_before_taking_the_terminal() {
    const BROKEN: &str = "Guide(meta: (";
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("broken.ron");
    std::fs::write(&file, BROKEN).expect("write the broken data file");
    let path = file.to_str().expect("a UTF-8 temp path");

    let mut app = Pty::spawn(&["--data", path]);
    let status = app.wait_exit(TIMEOUT);
    let screen = app.screen().contents();
    assert_eq!(status.exit_code(), 2, "{status:?}\n{screen}");
    let (line, col) = position_after(&screen, path).unwrap_or_else(|| {
        panic!(
            "expected `{path}:LINE:COL: message` on screen\n{}",
            pty::dump(&app.screen())
        )
    });
    // The file is one line; the error is at its end (ron may point at or past the last char).
    assert_eq!(line, 1, "{screen}");
    assert!(
        (1..=BROKEN.len() + 1).contains(&col),
        "column {col}: {screen}"
    );
    assert!(
        !app.output_contains(b"\x1b[?1049h"),
        "the app entered the alternate screen before refusing the data"
    );
    app.assert_restored();
}

/// Whether any cell on the screen has a foreground or background colour.
fn any_colour(screen: &vt100::Screen) -> bool {
    let (rows, cols) = screen.size();
    (0..rows.get()).any(|r| {
        (0..cols.get()).any(|c| {
            screen.cell(r, c).is_some_and(|cell| {
                cell.fgcolor() != vt100::Color::Default || cell.bgcolor() != vt100::Color::Default
            })
        })
    })
}

#[test]
fn no_color_draws_without_colours() {
    let mut coloured = start();
    assert!(
        any_colour(&coloured.screen()),
        "by default the app uses colour (control for the NO_COLOR check)"
    );
    coloured.send("q");
    assert_eq!(coloured.wait_exit(TIMEOUT).exit_code(), 0);

    let mut plain = Options::default().no_color().spawn();
    let screen = plain.wait_until("the first question", TIMEOUT, |s| {
        s.contents().contains(FIRST_PROMPT)
    });
    assert!(
        !any_colour(&screen),
        "NO_COLOR set, yet cells are coloured\n{}",
        pty::dump(&screen)
    );
    assert!(
        screen.contents().contains(&cursor_on(1)),
        "the highlighted option still shows its marker without colour"
    );
    plain.send("q");
    assert_eq!(plain.wait_exit(TIMEOUT).exit_code(), 0);
    plain.assert_restored();
}

/// Answers the nine questions by number, from the first question to the result; `.` is Enter
/// (on the checklist: go on with nothing ticked).
#[track_caller]
pub(crate) fn walk_by_numbers(app: &Pty, numbers: &str) {
    for (i, n) in numbers.chars().enumerate() {
        let key = if n == '.' {
            keys::ENTER.to_owned()
        } else {
            n.to_string()
        };
        app.send(&key);
        if i + 1 < numbers.len() {
            app.wait_for(&format!("Question {} of 9", i + 2), TIMEOUT);
        }
    }
    app.wait_for("Recommended:", TIMEOUT);
}

#[test]
fn compare_from_the_result_and_toggle_a_service() {
    let mut app = start();
    // Microservices of seconds that stay up, external state, containers, GPUs, root on the hosts,
    // steady load, commit: three services stay in the running.
    for key in ["5", "1", "2", "2", "2"] {
        app.send(key);
    }
    app.wait_for("Does it need any of these?", TIMEOUT);
    app.send("1");
    app.wait_for("[x] GPUs", TIMEOUT);
    for key in [keys::ENTER, "3", "3", "3"] {
        app.send(key);
    }
    app.wait_for("Recommended: Amazon ECS on EC2", TIMEOUT);
    app.send("c");
    let screen = app.wait_for_all(
        &[
            " Compare ",
            "#1 · score",
            "Amazon ECS on EC2",
            "Amazon EKS",
            "≠ ",
        ],
        TIMEOUT,
    );
    assert!(screen.contains("3 services"), "{screen}");
    // Move to Lambda (the first chip) and add it: a fourth column appears.
    app.send(keys::LEFT);
    app.send(keys::LEFT);
    app.send(" ");
    let screen = app.wait_for("4 services", TIMEOUT);
    assert!(
        screen.contains("AWS Lambda"),
        "the new column is scrolled into view:\n{screen}"
    );
    assert!(
        screen.contains("ruled out"),
        "Lambda's column says it was ruled out:\n{screen}"
    );
    // Enter shows the highlighted cell in full with its source.
    app.send(keys::ENTER);
    app.wait_for_all(
        &["AWS Lambda · Model", "source: https://", "Esc to close"],
        TIMEOUT,
    );
    app.send(keys::ESC);
    app.wait_gone("Esc to close", TIMEOUT);
    // The answers were given here and not saved: q asks first.
    app.quit_losing_answers();
}

#[test]
fn what_if_on_the_result_then_export_a_decision_record() {
    let mut app = start();
    // Thumbnails on upload: event, seconds, per request, stateless, code, no needs, no servers,
    // scale to zero, pay per use.
    walk_by_numbers(&app, "31111.112");
    app.wait_for("Recommended: AWS Lambda", TIMEOUT);
    // Change answer 2 (runtime) to hours: back to the result at once, with the change spelled out.
    app.send("2");
    app.wait_for("How long does ONE request, event or job take?", TIMEOUT);
    app.send("3");
    let screen = app.wait_for_all(
        &[
            "What if",
            // Words with the number that changes them, not `runtime: seconds → hours` ids.
            "runtime: Seconds or less → Longer than 15 minutes, but it ends",
            "AWS Lambda drops out: one run lasts longer than 15 minutes",
            "(2 Longer than 15 minutes…)",
        ],
        TIMEOUT,
    );
    assert!(!screen.contains("Recommended: AWS Lambda"), "{screen}");
    // Export the record to the name proposed; the app says where it went.
    app.send("e");
    app.wait_for_all(
        &["Export the decision record to:", "~/computepick-decision-"],
        TIMEOUT,
    );
    app.send(keys::ENTER);
    let screen = app.wait_for("Wrote the decision record to ", TIMEOUT);
    let files: Vec<_> = std::fs::read_dir(app.home())
        .expect("list the working directory")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("computepick-decision-") && n.ends_with(".md"))
        .collect();
    assert_eq!(files.len(), 1, "{files:?}\n{screen}");
    let record = std::fs::read_to_string(app.home().join(&files[0])).expect("read the record");
    assert!(
        record.contains("AWS Lambda is out: one run lasts longer than 15 minutes"),
        "{record}"
    );
    // `o` goes back to the original answers.
    app.send("o");
    app.wait_for("Recommended: AWS Lambda", TIMEOUT);
    // The record holds the what-if's answers; the original ones would be lost: q asks.
    app.quit_losing_answers();
}

#[test]
fn search_with_a_typo_finds_fargate_and_opens_it() {
    let mut app = start();
    app.send("/");
    app.wait_for("Search · Enter opens", TIMEOUT);
    app.send("fargte");
    app.wait_for_all(&["/ fargte", "› service   AWS Fargate"], TIMEOUT);
    app.send(keys::ENTER);
    app.wait_for_all(
        &["Details · Esc to close", "AWS Fargate (fargate)"],
        TIMEOUT,
    );
    app.send(keys::ESC);
    app.wait_gone("Details · Esc to close", TIMEOUT);
    app.send(keys::ESC);
    app.wait_gone("Search · Enter opens", TIMEOUT);
    app.wait_for(FIRST_PROMPT, TIMEOUT);
    app.quit_cleanly();
}

/// Issue 17: 10 KB pasted into Search froze the app for minutes (the search ran again for
/// every character). With bracketed paste a paste is one edit, cut to the field's length, and
/// the next key is answered at once.
#[test]
fn a_100_kb_paste_into_search_is_one_edit_and_the_next_key_is_answered_within_a_second() {
    let mut app = start();
    assert!(
        app.screen().bracketed_paste(),
        "the app asks the terminal for bracketed paste\n{}",
        pty::dump(&app.screen())
    );
    app.send("/");
    app.wait_for("Search · Enter opens", TIMEOUT);
    let mut paste = b"\x1b[200~lambda".to_vec();
    paste.extend(std::iter::repeat_n(b'z', 100 * 1024));
    paste.extend_from_slice(b"\x1b[201~");
    app.send_bytes(&paste);
    // The query holds the paste's start, cut to the field's length (not 100 KB of it).
    app.wait_for("/ lambdazzzz", TIMEOUT);
    let sent = std::time::Instant::now();
    // Ctrl-U clears the query; then a search that finds something.
    app.send("\x15fargte");
    app.wait_for_all(
        &["/ fargte", "› service   AWS Fargate"],
        std::time::Duration::from_secs(1),
    );
    let answered = sent.elapsed();
    assert!(answered.as_secs_f64() <= 1.0, "took {answered:?}");
    app.send(keys::ESC);
    app.wait_gone("Search · Enter opens", TIMEOUT);
    app.quit_cleanly();
}

/// Issue 17: a 1 MB word in the data froze the screen (wrapping it was quadratic), with q and
/// Ctrl-C ignored. The app keeps reading keys.
#[test]
fn a_megabyte_word_on_screen_does_not_stop_the_app_reading_keys() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("word.ron");
    let small = include_str!("../fixtures/small.ron");
    let why = "Each service fits one shape of work.";
    assert!(small.contains(why));
    std::fs::write(&path, small.replacen(why, &"w".repeat(1 << 20), 1)).expect("write");
    let mut app = Options::default().arg("--data").arg(&path).spawn();
    app.wait_for_all(&[FIRST_PROMPT, "wwwwwwwwww"], TIMEOUT);
    // The word fills the screen; the keys still work: 2 answers "Jobs", which ends the walk.
    app.send("2");
    app.wait_for("Recommended: Job Service", TIMEOUT);
    // The answers were given here and not saved: q asks first.
    app.quit_losing_answers();
}

#[test]
fn a_mouse_click_answers_and_switches_tabs() {
    let mut app = start();
    // SGR mouse reports (1-based column;row): press then release.
    let click = |col: usize, row: usize| format!("\x1b[<0;{col};{row}M\x1b[<0;{col};{row}m");
    let screen = app.contents();
    let (row, line) = screen
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains("Event processing"))
        .expect("the option is on screen");
    let col = line[..line.find("Event processing").expect("found")]
        .chars()
        .count();
    app.send(&click(col + 1, row + 1));
    app.wait_for_all(&["Question 2 of 9", "workload: Event processing"], TIMEOUT);
    let screen = app.contents();
    let line = screen.lines().next().expect("the tab bar");
    let col = line[..line.find(" Compare ").expect("tab shown")]
        .chars()
        .count();
    app.send(&click(col + 1, 1));
    app.wait_for_all(&["● Lambda", "rows differ"], TIMEOUT);
    // An answer is in progress, so quitting asks first.
    app.send("q");
    app.wait_for("Quit and lose the answers given so far?", TIMEOUT);
    app.send("y");
    assert_eq!(app.wait_exit(TIMEOUT).exit_code(), 0);
    app.assert_restored();
}

#[test]
fn editing_a_cost_input_changes_the_totals() {
    let mut app = start();
    app.send("\x1b[Z"); // Shift-Tab: the Cost tab
    let before = app.wait_for_all(&["Monthly estimate", "Requests/month   10M"], TIMEOUT);
    let lambda_line = |screen: &str| {
        screen
            .lines()
            .find(|l| l.contains(" Lambda ") && l.contains('$'))
            .map(|l| l.split('│').nth(1).unwrap_or(l).trim().to_owned())
            .unwrap_or_default()
    };
    let old = lambda_line(&before);
    app.send("\x7f\x7f\x7f1B"); // 10M → 1B
    let after = app.wait_for("Requests/month   1B", TIMEOUT);
    let new = lambda_line(&after);
    assert_ne!(old, new, "the Lambda total changed:\n{after}");
    app.send(keys::ESC);
    app.wait_for(FIRST_PROMPT, TIMEOUT);
    app.quit_cleanly();
}

/// The result draws each ranked score as a bar and marks the close call: Lightsail 11 against
/// Lambda 10 (a web app of request-sized code on a fixed low budget).
#[test]
fn the_result_shows_score_bars_and_marks_the_close_call() {
    let mut app = start();
    walk_by_numbers(&app, "11121.131");
    let screen = app.wait_for_all(
        &[
            "Recommended: Amazon Lightsail",
            "★ Amazon Lightsail",
            "≈ AWS Lambda",
            "≈ close call (within 1 point)",
        ],
        TIMEOUT,
    );
    let bar = |name: &str| {
        let line = screen
            .lines()
            .find(|l| l.contains(name) && l.contains('█'))
            .unwrap_or_else(|| panic!("no bar for {name}:\n{screen}"));
        line.chars().filter(|&c| c == '█').count()
    };
    assert!(
        bar("★ Amazon Lightsail") > bar("≈ AWS Lambda") && bar("≈ AWS Lambda") > bar("AWS Fargate"),
        "bars shrink with the score:\n{screen}"
    );
    // The answers were given here and not saved: q asks first.
    app.quit_losing_answers();
}

/// Four services at 80 columns: with the cursor on EKS the table scrolls right, and a row whose
/// two visible cells agree points left to the column that differs.
#[test]
fn compare_scrolled_sideways_points_to_the_difference_off_screen() {
    let mut app = start();
    app.send(keys::TAB);
    app.wait_for_all(&["rows differ (marked ≠)", "←/→ service"], TIMEOUT);
    // Lambda and Fargate are compared; add ECS on EC2 and EKS.
    for key in [keys::RIGHT, keys::RIGHT, " ", keys::RIGHT, " "] {
        app.send(key);
    }
    let screen = app.wait_for_all(
        &[
            "4 services",
            "◀ more",
            "←≠  Process lifetime",
            "←≠ ≠→: off to that side",
        ],
        TIMEOUT,
    );
    assert!(screen.contains(" ≠  Model"), "{screen}");
    // Back to Lambda: the table scrolls back, and Lambda and Fargate differ in view.
    for _ in 0..3 {
        app.send(keys::LEFT);
    }
    app.wait_for_all(&["more ▶", " ≠  Process lifetime"], TIMEOUT);
    app.quit_cleanly();
}

/// Every frame goes out as one synchronized update (mode 2026), so a terminal that knows the
/// mode never shows half a frame; each update is ended, and the last before the app exits.
#[test]
fn every_frame_is_one_synchronized_update() {
    use crate::support::{FRAME_BEGIN as BEGIN, FRAME_END as END};
    let mut app = start();
    app.send("j");
    app.wait_for(&cursor_on(2), TIMEOUT);
    app.quit_cleanly();
    let output = app.output();
    let marks: Vec<bool> = output
        .windows(BEGIN.len())
        .filter_map(|w| (w == BEGIN).then_some(true).or((w == END).then_some(false)))
        .collect();
    let frames = marks.iter().filter(|&&begin| begin).count();
    assert!(frames >= 2, "two frames at least: {frames}");
    // Begin, end, begin, end...: never two begins in a row, never an end without its begin.
    // (The restore ends a frame once more, in case a panic cut one short.)
    assert!(
        marks.chunks(2).take(frames).all(|p| p == [true, false]),
        "{marks:?}"
    );
    assert!(marks[2 * frames..].iter().all(|&begin| !begin), "{marks:?}");
}
