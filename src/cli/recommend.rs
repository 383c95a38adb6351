//! `computepick recommend --answer ID=OPTION ...`: the recommendation as text, JSON or Markdown.

use std::fmt::Write;
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::cost::Workload;
use super::{Format, emit, exit};
use crate::cost::{CostModel, Estimate};
use crate::data::Guide;
use crate::engine::{self, Answers, Recommendation, Walk};
use crate::{adr, answers_file, explain, fs_safe, text as wrap_text};

pub const AFTER_HELP: &str =
    "Answers are QUESTION=OPTION pairs; the README lists them all. Answers to \
questions off the walked path are reported as ignored. A question on the path without an answer is \
an error naming its options.

`--format adr` writes the decision record to computepick-decision-YYYY-MM-DD.md in the current \
directory (never replacing a file without --force; the path is printed on stderr); `-o FILE` \
writes it elsewhere and `-o -` prints it.

A workload size (--requests, --duration, --memory and the other `computepick cost` flags) adds the \
monthly cost estimate of the recommendation and its runners-up to every format, the decision record \
included.

Example:
  computepick recommend -a workload=event -a runtime=seconds -a process=per-request \\
    -a state=stateless -a packaging=code -a needs=none -a control=none -a scaling=scale-to-zero \\
    -a budget=pay-per-use --format json
  computepick recommend -a workload=api ... -a needs=gpu,windows     # a checklist: several at once
  computepick recommend --answers team.ron --requests 10M --duration 200ms --memory 512MB --format adr
  computepick recommend --answers team.ron --format adr -o -     # the record on stdout";

#[derive(Debug, clap::Args)]
pub struct Args {
    /// An answer, QUESTION=OPTION (repeatable; overrides the same question in --answers).
    #[arg(long = "answer", short = 'a', value_name = "QUESTION=OPTION", value_parser = parse_answer)]
    pub answers: Vec<(String, String)>,

    /// Read answers from a file saved by the app (`s`) or by --save-answers.
    #[arg(long = "answers", value_name = "FILE")]
    pub answers_file: Option<PathBuf>,

    /// Save the answers to FILE (refused if it exists, unless --force).
    #[arg(long, value_name = "FILE")]
    pub save_answers: Option<PathBuf>,

    /// Output format; `adr` is an architecture decision record in Markdown.
    #[arg(long, value_enum, default_value_t)]
    pub format: RecommendFormat,

    /// Write the output to FILE (refused if it exists, unless --force); `-` is stdout. Without
    /// it, `--format adr` writes computepick-decision-YYYY-MM-DD.md in the current directory and
    /// the other formats print to stdout.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Replace files that already exist (--output, the decision record's default file,
    /// --save-answers).
    #[arg(long)]
    pub force: bool,

    /// The workload's size, for a cost estimate (as `computepick cost`; --requests asks for it).
    #[command(flatten, next_help_heading = "Workload size (for a cost estimate)")]
    pub workload: Workload,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Default)]
pub enum RecommendFormat {
    #[default]
    Text,
    Json,
    Markdown,
    Adr,
}

fn parse_answer(text: &str) -> Result<(String, String), String> {
    let (q, o) = text
        .split_once('=')
        .ok_or_else(|| format!("\"{}\" is not QUESTION=OPTION", crate::text::cut(text)))?;
    let (q, o) = (q.trim(), o.trim());
    if q.is_empty() || o.is_empty() {
        return Err(format!(
            "\"{}\" is not QUESTION=OPTION",
            crate::text::cut(text)
        ));
    }
    Ok((q.to_owned(), o.to_owned()))
}

