//! The Cost tab in a real terminal at the app's smallest size: every amount drawn whole.

use crate::support::{Options, TIMEOUT, keys};
use computepick::cost::{Inputs, estimate};

#[path = "../shared/amounts.rs"]
mod shared;
use computepick::data;
use shared::amounts;

/// Each service's monthly total at 50B requests a month (the rest as the form starts), as the
/// table prints it: tens of thousands of dollars, wider than the column the form left before.
fn amounts_at_50b() -> Vec<String> {
    let guide = data::parse(data::EMBEDDED, data::EMBEDDED_NAME).expect("the built-in guide");
    let inputs = Inputs {
        requests: 50e9,
        ..Inputs::default()
    };
    amounts(&estimate(&guide, &inputs).expect("priced"))
}

#[test]
fn at_60x18_the_cost_tab_shows_whole_amounts() {
    let mut app = Options::default().size(60, 18).spawn();
    app.wait_for("What are you running?", TIMEOUT);
    // Tab three times: Compare, Search, Cost.
    for _ in 0..3 {
        app.send(keys::TAB);
    }
    app.wait_for_all(&["Monthly estimate", "Requests/month   10M"], TIMEOUT);
    // 10M → 50B.
    app.send("\x7f\x7f\x7f50B");
    let amounts = amounts_at_50b();
    assert!(
        amounts.iter().any(|a| a.len() >= 10),
        "tens of thousands of dollars: {amounts:?}"
    );
    let wanted: Vec<String> = amounts.iter().map(|a| format!(" {a} ")).collect();
    let wanted: Vec<&str> = wanted.iter().map(String::as_str).collect();
    app.wait_for_all(&wanted, TIMEOUT);
    app.send(keys::CTRL_C);
    assert_eq!(app.wait_exit(TIMEOUT).exit_code(), 130);
    app.assert_restored();
}
