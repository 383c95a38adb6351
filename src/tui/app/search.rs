//! Search state: the query, the results for it (searched from scratch on every keystroke), and
//! the highlighted result.

use crate::data::Guide;
use crate::search::{Index, Results};

/// How many results a query lists.
pub const LIMIT: usize = 50;
/// The longest query, in characters: longer than any name or phrase worth searching for.
/// Keys typed past it are ignored, and a paste is cut to it.
pub const MAX_QUERY_CHARS: usize = 100;

#[derive(Debug)]
pub struct SearchView {
    pub query: String,
    pub results: Results,
    /// Index into `results.hits`.
    pub selected: usize,
    index: Index,
}

impl SearchView {
    pub fn new(guide: &Guide) -> Self {
        Self {
            query: String::new(),
            results: Results::default(),
            selected: 0,
            index: Index::new(guide),
        }
    }

    pub fn index(&self) -> &Index {
        &self.index
    }

    fn run(&mut self) {
        self.results = self.index.search(&self.query, LIMIT);
        self.selected = 0;
    }

    pub fn push(&mut self, c: char) {
        if self.query.chars().count() >= MAX_QUERY_CHARS || c.is_control() {
            return;
        }
        self.query.push(c);
        self.run();
    }

    /// Pasted text is one edit: added up to [`MAX_QUERY_CHARS`] (line breaks and other
    /// control characters become spaces), then searched once, not once per character.
    pub fn paste(&mut self, text: &str) {
        let room = MAX_QUERY_CHARS.saturating_sub(self.query.chars().count());
        let before = self.query.len();
        self.query.extend(
            text.chars()
                .map(|c| if c.is_control() { ' ' } else { c })
                .take(room),
        );
        if self.query.len() != before {
            self.run();
        }
    }

    pub fn pop(&mut self) {
        self.query.pop();
        self.run();
    }

    pub fn clear(&mut self) {
        self.query.clear();
        self.run();
    }

    pub fn up(&mut self) {
        self.selected = self.selected.saturating_sub(1);
    }

    pub fn down(&mut self) {
        self.selected = (self.selected + 1).min(self.results.hits.len().saturating_sub(1));
    }

    /// The highlighted entry's kind and id.
    pub fn selected_entry(&self) -> Option<&crate::search::Entry> {
        let hit = self.results.hits.get(self.selected)?;
        self.index().entry(hit.entry)
    }
}
