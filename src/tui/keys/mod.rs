//! The one keymap. Dispatch, the footer hints and the `?` help overlay are all read from
//! [`BINDINGS`], so what the help says is what the keys do.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// What the user asked for, in the user's terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Up,
    Down,
    Left,
    Right,
    First,
    Last,
    PageUp,
    PageDown,
    /// Enter: take the highlighted option, open the highlighted entry.
    Select,
    /// A number key: on a question, that option; on the result, change that answer.
    Number(usize),
    Back,
    Restart,
    ToggleHelp,
    /// Close what is open (help, details, search), or step back.
    Escape,
    Quit,
    /// Ctrl-C: quit at once.
    Interrupt,
    /// Open the detail page of the recommended service.
    OpenDetail,
    /// Compare the recommendation with its runners-up.
    OpenCompare,
    NextTab,
    PrevTab,
    /// Go to tab n (1-based).
    Tab(usize),
    /// Space on the comparison: add or remove the service under the cursor.
    Toggle,
    ToggleDifferences,
    OpenSearch,
    /// A character typed into the search field.
    Type(char),
    /// Delete the last character of the search field.
    DeleteChar,
    ClearQuery,
    /// Save the answers to a file.
    SaveAnswers,
    /// Export a decision record.
    ExportRecord,
    /// Copy the recommendation to the clipboard as Markdown.
    Copy,
    /// Back to the answers the result was first reached with.
    RestoreOriginal,
    /// The Cost tab: show the chart, or the table again.
    ToggleChart,
    /// Answer a yes/no question.
    Yes,
    No,
}

/// Where the keys are read: a screen, or what is open over it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Question,
    /// A checklist question: Space or a number ticks, Enter goes on.
    Checklist,
    Result,
    Compare,
    /// Typing into search: printable keys are text, never shortcuts.
    Search,
    /// The cost form: printable keys are the fields' text; Space flips an option.
    Cost,
    /// A detail page (or a comparison cell's full text) over any screen.
    Detail,
    /// A yes/no question (overwrite? quit?).
    Confirm,
    /// The path field of save and export: printable keys are the path, never shortcuts.
    SaveAs,
    Help,
    /// The terminal is smaller than the app's minimum: only quitting works.
    TooSmall,
}

/// A key as the keymap names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Code(KeyCode),
    Ctrl(char),
    /// Any digit 1–9.
    Digit,
    /// Alt with a digit 1–9.
    AltDigit,
    /// Any printable character (for text fields).
    Printable,
}

impl Key {
    fn matches(self, event: &KeyEvent) -> bool {
        let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
        let alt = event.modifiers.contains(KeyModifiers::ALT);
        match self {
            Key::Ctrl(c) => ctrl && event.code == KeyCode::Char(c),
            Key::Code(KeyCode::BackTab) => event.code == KeyCode::BackTab,
            Key::Code(code) => !ctrl && !alt && event.code == code,
            Key::Digit => !ctrl && !alt && matches!(event.code, KeyCode::Char('1'..='9')),
            Key::AltDigit => alt && matches!(event.code, KeyCode::Char('1'..='9')),
            Key::Printable => !ctrl && !alt && matches!(event.code, KeyCode::Char(_)),
        }
    }

