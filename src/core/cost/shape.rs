//! The workload's shape from the guide's answers: whether its work ends (jobs) or is served all
//! the time, whether it sits behind a load balancer, and a typical duration for one unit of work,
//! so the estimate prices what the walk described rather than an always-on service by default.
//!
//! Pure, against the answer vocabulary (question id → option id, a multi-select's values
//! comma-joined): `workload` = web-app|api|event|batch|microservices; `runtime` =
//! seconds|minutes|hours; `process` = per-request|server|long-lived; `scaling` =
//! scale-to-zero|auto|steady|parallel; `needs` = gpu,large,windows,dedicated,no-cold-start or
//! none. Older ids still read sensibly: `runtime=always-on` is a long-lived process. Unknown
//! questions and options change nothing.

use std::collections::BTreeMap;

use super::Inputs;

/// What the answers say about the workload, for [`WorkloadShape::apply`].
#[derive(Debug, Clone, PartialEq, Default)]
pub struct WorkloadShape {
    /// Work that ends (jobs): `Some(true)`; a service serving requests: `Some(false)`; the
    /// answers do not say: `None`.
    pub jobs: Option<bool>,
    /// Behind a load balancer, when the answers say.
    pub load_balancer: Option<bool>,
    /// A typical duration of one unit of work from `runtime`, in ms, for a form whose duration
    /// nobody has typed.
    pub duration_ms: Option<f64>,
    /// Sentences for the estimate's assumptions: which answer decided what.
    pub notes: Vec<String>,
}

/// Reads the answers (see the module's vocabulary) into a [`WorkloadShape`].
///
/// - Work ends (jobs) when `workload=batch`, `runtime=hours` (longer than 15 minutes, but it
///   ends), or `scaling=scale-to-zero` with a per-request process whose work takes minutes (a
///   task started per event). Events of seconds are not each a task (a one-minute minimum per
///   task would price a thumbnail as a minute of compute): they are served; it is served all the time
///   for a long-lived process (or the old `runtime=always-on`), `scaling=steady` or `auto`, and
///   for web apps, APIs and microservices otherwise.
/// - A load balancer for web apps, APIs and microservices that are not jobs; none for events,
///   batch and other jobs.
/// - Duration: seconds → 1 s, minutes → 5 min, hours → 1 h.
pub fn shape_from_answers(answers: &BTreeMap<String, String>) -> WorkloadShape {
    let get = |q: &str| answers.get(q).map(String::as_str);
    let workload = get("workload");
    let runtime = get("runtime");
    let process = match (get("process"), runtime) {
        (Some(p), _) => Some(p),
        (None, Some("always-on")) => Some("long-lived"),
        _ => None,
    };
    let scaling = get("scaling");
    let mut notes = Vec::new();
    let jobs = if workload == Some("batch") {
        notes.push("workload = batch: priced as jobs that end".to_owned());
        Some(true)
    } else if runtime == Some("hours") {
        notes.push(
            "runtime = hours (longer than 15 minutes, but it ends): priced as jobs that end"
                .to_owned(),
        );
        Some(true)
    } else if process == Some("long-lived") {
        notes.push("a long-lived process: priced as a service that runs all its hours".to_owned());
        Some(false)
    } else if scaling == Some("scale-to-zero")
        && process == Some("per-request")
        && runtime == Some("minutes")
    {
        notes.push(
            "scaling = scale-to-zero with a process per request: priced as work that ends, \
             compute only while it runs"
                .to_owned(),
        );
        Some(true)
    } else if matches!(scaling, Some("steady" | "auto"))
        || matches!(workload, Some("web-app" | "api" | "microservices"))
    {
        notes.push("a service that serves requests: priced for all the hours it runs".to_owned());
        Some(false)
    } else {
        None
    };
    let serves_http = matches!(workload, Some("web-app" | "api" | "microservices"));
    let load_balancer = match (jobs, workload) {
        (Some(true), _) | (_, Some("event" | "batch")) => Some(false),
        _ if serves_http => Some(true),
        _ => None,
    };
    match load_balancer {
        Some(true) => notes.push(format!(
            "workload = {}: behind a load balancer",
            workload.unwrap_or("?")
        )),
        Some(false) => notes.push(
            "no load balancer (the work does not arrive as web requests to spread)".to_owned(),
        ),
        None => {}
    }
    let duration_ms = match runtime {
        Some("seconds") => Some(1_000.0),
        Some("minutes") => Some(5.0 * 60e3),
        Some("hours") => Some(3_600e3),
        _ => None,
    };
    let needs = get("needs").unwrap_or("none");
    for need in needs.split(',').map(str::trim) {
        match need {
            "gpu" => notes.push(
                "needs = gpu: GPU instances are not priced here; the estimate is for CPU only"
                    .to_owned(),
            ),
            "windows" => notes.push(
                "needs = windows: Linux prices; Windows adds licence fees (and Fargate a longer \
                 minimum)"
                    .to_owned(),
            ),
            _ => {}
        }
    }
    WorkloadShape {
        jobs,
        load_balancer,
        duration_ms,
        notes,
    }
}

