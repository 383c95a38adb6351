//! The models that run on instances: ECS on EC2, EKS and Elastic Beanstalk (a fleet of EC2
//! instances for the running hours), Batch (EC2 instance-hours for the jobs alone, or Fargate
//! task-hours; see `services::batch_on_fargate`) and Lightsail (bundles billed all month).
//!
//! Each picks the cheapest option in the price list that holds the workload: enough instances for
//! the tasks by vCPU and memory, and, for burstable types, enough baseline CPU for the vCPUs the
//! requests keep busy. Options only drop out as the workload grows, so cost never falls.

use super::prices::{Bundle, InstanceType, PriceBook};
use super::services::{
    BATCH_MIN_JOB_MS, Commitment, Load, Notes, alb_note, batch_on_fargate, beyond, ceil, charge,
    cmp_cost, commitment, discount_line, floor, no_charge, noun, percent, plural, running, savings,
    size_text, tasks_text,
};
use super::units::{format_amount, format_count, format_duration_ms, format_money, format_number};
use super::{BatchCompute, HOURS_PER_MONTH, Inputs, LineItem};
use crate::data::group_thousands;

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
    let types = || book.instances.iter().filter(|t| t.arm == inputs.arm);
    let most_vcpu = types().max_by(|a, b| a.vcpu.total_cmp(&b.vcpu));
    let most_memory = types().max_by(|a, b| a.memory_gib.total_cmp(&b.memory_gib));
    match (most_vcpu, most_memory) {
        (Some(v), Some(m)) => format!(
            "no {} instance type in the price list holds a task of {} (most vCPUs: {}, {}; most \
             memory: {}, {} GiB)",
            arch_name(inputs.arm),
            size_text(inputs),
            v.name,
            format_number(v.vcpu),
            m.name,
            format_number(m.memory_gib)
        ),
        _ => format!(
            "the price list has no {} EC2 instance types",
            arch_name(inputs.arm)
        ),
    }
}

/// The cheapest always-running fleet for `load.tasks` tasks, counting burstable types at the CPU
/// they sustain: enough instances for the tasks by size, and for the busy vCPUs by baseline.
/// The cost compared is the month's: the running hours, plus `keeps` instances between them (or
/// the whole fleet all month when reserved), so the choice never makes a bigger load cheaper.
fn service_fleet<'a>(
    book: &'a PriceBook,
    inputs: &Inputs,
    load: &Load,
    keeps: f64,
) -> Result<Fleet<'a>, String> {
    let idle = HOURS_PER_MONTH - load.running_hours;
    let reserved = inputs.reserved && !inputs.spot;
    let month = |f: &Fleet| {
        let hours = if reserved {
            f.amount * HOURS_PER_MONTH
        } else {
            f.amount * load.running_hours + keeps.min(f.amount) * idle.max(0.0)
        };
        hours * f.kind.hourly
    };
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
        .min_by(|a, b| cmp_cost(month(a), month(b)))
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

/// Spot, Reserved or Savings Plans on EC2 lines, as the options ask.
///
/// - Spot wins when Savings Plans are also on, since Savings Plans do not cover Spot usage. Spot
///   and Reserved exclude each other (the command line refuses both, the form turns one off);
///   given both, Spot is applied and the assumptions say Reserved was not.
/// - Reserved applies only where `reservable` (always-running fleets, not Batch). When Savings
///   Plans are also on, Reserved covers the fleet: AWS applies reservations first, and a fully
///   reserved fleet leaves nothing for a plan to cover.
fn ec2_discount(
    book: &PriceBook,
    inputs: &Inputs,
    lines: &mut Vec<LineItem>,
    a: &mut Notes,
    reservable: bool,
) {
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
                a.say(|| format!(
                    "Spot at AWS's stated maximum discount, {}: a best case; real Spot prices vary \
                     by type, zone and hour, and instances can be reclaimed with two minutes' \
                     warning.",
                    percent(fraction)
                ));
                if inputs.savings_plans {
                    a.say(|| {
                        "Savings Plans do not cover Spot usage, so only Spot is applied.".into()
                    });
                }
            }
            Err(e) => a.say(|| format!("Spot not applied: {e}.")),
        }
        if inputs.reserved {
            a.say(|| {
                "Spot and Reserved exclude each other (an instance is one or the other), so only \
                 Spot is applied."
                    .into()
            });
        }
    } else if inputs.reserved && reservable {
        reserved(book, lines, a, is_ec2);
        if inputs.savings_plans {
            a.say(|| {
                "AWS applies Reserved Instances before Savings Plans, and the reserved fleet \
                 leaves no EC2 usage for a plan to cover, so only Reserved is applied here."
                    .into()
            });
        }
    } else if inputs.savings_plans {
        savings(book, "ec2.savings-plans.discount", lines, a, is_ec2);
    }
}

