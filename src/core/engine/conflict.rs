//! A sized workload against the answers: the recommendation follows the answers, the estimate
//! the sizes, and a reader should know when they disagree.

use super::Step;
use crate::data::Guide;

/// The bounds, in milliseconds, of "how long one request, event or job takes" for each answer
/// of the `runtime` question: seconds is up to a minute; minutes, a minute to 15; longer,
/// more than 15 minutes (Lambda's limit, which is what the question separates).
fn runtime_bounds(answer: &str) -> Option<(f64, f64)> {
    match answer {
        "seconds" => Some((0.0, 60e3)),
        "minutes" => Some((60e3, 15.0 * 60e3)),
        "hours" => Some((15.0 * 60e3, f64::INFINITY)),
        _ => None,
    }
}

/// "Your sized duration (2h) is longer than your answer 'runtime: seconds (Seconds or less)'
/// …", when the duration given for a cost estimate contradicts the runtime answer.
pub fn duration_conflict(guide: &Guide, path: &[Step], duration_ms: f64) -> Option<String> {
    let step = path.iter().find(|s| s.question == "runtime")?;
    let (below, above) = runtime_bounds(&step.answer)?;
    let side = if duration_ms > above {
        "longer"
    } else if duration_ms < below {
        "shorter"
    } else {
        return None;
    };
    let label = guide
        .question("runtime")
        .and_then(|q| q.option(&step.answer))
        .map_or_else(String::new, |o| format!(" ({})", o.label));
    Some(format!(
        "The duration sized for the estimate ({}) is {side} than your answer 'runtime: {}{label}'; \
         the recommendation follows the answer, the estimate the size.",
        crate::cost::format_duration_ms(duration_ms),
        step.answer
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_duration_outside_the_answer_is_said_and_one_inside_is_not() {
        let guide = crate::data::parse(crate::data::EMBEDDED, "d").expect("valid");
        let path = [Step {
            question: "runtime".into(),
            answer: "seconds".into(),
        }];
        let said = duration_conflict(&guide, &path, 2.0 * 3_600_000.0).expect("conflict");
        assert!(
            said.contains("longer than your answer 'runtime: seconds (Seconds or less)'"),
            "{said}"
        );
        assert_eq!(duration_conflict(&guide, &path, 200.0), None);
        let hours = [Step {
            question: "runtime".into(),
            answer: "hours".into(),
        }];
        assert!(
            duration_conflict(&guide, &hours, 200.0)
                .expect("shorter")
                .contains("shorter")
        );
    }
}
