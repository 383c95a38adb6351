//! Writing files without losing anything: write a temporary file beside the target
//! (`tempfile`), then move it into place, so a crash never leaves half a file; never replace an
//! existing file unless asked to, and when asked, keep the replaced file's permissions. A folder
//! is never a target, and neither is anything else that is not a regular file (a device, a FIFO,
//! a socket): `--force` replaces a file, never `/dev/null`.
//!
//! Reading is here too ([`read_regular`]): only a regular file is opened, so a FIFO with no
//! writer never blocks a command.

use std::fmt;
use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

#[derive(Debug)]
pub enum WriteError {
    /// The file exists and overwriting was not allowed.
    Exists(PathBuf),
    /// The target is a folder: a file name is needed.
    IsDir(PathBuf),
    /// The target is neither a regular file nor a link: a device, a FIFO, a socket (what it
    /// is); or a link that leads to one (`true`).
    Special(PathBuf, &'static str, bool),
    Io(PathBuf, io::Error),
}

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WriteError::Exists(p) => write!(f, "{} already exists", p.display()),
            WriteError::IsDir(p) => write!(f, "{} is a folder; give a file name", p.display()),
            WriteError::Special(p, kind, through_link) => write!(
                f,
                "{} {} {kind}, not a regular file; it is never replaced",
                p.display(),
                if *through_link { "links to" } else { "is" }
            ),
            WriteError::Io(p, e) => {
                let reason = match e.kind() {
                    io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
                    io::ErrorKind::NotFound
                        if p.parent()
                            .is_some_and(|d| !d.as_os_str().is_empty() && !d.is_dir()) =>
                    {
                        "its folder does not exist".to_owned()
                    }
                    io::ErrorKind::NotADirectory => "a part of the path is not a folder".to_owned(),
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
/// which another file could be clobbered. With `overwrite` true an existing file's permissions
/// carry over to its replacement (a private 0600 file stays private). A folder at `path` is
/// refused up front with `IsDir`, with or without `overwrite`.
pub fn write_atomic(path: &Path, contents: &[u8], overwrite: bool) -> Result<(), WriteError> {
    let io_err = |e| WriteError::Io(path.to_owned(), e);
    // `is_dir` follows links: a link to a folder is a folder too. A path ending in `/` names a
    // folder whether or not it exists.
    if path.is_dir() || path.as_os_str().to_string_lossy().ends_with(['/', '\\']) {
        return Err(WriteError::IsDir(path.to_owned()));
    }
    // What is there now, the path itself (a link is replaced, never followed): only a regular
    // file or a link may be replaced, and a link only when it leads to a regular file or to
    // nothing (`/dev/stdout`, a link to a terminal or a pipe, stays).
    let keep = match fs::symlink_metadata(path) {
        Ok(_) if !overwrite => return Err(WriteError::Exists(path.to_owned())),
        Ok(meta) => {
            if let Some(kind) = special_kind(&meta.file_type()) {
                return Err(WriteError::Special(path.to_owned(), kind, false));
            }
            let target = fs::metadata(path).ok();
            if let Some(kind) = target.as_ref().and_then(|t| special_kind(&t.file_type())) {
                return Err(WriteError::Special(path.to_owned(), kind, true));
            }
            if system_link(path) {
                return Err(WriteError::Special(
                    path.to_owned(),
                    "the system's /dev or /proc",
                    true,
                ));
            }
            // The permissions to keep: those of the file being replaced (through a link, its
            // target's), without setuid, setgid or sticky bits.
            target.map(|m| plain_permissions(m.permissions()))
        }
        Err(_) => None,
    };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map_or_else(|| "out".into(), |n| n.to_string_lossy().into_owned());
    // A new file gets the usual permissions (0666 less the umask), not tempfile's private 0600.
    let prefix = temp_prefix(&name);
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    // The temporary file is created new (`O_EXCL`: a name already taken, a planted link
    // included, is skipped, never followed or truncated), and deleted when dropped: nothing is
    // left behind on any failure below.
    let mut file = builder
        .tempfile_in(dir)
        .map_err(|e| io_err(without_temp_path(e)))?;
    if let Some(perms) = keep {
        file.as_file().set_permissions(perms).map_err(io_err)?;
    }
    file.write_all(contents)
        .and_then(|()| file.as_file().sync_all())
        .map_err(|e| io_err(without_temp_path(e)))?;
    let persisted = if overwrite {
        // A rename: an existing file, or a link, is replaced, never followed.
        file.persist(path).map(drop)
    } else {
        // Fails if anything is at `path` by the time of the move itself: no-clobber without a
        // race.
        file.persist_noclobber(path).map(drop)
    };
    match persisted {
        Ok(()) => Ok(()),
        Err(e) if e.error.kind() == io::ErrorKind::AlreadyExists => {
            Err(WriteError::Exists(path.to_owned()))
        }
        Err(e) => Err(io_err(e.error)),
    }
}

/// The start of a temporary name for a file `name`: hidden, and short whatever the name (a
/// legal 250-byte file name must not be refused because its temporary name is longer than the
/// 255 bytes a name may have), so at most 16 bytes of the name are kept.
fn temp_prefix(name: &str) -> String {
    let mut end = name.len().min(16);
    while !name.is_char_boundary(end) {
        end -= 1;
    }
    format!(".{}.", &name[..end])
}

/// `tempfile` names the temporary file in its errors (`... at path "/x/.out.md.Ab12Cd.tmp"`);
/// the message names the target instead, so that part is dropped.
fn without_temp_path(e: io::Error) -> io::Error {
    if e.raw_os_error().is_some() {
        return e;
    }
    match e.to_string().rsplit_once(" at path ") {
        Some((message, _)) => io::Error::new(e.kind(), message.to_owned()),
        None => e,
    }
}

/// What a file type is called when it may not be replaced: `None` for a regular file or a link.
fn special_kind(file_type: &fs::FileType) -> Option<&'static str> {
    if file_type.is_file() || file_type.is_symlink() {
        return None;
    }
    if file_type.is_dir() {
        return Some("a folder");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return Some("a FIFO (named pipe)");
        }
        if file_type.is_char_device() || file_type.is_block_device() {
            return Some("a device");
        }
        if file_type.is_socket() {
            return Some("a socket");
        }
    }
    Some("a special file")
}

/// Whether `path` is a link in `/dev` or `/proc`, or a chain of links passing through them:
/// `/dev/stdout` leads to `/proc/self/fd/1`, which, when stdout is a file, is a regular file,
/// yet replacing the link would replace the system's `/dev/stdout` (as root).
fn system_link(path: &Path) -> bool {
    let system = |p: &Path| p.starts_with("/dev") || p.starts_with("/proc");
    let mut current = path.to_owned();
    // As many hops as the kernel follows.
    for _ in 0..40 {
        let is_link = fs::symlink_metadata(&current).is_ok_and(|m| m.file_type().is_symlink());
        if !is_link {
            return false;
        }
        let dir = match current.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_owned(),
            _ => PathBuf::from("."),
        };
        let dir = fs::canonicalize(&dir).unwrap_or(dir);
        let Ok(target) = fs::read_link(&current) else {
            return false;
        };
        current = dir.join(target);
        if system(&dir) || system(&current) {
            return true;
        }
    }
    true
}

