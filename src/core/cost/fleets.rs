//! The models that run on instances: ECS on EC2, EKS and Elastic Beanstalk (a fleet of EC2
//! instances for the running hours), Batch (EC2 instance-hours for the jobs alone, or Fargate
//! task-hours; see `services::batch_on_fargate`) and Lightsail (bundles billed all month).
//!
//! Each picks the cheapest option in the price list that holds the workload: enough instances for
//! the tasks by vCPU and memory, and, for burstable types, enough baseline CPU for the vCPUs the
//! requests keep busy or surplus credits for the rest. EC2 fleets are compared on their final
//! bill (after discounts, with surplus credits and IPv4 addresses). Options only drop out, or cost
//! more, as the workload grows, so cost never falls.

use super::prices::{Bundle, InstanceType, PriceBook, Rate};
use super::services::{
    BATCH_MIN_JOB_MS, Commitment, HEADROOM, Load, MEMORY_KEPT_BY_OS, MEMORY_KEPT_SOURCE, Notes,
    alb_lines, batch_on_fargate, beyond, ceil, charge, cmp_cost, commitment, discount_line, floor,
    ipv4_line, no_charge, noun, noun_count, percent, plural, running, savings, size_text,
    tasks_text,
};
use super::units::{format_amount, format_duration_ms, format_money, format_number};
use super::{BatchCompute, HOURS_PER_MONTH, Inputs, LineItem};
use crate::data::group_thousands;

/// A fleet of one instance type: one of the candidates for the load (see [`fleets_of`]), and once
/// chosen the cheapest of them on the month's bill (see [`service_fleet`]).
struct Fleet<'a> {
    kind: &'a InstanceType,
    /// Instances while the workload runs.
    amount: f64,
    /// Instances the tasks need by size (vCPUs and memory); `amount` is more when the busy CPU
    /// is given more instances' baselines instead of surplus credits (or Standard mode's
    /// headroom asks for more).
    by_size: f64,
    /// For a burstable type in Unlimited mode: vCPU-hours above the fleet's baseline, billed as
    /// surplus CPU credits; 0 otherwise.
    surplus_vcpu_hours: f64,
    /// The surplus credit price when the fleet runs in Unlimited mode (even if no surplus is
    /// billed); `None` for fixed-performance types and burstable ones in Standard mode.
    surplus_rate: Option<&'a Rate>,
}

/// How many tasks of `vcpu` and `gib` one server holds: by its vCPUs, and by the memory left
/// once the operating system and agent keep theirs ([`MEMORY_KEPT_BY_OS`]), so a task asking
/// for all of an instance's memory is never placed on it.
fn per_server(server_vcpu: f64, server_gib: f64, vcpu: f64, gib: f64) -> f64 {
    floor(server_vcpu / vcpu).min(floor(server_gib * (1.0 - MEMORY_KEPT_BY_OS) / gib))
}

fn per_instance(kind: &InstanceType, vcpu: f64, gib: f64) -> f64 {
    per_server(kind.vcpu, kind.memory_gib, vcpu, gib)
}

/// The surplus-credit price for a T-family type's family (`burstable.t3.surplus`), if the data
/// has one. T3 and T4g launch in Unlimited mode by default, billing CPU above the baseline as
/// surplus credits (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/burstable-performance-instances-unlimited-mode.html).
fn surplus_rate<'a>(book: &'a PriceBook, kind: &InstanceType) -> Option<&'a Rate> {
    let family = kind.name.split('.').next()?;
    book.rate(&format!("burstable.{family}.surplus")).ok()
}

