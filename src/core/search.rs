//! Search over everything the guide knows: services, glossary concepts and comparison
//! attributes. Pure: no terminal code, so the app's `/` overlay and `computepick search` share it.
//!
//! # Ranking
//!
//! Every hit falls in one [`Tier`]; tiers never interleave, so a title or alias hit always ranks
//! above a hit in some entry's body, and a real match above a guessed typo:
//!
//! 1. [`Tier::ExactTitle`]: the query is the title (case and spacing ignored).
//! 2. [`Tier::ExactAlias`]: the query is an alias or a service id ("k8s", "ASG", "FaaS").
//! 3. [`Tier::Name`]: the query is a fuzzy subsequence of the title or an alias, scored by
//!    fuzzy-matcher's `SkimMatcherV2` ("lamda" finds "Lambda", "fargte" "Fargate"); or its
//!    words, less the filler "AWS" and "Amazon", are all whole words of the title and aliases,
//!    not necessarily the same one ("Amazon Lambda", "AWS Lambda function"), scored with skim's
//!    weights per word (see `words_tier`).
//! 4. [`Tier::Typo`]: every query word is within a small Damerau–Levenshtein distance of a word
//!    of the same title or alias ("beanstlak", "spot instnace"); word order does not matter.
//! 5. [`Tier::Body`]: every query word occurs in the entry's text (summary, description,
//!    definition).
//!
//! Within a tier the higher score wins; equal scores go services first, then concepts, then
//! attributes (the shared aliases, "k8s" and "FaaS", name a service and the concept it
//! is built on, and the service is what people look for), then by title, then by id, so output
//! never depends on iteration order.
//!
//! # Speed
//!
//! The names are lowercased once into one contiguous buffer, each with a bit mask of the bytes it
//! contains, so most non-matches cost one AND; a one-letter query (the first keystroke, which
//! matches nearly everything) is scored from per-name masks of word-start bytes without a scan.
//! `SkimMatcherV2` costs about a microsecond per matching string, too slow to score 100,000
//! entries inside a frame, so when more than [`RESCORE_POOL`] entries match, a cheap greedy
//! score with skim's weights (word starts, consecutive letters, gaps) picks the pool that skim
//! then scores exactly. The embedded guide has far fewer entries than the pool, so its ranking
//! is always skim's own; the benchmark reports how often the pool changes the top ten at
//! 100,000 entries.
//!
//! A [`Searcher`] also remembers the previous query and its name hits: when the new query
//! extends the previous one, only those names are searched again (the fzf trick). That is
//! exact because a string that contains `abc` as a subsequence also contains `ab`. It is used
//! when the previous hits are few ([`NARROW_FRACTION`]): for a broad query (one or two letters
//! at 100,000 entries) the sequential scan of every name is faster than hopping through a long
//! list of hits, and the results are the same either way. The lower
//! tiers are not narrowed, and need not be: they run only when the name tiers leave room in the
//! result, and both work from word indexes built once (the typo tier from the names' words, the
//! body tier from the bodies' tokens), so they never scan every entry. Narrowing them would also
//! be wrong for typos: a longer word can be within reach of words the shorter one was not. The
//! whole-words half of the name tier runs on every search of two or more words (or one with
//! "AWS" or "Amazon"), from the same word index: a hash lookup per word and an intersection of
//! the words' name lists.

use std::collections::HashMap;
use std::sync::Arc;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use crate::data::Guide;

/// Above this many name candidates, a cheap pre-score picks which ones skim scores exactly.
pub const RESCORE_POOL: usize = 1024;

/// The previous query's name hits are searched instead of every name only when they are at most
/// this fraction (1/32) of all names. Visiting a sparse subset misses the cache on every name,
/// while the full scan streams the dense name records; measured at 100,000 entries on this
/// project's 2-core machine, the narrowed scan stopped winning at about 1/25 ("ku" from "k":
/// 15% of names, 3.5 ms narrowed against 2.7 ms in full; "kub" from "ku": 2.7%, 1.5 ms
/// against 2.6 ms; "spot in" from "spot i": 0.6%, 0.8 ms against 2.9 ms).
pub const NARROW_FRACTION: usize = 32;

/// Up to this many names (about 160 KiB of records, which stay in cache) narrowing always pays.
pub const NARROW_ALWAYS: usize = 4096;

/// Words a query may add to a name without changing what it names: "AWS Lambda" and "Amazon
/// Lambda" are Lambda. The words tier ignores them (lowercase; queries are lowercased).
pub const FILLER: &[&str] = &["aws", "amazon"];

/// At most this many suggestions when nothing matches.
pub const SUGGESTIONS: usize = 3;

/// What to say when nothing matches and no title is close enough to suggest.
pub const NO_CLOSE_TITLES: &str =
    "no close titles; try a service name such as Lambda or a concept such as Spot";

/// Scores of different tiers are `tier × TIER_SPAN + score within the tier`, so a hit's number
/// sorts exactly like the list does.
pub const TIER_SPAN: i64 = 10_000;

/// What an entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// One of the seven compute services.
    Service,
    /// A glossary term.
    Concept,
    /// A row of the comparison table.
    Attribute,
}

impl Kind {
    /// The stable lowercase name used in JSON and by the app's labels.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Service => "service",
            Kind::Concept => "concept",
            Kind::Attribute => "attribute",
        }
    }
}

/// How good a hit is; higher is better. Hits of a higher tier always rank first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Tier {
    /// Every query word occurs in the entry's text.
    Body = 0,
    /// Every query word is a near miss (or a prefix) of a word of the title or an alias.
    Typo = 1,
    /// The query is a fuzzy subsequence of the title or an alias, or its words (less "AWS" and
    /// "Amazon") are whole words of the title and aliases.
    Name = 2,
    /// The query equals an alias or a service id. An attribute's label counts here too, so a
    /// concept of the same name (which has a definition to show) comes first.
    ExactAlias = 3,
    /// The query equals the title of a service or concept.
    ExactTitle = 4,
}

