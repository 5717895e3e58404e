//! The sources' files, their YAML documents, and what kind of source they make: a
//! Genesys layout, Argo CD, Flux, or `helm get values` outputs.

use crate::yaml::{key_places, read_yaml, Limits, Node};

/// One file of the sources: its path (relative to the folder, archive or drop it came
/// from; `/`-separated) and its bytes. A folder is a path ending in `/` with no data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputFile {
    /// The path.
    pub path: String,
    /// The bytes.
    pub data: Vec<u8>,
}

/// Why the sources are refused: at a file, and a line and column when known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AdoptError {
    /// The file (or folder).
    pub file: String,
    /// Line and column, 1-based.
    pub at: Option<(usize, usize)>,
    /// What is wrong.
    pub message: String,
}

impl std::fmt::Display for AdoptError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.at {
            Some((l, c)) => write!(f, "{}:{l}:{c}: {}", self.file, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

impl std::error::Error for AdoptError {}

impl AdoptError {
    /// An error at `file` (`at`: line and column).
    pub fn new(file: &str, at: Option<(usize, usize)>, message: impl Into<String>) -> AdoptError {
        AdoptError { file: file.to_string(), at, message: message.into() }
    }
}

/// What the sources were.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    /// A genesys/multicloud-services layout: `NN_release_*` folders under a chart folder.
    Genesys,
    /// Argo CD Applications or ApplicationSets (and Flux HelmReleases beside them, if any).
    ArgoCd,
    /// Flux HelmReleases.
    Flux,
    /// `helm get values -o yaml` outputs, one file per release.
    HelmValues,
}

impl SourceKind {
    /// In words, for the report.
    pub fn describe(self) -> &'static str {
        match self {
            SourceKind::Genesys => "a Genesys multicloud-services layout",
            SourceKind::ArgoCd => "Argo CD Applications",
            SourceKind::Flux => "Flux HelmReleases",
            SourceKind::HelmValues => "`helm get values` outputs",
        }
    }
}

/// One tenant as its source gives it.
#[derive(Debug, Clone, PartialEq)]
pub struct Tenant {
    /// Its name in messages: the release (or the folder or file it came from).
    pub name: String,
    /// Where it is defined (file, and line when known).
    pub origin: String,
    /// The release name, when the source says it.
    pub release: Option<String>,
    /// The namespace, when the source says it.
    pub namespace: Option<String>,
    /// The chart version, when the source says it.
    pub chart_version: Option<String>,
    /// Its values files in Helm's order (`-f a -f b`), each named.
    pub layers: Vec<(String, Node)>,
}

impl Tenant {
    /// Its values as Helm merges them.
    pub fn merged(&self) -> Node {
        merge_layers(self.layers.iter().map(|(_, n)| n))
    }
}

/// Values files' trees merged as Helm merges `-f a -f b`: mappings merge, the later file
/// wins (an empty file adds nothing).
pub fn merge_layers<'a>(layers: impl IntoIterator<Item = &'a Node>) -> Node {
    let mut out = Node::map();
    for n in layers {
        if matches!(n, Node::Map(_)) {
            crate::import::merge(&mut out, n.clone());
        }
    }
    out
}

/// The limits one document is read under: a repository's manifest may be large (an
/// ApplicationSet listing every tenant), never deep or an alias bomb.
pub(crate) const LIMITS: Limits = Limits { max_bytes: 64 * 1024 * 1024, max_depth: 40, max_nodes: 4_000_000 };

/// One YAML document of a file.
#[derive(Debug, Clone)]
pub(crate) struct Doc {
    /// The file.
    pub file: String,
    /// Its first line in the file, less one (added to the document's own lines).
    pub offset: usize,
    /// Its text.
    pub text: String,
    /// Its tree.
    pub node: Node,
}

impl Doc {
    /// The place of a key path in the file (line and column), if the text has it.
    pub fn place(&self, path: &[&str]) -> Option<(usize, usize)> {
        let p: Vec<String> = path.iter().map(|s| s.to_string()).collect();
        key_places(&self.text, &[p])[0].map(|(l, c)| (l + self.offset, c))
    }

