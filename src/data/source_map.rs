//! Finds where a value sits in the RON text, so errors found after parsing (a dangling `next`,
//! a duplicate id) still point at a line and column.

/// A cursor over the source that narrows step by step: a section, then an entry's `id`, then
/// a field inside it. When a step is not found the position stays at the last step found.
///
/// The steps are only recorded here and searched for when [`Locator::line_col`] is asked, that
/// is when a problem is reported. The validator builds a locator for every entry it checks, and
/// each search scans the text from the top, so searching eagerly cost most of a valid load (about
/// 9 ms of the 13 ms every command spent on the embedded data, for positions nobody read).
pub struct Locator<'a> {
    text: &'a str,
    steps: Vec<Step>,
}

/// One narrowing step, kept until a position is needed.
enum Step {
    Key(String),
    Value(String, String),
    Nth(String, String, usize),
}

impl<'a> Locator<'a> {
    pub fn new(text: &'a str) -> Self {
        Self {
            text,
            steps: Vec::new(),
        }
    }

    /// Moves to the next `key:` (a section such as `questions:`).
    pub fn key(mut self, key: &str) -> Self {
        self.steps.push(Step::Key(key.to_owned()));
        self
    }

    /// Moves to the next `key: "value"` (optionally `key: Some("value")`).
    pub fn value(mut self, key: &str, value: &str) -> Self {
        self.steps
            .push(Step::Value(key.to_owned(), value.to_owned()));
        self
    }

    /// Moves to the `n`-th (0-based) `key: "value"` from here.
    pub fn nth_value(mut self, key: &str, value: &str, n: usize) -> Self {
        self.steps
            .push(Step::Nth(key.to_owned(), value.to_owned(), n));
        self
    }

    /// Byte offset the steps lead to.
    fn offset(&self) -> usize {
        let mut pos = 0;
        for step in &self.steps {
            match step {
                Step::Key(key) => {
                    if let Some(at) = find_key_value(self.text, pos, key, None) {
                        pos = at;
                    }
                }
                Step::Value(key, value) => {
                    if let Some(at) = find_key_value(self.text, pos, key, Some(value)) {
                        pos = at;
                    }
                }
                Step::Nth(key, value, n) => {
                    for _ in 0..=*n {
                        if let Some(at) = find_key_value(self.text, pos, key, Some(value)) {
                            pos = at + 1;
                        }
                    }
                    pos = pos.saturating_sub(1);
                }
            }
        }
        pos
    }

    /// 1-based line and character column of the current position.
    pub fn line_col(&self) -> (usize, usize) {
        line_col(self.text, self.offset())
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = before.get(line_start..).map_or(0, |s| s.chars().count()) + 1;
    (line, col)
}

fn is_ident_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

/// Byte offset of the next `key` used as a field (`key:`), followed by `"value"` when given.
fn find_key_value(text: &str, from: usize, key: &str, value: Option<&str>) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut search = from;
    while let Some(rel) = text.get(search..)?.find(key) {
        let at = search + rel;
        search = at + key.len();
        let standalone_before = at == 0 || !is_ident_char(bytes[at - 1]);
        if !standalone_before {
            continue;
        }
        let rest = text.get(search..)?.trim_start();
        let Some(rest) = rest.strip_prefix(':') else {
            continue;
        };
        let Some(value) = value else {
            return Some(at);
        };
        let rest = rest.trim_start();
        let rest = rest.strip_prefix("Some(").map_or(rest, str::trim_start);
        if let Some(quoted) = rest.strip_prefix('"')
            && let Some(inner) = quoted.strip_prefix(value)
            && inner.starts_with('"')
        {
            return Some(at);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Guide(\n  services: [S(id: \"a\")],\n  questions: [\n    Q(id: \"b\", next: Some(\"c\")),\n    Q(id: \"c\"),\n  ],\n)";

    #[test]
    fn finds_an_entry_by_section_and_id() {
        let at = Locator::new(TEXT).key("questions").value("id", "c");
        assert_eq!(at.line_col(), (5, 7));
    }

    #[test]
    fn skips_values_under_other_keys() {
        // `next: Some("c")` comes first but is not an `id`.
        let at = Locator::new(TEXT).value("id", "c");
        assert_eq!(at.line_col(), (5, 7));
        let next = Locator::new(TEXT).value("next", "c");
        assert_eq!(next.line_col(), (4, 16));
    }

    #[test]
    fn counts_columns_in_characters() {
        assert_eq!(line_col("é: x", "é: ".len()), (1, 4));
    }

    #[test]
    fn nth_value_finds_later_duplicates() {
        let text = "id: \"x\",\nid: \"x\"";
        assert_eq!(
            Locator::new(text).nth_value("id", "x", 1).line_col(),
            (2, 1)
        );
    }
}
