//! What every service's model shares: the load ([`Load`]), the assumptions it states ([`Notes`]),
//! rounding, line items, discounts, load balancers and public IPv4 addresses, and the words for
//! counts. The models themselves are in `serverless` (Lambda, Fargate), `fleets` (EC2) and
//! `lightsail`; each goes from the inputs and the price book to a monthly cost with its line
//! items and every assumption spelled out, or the reason the workload does not fit.
//!
//! Each model is monotone by construction (more requests, longer requests or more memory never
//! cost less): counts are rounded up, and where the model picks the cheapest option (an instance
//! type, a Lightsail bundle, a Fargate size) it picks from options that only drop out, never join,
//! as the workload grows. `tests/it/cost_model.rs` checks this with property tests.

use super::prices::{PriceBook, Rate};
use super::units::{
    format_amount, format_count, format_duration_ms, format_memory_mb, format_money, format_number,
};
use super::{HOURS_PER_MONTH, Inputs, LineItem};
use crate::data::group_thousands;

/// AWS Batch's shortest sensible job. AWS's best practices say a job of a few seconds can take
/// longer to schedule than to run, and advise grouping tasks so that each job runs 3 to 5 minutes
/// (<https://docs.aws.amazon.com/batch/latest/userguide/bestpractice1.html>). A request shorter
/// than the lower end is not priced as one Batch job: the estimate would be the compute alone,
/// with none of the scheduling that dominates it.
pub const BATCH_MIN_JOB_MS: f64 = 3.0 * 60e3;

/// `value` as `short` prints it, unless that reads the same as `limit` does: then the exact
/// number with `unit`, so "900,001 ms" is never printed as "15 min" beside a 15-minute limit.
pub(super) fn beyond(value: f64, limit: f64, short: fn(f64) -> String, unit: &str) -> String {
    let text = short(value);
    if text != short(limit) {
        return text;
    }
    // The shortest text that reads back as `value`, its whole part grouped: 900,001 or 10,240.3.
    let exact = format!("{value}");
    let (whole, fraction) = exact.split_once('.').unwrap_or((&exact, ""));
    let whole = whole
        .parse::<f64>()
        .map(crate::data::group_thousands)
        .unwrap_or_else(|_| whole.to_owned());
    let number = if fraction.is_empty() {
        whole
    } else {
        format!("{whole}.{fraction}")
    };
    if unit.is_empty() {
        number
    } else {
        format!("{number} {unit}")
    }
}

/// The share of an instance's memory the operating system and the ECS agent keep, so no task
/// can use it. AWS: "If you occupy all of the memory on a container instance with your tasks,
/// then it is possible that your tasks will contend with critical system processes for memory",
/// an 8 GiB m4.large registers 7,985 MiB for tasks, and AWS recommends a 5% memory buffer for the
/// agent and system processes
/// (<https://docs.aws.amazon.com/AmazonECS/latest/developerguide/memory-management.html>,
/// <https://docs.aws.amazon.com/batch/latest/userguide/memory-management.html>,
/// <https://docs.aws.amazon.com/batch/latest/userguide/ecs-reserved-memory.html>). The same share
/// is kept on a Lightsail instance, whose operating system needs memory too.
pub const MEMORY_KEPT_BY_OS: f64 = 0.05;

/// Where [`MEMORY_KEPT_BY_OS`] comes from, in the words the assumptions show.
pub const MEMORY_KEPT_SOURCE: &str = "AWS's ECS and Batch memory-management pages advise keeping \
     about 5% for the agent and system \
     (<https://docs.aws.amazon.com/AmazonECS/latest/developerguide/memory-management.html>, \
     <https://docs.aws.amazon.com/batch/latest/userguide/memory-management.html>)";

