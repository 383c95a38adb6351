//! The cost estimator: AWS's own published Lambda examples, hand-computed Fargate and EC2 cases,
//! "does not fit" reasons, break-evens, property tests that cost never falls as the workload grows,
//! input parsing, and the `cost` command's output and errors.

use crate::support::{
    EXAMPLE_WORKLOAD, MODEL, assert_assumes, assert_assumes_all, computepick, failure, flat, guide,
    has_price, model, priced_by, service, stdout, total,
};
use computepick::cost::{
    BatchCompute, CostModel, Field, Inputs, MAX_DURATION_MS, MAX_MEMORY_MB, MAX_REQUESTS, MAX_VCPU,
    ServiceEstimate, SweepRange, Toggle, parse_count, parse_duration_ms, parse_memory_mb,
    summarize_break_evens,
};
use proptest::prelude::*;

/// A workload without a load balancer, so each model's own lines are checked by hand; the load
/// balancer has tests of its own.
fn inputs(requests: f64, duration_ms: f64, memory_mb: f64) -> Inputs {
    Inputs {
        requests,
        duration_ms,
        memory_mb,
        load_balancer: false,
        ..Inputs::default()
    }
}

/// A public IPv4 address for a month: 730 h × $0.005 (https://aws.amazon.com/vpc/pricing/).
const IPV4_MONTH: f64 = 3.65;

/// busy_api's ECS fleet: 8 tasks of 1 vCPU / 2 GB. A c5.large (4 GiB) keeps 5% for the system
/// (3.8 GiB) and so holds one 2 GB task; an m5.2xlarge (8 vCPU, 32 GiB → 30.4) holds all 8:
/// 730 h × $0.384 = $280.32, plus its public IPv4 address, $3.65.
const BUSY_FLEET: f64 = 280.32;

fn close(actual: f64, expected: f64, tolerance: f64) -> bool {
    (actual - expected).abs() <= tolerance
}

/// `id` fits `inputs` at `expected` a month, within `tolerance`.
#[track_caller]
fn assert_total(model: &CostModel, id: &str, inputs: &Inputs, expected: f64, tolerance: f64) {
    let t = total(model, id, inputs);
    assert!(close(t, expected, tolerance), "{id}: {t} vs {expected}");
}

/// `id` costs the same for `inputs` as for `other`: what differs does not apply to it.
#[track_caller]
fn assert_same_total(model: &CostModel, id: &str, inputs: &Inputs, other: &Inputs) {
    assert_total(model, id, inputs, total(model, id, other), 1e-9);
}

/// The estimate comes to `expected` a month, within `tolerance`.
#[track_caller]
fn assert_costs(estimate: &ServiceEstimate, expected: f64, tolerance: f64) {
    assert!(
        close(estimate.total.unwrap_or_default(), expected, tolerance),
        "{estimate:?}"
    );
}

// ---- AWS's published Lambda examples (https://aws.amazon.com/lambda/pricing/, us-east-1) ----

#[test]
fn lambda_reproduces_aws_example_1() {
    // 512 MB, 3M invocations a month, 1 s each, free tier applied.
    // Compute: 3M × 1 s × 0.5 GB = 1,500,000 GB-s − 400,000 free = 1,100,000 × $0.0000166667
    //          = $18.33; requests: (3M − 1M free) × $0.20/M = $0.40. AWS: $18.74 a month.
    let i = inputs(3e6, 1_000.0, 512.0);
    assert_total(&model(), "lambda", &i, 18.74, 0.01);
}

#[test]
fn lambda_reproduces_aws_example_2() {
    // 128 MB, 30M invocations a month, 200 ms each, free tier applied.
    // Compute: 30M × 0.2 s × 0.125 GB = 750,000 GB-s − 400,000 = 350,000 × $0.0000166667 = $5.83;
    // requests: 29M × $0.20/M = $5.80. AWS: $11.63 a month.
    // AWS's example sets no vCPUs: a 128 MB function gets 128 ÷ 1,769 of one.
    let i = Inputs {
        vcpu: 128.0 / 1_769.0,
        ..inputs(30e6, 200.0, 128.0)
    };
    assert_total(&model(), "lambda", &i, 11.63, 0.01);
}

#[test]
fn lambda_rounds_duration_up_to_the_millisecond_and_memory_to_its_minimum() {
    let m = model();
    let free_off = |i: Inputs| Inputs {
        free_tier: false,
        ..i
    };
    // 1.2 ms bills as 2 ms; 64 MB bills as 128 MB: 1M × 0.002 s × 0.125 GB = 250 GB-s.
    let small = Inputs {
        vcpu: 0.05,
        ..inputs(1e6, 1.2, 64.0)
    };
    let expected = 0.20 + 250.0 * 0.000_016_666_7;
    assert_total(&m, "lambda", &free_off(small), expected, 1e-9);
    // Arm bills duration at $0.0000133334 per GB-s.
    let arm = Inputs {
        arm: true,
        ..free_off(inputs(1e6, 1_000.0, 1_024.0))
    };
    assert_total(&m, "lambda", &arm, 0.20 + 1e6 * 0.000_013_333_4, 1e-6);
}

// ---- Fargate, by hand ----

#[test]
fn fargate_one_small_task_all_month() {
    // 10M × 0.2 s ÷ (730 h × 3,600 s) = 0.76 requests in flight → 1 task of 0.25 vCPU, 0.5 GB.
    // vCPU: 0.25 × 730 h × $0.04048 = $7.3876; memory: 0.5 × 730 × $0.004445 = $1.622425; the
    // task's public IPv4 address: 730 h × $0.005 = $3.65.
    let i = inputs(10e6, 200.0, 512.0);
    assert_total(&model(), "fargate", &i, 9.010_025 + IPV4_MONTH, 1e-6);
}

#[test]
fn fargate_tasks_follow_the_load() {
    // 100M × 0.2 s ÷ 2,628,000 s = 7.61 in flight → 8 tasks of 1 vCPU and 2 GB for 730 h:
    // 8 × 730 = 5,840 task-hours; vCPU 5,840 × $0.04048 = $236.4032; memory 5,840 × 2 × $0.004445
    // = $51.9176; IPv4 5,840 × $0.005 = $29.20; total $317.5208.
    let i = Inputs {
        vcpu: 1.0,
        ..inputs(100e6, 200.0, 2_048.0)
    };
    assert_total(&model(), "fargate", &i, 317.5208, 1e-6);

    // Running 8 hours a day puts the same requests into a third of the time: 22.8 in flight → 23
    // tasks for 243.33 h = 5,596.67 task-hours, about the same cost as running all day.
    let eight = Inputs {
        hours_per_day: 8.0,
        ..i
    };
    let expected = 23.0 * 730.0 / 3.0 * (0.04048 + 2.0 * 0.004445 + 0.005);
    assert_total(&model(), "fargate", &eight, expected, 1e-6);
}

#[test]
fn fargate_rounds_up_to_a_valid_task_size_and_says_so() {
    // 0.25 vCPU with 3 GB is not a Fargate size; 0.5 vCPU with 3 GB is the next one:
    // 0.5 × 730 × $0.04048 + 3 × 730 × $0.004445 = $14.7752 + $9.73455 = $24.50975.
    let i = Inputs {
        vcpu: 0.25,
        ..inputs(1e6, 100.0, 3_072.0)
    };
    let s = service(&model(), "fargate", &i);
    assert_costs(&s, 24.509_75 + IPV4_MONTH, 1e-6);
    assert_assumes_all(&s, &["not a Fargate task size", "0.5 vCPU with 3 GB"]);
}

