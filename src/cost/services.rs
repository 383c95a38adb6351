//! One function per service: from the inputs and the price book to a monthly cost with its line
//! items and every assumption spelled out, or the reason the workload does not fit.
//!
//! Each model is monotone by construction (more requests, longer requests or more memory never
//! cost less): counts are rounded up, and where the model picks the cheapest option (an instance
//! type, a Lightsail bundle, a Fargate size) it picks from options that only drop out, never join,
//! as the workload grows. `tests/cost.rs` checks this with property tests.

use super::prices::{Bundle, InstanceType, PriceBook, Rate};
use super::units::{
    format_amount, format_count, format_duration_ms, format_memory_mb, format_money, format_number,
};
use super::{HOURS_PER_MONTH, Inputs, LineItem};
use crate::data::group_thousands;

/// Lambda's hard limits, from https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html
/// (facts `max-runtime` and `max-memory` in the data state them in words). They are limits, not
/// prices, and the price schema has no place for them, so they live here.
const LAMBDA_MAX_DURATION_MS: f64 = 900_000.0;
const LAMBDA_MIN_MEMORY_MB: f64 = 128.0;
const LAMBDA_MAX_MEMORY_MB: f64 = 10_240.0;

/// Fargate's valid task sizes (vCPU, smallest GB, largest GB, step; 0 = the listed 0.5, 1, 2),
/// from https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html
const FARGATE_SIZES: [(f64, f64, f64, f64); 7] = [
    (0.25, 0.5, 2.0, 0.0),
    (0.5, 1.0, 4.0, 1.0),
    (1.0, 2.0, 8.0, 1.0),
    (2.0, 4.0, 16.0, 1.0),
    (4.0, 8.0, 30.0, 1.0),
    (8.0, 16.0, 60.0, 4.0),
    (16.0, 32.0, 120.0, 8.0),
];

