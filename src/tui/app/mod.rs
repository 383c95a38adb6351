//! The app's state and how actions change it. No drawing, no terminal I/O, no files and no
//! clock here: `update` changes state and returns [`Effect`]s (write a file, stop) that the
//! terminal loop performs, so every behaviour can be tested as `update(action)` → state.
//!
//! - `overlay`: what is open over the screen (a stack), and the one place that decides what
//!   a key means and what Esc closes.
//! - `update`: actions to state, screen by screen.
//! - `guide`: the walk through the questions to the result, and what-ifs.
//! - `effect`: files to write, the clipboard, and the yes/no questions before writing or
//!   quitting.
//! - `save_as`: the path field `s` and `e` open before writing.
//! - `view`: what the last frame laid out, for the mouse and for scrolling (render state).
//! - `mouse`, `compare`, `cost`, `search`: the mouse, and each tab's own state.

mod compare;
mod cost;
mod effect;
mod guide;
mod mouse;
mod overlay;
mod save_as;
mod search;
mod update;
mod view;

use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Size;

use crate::data::Guide;
use crate::engine::{Answers, Recommendation, Walk};
use crate::keys::{self, Context};

pub use compare::CompareView;
pub use cost::{CostView, FormRow, MAX_FIELD_CHARS};
pub use effect::{Confirm, Effect, FileWrite, Pending};
pub use guide::GuideKeys;
pub use overlay::{DetailView, Overlay};
pub use save_as::{MAX_PATH_CHARS, SaveAs};
pub use search::{MAX_QUERY_CHARS, SearchView};
pub use view::{Clickable, CompareLayout, HitMap, ViewState};

/// Below this size the app shows a message instead of a cramped screen, and only quits.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 18;

/// The tabs across the top, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Guide,
    Compare,
    Search,
    Cost,
}

impl Tab {
    pub const ALL: [Tab; 4] = [Tab::Guide, Tab::Compare, Tab::Search, Tab::Cost];

    pub fn title(self) -> &'static str {
        match self {
            Tab::Guide => "Guide",
            Tab::Compare => "Compare",
            Tab::Search => "Search",
            Tab::Cost => "Cost",
        }
    }

    fn index(self) -> usize {
        Tab::ALL.iter().position(|t| *t == self).unwrap_or(0)
    }
}

/// The walk's outcome, computed once when the result screen opens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub walk: Walk,
    pub recommendation: Recommendation,
    /// What changed against the first result, when the user tried other answers.
    pub what_if: Option<crate::whatif::WhatIf>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Screen {
    /// The question at `position` on the path, with `cursor` on one of its options.
    Question {
        position: usize,
        cursor: usize,
    },
    Result {
        outcome: Box<Outcome>,
        scroll: u16,
    },
}

/// Why the app stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    Quit,
    Interrupted,
}

pub struct App {
    pub guide: Guide,
    pub tab: Tab,
    pub compare: CompareView,
    pub search: SearchView,
    pub cost: CostView,
    /// What is open over the screen, innermost last (see [`Overlay`]).
    overlays: Vec<Overlay>,
    /// The tab to return to when the Search tab is left with Esc.
    search_return: Tab,
    /// Every answer given, kept when the user goes back so later questions remember theirs.
    pub answers: Answers,
    pub screen: Screen,
    /// The result first reached, kept while the user tries other answers (what-if).
    pub baseline: Option<Outcome>,
    /// The question on screen was opened from the result to try another answer: choosing
    /// one goes straight back to the result when the walk is complete, and Esc leaves the
    /// what-if for the original answers.
    pub what_if: bool,
    /// Opened from an answers file that did not complete the walk: each answer goes on to the
    /// next question still open, so only what is new is asked.
    pub resume: bool,
    /// The answers as opened, last saved or exported, so quitting can ask when others would be lost.
    pub kept_answers: Option<Answers>,
    /// A one-line note for the user (a file written, an error), cleared by the next key.
    pub status: Option<String>,
    /// Where `s` and `e` write their files, and what a relative path typed in their field is in.
    pub out_dir: std::path::PathBuf,
    /// The home folder, for `~/` in a typed path and for showing paths under it shortly (none by
    /// default: set by the binary, so tests do not depend on who runs them).
    pub home: Option<std::path::PathBuf>,
    /// The data file's name, for the decision record's sources.
    pub data_name: String,
    /// Today's date (`YYYY-MM-DD`) for the files `s` and `e` write: the terminal loop sets it
    /// from the clock, so `update` never reads the clock.
    pub today: String,
    /// The terminal's size, from the loop (at start and on every resize).
    pub size: Size,
    /// What the last frame laid out: where clickable things are and how far views scroll.
    pub view: ViewState,
    /// The Regions whose prices the Cost tab can switch to, and today's date for marking stale
    /// prices (none by default: set by the binary, so tests and snapshots do not age).
    pub regions: crate::prices::RegionChoice,
}

