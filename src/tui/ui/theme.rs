//! Colours and emphasis in one place. Only the terminal's named colours are used, never a
//! painted background, so the app reads on dark and light terminals; with `NO_COLOR` every
//! colour goes and emphasis (bold, reverse, markers) carries the meaning alone.

use ratatui::style::{Color, Modifier, Style};

/// The terminal's background, which decides which named colours stay readable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Background {
    #[default]
    Dark,
    Light,
}

impl Background {
    /// From `COLORFGBG` ("15;0" is light text on a dark background), which many terminals
    /// set; dark when unknown. The terminal is never queried, so start-up cannot hang.
    pub fn detect() -> Self {
        let Ok(value) = std::env::var("COLORFGBG") else {
            return Background::Dark;
        };
        match value
            .rsplit(';')
            .next()
            .and_then(|bg| bg.parse::<u8>().ok())
        {
            // 7 (light grey) and 9–15 (bright colours, 15 white) are light backgrounds.
            Some(7 | 9..=15) => Background::Light,
            _ => Background::Dark,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub colour: bool,
    pub background: Background,
}

impl Theme {
    pub const COLOUR: Theme = Theme {
        colour: true,
        background: Background::Dark,
    };
    pub const LIGHT: Theme = Theme {
        colour: true,
        background: Background::Light,
    };
    pub const PLAIN: Theme = Theme {
        colour: false,
        background: Background::Dark,
    };

    /// Colour unless `NO_COLOR` is set to anything non-empty (no-color.org); the background
    /// given, or detected when `None`.
    pub fn new(background: Option<Background>) -> Self {
        let no_colour = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Theme {
            colour: !no_colour,
            background: background.unwrap_or_else(Background::detect),
        }
    }

    /// `NO_COLOR` honoured, background detected.
    pub fn from_env() -> Self {
        Self::new(None)
    }

    /// The theme `--theme` or the config file chose: `auto` detects the background, `dark`
    /// and `light` say it. `NO_COLOR` still turns colour off under any choice.
    pub fn from_choice(choice: crate::config::ThemeChoice) -> Self {
        use crate::config::ThemeChoice;
        Self::new(match choice {
            ThemeChoice::Auto => None,
            ThemeChoice::Dark => Some(Background::Dark),
            ThemeChoice::Light => Some(Background::Light),
        })
    }

    fn fg(self, colour: Color) -> Style {
        if self.colour {
            Style::new().fg(colour)
        } else {
            Style::new()
        }
    }

    /// Cyan and yellow wash out on a light background; blue and magenta read on both.
    fn accent(self) -> Color {
        match self.background {
            Background::Dark => Color::Cyan,
            Background::Light => Color::Blue,
        }
    }

    fn highlight(self) -> Color {
        match self.background {
            Background::Dark => Color::Yellow,
            Background::Light => Color::Magenta,
        }
    }

    pub fn title(self) -> Style {
        self.fg(self.accent()).add_modifier(Modifier::BOLD)
    }

    pub fn heading(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn dim(self) -> Style {
        Style::new().add_modifier(Modifier::DIM)
    }

    /// The highlighted row: reversed, so it shows without colour too.
    pub fn selected(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }

    pub fn winner(self) -> Style {
        self.fg(Color::Green).add_modifier(Modifier::BOLD)
    }

    pub fn positive(self) -> Style {
        self.fg(Color::Green)
    }

    pub fn negative(self) -> Style {
        self.fg(Color::Red)
    }

    pub fn excluded(self) -> Style {
        self.fg(Color::Red)
    }

    /// Rows where compared services differ (also marked `≠`, so colour is not needed).
    pub fn changed(self) -> Style {
        self.fg(self.highlight())
    }

    /// Characters a search matched (also underlined, so colour is not needed).
    pub fn match_style(self) -> Style {
        self.fg(self.highlight())
    }

    pub fn key(self) -> Style {
        self.fg(self.highlight()).add_modifier(Modifier::BOLD)
    }

    pub fn border(self) -> Style {
        self.fg(self.accent())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn light_backgrounds_avoid_yellow_and_cyan() {
        for style in [
            Theme::LIGHT.title(),
            Theme::LIGHT.key(),
            Theme::LIGHT.changed(),
            Theme::LIGHT.border(),
        ] {
            assert!(
                !matches!(style.fg, Some(Color::Yellow | Color::Cyan)),
                "{style:?}"
            );
        }
        assert_eq!(Theme::PLAIN.key().fg, None);
        assert_eq!(
            Theme::PLAIN.selected(),
            Theme::COLOUR.selected(),
            "selection never relies on colour"
        );
    }
}