/// The share of a burstable server's sustainable CPU (its baseline, plus the credits its idle
/// hours earn) the estimate plans to use: the rest is headroom for peaks, since a Lightsail or
/// T-family instance out of credits is held at its baseline
/// (<https://docs.aws.amazon.com/lightsail/latest/userguide/baseline-cpu-performance.html>,
/// <https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/burstable-credits-baseline-concepts.html>).
pub const HEADROOM: f64 = 0.8;

/// The assumptions a model states, as it prices. Sweeps and break-even searches price thousands
/// of points and never show the words, so a quiet `Notes` skips building them.
#[derive(Debug, Default)]
pub struct Notes {
    list: Option<Vec<String>>,
    warnings: Vec<String>,
}

impl Notes {
    /// Keeps every assumption, for an estimate someone will read.
    pub fn collect() -> Notes {
        Notes {
            list: Some(Vec::new()),
            warnings: Vec::new(),
        }
    }

    /// Keeps nothing and builds nothing, for totals alone.
    pub fn quiet() -> Notes {
        Notes {
            list: None,
            warnings: Vec::new(),
        }
    }

    pub fn say(&mut self, text: impl FnOnce() -> String) {
        if let Some(list) = &mut self.list {
            list.push(text());
        }
    }

    /// Something that could stop the workload running as priced (a quota), with its source.
    pub fn warn(&mut self, text: impl FnOnce() -> String) {
        if self.list.is_some() {
            self.warnings.push(text());
        }
    }

    /// The assumptions and the warnings.
    pub fn into_parts(self) -> (Vec<String>, Vec<String>) {
        (self.list.unwrap_or_default(), self.warnings)
    }
}

/// How much work there is and how much capacity it takes, shared by every model.
#[derive(Debug, Clone, Copy)]
pub struct Load {
    /// Hours a month the workload runs: 730 × hours per day ÷ 24.
    pub running_hours: f64,
    /// Requests in flight on average while it runs: requests × duration ÷ running seconds.
    pub concurrency: f64,
    /// Copies of the workload (tasks, pods) needed: concurrency ÷ per-task concurrency, rounded
    /// up, and at least one while the workload runs.
    pub tasks: f64,
    /// vCPUs kept busy on average, if requests are CPU-bound: concurrency × vCPU ÷ per-task
    /// concurrency. Burstable instances must sustain this at their baseline.
    pub sustained_vcpu: f64,
    pub memory_gib: f64,
    /// Job-hours for Batch: requests × duration, each request one job.
    pub job_hours: f64,
}

impl Load {
    /// Hours a day one task is at work, at the most: the running hours a day, times the share of
    /// them its requests keep it busy (all of them once the load fills a task). While at work a
    /// task uses all its vCPUs: a job, or a task serving as many requests as it takes at once.
    /// Taken from the busiest task, so it never falls as the load grows.
    pub fn task_busy_hours(&self, inputs: &Inputs) -> f64 {
        self.hours_per_day() * (self.concurrency / inputs.per_task_concurrency).min(1.0)
    }

    /// Hours a day the workload runs, as [`Load::running_hours`] gives them.
    pub fn hours_per_day(&self) -> f64 {
        self.running_hours / HOURS_PER_MONTH * 24.0
    }

    /// The share of each vCPU a burstable server of `baseline` gives a task for the hours it is
    /// at work, before [`HEADROOM`]: its baseline, raised by the credits the server earns while up
    /// `up_hours` a day (credits accrue for up to 24 hours of earnings, so a day's baseline can
    /// be spent in the task's busy hours), at most every vCPU; the baseline alone when the server
    /// accrues no credits.
    pub fn burst_share(&self, inputs: &Inputs, baseline: f64, accrues: bool, up_hours: f64) -> f64 {
        if accrues {
            (baseline * up_hours / self.task_busy_hours(inputs).max(1e-9)).min(1.0)
        } else {
            baseline
        }
    }

