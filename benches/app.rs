//! The app's budgets, measured: loading the embedded data, drawing every view into ratatui's
//! `TestBackend`, one key press handled end to end (state update and draw), `recommend` as a
//! whole process, process start to the first frame in a pseudo-terminal, and peak memory. Prints
//! a table and a PASS/FAIL line per target; exits 1 when a target is missed.
//!
//! `cargo bench --bench app` runs it (about half a minute). `-- --quick` repeats less (a smoke
//! run). The process figures run `target/release/computepick`, which `cargo bench` builds with
//! the release profile first.
//!
//! Start to first frame and `recommend` are measured twice: with the built-in prices, and with
//! a Region's prices installed (`computepick prices import`) and chosen with `--region`.
//!
//! Targets (issue 9): start to first frame < 15 ms; a view drawn < 1 ms at 200×60; a key press
//! handled < 2 ms; peak memory < 15 MB; `recommend` as a whole process < 10 ms. A verdict is on
//! the median (p95 shown beside it), for the slowest case of its kind; memory is on the peak.
//!
//! Wall-clock figures for whole processes include waiting for a core, so a busy machine inflates
//! them; the load average is printed at the start and the end, and the CPU time each process
//! used (from `getrusage`) is printed beside them, which load does not change.

use std::hint::black_box;
use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use computepick::app::{App, Screen, Tab};
use computepick::data::{self, EMBEDDED, EMBEDDED_NAME, Guide};
use computepick::ui::{self, theme::Theme};
use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

const BIN: &str = env!("CARGO_BIN_EXE_computepick");
const SIZES: [(u16, u16); 2] = [(80, 24), (200, 60)];
/// Answers that complete the built-in walk (Lambda), as `recommend` takes them.
const RECOMMEND_ARGS: &[&str] = &[
    "recommend",
    "-a",
    "workload=event",
    "-a",
    "runtime=seconds",
    "-a",
    "state=stateless",
    "-a",
    "packaging=code",
    "-a",
    "control=none",
    "-a",
    "scaling=scale-to-zero",
    "-a",
    "budget=pay-per-use",
    "-a",
    "process=per-request",
    "-a",
    "needs=none",
];
/// The app switches to the alternate screen just before its first frame.
const ALT_SCREEN: &[u8] = b"\x1b[?1049h";
/// The footer, the last row drawn, ends with this on the first question; its arrival means
/// the first frame is complete.
const FOOTER_END: &[u8] = b"quit";
const CURSOR_QUERY: &[u8] = b"\x1b[6n";
const TIMEOUT: Duration = Duration::from_secs(10);
/// The argument that turns the bench binary into the peak-memory helper.
const CHILD_RUSAGE: &str = "--child-rusage";

const MS: f64 = 1e-3;
const TARGET_FIRST_FRAME: f64 = 15.0 * MS;
const TARGET_DRAW: f64 = 1.0 * MS;
const TARGET_KEY: f64 = 2.0 * MS;
const TARGET_RECOMMEND: f64 = 10.0 * MS;
/// 15 MB, in bytes (RSS is reported in KiB).
const TARGET_MEMORY_BYTES: u64 = 15_000_000;

struct Repeats {
    load: usize,
    draw: usize,
    keys: usize,
    processes: usize,
}

/// Median, 95th percentile and worst of a set of timings, in seconds.
#[derive(Clone, Copy)]
struct Stats {
    median: f64,
    p95: f64,
    max: f64,
}

impl Stats {
    fn of(times: &[Duration]) -> Self {
        let mut secs: Vec<f64> = times.iter().map(Duration::as_secs_f64).collect();
        secs.sort_by(f64::total_cmp);
        let at = |q: f64| {
            let i = ((secs.len() as f64 - 1.0) * q).round() as usize;
            secs.get(i).copied().unwrap_or(f64::NAN)
        };
        Stats {
            median: at(0.5),
            p95: at(0.95),
            max: at(1.0),
        }
    }
}

/// One row of the final table.
struct Row {
    what: String,
    stats: Stats,
    note: String,
}

struct Verdict {
    what: &'static str,
    measured: String,
    target: String,
    pass: bool,
}

