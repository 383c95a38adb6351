//! Answer files: a walk's answers saved as a small RON file, to reopen in the app or feed to
//! `recommend`. Unknown questions or options are refused with the file, line and valid names.

use std::fmt::{self as stdfmt, Write};
use std::path::Path;

use serde::Deserialize;

use crate::data::{self, Diagnostic, Diagnostics, Guide, Severity};
use crate::engine::{self, AnswerError, Answers};
use crate::text::cut;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "Answers")]
struct AnswerFile {
    answers: Pairs,
}

/// The `answers` map as written, in file order and with any repeated question kept, so a
/// question answered twice is refused instead of silently taking the last value.
#[derive(Debug)]
struct Pairs(Vec<(String, String)>);

impl<'de> Deserialize<'de> for Pairs {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Pairs;
            fn expecting(&self, f: &mut stdfmt::Formatter<'_>) -> stdfmt::Result {
                f.write_str("a map of question ids to option ids")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Pairs, A::Error> {
                let mut pairs = Vec::new();
                while let Some(pair) = map.next_entry::<String, String>()? {
                    pairs.push(pair);
                }
                Ok(Pairs(pairs))
            }
        }
        deserializer.deserialize_map(Visitor)
    }
}

/// The file's text: answers in walk order, each with its words as a comment.
pub fn to_ron(guide: &Guide, answers: &Answers, saved_on: &str) -> String {
    let walk = engine::walk(guide, answers);
    let mut ordered: Vec<(&str, &str)> = walk
        .path
        .iter()
        .map(|s| (s.question.as_str(), s.answer.as_str()))
        .collect();
    for (q, a) in answers {
        if !ordered.iter().any(|(oq, _)| oq == q) {
            ordered.push((q, a));
        }
    }
    let mut out = format!(
        "// computepick answers, saved {saved_on}. Use them with:\n\
         //   computepick --answers FILE             (the app, at the result)\n\
         //   computepick recommend --answers FILE   (the command line)\n\
         Answers(\n    answers: {{\n"
    );
    for (q, a) in ordered {
        let words = guide
            .question(q)
            .and_then(|question| {
                // A checklist's ticked labels, joined: every answer has its words.
                let labels: Vec<&str> = question
                    .selected(a)?
                    .iter()
                    .map(|o| o.label.as_str())
                    .collect();
                Some(format!(
                    " // {}",
                    comment(&format!("{} {}", question.prompt, labels.join(", ")))
                ))
            })
            .unwrap_or_default();
        let _ = writeln!(out, "        {}: {},{words}", quoted(q), quoted(a));
    }
    out.push_str("    },\n)\n");
    out
}

/// A RON string literal with RON's own escaping: a newline, a quote or a control character in
/// a name stays inside the string, so every file saved loads again.
fn quoted(text: &str) -> String {
    ron::to_string(text).unwrap_or_else(|_| format!("{:?}", text.escape_debug().to_string()))
}

/// Text for a `//` comment, escaped as RON escapes a string (so a newline cannot end the
/// comment and start an answer line of its own), without the quotes around it.
fn comment(text: &str) -> String {
    let literal = quoted(text);
    let inner = literal
        .strip_prefix('"')
        .and_then(|l| l.strip_suffix('"'))
        .unwrap_or(&literal);
    inner.replace("\\\"", "\"")
}

/// Parses an answers file and checks every name against the guide. A file answered in an
/// earlier vocabulary is refused with what replaced each old answer and the questions to
/// answer now.
pub fn parse(guide: &Guide, text: &str, file: &str) -> Result<Answers, Diagnostics> {
    let (answers, retired) = parse_resumable(guide, text, file)?;
    if retired.is_empty() {
        return Ok(answers);
    }
    let first = &retired[0];
    let (line, col) =
        find_key(text, &first.question).map_or((1, 1), |offset| data::line_col(text, offset));
    let replaced: Vec<&str> = retired.iter().map(|r| r.now.as_str()).collect();
    let to_answer: Vec<String> = engine::missing_questions(guide, &answers)
        .iter()
        .map(|q| {
            let ids: Vec<&str> = q.options.iter().map(|o| o.id.as_str()).collect();
            format!("{} ({})", q.id, ids.join("|"))
        })
        .collect();
    Err(Diagnostics(vec![Diagnostic {
        severity: Severity::Error,
        file: file.to_owned(),
        line,
        col,
        message: format!(
            "these answers use the guide's first vocabulary: {}. Answer {} (the app opens this \
             file and asks only those)",
            replaced.join("; "),
            to_answer.join(", ")
        ),
    }]))
}

