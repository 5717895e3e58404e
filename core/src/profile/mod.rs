//! The portal's own answers as a versioned profile: for browser storage, for share
//! links, and as a YAML or JSON file teams keep in git (documented in the README).
//!
//! A profile is `{format, version, secrets, values, deploy, typed}`: `values` is a Helm
//! values tree of exactly what the user set (unknown keys included), `deploy` the
//! deployment context, and `typed` the fields the tree does not give back as typed (a
//! comment in a YAML mapping, `08080` for a port, two rows with one name). Loading goes
//! through the importer, so it is validated the same way. Secrets are left out unless
//! asked for.

mod json;
pub mod link;

pub use json::{from_json, to_json};
pub use link::{broken_link, decode_link, encode_link, fragment, link_config, link_deflated, link_json, MAX_INFLATED};

use crate::import::{import, SourceFile};
use crate::model::{chart_name, ChartSource, Config, DbTls, Deployment, Input, RedisNode, Term, Value, VolumeMount};
use crate::registry::{key, Kind, KEYS};
use crate::yaml::{read_yaml, to_yaml, EmitOptions, Node, ReadError};
use serde::{Deserialize, Serialize};
use serde_json::Value as Json;

/// The `format` field every profile carries.
pub const FORMAT: &str = "ixn-portal-profile";
/// The version this portal writes.
pub const VERSION: u32 = 1;

/// A profile, as stored and exchanged.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Profile {
    /// Always [`FORMAT`].
    pub format: String,
    /// The layout version.
    pub version: u32,
    /// Whether credentials are included.
    #[serde(default)]
    pub secrets: bool,
    /// What the user set, as a Helm values tree.
    #[serde(default)]
    pub values: Json,
    /// The deployment context.
    #[serde(default)]
    pub deploy: Deployment,
    /// Key path → the field as typed, where `values` alone would give back something
    /// else: the text of a text field, or a row list's rows (`[[name, value], …]`,
    /// mounts `[[name, path, readOnly], …]`, Redis `[[host, port, cluster], …]`).
    /// Loading puts it back in the form.
    // A JSON object rather than a typed map: serde_json's own map code is in the wasm
    // already, where a `BTreeMap<String, String>` field added 4 KB brotli of map code.
    #[serde(default, skip_serializing_if = "Json::is_null")]
    pub typed: Json,
    /// The user's own chart values this profile works against, by digest (the file
    /// itself stays with the user: loading asks for it again).
    #[serde(default, skip_serializing_if = "ChartPin::is_empty")]
    pub chart: ChartPin,
}

/// Which chart values file a profile was made against.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ChartPin {
    /// `sha256:<hex>` of the file (`helm show values` output or the chart's values.yaml).
    pub digest: String,
    /// Registry keys the chart does not have that the user keeps in the output.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub keep: Vec<String>,
}

impl ChartPin {
    /// Whether the profile works against the guide's chart.
    pub fn is_empty(&self) -> bool {
        self.digest.is_empty() && self.keep.is_empty()
    }
}

/// Why a profile (a file or a share link) could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProfileError {
    /// The text is neither YAML nor JSON; the reader's error holds the line and column.
    Unreadable(ReadError),
    /// The document is not a mapping.
    NotAMapping,
    /// A mapping without `format: ixn-portal-profile`: another program's file.
    Foreign,
    /// Made by a newer portal, with a layout this one does not know.
    Newer {
        /// The profile's version.
        version: u64,
    },
    /// A field has the wrong shape (serde's message names it).
    Fields(String),
    /// The values do not import (the importer's message, with line and column).
    Values(String),
    /// A share link that does not decode, and why.
    BrokenLink(String),
}