/// What one service's model produced: the caller attaches the service's id and name.
#[derive(Debug)]
pub struct Outcome {
    /// `Err` when the workload does not fit (or the data lacks a price it needs), with the reason.
    pub result: Result<Vec<LineItem>, String>,
    pub assumptions: Vec<String>,
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
    pub fn new(inputs: &Inputs) -> Load {
        let running_hours = HOURS_PER_MONTH * inputs.hours_per_day / 24.0;
        let seconds = inputs.requests * inputs.duration_ms / 1_000.0;
        let concurrency = seconds / (running_hours * 3_600.0);
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

/// Rounds up, forgiving float noise: 3.0000000000004 tasks is 3, not 4.
pub fn ceil(x: f64) -> f64 {
    (x - 1e-9 * x.abs().max(1.0)).ceil()
}

/// Orders costs, treating float noise as a tie so that `min_by` keeps the earlier option (the
/// smaller size, in the price list's order): 4 × $0.085 and 2 × $0.17 are the same $0.34.
fn cmp_cost(a: f64, b: f64) -> std::cmp::Ordering {
    if (a - b).abs() <= 1e-9 * a.abs().max(b.abs()) {
        std::cmp::Ordering::Equal
    } else {
        a.total_cmp(&b)
    }
}

/// Rounds down, forgiving float noise: 1.9999999999998 tasks per instance is 2.
fn floor(x: f64) -> f64 {
    (x + 1e-9 * x.abs().max(1.0)).floor()
}

fn charge(label: String, quantity: f64, rate: &Rate) -> LineItem {
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
fn no_charge(book: &PriceBook, id: &str, label: &str) -> Option<LineItem> {
    let rate = book.rate(id).ok()?;
    Some(LineItem {
        label: label.to_owned(),
        quantity: 1.0,
        unit: "month".into(),
        rate: rate.per_unit,
        price: rate.display,
        amount: 0.0,
        price_id: Some(rate.id),
    })
}

/// A discount as a negative line on `subtotal`, so the breakdown shows what it took off.
fn discount_line(label: &str, subtotal: f64, fraction: f64, display: String, id: &str) -> LineItem {
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

fn percent(fraction: f64) -> String {
    format!("{}%", format_number(fraction * 100.0))
}

fn sum(lines: &[LineItem]) -> f64 {
    lines.iter().map(|l| l.amount).sum()
}

fn running(load: &Load, inputs: &Inputs) -> String {
    if inputs.hours_per_day >= 24.0 {
        "all month (730 hours)".to_owned()
    } else {
        format!(
            "{} hours a day ({} hours a month), scaling to zero in between",
            format_number(inputs.hours_per_day),
            format_number(load.running_hours)
        )
    }
}

fn tasks_text(load: &Load, inputs: &Inputs, what: &str) -> String {
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

fn size_text(inputs: &Inputs) -> String {
    format!(
        "{} vCPU and {}",
        format_number(inputs.vcpu),
        format_memory_mb(inputs.memory_mb)
    )
}

/// What an Application Load Balancer costs a month before LCUs, to point out where one is needed.
fn alb_note(book: &PriceBook) -> String {
    match book.rate("elb.alb.hour") {
        Ok(r) => format!(
            "No load balancer is included; an Application Load Balancer adds {} a month plus LCUs.",
            format_money(r.per_unit * HOURS_PER_MONTH)
        ),
        Err(_) => "No load balancer is included.".to_owned(),
    }
}

pub fn lambda(book: &PriceBook, inputs: &Inputs, _load: &Load) -> Outcome {
    let mut a = Vec::new();
    if inputs.duration_ms > LAMBDA_MAX_DURATION_MS {
        return not_fit(format!(
            "one request runs {}; Lambda stops an invocation at 15 minutes",
            format_duration_ms(inputs.duration_ms)
        ));
    }
    if inputs.memory_mb > LAMBDA_MAX_MEMORY_MB {
        return not_fit(format!(
            "{} of memory; a Lambda function has at most 10,240 MB",
            format_memory_mb(inputs.memory_mb)
        ));
    }
    let result = (|| {
        let memory_mb = ceil(inputs.memory_mb).max(LAMBDA_MIN_MEMORY_MB);
        let billed_ms = ceil(inputs.duration_ms).max(1.0);
        let gb_seconds = inputs.requests * billed_ms / 1_000.0 * memory_mb / 1_024.0;
        let requests = book.rate("lambda.requests")?;
        let duration = book.rate(if inputs.arm {
            "lambda.duration.arm"
        } else {
            "lambda.duration.x86"
        })?;
        let (free_requests, free_gb_s) = if inputs.free_tier {
            (
                book.allowance("lambda.free.requests")?.0,
                book.allowance("lambda.free.duration")?.0,
            )
        } else {
            (0.0, 0.0)
        };
        a.push(format!(
            "Memory is billed as configured ({} MB{}) and each request for its duration rounded up \
             to the millisecond ({} ms): {} GB-seconds a month.",
            group_thousands(memory_mb),
            if memory_mb > inputs.memory_mb.ceil() {
                ", Lambda's minimum"
            } else {
                ""
            },
            format_number(billed_ms),
            group_thousands(gb_seconds)
        ));
        a.push(
            "Lambda gives CPU in proportion to memory; the duration is assumed to be what the \
             function takes at this memory."
                .into(),
        );
        if inputs.free_tier {
            a.push(format!(
                "The always-free tier ({} requests and {} GB-seconds a month) is applied in full; \
                 every function in the account shares it.",
                group_thousands(free_requests),
                group_thousands(free_gb_s)
            ));
        }
        a.push(
            "Every GB-second is priced at the first tier; AWS's lower prices for billions of \
             GB-seconds a month are not applied."
                .into(),
        );
        let mut lines = vec![
            charge(
                if inputs.free_tier {
                    format!("Requests beyond {} free", format_count(free_requests))
                } else {
                    "Requests".to_owned()
                },
                (inputs.requests - free_requests).max(0.0),
                &requests,
            ),
            charge(
                if inputs.free_tier {
                    format!(
                        "Duration{} beyond {} GB-s free",
                        if inputs.arm { " (Arm)" } else { "" },
                        format_count(free_gb_s)
                    )
                } else {
                    format!("Duration{}", if inputs.arm { " (Arm)" } else { "" })
                },
                (gb_seconds - free_gb_s).max(0.0),
                &duration,
            ),
        ];
        if inputs.savings_plans {
            savings(
                book,
                "lambda.savings-plans.discount",
                &mut lines,
                &mut a,
                |l| l.price_id.as_deref() == Some(duration.id.as_str()),
            );
            a.push("Compute Savings Plans cover duration, not requests.".into());
        }
        if inputs.spot {
            a.push("Spot does not apply to Lambda.".into());
        }
        if inputs.hours_per_day < 24.0 {
            a.push("Hours a day do not change Lambda's cost: it bills per request.".into());
        }
        Ok(lines)
    })();
    Outcome {
        result,
        assumptions: a,
    }
}

/// Applies a Savings Plans discount to the lines `covered` selects, or says why it could not.
fn savings(
    book: &PriceBook,
    id: &str,
    lines: &mut Vec<LineItem>,
    a: &mut Vec<String>,
    covered: impl Fn(&LineItem) -> bool,
) {
    match book.discount(id) {
        Ok((fraction, display)) => {
            let subtotal: f64 = lines.iter().filter(|l| covered(l)).map(|l| l.amount).sum();
            lines.push(discount_line(
                "Compute Savings Plans, AWS's stated maximum",
                subtotal,
                fraction,
                display,
                id,
            ));
            a.push(format!(
                "Savings Plans take AWS's stated maximum discount, {}, which needs a 3-year \
                 commitment; a 1-year plan saves less. A best case.",
                percent(fraction)
            ));
        }
        Err(e) => a.push(format!("Savings Plans not applied: {e}.")),
    }
}

/// The smallest valid Fargate task size (vCPU, GB) that holds `vcpu` and `gib`, cheapest first.
pub fn fargate_size(vcpu: f64, gib: f64, per_vcpu: f64, per_gb: f64) -> Option<(f64, f64)> {
    let fits = |need: f64, have: f64| need <= have + 1e-9;
    FARGATE_SIZES
        .iter()
        .filter(|(v, ..)| fits(vcpu, *v))
        .filter_map(|&(v, min, max, step)| {
            let memory = if step == 0.0 {
                [0.5, 1.0, 2.0].into_iter().find(|&m| fits(gib, m))?
            } else {
                let m = min + ceil(((gib - min) / step).max(0.0)) * step;
                if m > max + 1e-9 {
                    return None;
                }
                m
            };
            Some((v, memory))
        })
        .min_by(|a, b| {
            let cost = |(v, m): (f64, f64)| v * per_vcpu + m * per_gb;
            cmp_cost(cost(*a), cost(*b))
        })
}

pub fn fargate(book: &PriceBook, inputs: &Inputs, load: &Load) -> Outcome {
    let mut a = Vec::new();
    let result = (|| {
        // Fargate Spot runs Linux x86 tasks only: with Spot, the Spot (x86) price applies.
        let arch = if inputs.arm && !inputs.spot {
            "arm"
        } else {
            "x86"
        };
        let vcpu_rate = book.rate(&format!("fargate.vcpu.{arch}"))?;
        let gb_rate = book.rate(&format!("fargate.memory.{arch}"))?;
        let Some((v, m)) = fargate_size(
            inputs.vcpu,
            load.memory_gib,
            vcpu_rate.per_unit,
            gb_rate.per_unit,
        ) else {
            return Err(format!(
                "a task of {}; the largest Fargate task is 16 vCPU with 120 GB",
                size_text(inputs)
            ));
        };
        if v > inputs.vcpu + 1e-9 || m > load.memory_gib + 1e-9 {
            a.push(format!(
                "{} is not a Fargate task size; priced as the next valid size, {} vCPU with {} GB.",
                size_text(inputs),
                format_number(v),
                format_number(m)
            ));
        }
        a.push(tasks_text(load, inputs, "task"));
        a.push(format!(
            "Tasks run {}; Fargate bills each second a task runs.",
            running(load, inputs)
        ));
        let task_hours = load.tasks * load.running_hours;
        let mut lines = vec![
            charge(
                format!(
                    "vCPU: {} task{} × {} vCPU × {} h",
                    group_thousands(load.tasks),
                    plural(load.tasks),
                    format_number(v),
                    format_number(load.running_hours)
                ),
                task_hours * v,
                &vcpu_rate,
            ),
            charge(
                format!(
                    "Memory: {} task{} × {} GB × {} h",
                    group_thousands(load.tasks),
                    plural(load.tasks),
                    format_number(m),
                    format_number(load.running_hours)
                ),
                task_hours * m,
                &gb_rate,
            ),
        ];
        if inputs.spot {
            let id = "fargate.spot.discount";
            match book.discount(id) {
                Ok((fraction, display)) => {
                    let subtotal = sum(&lines);
                    lines.push(discount_line(
                        "Fargate Spot, AWS's stated maximum",
                        subtotal,
                        fraction,
                        display,
                        id,
                    ));
                    a.push(format!(
                        "Fargate Spot at AWS's stated maximum discount, {}: a best case. Tasks can \
                         be stopped with two minutes' warning.",
                        percent(fraction)
                    ));
                    if inputs.arm {
                        a.push("Fargate Spot runs x86 tasks only, so x86 prices apply.".into());
                    }
                }
                Err(e) => a.push(format!("Fargate Spot not applied: {e}.")),
            }
        } else if inputs.savings_plans {
            savings(
                book,
                "fargate.savings-plans.discount",
                &mut lines,
                &mut a,
                |_| true,
            );
        }
        a.push(alb_note(book));
        Ok(lines)
    })();
    Outcome {
        result,
        assumptions: a,
    }
}

fn plural(n: f64) -> &'static str {
    if n == 1.0 { "" } else { "s" }
}

/// `1 task`, `2 tasks`, `2 copies`.
fn noun(word: &str, n: f64) -> String {
    match (n == 1.0, word.strip_suffix('y')) {
        (true, _) => word.to_owned(),
        (false, Some(stem)) => format!("{stem}ies"),
        (false, None) => format!("{word}s"),
    }
}

/// A fleet of one instance type: the cheapest from the price list for the load.
struct Fleet<'a> {
    kind: &'a InstanceType,
    /// Instances (for always-running fleets) or instance-hours (for Batch).
    amount: f64,
}

/// How many tasks of `vcpu` and `gib` one instance holds by its nominal size.
fn per_instance(kind: &InstanceType, vcpu: f64, gib: f64) -> f64 {
    floor(kind.vcpu / vcpu).min(floor(kind.memory_gib / gib))
}

fn arch_name(arm: bool) -> &'static str {
    if arm { "Arm (Graviton)" } else { "x86" }
}

/// Why no instance type fits: the task is bigger than the largest type of that architecture.
fn no_instance(book: &PriceBook, inputs: &Inputs) -> String {
    let largest = book
        .instances
        .iter()
        .filter(|t| t.arm == inputs.arm)
        .max_by(|a, b| {
            (a.vcpu, a.memory_gib)
                .partial_cmp(&(b.vcpu, b.memory_gib))
                .unwrap_or(std::cmp::Ordering::Equal)
        });
    match largest {
        Some(t) => format!(
            "no {} instance type in the price list holds a task of {} (largest: {}, {} vCPU, {} GiB)",
            arch_name(inputs.arm),
            size_text(inputs),
            t.name,
            format_number(t.vcpu),
            format_number(t.memory_gib)
        ),
        None => format!(
            "the price list has no {} EC2 instance types",
            arch_name(inputs.arm)
        ),
    }
}

/// The cheapest always-running fleet for `load.tasks` tasks, counting burstable types at the CPU
/// they sustain: enough instances for the tasks by size, and for the busy vCPUs by baseline.
fn service_fleet<'a>(
    book: &'a PriceBook,
    inputs: &Inputs,
    load: &Load,
) -> Result<Fleet<'a>, String> {
    book.instances
        .iter()
        .filter(|t| t.arm == inputs.arm)
        .filter_map(|t| {
            let per = per_instance(t, inputs.vcpu, load.memory_gib);
            (per >= 1.0).then(|| {
                let by_size = ceil(load.tasks / per);
                let by_cpu = ceil(load.sustained_vcpu / (t.vcpu * t.baseline));
                Fleet {
                    kind: t,
                    amount: by_size.max(by_cpu),
                }
            })
        })
        .min_by(|a, b| cmp_cost(a.amount * a.kind.hourly, b.amount * b.kind.hourly))
        .ok_or_else(|| no_instance(book, inputs))
}