    /// How many tasks a burstable server of `vcpu` vCPUs runs at once (see [`Load::burst_share`]):
    /// each uses all its vCPUs while at work, and the server plans to use [`HEADROOM`] of what it
    /// sustains. 0 when not even one task's vCPUs fit.
    pub fn burstable_holds(
        &self,
        inputs: &Inputs,
        vcpu: f64,
        baseline: f64,
        accrues: bool,
        up_hours: f64,
    ) -> f64 {
        floor(vcpu * self.burst_share(inputs, baseline, accrues, up_hours) * HEADROOM / inputs.vcpu)
    }
}

impl Load {
    pub fn new(inputs: &Inputs) -> Load {
        // A job runs its whole duration: stated hours a day shorter than one job are taken as
        // the job's duration (at most the whole day), so a shorter day never packs more jobs side
        // by side than there are.
        let hours_per_day = if inputs.jobs && inputs.hours_given {
            inputs
                .hours_per_day
                .max((inputs.duration_ms / 3_600e3).min(24.0))
        } else {
            inputs.hours_per_day
        };
        let window = HOURS_PER_MONTH * hours_per_day / 24.0;
        let seconds = inputs.requests * inputs.duration_ms / 1_000.0;
        // Jobs run only while they run: without stated hours, one after another until they
        // fill the day, then side by side.
        let running_hours = if inputs.jobs && !inputs.hours_given {
            (seconds / 3_600.0).min(window)
        } else {
            window
        };
        let concurrency = if running_hours > 0.0 {
            seconds / (running_hours * 3_600.0)
        } else {
            0.0
        };
        Load {
            running_hours,
            concurrency,
            tasks: ceil(concurrency / inputs.per_task_concurrency).max(1.0),
            sustained_vcpu: concurrency * inputs.vcpu / inputs.per_task_concurrency,
            memory_gib: inputs.memory_mb / 1_024.0,
            job_hours: seconds / 3_600.0,
        }
    }
}

/// How many tasks of `vcpu` and `gib` one server holds: by its vCPUs, and by the memory left
/// once the operating system and agent keep theirs ([`MEMORY_KEPT_BY_OS`]), so a task asking
/// for all of an instance's memory is never placed on it.
pub(super) fn per_server(server_vcpu: f64, server_gib: f64, vcpu: f64, gib: f64) -> f64 {
    floor(server_vcpu / vcpu).min(floor(server_gib * (1.0 - MEMORY_KEPT_BY_OS) / gib))
}

/// Rounds up, forgiving float noise: 3.0000000000004 tasks is 3, not 4.
pub(super) fn ceil(x: f64) -> f64 {
    (x - 1e-9 * x.abs().max(1.0)).ceil()
}

/// Orders costs, treating float noise as a tie so that `min_by` keeps the earlier option (the
/// smaller size, in the price list's order): 4 × $0.085 and 2 × $0.17 are the same $0.34.
pub(super) fn cmp_cost(a: f64, b: f64) -> std::cmp::Ordering {
    if (a - b).abs() <= 1e-9 * a.abs().max(b.abs()) {
        std::cmp::Ordering::Equal
    } else {
        a.total_cmp(&b)
    }
}

/// Rounds down, forgiving float noise: 1.9999999999998 tasks per instance is 2.
pub(super) fn floor(x: f64) -> f64 {
    (x + 1e-9 * x.abs().max(1.0)).floor()
}

pub(super) fn charge(label: String, quantity: f64, rate: &Rate) -> LineItem {
    LineItem {
        label,
        quantity,
        unit: rate.unit.clone(),
        rate: rate.per_unit,
        price: rate.display.clone(),
        amount: quantity * rate.per_unit,
        price_id: Some(rate.id.clone()),
    }
}

/// A service's own $0 charge ("no additional charge"), listed so the breakdown says so.
pub(super) fn no_charge(book: &PriceBook, id: &str, label: &str) -> Option<LineItem> {
    let rate = book.rate(id).ok()?;
    Some(LineItem {
        label: label.to_owned(),
        quantity: 1.0,
        unit: "month".into(),
        rate: rate.per_unit,
        price: rate.display.clone(),
        amount: 0.0,
        price_id: Some(rate.id.clone()),
    })
}

