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

use crate::import::import_with;
use crate::model::{chart_name, ChartSource, Config, DbTls, Deployment, Input, RedisNode, Value, VolumeMount};
use crate::registry::{key, Kind};
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
    /// A field of the profile that cannot be read as it is, and where it is written.
    Field {
        /// Its path from the top of the profile (`["version"]`, `["deploy", "namespace"]`).
        path: Vec<String>,
        /// What is wrong.
        message: String,
        /// Its line and column (1-based), when read from a text.
        at: Option<crate::yaml::Place>,
    },
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
            ProfileError::Field { path, message, at } => {
                if let Some((line, column)) = at {
                    write!(f, "line {line}, column {column}: ")?;
                }
                write!(f, "{}: {message}", path.join("."))
            }
            ProfileError::Values(e) => write!(f, "its values do not read: {e}"),
            ProfileError::BrokenLink(why) => {
                write!(f, "this link is broken or was changed ({why}); nothing was loaded")
            }
        }
    }
}

impl ProfileError {
    /// A field's error, placed later by [`Profile::parse`].
    fn field(path: &[&str], message: impl Into<String>) -> ProfileError {
        ProfileError::Field { path: path.iter().map(|s| s.to_string()).collect(), message: message.into(), at: None }
    }

    /// Where in the text the error is, for `file:line:column` messages.
    pub fn place(&self) -> Option<crate::yaml::Place> {
        match self {
            ProfileError::Unreadable(e) => e.line.zip(e.column),
            ProfileError::Field { at, .. } => *at,
            _ => None,
        }
    }

    /// The message without its place (which [`ProfileError::place`] gives).
    pub fn message(&self) -> String {
        match self {
            ProfileError::Unreadable(e) if e.line.is_some() => e.message.clone(),
            ProfileError::Field { path, message, at: Some(_) } => {
                ProfileError::Field { path: path.clone(), message: message.clone(), at: None }.to_string()
            }
            e => e.to_string(),
        }
    }

