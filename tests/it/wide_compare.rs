//! Wide (CJK), combining, emoji and right-to-left text in the compare table: the real data with
//! hostile service names and fact values, drawn by the app's Compare tab (ratatui TestBackend)
//! and printed by `computepick compare`. Every row keeps the terminal's width, the column borders
//! stay in one place, and each value starts in its column, measured with unicode-width.

use crate::support::{computepick, stdout};
use computepick::app::App;
use computepick::data;
use computepick::ui::{self, theme::Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use unicode_width::UnicodeWidthStr;

/// Starts every Lambda fact value; marks where the Lambda column begins.
const LAMBDA_MARK: &str = "⟪";
/// Starts every Fargate fact value; marks where the Fargate column begins.
const FARGATE_MARK: &str = "⟦";

/// decisions.ron with Lambda's and Fargate's names and fact values made hostile: CJK, emoji
/// (a ZWJ sequence, a flag, a variation selector), combining accents, Hebrew and Arabic.
fn hostile_data() -> String {
    let real = data::EMBEDDED;
    let fargate_at = real
        .find("name: \"AWS Fargate\"")
        .expect("Fargate in the data");
    let after_fargate = real[fargate_at..]
        .find("Service(")
        .map_or(real.len(), |rel| fargate_at + rel);
    let (lambda_part, rest) = real.split_at(fargate_at);
    let (fargate_part, tail) = rest.split_at(after_fargate - fargate_at);
    let lambda_part = lambda_part
        .replacen("name: \"AWS Lambda\"", "name: \"AWS Lambda ラムダ 🚀\"", 1)
        .replace(
            "value: \"",
            &format!("value: \"{LAMBDA_MARK} 日本語のテキスト 👩‍💻 e\u{301}te\u{301} עברית שלום: "),
        );
    let fargate_part = fargate_part
        .replacen(
            "name: \"AWS Fargate\"",
            "name: \"AWS Fargate فارغيت 🖥\u{fe0f}\"",
            1,
        )
        .replace(
            "value: \"",
            &format!("value: \"{FARGATE_MARK} 中文 🇯🇵 مرحبا بالعالم n\u{303}: "),
        );
    let text = format!("{lambda_part}{fargate_part}{tail}");
    assert!(
        text.matches(LAMBDA_MARK).count() > 5 && text.matches(FARGATE_MARK).count() > 5,
        "the replacements took"
    );
    text
}

fn guide() -> data::Guide {
    data::parse(&hostile_data(), "hostile.ron").expect("the hostile data is still valid")
}

/// The rows of the drawn buffer as text: each cell's symbol, skipping the cells a wide symbol
/// covers (as a terminal shows them).
fn rows(buffer: &Buffer) -> Vec<String> {
    let area = buffer.area;
    (area.top()..area.bottom())
        .map(|y| {
            let mut row = String::new();
            let mut covered = 0usize;
            for x in area.left()..area.right() {
                let symbol = buffer[(x, y)].symbol();
                if covered == 0 {
                    row.push_str(symbol);
                }
                covered = covered.max(symbol.width()).saturating_sub(1);
            }
            row
        })
        .collect()
}

/// The display column where `needle` starts in `line`, by unicode-width.
fn column_of(line: &str, needle: &str) -> Option<usize> {
    line.find(needle).map(|at| line[..at].width())
}

/// Display columns of every `│` in a row.
fn borders(line: &str) -> Vec<usize> {
    line.match_indices('│')
        .map(|(at, _)| line[..at].width())
        .collect()
}

#[test]
fn the_compare_tab_keeps_its_columns_with_wide_and_right_to_left_text() {
    let mut app = App::new(guide());
    app.handle_key(&KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE));
    for (w, h) in [(80u16, 24u16), (120, 40), (61, 19), (200, 60)] {
        let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("backend");
        terminal
            .draw(|f| ui::draw(&mut app, Theme::PLAIN, f))
            .expect("draw");
        let rows = rows(terminal.backend().buffer());
        let screen = rows.join("\n");
        assert!(
            screen.contains("ラムダ") || screen.contains("فارغيت"),
            "the hostile names are on screen at {w}x{h}:\n{screen}"
        );
        for row in &rows {
            assert_eq!(row.width(), usize::from(w), "row width at {w}x{h}: {row:?}");
        }
        // The table's rows are the ones with borders; they all have them in the same places.
        let bordered: Vec<&String> = rows.iter().filter(|r| r.contains('│')).collect();
        assert!(bordered.len() > 5, "a table at {w}x{h}:\n{screen}");
        let expected = borders(bordered[0]);
        for row in &bordered {
            assert_eq!(
                borders(row),
                expected,
                "borders moved at {w}x{h} in {row:?}\n{screen}"
            );
        }
        // Each value starts right after its column's border and its one-cell padding.
        let mut marks = 0;
        for row in &bordered {
            for mark in [LAMBDA_MARK, FARGATE_MARK] {
                if let Some(col) = column_of(row, mark) {
                    marks += 1;
                    assert!(
                        expected.iter().any(|&b| b + 2 == col),
                        "{mark} at column {col}, borders at {expected:?} ({w}x{h}): {row:?}\n{screen}"
                    );
                }
            }
        }
        assert!(marks > 0, "hostile values on screen at {w}x{h}:\n{screen}");
    }
}

