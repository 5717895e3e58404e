//! Everything the portal shows and the command line writes for one configuration:
//! the install artifacts (values file, commands, secrets, map, sizing), computed
//! together, and the operations runbook ([`operations`]), which the portal's worker
//! computes on demand. It sits above [`crate::generate`] and [`crate::operations`], so
//! data flows one way: registry → model → validate / generate / operations →
//! artifacts → the faces.

use crate::generate::{archive, commands, gitops, secrets, sizing, topology, values_yaml};
use crate::model::{not_dns1123_label, Config, Effective};
use crate::validate::{Finding, Severity};

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
    /// The hosts of the map's dependencies, by component name.
    pub hosts: Vec<(&'static str, String)>,
    /// Requests and limits.
    pub sizing: sizing::Sizing,
    /// The Git delivery's files (Argo CD, Flux, Genesys pipeline): `None` in Script mode
    /// and from [`artifacts`]; `delivery::with_gitops` computes them (with the
    /// mode's generators, which sit above this module).
    pub gitops: Option<gitops::Tree>,
    /// Whether the values file holds a credential (chart-made DB secrets, a password key).
    pub values_hold_secrets: bool,
}

/// The folder (and `.tar` name) of a download: the release name when it is a valid
/// release name, else `ixn`, so that typed text never becomes a path (`..`, `a/b`,
/// `ixn-<sid>`).
pub fn download_folder(release: &str) -> &str {
    if not_dns1123_label(release, 53).is_none() {
        release
    } else {
        "ixn"
    }
}

impl Artifacts {
    /// Every file a user downloads, under a folder named after the release: in Script
    /// mode the values, `deploy.sh` and `secrets.json`; in a Git delivery mode the Git
    /// tree under `git/` (as it sits in the repository) and `seed-secret-store.sh`
    /// beside it, out of the tree. Files that hold secrets are readable by their owner
    /// only (0600, scripts 0700).
    pub fn files(&self, release: &str) -> Vec<archive::File> {
        self.tree(release, crate::chart::VALUES_SCHEMA).into_folder()
    }

    /// The download's tree for `release` ([`Artifacts::files`], relative to its
    /// folder), with `schema` as values.schema.json: the portal fetches the committed
    /// file (it is [`crate::chart::VALUES_SCHEMA`]) when the user downloads, so that
    /// its text is not in the first load.
    pub fn tree(&self, release: &str, schema: &str) -> archive::Tree {
        let file = |name: &str, data: &str, executable, secret| archive::File {
            name: name.to_string(),
            data: data.as_bytes().to_vec(),
            executable,
            secret,
        };
        let files = if let Some(tree) = &self.gitops {
            let mut out: Vec<archive::File> =
                tree.files.iter().map(|f| file(&format!("git/{}", f.path), &f.text, f.executable, false)).collect();
            out.push(file(gitops::SEED_FILE, &tree.seed, true, true));
            out
        } else {
            vec![
                file(commands::VALUES_FILE, &self.values_yaml, false, self.values_hold_secrets),
                file("deploy.sh", &self.commands.script(), true, true),
                file("secrets.json", &self.secret_manifests, false, true),
                // Beside the values file: the editors' `$schema=` line and a chart's own
                // copy name it so.
                file(crate::chart::SCHEMA_FILE, schema, false, false),
            ]
        };
        archive::Tree { folder: download_folder(release).to_string(), files }
    }
}

/// What "Download everything" gives: the folder (and `.tar`) name and every file under
/// it, a [`archive::Tree`]. The portal's button and the command line's `render` and
/// `batch` all get their files from `delivery::download` and write them through the tree's
/// sinks, so they cannot drift apart.
pub type Download = archive::Tree;

impl archive::Tree {
    /// The download of artifacts already computed for `cfg` (with the real secrets),
    /// with `schema` as values.schema.json (see [`Artifacts::tree`]: the portal fetches
    /// that file, so its text is not in the first load). Without their Git tree
    /// (`delivery::with_gitops`) it is Script mode's files.
    pub fn of(cfg: &Config, a: &Artifacts, schema: &str) -> Download {
        a.tree(&crate::model::release_name(cfg), schema)
    }
}

/// Preflight, verification, troubleshooting, lifecycle and monitoring for `cfg`: the
/// Operations tab. Not part of [`Artifacts`]: the page asks its worker for them when
/// the tab opens, so that the runbook is not in the first load.
pub fn operations(cfg: &Config) -> Vec<crate::operations::Section> {
    let effective = Effective::of(cfg);
    let real = Effective::real_given(cfg, &effective);
    crate::operations::operations(cfg, &effective, &real)
}

/// Computes every artifact for `cfg` but the Git tree (see `delivery::with_gitops`); its
/// errors guard the deploy script.
pub fn artifacts(cfg: &Config, opts: values_yaml::ValuesOptions) -> Artifacts {
    let findings = crate::validate::findings(cfg);
    artifacts_given(cfg, opts, &findings)
}

