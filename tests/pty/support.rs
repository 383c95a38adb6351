//! A small harness for driving the real `computepick` binary in a pseudo-terminal.
//!
//! The binary runs in a PTY of a chosen size with a controlled environment (a clean env with
//! `TERM=xterm-256color`, `HOME` set to a fresh temp dir, `COMPUTEPICK_CONFIG` empty so no
//! config file is read, `NO_COLOR` only when asked). A reader
//! thread feeds everything the app writes into a [`vt100::Parser`], so a test can look at the
//! screen as a person would see it, and at the terminal's modes (alternate screen, cursor).
//!
//! Synchronisation is always by polling the screen for what the test expects
//! ([`Pty::wait_for`], [`Pty::wait_for_all`], [`Pty::wait_gone`], [`Pty::wait_until`]); a
//! timeout panics with the last screen dumped. Never sleep blindly. The app draws each frame as
//! a synchronized update (mode 2026) and the screen model takes a frame only whole, as a
//! terminal that knows the mode shows it ([`Frames`]): a test never sees half a frame.
//!
//! The harness holds the slave side open too, so a read of the master never ends before the
//! app's last bytes are in: on exit, [`Pty::wait_exit`] writes a marker behind them and reads
//! up to it. (Reads that ended at the app's exit once lost the terminal restore it wrote last.)
//!
//! Key bytes for [`Pty::send`]: see [`keys`].

#![allow(dead_code)] // A harness: the whole key table and every probe, used by a test or not.

use std::ffi::OsString;
use std::fs::File;
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};

/// Generous, because CI machines are small and debug builds are slow.
pub const TIMEOUT: Duration = Duration::from_secs(10);
/// The first question's prompt: the app is up and drawing.
pub const FIRST_PROMPT: &str = "What are you running?";
/// How often the screen is looked at while waiting.
const POLL: Duration = Duration::from_millis(20);

/// Bytes a terminal sends for common keys (xterm, normal cursor mode).
pub mod keys {
    pub const ENTER: &str = "\r";
    pub const BACKSPACE: &str = "\x7f";
    pub const ESC: &str = "\x1b";
    pub const TAB: &str = "\t";
    pub const CTRL_C: &str = "\x03";
    /// Clears a text field.
    pub const CTRL_U: &str = "\x15";
    pub const UP: &str = "\x1b[A";
    pub const DOWN: &str = "\x1b[B";
    pub const RIGHT: &str = "\x1b[C";
    pub const LEFT: &str = "\x1b[D";
    pub const HOME: &str = "\x1b[H";
    pub const END: &str = "\x1b[F";
    pub const PAGE_UP: &str = "\x1b[5~";
    pub const PAGE_DOWN: &str = "\x1b[6~";
}

/// The cursor-position query (DSR 6) and the answer the harness gives to it.
const CURSOR_QUERY: &[u8] = b"\x1b[6n";
const CURSOR_REPLY: &[u8] = b"\x1b[1;1R";

/// Where a synchronized update (one frame) begins and ends.
pub const FRAME_BEGIN: &[u8] = b"\x1b[?2026h";
pub const FRAME_END: &[u8] = b"\x1b[?2026l";

/// What the harness writes into the slave side once the app has exited: everything before it
/// came from the app. It starts like a frame, so [`Frames`] holds it back until it is whole.
const DRAINED: &[u8] = b"\x1b[?2026h\x1b_pty-harness: the app's output ends here\x1b\\";

/// The bytes read from the app, passed on to the screen model only up to a frame boundary: a
/// frame still being drawn (from a `FRAME_BEGIN` without its end) is held back until it ends.
#[derive(Default)]
pub struct Frames {
    pending: Vec<u8>,
}

impl Frames {
    /// Takes what was read; returns what the screen may show now.
    pub fn push(&mut self, chunk: &[u8]) -> Vec<u8> {
        self.pending.extend_from_slice(chunk);
        // Frames do not nest: the first start after the last end is the unfinished frame's.
        let after_last_end = rfind(&self.pending, FRAME_END).map_or(0, |end| end + FRAME_END.len());
        let cut = match find(&self.pending[after_last_end..], FRAME_BEGIN) {
            Some(begin) => after_last_end + begin,
            // The tail may be the start of a `FRAME_BEGIN` split across reads.
            None => self.pending.len() - partial_suffix(&self.pending, FRAME_BEGIN),
        };
        self.pending.drain(..cut).collect()
    }

    /// Everything held back, for when the stream has ended.
    pub fn rest(&mut self) -> Vec<u8> {
        std::mem::take(&mut self.pending)
    }