/// Every fleet of type `t` that holds the load, of at most `most` instances: none when a task
/// does not fit one instance by size (vCPUs, memory less what the system keeps).
///
/// A fixed-performance type gives one: the instances the tasks need by size. A burstable type
/// gives the ways to supply the vCPUs the requests keep busy:
///
/// - Standard mode, when one task's busy CPU fits what one instance sustains with
///   [`HEADROOM`]: enough instances for the busy vCPUs at that share of their baselines.
/// - Unlimited mode, where the data prices surplus credits: from the instances the tasks need
///   by size, billed surplus credits for the busy vCPUs above their baselines, up to enough
///   instances that their baselines cover the busy vCPUs (each added instance runs a copy, so
///   the requests spread over more baseline). Which count is cheapest depends on the discounts:
///   Spot, Reserved and Savings Plans lower the instances' price, not the credits'. The month's
///   bill is linear in the count between the breakpoints (where the surplus reaches zero, and
///   where the instances kept between the running hours stop growing), so the counts at the
///   ends and either side of each breakpoint include the cheapest; those are returned.
///
/// The Standard fleet comes first, then the Unlimited ones from the fewest instances, so that on
/// a tie the fleet with headroom, then the smaller one, is chosen.
fn fleets_of<'a>(
    book: &'a PriceBook,
    t: &'a InstanceType,
    inputs: &Inputs,
    load: &Load,
    keeps: f64,
    most: f64,
) -> Vec<Fleet<'a>> {
    let per = per_instance(t, inputs.vcpu, load.memory_gib);
    if per < 1.0 {
        return Vec::new();
    }
    let by_size = ceil(load.tasks / per);
    let baseline = t.vcpu * t.baseline;
    let fleet = |amount: f64, surplus_rate: Option<&'a Rate>| {
        let above = match surplus_rate {
            Some(_) => (load.sustained_vcpu - amount * baseline).max(0.0),
            None => 0.0,
        };
        // Float noise where the baselines just cover the busy vCPUs is no surplus.
        let above = if above <= 1e-9 * load.sustained_vcpu {
            0.0
        } else {
            above
        };
        Fleet {
            kind: t,
            amount,
            by_size,
            surplus_vcpu_hours: above * load.running_hours,
            surplus_rate,
        }
    };
    let mut fleets = Vec::new();
    if t.baseline >= 1.0 {
        fleets.push(fleet(by_size, None));
    } else {
        let holds = standard_holds(t, inputs, load);
        if holds >= 1.0 {
            fleets.push(fleet(ceil(load.tasks / per.min(holds)), None));
        }
        if let Some(rate) = surplus_rate(book, t) {
            let covers = load.sustained_vcpu / baseline;
            let last = by_size.max(ceil(covers)).min(most);
            let mut amounts: Vec<f64> = [
                by_size,
                last,
                floor(covers),
                ceil(covers),
                keeps.floor(),
                keeps.ceil(),
            ]
            .into_iter()
            .filter(|n| (by_size..=last).contains(n))
            .collect();
            amounts.sort_by(f64::total_cmp);
            amounts.dedup();
            fleets.extend(amounts.into_iter().map(|n| fleet(n, Some(rate))));
        }
    }
    fleets.retain(|f| f.amount <= most);
    fleets
}

/// Hours a day an EC2 instance is up to earn CPU credits: all day when the fleet runs all month,
/// else only the running hours (instances launched for them start with no credits: T3 and T4g
/// get no launch credits,
/// https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/burstable-performance-instances-standard-mode-concepts.html).
fn ec2_up_hours(load: &Load) -> f64 {
    if load.running_hours >= HOURS_PER_MONTH - 1e-9 {
        24.0
    } else {
        load.hours_per_day()
    }
}

/// How many tasks one instance of burstable type `t` runs at once in Standard mode, each using
/// all its vCPUs while at work (see [`Load::burstable_holds`]); T instances accrue credits.
fn standard_holds(t: &InstanceType, inputs: &Inputs, load: &Load) -> f64 {
    load.burstable_holds(inputs, t.vcpu, t.baseline, true, ec2_up_hours(load))
}

fn arch_name(arm: bool) -> &'static str {
    if arm { "Arm (Graviton)" } else { "x86" }
}

