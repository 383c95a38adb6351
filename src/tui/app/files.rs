//! Saving answers and exporting decision records from the result screen: atomic writes,
//! never replacing a file without asking, and the user's answers kept whatever happens.

use std::path::PathBuf;

use super::{App, Exit, Screen};
use crate::data::today_ymd;
use crate::fs_safe::{self, WriteError};
use crate::{adr, answers_file};

/// A yes/no question on screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Confirm {
    pub question: String,
    pub pending: Pending,
}

/// What "yes" does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pending {
    Quit,
    /// Clear every answer and start from the first question.
    Restart,
    /// Replace an existing file with these contents.
    Overwrite {
        path: PathBuf,
        contents: String,
        what: &'static str,
    },
}

impl App {
    pub(super) fn answer_confirm(&mut self, yes: bool) {
        let Some(confirm) = self.confirm.take() else {
            return;
        };
        if !yes {
            self.status = Some("Nothing changed.".into());
            return;
        }
        match confirm.pending {
            Pending::Quit => self.exit = Some(Exit::Quit),
            Pending::Restart => self.restart(),
            Pending::Overwrite {
                path,
                contents,
                what,
            } => self.write(path, contents, what, true),
        }
    }

    pub(super) fn save_answers(&mut self) {
        let today = today_ymd();
        let path = self
            .out_dir
            .join(format!("computepick-answers-{today}.ron"));
        let contents = answers_file::to_ron(&self.guide, &self.answers, &today);
        self.write(path, contents, "answers", false);
    }

    pub(super) fn export_record(&mut self) {
        let Screen::Result { outcome, .. } = &self.screen else {
            return;
        };
        let today = today_ymd();
        let contents = adr::render(
            &self.guide,
            &outcome.walk,
            &outcome.recommendation,
            &adr::RecordInfo {
                date: &today,
                data_name: &self.data_name,
                cost: self.cost_section(&outcome.recommendation),
            },
        );
        let path = self.out_dir.join(adr::default_file_name(&today));
        self.write(path, contents, "decision record", false);
    }

    /// Writes a file; an existing one is replaced only after the user says yes, and any
    /// failure becomes a message while the app and its answers carry on.
    fn write(&mut self, path: PathBuf, contents: String, what: &'static str, overwrite: bool) {
        match fs_safe::write_atomic(&path, crate::text::safe(&contents).as_bytes(), overwrite) {
            Ok(()) => {
                self.kept_answers = Some(self.answers.clone());
                self.status = Some(format!("Wrote the {what} to {}", path.display()));
            }
            Err(WriteError::Exists(_)) => {
                self.confirm = Some(Confirm {
                    question: format!("{} exists. Replace it?", path.display()),
                    pending: Pending::Overwrite {
                        path,
                        contents,
                        what,
                    },
                });
            }
            Err(e) => self.status = Some(format!("Not saved: {e}. Your answers are kept.")),
        }
    }
}

impl App {
    /// What to say about the prices in use: stale (when the app knows today's date), or not all
    /// the Region's own.
    pub fn price_notes(&self) -> crate::prices::Notes {
        crate::prices::notes(&self.guide, self.regions.today)
    }

    /// The decision record's cost section, when the user sized the workload on the Cost tab.
    fn cost_section(&self, rec: &crate::engine::Recommendation) -> Option<String> {
        if !self.cost.sized {
            return None;
        }
        let estimate = self.cost.estimate.as_ref()?;
        // The same section `recommend --format adr` writes, with the same notes on the prices.
        let notes = self.price_notes().sentences();
        Some(adr::cost_section(estimate, rec) + &adr::price_notes(&notes))
    }
}
