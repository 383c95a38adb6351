//! How each service is told apart on the chart, here and in the estimate's keys: a named
//! colour per line and, without colour, a letter per service (`L` Lambda…), with `*` where two
//! or more lines share a cell. The legend names them all, so no meaning rests on colour.

use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};

use super::super::theme::{Background, Theme};

/// One named colour per line, readable on a dark background...
const SERIES_ON_DARK: [Color; 7] = [
    Color::Yellow,
    Color::Cyan,
    Color::Green,
    Color::Magenta,
    Color::LightBlue,
    Color::LightRed,
    Color::White,
];
/// ...and on a light one, where yellow and white vanish.
const SERIES_ON_LIGHT: [Color; 7] = [
    Color::Red,
    Color::Blue,
    Color::Green,
    Color::Magenta,
    Color::Cyan,
    Color::DarkGray,
    Color::Black,
];
pub const BREAK_EVEN: char = '◆';
/// Without colour, a cell two or more lines pass through: no line's letter overwrites another's.
pub const OVERLAP: char = '*';

pub fn series_style(index: usize, theme: Theme) -> Style {
    let palette = match theme.background {
        Background::Dark => SERIES_ON_DARK,
        Background::Light => SERIES_ON_LIGHT,
    };
    if theme.colour {
        Style::new().fg(palette[index % palette.len()])
    } else {
        Style::new()
    }
}

/// How the chart draws service `name` (one of `names`, the sweep's services in order), for
/// a key next to it elsewhere: `─L` in its colour, or its letter without colour.
pub fn key(names: &[String], name: &str, theme: Theme) -> Option<(String, Style)> {
    let index = names.iter().position(|n| n == name)?;
    let letter = letters(names).get(index).copied()?;
    // Two cells either way: a line ending in its letter, as drawn, or the letter alone.
    let sample = if theme.colour {
        format!("─{letter}")
    } else {
        format!("{letter} ")
    };
    Some((sample, series_style(index, theme)))
}

/// `─L Lambda  ─F Fargate  …  ◆ break-even` (or `L Lambda … * lines overlap` without colour),
/// wrapped to `max` cells. `entries` are (letter, name, style).
pub fn legend(entries: &[(char, &str, Style)], theme: Theme, max: usize) -> Vec<Line<'static>> {
    let mut items: Vec<Vec<Span<'static>>> = entries
        .iter()
        .map(|&(letter, name, style)| {
            let sample = if theme.colour {
                format!("─{letter}")
            } else {
                letter.to_string()
            };
            vec![Span::styled(sample, style), Span::raw(format!(" {name}"))]
        })
        .collect();
    items.push(vec![
        Span::styled(BREAK_EVEN.to_string(), theme.heading()),
        Span::raw(" break-even"),
    ]);
    if !theme.colour {
        items.push(vec![
            Span::raw(OVERLAP.to_string()),
            Span::raw(" lines overlap"),
        ]);
    }
    let mut lines = Vec::new();
    let mut line: Vec<Span> = vec![Span::raw(" ")];
    let mut used = 1;
    for item in items {
        let w: usize = item.iter().map(Span::width).sum::<usize>() + 2;
        if used + w > max && used > 1 {
            lines.push(Line::from(std::mem::take(&mut line)));
            line.push(Span::raw(" "));
            used = 1;
        }
        line.extend(item);
        line.push(Span::raw("  "));
        used += w;
    }
    lines.push(Line::from(line));
    lines
}

/// Each service's letter for drawing without colour: the first letter of its short name not
/// taken by an earlier service, else the first free letter of the alphabet.
pub fn letters(names: &[String]) -> Vec<char> {
    let mut taken: Vec<char> = Vec::new();
    for name in names {
        let candidates = crate::text::short_name(name)
            .chars()
            .filter(char::is_ascii_alphabetic)
            .map(|c| c.to_ascii_uppercase())
            .chain('A'..='Z');
        let letter = candidates
            .into_iter()
            .find(|c| !taken.contains(c))
            .unwrap_or('?');
        taken.push(letter);
    }
    taken
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_service_gets_its_own_letter() {
        let names: Vec<String> = [
            "AWS Lambda",
            "AWS Fargate",
            "Amazon ECS on EC2",
            "Amazon EKS",
            "AWS Batch",
            "Amazon Lightsail",
            "AWS Elastic Beanstalk",
        ]
        .map(String::from)
        .to_vec();
        let letters = letters(&names);
        assert_eq!(letters, ['L', 'F', 'E', 'K', 'B', 'I', 'A']);
    }

    #[test]
    fn without_colour_the_legend_names_the_overlap_mark() {
        let entries = [('L', "Lambda", Style::new())];
        let text = |theme| {
            legend(&entries, theme, 80)
                .iter()
                .map(ToString::to_string)
                .collect::<String>()
        };
        assert!(text(Theme::PLAIN).contains("* lines overlap"));
        assert!(!text(Theme::COLOUR).contains("overlap"));
    }
}
