//! Small text helpers shared by the command line and the app.

/// Edit distance between two strings, in characters (`strsim`'s Levenshtein).
pub fn levenshtein(a: &str, b: &str) -> usize {
    strsim::levenshtein(a, b)
}

/// The candidate closest to `name`, if any is close enough to be a likely typo.
/// Ties break alphabetically so the answer never depends on iteration order.
pub fn closest<'a>(name: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let length = name.chars().count();
    let limit = (length / 3).max(2);
    let lower = name.to_lowercase();
    candidates
        // Lengths further apart than the limit cannot be within it: skipping them keeps a
        // huge name (a 10 MB key) from costing its length times every candidate's.
        .filter(|c| {
            let n = c.chars().count();
            n.abs_diff(length) <= limit || c.starts_with(name) && !name.is_empty()
        })
        .map(|c| (levenshtein(&lower, &c.to_lowercase()), c))
        .filter(|&(d, c)| d <= limit || c.starts_with(name) && !name.is_empty())
        .min()
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distance_counts_edits() {
        assert_eq!(levenshtein("", "abc"), 3);
        assert_eq!(levenshtein("lamda", "lambda"), 1);
        assert_eq!(levenshtein("kitten", "sitting"), 3);
    }

    #[test]
    fn closest_finds_typos_and_prefixes_only() {
        let names = ["workload", "runtime", "state", "budget"];
        assert_eq!(closest("runtme", names.iter().copied()), Some("runtime"));
        assert_eq!(closest("work", names.iter().copied()), Some("workload"));
        assert_eq!(closest("zzzzzzzz", names.iter().copied()), None);
    }
}

/// Display width of a string in terminal cells (wide characters count two).
pub fn width(text: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(text)
}

/// A service's name without the vendor prefix ("Lambda", "ECS on EC2"), where room is short:
/// the Cost legend and bars, the Compare chips.
pub fn short_name(name: &str) -> &str {
    name.strip_prefix("Amazon ")
        .or_else(|| name.strip_prefix("AWS "))
        .unwrap_or(name)
}

/// `text` wrapped under a hanging indent within `width` cells: each line with its lead, `first`
/// (a mark such as `  ! `) before the first line and `rest` before the others, the text wrapped
/// to fit after the wider of the two. Every list on the screens and in the text output wraps so.
pub fn hanging<'a>(
    text: &str,
    first: &'a str,
    rest: &'a str,
    width: usize,
) -> impl Iterator<Item = (&'a str, String)> {
    let room = width.saturating_sub(self::width(first).max(self::width(rest)));
    wrap(text, room)
        .into_iter()
        .enumerate()
        .map(move |(i, line)| (if i == 0 { first } else { rest }, line))
}

/// Joins two words that [`wrap`] never puts on different lines (and shows as a space).
pub const NO_BREAK_SPACE: char = '\u{a0}';

/// Wraps text at word boundaries to lines of at most `max` cells (`textwrap`, by display
/// columns). Any run of whitespace is one space; words longer than a line are broken where they
/// stop fitting, never at their hyphens, and a character wider than the line gets a line of its
/// own. Always returns at least one line. Linear in the text's length, however long a word is.
pub fn wrap(text: &str, max: usize) -> Vec<String> {
    // textwrap keeps runs of spaces and breaks lines at newlines; a text here is one paragraph.
    // A no-break space is kept: it holds two words on one line, as in `(7 None: no servers)`.
    let breaking = |c: char| c.is_whitespace() && c != NO_BREAK_SPACE;
    let one_spaced = !text.starts_with(' ')
        && !text.ends_with(' ')
        && !text.contains("  ")
        && !text.contains(|c: char| breaking(c) && c != ' ');
    let joined;
    let text = if one_spaced {
        text
    } else {
        joined = (text.split(breaking).filter(|w| !w.is_empty()))
            .collect::<Vec<_>>()
            .join(" ");
        &joined
    };
    // textwrap takes `ESC [ … m` for a colour and gives it no width; here it is text like any
    // other (it is shown made visible), so ESC stands in as another control character of the
    // same width (none) that the text does not hold, and is put back after.
    let stand_in = if text.contains('\u{1b}') {
        ('\u{1}'..='\u{8}').find(|&c| !text.contains(c))
    } else {
        None
    };
    let replaced;
    let text = match stand_in {
        Some(c) => {
            replaced = text.replace('\u{1b}', c.encode_utf8(&mut [0; 4]));
            &replaced
        }
        None => text,
    };
    let options = textwrap::Options::new(max.max(1))
        .word_separator(textwrap::WordSeparator::AsciiSpace)
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit)
        .break_words(true);
    // On screen a no-break space is a space: copied text has no surprises in it.
    let shown = |line: String| {
        if line.contains(NO_BREAK_SPACE) {
            line.replace(NO_BREAK_SPACE, " ")
        } else {
            line
        }
    };
    textwrap::wrap(text, options)
        .into_iter()
        .map(|line| match stand_in {
            Some(c) => line.replace(c, "\u{1b}"),
            None => line.into_owned(),
        })
        .map(shown)
        .collect()
}

