//! What `update` asks the terminal loop to do (find a free file name, write a file, copy to the
//! clipboard, stop), and the yes/no questions before replacing a file or losing answers. The
//! loop reads and writes the disk and hands the outcome back ([`App::proposed`],
//! [`App::written`]), so the app never touches the disk itself.

use std::path::PathBuf;

use super::overlay::Overlay;
use super::{App, Exit, Screen};
use crate::adr;
use crate::answers_file;
use crate::fs_safe::WriteError;

/// Something for the terminal loop to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Find the first of this path, `NAME-2.EXT`, `NAME-3.EXT`, … that is not taken, then
    /// report with [`App::proposed`].
    ProposeName(PathBuf),
    /// Write a file atomically, then report with [`App::written`].
    Write(FileWrite),
    /// Put this text on the clipboard through the terminal (OSC 52).
    Copy(String),
    /// Stop, giving the terminal back.
    Exit(Exit),
}

/// A file to write: where, what, and whether an existing file may be replaced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileWrite {
    pub path: PathBuf,
    pub contents: String,
    /// What it is, for the status line ("answers", "decision record").
    pub what: &'static str,
    /// Replace a file already there (only after the user said yes).
    pub overwrite: bool,
}

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
    /// Replace an existing file.
    Overwrite(FileWrite),
}

impl App {
    pub(super) fn ask(&mut self, question: &str, pending: Pending) {
        self.push(Overlay::Confirm(Confirm {
            question: question.to_owned(),
            pending,
        }));
    }

    pub(super) fn answer_confirm(&mut self, yes: bool) -> Vec<Effect> {
        let Some(Overlay::Confirm(confirm)) = self.pop() else {
            return Vec::new();
        };
        if !yes {
            // Back in the path field beneath, if the question came from it: another name, or Esc.
            self.status = Some(if self.save_as().is_some() {
                "Not replaced. Type another name, or Esc to cancel.".into()
            } else {
                "Nothing changed.".into()
            });
            return Vec::new();
        }
        match confirm.pending {
            Pending::Quit => return vec![Effect::Exit(Exit::Quit)],
            Pending::Restart => self.restart(),
            Pending::Overwrite(write) => {
                return vec![Effect::Write(FileWrite {
                    overwrite: true,
                    ..write
                })];
            }
        }
        Vec::new()
    }

    pub(super) fn save_answers(&mut self) -> Vec<Effect> {
        let today = &self.today;
        let path = self
            .out_dir
            .join(format!("computepick-answers-{today}.ron"));
        let contents = answers_file::to_ron(&self.guide, &self.answers, today);
        self.open_save_as(path, contents, "answers")
    }

    pub(super) fn export_record(&mut self) -> Vec<Effect> {
        let Screen::Result { outcome, .. } = &self.screen else {
            return Vec::new();
        };
        let today = &self.today;
        let contents = adr::render(
            &self.guide,
            &outcome.walk,
            &outcome.recommendation,
            &adr::RecordInfo {
                date: today,
                data_name: &self.data_name,
                cost: self.cost_section(&outcome.recommendation),
            },
        );
        let path = self.out_dir.join(adr::default_file_name(today));
        self.open_save_as(path, contents, "decision record")
    }

    /// `y`: the recommendation as `recommend --format markdown` prints it (with the cost
    /// section when the workload was sized on the Cost tab), for the loop to copy.
    pub(super) fn copy_markdown(&mut self) -> Vec<Effect> {
        let Screen::Result { outcome, .. } = &self.screen else {
            return Vec::new();
        };
        let (estimate, notes) = match self.sized_estimate() {
            Some((estimate, notes)) => (Some(estimate), notes),
            None => (None, Vec::new()),
        };
        let text = crate::markdown::render(
            &self.guide,
            &outcome.walk,
            &outcome.recommendation,
            estimate,
            &notes,
        );
        self.status = Some(format!(
            "Copied the recommendation as Markdown ({}) to the clipboard \
             (OSC 52: your terminal must allow it)",
            crate::text::count_noun(text.lines().count(), "line", "lines")
        ));
        vec![Effect::Copy(text)]
    }

    /// How a write went: an existing file is replaced only after the user says yes, and any
    /// failure becomes a message while the app and its answers carry on.
    pub fn written(&mut self, write: FileWrite, result: Result<(), WriteError>) {
        match result {
            Ok(()) => {
                if self.save_as().is_some() {
                    self.pop();
                }
                self.kept_answers = Some(self.answers.clone());
                self.status = Some(format!(
                    "Wrote the {} to {}",
                    write.what,
                    write.path.display()
                ));
            }
            Err(WriteError::Exists(_)) => {
                let question = format!("{} exists. Replace it?", write.path.display());
                self.ask(&question, Pending::Overwrite(write));
            }
            // Back in the field with the reason, to type another path.
            Err(e) => {
                let message = format!("Not saved: {e}. Your answers are kept.");
                match self.overlays.last_mut() {
                    Some(Overlay::SaveAs(field)) => field.error = Some(message),
                    _ => self.status = Some(message),
                }
            }
        }
    }

    /// The estimate and the notes on its prices, when the user sized the workload on the Cost
    /// tab: what the record and the copy add, as `recommend` does with the workload flags.
    fn sized_estimate(&self) -> Option<(&crate::cost::Estimate, Vec<String>)> {
        let estimate = self.cost.estimate.as_ref().filter(|_| self.cost.sized)?;
        Some((estimate, self.price_notes().sentences()))
    }

    /// The decision record's cost section, when the user sized the workload on the Cost tab.
    fn cost_section(&self, rec: &crate::engine::Recommendation) -> Option<String> {
        let (estimate, notes) = self.sized_estimate()?;
        Some(crate::markdown::cost_section(estimate, rec, &notes))
    }
}
