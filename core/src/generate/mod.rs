//! Every artifact the portal shows, each a pure, deterministic function of the model.

pub mod archive;
pub mod commands;
pub mod helm;
pub mod secrets;
pub mod shell;
pub mod sizing;
pub mod sql;
pub mod topology;
pub mod values_yaml;

use crate::model::{Config, Effective};

/// Every artifact for one configuration, computed together (the effective values and
/// the YAML are shared by the others).
#[derive(Debug, Clone, PartialEq)]
pub struct Artifacts {
    /// The effective values.
    pub effective: Effective,
    /// `override_values.yaml`.
    pub values_yaml: String,
    /// The commands.
    pub commands: commands::Commands,
    /// The secrets, as one JSON `List` manifest (`kubectl apply -f` creates them all).
    pub secret_manifests: String,
    /// The connection map data.
    pub connections: Vec<topology::Connection>,
    /// Requests and limits.
    pub sizing: sizing::Sizing,
    /// Preflight, verification, troubleshooting, lifecycle and monitoring.
    pub operations: Vec<crate::operations::Section>,
}

/// The folder (and `.tar` name) of a download: the release name when it is a valid
/// release name, else `ixn`, so that typed text never becomes a path (`..`, `a/b`,
/// `ixn-<sid>`).
pub fn download_folder(release: &str) -> &str {
    if crate::validate::dns1123_label(release, 53).is_none() {
        release
    } else {
        "ixn"
    }
}

impl Artifacts {
    /// Every file a user downloads, under a folder named after the release.
    pub fn files(&self, release: &str) -> Vec<archive::File> {
        let dir = download_folder(release);
        let file = |name: &str, data: &str, executable| archive::File {
            name: format!("{dir}/{name}"),
            data: data.as_bytes().to_vec(),
            executable,
        };
        vec![
            file(commands::VALUES_FILE, &self.values_yaml, false),
            file("deploy.sh", &self.commands.script(), true),
            file("secrets.json", &self.secret_manifests, false),
        ]
    }
}

/// Computes every artifact for `cfg`.
pub fn artifacts(cfg: &Config, opts: values_yaml::ValuesOptions) -> Artifacts {
    let effective = Effective::of(cfg);
    let real = Effective::real_given(cfg, &effective).into_owned();
    let values_yaml = values_yaml::values_yaml(cfg, &effective, opts);
    let commands = commands::commands(cfg, &effective, &real, &values_yaml);
    let secret_manifests = secrets::manifest_list(&secrets::secret_specs(cfg, &real), &cfg.deploy.namespace);
    // The map and the sizing describe the running deployment: real values, not `${VAR}`s.
    let connections = topology::connections(cfg, &real);
    let sizing = sizing::sizing(&real);
    let operations = crate::operations::operations(cfg, &effective, &real);
    Artifacts { effective, values_yaml, commands, secret_manifests, connections, sizing, operations }
}
