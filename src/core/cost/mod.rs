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
mod estimate;
mod fleets;
mod inputs;
mod lightsail;
mod money;
mod prices;
mod serverless;
mod services;
mod shape;
mod units;

use crate::data::Guide;

pub use breakeven::{
    ABOUT_THE_SAME, Band, BreakEven, Sweep, SweepPoint, SweepRange, about_the_same,
    summarize_break_evens,
};
pub use estimate::{Estimate, Fit, LineItem, ServiceEstimate};
pub use inputs::{BatchCompute, Field, InputError, Inputs, Toggle};
pub use money::{Fitted, ROUNDED, fit_money};
pub use prices::{Bundle, InstanceType, PriceBook, Rate};
pub use serverless::fargate_size;
pub use services::{BATCH_MIN_JOB_MS, HEADROOM, MEMORY_KEPT_BY_OS};
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
            "lambda" => serverless::lambda,
            "fargate" => serverless::fargate,
            "ecs-ec2" => fleets::ecs_ec2,
            "eks" => fleets::eks,
            "batch" => fleets::batch,
            "lightsail" => lightsail::lightsail,
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
mod tests;
