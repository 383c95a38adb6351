//! How long one keystroke's search takes, on the embedded guide and on 2,500 entries made from
//! it (ten times and more the guide's size), typed one character at a time. Prints a table and
//! checks the targets: under 1 ms a keystroke on the embedded data, under 16 ms (one frame at
//! 60 Hz) at 2,500 entries. Single-threaded, so it measures one core.
//!
//! `cargo bench --bench search` runs it (a few seconds). Options after `--`:
//!
//! - `--quick`: fewer repetitions (a smoke run).
//! - `--detail`: every keystroke's time, on stderr.
//! - `--write-haystack DIR`: also write each set's names, one entry a line, to `DIR/<set>.txt`
//!   for `benches/fzf-compare.sh`; with `--haystack-only`, only that.

use std::hint::black_box;
use std::time::{Duration, Instant};

use computepick::data;
use computepick::search::{Entry, Index};

#[path = "../tests/shared/grown.rs"]
mod grown;
use grown::grown;

/// The queries typed, as someone would: names, a typo, two words.
const QUERIES: &[&str] = &[
    "lambda",
    "fargte",
    "spot instances",
    "kubernets",
    "beanstlak",
];
/// Hits asked for per search: about what the overlay shows.
const LIMIT: usize = 20;
/// The larger set's size.
const GROWN: usize = 2_500;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let quick = args.iter().any(|a| a == "--quick");
    let detail = args.iter().any(|a| a == "--detail");
    let haystack_dir = args
        .iter()
        .position(|a| a == "--write-haystack")
        .and_then(|i| args.get(i + 1));

    let guide = match data::load(None) {
        Ok((guide, _, _)) => guide,
        Err(e) => {
            eprintln!("the embedded guide does not load: {e:?}");
            std::process::exit(2);
        }
    };
    let docs = computepick::search::entries(&guide);
    let sets = [
        (
            "embedded",
            grown(&docs, docs.len()),
            Duration::from_millis(1),
        ),
        ("grown-2.5k", grown(&docs, GROWN), Duration::from_millis(16)),
    ];

    if let Some(dir) = haystack_dir {
        for (name, docs, _) in &sets {
            let path = std::path::Path::new(dir).join(format!("{name}.txt"));
            let lines: Vec<String> = docs.iter().map(haystack_line).collect();
            if let Err(e) = std::fs::write(&path, lines.join("\n") + "\n") {
                eprintln!("cannot write {}: {e}", path.display());
                std::process::exit(2);
            }
            println!("wrote {} ({} lines)", path.display(), lines.len());
        }
        if args.iter().any(|a| a == "--haystack-only") {
            return;
        }
    }

    println!(
        "\nOne keystroke's search, limit {LIMIT}, queries {QUERIES:?} typed one character at a time."
    );
    println!(
        "CPU: this thread's CPU time per keystroke, averaged over a batch of repetitions (the \
         kernel's accounting,\nso other processes' load does not count); mean and worst \
         keystroke. Wall: the worst keystroke's\nwall-clock time, best of the repetitions and (in \
         brackets) their median.\n"
    );
    println!("| data set | entries | index build | CPU mean | CPU worst | wall worst |");
    println!("|---|---:|---:|---:|---:|---:|");

    let mut failed = false;
    let mut verdicts = Vec::new();
    for (name, docs, target) in sets {
        let entries = docs.len();
        let started = Instant::now();
        let index = Index::from_entries(docs);
        let build = started.elapsed();
        let wall = wall_per_keystroke(&index, if quick { 3 } else { 21 });
        let cpu = cpu_per_keystroke(&index);
        let cpu_ms =
            |f: fn(&[Duration]) -> Duration| cpu.as_deref().map_or("n/a".into(), |t| ms(f(t)));
        println!(
            "| {name} | {entries} | {} | {} | {} | {} ({}) |",
            ms(build),
            cpu_ms(mean),
            cpu_ms(worst),
            ms(worst(&wall.best)),
            ms(worst(&wall.median)),
        );
        // CPU time where the kernel reports it; else the best wall-clock time.
        let measured = cpu.as_deref().map_or(worst(&wall.best), worst);
        let pass = measured < target;
        failed |= !pass;
        verdicts.push(format!(
            "{} {name}: worst keystroke {} (target < {}; {})",
            if pass { "PASS" } else { "FAIL" },
            ms(measured),
            ms(target),
            if cpu.is_some() {
                "CPU time"
            } else {
                "best wall-clock time"
            },
        ));
        if detail {
            let none = vec![Duration::ZERO; wall.best.len()];
            let times = cpu.as_ref().unwrap_or(&none);
            for ((p, c), w) in prefixes().iter().flatten().zip(times).zip(&wall.best) {
                eprintln!("{name:>12} {p:<16} CPU {}  wall {}", ms(*c), ms(*w));
            }
        }
    }
    println!("\n{}", verdicts.join("\n"));
    if failed {
        std::process::exit(1);
    }
}

