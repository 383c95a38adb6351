//! Monthly cost estimates for the seven services, their breakdowns and assumptions, and where
//! one service becomes cheaper than another as volume grows.
//!
//! Pure: no terminal, no I/O. Every price comes from the guide's `prices` (see [`PriceBook`]), so
//! the estimate follows the data file; the code holds only AWS's limits (Lambda's 15 minutes and
//! 10,240 MB, Fargate's task sizes) and the 730-hour month.
//!
//! The command line (`computepick cost`) and the app's Cost tab share this API:
//!
//! - [`Inputs`] is the workload; [`Field`] parses and formats each number as typed in a form
//!   (`10M`, `200ms`, `512MB`) and [`Toggle`] names each option.
//! - [`CostModel::new`] reads the prices once; [`CostModel::estimate`] gives an [`Estimate`]:
//!   one [`ServiceEstimate`] per service, cheapest first, each with a total or the reason it does
//!   not fit. [`CostModel::estimate_service`] prices one service (the recommendation's, say).
//! - [`CostModel::sweep`] gives each service's cost over request volumes on a log scale (a chart's
//!   lines), [`CostModel::break_evens`] the crossing points ("AWS Fargate becomes cheaper than AWS
//!   Lambda above 8.5M requests/month"), [`summarize_break_evens`] one sentence per pair, and
//!   [`CostModel::cheapest_by_volume`] which service is cheapest over which range.
//!
//! Estimates are cheap (tens of microseconds); a sweep with its break-evens takes a few
//! milliseconds in a release build, so recomputing on every keystroke is fine.

mod breakeven;
mod fleets;
mod prices;
mod services;
mod shape;
mod units;

use std::fmt;

use serde::Serialize;

use crate::data::Guide;

pub use breakeven::{
    ABOUT_THE_SAME, Band, BreakEven, Sweep, SweepPoint, SweepRange, summarize_break_evens,
};
pub use prices::{Bundle, InstanceType, PriceBook, Rate};
pub use services::{BATCH_MIN_JOB_MS, HEADROOM, MEMORY_KEPT_BY_OS, fargate_size};
pub use shape::{Stated, WorkloadShape, shape_from_answers};
pub use units::{
    MAX_DURATION_MS, MAX_MEMORY_MB, MAX_PER_TASK_CONCURRENCY, MAX_REQUESTS, MAX_VCPU,
    format_amount, format_count, format_duration_ms, format_memory_mb, format_money, format_number,
    parse_count, parse_duration_ms, parse_hours_per_day, parse_memory_mb,
    parse_per_task_concurrency, parse_vcpu,
};

/// Hours in a month, AWS's convention for monthly estimates (365 × 24 ÷ 12).
pub const HOURS_PER_MONTH: f64 = 730.0;

/// The services the estimator models, in the order ties are listed.
pub const SERVICE_IDS: [&str; 7] = [
    "lambda",
    "fargate",
    "ecs-ec2",
    "eks",
    "batch",
    "lightsail",
    "elastic-beanstalk",
];