#[test]
fn fargate_spot_takes_the_stated_discount() {
    // Fargate Spot at AWS's stated maximum, 70% off: $9.010025 × 0.3, plus the task's IPv4
    // address, which Spot does not discount.
    let i = Inputs {
        spot: true,
        ..inputs(10e6, 200.0, 512.0)
    };
    assert_total(&model(), "fargate", &i, 9.010_025 * 0.3 + IPV4_MONTH, 1e-6);
}

// ---- EC2-based services, by hand ----

/// 100M requests × 200 ms with 1 vCPU and 2 GB per task: 7.61 in flight → 8 tasks, 7.61 vCPU busy.
fn busy_api() -> Inputs {
    Inputs {
        vcpu: 1.0,
        ..inputs(100e6, 200.0, 2_048.0)
    }
}

#[test]
fn ecs_on_ec2_picks_the_cheapest_fleet() {
    // A task gets at most 95% of an instance's memory (AWS: the OS and ECS agent keep some;
    // https://docs.aws.amazon.com/AmazonECS/latest/developerguide/memory-management.html).
    // Candidates per hour, each instance with its IPv4 address ($0.005): c5.large (4 GiB → 3.8)
    // holds 1 task → 8 × ($0.085 + $0.005) = $0.72; m5.large (8 GiB → 7.6) holds 2 (by vCPU) →
    // 4 × $0.101 = $0.404; m5.2xlarge holds 8 → 1 × $0.389. Cheapest: $0.389 an hour.
    // 730 h × $0.384 = $280.32, + $3.65 IPv4 = $283.97.
    let m = model();
    let s = service(&m, "ecs-ec2", &busy_api());
    assert_costs(&s, BUSY_FLEET + IPV4_MONTH, 1e-6);
    assert!(
        s.breakdown[0]
            .label
            .starts_with("EC2 m5.2xlarge: 1 × 730 h"),
        "{s:?}"
    );
}

#[test]
fn small_tasks_fit_a_burstable_instance_within_its_baseline() {
    // 10M × 200 ms at 0.25 vCPU: 0.19 vCPU busy; a t3.micro (2 vCPU, 1 GiB, 10% baseline = 0.2
    // vCPU) holds it. In Standard mode the fleet plans only 80% of the baseline (0.16 < 0.19),
    // but T3 runs in Unlimited mode by default, where 0.19 vCPU within the 0.2 baseline earns no
    // surplus charge: 730 h × $0.0104 = $7.592, + $3.65 IPv4.
    let s = service(&model(), "ecs-ec2", &inputs(10e6, 200.0, 512.0));
    assert_costs(&s, 7.592 + IPV4_MONTH, 1e-9);
    assert!(s.breakdown[0].label.contains("t3.micro"));
}

#[test]
fn eks_adds_the_control_plane_for_every_hour() {
    // The ECS fleet ($283.97) plus 730 cluster-hours × $0.10 = $73.00, even at 8 hours a day.
    let m = model();
    assert_total(&m, "eks", &busy_api(), BUSY_FLEET + IPV4_MONTH + 73.0, 1e-6);
    let eight = Inputs {
        hours_per_day: 8.0,
        ..busy_api()
    };
    let eks = total(&m, "eks", &eight) - total(&m, "ecs-ec2", &eight);
    assert!(close(eks, 73.0, 1e-9), "{eks}");
}

/// 50k jobs a month of 10 minutes with 1 vCPU and 2 GB each: 8,333.3 job-hours, work that ends.
fn nightly_jobs() -> Inputs {
    Inputs {
        vcpu: 1.0,
        jobs: true,
        ..inputs(50e3, 10.0 * 60e3, 2_048.0)
    }
}

#[test]
fn batch_pays_for_job_hours_only() {
    // 50k jobs × 600 s = 8,333.33 job-hours, more than a month's 730 hours, so 11.42 run side
    // by side all month → 12 jobs at once. Batch runs them on whole instances, as ECS on EC2
    // would: an m5.xlarge (4 vCPU, 16 GiB → 15.2 for jobs) holds 4 → 3 × 730 h × $0.192 =
    // $420.48, + 3 IPv4 addresses × 730 h × $0.005 = $10.95. Batch itself adds nothing.
    let m = model();
    let jobs = nightly_jobs();
    assert_total(&m, "batch", &jobs, 3.0 * 730.0 * (0.192 + 0.005), 1e-6);
    assert_total(&m, "batch", &jobs, total(&m, "ecs-ec2", &jobs), 1e-9);
}

#[test]
fn batch_does_not_price_requests_as_jobs() {
    // 10M requests of 200 ms: Batch is not a job scheduler for these. It used to be starred
    // cheapest ($5.90) and to "become cheaper than AWS Lambda above 5.4M".
    let m = model();
    let api = Inputs {
        jobs: true,
        ..inputs(10e6, 200.0, 512.0)
    };
    for on in [BatchCompute::Ec2, BatchCompute::Fargate] {
        let why = reason(
            &m,
            "batch",
            &Inputs {
                batch_on: on,
                ..api
            },
        );
        assert!(
            why.contains("200 ms")
                && why.contains("3 to 5 minutes")
                && why.contains("group the requests into longer jobs"),
            "{why}"
        );
    }
    let estimate = m.estimate(&api).expect("valid");
    assert_ne!(
        estimate.cheapest().map(|s| s.service.as_str()),
        Some("batch")
    );
    let range = SweepRange::default();
    let crossings = m.break_evens(&api, range).expect("valid");
    assert!(
        crossings
            .iter()
            .all(|b| b.cheaper != "batch" && b.dearer != "batch"),
        "{crossings:?}"
    );
    // Just under the threshold does not read as the threshold itself.
    let why = reason(
        &m,
        "batch",
        &Inputs {
            duration_ms: 179_999.0,
            ..api
        },
    );
    assert!(why.contains("179,999 ms"), "{why}");
    // From 3 minutes a request is a job, and Batch is priced again, with the rule stated.
    let job = Inputs {
        duration_ms: computepick::cost::BATCH_MIN_JOB_MS,
        ..api
    };
    let s = service(&m, "batch", &job);
    assert!(s.fits(), "{s:?}");
    assert_assumes(&s, "bestpractice1.html");
}

#[test]
fn elastic_beanstalk_adds_its_load_balancer() {
    // Behind a load balancer: the ECS fleet ($283.97) + an ALB for 730 h × $0.0225 = $16.425 +
    // LCUs: 100M requests ÷ (25 new connections/s × 3,600 s) = 1,111.1 LCU-hours × $0.008 =
    // $8.889, + the ALB's two IPv4 addresses, 2 × $3.65.
    let lb = Inputs {
        load_balancer: true,
        ..busy_api()
    };
    let expected =
        BUSY_FLEET + IPV4_MONTH + 16.425 + 100e6 / (25.0 * 3_600.0) * 0.008 + 2.0 * IPV4_MONTH;
    assert_total(&model(), "elastic-beanstalk", &lb, expected, 1e-6);
}

