//! `computepick prices`: the Regions whose prices are installed, and `computepick prices import
//! FILE...`, which reads AWS's price list files (offer files of the Bulk API, or `aws pricing
//! get-products` output) and installs the guide's prices for their Region.

use std::fmt::Write as _;
use std::io::{IsTerminal, Write as _};
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::exit;
use super::output::{Format, emit, say};
use crate::data::Guide;
use crate::prices::{self, Matchers, RegionPrices, offer};
use crate::text::count_noun;

pub const AFTER_HELP: &str = "Fetch AWS's price list for your Region, then import it:
  curl -o ec2.json https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonEC2/current/eu-central-1/index.json
  aws pricing get-products --region us-east-1 --service-code AWSLambda \\
    --filters Type=TERM_MATCH,Field=regionCode,Value=eu-central-1 > lambda.json
  computepick prices import ec2.json lambda.json
  computepick cost --region eu-central-1 --requests 10M --duration 200ms --memory 512MB

The guide reads AWSLambda, AmazonECS (Fargate), AmazonEC2, AmazonEKS, AWSELB, AmazonLightsail and
AmazonVPC. Prices go to $XDG_DATA_HOME/computepick/prices/REGION.json (~/.local/share/... by
default), one file per Region, replaced atomically; a price no file gave stays the built-in
us-east-1 one, and estimates say so. Use a Region with --region R, `region: Some(\"R\")` in the
config file, or the Cost tab. Prices older than 180 days are marked stale. A file that is not a
price list (another service's, a truncated download, an HTML error page) is refused with exit 2
and nothing is installed.";

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub action: Option<Action>,

    /// Output format of the list.
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
}

#[derive(Debug, clap::Subcommand)]
pub enum Action {
    /// Import AWS price list files (offer files or `aws pricing get-products` output).
    Import(ImportArgs),
}

#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// Price list files: Bulk API offer files (index.json) or `aws pricing get-products` output.
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,
}

/// `region` is `--region`: for an import, the Region to take from files that hold several.
pub fn run(args: &Args, guide: &Guide, region: Option<&str>, today: i64) -> u8 {
    let dir = prices::prices_dir();
    match &args.action {
        Some(Action::Import(import)) => run_import(import, guide, region, dir.as_deref(), today),
        None => list(args.format, guide, dir.as_deref(), today),
    }
}

