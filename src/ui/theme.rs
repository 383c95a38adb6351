//! Colours and emphasis in one place. Only the terminal's named colours are used, never a
//! painted background, so the app reads on dark and light terminals; with `NO_COLOR` every
//! colour goes and emphasis (bold, reverse, markers) carries the meaning alone.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub colour: bool,
}

impl Theme {
    pub const COLOUR: Theme = Theme { colour: true };
    pub const PLAIN: Theme = Theme { colour: false };

    /// Colour unless `NO_COLOR` is set to anything non-empty (no-color.org).
    pub fn from_env() -> Self {
        let no_colour = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        if no_colour { Self::PLAIN } else { Self::COLOUR }
    }

    fn fg(self, colour: Color) -> Style {
        if self.colour {
            Style::new().fg(colour)
        } else {
            Style::new()
        }
    }

    pub fn title(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
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
        self.fg(Color::Yellow)
    }

    /// Characters a search matched (also underlined, so colour is not needed).
    pub fn match_style(self) -> Style {
        self.fg(Color::Yellow)
    }

    pub fn key(self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }

    pub fn border(self) -> Style {
        self.fg(Color::Cyan)
    }
}
