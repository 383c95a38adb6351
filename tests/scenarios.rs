//! Workloads from the study notes and AWS's own guidance, run through the same function as
//! `computepick recommend`, with the answer an experienced AWS architect would give.

use computepick::cli::recommend::decide;
use computepick::data::{self, Guide};
use computepick::engine::Answers;

fn guide() -> Guide {
    data::parse(data::EMBEDDED, data::EMBEDDED_NAME).expect("embedded data is valid")
}

/// Answers in walk order: workload, runtime, state, packaging, control, scaling, budget.
fn answers(a: [&str; 7]) -> Answers {
    let questions = [
        "workload",
        "runtime",
        "state",
        "packaging",
        "control",
        "scaling",
        "budget",
    ];
    questions
        .iter()
        .zip(a)
        .map(|(q, o)| ((*q).to_owned(), o.to_owned()))
        .collect()
}

/// (what the workload is, the answers, the service expected on top)
const SCENARIOS: &[(&str, [&str; 7], &str)] = &[
    // AWS Lambda
    (
        "thumbnails for images uploaded to S3",
        [
            "event",
            "seconds",
            "stateless",
            "code",
            "none",
            "scale-to-zero",
            "pay-per-use",
        ],
        "lambda",
    ),
    (
        "a serverless cron job",
        [
            "batch",
            "minutes",
            "external",
            "code",
            "none",
            "scale-to-zero",
            "pay-per-use",
        ],
        "lambda",
    ),
    (
        "a serverless REST API behind API Gateway",
        [
            "api",
            "seconds",
            "external",
            "code",
            "none",
            "auto",
            "pay-per-use",
        ],
        "lambda",
    ),
    (
        "real-time stream record processing",
        [
            "event",
            "seconds",
            "external",
            "code",
            "none",
            "auto",
            "pay-per-use",
        ],
        "lambda",
    ),
    (
        "a webhook receiver on the free tier",
        [
            "api",
            "seconds",
            "stateless",
            "code",
            "none",
            "scale-to-zero",
            "fixed-low",
        ],
        "lambda",
    ),
    // AWS Fargate
    (
        "always-on containerized microservices, no servers",
        [
            "microservices",
            "always-on",
            "external",
            "container",
            "none",
            "auto",
            "pay-per-use",
        ],
        "fargate",
    ),
    (
        "a containerized API with variable traffic",
        [
            "api",
            "always-on",
            "stateless",
            "container",
            "none",
            "auto",
            "pay-per-use",
        ],
        "fargate",
    ),
    (
        "a queue worker container that runs continuously",
        [
            "event",
            "always-on",
            "external",
            "container",
            "none",
            "auto",
            "pay-per-use",
        ],
        "fargate",
    ),
    (
        "a containerized web app, managed but sized by me",
        [
            "web-app",
            "always-on",
            "external",
            "container",
            "platform",
            "auto",
            "pay-per-use",
        ],
        "fargate",
    ),
    (
        "a containerized web app with no servers to manage",
        [
            "web-app",
            "always-on",
            "stateless",
            "container",
            "none",
            "auto",
            "pay-per-use",
        ],
        "fargate",
    ),
    // Amazon ECS on EC2
    (
        "GPU inference service at steady load with Reserved pricing",
        [
            "api",
            "always-on",
            "external",
            "container",
            "full",
            "steady",
            "commit-for-savings",
        ],
        "ecs-ec2",
    ),
    (
        "containers needing host daemons and local NVMe",
        [
            "microservices",
            "always-on",
            "local",
            "container",
            "full",
            "steady",
            "commit-for-savings",
        ],
        "ecs-ec2",
    ),
    (
        "a steady web fleet on Savings Plans",
        [
            "web-app",
            "always-on",
            "external",
            "container",
            "platform",
            "steady",
            "commit-for-savings",
        ],
        "ecs-ec2",
    ),
    (
        "GPU video transcoding service with instance-level control",
        [
            "event",
            "always-on",
            "local",
            "container",
            "full",
            "auto",
            "commit-for-savings",
        ],
        "ecs-ec2",
    ),
    // Amazon EKS
    (
        "a team already on Kubernetes",
        [
            "microservices",
            "always-on",
            "external",
            "kubernetes",
            "platform",
            "auto",
            "commit-for-savings",
        ],
        "eks",
    ),
    (
        "Helm-packaged APIs moving from another cloud",
        [
            "api",
            "always-on",
            "external",
            "kubernetes",
            "platform",
            "auto",
            "pay-per-use",
        ],
        "eks",
    ),
    (
        "Kubernetes workloads with GPUs and DaemonSets",
        [
            "microservices",
            "always-on",
            "local",
            "kubernetes",
            "full",
            "auto",
            "commit-for-savings",
        ],
        "eks",
    ),
    (
        "a Kubernetes web platform with steady load",
        [
            "web-app",
            "always-on",
            "external",
            "kubernetes",
            "platform",
            "steady",
            "commit-for-savings",
        ],
        "eks",
    ),
    // AWS Batch
    (
        "a nightly multi-hour container ETL",
        [
            "batch",
            "hours",
            "external",
            "container",
            "platform",
            "scale-to-zero",
            "pay-per-use",
        ],
        "batch",
    ),
    (
        "thousands of simulations in parallel",
        [
            "batch",
            "hours",
            "stateless",
            "container",
            "platform",
            "parallel",
            "commit-for-savings",
        ],
        "batch",
    ),
    (
        "genomics pipeline on Spot",
        [
            "batch",
            "hours",
            "external",
            "container",
            "none",
            "parallel",
            "commit-for-savings",
        ],
        "batch",
    ),
    (
        "rendering frames on GPU instances",
        [
            "batch",
            "hours",
            "local",
            "container",
            "full",
            "parallel",
            "commit-for-savings",
        ],
        "batch",
    ),
    (
        "per-file conversions fanned out to thousands of jobs",
        [
            "batch",
            "minutes",
            "external",
            "container",
            "none",
            "parallel",
            "pay-per-use",
        ],
        "batch",
    ),
    // Amazon Lightsail
    (
        "a WordPress site on a small fixed budget",
        [
            "web-app",
            "always-on",
            "local",
            "code",
            "platform",
            "steady",
            "fixed-low",
        ],
        "lightsail",
    ),
    (
        "a LAMP stack for a small business",
        [
            "web-app",
            "always-on",
            "local",
            "code",
            "none",
            "steady",
            "fixed-low",
        ],
        "lightsail",
    ),
    (
        "a dev/test server",
        [
            "api",
            "always-on",
            "local",
            "code",
            "platform",
            "steady",
            "fixed-low",
        ],
        "lightsail",
    ),
    (
        "a Magento shop with predictable traffic",
        [
            "web-app",
            "always-on",
            "external",
            "code",
            "platform",
            "steady",
            "fixed-low",
        ],
        "lightsail",
    ),
    // AWS Elastic Beanstalk
    (
        "a traditional web app uploaded as code, with load balancing and auto scaling handled",
        [
            "web-app",
            "always-on",
            "external",
            "code",
            "platform",
            "auto",
            "pay-per-use",
        ],
        "elastic-beanstalk",
    ),
    (
        "a Java API with health monitoring and rolling deployments",
        [
            "api",
            "always-on",
            "external",
            "code",
            "platform",
            "auto",
            "commit-for-savings",
        ],
        "elastic-beanstalk",
    ),
    (
        "a PHP app uploaded as code with steady traffic",
        [
            "web-app",
            "always-on",
            "external",
            "code",
            "platform",
            "steady",
            "pay-per-use",
        ],
        "elastic-beanstalk",
    ),
    (
        "a Node.js app with sessions on local disk, scaling with traffic",
        [
            "web-app",
            "always-on",
            "local",
            "code",
            "platform",
            "auto",
            "pay-per-use",
        ],
        "elastic-beanstalk",
    ),
];