impl std::fmt::Display for ProfileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ProfileError::Unreadable(e) => write!(f, "not readable: {e}"),
            ProfileError::NotAMapping => f.write_str("this is not a portal profile (not a mapping)"),
            ProfileError::Foreign => {
                f.write_str("this is not an IXN portal profile (no \"format: ixn-portal-profile\")")
            }
            ProfileError::Newer { version } => write!(
                f,
                "this profile is version {version}, made by a newer portal; this one reads up to version {VERSION}"
            ),
            ProfileError::Fields(e) => write!(f, "its fields do not read: {e}"),
            ProfileError::Values(e) => write!(f, "its values do not read: {e}"),
            ProfileError::BrokenLink(why) => {
                write!(f, "this link is broken or was changed ({why}); nothing was loaded")
            }
        }
    }
}

impl std::error::Error for ProfileError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ProfileError::Unreadable(e) => Some(e),
            _ => None,
        }
    }
}

/// The values tree of what the user set: registry keys and unknown keys. With
/// `skip_defaults`, values equal to the chart default are left out (share links).
fn user_tree(cfg: &Config, with_secrets: bool, skip_defaults: bool) -> Node {
    let mut root = Node::map();
    for (def, v) in cfg.values.iter() {
        if def.secret() && !with_secrets {
            continue;
        }
        // Against the chart the user works with: a link loads back with that file.
        let default = crate::registry::index_of(def.path).and_then(|i| cfg.chart.defaults()[i].as_ref());
        if skip_defaults && default.map(|d| d.to_node()) == Some(v.to_node()) {
            continue;
        }
        let path: Vec<&str> = def.path.split('.').collect();
        root.insert(&path, v.to_node(), None);
    }
    for u in &cfg.unknown {
        let path: Vec<&str> = u.path.iter().map(String::as_str).collect();
        root.insert(&path, u.value.clone(), None);
    }
    root
}

/// A field's text as typed, for the values that have one.
fn typed_text(v: &Value) -> Option<&str> {
    match v {
        Value::DbTls(DbTls::Custom(input)) => Some(input.raw()),
        v => v.text(),
    }
}

/// A row list's rows, as typed: the tree form keys some lists by name (an object
/// keeps one row of each name) and writes a valid port as a number (`007` → 7).
fn typed_rows(v: &Value) -> Option<Json> {
    let s = |t: &String| Json::String(t.clone());
    Some(Json::Array(match v {
        Value::Map(rows) | Value::Jvm(rows) => rows.iter().map(|(k, v)| Json::Array(vec![s(k), s(v)])).collect(),
        Value::Mounts(m) => {
            m.iter().map(|m| Json::Array(vec![s(&m.name), s(&m.mount_path), Json::Bool(m.read_only)])).collect()
        }
        Value::Redis(nodes) => nodes
            .iter()
            .map(|n| Json::Array(vec![s(&n.host), Json::from(n.port.raw()), n.cluster.map_or(Json::Null, Json::Bool)]))
            .collect(),
        _ => return None,
    }))
}

/// Whether the values tree loses some of these rows: a JSON object keeps one row of
/// each name, and a valid port is written as a number (`007` comes back `7`). The
/// property tests in `tests/profile.rs` hold this to what a reload gives back.
fn rows_lost(v: &Value) -> bool {
    // serde_json's map is in the wasm already; no new set or sort code for this.
    fn repeated<'a>(mut names: impl Iterator<Item = &'a String>) -> bool {
        let mut seen = serde_json::Map::new();
        names.any(|n| seen.insert(n.clone(), Json::Null).is_some())
    }
    match v {
        Value::Map(rows) | Value::Jvm(rows) => repeated(rows.iter().map(|(name, _)| name)),
        Value::Mounts(mounts) => repeated(mounts.iter().map(|m| &m.name)),
        Value::Redis(nodes) => {
            nodes.iter().any(|n| matches!(n.port.term(), Ok(Term::Lit(p)) if n.port.raw() != p.get().to_string()))
        }
        _ => false,
    }
}