/// The workload to price. Build it with [`Field::set`] from typed text, or directly; either way
/// [`Inputs::validate`] (called by every estimate) refuses values no parser would accept.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Inputs {
    /// Requests, invocations or jobs per month.
    pub requests: f64,
    /// Average duration of one request, in milliseconds.
    pub duration_ms: f64,
    /// Memory for one copy of the workload (a function, a task, a job), in MB of 1,024 per GB.
    pub memory_mb: f64,
    /// vCPUs for one copy of the workload.
    pub vcpu: f64,
    /// The vCPUs were stated (`--vcpu`, or the form's field changed from its default). Only
    /// then is Lambda sized to give them; otherwise its CPU follows the memory given, as when
    /// someone sizes a function by memory alone (and as AWS's own pricing examples do).
    #[serde(skip)]
    pub vcpu_given: bool,
    /// Hours a day the workload runs; 24 is always on. For work that ends ([`Inputs::jobs`]) and
    /// hours not stated, the hours follow from the jobs: their job-hours, at most 24 a day.
    pub hours_per_day: f64,
    /// The hours a day were stated (`--hours-per-day`, or the form's field changed from 24).
    #[serde(skip)]
    pub hours_given: bool,
    /// Each request is a job that ends (a nightly run, a queue of renders): compute runs only
    /// while jobs run. Off: a service that serves requests all the hours it runs. AWS Batch is
    /// priced only for work that ends.
    pub jobs: bool,
    /// Behind a load balancer: every service that spreads requests over tasks or servers gets
    /// its own (an Application Load Balancer for Fargate, ECS, EKS and Beanstalk; Lightsail's
    /// for Lightsail). Off: none anywhere, and Elastic Beanstalk is a single-instance
    /// environment.
    pub load_balancer: bool,
    /// Requests one task (container, pod, server process) serves at once. 1 compares like for
    /// like with Lambda, which runs one request per environment; servers doing I/O-bound work
    /// overlap many.
    pub per_task_concurrency: f64,
    /// Price Arm (Graviton) instead of x86 where the service offers it.
    pub arm: bool,
    /// Apply Lambda's always-free tier.
    pub free_tier: bool,
    /// Use Spot capacity (EC2 Spot, Fargate Spot) where the service offers it.
    pub spot: bool,
    /// Reserve the EC2 instances of always-running fleets (ECS on EC2, EKS nodes, Beanstalk).
    /// Spot and Reserved exclude each other: [`Toggle::set`] turns one off when the other goes
    /// on, the command line refuses both, and given both the models apply Spot and say so.
    pub reserved: bool,
    /// Apply Compute Savings Plans where they apply.
    pub savings_plans: bool,
    /// Where AWS Batch runs the jobs: EC2 instances (the default) or Fargate.
    pub batch_on: BatchCompute,
}

/// The compute AWS Batch runs jobs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BatchCompute {
    /// EC2 instances, sized and packed by the estimator.
    #[default]
    Ec2,
    /// Fargate tasks, one per job.
    Fargate,
}

impl BatchCompute {
    pub fn name(self) -> &'static str {
        match self {
            BatchCompute::Ec2 => "EC2",
            BatchCompute::Fargate => "Fargate",
        }
    }
}

impl Default for Inputs {
    /// A small always-on web API: 10M requests a month of 200 ms in 512 MB and 0.25 vCPU.
    fn default() -> Self {
        Inputs {
            requests: 10e6,
            duration_ms: 200.0,
            memory_mb: 512.0,
            vcpu: 0.25,
            vcpu_given: false,
            hours_per_day: 24.0,
            hours_given: false,
            jobs: false,
            load_balancer: true,
            per_task_concurrency: 1.0,
            arm: false,
            free_tier: true,
            spot: false,
            reserved: false,
            savings_plans: false,
            batch_on: BatchCompute::Ec2,
        }
    }
}

impl Inputs {
    /// Refuses NaN, infinities, negatives and out-of-range values, naming the field. The upper
    /// bounds ([`MAX_REQUESTS`] and the others) are far beyond any real workload, so a value past
    /// one is a typo (`1e30`), not a size worth a number with thirty digits.
    pub fn validate(&self) -> Result<(), InputError> {
        for field in Field::ALL {
            let v = field.value(self);
            let problem = if v.is_nan() {
                Some("is not a number")
            } else if v.is_infinite() {
                Some("is not a finite number")
            } else if v < 0.0 {
                Some("is negative")
            } else {
                match field {
                    Field::Duration | Field::Memory | Field::Vcpu if v == 0.0 => {
                        Some("must be more than zero")
                    }
                    Field::HoursPerDay => (!(units::MIN_HOURS_PER_DAY..=24.0).contains(&v))
                        .then_some("is outside a day (0.01 to 24)"),
                    Field::PerTaskConcurrency if v < 1.0 || v.fract() != 0.0 => {
                        Some("must be a whole number, at least 1")
                    }
                    _ => None,
                }
            };
            let problem = problem
                .map(str::to_owned)
                .or_else(|| units::above_most(field, v));
            if let Some(problem) = problem {
                return Err(InputError {
                    field,
                    text: v.to_string(),
                    message: format!("{problem}; give a value such as {}", field.example()),
                });
            }
        }
        Ok(())
    }