    /// Puts a field's error at its key in `text`.
    fn placed(self, text: &str) -> ProfileError {
        match self {
            ProfileError::Field { path, message, at: None } => {
                let at = crate::yaml::key_places(text, std::slice::from_ref(&path))[0];
                ProfileError::Field { path, message, at }
            }
            e => e,
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
fn user_tree(cfg: &Config, secrets: Secrets, skip_defaults: bool) -> Node {
    // Built by key, not by scanning: a file may bring tens of thousands of unknown keys.
    let mut root = crate::yaml::TreeBuilder::default();
    for (def, v) in cfg.values.iter() {
        if def.secret() && !secrets.keeps(v.text().unwrap_or_default()) {
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
    root.build()
}

/// Which credentials a profile keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Secrets {
    /// Every one.
    All,
    /// Only placeholders (a profile file without `--with-secrets`).
    Placeholders,
    /// None (a share link).
    None,
}

impl Secrets {
    fn keeps(self, text: &str) -> bool {
        match self {
            Secrets::All => true,
            Secrets::Placeholders => is_placeholder_credential(text),
            Secrets::None => false,
        }
    }
}

/// Whether a credential's text is an envsubst placeholder (`${ixn_db_password}`, as
/// Genesys' own values files write them): it names where the secret comes from and is
/// no secret, so a profile keeps it even without credentials.
pub fn is_placeholder_credential(text: &str) -> bool {
    crate::yaml::is_placeholder(text)
}

/// `masked` with the credentials of `full` that are placeholders put back.
fn placeholders_kept(mut masked: Deployment, full: &Deployment) -> Deployment {
    for f in crate::model::secret_fields() {
        let text = (f.get)(full);
        if is_placeholder_credential(&text) {
            (f.set)(&mut masked, &text);
        }
    }
    masked
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
/// each name, and the tree writes a port's meaning, not its text (`007` comes back
/// `7`, `\t$A` comes back `$A`). The property tests in `tests/profile.rs` hold this to
/// what a reload gives back.
fn rows_lost(kind: Kind, v: &Value) -> bool {
    // serde_json's map is in the wasm already; no new set or sort code for this.
    fn repeated<'a>(mut names: impl Iterator<Item = &'a String>) -> bool {
        let mut seen = serde_json::Map::new();
        names.any(|n| seen.insert(n.clone(), Json::Null).is_some())
    }
    let names_lost = match v {
        Value::Map(rows) | Value::Jvm(rows) => repeated(rows.iter().map(|(name, _)| name)),
        Value::Mounts(mounts) => repeated(mounts.iter().map(|m| &m.name)),
        _ => false,
    };
    // Whatever else the tree writes differently from the text (a port's number or
    // placeholder without the spaces around it) is read back from the tree itself,
    // so no kind of cell is missed.
    names_lost || Value::from_node(kind, &v.to_node()).ok().as_ref() != Some(v)
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
fn typed_fields(cfg: &Config, secrets: Secrets) -> Json {
    let mut typed = serde_json::Map::new();
    for (def, v) in cfg.values.iter().filter(|(def, v)| !def.secret() || secrets.keeps(v.text().unwrap_or_default())) {
        let field = if let Some(raw) = typed_text(v) {
            let back = Value::from_node(def.kind, &v.to_node()).ok();
            if back.as_ref().and_then(typed_text) == Some(raw) {
                continue;
            }
            Json::String(raw.to_string())
        } else if let Some(rows) = typed_rows(v).filter(|_| rows_lost(def.kind, v)) {
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
    /// Without credentials, a credential that is a placeholder (`${ixn_db_password}`)
    /// is kept: it is no secret.
    pub fn of(cfg: &Config, with_secrets: bool) -> Profile {
        Profile::of_keeping(cfg, if with_secrets { Secrets::All } else { Secrets::Placeholders })
    }

    fn of_keeping(cfg: &Config, secrets: Secrets) -> Profile {
        let deploy = match secrets {
            Secrets::All => cfg.deploy.clone(),
            Secrets::Placeholders => placeholders_kept(cfg.deploy.masked(""), &cfg.deploy),
            Secrets::None => cfg.deploy.masked(""),
        };
        Profile {
            format: FORMAT.into(),
            version: VERSION,
            secrets: secrets == Secrets::All,
            values: to_json(&user_tree(cfg, secrets, false)),
            deploy,
            typed: typed_fields(cfg, secrets),
            chart: ChartPin { digest: cfg.chart.digest.clone(), keep: cfg.chart.keep.clone() },
        }
    }

    /// The smallest profile that loads back to the same non-secret answers: values
    /// equal to the chart default and context fields equal to their default are left
    /// out (loading fills them in again). For share links.
    pub fn compact(cfg: &Config) -> Json {
        // No credential at all, placeholders neither: a link is shared as it is.
        let mut p = Profile::of_keeping(cfg, Secrets::None);
        p.values = to_json(&user_tree(cfg, Secrets::None, true));
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
        self.to_config_noted().map(|(cfg, _)| cfg)
    }

    /// [`Profile::to_config`], with what of the values the form does not keep (a
    /// Redis node's `password`, say), one sentence each: loading drops it.
    pub fn to_config_noted(&self) -> Result<(Config, Vec<String>), ProfileError> {
        let mut base = Config { deploy: self.deploy.clone(), ..Config::default() };
        base.chart.digest.clone_from(&self.chart.digest);
        base.chart.keep.clone_from(&self.chart.keep);
        // JSON is YAML: the importer takes the values as its reader reads their text
        // (the profile itself was read under the importer's limits).
        let (mut cfg, report) = import_with(&base, vec![("profile values", json::as_read(&self.values))], false)
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
        Ok((cfg, report.not_kept))
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
        Profile::parse_warned(text).map(|(p, _)| p)
    }

    /// [`Profile::parse`], with the fields it ignores: keys a profile does not have
    /// (a misspelt `namepsace:` under `deploy:`), each at its place in `text`.
    pub fn parse_warned(text: &str) -> Result<(Profile, Vec<UnknownField>), ProfileError> {
        let node = read_yaml(text, crate::import::LIMITS).map_err(ProfileError::Unreadable)?;
        let json = to_json(&node);
        let mut unknown = unknown_fields(&json);
        let profile = migrate(json).map_err(|e| e.placed(text))?;
        let places = crate::yaml::key_places(text, &unknown.iter().map(|u| u.path.clone()).collect::<Vec<_>>());
        for (u, at) in unknown.iter_mut().zip(places) {
            u.at = at;
        }
        Ok((profile, unknown))
    }
}

/// A key a profile does not have, which loading ignores.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownField {
    /// Its path from the top of the profile (`["deploy", "namepsace"]`).
    pub path: Vec<String>,
    /// The field it most likely meant (`namespace`).
    pub suggestion: Option<String>,
    /// Its line and column (1-based).
    pub at: Option<crate::yaml::Place>,
}

impl std::fmt::Display for UnknownField {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} is not a field of a profile; it is ignored", self.path.join("."))?;
        if let Some(s) = &self.suggestion {
            let mut meant = self.path.clone();
            meant.pop();
            meant.push(s.clone());
            write!(f, "; did you mean {}?", meant.join("."))?;
        }
        Ok(())
    }
}

/// The top-level fields of a profile.
const TOP_FIELDS: [&str; 7] = ["format", "version", "secrets", "values", "deploy", "typed", "chart"];

/// Keys of the profile's own mappings (the top, `deploy`, `chart`) that no field reads.
/// `values` and `typed` hold any key by design.
fn unknown_fields(json: &Json) -> Vec<UnknownField> {
    let mut out = Vec::new();
    let Some(top) = json.as_object() else { return out };
    let names = |v: Json| -> Vec<String> { v.as_object().map(|o| o.keys().cloned().collect()).unwrap_or_default() };
    // `gitopsChartRepo` is an older layout's, which loading folds into the chart source.
    let mut deploy = names(serde_json::to_value(Deployment::default()).expect("json"));
    deploy.push("gitopsChartRepo".into());
    let chart = ["digest".to_string(), "keep".to_string()];
    let top_names: Vec<String> = TOP_FIELDS.iter().map(|s| s.to_string()).collect();
    let mut check = |under: &[&str], obj: &serde_json::Map<String, Json>, known: &[String]| {
        for k in obj.keys().filter(|k| !known.contains(k)) {
            let mut path: Vec<String> = under.iter().map(|s| s.to_string()).collect();
            let suggestion = crate::import::closest(k, known.iter().map(String::as_str)).map(str::to_string);
            path.push(k.clone());
            out.push(UnknownField { path, suggestion, at: None });
        }
    };
    check(&[], top, &top_names);
    if let Some(d) = top.get("deploy").and_then(Json::as_object) {
        check(&["deploy"], d, &deploy);
    }
    if let Some(c) = top.get("chart").and_then(Json::as_object) {
        check(&["chart"], c, &chart);
    }
    out
}

/// The field that makes `json` not read as a profile, with serde's reason: each field
/// alone (each of `deploy`'s alone) is read until one does not.
fn wrong_field(json: &Json) -> Option<ProfileError> {
    let obj = json.as_object()?;
    for (k, v) in obj {
        if let (true, Some(d)) = (k == "deploy", v.as_object()) {
            for (f, fv) in d {
                let mut one = serde_json::Map::new();
                one.insert(f.clone(), fv.clone());
                // Through a borrow, as `migrate` reads: a second (owned) deserializer of the
                // 62-field `Deployment` would add ~30 KB to the page's wasm.
                if let Err(e) = Deployment::deserialize(&Json::Object(one)) {
                    return Some(ProfileError::field(&["deploy", f], e.to_string()));
                }
            }
        }
        if k == "values" || k == "typed" {
            continue;
        }
        let mut one = serde_json::Map::new();
        one.insert("format".into(), Json::from(FORMAT));
        one.insert("version".into(), Json::from(VERSION));
        one.insert(k.clone(), v.clone());
        if let Err(e) = Profile::deserialize(&Json::Object(one)) {
            return Some(ProfileError::field(&[k], e.to_string()));
        }
    }
    None
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
    let version = version(obj)?;
    if version > u64::from(VERSION) {
        return Err(ProfileError::Newer { version });
    }
    obj.insert("version".into(), Json::from(version));
    if version == 0 {
        // Version 0 (pre-release) kept values as a flat map of dotted paths. A key it
        // did not know is kept as an unknown key, not dropped.
        let flat = obj.remove("values").unwrap_or(Json::Null);
        let mut tree = crate::yaml::TreeBuilder::default();
        if let Json::Object(m) = flat {
            for (path, v) in m {
                let segs: Vec<&str> = path.split('.').collect();
                tree.insert(&segs, from_json(&v), None);
            }
        }
        obj.insert("values".into(), to_json(&tree.build()));
        obj.insert("version".into(), Json::from(VERSION));
    }
    // Before the one chart source, GitOps had its own chart repository setting.
    let old = obj.get_mut("deploy").and_then(Json::as_object_mut).and_then(|d| d.remove("gitopsChartRepo"));
    // Read from a borrow: the profile is read again, field by field, only when it fails.
    let mut profile: Profile = match Profile::deserialize(&json) {
        Ok(p) => p,
        Err(e) => return Err(wrong_field(&json).unwrap_or_else(|| ProfileError::Fields(e.to_string()))),
    };
    if let Some(Json::String(url)) = old {
        fold_chart_repo(&mut profile.deploy, url.trim());
    }
    Ok(profile)
}

/// The layout version of a profile: a whole number, or its text (`"1"`). Without one,
/// the values say: version 0 kept them flat by dotted path, so nested values without a
/// version are refused rather than read as version 0, which would drop them.
fn version(obj: &serde_json::Map<String, Json>) -> Result<u64, ProfileError> {
    let flat = || match obj.get("values") {
        Some(Json::Object(m)) => m.iter().all(|(path, v)| !v.is_object() || key(path).is_some()),
        Some(Json::Null) | None => true,
        Some(_) => false,
    };
    let whole = "a profile's version is a whole number (this portal writes version: 1)";
    let version = match obj.get("version") {
        Some(Json::Number(n)) => n.as_u64().ok_or_else(|| ProfileError::field(&["version"], format!("{n} is not a version: {whole}")))?,
        Some(Json::String(s)) if !s.trim().is_empty() && s.trim().bytes().all(|b| b.is_ascii_digit()) => {
            s.trim().parse().map_err(|_| ProfileError::field(&["version"], format!("{s:?} is not a version: {whole}")))?
        }
        Some(Json::String(s)) => return Err(ProfileError::field(&["version"], format!("{s:?} is not a version: {whole}"))),
        Some(Json::Null) => return Err(ProfileError::field(&["version"], format!("is empty: {whole}"))),
        Some(other) => return Err(ProfileError::field(&["version"], format!("{other} is not a version: {whole}"))),
        None if flat() => 0,
        None => {
            return Err(ProfileError::field(
                &["values"],
                "the profile has no version, and its values are nested as version 1 writes them (version 0 kept them flat); add version: 1",
            ))
        }
    };
    if version == 0 && !flat() {
        return Err(ProfileError::field(
            &["version"],
            "is 0, whose values are flat key paths, but these values are nested as version 1 writes them; is it version: 1?",
        ));
    }
    Ok(version)
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
