//! The cost estimate beyond the `cost` command: `recommend` with a workload size (every format,
//! the decision record included, against a snapshot), the Cost tab's Reserved and Batch
//! options, and the result screen's cost heading at 120 columns.

use crate::support::{
    THUMBNAILS, answer_args, answers, app_total, click_on, computepick, guide, has_price, render,
    stdout,
};
use computepick::app::{App, FormRow};
use computepick::cost::{BatchCompute, Field, Toggle};
use computepick::keys::Action;

const SIZE: &[&str] = &[
    "--requests",
    "100M",
    "--duration",
    "200ms",
    "--memory",
    "512MB",
];

/// `computepick recommend` with the thumbnails answers and `extra`: (exit code, stdout, stderr).
fn recommend(extra: &[&str]) -> (Option<i32>, String, String) {
    let out = computepick()
        .arg("recommend")
        .args(answer_args(THUMBNAILS))
        .args(extra)
        .output()
        .expect("runs");
    (
        out.status.code(),
        String::from_utf8(out.stdout).expect("utf-8"),
        String::from_utf8(out.stderr).expect("utf-8"),
    )
}

#[test]
fn a_decision_record_with_a_workload_size_has_the_cost_and_matches_its_snapshot() {
    let mut args = vec!["--format", "adr", "-o", "-"];
    args.extend(SIZE);
    let (code, adr, err) = recommend(&args);
    assert_eq!(code, Some(0), "{err}");
    assert!(adr.contains("\n## Cost Estimate\n"), "{adr}");
    // The recommendation and its runners-up, in ranking order, with the inputs and price date.
    let lambda = adr
        .find("| 1 | AWS Lambda | $179.80 |")
        .expect("Lambda's cost");
    let fargate = adr
        .find("| 2 | AWS Fargate | $101.28")
        .expect("Fargate's cost");
    assert!(lambda < fargate);
    assert!(
        adr.contains("For 100M requests/month × 200 ms · 512 MB"),
        "{adr}"
    );
    assert!(adr.contains("us-east-1 prices as of"), "{adr}");
    assert!(adr.find("## Cost Estimate") < adr.find("## Sources"));
    // The date is today's: the snapshot has a fixed one.
    let adr: String = adr
        .lines()
        .map(|l| {
            if l.starts_with("- Date: ") {
                "- Date: 2026-11-23\n".to_owned()
            } else {
                format!("{l}\n")
            }
        })
        .collect();
    insta::assert_snapshot!("adr-thumbnails-with-cost", adr);
}

