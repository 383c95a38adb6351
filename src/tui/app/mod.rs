//! The app's state and how actions change it. No drawing and no terminal I/O here, so every
//! behaviour can be tested as `update(action)` → state.

mod compare;
mod cost;
mod files;
mod mouse;
mod search;

use std::cell::Cell;

use ratatui::crossterm::event::KeyEvent;

use crate::data::{Guide, Question};
use crate::engine::{self, Answers, Recommendation, Walk};
use crate::keys::{self, Action, Context};

pub use compare::CompareView;
pub use cost::{CostView, FormRow, MAX_FIELD_CHARS};
pub use files::{Confirm, Pending};
pub use mouse::{Clickable, HitMap};
pub use search::{MAX_QUERY_CHARS, SearchView};

fn is_tab_action(action: Action) -> bool {
    matches!(action, Action::NextTab | Action::PrevTab | Action::Tab(_))
}

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

/// A service's or term's detail page, scrolled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DetailView {
    pub id: String,
    pub scroll: u16,
    /// How far it can scroll, as last drawn.
    pub max_scroll: Cell<u16>,
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
    /// Search opened with `/` over another tab (Esc returns there).
    pub search_overlay: bool,
    /// The tab to return to when the Search tab is left with Esc.
    search_return: Tab,
    /// Every answer given, kept when the user goes back so later questions remember theirs.
    pub answers: Answers,
    pub screen: Screen,
    pub show_help: bool,
    /// The first line of the help shown, when it is taller than the screen.
    pub help_scroll: u16,
    /// How far the help can scroll, as last drawn (it depends on the terminal's height).
    pub help_max_scroll: Cell<u16>,
    /// The detail page open over the screen, if any.
    pub detail: Option<DetailView>,
    pub exit: Option<Exit>,
    /// The result first reached, kept while the user tries other answers (what-if).
    pub baseline: Option<Outcome>,
    /// The question on screen was opened from the result to try another answer: choosing
    /// one goes straight back to the result when the walk is complete.
    pub what_if: bool,
    /// Opened from an answers file that did not complete the walk: each answer goes on to the
    /// next question still open, so only what is new is asked.
    pub resume: bool,
    /// The answers as last saved or exported, so quitting after a what-if can ask first.
    pub kept_answers: Option<Answers>,
    /// A yes/no question waiting for an answer.
    pub confirm: Option<Confirm>,
    /// A one-line note for the user (a file written, an error), cleared by the next key.
    pub status: Option<String>,
    /// Where `s` and `e` write their files.
    pub out_dir: std::path::PathBuf,
    /// The data file's name, for the decision record's sources.
    pub data_name: String,
    /// Where the last frame drew clickable things.
    pub hits: HitMap,
    /// How far the result can scroll, as last drawn (it depends on the terminal's width).
    pub result_max_scroll: Cell<u16>,
    /// The Regions whose prices the Cost tab can switch to, and today's date for marking stale
    /// prices (none by default: set by the binary, so tests and snapshots do not age).
    pub regions: crate::prices::RegionChoice,
}

