//! The terminal going away under the app (its window closed, an ssh session dropped): the app
//! must end, not linger. On hang-up the kernel sends SIGHUP and reads of the terminal return
//! end-of-file, which once left the app spinning at full CPU forever, after its terminal was
//! gone, because crossterm's reader loops on empty reads without returning.
//!
//! The terminal here is util-linux `script`, which owns the master side of a pseudo-terminal
//! and runs the app on the other; killing `script` is closing the window. (The other end-to-end
//! tests' harness cannot do this: its reader keeps the master open until the app exits.)
#![cfg(target_os = "linux")]

use std::io::Read;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::support::{FIRST_PROMPT, TIMEOUT};

const BIN: &str = env!("CARGO_BIN_EXE_computepick");

/// The process's state letter from `/proc/PID/stat` (`R`, `S`, `Z`...), or `None` once gone.
fn state(pid: u32) -> Option<char> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name is in parentheses and may hold spaces: the state follows the last `)`.
    stat.rsplit_once(')')?.1.trim_start().chars().next()
}

/// The pids whose parent is `parent`.
fn children(parent: u32) -> Vec<u32> {
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .filter_map(|e| e.ok()?.file_name().to_str()?.parse::<u32>().ok())
        .filter(|pid| {
            std::fs::read_to_string(format!("/proc/{pid}/stat"))
                .ok()
                .and_then(|s| {
                    let rest = s.rsplit_once(')')?.1.to_owned();
                    rest.split_whitespace().nth(1)?.parse::<u32>().ok()
                })
                == Some(parent)
        })
        .collect()
}

/// Kills `pid` if it is still there, so a failing test leaves no spinning process behind.
fn kill(pid: u32) {
    let _ = Command::new("kill").args(["-9", &pid.to_string()]).status();
}

struct Terminal {
    script: Child,
    output: Arc<Mutex<Vec<u8>>>,
}

impl Terminal {
    /// Starts the app in `script`'s terminal and waits for its first question.
    fn open(home: &std::path::Path) -> Self {
        // `script`'s terminal takes its size from script's own, which a test does not have.
        let command = format!("stty rows 24 cols 80 && exec {BIN}");
        let mut script = Command::new("script")
            .args(["--quiet", "--flush", "--command", &command, "/dev/null"])
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", home)
            .env("SHELL", "/bin/sh")
            .env("TERM", "xterm-256color")
            .env("LANG", "C.UTF-8")
            .env("COMPUTEPICK_CONFIG", "")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("util-linux `script` runs (apt-get install bsdutils)");
        let output = Arc::new(Mutex::new(Vec::new()));
        let mut stdout = script.stdout.take().expect("script's stdout");
        let sink = Arc::clone(&output);
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = stdout.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner)
                    .extend_from_slice(&buf[..n]);
            }
        });
        let terminal = Terminal { script, output };
        let deadline = Instant::now() + TIMEOUT;
        while !terminal.shows(FIRST_PROMPT) {
            assert!(
                Instant::now() < deadline,
                "the app never showed its first question in `script`'s terminal"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        terminal
    }

    fn shows(&self, text: &str) -> bool {
        let output = self
            .output
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        String::from_utf8_lossy(&output).contains(text)
    }

    /// The app: the one child of `script`.
    fn app_pid(&self) -> u32 {
        let script = self.script.id();
        let found = children(script);
        assert_eq!(found.len(), 1, "script runs just the app: {found:?}");
        found[0]
    }
}

impl Drop for Terminal {
    /// A failed test leaves nothing running.
    fn drop(&mut self) {
        for pid in children(self.script.id()) {
            kill(pid);
        }
        let _ = self.script.kill();
        let _ = self.script.wait();
    }
}

#[test]
fn closing_the_terminal_ends_the_app() {
    let home = tempfile::tempdir().expect("a temp HOME");
    let mut terminal = Terminal::open(home.path());
    let app = terminal.app_pid();
    assert!(
        matches!(state(app), Some('R' | 'S')),
        "the app runs before the terminal closes: {:?}",
        state(app)
    );

    // Close the window: the terminal program dies and the pseudo-terminal hangs up.
    let _ = terminal.script.kill();
    let _ = terminal.script.wait();
    let closed = Instant::now();

    let deadline = Instant::now() + TIMEOUT;
    loop {
        // Ended: gone, or a zombie waiting for init to reap it.
        match state(app) {
            None | Some('Z' | 'X') => break,
            Some(other) => {
                if Instant::now() >= deadline {
                    kill(app);
                    panic!(
                        "the app was still running ({other}) {TIMEOUT:?} after its terminal \
                         closed; killed it"
                    );
                }
            }
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    // How long it took, for a person reading the output (speed is a benchmark's business, so
    // nothing is asserted on it here): about 0.3 s on an idle machine.
    println!(
        "the app ended {:?} after its terminal closed",
        closed.elapsed()
    );
}
