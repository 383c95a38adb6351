//! The path field that `s` (save the answers) and `e` (export a decision record) open: the
//! default name to accept with Enter, or any path to type. A name already taken is never
//! proposed (the loop looks at the disk and answers with [`App::proposed`]), a write that fails
//! reopens the field with the reason, and Esc writes nothing.

use std::path::{Path, PathBuf};

use super::overlay::Overlay;
use super::{App, Effect, FileWrite};
use crate::keys::Action;

/// The longest path the field takes (well past any real one): keys typed past it are ignored,
/// and a paste is cut to it.
pub const MAX_PATH_CHARS: usize = 1024;

/// The path field: what is typed, where the cursor is, and what Enter writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SaveAs {
    /// The path as typed (no control characters: they never enter the field).
    pub text: String,
    /// The cursor, in characters from the start (at most the text's length).
    pub cursor: usize,
    /// What is written, for the title and the status line: "answers", "decision record".
    pub what: &'static str,
    /// The file's contents, made when the field opened.
    pub contents: String,
    /// Why the last try failed, shown in the field until the next try.
    pub error: Option<String>,
    /// The name first proposed: a free name found later replaces it only while it is untouched.
    proposed: String,
}

impl SaveAs {
    fn new(text: String, what: &'static str, contents: String) -> Self {
        Self {
            cursor: text.chars().count(),
            proposed: text.clone(),
            text,
            what,
            contents,
            error: None,
        }
    }

    /// The byte offset of the cursor.
    fn at(&self) -> usize {
        self.text
            .char_indices()
            .nth(self.cursor)
            .map_or(self.text.len(), |(i, _)| i)
    }

    /// Inserts `text` at the cursor, up to [`MAX_PATH_CHARS`], dropping control characters
    /// (a pasted line end, an escape) so they never reach the file system or the screen.
    pub fn insert(&mut self, text: &str) {
        let room = MAX_PATH_CHARS.saturating_sub(self.text.chars().count());
        let clean: String = text
            .chars()
            .filter(|c| !crate::text::is_forbidden_in_data(*c))
            .take(room)
            .collect();
        let at = self.at();
        self.text.insert_str(at, &clean);
        self.cursor += clean.chars().count();
    }

    /// Backspace: the character before the cursor.
    fn delete(&mut self) {
        if self.cursor == 0 {
            return;
        }
        self.cursor -= 1;
        let at = self.at();
        self.text.remove(at);
    }

    fn edit(&mut self, action: Action) {
        let len = self.text.chars().count();
        match action {
            Action::Type(c) => self.insert(c.encode_utf8(&mut [0; 4])),
            Action::DeleteChar => self.delete(),
            Action::ClearQuery => {
                self.text.clear();
                self.cursor = 0;
            }
            Action::Left => self.cursor = self.cursor.saturating_sub(1),
            Action::Right => self.cursor = (self.cursor + 1).min(len),
            Action::First => self.cursor = 0,
            Action::Last => self.cursor = len,
            _ => {}
        }
    }
}

impl App {
    /// Opens the field with `default` and asks the loop for a free name in its place.
    pub(super) fn open_save_as(
        &mut self,
        default: PathBuf,
        contents: String,
        what: &'static str,
    ) -> Vec<Effect> {
        self.push(Overlay::SaveAs(SaveAs::new(
            self.shown(&default),
            what,
            contents,
        )));
        vec![Effect::ProposeName(default)]
    }

    /// The loop's answer to [`Effect::ProposeName`]: the first name not taken. It replaces the
    /// default only while the field is open and untouched.
    pub fn proposed(&mut self, path: &Path) {
        let shown = self.shown(path);
        if let Some(Overlay::SaveAs(field)) = self.overlays.last_mut()
            && field.text == field.proposed
        {
            field.cursor = shown.chars().count();
            field.proposed.clone_from(&shown);
            field.text = shown;
        }
    }

    /// The path field open, if it is on top.
    pub fn save_as(&self) -> Option<&SaveAs> {
        match self.top_overlay() {
            Some(Overlay::SaveAs(field)) => Some(field),
            _ => None,
        }
    }

    /// A key in the field: edits, or Enter to write. The field stays open until the write
    /// succeeds ([`App::written`] closes it), so a failure lands back in it.
    pub(super) fn update_save_as(&mut self, action: Action) -> Vec<Effect> {
        let Some(Overlay::SaveAs(field)) = self.overlays.last_mut() else {
            return Vec::new();
        };
        if action != Action::Select {
            field.edit(action);
            return Vec::new();
        }
        let typed = field.text.trim().to_owned();
        if typed.is_empty() {
            field.error = Some("Type a file name, or Esc to cancel.".into());
            return Vec::new();
        }
        let (contents, what) = (field.contents.clone(), field.what);
        vec![Effect::Write(FileWrite {
            path: self.resolve(&typed),
            contents,
            what,
            overwrite: false,
        })]
    }

    /// Pasted text goes into the field at the cursor.
    pub(super) fn paste_path(&mut self, text: &str) {
        if let Some(Overlay::SaveAs(field)) = self.overlays.last_mut() {
            field.insert(text);
        }
    }

    /// A typed path as a file: `~` and `~/…` are under the home folder, a relative path is in
    /// `out_dir` (where the app started), an absolute one is itself.
    pub(super) fn resolve(&self, typed: &str) -> PathBuf {
        if let Some(home) = &self.home {
            if typed == "~" {
                return home.clone();
            }
            if let Some(rest) = typed.strip_prefix("~/") {
                return home.join(rest);
            }
        }
        self.out_dir.join(typed)
    }

    /// A path as the field shows it: in `~/…` form under the home folder, and without a
    /// leading `./`.
    pub fn shown(&self, path: &Path) -> String {
        if let Some(rest) = self.home.as_deref().and_then(|h| path.strip_prefix(h).ok())
            && !rest.as_os_str().is_empty()
        {
            return format!("~/{}", rest.display());
        }
        let path = path.strip_prefix(".").unwrap_or(path);
        path.display().to_string()
    }
}