fn run_import(
    args: &ImportArgs,
    guide: &Guide,
    region: Option<&str>,
    dir: Option<&Path>,
    today: i64,
) -> u8 {
    if let Some(r) = region
        && !prices::regions::is_known(r)
    {
        say(&format!(
            "computepick: {}",
            prices::regions::unknown_message(r)
        ));
        return exit::BAD_INPUT;
    }
    let Some(dir) = dir else {
        say(
            "computepick: no place to install prices: set HOME or XDG_DATA_HOME (nothing was \
             installed)",
        );
        return exit::BAD_INPUT;
    };
    let matchers = Matchers::new(&guide.prices);
    let bar = std::io::stderr().is_terminal();
    let mut parsed: Vec<(String, offer::Parsed)> = Vec::new();
    let mut failed = 0;
    for path in &args.files {
        match import_file(path, &matchers, region, bar) {
            Ok(p) => parsed.push((absolute(path), p)),
            Err(message) => {
                say(&format!("computepick: {}: {message}", path.display()));
                failed += 1;
            }
        }
    }
    if failed > 0 {
        say(&format!(
            "computepick: nothing was installed ({failed} of {} refused); installed prices \
             are unchanged",
            count_noun(args.files.len(), "file", "files")
        ));
        return exit::BAD_INPUT;
    }
    let today_text = crate::data::civil_from_days(today);
    // One installed file per Region; each is written whole or not at all.
    let mut by_region: Vec<(String, Vec<(String, &offer::Parsed)>)> = Vec::new();
    for (path, p) in &parsed {
        match by_region.iter_mut().find(|(r, _)| *r == p.region) {
            Some((_, files)) => files.push((path.clone(), p)),
            None => by_region.push((p.region.clone(), vec![(path.clone(), p)])),
        }
    }
    let mut out = String::new();
    for (region, files) in &by_region {
        let existing = match prices::load_region(dir, region) {
            Ok(existing) => existing,
            Err(message) => {
                say(&format!("computepick: warning: {message}; it is replaced"));
                None
            }
        };
        let merged = prices::merge(existing, region, files, &today_text);
        let path = match prices::save(dir, &merged) {
            Ok(path) => path,
            Err(message) => {
                say(&format!(
                    "computepick: {message} (prices for {region} were not installed)"
                ));
                return exit::INTERNAL;
            }
        };
        for (file, p) in files {
            let _ = writeln!(
                out,
                "{file}: {} {} for {region}, published {}: {}",
                p.offers.join(", "),
                p.layout,
                p.as_of,
                count_noun(p.found.len(), "price", "prices")
            );
            for w in &p.warnings {
                let _ = writeln!(out, "  note: {w}");
            }
        }
        let _ = writeln!(
            out,
            "{region}: {} of the guide's {} installed in {}",
            merged.prices.len(),
            count_noun(
                matchers.entries.len(),
                "importable price",
                "importable prices"
            ),
            path.display()
        );
        let missing: Vec<&str> = matchers
            .entries
            .iter()
            .map(|(id, _)| id.as_str())
            .filter(|id| !merged.prices.contains_key(*id))
            .collect();
        if !missing.is_empty() {
            let _ = writeln!(
                out,
                "  not found, so the built-in {} prices stay: {}",
                guide.meta.region,
                missing.join(", ")
            );
        }
        let _ = writeln!(
            out,
            "  use them: computepick cost --region {region} ... (or region: Some(\"{region}\") in \
             the config)"
        );
    }
    emit(&out)
}

/// Reads one file, with a progress bar on a terminal.
fn import_file(
    path: &Path,
    matchers: &Matchers,
    region: Option<&str>,
    bar: bool,
) -> Result<offer::Parsed, String> {
    // A FIFO or device is refused before it is opened, so nothing waits for a writer.
    let file = crate::fs_safe::open_regular(path).map_err(|e| match e {
        crate::fs_safe::ReadError::IsDir => "is a folder, not a price list file".to_owned(),
        other => other.to_string(),
    })?;
    let meta = file.metadata().map_err(|e| format!("cannot read: {e}"))?;
    // The bar goes straight to the terminal: its name is made safe like every message.
    let name = crate::text::safe(&path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    ))
    .into_owned();
    let mut drawn = false;
    let mut progress = |read: u64, total: u64| {
        if bar && total > 0 {
            drawn = true;
            draw_bar(&name, read, total);
        }
    };
    let result = offer::read(file, meta.len(), matchers, region, &mut progress);
    if drawn {
        // Clear the bar's line.
        let mut err = std::io::stderr().lock();
        let _ = write!(err, "\r\x1b[2K");
        let _ = err.flush();
    }
    result
}

/// `ec2.json  [##########----------]  52%  163/312 MB`, redrawn in place.
fn draw_bar(name: &str, read: u64, total: u64) {
    let width: usize = 24;
    let done = usize::try_from(read.min(total) * 24 / total.max(1)).unwrap_or(width);
    let pct = read.min(total) * 100 / total.max(1);
    let mut err = std::io::stderr().lock();
    let _ = write!(
        err,
        "\r\x1b[2K{name}  [{}{}] {pct:>3}%  {:.1}/{:.1} MB",
        "#".repeat(done),
        "-".repeat(width - done),
        read as f64 / 1e6,
        total as f64 / 1e6
    );
    let _ = err.flush();
}

fn absolute(path: &Path) -> String {
    std::path::absolute(path)
        .unwrap_or_else(|_| path.to_owned())
        .display()
        .to_string()
}