/// Which text of the entry matched best.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Title,
    /// The alias at this position in [`Entry::aliases`] (a service's id comes last).
    Alias(usize),
    Body,
}

/// A document to index. The guide's entries are made from the data file; the benchmark makes
/// synthetic ones.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub kind: Kind,
    pub id: String,
    pub title: String,
    pub aliases: Vec<String>,
    /// Matched only after titles and aliases.
    pub body: String,
    /// One line shown next to the title.
    pub snippet: String,
}

/// An indexed entry, as hits refer to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub kind: Kind,
    pub id: String,
    pub title: String,
    pub aliases: Vec<String>,
    pub snippet: String,
}

/// One result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Position in [`Index::entries`].
    pub entry: usize,
    pub tier: Tier,
    /// Which text matched.
    pub field: Field,
    /// `tier × TIER_SPAN + score within the tier`: higher is better, and results are sorted by it.
    pub score: i64,
    /// Character (not byte) positions in the entry's title to highlight, ascending. Empty when
    /// the title itself did not match (an alias or body hit).
    pub title_indices: Vec<usize>,
}

/// What a search returns.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Results {
    /// Best first, at most the limit asked for.
    pub hits: Vec<Hit>,
    /// When there is no hit: entries whose titles are closest to the query, closest first.
    pub suggestions: Vec<usize>,
}

/// One searchable name (a title or an alias), lowercased, as a span of [`Index::text`].
#[derive(Debug, Clone)]
struct Name {
    start: u32,
    end: u32,
    /// Which bytes occur in it (see [`byte_mask`]): a cheap necessary condition for a match.
    mask: u64,
    /// The same for the bytes that start a word (after a space, a slash, a bracket...) and the
    /// bytes right after punctuation: with `first`, a one-letter query's score without a scan.
    heads: u64,
    breaks: u64,
    entry: u32,
    /// [`Field`] packed: 0 the title, `i + 1` alias `i` (keeps the record at 40 bytes, since the
    /// scan touches every one).
    field: u16,
    first: u8,
    ascii: bool,
}

impl Name {
    fn field(&self) -> Field {
        match self.field {
            0 => Field::Title,
            i => Field::Alias(usize::from(i) - 1),
        }
    }
}

#[derive(Debug, Clone)]
struct Slot {
    entry: Entry,
    /// Range in [`Index::names`].
    names: (u32, u32),
    /// Lowercased body.
    body: String,
}

/// The searchable index, built once from the guide (or from documents).
pub struct Index {
    slots: Vec<Slot>,
    /// Each entry's position in the tie-break order (kind, title, id), apart from the slots so
    /// that ranking many candidates reads a dense array.
    ranks: Vec<u32>,
    names: Vec<Name>,
    /// Every lowercased name, back to back.
    text: String,
    /// Normalised name → (entry, exact tier, field), for the exact tiers.
    exact: HashMap<String, Vec<(u32, Tier, Field)>>,
    /// Distinct words of all names, and for each the names that contain it.
    words: Vec<Vec<char>>,
    postings: Vec<Vec<u32>>,
    /// Each word of [`Index::words`] to its position there, for the words tier.
    word_ids: HashMap<Vec<char>, u32>,
    /// Distinct space-separated tokens of the lowercased bodies, and for each the entries that
    /// hold it with the position of its first occurrence. A query word (which has no space) is
    /// a substring of a body exactly when it is a substring of one of its tokens, so the body
    /// tier scans this short list instead of every body.
    body_tokens: Vec<String>,
    body_postings: Vec<Vec<(u32, u32)>>,
    matcher: SkimMatcherV2,
    pool: usize,
}

impl std::fmt::Debug for Index {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Index")
            .field("entries", &self.slots.len())
            .field("names", &self.names.len())
            .field("words", &self.words.len())
            .field("body_tokens", &self.body_tokens.len())
            .finish_non_exhaustive()
    }
}

impl Index {
    /// Indexes the guide's services, glossary terms and comparison attributes.
    pub fn new(guide: &Guide) -> Index {
        Index::from_documents(documents(guide))
    }

