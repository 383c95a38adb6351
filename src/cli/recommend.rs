//! `computepick recommend --answer ID=OPTION ...`: the recommendation as text, JSON or Markdown.

use std::path::{Path, PathBuf};

use super::decide::{decide_sized, parse_answer};
use super::exit;
use super::output::{Format, emit, report_diagnostics, say};
use super::recommendation::render_with_cost;
use super::workload::{Workload, input_error};
use crate::cost::{CostModel, Estimate};
use crate::data::Guide;
use crate::engine::{self, Answers};
use crate::{adr, answers_file, fs_safe, text as wrap_text};

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
                        Err(diagnostics) => report_diagnostics(&diagnostics),
                        Ok(_) => say("computepick: the answers file is out of date"),
                    }
                    return exit::BAD_INPUT;
                }
                answers
            }
            Err(diagnostics) => {
                report_diagnostics(&diagnostics);
                return exit::BAD_INPUT;
            }
        },
        None => Answers::new(),
    };
    // A flag overrides the file, but two flags for one question are a mistake, not an override.
    let mut flagged: Vec<(&str, &str)> = Vec::new();
    for (question, answer) in &args.answers {
        if let Some((_, first)) = flagged.iter().find(|(q, _)| q == question) {
            say(&format!(
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
            say(&format!("computepick: {message}"));
            return exit::BAD_INPUT;
        }
    };
    let sizing = estimate.as_ref().map(engine::Sizing::from_estimate);
    let (walk, mut rec) = match decide_sized(guide, &answers, sizing.as_ref()) {
        Ok(decided) => decided,
        Err(message) => {
            say(&format!("computepick: {message}"));
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
                say(
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
                say(&format!(
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
            say(&format!(
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
                cost: estimate.map(|e| crate::markdown::cost_section(e, &rec, &notes)),
            },
        ),
    };
    match to {
        Some(path) => {
            // A file is read in a terminal later: it is made as safe as stdout.
            let output = wrap_text::safe(&output);
            match fs_safe::write_atomic(&path, output.as_bytes(), args.force) {
                Ok(()) => {
                    say(&format!("computepick: wrote {}", shown(&path).display()));
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
            say(&format!("computepick: {e}; add --force to replace it"));
        }
        _ => say(&format!("computepick: {e}")),
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
        .map_err(|e| input_error(&e))?;
    estimate.assumptions.extend(notes);
    Ok(Some(estimate))
}