#[test]
fn lightsail_takes_the_cheapest_bundles_and_a_load_balancer() {
    // 8 copies of 1 vCPU / 2 GB with 7.61 vCPU busy: each copy at work all day (the load fills
    // every copy), using its whole vCPU while at work, so no idle hours earn burst capacity. A
    // copy runs on one instance, which plans 80% of its baseline (headroom) and runs as many
    // copies at once as that holds: the $12 bundle (2 vCPU at 20% → 0.32) none, nor the $44 (2 at
    // 30% → 0.48); the $84 (4 vCPU at 40% → 1.28) 1 copy → 8 bundles = $672; the $164 (8 vCPU at
    // 40% → 2.56, 32 GB → 30.4) 2 copies → 4 bundles = $656; the $384 (16 vCPU at 40% → 5.12,
    // 60.8 GB) 5 → 2 bundles = $768. With the Lightsail load balancer ($18): $674.
    // (https://docs.aws.amazon.com/lightsail/latest/userguide/baseline-cpu-performance.html)
    let lb = Inputs {
        load_balancer: true,
        ..busy_api()
    };
    let s = service(&model(), "lightsail", &lb);
    assert_costs(&s, 674.0, 1e-9);
    assert_assumes(&s, "busy or idle");
}

#[test]
fn spot_and_savings_plans_apply_to_ec2_only_where_they_can() {
    let m = model();
    let base = total(&m, "ecs-ec2", &busy_api());
    let spot = Inputs {
        spot: true,
        ..busy_api()
    };
    // Discounts take off the instance lines only, not the IPv4 address.
    assert_total(&m, "ecs-ec2", &spot, BUSY_FLEET * 0.1 + IPV4_MONTH, 1e-6);
    assert!(close(base, BUSY_FLEET + IPV4_MONTH, 1e-6));
    let sp = Inputs {
        savings_plans: true,
        ..busy_api()
    };
    assert_total(&m, "ecs-ec2", &sp, BUSY_FLEET * 0.34 + IPV4_MONTH, 1e-6);
    // The EKS control plane is not discounted.
    assert_total(&m, "eks", &spot, BUSY_FLEET * 0.1 + IPV4_MONTH + 73.0, 1e-6);
    // Lightsail has neither.
    assert_same_total(&m, "lightsail", &spot, &busy_api());
}

// ---- Reserved Instances ----

#[test]
fn reserved_lowers_the_ec2_fleets_by_the_stated_discount() {
    // ECS on EC2's m5.2xlarge fleet is $280.32 a month On-Demand; Reserved takes 72% off it (the
    // data's `ec2.reserved.discount`): $69.496. EKS keeps its $73 control plane, Beanstalk its
    // load balancer, at full price.
    let m = model();
    let reserved = Inputs {
        reserved: true,
        ..busy_api()
    };
    for id in ["ecs-ec2", "eks", "elastic-beanstalk"] {
        let before = total(&m, id, &busy_api());
        let after = total(&m, id, &reserved);
        assert!(
            close(before - after, BUSY_FLEET * 0.72, 1e-6),
            "{id}: {before} → {after}"
        );
        let s = service(&m, id, &reserved);
        assert!(has_price(&s, "ec2.reserved.discount"), "{id}: {s:?}");
        assert_assumes(
            &s,
            "Reserved Instances take AWS's stated maximum discount, 72%",
        );
    }
    let fleet = BUSY_FLEET * 0.28 + IPV4_MONTH;
    assert_total(&m, "ecs-ec2", &reserved, fleet, 1e-6);
    // Lambda, Fargate and Lightsail have no Reserved Instances; each says so.
    for id in ["lambda", "fargate", "lightsail"] {
        assert_same_total(&m, id, &reserved, &busy_api());
        assert_assumes(&service(&m, id, &reserved), "Reserved");
    }
}

#[test]
fn reserved_instances_are_billed_all_month_even_for_part_time_fleets() {
    // At 8 hours a day the same requests need 23 tasks for 243.33 h: m5.2xlarge × 3 (8 each).
    // Reserved, the 3 instances are billed all 730 hours at 28% of On-Demand, 3 × 730 × $0.384 ×
    // 0.28, and their IPv4 addresses all 730 hours too, 3 × $3.65.
    let m = model();
    let eight = Inputs {
        hours_per_day: 8.0,
        reserved: true,
        ..busy_api()
    };
    let s = service(&m, "ecs-ec2", &eight);
    let idle = s
        .breakdown
        .iter()
        .find(|l| l.label.contains("reserved but idle"))
        .unwrap_or_else(|| panic!("an idle-hours line: {s:?}"));
    assert!(
        close(idle.quantity, 3.0 * 730.0 * 2.0 / 3.0, 1e-6),
        "{idle:?}"
    );
    assert!(close(
        s.total.unwrap_or_default(),
        3.0 * 730.0 * 0.384 * 0.28 + 3.0 * IPV4_MONTH,
        1e-6
    ));
}

#[test]
fn spot_and_reserved_exclude_each_other() {
    let m = model();
    // The form: turning one on turns the other off.
    let mut i = busy_api();
    Toggle::Spot.set(&mut i, true);
    Toggle::Reserved.set(&mut i, true);
    assert!(i.reserved && !i.spot);
    Toggle::Spot.flip(&mut i);
    assert!(i.spot && !i.reserved);
    // Given both directly, Spot is applied and the assumptions say Reserved was not.
    let both = Inputs {
        spot: true,
        reserved: true,
        ..busy_api()
    };
    let s = service(&m, "ecs-ec2", &both);
    assert!(close(
        s.total.unwrap_or_default(),
        BUSY_FLEET * 0.1 + IPV4_MONTH,
        1e-6
    ));
    assert_assumes(&s, "Spot and Reserved exclude each other");
    // With Savings Plans, Reserved covers the EC2 fleet; Fargate still gets the plan.
    let rsp = Inputs {
        reserved: true,
        savings_plans: true,
        ..busy_api()
    };
    assert_total(&m, "ecs-ec2", &rsp, BUSY_FLEET * 0.28 + IPV4_MONTH, 1e-6);
    // Fargate: $288.3208 of compute at half price, + 8 tasks' IPv4 addresses, $29.20.
    assert_total(&m, "fargate", &rsp, 288.3208 * 0.5 + 8.0 * IPV4_MONTH, 1e-6);
}

#[test]
fn reserved_is_not_applied_to_batch_and_says_why() {
    let m = model();
    let reserved = Inputs {
        reserved: true,
        ..nightly_jobs()
    };
    assert_same_total(&m, "batch", &reserved, &nightly_jobs());
    assert_assumes(
        &service(&m, "batch", &reserved),
        "Reserved is not applied to Batch",
    );
}

// ---- Batch on Fargate ----

