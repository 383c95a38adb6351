//! Search over everything the guide knows: services, glossary concepts and comparison
//! attributes. Pure: no terminal code, so the app's `/` overlay and `computepick search` share it.
//!
//! # Ranking
//!
//! A query is matched against each entry's names (its title and aliases; a service's id counts
//! as an alias), then against its text. Every hit falls in one [`Tier`], and tiers never
//! interleave: what people name comes before what merely mentions it.
//!
//! 1. [`Tier::Exact`]: the query is a name ("k8s", "Lambda"). "AWS" and "Amazon" are optional
//!    on both sides, so "Amazon Lambda" is AWS Lambda. A title beats an alias.
//! 2. [`Tier::Prefix`]: every query word starts a word of one name ("lamb", "instances spot"),
//!    or failing that of the entry's names taken together ("AWS Lambda function"). Fewer
//!    characters left untyped rank higher, so "lights" gives Lightsail before Lightsail bundle.
//! 3. [`Tier::Close`]: every query word is a near miss of a word of one name, or of its start
//!    ("lightsale", "spot instnace"; Damerau–Levenshtein by `strsim`), or the whole query is a
//!    compact subsequence of the name (skim's letters in order with as few skipped as a typo
//!    allows: "fargte", "fargatespot").
//! 4. [`Tier::Related`]: an entry that an exact or prefix hit lists as related in the guide: the
//!    services that use Spot for "spot", the services that run scheduled work for "cron". Those
//!    of an exact hit first, then those whose text also mentions the query (as in the text tier).
//! 5. [`Tier::Text`]: every query word occurs in the entry's title, summary or text, a whole word
//!    in its one-line summary counting most.
//!
//! Within a tier the higher score wins, then services before concepts before attributes (the
//! shared alias "k8s" names Amazon EKS and Kubernetes, and the service is what people look for),
//! then the title and the id, so the order never depends on the order of the data file.
//!
//! # Size
//!
//! The guide has about 140 entries; the search is built for it and ten times it. Every keystroke
//! looks at every name and text from scratch: half a millisecond on the guide, under ten at
//! 2,500 entries (`cargo bench --bench search`). There is no index beyond lowercased names.

mod tiers;

use fuzzy_matcher::skim::SkimMatcherV2;

use crate::data::Guide;
use crate::text::first_sentence;
use tiers::Name;
pub use tiers::normalize;

/// At most this many suggestions when nothing matches.
const SUGGESTIONS: usize = 3;

/// What to say when nothing matches and no title is close enough to suggest.
pub const NO_CLOSE_TITLES: &str =
    "no close titles; try a service name such as Lambda or a concept such as Spot";

/// Scores of different tiers are `tier × TIER_SPAN + score within the tier`, so a hit's number
/// sorts exactly like the list does.
const TIER_SPAN: i64 = 10_000;

/// What an entry is. The order is the tie order: services first.
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

/// How a hit matched; higher is better, and a higher tier always ranks first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Tier {
    /// Every query word occurs in the entry's text.
    Text = 0,
    /// Listed as related by an exact or prefix hit.
    Related = 1,
    /// A near miss of a name.
    Close = 2,
    /// The query's words start words of a name.
    Prefix = 3,
    /// The query is a name.
    Exact = 4,
}

/// A searchable entry. The guide's are made by [`entries`]; the tests and the benchmark also
/// make synthetic ones.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub kind: Kind,
    pub id: String,
    pub title: String,
    pub aliases: Vec<String>,
    /// One line shown next to the title; its words count most in the text tier.
    pub snippet: String,
    /// The rest of the text, matched only in the text tier.
    pub body: String,
    /// Ids of services and concepts this one points to (the guide's `related`).
    pub related: Vec<String>,
}

/// One result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Position in [`Index::entries`].
    pub entry: usize,
    pub tier: Tier,
    /// `tier × TIER_SPAN + score within the tier`: higher is better, and results are sorted by it.
    pub score: i64,
    /// Character (not byte) positions in the entry's title to highlight, ascending. Empty when
    /// the title itself did not match (an alias, related or text hit).
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

/// An entry with what matching needs, lowercased once.
#[derive(Debug)]
struct Slot {
    entry: Entry,
    /// The title first, then the aliases; empty ones left out.
    names: Vec<Name>,
    /// The title and the snippet, then the body ([`normalize`]d).
    lead: String,
    body: String,
    /// [`Entry::related`] as positions in [`Index::slots`].
    related: Vec<usize>,
    /// Place in the tie order (kind, then title, then id), worked out once: equal scores sort by
    /// it, so the order never depends on the data file's.
    tie: usize,
}

/// The searchable entries, built once from the guide (or from any entries).
#[derive(Debug)]
pub struct Index {
    slots: Vec<Slot>,
}

impl Index {
    /// Indexes the guide's services, glossary terms and comparison attributes.
    pub fn new(guide: &Guide) -> Index {
        Index::from_entries(entries(guide))
    }

