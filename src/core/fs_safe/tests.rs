//! Unit tests for the safe writes and reads.

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
    let err = write_atomic(&dir.path().join("missing/out.md"), b"x", false).expect_err("no folder");
    assert!(err.to_string().contains("folder does not exist"), "{err}");
}

#[cfg(unix)]
#[test]
fn replacing_a_file_keeps_its_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("private.md");
    fs::write(&path, "secret").expect("write");
    fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).expect("chmod");
    write_atomic(&path, b"replaced", true).expect("overwrite");
    assert_eq!(fs::read_to_string(&path).expect("read"), "replaced");
    let mode = fs::metadata(&path).expect("meta").permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "was {mode:o}");
    // An executable script stays executable.
    fs::set_permissions(&path, fs::Permissions::from_mode(0o750)).expect("chmod");
    write_atomic(&path, b"again", true).expect("overwrite");
    let mode = fs::metadata(&path).expect("meta").permissions().mode() & 0o777;
    assert_eq!(mode, 0o750, "was {mode:o}");
}

#[test]
fn a_folder_is_refused_up_front_with_or_without_overwrite() {
    let dir = tempfile::tempdir().expect("tempdir");
    for overwrite in [false, true] {
        let err = write_atomic(dir.path(), b"x", overwrite).expect_err("a folder");
        assert!(matches!(err, WriteError::IsDir(_)), "{err:?}");
        let message = err.to_string();
        assert!(
            message.ends_with("is a folder; give a file name"),
            "{message}"
        );
    }
    let with_slash = PathBuf::from(format!("{}/new-folder/", dir.path().display()));
    let err = write_atomic(&with_slash, b"x", true).expect_err("names a folder");
    assert!(matches!(err, WriteError::IsDir(_)), "{err:?}");
    let leftovers: Vec<_> = fs::read_dir(dir.path()).expect("ls").collect();
    assert!(leftovers.is_empty(), "nothing written: {leftovers:?}");
}

#[cfg(unix)]
#[test]
fn links_beside_the_target_are_never_followed_and_nothing_is_left_behind() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let victim = dir.path().join("victim.txt");
    fs::write(&victim, "precious").expect("write");
    // Links planted under names shaped like the temporary ones.
    for n in 0..20 {
        let planted = dir
            .path()
            .join(format!("{}{n:06}.tmp", temp_prefix("out.md")));
        std::os::unix::fs::symlink(&victim, planted).expect("symlink");
    }
    let path = dir.path().join("out.md");
    write_atomic(&path, b"mine", false).expect("writes under a free name");
    assert_eq!(fs::read_to_string(&path).expect("read"), "mine");
    // A new file has the usual permissions, not a temporary file's private ones.
    let mode = fs::metadata(&path).expect("meta").permissions().mode() & 0o777;
    assert_ne!(mode & 0o077, 0o000, "was {mode:o}");
    // The same with --force over an existing file.
    write_atomic(&path, b"mine again", true).expect("overwrite");
    assert_eq!(fs::read_to_string(&victim).expect("read"), "precious");
    assert_eq!(fs::read_to_string(&path).expect("read"), "mine again");
    // Only the planted links, the victim and the target: no temporary file is left.
    assert_eq!(fs::read_dir(dir.path()).expect("ls").count(), 22);
    // A failed write (no-clobber over an existing file) leaves nothing either.
    write_atomic(&path, b"refused", false).expect_err("exists");
    assert_eq!(fs::read_dir(dir.path()).expect("ls").count(), 22);
}

#[cfg(unix)]
#[test]
fn a_replacement_never_gains_setuid_setgid_or_sticky_bits() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("tool");
    fs::write(&path, "old").expect("write");
    fs::set_permissions(&path, fs::Permissions::from_mode(0o7755)).expect("chmod");
    write_atomic(&path, b"new", true).expect("overwrite");
    let mode = fs::metadata(&path).expect("meta").permissions().mode() & 0o7777;
    assert_eq!(mode, 0o755, "was {mode:o}");
}

