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
//!    ("lightsale", "spot instnace"), or the whole query is the name's letters in order with as
//!    few skipped as a typo allows ("fargte", "fargatespot").
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
//! Built for the guide's 140 entries and ten times that: every keystroke looks at every name and
//! text from scratch, half a millisecond on the guide and under ten at 2,500 entries (`cargo
//! bench --bench search`). There is no index beyond lowercased names.

mod tiers;

use std::cmp::Reverse;

use fuzzy_matcher::skim::SkimMatcherV2;

use crate::data::Guide;
use crate::text::first_sentence;
use tiers::Name;
pub use tiers::normalize;

/// What to say when nothing matches and no title is close enough to suggest.
pub const NO_CLOSE_TITLES: &str =
    "no close titles; try a service name such as Lambda or a concept such as Spot";

/// Scores of different tiers are `tier × TIER_SPAN + score within the tier`, so a hit's number
/// sorts exactly like the list does.
const TIER_SPAN: i64 = 10_000;

/// What an entry is: one of the seven services, a glossary term or a row of the comparison
/// table. The order is the tie order: services first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Service,
    Concept,
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

/// How a hit matched (see the module's ranking); a higher tier always ranks first. Its number
/// (0 to 4) is the score's `tier` part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Tier {
    Text,
    Related,
    Close,
    Prefix,
    Exact,
}

/// A searchable entry: the guide's (made by [`entries`]) or synthetic ones (tests, benchmark).
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
    /// `tier × TIER_SPAN + score within the tier`: results are sorted by it, highest first.
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
    /// Equal scores sort by (kind, title, id), never by the data file's order.
    tie: (Kind, String, String),
}

/// The searchable entries, built once from the guide (or from any entries).
#[derive(Debug)]
pub struct Index {
    slots: Vec<Slot>,
}

impl Index {
    pub fn new(guide: &Guide) -> Index {
        Index::from_entries(entries(guide))
    }

    pub fn from_entries(entries: Vec<Entry>) -> Index {
        let find = |id: &String| {
            let named = |e: &Entry| &e.id == id && e.kind != Kind::Attribute;
            entries.iter().position(named)
        };
        let related: Vec<Vec<usize>> = (entries.iter())
            .map(|e| e.related.iter().filter_map(find).collect())
            .collect();
        let slots = entries
            .into_iter()
            .zip(related)
            .map(|(entry, related)| Slot {
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
                tie: (entry.kind, entry.title.to_lowercase(), entry.id.clone()),
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

    /// The best `limit` hits for `query`, or suggestions when there are none.
    pub fn search(&self, query: &str, limit: usize) -> Results {
        let Some(q) = Name::new(query, false).filter(|_| limit > 0) else {
            return Results::default();
        };
        let skim = SkimMatcherV2::default();
        let mut typos = tiers::Typos::default();
        let text = |s: &Slot| tiers::by_text(&s.lead, &s.body, &q);
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

        let mut hits: Vec<Hit> = (best.into_iter().enumerate())
            .filter_map(|(entry, best)| {
                let (tier, raw) = best?;
                Some(Hit {
                    entry,
                    tier,
                    score: tier as i64 * TIER_SPAN + raw.clamp(0, TIER_SPAN - 1),
                    title_indices: Vec::new(),
                })
            })
            .collect();
        hits.sort_unstable_by_key(|h| (Reverse(h.score), &self.slots[h.entry].tie, h.entry));
        hits.truncate(limit);
        for h in hits.iter_mut().filter(|h| h.tier >= Tier::Close) {
            h.title_indices = tiers::highlights(&self.slots[h.entry].entry.title, &q, &skim);
        }
        let suggestions = match hits.is_empty() {
            true => self.suggest(&q.text),
            false => Vec::new(),
        };
        Results { hits, suggestions }
    }

    /// Up to three entries with a name (or a word of one) close to the [`normalize`]d query,
    /// closest first: within a third of its length in edits, at least one, so "lmbdaa" is offered
    /// Lambda and "xyzzyq" nothing rather than arbitrary titles (say [`NO_CLOSE_TITLES`] then).
    /// Looser than the close tier, since it is only offered when nothing matched.
    fn suggest(&self, query: &str) -> Vec<usize> {
        let reach = (query.chars().count() / 3).max(1);
        let mut close: Vec<_> = (self.slots.iter().enumerate())
            .filter_map(|(i, slot)| {
                let distance = (slot.names.iter())
                    .flat_map(|n| std::iter::once(&n.text[..]).chain(n.text.split(' ')))
                    .map(|s| strsim::levenshtein(query, s))
                    .min()?;
                (distance <= reach).then_some((distance, &slot.tie, i))
            })
            .collect();
        close.sort_unstable();
        close.into_iter().take(3).map(|(.., i)| i).collect()
    }
}

/// The guide's searchable entries: services, then glossary terms, then attributes.
pub fn entries(guide: &Guide) -> Vec<Entry> {
    let services = guide.services.iter().map(|s| {
        let body = [&s.description, &s.model].into_iter().chain(&s.good_for);
        Entry {
            kind: Kind::Service,
            id: s.id.clone(),
            title: s.name.clone(),
            aliases: s.aliases.iter().chain([&s.id]).cloned().collect(),
            snippet: s.summary.clone(),
            body: body.map(String::as_str).collect::<Vec<_>>().join("\n"),
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
        snippet: match a.group.as_str() {
            "" => "Comparison table row".to_owned(),
            group => format!("Comparison table row ({group})"),
        },
        body: a.group.clone(),
        related: Vec::new(),
    });
    services.chain(terms).chain(attributes).collect()
}
