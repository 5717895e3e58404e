//! "Download everything": the artifacts as one `.tar` (POSIX ustar), written by hand
//! because it is 50 lines and a crate would add to the wasm for nothing.

/// One file in the archive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct File {
    /// Path inside the archive (ASCII; past 100 bytes it is split into ustar's prefix
    /// and name at a `/`, up to 255 bytes).
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
/// batch's Genesys folders are that deep); cut where no such `/` exists.
fn split_name(path: &[u8]) -> (&[u8], &[u8]) {
    if path.len() <= 100 {
        return (&[], path);
    }
    let split = (0..path.len()).rfind(|&i| path[i] == b'/' && i <= 155 && path.len() - i - 1 <= 100 && i > 0);
    match split {
        Some(i) => (&path[..i], &path[i + 1..]),
        None => (&[], &path[..100]),
    }
}

/// The files as a tar archive. Deterministic: mtime 0, owner root.
pub fn tar(files: &[File]) -> Vec<u8> {
    let mut out = Vec::new();
    for f in files {
        let mut h = [0u8; 512];
        let (prefix, name) = split_name(f.name.as_bytes());
        h[..name.len()].copy_from_slice(name);
        h[345..345 + prefix.len()].copy_from_slice(prefix);
        octal(&mut h[100..108], f.mode());
        octal(&mut h[108..116], 0);
        octal(&mut h[116..124], 0);
        octal(&mut h[124..136], f.data.len() as u64);
        octal(&mut h[136..148], 0);
        h[156] = b'0';
        h[257..263].copy_from_slice(b"ustar\0");
        h[263..265].copy_from_slice(b"00");
        h[148..156].copy_from_slice(b"        ");
        let sum: u32 = h.iter().map(|&b| u32::from(b)).sum();
        let s = format!("{sum:06o}\0 ");
        h[148..156].copy_from_slice(s.as_bytes());
        out.extend_from_slice(&h);
        out.extend_from_slice(&f.data);
        out.resize(out.len().div_ceil(512) * 512, 0);
    }
    out.resize(out.len() + 1024, 0);
    out
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
        let bytes = tar(&files);
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
        for (f, want) in files.iter().zip([0o644, 0o700, 0o600, 0o644, 0o755, 0o644]) {
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
}