#[derive(Serialize)]
struct Row {
    region: String,
    as_of: String,
    prices: usize,
    importable: usize,
    stale: bool,
    built_in: bool,
    file: Option<String>,
    sources: Vec<String>,
    problem: Option<String>,
}

fn list(format: Format, guide: &Guide, dir: Option<&Path>, today: i64) -> u8 {
    let matchers = Matchers::new(&guide.prices);
    let importable = matchers.entries.len();
    let stale = |as_of: &str| {
        crate::data::days_since(as_of, today).is_some_and(|d| d > prices::STALE_AFTER_DAYS)
    };
    let built_in_as_of = prices::prices_as_of(guide).unwrap_or(&guide.meta.as_of);
    let mut rows = vec![Row {
        region: guide.meta.region.clone(),
        as_of: built_in_as_of.to_owned(),
        prices: importable,
        importable,
        stale: stale(built_in_as_of),
        built_in: true,
        file: None,
        sources: vec!["built in (decisions.ron)".into()],
        problem: None,
    }];
    for region in dir.map(prices::installed_regions).unwrap_or_default() {
        let file = dir.map(|d| prices::region_file(d, &region).display().to_string());
        match dir.map(|d| prices::load_region(d, &region)) {
            Some(Ok(Some(p))) => rows.push(row(&p, importable, file, stale(p.as_of()))),
            Some(Err(problem)) => rows.push(Row {
                region,
                as_of: String::new(),
                prices: 0,
                importable,
                stale: false,
                built_in: false,
                file,
                sources: Vec::new(),
                problem: Some(problem),
            }),
            _ => {}
        }
    }
    match format {
        Format::Json => {
            let text = serde_json::to_string_pretty(&rows).unwrap_or_default();
            emit(&format!("{text}\n"))
        }
        Format::Text | Format::Markdown => emit(&list_text(&rows, dir)),
    }
}

fn row(p: &RegionPrices, importable: usize, file: Option<String>, stale: bool) -> Row {
    Row {
        region: p.region.clone(),
        as_of: p.as_of().to_owned(),
        prices: p.prices.len(),
        importable,
        stale,
        built_in: false,
        file,
        sources: p
            .files
            .iter()
            .map(|f| {
                format!(
                    "{} ({} {}, published {}, {}, imported {})",
                    f.path,
                    f.offers.join(", "),
                    f.layout,
                    f.as_of,
                    count_noun(f.prices, "price", "prices"),
                    f.imported
                )
            })
            .collect(),
        problem: None,
    }
}

fn list_text(rows: &[Row], dir: Option<&Path>) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<16} {:<12} {:>7}  From",
        "Region", "As of", "Prices"
    );
    for r in rows {
        if let Some(problem) = &r.problem {
            let _ = writeln!(out, "{:<16} unreadable: {problem}", r.region);
            continue;
        }
        let count = format!("{}/{}", r.prices, r.importable);
        let stale = if r.stale { " STALE" } else { "" };
        let mut sources = r.sources.iter();
        let _ = writeln!(
            out,
            "{:<16} {:<12} {count:>7}  {}{stale}",
            r.region,
            r.as_of,
            sources.next().map_or("", String::as_str)
        );
        for s in sources {
            let _ = writeln!(out, "{:<39}{s}", "");
        }
    }
    match dir {
        Some(d) => {
            let _ = writeln!(out, "\nInstalled prices live in {}.", d.display());
        }
        None => {
            let _ = writeln!(out, "\nNo data directory (set HOME or XDG_DATA_HOME).");
        }
    }
    if rows.iter().any(|r| r.stale) {
        let _ = writeln!(
            out,
            "STALE: over {} days old; refresh with `{}`.",
            prices::STALE_AFTER_DAYS,
            prices::REFRESH_COMMAND
        );
    }
    let _ = writeln!(
        out,
        "Use a Region with --region R (or region: Some(\"R\") in the config); import one with \
         `{}`.",
        prices::REFRESH_COMMAND
    );
    out
}
