//! The result screen's score bars and close-call marks, at the smallest, an ordinary and a
//! large terminal, on the real data.

use crate::support::{keys, real_app, render};
use computepick::app::App;

/// Nine answers by their numbers (a web app of request-sized code on a fixed low budget):
/// Lightsail 11, Lambda 10 (a close call), and scores down to below zero.
const CLOSE_CALL_KEYS: &str = "111216.131";

fn close_call_result() -> App {
    let mut app = real_app();
    keys(&mut app, CLOSE_CALL_KEYS);
    app
}

/// The bar lines of a screen: the ones that hold a score bar's full block.
fn bar_lines(screen: &str) -> Vec<&str> {
    screen.lines().filter(|l| l.contains('█')).collect()
}

#[test]
fn result_bars_60x18() {
    let screen = render(&mut close_call_result(), 60, 18);
    assert!(screen.contains("★ Amazon Lightsail"), "{screen}");
    assert!(screen.contains("≈ AWS Lambda"), "{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn result_bars_80x24() {
    let screen = render(&mut close_call_result(), 80, 24);
    assert!(screen.contains("≈ close call (within 1 point)"), "{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn result_bars_200x60() {
    let screen = render(&mut close_call_result(), 200, 60);
    // Bars stop growing: the longest is the cap, not the screen.
    let longest = bar_lines(&screen)
        .iter()
        .map(|l| l.chars().filter(|&c| c == '█').count())
        .max();
    assert_eq!(longest, Some(48), "{screen}");
    insta::assert_snapshot!(screen);
}

/// The bars are in ranking order and shrink with the score; the winner's is the longest and
/// the lowest score's is empty.
#[test]
fn bars_shrink_with_the_score_and_only_close_calls_are_marked() {
    let mut app = close_call_result();
    let screen = render(&mut app, 120, 100);
    let lengths: Vec<usize> = screen
        .lines()
        .skip_while(|l| !l.contains("★ Amazon Lightsail"))
        .take(6)
        .map(|l| l.chars().filter(|c| "█▉▊▋▌▍▎▏".contains(*c)).count())
        .collect();
    assert_eq!(lengths.len(), 6, "{screen}");
    assert!(
        lengths.windows(2).all(|w| w[0] >= w[1]),
        "{lengths:?}\n{screen}"
    );
    assert_eq!(
        lengths.last(),
        Some(&0),
        "the lowest score starts the scale:\n{screen}"
    );
    // Lambda is one point behind: marked. Beanstalk is four behind: not.
    assert_eq!(screen.matches("≈ AWS Lambda").count(), 1, "{screen}");
    assert!(screen.contains("≈ 2. AWS Lambda"), "{screen}");
    assert!(!screen.contains("≈ AWS Elastic Beanstalk"), "{screen}");
    // The ruled-out service has no bar; it is listed as out.
    assert!(
        !bar_lines(&screen).iter().any(|l| l.contains("AWS Batch")),
        "{screen}"
    );
    assert!(screen.contains("✗ AWS Batch is out"), "{screen}");
}
