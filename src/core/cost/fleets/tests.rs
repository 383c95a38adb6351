//! Unit tests for the fleet choice: the candidates always include the cheapest fleet.

use super::choice::{Bill, Fleet, per_instance, service_fleet, standard_holds, surplus_rate};
use crate::cost::Inputs;
use crate::cost::prices::PriceBook;
use crate::cost::services::{Load, ceil, cmp_cost};
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
            let standard = standard_fits && (t.baseline >= 1.0 || n * per.min(holds) >= load.tasks);
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
                            for (keeps, most) in [(0.0, f64::INFINITY), (1.0, 1.0), (1.0, 50.0)] {
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
