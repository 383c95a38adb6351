//! Actions to state. Keys that mean the same everywhere (quit, Esc, help) come first; then
//! whatever is on top of the overlay stack sees the action, else the screen of the tab shown.

use super::overlay::Overlay;
use super::{App, CompareView, Effect, Exit, FormRow, Pending, Screen, Tab};
use crate::keys::Action;

impl App {
    /// Changes the state for `action` and returns what the terminal loop must do for it
    /// (write a file, stop). Never writes, reads the clock or draws.
    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        match action {
            Action::Interrupt => return vec![Effect::Exit(Exit::Interrupted)],
            Action::Quit => return self.quit(),
            Action::Escape => return self.escape(),
            Action::ToggleHelp => {
                if self.help_open() {
                    self.pop();
                } else {
                    self.push(Overlay::Help { scroll: 0 });
                }
                return Vec::new();
            }
            _ => {}
        }
        if self.top_overlay().is_some() {
            return self.update_overlay(action);
        }
        match action {
            Action::OpenSearch => self.push(Overlay::Search),
            Action::NextTab | Action::PrevTab | Action::Tab(_) => self.tab_action(action),
            Action::Restart if !self.answers.is_empty() => {
                self.ask("Start again and clear every answer?", Pending::Restart);
            }
            Action::Restart => self.restart(),
            _ => match self.tab {
                Tab::Compare => self.update_compare(action),
                Tab::Search => return self.update_search(action),
                Tab::Cost
                    if action == Action::Type(' ')
                        && self.cost.focused() == Some(FormRow::Region) =>
                {
                    self.next_region();
                }
                Tab::Cost => self.cost.update(action),
                Tab::Guide => match &self.screen {
                    Screen::Question { .. } => self.update_question(action),
                    Screen::Result { .. } => return self.update_result(action),
                },
            },
        }
        Vec::new()
    }

    fn update_compare(&mut self, action: Action) {
        if action == Action::Select && self.compare.cell_available(&self.guide) {
            self.push(Overlay::CompareCell);
        } else {
            let page = self.view.compare.page;
            self.compare.update(&self.guide, action, page);
        }
    }

    pub(super) fn update_search(&mut self, action: Action) -> Vec<Effect> {
        match action {
            Action::Type(c) => self.search.push(c),
            Action::DeleteChar => self.search.pop(),
            Action::ClearQuery => self.search.clear(),
            Action::Up => self.search.up(),
            Action::Down => self.search.down(),
            Action::Select => self.open_search_result(),
            // Tabs work from the search popup too: it closes on the way.
            Action::NextTab | Action::PrevTab | Action::Tab(_) => self.tab_action(action),
            _ => {}
        }
        Vec::new()
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
                self.close_overlays();
                self.tab = Tab::Compare;
                self.compare.show_attribute(&id);
            }
        }
    }

    fn tab_action(&mut self, action: Action) {
        let count = Tab::ALL.len();
        match action {
            Action::NextTab => self.switch_tab((self.tab.index() + 1) % count),
            Action::PrevTab => self.switch_tab((self.tab.index() + count - 1) % count),
            Action::Tab(n) if (1..=count).contains(&n) => self.switch_tab(n - 1),
            _ => {}
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
        self.close_overlays();
    }

    /// From the result, compare the recommendation with its runners-up.
    pub(super) fn open_compare(&mut self) {
        if let Screen::Result { outcome, .. } = &self.screen {
            self.compare = CompareView::from_recommendation(&self.guide, &outcome.recommendation);
            self.tab = Tab::Compare;
        }
    }
}
