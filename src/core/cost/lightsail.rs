//! Lightsail: the cheapest bundles that hold the workload, billed every hour of the month, within
//! the account's default quota of instances.

use super::prices::{Bundle, PriceBook};
use super::services::{
    HEADROOM, Load, MEMORY_KEPT_BY_OS, Notes, ceil, charge, cmp_cost, noun_count, per_server,
    percent, plural, size_text, tasks_text,
};
use super::units::{format_amount, format_money, format_number};
use super::{Inputs, LineItem};
use crate::data::group_thousands;

/// Lightsail's default quota of instances per account
/// (https://docs.aws.amazon.com/general/latest/gr/lightsail.html), from the data when it has it.
fn lightsail_quota(book: &PriceBook) -> f64 {
    book.allowance("lightsail.quota.instances")
        .map_or(20.0, |(n, _)| n)
}

/// The share of each vCPU a Lightsail bundle gives a task at work (see [`Load::burst_share`]):
/// a bundle runs all day, earning burst capacity in the hours its tasks are idle; bundles that
/// accrue none (the $384 plan and up) give their baseline
/// (https://docs.aws.amazon.com/lightsail/latest/userguide/baseline-cpu-performance.html).
fn bundle_share(b: &Bundle, inputs: &Inputs, load: &Load) -> f64 {
    load.burst_share(inputs, b.baseline, b.accrues, 24.0)
}

/// Lightsail bundles needed: each holds whole tasks (one task never spans two), by size with
/// the system's memory kept, and by the CPU it sustains for the tasks at work at once, each
/// using all its vCPUs (see [`Load::burstable_holds`]).
fn bundles_needed(b: &Bundle, inputs: &Inputs, load: &Load) -> Option<f64> {
    let per = per_server(b.vcpu, b.memory_gib, inputs.vcpu, load.memory_gib)
        .min(load.burstable_holds(inputs, b.vcpu, b.baseline, b.accrues, 24.0));
    (per >= 1.0).then(|| ceil(load.tasks / per))
}

pub fn lightsail(
    book: &PriceBook,
    inputs: &Inputs,
    load: &Load,
    a: &mut Notes,
) -> Result<Vec<LineItem>, String> {
    let balancer = book.rate("lightsail.load-balancer").ok();
    let quota = lightsail_quota(book);
    let fitting: Vec<(&Bundle, f64)> = book
        .bundles
        .iter()
        .filter_map(|b| Some((b, bundles_needed(b, inputs, load)?)))
        .collect();
    if inputs.load_balancer && balancer.is_none() {
        return Err("the data has no price for a Lightsail load balancer".into());
    }
    let best = fitting
        .iter()
        .filter(|(_, n)| *n <= quota)
        .min_by(|x, y| cmp_cost(x.1 * x.0.monthly, y.1 * y.0.monthly));
    let Some(&(bundle, n)) = best else {
        if let Some((b, n)) = fitting.iter().min_by(|x, y| x.1.total_cmp(&y.1)) {
            return Err(format!(
                "needs {} instances (the {} bundle), past Lightsail's default quota of {} per \
                 account: does not fit without a quota increase \
                 (https://docs.aws.amazon.com/general/latest/gr/lightsail.html)",
                group_thousands(*n),
                format_money(b.monthly),
                group_thousands(quota)
            ));
        }
        let largest = book
            .bundles
            .iter()
            .max_by(|x, y| x.monthly.total_cmp(&y.monthly));
        return Err(match largest {
            Some(b) => format!(
                "no Lightsail bundle holds a task of {} at work {} a day on one instance, with \
                 {} headroom (largest: {} vCPU, {} GB)",
                size_text(inputs),
                noun_count(load.task_busy_hours(inputs), "hour"),
                percent(1.0 - HEADROOM),
                format_number(b.vcpu),
                format_number(b.memory_gib)
            ),
            None => "the price list has no Lightsail bundles".into(),
        });
    };
    let rate = book.rate(&bundle.price_id)?;
    a.say(|| tasks_text(load, inputs, "copy"));
    a.say(|| {
        let share = bundle_share(bundle, inputs, load);
        format!(
            "{} × the {} bundle: the cheapest way in the price list to hold them, each copy on one \
             instance with {} of its memory left to the operating system. Lightsail bundles are \
             burstable: this one has a {} baseline{}, of which {} is planned (headroom), so {} \
             vCPU for the {} vCPU a copy uses while at work ({} a day at the most).",
            group_thousands(n),
            format_money(bundle.monthly),
            percent(MEMORY_KEPT_BY_OS),
            percent(bundle.baseline),
            if !bundle.accrues {
                " and accrues no burst capacity".to_owned()
            } else if share > bundle.baseline + 1e-9 {
                format!(
                    ", raised to {} of each vCPU by the burst capacity it earns while the copies \
                     are idle (it accrues for up to 24 hours, so a day's baseline can be spent in \
                     their busy hours)",
                    percent(share)
                )
            } else {
                String::new()
            },
            percent(HEADROOM),
            format_amount(bundle.vcpu * share * HEADROOM),
            format_number(inputs.vcpu),
            noun_count(load.task_busy_hours(inputs), "hour")
        )
    });
    a.say(|| {
        format!(
            "Lightsail bills every hour of the month, busy or idle, even while an instance is \
             stopped; hours a day do not lower it. An account holds {} instances by default.",
            group_thousands(quota)
        )
    });
    a.say(|| {
        "The bundle's data transfer allowance is assumed to cover the traffic, and its price \
             includes the instance's public IPv4 address."
            .into()
    });
    if inputs.arm {
        a.say(|| "Lightsail runs x86 only; the Arm option does not apply.".into());
    }
    if inputs.spot || inputs.reserved || inputs.savings_plans {
        a.say(|| "Spot, Reserved and Savings Plans do not apply to Lightsail.".into());
    }
    // Billed per instance for the month: the working reads `8 instance-months × $12.00 per
    // instance-month`, not `8 months`.
    let mut bundles = charge(
        format!(
            "{}: {} instance{} × 1 month",
            bundle.label,
            group_thousands(n),
            plural(n)
        ),
        n,
        rate,
    );
    bundles.unit = "instance-month".into();
    bundles.price = format!("{} per instance-month", format_money(rate.per_unit));
    let mut lines = vec![bundles];
    if inputs.load_balancer {
        if let Some(r) = &balancer {
            lines.push(charge("Lightsail load balancer".into(), 1.0, r));
        }
    } else if n > 1.0 {
        a.say(|| {
            "No load balancer: requests must reach the instances another way (a queue they \
             pull from, or DNS)."
                .into()
        });
    }
    Ok(lines)
}