#[test]
fn without_a_workload_size_the_record_has_no_cost_section() {
    let (code, adr, _) = recommend(&["--format", "adr", "-o", "-"]);
    assert_eq!(code, Some(0));
    assert!(!adr.contains("## Cost Estimate"), "{adr}");
    let (_, json, _) = recommend(&["--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&json).expect("json");
    assert!(
        json.get("cost").is_none(),
        "the JSON without a size is unchanged"
    );
}

#[test]
fn text_markdown_and_json_carry_the_cost_of_every_ranked_service() {
    let (code, text, err) = recommend(SIZE);
    assert_eq!(code, Some(0), "{err}");
    // Numbered by the recommendation's rank, not by cost: the cheapest is marked instead.
    assert!(
        text.contains(
            "\nCost at your size (in the recommendation's order, the cheapest marked):\n"
        ),
        "{text}"
    );
    assert!(
        text.contains("  #1 AWS Lambda: $179.80 a month\n"),
        "{text}"
    );
    assert!(text.contains("  #2 AWS Fargate: $101.28 a month"), "{text}");

    let mut args = vec!["--format", "markdown"];
    args.extend(SIZE);
    let (_, markdown, _) = recommend(&args);
    assert!(markdown.contains("## Cost at your size"), "{markdown}");
    assert!(
        markdown.contains("| 1 | AWS Lambda | $179.80 |"),
        "{markdown}"
    );

    let mut args = vec!["--format", "json", "--reserved", "--batch-on", "fargate"];
    args.extend(SIZE);
    let (_, json, _) = recommend(&args);
    let json: serde_json::Value = serde_json::from_str(&json).expect("json");
    let cost = &json["cost"];
    assert_eq!(cost["inputs"]["reserved"], true);
    assert_eq!(cost["inputs"]["batch_on"], "fargate");
    assert_eq!(
        service_ids(&json["ranking"]),
        service_ids(&cost["services"]),
        "the cost follows the ranking"
    );
    assert!(cost["services"][0]["total"].as_f64().is_some());
    assert!(cost["as_of"].as_str().is_some());
}

#[test]
fn workload_flags_without_a_full_size_are_one_line_and_exit_2() {
    for (args, needle) in [
        (vec!["--vcpu", "2"], "--vcpu sizes a workload"),
        (vec!["--spot", "--arm"], "--arm, --spot size a workload"),
        (vec!["--requests", "10M"], "needs --duration and --memory"),
        (
            vec!["--requests", "1e30", "--duration", "1s", "--memory", "1GB"],
            "at most",
        ),
    ] {
        let (code, out, err) = recommend(&args);
        assert_eq!(code, Some(2), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains(needle), "{args:?}: {err}");
        assert!(out.is_empty());
    }
}

// ---- In the app ----

/// The `service` of each entry in a JSON list, in order.
fn service_ids(list: &serde_json::Value) -> Vec<&str> {
    list.as_array()
        .expect("a list")
        .iter()
        .filter_map(|entry| entry["service"].as_str())
        .collect()
}

/// `service`'s entry in the JSON's ranking.
#[track_caller]
fn ranked<'a>(json: &'a serde_json::Value, service: &str) -> &'a serde_json::Value {
    json["ranking"]
        .as_array()
        .expect("ranking")
        .iter()
        .find(|r| r["service"] == service)
        .expect("ranked")
}

/// Moves the Cost form's focus to `row`.
fn focus(app: &mut App, row: FormRow) {
    for _ in 0..32 {
        if app.cost.focused() == Some(row) {
            return;
        }
        app.cost.update(Action::Down);
    }
    panic!("no row {row:?} in the form");
}

/// Focuses `toggle`'s switch and flips it with Space.
fn flip(app: &mut App, toggle: Toggle) {
    focus(app, FormRow::Switch(toggle));
    app.cost.update(Action::Type(' '));
}

/// Focuses `field` and types `text` into it in place of what it held.
fn type_into(app: &mut App, field: Field, text: &str) {
    focus(app, FormRow::Number(field));
    app.cost.update(Action::ClearQuery);
    for c in text.chars() {
        app.cost.update(Action::Type(c));
    }
}

/// The app on the Cost tab, reached by BackTab from the first.
fn cost_tab() -> App {
    let mut app = App::new(guide());
    app.handle_key(&ratatui::crossterm::event::KeyEvent::new(
        ratatui::crossterm::event::KeyCode::BackTab,
        ratatui::crossterm::event::KeyModifiers::NONE,
    ));
    app
}

#[test]
fn the_cost_form_has_reserved_and_batch_compute_and_spot_excludes_reserved() {
    let mut app = App::new(guide());
    flip(&mut app, Toggle::Spot);
    assert!(app.cost.inputs.spot);
    flip(&mut app, Toggle::Reserved);
    assert!(app.cost.inputs.reserved && !app.cost.inputs.spot);
    let ecs = |app: &App| app_total(app, "ecs-ec2").expect("priced");
    let reserved = ecs(&app);
    app.cost.update(Action::Type(' '));
    assert!(!app.cost.inputs.reserved);
    assert!(ecs(&app) > reserved, "Reserved lowers ECS on EC2");

    // Jobs of 10 minutes: Batch takes jobs that end, of 3 minutes or more.
    flip(&mut app, Toggle::Jobs);
    assert!(app.cost.inputs.jobs && !app.cost.inputs.load_balancer);
    type_into(&mut app, Field::Duration, "10m");
    flip(&mut app, Toggle::BatchOnFargate);
    assert_eq!(app.cost.inputs.batch_on, BatchCompute::Fargate);
    let batch = app
        .cost
        .estimate
        .as_ref()
        .and_then(|e| e.service("batch"))
        .expect("batch");
    assert!(has_price(batch, "fargate.vcpu.x86"), "{batch:?}");
}

