//! How one query meets one entry: by its names (exact, prefix, close) or by its text, and which
//! of the title's characters to highlight.

use std::collections::HashMap;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::Tier;

/// Words a name or query may add without changing what it names: "AWS Lambda" and "Amazon
/// Lambda" are Lambda.
const FILLER: &[&str] = &["aws", "amazon"];

/// A title, an alias or a query, lowercased.
#[derive(Debug)]
pub(super) struct Name {
    /// [`normalize`]d, for skim.
    pub(super) text: String,
    chars: usize,
    title: bool,
    /// Its alphanumeric words, and those less the filler (all of them if that leaves none).
    words: Vec<String>,
    pub(super) key: Vec<String>,
}

impl Name {
    pub(super) fn new(raw: &str, title: bool) -> Option<Name> {
        let text = normalize(raw);
        let words: Vec<String> = word_spans(&text).map(|(_, w)| w.to_owned()).collect();
        let key: Vec<String> = (words.iter())
            .filter(|w| !FILLER.contains(&w.as_str()))
            .cloned()
            .collect();
        (!words.is_empty()).then(|| Name {
            chars: text.chars().count(),
            text,
            title,
            key: if key.is_empty() { words.clone() } else { key },
            words,
        })
    }
}

/// An entry's best name hit. Exact: 3 for the title word for word, 2 for an alias, 1 and 0 for
/// the same less the filler. Prefix: 1000 less the characters left untyped in the words matched
/// and 10 for each word of the name the query lacks; 500 less the untyped characters when the
/// words come from several names. Close: see [`close`].
pub(super) fn by_name<'a>(
    names: &'a [Name],
    q: &'a Name,
    skim: &SkimMatcherV2,
    typos: &mut Typos<'a>,
) -> Option<(Tier, i64)> {
    let mut best = None;
    for n in names {
        let hit = if n.words == q.words {
            (Tier::Exact, 2 + i64::from(n.title))
        } else if n.key == q.key {
            (Tier::Exact, i64::from(n.title))
        } else if let Some(untyped) = prefix(&n.key, &q.key) {
            let extra = n.key.len().saturating_sub(q.key.len()) as i64;
            (Tier::Prefix, 1000 - untyped - 10 * extra)
        } else {
            continue;
        };
        best = best.max(Some(hit));
    }
    if best.is_none() {
        // The words of every name together, borrowed: most entries get here on each keystroke.
        let pooled: Vec<&String> = names.iter().flat_map(|n| &n.key).collect();
        best = prefix(&pooled, &q.key).map(|untyped| (Tier::Prefix, 500 - untyped));
    }
    if best.is_none() {
        let close = names.iter().filter_map(|n| close(n, q, skim, typos));
        best = close.max().map(|s| (Tier::Close, s));
    }
    best
}

/// When every query word starts a word of `words`: the characters of those words left untyped.
fn prefix<S: AsRef<str>>(words: &[S], query: &[String]) -> Option<i64> {
    let untyped = |qw: &String| {
        let w = words
            .iter()
            .map(AsRef::as_ref)
            .find(|w| w.starts_with(qw.as_str()))?;
        Some((w.chars().count() - qw.chars().count()) as i64)
    };
    query.iter().map(untyped).sum()
}

