//! The cost model's harder cases (tasks placed on instances, burst credits, quotas, batch, load
//! balancers, public IPv4, break-evens), each with its hand computation and the source of every
//! rule it uses.
//!
//! Prices: decisions.ron (us-east-1, On-Demand, Linux). Public IPv4 $0.005 an hour
//! (https://aws.amazon.com/vpc/pricing/), so $3.65 for a month.

use crate::support::{
    assert_assumes, assert_assumes_all, has_price, model, priced_by, service, total,
};
use computepick::cost::{Fit, Inputs, SweepRange};

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * b.abs().max(1.0)
}

/// `cost --requests 30 --duration 2h --jobs --vcpu 4 --memory {memory_gb}GB
/// --no-load-balancer`: a nightly job of 2 hours, 30 a month.
fn nightly_job(memory_gb: f64) -> Inputs {
    Inputs {
        requests: 30.0,
        duration_ms: 2.0 * 3_600e3,
        memory_mb: memory_gb * 1024.0,
        vcpu: 4.0,
        vcpu_given: true,
        jobs: true,
        load_balancer: false,
        ..Inputs::default()
    }
}

/// `cost --requests 730 --duration 1h --memory 32GB --vcpu 8`, no load balancer.
fn exact_fit() -> Inputs {
    Inputs {
        requests: 730.0,
        duration_ms: 3_600e3,
        memory_mb: 32.0 * 1024.0,
        vcpu: 8.0,
        vcpu_given: true,
        load_balancer: false,
        ..Inputs::default()
    }
}

#[test]
fn a_task_asking_for_all_of_an_instances_memory_goes_on_the_next_instance() {
    // AWS: the OS and ECS agent keep some of an instance's memory; a task asking for all of it
    // cannot be placed (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/memory-management.html,
    // https://docs.aws.amazon.com/batch/latest/userguide/memory-management.html); 5% is kept
    // (https://docs.aws.amazon.com/batch/latest/userguide/ecs-reserved-memory.html).
    // 730 × 1 h ÷ 730 h = 1 task of 8 vCPU / 32 GiB. m5.2xlarge: 32 × 0.95 = 30.4 GiB < 32, so
    // the r5.2xlarge (64 GiB): 730 h × $0.504 = $367.92, + $3.65 IPv4 = $371.57.
    // Fargate 8 vCPU / 32 GB: 730 × (8 × $0.04048 + 32 × $0.004445) = $340.2384, + $3.65.
    let m = model();
    let ecs = service(&m, "ecs-ec2", &exact_fit());
    assert!(ecs.breakdown[0].label.contains("r5.2xlarge"), "{ecs:?}");
    assert!(close(ecs.total.unwrap_or_default(), 367.92 + 3.65));
    let fargate = total(&m, "fargate", &exact_fit());
    assert!(close(fargate, 340.2384 + 3.65), "{fargate}");
    // So Fargate is the cheaper one: the ranking the issue expected.
    assert!(fargate < ecs.total.unwrap_or_default());
    assert_assumes(&ecs, "5% of its memory left");
    // 2 vCPU / 8 GB likewise: not an m5.large (8 GiB → 7.6), but an r5.large (16 GiB):
    // 730 h × $0.126 = $91.98, + $3.65.
    let small = Inputs {
        vcpu: 2.0,
        memory_mb: 8.0 * 1024.0,
        ..exact_fit()
    };
    let s = service(&m, "ecs-ec2", &small);
    assert!(s.breakdown[0].label.contains("r5.large"), "{s:?}");
    assert!(close(s.total.unwrap_or_default(), 91.98 + 3.65));
}

