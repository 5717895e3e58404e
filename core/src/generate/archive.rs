//! The one writer of a file tree: [`Tree`] (each file's path, bytes and executable
//! bit) and its two sinks, the `.tar` (POSIX ustar, written by hand because it is 50
//! lines and a crate would add to the wasm for nothing) and a folder ([`folder`]).
//! "Download everything", "Download all tenants", `ixn-portal render` and
//! `ixn-portal batch` all write through it, so their layouts cannot differ.

/// One file in the archive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct File {
    /// Path inside the archive (past 100 bytes it is split into ustar's prefix and
    /// name at a `/`; a longer or non-ASCII path goes in a PAX header, whole).
    pub name: String,
    /// Content.
    pub data: Vec<u8>,
    /// `true` for scripts.
    pub executable: bool,
    /// `true` when it holds a secret: only its owner may read it.
    pub secret: bool,
}

impl File {
    /// Its mode in the archive: scripts 0755 and other files 0644, or 0700 and 0600
    /// when they hold secrets (tar keeps these modes on extraction, under the umask).
    pub fn mode(&self) -> u64 {
        match (self.executable, self.secret) {
            (true, false) => 0o755,
            (false, false) => 0o644,
            (true, true) => 0o700,
            (false, true) => 0o600,
        }
    }
}

fn octal(field: &mut [u8], value: u64) {
    // NUL-terminated, zero-padded octal filling the field.
    let digits = field.len() - 1;
    let s = format!("{value:0digits$o}");
    field[..digits].copy_from_slice(&s.as_bytes()[s.len() - digits..]);
    field[digits] = 0;
}

/// A path as ustar's (prefix, name): the name alone when it fits in 100 bytes, else
/// split at the last `/` that leaves at most 100 bytes after it and 155 before (a
/// batch's Genesys folders are that deep). `None` where no such `/` exists: the path
/// then goes in a PAX header, which every tar reader takes.
fn split_name(path: &[u8]) -> Option<(&[u8], &[u8])> {
    if path.len() <= 100 {
        return Some((&[], path));
    }
    let split = (0..path.len()).rfind(|&i| path[i] == b'/' && i <= 155 && path.len() - i - 1 <= 100 && i > 0);
    split.map(|i| (&path[..i], &path[i + 1..]))
}

/// A PAX extended header's one record, `LEN path=PATH\n`, where LEN counts the
/// whole record, its own digits included.
fn pax_path_record(path: &str) -> Vec<u8> {
    let body = format!(" path={path}\n");
    let mut len = body.len() + 1;
    while len.to_string().len() + body.len() != len {
        len = len.to_string().len() + body.len();
    }
    format!("{len}{body}").into_bytes()
}

/// One 512-byte header block: `name` split as ustar's (or cut, when a PAX header
/// before it holds the whole path), the mode, the size and the type flag.
fn header(prefix: &[u8], name: &[u8], mode: u64, size: u64, kind: u8) -> [u8; 512] {
    let mut h = [0u8; 512];
    let name = &name[..name.len().min(100)];
    let prefix = &prefix[..prefix.len().min(155)];
    h[..name.len()].copy_from_slice(name);
    h[345..345 + prefix.len()].copy_from_slice(prefix);
    octal(&mut h[100..108], mode);
    octal(&mut h[108..116], 0);
    octal(&mut h[116..124], 0);
    octal(&mut h[124..136], size);
    octal(&mut h[136..148], 0);
    h[156] = kind;
    h[257..263].copy_from_slice(b"ustar\0");
    h[263..265].copy_from_slice(b"00");
    h[148..156].copy_from_slice(b"        ");
    let sum: u32 = h.iter().map(|&b| u32::from(b)).sum();
    let s = format!("{sum:06o}\0 ");
    h[148..156].copy_from_slice(s.as_bytes());
    h
}

/// Pads `out` to a whole number of 512-byte blocks.
fn pad(out: &mut Vec<u8>) {
    out.resize(out.len().div_ceil(512) * 512, 0);
}