/// How many edits a query (word) of this many characters may be from a name.
fn allowed_edits(chars: usize) -> usize {
    match chars {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// A near miss of one name, scored 16 a character less 24 an edit: every query word within
/// [`typo`] reach of one of the name's words; or the query a compact subsequence of the name
/// (skim's match, each skipped character an edit). Less 2 for each name word the query lacks.
fn close<'a>(n: &'a Name, q: &'a Name, skim: &SkimMatcherV2, typos: &mut Typos<'a>) -> Option<i64> {
    let by_words = (q.key.iter())
        .map(|qw| n.key.iter().filter_map(|w| typos.get(qw, w)).max())
        .sum::<Option<i64>>();
    // Up to three characters no letter may be skipped: skim would only find the same substring.
    let by_letters = match allowed_edits(q.chars) {
        0 => n.text.contains(&q.text).then_some(0),
        _ => (skim.fuzzy_indices(&n.text, &q.text)).and_then(|(_, found)| gaps(&found, q.chars)),
    };
    let by_letters = by_letters.map(|gaps| 16 * q.chars as i64 - 24 * gaps as i64);
    let extra = n.key.len().saturating_sub(q.key.len()) as i64;
    Some(by_words.max(by_letters)? - 2 * extra)
}

/// Characters skipped inside a match of `chars` characters at these positions, if few enough
/// to count as a typo rather than a scatter ("spot" in "SimPle nOTification" is not a match).
fn gaps(found: &[usize], chars: usize) -> Option<usize> {
    let gaps = (found.last()? - found.first()? + 1).saturating_sub(chars);
    (gaps <= allowed_edits(chars)).then_some(gaps)
}

/// [`typo`] scores by query word and name word: each pair is measured once a search, though
/// the same words recur in many names.
#[derive(Default)]
pub(super) struct Typos<'a>(HashMap<(&'a str, &'a str), Option<i64>>);

impl<'a> Typos<'a> {
    fn get(&mut self, q: &'a str, w: &'a str) -> Option<i64> {
        if allowed_edits(q.len()) == 0 {
            return None; // No typo in a short word (`len` counts bytes, never fewer than chars).
        }
        *self.0.entry((q, w)).or_insert_with(|| typo(q, w))
    }
}

/// The typo score of query word `q` against name word `w`: 16 a character, less 24 an edit
/// (optimal string alignment: Damerau–Levenshtein with adjacent transpositions), less 8 if `q`
/// is only near the start of `w` (it may still be being typed). `None` when too far apart.
fn typo(q: &str, w: &str) -> Option<i64> {
    let (q_len, w_len) = (q.chars().count(), w.chars().count());
    let k = allowed_edits(q_len);
    if k == 0 || w_len + k < q_len {
        return None;
    }
    let score = |d: usize, start: i64| (d <= k).then(|| 16 * q_len as i64 - 24 * d as i64 - start);
    let whole = (w_len.abs_diff(q_len) <= k).then(|| strsim::osa_distance(q, w));
    // Starts of `w` at least as long as `q` and within `k` characters of it: a shorter one
    // would let "cron" be "con" of "concurrency" with a letter too many.
    let ends = w.char_indices().map(|(i, _)| i).chain([w.len()]);
    let start = (ends.enumerate())
        .filter(|&(chars, _)| chars >= q_len && chars <= q_len + k)
        .map(|(_, end)| strsim::osa_distance(q, &w[..end]))
        .min();
    whole
        .and_then(|d| score(d, 0))
        .max(start.and_then(|d| score(d, 8)))
}

/// A text hit: every query word occurs in the title and snippet (`lead`) or the body. Each word
/// scores where it is found best: 4 a whole word of the lead, 3 the start of one, 2 and 1 the
/// same in the body, 0 inside a word.
pub(super) fn by_text(lead: &str, body: &str, q: &Name) -> Option<i64> {
    let word = |w: &String| match (found(lead, w), found(body, w)) {
        (Some(l), b) => Some((l + 2).max(b.unwrap_or(0))),
        (None, b) => b,
    };
    q.key.iter().map(word).sum()
}

/// How `word` occurs in `text` at best: 2 a whole word, 1 a word's start, 0 inside one.
fn found(text: &str, word: &str) -> Option<i64> {
    let alnum = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let at = |(at, w): (usize, &str)| {
        let starts = !alnum(text[..at].chars().next_back());
        let ends = !alnum(text[at + w.len()..].chars().next());
        i64::from(starts) * (1 + i64::from(ends))
    };
    text.match_indices(word).map(at).max()
}

/// The title's characters to highlight: skim's when they form a compact match of the whole
/// query; else those of the title words a query word starts (as many as it has) or is a typo
/// of (all). Matched against the title lowercased a character for a character ("İ" as "i"), so
/// positions are the title's characters.
pub(super) fn highlights(title: &str, q: &Name, skim: &SkimMatcherV2) -> Vec<usize> {
    let lower: String = (title.chars())
        .map(|c| c.to_lowercase().next().unwrap_or(c))
        .collect();
    let compact = skim.fuzzy_indices(&lower, &q.text);
    if let Some((_, found)) = compact.filter(|(_, found)| gaps(found, q.chars).is_some()) {
        return found;
    }
    let mut out = Vec::new();
    for (at, word) in word_spans(&lower) {
        let (start, chars) = (lower[..at].chars().count(), word.chars().count());
        let lit = |qw: &String| match word.starts_with(qw.as_str()) {
            true => qw.chars().count(),
            false if typo(qw, word).is_some() => chars,
            false => 0,
        };
        out.extend(start..start + q.words.iter().map(lit).max().unwrap_or(0).min(chars));
    }
    out
}

/// Lowercase, trimmed, whitespace collapsed: how names, texts and queries are compared.
pub fn normalize(text: &str) -> String {
    let words = text.split_whitespace().map(str::to_lowercase);
    words.collect::<Vec<_>>().join(" ")
}

/// The alphanumeric words of a text with their byte offsets.
fn word_spans(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(move |w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typos_count_transpositions_once_and_allow_for_a_word_being_typed() {
        // One transposition: 9 characters, less one edit.
        assert_eq!(typo("beanstlak", "beanstalk"), Some(16 * 9 - 24));
        // Two edits from "instances", one from its start "instance": the start wins, less 8.
        assert_eq!(typo("instnace", "instances"), Some(16 * 8 - 24 - 8));
        // Up to three characters no edit is allowed; a start shorter than the query is no match.
        assert_eq!(typo("spx", "spot"), None);
        assert_eq!(typo("cron", "concurrency"), None);
    }

    #[test]
    fn scattered_letters_are_not_a_close_match() {
        // "spot" in "simple notification service": s, p, o, t far apart.
        assert_eq!(gaps(&[0, 4, 8, 14], 4), None);
        // "lamda" in "lambda": one letter skipped.
        assert_eq!(gaps(&[0, 1, 2, 4, 5], 5), Some(1));
    }

    #[test]
    fn text_words_score_by_where_they_stand() {
        assert_eq!(found("on ec2, spot or fargate", "spot"), Some(2));
        assert_eq!(found("spotless", "spot"), Some(1));
        assert_eq!(found("despot", "spot"), Some(0));
        assert_eq!(found("lambda", "spot"), None);
        let q = Name::new("spot", false).expect("a word");
        assert_eq!(by_text("batch on spot", "", &q), Some(4));
        assert_eq!(by_text("batch", "spot fleets", &q), Some(2));
    }
}
