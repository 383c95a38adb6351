//! The sentence that explains a chosen fleet: its instances, what one holds, and how a burstable
//! type supplies the CPU the requests keep busy.

use super::choice::{
    Fleet, arch_name, ec2_discount_of, ec2_factor, ec2_up_hours, per_instance, standard_holds,
};
use crate::cost::Inputs;
use crate::cost::prices::PriceBook;
use crate::cost::services::{
    HEADROOM, Load, MEMORY_KEPT_BY_OS, MEMORY_KEPT_SOURCE, noun, noun_count, percent, size_text,
};
use crate::cost::units::{format_amount, format_number};
use crate::data::group_thousands;

pub(super) fn fleet_text(
    book: &PriceBook,
    fleet: &Fleet,
    inputs: &Inputs,
    load: &Load,
    what: &str,
) -> String {
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