/// Reads [`typed_rows`] back as a value of `kind`.
fn rows_value(kind: Kind, rows: &[Json]) -> Option<Value> {
    let cell = |r: &Json, i: usize| r.get(i).and_then(Json::as_str).map(str::to_string);
    Some(match kind {
        Kind::Map | Kind::Jvm => {
            let pairs = rows.iter().map(|r| Some((cell(r, 0)?, cell(r, 1)?))).collect::<Option<Vec<_>>>()?;
            if kind == Kind::Map {
                Value::Map(pairs)
            } else {
                Value::Jvm(pairs)
            }
        }
        Kind::Mounts => Value::Mounts(
            rows.iter()
                .map(|r| {
                    Some(VolumeMount { name: cell(r, 0)?, mount_path: cell(r, 1)?, read_only: r.get(2)?.as_bool()? })
                })
                .collect::<Option<Vec<_>>>()?,
        ),
        Kind::RedisNodes => Value::Redis(
            rows.iter()
                .map(|r| {
                    let cluster = r.get(2).and_then(Json::as_bool);
                    Some(RedisNode { host: cell(r, 0)?, port: Input::new(cell(r, 1)?), cluster })
                })
                .collect::<Option<Vec<_>>>()?,
        ),
        _ => return None,
    })
}

/// The fields the values tree does not give back as typed: what is typed must come
/// back as typed, even a half-written mapping, a comment in it, or two rows of one name.
fn typed_fields(cfg: &Config, with_secrets: bool) -> Json {
    let mut typed = serde_json::Map::new();
    for (def, v) in cfg.values.iter().filter(|(def, _)| with_secrets || !def.secret()) {
        let field = if let Some(raw) = typed_text(v) {
            let back = Value::from_node(def.kind, &v.to_node()).ok();
            if back.as_ref().and_then(typed_text) == Some(raw) {
                continue;
            }
            Json::String(raw.to_string())
        } else if let Some(rows) = typed_rows(v).filter(|_| rows_lost(v)) {
            rows
        } else {
            continue;
        };
        typed.insert(def.path.to_string(), field);
    }
    if typed.is_empty() {
        Json::Null
    } else {
        Json::Object(typed)
    }
}

impl Profile {
    /// The profile of `cfg`; credentials only when `with_secrets`.
    pub fn of(cfg: &Config, with_secrets: bool) -> Profile {
        Profile {
            format: FORMAT.into(),
            version: VERSION,
            secrets: with_secrets,
            values: to_json(&user_tree(cfg, with_secrets, false)),
            deploy: if with_secrets { cfg.deploy.clone() } else { cfg.deploy.masked("") },
            typed: typed_fields(cfg, with_secrets),
            chart: ChartPin { digest: cfg.chart.digest.clone(), keep: cfg.chart.keep.clone() },
        }
    }

    /// The smallest profile that loads back to the same non-secret answers: values
    /// equal to the chart default and context fields equal to their default are left
    /// out (loading fills them in again). For share links.
    pub fn compact(cfg: &Config) -> Json {
        let mut p = Profile::of(cfg, false);
        p.values = to_json(&user_tree(cfg, false, true));
        let mut json = serde_json::to_value(&p).expect("json");
        let defaults = serde_json::to_value(Deployment::default()).expect("json");
        if let (Some(Json::Object(d)), Json::Object(def)) = (json.get_mut("deploy"), defaults) {
            d.retain(|k, v| def.get(k) != Some(v));
        }
        if let Json::Object(o) = &mut json {
            o.remove("secrets");
        }
        json
    }

    /// The configuration the profile describes.
    pub fn to_config(&self) -> Result<Config, ProfileError> {
        let text = serde_json::to_string(&self.values).expect("json");
        let mut base = Config { deploy: self.deploy.clone(), ..Config::default() };
        base.chart.digest.clone_from(&self.chart.digest);
        base.chart.keep.clone_from(&self.chart.keep);
        // JSON is YAML, so the importer reads it with the same rules and limits.
        let (mut cfg, _) = import(&base, &[SourceFile { name: "profile values", text: &text }])
            .map_err(|e| ProfileError::Values(e.message))?;
        for (path, field) in self.typed.as_object().into_iter().flatten() {
            // Only fields this portal has, and no credential a profile says it lacks;
            // anything else that does not read is left as the values give it.
            let Some(def) = key(path).filter(|d| self.secrets || !d.secret()) else { continue };
            match (def.kind, field) {
                (Kind::DbTls, Json::String(raw)) => {
                    cfg.values.set(def, Value::DbTls(DbTls::Custom(Input::new(raw.as_str()))))
                }
                // A text a field of this kind does not take is left as the values give it.
                (_, Json::String(raw)) => cfg.values.set_text(def, raw).unwrap_or(()),
                (kind, Json::Array(rows)) => match rows_value(kind, rows) {
                    Some(v) => cfg.values.set(def, v),
                    None => continue,
                },
                _ => continue,
            };
        }
        Ok(cfg)
    }

