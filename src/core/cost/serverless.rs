//! The serverless models: Lambda, Fargate, and Batch jobs on Fargate (one Fargate task per
//! job), with the AWS limits they check.

use super::prices::{PriceBook, Rate};
use super::services::{
    Load, Notes, alb_lines, beyond, ceil, charge, cmp_cost, discount_line, ipv4_line, percent,
    plural, running, savings, size_text, tasks_text,
};
use super::units::{
    format_amount, format_count, format_duration_ms, format_memory_mb, format_number,
};
use super::{Inputs, LineItem};
use crate::data::group_thousands;

/// Lambda's hard limits, from https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html
/// (facts `max-runtime` and `max-memory` in the data state them in words). They are limits, not
/// prices, and the price schema has no place for them, so they live here.
const LAMBDA_MAX_DURATION_MS: f64 = 900_000.0;
const LAMBDA_MIN_MEMORY_MB: f64 = 128.0;
const LAMBDA_MAX_MEMORY_MB: f64 = 10_240.0;
/// Lambda gives CPU in proportion to memory: the equivalent of one vCPU at 1,769 MB, and at most
/// 6 vCPUs, at 10,240 MB (https://docs.aws.amazon.com/lambda/latest/dg/configuration-memory.html).
const LAMBDA_MB_PER_VCPU: f64 = 1_769.0;
const LAMBDA_MAX_VCPU: f64 = 6.0;

/// The memory Lambda needs to give `vcpu` vCPUs, in whole MB, at most its 10,240 MB (which gives
/// the 6 vCPUs it has at most).
fn lambda_memory_for_vcpu(vcpu: f64) -> f64 {
    ceil(vcpu * LAMBDA_MB_PER_VCPU).min(LAMBDA_MAX_MEMORY_MB)
}

/// Batch jobs on Fargate are not guaranteed to run past 14 days: "after 14 days, Fargate
/// resources might become unavailable and job might be terminated"
/// (https://docs.aws.amazon.com/batch/latest/APIReference/API_SubmitJob.html).
const BATCH_FARGATE_MAX_MS: f64 = 14.0 * 24.0 * 3_600e3;

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

fn sum(lines: &[LineItem]) -> f64 {
    lines.iter().map(|l| l.amount).sum()
}