    /// One line for a heading: `10M requests/month × 200 ms · 512 MB · 0.25 vCPU · 24 h/day`.
    pub fn summary(&self) -> String {
        let mut options = vec![if self.arm { "Arm" } else { "x86" }];
        options.push(if self.free_tier {
            "free tier"
        } else {
            "no free tier"
        });
        if self.spot {
            options.push("Spot");
        }
        if self.reserved {
            options.push("Reserved");
        }
        if self.savings_plans {
            options.push("Savings Plans");
        }
        if self.batch_on == BatchCompute::Fargate {
            options.push("Batch on Fargate");
        }
        options.push(if self.load_balancer {
            "load balancer"
        } else {
            "no load balancer"
        });
        let hours = if self.jobs && !self.hours_given {
            "while jobs run".to_owned()
        } else {
            format!("{} h/day", format_number(self.hours_per_day))
        };
        format!(
            "{} {}/month × {} · {} · {} vCPU · {hours} · {} request{} at a time per task · {}",
            format_count(self.requests),
            match (self.jobs, self.requests == 1.0) {
                (true, true) => "job",
                (true, false) => "jobs",
                (false, true) => "request",
                (false, false) => "requests",
            },
            format_duration_ms(self.duration_ms),
            format_memory_mb(self.memory_mb),
            format_number(self.vcpu),
            format_number(self.per_task_concurrency),
            if self.per_task_concurrency == 1.0 {
                ""
            } else {
                "s"
            },
            options.join(", ")
        )
    }
}

/// A numeric input as a form field: its label, flag, example, parser and formatter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Requests,
    Duration,
    Memory,
    Vcpu,
    HoursPerDay,
    PerTaskConcurrency,
}

impl Field {
    pub const ALL: [Field; 6] = [
        Field::Requests,
        Field::Duration,
        Field::Memory,
        Field::Vcpu,
        Field::HoursPerDay,
        Field::PerTaskConcurrency,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Field::Requests => "Requests per month",
            Field::Duration => "Average duration",
            Field::Memory => "Memory",
            Field::Vcpu => "vCPUs",
            Field::HoursPerDay => "Hours a day",
            Field::PerTaskConcurrency => "Requests at once per task",
        }
    }

    /// What a valid value looks like, for placeholders and help.
    pub fn example(self) -> &'static str {
        match self {
            Field::Requests => "10M, 2.5k, 1B",
            Field::Duration => "200ms, 1.5s, 2m, 1h",
            Field::Memory => "512MB, 1GB, 1.5GiB",
            Field::Vcpu => "0.25, 2, 500m",
            Field::HoursPerDay => "24 (always on), 8",
            Field::PerTaskConcurrency => "1, 50",
        }
    }

    /// Parses typed text into this field's unit (requests, ms, MB, vCPUs, hours, requests).
    pub fn parse(self, text: &str) -> Result<f64, InputError> {
        let parsed = match self {
            Field::Requests => parse_count(text),
            Field::Duration => parse_duration_ms(text),
            Field::Memory => parse_memory_mb(text),
            Field::Vcpu => parse_vcpu(text),
            Field::HoursPerDay => parse_hours_per_day(text),
            Field::PerTaskConcurrency => parse_per_task_concurrency(text),
        };
        parsed.map_err(|message| InputError {
            field: self,
            text: text.trim().to_owned(),
            message,
        })
    }

    pub fn value(self, inputs: &Inputs) -> f64 {
        match self {
            Field::Requests => inputs.requests,
            Field::Duration => inputs.duration_ms,
            Field::Memory => inputs.memory_mb,
            Field::Vcpu => inputs.vcpu,
            Field::HoursPerDay => inputs.hours_per_day,
            Field::PerTaskConcurrency => inputs.per_task_concurrency,
        }
    }

    /// Parses `text` into `inputs`; on error `inputs` is unchanged.
    pub fn set(self, inputs: &mut Inputs, text: &str) -> Result<(), InputError> {
        let value = self.parse(text)?;
        match self {
            Field::Requests => inputs.requests = value,
            Field::Duration => inputs.duration_ms = value,
            Field::Memory => inputs.memory_mb = value,
            Field::Vcpu => inputs.vcpu = value,
            Field::HoursPerDay => inputs.hours_per_day = value,
            Field::PerTaskConcurrency => inputs.per_task_concurrency = value,
        }
        Ok(())
    }

    /// The current value as text that [`Field::parse`] reads back: `10M`, `200ms`, `512MB`.
    pub fn format(self, inputs: &Inputs) -> String {
        let value = self.value(inputs);
        match self {
            Field::Requests if value >= 1_000.0 && value == value.round() => compact_exact(value),
            Field::Duration => format_duration_ms(value).replace(' ', ""),
            Field::Memory => format_memory_mb(value).replace(' ', ""),
            _ => format_number(value),
        }
    }
}

