//! `override_values.yaml`: minimal (what differs from the chart, plus what is required,
//! as the guide recommends) or full.

use crate::model::{Config, Effective, Source};
use crate::registry::KEYS;
use crate::yaml::{to_yaml, EmitOptions, Node};
use serde::{Deserialize, Serialize};

/// Which keys the file carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Form {
    /// Only what differs from the chart defaults, plus required keys.
    #[default]
    Minimal,
    /// Every key the chart documents.
    Full,
}

/// How to write the values file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ValuesOptions {
    /// Minimal or full.
    pub form: Form,
    /// helm-docs style `# --` comments from the guide.
    pub comments: bool,
    /// Open the file with `# yaml-language-server: $schema=values.schema.json`, so that
    /// editors using it check and complete the file against the schema beside it.
    #[serde(default)]
    pub schema_line: bool,
}

/// The first line that points editors at the schema (see [`ValuesOptions::schema_line`]).
pub const SCHEMA_LINE: &str = "# yaml-language-server: $schema=values.schema.json\n";

/// The text shown for a required value that is missing, so that the file is visibly
/// incomplete rather than silently empty.
pub fn missing_marker(path: &str) -> String {
    format!("<required: {path}>")
}

/// The values tree for `cfg`.
pub fn values_tree(cfg: &Config, eff: &Effective, opts: ValuesOptions) -> Node {
    // Built by key, not by scanning: a file may bring tens of thousands of unknown keys.
    let mut root = crate::yaml::TreeBuilder::default();
    for ((def, default), resolved) in KEYS.iter().zip(cfg.chart.default_nodes()).zip(eff.items()) {
        // A key the user's chart does not have is left out unless they keep it.
        if cfg.chart.leaves_out(def) {
            continue;
        }
        let resolved = resolved.as_ref();
        let node = match resolved {
            Some(r) if def.required() && r.value.is_missing() => Node::Str(missing_marker(def.path)),
            None if def.required() => Node::Str(missing_marker(def.path)),
            None => continue,
            Some(r) => {
                let node = r.value.to_node();
                let differs = default.as_ref() != Some(&node);
                let keep = match opts.form {
                    Form::Full => true,
                    Form::Minimal => r.source != Source::ChartDefault && differs || def.required(),
                };
                if !keep {
                    continue;
                }
                node
            }
        };
        let path: Vec<&str> = def.path.split('.').collect();
        root.insert(&path, node, Some(def.help));
    }
    // Keys the registry does not know go back as they came.
    for u in &cfg.unknown {
        let path: Vec<&str> = u.path.iter().map(String::as_str).collect();
        root.insert(&path, u.value.clone(), None);
    }
    root.build()
}

/// The values file as YAML text.
pub fn values_yaml(cfg: &Config, eff: &Effective, opts: ValuesOptions) -> String {
    let tree = values_tree(cfg, eff, opts);
    let mut out = String::new();
    if opts.schema_line {
        out.push_str(SCHEMA_LINE);
    }
    out.push_str("# IXN override_values.yaml, written by the IXN configuration portal.\n");
    if !eff.exports.is_empty() {
        out.push_str("# Holds ${VAR} placeholders: run envsubst as the commands show before helm.\n");
    }
    out.push_str(&to_yaml(&tree, EmitOptions { comments: opts.comments }));
    out
}
