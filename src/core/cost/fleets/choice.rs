//! Which fleet of EC2 instances runs the load: every candidate fleet of every instance type
//! ([`fleets_of`]), each priced on its final bill ([`Bill`]), and the cheapest chosen
//! ([`service_fleet`]).

use crate::cost::prices::{InstanceType, PriceBook, Rate};
use crate::cost::services::{
    Load, MEMORY_KEPT_BY_OS, ceil, cmp_cost, floor, per_server, size_text,
};
use crate::cost::units::{format_amount, format_number};
use crate::cost::{HOURS_PER_MONTH, Inputs};

/// A fleet of one instance type: one of the candidates for the load (see [`fleets_of`]), and once
/// chosen the cheapest of them on the month's bill (see [`service_fleet`]).
pub(super) struct Fleet<'a> {
    pub(super) kind: &'a InstanceType,
    /// Instances while the workload runs.
    pub(super) amount: f64,
    /// Instances the tasks need by size (vCPUs and memory); `amount` is more when the busy CPU
    /// is given more instances' baselines instead of surplus credits (or Standard mode's
    /// headroom asks for more).
    pub(super) by_size: f64,
    /// For a burstable type in Unlimited mode: vCPU-hours above the fleet's baseline, billed as
    /// surplus CPU credits; 0 otherwise.
    pub(super) surplus_vcpu_hours: f64,
    /// The surplus credit price when the fleet runs in Unlimited mode (even if no surplus is
    /// billed); `None` for fixed-performance types and burstable ones in Standard mode.
    pub(super) surplus_rate: Option<&'a Rate>,
}

pub(super) fn per_instance(kind: &InstanceType, vcpu: f64, gib: f64) -> f64 {
    per_server(kind.vcpu, kind.memory_gib, vcpu, gib)
}

/// The surplus-credit price for a T-family type's family (`burstable.t3.surplus`), if the data
/// has one. T3 and T4g launch in Unlimited mode by default, billing CPU above the baseline as
/// surplus credits (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/burstable-performance-instances-unlimited-mode.html).
pub(super) fn surplus_rate<'a>(book: &'a PriceBook, kind: &InstanceType) -> Option<&'a Rate> {
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
///
/// [`HEADROOM`]: crate::cost::HEADROOM
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
pub(super) fn ec2_up_hours(load: &Load) -> f64 {
    if load.running_hours >= HOURS_PER_MONTH - 1e-9 {
        24.0
    } else {
        load.hours_per_day()
    }
}

/// How many tasks one instance of burstable type `t` runs at once in Standard mode, each using
/// all its vCPUs while at work (see [`Load::burstable_holds`]); T instances accrue credits.
pub(super) fn standard_holds(t: &InstanceType, inputs: &Inputs, load: &Load) -> f64 {
    load.burstable_holds(inputs, t.vcpu, t.baseline, true, ec2_up_hours(load))
}

pub(super) fn arch_name(arm: bool) -> &'static str {
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

/// The EC2 discount the options apply (see `billing::ec2_discount`): its price id and name. Reserved
/// here means the fleet is reservable and reserved (see `instances_for_hours`).
pub(super) fn ec2_discount_of(inputs: &Inputs) -> Option<(&'static str, &'static str)> {
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
/// (see `billing::ec2_discount`); 1 when none applies. Surplus credits and IPv4 addresses are not
/// discounted.
pub(super) fn ec2_factor(book: &PriceBook, inputs: &Inputs) -> f64 {
    ec2_discount_of(inputs)
        .and_then(|(id, _)| book.discount(id).ok())
        .map_or(1.0, |(fraction, _)| 1.0 - fraction)
}

/// What a fleet's lines add up to for the month, as `instances_for_hours` bills them: the
/// instance-hours (the running hours, `keeps` instances between them, or every hour when
/// reserved) after the EC2 discount, the surplus credits (never discounted) and one public IPv4
/// address per instance-hour. Every candidate fleet is compared on this, its final bill, so a
/// fleet is never passed over for one that only looks cheaper before discounts.
pub(super) struct Bill {
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
    pub(super) fn new(book: &PriceBook, inputs: &Inputs, load: &Load, keeps: f64) -> Bill {
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

    pub(super) fn month(&self, f: &Fleet) -> f64 {
        self.instance_hours(f.amount) * (f.kind.hourly * self.factor + self.ipv4)
            + f.surplus_vcpu_hours * f.surplus_rate.map_or(0.0, |r| r.per_unit)
    }
}

/// The cheapest fleet for `load.tasks` tasks, of at most `most` instances: every candidate of
/// every instance type ([`fleets_of`]) priced on its final bill ([`Bill`]), after discounts,
/// surplus credits and IPv4 addresses. A bigger load only removes candidates (the fewest
/// instances by size rise) or raises what each costs (more surplus credits), so the choice never
/// makes a bigger load cheaper.
pub(super) fn service_fleet<'a>(
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
