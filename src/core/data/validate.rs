//! Semantic checks of a parsed guide. Every problem is reported at once, each with a position.
//! Exploring every path of the walk is `check`'s job (`crate::engine::explore_paths`), not
//! loading's, so start-up stays instant however many paths the questions make.

mod graph;
mod knowledge;
mod model;

use std::collections::{HashMap, HashSet};

use super::dates::{days_since, parse_ymd, today};
use super::diagnostics::{Diagnostic, Diagnostics, Severity};
use super::schema::Guide;
use super::source_map::{Locator, SourceIndex};

/// An as-of date older than this many days draws a warning.
pub const STALE_AFTER_DAYS: i64 = 365;
/// Options are picked with the number keys 1–9.
pub const MAX_OPTIONS: usize = 9;
/// A rule's weight is at most this far from zero: enough for any judgement, and far from
/// where adding them up could overflow.
pub const MAX_WEIGHT: i32 = 1000;
/// The largest rate a price may state, in dollars per unit: more than any AWS list price
/// (the dearest instance-hour is in the hundreds), far below where sums lose meaning.
pub const MAX_RATE: f64 = 1_000_000.0;
/// The largest free allowance a price may state, as a quantity.
pub const MAX_ALLOWANCE: f64 = 1e12;
/// How many control characters `check` lists before counting the rest.
const CONTROL_CHARS_LISTED: usize = 20;

#[derive(Debug, Clone, Default)]
pub struct Report {
    pub diagnostics: Diagnostics,
    /// The walk is sound enough to explore path by path (no structural errors).
    pub explorable: bool,
}

pub fn validate(guide: &Guide, text: &str, file: &str) -> Report {
    let mut check = Checker::new(guide, text, file);
    check.control_characters();
    check.meta();
    check.services();
    check.burdens();
    let graph_ok = check.questions();
    check.contradictions_and_retired();
    check.knowledge();
    let explorable = graph_ok && !check.has_errors();
    let mut diagnostics = Diagnostics(check.diags);
    diagnostics.sort();
    Report {
        diagnostics,
        explorable,
    }
}

struct Checker<'a> {
    guide: &'a Guide,
    text: &'a str,
    file: &'a str,
    today: i64,
    diags: Vec<Diagnostic>,
    /// Where things are in the text, built when the first problem needs a position.
    index: std::cell::OnceCell<SourceIndex<'a>>,
}

impl<'a> Checker<'a> {
    fn new(guide: &'a Guide, text: &'a str, file: &'a str) -> Self {
        Checker {
            guide,
            text,
            file,
            today: today(),
            diags: Vec::new(),
            index: std::cell::OnceCell::new(),
        }
    }

