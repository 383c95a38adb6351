//! The loader and validator against hostile input: random bytes and random mutations of the real
//! decisions.ron. Whatever comes in, the answer is a guide or positioned errors — never a panic,
//! never a hang (each file case must finish within [`CASE_LIMIT`]).
//! A fixed number of cases runs in `cargo test`; run longer by hand with
//! `PROPTEST_CASES=20000 cargo test --release --test it fuzz_data`.

use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

use computepick::data;
use proptest::prelude::*;

/// One case through the loader may take this long (a debug build on a small CI machine checks
/// the real data in well under a second); longer counts as a hang.
const CASE_LIMIT: Duration = Duration::from_secs(10);

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
    // The loader refuses non-UTF-8 before parsing (tested in the hostile module).
    String::from_utf8_lossy(&bytes).into_owned()
}

/// Writes `bytes` to a file and loads it as `--data FILE` does (read, size and UTF-8 checks,
/// parse, validate) in a thread, failing if it panics or takes longer than [`CASE_LIMIT`].
fn check_file(bytes: &[u8]) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("fuzz.ron");
    std::fs::write(&path, bytes).expect("write the case");
    let name = path.display().to_string();
    let (done, finished) = mpsc::channel();
    let worker = std::thread::spawn(move || {
        let outcome = data::load(Some(Path::new(&name))).map(|(guide, _, _)| guide);
        let _ = done.send(());
        (name, outcome)
    });
    match finished.recv_timeout(CASE_LIMIT) {
        Ok(()) => {}
        // The sender was dropped without sending: the worker panicked; join says how.
        Err(mpsc::RecvTimeoutError::Disconnected) => {}
        Err(mpsc::RecvTimeoutError::Timeout) => {
            panic!(
                "loading {} bytes took more than {CASE_LIMIT:?}: a hang",
                bytes.len()
            )
        }
    }
    let (name, outcome) = match worker.join() {
        Ok(result) => result,
        Err(panic) => std::panic::resume_unwind(panic),
    };
    match outcome {
        Ok(guide) => assert!(!guide.services.is_empty()),
        Err(diagnostics) => {
            assert!(diagnostics.has_errors());
            for d in diagnostics.errors() {
                let line = d.to_string();
                // Bytes that made it into the file are always read; every error about them
                // points into them.
                assert!(line.starts_with(&format!("{name}:")), "{line}");
                assert!(d.line >= 1 && d.col >= 1, "no position: {line}");
                assert!(!d.message.is_empty(), "{line}");
            }
        }
    }
}

/// One byte-level mutation: flip bits, truncate, insert bytes, delete a span.
#[derive(Debug, Clone)]
enum ByteEdit {
    Flip(usize, u8),
    Truncate(usize),
    Insert(usize, Vec<u8>),
    Delete(usize, usize),
}

fn byte_edit() -> impl Strategy<Value = ByteEdit> {
    prop_oneof![
        (any::<usize>(), 1u8..=255).prop_map(|(at, mask)| ByteEdit::Flip(at, mask)),
        any::<usize>().prop_map(ByteEdit::Truncate),
        (
            any::<usize>(),
            proptest::collection::vec(any::<u8>(), 1..16)
        )
            .prop_map(|(at, bytes)| ByteEdit::Insert(at, bytes)),
        (any::<usize>(), 1usize..64).prop_map(|(at, n)| ByteEdit::Delete(at, n)),
    ]
}

fn apply_bytes(bytes: &[u8], edits: &[ByteEdit]) -> Vec<u8> {
    let mut bytes = bytes.to_vec();
    for e in edits {
        let len = bytes.len().max(1);
        match e {
            ByteEdit::Flip(at, mask) => {
                if !bytes.is_empty() {
                    bytes[at % len] ^= mask;
                }
            }
            ByteEdit::Truncate(at) => bytes.truncate(at % len),
            ByteEdit::Insert(at, junk) => {
                let at = (at % len).min(bytes.len());
                bytes.splice(at..at, junk.iter().copied());
            }
            ByteEdit::Delete(at, n) => {
                let at = (at % len).min(bytes.len());
                let end = (at + n).min(bytes.len());
                bytes.drain(at..end);
            }
        }
    }
    bytes
}

proptest! {
    // Each case writes a file and runs the whole loader, the real data's included: fewer cases.
    #![proptest_config(ProptestConfig { cases: 96, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_through_the_file_loader_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        check_file(&bytes);
    }

    #[test]
    fn byte_mutations_of_the_real_data_through_the_file_loader_never_panic(edits in proptest::collection::vec(byte_edit(), 1..5)) {
        check_file(&apply_bytes(data::EMBEDDED.as_bytes(), &edits));
    }
}

#[test]
fn the_file_harness_accepts_the_real_data_and_positions_a_bad_byte() {
    check_file(data::EMBEDDED.as_bytes());
    let mut latin1 = data::EMBEDDED.as_bytes().to_vec();
    latin1[100] = 0xE9;
    check_file(&latin1);
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