/// `10000000` → `10M`, `2500` → `2.5k`, but `1234567` stays `1234567`: a form field must read back
/// exactly the value it shows.
fn compact_exact(value: f64) -> String {
    for (scale, suffix) in [(1e9, "B"), (1e6, "M"), (1e3, "k")] {
        let scaled = value / scale;
        let fits = scaled < 1_000.0 || suffix == "B";
        if scaled >= 1.0 && fits && (scaled * 1_000.0).fract() == 0.0 {
            return format!("{}{suffix}", format_number(scaled));
        }
    }
    format_number(value)
}

/// A two-way option: on/off, or for [`Toggle::BatchOnFargate`] which compute Batch uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Toggle {
    Arm,
    FreeTier,
    Spot,
    Reserved,
    SavingsPlans,
    /// Batch runs its jobs on Fargate (on) or on EC2 (off).
    BatchOnFargate,
    /// Each request is a job that ends ([`Inputs::jobs`]).
    Jobs,
    /// Behind a load balancer ([`Inputs::load_balancer`]).
    LoadBalancer,
}

impl Toggle {
    pub const ALL: [Toggle; 8] = [
        Toggle::Jobs,
        Toggle::LoadBalancer,
        Toggle::Arm,
        Toggle::FreeTier,
        Toggle::Spot,
        Toggle::Reserved,
        Toggle::SavingsPlans,
        Toggle::BatchOnFargate,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Toggle::Arm => "Arm (Graviton)",
            Toggle::FreeTier => "Free tier",
            Toggle::Spot => "Spot",
            Toggle::Reserved => "Reserved",
            Toggle::SavingsPlans => "Savings Plans",
            Toggle::BatchOnFargate => "Batch runs on",
            Toggle::Jobs => "Jobs that end",
            Toggle::LoadBalancer => "Load balancer",
        }
    }

    /// The state as a form shows it: `[x] on`, `[ ] off`, or for Batch `EC2` / `Fargate`.
    pub fn state_text(self, inputs: &Inputs) -> String {
        let on = self.get(inputs);
        match self {
            Toggle::BatchOnFargate => format!("‹{}›", inputs.batch_on.name()),
            _ if on => "[x] on".into(),
            _ => "[ ] off".into(),
        }
    }

    pub fn get(self, inputs: &Inputs) -> bool {
        match self {
            Toggle::Arm => inputs.arm,
            Toggle::FreeTier => inputs.free_tier,
            Toggle::Spot => inputs.spot,
            Toggle::Reserved => inputs.reserved,
            Toggle::SavingsPlans => inputs.savings_plans,
            Toggle::BatchOnFargate => inputs.batch_on == BatchCompute::Fargate,
            Toggle::Jobs => inputs.jobs,
            Toggle::LoadBalancer => inputs.load_balancer,
        }
    }

    /// Sets the option. Spot and Reserved exclude each other (an instance is one or the other),
    /// so turning one on turns the other off. Jobs that end usually need no load balancer and a
    /// service does, so turning Jobs on turns the load balancer off, and off turns it on.
    pub fn set(self, inputs: &mut Inputs, on: bool) {
        match self {
            Toggle::Arm => inputs.arm = on,
            Toggle::FreeTier => inputs.free_tier = on,
            Toggle::Spot => {
                inputs.spot = on;
                inputs.reserved &= !on;
            }
            Toggle::Reserved => {
                inputs.reserved = on;
                inputs.spot &= !on;
            }
            Toggle::SavingsPlans => inputs.savings_plans = on,
            Toggle::BatchOnFargate => {
                inputs.batch_on = if on {
                    BatchCompute::Fargate
                } else {
                    BatchCompute::Ec2
                }
            }
            Toggle::Jobs => {
                inputs.jobs = on;
                inputs.load_balancer = !on;
            }
            Toggle::LoadBalancer => inputs.load_balancer = on,
        }
    }

    pub fn flip(self, inputs: &mut Inputs) {
        self.set(inputs, !self.get(inputs));
    }
}

