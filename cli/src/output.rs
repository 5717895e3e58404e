//! All-or-nothing output: files are written to a temporary folder (or file) beside the
//! target and renamed into place, so a failed run leaves the target as it was. The
//! files themselves go through the core's one tree writer ([`ixn_core::generate::archive`]):
//! its folder sink here, its tar sink for `--tar`.
//!
//! An interrupted run (SIGINT, SIGTERM, SIGHUP) removes its temporary files and exits
//! 128 + the signal; while they are written they are their owner's only (the folder
//! 0700, its files 0600), so even SIGKILL leaves nothing another user can read. One
//! run at a time writes a given target: a lock file beside it says which.

use crate::failure::Failure;
use ixn_core::generate::archive::folder::Folder;
use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, Once};

/// Where a command writes, checked before any work is done.
#[derive(Debug)]
pub struct Target {
    /// As given, for messages.
    shown: PathBuf,
    path: PathBuf,
    parent: PathBuf,
    name: OsString,
    force: bool,
}

fn out_err(path: &Path, e: impl std::fmt::Display) -> Failure {
    Failure::Output(format!("{}: {e}", path.display()))
}

/// The folder sink's failure, as the run's.
pub fn sink_err(e: ixn_core::generate::archive::folder::WriteError) -> Failure {
    Failure::Output(e.to_string())
}

/// What an interrupted run must remove: the temporary folders and files it made
/// beside its target, and its lock file. The signal handler holds this lock while it
/// removes them, and the run holds it while it swaps the output in, so a signal never
/// lands between the two renames of a replacement.
static LEFTOVERS: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn leftovers() -> MutexGuard<'static, Vec<PathBuf>> {
    LEFTOVERS.lock().unwrap_or_else(|e| e.into_inner())
}

fn remove(path: &Path) {
    // Other threads may still be writing into a temporary folder: once it is gone they
    // cannot make it again (the folder sink never makes its root), so try until it is.
    for _ in 0..1000 {
        match std::fs::symlink_metadata(path) {
            Ok(m) if m.is_dir() => drop(std::fs::remove_dir_all(path)),
            Ok(_) => drop(std::fs::remove_file(path)),
            Err(_) => return,
        }
    }
}

/// Installs, once, the handler of SIGINT, SIGTERM and SIGHUP: it removes what
/// [`LEFTOVERS`] lists and exits 128 + the signal, as a shell reports a run stopped
/// by it. The target is left as it was.
fn clean_up_on_signals() {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) else { return };
        std::thread::spawn(move || {
            if let Some(signal) = signals.forever().next() {
                let left = leftovers();
                for p in left.iter() {
                    remove(p);
                }
                eprintln!("ixn-portal: interrupted (signal {signal}): the output is as it was");
                std::process::exit(128 + signal);
            }
        });
    });
}

/// A path [`LEFTOVERS`] lists while it lives.
struct Leftover(PathBuf);

impl Leftover {
    fn new(path: &Path) -> Leftover {
        leftovers().push(path.to_path_buf());
        Leftover(path.to_path_buf())
    }

    /// No longer to remove (renamed into place), with the list already held.
    fn done(self, list: &mut Vec<PathBuf>) {
        list.retain(|p| p != &self.0);
        std::mem::forget(self);
    }
}

impl Drop for Leftover {
    fn drop(&mut self) {
        leftovers().retain(|p| p != &self.0);
    }
}

/// The lock file beside a target, held (`flock`) while a run writes it: another run
/// to the same target refuses instead of silently replacing this one's output. The
/// kernel releases it if the run dies; the file is removed when the run ends.
struct Lock {
    path: PathBuf,
    _file: std::fs::File,
    _listed: Leftover,
}

impl Lock {
    fn take(parent: &Path, name: &OsString, shown: &Path) -> Result<Lock, Failure> {
        use std::os::unix::fs::MetadataExt;
        let mut lock_name = OsString::from(".");
        lock_name.push(name);
        lock_name.push(".ixn-portal-lock");
        let path = parent.join(lock_name);
        // A lock file removed by the run that held it between our open and our lock is
        // not the lock any more: open it again.
        for _ in 0..8 {
            let file = std::fs::OpenOptions::new()
                .create(true)
                .truncate(false)
                .write(true)
                .open(&path)
                .map_err(|e| out_err(&path, e))?;
            match file.try_lock() {
                Ok(()) => {}
                Err(std::fs::TryLockError::WouldBlock) => {
                    return Err(Failure::Output(format!(
                        "{}: another ixn-portal run is writing it now (it holds {}); nothing written: run this again when it is done",
                        shown.display(),
                        path.display()
                    )))
                }
                Err(std::fs::TryLockError::Error(e)) => return Err(out_err(&path, e)),
            }
            let same = match (file.metadata(), std::fs::metadata(&path)) {
                (Ok(a), Ok(b)) => a.ino() == b.ino() && a.dev() == b.dev(),
                _ => false,
            };
            if same {
                let listed = Leftover::new(&path);
                return Ok(Lock { path, _file: file, _listed: listed });
            }
        }
        Err(out_err(&path, "the lock file keeps changing; is another run starting again and again?"))
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        // Removed while still held: a run waiting on this file opens it again.
        let _ = std::fs::remove_file(&self.path);
    }
}

