//! A repository as one archive: `.tar` (ustar, PAX and GNU long names), `.tar.gz` /
//! `.tgz`, or `.zip` (stored or deflated entries), unpacked in memory into the files
//! `adopt` reads. An entry whose path leaves the archive (`../`, absolute) refuses the
//! whole archive; links are not followed (they are listed as skipped). A small reader
//! rather than a crate: the portal's worker carries it, and inflating is miniz_oxide's,
//! which the core has already.

use super::source::{AdoptError, InputFile};

/// The most an archive may unpack to, in bytes (a zip bomb stops here).
pub const MAX_UNPACKED: usize = 512 * 1024 * 1024;

/// Whether a file name or its bytes say it is an archive this module reads.
pub fn is_archive(name: &str, data: &[u8]) -> bool {
    let lower = name.to_ascii_lowercase();
    [".tar", ".zip", ".tgz", ".tar.gz"].iter().any(|e| lower.ends_with(e))
        || data.starts_with(b"PK\x03\x04")
        || data.get(257..262) == Some(b"ustar")
}

/// The files of the archive `name`, and the entries not read (links), with why.
pub fn unpack(name: &str, data: &[u8]) -> Result<(Vec<InputFile>, Vec<String>), AdoptError> {
    let fail = |m: String| AdoptError::new(name, None, m);
    if data.starts_with(b"PK\x03\x04") || data.starts_with(b"PK\x05\x06") {
        return zip(name, data).map(|f| (f, Vec::new()));
    }
    if data.starts_with(&[0x1f, 0x8b]) {
        let raw = gunzip(data).map_err(fail)?;
        return tar(name, &raw);
    }
    tar(name, data)
}

/// A path inside an archive, checked: relative, without `..`.
fn checked(archive: &str, path: &str) -> Result<String, AdoptError> {
    let p = path.replace('\\', "/");
    let p = p.trim_start_matches("./");
    if p.starts_with('/') || p.split('/').any(|s| s == "..") || p.as_bytes().get(1) == Some(&b':') {
        return Err(AdoptError::new(
            archive,
            None,
            format!("the entry {path:?} leaves the archive (absolute, or with ..): refused, nothing read"),
        ));
    }
    Ok(p.to_string())
}

fn octal(field: &[u8]) -> Option<usize> {
    let s = std::str::from_utf8(field).ok()?.trim_matches(|c: char| c == '\0' || c == ' ');
    if s.is_empty() {
        return Some(0);
    }
    usize::from_str_radix(s, 8).ok()
}

fn cstr(field: &[u8]) -> String {
    let end = field.iter().position(|&b| b == 0).unwrap_or(field.len());
    String::from_utf8_lossy(&field[..end]).into_owned()
}

fn tar(archive: &str, data: &[u8]) -> Result<(Vec<InputFile>, Vec<String>), AdoptError> {
    let fail = |m: &str| AdoptError::new(archive, None, format!("not a readable tar archive: {m}"));
    let (mut files, mut skipped) = (Vec::new(), Vec::new());
    let (mut at, mut total) = (0usize, 0usize);
    let mut long_name: Option<String> = None;
    while at + 512 <= data.len() {
        let h = &data[at..at + 512];
        if h.iter().all(|&b| b == 0) {
            break;
        }
        let sum: usize =
            h.iter().enumerate().map(|(i, &b)| if (148..156).contains(&i) { 32 } else { b as usize }).sum();
        if octal(&h[148..156]) != Some(sum) {
            return Err(fail(&format!("a header at byte {at} has a wrong checksum")));
        }
        let size = octal(&h[124..136]).ok_or_else(|| fail("a size is not octal"))?;
        let body = data.get(at + 512..at + 512 + size).ok_or_else(|| fail("an entry is cut short"))?;
        let kind = h[156];
        let mut path = cstr(&h[0..100]);
        if &h[257..262] == b"ustar" {
            let prefix = cstr(&h[345..500]);
            if !prefix.is_empty() {
                path = format!("{prefix}/{path}");
            }
        }
        if let Some(long) = long_name.take() {
            path = long;
        }
        at += 512 + size.div_ceil(512) * 512;
        match kind {
            b'x' => {
                // PAX: `LEN key=value\n` records; the path is the one we need.
                let text = String::from_utf8_lossy(body);
                for rec in text.split('\n') {
                    if let Some((_, kv)) = rec.split_once(' ') {
                        if let Some(p) = kv.strip_prefix("path=") {
                            long_name = Some(p.to_string());
                        }
                    }
                }
            }
            b'L' => long_name = Some(cstr(body)),
            b'g' => {}
            b'0' | 0 | b'7' => {
                total += size;
                if total > MAX_UNPACKED {
                    return Err(AdoptError::new(archive, None, "unpacks to more than 512 MB: refused"));
                }
                let path = checked(archive, &path)?;
                files.push(InputFile { path, data: body.to_vec() });
            }
            b'5' => {
                let path = checked(archive, &path)?;
                let path = if path.ends_with('/') { path } else { format!("{path}/") };
                files.push(InputFile { path, data: Vec::new() });
            }
            b'1' | b'2' => {
                checked(archive, &path)?;
                skipped.push(format!("{path}: a link, not followed"));
            }
            other => skipped.push(format!("{path}: an entry of type {:?}, not a file", other as char)),
        }
    }
    Ok((files, skipped))
}

