//! The shape of the source, held by tests: three rooms (`core`, `cli`, `tui`) that import one
//! way only, modules that import each other without a circle, and files a reader takes in at
//! one sitting.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The core knows nothing of the terminal or the command line: no ratatui, crossterm or clap
/// path anywhere under `src/core`, so the decision engine, cost model and reports can be read,
/// tested and reused alone.
#[test]
fn the_core_imports_no_terminal_or_command_line_crate() {
    let files = rust_files("src/core");
    assert!(files.len() > 20, "{files:?}");
    let mut found = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("read");
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for krate in ["ratatui", "crossterm", "clap"] {
                let uses = code.contains(&format!("{krate}::"))
                    || code.contains(&format!("use {krate}"))
                    || code.contains(&format!("{krate}::ValueEnum"));
                if uses {
                    found.push(format!("{}:{}: {line}", file.display(), n + 1));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "the core reaches outside its room:\n{}",
        found.join("\n")
    );
}

/// Every `.rs` file below `dir` (relative to the crate root).
fn rust_files(dir: &str) -> Vec<std::path::PathBuf> {
    fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("read a source folder") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let mut files = Vec::new();
    walk(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir),
        &mut files,
    );
    files
}

/// Small modules with one job: a file a reader takes in at one sitting.
#[test]
fn no_source_file_is_over_500_lines() {
    let files = rust_files("src");
    assert!(files.len() > 50, "{files:?}");
    let long: Vec<String> = files
        .iter()
        .filter_map(|file| {
            let lines = std::fs::read_to_string(file).expect("read").lines().count();
            (lines > 500).then(|| format!("{}: {lines} lines", file.display()))
        })
        .collect();
    assert!(long.is_empty(), "split these by job:\n{}", long.join("\n"));
}

/// A module of a room (`core::engine`, `cli::check`, `tui::ui`), or the room itself for what
/// its `mod.rs` holds.
type Node = String;

/// The path of modules a source file is: `src/core/engine/explore.rs` is `core::engine::explore`,
/// `src/cli/mod.rs` is `cli`.
fn module_of(file: &Path) -> Vec<String> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let relative = file.strip_prefix(&src).expect("under src");
    let mut parts: Vec<String> = relative
        .with_extension("")
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts
}

/// The room's module a path of modules and items lands in: `core::engine::Step` is
/// `core::engine`; `cli::Cli` (an item of `cli/mod.rs`) is `cli`.
fn node_of(path: &[String]) -> Option<Node> {
    let room = path.first()?;
    if !["core", "cli", "tui"].contains(&room.as_str()) {
        return None;
    }
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src").join(room);
    match path.get(1) {
        Some(m) if src.join(format!("{m}.rs")).exists() || src.join(m).is_dir() => {
            Some(format!("{room}::{m}"))
        }
        _ => Some(room.clone()),
    }
}

/// The short paths `lib.rs` gives (`crate::engine` is `crate::core::engine`), read from its
/// `pub use` lines so a new one is followed without editing this test.
fn lib_aliases() -> BTreeMap<String, Vec<String>> {
    let lib = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs"))
        .expect("read lib.rs");
    let mut aliases = BTreeMap::new();
    for line in lib.lines() {
        let Some(used) = line
            .trim()
            .strip_prefix("pub use ")
            .and_then(|u| u.strip_suffix(';'))
        else {
            continue;
        };
        let used = used.trim_start_matches("crate::");
        let (base, names) = match used.split_once("::{") {
            Some((base, group)) => (base, group.trim_end_matches('}').split(',').collect()),
            None => match used.rsplit_once("::") {
                Some((base, name)) => (base, vec![name]),
                None => continue,
            },
        };
        for name in names {
            let (name, alias) = match name.trim().split_once(" as ") {
                Some((name, alias)) => (name.trim(), alias.trim()),
                None => (name.trim(), name.trim()),
            };
            let mut path: Vec<String> = base.split("::").map(str::to_owned).collect();
            path.push(name.to_owned());
            aliases.insert(alias.to_owned(), path);
        }
    }
    aliases
}

/// Every module each module of the rooms names through `crate::`, `super::` or `self::`, its
/// own room's `mod.rs` aside (a module may use what its parent shares). Comments and test
/// code are left out: a doc link or a test helper is not a dependency of the program.
fn import_graph() -> BTreeMap<Node, BTreeSet<Node>> {
    let aliases = lib_aliases();
    let mut graph: BTreeMap<Node, BTreeSet<Node>> = BTreeMap::new();
    for room in ["core", "cli", "tui"] {
        for file in rust_files(&format!("src/{room}")) {
            if file.file_stem().is_some_and(|s| s == "tests") {
                continue;
            }
            let module = module_of(&file);
            let here = node_of(&module).expect("in a room");
            let text = std::fs::read_to_string(&file).expect("read");
            let code: String = text
                .split("#[cfg(test)]")
                .next()
                .unwrap_or_default()
                .lines()
                .map(|l| l.split("//").next().unwrap_or_default())
                .collect::<Vec<_>>()
                .join("\n");
            let targets = graph.entry(here.clone()).or_default();
            for path in named_paths(&code, &module, &aliases) {
                if let Some(there) = node_of(&path)
                    && there != here
                    && there != room
                {
                    targets.insert(there);
                }
            }
        }
    }
    graph
}

