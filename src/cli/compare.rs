//! `computepick compare ID ID [ID ID]`: services side by side as text, Markdown or JSON.
//!
//! The table itself (rows, cells, differences, widths) is `crate::compare`; this module only
//! prints it, so the app's Compare tab and this command never disagree.

use std::fmt::Write;

use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

use super::decide::{decide, parse_answer};
use super::exit;
use super::output::{Format, emit, output_width, say};
use crate::compare::{Cell, Column, Layout, Row, Sizing, Standing, Table};
use crate::data::Guide;
use crate::engine::Answers;
use crate::text;

pub const AFTER_HELP: &str =
    "IDs are service ids: lambda, fargate, ecs-ec2, eks, batch, lightsail, \
elastic-beanstalk (`computepick list` shows them). Rows and their order come from the data file's \
attributes. Text is sized to the terminal (COLUMNS overrides it; 100 columns when not a terminal); \
rows where the services differ are marked ≠.

Examples:
  computepick compare lambda fargate
  computepick compare ecs-ec2 eks batch --differences
  computepick compare lambda fargate --format markdown > compare.md
  computepick compare lambda fargate -a workload=event -a runtime=seconds ...";

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Two to four service ids.
    #[arg(value_name = "ID", required = true, num_args = 1..)]
    pub ids: Vec<String>,

    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,

    /// Show only the rows where the services differ.
    #[arg(long)]
    pub differences: bool,

    /// Answers as for `recommend` (repeatable): each column then shows the service's rank and
    /// main reason, or why it is ruled out.
    #[arg(long = "answer", short = 'a', value_name = "QUESTION=OPTION", value_parser = parse_answer)]
    pub answers: Vec<(String, String)>,
}

pub fn run(args: &Args, guide: &Guide) -> u8 {
    let recommendation = if args.answers.is_empty() {
        None
    } else {
        let answers: Answers = args.answers.iter().cloned().collect();
        match decide(guide, &answers) {
            Ok((_, rec)) => Some(rec),
            Err(message) => {
                say(&format!("computepick: {message}"));
                return exit::BAD_INPUT;
            }
        }
    };
    let table = match Table::build(guide, &args.ids, recommendation.as_ref()) {
        Ok(table) => table,
        Err(e) => {
            say(&format!("computepick: {e}"));
            return exit::BAD_INPUT;
        }
    };
    let out = match args.format {
        Format::Text => text(&table, output_width(), args.differences),
        Format::Markdown => markdown(&table, args.differences),
        Format::Json => json(&table, args.differences),
    };
    emit(&out)
}

/// "AWS Lambda vs AWS Fargate".
fn title(table: &Table) -> String {
    table
        .columns
        .iter()
        .map(|c| c.name.as_str())
        .collect::<Vec<_>>()
        .join(" vs ")
}

/// `text` followed by spaces up to `width` cells.
fn pad(out: &mut String, text: &str, width: usize) {
    out.push_str(text);
    out.extend(std::iter::repeat_n(
        ' ',
        width.saturating_sub(text::width(text)),
    ));
}

/// Plain text within `width` columns. When the columns cannot all fit side by side, the table
/// is printed in blocks of columns, each repeating the attribute column, since printed text
/// cannot scroll sideways.
pub fn text(table: &Table, width: usize, differences: bool) -> String {
    let mut out = String::new();
    for line in text::wrap(&title(table), width) {
        let _ = writeln!(out, "{line}");
    }
    let note = if differences {
        format!(
            "Data as of {}. Only the {} rows where the services differ.",
            table.as_of,
            table.differing()
        )
    } else {
        format!(
            "Data as of {}. ≠ marks the rows where the services differ.",
            table.as_of
        )
    };
    for line in text::wrap(&note, width) {
        let _ = writeln!(out, "{line}");
    }
    let groups = table.groups(differences);
    if groups.is_empty() {
        let _ = writeln!(out, "\nThe services agree on every attribute.");
        return out;
    }
    let mut offset = 0;
    loop {
        let layout = table.layout(width, Sizing::PRINTED, offset);
        out.push('\n');
        block(&mut out, table, &layout, &groups);
        if !layout.more_right() {
            break;
        }
        offset = layout.visible().end;
    }
    out
}