#[test]
fn one_task_runs_on_one_lightsail_instance_that_can_hold_it() {
    // One 2-vCPU task busy all the time (730 requests × 1 h over 730 h). A task runs on one
    // server, which must sustain its 2 busy vCPUs at 80% of the CPU it sustains (headroom; a
    // bundle out of burst capacity is held at its baseline,
    // https://docs.aws.amazon.com/lightsail/latest/userguide/baseline-cpu-performance.html):
    // $12 (2 vCPU × 20% × 0.8 = 0.32), $84 (4 × 40% × 0.8 = 1.28) cannot; $164 (8 × 40% × 0.8 =
    // 2.56) can: one $164 bundle, not five $12 bundles and a load balancer.
    let m = model();
    let one = Inputs {
        vcpu: 2.0,
        memory_mb: 2.0 * 1024.0,
        ..exact_fit()
    };
    let s = service(&m, "lightsail", &one);
    assert!(close(s.total.unwrap_or_default(), 164.0), "{s:?}");
    assert_eq!(
        s.breakdown.len(),
        1,
        "no load balancer for one instance: {s:?}"
    );
}

#[test]
fn idle_hours_earn_burst_capacity_so_a_short_day_is_not_dearer() {
    // `cost --requests 30 --duration 2h --jobs --vcpu 4 --memory 4GB`: a nightly 4 vCPU / 4 GB
    // job of 2 hours, 30 a month, 60 job-hours. A job uses its 4 vCPUs for the 2 hours it runs,
    // whatever the monthly average (60 ÷ 730 × 4 = 0.33 vCPU, which used to put it on the $84
    // bundle at 24 h/day, then on dearer bundles the shorter the day: $84, $164 at 2 h, $328 at
    // 1 h). A Lightsail bundle runs all month and earns burst capacity in the hours its copy is
    // idle, for up to 24 hours of earnings
    // (https://docs.aws.amazon.com/lightsail/latest/userguide/baseline-cpu-performance.html); the
    // estimate plans 80% of what it sustains. One job at a time, so one copy, at work at most
    // 60 h ÷ (730 ÷ 24) days = 1.973 h a day:
    //   $84 (4 vCPU, 40%, accrues): min(1, 40% × 24 ÷ 1.973) = 100% → 0.8 × 4 = 3.2 < 4: no.
    //   $144 memory-optimized (4 vCPU, 40%, accrues none): 0.8 × 40% × 4 = 1.28 < 4: no.
    //   $164 (8 vCPU, 40%, accrues): 100% → 0.8 × 8 = 6.4 ≥ 4, 32 GB × 95% ≥ 4 GB: one, $164.
    //   ($384, 16 vCPU accruing none: 0.8 × 40% × 16 = 5.12 ≥ 4, but dearer.)
    // Stated hours a day change nothing: from 24 down to 2 the copy is at work the same 1.973 h a
    // day; below 2 a job still runs its 2 hours, so the day is taken as 2 hours (not two jobs
    // side by side, which used to take two $164 bundles).
    let m = model();
    let nightly = nightly_job(4.0);
    assert!(close(total(&m, "lightsail", &nightly), 164.0));
    let mut previous = f64::INFINITY;
    for hours in [24.0, 12.0, 8.0, 4.0, 3.0, 2.0, 1.5, 1.0, 0.5] {
        let i = Inputs {
            hours_per_day: hours,
            hours_given: true,
            ..nightly
        };
        let s = service(&m, "lightsail", &i);
        let cost = s.total.unwrap_or_default();
        assert!(close(cost, 164.0), "{hours} h/day: {s:?}");
        assert!(cost <= previous + 1e-9, "{hours} h/day dearer: {cost}");
        previous = cost;
        assert!(close(s.breakdown[0].quantity, 1.0), "{s:?}");
        assert!(
            s.breakdown[0].label.contains("32 GB memory, 8 vCPU"),
            "{s:?}"
        );
    }
    // The assumptions say a 1-hour day was taken as the job's 2 hours.
    let e = m
        .estimate(&Inputs {
            hours_per_day: 1.0,
            hours_given: true,
            ..nightly
        })
        .expect("valid");
    assert!(
        e.assumptions.iter().any(|a| a.contains(
            "spread over 2 hours a day: a job runs its whole 2 h, so the 1 hour stated is taken \
             as that"
        )),
        "{:?}",
        e.assumptions
    );
    // With 16 GB a task, the same: the $164 bundle (30.4 GB for tasks) at every hour a day.
    for hours in [24.0, 2.0, 1.0] {
        let i = Inputs {
            memory_mb: 16.0 * 1024.0,
            hours_per_day: hours,
            hours_given: true,
            ..nightly
        };
        assert!(close(total(&m, "lightsail", &i), 164.0), "{hours} h/day");
    }
    // Two jobs a night that must both finish in the same 2 hours run side by side: 60 jobs × 2 h
    // in 2 h a day = 1.973 at once, 2 copies, each at work 2 h a day. The $164 bundle runs one at
    // a time (6.4 ÷ 4 = 1), so two: $328. That is dearer than 4 h a day (one at a time, $164)
    // because the day asks for twice the CPU at once, not because idle hours are missed.
    let two_a_night = |hours: f64| Inputs {
        requests: 60.0,
        hours_per_day: hours,
        hours_given: true,
        ..nightly
    };
    assert!(close(total(&m, "lightsail", &two_a_night(4.0)), 164.0));
    assert!(close(total(&m, "lightsail", &two_a_night(2.0)), 328.0));
}

