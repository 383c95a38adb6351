//! Writing files without losing anything: write a temporary file beside the target, then move
//! it into place, so a crash never leaves half a file; never replace an existing file unless
//! asked to.

use std::fmt;
use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

#[derive(Debug)]
pub enum WriteError {
    /// The file exists and overwriting was not allowed.
    Exists(PathBuf),
    Io(PathBuf, io::Error),
}

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WriteError::Exists(p) => write!(f, "{} already exists", p.display()),
            WriteError::Io(p, e) => {
                let reason = match e.kind() {
                    io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
                    io::ErrorKind::NotFound
                        if p.parent()
                            .is_some_and(|d| !d.as_os_str().is_empty() && !d.is_dir()) =>
                    {
                        "its folder does not exist".to_owned()
                    }
                    _ if e.raw_os_error() == Some(20) => {
                        "a part of the path is not a folder".to_owned()
                    }
                    _ => e.to_string(),
                };
                write!(f, "cannot write {}: {reason}", p.display())
            }
        }
    }
}

impl std::error::Error for WriteError {}

/// Writes `contents` to `path` atomically. With `overwrite` false an existing file is left
/// alone and `Exists` returned — checked by the final step itself, so there is no window in
/// which another file could be clobbered.
pub fn write_atomic(path: &Path, contents: &[u8], overwrite: bool) -> Result<(), WriteError> {
    let io_err = |e| WriteError::Io(path.to_owned(), e);
    if !overwrite && path.exists() {
        return Err(WriteError::Exists(path.to_owned()));
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map_or_else(|| "out".into(), |n| n.to_string_lossy().into_owned());
    let temp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = File::create(&temp)?;
        file.write_all(contents)?;
        file.sync_all()?;
        drop(file);
        if overwrite {
            fs::rename(&temp, path)
        } else {
            // A hard link fails if the target exists: no-clobber without a race.
            fs::hard_link(&temp, path).and_then(|()| fs::remove_file(&temp))
        }
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    match result {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
            Err(WriteError::Exists(path.to_owned()))
        }
        Err(e) => Err(io_err(e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_refuses_to_clobber_and_overwrites_when_asked() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("out.md");
        write_atomic(&path, b"one", false).expect("first write");
        let err = write_atomic(&path, b"two", false).expect_err("exists");
        assert!(matches!(err, WriteError::Exists(_)));
        assert_eq!(fs::read_to_string(&path).expect("read"), "one");
        write_atomic(&path, b"three", true).expect("overwrite");
        assert_eq!(fs::read_to_string(&path).expect("read"), "three");
        let leftovers: Vec<_> = fs::read_dir(dir.path()).expect("ls").collect();
        assert_eq!(leftovers.len(), 1, "no temporary file is left behind");
    }

    #[test]
    fn an_impossible_path_is_a_clear_error() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("plain-file");
        fs::write(&file, "x").expect("write");
        let err = write_atomic(&file.join("out.md"), b"x", false).expect_err("not a folder");
        assert!(err.to_string().contains("is not a folder"), "{err}");
        let err =
            write_atomic(&dir.path().join("missing/out.md"), b"x", false).expect_err("no folder");
        assert!(err.to_string().contains("folder does not exist"), "{err}");
    }
}