const RESERVED: Commitment = Commitment {
    line: "EC2 Reserved Instances, AWS's stated maximum",
    short: "Reserved",
    assumption: "Reserved Instances take AWS's stated maximum discount, {}, which needs a \
                 3-year Standard reservation paid all upfront; a 1-year term or no upfront \
                 payment saves less. A best case, for a fleet whose size holds for the term.",
};

/// The Reserved Instances discount on the EC2 lines, or why it could not be applied.
fn reserved(
    book: &PriceBook,
    lines: &mut Vec<LineItem>,
    a: &mut Notes,
    covered: impl Fn(&LineItem) -> bool,
) {
    commitment(book, "ec2.reserved.discount", &RESERVED, lines, a, covered);
}

/// ECS on EC2, EKS nodes and Beanstalk instances: the same fleet over the running hours.
/// `keeps` instances stay up between the running hours (Beanstalk keeps one; ECS and EKS
/// capacity can scale to zero), unless the fleet is reserved and billed all month anyway.
fn instances_for_hours(
    book: &PriceBook,
    inputs: &Inputs,
    load: &Load,
    what: &str,
    keeps: f64,
    a: &mut Notes,
) -> Result<Vec<LineItem>, String> {
    let fleet = service_fleet(book, inputs, load, keeps)?;
    let rate = book.rate(&fleet.kind.price_id)?;
    let idle = HOURS_PER_MONTH - load.running_hours;
    let reserved = inputs.reserved && !inputs.spot;
    a.say(|| tasks_text(load, inputs, what));
    a.say(|| fleet_text(&fleet, inputs, load, what));
    let between = if idle <= 0.0 {
        String::new()
    } else if reserved {
        "; reserved instances are billed in between too (see below)".to_owned()
    } else if keeps > 0.0 {
        format!(
            "; {} {} keep{} running in between",
            group_thousands(keeps.min(fleet.amount)),
            noun("instance", keeps.min(fleet.amount)),
            if keeps.min(fleet.amount) == 1.0 {
                "s"
            } else {
                ""
            }
        )
    } else {
        ", scaling to zero in between".to_owned()
    };
    a.say(|| {
        format!(
            "Instances run {}{between}; the operating system and agents also need some of each \
             instance's memory, so real placement may fit fewer.",
            running(load, inputs)
        )
    });
    let mut lines = vec![charge(
        format!(
            "EC2 {}: {} × {} h",
            fleet.kind.name,
            group_thousands(fleet.amount),
            format_number(load.running_hours)
        ),
        fleet.amount * load.running_hours,
        rate,
    )];
    if reserved && idle > 0.0 {
        lines.push(charge(
            format!(
                "EC2 {}: reserved but idle, {} × {} h",
                fleet.kind.name,
                group_thousands(fleet.amount),
                format_number(idle)
            ),
            fleet.amount * idle,
            rate,
        ));
        a.say(|| {
            "A reservation is billed for every hour of its term, used or not, so the reserved \
             instances cost all 730 hours of the month, not only the hours the workload runs."
                .into()
        });
    } else if keeps > 0.0 && idle > 0.0 {
        let kept = keeps.min(fleet.amount);
        lines.push(charge(
            format!(
                "EC2 {}: kept running between, {} × {} h",
                fleet.kind.name,
                group_thousands(kept),
                format_number(idle)
            ),
            kept * idle,
            rate,
        ));
    }
    Ok(lines)
}

pub fn ecs_ec2(
    book: &PriceBook,
    inputs: &Inputs,
    load: &Load,
    a: &mut Notes,
) -> Result<Vec<LineItem>, String> {
    let mut lines = instances_for_hours(book, inputs, load, "task", 0.0, a)?;
    lines.extend(no_charge(book, "ecs.control-plane", "Amazon ECS itself"));
    ec2_discount(book, inputs, &mut lines, a, true);
    a.say(|| alb_note(book));
    a.say(|| "EBS root volumes are not included.".into());
    Ok(lines)
}