pub fn run(args: &Args, guide: &Guide, data_name: &str) -> u8 {
    // An answers file of the first vocabulary is refused unless the flags answer what replaced
    // each old answer (a flag overrides the file).
    let mut answers = match &args.answers_file {
        Some(path) => match answers_file::load_resumable(guide, path) {
            Ok((answers, retired)) => {
                let unanswered: Vec<&crate::data::Retired> = retired
                    .iter()
                    .filter(|r| !args.answers.iter().any(|(q, _)| *q == r.question))
                    .collect();
                if !unanswered.is_empty() {
                    match answers_file::load(guide, path) {
                        Err(diagnostics) => super::report_diagnostics(&diagnostics),
                        Ok(_) => super::say("computepick: the answers file is out of date"),
                    }
                    return exit::BAD_INPUT;
                }
                answers
            }
            Err(diagnostics) => {
                super::report_diagnostics(&diagnostics);
                return exit::BAD_INPUT;
            }
        },
        None => Answers::new(),
    };
    // A flag overrides the file, but two flags for one question are a mistake, not an override.
    let mut flagged: Vec<(&str, &str)> = Vec::new();
    for (question, answer) in &args.answers {
        if let Some((_, first)) = flagged.iter().find(|(q, _)| q == question) {
            super::say(&format!(
                "computepick: --answer {} is given twice (\"{}\", then \"{}\"); keep one",
                crate::text::cut(question),
                crate::text::cut(first),
                crate::text::cut(answer)
            ));
            return exit::BAD_INPUT;
        }
        flagged.push((question, answer));
    }
    answers.extend(args.answers.iter().cloned());
    let estimate = match estimate(guide, &args.workload, &answers) {
        Ok(estimate) => estimate,
        Err(message) => {
            super::say(&format!("computepick: {message}"));
            return exit::BAD_INPUT;
        }
    };
    let sizing = estimate.as_ref().map(engine::Sizing::from_estimate);
    let (walk, mut rec) = match decide_sized(guide, &answers, sizing.as_ref()) {
        Ok(decided) => decided,
        Err(message) => {
            super::say(&format!("computepick: {message}"));
            return exit::BAD_INPUT;
        }
    };
    // A size that contradicts the answers is said with the other contradictions.
    if let Some(e) = &estimate
        && let Some(conflict) = engine::duration_conflict(guide, &walk.path, e.inputs.duration_ms)
    {
        rec.warnings.push(conflict);
    }
    let today = crate::data::today_ymd();
    let to = destination(args.output.as_deref(), args.format, &today);
    // Refused before anything is written: the answers and the output in one file would leave
    // one of them lost (or, with --force, silently replaced by the other).
    let save_to = match args.save_answers.as_deref() {
        Some(path) if path.as_os_str() == "-" => {
            if to.is_none() {
                super::say(
                    "computepick: --save-answers - and the recommendation would both go to \
                     stdout; give --save-answers a file name, or the output one with -o FILE",
                );
                return exit::BAD_INPUT;
            }
            Some(None)
        }
        Some(path) => {
            if let Some(out) = &to
                && fs_safe::same_path(path, out)
            {
                super::say(&format!(
                    "computepick: --save-answers and the output both name {}; give them different \
                     files",
                    path.display()
                ));
                return exit::BAD_INPUT;
            }
            Some(Some(path))
        }
        None => None,
    };
    match save_to {
        Some(Some(path)) => {
            let text = answers_file::to_ron(guide, &answers, &today);
            if let Err(e) = fs_safe::write_atomic(path, text.as_bytes(), args.force) {
                return write_failed(&e);
            }
            super::say(&format!(
                "computepick: saved the answers to {}",
                path.display()
            ));
        }
        Some(None) => {
            let code = emit(&answers_file::to_ron(guide, &answers, &today));
            if code != exit::OK {
                return code;
            }
        }
        None => {}
    }
    let estimate = estimate.as_ref();
    // What to say about the prices behind an estimate: stale, or not all the Region's own.
    let notes = crate::prices::notes(guide, Some(crate::prices::today())).sentences();
    let output = match args.format {
        RecommendFormat::Text => {
            render_with_cost(guide, &walk, &rec, estimate, &notes, Format::Text)
        }
        RecommendFormat::Json => {
            render_with_cost(guide, &walk, &rec, estimate, &notes, Format::Json)
        }
        RecommendFormat::Markdown => {
            render_with_cost(guide, &walk, &rec, estimate, &notes, Format::Markdown)
        }
        RecommendFormat::Adr => adr::render(
            guide,
            &walk,
            &rec,
            &adr::RecordInfo {
                date: &today,
                data_name,
                cost: estimate.map(|e| adr::cost_section(e, &rec) + &adr::price_notes(&notes)),
            },
        ),
    };
    match to {
        Some(path) => {
            // A file is read in a terminal later: it is made as safe as stdout.
            let output = wrap_text::safe(&output);
            match fs_safe::write_atomic(&path, output.as_bytes(), args.force) {
                Ok(()) => {
                    super::say(&format!("computepick: wrote {}", shown(&path).display()));
                    exit::OK
                }
                Err(e) => write_failed(&e),
            }
        }
        None => emit(&output),
    }
}

