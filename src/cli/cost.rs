//! `computepick cost --requests 10M --duration 200ms --memory 512MB ...`: every service's
//! estimated monthly cost with its breakdown and assumptions, which service is cheapest at which
//! volume, and where pairs of services break even, as text, JSON or Markdown.

use std::fmt::Write;

use serde::Serialize;

use super::exit;
use super::output::{Format, emit, output_width, say};
use super::workload::Workload;
pub use super::workload::{flag, input_error};
use crate::cost::{
    Band, BreakEven, CostModel, Estimate, Inputs, LineItem, ServiceEstimate, SweepRange,
    format_count, format_money, format_number, summarize_break_evens,
};
use crate::data::{Guide, group_thousands};
use crate::text;

pub const AFTER_HELP: &str = "Sizes take units: requests 10M, 2.5k, 1B; durations 200ms, 1.5s, 2m, 1h; \
memory 512MB, 1GB, 1.5GiB. Every price comes from the data file (its region and as-of date are \
printed); Spot, Reserved and Savings Plans use AWS's stated maximum discounts, so they are best \
cases. Spot and Reserved exclude each other. Batch is priced only for jobs that end (--jobs), runs \
on EC2 unless --batch-on fargate, and takes only jobs of 3 minutes or more (AWS's advice); Lambda is billed at the memory its vCPUs need \
(1 vCPU per 1,769 MB, at most 6). The break-even points vary the requests per month and hold \
everything else. Values past 10T requests, 30 days, 32TB or 448 vCPUs are refused.

Examples:
  computepick cost --requests 10M --duration 200ms --memory 512MB
  computepick cost --requests 50k --duration 40m --memory 4GB --vcpu 2 --hours-per-day 8 --spot --jobs
  computepick cost --requests 1B --duration 50ms --memory 1GB --per-task-concurrency 50 --format json
  computepick cost --requests 20M --duration 300ms --memory 2GB --vcpu 1 --reserved
  computepick cost --requests 50k --duration 40m --memory 4GB --vcpu 2 --jobs --batch-on fargate --spot";

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub workload: Workload,

    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
}

impl Args {
    /// The inputs, or one line naming every missing required flag.
    pub fn inputs(&self) -> Result<Inputs, String> {
        self.workload.inputs_for("cost", "computepick cost")
    }
}

/// Everything `cost` prints, computed once for whichever format.
pub struct Report {
    pub estimate: Estimate,
    pub bands: Vec<Band>,
    pub break_evens: Vec<BreakEven>,
    /// What to say about the prices themselves: stale, or not all the Region's own
    /// ([`crate::prices::notes`]).
    pub price_notes: crate::prices::Notes,
}

/// Estimates, the cheapest service by volume and the break-even points for `inputs`.
pub fn report(guide: &Guide, inputs: &Inputs) -> Result<Report, String> {
    let model = CostModel::new(guide);
    let range = SweepRange::default();
    let estimate = model.estimate(inputs).map_err(|e| input_error(&e))?;
    let bands = model
        .cheapest_by_volume(inputs, range)
        .map_err(|e| input_error(&e))?;
    let break_evens = model
        .break_evens(inputs, range)
        .map_err(|e| input_error(&e))?;
    Ok(Report {
        estimate,
        bands,
        break_evens,
        price_notes: crate::prices::Notes::default(),
    })
}

pub fn run(args: &Args, guide: &Guide) -> u8 {
    // The command reads the clock (or COMPUTEPICK_TODAY); the report is pure.
    let today = crate::prices::today();
    let report = args
        .inputs()
        .and_then(|inputs| report(guide, &inputs))
        .map(|mut r| {
            r.price_notes = crate::prices::notes(guide, Some(today));
            r
        });
    match report {
        Ok(report) => emit(&render(&report, args.format, output_width())),
        Err(message) => {
            say(&format!("computepick: {message}"));
            exit::BAD_INPUT
        }
    }
}