/// The cheapest instance-hours for Batch jobs, packed perfectly while they run.
fn batch_fleet<'a>(book: &'a PriceBook, inputs: &Inputs, load: &Load) -> Result<Fleet<'a>, String> {
    book.instances
        .iter()
        .filter(|t| t.arm == inputs.arm)
        .filter_map(|t| {
            let per = per_instance(t, inputs.vcpu, load.memory_gib);
            (per >= 1.0).then(|| Fleet {
                kind: t,
                amount: (load.job_hours / per)
                    .max(load.job_hours * inputs.vcpu / (t.vcpu * t.baseline)),
            })
        })
        .min_by(|a, b| cmp_cost(a.amount * a.kind.hourly, b.amount * b.kind.hourly))
        .ok_or_else(|| no_instance(book, inputs))
}

fn fleet_text(fleet: &Fleet, inputs: &Inputs, load: &Load, what: &str) -> String {
    let t = fleet.kind;
    let per = per_instance(t, inputs.vcpu, load.memory_gib);
    let burst = if t.baseline < 1.0 {
        format!(
            "; it is burstable and sustains {} of each vCPU, so the fleet also covers the {} vCPU \
             the requests keep busy",
            percent(t.baseline),
            format_amount(load.sustained_vcpu)
        )
    } else {
        String::new()
    };
    format!(
        "{} × {} ({} vCPU, {} GiB): the cheapest {} fleet in the price list for {} {} of {}; \
         one holds {}{burst}.",
        group_thousands(fleet.amount),
        t.name,
        format_number(t.vcpu),
        format_number(t.memory_gib),
        arch_name(inputs.arm),
        group_thousands(load.tasks),
        noun(what, load.tasks),
        size_text(inputs),
        group_thousands(per),
    )
}

