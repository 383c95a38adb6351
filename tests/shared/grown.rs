//! Search entries grown from the guide's, shared by `benches/search.rs` and the search tests
//! (each includes this file with `#[path]`): the tests rank the very data the benchmark times.

use computepick::search::Entry;

/// `n` entries made from the guide's: the guide itself, then copies whose title gains the last
/// word of another entry's title, whose aliases gain a number and whose body gains that entry's
/// snippet. The names, words and texts stay the guide's, as a guide ten times larger would be.
pub fn grown(docs: &[Entry], n: usize) -> Vec<Entry> {
    (0..n)
        .map(|i| {
            let base = &docs[i % docs.len()];
            if i < docs.len() {
                return base.clone();
            }
            let other = &docs[(i * 7 + 3) % docs.len()];
            let word = other.title.split_whitespace().last().unwrap_or("x");
            let copy = i / docs.len();
            Entry {
                id: format!("{}-{i}", base.id),
                title: format!("{} {word}", base.title),
                aliases: base.aliases.iter().map(|a| format!("{a} {copy}")).collect(),
                body: format!("{} {}", base.body, other.snippet),
                // Related ids name the guide's entries, whose copies these are not.
                related: Vec::new(),
                ..base.clone()
            }
        })
        .collect()
}