#[test]
fn a_burstable_ec2_instance_in_standard_mode_must_run_a_task_at_its_full_vcpus() {
    // The same nightly job on ECS on EC2 at 24 h a day: a t3.xlarge (4 vCPU, 40%) in Standard
    // mode would plan 0.8 × 4 = 3.2 vCPU at most, short of the job's 4, so it is not a Standard
    // fleet; T3 launches in Unlimited mode
    // (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/burstable-performance-instances-unlimited-mode.html),
    // where the 24-hour average (0.33 vCPU) stays within the 1.6 vCPU baseline: no surplus.
    // One t3.xlarge all month: 730 × $0.1664 + $3.65 = $125.12.
    let m = model();
    let i = Inputs {
        hours_per_day: 24.0,
        hours_given: true,
        ..nightly_job(4.0)
    };
    let s = service(&m, "ecs-ec2", &i);
    assert!(
        close(s.total.unwrap_or_default(), 730.0 * 0.1664 + 3.65),
        "{s:?}"
    );
    assert_assumes(&s, "Unlimited mode");
}

#[test]
fn t3_unlimited_surplus_credits_are_used_where_cheaper() {
    // 10M × 200 ms at 0.25 vCPU: 0.19 busy vCPU. A t3.micro's baseline is 10% of 2 vCPU = 0.2;
    // Standard mode plans only 80% of it (0.16), needing 2 instances; T3 launches in Unlimited
    // mode by default, billing CPU above the baseline as surplus credits ($0.05 a vCPU-hour,
    // https://aws.amazon.com/ec2/pricing/on-demand/), here none: one t3.micro, $7.592 + $3.65.
    let m = model();
    let i = Inputs {
        load_balancer: false,
        ..Inputs::default()
    };
    let s = service(&m, "ecs-ec2", &i);
    assert!(s.breakdown[0].label.contains("t3.micro: 1 ×"), "{s:?}");
    assert!(close(s.total.unwrap_or_default(), 7.592 + 3.65));
    // One 2-vCPU task serving 10 requests at once, 20M × 200 ms: 1.522 in flight → 1 task,
    // 1.522 × 2 ÷ 10 = 0.3044 vCPU busy. A t3.micro holds it by size; 0.1044 vCPU above its 0.2
    // baseline × 730 h = 76.22 vCPU-hours × $0.05 = $3.81 of surplus credits: $7.592 + $3.81 +
    // $3.65 = $15.05, cheaper than a t3.small sized for the CPU ($15.184 + $3.65).
    let busy = Inputs {
        requests: 20e6,
        vcpu: 2.0,
        vcpu_given: true,
        per_task_concurrency: 10.0,
        ..i
    };
    let s = service(&m, "ecs-ec2", &busy);
    assert!(s.breakdown[0].label.contains("t3.micro: 1 ×"), "{s:?}");
    let surplus =
        priced_by(&s, "burstable.t3.surplus").unwrap_or_else(|| panic!("surplus credits: {s:?}"));
    let busy_vcpu = 20e6 * 0.2 / (730.0 * 3_600.0) * 2.0 / 10.0;
    assert!(
        close(surplus.quantity, (busy_vcpu - 0.2) * 730.0),
        "{surplus:?}"
    );
}

