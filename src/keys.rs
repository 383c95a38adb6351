//! The one keymap. Dispatch, the footer hints and the `?` help overlay are all read from
//! [`BINDINGS`], so what the help says is what the keys do.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// What the user asked for, in the user's terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Up,
    Down,
    First,
    Last,
    PageUp,
    PageDown,
    /// Enter: take the highlighted option.
    Select,
    /// A number key: on a question, that option; on the result, change that answer.
    Number(usize),
    Back,
    Restart,
    ToggleHelp,
    /// Close an overlay, or quit when none is open.
    Escape,
    Quit,
    /// Ctrl-C: quit at once.
    Interrupt,
    /// Open the detail page of the recommended service.
    OpenDetail,
}

/// Which screens a binding works on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Question,
    Result,
    /// The detail page of a service or term, over any screen.
    Detail,
    Help,
}

/// A key as the keymap names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Code(KeyCode),
    Ctrl(char),
    /// Any digit 1–9.
    Digit,
}

impl Key {
    fn matches(self, event: &KeyEvent) -> bool {
        let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
        match self {
            Key::Ctrl(c) => ctrl && event.code == KeyCode::Char(c),
            Key::Code(code) => !ctrl && event.code == code,
            Key::Digit => !ctrl && matches!(event.code, KeyCode::Char('1'..='9')),
        }
    }

    fn label(self) -> String {
        match self {
            Key::Ctrl(c) => format!("Ctrl-{}", c.to_ascii_uppercase()),
            Key::Digit => "1-9".into(),
            Key::Code(code) => match code {
                KeyCode::Up => "↑".into(),
                KeyCode::Down => "↓".into(),
                KeyCode::Left => "←".into(),
                KeyCode::Right => "→".into(),
                KeyCode::Enter => "Enter".into(),
                KeyCode::Esc => "Esc".into(),
                KeyCode::Backspace => "Backspace".into(),
                KeyCode::Home => "Home".into(),
                KeyCode::End => "End".into(),
                KeyCode::PageUp => "PgUp".into(),
                KeyCode::PageDown => "PgDn".into(),
                KeyCode::Char(' ') => "Space".into(),
                KeyCode::Char(c) => c.to_string(),
                other => format!("{other:?}"),
            },
        }
    }
}

pub struct Binding {
    pub keys: &'static [Key],
    pub action: Action,
    /// Short word for the footer.
    pub hint: &'static str,
    /// Sentence for the help overlay.
    pub help: &'static str,
    pub contexts: &'static [Context],
    /// Shown in the footer (the overlay shows every binding).
    pub in_footer: bool,
}

impl Binding {
    pub fn key_labels(&self) -> String {
        let labels: Vec<String> = self.keys.iter().map(|k| k.label()).collect();
        labels.join("/")
    }
}

use Context::{Detail, Help, Question, Result};
use KeyCode as K;

const ALL: &[Context] = &[Question, Result, Detail, Help];
const SCREENS: &[Context] = &[Question, Result];
const SCROLLING: &[Context] = &[Result, Detail];
const ALL_BUT_HELP: &[Context] = &[Question, Result, Detail];