pub fn render(report: &Report, format: Format, width: usize) -> String {
    match format {
        Format::Text => text(report, width),
        Format::Markdown => markdown(report),
        Format::Json => json(report),
    }
}

const ESTIMATE_ONLY: &str = "An estimate only, from list prices: check the AWS Pricing Calculator \
before you commit.";

/// `9,000,000 requests`, `1,460 instance-hours`, `0.5 LCU-hours`.
fn quantity(item: &LineItem) -> String {
    let q = item.quantity;
    let number = if q >= 100.0 {
        group_thousands(q)
    } else {
        format_number((q * 100.0).round() / 100.0)
    };
    let unit = if (q - 1.0).abs() < 1e-9 || item.unit.ends_with('s') {
        item.unit.clone()
    } else {
        format!("{}s", item.unit)
    };
    format!("{number} {unit}")
}

/// How a line was computed: `9,000,000 requests × $0.20 per 1M requests`, or for a discount
/// `90% of $12.34 (90 percent off On-Demand, at most)`.
fn working(item: &LineItem) -> String {
    if item.unit == "USD" {
        format!(
            "{}% of {} ({})",
            format_number(-item.rate * 100.0),
            format_money(item.quantity),
            item.price
        )
    } else if item.amount == 0.0 && item.rate == 0.0 {
        item.price.clone()
    } else {
        format!("{} × {}", quantity(item), item.price)
    }
}

fn band_text(band: &Band, first: bool, last: bool) -> String {
    match (first, last) {
        (true, true) => format!("{}: cheapest at every volume", band.name),
        (true, false) => format!(
            "up to {} requests/month: {}",
            format_count(band.to),
            band.name
        ),
        (false, true) => format!(
            "above {} requests/month: {}",
            format_count(band.from),
            band.name
        ),
        (false, false) => format!(
            "{} to {} requests/month: {}",
            format_count(band.from),
            format_count(band.to),
            band.name
        ),
    }
}