    /// An error at a key path of this document (its start when the path is not found).
    pub fn error(&self, path: &[&str], message: impl Into<String>) -> AdoptError {
        let at = self.place(path).or(Some((self.offset + 1, 1)));
        AdoptError::new(&self.file, at, message)
    }

    /// `kind`, when it is a string.
    pub fn kind(&self) -> &str {
        self.node.get("kind").and_then(Node::as_str).unwrap_or_default()
    }

    /// `metadata.name`.
    pub fn name(&self) -> &str {
        self.node.get("metadata.name").and_then(Node::as_str).unwrap_or_default()
    }

    /// `metadata.namespace`.
    pub fn namespace(&self) -> Option<&str> {
        self.node.get("metadata.namespace").and_then(Node::as_str)
    }
}

/// The file's text, or an error at the first byte that is not UTF-8.
pub(crate) fn text_of(f: &InputFile) -> Result<&str, AdoptError> {
    std::str::from_utf8(&f.data).map_err(|e| {
        let upto = &f.data[..e.valid_up_to()];
        let line = upto.iter().filter(|&&b| b == b'\n').count() + 1;
        let start = upto.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let column = String::from_utf8_lossy(&upto[start..]).chars().count() + 1;
        AdoptError::new(&f.path, Some((line, column)), "not UTF-8 text")
    })
}

/// A YAML text read as one tree, or an error at its place in `file` (lines after
/// `offset`).
pub(crate) fn read_at(file: &str, text: &str, offset: usize) -> Result<Node, AdoptError> {
    read_yaml(text, LIMITS).map_err(|e| {
        let at = e.line.map(|l| (l + offset, e.column.unwrap_or(1)));
        AdoptError::new(file, at, format!("does not read as YAML: {}", e.message))
    })
}

/// The documents of a YAML file (split at `---` lines), each read; empty ones left out.
pub(crate) fn docs(f: &InputFile) -> Result<Vec<Doc>, AdoptError> {
    let text = text_of(f)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut out = Vec::new();
    let (mut start_line, mut current) = (0usize, String::new());
    let mut flush = |start_line: usize, current: &mut String| -> Result<(), AdoptError> {
        let body = std::mem::take(current);
        let has_content = body.lines().any(|l| {
            let t = l.trim();
            !t.is_empty() && !t.starts_with('#') && t != "..."
        });
        if has_content {
            let node = read_at(&f.path, &body, start_line)?;
            out.push(Doc { file: f.path.clone(), offset: start_line, text: body, node });
        }
        Ok(())
    };
    for (i, line) in text.split_inclusive('\n').enumerate() {
        let bare = line.trim_end_matches(['\n', '\r']);
        if bare == "---" || bare.starts_with("--- ") {
            flush(start_line, &mut current)?;
            start_line = i + 1;
            // `--- value`: the document starts on this line, after the marker.
            if let Some(rest) = bare.strip_prefix("--- ") {
                start_line = i;
                current.push_str(&" ".repeat(4));
                current.push_str(rest);
                current.push('\n');
            }
            continue;
        }
        current.push_str(line);
    }
    flush(start_line, &mut current)?;
    Ok(out)
}

/// Whether a path is a YAML file.
pub(crate) fn is_yaml(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    lower.ends_with(".yaml") || lower.ends_with(".yml")
}

/// The folder of a path (`a/b/c.yaml` → `a/b`; `c.yaml` → ``).
pub(crate) fn parent(path: &str) -> &str {
    path.trim_end_matches('/').rsplit_once('/').map_or("", |(p, _)| p)
}

/// The last segment of a path.
pub(crate) fn base_name(path: &str) -> &str {
    let p = path.trim_end_matches('/');
    p.rsplit_once('/').map_or(p, |(_, n)| n)
}