pub fn eks(
    book: &PriceBook,
    inputs: &Inputs,
    load: &Load,
    a: &mut Notes,
) -> Result<Vec<LineItem>, String> {
    let mut lines = instances_for_hours(book, inputs, load, "pod", 0.0, a)?;
    ec2_discount(book, inputs, &mut lines, a, true);
    let control = book.rate("eks.cluster.standard")?;
    lines.push(charge(
        "EKS control plane: 1 cluster × 730 h".into(),
        HOURS_PER_MONTH,
        control,
    ));
    a.say(|| {
        format!(
            "One cluster on a Kubernetes version in standard support, billed all 730 hours whether \
             pods run or not{}.",
            book.rate("eks.cluster.extended")
                .map(|r| format!(" ({} in extended support)", r.display))
                .unwrap_or_default()
        )
    });
    a.say(|| {
        "Kubernetes system pods (CoreDNS, kube-proxy, the VPC CNI) also need node capacity; \
             none is reserved for them here."
            .into()
    });
    a.say(|| alb_note(book));
    Ok(lines)
}

/// AWS Batch: the compute for the job-hours, on EC2 (the default) or Fargate; Batch itself adds
/// no charge.
pub fn batch(
    book: &PriceBook,
    inputs: &Inputs,
    load: &Load,
    a: &mut Notes,
) -> Result<Vec<LineItem>, String> {
    if inputs.duration_ms < BATCH_MIN_JOB_MS {
        return Err(format!(
            "one job (one request) runs {}; AWS advises Batch jobs of 3 to 5 minutes: group \
             the requests into longer jobs, or use a service built for requests",
            beyond(
                inputs.duration_ms,
                BATCH_MIN_JOB_MS,
                format_duration_ms,
                "ms"
            )
        ));
    }
    a.say(|| {
        "AWS advises Batch jobs of 3 to 5 minutes, since scheduling a job of seconds can take \
         longer than running it; a request shorter than 3 minutes is not priced as a Batch job \
         (https://docs.aws.amazon.com/batch/latest/userguide/bestpractice1.html)."
            .into()
    });
    let mut lines = match inputs.batch_on {
        BatchCompute::Ec2 => batch_on_ec2(book, inputs, load, a)?,
        BatchCompute::Fargate => batch_on_fargate(book, inputs, load, a)?,
    };
    lines.extend(no_charge(book, "batch.service", "AWS Batch itself"));
    Ok(lines)
}

fn batch_on_ec2(
    book: &PriceBook,
    inputs: &Inputs,
    load: &Load,
    a: &mut Notes,
) -> Result<Vec<LineItem>, String> {
    let fleet = batch_fleet(book, inputs, load)?;
    let rate = book.rate(&fleet.kind.price_id)?;
    let per = per_instance(fleet.kind, inputs.vcpu, load.memory_gib);
    a.say(|| {
        format!(
            "Each request is one job of {}: {} job-hours a month.",
            size_text(inputs),
            format_amount(load.job_hours)
        )
    });
    a.say(|| {
        format!(
            "{} ({} vCPU, {} GiB, {} jobs at once) is the cheapest {} type in the price list per \
             job-hour{}.",
            fleet.kind.name,
            format_number(fleet.kind.vcpu),
            format_number(fleet.kind.memory_gib),
            group_thousands(per),
            arch_name(inputs.arm),
            if fleet.kind.baseline < 1.0 {
                format!(
                    ", counted at its {} CPU baseline",
                    percent(fleet.kind.baseline)
                )
            } else {
                String::new()
            }
        )
    });
    a.say(|| {
        "Instances run only while jobs run, packed perfectly: start-up time and idle capacity \
             are not included. Hours a day do not change the job-hours."
            .into()
    });
    a.say(|| {
        "Batch queues each job and starts it in seconds to minutes: it suits work that can \
             wait, not requests someone is waiting on."
            .into()
    });
    let mut lines = vec![charge(
        format!("EC2 {}: instance-hours for the jobs", fleet.kind.name),
        fleet.amount,
        rate,
    )];
    ec2_discount(book, inputs, &mut lines, a, false);
    if inputs.reserved && !inputs.spot {
        a.say(|| {
            "Reserved is not applied to Batch: its compute environment starts and stops \
             instances with the queue, while a reservation is billed all month whether jobs run \
             or not. Spot or Savings Plans suit Batch instead."
                .into()
        });
    }
    Ok(lines)
}

