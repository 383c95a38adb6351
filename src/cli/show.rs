//! `computepick show ID`: one service or glossary term with its facts and their sources.

use std::fmt::Write;

use serde_json::{Value, json};

use super::exit;
use super::output::{Format, emit, say};
use crate::data::Guide;
use crate::detail::{self, Piece, Target};

pub const AFTER_HELP: &str =
    "ID is a service id (lambda, fargate, ecs-ec2, eks, batch, lightsail, \
elastic-beanstalk) or a glossary term id; names and aliases work too (\"k8s\", \"Spot Instances\").

Examples:
  computepick show lambda
  computepick show spot-instances --format markdown";

#[derive(Debug, clap::Args)]
pub struct Args {
    /// A service or glossary term: id, name or alias.
    #[arg(value_name = "ID")]
    pub id: String,

    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
}

pub fn run(args: &Args, guide: &Guide) -> u8 {
    let Some(target) = Target::find(guide, &args.id) else {
        let hint = crate::text::closest(&args.id, detail::all_ids(guide))
            .map(|s| format!("; did you mean \"{s}\"?"))
            .unwrap_or_default();
        say(&format!(
            "computepick: no service or term \"{}\"{hint} (services: {}; `computepick search` finds terms)",
            crate::text::cut(&args.id),
            guide
                .services
                .iter()
                .map(|s| s.id.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ));
        return exit::BAD_INPUT;
    };
    let pieces = target.pieces(guide);
    let out = match args.format {
        Format::Text => text(&pieces),
        Format::Markdown => markdown(&pieces),
        Format::Json => json(guide, target),
    };
    emit(&out)
}

pub fn text(pieces: &[Piece]) -> String {
    let mut out = String::new();
    for piece in pieces {
        match piece {
            Piece::Title(t) => {
                let _ = writeln!(out, "{t}\n{}", "=".repeat(crate::text::width(t)));
            }
            Piece::Subtitle(s) => {
                let _ = writeln!(out, "{s}");
            }
            Piece::Paragraph(p) => {
                let _ = writeln!(out, "\n{}", crate::text::wrap(p, 78).join("\n"));
            }
            Piece::Heading(h) => {
                let _ = writeln!(out, "\n{h}:");
            }
            Piece::List { label, items } => {
                let _ = writeln!(out, "\n{label}:");
                for item in items {
                    let _ = writeln!(out, "  - {item}");
                }
            }
            Piece::Fact {
                label,
                value,
                source,
                as_of,
            } => {
                let _ = writeln!(
                    out,
                    "  {label}: {value}\n      source: {source} (as of {as_of})"
                );
            }
            Piece::Source { url, as_of } => {
                let _ = writeln!(out, "\nSource: {url} (as of {as_of})");
            }
        }
    }
    out
}

fn markdown(pieces: &[Piece]) -> String {
    let mut out = String::new();
    for piece in pieces {
        match piece {
            Piece::Title(t) => {
                let _ = writeln!(out, "# {t}\n");
            }
            Piece::Subtitle(s) => {
                let _ = writeln!(out, "_{s}_\n");
            }
            Piece::Paragraph(p) => {
                let _ = writeln!(out, "{p}\n");
            }
            Piece::Heading(h) => {
                let _ = writeln!(out, "## {h}\n\n| Fact | Value | Source |\n|---|---|---|");
            }
            Piece::List { label, items } => {
                let _ = writeln!(out, "**{label}:**\n");
                for item in items {
                    let _ = writeln!(out, "- {item}");
                }
                out.push('\n');
            }
            Piece::Fact {
                label,
                value,
                source,
                as_of,
            } => {
                let cell = |s: &str| s.replace('|', "\\|");
                let _ = writeln!(
                    out,
                    "| {} | {} | [source]({source}), {as_of} |",
                    cell(label),
                    cell(value)
                );
            }
            Piece::Source { url, as_of } => {
                let _ = writeln!(out, "Source: <{url}> (as of {as_of})");
            }
        }
    }
    // A table must end before the next paragraph.
    out.push('\n');
    out
}

fn json(guide: &Guide, target: Target<'_>) -> String {
    let value: Value = match target {
        Target::Service(s) => {
            let mut v = serde_json::to_value(s).unwrap_or(Value::Null);
            v["kind"] = json!("service");
            v["prices"] = serde_json::to_value(
                guide
                    .prices
                    .iter()
                    .filter(|p| p.service == s.id)
                    .collect::<Vec<_>>(),
            )
            .unwrap_or(Value::Null);
            v
        }
        Target::Term(t) => {
            let mut v = serde_json::to_value(t).unwrap_or(Value::Null);
            v["kind"] = json!("concept");
            v
        }
    };
    serde_json::to_string_pretty(&value).unwrap_or_default() + "\n"
}