/// A value that cannot be used, with the field it belongs to and what a good one looks like.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InputError {
    pub field: Field,
    /// The text as typed (or the value, when it did not come from text).
    pub text: String,
    /// `is negative; give a count such as 10M, 2.5k or 1B`.
    pub message: String,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // In the form's words; the command line names its flag instead (`cli::cost`).
        write!(
            f,
            "{} \"{}\" {}",
            self.field.label(),
            self.text,
            self.message
        )
    }
}

impl std::error::Error for InputError {}

/// One line of a breakdown. `quantity × rate = amount`, always; discounts are negative lines on
/// the subtotal they reduce (quantity in USD, rate the negative fraction).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LineItem {
    /// `Requests beyond 1M free`, `EC2 t3.small: 2 × 730 h`.
    pub label: String,
    pub quantity: f64,
    /// What `quantity` counts, singular as the data states it: `requests`, `GB-second`,
    /// `instance-hour`, `month`, `USD`.
    pub unit: String,
    /// Dollars per one `unit`.
    pub rate: f64,
    /// The price as the data states it: `$0.20 per 1M requests`.
    pub price: String,
    pub amount: f64,
    /// The `decisions.ron` price this line uses, so anyone can check it against its source.
    pub price_id: Option<String>,
}

/// One service's estimate: a monthly total with its breakdown, or the reason it does not fit.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ServiceEstimate {
    pub service: String,
    pub name: String,
    /// Dollars a month; `None` when the workload does not fit (see `reason`).
    pub total: Option<f64>,
    pub reason: Option<String>,
    pub breakdown: Vec<LineItem>,
    /// Every assumption behind the number, as sentences.
    pub assumptions: Vec<String>,
    /// What could stop it running as priced, with the source: an account quota the workload
    /// passes (Lambda's concurrency), for example.
    pub warnings: Vec<String>,
}

impl ServiceEstimate {
    pub fn fits(&self) -> bool {
        self.total.is_some()
    }

    /// `$9.01`, or `does not fit: ...` with the reason.
    pub fn total_text(&self) -> String {
        match (self.total, &self.reason) {
            (Some(t), _) => format_money(t),
            (None, Some(reason)) => format!("does not fit: {reason}"),
            (None, None) => "does not fit".to_owned(),
        }
    }
}

/// Every service's estimate for one set of inputs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Estimate {
    pub inputs: Inputs,
    pub region: String,
    /// The oldest as-of date among the prices.
    pub as_of: String,
    pub currency: String,
    /// Cheapest first; services that do not fit last, in [`SERVICE_IDS`] order.
    pub services: Vec<ServiceEstimate>,
    /// Assumptions shared by every service.
    pub assumptions: Vec<String>,
}

impl Estimate {
    pub fn service(&self, id: &str) -> Option<&ServiceEstimate> {
        self.services.iter().find(|s| s.service == id)
    }

    pub fn cheapest(&self) -> Option<&ServiceEstimate> {
        self.services.first().filter(|s| s.fits())
    }