    /// As pretty JSON.
    pub fn to_json_text(&self) -> String {
        serde_json::to_string_pretty(self).expect("json")
    }

    /// As YAML.
    pub fn to_yaml_text(&self) -> String {
        let json = serde_json::to_value(self).expect("json");
        let mut out =
            String::from("# IXN configuration portal profile: load it in the portal, or read it with any YAML tool.\n");
        out.push_str(&to_yaml(&from_json(&json), EmitOptions::default()));
        out
    }

    /// Reads a profile from JSON or YAML text, migrating older layouts.
    pub fn parse(text: &str) -> Result<Profile, ProfileError> {
        let node = read_yaml(text, crate::import::LIMITS).map_err(ProfileError::Unreadable)?;
        migrate(to_json(&node))
    }
}

/// Brings any layout this portal ever wrote up to [`VERSION`]; refuses foreign data and
/// newer versions.
pub fn migrate(mut json: Json) -> Result<Profile, ProfileError> {
    let Some(obj) = json.as_object_mut() else {
        return Err(ProfileError::NotAMapping);
    };
    if obj.get("format").and_then(Json::as_str) != Some(FORMAT) {
        return Err(ProfileError::Foreign);
    }
    let version = obj.get("version").and_then(Json::as_u64).unwrap_or(0);
    if version > u64::from(VERSION) {
        return Err(ProfileError::Newer { version });
    }
    if version == 0 {
        // Version 0 (pre-release) kept values as a flat map of dotted paths.
        let flat = obj.remove("values").unwrap_or(Json::Null);
        let mut tree = Node::map();
        if let Json::Object(m) = flat {
            for (path, v) in m {
                if KEYS.iter().any(|k| k.path == path) {
                    let segs: Vec<&str> = path.split('.').collect();
                    tree.insert(&segs, from_json(&v), None);
                }
            }
        }
        obj.insert("values".into(), to_json(&tree));
        obj.insert("version".into(), Json::from(VERSION));
    }
    // Before the one chart source, GitOps had its own chart repository setting.
    let old = obj.get_mut("deploy").and_then(Json::as_object_mut).and_then(|d| d.remove("gitopsChartRepo"));
    let mut profile: Profile = serde_json::from_value(json).map_err(|e| ProfileError::Fields(e.to_string()))?;
    if let Some(Json::String(url)) = old {
        fold_chart_repo(&mut profile.deploy, url.trim());
    }
    Ok(profile)
}

/// Folds an old `gitopsChartRepo` into the chart source, unless that is set to
/// another repository: then the Helm one is kept and the old one reported.
fn fold_chart_repo(d: &mut Deployment, url: &str) {
    let url = url.trim_end_matches('/');
    if url.is_empty() || d.chart_repository().as_deref() == Some(url) {
        return;
    }
    if d.chart_source != ChartSource::Repo || !d.chart_repo_url.trim().is_empty() {
        d.dropped_chart_repo = url.into();
    } else if url.starts_with("oci://") {
        d.chart = format!("{url}/{}", chart_name(&d.chart));
        d.chart_source = ChartSource::Oci;
    } else {
        d.chart_repo_url = url.into();
    }
}

/// Loads a profile text straight into a configuration.
pub fn load(text: &str) -> Result<Config, ProfileError> {
    Profile::parse(text)?.to_config()
}
