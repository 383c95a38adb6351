//! The config file and `--theme` as the app in a real terminal shows them: the palette a flag or
//! the config file chose, and a config file's warning in the status line.

use std::path::Path;

use crate::support as pty;

fn write(dir: &Path, name: &str, text: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write");
    path
}

/// Which accent the app drew with: cyan on the dark theme, blue on the light one.
fn accents(app: &pty::Pty) -> (bool, bool) {
    let screen = app.screen();
    let (rows, cols) = screen.size();
    let mut seen = (false, false);
    for row in 0..rows.get() {
        for col in 0..cols.get() {
            match screen.cell(row, col).map(vt100::Cell::fgcolor) {
                Some(vt100::Color::Idx(6)) => seen.0 = true,
                Some(vt100::Color::Idx(4)) => seen.1 = true,
                _ => {}
            }
        }
    }
    seen
}

#[test]
fn the_app_draws_with_the_theme_chosen_by_flag_or_config() {
    let dir = tempfile::tempdir().expect("temp dir");
    let light = write(dir.path(), "light.ron", "(theme: Some(Light))");
    let light = light.to_str().expect("utf-8 path");
    // (flags, config file, (dark palette seen, light palette seen))
    type Run<'a> = (&'a [&'a str], Option<&'a str>, (bool, bool));
    let runs: [Run; 3] = [
        (&["--theme", "dark"], None, (true, false)),
        (&[], Some(light), (false, true)),
        // The flag wins over the config file.
        (&["--theme", "dark"], Some(light), (true, false)),
    ];
    for (args, config, expected) in runs {
        let mut options = pty::Options::default();
        for a in args {
            options = options.arg(*a);
        }
        if let Some(config) = config {
            options = options.env("COMPUTEPICK_CONFIG", config);
        }
        let mut app = options.spawn();
        app.wait_for_all(&["Question 1 of 9", "quit"], pty::TIMEOUT);
        assert_eq!(
            accents(&app),
            expected,
            "{args:?} with config {config:?}: (cyan, blue)\n{}",
            pty::dump(&app.screen())
        );
        app.send(pty::keys::CTRL_C);
        app.wait_exit(pty::TIMEOUT);
    }
}

#[test]
fn the_app_shows_a_config_warning_in_its_status_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let config = write(dir.path(), "config.ron", "(data: Some(\"nope.ron\"))");
    let mut app = pty::Options::default()
        .size(200, 30)
        .env("COMPUTEPICK_CONFIG", config.to_str().expect("utf-8 path"))
        .spawn();
    app.wait_for_all(
        &["Question 1 of 9", "Config: ", "nope.ron is unusable"],
        pty::TIMEOUT,
    );
    app.send(pty::keys::CTRL_C);
    app.wait_exit(pty::TIMEOUT);
}