#[test]
fn the_cost_form_explains_an_absurd_value() {
    let mut app = App::new(guide());
    // Requests is the first field: cleared, then 1e30, which is refused with the bound.
    app.cost.update(Action::ClearQuery);
    for c in "1e30".chars() {
        app.cost.update(Action::Type(c));
    }
    let error = app.cost.error.clone().expect("refused");
    assert!(error.contains("at most"), "{error}");
}

#[test]
fn the_cost_tab_form_100x32() {
    let mut app = cost_tab();
    flip(&mut app, Toggle::Reserved);
    let screen = render(&mut app, 100, 32);
    // The form alone: the left 34 columns from its heading to its hint line (the tab bar, the
    // chart and the footer have their own snapshots).
    let form: Vec<String> = screen
        .lines()
        .skip_while(|l| !l.contains("Your workload"))
        .take(17)
        .map(|l| l.chars().skip(1).take(34).collect::<String>())
        .collect();
    assert_eq!(
        form.len(),
        17,
        "the heading, 15 rows and the hint:\n{screen}"
    );
    insta::assert_snapshot!(form.join("\n"));
}

#[test]
fn the_result_screen_wraps_the_cost_heading_at_120_columns() {
    let mut app = App::new(guide()).with_answers(answers(THUMBNAILS));
    // Sizing the workload on the Cost tab puts the estimate on the result screen.
    app.cost.update(Action::Type('0'));
    assert!(app.cost.sized);
    // The cost section sits below the runners-up and their flip points: scroll to it.
    render(&mut app, 120, 60);
    app.update(Action::Last);
    let screen = render(&mut app, 120, 60);
    let heading = screen
        .lines()
        .position(|l| l.contains("Cost at your size ("))
        .unwrap_or_else(|| panic!("no cost heading:\n{screen}"));
    let rest: String = screen
        .lines()
        .skip(heading)
        .take(3)
        .map(|l| l.trim_matches(|c| c == '"' || c == ' ' || c == '│'))
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        // Events need no load balancer: the answers shaped the workload.
        rest.contains("x86, free tier, no load balancer)"),
        "cut off:\n{screen}"
    );
}

#[test]
fn on_a_short_screen_the_form_scrolls_to_the_focus() {
    let mut app = cost_tab();
    let screen = render(&mut app, 80, 18);
    assert!(screen.contains("Your workload  1 more ↑↓"), "{screen}");
    assert!(!screen.contains("Region           us-east-1"), "{screen}");
    focus(&mut app, FormRow::Region);
    let screen = render(&mut app, 80, 18);
    assert!(screen.contains("›Region           us-east-1"), "{screen}");
    // The hint takes the heading's place.
    assert!(
        screen.contains("space: next Region with prices"),
        "{screen}"
    );
    assert!(!screen.contains("Requests/month"), "{screen}");
}

/// The Cost tab with `text` typed into the Duration field (the second row).
fn with_duration(text: &str) -> App {
    let mut app = cost_tab();
    type_into(&mut app, Field::Duration, text);
    assert_eq!(app.cost.error, None);
    app
}