#[test]
fn discounted_burstable_fleets_weigh_more_instances_against_surplus_credits() {
    // 146,630 × 5.408 s at 0.5 vCPU, 1 hour a day, Spot, load-balanced Beanstalk: 7.242 requests
    // in flight, 8 copies, 3.621 vCPU busy. Spot takes 90% off a t3.small ($0.0208 → $0.00208 an
    // hour, + $0.005 IPv4) but not its surplus credits ($0.05 a vCPU-hour), so each t3.small's
    // 0.4 vCPU of baseline ($0.02 of credits an hour) costs more as credits than as an instance.
    // At 32 MB the 8 copies fit 2 instances by size, but the cheapest fleet adds instances until
    // the baselines (nearly) cover the busy CPU: 9 × t3.small, 0.021 vCPU of surplus. At 1,169 MB
    // a t3.small holds one copy, so the same 9 are still the cheapest: memory never lowers it.
    let m = model();
    let small = Inputs {
        requests: 146_630.0,
        duration_ms: 5_408.0,
        memory_mb: 32.0,
        vcpu: 0.5,
        vcpu_given: true,
        hours_per_day: 1.0,
        free_tier: false,
        spot: true,
        ..Inputs::default()
    };
    let large = Inputs {
        memory_mb: 1_169.0,
        ..small
    };
    let running = 730.0 / 24.0;
    let busy = 146_630.0 * 5.408 / (running * 3_600.0) * 0.5;
    for i in [small, large] {
        let s = service(&m, "elastic-beanstalk", &i);
        assert!(
            s.breakdown[0].label.starts_with("EC2 t3.small: 9 ×"),
            "{s:?}"
        );
        let surplus = priced_by(&s, "burstable.t3.surplus")
            .unwrap_or_else(|| panic!("surplus credits: {s:?}"));
        assert!(
            close(surplus.quantity, (busy - 9.0 * 0.4) * running),
            "{surplus:?}"
        );
        assert_assumes_all(
            &s,
            &[
                "9 instances rather than the",
                "Spot lowers the instances' price, not the credits'",
            ],
        );
    }
    assert!(
        total(&m, "elastic-beanstalk", &small) <= total(&m, "elastic-beanstalk", &large) + 1e-9
    );
    // On-Demand, baseline costs more as instances than as credits (a t3.micro's 0.2 vCPU: $0.0154
    // an hour with its address against $0.01 of credits): 2 × t3.micro, the fewest the copies
    // need by size, and surplus credits for the rest.
    let on_demand = Inputs {
        spot: false,
        ..small
    };
    let s = service(&m, "elastic-beanstalk", &on_demand);
    assert!(
        s.breakdown[0].label.starts_with("EC2 t3.micro: 2 ×"),
        "{s:?}"
    );
}

