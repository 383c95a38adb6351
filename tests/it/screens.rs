//! Snapshots of each screen drawn into ratatui's TestBackend. Most use the small fixture so data
//! edits do not churn them; one walk uses the real data.

mod cost;

use crate::support::{four_services_scrolled_right, keys, press, real_app, render, small_app};
use computepick::app::App;
use computepick::ui::{self, theme::Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::{Buffer, Cell};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// The app on the small test guide after `typed`, key by key.
fn small_after(typed: &str) -> App {
    let mut app = small_app();
    keys(&mut app, typed);
    app
}

/// The app on the built-in guide after `typed`, key by key.
fn real_after(typed: &str) -> App {
    let mut app = real_app();
    keys(&mut app, typed);
    app
}

#[test]
fn first_question_80x24() {
    insta::assert_snapshot!(render(&mut small_app(), 80, 24));
}

#[test]
fn second_question_with_breadcrumb_80x24() {
    insta::assert_snapshot!(render(&mut small_after("1j"), 80, 24));
}

#[test]
fn result_80x24() {
    insta::assert_snapshot!(render(&mut small_after("12"), 80, 24));
}

#[test]
fn help_overlay_80x24() {
    insta::assert_snapshot!(render(&mut small_after("?"), 80, 24));
}

/// The result screen has more keys than 24 rows hold: the help says so, scrolls with j/k and
/// End, and every key, quitting included, can be reached.
#[test]
fn help_taller_than_the_screen_scrolls() {
    let mut app = real_app();
    keys(&mut app, "31111.113"); // the walk to a result, as in the README's capture
    keys(&mut app, "?");
    let top = render(&mut app, 80, 24);
    assert!(
        top.contains("Keys · ↓ more: j/k · Esc or ? to close"),
        "{top}"
    );
    assert!(
        !top.contains("Close the help"),
        "the last key is below:\n{top}"
    );
    press(&mut app, KeyCode::End);
    let bottom = render(&mut app, 80, 24);
    assert!(bottom.contains("Keys · ↑ more: j/k"), "{bottom}");
    for key in ["Quit at once", "Close the help"] {
        assert!(bottom.contains(key), "{key} is reachable:\n{bottom}");
    }
    keys(&mut app, "k");
    assert!(render(&mut app, 80, 24).contains("↑↓ more"));
    // Reopening starts from the top again.
    keys(&mut app, "??");
    assert!(render(&mut app, 80, 24).contains("↓ more: j/k"));
    insta::assert_snapshot!(bottom);
}

#[test]
fn too_small_40x10() {
    insta::assert_snapshot!(render(&mut small_app(), 40, 10));
}

/// The footer offers only keys that do something: no Back on the first question, digits as far
/// as there are options (issue 16's "keys that do nothing").
#[test]
fn the_footer_shows_only_keys_that_work() {
    let mut app = real_app();
    let first = render(&mut app, 80, 24);
    let footer = first.lines().last().expect("footer line");
    assert!(!footer.contains("Backspace"), "{footer}");
    assert!(footer.contains("1-5 pick"), "five workloads: {footer}");
    keys(&mut app, "3");
    let second = render(&mut app, 80, 24);
    let footer = second.lines().last().expect("footer line");
    assert!(footer.contains("Backspace back"), "{footer}");
    assert!(footer.contains("1-3 pick"), "three runtimes: {footer}");
}

#[test]
fn real_question_80x24() {
    insta::assert_snapshot!(render(&mut real_after("3"), 80, 24));
}

/// The hard-needs checklist: ticks shown as `[x]`, the footer naming Space and Enter.
#[test]
fn the_needs_checklist_80x24() {
    let mut app = real_app();
    // Event, seconds, per request, stateless, code: then GPUs ticked by number, Windows by Space.
    keys(&mut app, "311111jj ");
    let screen = render(&mut app, 80, 24);
    assert!(screen.contains("[x] GPUs"), "{screen}");
    assert!(screen.contains("[x] Windows Server"), "{screen}");
    assert!(screen.contains("[ ] More than 16 vCPUs"), "{screen}");
    assert!(screen.contains("Space tick"), "{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn real_result_80x24() {
    let screen = render(&mut real_after("31111.113"), 80, 24);
    assert!(screen.contains("Recommended: AWS Lambda"), "{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn real_result_120x40() {
    insta::assert_snapshot!(render(&mut real_after("513221.333"), 120, 40));
}

#[test]
fn every_size_from_1x1_draws_without_panicking() {
    let mut app = real_app();
    for w in (1..=130).step_by(7) {
        for h in (1..=50).step_by(5) {
            render(&mut app, w, h);
        }
    }
    keys(&mut app, "31111.113?");
    for w in (1..=130).step_by(7) {
        for h in (1..=50).step_by(5) {
            render(&mut app, w, h);
        }
    }
}

#[test]
fn detail_of_the_recommendation_80x24() {
    let screen = render(&mut real_after("31111.113d"), 80, 24);
    assert!(screen.contains("AWS Lambda (lambda)"), "{screen}");
    insta::assert_snapshot!(screen);
}

/// The result of a microservices walk, then `c`: ECS on EC2, EKS and Beanstalk compared.
fn compare_from_result() -> App {
    real_after("513221.333c")
}

#[test]
fn compare_from_the_result_80x24() {
    let screen = render(&mut compare_from_result(), 80, 24);
    assert!(
        screen.contains("≠ "),
        "differing rows are marked:\n{screen}"
    );
    assert!(
        screen.contains("#1 · score"),
        "columns carry rank:\n{screen}"
    );
    insta::assert_snapshot!(screen);
}

#[test]
fn compare_160x48() {
    let screen = render(&mut compare_from_result(), 160, 48);
    insta::assert_snapshot!(screen);
}

#[test]
fn compare_four_services_scrolls_sideways_at_80_columns() {
    let mut app = four_services_scrolled_right();
    let screen = render(&mut app, 80, 24);
    assert!(
        screen.contains("◀ more"),
        "scroll hint when columns are hidden:\n{screen}"
    );
    assert!(
        screen.contains("Amazon EKS"),
        "the cursor's column is in view:\n{screen}"
    );
    assert!(
        !screen.contains("AWS Lambda "),
        "the first column scrolled away:\n{screen}"
    );
    insta::assert_snapshot!(screen);
    // Back to the first service: the table scrolls back.
    for _ in 0..3 {
        press(&mut app, KeyCode::Left);
    }
    let screen = render(&mut app, 80, 24);
    assert!(screen.contains("AWS Lambda"), "{screen}");
    assert!(screen.contains("more ▶"), "{screen}");
}

#[test]
fn compare_cell_in_full_with_its_source() {
    let mut app = compare_from_result();
    keys(&mut app, "jj");
    press(&mut app, KeyCode::Enter);
    let screen = render(&mut app, 80, 24);
    assert!(
        screen.contains("source:") && screen.contains("https://docs.aws"),
        "{screen}"
    );
    assert!(screen.contains("as of 20"), "{screen}");
    insta::assert_snapshot!(screen);
}

/// The app drawn at `width` × `height` under `theme`: the cells, for what `render`'s text leaves
/// out (styles, wide characters).
fn drawn(app: &mut App, theme: Theme, width: u16, height: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test backend");
    terminal
        .draw(|frame| ui::draw(app, theme, frame))
        .expect("draw");
    terminal.backend().buffer().clone()
}

/// Row `y`'s cells as a terminal shows them, each with its width: a wide character once, the
/// cell it spills into skipped.
fn glyphs(buffer: &Buffer, y: u16) -> impl Iterator<Item = (&Cell, usize)> {
    let mut skip = 0;
    (0..buffer.area.width).filter_map(move |x| {
        if skip > 0 {
            skip -= 1;
            return None;
        }
        let cell = &buffer[(x, y)];
        let w = unicode_width::UnicodeWidthStr::width(cell.symbol()).max(1);
        skip = w - 1;
        Some((cell, w))
    })
}

/// The screen with a marker line under each row: `^` under every underlined cell (the search
/// highlight), so the snapshot shows exactly which characters are highlighted.
fn render_with_underlines(app: &mut App, width: u16, height: u16) -> String {
    let buffer = drawn(app, Theme::PLAIN, width, height);
    let mut out = String::new();
    for y in 0..height {
        let mut text = String::new();
        let mut marks = String::new();
        for (cell, w) in glyphs(&buffer, y) {
            text.push_str(cell.symbol());
            let underlined = cell.modifier.contains(ratatui::style::Modifier::UNDERLINED);
            marks.push_str(&(if underlined { "^" } else { " " }).repeat(w));
        }
        out.push_str(text.trim_end());
        out.push('\n');
        if marks.contains('^') {
            out.push_str(marks.trim_end());
            out.push('\n');
        }
    }
    out
}

#[test]
fn search_tab_highlights_the_matched_characters() {
    let mut app = real_app();
    app.handle_key(&KeyEvent::new(KeyCode::Char('3'), KeyModifiers::ALT)); // the Search tab
    keys(&mut app, "fargte");
    let screen = render_with_underlines(&mut app, 100, 30);
    assert!(
        screen.contains("› service   AWS Fargate"),
        "Fargate is first:\n{screen}"
    );
    insta::assert_snapshot!(screen);
}

#[test]
fn search_popup_over_the_guide_80x24() {
    let screen = render(&mut real_after("/k8s"), 80, 24);
    assert!(screen.contains("› service   Amazon EKS"), "{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn search_without_a_match_suggests_the_closest_titles() {
    let screen = render(&mut real_after("/qambdx"), 80, 24);
    assert!(screen.contains("No match for \"qambdx\"."), "{screen}");
    assert!(screen.contains("Closest: AWS Lambda"), "{screen}");
    let screen = render(&mut real_after("/zzqx"), 80, 24);
    assert!(
        screen.contains("no close titles; try a service name"),
        "{screen}"
    );
}

/// The screen's text followed by its style runs (colour and emphasis per span of cells), so a
/// snapshot shows what each theme paints, not only the characters.
fn render_styles(app: &mut App, theme: Theme, width: u16, height: u16) -> String {
    let buffer = drawn(app, theme, width, height);
    let mut out = String::new();
    for y in 0..height {
        let mut text = String::new();
        let mut runs: Vec<(u16, u16, String)> = Vec::new();
        for x in 0..width {
            let cell = &buffer[(x, y)];
            text.push_str(cell.symbol());
            let style = format!(
                "{:?}{}",
                cell.fg,
                if cell.modifier.is_empty() {
                    String::new()
                } else {
                    format!("+{:?}", cell.modifier)
                }
            );
            match runs.last_mut() {
                Some((_, end, s)) if *s == style && *end == x => *end = x + 1,
                _ => runs.push((x, x + 1, style)),
            }
        }
        out.push_str(text.trim_end());
        out.push('\n');
        let painted: Vec<String> = runs
            .into_iter()
            .filter(|(_, _, s)| s != "Reset")
            .map(|(a, b, s)| format!("{a}..{b} {s}"))
            .collect();
        if !painted.is_empty() {
            out.push_str(&format!("    ⤷ {}\n", painted.join(" | ")));
        }
    }
    out
}

#[test]
fn question_under_the_dark_theme() {
    insta::assert_snapshot!(render_styles(&mut small_after("1"), Theme::COLOUR, 60, 18));
}

#[test]
fn question_under_the_light_theme() {
    let styles = render_styles(&mut small_after("1"), Theme::LIGHT, 60, 18);
    assert!(
        !styles.contains("Yellow") && !styles.contains("Cyan"),
        "{styles}"
    );
    insta::assert_snapshot!(styles);
}

#[test]
fn question_with_no_color() {
    let styles = render_styles(&mut small_after("1"), Theme::PLAIN, 60, 18);
    for colour in ["Yellow", "Cyan", "Blue", "Magenta", "Green", "Red"] {
        assert!(
            !styles.contains(colour),
            "{colour} painted without colour:\n{styles}"
        );
    }
    assert!(
        styles.contains("REVERSED"),
        "the selection still shows:\n{styles}"
    );
    insta::assert_snapshot!(styles);
}

/// Each main view under the three themes: the dark and light palettes, and no colour at all.
/// Without colour nothing may be painted, and what colour marks must still show (reverse video,
/// bold, `≠` and `›` markers).
#[test]
fn main_views_under_every_theme() {
    let result = real_after("513221.333");
    let search = real_after("/fargte");
    let mut views = [
        ("result", result),
        ("compare", compare_from_result()),
        ("search", search),
    ];
    for (view, app) in &mut views {
        for (theme_name, theme) in [
            ("dark", Theme::COLOUR),
            ("light", Theme::LIGHT),
            ("no_color", Theme::PLAIN),
        ] {
            let styles = render_styles(app, theme, 80, 24);
            match theme_name {
                "light" => assert!(
                    !styles.contains("Yellow") && !styles.contains("Cyan"),
                    "{view}: colours that vanish on white:\n{styles}"
                ),
                "no_color" => {
                    for colour in ["Yellow", "Cyan", "Blue", "Magenta", "Green", "Red", "Gray"] {
                        assert!(
                            !styles.contains(colour),
                            "{view}: {colour} painted without colour:\n{styles}"
                        );
                    }
                    assert!(
                        styles.contains("BOLD") || styles.contains("REVERSED"),
                        "{view}: emphasis still shows:\n{styles}"
                    );
                }
                _ => assert!(
                    styles.contains("Blue") || styles.contains("Cyan"),
                    "{view}: the dark theme paints:\n{styles}"
                ),
            }
            insta::assert_snapshot!(format!("{view}_under_{theme_name}"), styles);
        }
    }
}

/// The screen as plain lines with trailing blanks trimmed, as `tmux capture-pane -p` saves it.
fn plain_lines(app: &mut App, width: u16, height: u16) -> String {
    let buffer = drawn(app, Theme::COLOUR, width, height);
    let mut out = String::new();
    for y in 0..height {
        let line: String = glyphs(&buffer, y).map(|(cell, _)| cell.symbol()).collect();
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out.trim_end_matches('\n').to_owned()
}

/// `assets/capture.sh` drives the real binary in tmux; the same keys here must draw the same
/// screens, so the captures the README shows cannot fall behind the app.
#[test]
fn the_readme_captures_are_what_the_app_draws() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let asset = |name: &str| {
        std::fs::read_to_string(root.join(format!("assets/{name}.txt")))
            .unwrap_or_else(|e| panic!("assets/{name}.txt: {e}"))
            .trim_end_matches('\n')
            .to_owned()
    };
    let check = |app: &mut App, name: &str| {
        let drawn = plain_lines(app, 80, 24);
        assert_eq!(
            drawn,
            asset(name),
            "assets/{name}.txt is stale: run assets/capture.sh"
        );
    };
    let mut app = real_app();
    keys(&mut app, "3");
    check(&mut app, "question");
    keys(&mut app, "1111.113");
    check(&mut app, "result");
    keys(&mut app, "c");
    check(&mut app, "compare");
    keys(&mut app, "/spot instnace");
    check(&mut app, "search");
    press(&mut app, KeyCode::Enter);
    check(&mut app, "detail");
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Esc);
    app.handle_key(&KeyEvent::new(KeyCode::Char('4'), KeyModifiers::ALT));
    check(&mut app, "cost");
}

/// A tie for first is said on the result screen, and a runner-up lists every reason, against
/// as well as for.
#[test]
fn the_result_says_a_tie_and_every_runner_up_reason() {
    let mut app = real_app();
    // Nine answers by their numbers, ending in a result where Fargate and ECS on EC2 share the
    // top score and the lower operating burden puts Fargate first.
    keys(&mut app, "51322.233");
    let screen = render(&mut app, 100, 60);
    assert!(
        screen.contains("Tied on score with Amazon ECS on EC2: AWS Fargate comes first because"),
        "{screen}"
    );
    assert!(screen.contains(", tied"), "{screen}");
    let runner_up = screen
        .split("2. Amazon ECS on EC2")
        .nth(1)
        .expect("ECS on EC2 is second");
    assert!(
        runner_up.contains("It would win if"),
        "its flip point shows:\n{screen}"
    );
    assert!(
        runner_up.contains("(9 Commit to steady use…)"),
        "its reasons show too:\n{screen}"
    );
}

/// The compare table builds lines only for what its window shows; whatever the selection, the
/// window must be an unbroken slice of the whole table as a tall screen draws it.
#[test]
fn the_compare_window_is_a_slice_of_the_whole_table() {
    fn body(screen: &str) -> Vec<String> {
        let lines: Vec<String> = screen.lines().map(str::to_owned).collect();
        let rule = lines
            .iter()
            .position(|l| l.contains("────────────"))
            .expect("the header rule");
        lines[rule + 1..lines.len() - 1].to_vec()
    }
    let mut app = compare_from_result();
    let rows = app.compare.table.as_ref().map_or(0, |t| t.rows.len());
    assert!(rows > 10, "a table taller than the screen");
    for selected in 0..rows {
        let small = body(&render(&mut app, 80, 24));
        let tall = body(&render(&mut app, 80, 400));
        let found = tall.windows(small.len()).any(|w| w == small.as_slice());
        assert!(
            found,
            "row {selected}: the window is not a slice of the table:\n{}",
            small.join("\n")
        );
        press(&mut app, KeyCode::Down);
    }
}
