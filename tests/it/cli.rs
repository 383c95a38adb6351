//! The command line as scripts use it: output formats, exit codes, and error messages.

use crate::support::{API_TIE, SERVICE_IDS, SMALL, THUMBNAILS, computepick, failure, stdout};
use assert_cmd::Command;

fn recommend(answers: &[&str], extra: &[&str]) -> Command {
    let mut cmd = computepick();
    cmd.arg("recommend");
    for a in answers {
        cmd.args(["--answer", a]);
    }
    cmd.args(extra);
    cmd
}

#[test]
fn recommend_text_explains_the_answer() {
    let out = stdout(&mut recommend(THUMBNAILS, &[]));
    assert!(
        out.starts_with("Recommendation: AWS Lambda (lambda)"),
        "{out}"
    );
    assert!(out.contains("Runners-up:"), "{out}");
    assert!(out.contains("AWS Batch"), "{out}");
    assert!(out.contains("Your answers:"), "{out}");
}

#[test]
fn recommend_json_has_the_documented_shape() {
    let out = stdout(&mut recommend(THUMBNAILS, &["--format", "json"]));
    let v: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    assert_eq!(v["recommendation"], "lambda");
    let ranking = v["ranking"].as_array().expect("ranking");
    assert_eq!(ranking[0]["service"], "lambda");
    assert_eq!(ranking[0]["name"], "AWS Lambda");
    assert!(ranking[0]["score"].is_number());
    assert!(
        ranking[0]["reasons"]
            .as_array()
            .is_some_and(|r| !r.is_empty())
    );
    let excluded = v["excluded"].as_array().expect("excluded");
    assert_eq!(ranking.len() + excluded.len(), 7);
    assert_eq!(v["path"].as_array().map(Vec::len), Some(9));
    assert_eq!(v["warnings"], serde_json::json!([]));
    // Every runner-up carries its flip point: a list of {question, to}, or null.
    assert!(ranking[0]["flip"].is_null());
    for r in &ranking[1..] {
        let flip = &r["flip"];
        assert!(
            flip.is_null()
                || flip.as_array().is_some_and(|changes| changes
                    .iter()
                    .all(|c| c["question"].is_string() && c["to"].is_string())),
            "{flip}"
        );
    }
    assert_eq!(
        v["path"][0],
        serde_json::json!({"question": "workload", "answer": "event"})
    );
    assert_eq!(v["ignored"], serde_json::json!([]));
}

#[test]
fn json_reasons_carry_their_weight_and_answer() {
    let mut answers = THUMBNAILS.to_vec();
    answers[1] = "runtime=hours";
    answers[3] = "packaging=container";
    let out = stdout(&mut recommend(&answers, &["--format", "json"]));
    let v: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    for r in v["ranking"].as_array().expect("ranking") {
        for reason in r["reasons"].as_array().expect("reasons") {
            let reason = reason.as_str().expect("text");
            assert!(
                reason.starts_with('+') || reason.starts_with('-'),
                "a signed weight first: {reason}"
            );
            assert!(reason.contains(" = "), "the answer: {reason}");
        }
    }
    let lambda = v["excluded"]
        .as_array()
        .expect("excluded")
        .iter()
        .find(|e| e["service"] == "lambda")
        .expect("Lambda is out");
    assert_eq!(
        lambda["reasons"][0],
        "runtime = hours: one run lasts longer than 15 minutes, and Lambda stops every invocation at 15"
    );
}

/// Ties once went to whichever service came first in the data file; now a stated criterion
/// settles them, in words.
#[test]
fn a_tie_for_first_is_said_in_words() {
    let text = stdout(&mut recommend(API_TIE, &[]));
    assert!(
        text.contains(
            "Tied on score with Amazon ECS on EC2: AWS Fargate comes first because it leaves less \nto operate"
        ) || text.contains("Tied on score with Amazon ECS on EC2: AWS Fargate comes first because it leaves less to operate"),
        "{text}"
    );
    assert!(
        text.contains("score 6 (tied)") || text.contains("(tied)"),
        "{text}"
    );
    let markdown = stdout(&mut recommend(API_TIE, &["--format", "markdown"]));
    assert!(markdown.contains("> Tied on score with"), "{markdown}");
    // A clear win says nothing of the kind.
    let clear = stdout(&mut recommend(THUMBNAILS, &[]));
    assert!(!clear.contains("Tied"), "{clear}");
}

#[test]
fn the_same_question_twice_on_the_command_line_is_refused() {
    let mut answers = THUMBNAILS.to_vec();
    answers.push("workload=batch");
    let out = recommend(&answers, &[]).output().expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        err.trim_end(),
        "computepick: --answer workload is given twice (\"event\", then \"batch\"); keep one"
    );
}

