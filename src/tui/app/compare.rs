//! The Compare tab's state: which services are compared, the cursors, and the table built once
//! per change of selection (never per frame). How it was last laid out (the column offset, the
//! rows wrapped to the drawn widths) is render state: see `ViewState::compare`.

use std::sync::atomic::{AtomicU64, Ordering};

use crate::compare::{MAX_SERVICES, MIN_SERVICES, Table};
use crate::data::Guide;
use crate::engine::Recommendation;
use crate::keys::Action;

#[derive(Debug, Clone)]
pub struct CompareView {
    /// Service ids being compared, in the data's order.
    pub chosen: Vec<String>,
    /// Index into the guide's services: the service chip under the cursor.
    pub cursor: usize,
    /// Index of the highlighted row among the rows shown.
    pub row: usize,
    pub differences_only: bool,
    /// Set when the comparison was opened from a result: columns show rank and reason.
    pub recommendation: Option<Recommendation>,
    /// The table for `chosen`; `None` while fewer than two services are chosen.
    pub table: Option<Table>,
    /// A note for the user ("choose at most four").
    pub message: Option<String>,
    /// Which comparison this is and which build of its table: the layout kept between
    /// frames is reset for a new comparison and wrapped again for a new table.
    pub stamp: (u64, u64),
}

/// Tells comparisons apart, for the layout kept between frames.
static COMPARISONS: AtomicU64 = AtomicU64::new(1);

impl CompareView {
    /// Starts with the first two services so the table is never empty.
    pub fn new(guide: &Guide) -> Self {
        let chosen = guide
            .services
            .iter()
            .take(MIN_SERVICES)
            .map(|s| s.id.clone())
            .collect();
        let mut view = Self {
            chosen,
            cursor: 0,
            row: 0,
            differences_only: false,
            recommendation: None,
            table: None,
            message: None,
            stamp: (COMPARISONS.fetch_add(1, Ordering::Relaxed), 0),
        };
        view.rebuild(guide);
        view
    }

    /// Compares the recommendation with its runners-up (up to four services in all).
    pub fn from_recommendation(guide: &Guide, recommendation: &Recommendation) -> Self {
        let mut view = Self::new(guide);
        let mut ids: Vec<String> = recommendation
            .ranking
            .iter()
            .take(MAX_SERVICES)
            .map(|r| r.service.clone())
            .collect();
        // With a single service left standing, compare it with the first ruled-out one.
        for e in &recommendation.excluded {
            if ids.len() >= MIN_SERVICES {
                break;
            }
            ids.push(e.service.clone());
        }
        view.cursor = guide
            .services
            .iter()
            .position(|s| Some(&s.id) == ids.first())
            .unwrap_or(0);
        view.chosen = ids;
        view.recommendation = Some(recommendation.clone());
        view.rebuild(guide);
        view
    }

    /// Rebuilds the table after the selection changed. Columns keep the order they were
    /// chosen in when they come from a ranking, else the data's order.
    fn rebuild(&mut self, guide: &Guide) {
        if self.recommendation.is_none() {
            let order = |id: &String| guide.services.iter().position(|s| &s.id == id);
            self.chosen.sort_by_key(order);
        }
        self.table = if self.chosen.len() >= MIN_SERVICES {
            Table::build(guide, &self.chosen, self.recommendation.as_ref()).ok()
        } else {
            None
        };
        self.row = self.row.min(self.visible_rows().saturating_sub(1));
        self.stamp.1 += 1;
    }

    pub fn visible_rows(&self) -> usize {
        self.table
            .as_ref()
            .map_or(0, |t| t.rows(self.differences_only).count())
    }

    /// The table column of the service under the cursor, if it is compared.
    pub fn cursor_column(&self, guide: &Guide) -> Option<usize> {
        let id = &guide.services.get(self.cursor)?.id;
        self.table
            .as_ref()?
            .columns
            .iter()
            .position(|c| &c.id == id)
    }

    /// Highlights the row of an attribute (from search), showing all rows if it was hidden.
    pub fn show_attribute(&mut self, id: &str) {
        let Some(table) = &self.table else {
            return;
        };
        if let Some(i) = table.rows(self.differences_only).position(|r| r.id == id) {
            self.row = i;
        } else if let Some(i) = table.rows.iter().position(|r| r.id == id) {
            self.differences_only = false;
            self.row = i;
        }
    }

    /// Enter can open the highlighted cell: a table is shown and the cursor is on one of its
    /// columns.
    pub fn cell_available(&self, guide: &Guide) -> bool {
        self.table.is_some() && self.cursor_column(guide).is_some()
    }

    /// `page`: how many rows fit, as last drawn.
    pub fn update(&mut self, guide: &Guide, action: Action, page: usize) {
        self.message = None;
        let rows = self.visible_rows();
        let last = rows.saturating_sub(1);
        let services = guide.services.len();
        match action {
            Action::Left => self.cursor = (self.cursor + services - 1) % services.max(1),
            Action::Right => self.cursor = (self.cursor + 1) % services.max(1),
            Action::Up => self.row = self.row.saturating_sub(1),
            Action::Down => self.row = (self.row + 1).min(last),
            Action::PageUp => self.row = self.row.saturating_sub(page.max(1)),
            Action::PageDown => self.row = (self.row + page.max(1)).min(last),
            Action::First => self.row = 0,
            Action::Last => self.row = last,
            Action::ToggleDifferences => {
                self.differences_only = !self.differences_only;
                self.row = 0;
                if self.visible_rows() == 0 && self.table.is_some() {
                    self.message =
                        Some("No differences: these services say the same everywhere.".into());
                }
            }
            Action::Toggle => self.toggle(guide),
            Action::Select => {
                self.message =
                    Some("Move the cursor (←/→) onto a compared service to open its cell.".into());
            }
            _ => {}
        }
    }

    fn toggle(&mut self, guide: &Guide) {
        let Some(service) = guide.services.get(self.cursor) else {
            return;
        };
        if let Some(i) = self.chosen.iter().position(|id| id == &service.id) {
            // A comparison needs two: the last two stay (add another first to swap one out).
            if self.chosen.len() <= MIN_SERVICES {
                self.message = Some(format!(
                    "A comparison keeps at least {MIN_SERVICES} services: add another first."
                ));
                return;
            }
            self.chosen.remove(i);
        } else if self.chosen.len() >= MAX_SERVICES {
            self.message = Some(format!(
                "At most {MAX_SERVICES} services side by side: remove one first."
            ));
            return;
        } else {
            self.chosen.push(service.id.clone());
        }
        self.rebuild(guide);
    }
}
