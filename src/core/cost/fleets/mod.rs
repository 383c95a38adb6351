//! The models that run on a fleet of EC2 instances: ECS on EC2, EKS and Elastic Beanstalk (the
//! fleet for the running hours), and Batch (EC2 instance-hours for the jobs alone, or Fargate
//! task-hours; see `serverless::batch_on_fargate`). Lightsail's bundles are in `lightsail`.
//!
//! Each picks the cheapest option in the price list that holds the workload: enough instances for
//! the tasks by vCPU and memory, and, for burstable types, enough baseline CPU for the vCPUs the
//! requests keep busy or surplus credits for the rest. EC2 fleets are compared on their final
//! bill (after discounts, with surplus credits and IPv4 addresses). Options only drop out, or cost
//! more, as the workload grows, so cost never falls.

mod billing;
mod choice;
mod text;

#[cfg(test)]
mod tests;

use super::prices::PriceBook;
use super::serverless::batch_on_fargate;
use super::services::{
    BATCH_MIN_JOB_MS, Load, Notes, alb_lines, beyond, charge, no_charge, size_text,
};
use super::units::{format_amount, format_duration_ms};
use super::{BatchCompute, HOURS_PER_MONTH, Inputs, LineItem};
use billing::{Rules, SCALES_TO_ZERO, instances_for_hours};
use choice::service_fleet;

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