/// Spot or Savings Plans on EC2 lines, as the options ask; Spot wins when both are on, since
/// Savings Plans do not cover Spot usage.
fn ec2_discount(book: &PriceBook, inputs: &Inputs, lines: &mut Vec<LineItem>, a: &mut Vec<String>) {
    let is_ec2 = |l: &LineItem| {
        l.price_id
            .as_deref()
            .is_some_and(|id| id.starts_with("ec2."))
    };
    if inputs.spot {
        let id = "ec2.spot.discount";
        match book.discount(id) {
            Ok((fraction, display)) => {
                let subtotal: f64 = lines.iter().filter(|l| is_ec2(l)).map(|l| l.amount).sum();
                lines.push(discount_line(
                    "EC2 Spot, AWS's stated maximum",
                    subtotal,
                    fraction,
                    display,
                    id,
                ));
                a.push(format!(
                    "Spot at AWS's stated maximum discount, {}: a best case; real Spot prices vary \
                     by type, zone and hour, and instances can be reclaimed with two minutes' \
                     warning.",
                    percent(fraction)
                ));
                if inputs.savings_plans {
                    a.push(
                        "Savings Plans do not cover Spot usage, so only Spot is applied.".into(),
                    );
                }
            }
            Err(e) => a.push(format!("Spot not applied: {e}.")),
        }
    } else if inputs.savings_plans {
        savings(book, "ec2.savings-plans.discount", lines, a, is_ec2);
    }
}