    /// If the held bytes hold `marker`, what came before it (everything the stream will give).
    fn until(&mut self, marker: &[u8]) -> Option<Vec<u8>> {
        let at = find(&self.pending, marker)?;
        self.pending.truncate(at);
        Some(self.rest())
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

/// The length of the longest end of `bytes` that is a proper start of `pattern`.
fn partial_suffix(bytes: &[u8], pattern: &[u8]) -> usize {
    (1..pattern.len())
        .rev()
        .find(|&n| bytes.ends_with(&pattern[..n]))
        .unwrap_or(0)
}

/// How to start the app.
#[derive(Debug, Clone)]
pub struct Options {
    pub cols: u16,
    pub rows: u16,
    pub args: Vec<OsString>,
    /// Set `NO_COLOR=1` in the child's environment.
    pub no_color: bool,
    /// Extra environment variables, applied last.
    pub env: Vec<(String, String)>,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            cols: 80,
            rows: 24,
            args: Vec::new(),
            no_color: false,
            env: Vec::new(),
        }
    }
}

impl Options {
    pub fn size(mut self, cols: u16, rows: u16) -> Self {
        self.cols = cols;
        self.rows = rows;
        self
    }

    pub fn arg(mut self, arg: impl Into<OsString>) -> Self {
        self.args.push(arg.into());
        self
    }

    pub fn no_color(mut self) -> Self {
        self.no_color = true;
        self
    }

    pub fn env(mut self, key: &str, value: &str) -> Self {
        self.env.push((key.to_owned(), value.to_owned()));
        self
    }

    pub fn spawn(self) -> Pty {
        Pty::spawn_with(self)
    }
}

type SharedWriter = Arc<Mutex<Box<dyn Write + Send>>>;

/// The app running in a pseudo-terminal. Dropping it kills the app if it still runs.
pub struct Pty {
    child: Box<dyn Child + Send + Sync>,
    master: Box<dyn MasterPty + Send>,
    writer: SharedWriter,
    parser: Arc<Mutex<vt100::Parser>>,
    /// Every byte the app wrote, in order.
    output: Arc<Mutex<Vec<u8>>>,
    reader: Option<JoinHandle<()>>,
    /// The harness's own hold on the slave side, until the app's output has all been read.
    slave: Option<File>,
    cursor_queries: Arc<AtomicUsize>,
    status: Option<ExitStatus>,
    home: tempfile::TempDir,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panicking test thread must not hide the screen from the next assertion.
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

fn non_zero(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n).expect("terminal sizes are at least 1")
}

impl Pty {
    /// Starts the app at 80x24 with the given arguments.
    pub fn spawn(args: &[&str]) -> Self {
        Self::spawn_with(Options {
            args: args.iter().map(OsString::from).collect(),
            ..Options::default()
        })
    }