/// A discount as a negative line on `subtotal`, so the breakdown shows what it took off.
pub(super) fn discount_line(
    label: &str,
    subtotal: f64,
    fraction: f64,
    display: String,
    id: &str,
) -> LineItem {
    LineItem {
        label: format!("{label} ({} off)", percent(fraction)),
        quantity: subtotal,
        unit: "USD".into(),
        rate: -fraction,
        price: display,
        amount: -subtotal * fraction,
        price_id: Some(id.to_owned()),
    }
}

pub(super) fn percent(fraction: f64) -> String {
    format!("{}%", format_number(fraction * 100.0))
}

pub(super) fn running(load: &Load, inputs: &Inputs) -> String {
    if load.running_hours >= HOURS_PER_MONTH {
        "all month (730 hours)".to_owned()
    } else if inputs.jobs && !inputs.hours_given {
        format!(
            "only while jobs run ({} hours a month)",
            format_amount(load.running_hours)
        )
    } else {
        format!(
            "{} a day ({} a month)",
            noun_count(load.hours_per_day(), "hour"),
            noun_count(load.running_hours, "hour")
        )
    }
}

pub(super) fn tasks_text(load: &Load, inputs: &Inputs, what: &str) -> String {
    format!(
        "Average concurrency = {} requests × {} ÷ {} running hours = {}; at {} request{} at a time per \
         {what}, that is {} {} (at least one while the workload runs).",
        format_count(inputs.requests),
        format_duration_ms(inputs.duration_ms),
        format_number(load.running_hours),
        format_amount(load.concurrency),
        format_number(inputs.per_task_concurrency),
        if inputs.per_task_concurrency == 1.0 {
            ""
        } else {
            "s"
        },
        group_thousands(load.tasks),
        noun(what, load.tasks),
    )
}

pub(super) fn size_text(inputs: &Inputs) -> String {
    format!(
        "{} vCPU and {}",
        format_number(inputs.vcpu),
        format_memory_mb(inputs.memory_mb)
    )
}

/// What an Application Load Balancer costs a month before LCUs, to point out where one is needed.
pub(super) fn alb_note(book: &PriceBook) -> String {
    match book.rate("elb.alb.hour") {
        Ok(r) => format!(
            "No load balancer (the load balancer option is off); an Application Load Balancer \
             would add {} a month plus LCUs.",
            format_money(r.per_unit * HOURS_PER_MONTH)
        ),
        Err(_) => "No load balancer (the load balancer option is off).".to_owned(),
    }
}

/// Addresses an internet-facing Application Load Balancer holds: one per Availability Zone, and
/// it needs at least two zones
/// (<https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html>).
const ALB_ADDRESSES: f64 = 2.0;

/// An Application Load Balancer for the month, when the inputs ask for one: its hours, its LCUs
/// (every request a new connection) and its public IPv4 addresses. None, with a note, when not.
pub(super) fn alb_lines(
    book: &PriceBook,
    inputs: &Inputs,
    a: &mut Notes,
) -> Result<Vec<LineItem>, String> {
    if !inputs.load_balancer {
        a.say(|| alb_note(book));
        return Ok(Vec::new());
    }
    let alb = book.rate("elb.alb.hour")?;
    let lcu = book.rate("elb.alb.lcu")?;
    let (per_lcu, _) = book.allowance("elb.alb.lcu.new-connections")?;
    let ipv4 = book.rate("vpc.public-ipv4")?;
    let lcu_hours = inputs.requests / (per_lcu * 3_600.0);
    a.say(|| {
        format!(
            "Behind an Application Load Balancer, running all 730 hours; LCUs count every request \
             as a new connection ({} a second per LCU), an upper bound when clients keep \
             connections open; bytes processed are not counted. It holds one public IPv4 address \
             in each of its two Availability Zones.",
            format_number(per_lcu)
        )
    });
    Ok(vec![
        charge(
            "Application Load Balancer: 730 h".into(),
            HOURS_PER_MONTH,
            alb,
        ),
        charge(
            format!(
                "Load balancer capacity units: {} requests ÷ {} new connections/s per LCU",
                format_count(inputs.requests),
                format_number(per_lcu)
            ),
            lcu_hours,
            lcu,
        ),
        charge(
            "Public IPv4: the load balancer's 2 addresses × 730 h".into(),
            ALB_ADDRESSES * HOURS_PER_MONTH,
            ipv4,
        ),
    ])
}