/// Where the output goes: `None` for stdout. `-o -` is stdout; `-o FILE` is that file; without
/// `-o`, a decision record is a document and goes to `computepick-decision-YYYY-MM-DD.md` in the
/// current directory (as the app's `e` writes it), every other format to stdout.
fn destination(output: Option<&Path>, format: RecommendFormat, today: &str) -> Option<PathBuf> {
    match output {
        Some(path) if path.as_os_str() == "-" => None,
        Some(path) => Some(path.to_owned()),
        None if format == RecommendFormat::Adr => {
            Some(PathBuf::from(adr::default_file_name(today)))
        }
        None => None,
    }
}

/// A path as the user should see it: a bare file name gets the current directory, so the
/// message says where the file went.
fn shown(path: &Path) -> PathBuf {
    if path.is_relative()
        && path.parent().is_none_or(|p| p.as_os_str().is_empty())
        && let Ok(dir) = std::env::current_dir()
    {
        return dir.join(path);
    }
    path.to_owned()
}

fn write_failed(e: &fs_safe::WriteError) -> u8 {
    match e {
        fs_safe::WriteError::Exists(_) => {
            super::say(&format!("computepick: {e}; add --force to replace it"));
        }
        _ => super::say(&format!("computepick: {e}")),
    }
    exit::BAD_INPUT
}

/// The estimate for the workload flags, `None` without `--requests`. Other workload flags
/// without `--requests` are an error rather than silently ignored. The answers shape what the
/// flags leave open (jobs that end, a load balancer; see [`crate::cost::shape_from_answers`]),
/// and the estimate's assumptions say so.
pub fn estimate(
    guide: &Guide,
    workload: &Workload,
    answers: &Answers,
) -> Result<Option<Estimate>, String> {
    if workload.requests.is_none() {
        let given = workload.given();
        if given.is_empty() {
            return Ok(None);
        }
        return Err(format!(
            "{} size{} a workload for a cost estimate, which also needs --requests, --duration and \
             --memory; for example: --requests 10M --duration 200ms --memory 512MB",
            given.join(", "),
            if given.len() == 1 { "s" } else { "" }
        ));
    }
    let mut inputs = workload.inputs_for(
        "a cost estimate",
        "computepick recommend -a QUESTION=OPTION ...",
    )?;
    // The duration is required with --requests, so the answers never replace it.
    let stated = crate::cost::Stated {
        duration: true,
        ..workload.stated()
    };
    let notes = crate::cost::shape_from_answers(answers).apply(&mut inputs, stated);
    let mut estimate = CostModel::new(guide)
        .estimate(&inputs)
        .map_err(|e| super::cost::input_error(&e))?;
    estimate.assumptions.extend(notes);
    Ok(Some(estimate))
}

/// Validates the answers, walks them and ranks the services: what `recommend` computes, with
/// the problems worded for the command line (every missing question at once, with its options).
pub fn decide(guide: &Guide, answers: &Answers) -> Result<(Walk, Recommendation), String> {
    decide_sized(guide, answers, None)
}

/// As [`decide`], with the estimate at the user's size weighed where the answers say cost
/// matters and used to break ties.
pub fn decide_sized(
    guide: &Guide,
    answers: &Answers,
    sizing: Option<&engine::Sizing>,
) -> Result<(Walk, Recommendation), String> {
    engine::decide(guide, answers, sizing).map_err(|e| match e {
        engine::DecideError::Missing(missing) => {
            let pairs: Vec<String> = missing
                .iter()
                .map(|(q, options)| format!("{q}={}", options.join("|")))
                .collect();
            let width = pairs.iter().map(|p| p.chars().count()).max().unwrap_or(0);
            let lines: Vec<String> = missing
                .iter()
                .zip(&pairs)
                .map(|((q, _), pair)| {
                    let prompt = guide.question(q).map_or("", |q| q.prompt.as_str());
                    let how = if guide.question(q).is_some_and(|q| q.multi) {
                        " (several: gpu,windows)"
                    } else {
                        ""
                    };
                    format!("  {pair:<width$}  {prompt}{how}")
                })
                .collect();
            format!(
                "{} without an answer; add {} with --answer QUESTION=OPTION:\n{}",
                if missing.len() == 1 {
                    "1 question is".to_owned()
                } else {
                    format!("{} questions are", missing.len())
                },
                if missing.len() == 1 { "it" } else { "them" },
                lines.join("\n")
            )
        }
        other => other.to_string(),
    })
}

