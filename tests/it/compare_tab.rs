//! The Compare tab: its difference marks when columns scroll (`≠` only when the cells in view
//! differ, `←≠`/`≠→` when the difference is in a column scrolled off to that side), its
//! footer, which names ←/→ at every width, and what `c` on a result compares.

use crate::support::{four_services_scrolled_right, keys, press, real_app, render, small_app};
use computepick::compare::{DiffMark, diff_mark};
use ratatui::crossterm::event::KeyCode;

/// The marker drawn in front of the row labelled `label` (its first line).
fn marker_of(screen: &str, label: &str) -> String {
    let line = screen
        .lines()
        .find(|l| l.contains(&format!(" {label} ")) && l.contains('│'))
        .unwrap_or_else(|| panic!("no row {label}:\n{screen}"));
    line.trim_start_matches('"')
        .chars()
        .take(4)
        .collect::<String>()
}

#[test]
fn scrolled_right_a_difference_in_lambda_or_fargate_points_left() {
    let mut app = four_services_scrolled_right();
    let screen = render(&mut app, 80, 40);
    assert!(screen.contains("◀ more"), "{screen}");
    assert!(
        !screen.contains("AWS Lambda "),
        "Lambda is scrolled off:\n{screen}"
    );
    // ECS on EC2 and EKS both keep processes up; Lambda's are short-lived.
    assert_eq!(marker_of(&screen, "Process lifetime"), "←≠  ", "{screen}");
    // The two in view say different things about the model.
    assert_eq!(marker_of(&screen, "Model"), " ≠  ", "{screen}");
    // The legend says what the arrows mean while columns are off to the side.
    assert!(screen.contains("←≠ ≠→: off to that side"), "{screen}");
}

#[test]
fn scrolled_back_left_the_same_row_points_right_or_differs_in_view() {
    let mut app = four_services_scrolled_right();
    for _ in 0..3 {
        press(&mut app, KeyCode::Left);
    }
    // Down to the GPUs row, so it is in view.
    for _ in 0..9 {
        press(&mut app, KeyCode::Down);
    }
    let screen = render(&mut app, 80, 40);
    // Lambda and Fargate have no GPUs; ECS on EC2 and EKS, off to the right, do.
    assert_eq!(marker_of(&screen, "GPUs"), " ≠→ ", "{screen}");
    assert!(screen.contains("more ▶"), "{screen}");
    let table = app.compare.table.clone().expect("a table");
    // Every row drawn carries the mark for Lambda and Fargate in view.
    let mut rights = 0;
    for row in &table.rows {
        let Some(line) = screen
            .lines()
            .find(|l| l.contains(&format!(" {} ", row.label)) && l.contains('│'))
        else {
            continue;
        };
        let expected = diff_mark(&row.cells, 0..2);
        let drawn: String = line.trim_start_matches('"').chars().take(4).collect();
        assert_eq!(
            drawn.trim_end(),
            expected.symbol(),
            "{}:\n{screen}",
            row.label
        );
        rights += usize::from(expected == DiffMark::Right);
    }
    assert!(
        rights > 0,
        "some row drawn differs only off to the right:\n{screen}"
    );
}

#[test]
fn with_every_column_in_view_the_marks_are_plain() {
    let mut app = four_services_scrolled_right();
    let screen = render(&mut app, 200, 50);
    assert!(
        !screen.contains("◀ more") && !screen.contains("more ▶"),
        "{screen}"
    );
    assert!(!screen.contains("←≠") && !screen.contains("≠→"), "{screen}");
    assert!(screen.contains(" ≠  Process lifetime"), "{screen}");
    assert!(screen.contains("rows differ (marked ≠)"), "{screen}");
}

/// ← and → are two bindings with one footer hint; the footer names both keys, narrow or wide.
#[test]
fn the_compare_footer_names_left_and_right_at_every_width() {
    let mut app = four_services_scrolled_right();
    for (width, height) in [(60, 18), (80, 24), (200, 60)] {
        let screen = render(&mut app, width, height);
        let footer = screen.lines().last().expect("a footer");
        assert!(
            footer.starts_with("\" ←/→ service · "),
            "{width} columns: {footer}"
        );
    }
}

/// `c` on a result: the winner first, then the best runners-up, none of them ruled out, four
/// at most.
#[test]
fn c_compares_the_winner_with_the_best_runners_up_not_ruled_out() {
    let mut app = real_app();
    // Lightsail, Lambda, Beanstalk, Fargate, ECS on EC2, EKS ranked; Batch ruled out.
    keys(&mut app, "111216.131");
    let computepick::app::Screen::Result { outcome, .. } = &app.screen else {
        panic!("a result");
    };
    let rec = outcome.recommendation.clone();
    assert!(rec.ranking.len() > 4 && !rec.excluded.is_empty());
    keys(&mut app, "c");
    let best: Vec<&str> = rec
        .ranking
        .iter()
        .take(4)
        .map(|r| r.service.as_str())
        .collect();
    assert_eq!(app.compare.chosen, best);
    assert_eq!(best[0], "lightsail");
    assert!(
        (app.compare.chosen.iter()).all(|id| rec.excluded.iter().all(|e| &e.service != id)),
        "{:?}",
        app.compare.chosen
    );
    // The cursor starts on the winner's chip.
    assert_eq!(app.guide.services[app.compare.cursor].id, "lightsail");
}

/// With a single service left standing there is no runner-up: the first ruled-out one makes
/// the comparison two, so Compare still compares.
#[test]
fn c_with_one_service_standing_adds_a_ruled_out_one() {
    let mut app = small_app();
    keys(&mut app, "12");
    let computepick::app::Screen::Result { outcome, .. } = &app.screen else {
        panic!("a result");
    };
    assert_eq!(outcome.recommendation.ranking.len(), 1);
    let first_out = outcome.recommendation.excluded[0].service.clone();
    let winner = outcome.recommendation.ranking[0].service.clone();
    keys(&mut app, "c");
    assert_eq!(app.compare.chosen, [winner, first_out]);
}
