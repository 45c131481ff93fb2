//! Writing an output file so that nothing is ever destroyed.
//!
//! - An output is never written over an input of the run: identity (device and inode) is
//!   compared, not the name, so a link, a relative path or `./x` is caught too.
//! - `-` is standard output. A device, FIFO or socket is written as a stream, never replaced
//!   by a regular file (`-o /dev/null` stays the device).
//! - A regular file is written atomically: a temporary file in the target's folder (a short
//!   name, so a target name of 255 bytes still works), synced, given the target's mode (and
//!   owner, where permitted), then renamed over the target. A symlink is followed: the file
//!   it points to is replaced, the link stays.
//! - A signal (Ctrl-C, SIGTERM, SIGHUP) while a file is being written removes the temporary
//!   file; a stop asked for before the rename means nothing is written (exit 130).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;

use orgplan::t;

/// Why an output could not be written.
#[derive(Debug)]
pub enum WriteError {
    /// The target is one of the run's input files.
    IsInput,
    /// The target is a folder.
    IsFolder,
    /// Too many links, or a link loop.
    LinkLoop,
    /// The user stopped the run before the output was in place.
    Interrupted,
    /// The system refused.
    Io(std::io::Error),
}

impl From<std::io::Error> for WriteError {
    fn from(e: std::io::Error) -> Self {
        WriteError::Io(e)
    }
}

impl WriteError {
    /// The reason in the reader's language.
    pub fn reason(&self) -> String {
        match self {
            WriteError::IsInput => t!("write-is-input"),
            WriteError::IsFolder => t!("write-is-folder"),
            WriteError::LinkLoop => t!("write-link-loop"),
            WriteError::Interrupted => t!("write-interrupted"),
            WriteError::Io(e) => io_reason(e),
        }
    }
}

/// An I/O error in the reader's language (the system's own words follow in English).
pub fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    let key = match e.kind() {
        K::NotFound => "write-io-not-found",
        K::PermissionDenied => "write-io-permission",
        K::AlreadyExists => "write-io-exists",
        K::StorageFull => "write-io-full",
        K::ReadOnlyFilesystem => "write-io-read-only",
        K::InvalidFilename => "write-io-bad-name",
        _ => "write-io-other",
    };
    t!(key, detail = e.to_string())
}

/// Temporary files being written now, removed by [`cleanup`] when a signal ends the run.
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Removes every temporary file this process is writing. Called from the signal handler.
pub fn cleanup() {
    let pending = PENDING.lock().unwrap_or_else(|e| e.into_inner());
    for p in pending.iter() {
        let _ = std::fs::remove_file(p);
    }
}

/// Whether a temporary file is being written now.
pub fn writing() -> bool {
    !PENDING.lock().unwrap_or_else(|e| e.into_inner()).is_empty()
}

/// Writes `data` to `target` as the module comment says. `stopped` is asked just before the
/// output is put in place: a run stopped by then writes nothing.
pub fn to_path(target: &Path, data: &[u8], stopped: &dyn Fn() -> bool) -> Result<(), WriteError> {
    if target.as_os_str() == "-" {
        if stopped() {
            return Err(WriteError::Interrupted);
        }
        let mut out = std::io::stdout().lock();
        return match out.write_all(data).and_then(|()| out.flush()) {
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
            _ => Ok(()),
        };
    }
    let path = resolve_links(target)?;
    if orgplan::files::inputs::is_input(&path) {
        return Err(WriteError::IsInput);
    }
    match std::fs::metadata(&path) {
        Ok(m) if m.is_dir() => Err(WriteError::IsFolder),
        Ok(m) if !m.is_file() => {
            // A device, FIFO or socket: a stream, written in place.
            if stopped() {
                return Err(WriteError::Interrupted);
            }
            let mut f = std::fs::OpenOptions::new().write(true).open(&path)?;
            f.write_all(data)?;
            f.flush()?;
            Ok(())
        }
        Ok(m) => atomic(&path, data, Some(&m), stopped),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => atomic(&path, data, None, stopped),
        Err(e) => Err(e.into()),
    }
}

/// Follows symbolic links to the file they name (which need not exist yet).
fn resolve_links(target: &Path) -> Result<PathBuf, WriteError> {
    let mut path = target.to_path_buf();
    for _ in 0..40 {
        match std::fs::symlink_metadata(&path) {
            Ok(m) if m.file_type().is_symlink() => {
                let to = std::fs::read_link(&path)?;
                path = if to.is_absolute() {
                    to
                } else {
                    path.parent().unwrap_or(Path::new("")).join(to)
                };
            }
            _ => return Ok(path),
        }
    }
    Err(WriteError::LinkLoop)
}

fn atomic(
    path: &Path,
    data: &[u8],
    existing: Option<&std::fs::Metadata>,
    stopped: &dyn Fn() -> bool,
) -> Result<(), WriteError> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let tmp = dir.join(format!(".orgplan-{}-{n}.tmp", std::process::id()));
    PENDING
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .push(tmp.clone());
    let result = (|| -> Result<(), WriteError> {
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)?;
        f.write_all(data)?;
        if let Some(m) = existing {
            f.set_permissions(m.permissions())?;
            #[cfg(unix)]
            {
                use std::os::unix::fs::MetadataExt;
                // Only root may give a file away; anyone else keeps their own files' owner.
                let _ = std::os::unix::fs::fchown(&f, Some(m.uid()), Some(m.gid()));
            }
        }
        f.sync_all()?;
        if stopped() {
            return Err(WriteError::Interrupted);
        }
        std::fs::rename(&tmp, path)?;
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    PENDING
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .retain(|p| p != &tmp);
    result
}