/// Why no instance type fits: the task is bigger than the largest type of that architecture,
/// once the system keeps its memory.
fn no_instance(book: &PriceBook, inputs: &Inputs) -> String {
    let types = || book.instances.iter().filter(|t| t.arm == inputs.arm);
    let most_vcpu = types().max_by(|a, b| a.vcpu.total_cmp(&b.vcpu));
    let most_memory = types().max_by(|a, b| a.memory_gib.total_cmp(&b.memory_gib));
    match (most_vcpu, most_memory) {
        (Some(v), Some(m)) => format!(
            "no {} instance type in the price list holds a task of {} (most vCPUs: {}, {}; most \
             memory: {}, {} GiB, of which {} leaves tasks {} GiB)",
            arch_name(inputs.arm),
            size_text(inputs),
            v.name,
            format_number(v.vcpu),
            m.name,
            format_number(m.memory_gib),
            "the system's share",
            format_amount(m.memory_gib * (1.0 - MEMORY_KEPT_BY_OS))
        ),
        _ => format!(
            "the price list has no {} EC2 instance types",
            arch_name(inputs.arm)
        ),
    }
}

/// The EC2 discount the options apply (see [`ec2_discount`]): its price id and name. Reserved
/// here means the fleet is reservable and reserved (see `instances_for_hours`).
fn ec2_discount_of(inputs: &Inputs) -> Option<(&'static str, &'static str)> {
    if inputs.spot {
        Some(("ec2.spot.discount", "Spot"))
    } else if inputs.reserved {
        Some(("ec2.reserved.discount", "Reserved Instances"))
    } else if inputs.savings_plans {
        Some(("ec2.savings-plans.discount", "Savings Plans"))
    } else {
        None
    }
}

/// The share of On-Demand the EC2 instance lines cost after the discount the options apply
/// (see [`ec2_discount`]); 1 when none applies. Surplus credits and IPv4 addresses are not
/// discounted.
fn ec2_factor(book: &PriceBook, inputs: &Inputs) -> f64 {
    ec2_discount_of(inputs)
        .and_then(|(id, _)| book.discount(id).ok())
        .map_or(1.0, |(fraction, _)| 1.0 - fraction)
}

/// What a fleet's lines add up to for the month, as `instances_for_hours` bills them: the
/// instance-hours (the running hours, `keeps` instances between them, or every hour when
/// reserved) after the EC2 discount, the surplus credits (never discounted) and one public IPv4
/// address per instance-hour. Every candidate fleet is compared on this, its final bill, so a
/// fleet is never passed over for one that only looks cheaper before discounts.
struct Bill {
    /// The share of On-Demand the instance lines cost, after the discount ([`ec2_factor`]).
    factor: f64,
    /// Dollars per IPv4 address-hour.
    ipv4: f64,
    reserved: bool,
    keeps: f64,
    running_hours: f64,
    idle_hours: f64,
}

impl Bill {
    fn new(book: &PriceBook, inputs: &Inputs, load: &Load, keeps: f64) -> Bill {
        Bill {
            factor: ec2_factor(book, inputs),
            ipv4: book.rate("vpc.public-ipv4").map_or(0.0, |r| r.per_unit),
            reserved: inputs.reserved && !inputs.spot,
            keeps,
            running_hours: load.running_hours,
            idle_hours: (HOURS_PER_MONTH - load.running_hours).max(0.0),
        }
    }

    /// Instance-hours billed for `amount` instances while the workload runs.
    fn instance_hours(&self, amount: f64) -> f64 {
        if self.reserved {
            amount * (self.running_hours + self.idle_hours)
        } else {
            amount * self.running_hours + self.keeps.min(amount) * self.idle_hours
        }
    }

    fn month(&self, f: &Fleet) -> f64 {
        self.instance_hours(f.amount) * (f.kind.hourly * self.factor + self.ipv4)
            + f.surplus_vcpu_hours * f.surplus_rate.map_or(0.0, |r| r.per_unit)
    }
}

/// The cheapest fleet for `load.tasks` tasks, of at most `most` instances: every candidate of
/// every instance type ([`fleets_of`]) priced on its final bill ([`Bill`]), after discounts,
/// surplus credits and IPv4 addresses. A bigger load only removes candidates (the fewest
/// instances by size rise) or raises what each costs (more surplus credits), so the choice never
/// makes a bigger load cheaper.
fn service_fleet<'a>(
    book: &'a PriceBook,
    inputs: &Inputs,
    load: &Load,
    keeps: f64,
    most: f64,
) -> Result<Fleet<'a>, String> {
    let bill = Bill::new(book, inputs, load, keeps);
    book.instances
        .iter()
        .filter(|t| t.arm == inputs.arm)
        .flat_map(|t| fleets_of(book, t, inputs, load, keeps, most))
        .min_by(|a, b| cmp_cost(bill.month(a), bill.month(b)))
        .ok_or_else(|| no_instance(book, inputs))
}