/// A file or a folder that is there and not empty.
fn taken(path: &Path) -> bool {
    match std::fs::symlink_metadata(path) {
        Err(_) => false,
        Ok(m) if m.is_dir() => std::fs::read_dir(path).map(|mut d| d.next().is_some()).unwrap_or(true),
        Ok(_) => true,
    }
}

impl Target {
    /// The target `path`: refused when it exists and is not empty, unless `force`.
    pub fn new(path: &Path, force: bool) -> Result<Target, Failure> {
        let name =
            path.file_name().ok_or_else(|| Failure::Input(format!("{}: not a file or folder name", path.display())))?;
        let parent = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new(".")).to_path_buf();
        if taken(path) && !force {
            return Err(Failure::Input(format!("{}: exists and is not empty; --force replaces it", path.display())));
        }
        clean_up_on_signals();
        Ok(Target { shown: path.to_path_buf(), path: parent.join(name), parent, name: name.to_os_string(), force })
    }

    /// The target's path as given, for messages.
    pub fn shown(&self) -> &Path {
        &self.shown
    }

    /// The target's folder, made, and the lock on the target; refused when the target
    /// appeared (another run, another program) since [`Target::new`] found it free.
    fn begin(&self) -> Result<Lock, Failure> {
        std::fs::create_dir_all(&self.parent).map_err(|e| out_err(&self.parent, e))?;
        let lock = Lock::take(&self.parent, &self.name, &self.shown)?;
        if !self.force && taken(&self.path) {
            return Err(Failure::Output(format!(
                "{}: appeared while this run was working (another run wrote it?); nothing written: --force replaces it",
                self.shown.display()
            )));
        }
        Ok(lock)
    }

    /// Writes a folder: `fill` writes the tree through the folder sink into a
    /// temporary folder beside the target (0700 while it is written, its files 0600),
    /// which then replaces it.
    pub fn write_dir(&self, fill: impl FnOnce(&Folder) -> Result<(), Failure>) -> Result<(), Failure> {
        use std::os::unix::fs::PermissionsExt;
        let _lock = self.begin()?;
        let stage = tempfile::Builder::new()
            .prefix(".ixn-portal-new-")
            .permissions(std::fs::Permissions::from_mode(0o700))
            .tempdir_in(&self.parent)
            .map_err(|e| out_err(&self.parent, e))?;
        let staged = Leftover::new(stage.path());
        let sink = Folder::new(stage.path());
        fill(&sink)?;
        sink.finish().map_err(sink_err)?;
        std::fs::set_permissions(stage.path(), std::fs::Permissions::from_mode(0o755))
            .map_err(|e| out_err(stage.path(), e))?;
        if std::fs::symlink_metadata(&self.path).is_err() {
            let mut list = leftovers();
            std::fs::rename(stage.path(), &self.path).map_err(|e| out_err(&self.path, e))?;
            staged.done(&mut list);
            // Renamed away: nothing left for the guard to remove.
            let _ = stage.keep();
            return Ok(());
        }
        // Replace: move the old one aside, the new one in, then remove the old one.
        let old = tempfile::Builder::new()
            .prefix(".ixn-portal-old-")
            .permissions(std::fs::Permissions::from_mode(0o700))
            .tempdir_in(&self.parent)
            .map_err(|e| out_err(&self.parent, e))?;
        let aside = old.path().join("previous");
        let mut list = leftovers();
        std::fs::rename(&self.path, &aside).map_err(|e| out_err(&self.path, e))?;
        if let Err(e) = std::fs::rename(stage.path(), &self.path) {
            let _ = std::fs::rename(&aside, &self.path);
            return Err(out_err(&self.path, e));
        }
        staged.done(&mut list);
        let _ = stage.keep();
        // The old output holds secrets too: removed on a signal from here on.
        list.push(old.path().to_path_buf());
        drop(list);
        let old_path = old.path().to_path_buf();
        drop(old);
        leftovers().retain(|p| p != &old_path);
        Ok(())
    }

    /// Writes one file through a temporary file beside it (0600 while it is written).
    pub fn write_file(&self, data: &[u8]) -> Result<(), Failure> {
        let _lock = self.begin()?;
        let mut tmp = tempfile::Builder::new()
            .prefix(".ixn-portal-new-")
            .tempfile_in(&self.parent)
            .map_err(|e| out_err(&self.parent, e))?;
        let staged = Leftover::new(tmp.path());
        tmp.write_all(data).and_then(|_| tmp.as_file().sync_all()).map_err(|e| out_err(&self.path, e))?;
        if std::fs::symlink_metadata(&self.path).is_ok_and(|m| m.is_dir()) {
            return Err(out_err(&self.path, "is a folder"));
        }
        let mut list = leftovers();
        tmp.persist(&self.path).map_err(|e| out_err(&self.path, e.error))?;
        staged.done(&mut list);
        Ok(())
    }
}
