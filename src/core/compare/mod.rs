//! The side-by-side comparison of two to four services: a table model and its layout.
//!
//! Pure and terminal-free so the `compare` command (text, Markdown, JSON) and the app's Compare
//! tab build the same table and size it the same way. The rows and their order come from the
//! data file's `attributes`; nothing here names an attribute.

use std::fmt;

use crate::data::{AttributeFrom, Guide, Service};
use crate::engine::Recommendation;
use crate::text;

mod layout;
mod marks;
pub use layout::{Layout, Sizing, WrappedRow};
pub use marks::{DiffMark, diff_mark};

/// Fewer services is not a comparison.
pub const MIN_SERVICES: usize = 2;
/// More columns than this no longer fit side by side on an ordinary terminal.
pub const MAX_SERVICES: usize = 4;
/// What a cell shows when the data states nothing for it: visible, never blank, so a gap in the
/// data reads as a gap rather than as "no limit".
pub const MISSING: &str = "—";
/// The bullet in front of each item of a list-derived cell once it is wrapped.
pub const BULLET: &str = "• ";

/// Why a set of service ids cannot be compared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CompareError {
    TooFew {
        given: usize,
        /// Every valid id, in data order, so the message says what to add.
        known: Vec<String>,
    },
    TooMany {
        given: usize,
    },
    Unknown {
        id: String,
        /// The id the user most likely meant, if any is close.
        suggestion: Option<String>,
        /// Every valid id, in data order, for the message.
        known: Vec<String>,
    },
    Duplicate {
        id: String,
    },
}

impl fmt::Display for CompareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CompareError::TooFew { given, known } => write!(
                f,
                "compare needs at least {MIN_SERVICES} services, got {given} (services: {})",
                known.join(", ")
            ),
            CompareError::TooMany { given } => write!(
                f,
                "compare takes at most {MAX_SERVICES} services, got {given}"
            ),
            CompareError::Unknown {
                id,
                suggestion,
                known,
            } => {
                write!(f, "no service \"{}\"", crate::text::cut(id))?;
                if let Some(s) = suggestion {
                    write!(f, "; did you mean \"{s}\"?")?;
                }
                write!(f, " (services: {})", known.join(", "))
            }
            CompareError::Duplicate { id } => {
                write!(
                    f,
                    "service \"{}\" is named twice; name each service once",
                    crate::text::cut(id)
                )
            }
        }
    }
}

impl std::error::Error for CompareError {}

/// Where a service stands in a recommendation, shown on its column when the comparison was
/// opened from a result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Standing {
    Ranked {
        /// 1-based.
        rank: usize,
        score: i32,
        /// The strongest rule that fired for it, if any did.
        reason: Option<String>,
    },
    RuledOut {
        /// The first rule that ruled it out.
        reason: String,
    },
}

impl Standing {
    /// "#1 · score 18" or "ruled out": the short line under a column's name.
    pub fn headline(&self) -> String {
        match self {
            Standing::Ranked { rank, score, .. } => format!("#{rank} · score {score}"),
            Standing::RuledOut { .. } => "ruled out".to_owned(),
        }
    }

    /// The main reason, if there is one.
    pub fn reason(&self) -> Option<&str> {
        match self {
            Standing::Ranked { reason, .. } => reason.as_deref(),
            Standing::RuledOut { reason } => Some(reason),
        }
    }
}

/// One service column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    pub id: String,
    pub name: String,
    /// Present only when the table was built with a recommendation.
    pub standing: Option<Standing>,
}

/// What one service says for one attribute.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    /// A sourced, dated fact; `short` is what it is compared by, when the data gives one.
    Fact {
        value: String,
        short: Option<String>,
        source: String,
        as_of: String,
    },
    /// Items of one of the service's lists (`from: GoodFor`...), with the service's own
    /// source for its description and lists.
    List {
        items: Vec<String>,
        source: String,
        as_of: String,
    },
    /// The data states nothing here; shown as [`MISSING`].
    Missing,
}

impl Cell {
    fn of(service: &Service, attribute_id: &str, from: AttributeFrom) -> Cell {
        match from.list(service) {
            Some([]) => Cell::Missing,
            Some(items) => Cell::List {
                items: items.to_vec(),
                source: service.source.clone(),
                as_of: service.as_of.clone(),
            },
            None => service
                .facts
                .iter()
                .find(|f| f.attribute == attribute_id)
                .filter(|f| !f.value.trim().is_empty())
                .map_or(Cell::Missing, |f| Cell::Fact {
                    value: f.value.clone(),
                    short: Some(f.short.clone()).filter(|s| !s.trim().is_empty()),
                    source: f.source.clone(),
                    as_of: f.as_of.clone(),
                }),
        }
    }