fn fleet_text(book: &PriceBook, fleet: &Fleet, inputs: &Inputs, load: &Load, what: &str) -> String {
    let t = fleet.kind;
    let per = per_instance(t, inputs.vcpu, load.memory_gib);
    let burst = if t.baseline >= 1.0 {
        String::new()
    } else if fleet.surplus_rate.is_some() {
        let baseline = fleet.amount * t.vcpu * t.baseline;
        let busy = if fleet.surplus_vcpu_hours > 0.0 {
            format!(
                "of the {} vCPU the requests keep busy, the {} above the fleet's {} vCPU of \
                 baseline are billed as surplus credits",
                format_amount(load.sustained_vcpu),
                format_amount(load.sustained_vcpu - baseline),
                format_amount(baseline)
            )
        } else {
            format!(
                "the {} vCPU the requests keep busy stay within the fleet's {} vCPU of baseline, \
                 so no surplus credits are billed",
                format_amount(load.sustained_vcpu),
                format_amount(baseline)
            )
        };
        // Spot, Reserved or Savings Plans lower the instances' price, never the credits'.
        let discount = ec2_discount_of(inputs)
            .filter(|_| ec2_factor(book, inputs) < 1.0)
            .map(|(_, name)| name);
        let count = if fleet.amount > fleet.by_size {
            format!(
                "; {} instances rather than the {} that hold the {} {} by size, the busy CPU \
                 spread over all of them{}: the baseline the added instances bring costs less than \
                 the surplus credits it replaces{}",
                group_thousands(fleet.amount),
                group_thousands(fleet.by_size),
                group_thousands(load.tasks),
                noun(what, load.tasks),
                if fleet.amount > load.tasks {
                    format!(" (one {what} on each)")
                } else {
                    String::new()
                },
                discount
                    .map(|name| format!(" ({name} lowers the instances' price, not the credits')"))
                    .unwrap_or_default()
            )
        } else if fleet.surplus_vcpu_hours > 0.0 {
            format!(
                "; the surplus credits cost less here than more instances{}",
                discount
                    .map(|name| format!(", even with {name} on the instances (not on the credits)"))
                    .unwrap_or_default()
            )
        } else {
            String::new()
        };
        format!(
            "; it is burstable (a {} baseline) and runs in Unlimited mode, AWS's default for T3 \
             and T4g: {busy}{count}",
            percent(t.baseline)
        )
    } else {
        let share = load.burst_share(inputs, t.baseline, true, ec2_up_hours(load));
        format!(
            "; it is burstable, with a {} baseline{}, and plans to use {} of that (headroom for \
             peaks): {} vCPU, so it runs {} of the {} vCPU {} at once (each uses all its vCPUs \
             while at work, {} a day at the most)",
            percent(t.baseline),
            if share > t.baseline + 1e-9 {
                format!(
                    " raised to {} of each vCPU by the credits it earns in the hours its tasks \
                     are idle",
                    percent(share)
                )
            } else {
                String::new()
            },
            percent(HEADROOM),
            format_amount(t.vcpu * share * HEADROOM),
            group_thousands(standard_holds(t, inputs, load).min(per)),
            format_number(inputs.vcpu),
            noun(what, 2.0),
            noun_count(load.task_busy_hours(inputs), "hour")
        )
    };
    format!(
        "{} × {} ({} vCPU, {} GiB): the cheapest {} fleet in the price list for {} {} of {}; \
         one holds {}, with {} of its memory left to the operating system and agent ({}){burst}.",
        group_thousands(fleet.amount),
        t.name,
        format_number(t.vcpu),
        format_number(t.memory_gib),
        arch_name(inputs.arm),
        group_thousands(load.tasks),
        noun(what, load.tasks),
        size_text(inputs),
        group_thousands(per),
        percent(MEMORY_KEPT_BY_OS),
        MEMORY_KEPT_SOURCE,
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

/// How a service runs its fleet: instances kept between the running hours, whether Reserved
/// applies, and the most instances it can run.
#[derive(Debug, Clone, Copy)]
struct Rules {
    keeps: f64,
    reservable: bool,
    most: f64,
}

/// Scales to zero, reservable, any number of instances: ECS on EC2 and EKS.
const SCALES_TO_ZERO: Rules = Rules {
    keeps: 0.0,
    reservable: true,
    most: f64::INFINITY,
};

/// ECS on EC2, EKS nodes, Batch on EC2 and Beanstalk instances: the same fleet over the running
/// hours, with one public IPv4 address per instance-hour. `keeps` instances stay up between the
/// running hours (Beanstalk keeps one; ECS, EKS and Batch capacity scale to zero), unless the
/// fleet is reserved and billed all month anyway. `reservable` is false for Batch.
fn instances_for_hours(
    book: &PriceBook,
    inputs: &Inputs,
    load: &Load,
    what: &str,
    rules: Rules,
    a: &mut Notes,
) -> Result<Vec<LineItem>, String> {
    let Rules {
        keeps,
        reservable,
        most,
    } = rules;
    let plain = Inputs {
        reserved: inputs.reserved && reservable,
        ..*inputs
    };
    let inputs = &plain;
    let fleet = service_fleet(book, inputs, load, keeps, most)?;
    let rate = book.rate(&fleet.kind.price_id)?;
    let idle = HOURS_PER_MONTH - load.running_hours;
    let reserved = inputs.reserved && !inputs.spot;
    a.say(|| tasks_text(load, inputs, what));
    a.say(|| fleet_text(book, &fleet, inputs, load, what));
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
    a.say(|| format!("Instances run {}{between}.", running(load, inputs)));
    let mut lines = vec![charge(
        format!(
            "EC2 {}: {} × {} h",
            fleet.kind.name,
            group_thousands(fleet.amount),
            format_amount(load.running_hours)
        ),
        fleet.amount * load.running_hours,
        rate,
    )];
    let mut instance_hours = fleet.amount * load.running_hours;
    if reserved && idle > 0.0 {
        lines.push(charge(
            format!(
                "EC2 {}: reserved but idle, {} × {} h",
                fleet.kind.name,
                group_thousands(fleet.amount),
                format_amount(idle)
            ),
            fleet.amount * idle,
            rate,
        ));
        instance_hours += fleet.amount * idle;
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
                format_amount(idle)
            ),
            kept * idle,
            rate,
        ));
        instance_hours += kept * idle;
    }
    if let (Some(surplus), true) = (fleet.surplus_rate, fleet.surplus_vcpu_hours > 0.0) {
        lines.push(charge(
            format!(
                "Surplus CPU credits above the {} baseline (Unlimited mode)",
                fleet.kind.name
            ),
            fleet.surplus_vcpu_hours,
            surplus,
        ));
    }
    ec2_discount(book, inputs, &mut lines, a, reservable);
    lines.push(ipv4_line(book, instance_hours, "instance", a)?);
    // The fleet was chosen on what these lines add up to; they must agree.
    debug_assert!(
        {
            let billed: f64 = lines.iter().map(|l| l.amount).sum();
            let bill = Bill::new(book, inputs, load, keeps).month(&fleet);
            cmp_cost(billed, bill).is_eq() || (billed - bill).abs() < 1e-9
        },
        "the fleet's lines do not add up to the bill it was chosen on: {lines:?}"
    );
    Ok(lines)
}

