//! What the test modules share: the binary as a command, its output, the guides, answer lists,
//! and the app driven by keys and clicks and drawn into ratatui's `TestBackend`.

use assert_cmd::Command;
use std::sync::LazyLock;

use computepick::app::{App, Effect, Exit, Screen};
use computepick::cost::{CostModel, Inputs, LineItem, ServiceEstimate};
use computepick::data::{self, Guide};
use computepick::engine::Answers;
use computepick::ui::{self, theme::Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{
    KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

// ---- The command line ----

/// The binary with no personal config file (theme, format, data), no `NO_COLOR` and no `COLUMNS`
/// from the environment: what a test sees depends on nothing but what it sets.
pub fn computepick() -> Command {
    let mut cmd = Command::cargo_bin("computepick").expect("binary is built");
    cmd.env("COMPUTEPICK_CONFIG", "")
        .env_remove("NO_COLOR")
        .env_remove("COLUMNS");
    cmd
}

/// Runs to success and returns stdout.
#[track_caller]
pub fn stdout(cmd: &mut Command) -> String {
    let out = cmd.output().expect("runs");
    assert!(
        out.status.success(),
        "exit {:?}: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

/// Runs to success and returns (stdout, stderr).
#[track_caller]
pub fn success(cmd: &mut Command) -> (String, String) {
    let out = cmd.output().expect("runs");
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    );
    assert_eq!(out.status.code(), Some(0), "stderr: {stderr}");
    (stdout, stderr)
}

/// Runs to exit `code` and returns stderr.
#[track_caller]
pub fn failure(cmd: &mut Command, code: i32) -> String {
    let out = cmd.output().expect("runs");
    assert_eq!(
        out.status.code(),
        Some(code),
        "stdout: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    String::from_utf8(out.stderr).expect("utf-8")
}

/// Text with its line wrapping undone, for finding sentences.
pub fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Makes a FIFO (named pipe) at `path` with `mkfifo`.
#[cfg(unix)]
pub fn mkfifo(path: &std::path::Path) {
    let made = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(made.success(), "mkfifo {}", path.display());
}

// ---- Guides and answers ----

/// The small test guide: data edits do not churn what is drawn from it.
pub const SMALL: &str = include_str!("../fixtures/small.ron");

/// The guide built into the binary (decisions.ron), parsed once: a debug build takes 25 ms a
/// parse, and a hundred tests ask for it.
static GUIDE: LazyLock<Guide> = LazyLock::new(|| {
    data::parse(data::EMBEDDED, data::EMBEDDED_NAME)
        .unwrap_or_else(|diagnostics| panic!("decisions.ron does not load:\n{diagnostics}"))
});

/// A copy of the built-in guide, for the test to change as it likes.
pub fn guide() -> Guide {
    GUIDE.clone()
}

/// `text` with each edit's first `from` replaced by its `to`, in turn; each `from` must be there,
/// or the test would check the unedited text.
#[track_caller]
pub fn edited(text: &str, edits: &[(&str, &str)]) -> String {
    edits.iter().fold(text.to_owned(), |text, (from, to)| {
        assert!(text.contains(from), "{from:?} is not in the text");
        text.replacen(from, to, 1)
    })
}

/// The app on the small test guide.
pub fn small_app() -> App {
    App::new(data::parse(SMALL, "small.ron").expect("valid fixture"))
}

/// The app on the built-in guide.
pub fn real_app() -> App {
    App::new(guide())
}

/// Every service the built-in guide recommends, by id: the estimator's own list, so a service
/// added there is checked here too.
pub use computepick::cost::SERVICE_IDS;

/// Thumbnails made on upload, every question answered: AWS Lambda.
pub const THUMBNAILS: &[&str] = &[
    "workload=event",
    "runtime=seconds",
    "state=stateless",
    "packaging=code",
    "control=none",
    "scaling=scale-to-zero",
    "budget=pay-per-use",
    "process=per-request",
    "needs=none",
];

/// An API of containers, every question answered: Fargate and ECS on EC2 score the same, and
/// the lower operating burden puts Fargate first.
pub const API_TIE: &[&str] = &[
    "workload=microservices",
    "runtime=seconds",
    "process=long-lived",
    "state=external",
    "packaging=container",
    "needs=none",
    "control=platform",
    "scaling=steady",
    "budget=commit-for-savings",
];

/// `QUESTION=OPTION` pairs as answers.
pub fn answers(pairs: &[&str]) -> Answers {
    pairs
        .iter()
        .map(|pair| {
            let (q, a) = pair.split_once('=').expect("QUESTION=OPTION");
            (q.to_owned(), a.to_owned())
        })
        .collect()
}

/// `-a QUESTION=OPTION` for each pair, for `recommend`.
pub fn answer_args(pairs: &[&str]) -> Vec<String> {
    pairs
        .iter()
        .flat_map(|pair| ["-a".to_owned(), (*pair).to_owned()])
        .collect()
}

// ---- The cost model ----

/// The `cost` command's usual example workload: 10M requests a month, 200 ms each, 512 MB.
pub const EXAMPLE_WORKLOAD: &[&str] = &[
    "--requests",
    "10M",
    "--duration",
    "200ms",
    "--memory",
    "512MB",
];

/// Read once: parsing the data for each of hundreds of property-test cases would dominate.
pub static MODEL: LazyLock<CostModel> = LazyLock::new(|| CostModel::new(&guide()));

/// The cost model of the built-in guide.
pub fn model() -> CostModel {
    MODEL.clone()
}

/// `id`'s estimate for `inputs`, which must be valid and modelled.
pub fn service(model: &CostModel, id: &str, inputs: &Inputs) -> ServiceEstimate {
    model
        .estimate_service(id, inputs)
        .expect("valid inputs")
        .unwrap_or_else(|| panic!("no estimate for {id}"))
}

/// `id`'s monthly total for `inputs`, which it must fit.
pub fn total(model: &CostModel, id: &str, inputs: &Inputs) -> f64 {
    let s = service(model, id, inputs);
    s.total
        .unwrap_or_else(|| panic!("{id} does not fit: {:?}", s.reason))
}

/// The estimate states an assumption containing `text` (each number is only as good as what it
/// says it assumed).
#[track_caller]
pub fn assert_assumes(estimate: &ServiceEstimate, text: &str) {
    assert_assumes_all(estimate, &[text]);
}

/// One of the estimate's assumptions contains every one of `parts`.
#[track_caller]
pub fn assert_assumes_all(estimate: &ServiceEstimate, parts: &[&str]) {
    assert!(
        estimate
            .assumptions
            .iter()
            .any(|a| parts.iter().all(|part| a.contains(part))),
        "{}: no assumption says {parts:?}: {:#?}",
        estimate.service,
        estimate.assumptions
    );
}

/// The estimate's line priced by `price_id`, if it has one.
pub fn priced_by<'a>(estimate: &'a ServiceEstimate, price_id: &str) -> Option<&'a LineItem> {
    estimate
        .breakdown
        .iter()
        .find(|l| l.price_id.as_deref() == Some(price_id))
}

/// The estimate has a line priced by `price_id`.
pub fn has_price(estimate: &ServiceEstimate, price_id: &str) -> bool {
    priced_by(estimate, price_id).is_some()
}

// ---- The app without a terminal ----

/// A key press, its effects performed as the terminal loop would; how the app stops, if it does.
pub fn press(app: &mut App, code: KeyCode) -> Option<Exit> {
    let effects = app.handle_key(&KeyEvent::new(code, KeyModifiers::NONE));
    computepick::tui::perform(app, effects)
}

/// Presses each character as a key, its effects performed (as `press`).
pub fn press_keys(app: &mut App, typed: &str) {
    for c in typed.chars() {
        press(app, KeyCode::Char(c));
    }
}

/// Clears the path field (Ctrl-U) and types `path` into it, key by key.
pub fn type_path(app: &mut App, path: &str) {
    app.handle_key(&KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL));
    for c in path.chars() {
        app.handle_key(&KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    }
}

/// Presses each character as a key; `.` is Enter (on the checklist: go on).
pub fn keys(app: &mut App, keys: &str) {
    for c in keys.chars() {
        let code = if c == '.' {
            KeyCode::Enter
        } else {
            KeyCode::Char(c)
        };
        app.handle_key(&KeyEvent::new(code, KeyModifiers::NONE));
    }
}

/// Lambda, Fargate, ECS on EC2 and EKS compared; the cursor on EKS, so at 80 columns the
/// table has scrolled right to ECS on EC2 and EKS.
pub fn four_services_scrolled_right() -> App {
    let mut app = real_app();
    press(&mut app, KeyCode::Tab);
    // Lambda and Fargate are compared by default; add ECS on EC2 and EKS.
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Right);
    keys(&mut app, " ");
    press(&mut app, KeyCode::Right);
    keys(&mut app, " ");
    assert_eq!(app.compare.chosen, ["lambda", "fargate", "ecs-ec2", "eks"]);
    app
}

/// The top recommendation on the result screen; none on a question.
pub fn top(app: &App) -> Option<String> {
    match &app.screen {
        Screen::Result { outcome, .. } => outcome.recommendation.top().map(|t| t.service.clone()),
        Screen::Question { .. } => None,
    }
}

/// `id`'s monthly total on the Cost tab, if it is priced.
pub fn app_total(app: &App, id: &str) -> Option<f64> {
    app.cost
        .estimate
        .as_ref()
        .and_then(|e| e.service(id))
        .and_then(|s| s.total)
}

/// The app drawn at `width` × `height` in the plain palette, as `TestBackend`'s text.
pub fn render(app: &mut App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test backend");
    terminal
        .draw(|frame| ui::draw(app, Theme::PLAIN, frame))
        .expect("draw");
    terminal.backend().to_string()
}

/// Clicks the first place `text` is drawn at `width` × `height`; what the app made of it.
pub fn click_on(app: &mut App, text: &str, width: u16, height: u16) -> Option<Vec<Effect>> {
    let screen = render(app, width, height);
    let (row, line) = screen
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains(text))
        .unwrap_or_else(|| panic!("{text:?} is on screen:\n{screen}"));
    // Lines are quoted in TestBackend's text: skip the opening quote.
    let col = line[1..].find(text).expect("found");
    let col = line[1..][..col].chars().count();
    app.handle_mouse(&MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: u16::try_from(col).expect("fits"),
        row: u16::try_from(row).expect("fits"),
        modifiers: KeyModifiers::NONE,
    })
}