/// ECS on EC2, EKS nodes and Beanstalk instances: the same fleet over the running hours.
fn instances_for_hours(
    book: &PriceBook,
    inputs: &Inputs,
    load: &Load,
    what: &str,
    a: &mut Vec<String>,
) -> Result<Vec<LineItem>, String> {
    let fleet = service_fleet(book, inputs, load)?;
    let rate = book.rate(&fleet.kind.price_id)?;
    a.push(tasks_text(load, inputs, what));
    a.push(fleet_text(&fleet, inputs, load, what));
    a.push(format!(
        "Instances run {}; the operating system and agents also need some of each instance's \
         memory, so real placement may fit fewer.",
        running(load, inputs)
    ));
    Ok(vec![charge(
        format!(
            "EC2 {}: {} × {} h",
            fleet.kind.name,
            group_thousands(fleet.amount),
            format_number(load.running_hours)
        ),
        fleet.amount * load.running_hours,
        &rate,
    )])
}

pub fn ecs_ec2(book: &PriceBook, inputs: &Inputs, load: &Load) -> Outcome {
    let mut a = Vec::new();
    let result = instances_for_hours(book, inputs, load, "task", &mut a).map(|mut lines| {
        lines.extend(no_charge(book, "ecs.control-plane", "Amazon ECS itself"));
        ec2_discount(book, inputs, &mut lines, &mut a);
        a.push(alb_note(book));
        a.push("EBS root volumes are not included.".into());
        lines
    });
    Outcome {
        result,
        assumptions: a,
    }
}