    pub fn from_entries(entries: Vec<Entry>) -> Index {
        let find = |id: &str| {
            let named = |e: &Entry| e.id == id && e.kind != Kind::Attribute;
            entries.iter().position(named)
        };
        let related: Vec<Vec<usize>> = (entries.iter())
            .map(|e| e.related.iter().filter_map(|id| find(id)).collect())
            .collect();
        let mut order: Vec<usize> = (0..entries.len()).collect();
        order.sort_by_cached_key(|&i| {
            let e = &entries[i];
            (e.kind, e.title.to_lowercase(), e.id.clone(), i)
        });
        let mut tie = vec![0; entries.len()];
        for (place, &i) in order.iter().enumerate() {
            tie[i] = place;
        }
        let slots = entries
            .into_iter()
            .zip(related.into_iter().zip(tie))
            .map(|(entry, (related, tie))| Slot {
                names: std::iter::once(&entry.title)
                    .chain(&entry.aliases)
                    .enumerate()
                    // An attribute's label ranks as an alias: a concept of the same name has a
                    // definition to show.
                    .filter_map(|(i, n)| Name::new(n, i == 0 && entry.kind != Kind::Attribute))
                    .collect(),
                lead: normalize(&format!("{} {}", entry.title, entry.snippet)),
                body: normalize(&entry.body),
                related,
                tie,
                entry,
            })
            .collect();
        Index { slots }
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
        let Some(q) = Name::new(query, false).filter(|_| limit > 0) else {
            return Results::default();
        };
        let skim = SkimMatcherV2::default();
        let mut typos = tiers::TypoMemo::default();
        let text = |s: &Slot| tiers::by_text(&s.lead, &s.body, &q);
        // Each entry's best (tier, score within it).
        let mut best: Vec<Option<(Tier, i64)>> = (self.slots.iter())
            .map(|s| {
                let name = tiers::by_name(&s.names, &q, &skim, &mut typos);
                name.or_else(|| text(s).map(|t| (Tier::Text, t)))
            })
            .collect();
        // What an exact or prefix hit points to: first what an exact hit points to, then what
        // also mentions the query.
        for (i, slot) in self.slots.iter().enumerate() {
            if let Some((from @ (Tier::Exact | Tier::Prefix), _)) = best[i] {
                for &r in &slot.related {
                    let mention = text(&self.slots[r]).unwrap_or(0);
                    let offer = (Tier::Related, 100 * from as i64 + mention);
                    if best[r].is_none_or(|b| b < offer) {
                        best[r] = Some(offer);
                    }
                }
            }
        }

        let mut ranked: Vec<(i64, Tier, usize)> = (best.iter().enumerate())
            .filter_map(|(i, b)| b.map(|(tier, raw)| (key(tier, raw), tier, i)))
            .collect();
        ranked.sort_unstable_by_key(|&(score, _, i)| (-score, self.slots[i].tie));
        ranked.truncate(limit);
        let hit = |(score, tier, i): (i64, Tier, usize)| {
            let title = &self.slots[i].entry.title;
            let named = tier >= Tier::Close;
            let title_indices = named.then(|| tiers::highlights(title, &q, &skim));
            let title_indices = title_indices.unwrap_or_default();
            Hit {
                entry: i,
                tier,
                score,
                title_indices,
            }
        };
        let hits: Vec<Hit> = ranked.into_iter().map(hit).collect();
        let suggestions = match hits.is_empty() {
            true => self.suggest(&q.text, SUGGESTIONS),
            false => Vec::new(),
        };
        Results { hits, suggestions }
    }

    /// Up to `n` entries whose title (or one of its words or aliases) is close to the query,
    /// closest first: within a third of its length in edits (Levenshtein), at least one, so a
    /// near miss ("lmbdaa") is offered Lambda and a query like nothing in the guide ("xyzzyq")
    /// is offered nothing rather than arbitrary titles (say [`NO_CLOSE_TITLES`] then). Looser
    /// than the close tier, since a suggestion is only offered when nothing matched.
    /// `query` is [`normalize`]d.
    fn suggest(&self, query: &str, n: usize) -> Vec<usize> {
        let reach = (query.chars().count() / 3).max(1);
        let mut close: Vec<(usize, usize, usize)> = (self.slots.iter().enumerate())
            .filter_map(|(i, slot)| {
                let distance = (slot.names.iter())
                    .flat_map(|n| std::iter::once(&n.text[..]).chain(n.text.split(' ')))
                    .map(|s| strsim::levenshtein(query, s))
                    .min()?;
                (distance <= reach).then_some((distance, slot.tie, i))
            })
            .collect();
        close.sort_unstable();
        close.into_iter().take(n).map(|(.., i)| i).collect()
    }
}

fn key(tier: Tier, raw: i64) -> i64 {
    tier as i64 * TIER_SPAN + raw.clamp(0, TIER_SPAN - 1)
}

/// The guide's searchable entries: services, then glossary terms, then attributes.
pub fn entries(guide: &Guide) -> Vec<Entry> {
    let services = guide.services.iter().map(|s| {
        let mut aliases = s.aliases.clone();
        aliases.push(s.id.clone());
        let mut body = vec![s.description.as_str(), &s.model];
        body.extend(s.good_for.iter().map(String::as_str));
        Entry {
            kind: Kind::Service,
            id: s.id.clone(),
            title: s.name.clone(),
            aliases,
            snippet: s.summary.clone(),
            body: body.join("\n"),
            // `pairs_with` names other AWS services in prose, not entries.
            related: Vec::new(),
        }
    });
    let terms = guide.glossary.iter().map(|t| {
        let snippet = first_sentence(&t.definition);
        Entry {
            kind: Kind::Concept,
            id: t.id.clone(),
            title: t.term.clone(),
            aliases: t.aliases.clone(),
            snippet: snippet.to_owned(),
            body: t.definition[snippet.len()..].to_owned(),
            related: t.related.clone(),
        }
    });
    let attributes = guide.attributes.iter().map(|a| Entry {
        kind: Kind::Attribute,
        id: a.id.clone(),
        title: a.label.clone(),
        aliases: Vec::new(),
        snippet: if a.group.is_empty() {
            "Comparison table row".to_owned()
        } else {
            format!("Comparison table row ({})", a.group)
        },
        body: a.group.clone(),
        related: Vec::new(),
    });
    services.chain(terms).chain(attributes).collect()
}