#[test]
fn hours_rule_lambda_out_with_the_reason() {
    let mut answers = THUMBNAILS.to_vec();
    answers[0] = "workload=batch";
    answers[1] = "runtime=hours";
    answers[3] = "packaging=container";
    let out = stdout(&mut recommend(&answers, &[]));
    assert!(
        out.contains(
            "AWS Lambda is out: one run lasts longer than 15 minutes, and Lambda stops every invocation at 15 (runtime = hours)"
        ),
        "{out}"
    );
    assert!(out.starts_with("Recommendation: AWS Batch"), "{out}");
}

#[test]
fn recommend_markdown_is_a_document() {
    // An API: AWS Batch serves no requests, so something is ruled out.
    let mut answers = THUMBNAILS.to_vec();
    answers[0] = "workload=api";
    let out = stdout(&mut recommend(&answers, &["--format", "markdown"]));
    assert!(out.starts_with("# Recommendation: AWS Lambda"), "{out}");
    assert!(
        out.contains("| Rank | Service | Score | Main reasons | What would make it win |"),
        "{out}"
    );
    assert!(out.contains("## Ruled out"), "{out}");
}

#[test]
fn a_missing_answer_names_the_question_and_its_options() {
    // Every question still open, each with its options, in one message rather than one a run.
    let err = failure(&mut recommend(&THUMBNAILS[..2], &[]), 2);
    assert!(
        err.starts_with("computepick: 7 questions are without an answer"),
        "{err}"
    );
    for line in [
        "state=stateless|external|cache|disk",
        "needs=gpu|large|windows|dedicated|no-cold-start|none",
        "budget=fixed-low|pay-per-use|commit-for-savings",
    ] {
        assert!(err.contains(line), "{line} in {err}");
    }
}

#[test]
fn answers_of_the_first_vocabulary_are_refused_with_what_replaced_them() {
    let mut answers = THUMBNAILS.to_vec();
    answers[1] = "runtime=always-on";
    let err = failure(&mut recommend(&answers, &[]), 2);
    assert_eq!(
        err.trim_end(),
        "computepick: runtime=always-on is now process=long-lived plus how long one request takes \
         (runtime=seconds, minutes or hours)"
    );
    // A file saved with the first vocabulary: refused, naming what to answer now.
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("old.ron");
    std::fs::write(
        &file,
        "Answers(answers: {\"workload\": \"api\", \"runtime\": \"always-on\", \"state\": \"local\",\n\
         \"packaging\": \"code\", \"control\": \"none\", \"scaling\": \"auto\", \"budget\": \"pay-per-use\"})\n",
    )
    .expect("write");
    let err = failure(
        computepick().arg("recommend").arg("--answers").arg(&file),
        2,
    );
    assert!(
        err.contains("runtime=always-on is now process=long-lived"),
        "{err}"
    );
    assert!(err.contains("state=local is now state=cache"), "{err}");
    assert!(
        err.contains(
            "Answer runtime (seconds|minutes|hours), process (per-request|server|long-lived), state"
        ),
        "{err}"
    );
    assert!(err.contains("needs ("), "{err}");
}

#[test]
fn unknown_names_get_the_closest_valid_ones() {
    let mut answers = THUMBNAILS.to_vec();
    answers.push("wrkload=api");
    let err = failure(&mut recommend(&answers, &[]), 2);
    assert!(err.contains("did you mean \"workload\"?"), "{err}");

    let mut answers = THUMBNAILS.to_vec();
    answers[1] = "runtime=secnds";
    let err = failure(&mut recommend(&answers, &[]), 2);
    assert!(err.contains("did you mean \"seconds\"?"), "{err}");
    assert!(err.contains("(options: seconds, minutes, hours)"), "{err}");
}

#[test]
fn malformed_answer_flags_are_usage_errors() {
    let err = failure(&mut recommend(&["workload"], &[]), 2);
    assert!(err.contains("is not QUESTION=OPTION"), "{err}");
}

#[test]
fn answers_off_the_path_are_ignored_not_errors() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("small.ron");
    std::fs::write(&path, SMALL).expect("write");
    let mut cmd = computepick();
    cmd.args([
        "--data",
        path.to_str().expect("utf-8 path"),
        "recommend",
        "-a",
        "shape=jobs",
        "-a",
        "length=long",
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&mut cmd)).expect("json");
    assert_eq!(v["recommendation"], "job");
    assert_eq!(v["ignored"], serde_json::json!(["length"]));
}

#[test]
fn check_summarises_valid_data() {
    let out = stdout(computepick().arg("check"));
    assert!(out.starts_with("decisions.ron: ok: 9 questions"), "{out}");
    assert!(out.contains("Ties for first: "), "{out}");
    assert!(out.contains("close calls (1 point): "), "{out}");
    for service in SERVICE_IDS {
        assert!(out.contains(service), "{out}");
    }
}

