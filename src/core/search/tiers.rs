//! The query, the hits being ranked, and the scoring that skim does not do: whole query words spread over an entry's names, near
//! misses for the typo tier, and the text helpers (normalising, words, highlights, snippets).

use std::collections::HashMap;

use super::{FILLER, Field, Name, TIER_SPAN, Tier};

/// Whole words spread over an entry's names: every query word but the filler ("AWS",
/// "Amazon") is a word of the title or of an alias, not necessarily the same one ("AWS Lambda
/// function" finds Lambda by its title "AWS Lambda" and alias "Lambda function"). Ranked with
/// the names ([`Tier::Name`]), scored as if each word had been typed alone and matched where it
/// stands in the name (skim's weights: 16 a character plus the bonus of where the word starts),
/// less 2 for each word of the best-covered name that the query does not mention. A one-word
/// query without filler is left to skim, which already finds any whole word.
pub(super) fn whole_words(entry: usize, names: &[Name], q: &Query) -> Option<Scored> {
    if q.key_words.is_empty() || (q.key_words.len() == 1 && q.words.len() == 1) {
        return None;
    }
    // Per name: each query word's score where it stands (if it is there), and how many words
    // the name has.
    let per_name: Vec<(&Name, Vec<Option<i64>>, usize)> = names
        .iter()
        .map(|name| {
            let mut scores = vec![None::<i64>; q.key_words.len()];
            let mut total = 0;
            for (at, word) in word_spans(&name.text) {
                total += 1;
                for (k, key) in q.key_words.iter().enumerate() {
                    if word == key {
                        let bonus = start_bonus(name.text.as_bytes(), at);
                        let here = key.chars().count() as i64 * (16 + bonus) - 1;
                        scores[k] = scores[k].max(Some(here));
                    }
                }
            }
            (name, scores, total)
        })
        .collect();
    // The name holding the most query words, then the shortest (the last of equals): the hit's
    // field and length, and where those words are scored. Words it lacks score their best
    // elsewhere, less 8 each (spread over names is a looser match); its words the query lacks,
    // 2 each. A query word no name has: no hit.
    let count = |s: &[Option<i64>]| s.iter().filter(|x| x.is_some()).count();
    let (name, scores, total) = per_name
        .iter()
        .max_by_key(|(name, scores, _)| (count(scores), std::cmp::Reverse(name.text.len())))?;
    let mut raw = 0;
    for (k, here) in scores.iter().enumerate() {
        raw += match here {
            Some(s) => *s,
            None => per_name.iter().filter_map(|(_, s, _)| s[k]).max()? - 8,
        };
    }
    let found = count(scores);
    if found == 0 {
        return None;
    }
    Some(Scored {
        whole_words: true,
        ..Scored::new(
            entry,
            Tier::Name,
            raw - 2 * (total - found) as i64,
            name.field,
            &name.text,
        )
    })
}

/// How skim rates the start of a match at byte `i`: the very first character 16, a word start
/// 8, after other punctuation 7.
fn start_bonus(h: &[u8], i: usize) -> i64 {
    match i.checked_sub(1).map(|p| h[p]) {
        None => 16,
        Some(b' ' | b'/' | b'\\' | b'|' | b'(' | b')' | b'[' | b']' | b'{' | b'}') => 8,
        Some(p) if p.is_ascii_punctuation() => 7,
        Some(_) => 0,
    }
}

/// The typo tier's score for a name: the sum, over the query's words, of the best [`typo`]
/// score among the name's words (`near[query word][vocabulary word]`), less 2 for each word of
/// the name beyond the query's. `None` unless every query word is near one of the name's.
pub(super) fn typo_score(name: &Name, near: &[Vec<Option<i64>>]) -> Option<i64> {
    let mut score = 0;
    for scores in near {
        score += name
            .words
            .iter()
            .filter_map(|&w| scores[w as usize])
            .max()?;
    }
    let extra = name.words.len().saturating_sub(near.len()) as i64;
    Some(score - 2 * extra)
}

