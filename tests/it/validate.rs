//! The loader and validator: positioned parse errors, and every semantic error at once.

use crate::support::{SMALL, edited};
use computepick::data::{self, Severity};

fn errors(text: &str) -> Vec<String> {
    match data::parse(text, "test.ron") {
        Ok(_) => Vec::new(),
        Err(d) => d.errors().map(ToString::to_string).collect(),
    }
}

/// What `check` finds: validation, then every path explored.
fn check_errors(text: &str) -> Vec<String> {
    let guide = match data::parse(text, "test.ron") {
        Ok(guide) => guide,
        Err(d) => return d.errors().map(ToString::to_string).collect(),
    };
    let (found, _) = computepick::engine::explore_paths(&guide, text, "test.ron");
    found.errors().map(ToString::to_string).collect()
}

/// The small guide with the first `from` replaced by `to`.
#[track_caller]
fn small_with(from: &str, to: &str) -> String {
    edited(SMALL, &[(from, to)])
}

/// `text` loads, and validating it gives exactly one warning: that warning, and the report.
#[track_caller]
fn one_warning(text: &str) -> (String, data::Diagnostics) {
    let guide = data::parse(text, "test.ron").expect("warnings do not fail the load");
    let report = data::validate(&guide, text, "test.ron");
    let warnings: Vec<String> = report
        .diagnostics
        .warnings()
        .map(ToString::to_string)
        .collect();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    (warnings[0].clone(), report.diagnostics)
}

fn assert_error(errors: &[String], needle: &str) {
    assert!(
        errors.iter().any(|e| e.contains(needle)),
        "no error containing {needle:?} in:\n{}",
        errors.join("\n")
    );
}

#[test]
fn embedded_data_is_valid() {
    let guide = data::parse(data::EMBEDDED, data::EMBEDDED_NAME).expect("embedded data is valid");
    assert_eq!(guide.services.len(), 7);
}

#[test]
fn small_fixture_is_valid_and_summarised() {
    let guide = data::parse(SMALL, "small.ron").expect("valid");
    let report = data::validate(&guide, SMALL, "small.ron");
    assert!(report.explorable);
    let (found, summary) = computepick::engine::explore_paths(&guide, SMALL, "small.ron");
    assert!(!found.has_errors(), "{found}");
    let summary = summary.expect("summary");
    assert_eq!(summary.questions, 2);
    assert_eq!(summary.paths, 3);
    assert_eq!(
        summary.tops,
        [("fn".into(), 1), ("box".into(), 1), ("job".into(), 1)]
    );
}

#[test]
fn syntax_errors_have_line_and_column() {
    let broken = small_with("prompt: \"How long", "prompt \"How long");
    let errors = errors(&broken);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].starts_with("test.ron:26:"), "{}", errors[0]);
}

#[test]
fn unknown_fields_are_errors_with_a_position() {
    let broken = small_with("why: \"Functions", "whyy: \"Functions");
    let errors = errors(&broken);
    assert!(errors[0].starts_with("test.ron:27:"), "{errors:?}");
    assert!(errors[0].contains("whyy"), "{errors:?}");
}

#[test]
fn wrong_types_are_errors_with_a_position() {
    let broken = small_with(
        "weight: 3, reason: \"jobs",
        "weight: \"three\", reason: \"jobs",
    );
    let errors = errors(&broken);
    assert!(errors[0].starts_with("test.ron:20:"), "{errors:?}");
}

#[test]
fn every_semantic_error_is_reported_at_once() {
    let broken = edited(
        SMALL,
        &[
            // a dangling next
            ("next: Some(\"length\")", "next: Some(\"lenght\")"),
            // a rule for a service that does not exist
            ("service: \"box\", weight: 2", "service: \"bx\", weight: 2"),
            // a duplicate service id
            ("id: \"job\", name", "id: \"box\", name"),
        ],
    );
    let errors = errors(&broken);
    assert_error(
        &errors,
        "next question \"lenght\" does not exist; did you mean \"length\"?",
    );
    assert_error(&errors, "unknown service \"bx\"; did you mean \"box\"?");
    assert_error(&errors, "duplicate service id \"box\"");
    assert_error(&errors, "question \"length\" cannot be reached");
    for e in &errors {
        assert!(e.starts_with("test.ron:"), "{e}");
    }
    // Each points at its own line.
    let dangling = errors
        .iter()
        .find(|e| e.contains("lenght"))
        .expect("present");
    assert!(dangling.starts_with("test.ron:16:"), "{dangling}");
}

