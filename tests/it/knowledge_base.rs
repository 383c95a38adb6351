//! The knowledge base in `decisions.ron`: every service fully described, every comparison row
//! filled with a sourced, dated fact, a glossary that covers the concepts people ask about, and
//! the unit prices the cost estimator relies on.

use std::collections::HashSet;

use crate::support::{SERVICE_IDS, guide};
use computepick::data::Guide;

/// `YYYY-MM-DD` with a plausible month and day.
fn is_ymd(date: &str) -> bool {
    let parts: Vec<&str> = date.split('-').collect();
    if parts.len() != 3 || parts[0].len() != 4 || parts[1].len() != 2 || parts[2].len() != 2 {
        return false;
    }
    if !parts.iter().all(|p| p.chars().all(|c| c.is_ascii_digit())) {
        return false;
    }
    let month: u32 = parts[1].parse().unwrap_or(0);
    let day: u32 = parts[2].parse().unwrap_or(0);
    (1..=12).contains(&month) && (1..=31).contains(&day)
}

fn is_https(url: &str) -> bool {
    url.starts_with("https://")
        && url.len() > "https://".len()
        && !url.contains(char::is_whitespace)
}

fn non_empty_list(list: &[String]) -> bool {
    !list.is_empty() && list.iter().all(|item| !item.trim().is_empty())
}

#[test]
fn the_seven_services_are_present() {
    let guide = guide();
    let ids: Vec<&str> = guide.services.iter().map(|s| s.id.as_str()).collect();
    for id in SERVICE_IDS {
        assert!(ids.contains(&id), "service {id} is missing");
    }
}