// ---- Cost that grows with the input ----

/// CPU time this thread spends in `work`: other tests and processes competing for the machine
/// do not count, as they would in wall time.
pub fn cpu_time(work: &mut impl FnMut()) -> std::time::Duration {
    let before = thread_cpu();
    work();
    thread_cpu().saturating_sub(before)
}

/// Asserts that `large`, `factor` times the input of `small`, costs less than `factor`² / 2
/// times as much: linear work costs about `factor` times as much, quadratic `factor`² times.
/// Small inputs suffice, so a regression fails in seconds instead of hanging the suite. Each
/// is the least of three runs (`large` stops at the first under the limit).
#[track_caller]
pub fn assert_linear(what: &str, factor: u32, mut small: impl FnMut(), mut large: impl FnMut()) {
    let small = (0..3)
        .map(|_| cpu_time(&mut small))
        .min()
        .expect("three runs");
    let limit = f64::from(factor * factor) / 2.0;
    let mut least = std::time::Duration::MAX;
    for _ in 0..3 {
        least = least.min(cpu_time(&mut large));
        if least.as_secs_f64() / small.as_secs_f64().max(1e-6) < limit {
            return;
        }
    }
    panic!(
        "{what}: {factor}× the input took {:.1}× the time ({small:?} → {least:?}), over {limit}×: \
         not linear",
        least.as_secs_f64() / small.as_secs_f64().max(1e-6)
    );
}

#[cfg(target_os = "linux")]
fn thread_cpu() -> std::time::Duration {
    use nix::sys::resource::{UsageWho, getrusage};
    let usage = getrusage(UsageWho::RUSAGE_THREAD).expect("getrusage");
    let micros = |t: nix::sys::time::TimeVal| {
        u64::try_from(t.tv_sec()).unwrap_or(0) * 1_000_000 + u64::try_from(t.tv_usec()).unwrap_or(0)
    };
    std::time::Duration::from_micros(micros(usage.user_time()) + micros(usage.system_time()))
}

/// Elsewhere, wall time: the least of three runs still filters out most interference.
#[cfg(not(target_os = "linux"))]
fn thread_cpu() -> std::time::Duration {
    static START: LazyLock<std::time::Instant> = LazyLock::new(std::time::Instant::now);
    START.elapsed()
}