/// One block of columns: headers, then each group's rows.
fn block(out: &mut String, table: &Table, layout: &Layout, groups: &[crate::compare::Group<'_>]) {
    let headers = layout.wrap_headers(table);
    let height = headers.iter().map(Vec::len).max().unwrap_or(0);
    for i in 0..height {
        let cells: Vec<&str> = headers
            .iter()
            .map(|h| h.get(i).map_or("", String::as_str))
            .collect();
        line(out, layout, "", &cells);
    }
    for group in groups {
        out.push('\n');
        let heading = if group.name.is_empty() {
            String::new()
        } else {
            format!("{} ", group.name)
        };
        let rule = layout.total_width().saturating_sub(text::width(&heading));
        let _ = writeln!(out, "{heading}{}", "─".repeat(rule));
        for (n, row) in group.rows.iter().enumerate() {
            if n > 0 {
                out.push('\n');
            }
            let wrapped = layout.wrap_row(row);
            for i in 0..wrapped.height {
                // The marker needs its two cells; a very narrow label column goes without.
                let marker = match (i, row.differs) {
                    (0, true) if layout.marker >= 2 => "≠ ",
                    _ => "",
                };
                let label = wrapped.label.get(i).map_or("", String::as_str);
                let cells: Vec<&str> = wrapped
                    .cells
                    .iter()
                    .map(|c| c.get(i).map_or("", String::as_str))
                    .collect();
                let mut lead = String::new();
                pad(&mut lead, marker, layout.marker);
                lead.push_str(label);
                line(out, layout, &lead, &cells);
            }
        }
    }
}

/// One printed line: the label column, then each visible cell after its gap; no trailing
/// spaces.
fn line(out: &mut String, layout: &Layout, label: &str, cells: &[&str]) {
    let mut text = String::new();
    pad(&mut text, label, layout.label);
    for (cell, &w) in cells.iter().zip(&layout.widths) {
        pad(&mut text, "", layout.gap);
        pad(&mut text, cell, w);
    }
    let _ = writeln!(out, "{}", text.trim_end());
}

/// Makes text safe inside a GitHub table cell: `|` would end the cell, a newline the row, `<`
/// before a letter would start an HTML tag, and a pair of `$` in prices would become math.
fn escape_cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '|' => out.push_str("\\|"),
            '$' => out.push_str("\\$"),
            '\n' | '\r' => out.push(' '),
            '<' if chars
                .peek()
                .is_some_and(|n| n.is_ascii_alphabetic() || matches!(n, '/' | '!' | '?')) =>
            {
                out.push_str("&lt;");
            }
            _ => out.push(c),
        }
    }
    out
}

/// Sources numbered in order of first use, one number per (URL, date).
#[derive(Default)]
struct Footnotes(Vec<(String, String)>);

impl Footnotes {
    fn number(&mut self, source: &str, as_of: &str) -> usize {
        let key = (source.to_owned(), as_of.to_owned());
        match self.0.iter().position(|k| *k == key) {
            Some(i) => i + 1,
            None => {
                self.0.push(key);
                self.0.len()
            }
        }
    }
}

fn markdown_cell(cell: &Cell, notes: &mut Footnotes) -> String {
    match cell {
        Cell::Fact {
            value,
            source,
            as_of,
            ..
        } => {
            let value = escape_cell(value);
            if source.trim().is_empty() {
                value
            } else {
                format!("{value} [^{}]", notes.number(source, as_of))
            }
        }
        Cell::List {
            items,
            source,
            as_of,
        } => {
            let items = items
                .iter()
                .map(|i| format!("{}{}", crate::compare::BULLET, escape_cell(i)))
                .collect::<Vec<_>>()
                .join("<br>");
            if source.trim().is_empty() {
                items
            } else {
                format!("{items} [^{}]", notes.number(source, as_of))
            }
        }
        Cell::Missing => crate::compare::MISSING.to_owned(),
    }
}

fn markdown_row(out: &mut String, cells: &[String]) {
    let _ = writeln!(out, "| {} |", cells.join(" | "));
}

/// A GitHub table, one row per attribute, with the facts' sources as footnotes under it.
pub fn markdown(table: &Table, differences: bool) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", title(table));
    if differences {
        let _ = writeln!(
            out,
            "Data as of {}. Only the rows where the services differ.\n",
            table.as_of
        );
    } else {
        let _ = writeln!(out, "Data as of {}.\n", table.as_of);
    }
    let groups = table.groups(differences);
    if groups.is_empty() {
        let _ = writeln!(out, "The services agree on every attribute.");
        return out;
    }
    let mut header = vec!["Group".to_owned(), "Attribute".to_owned()];
    header.extend(
        table
            .columns
            .iter()
            .map(|c| format!("{} (`{}`)", escape_cell(&c.name), c.id)),
    );
    markdown_row(&mut out, &header);
    markdown_row(&mut out, &vec!["---".to_owned(); header.len()]);
    if table.columns.iter().any(|c| c.standing.is_some()) {
        let standing = |f: &dyn Fn(&Standing) -> String| -> Vec<String> {
            table
                .columns
                .iter()
                .map(|c| c.standing.as_ref().map_or_else(String::new, f))
                .collect()
        };
        let mut rank = vec!["Recommendation".to_owned(), "Rank".to_owned()];
        rank.extend(standing(&|s| s.headline()));
        markdown_row(&mut out, &rank);
        let mut reason = vec![String::new(), "Main reason".to_owned()];
        reason.extend(standing(&|s| escape_cell(s.reason().unwrap_or_default())));
        markdown_row(&mut out, &reason);
    }
    let mut notes = Footnotes::default();
    for group in &groups {
        for (n, row) in group.rows.iter().enumerate() {
            let name = if n == 0 {
                escape_cell(group.name)
            } else {
                String::new()
            };
            let mut cells = vec![name, escape_cell(&row.label)];
            cells.extend(row.cells.iter().map(|c| markdown_cell(c, &mut notes)));
            markdown_row(&mut out, &cells);
        }
    }
    if !notes.0.is_empty() {
        out.push('\n');
        for (i, (source, as_of)) in notes.0.iter().enumerate() {
            let _ = writeln!(out, "[^{}]: <{source}> (as of {as_of})", i + 1);
        }
    }
    out
}

