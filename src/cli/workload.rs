//! The workload size and pricing flags, shared by `cost` (where the size is required) and
//! `recommend` (where every flag is optional and `--requests` asks for an estimate), and the
//! command line's wording of the cost model's input errors.

use crate::cost::{BatchCompute, Field, Inputs};

/// The workload size and pricing options, shared by `cost` and `recommend` (where every flag is
/// optional and `--requests` asks for the estimate).
#[derive(Debug, Clone, Default, clap::Args)]
pub struct Workload {
    /// Requests (or invocations, or jobs) per month: 10M, 2.5k, 1B (at most 10T).
    #[arg(long, value_name = "COUNT", value_parser = count, allow_hyphen_values = true)]
    pub requests: Option<f64>,

    /// Average duration of one request: 200ms, 1.5s, 2m, 1h (at most 30 days).
    #[arg(long, value_name = "DURATION", value_parser = duration, allow_hyphen_values = true)]
    pub duration: Option<f64>,

    /// Memory for one function, task or job: 512MB, 1GB, 1.5GiB (at most 32TB).
    #[arg(long, value_name = "SIZE", value_parser = memory, allow_hyphen_values = true)]
    pub memory: Option<f64>,

    /// vCPUs for one task or job: 0.25, 2, 500m (at most 448) [default: 0.25]
    #[arg(long, value_name = "VCPUS", value_parser = vcpu, allow_hyphen_values = true)]
    pub vcpu: Option<f64>,

    /// Hours a day the workload runs (24 = always on) [default: 24]
    #[arg(long, value_name = "HOURS", value_parser = hours, allow_hyphen_values = true)]
    pub hours_per_day: Option<f64>,

    /// Requests one task or server serves at once (1 = like Lambda, one at a time) [default: 1]
    #[arg(long, value_name = "N", value_parser = per_task, allow_hyphen_values = true)]
    pub per_task_concurrency: Option<f64>,

    /// Price Arm (Graviton) where the service offers it.
    #[arg(long)]
    pub arm: bool,

    /// Leave out Lambda's always-free tier.
    #[arg(long)]
    pub no_free_tier: bool,

    /// Use Spot capacity (EC2 Spot, Fargate Spot) at AWS's stated maximum discount.
    #[arg(long, conflicts_with = "reserved")]
    pub spot: bool,

    /// Reserve the EC2 instances of ECS on EC2, EKS and Beanstalk fleets at AWS's stated maximum
    /// Reserved Instances discount, billed all 730 hours (not with --spot).
    #[arg(long)]
    pub reserved: bool,

    /// Apply Compute Savings Plans at AWS's stated maximum discount.
    #[arg(long)]
    pub savings_plans: bool,

    /// Where AWS Batch runs the jobs [default: ec2]
    #[arg(long, value_enum, value_name = "COMPUTE")]
    pub batch_on: Option<BatchOn>,

    /// Each request is a job that ends: compute runs only while jobs run (AWS Batch is priced
    /// only then); without --hours-per-day the hours follow from the jobs.
    #[arg(long)]
    pub jobs: bool,

    /// Put every service that needs one behind a load balancer [default: on, off with --jobs]
    #[arg(long, conflicts_with = "no_load_balancer")]
    pub load_balancer: bool,

    /// No load balancer for any service (Elastic Beanstalk becomes single-instance).
    #[arg(long)]
    pub no_load_balancer: bool,
}

/// `--batch-on`: the core's [`BatchCompute`] as the command line spells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum BatchOn {
    Ec2,
    Fargate,
}

impl From<BatchOn> for BatchCompute {
    fn from(on: BatchOn) -> Self {
        match on {
            BatchOn::Ec2 => BatchCompute::Ec2,
            BatchOn::Fargate => BatchCompute::Fargate,
        }
    }
}

/// The command-line flag of a form field, which the command line's messages name.
pub fn flag(field: Field) -> &'static str {
    match field {
        Field::Requests => "--requests",
        Field::Duration => "--duration",
        Field::Memory => "--memory",
        Field::Vcpu => "--vcpu",
        Field::HoursPerDay => "--hours-per-day",
        Field::PerTaskConcurrency => "--per-task-concurrency",
    }
}

