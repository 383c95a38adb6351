//! Mouse: clicks on the things the screen draws (tabs, options, answers, service chips, table
//! rows, search results, the Cost tab's fields and options) and the wheel for scrolling. A
//! click is looked up where the last frame drew each clickable thing (`ViewState::hits`), and
//! only the top of the overlay stack takes it.

use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};

use super::overlay::Overlay;
use super::{App, Clickable, Effect, Screen, Tab};
use crate::keys::Action;

impl App {
    /// Handles a mouse event; `None` when it was one the app ignores (moves, drags, other
    /// buttons, anything while the terminal is too small), so the caller need not redraw: a
    /// terminal reports every movement.
    pub fn handle_mouse(&mut self, event: &MouseEvent) -> Option<Vec<Effect>> {
        if self.too_small() {
            return None;
        }
        let action = match event.kind {
            MouseEventKind::ScrollUp => Action::Up,
            MouseEventKind::ScrollDown => Action::Down,
            MouseEventKind::Down(MouseButton::Left) => {
                self.status = None;
                return Some(self.click_at(event.column, event.row));
            }
            _ => return None,
        };
        self.status = None;
        Some(self.update(action))
    }

    fn click_at(&mut self, x: u16, y: u16) -> Vec<Effect> {
        let hits = &self.view.hits;
        let target = match self.top_overlay() {
            // Only the answers are live while a question waits.
            Some(Overlay::Confirm(_)) => match hits.at(x, y, true) {
                Some(Clickable::Confirm(yes)) => {
                    return self.update(if yes { Action::Yes } else { Action::No });
                }
                _ => None,
            },
            Some(Overlay::Search) => hits.at(x, y, true),
            Some(Overlay::Help { .. } | Overlay::Detail(_) | Overlay::SaveAs(_)) => None,
            // A click on the comparison beneath closes the cell and lands there.
            Some(Overlay::CompareCell) => {
                let target = hits.at(x, y, false);
                self.pop();
                target
            }
            None => hits.at(x, y, false),
        };
        match target {
            Some(target) => self.click(target),
            None => Vec::new(),
        }
    }

    fn click(&mut self, target: Clickable) -> Vec<Effect> {
        match target {
            Clickable::Tab(i) => return self.update(Action::Tab(i + 1)),
            Clickable::Option(i) => {
                if let Screen::Question { cursor, .. } = &mut self.screen {
                    *cursor = i;
                }
                // On a checklist a click ticks; elsewhere it chooses.
                let multi = self.current_question().is_some_and(|q| q.multi);
                return self.update(if multi {
                    Action::Toggle
                } else {
                    Action::Select
                });
            }
            Clickable::Answer(n) => return self.update(Action::Number(n)),
            Clickable::Chip(i) if self.tab == Tab::Compare => {
                self.compare.cursor = i;
                return self.update(Action::Toggle);
            }
            Clickable::Row(i) if self.tab == Tab::Compare => self.compare.row = i,
            Clickable::CostRow(i) if self.tab == Tab::Cost => {
                self.cost.click(i);
                if self.cost.focused() == Some(super::FormRow::Region) {
                    self.next_region();
                }
            }
            Clickable::SearchResult(i) => {
                if self.search.selected == i {
                    return self.update(Action::Select);
                }
                self.search.selected = i;
            }
            _ => {}
        }
        Vec::new()
    }
}