#[test]
fn compare_text_output_keeps_its_columns_with_wide_and_right_to_left_text() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("hostile.ron");
    std::fs::write(&path, hostile_data()).expect("write the data");
    let text = stdout(
        computepick()
            .arg("--data")
            .arg(&path)
            .args(["compare", "lambda", "fargate"]),
    );
    let lines: Vec<&str> = text.lines().collect();
    // The header row names both services; their columns start where the names do.
    let at = lines
        .iter()
        .position(|l| {
            l.contains("AWS Lambda ラムダ")
                && l.contains("AWS Fargate فارغيت")
                && !l.contains(" vs ")
        })
        .unwrap_or_else(|| panic!("a header row with both names:\n{text}"));
    let (header, lines) = (lines[at], &lines[at..]);
    let lambda_col = column_of(header, "AWS Lambda").expect("in the header");
    let fargate_col = column_of(header, "AWS Fargate").expect("in the header");
    let mut marks = 0;
    for line in lines {
        if let Some(col) = column_of(line, LAMBDA_MARK) {
            marks += 1;
            assert_eq!(
                col, lambda_col,
                "the Lambda value starts its column: {line:?}\n{text}"
            );
        }
        if let Some(col) = column_of(line, FARGATE_MARK) {
            marks += 1;
            assert_eq!(
                col, fargate_col,
                "the Fargate value starts its column: {line:?}\n{text}"
            );
        }
        // Nothing spills into the gap before the Fargate column.
        let gap = line
            .chars()
            .scan(0, |col, c| {
                let at = *col;
                *col += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
                Some((at, c))
            })
            .filter(|&(at, _)| at + 1 == fargate_col)
            .map(|(_, c)| c)
            .next();
        assert!(
            gap.is_none_or(|c| c == ' ' || c == '─'),
            "text runs into the column gap: {line:?}\n{text}"
        );
    }
    assert!(marks > 10, "hostile values in the output:\n{text}");
    // The section rules all end at the same column, whatever the text above them.
    let rules: Vec<usize> = lines
        .iter()
        .filter(|l| l.ends_with('─'))
        .map(|l| l.width())
        .collect();
    assert!(!rules.is_empty(), "{text}");
    assert!(rules.iter().all(|&w| w == rules[0]), "{rules:?}\n{text}");
    let widest = lines.iter().map(|l| l.width()).max().unwrap_or(0);
    assert!(
        widest <= rules[0],
        "a line wider than the table: {widest}\n{text}"
    );
}