#[test]
fn batch_on_fargate_is_fargate_compute_for_the_job_hours() {
    // 50k jobs × 40 min of 2 vCPU and 4 GB: 33,333.3 task-hours × (2 × $0.04048 + 4 × $0.004445)
    // = $3,291.33, + each task's IPv4 address, 33,333.3 × $0.005 = $166.67. Batch adds nothing.
    let m = model();
    let jobs = Inputs {
        vcpu: 2.0,
        vcpu_given: true,
        batch_on: BatchCompute::Fargate,
        jobs: true,
        ..inputs(50e3, 40.0 * 60e3, 4_096.0)
    };
    let task_hours = 50e3 * 40.0 / 60.0;
    let expected = task_hours * (2.0 * 0.04048 + 4.0 * 0.004445 + 0.005);
    let s = service(&m, "batch", &jobs);
    assert_costs(&s, expected, 1e-6);
    assert!(has_price(&s, "fargate.vcpu.x86"));
    assert!(priced_by(&s, "batch.service").is_some_and(|l| l.amount == 0.0));
    // The same as Fargate for a task running exactly those hours: one task all month costs
    // 730 h of the same size, so the job-hours scale it.
    let fargate_month = total(
        &m,
        "fargate",
        &Inputs {
            vcpu: 2.0,
            vcpu_given: true,
            ..inputs(1.0, 1_000.0, 4_096.0)
        },
    );
    assert!(close(expected, fargate_month / 730.0 * task_hours, 1e-6));
    // Fargate Spot with --spot: 70% off; Arm prices with --arm.
    let spot = Inputs { spot: true, ..jobs };
    let ipv4 = task_hours * 0.005;
    assert_total(&m, "batch", &spot, (expected - ipv4) * 0.3 + ipv4, 1e-6);
    let arm = Inputs { arm: true, ..jobs };
    let arm_hour = 2.0 * 0.03238 + 4.0 * 0.00356 + 0.005;
    assert_total(&m, "batch", &arm, task_hours * arm_hour, 1e-6);
    // On EC2 (the default) it is priced differently.
    assert!(!close(
        total(
            &m,
            "batch",
            &Inputs {
                batch_on: BatchCompute::Ec2,
                ..jobs
            }
        ),
        expected,
        1.0
    ));
}

#[test]
fn batch_on_fargate_bills_each_job_by_the_second() {
    // 1M jobs of 200.5 s bill 201 s each: 55,833.3 task-hours of 0.25 vCPU and 0.5 GB.
    // Each task has a public IPv4 address for its billed seconds too ($0.005 an hour).
    let jobs = Inputs {
        batch_on: BatchCompute::Fargate,
        jobs: true,
        ..inputs(1e6, 200_500.0, 512.0)
    };
    let expected = 1e6 * 201.0 / 3_600.0 * (0.25 * 0.04048 + 0.5 * 0.004445 + 0.005);
    assert_total(&model(), "batch", &jobs, expected, 1e-6);
    // Too big for Fargate: does not fit, with Fargate's reason.
    let big = Inputs { vcpu: 32.0, ..jobs };
    assert!(reason(&model(), "batch", &big).contains("largest Fargate task"));
}

// ---- Upper bounds ----

#[test]
fn absurd_values_are_refused_by_parsers_and_estimates() {
    assert!(parse_count("1e30").is_err_and(|e| e.contains("at most")));
    assert_eq!(parse_count("10T"), Ok(MAX_REQUESTS));
    assert!(parse_duration_ms("31d").is_err());
    assert!(parse_duration_ms("1000h").is_err_and(|e| e.contains("30 days at most")));
    assert!(parse_memory_mb("1PB").is_err());
    assert!(parse_memory_mb("64TB").is_err_and(|e| e.contains("32 TB at most")));
    assert!(Field::Vcpu.parse("1000").is_err());
    for (field, value) in [
        (Field::Requests, MAX_REQUESTS * 10.0),
        (Field::Duration, MAX_DURATION_MS * 2.0),
        (Field::Memory, MAX_MEMORY_MB * 2.0),
        (Field::Vcpu, MAX_VCPU + 1.0),
    ] {
        let mut i = Inputs::default();
        match field {
            Field::Requests => i.requests = value,
            Field::Duration => i.duration_ms = value,
            Field::Memory => i.memory_mb = value,
            _ => i.vcpu = value,
        }
        let e = model().estimate(&i).expect_err("refused");
        assert_eq!(e.field, field);
        assert!(e.message.contains("at most"), "{e}");
    }
    // The largest values still give a finite estimate.
    let most = Inputs {
        requests: MAX_REQUESTS,
        ..Inputs::default()
    };
    let e = model().estimate(&most).expect("valid");
    assert!(
        e.services
            .iter()
            .filter_map(|s| s.total)
            .all(f64::is_finite)
    );
}

#[test]
fn every_line_is_quantity_times_rate_and_totals_add_up() {
    let m = model();
    for i in [
        inputs(10e6, 200.0, 512.0),
        busy_api(),
        Inputs {
            spot: true,
            arm: true,
            ..busy_api()
        },
        Inputs {
            savings_plans: true,
            hours_per_day: 6.0,
            ..inputs(3e5, 40.0 * 60e3, 4_096.0)
        },
    ] {
        let e = m.estimate(&i).expect("valid");
        for s in &e.services {
            for line in &s.breakdown {
                assert!(
                    close(
                        line.quantity * line.rate,
                        line.amount,
                        1e-9 * line.amount.abs().max(1.0)
                    ),
                    "{}: {line:?}",
                    s.service
                );
            }
            if let Some(t) = s.total {
                let sum: f64 = s.breakdown.iter().map(|l| l.amount).sum();
                assert!(close(t, sum, 1e-9), "{}", s.service);
            }
        }
    }
}

#[test]
fn prices_come_from_the_data_file() {
    // Double Fargate's vCPU price in a copy of the data: the estimate's vCPU line doubles.
    let mut g = guide();
    for p in &mut g.prices {
        if p.id == "fargate.vcpu.x86" {
            p.amount *= 2.0;
        }
    }
    let i = inputs(10e6, 200.0, 512.0);
    let before = service(&model(), "fargate", &i).breakdown[0].amount;
    let after = service(&CostModel::new(&g), "fargate", &i).breakdown[0].amount;
    assert!(close(after, 2.0 * before, 1e-9));

    // Remove the EKS control-plane price: EKS cannot be priced, and says why.
    g.prices.retain(|p| p.id != "eks.cluster.standard");
    let eks = service(&CostModel::new(&g), "eks", &i);
    assert_eq!(eks.total, None);
    assert!(
        eks.reason
            .as_deref()
            .is_some_and(|r| r.contains("eks.cluster.standard")),
        "{eks:?}"
    );
}

#[test]
fn the_estimate_states_region_and_date_and_sorts_by_cost() {
    let e = model()
        .estimate(&inputs(10e6, 200.0, 512.0))
        .expect("valid");
    assert_eq!(e.region, "us-east-1");
    assert_eq!(e.as_of, "2026-11-23");
    assert_eq!(e.services.len(), 7);
    let totals: Vec<f64> = e.services.iter().filter_map(|s| s.total).collect();
    assert!(totals.windows(2).all(|w| w[0] <= w[1]), "{totals:?}");
    assert_eq!(e.cheapest().map(|s| s.total), Some(totals.first().copied()));
}

// ---- Does not fit ----

fn reason(model: &CostModel, id: &str, inputs: &Inputs) -> String {
    let s = service(model, id, inputs);
    assert_eq!(s.total, None, "{id} should not fit: {s:?}");
    s.reason.unwrap_or_default()
}

