//! Mouse: clicks on the things the screen draws (tabs, options, answers, service chips, table
//! rows, search results, the Cost tab's fields and options) and the wheel for scrolling. The
//! drawing code records where each clickable thing landed; a click is looked up there, so hit
//! areas never drift from the picture.

use std::cell::RefCell;

use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Rect};

use super::{App, Screen, Tab};
use crate::keys::Action;

/// Something a click can land on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clickable {
    Tab(usize),
    /// An option of the question on screen (0-based).
    Option(usize),
    /// An answer on the result (1-based, as its number key).
    Answer(usize),
    /// A service chip on the Compare tab (index into the guide's services).
    Chip(usize),
    /// A row of the comparison (index among the rows shown).
    Row(usize),
    /// A search result (index into the hits).
    SearchResult(usize),
    /// A row of the Cost tab's form (index into `FormRow::all`): a field or an option.
    CostRow(usize),
    /// The yes (true) or no (false) of a question on screen.
    Confirm(bool),
}

/// Where clickable things were drawn in the last frame.
#[derive(Debug, Default)]
pub struct HitMap {
    hits: RefCell<Vec<(Rect, Clickable, bool)>>,
}

impl HitMap {
    pub fn clear(&self) {
        self.hits.borrow_mut().clear();
    }

    /// Records a clickable area; `overlay` is true for things drawn over the screen.
    pub fn add(&self, area: Rect, target: Clickable, overlay: bool) {
        self.hits.borrow_mut().push((area, target, overlay));
    }

    /// The last-drawn target under a point, on the top layer only.
    fn at(&self, x: u16, y: u16, overlay_open: bool) -> Option<Clickable> {
        self.hits
            .borrow()
            .iter()
            .rev()
            .find(|(area, _, overlay)| *overlay == overlay_open && area.contains(Position { x, y }))
            .map(|(_, target, _)| *target)
    }
}

impl App {
    /// Handles a mouse event; false when it was one the app ignores (moves, drags, other
    /// buttons), so the caller need not redraw: a terminal reports every movement.
    pub fn handle_mouse(&mut self, event: &MouseEvent) -> bool {
        match event.kind {
            MouseEventKind::ScrollUp => {
                self.status = None;
                self.update(Action::Up);
            }
            MouseEventKind::ScrollDown => {
                self.status = None;
                self.update(Action::Down);
            }
            MouseEventKind::Down(MouseButton::Left) => {
                self.status = None;
                let overlay = self.search_overlay;
                if self.confirm.is_some() {
                    // Only the answers are live while a question waits.
                    if let Some(Clickable::Confirm(yes)) =
                        self.hits.at(event.column, event.row, true)
                    {
                        self.update(if yes { Action::Yes } else { Action::No });
                    }
                    return true;
                }
                if self.show_help || self.detail.is_some() {
                    return true;
                }
                if let Some(target) = self.hits.at(event.column, event.row, overlay) {
                    self.click(target);
                }
            }
            _ => return false,
        }
        true
    }

    fn click(&mut self, target: Clickable) {
        match target {
            Clickable::Tab(i) => self.update(Action::Tab(i + 1)),
            Clickable::Option(i) => {
                if let Screen::Question { cursor, .. } = &mut self.screen {
                    *cursor = i;
                }
                // On a checklist a click ticks; elsewhere it chooses.
                let multi = self.current_question().is_some_and(|q| q.multi);
                self.update(if multi {
                    Action::Toggle
                } else {
                    Action::Select
                });
            }
            Clickable::Answer(n) => self.update(Action::Number(n)),
            Clickable::Chip(i) if self.tab == Tab::Compare => {
                self.compare.cursor = i;
                self.update(Action::Toggle);
            }
            Clickable::Row(i) if self.tab == Tab::Compare => {
                self.compare.row = i;
                self.compare.cell_open = false;
            }
            Clickable::CostRow(i) if self.tab == Tab::Cost => {
                self.cost.click(i);
                if self.cost.focused() == Some(super::FormRow::Region) {
                    self.next_region();
                }
            }
            Clickable::SearchResult(i) => {
                if self.search.selected == i {
                    self.update(Action::Select);
                } else {
                    self.search.selected = i;
                }
            }
            _ => {}
        }
    }
}
