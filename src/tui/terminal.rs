//! Terminal I/O: take the terminal, run the event loop, and give the terminal back in working
//! order however the app ends (quit, error, panic, Ctrl-C, SIGTERM, SIGHUP).

use std::io::{self, Write};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::cursor::{Hide, Show};
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event,
};
use ratatui::crossterm::terminal::{
    BeginSynchronizedUpdate, EndSynchronizedUpdate, EnterAlternateScreen, LeaveAlternateScreen,
    disable_raw_mode, enable_raw_mode,
};
use ratatui::crossterm::{execute, queue};
use ratatui::{DefaultTerminal, Terminal};

use crate::app::{App, Effect, Exit};
use crate::core::exit;
use crate::tui::clipboard::{self, Multiplexer};
use crate::ui::{self, theme::Theme};

/// Puts the terminal back: a frame cut short by a panic ended, raw mode off, alternate screen
/// left, mouse capture and bracketed paste off, cursor shown. Safe to call more than once and
/// from a panic hook.
pub fn restore_terminal() {
    let _ = disable_raw_mode();
    let _ = execute!(
        io::stdout(),
        EndSynchronizedUpdate,
        DisableBracketedPaste,
        DisableMouseCapture,
        LeaveAlternateScreen,
        Show
    );
}

/// Restores the terminal when dropped, so every return path (including `?`) gives it back.
struct TerminalGuard;

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore_terminal();
    }
}

/// How long the event loop gets to see a signal and unwind before the watchdog ends the process:
/// three of its 100 ms polls, so a closed terminal ends the app well within a second.
const SIGNAL_GRACE: Duration = Duration::from_millis(300);

/// When the terminal goes away (its window closed, ssh dropped), the kernel sends SIGHUP and
/// reads of the terminal return end-of-file; crossterm 0.29's reader then loops on those empty
/// reads inside `event::poll` and never returns, so the event loop cannot see the signal and
/// the process would spin at full CPU forever. This thread waits for the same signals and, if
/// the process is still running a moment later, gives the terminal back and exits as the loop
/// would have: 128 + the signal's number.
fn spawn_signal_watchdog() {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT]) else {
        return;
    };
    let _ = std::thread::Builder::new()
        .name("signal-watchdog".into())
        .spawn(move || {
            if let Some(received) = signals.forever().next() {
                std::thread::sleep(SIGNAL_GRACE);
                restore_terminal();
                let name = signal_name(usize::try_from(received).unwrap_or(0));
                let _ = writeln!(
                    io::stderr(),
                    "computepick: stopped by {name}; the terminal was restored"
                );
                std::process::exit(128 + received);
            }
        });
}

fn signal_name(number: usize) -> String {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    match i32::try_from(number).unwrap_or(0) {
        SIGHUP => "SIGHUP".into(),
        SIGINT => "SIGINT".into(),
        SIGTERM => "SIGTERM".into(),
        other => format!("signal {other}"),
    }
}

/// Gives the terminal back before the panic message is printed, so the message lands on the
/// normal screen, then says the terminal was restored.
fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore_terminal();
        previous(info);
        let _ = writeln!(
            io::stderr(),
            "computepick: internal error (a bug; please report it); the terminal was restored"
        );
    }));
}

/// A test hook, not a feature: with `COMPUTEPICK_PANIC_AFTER_FIRST_FRAME=1` in the environment
/// the app panics right after drawing its first frame, so the end-to-end test
/// `a_panic_restores_the_terminal` (tests/e2e_pty.rs) can prove the panic hook gives the
/// terminal back. Undocumented for users on purpose; nothing else reads it.
const PANIC_AFTER_FIRST_FRAME: &str = "COMPUTEPICK_PANIC_AFTER_FIRST_FRAME";

fn panic_after_first_frame() -> bool {
    std::env::var_os(PANIC_AFTER_FIRST_FRAME).is_some_and(|v| v == "1")
}

