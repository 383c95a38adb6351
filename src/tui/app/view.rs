//! What the last frame laid out, for the mouse and for scrolling: the app's render state, as
//! ratatui's `ListState` or `TableState` are. `ui::draw` writes it through `&mut`; `update`
//! reads it (a click is looked up where the thing was drawn, so hit areas never drift from the
//! picture). Nothing else is written while drawing.

use std::rc::Rc;

use ratatui::layout::{Position, Rect};

use crate::compare::{Layout, WrappedRow};

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
#[derive(Debug, Default, Clone)]
pub struct HitMap {
    hits: Vec<(Rect, Clickable, bool)>,
}

impl HitMap {
    pub fn clear(&mut self) {
        self.hits.clear();
    }

    /// Records a clickable area; `overlay` is true for things drawn over the screen.
    pub fn add(&mut self, area: Rect, target: Clickable, overlay: bool) {
        self.hits.push((area, target, overlay));
    }

    /// The last-drawn target under a point, on the screen (`overlay` false) or over it.
    pub fn at(&self, x: u16, y: u16, overlay: bool) -> Option<Clickable> {
        self.hits
            .iter()
            .rev()
            .find(|(area, _, on_top)| *on_top == overlay && area.contains(Position { x, y }))
            .map(|(_, target, _)| *target)
    }
}

/// The Compare tab's layout between frames.
#[derive(Debug, Clone)]
pub struct CompareLayout {
    /// Which comparison (`CompareView::stamp`) the rest was laid out for.
    pub stamp: (u64, u64),
    /// The first visible service column (the width decides how many fit).
    pub offset: usize,
    /// The first body line shown, so scrolling moves only when it must.
    pub top: usize,
    /// How many rows fit, for paging.
    pub page: usize,
    /// Every row of the table wrapped to the layout last drawn, in table order: moving the
    /// cursor redraws without wrapping again.
    pub wrapped: Option<(Layout, Rc<Vec<WrappedRow>>)>,
}

impl Default for CompareLayout {
    fn default() -> Self {
        Self {
            stamp: (0, 0),
            offset: 0,
            top: 0,
            page: 10,
            wrapped: None,
        }
    }
}

/// The render state of the whole app.
#[derive(Debug, Clone)]
pub struct ViewState {
    pub hits: HitMap,
    /// How far the help scrolls (it depends on the terminal's height).
    pub help_max_scroll: u16,
    /// How far the result scrolls (it depends on the terminal's width); unbounded until drawn.
    pub result_max_scroll: u16,
    /// How far the open detail page scrolls; unbounded until drawn.
    pub detail_max_scroll: u16,
    pub compare: CompareLayout,
}

impl Default for ViewState {
    fn default() -> Self {
        Self {
            hits: HitMap::default(),
            help_max_scroll: 0,
            result_max_scroll: u16::MAX,
            detail_max_scroll: u16::MAX,
            compare: CompareLayout::default(),
        }
    }
}
