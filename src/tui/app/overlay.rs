//! What is open over the screen, as a stack (innermost last), and the one place that decides
//! which context reads the keys and what Esc closes. Drawing walks the same stack.

use super::{App, Effect, Screen, Tab};
use crate::keys::{Action, Context};

/// A service's or term's detail page, scrolled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DetailView {
    pub id: String,
    pub scroll: u16,
}

/// Something open over the screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    /// Search opened with `/` over another tab (Esc returns there).
    Search,
    /// A service's or term's detail page.
    Detail(DetailView),
    /// The highlighted comparison cell in full.
    CompareCell,
    /// The keys, scrolled to `scroll`.
    Help { scroll: u16 },
    /// A yes/no question waiting for an answer.
    Confirm(super::Confirm),
    /// The path to save or export to, being typed.
    SaveAs(super::SaveAs),
}

impl Overlay {
    /// The context that reads the keys while this overlay is on top.
    fn context(&self) -> Context {
        match self {
            Overlay::Search => Context::Search,
            Overlay::Detail(_) | Overlay::CompareCell => Context::Detail,
            Overlay::Help { .. } => Context::Help,
            Overlay::Confirm(_) => Context::Confirm,
            Overlay::SaveAs(_) => Context::SaveAs,
        }
    }
}

impl App {
    /// Where the keys are read: a yes/no question first (it can be answered even while the
    /// terminal is too small), then the too-small screen, then the top of the stack.
    pub fn context(&self) -> Context {
        if let Some(Overlay::Confirm(_)) = self.overlays.last() {
            return Context::Confirm;
        }
        if self.too_small() {
            return Context::TooSmall;
        }
        self.context_under(self.overlays.len())
    }

    /// The context with only the first `depth` overlays open: what the help lists when it is
    /// open at that depth.
    pub fn context_under(&self, depth: usize) -> Context {
        match self.overlays.get(..depth).and_then(<[Overlay]>::last) {
            Some(overlay) => overlay.context(),
            None => self.screen_context(),
        }
    }

    /// The context of the screen itself, under every overlay.
    fn screen_context(&self) -> Context {
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

    /// What is open over the screen, innermost last.
    pub fn overlays(&self) -> &[Overlay] {
        &self.overlays
    }

    pub fn top_overlay(&self) -> Option<&Overlay> {
        self.overlays.last()
    }

    pub fn help_open(&self) -> bool {
        matches!(self.top_overlay(), Some(Overlay::Help { .. }))
    }

    /// The search popup is open (over another tab).
    pub fn search_open(&self) -> bool {
        self.overlays.contains(&Overlay::Search)
    }

    /// The detail page open, if any.
    pub fn detail(&self) -> Option<&DetailView> {
        self.overlays.iter().rev().find_map(|o| match o {
            Overlay::Detail(view) => Some(view),
            _ => None,
        })
    }

    /// The yes/no question waiting, if any.
    pub fn confirm(&self) -> Option<&super::Confirm> {
        match self.top_overlay() {
            Some(Overlay::Confirm(confirm)) => Some(confirm),
            _ => None,
        }
    }

    pub fn compare_cell_open(&self) -> bool {
        self.overlays.contains(&Overlay::CompareCell)
    }

    pub(super) fn push(&mut self, overlay: Overlay) {
        self.overlays.push(overlay);
    }

    pub(super) fn pop(&mut self) -> Option<Overlay> {
        self.overlays.pop()
    }

    pub(super) fn close_overlays(&mut self) {
        self.overlays.clear();
    }

    /// Opens the detail page of a service or term by id.
    pub fn open_detail(&mut self, id: &str) {
        self.view.detail_max_scroll = u16::MAX;
        self.push(Overlay::Detail(DetailView {
            id: id.to_owned(),
            scroll: 0,
        }));
    }

    /// Esc: closes the innermost overlay; with none open, goes back. It never quits from a
    /// screen with work on it: a what-if goes back to the original answers, the result goes
    /// back one question, and only the questions quit (asking first when answers would be lost).
    pub(super) fn escape(&mut self) -> Vec<Effect> {
        if let Some(closed) = self.pop() {
            if matches!(closed, Overlay::SaveAs(_)) {
                self.status = Some("Cancelled: nothing was written.".into());
            }
            return Vec::new();
        }
        match (self.tab, &self.screen) {
            (Tab::Search, _) => self.tab = self.search_return,
            (Tab::Compare | Tab::Cost, _) => self.tab = Tab::Guide,
            (Tab::Guide, Screen::Question { .. }) if self.what_if => self.restore_original(),
            (Tab::Guide, Screen::Question { .. }) => return self.quit(),
            (Tab::Guide, Screen::Result { outcome, .. }) if outcome.what_if.is_some() => {
                self.restore_original();
            }
            (Tab::Guide, Screen::Result { .. }) => return self.update_result(Action::Back),
        }
        Vec::new()
    }

    /// An action while an overlay is on top: only that overlay sees it.
    pub(super) fn update_overlay(&mut self, action: Action) -> Vec<Effect> {
        let help_max = self.view.help_max_scroll;
        let detail_max = self.view.detail_max_scroll;
        match self.overlays.last_mut() {
            Some(Overlay::Confirm(_)) if matches!(action, Action::Yes | Action::No) => {
                return self.answer_confirm(action == Action::Yes);
            }
            Some(Overlay::Help { scroll }) => *scroll = scrolled(*scroll, action, help_max),
            // From a detail page, search takes its place (on the Search tab it is beneath).
            Some(Overlay::Detail(_) | Overlay::CompareCell) if action == Action::OpenSearch => {
                self.pop();
                if self.tab != Tab::Search && !self.search_open() {
                    self.push(Overlay::Search);
                }
            }
            Some(Overlay::Detail(view)) => view.scroll = scrolled(view.scroll, action, detail_max),
            Some(Overlay::Search) => return self.update_search(action),
            Some(Overlay::SaveAs(_)) => return self.update_save_as(action),
            Some(Overlay::CompareCell | Overlay::Confirm(_)) | None => {}
        }
        Vec::new()
    }
}

/// A scroll position after a moving key, at most `max` (how far the view scrolls as last drawn).
pub(super) fn scrolled(scroll: u16, action: Action, max: u16) -> u16 {
    let page = 10;
    match action {
        Action::Up => scroll.saturating_sub(1),
        Action::Down => scroll.saturating_add(1),
        Action::PageUp => scroll.saturating_sub(page),
        Action::PageDown => scroll.saturating_add(page),
        Action::First => 0,
        Action::Last => max,
        _ => scroll,
    }
    .min(max)
}