/// A tree of files: what one download or one `--out DIR` holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tree {
    /// The folder the `.tar` holds the files in (and, with `.tar`, its file name);
    /// `--out DIR` writes them into DIR instead.
    pub folder: String,
    /// Every file, its name relative to the tree's root (`/`-separated).
    pub files: Vec<File>,
}

impl Tree {
    /// The archive's file name, e.g. `ixn-100.tar`.
    pub fn tar_name(&self) -> String {
        format!("{}.tar", self.folder)
    }

    /// The tar sink: the files under [`Tree::folder`], as the portal downloads them.
    pub fn tar(&self) -> Vec<u8> {
        tar_under(&self.folder, &self.files)
    }

    /// Each file's name inside the tree, with the file.
    pub fn relative(&self) -> impl Iterator<Item = (&str, &File)> {
        self.files.iter().map(|f| (f.name.as_str(), f))
    }

    /// The files with their names under [`Tree::folder`] (a batch row's files, in the
    /// batch's tree).
    pub fn into_folder(self) -> Vec<File> {
        let folder = self.folder;
        self.files.into_iter().map(|f| File { name: format!("{folder}/{}", f.name), ..f }).collect()
    }
}

/// The files as a tar archive, each under `folder/` (none when `folder` is empty).
/// Deterministic: mtime 0, owner root.
pub fn tar_under(folder: &str, files: &[File]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut path = String::new();
    for f in files {
        path.clear();
        if !folder.is_empty() {
            path.push_str(folder);
            path.push('/');
        }
        path.push_str(&f.name);
        let (prefix, name) = match split_name(path.as_bytes()).filter(|_| path.is_ascii()) {
            Some(parts) => parts,
            None => {
                // Too long (or not ASCII) for ustar's fields: a PAX header gives the
                // whole path, so nothing is cut; readers that know no PAX still get a
                // file, under the cut name.
                let record = pax_path_record(&path);
                out.extend_from_slice(&header(&[], b"PaxHeader", 0o644, record.len() as u64, b'x'));
                out.extend_from_slice(&record);
                pad(&mut out);
                (&[][..], path.as_bytes())
            }
        };
        out.extend_from_slice(&header(prefix, name, f.mode(), f.data.len() as u64, b'0'));
        out.extend_from_slice(&f.data);
        pad(&mut out);
    }
    out.resize(out.len() + 1024, 0);
    out
}

/// The folder sink: writes a tree's files under a folder, making their folders. While
/// it writes, every folder is 0700 and every file 0600, so that a run killed half way
/// (even by SIGKILL) leaves nothing another user can read; [`folder::Folder::finish`]
/// then gives each its mode ([`File::mode`], folders 0755). All or nothing is the
/// caller's: it writes into a temporary folder and renames it into place.
#[cfg(unix)]
pub mod folder {
    use super::File;
    use std::collections::BTreeSet;
    use std::io::Write;
    use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
    use std::path::{Path, PathBuf};
    use std::sync::Mutex;

    /// A file or folder that could not be written.
    #[derive(Debug)]
    pub struct WriteError {
        /// Where.
        pub path: PathBuf,
        /// Why.
        pub error: std::io::Error,
    }