#[test]
fn quotas_warn_or_rule_out_with_their_source() {
    // 1B requests × 10 s over 730 h = 3,805.2 concurrent executions, past Lambda's default 1,000
    // (https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html): priced, warned.
    let m = model();
    let i = Inputs {
        requests: 1e9,
        duration_ms: 10e3,
        memory_mb: 1024.0,
        ..Inputs::default()
    };
    let lambda = service(&m, "lambda", &i);
    assert!(lambda.fits());
    assert!(
        lambda.warnings.iter().any(|w| w.contains("3,806")
            && w.contains("1,000")
            && w.contains("gettingstarted-limits")),
        "{:?}",
        lambda.warnings
    );
    // Lightsail would need 47 instances, past its 20 per account
    // (https://docs.aws.amazon.com/general/latest/gr/lightsail.html).
    let lightsail = service(&m, "lightsail", &i);
    assert!(!lightsail.fits());
    let why = lightsail.reason.unwrap_or_default();
    assert!(
        why.contains("does not fit without a quota increase") && why.contains("20"),
        "{why}"
    );
}

#[test]
fn a_nightly_job_is_priced_for_the_hours_it_runs() {
    // 30 runs a month of 2 h, 4 vCPU / 16 GB, as jobs that end: 60 task-hours on Fargate,
    // each run billed per second (Linux, 1-minute minimum; https://aws.amazon.com/fargate/pricing/):
    // 60 × (4 × $0.04048 + 16 × $0.004445) = $13.9824, + 60 IPv4-hours × $0.005 = $0.30.
    // As an always-on service it was 730 h: $170.12.
    let m = model();
    let nightly = nightly_job(16.0);
    assert!(close(total(&m, "fargate", &nightly), 13.9824 + 0.3));
}

#[test]
fn batch_is_priced_only_for_work_that_ends_on_the_instances_ecs_would_run() {
    // `--requests 1k --duration 1h --memory 32GB --vcpu 8`: served all the time, Batch does
    // not fit (its jobs end); as jobs, Batch on EC2 costs what ECS on EC2 costs on the same
    // whole instances: 1,000 job-hours over 730 h = 1.37 at once → 2 jobs of 8 vCPU / 32 GB,
    // which one r5.4xlarge (16 vCPU, 128 GiB) holds: 730 h × $1.008 = $735.84, + $3.65 (two
    // r5.2xlarge cost the same but need two addresses).
    let m = model();
    let service_like = Inputs {
        requests: 1e3,
        ..exact_fit()
    };
    let batch = service(&m, "batch", &service_like);
    assert!(!batch.fits());
    let jobs = Inputs {
        jobs: true,
        ..service_like
    };
    let b = total(&m, "batch", &jobs);
    assert!(close(b, 735.84 + 3.65), "{b}");
    assert!(close(b, total(&m, "ecs-ec2", &jobs)));
}

#[test]
fn one_load_balancer_switch_for_every_service_that_needs_one() {
    // On: Fargate, ECS, EKS and Beanstalk each add an ALB, 730 h × $0.0225 = $16.425, its LCUs
    // and its two IPv4 addresses ($7.30); Lightsail its $18 load balancer; Lambda nothing
    // (https://aws.amazon.com/elasticloadbalancing/pricing/, https://aws.amazon.com/lightsail/pricing/).
    let m = model();
    let on = Inputs::default();
    let off = Inputs {
        load_balancer: false,
        ..on
    };
    let lcu = 10e6 / (25.0 * 3_600.0) * 0.008;
    for id in ["fargate", "ecs-ec2", "eks"] {
        let d = total(&m, id, &on) - total(&m, id, &off);
        assert!(close(d, 16.425 + lcu + 7.3), "{id}: {d}");
    }
    let d = total(&m, "lightsail", &on) - total(&m, "lightsail", &off);
    assert!(close(d, 18.0), "{d}");
    assert!(close(total(&m, "lambda", &on), total(&m, "lambda", &off)));
    // Off, Beanstalk is a single-instance environment: one instance or does not fit.
    let eb = service(&m, "elastic-beanstalk", &off);
    assert_assumes(&eb, "single-instance");
    // 10B × 200 ms = 761 tasks of 0.25 vCPU: more than the largest instance holds (384 on an
    // m5.24xlarge).
    let busy = Inputs {
        requests: 1e10,
        ..off
    };
    assert!(!service(&m, "elastic-beanstalk", &busy).fits());
}