pub fn ecs_ec2(
    book: &PriceBook,
    inputs: &Inputs,
    load: &Load,
    a: &mut Notes,
) -> Result<Vec<LineItem>, String> {
    let mut lines = instances_for_hours(book, inputs, load, "task", SCALES_TO_ZERO, a)?;
    lines.extend(no_charge(book, "ecs.control-plane", "Amazon ECS itself"));
    lines.extend(alb_lines(book, inputs, a)?);
    a.say(|| "EBS root volumes are not included.".into());
    Ok(lines)
}

pub fn eks(
    book: &PriceBook,
    inputs: &Inputs,
    load: &Load,
    a: &mut Notes,
) -> Result<Vec<LineItem>, String> {
    let mut lines = instances_for_hours(book, inputs, load, "pod", SCALES_TO_ZERO, a)?;
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
    lines.extend(alb_lines(book, inputs, a)?);
    Ok(lines)
}

/// AWS Batch: the compute for the jobs, on EC2 (the default) or Fargate; Batch itself adds no
/// charge. Only work that ends ([`Inputs::jobs`]) is priced: a Batch job runs and stops.
pub fn batch(
    book: &PriceBook,
    inputs: &Inputs,
    load: &Load,
    a: &mut Notes,
) -> Result<Vec<LineItem>, String> {
    if !inputs.jobs {
        return Err(
            "AWS Batch runs jobs that end, not a service that serves requests all the time; \
             price it as jobs that end (--jobs, or the Cost tab's \"Jobs that end\")"
                .into(),
        );
    }
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
    a.say(|| {
        "Batch queues each job and starts it in seconds to minutes: it suits work that can \
             wait, not requests someone is waiting on."
            .into()
    });
    let mut lines = match inputs.batch_on {
        BatchCompute::Ec2 => batch_on_ec2(book, inputs, load, a)?,
        BatchCompute::Fargate => batch_on_fargate(book, inputs, load, a)?,
    };
    lines.extend(no_charge(book, "batch.service", "AWS Batch itself"));
    Ok(lines)
}