    fn at(&self) -> Locator<'a> {
        Locator::new(self.text)
    }

    fn push(&mut self, severity: Severity, at: &Locator<'_>, message: String) {
        let text = self.text;
        let (line, col) = at.line_col_in(self.index.get_or_init(|| SourceIndex::new(text)));
        self.diags.push(Diagnostic {
            severity,
            file: self.file.to_owned(),
            line,
            col,
            message,
        });
    }

    fn error(&mut self, at: &Locator<'_>, message: String) {
        self.push(Severity::Error, at, message);
    }

    fn has_errors(&self) -> bool {
        self.diags.iter().any(|d| d.severity == Severity::Error)
    }

    fn service_ids(&self) -> HashSet<&'a str> {
        self.guide.services.iter().map(|s| s.id.as_str()).collect()
    }

    fn require_text(&mut self, at: &Locator<'_>, what: &str, value: &str) {
        if value.trim().is_empty() {
            self.error(at, format!("{what} is empty; write some text"));
        }
    }

    /// Flags ids that appear more than once, at each repeat.
    fn duplicates<'s>(&mut self, section: &str, kind: &str, ids: impl Iterator<Item = &'s str>) {
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for id in ids {
            let count = seen.entry(id).or_insert(0);
            if *count > 0 {
                let at = self.at().key(section).nth_value("id", id, *count);
                self.error(&at, format!("duplicate {kind} id \"{id}\""));
            }
            *count += 1;
        }
    }

    fn dated_source(&mut self, at: &Locator<'_>, what: &str, source: &str, as_of: &str) {
        let source = source.trim();
        if source.is_empty() {
            self.error(
                at,
                format!("{what} has no source; add the URL it comes from"),
            );
        } else if !(source.starts_with("https://") || source.starts_with("http://")) {
            self.error(at, format!("{what}: source \"{source}\" is not a URL"));
        }
        if as_of.trim().is_empty() {
            self.error(
                at,
                format!("{what} has no as-of date; add as_of: \"YYYY-MM-DD\""),
            );
        } else if parse_ymd(as_of).is_none() {
            self.error(
                at,
                format!("{what}: as-of date \"{as_of}\" is not YYYY-MM-DD"),
            );
        } else if let Some(age) = days_since(as_of, self.today)
            && age > STALE_AFTER_DAYS
        {
            self.push(
                Severity::Warning,
                at,
                format!("{what}: as-of date {as_of} is more than a year old; check it again"),
            );
        } else if let Some(age) = days_since(as_of, self.today)
            && age < -1
        {
            // A day of grace for time zones; later than that, nobody can have checked it yet.
            self.push(
                Severity::Warning,
                at,
                format!("{what}: as-of date {as_of} is in the future; use the day it was checked"),
            );
        }
    }

    /// Control characters (see [`crate::text::is_forbidden_in_data`]) anywhere in the text,
    /// raw or written as an escape inside a string (`\u{1b}`, `\x1b`, `\n`), each at its
    /// line and column: a name that moves the cursor or sets the terminal's title is refused
    /// here, not only made harmless on output.
    fn control_characters(&mut self) {
        let found = forbidden_characters(self.text);
        let total = found.len();
        for &(offset, c) in found.iter().take(CONTROL_CHARS_LISTED) {
            let (line, col) = self
                .index
                .get_or_init(|| SourceIndex::new(self.text))
                .line_col(offset);
            self.diags.push(Diagnostic {
                severity: Severity::Error,
                file: self.file.to_owned(),
                line,
                col,
                message: format!(
                    "control character U+{:04X} in the text; data text is one line of printable \
                     characters (no escape sequences, tabs, newlines or direction overrides)",
                    u32::from(c)
                ),
            });
        }
        if total > CONTROL_CHARS_LISTED {
            self.diags.push(Diagnostic {
                severity: Severity::Error,
                file: self.file.to_owned(),
                line: 0,
                col: 0,
                message: format!(
                    "… and {} more control characters",
                    total - CONTROL_CHARS_LISTED
                ),
            });
        }
    }

    fn meta(&mut self) {
        let at = self.at().key("meta");
        if parse_ymd(&self.guide.meta.as_of).is_none() {
            let as_of = self.guide.meta.as_of.clone();
            self.error(
                &at,
                format!("meta: as-of date \"{as_of}\" is not YYYY-MM-DD"),
            );
        }
        let title = self.guide.meta.title.clone();
        self.require_text(&at, "meta.title", &title);
    }

    fn services(&mut self) {
        let guide = self.guide;
        if guide.services.is_empty() {
            let at = self.at().key("services");
            self.error(&at, "there are no services to recommend".into());
        }
        self.duplicates(
            "services",
            "service",
            guide.services.iter().map(|s| s.id.as_str()),
        );
        let attributes: HashSet<&str> = guide.attributes.iter().map(|a| a.id.as_str()).collect();
        for service in &guide.services {
            let at = self.at().key("services").value("id", &service.id);
            self.require_text(&at, "service id", &service.id);
            self.require_text(
                &at,
                &format!("service \"{}\": name", service.id),
                &service.name,
            );
            self.require_text(
                &at,
                &format!("service \"{}\": summary", service.id),
                &service.summary,
            );
            let has_profile = !service.description.trim().is_empty()
                || [
                    &service.you_manage,
                    &service.aws_manages,
                    &service.good_for,
                    &service.poor_fit,
                    &service.pairs_with,
                ]
                .iter()
                .any(|list| !list.is_empty());
            if has_profile {
                self.dated_source(
                    &at,
                    &format!("service \"{}\": description and lists", service.id),
                    &service.source,
                    &service.as_of,
                );
            }
            let mut facts_seen = HashSet::new();
            for fact in &service.facts {
                let fat = self
                    .at()
                    .key("services")
                    .value("id", &service.id)
                    .value("attribute", &fact.attribute);
                let what = format!("service \"{}\": fact \"{}\"", service.id, fact.attribute);
                let derived = guide
                    .attributes
                    .iter()
                    .any(|a| a.id == fact.attribute && !a.from.is_facts());
                if derived {
                    self.error(
                        &fat,
                        format!("{what}: this attribute is filled from the service's lists, so a fact here would never show"),
                    );
                }
                if !attributes.contains(fact.attribute.as_str()) {
                    self.error(
                        &fat,
                        format!(
                            "{what} names no attribute{}",
                            suggest(&fact.attribute, &attributes)
                        ),
                    );
                }
                if !facts_seen.insert(fact.attribute.as_str()) {
                    self.error(&fat, format!("{what} is stated twice"));
                }
                self.require_text(&fat, &what, &fact.value);
                if !fact.short.is_empty() {
                    // Given but blank: it would make every such row look the same.
                    self.require_text(&fat, &format!("{what}: short"), &fact.short);
                }
                self.dated_source(&fat, &what, &fact.source, &fact.as_of);
            }
        }
    }
}

