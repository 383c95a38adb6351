//! Answers as a person reads them on the result: the option's label (shortened at a word, with
//! `…`) beside the number that changes it, never `question:option` ids (`workload:batch` read
//! like AWS Batch).

use crate::data::Guide;
use crate::engine::Step;
use crate::text::width;

/// Widest a shortened label gets on a narrow screen: room for four answers a line at 80 columns.
pub const SHORT: usize = 24;

/// `text` within `cells` columns: whole if it fits, else cut after the last whole word that
/// fits with `…` (punctuation before the cut dropped, so `idle:…` reads `idle…`).
pub fn shorten(text: &str, cells: usize) -> String {
    if width(text) <= cells {
        return text.to_owned();
    }
    let mut out = String::new();
    for word in text.split(' ') {
        let next = if out.is_empty() {
            word.to_owned()
        } else {
            format!("{out} {word}")
        };
        if width(&next) + 1 > cells {
            break;
        }
        out = next;
    }
    if out.is_empty() {
        // One word longer than the room: cut it, still marked.
        out = text
            .chars()
            .scan(0, |w, c| {
                *w += width(&c.to_string());
                (*w < cells).then_some(c)
            })
            .collect();
    }
    let kept = out.trim_end_matches([',', ':', ';', '(', '-', ' ']);
    format!("{kept}…")
}

/// The words of `answer` to `question` (a checklist's ticked labels), within `cells` columns.
pub fn answer_label(guide: &Guide, question: &str, answer: &str, cells: usize) -> String {
    let words = guide
        .question(question)
        .map_or_else(|| answer.to_owned(), |q| q.answer_words(answer));
    shorten(&words, cells)
}

/// An answer as the result's answers panel numbers it, `6 None: no servers to see`, so a reason
/// points at the answer that a number key changes. An answer the walk no longer gives (what a
/// what-if changed away from) is named in words alone: a number beside it would say it is the
/// answer now. `question = answer` ids when the guide has no such question.
pub fn reference(guide: &Guide, path: &[Step], question: &str, answer: &str) -> String {
    let Some(asked) = guide.question(question) else {
        return format!("{question} = {answer}");
    };
    let label = answer_label(guide, question, answer, SHORT);
    match path
        .iter()
        .position(|s| s.question == question && asked.picks(&s.answer, answer))
    {
        // The number never ends a line with its words on the next.
        Some(i) => format!("{}{}{label}", i + 1, crate::text::NO_BREAK_SPACE),
        None => label,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortens_at_a_word_and_marks_the_cut() {
        assert_eq!(shorten("Batch jobs", 24), "Batch jobs");
        assert_eq!(
            shorten("Longer than 15 minutes, but it ends", 24),
            "Longer than 15 minutes…"
        );
        assert_eq!(
            shorten("Spiky, often idle: scale to zero", 24),
            "Spiky, often idle…"
        );
        assert_eq!(shorten("Supercalifragilistic", 8), "Superca…");
        for cells in 2..40 {
            let s = shorten("A managed platform where I tune the resources", cells);
            assert!(width(&s) <= cells, "{s:?} wider than {cells}");
        }
    }

    #[test]
    fn only_an_answer_given_now_carries_its_number() {
        let guide =
            crate::data::parse(crate::data::EMBEDDED, crate::data::EMBEDDED_NAME).expect("valid");
        let answers: crate::engine::Answers = [
            ("workload", "api"),
            ("runtime", "minutes"),
            ("process", "per-request"),
            ("state", "stateless"),
            ("packaging", "container"),
            ("needs", "gpu,large"),
        ]
        .into_iter()
        .map(|(q, a)| (q.to_owned(), a.to_owned()))
        .collect();
        let path = crate::engine::walk(&guide, &answers).path;
        assert_eq!(
            reference(&guide, &path, "runtime", "minutes"),
            "2\u{a0}Minutes (up to 15)"
        );
        // What a what-if changed away from: words, no number that now means another answer.
        assert_eq!(
            reference(&guide, &path, "runtime", "seconds"),
            "Seconds or less"
        );
        // A checklist's tick is given now when it is among the ticks.
        assert_eq!(reference(&guide, &path, "needs", "gpu"), "6\u{a0}GPUs");
        assert_eq!(
            reference(&guide, &path, "needs", "windows"),
            "Windows Server or .NET…"
        );
        assert_eq!(reference(&guide, &path, "nope", "x"), "nope = x");
    }
}