/// Runs the bench, or, with `--child-rusage PROGRAM ARGS...`, the small helper that measures
/// one process's peak memory (see [`peak_rss_kb`]).
fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(at) = args.iter().position(|a| a == CHILD_RUSAGE) {
        child_rusage(args.get(at + 1..).unwrap_or_default());
    }
    let quick = args.iter().any(|a| a == "--quick");
    let reps = if quick {
        Repeats {
            load: 10,
            draw: 20,
            keys: 5,
            processes: 5,
        }
    } else {
        Repeats {
            load: 200,
            draw: 300,
            keys: 60,
            processes: 60,
        }
    };
    println!(
        "\ncomputepick app bench: {} cores, load average {} at the start",
        std::thread::available_parallelism().map_or(0, usize::from),
        load_average()
    );
    let mut rows = Vec::new();
    let mut verdicts = Vec::new();

    let guide = load(&reps, &mut rows);
    draws(&guide, &reps, &mut rows, &mut verdicts);
    keys(&guide, &reps, &mut rows, &mut verdicts);
    let recommend_rss = recommend(&reps, &mut rows, &mut verdicts, false);
    let app_rss = first_frames(&guide, &reps, &mut rows, &mut verdicts, false);
    // The same with a Region's prices installed and chosen (issue 19): they must stay within
    // the same budgets.
    let recommend_rss = recommend_rss.max(recommend(&reps, &mut rows, &mut verdicts, true));
    let app_rss = app_rss.max(first_frames(&guide, &reps, &mut rows, &mut verdicts, true));

    let peak = recommend_rss.max(app_rss);
    verdicts.push(Verdict {
        what: "peak memory (max RSS)",
        measured: format!(
            "{} (app {}, recommend {})",
            mb(peak),
            mb(app_rss),
            mb(recommend_rss)
        ),
        target: format!("< {}", mb(TARGET_MEMORY_BYTES / 1024)),
        pass: peak > 0 && peak * 1024 < TARGET_MEMORY_BYTES,
    });

    println!("\n| measure | median | p95 | max | note |\n|---|---:|---:|---:|---|");
    for row in &rows {
        println!(
            "| {} | {} | {} | {} | {} |",
            row.what,
            ms(row.stats.median),
            ms(row.stats.p95),
            ms(row.stats.max),
            row.note
        );
    }
    println!("\nload average {} at the end\n", load_average());
    let mut failed = false;
    for v in &verdicts {
        failed |= !v.pass;
        println!(
            "{} {}: {} (target {})",
            if v.pass { "PASS" } else { "FAIL" },
            v.what,
            v.measured,
            v.target
        );
    }
    if failed {
        std::process::exit(1);
    }
}

/// Times `f` `runs` times after a few unmeasured warm-up runs.
fn time(runs: usize, mut f: impl FnMut()) -> Vec<Duration> {
    for _ in 0..runs.min(5) {
        f();
    }
    (0..runs)
        .map(|_| {
            let started = Instant::now();
            f();
            started.elapsed()
        })
        .collect()
}

fn load(reps: &Repeats, rows: &mut Vec<Row>) -> Guide {
    let all = time(reps.load, || {
        black_box(data::parse(black_box(EMBEDDED), EMBEDDED_NAME).is_ok());
    });
    let syntax = time(reps.load, || {
        black_box(data::parse_syntax(black_box(EMBEDDED), EMBEDDED_NAME).is_ok());
    });
    let guide = match data::parse(EMBEDDED, EMBEDDED_NAME) {
        Ok(guide) => guide,
        Err(e) => {
            eprintln!("the embedded data does not load: {e:?}");
            std::process::exit(2);
        }
    };
    let validate = time(reps.load, || {
        black_box(data::validate(&guide, EMBEDDED, EMBEDDED_NAME));
    });
    let app = time(reps.load, || {
        black_box(App::new(guide.clone()));
    });
    for (what, times, note) in [
        (
            "load + validate the embedded data",
            all,
            "`data::parse`, once per process",
        ),
        ("  of which parsing (ron)", syntax, ""),
        ("  of which validation", validate, "every path walked"),
        (
            "App::new (compare and search views built)",
            app,
            "once per process",
        ),
    ] {
        rows.push(Row {
            what: what.into(),
            stats: Stats::of(&times),
            note: note.into(),
        });
    }
    guide
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

/// Presses `1` on each question, and Enter on a checklist (nothing ticked: none), until the walk
/// ends on the result screen; returns the keys it pressed.
fn walk_to_result(app: &mut App) -> Vec<KeyCode> {
    let mut pressed = Vec::new();
    while pressed.len() < 32 {
        if matches!(app.screen, Screen::Result { .. }) {
            return pressed;
        }
        let checklist = app.current_question().is_some_and(|q| q.multi);
        let code = if checklist {
            KeyCode::Enter
        } else {
            KeyCode::Char('1')
        };
        app.handle_key(&key(code));
        pressed.push(code);
    }
    eprintln!("the walk did not reach a result by choosing option 1 (none on a checklist)");
    std::process::exit(2);
}

/// A walk's keys as a terminal sends them.
fn key_bytes(code: KeyCode) -> &'static [u8] {
    match code {
        KeyCode::Enter => b"\r",
        _ => b"1",
    }
}

