//! `computepick check [FILE]`: validate a decisions file and summarise its walk.

use std::fmt::Write;
use std::path::{Path, PathBuf};

use super::exit;
use super::output::{emit, report_diagnostics};
use crate::data::{self, Diagnostics};
use crate::text::count_noun;

pub const AFTER_HELP: &str = "Checks syntax (with file:line:col), then every semantic problem at once: \
duplicate ids, dangling references, cycles, unreachable questions, options with no effect, services \
no path recommends, paths that end without a recommendation (every path is explored, checklists \
included), rule-outs without the sourced fact they rest on, services without their own burden rank, \
facts and prices without a source or date, price matchers (`aws:`) that cannot match; then counts the \
paths each service tops, the ties and the close calls. Dates older than a year are warnings, and so \
are prices older than 180 days: the data's, and each Region installed with `computepick prices \
import`. Exit 0 when valid, 2 with the errors.";

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The decisions file to check (default: --data, else the built-in one).
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,
}

/// `region` is the Region in use (`--region` or the config), `today` the date prices age to.
pub fn run(args: &Args, data: Option<&Path>, region: Option<&str>, today: i64) -> u8 {
    let path = args.file.as_deref().or(data);
    let (text, name) = match path {
        Some(path) => match data::load_path(path) {
            Ok(text) => (text, path.display().to_string()),
            Err(diagnostics) => {
                report_diagnostics(&diagnostics);
                return exit::BAD_INPUT;
            }
        },
        None => (data::EMBEDDED.to_owned(), data::EMBEDDED_NAME.to_owned()),
    };
    let guide = match data::parse_syntax(&text, &name) {
        Ok(guide) => guide,
        Err(diagnostics) => {
            report_diagnostics(&diagnostics);
            return exit::BAD_INPUT;
        }
    };
    let report = data::validate(&guide, &text, &name);
    if report.diagnostics.has_errors() {
        report_diagnostics(&report.diagnostics);
        return exit::BAD_INPUT;
    }
    // Every path, explored here and only here: loading never does it.
    let (explored, summary) = if report.explorable {
        crate::engine::explore_paths(&guide, &text, &name)
    } else {
        (Diagnostics::default(), None)
    };
    if explored.has_errors() {
        report_diagnostics(&explored);
        return exit::BAD_INPUT;
    }
    let mut warnings = Diagnostics(report.diagnostics.warnings().cloned().collect());
    warnings
        .0
        .extend(price_warnings(&guide, &name, region, today));
    report_diagnostics(&warnings);
    let mut out = String::new();
    if let Some(summary) = summary {
        let _ = writeln!(
            out,
            "{name}: ok: {}, {}, {}, {}, {}, {}",
            count_noun(summary.questions, "question", "questions"),
            count_noun(summary.paths, "path", "paths"),
            count_noun(summary.tops.len(), "service", "services"),
            count_noun(summary.facts, "fact", "facts"),
            count_noun(summary.terms, "glossary term", "glossary terms"),
            count_noun(summary.prices, "price", "prices")
        );
        let _ = writeln!(out, "Paths each service tops:");
        for (service, count) in &summary.tops {
            let share = 100.0 * *count as f64 / summary.paths.max(1) as f64;
            let _ = writeln!(out, "  {service:<20} {count:>8}  {share:>5.1}%");
        }
        let _ = writeln!(
            out,
            "Ties for first: {} (settled by the lower estimate when sized, then the lower \
             operating burden); close calls ({}): {}.",
            count_noun(summary.ties, "path", "paths"),
            count_noun(
                usize::try_from(crate::engine::CLOSE_CALL_MARGIN).unwrap_or(0),
                "point",
                "points"
            ),
            count_noun(summary.close_calls, "path", "paths")
        );
        // Checklists multiply the paths by every set of ticks, most of them hard limits; the
        // shares without any say how the common case is served.
        if guide.questions.iter().any(|q| q.multi) {
            let mut plain = guide.clone();
            for q in plain.questions.iter_mut().filter(|q| q.multi) {
                q.options.retain(|o| o.id == "none");
            }
            let explored = crate::engine::explore(&plain, crate::engine::MAX_PATHS);
            let _ = writeln!(
                out,
                "With nothing ticked on the checklists ({}):",
                count_noun(explored.paths, "path", "paths")
            );
            for (service, count) in guide.services.iter().zip(&explored.tops) {
                let share = 100.0 * *count as f64 / explored.paths.max(1) as f64;
                let _ = writeln!(out, "  {:<20} {count:>8}  {share:>5.1}%", service.id);
            }
        }
        if warnings.0.is_empty() {
            let _ = writeln!(out, "No warnings.");
        } else {
            let _ = writeln!(
                out,
                "{} (listed on stderr).",
                count_noun(warnings.0.len(), "warning", "warnings")
            );
        }
    }
    emit(&out)
}

/// Prices older than [`crate::prices::STALE_AFTER_DAYS`]: the data's own, and each installed
/// Region's; an installed file that cannot be read; a `--region` nothing is installed for.
fn price_warnings(
    guide: &crate::data::Guide,
    name: &str,
    region: Option<&str>,
    today: i64,
) -> Vec<crate::data::Diagnostic> {
    use crate::data::{Diagnostic, Severity, days_since};
    use crate::prices;
    let warn = |file: String, message: String| Diagnostic {
        severity: Severity::Warning,
        file,
        line: 0,
        col: 0,
        message,
    };
    let stale = |as_of: &str| days_since(as_of, today).filter(|d| *d > prices::STALE_AFTER_DAYS);
    let mut out = Vec::new();
    if let Some(as_of) = prices::prices_as_of(guide)
        && let Some(days) = stale(as_of)
    {
        out.push(warn(
            name.to_owned(),
            format!(
                "prices are stale: the oldest is as of {as_of}, {days} days ago (over {}); \
                 import current ones with `{}` and use them with --region",
                prices::STALE_AFTER_DAYS,
                prices::REFRESH_COMMAND
            ),
        ));
    }
    let Some(dir) = prices::prices_dir() else {
        return out;
    };
    let mut installed = prices::installed_regions(&dir);
    if let Some(r) = region
        && !installed.iter().any(|i| i == r)
        && r != guide.meta.region
    {
        out.push(warn(
            name.to_owned(),
            format!("no prices are installed for --region {r}; commands using it will refuse"),
        ));
    }
    installed.sort();
    for r in installed {
        let file = prices::region_file(&dir, &r).display().to_string();
        match prices::load_region(&dir, &r) {
            Ok(Some(p)) => {
                if let Some(days) = stale(p.as_of()) {
                    out.push(warn(
                        file,
                        format!(
                            "prices for {r} are stale: as of {}, {days} days ago (over {}); \
                             refresh them with `{}`",
                            p.as_of(),
                            prices::STALE_AFTER_DAYS,
                            prices::REFRESH_COMMAND
                        ),
                    ));
                }
            }
            Ok(None) => {}
            Err(message) => out.push(warn(file, message)),
        }
    }
    out
}
