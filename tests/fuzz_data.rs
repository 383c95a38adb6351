//! The loader and validator against hostile input: random bytes and random mutations of the real
//! decisions.ron. Whatever comes in, the answer is a guide or positioned errors — never a panic.
//! A fixed number of cases runs in `cargo test`; run longer by hand with
//! `PROPTEST_CASES=20000 cargo test --release --test fuzz_data`.

use computepick::data;
use proptest::prelude::*;

fn check(text: &str) {
    match data::parse(text, "fuzz.ron") {
        Ok(guide) => assert!(!guide.services.is_empty()),
        Err(diagnostics) => {
            assert!(diagnostics.has_errors());
            for d in &diagnostics.0 {
                let line = d.to_string();
                assert!(line.starts_with("fuzz.ron:"), "{line}");
                assert!(!d.message.is_empty());
            }
        }
    }
}

/// One edit to a text: delete a span, insert junk, duplicate a span, or swap two bytes.
#[derive(Debug, Clone)]
enum Edit {
    Delete(usize, usize),
    Insert(usize, String),
    Duplicate(usize, usize),
    Swap(usize, usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    let junk = prop_oneof![
        Just("(".to_owned()),
        Just(")".to_owned()),
        Just("\"".to_owned()),
        Just(",".to_owned()),
        Just("Some(\"workload\")".to_owned()),
        Just("next: None,".to_owned()),
        Just("RuleOut(service: \"lambda\", reason: \"x\"),".to_owned()),
        Just("Favour(service: \"nope\", weight: 99999999999, reason: \"\"),".to_owned()),
        Just("🎉 日本語 עברית".to_owned()),
        "\\PC{0,12}",
    ];
    prop_oneof![
        (any::<usize>(), 0usize..200).prop_map(|(a, n)| Edit::Delete(a, n)),
        (any::<usize>(), junk).prop_map(|(a, s)| Edit::Insert(a, s)),
        (any::<usize>(), 0usize..400).prop_map(|(a, n)| Edit::Duplicate(a, n)),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Edit::Swap(a, b)),
    ]
}

fn apply(text: &str, edits: &[Edit]) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for e in edits {
        let len = bytes.len().max(1);
        match e {
            Edit::Delete(at, n) => {
                let at = at % len;
                let end = (at + n).min(bytes.len());
                bytes.drain(at.min(bytes.len())..end);
            }
            Edit::Insert(at, s) => {
                let at = (at % len).min(bytes.len());
                bytes.splice(at..at, s.bytes());
            }
            Edit::Duplicate(at, n) => {
                let at = (at % len).min(bytes.len());
                let end = (at + n).min(bytes.len());
                let copy = bytes[at..end].to_vec();
                bytes.splice(end..end, copy);
            }
            Edit::Swap(a, b) => {
                if !bytes.is_empty() {
                    let (a, b) = (a % bytes.len(), b % bytes.len());
                    bytes.swap(a, b);
                }
            }
        }
    }
    // The loader refuses non-UTF-8 before parsing (tested in tests/hostile.rs).
    String::from_utf8_lossy(&bytes).into_owned()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn random_text_never_panics(text in "\\PC{0,400}") {
        check(&text);
    }

    #[test]
    fn random_ron_shapes_never_panic(text in "(Guide\\(|meta: |Meta\\(|services: \\[|questions: \\[|\\]|\\)|,|\"[a-z-]{0,8}\"|[0-9]{1,4}|Some\\(|None| ){0,60}") {
        check(&text);
    }

    #[test]
    fn mutations_of_the_real_data_never_panic(edits in proptest::collection::vec(edit(), 1..6)) {
        check(&apply(data::EMBEDDED, &edits));
    }
}

#[test]
fn deeply_nested_input_is_an_error_not_a_stack_overflow() {
    let deep = format!("Guide(meta: {}{}", "[".repeat(100_000), "]".repeat(100_000));
    check(&deep);
}