/// Every view the app draws, by name: the question, the result, and each tab after the
/// guide, reached with Tab as a person would (so tabs added later are measured too).
fn views(guide: &Guide) -> Vec<(String, App)> {
    let mut views = vec![("question".to_owned(), App::new(guide.clone()))];
    let mut result = App::new(guide.clone());
    walk_to_result(&mut result);
    views.push(("result".to_owned(), result));
    for (presses, tab) in Tab::ALL.iter().enumerate().skip(1) {
        let mut app = App::new(guide.clone());
        for _ in 0..presses {
            app.handle_key(&key(KeyCode::Tab));
        }
        if app.tab != *tab {
            eprintln!("Tab did not reach the {} tab", tab.title());
            app.tab = *tab;
        }
        if *tab == Tab::Search {
            // A query with hits, as the view is usually seen.
            for c in "spot".chars() {
                app.handle_key(&key(KeyCode::Char(c)));
            }
        }
        views.push((tab.title().to_lowercase(), app));
    }
    views
}

fn draws(guide: &Guide, reps: &Repeats, rows: &mut Vec<Row>, verdicts: &mut Vec<Verdict>) {
    let mut slowest: Option<(String, Stats)> = None;
    for (name, mut app) in views(guide) {
        for (w, h) in SIZES {
            let Ok(mut terminal) = Terminal::new(TestBackend::new(w, h));
            // Each draw starts from a cleared screen, so every cell is diffed and written:
            // the worst case, as after a resize.
            let mut times = Vec::with_capacity(reps.draw);
            for i in 0..reps.draw + 5 {
                let _ = terminal.clear();
                let started = Instant::now();
                let _ = terminal.draw(|frame| ui::draw(&mut app, Theme::COLOUR, frame));
                if i >= 5 {
                    times.push(started.elapsed());
                }
            }
            let stats = Stats::of(&times);
            if (w, h) == (200, 60)
                && slowest
                    .as_ref()
                    .is_none_or(|(_, s)| stats.median > s.median)
            {
                slowest = Some((name.clone(), stats));
            }
            rows.push(Row {
                what: format!("draw {name} at {w}×{h}"),
                stats,
                note: String::new(),
            });
        }
    }
    if let Some((name, stats)) = slowest {
        verdicts.push(Verdict {
            what: "a view drawn at 200×60",
            measured: format!(
                "slowest view ({name}) median {}, p95 {}",
                ms(stats.median),
                ms(stats.p95)
            ),
            target: format!("< {}", ms(TARGET_DRAW)),
            pass: stats.median < TARGET_DRAW,
        });
    }
}