#[test]
fn public_ipv4_is_counted_the_same_way_for_every_service() {
    // One address per EC2 instance and Fargate task for its hours; Lightsail's is in its
    // bundle's price; Lambda needs none. Every EC2-based and Fargate breakdown has the line.
    let m = model();
    let i = Inputs {
        load_balancer: false,
        ..Inputs::default()
    };
    for id in ["fargate", "ecs-ec2", "eks", "elastic-beanstalk"] {
        let s = service(&m, id, &i);
        assert!(has_price(&s, "vpc.public-ipv4"), "{id}: {s:?}");
    }
    let est = m.estimate(&i).expect("valid");
    assert!(
        est.assumptions
            .iter()
            .any(|a| a.contains("Public IPv4 addresses are included for every service")),
        "{:?}",
        est.assumptions
    );
}

#[test]
fn the_readme_examples_give_a_few_lasting_break_evens() {
    // The README's `cost` examples: each names at most three break-evens, and none twice.
    let m = model();
    let examples = [
        Inputs::default(),
        Inputs {
            requests: 50e3,
            duration_ms: 40.0 * 60e3,
            memory_mb: 4096.0,
            vcpu: 2.0,
            vcpu_given: true,
            hours_per_day: 8.0,
            hours_given: true,
            spot: true,
            jobs: true,
            load_balancer: false,
            ..Inputs::default()
        },
        Inputs {
            requests: 1e9,
            duration_ms: 50.0,
            memory_mb: 1024.0,
            arm: true,
            per_task_concurrency: 50.0,
            savings_plans: true,
            ..Inputs::default()
        },
        Inputs {
            requests: 20e6,
            duration_ms: 300.0,
            memory_mb: 2048.0,
            vcpu: 1.0,
            vcpu_given: true,
            reserved: true,
            ..Inputs::default()
        },
    ];
    for i in &examples {
        let breaks = m.break_evens(i, SweepRange::default()).expect("valid");
        assert!(breaks.len() <= 3, "{i:?}: {breaks:#?}");
        let mut pairs: Vec<(&str, &str)> = breaks
            .iter()
            .map(|b| (b.cheaper.as_str(), b.dearer.as_str()))
            .collect();
        pairs.sort_unstable();
        pairs.dedup();
        assert_eq!(pairs.len(), breaks.len(), "{breaks:#?}");
        // Each one is lasting: above it, the earlier service is never clearly cheaper again.
        for b in &breaks {
            for r in [b.requests * 1.5, b.requests * 10.0] {
                let at = Inputs { requests: r, ..*i };
                let cheaper = m
                    .estimate_service(&b.cheaper, &at)
                    .ok()
                    .flatten()
                    .and_then(|s| s.total);
                let dearer = m
                    .estimate_service(&b.dearer, &at)
                    .ok()
                    .flatten()
                    .and_then(|s| s.total);
                if let (Some(c), Some(d)) = (cheaper, dearer) {
                    assert!(d > c * 0.9, "{b:?} at {r}: {d} vs {c}");
                }
            }
        }
    }
}

#[test]
fn monthly_gives_each_service_a_total_or_why_not() {
    // The function a scorer calls: the same totals as the estimate, reasons where none fits.
    let m = model();
    let i = exact_fit();
    let monthly = m.monthly(&i).expect("valid");
    let est = m.estimate(&i).expect("valid");
    assert_eq!(monthly.len(), 7);
    for s in &est.services {
        match &monthly[&s.service] {
            Fit::Monthly(t) => assert!(close(*t, s.total.unwrap_or(-1.0)), "{}", s.service),
            Fit::DoesNotFit(why) => assert_eq!(Some(why), s.reason.as_ref()),
        }
    }
    assert!(matches!(&monthly["lambda"], Fit::DoesNotFit(why) if why.contains("15 minutes")));
}