/// How many edits a query word of this many characters may be from a name word.
fn allowed_edits(chars: usize) -> usize {
    match chars {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// The typo score of query word `q` against name word `w`: 16 a character, less 24 an edit
/// (optimal string alignment: Damerau–Levenshtein with adjacent transpositions), less 8 if `q`
/// is only near the start of `w` (it may still be being typed). `None` when they are too far
/// apart.
pub(super) fn typo(q: &str, w: &str) -> Option<i64> {
    let (q_len, w_len) = (q.chars().count(), w.chars().count());
    let k = allowed_edits(q_len);
    if w_len + k < q_len {
        return None;
    }
    let base = 16 * q_len as i64;
    // Strings whose lengths differ by more than `k` are more than `k` edits apart: only a prefix
    // of `w` within `k` characters of `q`'s length can be close enough.
    let whole = (w_len.abs_diff(q_len) <= k)
        .then(|| strsim::osa_distance(q, w))
        .filter(|&d| d <= k)
        .map(|d| base - 24 * d as i64);
    let ends = w.char_indices().map(|(i, _)| i).chain([w.len()]);
    let prefix = (q_len >= 3)
        .then(|| {
            ends.enumerate()
                .filter(|&(chars, _)| chars.abs_diff(q_len) <= k)
                .map(|(_, end)| strsim::osa_distance(q, &w[..end]))
                .min()
        })
        .flatten()
        .filter(|&d| d <= k)
        .map(|d| base - 24 * d as i64 - 8);
    whole.max(prefix)
}

/// A normalised query.
pub(super) struct Query {
    /// Lowercased, trimmed, inner whitespace collapsed to one space.
    pub(super) text: String,
    /// Alphanumeric words, for the typo tier and highlights.
    pub(super) words: Vec<String>,
    /// The words less the filler ([`FILLER`](super::FILLER)), for the whole-words match.
    pub(super) key_words: Vec<String>,
}

impl Query {
    pub(super) fn new(raw: &str) -> Query {
        let text = normalize(raw);
        let words: Vec<String> = words(&text).map(str::to_owned).collect();
        let key_words = (words.iter())
            .filter(|w| !FILLER.contains(&w.as_str()))
            .cloned()
            .collect();
        Query {
            text,
            words,
            key_words,
        }
    }
}

/// An entry's best hit so far.
#[derive(Debug, Clone, Copy)]
pub(super) struct Scored {
    pub(super) entry: usize,
    pub(super) tier: Tier,
    pub(super) raw: i64,
    pub(super) field: Field,
    /// Characters in the matched name: on equal scores the shorter name is the closer match
    /// (skim does not charge for unmatched trailing text).
    pub(super) len: usize,
    /// Query words spread over the names ([`whole_words`]): highlights whole words.
    pub(super) whole_words: bool,
}

impl Scored {
    pub(super) fn new(entry: usize, tier: Tier, raw: i64, field: Field, name: &str) -> Scored {
        Scored {
            entry,
            tier,
            raw,
            field,
            len: name.chars().count(),
            whole_words: false,
        }
    }

    pub(super) fn key(&self) -> i64 {
        self.tier as i64 * TIER_SPAN + self.raw.clamp(0, TIER_SPAN - 1)
    }
}

/// Keeps the better of an entry's hits: higher tier and score, then the shorter name, then the
/// title over an alias and an earlier alias over a later one. The order is total, so which
/// field is reported never depends on the order hits are offered in.
pub(super) fn offer(best: &mut HashMap<usize, Scored>, new: Scored) {
    let rank = |s: &Scored| {
        let field = match s.field {
            Field::Title => 0,
            Field::Alias(i) => i + 1,
            Field::Body => usize::MAX,
        };
        (s.key(), std::cmp::Reverse(s.len), std::cmp::Reverse(field))
    };
    best.entry(new.entry)
        .and_modify(|old| {
            if rank(&new) > rank(old) {
                *old = new;
            }
        })
        .or_insert(new);
}

/// Lowercase, trimmed, whitespace collapsed: how names, bodies and queries are compared.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

/// The alphanumeric words of a lowercased text.
pub(super) fn words(text: &str) -> impl Iterator<Item = &str> {
    word_spans(text).map(|(_, w)| w)
}

/// The alphanumeric words of a text with their byte offsets.
fn word_spans(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(move |w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
}

/// Character positions of the title words (lowercased) that `matches`: the words a typo or
/// whole-words hit matched.
pub(super) fn word_indices(title: &str, matches: impl Fn(&str) -> bool) -> Vec<usize> {
    let chars: Vec<char> = title.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_alphanumeric() {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && chars[i].is_alphanumeric() {
            i += 1;
        }
        let word: String = chars[start..i]
            .iter()
            .flat_map(|c| c.to_lowercase())
            .collect();
        if matches(&word) {
            out.extend(start..i);
        }
    }
    out
}

/// For each character of `normalize(text)`, the index of the character of `text` it came from
/// (a collapsed run of whitespace maps to its first character).
pub(super) fn lower_to_original(text: &str) -> Vec<usize> {
    let mut map = Vec::with_capacity(text.len());
    let mut space = None;
    for (i, c) in text.chars().enumerate() {
        if c.is_whitespace() {
            if !map.is_empty() && space.is_none() {
                space = Some(i);
            }
            continue;
        }
        if let Some(s) = space.take() {
            map.push(s);
        }
        map.extend(std::iter::repeat_n(i, c.to_lowercase().count()));
    }
    map
}

/// The first sentence of a text: up to the first ". " that is followed by a capital and does
/// not end an abbreviation ("N. Virginia", "e.g. "), or all of it.
pub fn first_sentence(text: &str) -> &str {
    for (at, _) in text.match_indices(". ") {
        let word = text[..at]
            .rsplit(|c: char| c.is_whitespace() || c == '(')
            .next()
            .unwrap_or("");
        let next = text[at + 2..].chars().next();
        let abbreviation = word.chars().count() < 2 || word.contains('.');
        if !abbreviation && next.is_some_and(|c| c.is_uppercase() || c.is_numeric()) {
            return &text[..=at];
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::super::{Document, Index, Kind, Results};
    use super::*;

    fn doc(kind: Kind, id: &str, title: &str, aliases: &[&str], body: &str) -> Document {
        Document {
            kind,
            id: id.into(),
            title: title.into(),
            aliases: aliases.iter().map(|a| (*a).to_owned()).collect(),
            body: body.into(),
            snippet: body.into(),
        }
    }

    fn small() -> Index {
        Index::from_documents(vec![
            doc(
                Kind::Service,
                "lambda",
                "AWS Lambda",
                &["FaaS", "lambda"],
                "Run functions on events.",
            ),
            doc(
                Kind::Concept,
                "faas",
                "Function as a service",
                &["FaaS"],
                "Code run per event.",
            ),
            doc(
                Kind::Concept,
                "spot",
                "Spot Instances",
                &["Spot"],
                "Spare EC2 capacity at a discount.",
            ),
            doc(Kind::Attribute, "concurrency", "Concurrency", &[], "Limits"),
            doc(
                Kind::Concept,
                "concurrency",
                "Concurrency",
                &[],
                "How many run at once.",
            ),
        ])
    }

    fn titles(index: &Index, results: &Results) -> Vec<String> {
        let title = |h: &super::super::Hit| index.entry(h.entry).map(|e| e.title.clone());
        results.hits.iter().filter_map(title).collect()
    }

    #[test]
    fn tiers_order_exact_fuzzy_typo_body() {
        let index = small();
        let r = index.search("faas", 10);
        assert_eq!(
            titles(&index, &r)[..2],
            ["AWS Lambda", "Function as a service"]
        );
        assert_eq!(r.hits[0].tier, Tier::ExactAlias);
        let r = index.search("concurrency", 10);
        assert_eq!(
            index.entry(r.hits[0].entry).map(|e| e.kind),
            Some(Kind::Concept)
        );
        assert_eq!(r.hits[0].tier, Tier::ExactTitle);
        assert_eq!(index.search("spot instnace", 10).hits[0].tier, Tier::Typo);
        let r = index.search("discount", 10);
        assert_eq!(titles(&index, &r), ["Spot Instances"]);
        assert_eq!(r.hits[0].tier, Tier::Body);
        assert!(r.hits[0].score < TIER_SPAN);
    }

    #[test]
    fn whole_words_ignore_filler_and_span_title_and_aliases() {
        let index = small();
        // "lambda" is in the title, "faas" an alias; "amazon" is filler.
        let r = index.search("amazon lambda faas", 10);
        assert_eq!(titles(&index, &r)[0], "AWS Lambda");
        assert_eq!(r.hits[0].tier, Tier::Name);
        // The title's whole words that the query names are highlighted: "Lambda".
        assert_eq!(r.hits[0].title_indices, (4..10).collect::<Vec<_>>());
        let r = index.search("Amazon Spot Instances", 10);
        assert_eq!(titles(&index, &r)[0], "Spot Instances");
        assert_eq!(r.hits[0].tier, Tier::Name);
        assert_eq!(r.hits[0].title_indices.len(), "SpotInstances".len());
        // A word no name has: no whole-words hit (the word "spot" alone is not enough).
        let r = index.search("amazon spot fleet", 10);
        assert!(r.hits.iter().all(|h| h.tier < Tier::Name));
    }

    #[test]
    fn no_hit_suggests_only_close_titles() {
        let index = small();
        // Like nothing in the index: no suggestion rather than arbitrary ones.
        let r = index.search("qqqqzz", 10);
        assert!(r.hits.is_empty());
        assert!(r.suggestions.is_empty());
        // Two edits from "lambda", a word of a title and an alias.
        let r = index.search("qambdx", 10);
        assert!(r.hits.is_empty());
        assert_eq!(r.suggestions, [0]);
        let r = index.search("spto", 10);
        assert!(r.hits.iter().any(|h| h.entry == 2));
    }

    #[test]
    fn typos_count_transpositions_once_and_allow_for_a_word_being_typed() {
        // One transposition: 9 characters, less one edit.
        assert_eq!(typo("beanstlak", "beanstalk"), Some(16 * 9 - 24));
        // Two edits from "instances", one from its start "instance": the start wins, less 8.
        assert_eq!(typo("instnace", "instances"), Some(16 * 8 - 24 - 8));
        // Up to three characters, no edit allowed; a start is enough from three.
        assert_eq!(typo("spo", "spot"), Some(16 * 3 - 8));
        assert_eq!(typo("spx", "spot"), None);
        assert_eq!(typo("lambda", "lam"), None);
    }

    #[test]
    fn lowercasing_maps_back_to_title_characters() {
        // 'İ' lowercases to two characters; both map back to position 0.
        assert_eq!(lower_to_original("İx"), [0, 0, 1]);
        assert_eq!(lower_to_original("  A  b"), [2, 3, 5]);
        assert_eq!(normalize("  A  b"), "a b");
        assert_eq!(
            words("x-ray (lens)/2").collect::<Vec<_>>(),
            ["x", "ray", "lens", "2"]
        );
    }

    #[test]
    fn first_sentence_stops_at_the_first_full_stop() {
        assert_eq!(first_sentence("One. Two."), "One.");
        assert_eq!(first_sentence("No stop"), "No stop");
        assert_eq!(
            first_sentence("Such as us-east-1 (N. Virginia). Next, e.g. this. Done."),
            "Such as us-east-1 (N. Virginia)."
        );
    }
}