    /// Indexes any documents (the benchmark's synthetic sets use this).
    pub fn from_documents(docs: Vec<Document>) -> Index {
        let mut order: Vec<(Kind, String, &str, &str, usize)> = docs
            .iter()
            .enumerate()
            .map(|(i, d)| (d.kind, d.title.to_lowercase(), &d.title[..], &d.id[..], i))
            .collect();
        order.sort_unstable();
        let order: Vec<usize> = order.into_iter().map(|o| o.4).collect();
        let mut rank = vec![0u32; docs.len()];
        for (r, &i) in order.iter().enumerate() {
            rank[i] = r as u32;
        }

        let mut index = Index {
            slots: Vec::with_capacity(docs.len()),
            ranks: Vec::new(),
            names: Vec::new(),
            text: String::new(),
            exact: HashMap::new(),
            words: Vec::new(),
            postings: Vec::new(),
            word_ids: HashMap::new(),
            body_tokens: Vec::new(),
            body_postings: Vec::new(),
            matcher: SkimMatcherV2::default().respect_case(),
            pool: RESCORE_POOL,
        };
        let mut word_ids = std::mem::take(&mut index.word_ids);
        let mut token_ids: HashMap<String, u32> = HashMap::new();
        for (i, doc) in docs.into_iter().enumerate() {
            let entry = i as u32;
            let first = index.names.len() as u32;
            let fields = std::iter::once((Field::Title, doc.title.as_str())).chain(
                doc.aliases
                    .iter()
                    .enumerate()
                    .map(|(a, alias)| (Field::Alias(a), alias.as_str())),
            );
            for (field, name) in fields {
                let lower = normalize(name);
                if lower.is_empty() {
                    continue;
                }
                let tier = match (field, doc.kind) {
                    (Field::Title, Kind::Service | Kind::Concept) => Tier::ExactTitle,
                    _ => Tier::ExactAlias,
                };
                let list = index.exact.entry(lower.clone()).or_default();
                if !list.iter().any(|&(e, t, _)| e == entry && t >= tier) {
                    list.retain(|&(e, _, _)| e != entry);
                    list.push((entry, tier, field));
                }
                let name_id = index.names.len() as u32;
                for word in words(&lower) {
                    let id = match word_ids.get(&word) {
                        Some(&id) => id,
                        None => {
                            let id = word_ids.len() as u32;
                            word_ids.insert(word.clone(), id);
                            index.words.push(word);
                            index.postings.push(Vec::new());
                            id
                        }
                    };
                    let posting = &mut index.postings[id as usize];
                    if posting.last() != Some(&name_id) {
                        posting.push(name_id);
                    }
                }
                let start = index.text.len() as u32;
                index.text.push_str(&lower);
                let (heads, breaks) = start_masks(lower.as_bytes());
                index.names.push(Name {
                    start,
                    end: index.text.len() as u32,
                    mask: byte_mask(lower.as_bytes()),
                    heads,
                    breaks,
                    first: lower.as_bytes()[0],
                    ascii: lower.is_ascii(),
                    entry,
                    field: match field {
                        Field::Alias(i) => u16::try_from(i + 1).unwrap_or(u16::MAX),
                        _ => 0,
                    },
                });
            }
            let body = normalize(&doc.body);
            for (position, token) in body.split(' ').enumerate() {
                if token.is_empty() {
                    continue;
                }
                // Look up before allocating: most tokens have been seen before.
                let id = match token_ids.get(token) {
                    Some(&id) => id,
                    None => {
                        let id = token_ids.len() as u32;
                        token_ids.insert(token.to_owned(), id);
                        index.body_tokens.push(token.to_owned());
                        index.body_postings.push(Vec::new());
                        id
                    }
                };
                let posting = &mut index.body_postings[id as usize];
                if posting.last().is_none_or(|&(e, _)| e != entry) {
                    posting.push((entry, position as u32));
                }
            }
            index.slots.push(Slot {
                body,
                entry: Entry {
                    kind: doc.kind,
                    id: doc.id,
                    title: doc.title,
                    aliases: doc.aliases,
                    snippet: doc.snippet,
                },
                names: (first, index.names.len() as u32),
            });
        }
        index.ranks = rank;
        index.word_ids = word_ids;
        index
    }

    /// How many candidates skim scores exactly before the cheap pre-score decides (default
    /// [`RESCORE_POOL`]); `usize::MAX` scores every candidate, which the benchmark uses to check
    /// that the pool does not change the top results.
    pub fn with_rescore_pool(mut self, pool: usize) -> Index {
        self.pool = pool.max(1);
        self
    }

    pub fn entries(&self) -> impl ExactSizeIterator<Item = &Entry> {
        self.slots.iter().map(|s| &s.entry)
    }

    pub fn entry(&self, i: usize) -> Option<&Entry> {
        self.slots.get(i).map(|s| &s.entry)
    }

    pub fn len(&self) -> usize {
        self.slots.len()
    }

