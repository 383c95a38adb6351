use super::*;

#[test]
fn normalisation_ignores_case_spacing_and_final_stop() {
    assert_eq!(normalize("  No   limit. "), normalize("no limit"));
    assert_ne!(normalize("No limit"), normalize("15 minutes"));
}

#[test]
fn facts_with_the_same_short_value_do_not_differ() {
    let fact = |value: &str, short: Option<&str>| Cell::Fact {
        value: value.into(),
        short: short.map(Into::into),
        source: "https://example.com".into(),
        as_of: "2026-12-02".into(),
    };
    let a = fact("None: functions get no GPUs.", Some("No"));
    let b = fact("None: tasks cannot use GPUs.", Some("no"));
    let c = fact("Yes, on GPU instances.", Some("Yes"));
    assert_eq!(a.normalized(), b.normalized());
    assert_ne!(a.normalized(), c.normalized());
    // Without a short value, the wording itself is compared.
    assert_ne!(
        fact("None: functions get no GPUs.", None).normalized(),
        fact("None: tasks cannot use GPUs.", None).normalized()
    );
}

#[test]
fn list_cells_wrap_with_bullets_and_missing_is_a_dash() {
    let cell = Cell::List {
        items: vec!["the quick brown fox".into(), "dog".into()],
        source: String::new(),
        as_of: String::new(),
    };
    assert_eq!(cell.wrap(11), ["• the quick", "  brown fox", "• dog"]);
    assert_eq!(Cell::Missing.wrap(5), [MISSING]);
    assert_eq!(Cell::Missing.text(), MISSING);
}