/// `{ "_meta": {...}, attribute_id: { service_id: { value, source, as_of } } }`, attributes in
/// data order.
pub fn json(table: &Table, differences: bool) -> String {
    let out = JsonTable { table, differences };
    // Strings, numbers and booleans only: serializing cannot fail.
    serde_json::to_string_pretty(&out).unwrap_or_default() + "\n"
}

struct JsonTable<'a> {
    table: &'a Table,
    differences: bool,
}

#[derive(Serialize)]
struct JsonMeta<'a> {
    as_of: &'a str,
    services: Vec<JsonService<'a>>,
    attributes: Vec<JsonAttribute<'a>>,
}

#[derive(Serialize)]
struct JsonService<'a> {
    id: &'a str,
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    rank: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    score: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    ruled_out: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<&'a str>,
}

impl<'a> JsonService<'a> {
    fn of(c: &'a Column) -> Self {
        let (rank, score) = match &c.standing {
            Some(Standing::Ranked { rank, score, .. }) => (Some(*rank), Some(*score)),
            _ => (None, None),
        };
        JsonService {
            id: &c.id,
            name: &c.name,
            rank,
            score,
            ruled_out: c
                .standing
                .as_ref()
                .map(|s| matches!(s, Standing::RuledOut { .. })),
            reason: c.standing.as_ref().and_then(Standing::reason),
        }
    }
}

#[derive(Serialize)]
struct JsonAttribute<'a> {
    id: &'a str,
    label: &'a str,
    group: &'a str,
    differs: bool,
}

#[derive(Serialize)]
struct JsonCell<'a> {
    /// `null` when the data states nothing.
    value: Option<String>,
    source: Option<&'a str>,
    as_of: Option<&'a str>,
    /// The value in a few words, what `differs` compares, when the data gives one.
    #[serde(skip_serializing_if = "Option::is_none")]
    short: Option<&'a str>,
    /// A list-derived cell's items; `value` joins them.
    #[serde(skip_serializing_if = "Option::is_none")]
    items: Option<&'a [String]>,
}

impl<'a> JsonCell<'a> {
    fn of(cell: &'a Cell) -> Self {
        JsonCell {
            value: (!cell.is_missing()).then(|| cell.text()),
            source: cell.source(),
            as_of: cell.as_of(),
            short: cell.short(),
            items: match cell {
                Cell::List { items, .. } => Some(items),
                _ => None,
            },
        }
    }
}

struct JsonRow<'a> {
    row: &'a Row,
    columns: &'a [Column],
}

impl Serialize for JsonRow<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.columns.len()))?;
        for (column, cell) in self.columns.iter().zip(&self.row.cells) {
            map.serialize_entry(&column.id, &JsonCell::of(cell))?;
        }
        map.end()
    }
}

// Written by hand so the attributes keep the data file's order (a JSON map would sort them).
impl Serialize for JsonTable<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let rows: Vec<&Row> = self.table.rows(self.differences).collect();
        let mut map = serializer.serialize_map(Some(rows.len() + 1))?;
        let meta = JsonMeta {
            as_of: &self.table.as_of,
            services: self.table.columns.iter().map(JsonService::of).collect(),
            attributes: rows
                .iter()
                .map(|r| JsonAttribute {
                    id: &r.id,
                    label: &r.label,
                    group: &r.group,
                    differs: r.differs,
                })
                .collect(),
        };
        map.serialize_entry("_meta", &meta)?;
        for row in rows {
            map.serialize_entry(
                &row.id,
                &JsonRow {
                    row,
                    columns: &self.table.columns,
                },
            )?;
        }
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_escape_pipes_newlines_and_tags() {
        assert_eq!(escape_cell("a | b\nc"), "a \\| b c");
        assert_eq!(escape_cell("<script> < 1 s"), "&lt;script> < 1 s");
        assert_eq!(escape_cell("$1 or $2"), "\\$1 or \\$2");
    }

    #[test]
    fn footnotes_reuse_a_number_per_source() {
        let mut notes = Footnotes::default();
        assert_eq!(notes.number("https://a", "2026-01-01"), 1);
        assert_eq!(notes.number("https://b", "2026-01-01"), 2);
        assert_eq!(notes.number("https://a", "2026-01-01"), 1);
    }
}