/// One key press end to end, as the event loop does it: `handle_key`, then a draw of the
/// changed screen (ratatui diffs against the previous frame), at 200×60.
fn keys(guide: &Guide, reps: &Repeats, rows: &mut Vec<Row>, verdicts: &mut Vec<Verdict>) {
    let Ok(mut terminal) = Terminal::new(TestBackend::new(200, 60));
    let theme = Theme::COLOUR;
    let mut app = App::new(guide.clone());
    let _ = terminal.draw(|frame| ui::draw(&mut app, theme, frame));
    // (name, key) in the order pressed; the sequence starts and ends on the first question.
    let mut sequence: Vec<(&str, KeyCode)> = vec![
        ("↓ on a question", KeyCode::Down),
        ("↑ on a question", KeyCode::Up),
    ];
    let walk = walk_to_result(&mut App::new(guide.clone()));
    for (i, &code) in walk.iter().enumerate() {
        // The last answer computes the result (scores, flips, cost): measured on its own.
        let name = if i + 1 == walk.len() {
            "the last answer: computes the result"
        } else {
            "1 or Enter: answer a question"
        };
        sequence.push((name, code));
    }
    sequence.extend([
        ("↓ scrolls the result", KeyCode::Down),
        ("Tab to the next tab", KeyCode::Tab),
        ("Tab to the next tab", KeyCode::Tab),
        ("type in search", KeyCode::Char('s')),
        ("type in search", KeyCode::Char('p')),
        ("Backspace in search", KeyCode::Backspace),
        ("Backspace in search", KeyCode::Backspace),
    ]);
    // Back to the guide whatever tabs exist, then restart.
    for _ in 2..Tab::ALL.len() {
        sequence.push(("Tab to the next tab", KeyCode::Tab));
    }
    // `r` asks before dropping answers; `y` says yes and the walk starts again.
    sequence.push(("r asks to restart", KeyCode::Char('r')));
    sequence.push(("y restarts", KeyCode::Char('y')));

    let mut by_name: Vec<(&str, Vec<Duration>)> = Vec::new();
    let mut all = Vec::new();
    for rep in 0..reps.keys + 2 {
        for (name, code) in &sequence {
            let event = key(*code);
            let started = Instant::now();
            app.handle_key(&event);
            let _ = terminal.draw(|frame| ui::draw(&mut app, theme, frame));
            let took = started.elapsed();
            if rep < 2 {
                continue; // warm-up
            }
            all.push(took);
            match by_name.iter_mut().find(|(n, _)| n == name) {
                Some((_, times)) => times.push(took),
                None => by_name.push((name, vec![took])),
            }
        }
    }
    let mut slowest: Option<(&str, Stats)> = None;
    for (name, times) in &by_name {
        let stats = Stats::of(times);
        if slowest.is_none_or(|(_, s)| stats.median > s.median) {
            slowest = Some((name, stats));
        }
        rows.push(Row {
            what: format!("key: {name}, 200×60"),
            stats,
            note: "handle_key + draw".into(),
        });
    }
    let overall = Stats::of(&all);
    rows.push(Row {
        what: "key: every press above".into(),
        stats: overall,
        note: format!("{} presses", all.len()),
    });
    if let Some((name, stats)) = slowest {
        verdicts.push(Verdict {
            what: "a key press handled (state + draw)",
            measured: format!(
                "slowest key ({name}) median {}, p95 {}; every press p95 {}",
                ms(stats.median),
                ms(stats.p95),
                ms(overall.p95)
            ),
            target: format!("< {}", ms(TARGET_KEY)),
            pass: stats.median < TARGET_KEY,
        });
    }
}

/// The environment every child gets: no user config, a fixed terminal, a throwaway HOME.
fn child_env(home: &std::path::Path) -> Vec<(&'static str, std::ffi::OsString)> {
    vec![
        ("PATH", std::env::var_os("PATH").unwrap_or_default()),
        ("HOME", home.as_os_str().to_owned()),
        ("TERM", "xterm-256color".into()),
        ("LANG", "C.UTF-8".into()),
        // Empty: read no config file, so a developer's own settings cannot skew the figures.
        ("COMPUTEPICK_CONFIG", "".into()),
    ]
}

/// The Region the "installed" cases choose.
const REGION: &str = "eu-central-1";

/// Installs the test fixtures' eu-central-1 prices under `home` (where the app looks with
/// `HOME=home` and no `XDG_DATA_HOME`), as `computepick prices import` does.
fn install_region(home: &std::path::Path) -> bool {
    use computepick::prices::{self, Matchers, offer};
    let Ok((guide, _, _)) = data::load(None) else {
        return false;
    };
    let matchers = Matchers::new(&guide.prices);
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/prices");
    let Ok(entries) = std::fs::read_dir(&fixtures) else {
        return false;
    };
    let mut parsed = Vec::new();
    for path in entries.filter_map(Result::ok).map(|e| e.path()) {
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let Ok(file) = std::fs::File::open(&path) else {
            return false;
        };
        match offer::read(file, 0, &matchers, None, &mut |_, _| {}) {
            Ok(p) => parsed.push((path.display().to_string(), p)),
            Err(_) => return false,
        }
    }
    let files: Vec<(String, &offer::Parsed)> = parsed.iter().map(|(p, x)| (p.clone(), x)).collect();
    let merged = prices::merge(None, REGION, &files, "2026-12-02");
    let dir = home.join(".local/share/computepick/prices");
    prices::save(&dir, &merged).is_ok()
}