    pub fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }

    /// Searches from scratch: the best `limit` hits for `query`, or suggestions when none.
    pub fn search(&self, query: &str, limit: usize) -> Results {
        self.run(&Query::new(query), limit, &mut Cache::default())
    }

    fn name_str(&self, name: &Name) -> &str {
        self.text
            .get(name.start as usize..name.end as usize)
            .unwrap_or("")
    }

    fn run(&self, q: &Query, limit: usize, cache: &mut Cache) -> Results {
        if q.text.is_empty() || limit == 0 {
            *cache = Cache::default();
            return Results::default();
        }
        let narrow = !cache.query.is_empty()
            && q.text.starts_with(&cache.query)
            && (cache.names.len() <= self.names.len() / NARROW_FRACTION
                || self.names.len() <= NARROW_ALWAYS);
        let mut best: HashMap<u32, Scored> = HashMap::new();

        // Exact names: one lookup.
        if let Some(list) = self.exact.get(&q.text) {
            for &(entry, tier, field) in list {
                let name = self.name_of(entry, field);
                let raw = self.skim(name, &q.text).unwrap_or(0);
                offer(&mut best, self.scored(entry, tier, raw, field, name));
            }
        }

        // Fuzzy names: always computed in full, because the next keystroke narrows from it.
        let (name_cands, matched) = self.name_candidates(q, narrow.then_some(&cache.names[..]));
        self.score_names(q, &name_cands, &mut best);
        self.words_tier(q, &mut best);
        *cache = Cache {
            query: q.text.clone(),
            names: matched,
        };

        // Lower tiers only when the upper ones leave room: they can never outrank them.
        if best.len() < limit {
            self.typo_tier(q, &mut best);
        }
        if best.len() < limit {
            let body = self.body_candidates(q);
            self.score_bodies(q, &body, limit, &mut best);
        }

        let mut ranked: Vec<Scored> = best.into_values().collect();
        ranked.sort_by_key(|s| {
            let rank = self.ranks[s.entry as usize];
            (std::cmp::Reverse(s.key()), s.len, rank)
        });
        ranked.truncate(limit);
        let hits: Vec<Hit> = ranked.iter().map(|s| self.hit(s, q)).collect();
        let suggestions = if hits.is_empty() {
            self.suggest(&q.text, SUGGESTIONS)
        } else {
            Vec::new()
        };
        Results { hits, suggestions }
    }

    fn name_of(&self, entry: u32, field: Field) -> &str {
        let (a, b) = self.slots[entry as usize].names;
        self.names[a as usize..b as usize]
            .iter()
            .find(|n| n.field() == field)
            .map_or("", |n| self.name_str(n))
    }

    fn scored(&self, entry: u32, tier: Tier, raw: i64, field: Field, name: &str) -> Scored {
        Scored {
            entry,
            tier,
            raw,
            field,
            len: name.chars().count() as u32,
            words: false,
        }
    }

    /// Whole words spread over an entry's names: every query word but the filler ("AWS",
    /// "Amazon") is a word of the title or of an alias, not necessarily the same one ("AWS
    /// Lambda function" finds Lambda by its title "AWS Lambda" and alias "Lambda function").
    /// Ranked with the names ([`Tier::Name`]), scored as if each word had been typed alone and
    /// matched where it stands in the name (skim's weights: 16 a character plus the bonus of
    /// where the word starts), less 2 for each word of the best-covered name that the query does
    /// not mention. A one-word query without filler is left to the subsequence match, which
    /// already finds any whole word.
    ///
    /// Cheap at any size: one hash lookup per word, then intersecting the words' posting lists
    /// (ascending name ids, so ascending entries), shortest first.
    fn words_tier(&self, q: &Query, best: &mut HashMap<u32, Scored>) {
        if q.key_words.is_empty() || (q.key_words.len() == 1 && q.words.len() == 1) {
            return;
        }
        let mut lists: Vec<&[u32]> = Vec::with_capacity(q.key_words.len());
        for word in &q.key_words {
            match self.word_ids.get(word) {
                Some(&id) => lists.push(&self.postings[id as usize]),
                None => return,
            }
        }
        lists.sort_by_key(|l| l.len());
        let entries_of = |list: &[u32]| {
            let mut out: Vec<u32> = list.iter().map(|&n| self.names[n as usize].entry).collect();
            out.dedup();
            out
        };
        let mut entries = entries_of(lists[0]);
        for list in &lists[1..] {
            if entries.is_empty() {
                return;
            }
            let other = entries_of(list);
            let mut j = 0;
            entries.retain(|e| {
                while j < other.len() && other[j] < *e {
                    j += 1;
                }
                j < other.len() && other[j] == *e
            });
        }
        for entry in entries {
            if let Some(scored) = self.words_score(entry, q) {
                offer(best, scored);
            }
        }
    }

    fn words_score(&self, entry: u32, q: &Query) -> Option<Scored> {
        let (a, b) = self.slots[entry as usize].names;
        // Per name: each query word's score where it stands (if it is there), and how many words
        // the name has.
        let per_name: Vec<(&Name, Vec<Option<i64>>, usize)> = self.names[a as usize..b as usize]
            .iter()
            .map(|name| {
                let text = self.name_str(name);
                let mut scores = vec![None::<i64>; q.key_words.len()];
                let mut total = 0;
                for (at, word) in word_spans(text) {
                    total += 1;
                    for (k, key) in q.key_strs.iter().enumerate() {
                        if word == key {
                            let chars = q.key_words[k].len() as i64;
                            let here =
                                chars * (16 + i64::from(start_bonus(text.as_bytes(), at))) - 1;
                            scores[k] = scores[k].max(Some(here));
                        }
                    }
                }
                (name, scores, total)
            })
            .collect();
        // The name holding the most query words, then the shortest: the hit's field and length,
        // and where those words are scored. Words it lacks score their best elsewhere, less 8
        // each (spread over names is a looser match); its words the query lacks, 2 each.
        let count = |s: &[Option<i64>]| s.iter().filter(|x| x.is_some()).count();
        let (name, scores, total) = per_name.iter().max_by_key(|(name, scores, _)| {
            (count(scores), std::cmp::Reverse(name.end - name.start))
        })?;
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
        let text = self.name_str(name);
        Some(Scored {
            entry,
            tier: Tier::Name,
            raw: raw - 2 * (total - found) as i64,
            field: name.field(),
            len: text.chars().count() as u32,
            words: true,
        })
    }

    fn skim(&self, choice: &str, pattern: &str) -> Option<i64> {
        self.matcher.fuzzy_match(choice, pattern)
    }

    /// Entries with a name that contains the query as a subsequence, with their best cheap
    /// pre-score, and the names that matched (what the next keystroke narrows to). `within`
    /// restricts the scan to the previous query's matching names. Working on name ids keeps the
    /// narrowed scan on the dense name records: walking a sparse subset of entries instead
    /// missed the cache on every one and made narrowing slower than a full sequential scan.
    fn name_candidates(&self, q: &Query, within: Option<&[u32]>) -> (Vec<(u32, i32)>, Vec<u32>) {
        let mut entries: Vec<(u32, i32)> = Vec::new();
        let mut matched = Vec::new();
        let mut visit = |id: u32| {
            let name = &self.names[id as usize];
            if name.mask & q.mask != q.mask {
                return;
            }
            let cheap = match q.single {
                Some(b) => one_letter(name, b),
                None => {
                    let s = self.name_str(name);
                    let Some(cheap) = greedy(s.as_bytes(), q.text.as_bytes()) else {
                        return;
                    };
                    // Bytes in order are necessary, not sufficient, outside ASCII: ask skim.
                    if !name.ascii && self.skim(s, &q.text).is_none() {
                        return;
                    }
                    cheap
                }
            };
            matched.push(id);
            // On equal pre-scores the shorter name first, as the final order has it, so that
            // the pool keeps the entries that win skim's ties.
            let length = (name.end - name.start).min(255) as i32;
            let cheap = cheap * 256 - length;
            // An entry's names are consecutive, so its best is kept in the last element.
            match entries.last_mut() {
                Some((e, best)) if *e == name.entry => *best = (*best).max(cheap),
                _ => entries.push((name.entry, cheap)),
            }
        };
        match within {
            Some(list) => list.iter().copied().for_each(&mut visit),
            None => (0..self.names.len() as u32).for_each(&mut visit),
        }
        (entries, matched)
    }

    fn score_names(&self, q: &Query, cands: &[(u32, i32)], best: &mut HashMap<u32, Scored>) {
        for entry in pool_of(cands, self.pool, &self.ranks) {
            let (a, b) = self.slots[entry as usize].names;
            for name in &self.names[a as usize..b as usize] {
                if name.mask & q.mask != q.mask {
                    continue;
                }
                let text = self.name_str(name);
                if let Some(raw) = self.skim(text, &q.text) {
                    offer(
                        best,
                        self.scored(entry, Tier::Name, raw, name.field(), text),
                    );
                }
            }
        }
    }

    /// Near misses: each query word within edit distance of (or a prefix of) a word of one name.
    fn typo_tier(&self, q: &Query, best: &mut HashMap<u32, Scored>) {
        if q.words.is_empty() {
            return;
        }
        // For each query word, the names holding a word close to it, with the best word score.
        let mut per_name: Option<HashMap<u32, i64>> = None;
        for word in &q.words {
            let mut scores: HashMap<u32, i64> = HashMap::new();
            for (w, candidate) in self.words.iter().enumerate() {
                let Some(score) = word_score(word, candidate) else {
                    continue;
                };
                for &name in &self.postings[w] {
                    let keep = per_name.as_ref().is_none_or(|m| m.contains_key(&name));
                    if keep {
                        let s = scores.entry(name).or_insert(i64::MIN);
                        *s = (*s).max(score);
                    }
                }
            }
            per_name = Some(match per_name {
                None => scores,
                Some(prev) => scores
                    .into_iter()
                    .filter_map(|(n, s)| prev.get(&n).map(|p| (n, p + s)))
                    .collect(),
            });
        }
        for (name, score) in per_name.unwrap_or_default() {
            let name = &self.names[name as usize];
            let text = self.name_str(name);
            // Words of the name the query did not mention count a little against it.
            let extra = words(text).len().saturating_sub(q.words.len()) as i64;
            let raw = score - 2 * extra;
            offer(
                best,
                self.scored(name.entry, Tier::Typo, raw, name.field(), text),
            );
        }
    }

    /// Entries whose body contains every query word, with a cheap pre-score: a whole word beats
    /// a word start beats a word middle, and an early mention a late one.
    fn body_candidates(&self, q: &Query) -> Vec<(u32, i32)> {
        const ABSENT: i32 = i32::MIN;
        let mut total: Option<Vec<i32>> = None;
        for term in q.text.split(' ') {
            let mut here = vec![ABSENT; self.slots.len()];
            for (token, postings) in self.body_tokens.iter().zip(&self.body_postings) {
                let Some(at) = token.find(term) else { continue };
                let starts = !token[..at].chars().any(char::is_alphanumeric);
                let ends = !token[at + term.len()..].chars().any(char::is_alphanumeric);
                let score =
                    16 * term.len() as i32 + 8 * i32::from(starts) + 8 * i32::from(starts && ends);
                for &(entry, position) in postings {
                    let s = score - (position / 4) as i32;
                    let cell = &mut here[entry as usize];
                    *cell = (*cell).max(s);
                }
            }
            total = Some(match total {
                None => here,
                Some(mut sum) => {
                    for (s, h) in sum.iter_mut().zip(here) {
                        *s = if *s == ABSENT || h == ABSENT {
                            ABSENT
                        } else {
                            *s + h
                        };
                    }
                    sum
                }
            });
        }
        total
            .unwrap_or_default()
            .into_iter()
            .enumerate()
            .filter(|&(_, s)| s != ABSENT)
            .map(|(e, s)| (e as u32, s))
            .collect()
    }

    /// Skim scores the body hits the cheap score ranks best: an eighth of the name pool (but
    /// at least the hits still wanted), since body hits only fill what names leave.
    fn score_bodies(
        &self,
        q: &Query,
        cheap: &[(u32, i32)],
        limit: usize,
        best: &mut HashMap<u32, Scored>,
    ) {
        let terms: Vec<&str> = q.text.split(' ').collect();
        let pool = (self.pool / 8).max(limit);
        for e in pool_of(cheap, pool, &self.ranks) {
            let body = &self.slots[e as usize].body;
            let raw: i64 = terms.iter().filter_map(|t| self.skim(body, t)).sum();
            offer(best, self.scored(e, Tier::Body, raw, Field::Body, ""));
        }
    }

    fn hit(&self, s: &Scored, q: &Query) -> Hit {
        let entry = &self.slots[s.entry as usize].entry;
        let title_indices = if s.tier == Tier::Typo && s.field == Field::Title {
            word_indices(&entry.title, |w| {
                q.words.iter().any(|q| word_score(q, w).is_some())
            })
        } else if s.words {
            word_indices(&entry.title, |w| q.words.iter().any(|q| q.as_slice() == w))
        } else {
            self.title_indices(&entry.title, &q.text)
        };
        Hit {
            entry: s.entry as usize,
            tier: s.tier,
            field: s.field,
            score: s.key(),
            title_indices,
        }
    }

    /// Skim's matched positions in the lowercased title, mapped back to the title's characters
    /// (lowercasing can turn one character into two).
    fn title_indices(&self, title: &str, query: &str) -> Vec<usize> {
        let lower = normalize(title);
        let Some((_, found)) = self.matcher.fuzzy_indices(&lower, query) else {
            return Vec::new();
        };
        let map = lower_to_original(title);
        let mut out: Vec<usize> = found.iter().filter_map(|&i| map.get(i).copied()).collect();
        out.dedup();
        out
    }

    /// Up to `n` entries whose title (or one of its words or aliases) is close to the query,
    /// closest first: within [`suggestion_distance`] edits, so a near miss ("lmbdaa") is offered
    /// Lambda and a query like nothing in the guide ("xyzzyq") is offered nothing rather than
    /// arbitrary titles (say [`NO_CLOSE_TITLES`] then).
    pub fn suggest(&self, query: &str, n: usize) -> Vec<usize> {
        let query = normalize(query);
        if query.is_empty() {
            return Vec::new();
        }
        let reach = suggestion_distance(query.chars().count());
        let mut scored: Vec<(usize, u32, usize)> = self
            .slots
            .iter()
            .enumerate()
            .map(|(i, slot)| {
                let (a, b) = slot.names;
                let distance = self.names[a as usize..b as usize]
                    .iter()
                    .flat_map(|name| {
                        let s = self.name_str(name);
                        std::iter::once(s.to_owned()).chain(s.split(' ').map(str::to_owned))
                    })
                    .map(|s| crate::text::levenshtein(&query, &s))
                    .min()
                    .unwrap_or(usize::MAX);
                (distance, self.ranks[i], i)
            })
            .collect();
        scored.retain(|&(distance, _, _)| distance <= reach);
        scored.sort_unstable();
        scored.into_iter().take(n).map(|(_, _, i)| i).collect()
    }
}

