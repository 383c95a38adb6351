//! `computepick list`: every service's id, name and one-line summary, in data order; the ids
//! are what `compare`, `show` and the answer rules take.

use std::fmt::Write;

use serde::Serialize;

use super::output::{Format, emit, output_width};
use crate::data::Guide;
use crate::text;

pub const AFTER_HELP: &str = "Examples:
  computepick list
  computepick list --format json";

/// A summary column narrower than this is hard to read: the summary then goes on its own lines.
const MIN_SUMMARY: usize = 24;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
}

pub fn run(args: &Args, guide: &Guide) -> u8 {
    let out = match args.format {
        Format::Text => text(guide, output_width()),
        Format::Markdown => markdown(guide),
        Format::Json => json(guide),
    };
    emit(&out)
}

/// Aligned columns within `width`: id, name, then the summary wrapped under itself.
pub fn text(guide: &Guide, width: usize) -> String {
    let id_w = guide
        .services
        .iter()
        .map(|s| text::width(&s.id))
        .max()
        .unwrap_or(0);
    let name_w = guide
        .services
        .iter()
        .map(|s| text::width(&s.name))
        .max()
        .unwrap_or(0);
    let indent = id_w + 2 + name_w + 2;
    let side_by_side = width >= indent + MIN_SUMMARY;
    let mut out = String::new();
    for s in &guide.services {
        let head = format!(
            "{}{}  {}{}",
            s.id,
            " ".repeat(id_w - text::width(&s.id)),
            s.name,
            " ".repeat(name_w - text::width(&s.name)),
        );
        if side_by_side {
            for (i, line) in text::wrap(&s.summary, width - indent).iter().enumerate() {
                let lead = if i == 0 {
                    head.clone()
                } else {
                    " ".repeat(indent - 2)
                };
                let _ = writeln!(out, "{lead}  {line}");
            }
        } else {
            let _ = writeln!(out, "{}", head.trim_end());
            for line in text::wrap(&s.summary, width.saturating_sub(2)) {
                let _ = writeln!(out, "  {line}");
            }
        }
    }
    out
}

pub fn markdown(guide: &Guide) -> String {
    let mut out = String::from("| Id | Service | Summary |\n|---|---|---|\n");
    for s in &guide.services {
        let _ = writeln!(
            out,
            "| `{}` | {} | {} |",
            s.id,
            s.name.replace('|', "\\|"),
            s.summary.replace('|', "\\|")
        );
    }
    out
}

#[derive(Serialize)]
struct JsonService<'a> {
    id: &'a str,
    name: &'a str,
    summary: &'a str,
}

/// `[{"id": ..., "name": ..., "summary": ...}]` in data order.
pub fn json(guide: &Guide) -> String {
    let services: Vec<JsonService<'_>> = guide
        .services
        .iter()
        .map(|s| JsonService {
            id: &s.id,
            name: &s.name,
            summary: &s.summary,
        })
        .collect();
    // Plain strings: serializing cannot fail.
    serde_json::to_string_pretty(&services).unwrap_or_default() + "\n"
}