pub fn eks(book: &PriceBook, inputs: &Inputs, load: &Load) -> Outcome {
    let mut a = Vec::new();
    let result = instances_for_hours(book, inputs, load, "pod", &mut a).and_then(|mut lines| {
        ec2_discount(book, inputs, &mut lines, &mut a);
        let control = book.rate("eks.cluster.standard")?;
        lines.push(charge(
            "EKS control plane: 1 cluster × 730 h".into(),
            HOURS_PER_MONTH,
            &control,
        ));
        a.push(format!(
            "One cluster on a Kubernetes version in standard support, billed all 730 hours whether \
             pods run or not{}.",
            book.rate("eks.cluster.extended")
                .map(|r| format!(" ({} in extended support)", r.display))
                .unwrap_or_default()
        ));
        a.push(
            "Kubernetes system pods (CoreDNS, kube-proxy, the VPC CNI) also need node capacity; \
             none is reserved for them here."
                .into(),
        );
        a.push(alb_note(book));
        Ok(lines)
    });
    Outcome {
        result,
        assumptions: a,
    }
}

pub fn batch(book: &PriceBook, inputs: &Inputs, load: &Load) -> Outcome {
    let mut a = Vec::new();
    let result =
        (|| {
            let fleet = batch_fleet(book, inputs, load)?;
            let rate = book.rate(&fleet.kind.price_id)?;
            let per = per_instance(fleet.kind, inputs.vcpu, load.memory_gib);
            a.push(format!(
                "Each request is one job of {}: {} job-hours a month.",
                size_text(inputs),
                format_number(load.job_hours)
            ));
            a.push(format!(
            "{} ({} vCPU, {} GiB, {} jobs at once) is the cheapest {} type in the price list per \
             job-hour{}.",
            fleet.kind.name,
            format_number(fleet.kind.vcpu),
            format_number(fleet.kind.memory_gib),
            group_thousands(per),
            arch_name(inputs.arm),
            if fleet.kind.baseline < 1.0 {
                format!(", counted at its {} CPU baseline", percent(fleet.kind.baseline))
            } else {
                String::new()
            }
        ));
            a.push(
            "Instances run only while jobs run, packed perfectly: start-up time and idle capacity \
             are not included. Hours a day do not change the job-hours."
                .into(),
        );
            a.push(
            "Batch queues each job and starts it in seconds to minutes: it suits work that can \
             wait, not requests someone is waiting on."
                .into(),
        );
            let mut lines = vec![charge(
                format!("EC2 {}: instance-hours for the jobs", fleet.kind.name),
                fleet.amount,
                &rate,
            )];
            lines.extend(no_charge(book, "batch.service", "AWS Batch itself"));
            ec2_discount(book, inputs, &mut lines, &mut a);
            Ok(lines)
        })();
    Outcome {
        result,
        assumptions: a,
    }
}

/// Lightsail bundles needed: by size for the tasks, and by baseline for the busy vCPUs.
fn bundles_needed(b: &Bundle, inputs: &Inputs, load: &Load) -> Option<f64> {
    let per = floor(b.vcpu / inputs.vcpu).min(floor(b.memory_gib / load.memory_gib));
    (per >= 1.0)
        .then(|| ceil(load.tasks / per).max(ceil(load.sustained_vcpu / (b.vcpu * b.baseline))))
}