/// A search that remembers the previous query, for typing: when the new query extends the
/// previous one, only the previous hits are searched again. Cloning is cheap (the index is
/// shared), so a view can keep one per search box.
#[derive(Debug, Clone)]
pub struct Searcher {
    index: Arc<Index>,
    cache: Cache,
}

impl Searcher {
    pub fn new(index: impl Into<Arc<Index>>) -> Searcher {
        Searcher {
            index: index.into(),
            cache: Cache::default(),
        }
    }

    pub fn index(&self) -> &Index {
        &self.index
    }

    /// Same results as [`Index::search`], faster while the query grows one key at a time.
    pub fn search(&mut self, query: &str, limit: usize) -> Results {
        self.index.run(&Query::new(query), limit, &mut self.cache)
    }

    /// Forgets the previous query (the next search scans everything).
    pub fn reset(&mut self) {
        self.cache = Cache::default();
    }
}

/// What the previous query matched, for narrowing.
#[derive(Debug, Clone, Default)]
struct Cache {
    query: String,
    /// Names (ids in [`Index::names`]) that contain the query as a subsequence, ascending.
    names: Vec<u32>,
}

/// A normalised query.
struct Query {
    /// Lowercased, trimmed, inner whitespace collapsed to one space.
    text: String,
    mask: u64,
    /// The query's byte when it is one ASCII letter or digit (the first keystroke, the one
    /// that matches nearly everything): scored from each name's masks without a scan.
    single: Option<u8>,
    /// Alphanumeric words, for the typo tier.
    words: Vec<Vec<char>>,
    /// The words less the filler ([`FILLER`]), as characters and as text, for the words tier.
    key_words: Vec<Vec<char>>,
    key_strs: Vec<String>,
}