    /// The fitting services that cost about the same as the cheapest (within
    /// [`breakeven::ABOUT_THE_SAME`], 10%), in cost order, the cheapest left out.
    pub fn about_the_same(&self) -> Vec<&ServiceEstimate> {
        let Some(cheapest) = self.cheapest().and_then(|s| s.total) else {
            return Vec::new();
        };
        self.services
            .iter()
            .skip(1)
            .filter(|s| {
                s.total
                    .is_some_and(|t| t <= cheapest * (1.0 + breakeven::ABOUT_THE_SAME) + 1e-9)
            })
            .collect()
    }

    /// One sentence when the next cheapest services are within 10% of the cheapest: `AWS
    /// Fargate ($12.15) is about the same as Amazon ECS on EC2 ($11.50): within 10%, the gap is
    /// smaller than the estimate's own rounding`. `None` when the cheapest is clearly cheapest.
    pub fn about_the_same_text(&self) -> Option<String> {
        let cheapest = self.cheapest()?;
        let close = self.about_the_same();
        if close.is_empty() {
            return None;
        }
        let names: Vec<String> = close
            .iter()
            .map(|s| format!("{} ({})", s.name, s.total_text()))
            .collect();
        Some(format!(
            "{} {} about the same as {} ({}): within {}, too close for an estimate \
             to choose between.",
            join_and(&names),
            if names.len() == 1 { "is" } else { "are" },
            cheapest.name,
            cheapest.total_text(),
            services::percent(breakeven::ABOUT_THE_SAME)
        ))
    }

    /// `$9.01 a month`, `does not fit: ...`, or `not estimated` for a service it has no model of.
    pub fn monthly_text(&self, id: &str) -> String {
        match self.service(id) {
            Some(s) if s.fits() => s.total_text() + " a month",
            Some(s) => s.total_text(),
            None => "not estimated".into(),
        }
    }
}

/// One service's result for a workload: what [`CostModel::monthly`] gives per service.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Fit {
    /// Dollars a month, list prices, as [`CostModel::estimate`] totals them.
    Monthly(f64),
    /// Why the workload cannot run there as sized (a limit, a quota, a missing price).
    DoesNotFit(String),
}

impl Fit {
    pub fn monthly(&self) -> Option<f64> {
        match self {
            Fit::Monthly(total) => Some(*total),
            Fit::DoesNotFit(_) => None,
        }
    }
}

/// The prices read from a guide, ready to estimate any number of workloads.
#[derive(Debug, Clone)]
pub struct CostModel {
    book: PriceBook,
    /// (id, name) of the modelled services the guide has, in [`SERVICE_IDS`] order.
    services: Vec<(String, String)>,
}

impl CostModel {
    pub fn new(guide: &Guide) -> CostModel {
        let services = SERVICE_IDS
            .iter()
            .filter_map(|id| guide.service(id))
            .map(|s| (s.id.clone(), s.name.clone()))
            .collect();
        CostModel {
            book: PriceBook::new(guide),
            services,
        }
    }

    pub fn prices(&self) -> &PriceBook {
        &self.book
    }

    pub fn region(&self) -> &str {
        &self.book.region
    }

    pub fn as_of(&self) -> &str {
        &self.book.as_of
    }

    /// (id, name) of the services estimated, in a fixed order (the chart's legend order).
    pub fn services(&self) -> impl Iterator<Item = (&str, &str)> {
        self.services.iter().map(|(i, n)| (i.as_str(), n.as_str()))
    }

    /// Every service's estimate, cheapest first.
    pub fn estimate(&self, inputs: &Inputs) -> Result<Estimate, InputError> {
        inputs.validate()?;
        let mut services: Vec<ServiceEstimate> = self
            .services
            .iter()
            .map(|(id, name)| self.service_estimate(id, name, inputs))
            .collect();
        // Stable: equal totals and services that do not fit keep the fixed order.
        services.sort_by(|a, b| match (a.total, b.total) {
            (Some(x), Some(y)) => x.total_cmp(&y),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        });
        Ok(Estimate {
            inputs: *inputs,
            region: self.book.region.clone(),
            as_of: self.book.as_of.clone(),
            currency: self.book.currency.clone(),
            services,
            assumptions: self.common_assumptions(inputs),
        })
    }