    pub fn spawn_with(options: Options) -> Self {
        let home = tempfile::tempdir().expect("create a temp HOME");
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: options.rows,
                cols: options.cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");

        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_computepick"));
        cmd.args(&options.args);
        cmd.env_clear();
        cmd.env("PATH", std::env::var_os("PATH").unwrap_or_default());
        cmd.env("HOME", home.path());
        cmd.env("TERM", "xterm-256color");
        cmd.env("LANG", "C.UTF-8");
        // No config file, whatever HOME holds: the tests see the defaults.
        cmd.env("COMPUTEPICK_CONFIG", "");
        if options.no_color {
            cmd.env("NO_COLOR", "1");
        }
        for (k, v) in &options.env {
            cmd.env(k, v);
        }
        cmd.cwd(home.path());

        // Never the harness's controlling terminal: it only writes the end marker into it.
        let slave = std::fs::OpenOptions::new()
            .write(true)
            .custom_flags(libc::O_NOCTTY)
            .open(pair.master.tty_name().expect("the pty's slave has a name"))
            .expect("open the pty's slave side");
        let child = pair
            .slave
            .spawn_command(cmd)
            .expect("spawn computepick in the pty");
        drop(pair.slave);

        let master = pair.master;
        let writer: SharedWriter = Arc::new(Mutex::new(
            master.take_writer().expect("take the pty writer"),
        ));
        let mut reader = master.try_clone_reader().expect("clone the pty reader");
        let parser = Arc::new(Mutex::new(vt100::Parser::new(
            non_zero(options.rows),
            non_zero(options.cols),
            0,
        )));
        let cursor_queries = Arc::new(AtomicUsize::new(0));
        let output = Arc::new(Mutex::new(Vec::new()));

        let thread = {
            let parser = Arc::clone(&parser);
            let output = Arc::clone(&output);
            let writer = Arc::clone(&writer);
            let cursor_queries = Arc::clone(&cursor_queries);
            std::thread::Builder::new()
                .name("pty-reader".into())
                .spawn(move || {
                    let mut buf = [0u8; 8192];
                    // The tail of the previous read, so a query split across reads is still seen.
                    let mut carry: Vec<u8> = Vec::new();
                    let mut frames = Frames::default();
                    loop {
                        let n = match reader.read(&mut buf) {
                            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                            // EOF, or EIO once nothing holds the slave side.
                            Ok(0) | Err(_) => {
                                lock(&parser).process(&frames.rest());
                                break;
                            }
                            Ok(n) => n,
                        };
                        let chunk = &buf[..n];
                        carry.extend_from_slice(chunk);
                        let queries = carry
                            .windows(CURSOR_QUERY.len())
                            .filter(|w| *w == CURSOR_QUERY)
                            .count();
                        if queries > 0 {
                            let mut w = lock(&writer);
                            for _ in 0..queries {
                                let _ = w.write_all(CURSOR_REPLY);
                            }
                            let _ = w.flush();
                            cursor_queries.fetch_add(queries, Ordering::SeqCst);
                            carry.clear();
                        } else {
                            let keep = carry.len().min(CURSOR_QUERY.len() - 1);
                            carry.drain(..carry.len() - keep);
                        }
                        let shown = frames.push(chunk);
                        if let Some(last) = frames.until(DRAINED) {
                            // The app has exited and all it wrote is in; the marker is ours.
                            let mut output = lock(&output);
                            output.extend_from_slice(chunk);
                            let log_end = find(&output, DRAINED).unwrap_or(output.len());
                            output.truncate(log_end);
                            let mut parser = lock(&parser);
                            parser.process(&shown);
                            parser.process(&last);
                            break;
                        }
                        lock(&output).extend_from_slice(chunk);
                        lock(&parser).process(&shown);
                    }
                })
                .expect("start the pty reader thread")
        };

        Self {
            child,
            master,
            writer,
            parser,
            output,
            reader: Some(thread),
            slave: Some(slave),
            cursor_queries,
            status: None,
            home,
        }
    }