#[test]
fn every_service_is_fully_described() {
    let guide = guide();
    let mut problems = Vec::new();
    for s in &guide.services {
        let id = &s.id;
        for (field, value) in [
            ("name", &s.name),
            ("summary", &s.summary),
            ("description", &s.description),
            ("model", &s.model),
        ] {
            if value.trim().is_empty() {
                problems.push(format!("{id}: {field} is empty"));
            }
        }
        if !is_https(&s.source) || !is_ymd(&s.as_of) {
            problems.push(format!(
                "{id}: the description and lists need an https source and an as-of date"
            ));
        }
        for (field, list) in [
            ("aliases", &s.aliases),
            ("you_manage", &s.you_manage),
            ("aws_manages", &s.aws_manages),
            ("good_for", &s.good_for),
            ("poor_fit", &s.poor_fit),
            ("pairs_with", &s.pairs_with),
        ] {
            if !non_empty_list(list) {
                problems.push(format!("{id}: {field} is empty or has a blank item"));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "incomplete services:\n{}",
        problems.join("\n")
    );
}

#[test]
fn every_service_states_one_sourced_dated_fact_per_attribute() {
    let guide = guide();
    assert!(
        !guide.attributes.is_empty(),
        "there are no comparison attributes"
    );
    let mut problems = Vec::new();
    for s in &guide.services {
        // Rows derived from a service list (`from: GoodFor`...) take no fact.
        for attribute in guide.attributes.iter().filter(|a| a.from.is_facts()) {
            let facts: Vec<_> = s
                .facts
                .iter()
                .filter(|f| f.attribute == attribute.id)
                .collect();
            match facts.as_slice() {
                [] => problems.push(format!("{}: no fact for \"{}\"", s.id, attribute.id)),
                [fact] => {
                    if fact.value.trim().is_empty() {
                        problems.push(format!("{}/{}: empty value", s.id, attribute.id));
                    }
                    if !is_https(&fact.source) {
                        problems.push(format!(
                            "{}/{}: source \"{}\" is not an https URL",
                            s.id, attribute.id, fact.source
                        ));
                    }
                    if !is_ymd(&fact.as_of) {
                        problems.push(format!(
                            "{}/{}: as_of \"{}\" is not YYYY-MM-DD",
                            s.id, attribute.id, fact.as_of
                        ));
                    }
                }
                _ => problems.push(format!("{}: \"{}\" is stated twice", s.id, attribute.id)),
            }
        }
        let known: HashSet<&str> = guide
            .attributes
            .iter()
            .filter(|a| a.from.is_facts())
            .map(|a| a.id.as_str())
            .collect();
        for fact in &s.facts {
            if !known.contains(fact.attribute.as_str()) {
                problems.push(format!(
                    "{}: fact names unknown attribute \"{}\"",
                    s.id, fact.attribute
                ));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "fact problems:\n{}",
        problems.join("\n")
    );
}

#[test]
fn every_glossary_term_is_complete_sourced_and_dated() {
    let guide = guide();
    let mut problems = Vec::new();
    for t in &guide.glossary {
        if t.id.trim().is_empty() {
            problems.push(format!("a term has an empty id ({})", t.term));
        }
        if t.term.trim().is_empty() {
            problems.push(format!("{}: term is empty", t.id));
        }
        if t.definition.trim().is_empty() {
            problems.push(format!("{}: definition is empty", t.id));
        }
        if !is_https(&t.source) {
            problems.push(format!(
                "{}: source \"{}\" is not an https URL",
                t.id, t.source
            ));
        }
        if !is_ymd(&t.as_of) {
            problems.push(format!("{}: as_of \"{}\" is not YYYY-MM-DD", t.id, t.as_of));
        }
        if t.aliases.iter().any(|a| a.trim().is_empty()) {
            problems.push(format!("{}: has a blank alias", t.id));
        }
    }
    assert!(
        problems.is_empty(),
        "glossary problems:\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_glossary_has_at_least_60_terms() {
    let guide = guide();
    assert!(
        guide.glossary.len() >= 60,
        "the glossary has only {} terms",
        guide.glossary.len()
    );
}

#[test]
fn term_ids_are_unique_and_distinct_from_service_ids() {
    let guide = guide();
    let services: HashSet<&str> = guide.services.iter().map(|s| s.id.as_str()).collect();
    let mut seen = HashSet::new();
    for t in &guide.glossary {
        assert!(
            seen.insert(t.id.as_str()),
            "term id \"{}\" is used twice",
            t.id
        );
        assert!(
            !services.contains(t.id.as_str()),
            "term id \"{}\" is also a service id",
            t.id
        );
    }
}

#[test]
fn related_entries_name_known_terms_or_services() {
    let guide = guide();
    let known: HashSet<&str> = guide
        .glossary
        .iter()
        .map(|t| t.id.as_str())
        .chain(guide.services.iter().map(|s| s.id.as_str()))
        .collect();
    let mut problems = Vec::new();
    for t in &guide.glossary {
        for r in &t.related {
            if !known.contains(r.as_str()) {
                problems.push(format!(
                    "{}: related \"{r}\" is neither a term nor a service",
                    t.id
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Concepts from the study notes and the brief that someone may search for. Each must equal,
/// ignoring case, a glossary term or one of its aliases.
const REQUIRED_CONCEPTS: &[&str] = &[
    "EC2",
    "Instance type",
    "General purpose instances",
    "Compute optimized instances",
    "Memory optimized instances",
    "Accelerated computing instances",
    "Storage optimized instances",
    "On-Demand",
    "Reserved Instances",
    "RI",
    "Standard Reserved Instances",
    "Convertible Reserved Instances",
    "Savings Plans",
    "SP",
    "Compute Savings Plans",
    "EC2 Instance Savings Plans",
    "Spot Instances",
    "Dedicated Hosts",
    "Auto Scaling",
    "ASG",
    "Dynamic scaling",
    "Predictive scaling",
    "Minimum capacity",
    "Desired capacity",
    "Maximum capacity",
    "Elastic Load Balancing",
    "ELB",
    "ALB",
    "Application Load Balancer",
    "NLB",
    "Network Load Balancer",
    "SNS",
    "SQS",
    "API Gateway",
    "ECR",
    "Docker",
    "Container",
    "Container image",
    "Kubernetes",
    "k8s",
    "Pod",
    "Node group",
    "Serverless",
    "FaaS",
    "IaaS",
    "PaaS",
    "SaaS",
    "CloudFormation",
    "Infrastructure as code",
    "IaC",
    "Region",
    "Availability Zone",
    "AZ",
    "Wavelength Zone",
    "IOPS",
    "EBS",
    "EFS",
    "Instance store",
    "S3",
    "CloudWatch",
    "Cold start",
    "Provisioned concurrency",
    "GB-second",
    "Monolith",
    "Microservices",
    "Lightsail blueprint",
    "Lightsail bundle",
    "Task definition",
    "ECS service",
    "ECS task",
    "Cluster",
    "Fargate Spot",
    "Batch job",
    "Job queue",
    "Compute environment",
    "Array job",
    "Beanstalk environment",
    "Worker environment",
    "Beanstalk platform",
    "Lambda function URL",
    "Concurrency",
    "Ephemeral storage",
    "vCPU",
    "High availability",
    "Fault tolerance",
    "Scalability",
    "Elasticity",
    "EventBridge",
    "VPC",
    "AMI",
    "Graviton",
    "Arm",
    "App Runner",
    "ECS Express Mode",
    "AWS Cost Explorer",
    "Tenancy",
    "Dedicated Instances",
    "Capacity Reservation",
    "AWS Auto Scaling",
    "Health check",
];

#[test]
fn the_glossary_covers_every_required_concept() {
    let guide = guide();
    let names: HashSet<String> = guide
        .glossary
        .iter()
        .flat_map(|t| std::iter::once(&t.term).chain(t.aliases.iter()))
        .map(|name| name.to_lowercase())
        .collect();
    let missing: Vec<&str> = REQUIRED_CONCEPTS
        .iter()
        .copied()
        .filter(|concept| !names.contains(&concept.to_lowercase()))
        .collect();
    assert!(missing.is_empty(), "glossary lacks: {}", missing.join(", "));
}

fn price(guide: &Guide, id: &str) -> f64 {
    guide
        .prices
        .iter()
        .find(|p| p.id == id)
        .map(|p| p.amount)
        .unwrap_or_else(|| panic!("price \"{id}\" is missing"))
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-12 * b.abs().max(1e-12)
}

#[test]
fn lambda_prices_match_the_aws_price_list() {
    let guide = guide();
    // $0.0000166667 per GB-second: $1.00 buys about 60,000 GB-s, not 600,000 as a study note says.
    let x86 = price(&guide, "lambda.duration.x86");
    assert!(close(x86, 0.000_016_666_7), "x86 GB-second price is {x86}");
    assert!(
        (1.0 / x86 - 60_000.0).abs() < 1.0,
        "$1 should buy about 60,000 GB-s"
    );
    assert!(close(price(&guide, "lambda.duration.arm"), 0.000_013_333_4));

    let requests = guide
        .prices
        .iter()
        .find(|p| p.id == "lambda.requests")
        .unwrap_or_else(|| panic!("price \"lambda.requests\" is missing"));
    assert!(
        close(requests.amount, 0.20),
        "request price is {}",
        requests.amount
    );
    assert!(
        requests.unit.contains("1M"),
        "request price unit \"{}\" should be per 1M requests",
        requests.unit
    );

    assert!(close(price(&guide, "lambda.free.requests"), 1_000_000.0));
    assert!(close(price(&guide, "lambda.free.duration"), 400_000.0));
}

#[test]
fn key_container_prices_are_present() {
    let guide = guide();
    assert!(close(price(&guide, "fargate.vcpu.x86"), 0.04048));
    assert!(close(price(&guide, "fargate.memory.x86"), 0.004445));
    assert!(close(price(&guide, "eks.cluster.standard"), 0.10));
    assert!(close(price(&guide, "eks.cluster.extended"), 0.60));
    assert!(close(price(&guide, "ec2.t3.micro"), 0.0104));
    assert!(price(&guide, "batch.service").abs() < f64::EPSILON);
    assert!(price(&guide, "elastic-beanstalk.service").abs() < f64::EPSILON);
}

#[test]
fn every_price_is_sourced_dated_and_names_a_service() {
    let guide = guide();
    let services: HashSet<&str> = guide.services.iter().map(|s| s.id.as_str()).collect();
    let mut seen = HashSet::new();
    for p in &guide.prices {
        assert!(
            seen.insert(p.id.as_str()),
            "price id \"{}\" is used twice",
            p.id
        );
        assert!(
            services.contains(p.service.as_str()),
            "{}: unknown service {}",
            p.id,
            p.service
        );
        assert!(
            p.amount.is_finite() && p.amount >= 0.0,
            "{}: amount {}",
            p.id,
            p.amount
        );
        assert!(
            !p.label.trim().is_empty() && !p.unit.trim().is_empty(),
            "{}: label/unit",
            p.id
        );
        assert!(is_https(&p.source), "{}: source {}", p.id, p.source);
        assert!(is_ymd(&p.as_of), "{}: as_of {}", p.id, p.as_of);
    }
    for id in SERVICE_IDS {
        assert!(
            guide.prices.iter().any(|p| p.service == id),
            "no price for service {id}"
        );
    }
}