/// `; did you mean "x"?` for the closest known name, or nothing when none is close.
pub fn suggest(name: &str, known: &HashSet<&str>) -> String {
    match crate::text::closest(name, known.iter().copied()) {
        Some(best) => format!("; did you mean \"{best}\"?"),
        None => String::new(),
    }
}

/// Every forbidden character in the text with its byte offset: raw ones anywhere (a tab, CR or
/// newline only inside a string), and those a string writes as an escape.
fn forbidden_characters(text: &str) -> Vec<(usize, char)> {
    let mut found = Vec::new();
    let mut chars = text.char_indices().peekable();
    let mut in_string = false;
    while let Some((at, c)) = chars.next() {
        if !in_string {
            if crate::text::is_unsafe_char(c) && c != '\r' {
                found.push((at, c));
            }
            let rest = &text[at..];
            if c == '"' {
                in_string = true;
            } else if rest.starts_with("//") {
                // A comment: its quotes are not strings (its control characters still count).
                while let Some((at, c)) = chars.next_if(|&(_, c)| c != '\n') {
                    if crate::text::is_unsafe_char(c) && c != '\r' {
                        found.push((at, c));
                    }
                }
            } else if rest.starts_with("/*") {
                chars.next();
                let mut depth = 1;
                while depth > 0 {
                    let Some((at, c)) = chars.next() else { break };
                    if crate::text::is_unsafe_char(c) && c != '\r' {
                        found.push((at, c));
                    }
                    let rest = &text[at..];
                    if rest.starts_with("*/") {
                        chars.next();
                        depth -= 1;
                    } else if rest.starts_with("/*") {
                        chars.next();
                        depth += 1;
                    }
                }
            } else if c == '\'' {
                // A character literal such as '"': skip it whole.
                if chars.next_if(|&(_, c)| c == '\\').is_some() {
                    // An escape: up to the closing quote.
                    while chars.next_if(|&(_, c)| c != '\'' && c != '\n').is_some() {}
                } else {
                    chars.next();
                }
                chars.next_if(|&(_, c)| c == '\'');
            }
            continue;
        }
        match c {
            '"' => in_string = false,
            '\\' => {
                let escaped = match chars.next() {
                    Some((_, 'n')) => Some('\n'),
                    Some((_, 't')) => Some('\t'),
                    Some((_, 'r')) => Some('\r'),
                    Some((_, '0')) => Some('\0'),
                    Some((_, 'b')) => Some('\u{8}'),
                    Some((_, 'f')) => Some('\u{c}'),
                    Some((_, 'x')) => {
                        let hex: String = (0..2)
                            .filter_map(|_| chars.next().map(|(_, h)| h))
                            .collect();
                        u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32)
                    }
                    Some((_, 'u')) => {
                        let mut hex = String::new();
                        if chars.peek().is_some_and(|&(_, h)| h == '{') {
                            chars.next();
                            while let Some((_, h)) = chars.next_if(|&(_, h)| h != '}' && h != '"') {
                                hex.push(h);
                            }
                            chars.next_if(|&(_, h)| h == '}');
                        } else {
                            hex.extend((0..4).filter_map(|_| chars.next().map(|(_, h)| h)));
                        }
                        u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32)
                    }
                    _ => None,
                };
                if let Some(e) = escaped.filter(|&e| crate::text::is_forbidden_in_data(e)) {
                    found.push((at, e));
                }
            }
            c if crate::text::is_forbidden_in_data(c) => found.push((at, c)),
            _ => {}
        }
    }
    found
}

#[cfg(test)]
mod tests;