/// [`artifacts`], given the findings of the user's configuration (which the portal
/// has already, and passes for the masked copy it shows too). In a Git delivery every
/// artifact is made from the answers as Git takes them ([`gitops::delivery_answers`]),
/// so the values shown, copied and downloaded are the ones that go to Git.
pub fn artifacts_given(cfg: &Config, opts: values_yaml::ValuesOptions, findings: &[Finding]) -> Artifacts {
    let cfg = gitops::delivery_answers(cfg);
    let effective = Effective::of(&cfg);
    let real = Effective::real_given(&cfg, &effective).into_owned();
    artifacts_from(&cfg, opts, effective, real, findings)
}

fn artifacts_from(
    cfg: &Config,
    opts: values_yaml::ValuesOptions,
    effective: Effective,
    real: Effective,
    findings: &[Finding],
) -> Artifacts {
    // The values file of the delivery: in a Git delivery, the one that goes to Git.
    let vcfg = gitops::values_answers(cfg);
    let veff = match &vcfg {
        std::borrow::Cow::Borrowed(_) => None,
        std::borrow::Cow::Owned(v) => Some(Effective::of(v)),
    };
    let veff_ref = veff.as_ref().unwrap_or(&effective);
    let values_yaml = values_yaml::values_yaml(&vcfg, veff_ref, opts);
    let mut commands = commands::commands(cfg, &effective, &real, &values_yaml);
    commands.errors = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| format!("{}: {}", f.path, f.message))
        .collect();
    let secret_manifests = secrets::manifest_list(&secrets::secret_specs(cfg, &real), &cfg.deploy.namespace);
    // The map and the sizing describe the running deployment: real values, not `${VAR}`s.
    let connections = topology::connections(cfg, &real);
    let hosts = topology::hosts(cfg, &real);
    let sizing = sizing::sizing(&real);
    // The file holds a credential when one of its keys is a secret one that is set.
    let values_hold_secrets = crate::registry::KEYS.iter().filter(|k| k.secret()).any(|k| {
        veff_ref.get(k).is_some_and(|v| {
            !matches!(v, crate::model::Value::Null) && v.to_node() != crate::yaml::Node::Str(String::new())
        })
    });
    Artifacts {
        effective,
        values_yaml,
        commands,
        secret_manifests,
        connections,
        hosts,
        sizing,
        gitops: None,
        values_hold_secrets,
    }
}

#[cfg(test)]
#[path = "../tests/common/tenant.rs"]
mod test_tenant;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Config;
    use crate::registry::keys;

    use super::test_tenant as tenant;

    /// The shared complete tenant with every secret set to a recognisable `S3cret-…`.
    fn with_every_secret(placeholders: bool) -> Config {
        let mut cfg = tenant::every_secret_set();
        cfg.deploy.placeholders = placeholders;
        cfg
    }

    #[test]
    fn masked_hides_every_secret_in_every_artifact() {
        let cfg = with_every_secret(false);
        let a = artifacts(&cfg.masked("••••"), Default::default());
        let all = format!("{}{}{}", a.values_yaml, a.commands.script(), a.secret_manifests);
        assert!(!all.contains("S3cret"), "{all}");
        assert!(all.contains("••••"));
    }

    // The portal draws the map and the sizing from the masked artifacts, so secrets
    // must not change them; the operations it shows must be masked too.
    #[test]
    fn map_and_sizing_hold_no_secrets_and_shown_operations_are_masked() {
        for placeholders in [false, true] {
            let mut cfg = with_every_secret(placeholders);
            cfg.deploy.drop_databases = true;
            let real = artifacts(&cfg, Default::default());
            let masked = artifacts(&cfg.masked("••••"), Default::default());
            assert_eq!(real.connections, masked.connections);
            assert_eq!(real.hosts, masked.hosts);
            assert_eq!(real.sizing, masked.sizing);
            assert!(!format!("{:?}", operations(&cfg.masked("••••"))).contains("S3cret"));
        }
    }

    #[test]
    fn the_download_is_the_artifacts_files_under_the_release_folder() {
        let mut cfg = Config::guide_sample();
        // Script mode: the download is the artifacts' (no Git tree).
        let download = |cfg: &Config, opts| Download::of(cfg, &artifacts(cfg, opts), crate::chart::VALUES_SCHEMA);
        let d = download(&cfg, Default::default());
        assert_eq!(d.folder, "ixn-100");
        assert_eq!(d.tar_name(), "ixn-100.tar");
        assert_eq!(d.clone().into_folder(), artifacts(&cfg, Default::default()).files("ixn-100"));
        let names: Vec<&str> = d.relative().map(|(n, _)| n).collect();
        assert_eq!(names, ["override_values.yaml", "deploy.sh", "secrets.json", "values.schema.json"]);
        assert_eq!(d.tar(), archive::tar_under("ixn-100", &d.files));
        // Typed text never becomes a path.
        for release in ["../etc", "a/b", "", "UPPER"] {
            cfg.deploy.release = release.into();
            cfg.values.set(keys::TENANT_SID, crate::model::Value::Str(String::new()));
            assert_eq!(download(&cfg, Default::default()).folder, "ixn", "{release:?}");
        }
    }
}
