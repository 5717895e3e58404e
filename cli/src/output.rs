//! All-or-nothing output: files are written to a temporary folder (or file) beside the
//! target and renamed into place, so a failed run leaves the target as it was. The
//! files themselves go through the core's one tree writer ([`ixn_core::generate::archive`]):
//! its folder sink here, its tar sink for `--tar`.

use crate::failure::Failure;
use ixn_core::generate::archive::folder::Folder;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Where a command writes, checked before any work is done.
#[derive(Debug)]
pub struct Target {
    /// As given, for messages.
    shown: PathBuf,
    path: PathBuf,
    parent: PathBuf,
}

fn out_err(path: &Path, e: impl std::fmt::Display) -> Failure {
    Failure::Output(format!("{}: {e}", path.display()))
}

impl Target {
    /// The target `path`: refused when it exists and is not empty, unless `force`.
    pub fn new(path: &Path, force: bool) -> Result<Target, Failure> {
        let name =
            path.file_name().ok_or_else(|| Failure::Input(format!("{}: not a file or folder name", path.display())))?;
        let parent = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new(".")).to_path_buf();
        let taken = match std::fs::symlink_metadata(path) {
            Err(_) => false,
            Ok(m) if m.is_dir() => std::fs::read_dir(path).map(|mut d| d.next().is_some()).unwrap_or(true),
            Ok(_) => true,
        };
        if taken && !force {
            return Err(Failure::Input(format!("{}: exists and is not empty; --force replaces it", path.display())));
        }
        Ok(Target { shown: path.to_path_buf(), path: parent.join(name), parent })
    }

    /// The target's path as given, for messages.
    pub fn shown(&self) -> &Path {
        &self.shown
    }

    fn staging_parent(&self) -> Result<&Path, Failure> {
        std::fs::create_dir_all(&self.parent).map_err(|e| out_err(&self.parent, e))?;
        Ok(&self.parent)
    }

    /// Writes a folder: `fill` writes the tree through the folder sink into a
    /// temporary folder beside the target (0700 while it is written, its files 0600),
    /// which then replaces it.
    pub fn write_dir(&self, fill: impl FnOnce(&Folder) -> Result<(), Failure>) -> Result<(), Failure> {
        use std::os::unix::fs::PermissionsExt;
        let stage = tempfile::Builder::new()
            .prefix(".ixn-portal-new-")
            .permissions(std::fs::Permissions::from_mode(0o700))
            .tempdir_in(self.staging_parent()?)
            .map_err(|e| out_err(&self.parent, e))?;
        let sink = Folder::new(stage.path());
        fill(&sink)?;
        sink.finish().map_err(sink_err)?;
        std::fs::set_permissions(stage.path(), std::fs::Permissions::from_mode(0o755))
            .map_err(|e| out_err(stage.path(), e))?;
        let exists = std::fs::symlink_metadata(&self.path).is_ok();
        if !exists {
            std::fs::rename(stage.path(), &self.path).map_err(|e| out_err(&self.path, e))?;
            // Renamed away: nothing left for the guard to remove.
            let _ = stage.keep();
            return Ok(());
        }
        // Replace: move the old one aside, the new one in, then remove the old one.
        let old = tempfile::Builder::new()
            .prefix(".ixn-portal-old-")
            .tempdir_in(&self.parent)
            .map_err(|e| out_err(&self.parent, e))?;
        let aside = old.path().join("previous");
        std::fs::rename(&self.path, &aside).map_err(|e| out_err(&self.path, e))?;
        if let Err(e) = std::fs::rename(stage.path(), &self.path) {
            let _ = std::fs::rename(&aside, &self.path);
            return Err(out_err(&self.path, e));
        }
        let _ = stage.keep();
        drop(old);
        Ok(())
    }

    /// Writes one file through a temporary file beside it.
    pub fn write_file(&self, data: &[u8]) -> Result<(), Failure> {
        let mut tmp = tempfile::Builder::new()
            .prefix(".ixn-portal-new-")
            .tempfile_in(self.staging_parent()?)
            .map_err(|e| out_err(&self.parent, e))?;
        tmp.write_all(data).and_then(|_| tmp.as_file().sync_all()).map_err(|e| out_err(&self.path, e))?;
        if std::fs::symlink_metadata(&self.path).is_ok_and(|m| m.is_dir()) {
            return Err(out_err(&self.path, "is a folder"));
        }
        tmp.persist(&self.path).map_err(|e| out_err(&self.path, e.error))?;
        Ok(())
    }
}

/// The folder sink's failure, as the run's.
pub fn sink_err(e: ixn_core::generate::archive::folder::WriteError) -> Failure {
    Failure::Output(e.to_string())
}