/// Each edit of the small guide breaks one rule, and says which. Loading finds all but the walk's
/// (loading does not explore the walk, so start-up stays instant); `check` finds those.
#[test]
fn each_broken_rule_is_an_error() {
    let many: Vec<String> = (0..10)
        .map(|i| format!("Choice(id: \"o{i}\", label: \"O{i}\", rules: [Favour(service: \"job\", weight: 3, reason: \"r\")])"))
        .collect();
    let many = format!("{}, Choice(id: \"jobs\"", many.join(", "));
    for (found_by, from, to, needle) in [
        (
            Found::Loading,
            "Choice(id: \"short\", label: \"Milliseconds\", next: None",
            "Choice(id: \"short\", label: \"Milliseconds\", next: Some(\"shape\")",
            "the walk loops: shape → length → shape",
        ),
        (
            Found::Loading,
            "rules: [Favour(service: \"fn\", weight: 3, reason: \"short work is cheapest as functions\")]",
            "rules: []",
            "option \"length.short\" has no effect and no next question",
        ),
        (
            Found::Check,
            "weight: 3, reason: \"short work",
            "weight: 0, reason: \"short work",
            "service \"fn\" is not recommended by any path",
        ),
        (
            Found::Check,
            "Favour(service: \"box\", weight: 1, reason: \"boxes have no time limit\")",
            "RuleOut(service: \"box\", reason: \"no\", fact: \"limit\")",
            "shape=server → length=long",
        ),
        (
            Found::Loading,
            "start: \"shape\",",
            "start: \"shape\", glossary: [Term(id: \"t\", term: \"Term\", definition: \"A term.\", source: \"https://example.com\", as_of: \"\")],",
            "term \"t\" has no as-of date",
        ),
        (
            Found::Loading,
            "Choice(id: \"jobs\"",
            &many,
            "has 12 options; at most 9",
        ),
    ] {
        let broken = small_with(from, to);
        match found_by {
            Found::Loading => assert_error(&errors(&broken), needle),
            Found::Check => {
                assert!(errors(&broken).is_empty(), "{needle}: found by loading");
                assert_error(&check_errors(&broken), needle);
            }
        }
    }
}

/// Which pass finds a broken rule.
enum Found {
    Loading,
    Check,
}

#[test]
fn empty_text_and_empty_option_lists_are_errors() {
    let broken = edited(
        SMALL,
        &[
            ("prompt: \"What are you running?\"", "prompt: \"  \""),
            ("label: \"Jobs\"", "label: \"\""),
        ],
    );
    let errors = errors(&broken);
    assert_error(&errors, "question \"shape\": prompt is empty");
    assert_error(&errors, "option \"shape.jobs\": label is empty");
}

#[test]
fn facts_need_a_source_and_a_date_and_old_dates_warn() {
    let with_facts = edited(
        SMALL,
        &[
            ("source: \"https://example.com/fn\"", "source: \"\""),
            (
                "source: \"https://example.com/job\", as_of: \"2026-11-01\"",
                "source: \"https://example.com\", as_of: \"2019-01-01\"",
            ),
        ],
    );
    let errors = errors(&with_facts);
    assert_error(&errors, "service \"fn\": fact \"limit\" has no source");
    assert_eq!(errors.len(), 1, "{errors:?}");

    let dated = edited(
        &with_facts,
        &[("source: \"\"", "source: \"https://example.com\"")],
    );
    let (warning, _) = one_warning(&dated);
    assert!(warning.contains("2019-01-01 is more than a year old"));

    let future = edited(&dated, &[("2019-01-01", "2999-01-01")]);
    let (warning, diagnostics) = one_warning(&future);
    assert!(warning.contains("2999-01-01 is in the future"), "{warning}");
    assert!(
        diagnostics
            .0
            .iter()
            .all(|d| d.severity == Severity::Warning)
    );
}

#[test]
fn a_service_description_needs_a_source_and_a_short_value_needs_text() {
    let described = small_with(
        "summary: \"Runs short functions on events.\")",
        "summary: \"Runs short functions on events.\", description: \"Functions.\", good_for: [\"events\"])",
    );
    let unsourced = errors(&described);
    assert_error(
        &unsourced,
        "service \"fn\": description and lists has no source",
    );
    assert_error(
        &unsourced,
        "service \"fn\": description and lists has no as-of date",
    );
    let sourced = edited(
        &described,
        &[(
            "description: \"Functions.\"",
            "description: \"Functions.\", source: \"https://example.com/fn\", as_of: \"2026-11-01\"",
        )],
    );
    data::parse(&sourced, "test.ron").expect("sourced: valid");

    let blank_short = edited(
        &sourced,
        &[(
            "value: \"15 minutes per run\",",
            "value: \"15 minutes per run\", short: \" \",",
        )],
    );
    assert_error(
        &errors(&blank_short),
        "service \"fn\": fact \"limit\": short is empty",
    );
    let reserved = blank_short.replace("\"limit\"", "\"_meta\"");
    assert_error(
        &errors(&reserved),
        "attribute \"_meta\": ids starting with `_` are reserved",
    );
}