/// As [`parse`], but answers of an earlier vocabulary are left out and returned, so the app
/// can open the file with what still applies and ask only what is new.
pub fn parse_resumable(
    guide: &Guide,
    text: &str,
    file: &str,
) -> Result<(Answers, Vec<data::Retired>), Diagnostics> {
    let mut answers = parse_names(text, file)?;
    let retired: Vec<data::Retired> = engine::retired_answers(guide, &answers)
        .into_iter()
        .cloned()
        .collect();
    for r in &retired {
        answers.remove(&r.question);
    }
    check(guide, &answers, text, file)?;
    Ok((answers, retired))
}

/// Reads and parses an answers file for the app: old answers are dropped and returned.
pub fn load_resumable(
    guide: &Guide,
    path: &Path,
) -> Result<(Answers, Vec<data::Retired>), Diagnostics> {
    let text = read(path)?;
    parse_resumable(guide, &text, &path.display().to_string())
}

/// The file's answers by name, each question once; the caller checks them against the guide
/// after taking out retired answers.
fn parse_names(text: &str, file: &str) -> Result<Answers, Diagnostics> {
    let parsed: AnswerFile = ron::Options::default().from_str(text).map_err(|e| {
        Diagnostics(vec![Diagnostic {
            severity: Severity::Error,
            file: file.to_owned(),
            line: e.span.start.line.max(1),
            col: e.span.start.col.max(1),
            message: data::parse_message(&e.code),
        }])
    })?;
    let mut answers = Answers::new();
    for (question, option) in parsed.answers.0 {
        if let Some(first) = answers.get(&question) {
            // Point at the second time the question is named, and say where the first was.
            let first_at = find_key(text, &question);
            let second_at = first_at.and_then(|at| find_key_from(text, &question, at + 1));
            let (line, col) = second_at.map_or((1, 1), |offset| data::line_col(text, offset));
            let first_line = first_at.map(|offset| data::line_col(text, offset).0);
            return Err(Diagnostics(vec![Diagnostic {
                severity: Severity::Error,
                file: file.to_owned(),
                line,
                col,
                message: format!(
                    "question \"{}\" is answered twice (\"{}\"{}, then \"{}\"); keep one",
                    cut(&question),
                    cut(first),
                    first_line.map_or_else(String::new, |l| format!(" on line {l}")),
                    cut(&option),
                ),
            }]));
        }
        answers.insert(question, option);
    }
    Ok(answers)
}

/// Every name must be the guide's, with the file's position of the first that is not.
fn check(guide: &Guide, answers: &Answers, text: &str, file: &str) -> Result<(), Diagnostics> {
    engine::check_answers(guide, answers).map_err(|e| {
        let at = match &e {
            AnswerError::UnknownQuestion { question, .. }
            | AnswerError::BadChecklist { question, .. } => find_key(text, question),
            AnswerError::Retired {
                question, option, ..
            } => find_key(text, question).and_then(|k| find_quoted(text, k, option)),
            AnswerError::UnknownOption {
                question, option, ..
            } => find_key(text, question).and_then(|k| find_quoted(text, k, option)),
        };
        let (line, col) = at.map_or((1, 1), |offset| data::line_col(text, offset));
        Diagnostics(vec![Diagnostic {
            severity: Severity::Error,
            file: file.to_owned(),
            line,
            col,
            message: e.to_string(),
        }])
    })
}

/// Reads and parses an answers file (same size and encoding limits as data files).
pub fn load(guide: &Guide, path: &Path) -> Result<Answers, Diagnostics> {
    let text = read(path)?;
    parse(guide, &text, &path.display().to_string())
}

fn read(path: &Path) -> Result<String, Diagnostics> {
    if path.is_dir() {
        // The data loader would call it "not a data file"; this is an answers file.
        return Err(Diagnostics(vec![Diagnostic {
            severity: Severity::Error,
            file: path.display().to_string(),
            line: 0,
            col: 0,
            message: "is a directory, not an answers file".into(),
        }]));
    }
    data::load_path(path)
}

/// Byte offset of `"name"` used as a map key (followed by `:`).
fn find_key(text: &str, name: &str) -> Option<usize> {
    find_key_from(text, name, 0)
}

/// As [`find_key`], from byte offset `from` on.
fn find_key_from(text: &str, name: &str, mut from: usize) -> Option<usize> {
    let needle = quoted(name);
    while let Some(rel) = text.get(from..)?.find(&needle) {
        let at = from + rel;
        from = at + needle.len();
        if text.get(from..)?.trim_start().starts_with(':') {
            return Some(at);
        }
    }
    None
}