pub const BINDINGS: &[Binding] = &[
    Binding {
        keys: &[Key::Code(K::Up), Key::Code(K::Char('k'))],
        action: Action::Up,
        hint: "move",
        help: "Move up (on the result: scroll up)",
        contexts: ALL_BUT_HELP,
        in_footer: false,
    },
    Binding {
        keys: &[Key::Code(K::Down), Key::Code(K::Char('j'))],
        action: Action::Down,
        hint: "move",
        help: "Move down (on the result: scroll down)",
        contexts: ALL_BUT_HELP,
        in_footer: false,
    },
    Binding {
        keys: &[Key::Code(K::Home), Key::Code(K::Char('g'))],
        action: Action::First,
        hint: "top",
        help: "Go to the first option or the top",
        contexts: ALL_BUT_HELP,
        in_footer: false,
    },
    Binding {
        keys: &[Key::Code(K::End), Key::Code(K::Char('G'))],
        action: Action::Last,
        hint: "bottom",
        help: "Go to the last option or the bottom",
        contexts: ALL_BUT_HELP,
        in_footer: false,
    },
    Binding {
        keys: &[Key::Code(K::PageUp)],
        action: Action::PageUp,
        hint: "page up",
        help: "Scroll up a page",
        contexts: SCROLLING,
        in_footer: false,
    },
    Binding {
        keys: &[Key::Code(K::PageDown), Key::Code(K::Char(' '))],
        action: Action::PageDown,
        hint: "page down",
        help: "Scroll down a page",
        contexts: SCROLLING,
        in_footer: false,
    },
    Binding {
        keys: &[
            Key::Code(K::Enter),
            Key::Code(K::Right),
            Key::Code(K::Char('l')),
        ],
        action: Action::Select,
        hint: "choose",
        help: "Choose the highlighted option",
        contexts: &[Question],
        in_footer: true,
    },
    Binding {
        keys: &[Key::Digit],
        action: Action::Number(0),
        hint: "pick",
        help: "Pick an option by its number",
        contexts: &[Question],
        in_footer: true,
    },
    Binding {
        keys: &[Key::Digit],
        action: Action::Number(0),
        hint: "change answer",
        help: "Go back to that answer and change it",
        contexts: &[Result],
        in_footer: true,
    },
    Binding {
        keys: &[Key::Code(K::Enter), Key::Code(K::Char('d'))],
        action: Action::OpenDetail,
        hint: "details",
        help: "Open the recommended service's details: facts, sources, limits",
        contexts: &[Result],
        in_footer: true,
    },
    Binding {
        keys: &[
            Key::Code(K::Esc),
            Key::Code(K::Backspace),
            Key::Code(K::Left),
            Key::Code(K::Char('h')),
        ],
        action: Action::Escape,
        hint: "close",
        help: "Close the details",
        contexts: &[Detail],
        in_footer: true,
    },
    Binding {
        keys: &[
            Key::Code(K::Backspace),
            Key::Code(K::Left),
            Key::Code(K::Char('h')),
        ],
        action: Action::Back,
        hint: "back",
        help: "Go back one question (later answers are kept where they still apply)",
        contexts: SCREENS,
        in_footer: true,
    },
    Binding {
        keys: &[Key::Code(K::Char('r'))],
        action: Action::Restart,
        hint: "restart",
        help: "Start again from the first question",
        contexts: SCREENS,
        in_footer: true,
    },
    Binding {
        keys: &[Key::Code(K::Char('?'))],
        action: Action::ToggleHelp,
        hint: "help",
        help: "Show or hide this help",
        contexts: ALL,
        in_footer: true,
    },
    Binding {
        keys: &[Key::Code(K::Esc)],
        action: Action::Escape,
        hint: "close",
        help: "Close the help",
        contexts: &[Help],
        in_footer: true,
    },
    Binding {
        keys: &[Key::Code(K::Char('q')), Key::Code(K::Esc)],
        action: Action::Quit,
        hint: "quit",
        help: "Quit",
        contexts: SCREENS,
        in_footer: true,
    },
    Binding {
        keys: &[Key::Code(K::Char('q'))],
        action: Action::Quit,
        hint: "quit",
        help: "Quit",
        contexts: &[Detail, Help],
        in_footer: false,
    },
    Binding {
        keys: &[Key::Ctrl('c')],
        action: Action::Interrupt,
        hint: "quit",
        help: "Quit at once",
        contexts: ALL,
        in_footer: false,
    },
];

/// The action a key press means in a context, if any.
pub fn action_for(context: Context, event: &KeyEvent) -> Option<Action> {
    let binding = BINDINGS
        .iter()
        .filter(|b| b.contexts.contains(&context))
        .find(|b| b.keys.iter().any(|k| k.matches(event)))?;
    Some(match (binding.action, event.code) {
        (Action::Number(_), KeyCode::Char(c)) => Action::Number(c.to_digit(10)? as usize),
        (action, _) => action,
    })
}

/// The bindings that work in a context, for the footer and the help overlay.
pub fn bindings_for(context: Context) -> impl Iterator<Item = &'static Binding> {
    BINDINGS
        .iter()
        .filter(move |b| b.contexts.contains(&context))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn arrows_and_vim_keys_agree() {
        for (a, b) in [
            (K::Up, K::Char('k')),
            (K::Down, K::Char('j')),
            (K::Left, K::Char('h')),
        ] {
            assert_eq!(
                action_for(Question, &press(a)),
                action_for(Question, &press(b))
            );
        }
        assert_eq!(action_for(Question, &press(K::Up)), Some(Action::Up));
    }

    #[test]
    fn digits_carry_their_number() {
        assert_eq!(
            action_for(Question, &press(K::Char('3'))),
            Some(Action::Number(3))
        );
        assert_eq!(
            action_for(Result, &press(K::Char('7'))),
            Some(Action::Number(7))
        );
        assert_eq!(action_for(Question, &press(K::Char('0'))), None);
    }

    #[test]
    fn escape_closes_help_but_quits_a_screen() {
        assert_eq!(action_for(Help, &press(K::Esc)), Some(Action::Escape));
        assert_eq!(action_for(Question, &press(K::Esc)), Some(Action::Quit));
        let ctrl_c = KeyEvent::new(K::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(action_for(Help, &ctrl_c), Some(Action::Interrupt));
        assert_eq!(action_for(Question, &press(K::Char('c'))), None);
    }

    #[test]
    fn every_binding_has_words_and_a_context() {
        for b in BINDINGS {
            assert!(!b.hint.is_empty() && !b.help.is_empty() && !b.contexts.is_empty());
            assert!(!b.key_labels().is_empty());
        }
    }
}
