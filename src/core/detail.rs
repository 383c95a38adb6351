//! What a detail page says about a service or a glossary term, as a list of pieces that the
//! command line (`show`) and the app both render. One source, so the two never disagree.

use crate::data::{Guide, Service, Term};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    Title(String),
    /// A short line under the title (summary, aliases).
    Subtitle(String),
    Paragraph(String),
    /// A heading for the pieces that follow.
    Heading(String),
    List {
        label: String,
        items: Vec<String>,
    },
    /// A checkable statement with its source and date.
    Fact {
        label: String,
        value: String,
        source: String,
        as_of: String,
    },
    /// Where a term's whole page comes from, and when it was checked.
    Source {
        url: String,
        as_of: String,
    },
}

/// Something that has a detail page.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Target<'a> {
    Service(&'a Service),
    Term(&'a Term),
}

impl<'a> Target<'a> {
    /// Finds a service or term by id, name, or alias (case-insensitive).
    pub fn find(guide: &'a Guide, query: &str) -> Option<Self> {
        let q = query.trim().to_lowercase();
        let same = |s: &str| s.to_lowercase() == q;
        guide
            .services
            .iter()
            .find(|s| same(&s.id))
            .map(Target::Service)
            .or_else(|| {
                guide
                    .glossary
                    .iter()
                    .find(|t| same(&t.id))
                    .map(Target::Term)
            })
            .or_else(|| {
                guide
                    .services
                    .iter()
                    .find(|s| same(&s.name) || s.aliases.iter().any(|a| same(a)))
                    .map(Target::Service)
            })
            .or_else(|| {
                guide
                    .glossary
                    .iter()
                    .find(|t| same(&t.term) || t.aliases.iter().any(|a| same(a)))
                    .map(Target::Term)
            })
    }

    pub fn id(&self) -> &'a str {
        match self {
            Target::Service(s) => &s.id,
            Target::Term(t) => &t.id,
        }
    }

    pub fn pieces(&self, guide: &Guide) -> Vec<Piece> {
        match self {
            Target::Service(s) => service(guide, s),
            Target::Term(t) => term(guide, t),
        }
    }
}

/// All ids `show` accepts, for suggestions.
pub fn all_ids(guide: &Guide) -> impl Iterator<Item = &str> {
    guide
        .services
        .iter()
        .map(|s| s.id.as_str())
        .chain(guide.glossary.iter().map(|t| t.id.as_str()))
}

fn list(label: &str, items: &[String]) -> Option<Piece> {
    (!items.is_empty()).then(|| Piece::List {
        label: label.to_owned(),
        items: items.to_vec(),
    })
}

fn service(guide: &Guide, s: &Service) -> Vec<Piece> {
    let mut pieces = vec![
        Piece::Title(format!("{} ({})", s.name, s.id)),
        Piece::Subtitle(s.summary.clone()),
    ];
    if !s.aliases.is_empty() {
        pieces.push(Piece::Subtitle(format!(
            "Also known as: {}",
            s.aliases.join(", ")
        )));
    }
    if !s.description.is_empty() {
        pieces.push(Piece::Paragraph(s.description.clone()));
    }
    if !s.model.is_empty() {
        pieces.push(Piece::List {
            label: "Model".into(),
            items: vec![s.model.clone()],
        });
    }
    pieces.extend(
        [
            ("You manage", &s.you_manage),
            ("AWS manages", &s.aws_manages),
            ("Good for", &s.good_for),
            ("Poor fit", &s.poor_fit),
            ("Usually paired with", &s.pairs_with),
        ]
        .into_iter()
        .filter_map(|(label, items)| list(label, items)),
    );
    if !s.source.trim().is_empty() {
        // Where the description and the lists above come from; the facts carry their own.
        pieces.push(Piece::Fact {
            label: "Description and lists".into(),
            value: "from AWS's overview of the service, and the facts below".into(),
            source: s.source.clone(),
            as_of: s.as_of.clone(),
        });
    }
    if !s.facts.is_empty() {
        pieces.push(Piece::Heading(format!(
            "Facts (prices in {} unless stated)",
            guide.meta.region
        )));
        // In the order of the comparison attributes, then any others.
        let mut facts: Vec<_> = s.facts.iter().collect();
        let order = |id: &str| {
            guide
                .attributes
                .iter()
                .position(|a| a.id == id)
                .unwrap_or(usize::MAX)
        };
        facts.sort_by_key(|f| order(&f.attribute));
        for fact in facts {
            let label = guide
                .attributes
                .iter()
                .find(|a| a.id == fact.attribute)
                .map_or_else(|| fact.attribute.clone(), |a| a.label.clone());
            pieces.push(Piece::Fact {
                label,
                value: fact.value.clone(),
                source: fact.source.clone(),
                as_of: fact.as_of.clone(),
            });
        }
    }
    let prices: Vec<_> = guide.prices.iter().filter(|p| p.service == s.id).collect();
    if !prices.is_empty() {
        pieces.push(Piece::Heading("Prices".into()));
        for p in prices {
            let region = p.region.as_deref().unwrap_or(&guide.meta.region);
            pieces.push(Piece::Fact {
                label: p.label.clone(),
                value: format!("{} ({region})", p.display()),
                source: p.source.clone(),
                as_of: p.as_of.clone(),
            });
        }
    }
    pieces
}

fn term(guide: &Guide, t: &Term) -> Vec<Piece> {
    let mut pieces = vec![Piece::Title(format!("{} ({})", t.term, t.id))];
    if !t.aliases.is_empty() {
        pieces.push(Piece::Subtitle(format!("Also: {}", t.aliases.join(", "))));
    }
    pieces.push(Piece::Paragraph(t.definition.clone()));
    if !t.related.is_empty() {
        let names: Vec<String> = t
            .related
            .iter()
            .map(|id| match Target::find(guide, id) {
                Some(Target::Service(s)) => s.name.clone(),
                Some(Target::Term(t)) => t.term.clone(),
                None => id.clone(),
            })
            .collect();
        pieces.push(Piece::List {
            label: "Related".into(),
            items: names,
        });
    }
    pieces.push(Piece::Source {
        url: t.source.clone(),
        as_of: t.as_of.clone(),
    });
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data;

    fn guide() -> Guide {
        data::parse(data::EMBEDDED, data::EMBEDDED_NAME).expect("valid data")
    }

    #[test]
    fn finds_by_id_name_and_alias_ignoring_case() {
        let g = guide();
        assert_eq!(Target::find(&g, "lambda").map(|t| t.id()), Some("lambda"));
        assert_eq!(
            Target::find(&g, "AWS LAMBDA").map(|t| t.id()),
            Some("lambda")
        );
        assert_eq!(Target::find(&g, "nothing-like-this"), None);
    }

    #[test]
    fn a_service_page_starts_with_its_name_and_lists_its_facts() {
        let g = guide();
        let pieces = Target::find(&g, "lambda").expect("lambda").pieces(&g);
        assert_eq!(pieces[0], Piece::Title("AWS Lambda (lambda)".into()));
        let facts = pieces
            .iter()
            .filter(|p| matches!(p, Piece::Fact { .. }))
            .count();
        assert_eq!(
            facts,
            1 + g.service("lambda").map_or(0, |s| s.facts.len())
                + g.prices.iter().filter(|p| p.service == "lambda").count(),
            "the profile's source, each fact and each price"
        );
    }
}
