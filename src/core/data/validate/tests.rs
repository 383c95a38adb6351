use super::*;

const SMALL: &str = include_str!("../../../../tests/fixtures/small.ron");

fn messages(text: &str) -> Vec<String> {
    let guide = super::super::load::parse_syntax(text, "t.ron").expect("parses");
    validate(&guide, text, "t.ron")
        .diagnostics
        .0
        .iter()
        .map(ToString::to_string)
        .collect()
}

/// A question nothing leads to, added twice.
fn with_orphan_twice() -> String {
    let orphan = r#"
    Question(
        id: "orphan",
        prompt: "Never asked?",
        why: "Nothing leads here.",
        options: [
            Choice(id: "a", label: "A", next: None,
                rules: [Favour(service: "fn", weight: 1, reason: "a reason")]),
        ],
    ),"#;
    SMALL.replacen("    ],\n)", &format!("{orphan}{orphan}\n    ],\n)"), 1)
}

#[test]
fn a_duplicated_unreachable_question_is_unreachable_once() {
    let errors = messages(&with_orphan_twice());
    let unreachable = errors
        .iter()
        .filter(|e| e.contains("\"orphan\" cannot be reached"))
        .count();
    assert_eq!(unreachable, 1, "{errors:#?}");
    assert!(
        errors
            .iter()
            .any(|e| e.contains("duplicate question id \"orphan\"")),
        "{errors:#?}"
    );
}

#[test]
fn a_duplicated_reachable_question_is_not_called_unreachable() {
    let copy = SMALL
        .split("        Question(\n            id: \"length\"")
        .nth(1)
        .and_then(|rest| rest.split("\n        ),").next())
        .expect("the length question");
    let text = SMALL.replacen(
        "    ],\n)",
        &format!("        Question(\n            id: \"length\"{copy}\n        ),\n    ],\n)"),
        1,
    );
    let errors = messages(&text);
    assert!(
        errors
            .iter()
            .any(|e| e.contains("duplicate question id \"length\"")),
        "{errors:#?}"
    );
    assert!(
        !errors.iter().any(|e| e.contains("cannot be reached")),
        "{errors:#?}"
    );
}
