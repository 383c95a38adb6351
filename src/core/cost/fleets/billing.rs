//! A chosen fleet on the bill: its instance-hours over the running hours (and between them, when
//! instances are kept or reserved), surplus CPU credits, the EC2 discount the options ask for
//! (Spot, Reserved Instances, Savings Plans) and a public IPv4 address per instance-hour.

use super::choice::{Bill, service_fleet};
use super::text::fleet_text;
use crate::cost::prices::PriceBook;
use crate::cost::services::{
    Commitment, Load, Notes, charge, cmp_cost, commitment, discount_line, ipv4_line, noun, percent,
    running, savings, tasks_text,
};
use crate::cost::units::format_amount;
use crate::cost::{HOURS_PER_MONTH, Inputs, LineItem};
use crate::data::group_thousands;

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
pub(super) struct Rules {
    pub(super) keeps: f64,
    pub(super) reservable: bool,
    pub(super) most: f64,
}

/// Scales to zero, reservable, any number of instances: ECS on EC2 and EKS.
pub(super) const SCALES_TO_ZERO: Rules = Rules {
    keeps: 0.0,
    reservable: true,
    most: f64::INFINITY,
};

/// ECS on EC2, EKS nodes, Batch on EC2 and Beanstalk instances: the same fleet over the running
/// hours, with one public IPv4 address per instance-hour. `keeps` instances stay up between the
/// running hours (Beanstalk keeps one; ECS, EKS and Batch capacity scale to zero), unless the
/// fleet is reserved and billed all month anyway. `reservable` is false for Batch.
pub(super) fn instances_for_hours(
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