    /// One service's estimate, for example the recommendation's on the result screen; `None`
    /// for a service the estimator does not model or the data does not have.
    pub fn estimate_service(
        &self,
        id: &str,
        inputs: &Inputs,
    ) -> Result<Option<ServiceEstimate>, InputError> {
        inputs.validate()?;
        Ok(self
            .services
            .iter()
            .find(|(i, _)| i == id)
            .map(|(i, n)| self.service_estimate(i, n, inputs)))
    }

    /// The monthly total alone, for sweeps; inputs must already be valid.
    fn total(&self, id: &str, inputs: &Inputs) -> Option<f64> {
        self.price(id, inputs, &mut services::Notes::quiet())
            .ok()
            .map(|lines| sum(&lines))
    }

    /// Runs the service's model: its line items, or why it does not fit.
    fn price(
        &self,
        id: &str,
        inputs: &Inputs,
        notes: &mut services::Notes,
    ) -> Result<Vec<LineItem>, String> {
        let load = services::Load::new(inputs);
        let model = match id {
            "lambda" => services::lambda,
            "fargate" => services::fargate,
            "ecs-ec2" => fleets::ecs_ec2,
            "eks" => fleets::eks,
            "batch" => fleets::batch,
            "lightsail" => fleets::lightsail,
            "elastic-beanstalk" => fleets::elastic_beanstalk,
            _ => return Err("the estimator has no model for this service".into()),
        };
        model(&self.book, inputs, &load, notes)
    }

    fn service_estimate(&self, id: &str, name: &str, inputs: &Inputs) -> ServiceEstimate {
        let mut notes = services::Notes::collect();
        let (total, reason, breakdown) = match self.price(id, inputs, &mut notes) {
            Ok(lines) => (Some(sum(&lines)), None, lines),
            Err(reason) => (None, Some(reason), Vec::new()),
        };
        let (assumptions, warnings) = notes.into_parts();
        ServiceEstimate {
            service: id.to_owned(),
            name: name.to_owned(),
            total,
            reason,
            breakdown,
            assumptions,
            warnings,
        }
    }

    /// Each modelled service's monthly total for `inputs`, or why the workload does not fit it,
    /// by service id: the estimate reduced to what a scorer needs.
    ///
    /// Pure and cheap (no words are built; about the cost of one [`CostModel::estimate`]
    /// without its sorting), so a recommendation can call it on every change. Every modelled
    /// service the guide has gets an entry; a service the estimator has no model of gets none.
    /// A quota the workload passes is not an error here: Lambda's concurrency quota is a
    /// warning in [`CostModel::estimate`], while Lightsail's 20 instances is a "does not fit"
    /// reason, since AWS sells Lightsail for small fleets. The totals are the same numbers
    /// [`CostModel::estimate`] gives, so a reason the scorer prints ("$327 a month here
    /// against $90 on Fargate") matches the Cost tab.
    pub fn monthly(
        &self,
        inputs: &Inputs,
    ) -> Result<std::collections::BTreeMap<String, Fit>, InputError> {
        inputs.validate()?;
        Ok(self
            .services
            .iter()
            .map(|(id, _)| {
                let fit = match self.price(id, inputs, &mut services::Notes::quiet()) {
                    Ok(lines) => Fit::Monthly(sum(&lines)),
                    Err(reason) => Fit::DoesNotFit(reason),
                };
                (id.clone(), fit)
            })
            .collect())
    }