impl App {
    pub fn new(guide: Guide) -> Self {
        let compare = CompareView::new(&guide);
        let search = SearchView::new(&guide);
        let cost = CostView::new(&guide);
        let mut app = Self {
            guide,
            tab: Tab::Guide,
            compare,
            search,
            cost,
            overlays: Vec::new(),
            search_return: Tab::Guide,
            answers: Answers::new(),
            screen: Screen::Question {
                position: 0,
                cursor: 0,
            },
            baseline: None,
            what_if: false,
            resume: false,
            kept_answers: None,
            status: None,
            out_dir: std::path::PathBuf::from("."),
            home: None,
            data_name: crate::data::EMBEDDED_NAME.to_owned(),
            today: crate::data::today_ymd(),
            size: Size::new(MIN_WIDTH.max(80), MIN_HEIGHT.max(24)),
            view: ViewState::default(),
            regions: crate::prices::RegionChoice::default(),
        };
        app.show_question(0);
        app
    }

    /// Opens with answers from a file: the result when they complete the walk, else the
    /// first question still open.
    pub fn with_answers(mut self, answers: Answers) -> Self {
        // The file holds them: quitting loses nothing until one changes.
        self.kept_answers = Some(answers.clone());
        self.answers = answers;
        let walk = crate::engine::walk(&self.guide, &self.answers);
        if walk.is_complete() {
            self.show_result();
        } else {
            self.resume = true;
            self.show_question(walk.path.len());
        }
        self
    }

    /// Opens with an answers file of an earlier vocabulary: what still applies is kept, the
    /// status line says what replaced each old answer, and only the open questions are asked.
    pub fn with_old_answers(mut self, answers: Answers, retired: &[crate::data::Retired]) -> Self {
        self = self.with_answers(answers);
        if !retired.is_empty() {
            let said: Vec<&str> = retired.iter().map(|r| r.now.as_str()).collect();
            self.status = Some(format!(
                "These answers predate the current questions: {}. Answer what is new.",
                said.join("; ")
            ));
        }
        self
    }

    /// The terminal's new size. While it is below the minimum, only quitting works.
    pub fn resize(&mut self, width: u16, height: u16) {
        self.size = Size::new(width, height);
    }

    pub fn too_small(&self) -> bool {
        self.size.width < MIN_WIDTH || self.size.height < MIN_HEIGHT
    }

    /// A key press: the keymap names the action for what is on top, and `update` does it.
    pub fn handle_key(&mut self, key: &KeyEvent) -> Vec<Effect> {
        self.status = None;
        match keys::action_for(self.context(), key) {
            Some(action) => self.update(action),
            None => Vec::new(),
        }
    }

    /// Pasted text (the terminal's bracketed paste): one edit of the search query, the
    /// focused Cost field or the path field, cut to the field's length. Elsewhere a paste does nothing: pasted
    /// text is never taken as keys (a pasted `q` does not quit).
    pub fn handle_paste(&mut self, text: &str) {
        self.status = None;
        match self.context() {
            Context::Search => self.search.paste(text),
            Context::Cost => self.cost.paste(text),
            Context::SaveAs => self.paste_path(text),
            _ => {}
        }
    }

    /// The Cost tab's Region: the next one with prices (the built-in Region, then each installed
    /// with `computepick prices import`), repricing every estimate.
    pub fn next_region(&mut self) {
        let current = self.guide.meta.region.clone();
        let next = match self.regions.next_after(&current) {
            Some(next) if next != current => next.to_owned(),
            _ => {
                self.status = Some(format!(
                    "Only the built-in {current} prices are here; import a Region's with `{}`",
                    crate::prices::REFRESH_COMMAND
                ));
                return;
            }
        };
        let (prices, region) = (self.guide.prices.clone(), current);
        match self.regions.switch(&mut self.guide, &next) {
            Ok(()) => self.status = Some(format!("Prices for {next}")),
            Err(message) => {
                self.guide.prices = prices;
                self.guide.meta.region = region;
                self.status = Some(message);
            }
        }
        self.cost.reprice(&self.guide);
    }

    /// What to say about the prices in use: stale (when the app knows today's date), or not all
    /// the Region's own.
    pub fn price_notes(&self) -> crate::prices::Notes {
        crate::prices::notes(&self.guide, self.regions.today)
    }
}