fn find_quoted(text: &str, from: usize, name: &str) -> Option<usize> {
    text.get(from..)?.find(&quoted(name)).map(|rel| from + rel)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn guide() -> Guide {
        data::parse(data::EMBEDDED, data::EMBEDDED_NAME).expect("valid")
    }

    fn answers() -> Answers {
        [
            ("workload", "event"),
            ("runtime", "seconds"),
            ("budget", "pay-per-use"),
        ]
        .iter()
        .map(|(q, a)| ((*q).to_owned(), (*a).to_owned()))
        .collect()
    }

    #[test]
    fn round_trips() {
        let g = guide();
        let text = to_ron(&g, &answers(), "2026-11-23");
        assert!(
            text.contains("\"workload\": \"event\", // What are you running? Event processing")
        );
        assert_eq!(parse(&g, &text, "a.ron").expect("parses"), answers());
    }

    #[test]
    fn unknown_names_point_at_their_line_with_the_valid_ones() {
        let g = guide();
        let text = to_ron(&g, &answers(), "2026-11-23").replace("\"seconds\"", "\"secs\"");
        let err = parse(&g, &text, "a.ron")
            .expect_err("unknown option")
            .to_string();
        assert!(err.starts_with("a.ron:7:20:"), "{err}");
        assert!(err.contains("unknown answer \"secs\" for runtime"), "{err}");
        assert!(err.contains("seconds, minutes, hours)"), "{err}");
        let text = to_ron(&g, &answers(), "2026-11-23").replace("\"budget\"", "\"budgett\"");
        let err = parse(&g, &text, "a.ron")
            .expect_err("unknown question")
            .to_string();
        assert!(err.starts_with("a.ron:8:9:"), "{err}");
        assert!(err.contains("did you mean \"budget\"?"), "{err}");
    }

    #[test]
    fn syntax_errors_have_positions() {
        let err = parse(&guide(), "Answers(answers: {\"a\" \"b\"})", "a.ron").expect_err("bad");
        assert!(err.to_string().starts_with("a.ron:1:"), "{err}");
    }

    #[test]
    fn a_question_answered_twice_is_refused_at_its_second_line() {
        let g = guide();
        let text = "Answers(answers: {\n  \"workload\": \"event\",\n  \"runtime\": \"seconds\",\n  \"workload\": \"batch\",\n})\n";
        let err = parse(&g, text, "a.ron").expect_err("twice").to_string();
        assert!(err.starts_with("a.ron:4:3: "), "{err}");
        assert!(
            err.contains(
                "question \"workload\" is answered twice (\"event\" on line 2, then \"batch\")"
            ),
            "{err}"
        );
        // The same answer twice is as much a mistake: still refused.
        let text = "Answers(answers: {\"budget\": \"pay-per-use\", \"budget\": \"pay-per-use\"})";
        let err = parse(&g, text, "a.ron").expect_err("twice").to_string();
        assert!(err.starts_with("a.ron:1:"), "{err}");
        assert!(err.contains("answered twice"), "{err}");
    }

    /// The tiny guide with its first question and option renamed and reworded.
    fn guide_with(qid: &str, oid: &str, prompt: &str, label: &str) -> Guide {
        let mut g = data::parse_syntax(
            include_str!("../../../tests/fixtures/small.ron"),
            "small.ron",
        )
        .expect("parses");
        g.start = qid.to_owned();
        let q = &mut g.questions[0];
        q.id = qid.to_owned();
        q.prompt = prompt.to_owned();
        q.options[1].id = oid.to_owned();
        q.options[1].label = label.to_owned();
        g
    }

    #[test]
    fn a_prompt_with_a_newline_or_a_crafted_answer_line_still_reloads() {
        let prompt = "Shape?\n        \"length\": \"long\", // injected\n";
        let g = guide_with("shape", "jobs", prompt, "Jobs\u{1b}]0;x\u{7}\r\n*/ //");
        let answers: Answers = [("shape".to_owned(), "jobs".to_owned())].into();
        let text = to_ron(&g, &answers, "2026-11-23");
        assert_eq!(text.lines().count(), 8, "one line an answer:\n{text}");
        assert!(!text.contains('\u{1b}'), "{text}");
        assert_eq!(parse(&g, &text, "a.ron").expect("reloads"), answers);
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config::with_cases(200))]
        /// Every save reloads, whatever the ids and words hold.
        #[test]
        fn every_save_reloads(
            qid in "\\PC{1,12}|[\\x00-\\x7f\\u{80}-\\u{9f}\\u{202e}\\u{2028}\"\\\\/*]{1,12}",
            oid in "\\PC{1,12}|[\\x00-\\x7f\\u{85}\\u{202e}\"\\\\]{1,12}",
            prompt in "\\PC{0,40}|[\\x00-\\x7f\\u{85}\\u{2028}\\u{2029}\"\\\\]{0,40}",
            label in "[\\x00-\\x7f\\u{9b}\\u{202e}]{0,20}",
        ) {
            let g = guide_with(&qid, &oid, &prompt, &label);
            let answers: Answers = [(qid.clone(), oid.clone())].into();
            let text = to_ron(&g, &answers, "2026-11-23");
            proptest::prop_assert_eq!(parse(&g, &text, "a.ron").expect("reloads"), answers);
        }
    }
}