    fn common_assumptions(&self, inputs: &Inputs) -> Vec<String> {
        let load = services::Load::new(inputs);
        let shape = if inputs.jobs {
            format!(
                "Work that ends: each request is one job, and compute runs only while jobs run ({} \
                 job-hours a month{}); only Lightsail (billed all month) and a Beanstalk \
                 environment keep servers between them.",
                format_amount(load.job_hours),
                if inputs.hours_given && load.hours_per_day() > inputs.hours_per_day + 1e-9 {
                    format!(
                        ", spread over {} a day: a job runs its whole {}, so the {} stated {} \
                         taken as that",
                        services::noun_count(load.hours_per_day(), "hour"),
                        format_duration_ms(inputs.duration_ms),
                        services::noun_count(inputs.hours_per_day, "hour"),
                        if format_number(inputs.hours_per_day) == "1" {
                            "is"
                        } else {
                            "are"
                        }
                    )
                } else if inputs.hours_given {
                    format!(
                        ", spread over {} a day",
                        services::noun_count(load.hours_per_day(), "hour")
                    )
                } else {
                    ", one after another, or side by side past 24 hours a day".to_owned()
                }
            )
        } else {
            format!(
                "A service that serves requests: they arrive evenly over the {} a day it runs; \
                 peaks need more capacity than this average.",
                services::noun_count(inputs.hours_per_day, "hour")
            )
        };
        vec![
            format!(
                "On-Demand Linux prices for {}, as of {}; a month is {} hours.",
                self.book.region,
                self.book.as_of,
                format_number(HOURS_PER_MONTH)
            ),
            shape,
            if inputs.load_balancer {
                "Behind a load balancer: Fargate, ECS on EC2, EKS and Elastic Beanstalk each get \
                 an Application Load Balancer, Lightsail its own load balancer; Lambda needs none \
                 (a function URL or an event source invokes it)."
                    .into()
            } else {
                "No load balancer for any service; Elastic Beanstalk is then a single-instance \
                 environment."
                    .into()
            },
            "Public IPv4 addresses are included for every service the same way: one per EC2 \
             instance and Fargate task, two per Application Load Balancer (one per Availability \
             Zone), and the one a Lightsail bundle includes in its price."
                .into(),
            format!(
                "Where CPU matters, requests are assumed CPU-bound for their whole duration; a \
                 task runs on one server, and a server gives tasks at most {} of its memory (the \
                 rest is the operating system's and the agent's: {}) and a burstable one at most \
                 {} of the CPU it sustains, with its baseline raised by the credits it earns while \
                 its tasks are idle; a task at work uses all its vCPUs.",
                services::percent(1.0 - MEMORY_KEPT_BY_OS),
                services::MEMORY_KEPT_SOURCE,
                services::percent(HEADROOM)
            ),
            "Data transfer, storage, NAT gateways and logs are not included.".into(),
            "An estimate only: check the AWS Pricing Calculator before you commit.".into(),
        ]
    }
}

/// `a`, `a and b`, `a, b and c`.
fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// A breakdown's total. Discounts never exceed what they discount, so it is never negative; the
/// clamp only keeps float noise from printing as -$0.00.
fn sum(lines: &[LineItem]) -> f64 {
    lines.iter().map(|l| l.amount).sum::<f64>().max(0.0)
}

/// Estimates every service for `inputs` with `guide`'s prices: [`CostModel::estimate`] in one call.
pub fn estimate(guide: &Guide, inputs: &Inputs) -> Result<Estimate, InputError> {
    CostModel::new(guide).estimate(inputs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_read_back_what_they_format() {
        let inputs = Inputs {
            requests: 12_345_678.0,
            ..Inputs::default()
        };
        for field in Field::ALL {
            let text = field.format(&inputs);
            assert_eq!(
                field
                    .parse(&text)
                    .map(|v| (v - field.value(&inputs)).abs() < 1e-9),
                Ok(true),
                "{field:?}: {text}"
            );
        }
        assert_eq!(Field::Requests.format(&Inputs::default()), "10M");
        let odd = Inputs {
            requests: 1_234_567.0,
            ..Inputs::default()
        };
        assert_eq!(Field::Requests.format(&odd), "1234567");
    }

    #[test]
    fn bad_values_name_the_field() {
        let mut inputs = Inputs::default();
        let e = Field::Memory.set(&mut inputs, "12XB").expect_err("refused");
        assert_eq!(e.field, Field::Memory);
        // The form's words, never a command-line flag (the app shows this message).
        assert!(e.to_string().starts_with("Memory \"12XB\""), "{e}");
        assert_eq!(inputs, Inputs::default());
        inputs.vcpu = f64::NAN;
        assert!(inputs.validate().is_err_and(|e| e.field == Field::Vcpu));
    }
}
