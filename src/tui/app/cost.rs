//! The Cost tab's state: the form's text (what the user typed, kept even while it does not
//! parse), the last good inputs, and the estimate, sweep and break-evens computed once per
//! keystroke (never per frame). The sweep and break-evens only feed the tab's chart, and cost
//! most of the app's start-up, so they wait until the tab is first shown.

use crate::cost::{
    CostModel, Estimate, Field, Inputs, Sweep, SweepRange, Toggle, summarize_break_evens,
};
use crate::data::Guide;
use crate::keys::Action;

/// The longest text a number field takes, in characters: `1,000,000,000 requests/month` fits.
/// Keys typed past it are ignored, and a paste is cut to it.
pub const MAX_FIELD_CHARS: usize = 32;

/// A row of the form: a number typed with units, or an on/off option.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormRow {
    Number(Field),
    Switch(Toggle),
    /// The Region whose prices are used; Space moves to the next installed one (the app does
    /// it, since the prices live in the guide).
    Region,
}

impl FormRow {
    pub fn all() -> impl Iterator<Item = FormRow> {
        Field::ALL
            .into_iter()
            .map(FormRow::Number)
            .chain(Toggle::ALL.into_iter().map(FormRow::Switch))
            .chain(std::iter::once(FormRow::Region))
    }
}

#[derive(Debug, Clone)]
pub struct CostView {
    pub model: CostModel,
    pub inputs: Inputs,
    /// What is typed in each number field, in [`Field::ALL`] order.
    pub texts: Vec<String>,
    /// Index into [`FormRow::all`].
    pub focus: usize,
    /// The focus just moved to this field: the first key typed replaces its value instead of
    /// adding to it (`10M` then `5` is `5`, not `10M5`), as in any form.
    pub fresh: bool,
    /// Why the typed values cannot be priced, if they cannot.
    pub error: Option<String>,
    pub estimate: Option<Estimate>,
    pub sweep: Option<Sweep>,
    /// "Fargate becomes cheaper than Lambda above 38M requests/month", lowest volume first.
    pub break_evens: Vec<String>,
    /// The volumes of the break-even points, for marking them on the chart.
    pub crossings: Vec<(f64, f64)>,
    /// The user changed the workload size, so the result screen shows the estimate too.
    pub sized: bool,
    /// What the walk's answers set on the form ("From your answers: …"), until it is sized
    /// by hand.
    pub shape_notes: Vec<String>,
    /// The chart is shown instead of the form and the estimate table (Ctrl-G).
    pub chart: bool,
    /// The sweep and break-evens do not yet match `inputs` (see [`CostView::prepare_chart`]).
    chart_stale: bool,
}

impl CostView {
    pub fn new(guide: &Guide) -> Self {
        let inputs = Inputs::default();
        let mut view = Self {
            model: CostModel::new(guide),
            inputs,
            texts: Field::ALL.iter().map(|f| f.format(&inputs)).collect(),
            focus: 0,
            fresh: false,
            error: None,
            estimate: None,
            sweep: None,
            break_evens: Vec::new(),
            crossings: Vec::new(),
            sized: false,
            shape_notes: Vec::new(),
            chart: false,
            chart_stale: true,
        };
        view.recompute();
        view
    }

    pub fn rows() -> usize {
        FormRow::all().count()
    }

    pub fn focused(&self) -> Option<FormRow> {
        FormRow::all().nth(self.focus)
    }

    /// Parses every field; when all parse, prices them and the sweep behind the chart.
    fn recompute(&mut self) {
        let mut inputs = self.inputs;
        for (field, text) in Field::ALL.iter().zip(&self.texts) {
            if let Err(e) = field.set(&mut inputs, text) {
                self.error = Some(e.to_string());
                return;
            }
        }
        // A vCPU figure changed from the default counts as stated (see `Inputs::vcpu_given`).
        inputs.vcpu_given = (inputs.vcpu - Inputs::default().vcpu).abs() > 1e-9;
        // Hours changed from 24 are stated; otherwise jobs that end run only while they run.
        inputs.hours_given = (inputs.hours_per_day - Inputs::default().hours_per_day).abs() > 1e-9;
        match self.model.estimate(&inputs) {
            Ok(estimate) => {
                self.inputs = inputs;
                self.error = None;
                self.estimate = Some(estimate);
                self.chart_stale = true;
            }
            Err(e) => self.error = Some(e.to_string()),
        }
    }