    impl std::fmt::Display for WriteError {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            write!(f, "{}: {}", self.path.display(), self.error)
        }
    }

    impl std::error::Error for WriteError {
        fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
            Some(&self.error)
        }
    }

    fn at(path: &Path) -> impl FnOnce(std::io::Error) -> WriteError + '_ {
        move |error| WriteError { path: path.to_path_buf(), error }
    }

    /// What [`Folder::finish`] gives its mode: the files written (name, mode) and the
    /// folders made.
    type Written = (Vec<(String, u32)>, BTreeSet<String>);

    /// Files written under one folder, and the modes they get when it is finished.
    /// Several threads may write through one `Folder` (a batch's rows).
    #[derive(Debug)]
    pub struct Folder {
        root: PathBuf,
        // What `finish` gives its mode: the files (by name) and the folders made.
        written: Mutex<Written>,
    }

    impl Folder {
        /// A sink writing under `root`, which exists.
        pub fn new(root: &Path) -> Folder {
            Folder { root: root.to_path_buf(), written: Mutex::new((Vec::new(), BTreeSet::new())) }
        }

        /// Writes `files` (new files: one that exists is an error), making their
        /// folders, each file 0600 and each folder 0700 until [`Folder::finish`].
        pub fn write(&self, files: &[File]) -> Result<(), WriteError> {
            for f in files {
                if let Some((dir, _)) = f.name.rsplit_once('/') {
                    self.make_folders(dir)?;
                }
                let path = self.root.join(&f.name);
                // One open and one write per file: a batch writes thousands.
                let mut out = std::fs::OpenOptions::new()
                    .write(true)
                    .create_new(true)
                    .mode(0o600)
                    .open(&path)
                    .map_err(at(&path))?;
                out.write_all(&f.data).map_err(at(&path))?;
                self.written.lock().expect("no writer panicked").0.push((f.name.clone(), f.mode() as u32));
            }
            Ok(())
        }

        /// Makes `dir` and the folders above it under the root, each 0700. Never the
        /// root itself: a root removed under a run (its temporary folder, on a signal)
        /// stays removed, and the run's next write fails.
        fn make_folders(&self, dir: &str) -> Result<(), WriteError> {
            if self.written.lock().expect("no writer panicked").1.contains(dir) {
                return Ok(());
            }
            let mut end = 0;
            while end < dir.len() {
                end = dir[end..].find('/').map_or(dir.len(), |i| end + i);
                let part = &dir[..end];
                let path = self.root.join(part);
                // Rows on several threads share parent folders (`git/ixn/`): one another
                // thread made is fine.
                match std::fs::DirBuilder::new().mode(0o700).create(&path) {
                    Err(e) if e.kind() != std::io::ErrorKind::AlreadyExists => return Err(at(&path)(e)),
                    _ => {}
                }
                self.written.lock().expect("no writer panicked").1.insert(part.to_string());
                end += 1;
            }
            Ok(())
        }

        /// Gives every file written its mode ([`File::mode`], exactly: the umask does
        /// not apply, as with the portal's `.tar`) and every folder made 0755.
        pub fn finish(self) -> Result<(), WriteError> {
            let (files, dirs) = self.written.into_inner().expect("no writer panicked");
            for (name, mode) in files {
                let path = self.root.join(name);
                std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).map_err(at(&path))?;
            }
            for dir in dirs {
                let path = self.root.join(dir);
                std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).map_err(at(&path))?;
            }
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_real_tar_reads_it() {
        let files = vec![
            File {
                name: "ixn-100/override_values.yaml".into(),
                data: b"tenant:\n  sid: \"100\"\n".to_vec(),
                executable: false,
                secret: false,
            },
            File {
                name: "ixn-100/deploy.sh".into(),
                data: "echo ü\n".repeat(200).into_bytes(),
                executable: true,
                secret: true,
            },
            File { name: "ixn-100/secrets.json".into(), data: b"{}".to_vec(), executable: false, secret: true },
            File { name: "ixn-100/git/a/b.yaml".into(), data: b"a: 1\n".to_vec(), executable: false, secret: false },
            File { name: "ixn-100/git/a/run.sh".into(), data: b"true\n".to_vec(), executable: true, secret: false },
        ];
        // A path past 100 bytes (a batch's Genesys release folders): ustar's prefix.
        let long = format!(
            "ixn-tenants/git/services/ixn/01_chart_ixn/0001_release_{}/manifests/db-bootstrap-job.yaml",
            "t".repeat(40)
        );
        assert!(long.len() > 100);
        let mut files = files;
        files.push(File { name: long, data: b"kind: Job\n".to_vec(), executable: false, secret: false });
        // Past ustar's 255 bytes (a Git folder of 250-byte segments, as validation
        // allows): a PAX header keeps the whole path, never a cut one.
        let longer = format!("ixn-tenants/git/{}/{}/values.yaml", "a".repeat(250), "b".repeat(250));
        files.push(File { name: longer, data: b"x: 1\n".to_vec(), executable: false, secret: false });
        let bytes = tar_under("", &files);
        assert_eq!(bytes.len() % 512, 0);
        let dir = std::env::temp_dir().join(format!("ixn-tar-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("a.tar");
        std::fs::write(&path, &bytes).unwrap();
        let ok = std::process::Command::new("tar").arg("-xf").arg(&path).current_dir(&dir).status().unwrap();
        assert!(ok.success());
        for f in &files {
            assert_eq!(std::fs::read(dir.join(&f.name)).unwrap(), f.data);
        }
        use std::os::unix::fs::PermissionsExt;
        for (f, want) in files.iter().zip([0o644, 0o700, 0o600, 0o644, 0o755, 0o644, 0o644]) {
            // Listed by the real tar as stored, whatever this process's umask.
            assert_eq!(f.mode(), want, "{}", f.name);
            let mode = std::fs::metadata(dir.join(&f.name)).unwrap().permissions().mode();
            assert_eq!(u64::from(mode) & 0o777 & !0o022, want & !0o022, "{}", f.name);
        }
        let listing = std::process::Command::new("tar").arg("-tvf").arg(&path).output().unwrap();
        let listing = String::from_utf8(listing.stdout).unwrap();
        for (perm, name) in [
            ("-rw-r--r--", "override_values.yaml"),
            ("-rwx------", "deploy.sh"),
            ("-rw-------", "secrets.json"),
            ("-rwxr-xr-x", "run.sh"),
        ] {
            assert!(listing.lines().any(|l| l.starts_with(perm) && l.ends_with(name)), "{perm} {name}: {listing}");
        }
        let _ = std::fs::remove_dir_all(&dir);
    }

    // The folder sink: private while it writes (a run killed half way leaves nothing
    // another user can read), each file's own mode once finished.
    #[test]
    fn the_folder_sink_writes_privately_then_gives_each_its_mode() {
        use std::os::unix::fs::PermissionsExt;
        let dir = std::env::temp_dir().join(format!("ixn-sink-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let file = |name: &str, executable, secret| File {
            name: name.into(),
            data: name.as_bytes().to_vec(),
            executable,
            secret,
        };
        let files = [
            file("git/ixn/ixn-100/manifests/a.yaml", false, false),
            file("git/ixn/ixn-100/run.sh", true, false),
            file("seed-secret-store.sh", true, true),
            file("ixn-100/secrets.json", false, true),
        ];
        let sink = folder::Folder::new(&dir);
        sink.write(&files[..2]).unwrap();
        sink.write(&files[2..]).unwrap();
        let mode = |p: &str| std::fs::metadata(dir.join(p)).unwrap().permissions().mode() & 0o777;
        for f in &files {
            assert_eq!(mode(&f.name), 0o600, "{} while written", f.name);
            assert_eq!(std::fs::read(dir.join(&f.name)).unwrap(), f.data);
        }
        for d in ["git", "git/ixn", "git/ixn/ixn-100", "git/ixn/ixn-100/manifests", "ixn-100"] {
            assert_eq!(mode(d), 0o700, "{d} while written");
        }
        // A file written twice is an error that names it.
        let err = sink.write(&files[..1]).unwrap_err().to_string();
        assert!(err.contains("manifests/a.yaml") && err.contains("exists"), "{err}");
        sink.finish().unwrap();
        for f in &files {
            assert_eq!(u64::from(mode(&f.name)), f.mode(), "{}", f.name);
        }
        for d in ["git", "git/ixn", "git/ixn/ixn-100", "git/ixn/ixn-100/manifests", "ixn-100"] {
            assert_eq!(mode(d), 0o755, "{d}");
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
}