/// Permissions without setuid, setgid and sticky bits: a replacement never gains them.
fn plain_permissions(perms: fs::Permissions) -> fs::Permissions {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::Permissions::from_mode(perms.mode() & 0o777)
    }
    #[cfg(not(unix))]
    {
        perms
    }
}

/// Whether two paths name the same file: the same file when both exist (through links), else
/// the same absolute path once their folders are resolved. `--save-answers X -o ./X` is one
/// file named twice.
pub fn same_path(a: &Path, b: &Path) -> bool {
    if let (Ok(ma), Ok(mb)) = (fs::metadata(a), fs::metadata(b)) {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            return ma.dev() == mb.dev() && ma.ino() == mb.ino();
        }
        #[cfg(not(unix))]
        {
            let _ = (ma, mb);
        }
    }
    let resolved = |p: &Path| -> Option<PathBuf> {
        let name = p.file_name()?;
        let dir = match p.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_owned(),
            _ => PathBuf::from("."),
        };
        Some(fs::canonicalize(dir).ok()?.join(name))
    };
    match (resolved(a), resolved(b)) {
        (Some(ra), Some(rb)) => ra == rb,
        _ => a == b,
    }
}

/// The first of `path`, `stem-2.ext`, `stem-3.ext`, … that `taken` says is free, so a second
/// file on the same day gets a name of its own instead of a "replace it?". `taken` is the
/// caller's look at the disk (`Path::exists` would miss a dangling link), which keeps this
/// testable. After 999 tries it gives `path` back: the write then asks before replacing.
pub fn free_name(path: &Path, taken: impl Fn(&Path) -> bool) -> PathBuf {
    if !taken(path) {
        return path.to_owned();
    }
    let Some(stem) = path.file_stem().map(|s| s.to_string_lossy().into_owned()) else {
        return path.to_owned();
    };
    let ext = path
        .extension()
        .map(|e| format!(".{}", e.to_string_lossy()))
        .unwrap_or_default();
    (2..1000)
        .map(|n| path.with_file_name(format!("{stem}-{n}{ext}")))
        .find(|p| !taken(p))
        .unwrap_or_else(|| path.to_owned())
}