/// Checks every path: relative, no `..`, no absolute path (an archive may carry them).
fn check_paths(files: &[InputFile]) -> Result<(), AdoptError> {
    for f in files {
        let p = f.path.replace('\\', "/");
        if p.starts_with('/') || p.split('/').any(|s| s == "..") || p.contains(':') && p.chars().nth(1) == Some(':') {
            return Err(AdoptError::new(
                &f.path,
                None,
                "a path that leaves the repository (absolute, or with ..): refused, nothing read",
            ));
        }
    }
    Ok(())
}

/// Reads the tenants of `files`: which kind of source they are, the tenants in order,
/// and the files not read (with why).
pub(crate) fn read(files: &[InputFile]) -> Result<(SourceKind, Vec<Tenant>, Vec<String>), AdoptError> {
    check_paths(files)?;
    if files.iter().all(|f| f.path.ends_with('/')) {
        return Err(AdoptError::new("(sources)", None, "no files: nothing to adopt"));
    }
    let (kind, tenants, skipped) = if genesys::is_genesys(files) {
        let (t, s) = genesys::read(files)?;
        (SourceKind::Genesys, t, s)
    } else {
        // Every YAML document, once: manifests or values files.
        let mut all = Vec::new();
        let mut skipped = Vec::new();
        for f in files.iter().filter(|f| !f.path.ends_with('/')) {
            if is_yaml(&f.path) {
                all.push((f, docs(f)?));
            } else {
                skipped.push(format!("{}: not a YAML file", f.path));
            }
        }
        let is = |d: &Doc, kinds: &[&str]| {
            kinds.contains(&d.kind()) && d.node.get("apiVersion").and_then(Node::as_str).is_some()
        };
        let argo = all.iter().any(|(_, ds)| ds.iter().any(|d| is(d, &["Application", "ApplicationSet"])));
        let flux = all.iter().any(|(_, ds)| ds.iter().any(|d| is(d, &["HelmRelease"])));
        if argo || flux {
            let mut tenants = Vec::new();
            if argo {
                tenants.extend(argocd::read(files, &all)?);
            }
            if flux {
                tenants.extend(flux::read(&all)?);
            }
            unique(&tenants)?;
            for (f, ds) in &all {
                if ds.iter().all(|d| d.kind().is_empty()) {
                    // Values files the manifests name are read through them.
                    if !tenants.iter().any(|t| t.layers.iter().any(|(n, _)| n == &f.path)) {
                        skipped.push(format!("{}: neither a manifest nor a values file a manifest names", f.path));
                    }
                }
            }
            (if argo { SourceKind::ArgoCd } else { SourceKind::Flux }, tenants, skipped)
        } else {
            let tenants = helm_values::read(&all)?;
            (SourceKind::HelmValues, tenants, skipped)
        }
    };
    if tenants.is_empty() {
        return Err(AdoptError::new("(sources)", None, format!("no tenants found in {}", kind.describe())));
    }
    Ok((kind, tenants, skipped))
}

/// Two tenants of one release in one namespace are refused, at the second.
pub(crate) fn unique(tenants: &[Tenant]) -> Result<(), AdoptError> {
    let mut seen: std::collections::HashMap<(String, String), &Tenant> = std::collections::HashMap::new();
    for t in tenants {
        let key = (t.namespace.clone().unwrap_or_default(), t.release.clone().unwrap_or_else(|| t.name.clone()));
        if let Some(first) = seen.get(&key) {
            let (file, line) =
                t.origin.rsplit_once(':').map_or((t.origin.as_str(), None), |(f, l)| (f, l.parse().ok()));
            return Err(AdoptError::new(
                file,
                line.map(|l| (l, 1)),
                format!(
                    "the release {:?}{} is also defined at {}: two definitions of one release; which one runs?",
                    key.1,
                    if key.0.is_empty() { String::new() } else { format!(" in namespace {:?}", key.0) },
                    first.origin
                ),
            ));
        }
        seen.insert(key, t);
    }
    Ok(())
}

use super::{argocd, flux, genesys, helm_values};