#[test]
fn archetypal_workloads_get_the_expected_service() {
    let guide = guide();
    let mut failures = Vec::new();
    for (name, a, expected) in SCENARIOS {
        let (_, rec) = decide(&guide, &answers(*a)).expect("answers are complete and valid");
        let top = rec.top().map(|t| t.service.as_str()).unwrap_or("none");
        if top != *expected {
            let ranking: Vec<String> = rec
                .ranking
                .iter()
                .map(|r| format!("{}={}", r.service, r.score))
                .collect();
            failures.push(format!(
                "{name}: expected {expected}, got {top} ({})",
                ranking.join(", ")
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn every_service_is_the_answer_at_least_three_times() {
    assert!(SCENARIOS.len() >= 30);
    for service in [
        "lambda",
        "fargate",
        "ecs-ec2",
        "eks",
        "batch",
        "lightsail",
        "elastic-beanstalk",
    ] {
        let count = SCENARIOS.iter().filter(|s| s.2 == service).count();
        assert!(
            count >= 3,
            "{service} is expected in only {count} scenarios"
        );
    }
}

/// Every combination of answers (the walk is linear: every question is asked).
fn every_path(guide: &Guide) -> Vec<Answers> {
    let mut paths = vec![Answers::new()];
    for question in &guide.questions {
        paths = paths
            .into_iter()
            .flat_map(|p| {
                question.options.iter().map(move |o| {
                    let mut p = p.clone();
                    p.insert(question.id.clone(), o.id.clone());
                    p
                })
            })
            .collect();
    }
    paths
}

#[test]
fn a_run_over_fifteen_minutes_never_gets_lambda() {
    let guide = guide();
    for answers in every_path(&guide) {
        if matches!(answers["runtime"].as_str(), "hours" | "always-on") {
            let (_, rec) = decide(&guide, &answers).expect("valid");
            assert_eq!(rec.rank_of("lambda"), None, "{answers:?}");
            let out = rec
                .excluded
                .iter()
                .find(|e| e.service == "lambda")
                .expect("lambda excluded");
            assert!(
                out.reasons.iter().any(|c| c.reason.contains("15 minutes")),
                "{out:?}"
            );
        }
    }
}

#[test]
fn a_need_for_gpus_never_gets_fargate_or_lambda() {
    let guide = guide();
    for answers in every_path(&guide) {
        if answers["control"] == "full" {
            let (_, rec) = decide(&guide, &answers).expect("valid");
            assert_eq!(rec.rank_of("fargate"), None, "{answers:?}");
            assert_eq!(rec.rank_of("lambda"), None, "{answers:?}");
        }
    }
}

#[test]
fn kubernetes_teams_get_eks_and_lightsail_never_autoscales_or_gives_full_control() {
    let guide = guide();
    for answers in every_path(&guide) {
        let (_, rec) = decide(&guide, &answers).expect("valid");
        if answers["packaging"] == "kubernetes" {
            // A team on Kubernetes runs EKS, for jobs too (Batch can queue onto EKS, on top).
            let top = rec.top().map(|t| t.service.as_str());
            assert_eq!(top, Some("eks"), "{answers:?}");
        }
        if answers["control"] == "full" {
            // Instance families, GPUs and host agents: never a fixed bundle. (Beanstalk does let
            // you pick instance types and reach the OS, so code-first web apps may still get it.)
            assert_eq!(rec.rank_of("lightsail"), None, "{answers:?}");
        }
        if answers["runtime"] == "seconds" && answers["workload"] == "event" {
            // Work done in seconds on an event is not queued as a job.
            let top = rec.top().map(|t| t.service.as_str());
            assert_ne!(top, Some("batch"), "{answers:?}");
        }
        if matches!(
            answers["scaling"].as_str(),
            "auto" | "scale-to-zero" | "parallel"
        ) {
            assert_eq!(rec.rank_of("lightsail"), None, "{answers:?}");
        }
    }
}

#[test]
fn the_public_vocabulary_is_exactly_as_documented() {
    let guide = guide();
    let expected: &[(&str, &[&str])] = &[
        (
            "workload",
            &["web-app", "api", "event", "batch", "microservices"],
        ),
        ("runtime", &["seconds", "minutes", "hours", "always-on"]),
        ("state", &["stateless", "external", "local"]),
        ("packaging", &["code", "container", "kubernetes"]),
        ("control", &["none", "platform", "full"]),
        ("scaling", &["scale-to-zero", "auto", "steady", "parallel"]),
        (
            "budget",
            &["fixed-low", "pay-per-use", "commit-for-savings"],
        ),
    ];
    for (question, options) in expected {
        let q = guide
            .question(question)
            .unwrap_or_else(|| panic!("{question} exists"));
        let ids: Vec<&str> = q.options.iter().map(|o| o.id.as_str()).collect();
        assert_eq!(&ids, options, "options of {question}");
    }
    let services: Vec<&str> = guide.services.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        services,
        [
            "lambda",
            "fargate",
            "ecs-ec2",
            "eks",
            "batch",
            "lightsail",
            "elastic-beanstalk"
        ]
    );
}

#[test]
fn ties_break_the_same_way_every_time() {
    let guide = guide();
    let a = answers([
        "api",
        "seconds",
        "stateless",
        "code",
        "none",
        "scale-to-zero",
        "fixed-low",
    ]);
    let first = decide(&guide, &a).expect("valid");
    for _ in 0..5 {
        assert_eq!(decide(&guide, &a).expect("valid"), first);
    }
}