#[test]
fn lambda_does_not_fit_past_its_limits() {
    let m = model();
    let r = reason(&m, "lambda", &inputs(1e3, 16.0 * 60e3, 512.0));
    assert!(r.contains("15 minutes"), "{r}");
    let r = reason(&m, "lambda", &inputs(1e3, 1e3, 12_288.0));
    assert!(r.contains("10,240 MB"), "{r}");
    // Exactly at the limits still fits.
    assert!(service(&m, "lambda", &inputs(1e3, 15.0 * 60e3, 10_240.0)).fits());
}

#[test]
fn lambda_reasons_never_round_to_the_limit_they_break() {
    let m = model();
    let r = reason(&m, "lambda", &inputs(1e3, 900_001.0, 512.0));
    assert!(r.contains("900,001 ms") && !r.contains("15 min;"), "{r}");
    let r = reason(&m, "lambda", &inputs(1e3, 1e3, 10_241.0));
    assert!(r.contains("10,241 MB") && !r.contains("10 GB"), "{r}");
    let r = reason(
        &m,
        "lambda",
        &Inputs {
            vcpu: 6.0001,
            vcpu_given: true,
            ..inputs(1e3, 1e3, 512.0)
        },
    );
    assert!(r.starts_with("6.0001 vCPUs"), "{r}");
}

#[test]
fn lambda_bills_the_memory_its_vcpus_need() {
    let m = model();
    // 8 vCPUs: more than Lambda gives at any memory. It used to rank first at $0.00.
    let eight = Inputs {
        vcpu: 8.0,
        vcpu_given: true,
        ..inputs(10e6, 200.0, 512.0)
    };
    let r = reason(&m, "lambda", &eight);
    assert!(r.contains("at most 6"), "{r}");
    assert_ne!(
        m.estimate(&eight)
            .expect("valid")
            .cheapest()
            .map(|s| s.service.as_str()),
        Some("lambda")
    );
    // 2 vCPUs with 512 MB asked: billed at the 3,538 MB that gives 2 vCPUs (1 per 1,769 MB).
    let two = Inputs {
        vcpu: 2.0,
        vcpu_given: true,
        free_tier: false,
        ..inputs(1e6, 1_000.0, 512.0)
    };
    let s = service(&m, "lambda", &two);
    let expected = 0.20 + 1e6 * 3_538.0 / 1_024.0 * 0.000_016_666_7;
    assert_costs(&s, expected, 1e-6);
    assert_assumes_all(&s, &["2 vCPU needs 3,538 MB", "1,769 MB"]);
    // 6 vCPUs, the most, at the 10,240 MB maximum.
    let six = Inputs {
        vcpu: 6.0,
        vcpu_given: true,
        free_tier: false,
        ..inputs(1e6, 1_000.0, 512.0)
    };
    let expected = 0.20 + 1e6 * 10.0 * 0.000_016_666_7;
    assert_total(&m, "lambda", &six, expected, 1e-6);
    // Memory that already gives the vCPUs is billed as configured.
    let enough = Inputs { vcpu: 0.25, ..two };
    assert_total(
        &m,
        "lambda",
        &enough,
        0.20 + 1e6 * 0.5 * 0.000_016_666_7,
        1e-6,
    );
}

#[test]
fn fargate_spot_runs_arm_at_the_arm_rate() {
    // FARGATE_SPOT supports ARM64 Linux tasks on platform 1.4.0 or later: Arm rates, 70% off.
    let m = model();
    let i = Inputs {
        arm: true,
        spot: true,
        ..inputs(10e6, 200.0, 512.0)
    };
    let arm_month = 0.25 * 730.0 * 0.03238 + 0.5 * 730.0 * 0.00356;
    let s = service(&m, "fargate", &i);
    assert_costs(&s, arm_month * 0.3 + IPV4_MONTH, 1e-6);
    assert!(has_price(&s, "fargate.vcpu.arm"));
    assert!(!s.assumptions.iter().any(|a| a.contains("x86 only")));
}

#[test]
fn notes_say_what_runs_between_the_hours() {
    let m = model();
    let eight = Inputs {
        hours_per_day: 8.0,
        load_balancer: true,
        ..busy_api()
    };
    // Beanstalk keeps an instance between the runs: it does not scale to zero, and it is billed.
    let eb = service(&m, "elastic-beanstalk", &eight);
    assert!(
        !eb.assumptions.iter().any(|a| a.contains("scaling to zero")),
        "{:?}",
        eb.assumptions
    );
    assert_assumes(&eb, "1 instance keeps running in between");
    let kept = eb
        .breakdown
        .iter()
        .find(|l| l.label.contains("kept running between"))
        .expect("a line for the instance kept between runs");
    assert!(close(kept.quantity, 730.0 - 730.0 / 3.0, 1e-9), "{kept:?}");
    // ECS scales to zero between; with Reserved it is billed all month instead, and says so.
    let ecs = service(&m, "ecs-ec2", &eight);
    assert_assumes(&ecs, "scaling to zero");
    for id in ["ecs-ec2", "eks", "elastic-beanstalk"] {
        let reserved = service(
            &m,
            id,
            &Inputs {
                reserved: true,
                ..eight
            },
        );
        assert!(
            !reserved
                .assumptions
                .iter()
                .any(|a| a.contains("scaling to zero") || a.contains("keeps running")),
            "{id}: {:?}",
            reserved.assumptions
        );
        assert_assumes(&reserved, "billed in between too");
    }
}

#[test]
fn tiny_loads_keep_significant_digits() {
    // 1,000 requests of 5 ms a month: 0.0000019 requests in flight on average.
    let m = model();
    let tiny = inputs(1e3, 5.0, 512.0);
    for id in ["fargate", "ecs-ec2", "lightsail"] {
        let s = service(&m, id, &tiny);
        assert!(
            !s.assumptions
                .iter()
                .any(|a| a.contains("= 0;") || a.contains(" 0 vCPU")),
            "{id}: {:?}",
            s.assumptions
        );
    }
    assert_assumes(&service(&m, "ecs-ec2", &tiny), "= 0.0000019;");
}

#[test]
fn fargate_and_lightsail_do_not_fit_a_huge_task() {
    let m = model();
    let big = Inputs {
        vcpu: 32.0,
        ..inputs(1e6, 10e3, 200.0 * 1_024.0)
    };
    assert!(reason(&m, "fargate", &big).contains("16 vCPU with 120 GB"));
    assert!(reason(&m, "lightsail", &big).contains("no Lightsail bundle"));
    // EC2 has instance types that size: r5.8xlarge has 32 vCPU and 256 GiB.
    assert!(service(&m, "ecs-ec2", &big).fits());
    // Nothing in the Arm list has 96 vCPU.
    let arm = Inputs {
        arm: true,
        vcpu: 96.0,
        ..big
    };
    assert!(reason(&m, "ecs-ec2", &arm).contains("Arm"));
}

// ---- Break-even points ----