pub fn lightsail(book: &PriceBook, inputs: &Inputs, load: &Load) -> Outcome {
    let mut a = Vec::new();
    let result = (|| {
        let balancer = book.rate("lightsail.load-balancer").ok();
        let best = book
            .bundles
            .iter()
            .filter_map(|b| {
                let n = bundles_needed(b, inputs, load)?;
                let lb = match (&balancer, n > 1.0) {
                    (_, false) => 0.0,
                    (Some(r), true) => r.per_unit,
                    // More than one instance needs a load balancer the data does not price.
                    (None, true) => return None,
                };
                Some((b, n, n * b.monthly + lb))
            })
            .min_by(|x, y| cmp_cost(x.2, y.2));
        let Some((bundle, n, _)) = best else {
            let largest = book
                .bundles
                .iter()
                .max_by(|x, y| x.monthly.total_cmp(&y.monthly));
            return Err(match largest {
                Some(b) => format!(
                    "no Lightsail bundle holds {} (largest: {} vCPU, {} GB)",
                    size_text(inputs),
                    format_number(b.vcpu),
                    format_number(b.memory_gib)
                ),
                None => "the price list has no Lightsail bundles".into(),
            });
        };
        let rate = book.rate(&bundle.price_id)?;
        a.push(tasks_text(load, inputs, "copy"));
        a.push(format!(
            "{} × the {} bundle: the cheapest way in the price list to hold them. Lightsail bundles \
             are burstable: this one sustains {} of each vCPU, and the instances cover the {} vCPU \
             the requests keep busy.",
            group_thousands(n),
            format_money(bundle.monthly),
            percent(bundle.baseline),
            format_amount(load.sustained_vcpu)
        ));
        a.push(
            "Lightsail bills every hour of the month, busy or idle, even while an instance is \
             stopped; hours a day do not lower it."
                .into(),
        );
        a.push("The bundle's data transfer allowance is assumed to cover the traffic.".into());
        if inputs.arm {
            a.push("Lightsail runs x86 only; the Arm option does not apply.".into());
        }
        if inputs.spot || inputs.savings_plans {
            a.push("Spot and Savings Plans do not apply to Lightsail.".into());
        }
        let mut lines = vec![charge(
            format!(
                "{}: {} instance{}",
                bundle.label,
                group_thousands(n),
                plural(n)
            ),
            n,
            &rate,
        )];
        if n > 1.0 {
            if let Some(r) = &balancer {
                lines.push(charge(
                    "Lightsail load balancer across the instances".into(),
                    1.0,
                    r,
                ));
            }
        }
        Ok(lines)
    })();
    Outcome {
        result,
        assumptions: a,
    }
}

pub fn elastic_beanstalk(book: &PriceBook, inputs: &Inputs, load: &Load) -> Outcome {
    let mut a = Vec::new();
    let result =
        instances_for_hours(book, inputs, load, "instance copy", &mut a).and_then(|mut lines| {
            ec2_discount(book, inputs, &mut lines, &mut a);
            let alb = book.rate("elb.alb.hour")?;
            let lcu = book.rate("elb.alb.lcu")?;
            let (per_lcu, _) = book.allowance("elb.alb.lcu.new-connections")?;
            let lcu_hours = inputs.requests / (per_lcu * 3_600.0);
            lines.push(charge(
                "Application Load Balancer: 730 h".into(),
                HOURS_PER_MONTH,
                &alb,
            ));
            lines.push(charge(
                format!(
                    "Load balancer capacity units: {} requests ÷ {} new connections/s per LCU",
                    format_count(inputs.requests),
                    format_number(per_lcu)
                ),
                lcu_hours,
                &lcu,
            ));
            lines.extend(no_charge(
                book,
                "elastic-beanstalk.service",
                "Elastic Beanstalk itself",
            ));
            a.push(
                "A load-balanced environment: its Application Load Balancer runs all 730 hours."
                    .into(),
            );
            a.push(format!(
                "LCUs count every request as a new connection ({} a second per LCU), an upper \
                 bound when clients keep connections open; bytes processed are not counted.",
                format_number(per_lcu)
            ));
            Ok(lines)
        });
    Outcome {
        result,
        assumptions: a,
    }
}

fn not_fit(reason: String) -> Outcome {
    Outcome {
        result: Err(reason),
        assumptions: Vec::new(),
    }
}