impl Query {
    fn new(raw: &str) -> Query {
        let text = normalize(raw);
        let single = match text.as_bytes() {
            &[b] if b.is_ascii_alphanumeric() => Some(b),
            _ => None,
        };
        let words = words(&text);
        let key_words: Vec<Vec<char>> = words
            .iter()
            .filter(|w| !FILLER.iter().any(|f| w.iter().copied().eq(f.chars())))
            .cloned()
            .collect();
        Query {
            single,
            mask: byte_mask(text.as_bytes()),
            key_strs: key_words.iter().map(|w| w.iter().collect()).collect(),
            key_words,
            words,
            text,
        }
    }
}

#[derive(Debug, Clone, Copy)]
struct Scored {
    entry: u32,
    tier: Tier,
    raw: i64,
    field: Field,
    /// Characters in the matched name: on equal scores the shorter name is the closer match
    /// (skim does not charge for unmatched trailing text).
    len: u32,
    /// A words-tier hit (query words spread over the names): highlights whole title words.
    words: bool,
}

impl Scored {
    fn key(&self) -> i64 {
        self.tier as i64 * TIER_SPAN + self.raw.clamp(0, TIER_SPAN - 1)
    }
}

/// Keeps the better of an entry's hits: higher tier and score, then the shorter name, then the
/// title over an alias and an earlier alias over a later one. The order is total, so which
/// field is reported never depends on the order hits are offered in.
fn offer(best: &mut HashMap<u32, Scored>, new: Scored) {
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

/// The candidates skim should score: all of them, or the best `pool` by the cheap score (ties
/// by the entries' rank, so the choice is deterministic).
fn pool_of(cands: &[(u32, i32)], pool: usize, ranks: &[u32]) -> Vec<u32> {
    if cands.len() <= pool {
        return cands.iter().map(|&(e, _)| e).collect();
    }
    let mut keyed: Vec<(std::cmp::Reverse<i32>, u32, u32)> = cands
        .iter()
        .map(|&(e, cheap)| (std::cmp::Reverse(cheap), ranks[e as usize], e))
        .collect();
    keyed.select_nth_unstable(pool - 1);
    keyed.truncate(pool);
    keyed.into_iter().map(|(_, _, e)| e).collect()
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

/// For each character of `normalize(text)`, the index of the character of `text` it came from
/// (a collapsed run of whitespace maps to its first character).
fn lower_to_original(text: &str) -> Vec<usize> {
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

/// Alphanumeric words of a lowercased text.
fn words(text: &str) -> Vec<Vec<char>> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.chars().collect())
        .collect()
}

/// The alphanumeric words of a lowercased text with their byte offsets (the same words as
/// [`words`]).
fn word_spans(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut start = None;
    text.char_indices()
        .chain(std::iter::once((text.len(), ' ')))
        .filter_map(move |(i, c)| {
            if c.is_alphanumeric() && i < text.len() {
                start.get_or_insert(i);
                None
            } else {
                start.take().map(|s| (s, &text[s..i]))
            }
        })
}

/// Bit `b` set for each letter or digit present, other bytes folded into the remaining bits.
fn byte_mask(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0u64, |m, &b| m | 1u64 << byte_bit(b))
}

