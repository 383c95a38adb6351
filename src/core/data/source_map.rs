//! Finds where a value sits in the RON text, so errors found after parsing (a dangling `next`,
//! a duplicate id) still point at a line and column.
//!
//! Positions are found through a [`SourceIndex`] built once, when the first problem is
//! reported: every `key:` and `key: "value"` of the text with its offset, and where lines
//! start. Each position is then a few binary searches, never a scan of the text: scanning from
//! the top for each error took 23 s for 20,000 errors.

use std::collections::HashMap;

/// Every `key:` and `key: "value"` (or `key: Some("value")`) in a text, with their offsets,
/// and the line starts: what turns a [`Locator`]'s steps into a line and column.
pub struct SourceIndex<'a> {
    text: &'a str,
    /// Offsets of each `key:`, ascending.
    keys: HashMap<&'a str, Vec<usize>>,
    /// Offsets of each `key: "value"`, ascending.
    values: HashMap<(&'a str, &'a str), Vec<usize>>,
    /// Byte offset where each line starts.
    line_starts: Vec<usize>,
    /// Characters before each [`BLOCK`]-byte block, so a column in a long line is counted
    /// from the nearest block, not from the line's start.
    block_chars: Vec<usize>,
}

const BLOCK: usize = 4096;

impl<'a> SourceIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let bytes = text.as_bytes();
        let mut keys: HashMap<&str, Vec<usize>> = HashMap::new();
        let mut values: HashMap<(&str, &str), Vec<usize>> = HashMap::new();
        let mut i = 0;
        while i < bytes.len() {
            if !is_ident_char(bytes[i]) || (i > 0 && is_ident_char(bytes[i - 1])) {
                i += 1;
                continue;
            }
            let mut j = i;
            while j < bytes.len() && is_ident_char(bytes[j]) {
                j += 1;
            }
            let key = &text[i..j];
            let rest = text[j..].trim_start();
            if let Some(rest) = rest.strip_prefix(':') {
                keys.entry(key).or_default().push(i);
                let rest = rest.trim_start();
                let rest = rest.strip_prefix("Some(").map_or(rest, str::trim_start);
                if let Some(quoted) = rest.strip_prefix('"')
                    && let Some(end) = quoted.find('"')
                {
                    values.entry((key, &quoted[..end])).or_default().push(i);
                }
            }
            i = j;
        }
        let line_starts = std::iter::once(0)
            .chain(
                bytes
                    .iter()
                    .enumerate()
                    .filter(|&(_, &b)| b == b'\n')
                    .map(|(i, _)| i + 1),
            )
            .collect();
        let mut block_chars = vec![0];
        let mut chars = 0;
        for block in bytes.chunks(BLOCK) {
            chars += count_chars(block);
            block_chars.push(chars);
        }
        Self {
            text,
            keys,
            values,
            line_starts,
            block_chars,
        }
    }

    /// Characters in the text before byte `offset`.
    fn chars_before(&self, offset: usize) -> usize {
        let block = offset / BLOCK;
        let from = block * BLOCK;
        self.block_chars.get(block).copied().unwrap_or(0)
            + count_chars(self.text.as_bytes().get(from..offset).unwrap_or(&[]))
    }

    /// 1-based line and character column of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|&start| start <= offset);
        let start = self
            .line_starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(0);
        // Most lines are short: count their characters; a long one counts from its blocks.
        let col = if offset - start <= BLOCK {
            count_chars(self.text.as_bytes().get(start..offset).unwrap_or(&[]))
        } else {
            self.chars_before(offset) - self.chars_before(start)
        };
        (line, col + 1)
    }
}

/// Characters in UTF-8 bytes: every byte that does not continue a character starts one.
fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b & 0xC0) != 0x80).count()
}

/// The first offset in `list` at or after `from`, and its index.
fn first_from(list: &[usize], from: usize) -> usize {
    list.partition_point(|&at| at < from)
}

/// A cursor over the source that narrows step by step: a section, then an entry's `id`, then
/// a field inside it. When a step is not found the position stays at the last step found.
///
/// The steps are only recorded here and looked up when [`Locator::line_col_in`] is asked, that
/// is when a problem is reported: the validator builds a locator for every entry it checks, and
/// valid data never needs a position.
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
    fn offset(&self, index: &SourceIndex<'_>) -> usize {
        let mut pos = 0;
        for step in &self.steps {
            let list = match step {
                Step::Key(key) => index.keys.get(key.as_str()),
                Step::Value(key, value) | Step::Nth(key, value, _) => {
                    index.values.get(&(key.as_str(), value.as_str()))
                }
            };
            let list = list.map_or(&[][..], Vec::as_slice);
            let first = first_from(list, pos);
            let n = match step {
                Step::Nth(_, _, n) => *n,
                _ => 0,
            };
            match list.get(first..).filter(|found| !found.is_empty()) {
                // The n-th from here, or the last there is.
                Some(found) => pos = found[n.min(found.len() - 1)],
                None if matches!(step, Step::Nth(..)) => pos = pos.saturating_sub(1),
                None => {}
            }
        }
        pos
    }

    /// 1-based line and character column of the current position, looked up in `index`
    /// (built once from the same text).
    pub fn line_col_in(&self, index: &SourceIndex<'_>) -> (usize, usize) {
        debug_assert!(std::ptr::eq(self.text, index.text));
        index.line_col(self.offset(index))
    }

    /// [`Locator::line_col_in`] with an index built for this one call (for tests and one-off
    /// positions).
    #[cfg(test)]
    pub fn line_col(&self) -> (usize, usize) {
        self.line_col_in(&SourceIndex::new(self.text))
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
    fn the_index_agrees_with_a_scan_for_every_offset() {
        let text = "a: \"é\"\n日本: x\n\nlast line";
        let index = SourceIndex::new(text);
        for offset in 0..=text.len() {
            if text.is_char_boundary(offset) {
                assert_eq!(index.line_col(offset), line_col(text, offset), "{offset}");
            }
        }
        // Across block boundaries in one long line.
        let long = format!("{}x: \"y\"", "é".repeat(BLOCK));
        let at = Locator::new(&long).value("x", "y");
        assert_eq!(at.line_col(), (1, BLOCK + 1));
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