/// A fresh home for the app: empty, or with a Region's installed prices (`region`). None if it
/// cannot be made.
fn home(region: bool) -> Option<tempfile::TempDir> {
    let home = tempfile::tempdir().ok()?;
    if region && !install_region(home.path()) {
        eprintln!("cannot install the {REGION} prices");
        return None;
    }
    Some(home)
}

/// `computepick recommend ...` from spawn to exit, with the built-in prices or (`region`) a
/// Region's installed ones. Returns its peak RSS in KiB.
fn recommend(
    reps: &Repeats,
    rows: &mut Vec<Row>,
    verdicts: &mut Vec<Verdict>,
    region: bool,
) -> u64 {
    let Some(home) = home(region) else {
        return 0;
    };
    let env = child_env(home.path());
    let mut args: Vec<&str> = RECOMMEND_ARGS.to_vec();
    if region {
        args.extend(["--region", REGION]);
    }
    let args = &args[..];
    let before = children_usage();
    let mut failures = 0;
    let runs = reps.processes * 2;
    let times = time(runs, || {
        let status = Command::new(BIN)
            .args(args)
            .env_clear()
            .envs(env.iter().map(|(k, v)| (k, v)))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
        if !status.is_ok_and(|s| s.success()) {
            failures += 1;
        }
    });
    let after = children_usage();
    if failures > 0 {
        eprintln!("recommend failed {failures} times");
    }
    // Warm-up runs count in the CPU total too.
    let cpu = (after.cpu - before.cpu) / (runs + runs.min(5)) as f64;
    let stats = Stats::of(&times);
    rows.push(Row {
        what: if region {
            format!("`computepick recommend ... --region {REGION}` (installed prices)")
        } else {
            "`computepick recommend ...` (whole process)".into()
        },
        stats,
        note: format!("{runs} runs; CPU {} a run", ms(cpu)),
    });
    verdicts.push(Verdict {
        what: if region {
            "`recommend` as a whole process, a Region's prices installed"
        } else {
            "`recommend` as a whole process"
        },
        measured: format!(
            "median {}, p95 {} (CPU {} a run)",
            ms(stats.median),
            ms(stats.p95),
            ms(cpu)
        ),
        target: format!("< {}", ms(TARGET_RECOMMEND)),
        pass: failures == 0 && stats.median < TARGET_RECOMMEND,
    });
    (0..reps.processes.min(5))
        .map(|_| peak_rss_kb(args, &env))
        .max()
        .unwrap_or(0)
}

/// Peak RSS of one `computepick ARGS` run, in KiB, measured by a helper process.
///
/// A child's `ru_maxrss` also counts the memory of the process it was spawned from (Linux
/// records the old address space's peak at `exec`, and a spawn shares or copies the parent's),
/// so asking for the bench's own children would report the bench's size. The helper is this
/// binary started afresh, small because it does nothing else; its child's peak is the app's.
fn peak_rss_kb(args: &[&str], env: &[(&str, std::ffi::OsString)]) -> u64 {
    let Ok(me) = std::env::current_exe() else {
        return 0;
    };
    let output = Command::new(me)
        .arg(CHILD_RUSAGE)
        .arg(BIN)
        .args(args)
        .env_clear()
        .envs(env.iter().map(|(k, v)| (k, v)))
        .stdin(Stdio::null())
        .stderr(Stdio::inherit())
        .output();
    output
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(0)
}

/// The helper: runs the command with its output discarded, waits, and prints the peak RSS of
/// its children in KiB.
fn child_rusage(command: &[String]) -> ! {
    let Some((program, args)) = command.split_first() else {
        std::process::exit(2);
    };
    let ran = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
    println!("{}", children_usage().max_rss_kb);
    std::process::exit(i32::from(!ran.is_ok_and(|s| s.success())));
}

/// What the bench's finished children used: CPU seconds in all, and the largest peak RSS.
struct Usage {
    cpu: f64,
    max_rss_kb: u64,
}