#[test]
fn lambda_and_fargate_break_even_where_the_arithmetic_says() {
    // 200 ms, 512 MB, free tier: Lambda costs $0.0000018667 per request (0.2 µ$ + 0.1 GB-s ×
    // $0.0000166667) less $6.86668 of free tier; Fargate costs a flat $9.010025 + $3.65 for the
    // task's IPv4 address while one task copes (up to 13.1M requests). They cross at (12.660025
    // + 6.86668) ÷ 0.0000018666734 = 10.46M, but that is not lasting: from 13.1M Fargate runs a
    // second task ($25.32005) and at 15.8M it is more than 10% dearer than Lambda again. The
    // lasting break-even is where Lambda passes two tasks: (25.32005 + 6.86668) ÷ 0.0000018666734
    // = 17.24M. Only these two services, so the pair's break-even is the only one.
    let mut g = guide();
    g.services.retain(|s| s.id == "lambda" || s.id == "fargate");
    let m = CostModel::new(&g);
    let i = inputs(1e6, 200.0, 512.0);
    let found = m.break_evens(&i, SweepRange::default()).expect("valid");
    let b = found
        .iter()
        .find(|b| b.cheaper == "fargate" && b.dearer == "lambda")
        .expect("Fargate overtakes Lambda");
    let expected = (2.0 * (9.010_025 + IPV4_MONTH) + 0.2 + 400_000.0 * 0.000_016_666_7)
        / (0.2e-6 + 0.1 * 0.000_016_666_7);
    assert!(
        (b.requests / expected - 1.0).abs() < 1e-6,
        "{} vs {expected}",
        b.requests
    );
    assert_eq!(
        b.sentence,
        "AWS Fargate becomes cheaper than AWS Lambda above 17M requests/month"
    );
    // Just below the crossing Lambda is cheaper, just above Fargate is.
    let at = |r: f64| Inputs { requests: r, ..i };
    assert!(
        total(&m, "lambda", &at(b.requests * 0.999))
            < total(&m, "fargate", &at(b.requests * 0.999))
    );
    assert!(
        total(&m, "lambda", &at(b.requests * 1.001))
            > total(&m, "fargate", &at(b.requests * 1.001))
    );
}

#[test]
fn sweep_and_bands_cover_the_range() {
    let m = model();
    let i = inputs(1e6, 200.0, 512.0);
    let range = SweepRange::default();
    let sweep = m.sweep(&i, range).expect("valid");
    assert_eq!(sweep.points.len(), 71);
    assert_eq!(sweep.services.len(), 7);
    assert!(close(sweep.points[0].requests, 1e3, 1e-6));
    assert!(close(sweep.points[70].requests, 1e10, 1e-6 * 1e10));
    assert!(sweep.points.iter().all(|p| p.totals.len() == 7));

    let bands = m.cheapest_by_volume(&i, range).expect("valid");
    assert_eq!(bands.first().map(|b| b.service.as_str()), Some("lambda"));
    assert!(close(bands[0].from, 1e3, 1e-6));
    assert!(bands.windows(2).all(|w| close(w[0].to, w[1].from, 1e-9)));
    assert!(bands.windows(2).all(|w| w[0].service != w[1].service));

    // One line per lasting change, and the chart's marks are the same points.
    let breaks = m.break_evens(&i, range).expect("valid");
    let summary = summarize_break_evens(&breaks);
    assert_eq!(summary.len(), bands.len() - 1, "{summary:?}");
    assert!(
        breaks
            .iter()
            .zip(bands.iter().skip(1))
            .all(|(b, band)| close(b.requests, band.from, 1e-9) && b.cheaper == band.service),
        "{breaks:?}"
    );
}

// ---- Cost never falls as the workload grows ----

fn workload() -> impl Strategy<Value = Inputs> {
    (
        (0.0f64..10.0).prop_map(|e| 10f64.powf(e)),
        (0.0f64..6.6).prop_map(|e| 10f64.powf(e)),
        (5.0f64..18.0).prop_map(|e| 2f64.powf(e)),
        prop::sample::select(vec![0.25, 0.5, 1.0, 2.0, 4.0, 16.0, 48.0]),
        prop::sample::select(vec![1.0, 6.0, 24.0]),
        prop::sample::select(vec![1.0, 10.0, 200.0]),
        any::<[bool; 9]>(),
    )
        .prop_map(
            |(requests, duration_ms, memory_mb, vcpu, hours_per_day, per_task, flags)| Inputs {
                vcpu,
                vcpu_given: true,
                hours_per_day,
                hours_given: flags[8],
                jobs: flags[6],
                load_balancer: flags[7],
                per_task_concurrency: per_task,
                arm: flags[0],
                free_tier: flags[1],
                spot: flags[2],
                // Spot and Reserved together are refused by the command line and the form; the
                // models still price them (Spot wins), so the property holds for them too.
                reserved: flags[4],
                savings_plans: flags[3],
                batch_on: if flags[5] {
                    BatchCompute::Fargate
                } else {
                    BatchCompute::Ec2
                },
                ..inputs(requests, duration_ms, memory_mb)
            },
        )
}

/// Every service costs at least as much for `more` as for `less`, and fits `less` if it fits `more`.
fn never_cheaper(model: &CostModel, less: &Inputs, more: &Inputs) -> Result<(), TestCaseError> {
    let small = model.estimate(less).expect("valid");
    let large = model.estimate(more).expect("valid");
    for s in &small.services {
        let l = large.service(&s.service).expect("same services");
        // Batch takes jobs of at least 3 minutes: a longer duration can bring it in.
        let too_short = s.service == "batch"
            && s.reason
                .as_deref()
                .is_some_and(|r| r.contains("3 to 5 minutes"));
        match (s.total, l.total) {
            (Some(a), Some(b)) => prop_assert!(
                b >= a * (1.0 - 1e-9) - 1e-9,
                "{} fell from {a} to {b}\n{less:?}\n{more:?}",
                s.service
            ),
            (None, Some(_)) if too_short => {}
            (None, Some(_)) => prop_assert!(
                false,
                "{} fits the bigger workload but not the smaller",
                s.service
            ),
            _ => {}
        }
    }
    Ok(())
}

proptest! {
    #[test]
    fn cost_never_falls_as_requests_rise(i in workload(), factor in 1.0f64..1_000.0) {
        let more = Inputs { requests: i.requests * factor, ..i };
        never_cheaper(&MODEL, &i, &more)?;
    }

    #[test]
    fn cost_never_falls_as_duration_rises(i in workload(), factor in 1.0f64..100.0) {
        let more = Inputs { duration_ms: i.duration_ms * factor, ..i };
        never_cheaper(&MODEL, &i, &more)?;
    }

    #[test]
    fn cost_never_falls_as_memory_rises(i in workload(), factor in 1.0f64..64.0) {
        let more = Inputs { memory_mb: i.memory_mb * factor, ..i };
        never_cheaper(&MODEL, &i, &more)?;
    }

    #[test]
    fn small_steps_never_lower_the_cost(i in workload(), step in 0.0f64..0.01) {
        // Steps of under 1% catch a rounding rule that dips just past a boundary.
        let more = Inputs {
            requests: i.requests * (1.0 + step),
            duration_ms: i.duration_ms * (1.0 + step),
            memory_mb: i.memory_mb * (1.0 + step),
            ..i
        };
        never_cheaper(&MODEL, &i, &more)?;
    }
}

// ---- Inputs ----

