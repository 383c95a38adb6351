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
//!    weights per word (see [`tiers::whole_words`]).
//! 4. [`Tier::Typo`]: every query word is within a small Damerau–Levenshtein distance of a word
//!    of the same title or alias, or of its start ("beanstlak", "spot instnace"); word order
//!    does not matter.
//! 5. [`Tier::Body`]: every query word occurs in the entry's text (summary, description,
//!    definition).
//!
//! Within a tier the higher score wins, then the shorter name; equal scores go services first,
//! then concepts, then attributes (the shared aliases "k8s" and "FaaS" name a service and the
//! concept it is built on, and the service is what people look for), then by title, then by id,
//! so output never depends on iteration order.
//!
//! # Size
//!
//! The guide has about 140 entries and 400 names. A search asks skim about every name (a name
//! that does not contain the query's letters in order is turned down before any scoring), and
//! runs the typo and body tiers only when the names leave room in the result, since they can
//! never outrank a name hit. That takes a fraction of a millisecond on the guide and a few at
//! ten times its size (`cargo bench --bench search`), so there is no index beyond the lowercased
//! names, their words and the bodies.

mod tiers;

use std::collections::HashMap;
use std::sync::Arc;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use crate::data::Guide;
use tiers::{Query, Scored, offer};
pub use tiers::{first_sentence, normalize};

/// Words a query may add to a name without changing what it names: "AWS Lambda" and "Amazon
/// Lambda" are Lambda. The whole-words match ignores them (lowercase; queries are lowercased).
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

/// A document to index. The guide's entries are made from the data file; the tests and the
/// benchmark also make synthetic ones.
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

/// A title or an alias, lowercased with its spacing collapsed ([`normalize`]).
#[derive(Debug, Clone)]
struct Name {
    field: Field,
    text: String,
    /// Its words (see [`tiers::words`]), as positions in [`Index::vocabulary`].
    words: Vec<u32>,
}

#[derive(Debug, Clone)]
struct Slot {
    entry: Entry,
    /// The title, then the aliases; empty ones left out.
    names: Vec<Name>,
    /// Lowercased, spacing collapsed.
    body: String,
    /// Place in the tie-break order: kind, then title, then id.
    rank: usize,
}

/// The searchable index, built once from the guide (or from documents).
pub struct Index {
    slots: Vec<Slot>,
    /// Every distinct word of every name, so the typo tier measures each once per search.
    vocabulary: Vec<String>,
    matcher: SkimMatcherV2,
}

impl std::fmt::Debug for Index {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Index")
            .field("entries", &self.slots.len())
            .field("vocabulary", &self.vocabulary.len())
            .finish_non_exhaustive()
    }
}

impl Index {
    /// Indexes the guide's services, glossary terms and comparison attributes.
    pub fn new(guide: &Guide) -> Index {
        Index::from_documents(documents(guide))
    }

