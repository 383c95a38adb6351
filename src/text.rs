//! Small text helpers shared by the command line and the app.

/// Edit distance between two strings, in characters.
pub fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// The candidate closest to `name`, if any is close enough to be a likely typo.
/// Ties break alphabetically so the answer never depends on iteration order.
pub fn closest<'a>(name: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let limit = (name.chars().count() / 3).max(2);
    candidates
        .map(|c| (levenshtein(&name.to_lowercase(), &c.to_lowercase()), c))
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

/// Wraps text at word boundaries to lines of at most `max` cells. Words longer than a line are
/// broken. Always returns at least one line.
pub fn wrap(text: &str, max: usize) -> Vec<String> {
    let max = max.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut line_width = 0;
    for word in text.split_whitespace() {
        let mut word = word.to_owned();
        let mut word_width = width(&word);
        if line_width > 0 && line_width + 1 + word_width > max {
            lines.push(std::mem::take(&mut line));
            line_width = 0;
        }
        while word_width > max {
            // Break an overlong word at the last character that fits.
            let mut cut = String::new();
            let mut cut_width = 0;
            let mut rest = String::new();
            for c in word.chars() {
                let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
                if rest.is_empty() && cut_width + w <= max.saturating_sub(line_width) {
                    cut.push(c);
                    cut_width += w;
                } else {
                    rest.push(c);
                }
            }
            if cut.is_empty() && line_width > 0 {
                // Not even one character fits after the current line: start a new one.
                lines.push(std::mem::take(&mut line));
                line_width = 0;
                continue;
            }
            if cut.is_empty() {
                // A character wider than the whole line: give it a line of its own.
                let mut chars = rest.chars();
                cut.extend(chars.next());
                rest = chars.collect();
            }
            line.push_str(&cut);
            lines.push(std::mem::take(&mut line));
            line_width = 0;
            word = rest;
            word_width = width(&word);
        }
        if word.is_empty() {
            continue;
        }
        if line_width > 0 {
            line.push(' ');
            line_width += 1;
        }
        line.push_str(&word);
        line_width += word_width;
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod wrap_tests {
    use super::*;

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
}