    pub fn is_missing(&self) -> bool {
        matches!(self, Cell::Missing)
    }

    /// The cell on one line: a list's items joined with "; ", or [`MISSING`].
    pub fn text(&self) -> String {
        match self {
            Cell::Fact { value, .. } => value.clone(),
            Cell::List { items, .. } => items.join("; "),
            Cell::Missing => MISSING.to_owned(),
        }
    }

    /// The source URL of a fact, or of the service's lists.
    pub fn source(&self) -> Option<&str> {
        match self {
            Cell::Fact { source, .. } | Cell::List { source, .. } => {
                Some(source.as_str()).filter(|s| !s.trim().is_empty())
            }
            Cell::Missing => None,
        }
    }

    /// The as-of date of a fact, or of the service's lists.
    pub fn as_of(&self) -> Option<&str> {
        match self {
            Cell::Fact { as_of, .. } | Cell::List { as_of, .. } => {
                Some(as_of.as_str()).filter(|s| !s.trim().is_empty())
            }
            Cell::Missing => None,
        }
    }

    /// The fact in a few words, when the data gives it.
    pub fn short(&self) -> Option<&str> {
        match self {
            Cell::Fact { short, .. } => short.as_deref(),
            _ => None,
        }
    }

    /// The cell wrapped to `width` cells: a fact as a paragraph, each list item as a bulleted
    /// paragraph with a hanging indent, and a missing value as [`MISSING`]. Never empty.
    pub fn wrap(&self, width: usize) -> Vec<String> {
        match self {
            Cell::Fact { value, .. } => text::wrap(value, width),
            Cell::Missing => vec![MISSING.to_owned()],
            Cell::List { items, .. } => {
                let indent = text::width(BULLET);
                if width <= indent {
                    // No room for the bullet: the items as plain paragraphs.
                    return items.iter().flat_map(|i| text::wrap(i, width)).collect();
                }
                let mut lines = Vec::new();
                for item in items {
                    for (i, line) in text::wrap(item, width - indent).into_iter().enumerate() {
                        let lead = if i == 0 { BULLET } else { "  " };
                        lines.push(format!("{lead}{line}"));
                    }
                }
                if lines.is_empty() {
                    lines.push(MISSING.to_owned());
                }
                lines
            }
        }
    }

    /// What two cells are compared by: a fact's `short` when it has one, else its value;
    /// case, spacing and final punctuation do not count, and neither does the order of a
    /// list's items.
    fn normalized(&self) -> Option<Vec<String>> {
        match self {
            Cell::Fact { value, short, .. } => {
                Some(vec![normalize(short.as_deref().unwrap_or(value))])
            }
            Cell::List { items, .. } => {
                let mut items: Vec<String> = items.iter().map(|i| normalize(i)).collect();
                items.sort();
                Some(items)
            }
            Cell::Missing => None,
        }
    }
}

fn normalize(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
        .trim_end_matches(['.', ';', ','])
        .to_owned()
}

/// One attribute across the compared services.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub id: String,
    pub label: String,
    pub group: String,
    pub from: AttributeFrom,
    /// One per column, in column order.
    pub cells: Vec<Cell>,
    /// Whether the services say different things here (see [`Cell`]'s normalisation); a stated
    /// value and a missing one differ.
    pub differs: bool,
}

/// A run of consecutive rows with the same group, for group headings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group<'a> {
    pub name: &'a str,
    pub rows: Vec<&'a Row>,
}

/// The comparison: one column per service, one row per attribute in data order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// The data's review date (`meta.as_of`).
    pub as_of: String,
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
}

impl Table {
    /// Builds the table for `ids` (2 to 4 distinct service ids, in the order given). With a
    /// recommendation, each column carries the service's rank or why it was ruled out.
    pub fn build<S: AsRef<str>>(
        guide: &Guide,
        ids: &[S],
        recommendation: Option<&Recommendation>,
    ) -> Result<Table, CompareError> {
        let services = resolve(guide, ids)?;
        let columns = services
            .iter()
            .map(|s| Column {
                id: s.id.clone(),
                name: s.name.clone(),
                standing: recommendation.and_then(|r| standing(r, &s.id)),
            })
            .collect();
        let rows = guide
            .attributes
            .iter()
            .map(|a| {
                let cells: Vec<Cell> = services
                    .iter()
                    .map(|s| Cell::of(s, &a.id, a.from))
                    .collect();
                let first = cells.first().map(Cell::normalized);
                let differs = cells.iter().any(|c| Some(c.normalized()) != first);
                Row {
                    id: a.id.clone(),
                    label: a.label.clone(),
                    group: a.group.clone(),
                    from: a.from,
                    cells,
                    differs,
                }
            })
            .collect();
        Ok(Table {
            as_of: guide.meta.as_of.clone(),
            columns,
            rows,
        })
    }