/// An input error in the command line's words: the flag, the value, what is wrong.
pub fn input_error(e: &crate::cost::InputError) -> String {
    format!("{} \"{}\" {}", flag(e.field), e.text, e.message)
}

fn count(text: &str) -> Result<f64, String> {
    crate::cost::parse_count(text)
}

fn duration(text: &str) -> Result<f64, String> {
    crate::cost::parse_duration_ms(text)
}

fn memory(text: &str) -> Result<f64, String> {
    crate::cost::parse_memory_mb(text)
}

fn vcpu(text: &str) -> Result<f64, String> {
    crate::cost::parse_vcpu(text)
}

fn hours(text: &str) -> Result<f64, String> {
    crate::cost::parse_hours_per_day(text)
}

fn per_task(text: &str) -> Result<f64, String> {
    crate::cost::parse_per_task_concurrency(text)
}

impl Workload {
    /// The flags given, by name, so `recommend` can say which ones need `--requests`.
    pub fn given(&self) -> Vec<&'static str> {
        [
            (self.requests.is_some(), "--requests"),
            (self.duration.is_some(), "--duration"),
            (self.memory.is_some(), "--memory"),
            (self.vcpu.is_some(), "--vcpu"),
            (self.hours_per_day.is_some(), "--hours-per-day"),
            (
                self.per_task_concurrency.is_some(),
                "--per-task-concurrency",
            ),
            (self.arm, "--arm"),
            (self.no_free_tier, "--no-free-tier"),
            (self.spot, "--spot"),
            (self.reserved, "--reserved"),
            (self.savings_plans, "--savings-plans"),
            (self.batch_on.is_some(), "--batch-on"),
            (self.jobs, "--jobs"),
            (self.load_balancer, "--load-balancer"),
            (self.no_load_balancer, "--no-load-balancer"),
        ]
        .into_iter()
        .filter_map(|(on, flag)| on.then_some(flag))
        .collect()
    }

    /// What the flags state by hand, so answers do not override them.
    pub fn stated(&self) -> crate::cost::Stated {
        crate::cost::Stated {
            jobs: self.jobs,
            load_balancer: self.load_balancer || self.no_load_balancer,
            duration: self.duration.is_some(),
        }
    }

    /// The inputs, or one line naming every missing required flag; `who` names who needs them
    /// (`cost`, `a cost estimate`) and `command` is the command line the example starts with.
    pub fn inputs_for(&self, who: &str, command: &str) -> Result<Inputs, String> {
        let missing: Vec<&str> = [
            (self.requests.is_none(), Field::Requests),
            (self.duration.is_none(), Field::Duration),
            (self.memory.is_none(), Field::Memory),
        ]
        .into_iter()
        .filter(|(absent, _)| *absent)
        .map(|(_, f)| flag(f))
        .collect();
        let defaults = Inputs::default();
        match (self.requests, self.duration, self.memory) {
            (Some(requests), Some(duration_ms), Some(memory_mb)) => Ok(Inputs {
                requests,
                duration_ms,
                memory_mb,
                vcpu: self.vcpu.unwrap_or(defaults.vcpu),
                vcpu_given: self.vcpu.is_some(),
                hours_per_day: self.hours_per_day.unwrap_or(defaults.hours_per_day),
                hours_given: self.hours_per_day.is_some(),
                jobs: self.jobs,
                load_balancer: if self.load_balancer || self.no_load_balancer {
                    self.load_balancer
                } else {
                    !self.jobs
                },
                per_task_concurrency: self
                    .per_task_concurrency
                    .unwrap_or(defaults.per_task_concurrency),
                arm: self.arm,
                free_tier: !self.no_free_tier,
                spot: self.spot,
                reserved: self.reserved,
                savings_plans: self.savings_plans,
                batch_on: self.batch_on.map(BatchCompute::from).unwrap_or_default(),
            }),
            _ => Err(format!(
                "{who} needs {}; for example: {command} --requests 10M --duration 200ms \
                 --memory 512MB",
                match missing.split_last() {
                    Some((last, rest)) if !rest.is_empty() => {
                        format!("{} and {last}", rest.join(", "))
                    }
                    _ => missing.join(""),
                }
            )),
        }
    }
}
