//! Reading and parsing a data file. Parse errors carry ron's `line:col`; semantic checks follow.

use std::path::Path;

use crate::fs_safe::ReadError;

use super::diagnostics::{Diagnostic, Diagnostics, Severity};
use super::schema::Guide;
use super::validate::validate;

/// The guide shipped inside the binary.
pub const EMBEDDED: &str = include_str!("../../../decisions.ron");
/// How the embedded file is named in messages.
pub const EMBEDDED_NAME: &str = "decisions.ron";
/// Data files larger than this are refused before they are read whole.
pub const MAX_DATA_BYTES: u64 = 16 * 1024 * 1024;

/// Parses and validates a guide. Warnings (old as-of dates) do not fail the load; errors do.
pub fn parse(text: &str, file: &str) -> Result<Guide, Diagnostics> {
    let guide = parse_syntax(text, file)?;
    let report = validate(&guide, text, file);
    if report.diagnostics.has_errors() {
        return Err(report.diagnostics);
    }
    Ok(guide)
}

/// Loads the guide from `path`, or the embedded one when `path` is `None`.
/// Returns the guide and the text it came from (for `check` to report on).
pub fn load(path: Option<&Path>) -> Result<(Guide, String, String), Diagnostics> {
    let (text, name) = match path {
        Some(path) => (load_path(path)?, path.display().to_string()),
        None => (EMBEDDED.to_owned(), EMBEDDED_NAME.to_owned()),
    };
    let guide = parse(&text, &name)?;
    Ok((guide, text, name))
}

/// Reads a data file as UTF-8 text, refusing directories, huge files and non-UTF-8 bytes
/// with one clear message each.
pub fn load_path(path: &Path) -> Result<String, Diagnostics> {
    let name = path.display().to_string();
    let fail = |message: String| Diagnostics(vec![file_error(&name, message)]);
    let bytes = crate::fs_safe::read_regular(path, MAX_DATA_BYTES).map_err(|e| match e {
        ReadError::IsDir => fail("is a directory, not a data file".into()),
        ReadError::TooBig(size) => fail(format!(
            "is {size} bytes; data files are limited to {} MiB",
            MAX_DATA_BYTES / 1024 / 1024
        )),
        ReadError::Other(message) => fail(message),
    })?;
    String::from_utf8(bytes).map_err(|e| {
        let (line, col) = super::source_map::line_col(
            // Everything before the bad byte is valid UTF-8 by definition.
            std::str::from_utf8(&e.as_bytes()[..e.utf8_error().valid_up_to()]).unwrap_or(""),
            e.utf8_error().valid_up_to(),
        );
        Diagnostics(vec![Diagnostic {
            severity: Severity::Error,
            file: name.clone(),
            line,
            col,
            message: "is not UTF-8 text".into(),
        }])
    })
}

/// Parses without the semantic checks (for `check`, which reports them itself).
pub fn parse_syntax(text: &str, file: &str) -> Result<Guide, Diagnostics> {
    // A byte-order mark (some Windows editors write one) is not an opening `(`.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    ron::Options::default()
        .from_str::<Guide>(text)
        .map_err(|e| {
            Diagnostics(vec![Diagnostic {
                severity: Severity::Error,
                file: file.to_owned(),
                line: e.span.start.line.max(1),
                col: e.span.start.col.max(1),
                message: parse_message(&e.code),
            }])
        })
}

/// ron's message, with a "did you mean" for a misspelt field or variant, and the input it
/// quotes cut ([`crate::text::cut`]): a 10 MB unknown key is not echoed back. Shared by the
/// data, answers and config files.
pub fn parse_message(code: &ron::Error) -> String {
    use crate::text::cut;
    let cut_code = match code {
        ron::Error::NoSuchStructField {
            expected,
            found,
            outer,
        } => ron::Error::NoSuchStructField {
            expected,
            found: cut(found).into_owned(),
            outer: outer.clone(),
        },
        ron::Error::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => ron::Error::NoSuchEnumVariant {
            expected,
            found: cut(found).into_owned(),
            outer: outer.clone(),
        },
        other => other.clone(),
    };
    // Whatever else quotes input (a value of the wrong type, a custom message) is cut whole.
    let message = crate::text::cut_to(&cut_code.to_string(), 600).into_owned();
    let (found, expected) = match code {
        ron::Error::NoSuchStructField {
            expected, found, ..
        } => (found.as_str(), *expected),
        ron::Error::NoSuchEnumVariant {
            expected, found, ..
        } => (found.as_str(), *expected),
        _ => return message,
    };
    match crate::text::closest(found, expected.iter().copied()) {
        Some(best) => format!("{message}; did you mean `{best}`?"),
        None => message,
    }
}

fn file_error(file: &str, message: String) -> Diagnostic {
    Diagnostic {
        severity: Severity::Error,
        file: file.to_owned(),
        line: 0,
        col: 0,
        message,
    }
}