pub fn lambda(
    book: &PriceBook,
    inputs: &Inputs,
    load: &Load,
    a: &mut Notes,
) -> Result<Vec<LineItem>, String> {
    if inputs.duration_ms > LAMBDA_MAX_DURATION_MS {
        return Err(format!(
            "one request runs {}; Lambda stops an invocation at 15 minutes",
            beyond(
                inputs.duration_ms,
                LAMBDA_MAX_DURATION_MS,
                format_duration_ms,
                "ms"
            )
        ));
    }
    if inputs.memory_mb > LAMBDA_MAX_MEMORY_MB {
        return Err(format!(
            "{} of memory; a Lambda function has at most 10,240 MB",
            beyond(
                inputs.memory_mb,
                LAMBDA_MAX_MEMORY_MB,
                |mb| format!("{} MB", group_thousands(mb)),
                "MB"
            )
        ));
    }
    if inputs.vcpu_given && inputs.vcpu > LAMBDA_MAX_VCPU {
        return Err(format!(
            "{} vCPUs; a Lambda function gets at most 6, at 10,240 MB",
            beyond(inputs.vcpu, LAMBDA_MAX_VCPU, format_number, "")
        ));
    }
    let configured_mb = ceil(inputs.memory_mb).max(LAMBDA_MIN_MEMORY_MB);
    // Sized by CPU only when vCPUs were stated; otherwise the memory given is the size.
    let cpu_mb = if inputs.vcpu_given {
        lambda_memory_for_vcpu(inputs.vcpu)
    } else {
        0.0
    };
    let memory_mb = configured_mb.max(cpu_mb);
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
    a.say(|| {
        format!(
            "Memory is billed as configured ({} MB{}) and each request for its duration rounded up \
             to the millisecond ({} ms): {} GB-seconds a month.",
            group_thousands(memory_mb),
            if cpu_mb > configured_mb {
                ", the memory that gives the vCPUs asked for"
            } else if configured_mb > inputs.memory_mb.ceil() {
                ", Lambda's minimum"
            } else {
                ""
            },
            format_number(billed_ms),
            group_thousands(gb_seconds)
        )
    });
    a.say(|| {
        if cpu_mb > configured_mb {
            format!(
                "Lambda gives CPU in proportion to memory (one vCPU at 1,769 MB, at most 6 at \
                 10,240 MB), so {} vCPU needs {} MB rather than the {} asked for; the duration \
                 is assumed to be what the function takes there.",
                format_number(inputs.vcpu),
                group_thousands(cpu_mb),
                format_memory_mb(inputs.memory_mb)
            )
        } else if inputs.vcpu_given {
            format!(
                "Lambda gives CPU in proportion to memory (one vCPU at 1,769 MB, at most 6 at \
                 10,240 MB): {} MB gives about {} vCPU, enough for the {} asked for; the duration \
                 is assumed to be what the function takes at this memory.",
                group_thousands(memory_mb),
                format_amount(memory_mb / LAMBDA_MB_PER_VCPU),
                format_number(inputs.vcpu)
            )
        } else {
            format!(
                "Lambda gives CPU in proportion to memory (one vCPU at 1,769 MB, at most 6 at \
                 10,240 MB): {} MB gives about {} vCPU, and the duration is assumed to be what \
                 the function takes at this memory. State --vcpu to size it by CPU instead.",
                group_thousands(memory_mb),
                format_amount(memory_mb / LAMBDA_MB_PER_VCPU)
            )
        }
    });
    if inputs.free_tier {
        a.say(|| {
            format!(
                "The always-free tier ({} requests and {} GB-seconds a month) is applied in full; \
                 every function in the account shares it.",
                group_thousands(free_requests),
                group_thousands(free_gb_s)
            )
        });
    }
    a.say(|| {
        "Every GB-second is priced at the first tier; AWS's lower prices for billions of \
             GB-seconds a month are not applied."
            .into()
    });
    if let Ok((quota, _)) = book.allowance("lambda.quota.concurrency")
        && load.concurrency > quota
    {
        a.warn(|| {
            format!(
                "Needs about {} concurrent executions on average, past Lambda's default quota of \
                 {} per Region (new accounts start lower): request an increase before relying on \
                 this (https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html).",
                group_thousands(ceil(load.concurrency)),
                group_thousands(quota)
            )
        });
    }
    let mut lines = vec![
        charge(
            if inputs.free_tier {
                format!("Requests beyond {} free", format_count(free_requests))
            } else {
                "Requests".to_owned()
            },
            (inputs.requests - free_requests).max(0.0),
            requests,
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
            duration,
        ),
    ];
    if inputs.savings_plans {
        savings(book, "lambda.savings-plans.discount", &mut lines, a, |l| {
            l.price_id.as_deref() == Some(duration.id.as_str())
        });
        a.say(|| "Compute Savings Plans cover duration, not requests.".into());
    }
    if inputs.spot {
        a.say(|| "Spot does not apply to Lambda.".into());
    }
    if inputs.reserved {
        a.say(|| "Reserved Instances do not apply to Lambda.".into());
    }
    if inputs.hours_per_day < 24.0 || inputs.jobs {
        a.say(|| "Hours a day do not change Lambda's cost: it bills per request.".into());
    }
    Ok(lines)
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

/// The Fargate rates for the inputs' architecture. Fargate Spot runs Arm (ARM64) Linux tasks on
/// platform version 1.4.0 or later as well as x86 ones, so Spot keeps the Arm rates
/// (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CapacityProviderStrategyItem.html).
fn fargate_rates<'a>(book: &'a PriceBook, inputs: &Inputs) -> Result<(&'a Rate, &'a Rate), String> {
    let arch = if inputs.arm { "arm" } else { "x86" };
    Ok((
        book.rate(&format!("fargate.vcpu.{arch}"))?,
        book.rate(&format!("fargate.memory.{arch}"))?,
    ))
}