#[test]
fn at_80x24_a_long_duration_keeps_every_reason_and_the_chart() {
    let mut app = with_duration("20m");
    let table = render(&mut app, 80, 24);
    app.cost.update(Action::ToggleChart);
    let screen = render(&mut app, 80, 24);
    // The plot keeps its rows and axes.
    assert!(screen.contains("$0.01┤"), "{screen}");
    assert!(screen.contains("└┬──"), "{screen}");
    // One ◆ per break-even sentence: a wrapped sentence continues indented, not under another ◆;
    // those that do not fit are counted.
    let lines: Vec<&str> = screen.lines().collect();
    let first = lines
        .iter()
        .position(|l| l.starts_with("\" ◆ "))
        .unwrap_or_else(|| panic!("a break-even is named:\n{screen}"));
    assert!(lines[first + 1].starts_with("\"   "), "{screen}");
    assert_eq!(
        lines.iter().filter(|l| l.starts_with("\" ◆ ")).count(),
        1,
        "{screen}"
    );
    // Lasting break-evens only: here one, named in full, with nothing left over.
    assert!(!screen.contains(" … and "), "{screen}");
    // On the table, Lambda's reason is read whole, wrapped under its name.
    let screen = table;
    let text: String = screen
        .lines()
        .map(|l| {
            l.split('│')
                .nth(1)
                .unwrap_or("")
                .trim_matches(|c| c == '"' || c == ' ')
                .to_owned()
        })
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        text.contains("Lambda stops an invocation at 15 minutes"),
        "{screen}"
    );
}

#[test]
fn clicks_on_the_cost_form_focus_fields_and_flip_options() {
    let mut app = cost_tab();
    // A field takes the focus, and typing goes there.
    assert!(click_on(&mut app, "Memory", 100, 32).is_some());
    assert_eq!(app.cost.focused(), Some(FormRow::Number(Field::Memory)));
    assert!(!app.cost.sized, "a click on a field changes nothing");
    // An option flips, and the estimate follows.
    assert!(click_on(&mut app, "Arm (Graviton)", 100, 32).is_some());
    assert!(app.cost.inputs.arm);
    assert_eq!(app.cost.focused(), Some(FormRow::Switch(Toggle::Arm)));
    assert!(click_on(&mut app, "Arm (Graviton)", 100, 32).is_some());
    assert!(!app.cost.inputs.arm);
    // Batch's compute cycles EC2 ⇄ Fargate (its row is below the fold: scroll to it first).
    focus(&mut app, FormRow::Switch(Toggle::BatchOnFargate));
    assert!(click_on(&mut app, "Batch runs on", 100, 32).is_some());
    assert_eq!(app.cost.inputs.batch_on, BatchCompute::Fargate);
    assert!(click_on(&mut app, "‹Fargate›", 100, 32).is_some());
    assert_eq!(app.cost.inputs.batch_on, BatchCompute::Ec2);
    // Spot and Reserved still exclude each other by mouse.
    assert!(click_on(&mut app, " Spot ", 100, 32).is_some());
    assert!(app.cost.inputs.spot, "{}", render(&mut app, 100, 32));
    focus(&mut app, FormRow::Switch(Toggle::Reserved));
    assert!(click_on(&mut app, "Reserved ", 100, 32).is_some());
    assert!(
        app.cost.inputs.reserved && !app.cost.inputs.spot,
        "{}",
        render(&mut app, 100, 32)
    );
    // On a short screen the form scrolls: the rows drawn are the rows clicked.
    assert!(click_on(&mut app, "Hours a day", 80, 24).is_some());
    assert_eq!(
        app.cost.focused(),
        Some(FormRow::Number(Field::HoursPerDay))
    );
}

#[test]
fn the_result_screen_says_when_the_cost_duration_contradicts_the_runtime_answer() {
    // Runtime answered "seconds", the Cost tab says 20 minutes: Lambda is recommended and does
    // not fit, and the screen says why the two disagree.
    let mut app = App::new(guide()).with_answers(answers(THUMBNAILS));
    type_into(&mut app, Field::Duration, "20m");
    render(&mut app, 120, 60);
    app.update(Action::Last);
    let screen = render(&mut app, 120, 60);
    let text: String = screen
        .lines()
        .map(|l| l.trim_matches(|c| c == '"' || c == ' ' || c == '│'))
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        text.contains(
            "The duration sized for the estimate (20 min) is longer than your answer 'runtime: \
             seconds (Seconds or less)'; the recommendation follows the answer, the estimate the size."
        ),
        "{screen}"
    );
    // A duration that agrees with the answer says nothing.
    let mut app = App::new(guide()).with_answers(answers(THUMBNAILS));
    app.cost.update(Action::Type('0'));
    let screen = render(&mut app, 120, 60);
    assert!(!screen.contains("Your Cost tab's duration"), "{screen}");
}

