//! Golden files under `tests/golden/`: compare, or rewrite with `UPDATE_GOLDEN=1`.

use std::path::Path;

/// Compares `actual` with `tests/golden/NAME`; `UPDATE_GOLDEN=1` rewrites the file first. A
/// difference fails at its first line, naming the test binary to re-run.
pub fn check(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).expect("write golden");
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    if expected != actual {
        let first = expected
            .lines()
            .zip(actual.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(expected.lines().count().min(actual.lines().count()));
        let test = std::env::current_exe()
            .ok()
            .and_then(|exe| exe.file_stem().map(|s| s.to_string_lossy().into_owned()))
            .and_then(|stem| stem.rsplit_once('-').map(|(name, _)| name.to_owned()))
            .unwrap_or_else(|| "<this test>".into());
        panic!(
            "{name} differs from line {}:\n- {}\n+ {}\n(run UPDATE_GOLDEN=1 cargo test --test {test} after checking)",
            first + 1,
            expected.lines().nth(first).unwrap_or("<end>"),
            actual.lines().nth(first).unwrap_or("<end>")
        );
    }
}