#[test]
fn check_rejects_a_broken_file_with_line_and_column() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("broken.ron");
    let broken = SMALL.replacen("prompt: \"How long", "prompt \"How long", 1);
    std::fs::write(&path, broken).expect("write");
    let err = failure(computepick().arg("check").arg(&path), 2);
    let expected = format!("{}:26:19: ", path.display());
    assert!(err.starts_with(&expected), "{err}");
}

#[test]
fn check_lists_every_semantic_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("bad.ron");
    let bad = SMALL
        .replacen("next: Some(\"length\")", "next: Some(\"lenght\")", 1)
        .replacen(
            "service: \"box\", weight: 2",
            "service: \"bx\", weight: 2",
            1,
        );
    std::fs::write(&path, bad).expect("write");
    let err = failure(computepick().arg("check").arg(&path), 2);
    assert!(err.contains("lenght"), "{err}");
    assert!(err.contains("\"bx\""), "{err}");
    assert!(err.contains("cannot be reached"), "{err}");
}

#[test]
fn bad_data_is_refused_by_every_command() {
    let err = failure(
        computepick().args(["--data", "/nonexistent/x.ron", "recommend"]),
        2,
    );
    assert_eq!(err.trim(), "/nonexistent/x.ron: cannot open: no such file");
    let err = failure(computepick().args(["--data", "/tmp", "check"]), 2);
    assert!(err.contains("is a directory"), "{err}");
}

#[test]
fn without_a_terminal_the_app_points_to_the_subcommands() {
    let err = failure(&mut computepick(), 2);
    assert!(err.contains("needs a terminal"), "{err}");
    assert!(err.contains("recommend"), "{err}");
}

#[test]
fn help_and_version_work_on_every_command() {
    for args in [
        &["--help"][..],
        &["recommend", "--help"],
        &["check", "--help"],
        &["--version"],
    ] {
        let out = stdout(computepick().args(args));
        assert!(!out.is_empty());
    }
    let out = stdout(computepick().arg("--version"));
    assert!(out.starts_with("computepick "), "{out}");
}

#[test]
fn show_prints_a_service_with_sourced_facts() {
    let out = stdout(computepick().args(["show", "lambda"]));
    assert!(out.starts_with("AWS Lambda (lambda)\n"), "{out}");
    assert!(out.contains("Maximum run time: "), "{out}");
    assert!(
        out.contains("source: https://docs.aws.amazon.com/lambda/"),
        "{out}"
    );
    assert!(out.contains("$0.0000166667 per GB-second"), "{out}");
}

#[test]
fn show_finds_terms_by_alias_in_every_format() {
    let out = stdout(computepick().args(["show", "ASG", "--format", "markdown"]));
    assert!(out.starts_with("# "), "{out}");
    assert!(out.to_lowercase().contains("auto scaling"), "{out}");
    let out = stdout(computepick().args(["show", "fargate", "--format", "json"]));
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["kind"], "service");
    assert_eq!(v["id"], "fargate");
    assert!(v["facts"].as_array().is_some_and(|f| f.len() >= 15));
    assert!(v["prices"].as_array().is_some_and(|p| !p.is_empty()));
}

#[test]
fn show_suggests_the_closest_id() {
    let err = failure(computepick().args(["show", "lamda"]), 2);
    assert!(err.contains("did you mean \"lambda\"?"), "{err}");
}

/// `recommend` for the Lambda answers with `extra`, run in `dir`.
fn recommend_in(dir: &std::path::Path, extra: &[&str]) -> std::process::Output {
    recommend(THUMBNAILS, extra)
        .current_dir(dir)
        .output()
        .expect("runs")
}