/// The Fargate task size for the inputs, (vCPU, GB), saying so when it is rounded up to a
/// valid one, or why none holds them.
pub(super) fn fargate_task(
    inputs: &Inputs,
    load: &Load,
    rates: (&Rate, &Rate),
    a: &mut Notes,
) -> Result<(f64, f64), String> {
    let Some((v, m)) = fargate_size(
        inputs.vcpu,
        load.memory_gib,
        rates.0.per_unit,
        rates.1.per_unit,
    ) else {
        return Err(format!(
            "a task of {}; the largest Fargate task is 16 vCPU with 120 GB",
            size_text(inputs)
        ));
    };
    if v > inputs.vcpu + 1e-9 || m > load.memory_gib + 1e-9 {
        a.say(|| {
            format!(
                "{} is not a Fargate task size; priced as the next valid size, {} vCPU with {} GB.",
                size_text(inputs),
                format_number(v),
                format_number(m)
            )
        });
    }
    Ok((v, m))
}

/// vCPU and memory lines for `task_hours` of a (v, m) task; `label` words each from the size
/// and unit (`0.25 vCPU`, `0.5 GB`).
fn fargate_lines(
    rates: (&Rate, &Rate),
    (v, m): (f64, f64),
    task_hours: f64,
    label: impl Fn(&str, String) -> String,
) -> Vec<LineItem> {
    vec![
        charge(
            label("vCPU", format!("{} vCPU", format_number(v))),
            task_hours * v,
            rates.0,
        ),
        charge(
            label("Memory", format!("{} GB", format_number(m))),
            task_hours * m,
            rates.1,
        ),
    ]
}

/// Fargate Spot or Savings Plans on Fargate lines, as the options ask; Reserved Instances do
/// not exist for Fargate.
pub(super) fn fargate_discount(
    book: &PriceBook,
    inputs: &Inputs,
    lines: &mut Vec<LineItem>,
    a: &mut Notes,
) {
    if inputs.spot {
        let id = "fargate.spot.discount";
        match book.discount(id) {
            Ok((fraction, display)) => {
                let subtotal = sum(lines);
                lines.push(discount_line(
                    "Fargate Spot, AWS's stated maximum",
                    subtotal,
                    fraction,
                    display,
                    id,
                ));
                a.say(|| {
                    format!(
                        "Fargate Spot at AWS's stated maximum discount, {}: a best case. Tasks can \
                         be stopped with two minutes' warning.",
                        percent(fraction)
                    )
                });
                if inputs.arm {
                    a.say(|| {
                        "Fargate Spot runs Arm (ARM64) Linux tasks on platform version 1.4.0 or \
                         later, so the discount applies to the Arm prices."
                            .into()
                    });
                }
                if inputs.savings_plans {
                    a.say(|| {
                        "Savings Plans do not cover Spot usage, so only Spot is applied.".into()
                    });
                }
            }
            Err(e) => a.say(|| format!("Fargate Spot not applied: {e}.")),
        }
    } else if inputs.savings_plans {
        savings(book, "fargate.savings-plans.discount", lines, a, |_| true);
    }
    if inputs.reserved {
        a.say(|| {
            "Reserved Instances do not exist for Fargate (Savings Plans cover it), so Reserved \
             does not change it."
                .into()
        });
    }
}