pub fn render(guide: &Guide, walk: &Walk, rec: &Recommendation, format: Format) -> String {
    render_with_cost(guide, walk, rec, None, &[], format)
}

/// As [`render`], with the monthly cost of the recommendation and runners-up when `estimate`
/// is given (the workload flags were).
pub fn render_with_cost(
    guide: &Guide,
    walk: &Walk,
    rec: &Recommendation,
    estimate: Option<&Estimate>,
    notes: &[String],
    format: Format,
) -> String {
    match format {
        Format::Text => text(guide, walk, rec, estimate, notes),
        Format::Markdown => markdown(guide, walk, rec, estimate, notes),
        Format::Json => json(guide, walk, rec, estimate, notes),
    }
}

const COST_NOTE: &str = "estimate only, from list prices; `computepick cost` with the same flags \
shows every line and assumption";

fn text(
    guide: &Guide,
    walk: &Walk,
    rec: &Recommendation,
    estimate: Option<&Estimate>,
    notes: &[String],
) -> String {
    let mut out = String::new();
    match rec.top() {
        Some(top) => {
            let _ = writeln!(
                out,
                "Recommendation: {} ({}), score {}",
                top.name, top.service, top.score
            );
            let notes = explain::tie_note(guide, rec)
                .into_iter()
                .chain(explain::close_call_note(guide, rec));
            for note in notes {
                for line in wrap_text::wrap(&note, 96) {
                    let _ = writeln!(out, "{line}");
                }
            }
            if !rec.warnings.is_empty() {
                let _ = writeln!(out, "\nYour answers pull against each other:");
                for warning in &rec.warnings {
                    for (i, line) in wrap_text::wrap(warning, 92).iter().enumerate() {
                        let _ = writeln!(out, "  {} {line}", if i == 0 { "!" } else { " " });
                    }
                }
            }
            let _ = writeln!(out, "\nWhy:");
            for c in &top.reasons {
                let _ = writeln!(
                    out,
                    "  {:>3}  {}: {}",
                    explain::signed(c.weight),
                    explain::answer_ids(c),
                    c.reason
                );
            }
        }
        None => {
            let _ = writeln!(out, "No recommendation: every service is ruled out.");
        }
    }
    if rec.ranking.len() > 1 {
        let _ = writeln!(out, "\nRunners-up:");
        let best = rec.top().map_or(0, |t| t.score);
        for (i, r) in rec.ranking.iter().enumerate().skip(1) {
            let _ = writeln!(
                out,
                "  {}. {} ({}), score {} ({})",
                i + 1,
                r.name,
                r.service,
                r.score,
                explain::gap(best - r.score)
            );
            let flip = format!("It {}.", explain::flip_words(guide, r));
            for line in wrap_text::wrap(&flip, 90) {
                let _ = writeln!(out, "       {line}");
            }
            for c in &r.reasons {
                let _ = writeln!(
                    out,
                    "       {:>3}  {}: {}",
                    explain::signed(c.weight),
                    explain::answer_ids(c),
                    c.reason
                );
            }
        }
    }
    if let Some(e) = estimate
        && !rec.ranking.is_empty()
    {
        let _ = writeln!(
            out,
            "\nCost at your size (in the recommendation's order, the cheapest marked):"
        );
        for line in wrap_text::wrap(&e.inputs.summary(), 96) {
            let _ = writeln!(out, "  {line}");
        }
        for c in adr::ranked_costs(e, rec) {
            let _ = writeln!(out, "  #{} {}: {}{}", c.rank, c.name, c.monthly, c.mark());
            for w in c.warnings {
                for (j, line) in wrap_text::wrap(w, 90).iter().enumerate() {
                    let _ = writeln!(out, "      {} {line}", if j == 0 { "!" } else { " " });
                }
            }
        }
        let note = format!("{} prices as of {}; {COST_NOTE}.", e.region, e.as_of);
        for note in std::iter::once(&note).chain(notes) {
            for line in wrap_text::wrap(note, 96) {
                let _ = writeln!(out, "  {line}");
            }
        }
    }
    if !rec.excluded.is_empty() {
        let _ = writeln!(out, "\nRuled out:");
        for line in rec.excluded.iter().flat_map(explain::knockouts) {
            let _ = writeln!(out, "  {line}");
        }
    }
    let _ = writeln!(out, "\nYour answers:");
    for step in &walk.path {
        let (prompt, label) = explain::step_words(guide, step);
        let _ = writeln!(
            out,
            "  {}={}  ({prompt} {label})",
            step.question, step.answer
        );
    }
    if !walk.ignored.is_empty() {
        let _ = writeln!(
            out,
            "\nIgnored (not on this path): {}",
            walk.ignored.join(", ")
        );
    }
    out
}

