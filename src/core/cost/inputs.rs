//! The workload to price: [`Inputs`], each number as a form field ([`Field`]), each option
//! ([`Toggle`]), and why a value cannot be used ([`InputError`]).

use std::fmt;

use serde::Serialize;

use super::units::{
    self, format_count, format_duration_ms, format_memory_mb, format_number, parse_count,
    parse_duration_ms, parse_hours_per_day, parse_memory_mb, parse_per_task_concurrency,
    parse_vcpu,
};

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
    ///
    /// [`MAX_REQUESTS`]: super::MAX_REQUESTS
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