    /// Indexes any documents (the tests' and the benchmark's synthetic sets use this).
    pub fn from_documents(docs: Vec<Document>) -> Index {
        let mut order: Vec<usize> = (0..docs.len()).collect();
        order.sort_by_cached_key(|&i| {
            let d = &docs[i];
            (
                d.kind,
                d.title.to_lowercase(),
                d.title.clone(),
                d.id.clone(),
                i,
            )
        });
        let mut rank = vec![0; docs.len()];
        for (r, &i) in order.iter().enumerate() {
            rank[i] = r;
        }
        let mut vocabulary = Vec::new();
        let mut word_ids: HashMap<String, u32> = HashMap::new();
        let slots = docs
            .into_iter()
            .zip(rank)
            .map(|(doc, rank)| {
                let fields = std::iter::once((Field::Title, &doc.title)).chain(
                    doc.aliases
                        .iter()
                        .enumerate()
                        .map(|(i, a)| (Field::Alias(i), a)),
                );
                let names = fields
                    .map(|(field, name)| {
                        let text = normalize(name);
                        let words = tiers::words(&text)
                            .map(|w| {
                                *word_ids.entry(w.to_owned()).or_insert_with(|| {
                                    vocabulary.push(w.to_owned());
                                    vocabulary.len() as u32 - 1
                                })
                            })
                            .collect();
                        Name { field, text, words }
                    })
                    .filter(|n| !n.text.is_empty())
                    .collect();
                Slot {
                    names,
                    body: normalize(&doc.body),
                    rank,
                    entry: Entry {
                        kind: doc.kind,
                        id: doc.id,
                        title: doc.title,
                        aliases: doc.aliases,
                        snippet: doc.snippet,
                    },
                }
            })
            .collect();
        Index {
            slots,
            vocabulary,
            matcher: SkimMatcherV2::default().respect_case(),
        }
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

    /// The best `limit` hits for `query`, or suggestions when there are none.
    pub fn search(&self, query: &str, limit: usize) -> Results {
        let q = Query::new(query);
        if q.text.is_empty() || limit == 0 {
            return Results::default();
        }
        let mut best: HashMap<usize, Scored> = HashMap::new();
        for (e, slot) in self.slots.iter().enumerate() {
            for name in &slot.names {
                if let Some(raw) = self.matcher.fuzzy_match(&name.text, &q.text) {
                    let tier = match (name.text == q.text, name.field, slot.entry.kind) {
                        (false, _, _) => Tier::Name,
                        (true, Field::Title, Kind::Service | Kind::Concept) => Tier::ExactTitle,
                        (true, _, _) => Tier::ExactAlias,
                    };
                    offer(&mut best, Scored::new(e, tier, raw, name.field, &name.text));
                }
            }
            if let Some(scored) = tiers::whole_words(e, &slot.names, &q) {
                offer(&mut best, scored);
            }
        }
        // The lower tiers only when the names leave room: they can never outrank them.
        if best.len() < limit && !q.words.is_empty() {
            let near: Vec<Vec<Option<i64>>> = (q.words.iter())
                .map(|qw| self.vocabulary.iter().map(|w| tiers::typo(qw, w)).collect())
                .collect();
            for (e, slot) in self.slots.iter().enumerate() {
                for name in &slot.names {
                    if let Some(raw) = tiers::typo_score(name, &near) {
                        offer(
                            &mut best,
                            Scored::new(e, Tier::Typo, raw, name.field, &name.text),
                        );
                    }
                }
            }
        }
        if best.len() < limit {
            let terms: Vec<&str> = q.text.split(' ').collect();
            for (e, slot) in self.slots.iter().enumerate() {
                if terms.iter().all(|t| slot.body.contains(t)) {
                    let raw = (terms.iter())
                        .filter_map(|t| self.matcher.fuzzy_match(&slot.body, t))
                        .sum();
                    offer(&mut best, Scored::new(e, Tier::Body, raw, Field::Body, ""));
                }
            }
        }

        let mut ranked: Vec<Scored> = best.into_values().collect();
        ranked.sort_by_key(|s| (std::cmp::Reverse(s.key()), s.len, self.slots[s.entry].rank));
        ranked.truncate(limit);
        let hits: Vec<Hit> = ranked.iter().map(|s| self.hit(s, &q)).collect();
        let suggestions = if hits.is_empty() {
            self.suggest(&q.text, SUGGESTIONS)
        } else {
            Vec::new()
        };
        Results { hits, suggestions }
    }

    fn hit(&self, s: &Scored, q: &Query) -> Hit {
        let title = &self.slots[s.entry].entry.title;
        let title_indices = if s.tier == Tier::Typo && s.field == Field::Title {
            tiers::word_indices(title, |w| {
                q.words.iter().any(|q| tiers::typo(q, w).is_some())
            })
        } else if s.whole_words {
            tiers::word_indices(title, |w| q.words.iter().any(|q| q == w))
        } else {
            self.title_indices(title, &q.text)
        };
        Hit {
            entry: s.entry,
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
        let map = tiers::lower_to_original(title);
        let mut out: Vec<usize> = found.iter().filter_map(|&i| map.get(i).copied()).collect();
        out.dedup();
        out
    }

    /// Up to `n` entries whose title (or one of its words or aliases) is close to the query,
    /// closest first: within a third of its length in edits (Levenshtein), at least one, so a
    /// near miss ("lmbdaa") is offered Lambda and a query like nothing in the guide ("xyzzyq")
    /// is offered nothing rather than arbitrary titles (say [`NO_CLOSE_TITLES`] then). Looser
    /// than the typo tier, since a suggestion is only offered when nothing matched.
    pub fn suggest(&self, query: &str, n: usize) -> Vec<usize> {
        let query = normalize(query);
        let reach = (query.chars().count() / 3).max(1);
        if query.is_empty() {
            return Vec::new();
        }
        let mut close: Vec<(usize, usize, usize)> = (self.slots.iter().enumerate())
            .filter_map(|(i, slot)| {
                let distance = (slot.names.iter())
                    .flat_map(|n| std::iter::once(&n.text[..]).chain(n.text.split(' ')))
                    .map(|s| strsim::levenshtein(&query, s))
                    .min()?;
                (distance <= reach).then_some((distance, slot.rank, i))
            })
            .collect();
        close.sort_unstable();
        close.into_iter().take(n).map(|(_, _, i)| i).collect()
    }
}

/// A search box's handle on a shared index: cloning is cheap, so a view can keep one. Every
/// keystroke searches from scratch, which is fast enough at the guide's size.
#[derive(Debug, Clone)]
pub struct Searcher {
    index: Arc<Index>,
}

impl Searcher {
    pub fn new(index: impl Into<Arc<Index>>) -> Searcher {
        Searcher {
            index: index.into(),
        }
    }

    pub fn index(&self) -> &Index {
        &self.index
    }

    /// The same as [`Index::search`].
    pub fn search(&mut self, query: &str, limit: usize) -> Results {
        self.index.search(query, limit)
    }
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