#[test]
fn a_decision_record_goes_to_its_dated_file_and_dash_is_stdout() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = recommend_in(dir.path(), &["--format", "adr"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(out.stdout.is_empty(), "the record is a file, not stdout");
    let files: Vec<std::path::PathBuf> = std::fs::read_dir(dir.path())
        .expect("ls")
        .map(|e| e.expect("entry").path())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    let name = files[0]
        .file_name()
        .and_then(|n| n.to_str())
        .expect("a name");
    assert!(
        name.starts_with("computepick-decision-") && name.ends_with(".md") && name.len() == 34,
        "computepick-decision-YYYY-MM-DD.md, not {name}"
    );
    let record = std::fs::read_to_string(&files[0]).expect("read");
    assert!(
        record.starts_with("# Run event processing on AWS Lambda"),
        "{record}"
    );
    // The full path, on stderr.
    assert!(stderr.contains("computepick: wrote /"), "{stderr}");
    assert!(stderr.trim_end().ends_with(&format!("/{name}")), "{stderr}");

    // Never replaced without --force.
    std::fs::write(&files[0], "edited by the team").expect("write");
    let out = recommend_in(dir.path(), &["--format", "adr"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("already exists; add --force"), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(&files[0]).expect("read"),
        "edited by the team"
    );
    let out = recommend_in(dir.path(), &["--format", "adr", "--force"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        std::fs::read_to_string(&files[0])
            .expect("read")
            .starts_with("# Run")
    );

    // `-o -` prints it, and writes nothing.
    let out = recommend_in(dir.path(), &["--format", "adr", "-o", "-"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        String::from_utf8_lossy(&out.stdout).starts_with("# Run event processing on AWS Lambda")
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(std::fs::read_dir(dir.path()).expect("ls").count(), 1);
    // Other formats still print without -o; `-o -` is stdout for them too.
    let out = recommend_in(dir.path(), &["--format", "json", "-o", "-"]);
    assert!(
        String::from_utf8_lossy(&out.stdout)
            .trim_start()
            .starts_with('{')
    );
    let out = recommend_in(dir.path(), &[]);
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("Recommendation: AWS Lambda"));
    assert_eq!(std::fs::read_dir(dir.path()).expect("ls").count(), 1);
}

#[test]
fn a_folder_as_the_output_is_refused_with_or_without_force() {
    let dir = tempfile::tempdir().expect("tempdir");
    let folder = dir.path().join("records");
    std::fs::create_dir(&folder).expect("mkdir");
    let folder_arg = folder.to_str().expect("utf-8");
    for force in [&[][..], &["--force"]] {
        let mut extra = vec!["--format", "adr", "-o", folder_arg];
        extra.extend(force);
        let out = recommend_in(dir.path(), &extra);
        assert_eq!(out.status.code(), Some(2), "{force:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(
            stderr.trim_end(),
            format!("computepick: {folder_arg} is a folder; give a file name"),
            "{force:?}"
        );
    }
    let out = recommend_in(dir.path(), &["--save-answers", folder_arg, "--force"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is a folder; give a file name"));
    assert_eq!(std::fs::read_dir(&folder).expect("ls").count(), 0);
}

#[cfg(unix)]
#[test]
fn force_keeps_the_replaced_files_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("private.md");
    std::fs::write(&file, "old").expect("write");
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).expect("chmod");
    let out = recommend_in(
        dir.path(),
        &["--format", "adr", "-o", "private.md", "--force"],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        std::fs::read_to_string(&file)
            .expect("read")
            .starts_with("# Run")
    );
    let mode = std::fs::metadata(&file).expect("meta").permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "was {mode:o}");
}

#[test]
fn an_answers_file_that_answers_a_question_twice_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("answers.ron");
    let mut text = String::from("Answers(answers: {\n");
    for a in THUMBNAILS {
        let (q, o) = a.split_once('=').expect("pair");
        text.push_str(&format!("  \"{q}\": \"{o}\",\n"));
    }
    // Line 11: runtime again, after it was answered on line 3.
    text.push_str("  \"runtime\": \"hours\",\n})\n");
    std::fs::write(&file, text).expect("write");
    let err = failure(
        computepick().arg("recommend").arg("--answers").arg(&file),
        2,
    );
    assert_eq!(
        err.trim_end(),
        format!(
            "{}:11:3: question \"runtime\" is answered twice (\"seconds\" on line 3, then \"hours\"); keep one",
            file.display()
        )
    );
}

/// `questions`: every question in walk order with its options, for scripts building answers.
#[test]
fn questions_lists_the_walk_with_options_and_skips() {
    let out = stdout(computepick().args(["questions", "--format", "json"]));
    let v: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    let ids: Vec<&str> = v
        .as_array()
        .expect("a list")
        .iter()
        .map(|q| q["id"].as_str().expect("id"))
        .collect();
    assert_eq!(
        ids,
        [
            "workload",
            "runtime",
            "process",
            "state",
            "packaging",
            "needs",
            "control",
            "scaling",
            "budget"
        ]
    );
    let process = &v[2];
    assert_eq!(
        process["skip_when"],
        serde_json::json!([{"question": "workload", "one_of": ["batch"]}])
    );
    assert_eq!(v[5]["multi"], true);
    assert_eq!(v[0]["options"][0]["id"], "web-app");
    assert_eq!(v[0]["options"][0]["next"], "runtime");
    assert!(v[8]["options"][0]["next"].is_null());
    let text = stdout(computepick().arg("questions"));
    assert!(text.contains("3. process  (choose one)"), "{text}");
    assert!(text.contains("Not asked when workload is batch."), "{text}");
    assert!(
        text.contains("6. needs  (checklist: tick any, comma-separated, or none)"),
        "{text}"
    );
    let markdown = stdout(computepick().args(["questions", "--format", "markdown"]));
    assert!(
        markdown.contains("## 6. `needs`: Does it need any of these?"),
        "{markdown}"
    );
}