#[cfg(unix)]
fn children_usage() -> Usage {
    use nix::sys::resource::{UsageWho, getrusage};
    match getrusage(UsageWho::RUSAGE_CHILDREN) {
        Ok(u) => {
            let secs =
                |t: nix::sys::time::TimeVal| t.tv_sec() as f64 + t.tv_usec() as f64 / 1_000_000.0;
            Usage {
                cpu: secs(u.user_time()) + secs(u.system_time()),
                // Linux reports KiB.
                max_rss_kb: u64::try_from(u.max_rss()).unwrap_or(0),
            }
        }
        Err(_) => Usage {
            cpu: 0.0,
            max_rss_kb: 0,
        },
    }
}

#[cfg(not(unix))]
fn children_usage() -> Usage {
    Usage {
        cpu: 0.0,
        max_rss_kb: 0,
    }
}

/// Peak RSS of a running process, from `/proc/PID/status` (Linux); 0 elsewhere.
fn vm_hwm_kb(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|status| {
            let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
            line.split_whitespace().nth(1)?.parse().ok()
        })
        .unwrap_or(0)
}

/// What the reader thread saw of one run.
#[derive(Default)]
struct Seen {
    output: Vec<u8>,
    /// When the alternate screen was entered (the frame's first bytes follow it).
    alt_screen: Option<Instant>,
    /// When the first frame's last row arrived.
    frame: Option<Instant>,
}