/// Every prefix of every query, one list per query.
fn prefixes() -> Vec<Vec<String>> {
    QUERIES
        .iter()
        .map(|q| {
            let chars: Vec<char> = q.chars().collect();
            (1..=chars.len())
                .map(|n| chars[..n].iter().collect())
                .collect()
        })
        .collect()
}

/// Each keystroke's wall-clock time over the repetitions: the best (what one uncontended core
/// needs) and the median (what this machine gave while other work ran on it).
struct Times {
    best: Vec<Duration>,
    median: Vec<Duration>,
}

fn wall_per_keystroke(index: &Index, reps: usize) -> Times {
    let prefixes: Vec<String> = prefixes().into_iter().flatten().collect();
    let mut times: Vec<Vec<Duration>> = prefixes.iter().map(|_| Vec::new()).collect();
    for _ in 0..reps {
        for (prefix, t) in prefixes.iter().zip(&mut times) {
            let started = Instant::now();
            black_box(index.search(prefix, LIMIT));
            t.push(started.elapsed());
        }
    }
    let mut out = Times {
        best: Vec::new(),
        median: Vec::new(),
    };
    for mut t in times {
        t.sort_unstable();
        out.best.push(t[0]);
        out.median.push(t[t.len() / 2]);
    }
    out
}

/// This thread's CPU time, from the kernel's scheduler accounting (Linux). It advances in
/// scheduler ticks, so it is read around batches long enough for a tick not to matter.
fn thread_cpu() -> Option<Duration> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = text.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(ns))
}

/// CPU time of each keystroke: the mean over a batch of at least `BATCH` of CPU time.
fn cpu_per_keystroke(index: &Index) -> Option<Vec<Duration>> {
    const BATCH: Duration = Duration::from_millis(100);
    let mut out = Vec::new();
    for prefix in prefixes().iter().flatten() {
        let start = thread_cpu()?;
        let mut reps = 0u32;
        let used = loop {
            black_box(index.search(prefix, LIMIT));
            reps += 1;
            let used = thread_cpu()?.saturating_sub(start);
            if used >= BATCH && reps >= 3 {
                break used;
            }
        };
        out.push(used / reps);
    }
    Some(out)
}

fn mean(times: &[Duration]) -> Duration {
    times.iter().sum::<Duration>() / times.len().max(1) as u32
}

fn worst(times: &[Duration]) -> Duration {
    times.iter().copied().max().unwrap_or_default()
}

fn ms(d: Duration) -> String {
    format!("{:.3} ms", d.as_secs_f64() * 1000.0)
}

/// What fzf is given: the title and the aliases of an entry on one line.
fn haystack_line(doc: &Entry) -> String {
    std::iter::once(doc.title.as_str())
        .chain(doc.aliases.iter().map(String::as_str))
        .collect::<Vec<_>>()
        .join(" | ")
}