/// Public IPv4 addresses for `hours` of instances or tasks, one each.
pub(super) fn ipv4_line(
    book: &PriceBook,
    hours: f64,
    what: &str,
    a: &mut Notes,
) -> Result<LineItem, String> {
    let ipv4 = book.rate("vpc.public-ipv4")?;
    a.say(|| {
        format!(
            "Each {what} has a public IPv4 address, as in a default VPC's public subnets (in \
             private subnets a NAT gateway, not included, would take its place)."
        )
    });
    Ok(charge(
        format!(
            "Public IPv4: one per {what}, {} {what}-hours",
            format_amount(hours)
        ),
        hours,
        ipv4,
    ))
}

/// A commitment discount (Savings Plans, Reserved Instances): its name on the bill, what to
/// call it when it cannot be applied, and the assumption it rests on, `{}` the percentage.
pub(super) struct Commitment {
    pub line: &'static str,
    pub short: &'static str,
    pub assumption: &'static str,
}

pub(super) const SAVINGS_PLANS: Commitment = Commitment {
    line: "Compute Savings Plans, AWS's stated maximum",
    short: "Savings Plans",
    assumption: "Savings Plans take AWS's stated maximum discount, {}, which needs a 3-year \
                 commitment; a 1-year plan saves less. A best case.",
};

/// Applies a commitment discount `id` to the lines `covered` selects, or says why it could not.
pub(super) fn commitment(
    book: &PriceBook,
    id: &str,
    kind: &Commitment,
    lines: &mut Vec<LineItem>,
    a: &mut Notes,
    covered: impl Fn(&LineItem) -> bool,
) {
    match book.discount(id) {
        Ok((fraction, display)) => {
            let subtotal: f64 = lines.iter().filter(|l| covered(l)).map(|l| l.amount).sum();
            lines.push(discount_line(kind.line, subtotal, fraction, display, id));
            a.say(|| kind.assumption.replacen("{}", &percent(fraction), 1));
        }
        Err(e) => a.say(|| format!("{} not applied: {e}.", kind.short)),
    }
}

/// Applies a Savings Plans discount to the lines `covered` selects, or says why it could not.
pub(super) fn savings(
    book: &PriceBook,
    id: &str,
    lines: &mut Vec<LineItem>,
    a: &mut Notes,
    covered: impl Fn(&LineItem) -> bool,
) {
    commitment(book, id, &SAVINGS_PLANS, lines, a, covered);
}

pub(super) fn plural(n: f64) -> &'static str {
    if n == 1.0 { "" } else { "s" }
}

/// `1 hour`, `1.5 hours`, `2 copies`: the number as `format_number` writes it, then the noun.
pub(super) fn noun_count(n: f64, word: &str) -> String {
    let text = format_number(n);
    let one = if text == "1" { 1.0 } else { n };
    format!("{text} {}", noun(word, one))
}

/// `1 task`, `2 tasks`, `2 copies`.
pub(super) fn noun(word: &str, n: f64) -> String {
    match (n == 1.0, word.strip_suffix('y')) {
        (true, _) => word.to_owned(),
        (false, Some(stem)) => format!("{stem}ies"),
        (false, None) => format!("{word}s"),
    }
}