    /// Computes the chart's sweep and break-evens for the current inputs, if not done yet.
    /// Called when the tab is shown and after every edit on it.
    pub fn prepare_chart(&mut self) {
        if !self.chart_stale {
            return;
        }
        self.chart_stale = false;
        let range = SweepRange::default();
        self.sweep = self.model.sweep(&self.inputs, range).ok();
        let crossings = self
            .model
            .break_evens(&self.inputs, range)
            .unwrap_or_default();
        self.break_evens = summarize_break_evens(&crossings);
        self.crossings = crossings.iter().map(|b| (b.requests, b.monthly)).collect();
    }

    /// Shapes the workload from the walk's answers (jobs that end, a load balancer, a typical
    /// duration), until the user sizes it by hand: then their figures stand.
    pub fn shape_from(&mut self, answers: &crate::engine::Answers) {
        if self.sized {
            return;
        }
        let shape = crate::cost::shape_from_answers(answers);
        let mut inputs = self.inputs;
        self.shape_notes = shape.apply(&mut inputs, crate::cost::Stated::default());
        self.inputs = inputs;
        self.texts = Field::ALL.iter().map(|f| f.format(&inputs)).collect();
        self.recompute();
    }

    /// Prices every estimate again with `guide`'s prices (another Region's).
    pub fn reprice(&mut self, guide: &Guide) {
        self.model = CostModel::new(guide);
        self.recompute();
        self.chart_stale = true;
        self.prepare_chart();
    }

    /// A click on the form's row `row`: it takes the focus, and an option flips (Batch's
    /// compute goes EC2 ⇄ Fargate), as the space bar would.
    pub fn click(&mut self, row: usize) {
        if row >= Self::rows() {
            return;
        }
        self.focus = row;
        self.fresh = true;
        if let Some(FormRow::Switch(_)) = self.focused() {
            self.update(Action::Type(' '));
        }
    }

    /// Pasted text into the focused number field, as one edit: added up to
    /// [`MAX_FIELD_CHARS`] (line breaks and other control characters dropped, so a value copied
    /// with its line end still parses), then priced once.
    pub fn paste(&mut self, text: &str) {
        let Some(FormRow::Number(_)) = self.focused() else {
            return;
        };
        let Some(field) = self.texts.get_mut(self.focus) else {
            return;
        };
        if std::mem::take(&mut self.fresh) {
            field.clear();
        }
        let room = MAX_FIELD_CHARS.saturating_sub(field.chars().count());
        let before = field.len();
        field.extend(text.chars().filter(|c| !c.is_control()).take(room));
        if field.len() != before {
            self.sized = true;
            self.recompute();
            self.prepare_chart();
        }
    }

    pub fn update(&mut self, action: Action) {
        let rows = Self::rows();
        let fresh = std::mem::take(&mut self.fresh);
        match (action, self.focused()) {
            (Action::ToggleChart, _) => {
                self.chart = !self.chart;
                self.fresh = fresh;
            }
            (Action::Up, _) => {
                self.focus = (self.focus + rows - 1) % rows;
                self.fresh = true;
            }
            (Action::Down | Action::Select, _) => {
                self.focus = (self.focus + 1) % rows;
                self.fresh = true;
            }
            (Action::Type(' '), Some(FormRow::Switch(toggle))) => {
                toggle.flip(&mut self.inputs);
                self.sized = true;
                self.recompute();
            }
            (Action::Type(c), Some(FormRow::Number(_))) => {
                let Some(text) = self.texts.get_mut(self.focus) else {
                    return;
                };
                if c.is_control() {
                    return;
                }
                if fresh {
                    text.clear();
                }
                if text.chars().count() >= MAX_FIELD_CHARS {
                    return;
                }
                text.push(c);
                self.sized = true;
                self.recompute();
            }
            (Action::DeleteChar, Some(FormRow::Number(_))) => {
                if let Some(text) = self.texts.get_mut(self.focus) {
                    text.pop();
                }
                self.sized = true;
                self.recompute();
            }
            (Action::ClearQuery, Some(FormRow::Number(_))) => {
                if let Some(text) = self.texts.get_mut(self.focus) {
                    text.clear();
                }
                self.recompute();
            }
            _ => {}
        }
        // Edits happen on the Cost tab, where the chart is on screen.
        self.prepare_chart();
    }
}