    fn label(self) -> String {
        match self {
            Key::Ctrl(c) => format!("Ctrl-{}", c.to_ascii_uppercase()),
            Key::Digit => "1-9".into(),
            Key::AltDigit => "Alt-1..4".into(),
            Key::Printable => "text".into(),
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
                KeyCode::Tab => "Tab".into(),
                KeyCode::BackTab => "Shift-Tab".into(),
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
    /// What the footer names as the keys, when not the first key: `←/→` for a hint that
    /// covers this binding's keys and a sibling's (← and → are two actions, one hint).
    pub footer_keys: Option<&'static str>,
}

impl Binding {
    /// The first key's label: the one a footer has room for.
    pub fn first_key_label(&self) -> String {
        self.keys.first().map(|k| k.label()).unwrap_or_default()
    }

    /// The keys as the footer names them: the binding's own footer label, else the first key.
    pub fn footer_key_label(&self) -> String {
        self.footer_keys
            .map_or_else(|| self.first_key_label(), str::to_owned)
    }

    /// The same binding with the footer naming its keys `label`.
    const fn footer_keys(self, label: &'static str) -> Binding {
        Binding {
            footer_keys: Some(label),
            ..self
        }
    }

    pub fn key_labels(&self) -> String {
        let labels: Vec<String> = self.keys.iter().map(|k| k.label()).collect();
        labels.join("/")
    }
}

/// One binding, in the table's column order.
const fn b(
    keys: &'static [Key],
    action: Action,
    hint: &'static str,
    help: &'static str,
    contexts: &'static [Context],
    in_footer: bool,
) -> Binding {
    Binding {
        keys,
        action,
        hint,
        help,
        contexts,
        in_footer,
        footer_keys: None,
    }
}

use Action as A;
use Context::{
    Checklist, Compare, Confirm, Cost, Detail, Help, Question, Result, SaveAs, Search, TooSmall,
};
use Key::{AltDigit, Ctrl, Digit, Printable};
use KeyCode as K;

const ALL: &[Context] = &[
    Question, Checklist, Result, Compare, Search, Cost, Detail, Help, Confirm, SaveAs, TooSmall,
];
const GUIDE: &[Context] = &[Question, Checklist, Result];
const ASKING: &[Context] = &[Question, Checklist];
const MOVING: &[Context] = &[Question, Checklist, Result, Compare, Detail, Help];
const SCROLLING: &[Context] = &[Result, Compare, Detail, Help];
const PAGING: &[Context] = &[Result, Detail, Help];
const TABS: &[Context] = &[Question, Checklist, Result, Compare, Search, Cost];
const TEXT: &[Context] = &[Search, Cost];
// Not Cost: a value may hold a `/` (`10M requests/month`); its search is a Tab away.
const SEARCHABLE: &[Context] = &[Question, Checklist, Result, Compare, Detail];
const HELPED: &[Context] = &[Question, Checklist, Result, Compare, Detail, Help];

const fn c(code: KeyCode) -> Key {
    Key::Code(code)
}

// The same keys in several bindings.
const UP: &[Key] = &[c(K::Up), c(K::Char('k'))];
const DOWN: &[Key] = &[c(K::Down), c(K::Char('j'))];
const LEFT: &[Key] = &[c(K::Left), c(K::Char('h'))];
const RIGHT: &[Key] = &[c(K::Right), c(K::Char('l'))];
const ENTER: &[Key] = &[c(K::Enter)];
const ESC: &[Key] = &[c(K::Esc)];
const SPACE: &[Key] = &[c(K::Char(' '))];
const TAKE: &[Key] = &[c(K::Enter), c(K::Right), c(K::Char('l'))];
const BACK: &[Key] = &[c(K::Backspace), c(K::Left), c(K::Char('h'))];
const CLOSE: &[Key] = &[c(K::Esc), c(K::Backspace), c(K::Left), c(K::Char('h'))];
const Q: &[Key] = &[c(K::Char('q'))];

/// Every binding, one a line. Within a context the first binding a key matches wins, so the
/// order matters where a context has both a shortcut and free text (Cost takes `?` first).
#[rustfmt::skip]
pub const BINDINGS: &[Binding] = &[
    // keys                                          action              hint            help                                                                     contexts     footer
    b(UP,                                            A::Up,              "move",         "Move up, or scroll up",                                                 MOVING,      false),
    b(DOWN,                                          A::Down,            "move",         "Move down, or scroll down",                                             MOVING,      false),
    b(&[c(K::Up), Ctrl('p')],                        A::Up,              "move",         "Previous result",                                                       &[Search],   false),
    b(&[c(K::Down), Ctrl('n')],                      A::Down,            "move",         "Next result",                                                           &[Search],   false),
    b(&[c(K::Home), c(K::Char('g'))],                A::First,           "top",          "Go to the first option or the top",                                     MOVING,      false),
    b(&[c(K::End), c(K::Char('G'))],                 A::Last,            "bottom",       "Go to the last option or the bottom",                                   MOVING,      false),
    b(&[c(K::PageUp)],                               A::PageUp,          "page up",      "Scroll up a page",                                                      SCROLLING,   false),
    b(&[c(K::PageDown)],                             A::PageDown,        "page down",    "Scroll down a page",                                                    PAGING,      false),
    b(&[c(K::PageDown)],                             A::PageDown,        "page down",    "Scroll down a page",                                                    &[Compare],  false),
    b(SPACE,                                         A::PageDown,        "page down",    "Scroll down a page",                                                    PAGING,      false),
    // The guide.
    b(TAKE,                                          A::Select,          "choose",       "Choose the highlighted option",                                         &[Question], true),
    b(&[Digit],                                      A::Number(0),       "pick",         "Pick an option by its number",                                          &[Question], true),
    b(SPACE,                                         A::Toggle,          "tick",         "Tick or untick the highlighted option of a checklist",                  &[Checklist], true),
    b(&[Digit],                                      A::Number(0),       "tick",         "Tick or untick a checklist option by its number",                       &[Checklist], false),
    b(TAKE,                                          A::Select,          "go on",        "Go on with the options ticked (nothing ticked means none)",             &[Checklist], true),
    // Not in the footer: the answers panel says "a number changes one".
    b(&[Digit],                                      A::Number(0),       "change answer", "Go back to that answer and change it",                                 &[Result],   false),
    b(&[c(K::Enter), c(K::Char('d'))],               A::OpenDetail,      "details",      "Open the recommended service's details: facts, sources, limits",        &[Result],   true),
    // Before save and export: a narrow footer drops hints from the right, and compare is the
    // way from the result into the Compare tab.
    b(&[c(K::Char('c'))],                            A::OpenCompare,     "compare",      "Compare the recommendation with its runners-up",                        &[Result],   true),
    b(&[c(K::Char('s'))],                            A::SaveAnswers,     "save",         "Save the answers to a file (reopen with --answers FILE)",               &[Result],   true),
    b(&[c(K::Char('e'))],                            A::ExportRecord,    "export",       "Export an architecture decision record (Markdown)",                     &[Result],   true),
    b(&[c(K::Char('y'))],                            A::Copy,            "copy",         "Copy the recommendation as Markdown (OSC 52: the terminal must allow it)", &[Result], true),
    b(&[c(K::Char('o'))],                            A::RestoreOriginal, "original",     "Go back to the original answers after a what-if",                       &[Result],   false),
    b(&[c(K::Char('y')), c(K::Char('Y')), c(K::Enter)], A::Yes,          "yes",          "Yes",                                                                   &[Confirm],  true),
    b(&[c(K::Char('n')), c(K::Char('N')), c(K::Esc)], A::No,             "no",           "No",                                                                    &[Confirm],  true),
    b(BACK,                                          A::Back,            "back",         "Go back one question (later answers are kept where they still apply)",  GUIDE,       true),
    b(&[c(K::Char('r'))],                            A::Restart,         "restart",      "Start again from the first question",                                   GUIDE,       true),
    // The comparison.
    // One footer hint for both: ← and → are two actions, named together.
    b(LEFT,                                          A::Left,            "service",      "Move between services",                                                 &[Compare],  true).footer_keys("←/→"),
    b(RIGHT,                                         A::Right,           "service",      "Move between services",                                                 &[Compare],  false),
    b(SPACE,                                         A::Toggle,          "add/remove",   "Add or remove the service under the cursor (2 to 4)",                   &[Compare],  true),
    b(ENTER,                                         A::Select,          "full text",    "Show the highlighted cell in full, with its source and date",           &[Compare],  true),
    b(&[c(K::Char('d'))],                            A::ToggleDifferences, "differences", "Show only the rows where the services differ, or all rows",            &[Compare],  true),
    // Search: printable keys are text.
    b(ENTER,                                         A::Select,          "open",         "Open the highlighted entry",                                            &[Search],   true),
    b(&[c(K::Backspace)],                            A::DeleteChar,      "delete",       "Delete the last character",                                             TEXT,        false),
    b(&[Ctrl('u')],                                  A::ClearQuery,      "clear",        "Clear the search",                                                      &[Search],   false),
    b(ESC,                                           A::Escape,          "close",        "Close the search and go back",                                          &[Search],   true),
    b(&[Printable],                                  A::Type(' '),       "type",         "Type to search services, concepts and attributes",                      &[Search],   false),
    // The path field of save and export: printable keys are the path.
    b(ENTER,                                         A::Select,          "write",        "Write the file to the path typed",                                      &[SaveAs],   true),
    b(ESC,                                           A::Escape,          "cancel",       "Cancel: nothing is written",                                            &[SaveAs],   true),
    b(&[c(K::Backspace)],                            A::DeleteChar,      "delete",       "Delete the character before the cursor",                                &[SaveAs],   false),
    b(&[Ctrl('u')],                                  A::ClearQuery,      "clear",        "Clear the path",                                                        &[SaveAs],   false),
    b(&[c(K::Left)],                                 A::Left,            "cursor",       "Move the cursor left",                                                  &[SaveAs],   false),
    b(&[c(K::Right)],                                A::Right,           "cursor",       "Move the cursor right",                                                 &[SaveAs],   false),
    b(&[c(K::Home)],                                 A::First,           "start",        "Move the cursor to the start",                                          &[SaveAs],   false),
    b(&[c(K::End)],                                  A::Last,            "end",          "Move the cursor to the end",                                            &[SaveAs],   false),
    b(&[Printable],                                  A::Type(' '),       "type",         "Type the path: a relative one is in the folder the app started in, ~/ is your home", &[SaveAs], false),
    // The Cost form, before its typing: its shortcuts are keys no value takes.
    b(ENTER,                                         A::Select,          "next field",   "Go to the next field",                                                  &[Cost],     true),
    b(&[c(K::Up), Ctrl('p')],                        A::Up,              "field",        "The field above",                                                       &[Cost],     true).footer_keys("↑↓"),
    b(&[c(K::Down), Ctrl('n')],                      A::Down,            "field",        "The field below",                                                       &[Cost],     false),
    b(SPACE,                                         A::Type(' '),       "flip",         "Flip the highlighted option (in a value, a space is text)",             &[Cost],     true),
    b(&[Ctrl('u')],                                  A::ClearQuery,      "clear",        "Clear the field",                                                       &[Cost],     true),
    // A Ctrl key: every printable key is a field's text here (`v` is in `2 vCPU`).
    b(&[Ctrl('g')],                                  A::ToggleChart,     "chart/table",  "Show the cost chart, or the estimate table again",                      &[Cost],     true),
    b(&[c(K::Char('?'))],                            A::ToggleHelp,      "help",         "Show or hide this help",                                                &[Cost],     true),
    b(ESC,                                           A::Escape,          "back",         "Back to the guide",                                                     &[Cost],     true),
    b(&[c(K::Char('/'))],                            A::OpenSearch,      "search",       "Search services, concepts and attributes",                              SEARCHABLE,  true),
    b(&[Printable],                                  A::Type(' '),       "type",         "Type a value with its unit (10M, 200ms, 512MB); Space flips an option", &[Cost],     false),
    // Tabs and overlays.
    b(&[c(K::Tab)],                                  A::NextTab,         "next tab",     "Next tab: Guide, Compare, Search, Cost",                                TABS,        true),
    b(&[c(K::BackTab)],                              A::PrevTab,         "previous tab", "Previous tab",                                                          TABS,        false),
    b(&[AltDigit],                                   A::Tab(0),          "tab",          "Go to tab 1-4: Guide, Compare, Search, Cost",                           TABS,        false),
    b(CLOSE,                                         A::Escape,          "close",        "Close",                                                                 &[Detail],   true),
    b(ESC,                                           A::Escape,          "back",         "Back to the guide",                                                     &[Compare],  false),
    b(&[c(K::Char('?'))],                            A::ToggleHelp,      "help",         "Show or hide this help",                                                HELPED,      true),
    b(ESC,                                           A::Escape,          "close",        "Close the help",                                                        &[Help],     true),
    // In the footer only during a what-if (the footer hides it otherwise): its one way out.
    b(ESC,                                           A::Escape,          "original answers", "Leave a what-if (original answers), else back one question",           &[Result],   true),
    b(ESC,                                           A::Escape,          "original answers", "Leave a what-if (original answers), else quit",                        ASKING,      true),
    b(Q,                                             A::Quit,            "quit",         "Quit",                          GUIDE,       true),
    b(Q,                                             A::Quit,            "quit",         "Quit",                                                                  &[Compare, Detail, Help, TooSmall], true),
    b(&[Ctrl('c')],                                  A::Interrupt,       "quit",         "Quit at once",                                                          ALL,         false),
];

/// The action a key press means in a context, if any.
pub fn action_for(context: Context, event: &KeyEvent) -> Option<Action> {
    let binding = BINDINGS
        .iter()
        .filter(|b| b.contexts.contains(&context))
        .find(|b| b.keys.iter().any(|k| k.matches(event)))?;
    let digit = match event.code {
        KeyCode::Char(c) => c.to_digit(10).map(|d| d as usize),
        _ => None,
    };
    Some(match binding.action {
        Action::Number(_) => Action::Number(digit?),
        Action::Tab(_) => Action::Tab(digit?),
        Action::Type(_) => match event.code {
            KeyCode::Char(c) => Action::Type(c),
            _ => return None,
        },
        action => action,
    })
}

/// The bindings that work in a context, for the footer and the help overlay.
pub fn bindings_for(context: Context) -> impl Iterator<Item = &'static Binding> {
    BINDINGS
        .iter()
        .filter(move |b| b.contexts.contains(&context))
}

#[cfg(test)]
mod tests;
