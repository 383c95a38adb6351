//! The Guide tab: the walk through the questions to the result, what-ifs from the result, and
//! quitting or starting again without losing answers by a stray key.

use super::overlay::scrolled;
use super::{App, Effect, Exit, Outcome, Pending, Screen};
use crate::data::Question;
use crate::engine;
use crate::keys::Action;

/// What the footer may offer on the Guide.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GuideKeys {
    /// Back does something (not on the first question).
    pub can_go_back: bool,
    /// How many numbered things a digit picks: a question's options, or the result's answers.
    pub numbered: Option<usize>,
    /// A what-if is open: Esc goes back to the original answers, and the footer says so.
    pub what_if: bool,
}

impl App {
    /// The questions the walk asks: those answered, the one being asked, and the ones after
    /// it as far as remembered answers (else each question's first option) lead.
    pub fn path_questions(&self) -> Vec<&Question> {
        engine::planned_path(&self.guide, &self.answers)
    }

    /// What the footer may offer on the Guide (see [`GuideKeys`]).
    pub fn guide_keys(&self) -> GuideKeys {
        let what_if = self.what_if
            || matches!(&self.screen, Screen::Result { outcome, .. } if outcome.what_if.is_some());
        let (can_go_back, numbered) = match &self.screen {
            Screen::Question { position, .. } => (
                *position > 0,
                self.current_question().map(|q| q.options.len().min(9)),
            ),
            Screen::Result { outcome, .. } => (true, Some(outcome.walk.path.len().min(9))),
        };
        GuideKeys {
            can_go_back,
            numbered,
            what_if,
        }
    }

    /// The question on screen, if a question screen is showing.
    pub fn current_question(&self) -> Option<&Question> {
        match self.screen {
            Screen::Question { position, .. } => self.path_questions().get(position).copied(),
            Screen::Result { .. } => None,
        }
    }

    pub(super) fn show_question(&mut self, position: usize) {
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

    pub(super) fn show_result(&mut self) {
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
        let value = engine::toggled(question, &now, &option.id);
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

    pub(super) fn update_question(&mut self, action: Action) {
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

    pub(super) fn update_result(&mut self, action: Action) -> Vec<Effect> {
        let max = self.view.result_max_scroll;
        let Screen::Result { outcome, scroll } = &mut self.screen else {
            return Vec::new();
        };
        let answered = outcome.walk.path.len();
        match action {
            Action::Back => self.show_question(answered.saturating_sub(1)),
            Action::Number(n) if (1..=answered).contains(&n) => {
                self.show_question(n - 1);
                self.what_if = true;
            }
            Action::RestoreOriginal => self.restore_original(),
            Action::SaveAnswers => return self.save_answers(),
            Action::ExportRecord => return self.export_record(),
            Action::Copy => return self.copy_markdown(),
            Action::OpenCompare => self.open_compare(),
            Action::OpenDetail => {
                if let Some(top) = outcome.recommendation.top() {
                    let id = top.service.clone();
                    self.open_detail(&id);
                }
            }
            _ => *scroll = scrolled(*scroll, action, max),
        }
        Vec::new()
    }

    /// Back to the answers the first result was reached with (leaves a what-if).
    pub(super) fn restore_original(&mut self) {
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

    pub(super) fn restart(&mut self) {
        self.answers.clear();
        self.baseline = None;
        self.what_if = false;
        self.show_question(0);
    }

    /// `q` asks first whenever answers would be lost: any answer given in this session and
    /// neither saved nor exported (answers opened from a file are kept in that file), on
    /// whichever screen or tab `q` is pressed.
    pub(super) fn quit(&mut self) -> Vec<Effect> {
        if self.answers.is_empty() || self.kept_answers.as_ref() == Some(&self.answers) {
            return vec![Effect::Exit(Exit::Quit)];
        }
        let question = match &self.screen {
            Screen::Question { .. } => "Quit and lose the answers given so far?",
            Screen::Result { outcome, .. } if outcome.what_if.is_some() => {
                "Quit and lose the changed answers? (n, then s saves them)"
            }
            Screen::Result { .. } => "Quit and lose these answers? (n, then s saves them)",
        };
        self.ask(question, Pending::Quit);
        Vec::new()
    }
}