impl WorkloadShape {
    /// Sets what the answers decide and nobody stated: jobs and the load balancer unless
    /// `stated` says they were set by hand (a flag, a toggle flipped); the duration only when
    /// `duration_stated` is false. Returns the notes for the estimate's assumptions, each
    /// starting "From your answers:".
    pub fn apply(&self, inputs: &mut Inputs, stated: Stated) -> Vec<String> {
        if !stated.jobs
            && let Some(jobs) = self.jobs
        {
            inputs.jobs = jobs;
        }
        if !stated.load_balancer
            && let Some(lb) = self.load_balancer
        {
            inputs.load_balancer = lb;
        }
        if !stated.duration
            && let Some(ms) = self.duration_ms
        {
            inputs.duration_ms = ms;
        }
        self.notes
            .iter()
            .map(|n| format!("From your answers: {n}."))
            .collect()
    }
}

/// Which shaped inputs were set by hand and so keep their value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Stated {
    pub jobs: bool,
    pub load_balancer: bool,
    pub duration: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answers(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(q, a)| ((*q).to_owned(), (*a).to_owned()))
            .collect()
    }

    #[test]
    fn a_nightly_batch_is_jobs_without_a_load_balancer() {
        let s = shape_from_answers(&answers(&[
            ("workload", "batch"),
            ("runtime", "hours"),
            ("scaling", "parallel"),
            ("needs", "none"),
        ]));
        assert_eq!(s.jobs, Some(true));
        assert_eq!(s.load_balancer, Some(false));
        assert_eq!(s.duration_ms, Some(3_600e3));
    }

    #[test]
    fn a_web_app_is_a_service_behind_a_load_balancer() {
        let s = shape_from_answers(&answers(&[
            ("workload", "web-app"),
            ("runtime", "seconds"),
            ("process", "long-lived"),
            ("scaling", "auto"),
        ]));
        assert_eq!(s.jobs, Some(false));
        assert_eq!(s.load_balancer, Some(true));
        assert_eq!(s.duration_ms, Some(1_000.0));
    }

    #[test]
    fn events_per_request_scaling_to_zero_are_work_that_ends() {
        let s = shape_from_answers(&answers(&[
            ("workload", "event"),
            ("runtime", "minutes"),
            ("process", "per-request"),
            ("scaling", "scale-to-zero"),
        ]));
        assert_eq!((s.jobs, s.load_balancer), (Some(true), Some(false)));
        // Events of seconds are not each a task with a one-minute minimum.
        let s = shape_from_answers(&answers(&[
            ("workload", "event"),
            ("runtime", "seconds"),
            ("process", "per-request"),
            ("scaling", "scale-to-zero"),
        ]));
        assert_ne!(s.jobs, Some(true));
        // An API of hour-long requests still ends: runtime decides.
        let s = shape_from_answers(&answers(&[("workload", "api"), ("runtime", "hours")]));
        assert_eq!((s.jobs, s.load_balancer), (Some(true), Some(false)));
    }

    #[test]
    fn old_ids_read_sensibly_and_unknown_ones_change_nothing() {
        let s = shape_from_answers(&answers(&[("workload", "api"), ("runtime", "always-on")]));
        assert_eq!((s.jobs, s.load_balancer), (Some(false), Some(true)));
        assert_eq!(s.duration_ms, None);
        let s = shape_from_answers(&answers(&[("colour", "blue")]));
        assert_eq!(s, WorkloadShape::default());
    }

    #[test]
    fn multi_select_needs_add_notes() {
        let s = shape_from_answers(&answers(&[("needs", "gpu,windows")]));
        assert_eq!(s.notes.len(), 2, "{:?}", s.notes);
        assert!(s.notes[0].contains("GPU"));
    }

    #[test]
    fn apply_keeps_what_was_stated() {
        let s = shape_from_answers(&answers(&[("workload", "batch"), ("runtime", "hours")]));
        let mut inputs = Inputs::default();
        let notes = s.apply(&mut inputs, Stated::default());
        assert!(inputs.jobs && !inputs.load_balancer);
        assert_eq!(inputs.duration_ms, 3_600e3);
        assert!(notes.iter().all(|n| n.starts_with("From your answers:")));
        let mut inputs = Inputs::default();
        s.apply(
            &mut inputs,
            Stated {
                jobs: true,
                load_balancer: true,
                duration: true,
            },
        );
        assert_eq!(inputs, Inputs::default());
    }
}