/// Whether `c` must never reach a terminal as it is: C0 controls (but newline and tab), DEL,
/// C1 controls, and the bidirectional controls that reorder what is shown (U+202A–U+202E,
/// U+2066–U+2069, U+200E, U+200F, U+061C). A terminal takes ESC, CSI (U+009B) or OSC (U+009D)
/// as the start of a command: a pane title, the clipboard (OSC 52), colours, a link.
pub fn is_unsafe_char(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Whether `c` may not appear in a data file's text at all: every control character
/// [`is_unsafe_char`] names, and newline, tab and the Unicode line and paragraph separators
/// (U+2028, U+2029) too: every text is one line, and the app wraps it.
pub fn is_forbidden_in_data(c: char) -> bool {
    is_unsafe_char(c) || matches!(c, '\n' | '\t' | '\u{2028}' | '\u{2029}')
}

/// `text` made safe for a terminal, the one place every human-readable output goes through
/// (`cli::emit`, `cli::say`, the files `recommend` writes): each unsafe character (see
/// [`is_unsafe_char`]) becomes a visible `\u001b`. The escape is JSON's own, so in JSON output,
/// where such a character can only stand inside a string, the value is unchanged; serde_json
/// already escapes C0 itself, and this adds DEL, C1 and the bidirectional controls.
pub fn safe(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains(is_unsafe_char) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if is_unsafe_char(c) {
            use std::fmt::Write as _;
            let _ = write!(out, "\\u{:04x}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// How many characters of a user's input a message quotes before cutting it.
pub const QUOTE_CHARS: usize = 80;

/// Input quoted in a message, cut to [`QUOTE_CHARS`] characters with what was left out said:
/// a 10 MB unknown key is not echoed back in full.
pub fn cut(text: &str) -> std::borrow::Cow<'_, str> {
    cut_to(text, QUOTE_CHARS)
}

/// [`cut`] to `max` characters.
pub fn cut_to(text: &str, max: usize) -> std::borrow::Cow<'_, str> {
    match text.char_indices().nth(max) {
        None => std::borrow::Cow::Borrowed(text),
        Some((at, _)) => {
            let rest = text[at..].chars().count();
            std::borrow::Cow::Owned(format!("{}… ({rest} more characters)", &text[..at]))
        }
    }
}

#[cfg(test)]
mod wrap_tests {
    use super::*;

    #[test]
    fn a_hanging_indent_leads_each_line_and_keeps_the_width() {
        let lines: Vec<(&str, String)> =
            hanging("the quick brown fox jumps over", "  ! ", "    ", 14).collect();
        assert_eq!(
            lines,
            [
                ("  ! ", "the quick".to_owned()),
                ("    ", "brown fox".to_owned()),
                ("    ", "jumps over".to_owned()),
            ]
        );
        // The text fits after the wider lead, whichever it is.
        for (lead, line) in hanging("one two three four five", "  ", "      ", 12) {
            assert!(width(lead) + width(&line) <= 12, "{lead:?}{line:?}");
        }
    }

    #[test]
    fn wraps_at_words_and_never_exceeds_the_width() {
        let lines = wrap("the quick brown fox jumps over the lazy dog", 10);
        assert_eq!(
            lines,
            ["the quick", "brown fox", "jumps over", "the lazy", "dog"]
        );
        for w in 1..20 {
            for line in wrap(
                "supercalifragilistic words and 日本語のテキスト emoji 🎉🎉",
                w,
            ) {
                assert!(width(&line) <= w.max(2), "{line:?} wider than {w}");
            }
        }
    }

    #[test]
    fn empty_text_is_one_empty_line() {
        assert_eq!(wrap("", 10), [""]);
    }

    #[test]
    fn an_overlong_word_is_cut_where_it_stops_fitting() {
        assert_eq!(wrap("ab abcdefgh", 4), ["ab", "abcd", "efgh"]);
        assert_eq!(wrap("abcdefghij x", 4), ["abcd", "efgh", "ij x"]);
        // A wide character never splits and never shares a 1-cell line.
        assert_eq!(wrap("日本", 1), ["日", "本"]);
        // Hyphens are no place to break, and any whitespace is one space.
        assert_eq!(wrap("run ECS-on-EC2", 12), ["run", "ECS-on-EC2"]);
        assert_eq!(wrap(" a \n\t b ", 10), ["a b"]);
        // A no-break space holds its two words together, and is shown as a space.
        assert_eq!(
            wrap("bill (9\u{a0}Pay only)", 10),
            ["bill", "(9 Pay", "only)"]
        );
        // An escape sequence is text here, not a colour of no width.
        assert_eq!(wrap("\u{1b}[31mred x", 8), ["\u{1b}[31mred", "x"]);
    }

    #[test]
    fn a_megabyte_word_wraps_in_linear_time() {
        // Quadratic wrapping took 27 s on this; linear takes milliseconds (not timed: the
        // test would take minutes if it were quadratic).
        let word = "x".repeat(1 << 20);
        let lines = wrap(&word, 80);
        assert_eq!(lines.len(), (1 << 20) / 80 + 1);
        assert!(lines.iter().all(|l| width(l) <= 80));
    }

    #[test]
    fn unsafe_characters_are_made_visible_and_nothing_else_changes() {
        let hostile = "a\u{1b}]0;pwned\u{7}b\u{9b}31mc\u{7f}d\u{202e}e\r\n\tf é 日本";
        let shown = safe(hostile);
        assert_eq!(
            shown,
            "a\\u001b]0;pwned\\u0007b\\u009b31mc\\u007fd\\u202ee\\u000d\n\tf é 日本"
        );
        assert!(!shown.contains(is_unsafe_char));
        assert!(matches!(
            safe("plain\ttext\n"),
            std::borrow::Cow::Borrowed(_)
        ));
        // In JSON the escape is the same character.
        let json = format!("\"{}\"", safe("x\u{202e}\u{85}y"));
        let back: String = serde_json::from_str(&json).expect("valid JSON");
        assert_eq!(back, "x\u{202e}\u{85}y");
    }

    #[test]
    fn long_quotes_are_cut_and_say_how_much() {
        assert_eq!(cut("short"), "short");
        let long = "k".repeat(10_000_000);
        let shown = cut(&long);
        assert_eq!(shown.chars().filter(|&c| c == 'k').count(), QUOTE_CHARS);
        assert!(shown.ends_with("… (9999920 more characters)"), "{shown}");
    }
}

/// A count and its noun, singular for exactly one: `1 price`, `2 prices`, `1 warning`.
pub fn count_noun(n: usize, singular: &str, plural: &str) -> String {
    format!("{n} {}", if n == 1 { singular } else { plural })
}

#[cfg(test)]
mod count_noun_tests {
    #[test]
    fn one_is_singular() {
        assert_eq!(super::count_noun(1, "price", "prices"), "1 price");
        assert_eq!(super::count_noun(0, "price", "prices"), "0 prices");
        assert_eq!(
            super::count_noun(2, "glossary term", "glossary terms"),
            "2 glossary terms"
        );
    }
}

#[cfg(test)]
mod separators {
    #[test]
    fn line_and_paragraph_separators_are_refused_in_data() {
        assert!(super::is_forbidden_in_data('\u{2028}'));
        assert!(super::is_forbidden_in_data('\u{2029}'));
        assert!(!super::is_forbidden_in_data('é'));
    }
}

/// The first sentence of a text: up to the first ". " that is followed by a capital and does
/// not end an abbreviation ("N. Virginia", "e.g. "), or all of it.
pub fn first_sentence(text: &str) -> &str {
    for (at, _) in text.match_indices(". ") {
        let word = text[..at]
            .rsplit(|c: char| c.is_whitespace() || c == '(')
            .next()
            .unwrap_or("");
        let next = text[at + 2..].chars().next();
        let abbreviation = word.chars().count() < 2 || word.contains('.');
        if !abbreviation && next.is_some_and(|c| c.is_uppercase() || c.is_numeric()) {
            return &text[..=at];
        }
    }
    text
}

#[cfg(test)]
mod first_sentence_tests {
    #[test]
    fn first_sentence_stops_at_the_first_full_stop() {
        use super::first_sentence;
        assert_eq!(first_sentence("One. Two."), "One.");
        assert_eq!(first_sentence("No stop"), "No stop");
        assert_eq!(
            first_sentence("Such as us-east-1 (N. Virginia). Next, e.g. this. Done."),
            "Such as us-east-1 (N. Virginia)."
        );
    }
}