fn byte_bit(b: u8) -> u32 {
    match b {
        b'a'..=b'z' => u32::from(b - b'a'),
        b'0'..=b'9' => 26 + u32::from(b - b'0'),
        _ => 36 + u32::from(b) % 28,
    }
}

/// How skim rates the start of a match at `i`: a word start scores like a head, the very first
/// character twice that, after punctuation a little less.
fn start_bonus(h: &[u8], i: usize) -> i32 {
    match i.checked_sub(1).map(|p| h[p]) {
        None => 16,
        Some(b' ' | b'/' | b'\\' | b'|' | b'(' | b')' | b'[' | b']' | b'{' | b'}') => 8,
        Some(p) if p.is_ascii_punctuation() => 7,
        Some(_) => 0,
    }
}

/// A cheap score for `q` as a subsequence of `h` (both lowercased), or `None` when it is not
/// one. It scores the shortest window ending at the leftmost full match (fzf's v1 algorithm)
/// with skim's weights: 16 a character, word-start bonuses, consecutive runs, gap penalties.
/// Only used to choose which candidates skim scores exactly.
fn greedy(h: &[u8], q: &[u8]) -> Option<i32> {
    let (&first, _) = q.split_first()?;
    if q.len() == 1 {
        // One character: the best of its occurrences, exactly as skim would pick it.
        return h
            .iter()
            .enumerate()
            .filter(|&(_, &b)| b == first)
            .map(|(i, _)| 15 + start_bonus(h, i))
            .max();
    }
    let mut qi = 0;
    let mut end = None;
    for (i, &b) in h.iter().enumerate() {
        if b == q[qi] {
            qi += 1;
            if qi == q.len() {
                end = Some(i);
                break;
            }
        }
    }
    let end = end?;
    let mut qi = q.len();
    let mut start = end;
    for i in (0..=end).rev() {
        if h[i] == q[qi - 1] {
            qi -= 1;
            if qi == 0 {
                start = i;
                break;
            }
        }
    }
    let (mut score, mut qi, mut prev_bonus, mut in_gap) = (-1, 0, None::<i32>, false);
    for i in start..=end {
        if qi < q.len() && h[i] == q[qi] {
            let here = start_bonus(h, i);
            let bonus = match prev_bonus {
                Some(prev) => prev.max(here).max(4),
                None => here,
            };
            score += 16 + bonus;
            prev_bonus = Some(bonus);
            in_gap = false;
            qi += 1;
        } else {
            score -= if in_gap { 1 } else { 4 };
            prev_bonus = None;
            in_gap = true;
        }
    }
    Some(score)
}

/// Masks of the bytes that start a word (after a hard separator, as skim counts them) and of
/// the bytes that follow other punctuation.
fn start_masks(h: &[u8]) -> (u64, u64) {
    let (mut heads, mut breaks) = (0u64, 0u64);
    for i in 1..h.len() {
        match start_bonus(h, i) {
            8 => heads |= 1 << byte_bit(h[i]),
            7 => breaks |= 1 << byte_bit(h[i]),
            _ => {}
        }
    }
    (heads, breaks)
}

/// [`greedy`] for a one-letter query `b` that the name contains (an ASCII letter or digit, whose
/// mask bits are exact): the best of its occurrences, from the masks alone.
fn one_letter(name: &Name, b: u8) -> i32 {
    let bit = 1u64 << byte_bit(b);
    15 + if name.first == b {
        16
    } else if name.heads & bit != 0 {
        8
    } else if name.breaks & bit != 0 {
        7
    } else {
        0
    }
}

/// How many edits (Levenshtein) a query of this many characters may be from a name, or a word
/// of one, to be suggested: a third of its length, at least one. Looser than the typo tier
/// ([`allowed_edits`]), since a suggestion is only offered when nothing matched.
pub fn suggestion_distance(chars: usize) -> usize {
    (chars / 3).max(1)
}

