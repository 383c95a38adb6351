//! `computepick search QUERY`: find services, concepts and comparison attributes by name, alias,
//! typo or text, as the app's `/` does.

use std::fmt::Write;

use serde::Serialize;

use super::{emit, exit};
use crate::data::Guide;
use crate::search::{Index, NO_CLOSE_TITLES, Results};
use crate::text;

pub const AFTER_HELP: &str = "Matches titles and aliases first (exactly, then by the start of \
their words, then with small typos), then what the guide relates to those, then summaries, \
definitions and descriptions. Prints one hit per line: kind, title, summary.
\"AWS\" and \"Amazon\" are optional: \"Amazon Lambda\" finds AWS Lambda, and words may come from \
the title and an alias together (\"AWS Lambda function\").
No hit exits 1 with the close titles, if any, on stderr (and [] with --format json).

Examples:
  computepick search k8s
  computepick search spot instnace --limit 3
  computepick search serverless containers --format json";

/// Output formats of `search` (no Markdown: a hit list is not a document).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Default)]
pub enum SearchFormat {
    #[default]
    Text,
    Json,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// What to look for; several words are one query ("spot instances").
    #[arg(value_name = "QUERY", required = true, num_args = 1..)]
    pub query: Vec<String>,

    /// At most this many hits.
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u32).range(1..))]
    pub limit: u32,

    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: SearchFormat,
}

pub fn run(args: &Args, guide: &Guide) -> u8 {
    let query = args.query.join(" ");
    if query.trim().is_empty() {
        super::say("computepick: the search query is empty");
        return exit::BAD_INPUT;
    }
    let index = Index::new(guide);
    let results = index.search(&query, args.limit as usize);
    let out = match args.format {
        SearchFormat::Text => text_out(&index, &results),
        SearchFormat::Json => json_out(&index, &results),
    };
    if results.hits.is_empty() {
        let names: Vec<String> = results
            .suggestions
            .iter()
            .filter_map(|&i| index.entry(i))
            .map(|e| format!("\"{}\"", e.title))
            .collect();
        let closest = if names.is_empty() {
            format!("; {NO_CLOSE_TITLES}")
        } else {
            format!("; closest titles: {}", names.join(", "))
        };
        super::say(&format!(
            "computepick: nothing matches \"{}\"{closest}",
            crate::text::cut(query.trim())
        ));
        // Like grep: no match is exit 1, but JSON readers still get a valid (empty) array.
        if args.format == SearchFormat::Json && emit(&out) != exit::OK {
            return exit::INTERNAL;
        }
        return NO_MATCH;
    }
    emit(&out)
}

/// Exit code for "no hit", as grep uses it.
pub const NO_MATCH: u8 = 1;

fn text_out(index: &Index, results: &Results) -> String {
    let rows: Vec<_> = results
        .hits
        .iter()
        .filter_map(|h| index.entry(h.entry))
        .collect();
    let width = rows
        .iter()
        .map(|e| text::width(&e.title))
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    for e in rows {
        let pad = width - text::width(&e.title);
        let _ = writeln!(
            out,
            "{:<9}  {}{}  {}",
            e.kind.as_str(),
            e.title,
            " ".repeat(pad),
            e.snippet
        );
    }
    out
}

#[derive(Serialize)]
struct JsonHit<'a> {
    kind: &'static str,
    id: &'a str,
    title: &'a str,
    score: i64,
    snippet: &'a str,
}

fn json_out(index: &Index, results: &Results) -> String {
    let hits: Vec<JsonHit> = results
        .hits
        .iter()
        .filter_map(|h| {
            index.entry(h.entry).map(|e| JsonHit {
                kind: e.kind.as_str(),
                id: &e.id,
                title: &e.title,
                score: h.score,
                snippet: &e.snippet,
            })
        })
        .collect();
    // Serializing plain strings and numbers cannot fail.
    serde_json::to_string_pretty(&hits).unwrap_or_else(|_| "[]".to_owned()) + "\n"
}