pub fn fargate(
    book: &PriceBook,
    inputs: &Inputs,
    load: &Load,
    a: &mut Notes,
) -> Result<Vec<LineItem>, String> {
    if inputs.jobs {
        // One task per job, run only while the job runs: what Batch on Fargate runs too.
        let (mut lines, task_hours) = fargate_jobs(book, inputs, load, a)?;
        lines.push(ipv4_line(book, task_hours, "task", a)?);
        lines.extend(alb_lines(book, inputs, a)?);
        return Ok(lines);
    }
    let rates = fargate_rates(book, inputs)?;
    let size = fargate_task(inputs, load, rates, a)?;
    a.say(|| tasks_text(load, inputs, "task"));
    a.say(|| {
        format!(
            "Tasks run {}{}; Fargate bills each second a task runs.",
            running(load, inputs),
            if inputs.hours_per_day < 24.0 {
                ", scaling to zero in between"
            } else {
                ""
            }
        )
    });
    let task_hours = load.tasks * load.running_hours;
    let mut lines = fargate_lines(rates, size, task_hours, |what, size| {
        format!(
            "{what}: {} task{} × {size} × {} h",
            group_thousands(load.tasks),
            plural(load.tasks),
            format_number(load.running_hours)
        )
    });
    fargate_discount(book, inputs, &mut lines, a);
    lines.push(ipv4_line(book, task_hours, "task", a)?);
    lines.extend(alb_lines(book, inputs, a)?);
    Ok(lines)
}

/// Fargate's shortest billed Linux task: per second, with a one-minute minimum (Windows tasks
/// bill a longer minimum plus a licence fee; https://aws.amazon.com/fargate/pricing/).
const FARGATE_MIN_BILLED_S: f64 = 60.0;

/// Batch on Fargate: one Fargate task per job, billed per second of each job with Fargate's
/// one-minute minimum; Fargate Spot with `spot`, Savings Plans with `savings_plans`.
pub fn batch_on_fargate(
    book: &PriceBook,
    inputs: &Inputs,
    load: &Load,
    a: &mut Notes,
) -> Result<Vec<LineItem>, String> {
    if inputs.duration_ms > BATCH_FARGATE_MAX_MS {
        return Err(format!(
            "one job runs {}; AWS Batch does not guarantee jobs on Fargate past 14 days (run \
             them on EC2: --batch-on ec2)",
            format_duration_ms(inputs.duration_ms)
        ));
    }
    a.say(|| {
        "AWS Batch does not guarantee jobs on Fargate past 14 days \
         (https://docs.aws.amazon.com/batch/latest/APIReference/API_SubmitJob.html)."
            .into()
    });
    let (mut lines, task_hours) = fargate_jobs(book, inputs, load, a)?;
    lines.push(ipv4_line(book, task_hours, "task", a)?);
    Ok(lines)
}

/// One Fargate task per job, each billed per second of its job with the one-minute minimum:
/// the lines (discounted as the options ask) and the task-hours.
fn fargate_jobs(
    book: &PriceBook,
    inputs: &Inputs,
    load: &Load,
    a: &mut Notes,
) -> Result<(Vec<LineItem>, f64), String> {
    let rates = fargate_rates(book, inputs)?;
    let size = fargate_task(inputs, load, rates, a)?;
    let billed_s = ceil(inputs.duration_ms / 1_000.0).max(FARGATE_MIN_BILLED_S);
    let task_hours = inputs.requests * billed_s / 3_600.0;
    a.say(|| {
        format!(
            "Each request is one job, run as one Fargate task of {}; each job is billed for its \
             duration rounded up to the second, at least one minute (Linux; {}): {} task-hours a \
             month.",
            size_text(inputs),
            format_duration_ms(billed_s * 1_000.0),
            format_amount(task_hours)
        )
    });
    a.say(|| {
        "Tasks run only while jobs run: image pulls and start-up are not included. Hours a day \
             do not change the job-hours."
            .into()
    });
    let mut lines = fargate_lines(rates, size, task_hours, |what, size| {
        format!(
            "Fargate {}: {} task-hours × {size}",
            if what == "vCPU" { what } else { "memory" },
            format_amount(task_hours)
        )
    });
    fargate_discount(book, inputs, &mut lines, a);
    Ok((lines, task_hours))
}