/// Why a file could not be read, said without the file's name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    IsDir,
    /// Larger than the limit given: its size.
    TooBig(u64),
    /// Anything else: a FIFO or device, a missing file, no permission.
    Other(String),
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::IsDir => f.write_str("is a directory"),
            ReadError::TooBig(size) => write!(f, "is {size} bytes, too big"),
            ReadError::Other(message) => f.write_str(message),
        }
    }
}

/// Reads a file whole, at most `max` bytes, refusing anything that is not a regular file
/// before opening it: opening a FIFO with no writer blocks forever (a `--data`, `--answers`
/// or config file that is a FIFO hung every command, `--version` included). The file is then
/// opened without blocking and checked again, so one swapped in between is refused too. A
/// leading UTF-8 byte-order mark is dropped.
/// Opens a regular file for reading, refusing anything else (a FIFO, a device, a socket, a
/// folder) before opening it, so nothing blocks waiting for a writer; the type is checked again
/// on the open file, in case the path changed in between. For files read as a stream.
pub fn open_regular(path: &Path) -> Result<fs::File, ReadError> {
    let meta =
        fs::metadata(path).map_err(|e| ReadError::Other(format!("cannot open: {}", reason(&e))))?;
    check_regular(&meta)?;
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options
        .open(path)
        .map_err(|e| ReadError::Other(format!("cannot open: {}", reason(&e))))?;
    let meta = file
        .metadata()
        .map_err(|e| ReadError::Other(format!("cannot read: {}", reason(&e))))?;
    check_regular(&meta)?;
    Ok(file)
}

pub fn read_regular(path: &Path, max: u64) -> Result<Vec<u8>, ReadError> {
    use std::io::Read;
    let file = open_regular(path)?;
    let meta = file
        .metadata()
        .map_err(|e| ReadError::Other(format!("cannot read: {}", reason(&e))))?;
    if meta.len() > max {
        return Err(ReadError::TooBig(meta.len()));
    }
    let mut bytes = Vec::new();
    file.take(max + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| ReadError::Other(format!("cannot read: {}", reason(&e))))?;
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    Ok(bytes)
}

fn check_regular(meta: &fs::Metadata) -> Result<(), ReadError> {
    if meta.is_dir() {
        return Err(ReadError::IsDir);
    }
    match special_kind(&meta.file_type()) {
        Some(kind) => Err(ReadError::Other(format!(
            "is {kind}, not a regular file; only regular files are read"
        ))),
        None => Ok(()),
    }
}

fn reason(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

#[cfg(test)]
mod tests;
