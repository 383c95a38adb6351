//! The loader and validator: positioned parse errors, and every semantic error at once.

use crate::support::SMALL;
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
    let broken = SMALL.replacen("prompt: \"How long", "prompt \"How long", 1);
    let errors = errors(&broken);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].starts_with("test.ron:26:"), "{}", errors[0]);
}

#[test]
fn unknown_fields_are_errors_with_a_position() {
    let broken = SMALL.replacen("why: \"Functions", "whyy: \"Functions", 1);
    let errors = errors(&broken);
    assert!(errors[0].starts_with("test.ron:27:"), "{errors:?}");
    assert!(errors[0].contains("whyy"), "{errors:?}");
}

#[test]
fn wrong_types_are_errors_with_a_position() {
    let broken = SMALL.replacen(
        "weight: 3, reason: \"jobs",
        "weight: \"three\", reason: \"jobs",
        1,
    );
    let errors = errors(&broken);
    assert!(errors[0].starts_with("test.ron:20:"), "{errors:?}");
}

#[test]
fn every_semantic_error_is_reported_at_once() {
    let broken = SMALL
        // a dangling next
        .replacen("next: Some(\"length\")", "next: Some(\"lenght\")", 1)
        // a rule for a service that does not exist
        .replacen(
            "service: \"box\", weight: 2",
            "service: \"bx\", weight: 2",
            1,
        )
        // a duplicate service id
        .replacen("id: \"job\", name", "id: \"box\", name", 1);
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

#[test]
fn cycles_are_errors() {
    let broken = SMALL.replacen(
        "Choice(id: \"short\", label: \"Milliseconds\", next: None",
        "Choice(id: \"short\", label: \"Milliseconds\", next: Some(\"shape\")",
        1,
    );
    assert_error(&errors(&broken), "the walk loops: shape → length → shape");
}

#[test]
fn an_option_with_no_effect_and_no_next_is_an_error() {
    let broken = SMALL.replacen(
        "rules: [Favour(service: \"fn\", weight: 3, reason: \"short work is cheapest as functions\")]",
        "rules: []",
        1,
    );
    assert_error(
        &errors(&broken),
        "option \"length.short\" has no effect and no next question",
    );
}

#[test]
fn a_service_no_path_recommends_is_an_error() {
    let broken = SMALL.replacen(
        "weight: 3, reason: \"short work",
        "weight: 0, reason: \"short work",
        1,
    );
    // Loading does not explore the walk (start-up stays instant); `check` does.
    assert!(errors(&broken).is_empty());
    assert_error(
        &check_errors(&broken),
        "service \"fn\" is not recommended by any path",
    );
}

#[test]
fn a_path_without_a_recommendation_is_an_error() {
    let broken = SMALL.replacen(
        "Favour(service: \"box\", weight: 1, reason: \"boxes have no time limit\")",
        "RuleOut(service: \"box\", reason: \"no\", fact: \"limit\")",
        1,
    );
    assert_error(&check_errors(&broken), "shape=server → length=long");
}

#[test]
fn empty_text_and_empty_option_lists_are_errors() {
    let broken = SMALL
        .replacen("prompt: \"What are you running?\"", "prompt: \"  \"", 1)
        .replacen("label: \"Jobs\"", "label: \"\"", 1);
    let errors = errors(&broken);
    assert_error(&errors, "question \"shape\": prompt is empty");
    assert_error(&errors, "option \"shape.jobs\": label is empty");
}

#[test]
fn facts_need_a_source_and_a_date_and_old_dates_warn() {
    let with_facts = SMALL
        .replacen("source: \"https://example.com/fn\"", "source: \"\"", 1)
        .replacen(
            "source: \"https://example.com/job\", as_of: \"2026-11-01\"",
            "source: \"https://example.com\", as_of: \"2019-01-01\"",
            1,
        );
    let errors = errors(&with_facts);
    assert_error(&errors, "service \"fn\": fact \"limit\" has no source");
    assert_eq!(errors.len(), 1, "{errors:?}");

    let dated = with_facts.replacen("source: \"\"", "source: \"https://example.com\"", 1);
    let guide = data::parse(&dated, "test.ron").expect("warnings do not fail the load");
    let report = data::validate(&guide, &dated, "test.ron");
    let warnings: Vec<String> = report
        .diagnostics
        .warnings()
        .map(ToString::to_string)
        .collect();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(warnings[0].contains("2019-01-01 is more than a year old"));

    let future = dated.replacen("2019-01-01", "2999-01-01", 1);
    let guide = data::parse(&future, "test.ron").expect("warnings do not fail the load");
    let report = data::validate(&guide, &future, "test.ron");
    let warnings: Vec<String> = report
        .diagnostics
        .warnings()
        .map(ToString::to_string)
        .collect();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].contains("2999-01-01 is in the future"),
        "{warnings:?}"
    );
    assert!(
        report
            .diagnostics
            .0
            .iter()
            .all(|d| d.severity == Severity::Warning)
    );
}

#[test]
fn a_service_description_needs_a_source_and_a_short_value_needs_text() {
    let described = SMALL.replacen(
        "summary: \"Runs short functions on events.\")",
        "summary: \"Runs short functions on events.\", description: \"Functions.\", good_for: [\"events\"])",
        1,
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
    let sourced = described.replacen(
        "description: \"Functions.\"",
        "description: \"Functions.\", source: \"https://example.com/fn\", as_of: \"2026-11-01\"",
        1,
    );
    data::parse(&sourced, "test.ron").expect("sourced: valid");

    let blank_short = sourced.replacen(
        "value: \"15 minutes per run\",",
        "value: \"15 minutes per run\", short: \" \",",
        1,
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

#[test]
fn a_missing_date_is_an_error() {
    let broken = SMALL.replacen(
        "start: \"shape\",",
        "start: \"shape\", glossary: [Term(id: \"t\", term: \"Term\", definition: \"A term.\", source: \"https://example.com\", as_of: \"\")],",
        1,
    );
    assert_error(&errors(&broken), "term \"t\" has no as-of date");
}

#[test]
fn too_many_options_to_number_is_an_error() {
    let many: Vec<String> = (0..10)
        .map(|i| format!("Choice(id: \"o{i}\", label: \"O{i}\", rules: [Favour(service: \"job\", weight: 3, reason: \"r\")])"))
        .collect();
    let broken = SMALL.replacen(
        "Choice(id: \"jobs\"",
        &format!("{}, Choice(id: \"jobs\"", many.join(", ")),
        1,
    );
    assert_error(&errors(&broken), "has 12 options; at most 9");
}