fn gunzip(data: &[u8]) -> Result<Vec<u8>, String> {
    // RFC 1952: a 10-byte header, optional extra, name, comment and CRC fields.
    let flags = *data.get(3).ok_or("a gzip header cut short")?;
    let mut at = 10;
    if flags & 4 != 0 {
        let xlen = u16::from_le_bytes([data[at], data[at + 1]]) as usize;
        at += 2 + xlen;
    }
    for bit in [8, 16] {
        if flags & bit != 0 {
            at += data.get(at..).and_then(|d| d.iter().position(|&b| b == 0)).ok_or("a gzip header cut short")? + 1;
        }
    }
    if flags & 2 != 0 {
        at += 2;
    }
    miniz_oxide::inflate::decompress_to_vec_with_limit(data.get(at..).ok_or("cut short")?, MAX_UNPACKED)
        .map_err(|e| format!("does not inflate: {e:?}"))
}

fn u16_at(d: &[u8], i: usize) -> Option<usize> {
    Some(u16::from_le_bytes(d.get(i..i + 2)?.try_into().ok()?) as usize)
}

fn u32_at(d: &[u8], i: usize) -> Option<usize> {
    Some(u32::from_le_bytes(d.get(i..i + 4)?.try_into().ok()?) as usize)
}

fn zip(archive: &str, data: &[u8]) -> Result<Vec<InputFile>, AdoptError> {
    let fail = |m: &str| AdoptError::new(archive, None, format!("not a readable zip archive: {m}"));
    // The end of central directory record: in the last 64 KiB + 22 bytes.
    let from = data.len().saturating_sub(22 + 65_535);
    let eocd = (from..data.len().saturating_sub(21))
        .rev()
        .find(|&i| data[i..].starts_with(b"PK\x05\x06"))
        .ok_or_else(|| fail("no end of central directory"))?;
    let entries = u16_at(data, eocd + 10).ok_or_else(|| fail("cut short"))?;
    let mut at = u32_at(data, eocd + 16).ok_or_else(|| fail("cut short"))?;
    let (mut files, mut total) = (Vec::new(), 0usize);
    for _ in 0..entries {
        if data.get(at..at + 4) != Some(b"PK\x01\x02") {
            return Err(fail("a central directory entry is damaged"));
        }
        let method = u16_at(data, at + 10).ok_or_else(|| fail("cut short"))?;
        let csize = u32_at(data, at + 20).ok_or_else(|| fail("cut short"))?;
        let usize_ = u32_at(data, at + 24).ok_or_else(|| fail("cut short"))?;
        let (nlen, xlen, clen) = (
            u16_at(data, at + 28).ok_or_else(|| fail("cut short"))?,
            u16_at(data, at + 30).ok_or_else(|| fail("cut short"))?,
            u16_at(data, at + 32).ok_or_else(|| fail("cut short"))?,
        );
        let local = u32_at(data, at + 42).ok_or_else(|| fail("cut short"))?;
        let raw_name = data.get(at + 46..at + 46 + nlen).ok_or_else(|| fail("cut short"))?;
        let name = String::from_utf8_lossy(raw_name).into_owned();
        at += 46 + nlen + xlen + clen;
        let path = checked(archive, &name)?;
        if path.ends_with('/') {
            files.push(InputFile { path, data: Vec::new() });
            continue;
        }
        if data.get(local..local + 4) != Some(b"PK\x03\x04") {
            return Err(fail(&format!("{name}: its local header is damaged")));
        }
        let start = local
            + 30
            + u16_at(data, local + 26).ok_or_else(|| fail("cut short"))?
            + u16_at(data, local + 28).ok_or_else(|| fail("cut short"))?;
        let body = data.get(start..start + csize).ok_or_else(|| fail(&format!("{name}: cut short")))?;
        total += usize_;
        if total > MAX_UNPACKED {
            return Err(AdoptError::new(archive, None, "unpacks to more than 512 MB: refused"));
        }
        let bytes = match method {
            0 => body.to_vec(),
            8 => miniz_oxide::inflate::decompress_to_vec_with_limit(body, usize_.max(1))
                .map_err(|e| fail(&format!("{name}: does not inflate ({e:?})")))?,
            m => return Err(fail(&format!("{name}: compression method {m} (only stored and deflated are read)"))),
        };
        files.push(InputFile { path, data: bytes });
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A zip of stored entries, by hand.
    fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
        let (mut out, mut central) = (Vec::new(), Vec::new());
        for (name, data) in entries {
            let offset = out.len() as u32;
            let local = |sig: &[u8], v: &mut Vec<u8>| {
                v.extend_from_slice(sig);
            };
            local(b"PK\x03\x04", &mut out);
            out.extend_from_slice(&[20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
            out.extend_from_slice(&(data.len() as u32).to_le_bytes());
            out.extend_from_slice(&(data.len() as u32).to_le_bytes());
            out.extend_from_slice(&(name.len() as u16).to_le_bytes());
            out.extend_from_slice(&0u16.to_le_bytes());
            out.extend_from_slice(name.as_bytes());
            out.extend_from_slice(data);
            central.extend_from_slice(b"PK\x01\x02");
            central.extend_from_slice(&[20, 0, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
            central.extend_from_slice(&(data.len() as u32).to_le_bytes());
            central.extend_from_slice(&(data.len() as u32).to_le_bytes());
            central.extend_from_slice(&(name.len() as u16).to_le_bytes());
            central.extend_from_slice(&[0; 12]);
            central.extend_from_slice(&offset.to_le_bytes());
            central.extend_from_slice(name.as_bytes());
        }
        let cd_at = out.len() as u32;
        let cd_len = central.len() as u32;
        out.extend_from_slice(&central);
        out.extend_from_slice(b"PK\x05\x06\0\0\0\0");
        out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
        out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
        out.extend_from_slice(&cd_len.to_le_bytes());
        out.extend_from_slice(&cd_at.to_le_bytes());
        out.extend_from_slice(&[0, 0]);
        out
    }

    #[test]
    fn a_zip_reads_and_one_with_dot_dot_is_refused_whole() {
        let z = zip_of(&[("a/b.yaml", b"x: 1\n"), ("a/", b"")]);
        let (files, _) = unpack("r.zip", &z).unwrap();
        assert_eq!(files[0], InputFile { path: "a/b.yaml".into(), data: b"x: 1\n".to_vec() });
        assert_eq!(files[1].path, "a/");
        let z = zip_of(&[("a/b.yaml", b"x: 1\n"), ("../evil.yaml", b"y: 2\n")]);
        let e = unpack("r.zip", &z).unwrap_err();
        assert_eq!(e.file, "r.zip");
        assert!(e.message.contains("\"../evil.yaml\" leaves the archive"), "{e}");
    }

    #[test]
    fn the_portals_own_tar_reads_back() {
        let files = vec![crate::generate::archive::File {
            name: "x/".repeat(80) + "v.yaml",
            data: b"a: 1\n".to_vec(),
            executable: false,
            secret: false,
        }];
        let tar = crate::generate::archive::tar_under("top", &files);
        let (read, skipped) = unpack("t.tar", &tar).unwrap();
        assert!(skipped.is_empty());
        let f = read.iter().find(|f| f.path.ends_with("v.yaml")).unwrap();
        assert_eq!(f.path, format!("top/{}v.yaml", "x/".repeat(80)));
        assert_eq!(f.data, b"a: 1\n");
    }
}