#[test]
fn units_parse_leniently() {
    assert_eq!(parse_count("10M"), Ok(10e6));
    assert_eq!(parse_count("2.5k"), Ok(2_500.0));
    assert_eq!(parse_count("1B"), Ok(1e9));
    assert_eq!(parse_duration_ms("200ms"), Ok(200.0));
    assert_eq!(parse_duration_ms("1.5s"), Ok(1_500.0));
    assert_eq!(parse_duration_ms("2m"), Ok(120_000.0));
    assert_eq!(parse_duration_ms("1h"), Ok(3_600_000.0));
    assert_eq!(parse_memory_mb("512MB"), Ok(512.0));
    assert_eq!(parse_memory_mb("1GB"), Ok(1_024.0));
    assert_eq!(parse_memory_mb("1.5GiB"), Ok(1_536.0));
    assert_eq!(Field::Vcpu.parse("0.25"), Ok(0.25));
    assert_eq!(Field::Vcpu.parse("250m"), Ok(0.25));
}

#[test]
fn bad_inputs_are_refused_with_the_reason() {
    for (field, text, needle) in [
        (Field::Requests, "-5", "negative"),
        (Field::Requests, "NaN", "not a number"),
        (Field::Requests, "ten", "does not start with a number"),
        (Field::Duration, "200", "needs a unit"),
        (
            Field::Duration,
            "3 fortnights",
            "unknown unit \"fortnights\"",
        ),
        (Field::Memory, "12XB", "unknown unit \"XB\""),
        (Field::Memory, "0MB", "more than zero"),
        (Field::Vcpu, "-1", "negative"),
        (Field::HoursPerDay, "25", "outside a day"),
        (Field::PerTaskConcurrency, "0.5", "whole number"),
    ] {
        let e = field.parse(text).expect_err(text);
        assert!(e.message.contains(needle), "{text}: {e}");
        // In the form's words; the command line names its flag.
        assert!(e.to_string().starts_with(field.label()), "{e}");
        let cli = computepick::cli::cost::input_error(&e);
        assert!(
            cli.starts_with(computepick::cli::cost::flag(field)),
            "{cli}"
        );
    }
    // Values set directly are checked too, before any estimate.
    let bad = Inputs {
        requests: f64::INFINITY,
        ..Inputs::default()
    };
    assert!(
        model()
            .estimate(&bad)
            .is_err_and(|e| e.field == Field::Requests)
    );
}

#[test]
fn form_fields_and_toggles_round_trip() {
    let mut i = Inputs::default();
    Field::Requests.set(&mut i, "38M").expect("valid");
    Field::Duration.set(&mut i, "1.5s").expect("valid");
    Field::Memory.set(&mut i, "1.5GiB").expect("valid");
    assert_eq!(
        Field::ALL.map(|f| f.format(&i)),
        ["38M", "1.5s", "1.5GB", "0.25", "24", "1"].map(String::from)
    );
    assert!(Field::Memory.set(&mut i, "lots").is_err());
    assert_eq!(
        i.memory_mb, 1_536.0,
        "a bad value leaves the field unchanged"
    );
    Toggle::Spot.flip(&mut i);
    assert!(Toggle::Spot.get(&i));
}

// ---- The command line ----

/// 1M requests a month of 1 s at 1 GB: a valid workload for the flags under test to change.
const ONE_SECOND: &[&str] = &["--requests", "1M", "--duration", "1s", "--memory", "1GB"];

/// `cost` with `args`, run to success: its stdout.
fn cost_out(args: &[&str]) -> String {
    stdout(computepick().arg("cost").args(args))
}

/// `cost` with `args` and `--format json`, run to success: the JSON.
fn cost_json(args: &[&str]) -> serde_json::Value {
    let out = cost_out(&[args, &["--format", "json"]].concat());
    serde_json::from_str(&out).expect("JSON")
}

/// `cost` with `args` exits 2 with nothing on stdout and one line on stderr: that line.
#[track_caller]
fn refused(args: &[&str]) -> String {
    let out = computepick().arg("cost").args(args).output().expect("runs");
    assert_eq!(out.status.code(), Some(2), "{args:?}");
    assert!(out.stdout.is_empty(), "{args:?}");
    let err = String::from_utf8(out.stderr).expect("utf-8");
    assert_eq!(err.lines().count(), 1, "{err}");
    err
}

#[test]
fn cost_text_lists_services_breakdowns_and_break_evens() {
    let text = cost_out(EXAMPLE_WORKLOAD);
    for needle in [
        "Estimated monthly cost",
        "us-east-1",
        "2026-11-23",
        "AWS Fargate: $37.27",
        "Break-even points:",
        "Amazon Lightsail becomes cheaper than AWS Lambda above",
        "Cheapest by volume",
        "estimate only",
    ] {
        assert!(text.contains(needle), "missing {needle:?} in\n{text}");
    }
}

#[test]
fn cost_json_has_totals_reasons_breakdowns_and_assumptions() {
    let v = cost_json(&[
        "--requests",
        "100k",
        "--duration",
        "20m",
        "--memory",
        "1GB",
        "--vcpu",
        "1",
    ]);
    assert_eq!(v["region"], "us-east-1");
    assert_eq!(v["as_of"], "2026-11-23");
    assert_eq!(v["inputs"]["requests"], 100_000.0);
    assert_eq!(v["inputs"]["duration_ms"], 1_200_000.0);
    assert_eq!(v["inputs"]["free_tier"], true);
    let services = v["services"].as_array().expect("services");
    assert_eq!(services.len(), 7);
    for s in services {
        assert!(s["service"].is_string() && s["name"].is_string(), "{s}");
        assert!(
            s["assumptions"].is_array() && s["breakdown"].is_array(),
            "{s}"
        );
        if s["total"].is_null() {
            assert!(s["reason"].is_string(), "{s}");
        } else {
            assert!(s["total"].as_f64().is_some_and(|t| t >= 0.0), "{s}");
            let line = &s["breakdown"][0];
            for key in [
                "label", "quantity", "unit", "rate", "price", "amount", "price_id",
            ] {
                assert!(!line[key].is_null(), "{key} in {line}");
            }
        }
    }
    // A 20-minute request does not fit Lambda, which says why.
    let lambda = json_service(&v, "lambda");
    assert!(lambda["total"].is_null());
    assert!(
        lambda["reason"]
            .as_str()
            .is_some_and(|r| r.contains("15 minutes"))
    );
    assert!(v["break_evens"].is_array() && v["cheapest_by_volume"].is_array());
    assert!(
        v["break_evens"]
            .as_array()
            .is_some_and(|a| a.iter().all(|b| b["sentence"].is_string()))
    );
}

/// `id`'s entry in the JSON's services.
#[track_caller]
fn json_service<'a>(json: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    json["services"]
        .as_array()
        .expect("services")
        .iter()
        .find(|s| s["service"] == id)
        .unwrap_or_else(|| panic!("no {id} in {json}"))
}

#[test]
fn cost_markdown_is_a_table() {
    let text = cost_out(&[ONE_SECOND, &["--format", "markdown"]].concat());
    assert!(text.starts_with("# Estimated monthly cost"), "{text}");
    assert!(text.contains("| # | Service | Monthly cost |"), "{text}");
    assert!(text.contains("| Item | Working | Amount |"), "{text}");
}