/// Sized, the estimate weighs in where the answers say cost matters (fixed-low, pay-per-use):
/// the cheapest service that fits gains points, those costing far more lose them, each reason
/// naming both amounts; unsized, nothing changes.
#[test]
fn a_sized_workload_weighs_its_estimate_in_the_recommendation() {
    const BLOG: &[&str] = &[
        "workload=web-app",
        "runtime=seconds",
        "process=per-request",
        "state=disk",
        "packaging=code",
        "needs=none",
        "control=none",
        "scaling=auto",
        "budget=fixed-low",
    ];
    let args = |extra: &[&str]| -> Vec<String> {
        let mut v = vec![
            "recommend".to_owned(),
            "--format".to_owned(),
            "json".to_owned(),
        ];
        for a in BLOG {
            v.extend(["-a".to_owned(), (*a).to_owned()]);
        }
        v.extend(extra.iter().map(|s| (*s).to_owned()));
        v
    };
    let run = |extra: &[&str]| -> serde_json::Value {
        serde_json::from_str(&stdout(computepick().args(args(extra)))).expect("json")
    };
    let reasons = |v: &serde_json::Value, service: &str| -> Vec<String> {
        ranked(v, service)["reasons"]
            .as_array()
            .expect("reasons")
            .iter()
            .map(|r| r.as_str().expect("text").to_owned())
            .collect()
    };
    let unsized_run = run(&[]);
    assert!(
        !reasons(&unsized_run, "lightsail")
            .iter()
            .any(|r| r.contains("at your size")),
        "unsized, the estimate decides nothing"
    );
    // 1M requests a month of 200 ms at 1 GB: Lightsail's $30 bundle is the cheapest that fits
    // (hand check: `computepick cost` with the same flags); Beanstalk is $42.65, 1.42 × as much.
    let sized = run(&["--requests", "1M", "--duration", "200ms", "--memory", "1GB"]);
    let score = |v: &serde_json::Value, s: &str| ranked(v, s)["score"].as_i64().expect("score");
    for (service, reason, points) in [
        (
            "lightsail",
            "+3 budget = fixed-low: the cheapest at your size: $30.00 a month against $38.10 on AWS Fargate",
            3,
        ),
        (
            "elastic-beanstalk",
            "-2 budget = fixed-low: $42.65 a month at your size against $30.00 on Amazon Lightsail",
            -2,
        ),
    ] {
        let said = reasons(&sized, service);
        assert!(said.contains(&reason.to_owned()), "{said:?}");
        assert_eq!(
            score(&sized, service),
            score(&unsized_run, service) + points,
            "{service}"
        );
    }
}

/// A value may hold a `/` (`3M/month`, `8h/day`): on the Cost tab it is typed, never a shortcut
/// to search, which would swallow the rest of the value.
#[test]
fn a_slash_in_a_cost_value_is_typed_not_a_search() {
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let mut app = cost_tab();
    let mut type_keys = |field: Field, text: &str| {
        focus(&mut app, FormRow::Number(field));
        app.handle_key(&KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL));
        for c in text.chars() {
            app.handle_key(&KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        }
        assert!(app.top_overlay().is_none(), "{text}: an overlay opened");
        app.handle_key(&KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
        assert_eq!(app.cost.error, None, "{text}");
        app.cost.inputs
    };
    assert_eq!(type_keys(Field::Requests, "3M/month").requests, 3e6);
    assert_eq!(type_keys(Field::HoursPerDay, "8h/day").hours_per_day, 8.0);
}