/// Runs the interactive guide until the user quits; returns the process exit code. The theme
/// comes from `--theme` or the config file (see `Theme::from_choice`).
pub fn run(app: App, theme: Theme) -> ExitCode {
    // Signals only set a flag; the loop sees it within one poll interval and unwinds normally.
    let signal = Arc::new(AtomicUsize::new(0));
    for sig in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
    ] {
        let _ = signal_hook::flag::register_usize(
            sig,
            Arc::clone(&signal),
            usize::try_from(sig).unwrap_or(1),
        );
    }
    spawn_signal_watchdog();
    install_panic_hook();
    let outcome = (|| -> io::Result<ExitCode> {
        let _guard = TerminalGuard;
        enable_raw_mode()?;
        // Bracketed paste: a paste arrives as one event, so 100 KB pasted into Search is one
        // edit, not 100,000 keys each rerunning the search (which froze the app for minutes).
        // The cursor is hidden before the first frame, so it never flickers over the drawing.
        execute!(
            io::stdout(),
            EnterAlternateScreen,
            Hide,
            EnableMouseCapture,
            EnableBracketedPaste
        )?;
        let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
        event_loop(&mut terminal, app, theme, &signal)
    })();
    let received = signal.load(Ordering::Relaxed);
    if received != 0 {
        // After the terminal is back, so the message lands on the normal screen.
        let _ = writeln!(
            io::stderr(),
            "computepick: stopped by {}; the terminal was restored",
            signal_name(received)
        );
    }
    match outcome {
        Ok(code) => code,
        Err(e) => {
            let _ = writeln!(io::stderr(), "computepick: terminal error: {e}");
            ExitCode::from(exit::INTERNAL)
        }
    }
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    mut app: App,
    theme: Theme,
    signal: &AtomicUsize,
) -> io::Result<ExitCode> {
    // crossterm installs its resize handler on the first poll; poll once before the first
    // frame so a resize during start-up is not lost.
    let _ = event::poll(Duration::ZERO);
    let size = terminal.size()?;
    app.resize(size.width, size.height);
    let mut dirty = true;
    let panic_on_purpose = panic_after_first_frame();
    loop {
        if dirty {
            draw_whole(terminal, &mut app, theme)?;
            dirty = false;
            assert!(
                !panic_on_purpose,
                "{PANIC_AFTER_FIRST_FRAME}=1: panicking on purpose after the first frame"
            );
        }
        let received = signal.load(Ordering::Relaxed);
        if received != 0 {
            // 128 + signal number, as shells report a process ended by a signal.
            return Ok(ExitCode::from(
                u8::try_from(128 + received).unwrap_or(exit::INTERRUPTED),
            ));
        }
        if !event::poll(Duration::from_millis(100))? {
            continue;
        }
        // The clock is read here, never in `update`: the files `s` and `e` write are dated.
        app.today = crate::data::today_ymd();
        let effects = match event::read()? {
            Event::Key(key) if key.is_press() => {
                dirty = true;
                app.handle_key(&key)
            }
            Event::Paste(text) => {
                app.handle_paste(&text);
                dirty = true;
                Vec::new()
            }
            Event::Mouse(mouse) => app
                .handle_mouse(&mouse)
                .inspect(|_| dirty = true)
                .unwrap_or_default(),
            Event::Resize(width, height) => {
                app.resize(width, height);
                dirty = true;
                Vec::new()
            }
            _ => Vec::new(),
        };
        match perform(&mut app, effects) {
            Some(Exit::Quit) => return Ok(ExitCode::from(exit::OK)),
            Some(Exit::Interrupted) => return Ok(ExitCode::from(exit::INTERRUPTED)),
            None => {}
        }
    }
}

/// Draws one frame as a synchronized update (mode 2026): a terminal that knows the mode shows
/// the frame at once, never half of it (no tearing over ssh); one that does not ignores it.
fn draw_whole(terminal: &mut DefaultTerminal, app: &mut App, theme: Theme) -> io::Result<()> {
    // Queued, so it goes out with the frame in the flush `draw` ends with.
    queue!(terminal.backend_mut(), BeginSynchronizedUpdate)?;
    terminal.draw(|frame| ui::draw(app, theme, frame))?;
    execute!(terminal.backend_mut(), EndSynchronizedUpdate)
}

/// Does what `update` asked for, in order: finds a free file name, writes files (atomically,
/// never following a link, replacing a file only when the user said yes), copies to the
/// clipboard through the terminal, and tells the app how each went. Returns how the app wants
/// to stop, if it does.
pub fn perform(app: &mut App, effects: Vec<Effect>) -> Option<Exit> {
    let mut exit = None;
    for effect in effects {
        match effect {
            Effect::Exit(how) => exit = Some(how),
            // A dangling link takes a name too: `symlink_metadata`, not `exists`.
            Effect::ProposeName(path) => app.proposed(&crate::fs_safe::free_name(&path, |p| {
                p.symlink_metadata().is_ok()
            })),
            Effect::Copy(text) => {
                let mux = Multiplexer::detect(|var| std::env::var_os(var).is_some());
                let mut out = io::stdout();
                let sent = out
                    .write_all(clipboard::osc52(&text, mux).as_bytes())
                    .and_then(|()| out.flush());
                if let Err(e) = sent {
                    app.status = Some(format!(
                        "Not copied: the terminal could not be written ({e})"
                    ));
                }
            }
            Effect::Write(write) => {
                let contents = crate::text::safe(&write.contents);
                let result =
                    crate::fs_safe::write_atomic(&write.path, contents.as_bytes(), write.overwrite);
                app.written(write, result);
            }
        }
    }
    exit
}