#[test]
fn cost_refuses_absurd_sizes_with_exit_2() {
    for (flag, value, needle) in [
        ("--requests", "1e30", "10T requests a month at most"),
        ("--duration", "1000h", "30 days at most"),
        ("--memory", "64TB", "32 TB at most"),
        ("--vcpu", "1000", "448 vCPUs at most"),
    ] {
        let mut args = vec!["--requests", "10M", "--duration", "1s", "--memory", "1GB"];
        let at = args
            .iter()
            .position(|a| *a == flag)
            .map_or(args.len(), |i| {
                args.drain(i..i + 2);
                i
            });
        args.splice(at..at, [flag, value]);
        let err = refused(&args);
        assert!(err.contains(needle), "{args:?}: {err}");
    }
}

#[test]
fn cost_reserved_and_batch_on_fargate_from_the_command_line() {
    let json = cost_json(&[
        "--requests",
        "100M",
        "--duration",
        "200ms",
        "--memory",
        "2GB",
        "--vcpu",
        "1",
        "--reserved",
        "--batch-on",
        "fargate",
    ]);
    assert_eq!(json["inputs"]["reserved"], true);
    assert_eq!(json["inputs"]["batch_on"], "fargate");
    let ecs = json_service(&json, "ecs-ec2");
    assert!(
        close(
            ecs["total"].as_f64().unwrap_or_default(),
            // The m5.2xlarge fleet at 28%, its IPv4 address, and the load balancer the
            // command line puts a service behind by default ($16.425 + 1,111.1 LCU-hours ×
            // $0.008 + 2 addresses × $3.65).
            BUSY_FLEET * 0.28 + IPV4_MONTH + 16.425 + 100e6 / 90_000.0 * 0.008 + 7.3,
            1e-6
        ),
        "{ecs}"
    );
    // Requests served all the time are not Batch jobs, on Fargate or EC2.
    let batch = json_service(&json, "batch");
    assert!(batch["total"].is_null(), "{batch}");
    assert!(
        batch["reason"]
            .as_str()
            .is_some_and(|r| r.contains("jobs that end")),
        "{batch}"
    );

    // Spot and Reserved together: one line, exit 2.
    let err = refused(&[ONE_SECOND, &["--spot", "--reserved"]].concat());
    assert!(
        err.contains("--spot") && err.contains("--reserved"),
        "{err}"
    );
    // A compute Batch does not run on.
    failure(
        computepick()
            .arg("cost")
            .args(ONE_SECOND)
            .args(["--batch-on", "lambda"]),
        2,
    );
}

#[test]
fn cost_refuses_bad_values_in_one_line() {
    for (args, needle) in [
        (
            vec!["--requests", "-5", "--duration", "1s", "--memory", "1GB"],
            "negative",
        ),
        (
            vec!["--requests", "10M", "--duration", "200", "--memory", "1GB"],
            "needs a unit",
        ),
        (
            vec!["--requests", "10M", "--duration", "1s", "--memory", "12XB"],
            "unknown unit",
        ),
        (vec!["--requests", "10M"], "--duration and --memory"),
        (
            [ONE_SECOND, &["--hours-per-day", "30"]].concat(),
            "outside a day",
        ),
    ] {
        let err = refused(&args);
        assert!(err.contains(needle), "{args:?}: {err}");
    }
}

/// AWS's own example as someone would type it (30M requests of 200 ms at 128 MB) gives AWS's
/// figure: without `--vcpu`, Lambda is sized by its memory alone. Stating vCPUs sizes it by CPU.
#[test]
fn lambda_is_sized_by_memory_unless_vcpus_are_stated() {
    let lambda_total = |extra: &[&str]| {
        let example = [
            "--requests",
            "30M",
            "--duration",
            "200ms",
            "--memory",
            "128MB",
        ];
        json_service(&cost_json(&[&example[..], extra].concat()), "lambda")["total"]
            .as_f64()
            .expect("a Lambda total")
    };
    let by_memory = lambda_total(&[]);
    assert!(close(by_memory, 11.63, 0.01), "{by_memory}");
    let by_cpu = lambda_total(&["--vcpu", "1"]);
    assert!(by_cpu > by_memory * 5.0, "1 vCPU needs 1,769 MB: {by_cpu}");
}

#[test]
fn quota_warnings_reach_text_and_markdown_with_their_source() {
    // 1B × 10 s ÷ (730 × 3,600 s) = 3,805.2 requests in flight on average, so about 3,806
    // concurrent executions, past Lambda's default quota of 1,000 per Region
    // (https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html).
    let args = ["--requests", "1B", "--duration", "10s", "--memory", "512MB"];
    let text = cost_out(&args);
    let flat = flat(&text);
    for needle in [
        "! Needs about 3,806 concurrent executions on average, past Lambda's default quota of \
         1,000 per Region",
        "https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html",
    ] {
        assert!(flat.contains(needle), "missing {needle:?} in\n{text}");
    }
    // In the ranking (under Lambda's line) and again in Lambda's own section.
    assert_eq!(
        flat.matches("past Lambda's default quota of 1,000").count(),
        2
    );
    let mut md = args.to_vec();
    md.extend(["--format", "markdown"]);
    let markdown = cost_out(&md);
    assert!(
        markdown.contains("> **Warning:** AWS Lambda: Needs about 3,806 concurrent executions"),
        "{markdown}"
    );
    assert!(
        markdown.contains("gettingstarted-limits.html"),
        "{markdown}"
    );
}

#[test]
fn services_within_ten_percent_of_the_cheapest_are_about_the_same() {
    // One 5-minute job of 8 vCPU / 150 GB: ECS on EC2 and Batch run it on the same instance for
    // the same time, so they cost the same; within 10% the ranking says so rather than leaving
    // the order to decide.
    let args = [
        "--requests",
        "1",
        "--duration",
        "5m",
        "--memory",
        "150GB",
        "--vcpu",
        "8",
        "--jobs",
    ];
    let text = cost_out(&args);
    let flat = flat(&text);
    assert!(
        flat.contains(
            "AWS Batch ($0.17) is about the same as Amazon ECS on EC2 ($0.17): within 10%"
        ),
        "{text}"
    );
    // Cosmetics: one job is singular, a Lightsail bundle is billed in instance-months, and the
    // unit price is grouped like every other amount ($1,174.00, not $1174.00).
    assert!(flat.contains("1 job/month × 5 min"), "{text}");
    assert!(
        flat.contains("1 instance-month × $1,174.00 per instance-month"),
        "{text}"
    );
    assert!(!flat.contains("$1174.00"), "{text}");
    // The 10M × 200 ms example: Lambda $11.80 is clearly cheapest (the next, $30, is 154% more).
    let text = cost_out(EXAMPLE_WORKLOAD);
    assert!(!text.contains("about the same"), "{text}");
}

#[test]
fn the_memory_kept_for_the_system_is_cited_in_the_assumptions() {
    // AWS's ECS and Batch memory-management pages are the source of the 5% kept for the agent
    // and system; the user reads it beside the assumption, not only in the code.
    let text = cost_out(&[
        "--requests",
        "730",
        "--duration",
        "1h",
        "--memory",
        "32GB",
        "--vcpu",
        "8",
    ]);
    let flat = flat(&text);
    for needle in [
        "with 5% of its memory left to the operating system and agent (AWS's ECS and Batch \
         memory-management pages advise keeping about 5% for the agent and system",
        "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/memory-management.html",
        "https://docs.aws.amazon.com/batch/latest/userguide/memory-management.html",
    ] {
        assert!(flat.contains(needle), "missing {needle:?} in\n{text}");
    }
}