/// How many edits a query word of this length may be from a name word.
fn allowed_edits(len: usize) -> usize {
    match len {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// The typo tier's score of query word `q` against name word `w`: 16 a character, less 24 an
/// edit, less 8 if `q` only matches the start of `w` (it may still be being typed). `None`
/// when they are too far apart.
fn word_score(q: &[char], w: &[char]) -> Option<i64> {
    let k = allowed_edits(q.len());
    if w.len() + k < q.len() {
        return None;
    }
    let (whole, prefix) = edit_distance(q, w);
    let base = 16 * q.len() as i64;
    let whole = (whole <= k).then(|| base - 24 * whole as i64);
    let prefix = (prefix <= k && q.len() >= 3).then(|| base - 24 * prefix as i64 - 8);
    whole.max(prefix)
}

/// Optimal-string-alignment (Damerau–Levenshtein with adjacent transpositions) distance from
/// `a` to `b`, and from `a` to the closest prefix of `b`.
fn edit_distance(a: &[char], b: &[char]) -> (usize, usize) {
    let cols = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * cols];
    for (j, cell) in d.iter_mut().take(cols).enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        d[i * cols] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[(i - 1) * cols + j] + 1)
                .min(d[i * cols + j - 1] + 1)
                .min(d[(i - 1) * cols + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[(i - 2) * cols + j - 2] + 1);
            }
            d[i * cols + j] = v;
        }
    }
    let last = &d[a.len() * cols..];
    (last[b.len()], last.iter().copied().min().unwrap_or(0))
}

/// Character positions of the title words (lowercased) that `matches`: the words a typo or
/// words hit matched.
fn word_indices(title: &str, matches: impl Fn(&[char]) -> bool) -> Vec<usize> {
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
        let word: Vec<char> = chars[start..i]
            .iter()
            .flat_map(|c| c.to_lowercase())
            .collect();
        if matches(&word) {
            out.extend(start..i);
        }
    }
    out
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

/// The guide's searchable documents: services, then glossary terms, then attributes.
pub fn documents(guide: &Guide) -> Vec<Document> {
    let services = guide.services.iter().map(|s| {
        let mut aliases = s.aliases.clone();
        aliases.push(s.id.clone());
        let mut body = vec![s.summary.as_str(), &s.description, &s.model];
        body.extend(s.good_for.iter().map(String::as_str));
        Document {
            kind: Kind::Service,
            id: s.id.clone(),
            title: s.name.clone(),
            aliases,
            body: body.join("\n"),
            snippet: s.summary.clone(),
        }
    });
    let terms = guide.glossary.iter().map(|t| Document {
        kind: Kind::Concept,
        id: t.id.clone(),
        title: t.term.clone(),
        aliases: t.aliases.clone(),
        body: t.definition.clone(),
        snippet: first_sentence(&t.definition).to_owned(),
    });
    let attributes = guide.attributes.iter().map(|a| Document {
        kind: Kind::Attribute,
        id: a.id.clone(),
        title: a.label.clone(),
        aliases: Vec::new(),
        body: a.group.clone(),
        snippet: if a.group.is_empty() {
            "Comparison table row".to_owned()
        } else {
            format!("Comparison table row ({})", a.group)
        },
    });
    services.chain(terms).chain(attributes).collect()
}

#[cfg(test)]
mod tests {
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
        results
            .hits
            .iter()
            .map(|h| index.slots[h.entry].entry.title.clone())
            .collect()
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
        assert_eq!(index.slots[r.hits[0].entry].entry.kind, Kind::Concept);
        assert_eq!(r.hits[0].tier, Tier::ExactTitle);
        assert_eq!(index.search("spot instnace", 10).hits[0].tier, Tier::Typo);
        let r = index.search("discount", 10);
        assert_eq!(titles(&index, &r), ["Spot Instances"]);
        assert_eq!(r.hits[0].tier, Tier::Body);
        assert!(r.hits[0].score < TIER_SPAN);
    }

    #[test]
    fn words_tier_ignores_filler_and_spans_title_and_aliases() {
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
        // A word no name has: no words hit (the word "spot" alone is not enough).
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
        assert!(
            r.hits
                .iter()
                .any(|h| index.slots[h.entry].entry.id == "spot")
        );
    }

    #[test]
    fn greedy_agrees_with_subsequence() {
        for (h, q, found) in [
            ("aws lambda", "lmd", true),
            ("aws lambda", "lamda", true),
            ("aws lambda", "adl", false),
            ("abc", "abcd", false),
        ] {
            assert_eq!(
                greedy(h.as_bytes(), q.as_bytes()).is_some(),
                found,
                "{h} {q}"
            );
        }
    }

    #[test]
    fn one_character_pre_score_is_skims_score() {
        let skim = SkimMatcherV2::default().respect_case();
        for h in [
            "lambda",
            "aws lambda",
            "elastic load",
            "x-ray lens",
            "a/b/l",
        ] {
            assert_eq!(
                greedy(h.as_bytes(), b"l").map(i64::from),
                skim.fuzzy_match(h, "l"),
                "{h}"
            );
        }
    }

    #[test]
    fn one_letter_masks_score_like_the_scan() {
        let index = small();
        for name in &index.names {
            let text = index.name_str(name).as_bytes();
            for b in (b'a'..=b'z').chain(b'0'..=b'9') {
                if name.mask & 1 << byte_bit(b) != 0 {
                    assert_eq!(Some(one_letter(name, b)), greedy(text, &[b]));
                }
            }
        }
    }

    #[test]
    fn edit_distance_counts_transpositions_once() {
        let c = |s: &str| s.chars().collect::<Vec<_>>();
        assert_eq!(edit_distance(&c("beanstlak"), &c("beanstalk")).0, 1);
        assert_eq!(edit_distance(&c("instnace"), &c("instances")), (2, 1));
        assert_eq!(edit_distance(&c(""), &c("abc")), (3, 0));
    }

    #[test]
    fn lowercasing_maps_back_to_title_characters() {
        // 'İ' lowercases to two characters; both map back to position 0.
        assert_eq!(lower_to_original("İx"), [0, 0, 1]);
        assert_eq!(lower_to_original("  A  b"), [2, 3, 5]);
        assert_eq!(normalize("  A  b"), "a b");
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
