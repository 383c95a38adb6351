//! `computepick questions`: every question in walk order, with its options, their labels and
//! help, and which answers skip which questions: what a script needs to build `--answer` flags.

use std::fmt::Write;

use serde::Serialize;

use super::{Format, emit};
use crate::data::{Guide, Question};
use crate::engine::{self, Answers};

pub const AFTER_HELP: &str = "Examples:
  computepick questions
  computepick questions --format json | jq '.[].id'
  computepick questions --format markdown > questions.md

A checklist question takes several options at once (`--answer needs=gpu,windows`); `none` alone
means nothing is ticked.";

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
}

pub fn run(args: &Args, guide: &Guide) -> u8 {
    let questions = in_walk_order(guide);
    let out = match args.format {
        Format::Text => text(&questions),
        Format::Markdown => markdown(&questions),
        Format::Json => json(&questions),
    };
    emit(&out)
}

/// The questions as the walk asks them (following each question's first option), then any the
/// walk reaches only through other options, in data order.
fn in_walk_order(guide: &Guide) -> Vec<&Question> {
    let mut ordered = engine::planned_path(guide, &Answers::new());
    // A question skipped on the default path (asked on others) still belongs in the list, after
    // the question its options lead from.
    for q in &guide.questions {
        if !ordered.iter().any(|o| o.id == q.id) {
            let after = guide
                .questions
                .iter()
                .position(|other| other.id == q.id)
                .and_then(|i| i.checked_sub(1))
                .and_then(|i| ordered.iter().position(|o| o.id == guide.questions[i].id));
            match after {
                Some(i) => ordered.insert(i + 1, q),
                None => ordered.push(q),
            }
        }
    }
    ordered
}

/// "Not asked when workload is batch", or nothing.
fn skipped_when(question: &Question) -> Option<String> {
    if question.skip_when.is_empty() {
        return None;
    }
    let conditions: Vec<String> = question
        .skip_when
        .iter()
        .map(|w| format!("{} is {}", w.question, w.one_of.join(" or ")))
        .collect();
    Some(format!("Not asked when {}.", conditions.join(", or ")))
}

fn kind(question: &Question) -> &'static str {
    if question.multi {
        "checklist: tick any, comma-separated, or none"
    } else {
        "choose one"
    }
}

fn text(questions: &[&Question]) -> String {
    let mut out = String::new();
    for (i, q) in questions.iter().enumerate() {
        let _ = writeln!(out, "{}. {}  ({})", i + 1, q.id, kind(q));
        let _ = writeln!(out, "   {}", q.prompt);
        for line in crate::text::wrap(&q.why, 92) {
            let _ = writeln!(out, "   {line}");
        }
        if let Some(skip) = skipped_when(q) {
            let _ = writeln!(out, "   {skip}");
        }
        let width = q.options.iter().map(|o| o.id.len()).max().unwrap_or(0);
        for o in &q.options {
            let _ = writeln!(out, "     {:<width$}  {}", o.id, o.label);
            if !o.help.is_empty() {
                for line in crate::text::wrap(&o.help, 86 - width.min(40)) {
                    let _ = writeln!(out, "     {:<width$}    {line}", "");
                }
            }
        }
        out.push('\n');
    }
    out
}

fn cell(text: &str) -> String {
    text.replace('|', "\\|")
}

fn markdown(questions: &[&Question]) -> String {
    let mut out = String::from("# The questions\n");
    for (i, q) in questions.iter().enumerate() {
        let _ = writeln!(out, "\n## {}. `{}`: {}\n", i + 1, q.id, q.prompt);
        let _ = writeln!(out, "{} ({})", q.why, kind(q));
        if let Some(skip) = skipped_when(q) {
            let _ = writeln!(out, "\n{skip}");
        }
        let _ = writeln!(out, "\n| Option | Label | Example |\n|---|---|---|");
        for o in &q.options {
            let _ = writeln!(
                out,
                "| `{}` | {} | {} |",
                o.id,
                cell(&o.label),
                cell(&o.help)
            );
        }
    }
    out
}

#[derive(Serialize)]
struct JsonQuestion<'a> {
    id: &'a str,
    prompt: &'a str,
    why: &'a str,
    /// A checklist: several options at once, comma-separated; `none` alone for nothing.
    multi: bool,
    /// Earlier answers that leave this question out: `[{"question": ..., "one_of": [...]}]`.
    skip_when: Vec<JsonWhen<'a>>,
    options: Vec<JsonOption<'a>>,
}

#[derive(Serialize)]
struct JsonWhen<'a> {
    question: &'a str,
    one_of: &'a [String],
}

#[derive(Serialize)]
struct JsonOption<'a> {
    id: &'a str,
    label: &'a str,
    help: &'a str,
    /// The question this answer leads to; null when the walk ends.
    next: Option<&'a str>,
}

fn json(questions: &[&Question]) -> String {
    let list: Vec<JsonQuestion> = questions
        .iter()
        .map(|q| JsonQuestion {
            id: &q.id,
            prompt: &q.prompt,
            why: &q.why,
            multi: q.multi,
            skip_when: q
                .skip_when
                .iter()
                .map(|w| JsonWhen {
                    question: &w.question,
                    one_of: &w.one_of,
                })
                .collect(),
            options: q
                .options
                .iter()
                .map(|o| JsonOption {
                    id: &o.id,
                    label: &o.label,
                    help: &o.help,
                    next: o.next.as_deref(),
                })
                .collect(),
        })
        .collect();
    // Plain strings and booleans: serializing cannot fail.
    serde_json::to_string_pretty(&list).unwrap_or_default() + "\n"
}
