//! The files this process has read as input, by identity (device and inode on Unix), so that
//! no output is ever written over one — whatever name, link or relative path the output is
//! given.

use std::path::Path;
use std::sync::Mutex;

/// A file's identity: on Unix its device and inode; elsewhere its canonical path.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FileId(Id);

#[cfg(unix)]
type Id = (u64, u64);
#[cfg(not(unix))]
type Id = std::path::PathBuf;

impl FileId {
    /// The identity of the file at `path` (links followed), if it exists.
    pub fn of(path: &Path) -> Option<FileId> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let m = std::fs::metadata(path).ok()?;
            Some(FileId((m.dev(), m.ino())))
        }
        #[cfg(not(unix))]
        {
            std::fs::canonicalize(path).ok().map(FileId)
        }
    }
}

static READ: Mutex<Vec<FileId>> = Mutex::new(Vec::new());

/// Records that `path` is read as an input of this run. Every reader of input files calls it
/// (`files::read_source`, `import`, a saved plan read by `diff`).
pub fn note_input(path: &Path) {
    if let Some(id) = FileId::of(path) {
        let mut v = READ.lock().unwrap_or_else(|e| e.into_inner());
        if !v.contains(&id) {
            v.push(id);
        }
    }
}

/// Whether the file at `path` (links followed) is one this run has read as input.
pub fn is_input(path: &Path) -> bool {
    let Some(id) = FileId::of(path) else {
        return false;
    };
    READ.lock().unwrap_or_else(|e| e.into_inner()).contains(&id)
}