    /// The temp dir used as the app's `HOME` (and working directory).
    pub fn home(&self) -> &Path {
        self.home.path()
    }

    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("the child has a pid")
    }

    /// Types text (each byte as the terminal would send it).
    pub fn send(&self, keys: &str) {
        self.send_bytes(keys.as_bytes());
    }

    pub fn send_bytes(&self, bytes: &[u8]) {
        let mut w = lock(&self.writer);
        w.write_all(bytes).expect("write to the pty");
        w.flush().expect("flush the pty");
    }

    /// Types text and returns once the app has read all of it, for keys that change nothing on
    /// screen (so there is nothing to wait for) but must be handled before what comes next.
    ///
    /// A resize overtakes typed keys on a busy machine: the kernel signals SIGWINCH at once,
    /// while typed bytes reach the app through a work queue. The app's count of bytes read
    /// (`rchar` in `/proc/PID/io`, Linux) says when they have arrived; elsewhere, a pause.
    pub fn send_and_wait_read(&self, keys: &str) {
        let read = || -> Option<u64> {
            let io = std::fs::read_to_string(format!("/proc/{}/io", self.pid())).ok()?;
            io.lines()
                .find_map(|l| l.strip_prefix("rchar: "))
                .and_then(|n| n.trim().parse().ok())
        };
        let before = read();
        self.send(keys);
        let Some(before) = before else {
            std::thread::sleep(Duration::from_millis(500));
            return;
        };
        let want = before + keys.len() as u64;
        let deadline = Instant::now() + TIMEOUT;
        while read().is_some_and(|n| n < want) {
            assert!(
                Instant::now() < deadline,
                "the app did not read {keys:?} within {TIMEOUT:?}"
            );
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    /// Sends a signal by name (`TERM`, `HUP`, `INT`...) to the app with `kill(1)`.
    pub fn signal(&self, name: &str) {
        let status = std::process::Command::new("kill")
            .arg(format!("-{name}"))
            .arg(self.pid().to_string())
            .status()
            .expect("run kill");
        assert!(
            status.success(),
            "kill -{name} {} failed: {status}",
            self.pid()
        );
    }

    /// Changes the terminal size (the app gets SIGWINCH); the screen model follows.
    ///
    /// The screen model is resized first, with the reader held off, so that everything the app
    /// draws for the new size is interpreted at the new size (a frame for 80 columns fed to a
    /// 40-column model would wrap and scroll into garbage).
    pub fn resize(&self, cols: u16, rows: u16) {
        let mut parser = lock(&self.parser);
        parser.set_size(non_zero(rows), non_zero(cols));
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize the pty");
    }

    /// A snapshot of the screen as it is now.
    pub fn screen(&self) -> vt100::Screen {
        lock(&self.parser).screen().clone()
    }

    /// The screen's text, rows separated by newlines.
    pub fn contents(&self) -> String {
        lock(&self.parser).screen().contents()
    }

    pub fn alternate_screen(&self) -> bool {
        lock(&self.parser).screen().alternate_screen()
    }

    pub fn cursor_hidden(&self) -> bool {
        lock(&self.parser).screen().hide_cursor()
    }

    /// Whether the terminal is in line mode (canonical input and echo on), as a shell expects
    /// it; `Some(false)` while the app has it in raw mode. Read from the pty's termios, which
    /// outlives the app. `None` where the flag values are not wired up (only Linux is).
    pub fn line_mode(&self) -> Option<bool> {
        #[cfg(target_os = "linux")]
        {
            // <asm-generic/termbits.h>
            const ICANON: u32 = 0o2;
            const ECHO: u32 = 0o10;
            let flags = self.master.get_termios()?.local_flags.bits();
            Some(flags & (ICANON | ECHO) == ICANON | ECHO)
        }
        #[cfg(not(target_os = "linux"))]
        {
            None
        }
    }

    /// Every byte the app has written so far (escape sequences included).
    pub fn output(&self) -> Vec<u8> {
        lock(&self.output).clone()
    }

    /// Whether the raw output so far contains `bytes` (e.g. an escape sequence).
    pub fn output_contains(&self, bytes: &[u8]) -> bool {
        bytes.is_empty() || lock(&self.output).windows(bytes.len()).any(|w| w == bytes)
    }

    /// How many cursor-position queries the app sent (each was answered).
    pub fn cursor_queries(&self) -> usize {
        self.cursor_queries.load(Ordering::SeqCst)
    }

    /// Whether the app is still running.
    pub fn is_running(&mut self) -> bool {
        if self.status.is_some() {
            return false;
        }
        match self.child.try_wait().expect("poll the child") {
            Some(status) => {
                self.status = Some(status);
                false
            }
            None => true,
        }
    }

    /// Polls until `ready(screen)` holds; panics after `timeout` with the screen dumped.
    #[track_caller]
    pub fn wait_until(
        &self,
        what: &str,
        timeout: Duration,
        ready: impl Fn(&vt100::Screen) -> bool,
    ) -> vt100::Screen {
        let deadline = Instant::now() + timeout;
        loop {
            let screen = self.screen();
            if ready(&screen) {
                return screen;
            }
            if Instant::now() >= deadline {
                panic!(
                    "timed out after {timeout:?} waiting for {what}\n{}",
                    dump(&screen)
                );
            }
            std::thread::sleep(POLL);
        }
    }

    /// Waits until the screen shows `text`; returns the screen's text.
    #[track_caller]
    pub fn wait_for(&self, text: &str, timeout: Duration) -> String {
        self.wait_until(&format!("{text:?} to appear"), timeout, |s| {
            s.contents().contains(text)
        })
        .contents()
    }

    /// Waits until the screen shows every one of `texts` at once; returns the screen's text.
    /// Use this rather than `wait_for` + `contains` when the texts are on different rows: a
    /// frame can arrive in several reads, so one row showing does not mean the others do.
    #[track_caller]
    pub fn wait_for_all(&self, texts: &[&str], timeout: Duration) -> String {
        self.wait_until(&format!("all of {texts:?} to appear"), timeout, |s| {
            let contents = s.contents();
            texts.iter().all(|t| contents.contains(t))
        })
        .contents()
    }

    /// Waits until the screen no longer shows `text`; returns the screen's text.
    #[track_caller]
    pub fn wait_gone(&self, text: &str, timeout: Duration) -> String {
        self.wait_until(&format!("{text:?} to disappear"), timeout, |s| {
            !s.contents().contains(text)
        })
        .contents()
    }

    /// Waits for the app to exit and for all its output to be read; kills it and panics on
    /// timeout.
    #[track_caller]
    pub fn wait_exit(&mut self, timeout: Duration) -> ExitStatus {
        let deadline = Instant::now() + timeout;
        while self.is_running() {
            if Instant::now() >= deadline {
                let _ = self.child.kill();
                let _ = self.child.wait();
                panic!(
                    "the app did not exit within {timeout:?}; killed it\n{}",
                    dump(&self.screen())
                );
            }
            std::thread::sleep(POLL);
        }
        // The marker goes in behind everything the app wrote; the reader stops once it reads
        // it, so the screen includes all the app wrote on the way out. Letting go of the slave
        // side (after the reader, or in `Drop`) then ends a reader that never saw the marker.
        if let Some(slave) = self.slave.as_mut() {
            let _ = slave.write_all(DRAINED).and_then(|()| slave.flush());
        }
        if let Some(reader) = self.reader.take() {
            while !reader.is_finished() {
                assert!(
                    Instant::now() < deadline + TIMEOUT,
                    "the pty reader did not finish after the app exited\n{}",
                    dump(&self.screen())
                );
                std::thread::sleep(POLL);
            }
            reader.join().expect("the pty reader thread panicked");
        }
        self.slave.take();
        self.status.clone().expect("exit status recorded")
    }

    /// Presses `q` where nothing would be lost (it quits at once) and asserts the app exits 0 and
    /// gives the terminal back.
    #[track_caller]
    pub fn quit_cleanly(&mut self) {
        self.send("q");
        assert_eq!(self.wait_exit(TIMEOUT).exit_code(), 0);
        self.assert_restored();
    }

    /// Presses `q` with unsaved answers: the app asks first; `y` quits, exit 0, terminal back.
    #[track_caller]
    pub fn quit_losing_answers(&mut self) {
        self.send("q");
        self.wait_for("Quit and lose", TIMEOUT);
        self.send("y");
        assert_eq!(self.wait_exit(TIMEOUT).exit_code(), 0);
        self.assert_restored();
    }

    /// Asserts that the terminal is back in its normal state: main screen, cursor visible,
    /// line mode (raw mode off), bracketed paste off.
    #[track_caller]
    pub fn assert_restored(&self) {
        let screen = self.screen();
        assert_ne!(
            self.line_mode(),
            Some(false),
            "the app left the terminal in raw mode\n{}",
            dump(&screen)
        );
        assert!(
            !screen.alternate_screen(),
            "the app left the terminal on the alternate screen\n{}",
            dump(&screen)
        );
        assert!(
            !screen.hide_cursor(),
            "the app left the cursor hidden\n{}",
            dump(&screen)
        );
        assert!(
            !screen.bracketed_paste(),
            "the app left bracketed paste on\n{}",
            dump(&screen)
        );
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        if self.status.is_none() && matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
        // The reader thread ends with EIO once no one holds the slave side.
        self.slave.take();
    }
}

/// The screen with its modes, framed for a panic message.
pub fn dump(screen: &vt100::Screen) -> String {
    let (rows, cols) = screen.size();
    let mut out = format!(
        "--- screen {cols}x{rows}, alternate screen: {}, cursor hidden: {} ---\n",
        screen.alternate_screen(),
        screen.hide_cursor()
    );
    for (i, row) in screen.rows(0, cols.get()).enumerate() {
        out.push_str(&format!("{i:>3}|{row}\n"));
    }
    out.push_str("--- end of screen ---");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_frame_is_passed_on_only_once_it_has_ended() {
        let mut frames = Frames::default();
        assert_eq!(frames.push(b"before\x1b[?2026hhalf a"), b"before");
        assert_eq!(frames.push(b" frame"), b"");
        assert_eq!(
            frames.push(b"\x1b[?2026l after"),
            b"\x1b[?2026hhalf a frame\x1b[?2026l after"
        );
    }

    #[test]
    fn a_frame_start_split_across_reads_is_held_back() {
        let mut frames = Frames::default();
        assert_eq!(frames.push(b"text\x1b[?20"), b"text");
        assert_eq!(frames.push(b"26hframe"), b"");
        assert_eq!(frames.push(b"\x1b[?2026l"), b"\x1b[?2026hframe\x1b[?2026l");
        // An escape that is not a frame start goes on at once.
        assert_eq!(frames.push(b"\x1b[?25h"), b"\x1b[?25h");
    }

    #[test]
    fn the_end_marker_gives_everything_before_it_even_an_unfinished_frame() {
        let mut frames = Frames::default();
        assert_eq!(frames.push(b"shown\x1b[?2026hcut short"), b"shown");
        assert_eq!(frames.until(DRAINED), None);
        frames.push(&DRAINED[..5]);
        frames.push(&DRAINED[5..]);
        assert_eq!(
            frames.until(DRAINED).as_deref(),
            Some(&b"\x1b[?2026hcut short"[..])
        );
    }
}