impl App {
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
            search_overlay: false,
            search_return: Tab::Guide,
            answers: Answers::new(),
            screen: Screen::Question {
                position: 0,
                cursor: 0,
            },
            show_help: false,
            help_scroll: 0,
            help_max_scroll: Cell::new(0),
            detail: None,
            exit: None,
            baseline: None,
            what_if: false,
            resume: false,
            kept_answers: None,
            confirm: None,
            status: None,
            out_dir: std::path::PathBuf::from("."),
            data_name: crate::data::EMBEDDED_NAME.to_owned(),
            result_max_scroll: Cell::new(u16::MAX),
            regions: crate::prices::RegionChoice::default(),
            hits: HitMap::default(),
        };
        app.show_question(0);
        app
    }

    pub fn context(&self) -> Context {
        if self.confirm.is_some() {
            return Context::Confirm;
        }
        if self.show_help {
            return Context::Help;
        }
        self.screen_context()
    }

    /// The context of what is on screen, under the help overlay if it is open.
    pub fn screen_context(&self) -> Context {
        if self.detail.is_some() || (self.tab == Tab::Compare && self.compare.cell_open) {
            return Context::Detail;
        }
        if self.search_overlay {
            return Context::Search;
        }
        match (self.tab, &self.screen) {
            (Tab::Compare, _) => Context::Compare,
            (Tab::Search, _) => Context::Search,
            (Tab::Cost, _) => Context::Cost,
            (Tab::Guide, Screen::Question { .. })
                if self.current_question().is_some_and(|q| q.multi) =>
            {
                Context::Checklist
            }
            (Tab::Guide, Screen::Question { .. }) => Context::Question,
            (Tab::Guide, Screen::Result { .. }) => Context::Result,
        }
    }

    pub fn handle_key(&mut self, key: &KeyEvent) {
        self.status = None;
        if let Some(action) = keys::action_for(self.context(), key) {
            self.update(action);
        }
    }

    /// Pasted text (the terminal's bracketed paste): one edit of the search query or the
    /// focused Cost field, cut to the field's length. Elsewhere a paste does nothing: pasted
    /// text is never taken as keys (a pasted `q` does not quit).
    pub fn handle_paste(&mut self, text: &str) {
        self.status = None;
        match self.context() {
            Context::Search => self.search.paste(text),
            Context::Cost => self.cost.paste(text),
            _ => {}
        }
    }

    /// The questions the walk asks: those answered, the one being asked, and the ones after
    /// it as far as remembered answers (else each question's first option) lead.
    pub fn path_questions(&self) -> Vec<&Question> {
        engine::planned_path(&self.guide, &self.answers)
    }

    /// The question on screen, if a question screen is showing.
    pub fn current_question(&self) -> Option<&Question> {
        match self.screen {
            Screen::Question { position, .. } => self.path_questions().get(position).copied(),
            Screen::Result { .. } => None,
        }
    }

    fn show_question(&mut self, position: usize) {
        let cursor = self
            .path_questions()
            .get(position)
            .and_then(|q| {
                let answer = self.answers.get(&q.id)?;
                // A checklist starts on its first option; a choice on the one remembered.
                (!q.multi)
                    .then(|| q.options.iter().position(|o| &o.id == answer))
                    .flatten()
            })
            .unwrap_or(0);
        self.screen = Screen::Question { position, cursor };
    }

    fn show_result(&mut self) {
        let walk = engine::walk(&self.guide, &self.answers);
        // The Cost tab follows the answers (jobs that end, a load balancer) until sized by hand.
        self.cost.shape_from(&engine::answers_of(&walk.path));
        // A workload sized on the Cost tab weighs in where the answers say cost matters.
        let sizing = self
            .cost
            .estimate
            .as_ref()
            .filter(|_| self.cost.sized)
            .map(engine::Sizing::from_estimate);
        let recommendation = engine::recommend_sized(&self.guide, &walk.path, sizing.as_ref());
        let mut outcome = Outcome {
            walk,
            recommendation,
            what_if: None,
        };
        // The first result reached is what what-ifs are measured against.
        match &self.baseline {
            None => self.baseline = Some(outcome.clone()),
            Some(base) => {
                let diff = crate::whatif::diff(
                    &base.walk.path,
                    &base.recommendation,
                    &outcome.walk.path,
                    &outcome.recommendation,
                );
                outcome.what_if = (!diff.is_empty()).then_some(diff);
            }
        }
        self.what_if = false;
        self.screen = Screen::Result {
            outcome: Box::new(outcome),
            scroll: 0,
        };
    }

    /// Opens with answers from a file: the result when they complete the walk, else the
    /// first question still open.
    pub fn with_answers(mut self, answers: Answers) -> Self {
        self.answers = answers;
        let walk = engine::walk(&self.guide, &self.answers);
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

    /// Ticks or unticks option `index` of the checklist on screen; the answer is kept as it
    /// changes, so going back or quitting mid-way loses nothing.
    fn tick(&mut self, index: usize) {
        let Some(question) = self.current_question() else {
            return;
        };
        let Some(option) = question.options.get(index) else {
            return;
        };
        let now = self.answers.get(&question.id).cloned().unwrap_or_default();
        let next = if option.id == "none" {
            "none".to_owned()
        } else if question.picks(&now, &option.id) {
            now.split(',')
                .filter(|id| *id != option.id)
                .collect::<Vec<_>>()
                .join(",")
        } else {
            format!("{now},{}", option.id)
        };
        let value = engine::canonical(question, &next);
        let qid = question.id.clone();
        self.answers.insert(qid, value);
    }

    /// Answers the current question with option `index` and moves on.
    fn choose(&mut self, index: usize) {
        let Screen::Question { position, .. } = self.screen else {
            return;
        };
        let Some(question) = self.current_question() else {
            return;
        };
        let Some(option) = question.options.get(index) else {
            return;
        };
        let (qid, ends) = (question.id.clone(), option.next.is_none());
        // A checklist goes on with what is ticked (nothing ticked is `none`).
        let answer = if question.multi {
            engine::canonical(question, self.answers.get(&qid).map_or("", String::as_str))
        } else {
            option.id.clone()
        };
        self.answers.insert(qid, answer);
        let walked = engine::walk(&self.guide, &self.answers);
        // From a what-if or a reopened file, a complete walk goes straight back to the result,
        // and a reopened file goes on to the next question it leaves open.
        if ends || ((self.what_if || self.resume) && walked.is_complete()) {
            self.resume = false;
            self.show_result();
        } else if self.resume {
            self.show_question(walked.path.len());
        } else {
            self.show_question(position + 1);
        }
    }

    pub fn update(&mut self, action: Action) {
        match action {
            Action::ToggleHelp => {
                self.show_help = !self.show_help;
                self.help_scroll = 0;
            }
            Action::Escape => self.escape(),
            Action::Quit => self.quit(),
            Action::Yes | Action::No => self.answer_confirm(action == Action::Yes),
            Action::Interrupt => self.exit = Some(Exit::Interrupted),
            _ if self.show_help => self.scroll_help(action),
            Action::OpenSearch if self.detail.is_some() => {
                // From a detail view, search replaces it (on the Search tab it is already shown).
                self.detail = None;
                self.search_overlay = self.tab != Tab::Search;
            }
            _ if self.detail.is_some() => self.update_detail(action),
            Action::OpenSearch => {
                self.search_overlay = true;
            }
            _ if (self.search_overlay || self.tab == Tab::Search) && !is_tab_action(action) => {
                self.update_search(action);
            }
            Action::NextTab => self.switch_tab((self.tab.index() + 1) % Tab::ALL.len()),
            Action::PrevTab => {
                self.switch_tab((self.tab.index() + Tab::ALL.len() - 1) % Tab::ALL.len());
            }
            Action::Tab(n) if (1..=Tab::ALL.len()).contains(&n) => self.switch_tab(n - 1),
            Action::Restart if !self.answers.is_empty() => {
                self.confirm = Some(Confirm {
                    question: "Start again and clear every answer?".into(),
                    pending: Pending::Restart,
                });
            }
            Action::Restart => self.restart(),
            _ => match self.tab {
                Tab::Compare => self.compare.update(&self.guide, action),
                Tab::Search => {}
                Tab::Cost
                    if action == Action::Type(' ')
                        && self.cost.focused() == Some(FormRow::Region) =>
                {
                    self.next_region();
                }
                Tab::Cost => self.cost.update(action),
                Tab::Guide => match &self.screen {
                    Screen::Question { .. } => self.update_question(action),
                    Screen::Result { .. } => self.update_result(action),
                },
            },
        }
    }

    /// Esc closes the innermost thing open; on the Compare and Search tabs it goes back to
    /// the guide.
    fn escape(&mut self) {
        if self.show_help {
            self.show_help = false;
        } else if self.detail.is_some() {
            self.detail = None;
        } else if self.tab == Tab::Compare && self.compare.cell_open {
            self.compare.cell_open = false;
        } else if self.search_overlay {
            self.search_overlay = false;
        } else if self.tab == Tab::Search {
            self.tab = self.search_return;
        } else {
            self.tab = Tab::Guide;
        }
    }

    fn update_search(&mut self, action: Action) {
        match action {
            Action::Type(c) => self.search.push(c),
            Action::DeleteChar => self.search.pop(),
            Action::ClearQuery => self.search.clear(),
            Action::Up => self.search.up(),
            Action::Down => self.search.down(),
            Action::Select => self.open_search_result(),
            _ => {}
        }
    }

    /// Enter on a result: a service or concept opens its detail page; an attribute opens its
    /// row in the comparison.
    fn open_search_result(&mut self) {
        let Some(entry) = self.search.selected_entry() else {
            return;
        };
        let (kind, id) = (entry.kind, entry.id.clone());
        match kind {
            crate::search::Kind::Service | crate::search::Kind::Concept => self.open_detail(&id),
            crate::search::Kind::Attribute => {
                self.search_overlay = false;
                self.tab = Tab::Compare;
                self.compare.show_attribute(&id);
            }
        }
    }

    fn switch_tab(&mut self, index: usize) {
        let tab = Tab::ALL.get(index).copied().unwrap_or(Tab::Guide);
        if tab == Tab::Search && self.tab != Tab::Search {
            self.search_return = self.tab;
        }
        self.tab = tab;
        if tab == Tab::Cost {
            self.cost.prepare_chart();
        }
        self.search_overlay = false;
        self.compare.cell_open = false;
    }

    fn update_question(&mut self, action: Action) {
        let count = self.current_question().map_or(0, |q| q.options.len());
        let multi = self.current_question().is_some_and(|q| q.multi);
        if multi {
            match action {
                Action::Toggle => {
                    if let Screen::Question { cursor, .. } = self.screen {
                        self.tick(cursor);
                    }
                    return;
                }
                Action::Number(n) if (1..=count).contains(&n) => {
                    self.tick(n - 1);
                    return;
                }
                _ => {}
            }
        }
        let Screen::Question { position, cursor } = &mut self.screen else {
            return;
        };
        let last = count.saturating_sub(1);
        match action {
            Action::Up => *cursor = if *cursor == 0 { last } else { *cursor - 1 },
            Action::Down => *cursor = if *cursor >= last { 0 } else { *cursor + 1 },
            Action::First | Action::PageUp => *cursor = 0,
            Action::Last | Action::PageDown => *cursor = last,
            Action::Select => {
                let index = *cursor;
                self.choose(index);
            }
            Action::Number(n) if (1..=count).contains(&n) => self.choose(n - 1),
            Action::Back if *position > 0 => {
                let previous = *position - 1;
                self.show_question(previous);
            }
            _ => {}
        }
    }

    fn restore_original(&mut self) {
        let Some(base) = &self.baseline else {
            return;
        };
        self.answers = base
            .walk
            .path
            .iter()
            .map(|s| (s.question.clone(), s.answer.clone()))
            .collect();
        self.show_result();
        self.status = Some("Back to the original answers.".into());
    }

    /// `q` asks first when a walk is under way, so answers are not lost by a stray key.
    pub(super) fn restart(&mut self) {
        self.answers.clear();
        self.baseline = None;
        self.what_if = false;
        self.show_question(0);
    }

    fn quit(&mut self) {
        let in_progress =
            matches!(self.screen, Screen::Question { .. }) && !self.answers.is_empty();
        // Answers changed by a what-if and neither saved nor exported would be lost too.
        let unsaved_what_if = matches!(&self.screen, Screen::Result { outcome, .. } if outcome.what_if.is_some())
            && self.kept_answers.as_ref() != Some(&self.answers);
        if in_progress {
            self.confirm = Some(Confirm {
                question: "Quit and lose the answers given so far?".into(),
                pending: Pending::Quit,
            });
        } else if unsaved_what_if {
            self.confirm = Some(Confirm {
                question: "Quit and lose the changed answers? (n, then s saves them)".into(),
                pending: Pending::Quit,
            });
        } else {
            self.exit = Some(Exit::Quit);
        }
    }

    /// Opens the detail page of a service or term by id.
    pub fn open_detail(&mut self, id: &str) {
        self.detail = Some(DetailView {
            id: id.to_owned(),
            scroll: 0,
            max_scroll: Cell::new(u16::MAX),
        });
    }

    fn update_detail(&mut self, action: Action) {
        let Some(view) = &mut self.detail else {
            return;
        };
        let max = view.max_scroll.get();
        view.scroll = match action {
            Action::Up => view.scroll.saturating_sub(1),
            Action::Down => view.scroll.saturating_add(1).min(max),
            Action::PageUp => view.scroll.saturating_sub(10),
            Action::PageDown => view.scroll.saturating_add(10).min(max),
            Action::First => 0,
            Action::Last => max,
            _ => view.scroll,
        };
    }

    /// The help is a list of keys that may not fit a short terminal: it scrolls.
    fn scroll_help(&mut self, action: Action) {
        let max = self.help_max_scroll.get();
        let page = 10;
        self.help_scroll = match action {
            Action::Up => self.help_scroll.saturating_sub(1),
            Action::Down => self.help_scroll.saturating_add(1),
            Action::PageUp => self.help_scroll.saturating_sub(page),
            Action::PageDown => self.help_scroll.saturating_add(page),
            Action::First => 0,
            Action::Last => max,
            _ => self.help_scroll,
        }
        .min(max);
    }

    fn update_result(&mut self, action: Action) {
        let Screen::Result { outcome, scroll } = &mut self.screen else {
            return;
        };
        let answered = outcome.walk.path.len();
        let max = self.result_max_scroll.get();
        match action {
            Action::Up => *scroll = scroll.saturating_sub(1),
            Action::Down => *scroll = scroll.saturating_add(1).min(max),
            Action::PageUp => *scroll = scroll.saturating_sub(10),
            Action::PageDown => *scroll = scroll.saturating_add(10).min(max),
            Action::First => *scroll = 0,
            Action::Last => *scroll = max,
            Action::Back => self.show_question(answered.saturating_sub(1)),
            Action::Number(n) if (1..=answered).contains(&n) => {
                self.show_question(n - 1);
                self.what_if = true;
            }
            Action::RestoreOriginal => self.restore_original(),
            Action::SaveAnswers => self.save_answers(),
            Action::ExportRecord => self.export_record(),
            Action::OpenCompare => {
                self.compare =
                    CompareView::from_recommendation(&self.guide, &outcome.recommendation);
                self.tab = Tab::Compare;
            }
            Action::OpenDetail => {
                if let Some(top) = outcome.recommendation.top() {
                    let id = top.service.clone();
                    self.open_detail(&id);
                }
            }
            _ => {}
        }
    }
}