fn text(report: &Report, width: usize) -> String {
    let e = &report.estimate;
    let width = width.max(40);
    let mut out = String::new();
    let _ = writeln!(out, "Estimated monthly cost");
    for line in text::wrap(&e.inputs.summary(), width - 2) {
        let _ = writeln!(out, "  {line}");
    }
    let prices = format!("Prices: {}, as of {}. {ESTIMATE_ONLY}", e.region, e.as_of);
    for line in text::wrap(&prices, width - 2) {
        let _ = writeln!(out, "  {line}");
    }
    for note in report.price_notes.sentences() {
        for line in text::wrap(&note, width - 2) {
            let _ = writeln!(out, "  {line}");
        }
    }
    let _ = writeln!(out);

    let name_w = e
        .services
        .iter()
        .map(|s| text::width(&s.name))
        .max()
        .unwrap_or(0);
    let money_w = e
        .services
        .iter()
        .filter_map(|s| s.total)
        .map(|t| format_money(t).len())
        .max()
        .unwrap_or(5);
    for (i, s) in e.services.iter().enumerate() {
        let rank = if s.fits() {
            format!("{}.", i + 1)
        } else {
            "-".to_owned()
        };
        let pad = name_w - text::width(&s.name);
        match s.total {
            Some(t) => {
                let _ = writeln!(
                    out,
                    "  {rank:>3} {}{}  {:>money_w$}",
                    s.name,
                    " ".repeat(pad),
                    format_money(t)
                );
            }
            None => {
                let indent = 2 + 4 + name_w + 2;
                let wrapped = text::wrap(&s.total_text(), width.saturating_sub(indent).max(20));
                for (j, line) in wrapped.iter().enumerate() {
                    if j == 0 {
                        let _ = writeln!(out, "  {rank:>3} {}{}  {line}", s.name, " ".repeat(pad));
                    } else {
                        let _ = writeln!(out, "{}{line}", " ".repeat(indent));
                    }
                }
            }
        }
        for warning in &s.warnings {
            warn(&mut out, warning, 6, width);
        }
    }
    if let Some(same) = e.about_the_same_text() {
        let _ = writeln!(out);
        for line in text::wrap(&same, width - 2) {
            let _ = writeln!(out, "  {line}");
        }
    }

    for s in &e.services {
        let _ = writeln!(out, "\n{}: {}", s.name, s.total_text());
        let amount_w = s
            .breakdown
            .iter()
            .map(|l| format_money(l.amount).len())
            .max()
            .unwrap_or(0);
        let label_w = width.saturating_sub(2 + 2 + amount_w).max(20);
        for item in &s.breakdown {
            let labels = text::wrap(&item.label, label_w);
            for (j, label) in labels.iter().enumerate() {
                if j + 1 == labels.len() {
                    let pad = label_w.saturating_sub(text::width(label));
                    let _ = writeln!(
                        out,
                        "  {label}{}  {:>amount_w$}",
                        " ".repeat(pad),
                        format_money(item.amount)
                    );
                } else {
                    let _ = writeln!(out, "  {label}");
                }
            }
            for line in text::wrap(&working(item), width.saturating_sub(6).max(20)) {
                let _ = writeln!(out, "      {line}");
            }
        }
        for warning in &s.warnings {
            warn(&mut out, warning, 2, width);
        }
        for assumption in &s.assumptions {
            bullet(&mut out, assumption, width);
        }
    }

    if !report.bands.is_empty() {
        let _ = writeln!(
            out,
            "\nCheapest by volume (requests/month varied, everything else as above):"
        );
        let n = report.bands.len();
        for (i, band) in report.bands.iter().enumerate() {
            let _ = writeln!(out, "  {}", band_text(band, i == 0, i + 1 == n));
        }
    }
    if !report.break_evens.is_empty() {
        let _ = writeln!(out, "\nBreak-even points:");
        for sentence in summarize_break_evens(&report.break_evens) {
            bullet(&mut out, &sentence, width);
        }
    }
    let _ = writeln!(out, "\nAssumptions for every service:");
    for assumption in &e.assumptions {
        bullet(&mut out, assumption, width);
    }
    let _ = writeln!(
        out,
        "\nRegion {} · prices as of {}{} · estimate only",
        e.region,
        e.as_of,
        stale_mark(report)
    );
    out
}

/// ` (STALE: 215 days old)` after the price date, when the prices are stale.
fn stale_mark(report: &Report) -> String {
    report
        .price_notes
        .stale_days
        .map(|d| format!(" (STALE: {d} days old)"))
        .unwrap_or_default()
}

fn bullet(out: &mut String, text_: &str, width: usize) {
    for (j, line) in text::wrap(text_, width.saturating_sub(4).max(20))
        .iter()
        .enumerate()
    {
        let _ = writeln!(out, "  {} {line}", if j == 0 { "-" } else { " " });
    }
}

/// A warning (a quota the workload passes, with its source) as `! ...`, indented `indent`.
fn warn(out: &mut String, warning: &str, indent: usize, width: usize) {
    let pad = " ".repeat(indent);
    for (j, line) in text::wrap(warning, width.saturating_sub(indent + 2).max(20))
        .iter()
        .enumerate()
    {
        let _ = writeln!(out, "{pad}{} {line}", if j == 0 { "!" } else { " " });
    }
}

/// A Markdown table cell: pipes escaped, line breaks flattened.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