/// The module paths `code` names: `crate::a::b`, `super::a`, `self::a`, and each member of a
/// `{…}` group after one of them, resolved from `module` (the file's own module path).
fn named_paths(
    code: &str,
    module: &[String],
    aliases: &BTreeMap<String, Vec<String>>,
) -> Vec<Vec<String>> {
    let mut found = Vec::new();
    let bytes = code.as_bytes();
    for head in ["crate::", "super::", "self::"] {
        let mut from = 0;
        while let Some(at) = code[from..].find(head).map(|i| i + from) {
            from = at + head.len();
            // A whole word: not the tail of `my_crate::`.
            if at > 0 && (bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] == b'_') {
                continue;
            }
            let rest = &code[at..];
            let end = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':' || c == '{'))
                .unwrap_or(rest.len());
            let path = rest[..end].trim_end_matches(':');
            let (path, group) = match path.split_once("::{") {
                Some((path, _)) => {
                    let close = rest.find('}').unwrap_or(rest.len());
                    let open = rest.find('{').unwrap_or(0) + 1;
                    (path, rest.get(open..close).unwrap_or_default())
                }
                None => (path, ""),
            };
            let mut segments: Vec<&str> = path.split("::").filter(|s| !s.is_empty()).collect();
            let mut base: Vec<String> = match segments.first().copied() {
                Some("crate") => Vec::new(),
                Some("self") => module.to_vec(),
                _ => module[..module.len().saturating_sub(1)].to_vec(),
            };
            segments.remove(0);
            while segments.first() == Some(&"super") {
                base.pop();
                segments.remove(0);
            }
            let resolve = |tail: Vec<String>| -> Vec<String> {
                let mut full = base.clone();
                full.extend(tail);
                if path.starts_with("crate")
                    && let Some(alias) = full.first().and_then(|f| aliases.get(f))
                {
                    let mut expanded = alias.clone();
                    expanded.extend(full.into_iter().skip(1));
                    return expanded;
                }
                full
            };
            let tail: Vec<String> = segments.iter().map(|s| (*s).to_owned()).collect();
            found.push(resolve(tail.clone()));
            for member in group.split(',') {
                let first = member.trim().split("::").next().unwrap_or_default();
                if !first.is_empty() && first != "self" {
                    let mut with = tail.clone();
                    with.push(first.to_owned());
                    found.push(resolve(with));
                }
            }
        }
    }
    found
}

/// Each room imports one way: the core neither the command line nor the app; the app not the
/// command line (which starts it).
#[test]
fn the_rooms_import_one_way() {
    let graph = import_graph();
    assert!(graph.len() > 25, "{graph:?}");
    assert!(
        graph["tui::app"].contains("core::engine"),
        "the graph sees imports at all: {:?}",
        graph["tui::app"]
    );
    let mut wrong = Vec::new();
    for (from, targets) in &graph {
        for to in targets {
            let room = |n: &str| n.split("::").next().unwrap_or_default().to_owned();
            let allowed = match room(from).as_str() {
                "core" => room(to) == "core",
                "tui" => room(to) != "cli",
                _ => true,
            };
            if !allowed {
                wrong.push(format!("{from} → {to}"));
            }
        }
    }
    assert!(wrong.is_empty(), "imports across rooms: {wrong:?}");
}

/// No two modules of the rooms import each other, however indirectly: each can be read, and
/// changed, after what it builds on.
#[test]
fn no_module_imports_lead_in_a_circle() {
    let graph = import_graph();
    let circles = circles_of(&graph);
    assert!(circles.is_empty(), "import circles: {circles:?}");
    // The search finds one when there is one.
    let mut looped = graph.clone();
    looped
        .entry("core::text".into())
        .or_default()
        .insert("core::engine".into());
    assert!(!circles_of(&looped).is_empty());
}

/// Every circle found by a depth-first search, each as the modules along it.
fn circles_of(graph: &BTreeMap<Node, BTreeSet<Node>>) -> Vec<Vec<Node>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Open,
        Done,
    }
    fn visit(
        node: &str,
        graph: &BTreeMap<Node, BTreeSet<Node>>,
        marks: &mut BTreeMap<Node, Mark>,
        trail: &mut Vec<Node>,
        found: &mut Vec<Vec<Node>>,
    ) {
        marks.insert(node.to_owned(), Mark::Open);
        trail.push(node.to_owned());
        for next in graph.get(node).into_iter().flatten() {
            match marks.get(next).copied().unwrap_or(Mark::New) {
                Mark::New => visit(next, graph, marks, trail, found),
                Mark::Open => {
                    let start = trail.iter().position(|n| n == next).unwrap_or(0);
                    found.push(trail[start..].to_vec());
                }
                Mark::Done => {}
            }
        }
        trail.pop();
        marks.insert(node.to_owned(), Mark::Done);
    }
    let mut marks = BTreeMap::new();
    let mut found = Vec::new();
    for node in graph.keys() {
        if marks.get(node).copied().unwrap_or(Mark::New) == Mark::New {
            visit(node, graph, &mut marks, &mut Vec::new(), &mut found);
        }
    }
    found
}

/// The resolver reads the forms the source uses.
#[test]
fn import_paths_resolve_through_the_libs_short_paths() {
    let aliases = lib_aliases();
    assert_eq!(aliases["engine"], ["core", "engine"]);
    let module: Vec<String> = ["cli", "check"].map(String::from).to_vec();
    let paths = named_paths(
        "use crate::{data::Guide, engine};\nlet x = super::output::emit();\n",
        &module,
        &aliases,
    );
    let nodes: BTreeSet<Node> = paths.iter().filter_map(|p| node_of(p)).collect();
    let want: BTreeSet<Node> = ["cli::output", "core::data", "core::engine"]
        .map(String::from)
        .into();
    assert_eq!(nodes, want);
}
