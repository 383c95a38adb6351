//! The Cost tab: the form and estimate at the app's smallest size and larger, with every
//! amount whole; the chart on its own view (Ctrl-G), readable without colour.

use crate::support::{keys, press, real_app, render};
use computepick::app::App;
use computepick::ui::{self, theme::Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

#[path = "../../shared/amounts.rs"]
mod shared;

/// A snapshot kept with the other screens' in `tests/it/snapshots`.
macro_rules! snapshot {
    ($screen:expr) => {
        insta::with_settings!({ snapshot_path => "../snapshots" }, {
            insta::assert_snapshot!($screen);
        })
    };
}

fn cost_tab() -> App {
    let mut app = real_app();
    press(&mut app, KeyCode::BackTab); // Cost is the last tab
    app
}

fn ctrl_g(app: &mut App) {
    app.handle_key(&KeyEvent::new(KeyCode::Char('g'), KeyModifiers::CONTROL));
}

/// Replaces the focused field's value with `text`.
fn type_value(app: &mut App, text: &str) {
    for _ in 0..40 {
        press(app, KeyCode::Backspace);
    }
    keys(app, text);
}

/// Every monthly total the app's estimate holds, as the table prints it exact.
fn amounts(app: &App) -> Vec<String> {
    shared::amounts(app.cost.estimate.as_ref().expect("an estimate"))
}

/// Every amount appears whole on `screen`: a `$` amount cut short (`$16` for `$164.00`) fails.
#[track_caller]
fn assert_amounts_whole(app: &App, screen: &str) {
    let found = amounts(app);
    assert!(!found.is_empty(), "services with a total");
    for amount in found {
        let whole = screen.contains(&format!(" {amount} "));
        assert!(whole, "{amount} is whole on screen:\n{screen}");
    }
}

#[test]
fn cost_tab_60x18() {
    let mut app = cost_tab();
    let screen = render(&mut app, 60, 18);
    assert_amounts_whole(&app, &screen);
    assert!(
        screen.contains("Batch             does not fit"),
        "{screen}"
    );
    snapshot!(screen);
}

#[test]
fn cost_tab_80x24() {
    let mut app = cost_tab();
    let screen = render(&mut app, 80, 24);
    assert_amounts_whole(&app, &screen);
    snapshot!(screen);
}

#[test]
fn cost_tab_200x60() {
    let mut app = cost_tab();
    let screen = render(&mut app, 200, 60);
    assert_amounts_whole(&app, &screen);
    // Room for the chart under the table.
    assert!(screen.contains("both axes logarithmic"), "{screen}");
    snapshot!(screen);
}

/// At every width from the minimum up, for small and large bills, each amount is whole: the
/// form goes above the table when both would not fit side by side.
#[test]
fn amounts_are_never_cut_at_any_width() {
    let mut app = cost_tab();
    for requests in ["10M", "1B", "50B"] {
        type_value(&mut app, requests);
        press(&mut app, KeyCode::Down);
        type_value(&mut app, "10s");
        press(&mut app, KeyCode::Up);
        assert!(app.cost.error.is_none(), "{:?}", app.cost.error);
        for width in 60..=130 {
            for height in [18, 24] {
                let screen = render(&mut app, width, height);
                assert_amounts_whole(&app, &screen);
            }
        }
    }
    // The largest of these bills runs to millions: the table's column widened for them.
    assert!(
        amounts(&app).iter().any(|a| a.len() >= 12),
        "{:?}",
        amounts(&app)
    );
}

/// The chart on its own view without colour (the snapshots are drawn in the plain palette):
/// a legend mapping each letter to its service, `*` where lines share a cell, `$` labels at
/// several decades and request counts along the bottom with their unit.
#[test]
fn cost_chart_without_colour_80x24() {
    let mut app = cost_tab();
    ctrl_g(&mut app);
    let screen = render(&mut app, 80, 24);
    assert!(screen.contains("L Lambda"), "{screen}");
    assert!(screen.contains("* lines overlap"), "{screen}");
    let y_labels = screen.lines().filter(|l| l.contains('┤')).count();
    assert!(y_labels >= 4, "{y_labels} y labels:\n{screen}");
    for x in ["1k", "1M", "10B", "requests/month"] {
        assert!(screen.contains(x), "{x}:\n{screen}");
    }
    snapshot!(screen);
    // At the app's smallest size the plot still has its axes, and its legend.
    let small = render(&mut app, 60, 18);
    for part in [
        "$100k┤",
        "$0.01┤",
        "└┬",
        "* lines overlap",
        "›Requests/month",
    ] {
        assert!(small.contains(part), "{part}:\n{small}");
    }
    // Ctrl-G again: back to the table.
    ctrl_g(&mut app);
    assert!(render(&mut app, 80, 24).contains("Monthly estimate"));
}

#[test]
fn cost_chart_without_colour_200x60() {
    let mut app = every_service_fits();
    ctrl_g(&mut app);
    let screen = render(&mut app, 200, 60);
    let plot: Vec<&str> = screen
        .lines()
        .filter(|l| l.contains('│') || l.contains('┤'))
        .collect();
    assert!(plot.len() >= 40, "a tall plot:\n{screen}");
    // Every service's letter is on its line somewhere: none is painted over by another.
    for letter in ['L', 'F', 'E', 'K', 'B', 'I', 'A'] {
        let drawn = plot.iter().any(|l| {
            l.split('│').nth(1).unwrap_or("").contains(letter)
                || l.split('┤').nth(1).unwrap_or("").contains(letter)
        });
        assert!(drawn, "{letter} is drawn:\n{screen}");
    }
    snapshot!(screen);
}

/// Jobs of 5 minutes, so every service fits and draws a line (Batch takes jobs of 3 minutes or
/// more; Lambda runs up to 15), that end (Batch prices only those), with Reserved, which applies
/// to ECS on EC2's fleet but not to Batch's, so the two draw different lines; without a load
/// balancer Beanstalk is one instance, so its line ends where ECS's goes on.
fn every_service_fits() -> App {
    let mut app = cost_tab();
    press(&mut app, KeyCode::Down);
    for _ in 0..5 {
        press(&mut app, KeyCode::Backspace);
    }
    keys(&mut app, "5m");
    assert_eq!(app.cost.inputs.duration_ms, 300_000.0);
    // Jobs that end, five rows down from Duration.
    for _ in 0..5 {
        press(&mut app, KeyCode::Down);
    }
    keys(&mut app, " ");
    assert!(app.cost.inputs.jobs);
    // Reserved, five rows down.
    for _ in 0..5 {
        press(&mut app, KeyCode::Down);
    }
    keys(&mut app, " ");
    assert!(app.cost.inputs.reserved && !app.cost.inputs.load_balancer);
    app
}

#[test]
fn cost_tab_with_chart_100x32() {
    let mut app = cost_tab();
    ctrl_g(&mut app);
    let screen = render(&mut app, 100, 32);
    assert!(
        screen.contains("›Requests/month   10M▏"),
        "the field typed into: {screen}"
    );
    assert!(screen.contains("both axes logarithmic"), "{screen}");
    assert!(
        screen.contains("becomes cheaper than"),
        "break-evens are named:\n{screen}"
    );
    assert!(
        screen.contains("Estimate only · us-east-1 prices as of"),
        "{screen}"
    );
    snapshot!(screen);
}

/// With colour, each service's key in the estimate has the colour of its line on the chart,
/// and no two services share one; the plot below the keys really uses every colour.
#[test]
fn cost_chart_lines_match_their_keys_in_colour() {
    for theme in [Theme::COLOUR, Theme::LIGHT] {
        chart_lines_match_their_keys(theme);
    }
}

fn chart_lines_match_their_keys(theme: Theme) {
    const W: u16 = 200;
    const H: u16 = 60;
    let mut app = every_service_fits();
    let mut terminal = Terminal::new(TestBackend::new(W, H)).expect("test backend");
    terminal
        .draw(|frame| ui::draw(&mut app, theme, frame))
        .expect("draw");
    let buffer = terminal.backend().buffer().clone();
    let row_of = |text: &str| {
        (0..H).find(|&y| {
            let line: String = (0..W).map(|x| buffer[(x, y)].symbol()).collect();
            line.contains(text)
        })
    };
    let plot_top = row_of("both axes logarithmic").expect("the chart's title") + 1;
    let mut key_colours = Vec::new();
    for (letter, name) in [
        ('L', "Lambda"),
        ('F', "Fargate"),
        ('E', "ECS on EC2"),
        ('K', "EKS"),
        ('B', "Batch"),
        ('I', "Lightsail"),
        ('A', "Elastic Beanstalk"),
    ] {
        let key = format!("─{letter}");
        let y = (0..plot_top)
            .find(|&y| {
                let line: String = (0..W).map(|x| buffer[(x, y)].symbol()).collect();
                line.contains(&format!("{key}  {name}")) || line.contains(&format!("{key} {name}"))
            })
            .unwrap_or_else(|| panic!("{name} has a key {key} in the estimate"));
        let x = (30..W - 1)
            .find(|&x| {
                buffer[(x, y)].symbol() == "─" && buffer[(x + 1, y)].symbol() == letter.to_string()
            })
            .expect("the key");
        let colour = buffer[(x, y)].fg;
        // The plot's rows are those beside its y axis (the legend above it has none).
        let plot_rows: Vec<u16> = (plot_top..H)
            .filter(|&y| (0..W).any(|x| matches!(buffer[(x, y)].symbol(), "│" | "┤")))
            .collect();
        let plot_cells = || {
            plot_rows
                .iter()
                .flat_map(|&py| (0..W).map(move |px| (px, py)))
        };
        assert!(
            plot_cells().any(|(px, py)| {
                let cell = &buffer[(px, py)];
                cell.fg == colour
                    && ('\u{2800}'..='\u{28ff}')
                        .contains(&cell.symbol().chars().next().unwrap_or(' '))
            }),
            "{name}'s line is drawn in its key's colour {colour:?}"
        );
        // Not by colour alone: the line ends in its letter, in the same colour.
        assert!(
            plot_cells().any(|(px, py)| {
                let cell = &buffer[(px, py)];
                cell.fg == colour && cell.symbol() == letter.to_string()
            }),
            "{name}'s line is labelled {letter} in the plot"
        );
        key_colours.push(colour);
    }
    let mut distinct = key_colours.clone();
    distinct.dedup();
    distinct.sort_by_key(|c| format!("{c:?}"));
    distinct.dedup();
    assert_eq!(distinct.len(), key_colours.len(), "{key_colours:?}");
}

/// A quota the workload passes shows under its service on the Cost tab as a `!` line, and a
/// service within 10% of the cheapest is marked `≈` with a line saying what that means.
#[test]
fn the_cost_tab_shows_quota_warnings_and_what_is_about_the_same() {
    let mut app = real_app();
    press(&mut app, KeyCode::BackTab);
    for _ in 0..5 {
        press(&mut app, KeyCode::Backspace);
    }
    keys(&mut app, "1B");
    press(&mut app, KeyCode::Down);
    for _ in 0..5 {
        press(&mut app, KeyCode::Backspace);
    }
    keys(&mut app, "10s");
    assert_eq!(app.cost.inputs.requests, 1e9);
    assert_eq!(app.cost.inputs.duration_ms, 10_000.0);
    let screen = render(&mut app, 120, 40);
    // 1B × 10 s ÷ (730 × 3,600 s) = 3,805.2 in flight: past Lambda's default 1,000.
    assert!(
        screen.contains("! Needs about 3,806 concurrent executions"),
        "{screen}"
    );
    assert!(screen.contains("≈"), "{screen}");
    assert!(screen.contains("about the same as"), "{screen}");
}