fn markdown(report: &Report) -> String {
    let e = &report.estimate;
    let mut out = String::new();
    let _ = writeln!(out, "# Estimated monthly cost\n");
    let _ = writeln!(out, "{}\n", cell(&e.inputs.summary()));
    let _ = writeln!(out, "| # | Service | Monthly cost |\n|---:|---|---:|");
    for (i, s) in e.services.iter().enumerate() {
        let rank = if s.fits() {
            (i + 1).to_string()
        } else {
            "–".to_owned()
        };
        let _ = writeln!(
            out,
            "| {rank} | {} (`{}`) | {} |",
            cell(&s.name),
            s.service,
            cell(&s.total_text())
        );
    }
    let warned: Vec<String> = e
        .services
        .iter()
        .flat_map(|s| s.warnings.iter().map(move |w| format!("{}: {w}", s.name)))
        .collect();
    if let Some(same) = e.about_the_same_text() {
        let _ = writeln!(out, "\n{same}");
    }
    if !warned.is_empty() {
        let _ = writeln!(out);
        for w in &warned {
            let _ = writeln!(out, "> **Warning:** {}", cell(w));
        }
    }
    for s in &e.services {
        let _ = writeln!(out, "\n## {}: {}\n", s.name, cell(&s.total_text()));
        for w in &s.warnings {
            let _ = writeln!(out, "> **Warning:** {}\n", cell(w));
        }
        if !s.breakdown.is_empty() {
            let _ = writeln!(out, "| Item | Working | Amount |\n|---|---|---:|");
            for item in &s.breakdown {
                let _ = writeln!(
                    out,
                    "| {} | {} | {} |",
                    cell(&item.label),
                    cell(&working(item)),
                    format_money(item.amount)
                );
            }
            let _ = writeln!(out);
        }
        for assumption in &s.assumptions {
            let _ = writeln!(out, "- {assumption}");
        }
    }
    if !report.bands.is_empty() {
        let _ = writeln!(
            out,
            "\n## Cheapest by volume\n\nRequests per month varied, everything else as above.\n"
        );
        let n = report.bands.len();
        for (i, band) in report.bands.iter().enumerate() {
            let _ = writeln!(out, "- {}", band_text(band, i == 0, i + 1 == n));
        }
    }
    if !report.break_evens.is_empty() {
        let _ = writeln!(out, "\n## Break-even points\n");
        for sentence in summarize_break_evens(&report.break_evens) {
            let _ = writeln!(out, "- {sentence}");
        }
    }
    let _ = writeln!(out, "\n## Assumptions for every service\n");
    for assumption in &e.assumptions {
        let _ = writeln!(out, "- {assumption}");
    }
    let _ = writeln!(
        out,
        "\nRegion {} · prices as of {}{} · {ESTIMATE_ONLY}",
        e.region,
        e.as_of,
        stale_mark(report)
    );
    for note in report.price_notes.sentences() {
        let _ = writeln!(out, "\n> **Note:** {}", cell(&note));
    }
    out
}

#[derive(Serialize)]
struct JsonOut<'a> {
    region: &'a str,
    as_of: &'a str,
    currency: &'a str,
    inputs: &'a Inputs,
    services: &'a [ServiceEstimate],
    assumptions: &'a [String],
    cheapest_by_volume: &'a [Band],
    break_evens: &'a [BreakEven],
    break_even_summary: Vec<String>,
    note: &'a str,
    /// Prices older than 180 days.
    stale: bool,
    /// Stale prices, prices not the Region's own: sentences (empty when there is nothing to say).
    price_notes: Vec<String>,
}

fn json(report: &Report) -> String {
    let e = &report.estimate;
    let out = JsonOut {
        region: &e.region,
        as_of: &e.as_of,
        currency: &e.currency,
        inputs: &e.inputs,
        services: &e.services,
        assumptions: &e.assumptions,
        cheapest_by_volume: &report.bands,
        break_evens: &report.break_evens,
        break_even_summary: summarize_break_evens(&report.break_evens),
        note: ESTIMATE_ONLY,
        stale: report.price_notes.stale.is_some(),
        price_notes: report.price_notes.sentences(),
    };
    // Plain strings and finite numbers (inputs are validated) always serialize.
    serde_json::to_string_pretty(&out).unwrap_or_default() + "\n"
}