fn markdown(
    guide: &Guide,
    walk: &Walk,
    rec: &Recommendation,
    estimate: Option<&Estimate>,
    notes: &[String],
) -> String {
    let mut out = String::new();
    match rec.top() {
        Some(top) => {
            let _ = writeln!(out, "# Recommendation: {}\n", top.name);
            let notes = explain::tie_note(guide, rec)
                .into_iter()
                .chain(explain::close_call_note(guide, rec));
            for note in notes {
                let _ = writeln!(out, "> {note}\n");
            }
            for warning in &rec.warnings {
                let _ = writeln!(
                    out,
                    "> **Your answers pull against each other:** {warning}\n"
                );
            }
            let _ = writeln!(out, "Score {}. Why:\n", top.score);
            for c in &top.reasons {
                let _ = writeln!(
                    out,
                    "- **{}** `{}`: {}",
                    explain::signed(c.weight),
                    explain::answer_ids(c),
                    c.reason
                );
            }
        }
        None => {
            let _ = writeln!(out, "# No recommendation\n\nEvery service is ruled out.");
        }
    }
    let _ = writeln!(
        out,
        "\n## Ranking\n\n| Rank | Service | Score | Main reasons | What would make it win |\n|---:|---|---:|---|---|"
    );
    for (i, r) in rec.ranking.iter().enumerate() {
        let reasons: Vec<String> = r
            .reasons
            .iter()
            .take(2)
            .map(|c| {
                format!(
                    "{} {}",
                    explain::signed(c.weight),
                    c.reason.replace('|', "\\|")
                )
            })
            .collect();
        let flip = if i == 0 {
            "(recommended)".to_owned()
        } else {
            capitalize(&explain::flip_words(guide, r))
        };
        let _ = writeln!(
            out,
            "| {} | {} (`{}`) | {} | {} | {} |",
            i + 1,
            r.name,
            r.service,
            r.score,
            reasons.join("; "),
            flip.replace('|', "\\|")
        );
    }
    if let Some(e) = estimate
        && !rec.ranking.is_empty()
    {
        let _ = writeln!(out, "\n## Cost at your size\n");
        let _ = write!(out, "{}", adr::cost_section(e, rec));
        let _ = writeln!(out, "\n{}.", capitalize(COST_NOTE));
        let _ = write!(out, "{}", adr::price_notes(notes));
    }
    if !rec.excluded.is_empty() {
        let _ = writeln!(out, "\n## Ruled out\n");
        for line in rec.excluded.iter().flat_map(explain::knockouts) {
            let _ = writeln!(out, "- {line}");
        }
    }
    let _ = writeln!(out, "\n## Answers\n\n| Question | Answer |\n|---|---|");
    for step in &walk.path {
        let (prompt, label) = explain::step_words(guide, step);
        let _ = writeln!(
            out,
            "| {prompt} (`{}`) | {label} (`{}`) |",
            step.question, step.answer
        );
    }
    if !walk.ignored.is_empty() {
        let _ = writeln!(
            out,
            "\nIgnored (not on this path): {}",
            walk.ignored.join(", ")
        );
    }
    out
}

fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_uppercase().collect::<String>() + chars.as_str()
    })
}

#[derive(Serialize)]
struct JsonOut<'a> {
    recommendation: Option<&'a str>,
    /// How a tie on score was settled, or that the top two are within a point.
    notes: Vec<String>,
    /// Answers that pull against each other.
    warnings: &'a [String],
    ranking: Vec<JsonRanked<'a>>,
    excluded: Vec<JsonExcluded<'a>>,
    path: Vec<JsonStep<'a>>,
    ignored: &'a [String],
    /// Only with the workload flags, so the output without them is unchanged.
    #[serde(skip_serializing_if = "Option::is_none")]
    cost: Option<JsonCost<'a>>,
}

/// The estimate for the ranked services, in ranking order; `computepick cost --format json`
/// has the breakdowns and assumptions.
#[derive(Serialize)]
struct JsonCost<'a> {
    region: &'a str,
    as_of: &'a str,
    currency: &'a str,
    inputs: &'a crate::cost::Inputs,
    services: Vec<JsonServiceCost<'a>>,
    note: &'a str,
    /// Prices older than 180 days.
    stale: bool,
    /// Stale prices, prices not the Region's own: sentences (empty when there is nothing to say).
    price_notes: &'a [String],
}

#[derive(Serialize)]
struct JsonServiceCost<'a> {
    service: &'a str,
    name: &'a str,
    total: Option<f64>,
    reason: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonRanked<'a> {
    service: &'a str,
    name: &'a str,
    score: i32,
    /// "+3 workload = event: ..." — the weight, the answer that applied it, and why.
    reasons: Vec<String>,
    /// The smallest change of answers that makes this service win; null for the
    /// recommendation and when no change of one or two answers does.
    flip: Option<&'a [engine::Change]>,
}

#[derive(Serialize)]
struct JsonExcluded<'a> {
    service: &'a str,
    /// "runtime = hours: ..." — the answer that ruled it out, and why.
    reasons: Vec<String>,
}

#[derive(Serialize)]
struct JsonStep<'a> {
    question: &'a str,
    answer: &'a str,
}

fn json(
    guide: &Guide,
    walk: &Walk,
    rec: &Recommendation,
    estimate: Option<&Estimate>,
    notes: &[String],
) -> String {
    let cost = estimate.map(|e| JsonCost {
        region: &e.region,
        as_of: &e.as_of,
        currency: &e.currency,
        inputs: &e.inputs,
        services: rec
            .ranking
            .iter()
            .filter_map(|r| e.service(&r.service))
            .map(|s| JsonServiceCost {
                service: &s.service,
                name: &s.name,
                total: s.total,
                reason: s.reason.as_deref(),
            })
            .collect(),
        note: COST_NOTE,
        stale: notes
            .iter()
            .any(|n| n.starts_with(crate::prices::STALE_PREFIX)),
        price_notes: notes,
    });
    let out = JsonOut {
        recommendation: rec.top().map(|t| t.service.as_str()),
        notes: explain::tie_note(guide, rec)
            .into_iter()
            .chain(explain::close_call_note(guide, rec))
            .collect(),
        warnings: &rec.warnings,
        ranking: rec
            .ranking
            .iter()
            .map(|r| JsonRanked {
                service: &r.service,
                name: &r.name,
                score: r.score,
                reasons: r
                    .reasons
                    .iter()
                    .map(|c| {
                        format!(
                            "{} {}: {}",
                            explain::signed(c.weight),
                            explain::answer_ids(c),
                            c.reason
                        )
                    })
                    .collect(),
                flip: r.flip.as_deref(),
            })
            .collect(),
        excluded: rec
            .excluded
            .iter()
            .map(|e| JsonExcluded {
                service: &e.service,
                reasons: e
                    .reasons
                    .iter()
                    .map(|c| format!("{}: {}", explain::answer_ids(c), c.reason))
                    .collect(),
            })
            .collect(),
        path: walk
            .path
            .iter()
            .map(|s| JsonStep {
                question: &s.question,
                answer: &s.answer,
            })
            .collect(),
        ignored: &walk.ignored,
        cost,
    };
    // Serializing plain strings and numbers cannot fail.
    serde_json::to_string_pretty(&out).unwrap_or_default() + "\n"
}