/// Batch on EC2: the same whole instances ECS on EC2 would run for the jobs, scaling to zero
/// between them; never reserved (its instances come and go with the queue).
fn batch_on_ec2(
    book: &PriceBook,
    inputs: &Inputs,
    load: &Load,
    a: &mut Notes,
) -> Result<Vec<LineItem>, String> {
    a.say(|| {
        format!(
            "Each request is one job of {}: {} job-hours a month, on the instances ECS on EC2 \
             would run for them (whole instances while jobs run; start-up time is not included).",
            size_text(inputs),
            format_amount(load.job_hours)
        )
    });
    let lines = instances_for_hours(
        book,
        inputs,
        load,
        "job",
        Rules {
            reservable: false,
            ..SCALES_TO_ZERO
        },
        a,
    )?;
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
    if !inputs.load_balancer {
        // A single-instance environment: one instance, running all month
        // (https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/using-features-managing-env-types.html).
        let single = Load {
            running_hours: HOURS_PER_MONTH,
            ..*load
        };
        let all_day = Inputs {
            hours_per_day: 24.0,
            hours_given: true,
            ..*inputs
        };
        if service_fleet(book, &all_day, &single, 0.0, 1.0).is_err() {
            return Err(
                "needs more than one instance, and without a load balancer Elastic Beanstalk is \
                 a single-instance environment; turn the load balancer on"
                    .into(),
            );
        }
        let mut lines = instances_for_hours(
            book,
            &all_day,
            &single,
            "instance copy",
            Rules {
                most: 1.0,
                ..SCALES_TO_ZERO
            },
            a,
        )?;
        a.say(|| {
            "A single-instance environment (no load balancer): one instance, running all 730 \
             hours."
                .into()
        });
        lines.extend(no_charge(
            book,
            "elastic-beanstalk.service",
            "Elastic Beanstalk itself",
        ));
        return Ok(lines);
    }
    let mut lines = instances_for_hours(
        book,
        inputs,
        load,
        "instance copy",
        Rules {
            keeps: BEANSTALK_MIN_INSTANCES,
            ..SCALES_TO_ZERO
        },
        a,
    )?;
    lines.extend(alb_lines(book, inputs, a)?);
    lines.extend(no_charge(
        book,
        "elastic-beanstalk.service",
        "Elastic Beanstalk itself",
    ));
    a.say(|| {
        "A load-balanced environment: it keeps at least one instance between the running hours, \
         and its Application Load Balancer runs all 730 hours."
            .into()
    });
    Ok(lines)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{EMBEDDED, parse};

    fn book() -> PriceBook {
        PriceBook::new(&parse(EMBEDDED, "decisions.ron").expect("the data loads"))
    }

    /// The cheapest fleet by brute force: every type, every count from the fewest by size to past where
    /// the baselines cover the busy vCPUs, in Standard mode where it fits and in Unlimited mode.
    fn cheapest_by_every_count(
        book: &PriceBook,
        inputs: &Inputs,
        load: &Load,
        keeps: f64,
        most: f64,
    ) -> Option<f64> {
        let bill = Bill::new(book, inputs, load, keeps);
        let mut best: Option<f64> = None;
        for t in book.instances.iter().filter(|t| t.arm == inputs.arm) {
            let per = per_instance(t, inputs.vcpu, load.memory_gib);
            if per < 1.0 {
                continue;
            }
            let by_size = ceil(load.tasks / per);
            let baseline = t.vcpu * t.baseline;
            let holds = standard_holds(t, inputs, load);
            let standard_fits = t.baseline >= 1.0 || holds >= 1.0;
            let rate = (t.baseline < 1.0).then(|| surplus_rate(book, t)).flatten();
            let top = by_size.max(ceil(load.sustained_vcpu / baseline)) + 3.0;
            let mut n = by_size;
            while n <= top.min(most) {
                let standard =
                    standard_fits && (t.baseline >= 1.0 || n * per.min(holds) >= load.tasks);
                let mut costs = Vec::new();
                if standard {
                    costs.push(bill.month(&Fleet {
                        kind: t,
                        amount: n,
                        by_size,
                        surplus_vcpu_hours: 0.0,
                        surplus_rate: None,
                    }));
                }
                if let Some(rate) = rate {
                    let above = (load.sustained_vcpu - n * baseline).max(0.0);
                    costs.push(bill.month(&Fleet {
                        kind: t,
                        amount: n,
                        by_size,
                        surplus_vcpu_hours: above * load.running_hours,
                        surplus_rate: Some(rate),
                    }));
                }
                for c in costs {
                    best = Some(best.map_or(c, |b: f64| b.min(c)));
                }
                n += 1.0;
            }
        }
        best
    }

    #[test]
    fn the_candidates_include_the_cheapest_count_of_every_type() {
        let book = book();
        let mut checked = 0;
        for requests in [1e5, 146_630.0, 3e6, 2e7, 1e8] {
            for duration_ms in [50.0, 400.0, 5_408.0] {
                for memory_mb in [32.0, 600.0, 1_169.0, 3_000.0] {
                    for vcpu in [0.25, 0.5, 2.0] {
                        for hours_per_day in [1.0, 24.0] {
                            for (spot, reserved, savings_plans) in [
                                (false, false, false),
                                (true, false, false),
                                (false, true, false),
                                (false, false, true),
                            ] {
                                for (keeps, most) in [(0.0, f64::INFINITY), (1.0, 1.0), (1.0, 50.0)]
                                {
                                    let inputs = Inputs {
                                        requests,
                                        duration_ms,
                                        memory_mb,
                                        vcpu,
                                        vcpu_given: true,
                                        hours_per_day,
                                        free_tier: false,
                                        spot,
                                        reserved,
                                        savings_plans,
                                        ..Inputs::default()
                                    };
                                    let load = Load::new(&inputs);
                                    let bill = Bill::new(&book, &inputs, &load, keeps);
                                    let chosen = service_fleet(&book, &inputs, &load, keeps, most)
                                        .ok()
                                        .map(|f| bill.month(&f));
                                    let best =
                                        cheapest_by_every_count(&book, &inputs, &load, keeps, most);
                                    match (chosen, best) {
                                        (Some(c), Some(b)) => assert!(
                                            cmp_cost(c, b).is_le(),
                                            "chose {c}, but {b} was possible: {inputs:?}, \
                                             keeps {keeps}, most {most}"
                                        ),
                                        (c, b) => assert_eq!(
                                            c.is_some(),
                                            b.is_some(),
                                            "{inputs:?}, most {most}"
                                        ),
                                    }
                                    checked += 1;
                                }
                            }
                        }
                    }
                }
            }
        }
        assert!(checked > 1_000);
    }
}