    /// The rows to show: all, or only those where the services differ.
    pub fn rows(&self, differences_only: bool) -> impl Iterator<Item = &Row> {
        self.rows
            .iter()
            .filter(move |r| r.differs || !differences_only)
    }

    /// The rows to show, cut into runs of one group each (a group that comes back later in the
    /// data starts a new run, so data order is never changed).
    pub fn groups(&self, differences_only: bool) -> Vec<Group<'_>> {
        let mut groups: Vec<Group<'_>> = Vec::new();
        for row in self.rows(differences_only) {
            match groups.last_mut() {
                Some(g) if g.name == row.group => g.rows.push(row),
                _ => groups.push(Group {
                    name: &row.group,
                    rows: vec![row],
                }),
            }
        }
        groups
    }

    /// How many rows differ.
    pub fn differing(&self) -> usize {
        self.rows.iter().filter(|r| r.differs).count()
    }

    /// Sizes the table for `width` cells, showing service columns from `offset` (clamped so
    /// the last column is never scrolled past).
    pub fn layout(&self, width: usize, sizing: Sizing, offset: usize) -> Layout {
        Layout::new(self, width, sizing, offset)
    }
}

/// The services for `ids`, checked: 2 to 4, known, each once.
pub fn resolve<'g, S: AsRef<str>>(
    guide: &'g Guide,
    ids: &[S],
) -> Result<Vec<&'g Service>, CompareError> {
    let mut services: Vec<&Service> = Vec::with_capacity(ids.len());
    for id in ids {
        let id = id.as_ref();
        let Some(service) = guide.service(id) else {
            return Err(CompareError::Unknown {
                id: id.to_owned(),
                suggestion: suggest(guide, id).map(str::to_owned),
                known: guide.services.iter().map(|s| s.id.clone()).collect(),
            });
        };
        if services.iter().any(|s| s.id == service.id) {
            return Err(CompareError::Duplicate { id: id.to_owned() });
        }
        services.push(service);
    }
    if ids.len() < MIN_SERVICES {
        return Err(CompareError::TooFew {
            given: ids.len(),
            known: guide.services.iter().map(|s| s.id.clone()).collect(),
        });
    }
    if ids.len() > MAX_SERVICES {
        return Err(CompareError::TooMany { given: ids.len() });
    }
    Ok(services)
}

/// The service id someone typing `input` most likely meant: a name or alias typed instead of
/// the id ("Fargate", "FaaS"), the start or a part of an id ("ecs", "beanstalk"), or a typo.
pub fn suggest<'g>(guide: &'g Guide, input: &str) -> Option<&'g str> {
    let wanted = input.trim().to_lowercase();
    if wanted.is_empty() {
        return None;
    }
    let by = |matches: &dyn Fn(&Service) -> bool| -> Option<&'g str> {
        let mut hits = guide.services.iter().filter(|s| matches(s));
        match (hits.next(), hits.next()) {
            (Some(s), None) => Some(s.id.as_str()),
            _ => None,
        }
    };
    let words = |s: &Service| -> Vec<String> {
        std::iter::once(&s.id)
            .chain(std::iter::once(&s.name))
            .chain(&s.aliases)
            .map(|w| w.to_lowercase())
            .collect()
    };
    by(&|s| words(s).contains(&wanted))
        .or_else(|| by(&|s| s.id.starts_with(&wanted)))
        .or_else(|| by(&|s| words(s).iter().any(|w| w.contains(&wanted))))
        .or_else(|| text::closest(&wanted, guide.services.iter().map(|s| s.id.as_str())))
}

fn standing(rec: &Recommendation, id: &str) -> Option<Standing> {
    if let Some(rank) = rec.rank_of(id) {
        let ranked = rec.ranking.get(rank - 1)?;
        return Some(Standing::Ranked {
            rank,
            score: ranked.score,
            reason: ranked.reasons.first().map(|c| c.reason.clone()),
        });
    }
    rec.excluded
        .iter()
        .find(|e| e.service == id)
        .map(|e| Standing::RuledOut {
            reason: e
                .reasons
                .first()
                .map(|c| c.reason.clone())
                .unwrap_or_default(),
        })
}

#[cfg(test)]
mod tests;