/// One run of the app in an 80×24 pseudo-terminal: (spawn → first frame bytes, spawn →
/// first frame complete, peak RSS in KiB). `walk`, the number of answers a walk takes,
/// also visits every view before quitting, so the peak covers them.
fn pty_run(
    home: &std::path::Path,
    walk: Option<&[KeyCode]>,
    args: &[&str],
) -> Option<(Duration, Duration, u64)> {
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .ok()?;
    let mut cmd = CommandBuilder::new(BIN);
    cmd.args(args);
    cmd.env_clear();
    for (k, v) in child_env(home) {
        cmd.env(k, v);
    }
    cmd.cwd(home);
    let mut reader = pair.master.try_clone_reader().ok()?;
    let writer = Arc::new(Mutex::new(pair.master.take_writer().ok()?));
    let seen = Arc::new(Mutex::new(Seen::default()));

    let started = Instant::now();
    let mut child = pair.slave.spawn_command(cmd).ok()?;
    drop(pair.slave);
    let pid = child.process_id()?;
    let thread = {
        let seen = Arc::clone(&seen);
        let writer = Arc::clone(&writer);
        std::thread::spawn(move || {
            let mut buf = [0u8; 16384];
            loop {
                let n = match reader.read(&mut buf) {
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                    Ok(0) | Err(_) => break,
                    Ok(n) => n,
                };
                let now = Instant::now();
                let mut s = seen
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner);
                let from = s.output.len().saturating_sub(CURSOR_QUERY.len());
                s.output.extend_from_slice(&buf[..n]);
                if find(&s.output[from..], CURSOR_QUERY).is_some()
                    && let Ok(mut w) = writer.lock()
                {
                    let _ = w.write_all(b"\x1b[1;1R");
                    let _ = w.flush();
                }
                if s.alt_screen.is_none() && find(&s.output, ALT_SCREEN).is_some() {
                    s.alt_screen = Some(now);
                }
                if s.frame.is_none()
                    && let Some(at) = find(&s.output, ALT_SCREEN)
                    && find(&s.output[at..], FOOTER_END).is_some()
                {
                    s.frame = Some(now);
                }
            }
        })
    };
    let send = |bytes: &[u8]| {
        if let Ok(mut w) = writer.lock() {
            let _ = w.write_all(bytes);
            let _ = w.flush();
        }
    };
    let output_len = || {
        seen.lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .output
            .len()
    };
    let deadline = started + TIMEOUT;
    let mut times = None;
    while Instant::now() < deadline {
        {
            let s = seen
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            if let (Some(alt), Some(frame)) = (s.alt_screen, s.frame) {
                times = Some((alt - started, frame - started));
                break;
            }
        }
        std::thread::sleep(Duration::from_micros(200));
    }
    let mut rss = vm_hwm_kb(pid);
    if let Some(answers) = walk
        && times.is_some()
    {
        // Every answer, a scroll, then each tab in turn with a search typed; each key
        // waits for the redraw it causes.
        let mut keys: Vec<&[u8]> = answers.iter().map(|&code| key_bytes(code)).collect();
        keys.extend([b"j".as_slice(), b"G", b"\t", b"\t", b"s", b"p", b"o", b"t"]);
        keys.extend(std::iter::repeat_n(
            b"\t".as_slice(),
            Tab::ALL.len().saturating_sub(2),
        ));
        for k in keys {
            let before = output_len();
            send(k);
            let until = Instant::now() + Duration::from_secs(2);
            while output_len() == before && Instant::now() < until {
                std::thread::sleep(Duration::from_millis(1));
            }
        }
        rss = rss.max(vm_hwm_kb(pid));
    }
    // Ctrl-C quits from anywhere without a question.
    send(b"\x03");
    let deadline = Instant::now() + TIMEOUT;
    loop {
        match child.try_wait() {
            Ok(Some(_)) => break,
            Ok(None) if Instant::now() < deadline => {
                rss = rss.max(vm_hwm_kb(pid));
                std::thread::sleep(Duration::from_millis(1));
            }
            _ => {
                let _ = child.kill();
                let _ = child.wait();
                break;
            }
        }
    }
    drop(pair.master);
    let _ = thread.join();
    times.map(|(alt, frame)| (alt, frame, rss))
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Start to first frame, in a pseudo-terminal, with the built-in prices or (`region`) a
/// Region's installed ones. Returns the app's peak RSS in KiB.
fn first_frames(
    guide: &Guide,
    reps: &Repeats,
    rows: &mut Vec<Row>,
    verdicts: &mut Vec<Verdict>,
    region: bool,
) -> u64 {
    let Some(home) = home(region) else {
        return 0;
    };
    let args: &[&str] = if region { &["--region", REGION] } else { &[] };
    let label = if region {
        format!(", --region {REGION} installed")
    } else {
        String::new()
    };
    let before = children_usage();
    let (mut alts, mut frames, mut peak, mut missed) = (Vec::new(), Vec::new(), 0, 0);
    for i in 0..reps.processes + 2 {
        match pty_run(home.path(), None, args) {
            Some((alt, frame, rss)) if i >= 2 => {
                alts.push(alt);
                frames.push(frame);
                peak = peak.max(rss);
            }
            Some(_) => {}
            None => missed += 1,
        }
    }
    let after = children_usage();
    let cpu = (after.cpu - before.cpu) / (reps.processes + 2) as f64;
    let mut probe = App::new(guide.clone());
    let answers = walk_to_result(&mut probe);
    let walked = pty_run(home.path(), Some(&answers), args);
    if let Some((_, _, rss)) = walked {
        peak = peak.max(rss);
    }
    if missed > 0 {
        eprintln!("{missed} runs drew no first frame within {TIMEOUT:?}");
    }
    let (alt, frame) = (Stats::of(&alts), Stats::of(&frames));
    rows.push(Row {
        what: format!("start → alternate screen entered (PTY 80×24{label})"),
        stats: alt,
        note: format!("{} runs", alts.len()),
    });
    rows.push(Row {
        what: format!("start → first frame complete (PTY 80×24{label})"),
        stats: frame,
        note: format!("CPU {} a run, start to quit", ms(cpu)),
    });
    verdicts.push(Verdict {
        what: if region {
            "process start to first drawn frame, a Region's prices installed"
        } else {
            "process start to first drawn frame"
        },
        measured: format!(
            "median {}, p95 {} (to its last row)",
            ms(frame.median),
            ms(frame.p95)
        ),
        target: format!("< {}", ms(TARGET_FIRST_FRAME)),
        pass: missed == 0 && !frames.is_empty() && frame.median < TARGET_FIRST_FRAME,
    });
    peak
}

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|s| s.split_whitespace().next().map(str::to_owned))
        .unwrap_or_else(|| "unknown".into())
}

fn ms(secs: f64) -> String {
    format!("{:.3} ms", secs * 1000.0)
}

/// KiB as MB (10^6 bytes), the unit of the target.
fn mb(kb: u64) -> String {
    format!("{:.1} MB", kb as f64 * 1024.0 / 1e6)
}