#[cfg(unix)]
#[test]
fn a_link_is_replaced_not_followed_and_a_fifo_never() {
    let dir = tempfile::tempdir().expect("tempdir");
    let target = dir.path().join("target.txt");
    fs::write(&target, "kept").expect("write");
    let link = dir.path().join("link.md");
    std::os::unix::fs::symlink(&target, &link).expect("symlink");
    write_atomic(&link, b"new", true).expect("replaces the link");
    assert!(!fs::symlink_metadata(&link).expect("meta").is_symlink());
    assert_eq!(fs::read_to_string(&target).expect("read"), "kept");
    let fifo = dir.path().join("fifo");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("mkfifo")
            .success()
    );
    let err = write_atomic(&fifo, b"x", true).expect_err("a FIFO");
    assert!(
        matches!(err, WriteError::Special(_, "a FIFO (named pipe)", false)),
        "{err:?}"
    );
    let to_fifo = dir.path().join("to-fifo");
    std::os::unix::fs::symlink(&fifo, &to_fifo).expect("symlink");
    let err = write_atomic(&to_fifo, b"x", true).expect_err("leads to a FIFO");
    assert!(
        matches!(err, WriteError::Special(_, "a FIFO (named pipe)", true)),
        "{err:?}"
    );
    assert!(fs::symlink_metadata(&to_fifo).expect("kept").is_symlink());
    // A link into /proc (as /dev/stdout is) stays, even when it leads to a regular file.
    let to_proc = dir.path().join("to-proc");
    std::os::unix::fs::symlink("/proc/self/exe", &to_proc).expect("symlink");
    let err = write_atomic(&to_proc, b"x", true).expect_err("a system link");
    assert!(
        err.to_string()
            .contains("links to the system's /dev or /proc"),
        "{err}"
    );
    assert!(fs::symlink_metadata(&to_proc).expect("kept").is_symlink());
    let err = read_regular(&fifo, 10).expect_err("not read");
    assert!(err.to_string().contains("is a FIFO"), "{err}");
}

#[test]
fn temporary_names_stay_short_and_reading_drops_a_byte_order_mark() {
    let name = "é".repeat(125); // 250 bytes
    // The prefix, six random characters and `.tmp`.
    let temp = temp_prefix(&name).len() + 6 + 4;
    assert!(temp < 64, "{temp} bytes");
    let dir = tempfile::tempdir().expect("tempdir");
    write_atomic(&dir.path().join(&name), b"long name", false).expect("a legal name");
    fs::remove_file(dir.path().join(&name)).expect("rm");
    let path = dir.path().join("bom.txt");
    fs::write(&path, "\u{feff}text").expect("write");
    assert_eq!(read_regular(&path, 100).expect("reads"), b"text");
    assert_eq!(read_regular(&path, 3), Err(ReadError::TooBig(7)));
    assert_eq!(read_regular(dir.path(), 100), Err(ReadError::IsDir));
}

#[test]
fn a_taken_name_gets_the_next_free_number() {
    let taken = ["/d/a-2026-12-02.ron", "/d/a-2026-12-02-2.ron"];
    let is_taken = |p: &Path| taken.iter().any(|t| Path::new(t) == p);
    assert_eq!(
        free_name(Path::new("/d/a-2026-12-02.ron"), is_taken),
        PathBuf::from("/d/a-2026-12-02-3.ron")
    );
    assert_eq!(
        free_name(Path::new("/d/free.md"), is_taken),
        PathBuf::from("/d/free.md"),
        "a free name is kept"
    );
    assert_eq!(
        free_name(Path::new("/d/notes"), |p| p == Path::new("/d/notes")),
        PathBuf::from("/d/notes-2"),
        "no extension"
    );
    assert_eq!(
        free_name(Path::new("/d/x.md"), |_| true),
        PathBuf::from("/d/x.md"),
        "all taken: the name itself, and the write asks"
    );
}