/// Lightsail bundles needed: by size for the tasks, and by baseline for the busy vCPUs.
fn bundles_needed(b: &Bundle, inputs: &Inputs, load: &Load) -> Option<f64> {
    let per = floor(b.vcpu / inputs.vcpu).min(floor(b.memory_gib / load.memory_gib));
    (per >= 1.0)
        .then(|| ceil(load.tasks / per).max(ceil(load.sustained_vcpu / (b.vcpu * b.baseline))))
}

pub fn lightsail(
    book: &PriceBook,
    inputs: &Inputs,
    load: &Load,
    a: &mut Notes,
) -> Result<Vec<LineItem>, String> {
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
    a.say(|| tasks_text(load, inputs, "copy"));
    a.say(|| format!(
            "{} × the {} bundle: the cheapest way in the price list to hold them. Lightsail bundles \
             are burstable: this one sustains {} of each vCPU, and the instances cover the {} vCPU \
             the requests keep busy.",
            group_thousands(n),
            format_money(bundle.monthly),
            percent(bundle.baseline),
            format_amount(load.sustained_vcpu)
        ));
    a.say(|| {
        "Lightsail bills every hour of the month, busy or idle, even while an instance is \
             stopped; hours a day do not lower it."
            .into()
    });
    a.say(|| "The bundle's data transfer allowance is assumed to cover the traffic.".into());
    if inputs.arm {
        a.say(|| "Lightsail runs x86 only; the Arm option does not apply.".into());
    }
    if inputs.spot || inputs.reserved || inputs.savings_plans {
        a.say(|| "Spot, Reserved and Savings Plans do not apply to Lightsail.".into());
    }
    let mut lines = vec![charge(
        format!(
            "{}: {} instance{}",
            bundle.label,
            group_thousands(n),
            plural(n)
        ),
        n,
        rate,
    )];
    if n > 1.0
        && let Some(r) = &balancer
    {
        lines.push(charge(
            "Lightsail load balancer across the instances".into(),
            1.0,
            r,
        ));
    }
    Ok(lines)
}

/// A load-balanced Elastic Beanstalk environment's Auto Scaling group keeps at least one instance
/// (`MinSize` takes 1 to 10,000), so it never scales to zero between the running hours
/// (https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/command-options-general.html).
const BEANSTALK_MIN_INSTANCES: f64 = 1.0;

pub fn elastic_beanstalk(
    book: &PriceBook,
    inputs: &Inputs,
    load: &Load,
    a: &mut Notes,
) -> Result<Vec<LineItem>, String> {
    let mut lines = instances_for_hours(
        book,
        inputs,
        load,
        "instance copy",
        BEANSTALK_MIN_INSTANCES,
        a,
    )?;
    ec2_discount(book, inputs, &mut lines, a, true);
    let alb = book.rate("elb.alb.hour")?;
    let lcu = book.rate("elb.alb.lcu")?;
    let (per_lcu, _) = book.allowance("elb.alb.lcu.new-connections")?;
    let lcu_hours = inputs.requests / (per_lcu * 3_600.0);
    lines.push(charge(
        "Application Load Balancer: 730 h".into(),
        HOURS_PER_MONTH,
        alb,
    ));
    lines.push(charge(
        format!(
            "Load balancer capacity units: {} requests ÷ {} new connections/s per LCU",
            format_count(inputs.requests),
            format_number(per_lcu)
        ),
        lcu_hours,
        lcu,
    ));
    lines.extend(no_charge(
        book,
        "elastic-beanstalk.service",
        "Elastic Beanstalk itself",
    ));
    a.say(|| {
        "A load-balanced environment: its Application Load Balancer runs all 730 hours.".into()
    });
    a.say(|| {
        format!(
            "LCUs count every request as a new connection ({} a second per LCU), an upper \
                 bound when clients keep connections open; bytes processed are not counted.",
            format_number(per_lcu)
        )
    });
    Ok(lines)
}
