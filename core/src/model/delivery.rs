//! The delivery modes as the form and the validation know them: each mode's id, its
//! choice texts, the context fields it shows and the ones it cannot do without.
//!
//! What a mode makes (its tree, its share of a batch) is its module in
//! `crate::delivery`, one row of `crate::delivery::MODES`. What is here sits in the
//! model because the layers below the generators read it: the deployment context holds
//! a [`Delivery`], the form (the context fields' `applies`) and the validation decide
//! by it, and none of them may import the generators' layer, which imports them. So a
//! mode is its variant here, with its [`ModeForm`], plus its module and row there.

use serde::{Deserialize, Serialize};

/// What the form and the validation know of one delivery mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ModeForm {
    /// Its id: the profile's and the form's text for it (`deploy.delivery`).
    pub id: &'static str,
    /// The form's choice text.
    pub label: &'static str,
    /// The GitOps tab's choice text.
    pub choice: &'static str,
    /// It writes a Git tree: the Git settings, the secret store and the checks every
    /// Git delivery shares apply.
    pub git: bool,
    /// The context fields only some modes show, that this one shows.
    pub fields: &'static [&'static str],
    /// The fields it cannot do without, in the order they are checked, each with what
    /// it is ("Enter {what}." when empty).
    pub needs: &'static [(&'static str, &'static str)],
    /// Its controller pulls the chart itself, so a chart on this disk never reaches it.
    pub pulls_chart: bool,
    /// The warning when no chart version is pinned (Git modes).
    pub unpinned: &'static str,
}

impl ModeForm {
    /// Whether the field named `name` is shown in this mode: the fields no mode owns
    /// always are (their own `applies` still decides).
    pub fn shows(&self, name: &str) -> bool {
        self.fields.contains(&name) || !Delivery::ALL.iter().any(|d| d.form().fields.contains(&name))
    }
}

/// The fields of the External Secrets store, which every Git mode shows.
const STORE: [&str; 10] = [
    "deploy.secretStore",
    "store.prefix",
    "store.serviceAccount",
    "store.gcpProject",
    "store.keyVault",
    "store.vaultServer",
    "store.vaultMount",
    "store.vaultAuthMount",
    "store.vaultRole",
    "deploy.secretsFrom",
];

/// The two lists joined, at compile time.
const fn join<const N: usize>(a: &[&'static str], b: &[&'static str]) -> [&'static str; N] {
    let mut out = [""; N];
    let mut i = 0;
    while i < a.len() {
        out[i] = a[i];
        i += 1;
    }
    while i < N {
        out[i] = b[i - a.len()];
        i += 1;
    }
    out
}

const UNPINNED: &str = "no chart version: the latest is installed, and changes with it";

const SCRIPT: ModeForm = ModeForm {
    id: "script",
    label: "Script (commands from a terminal)",
    choice: "Script (see Commands)",
    git: false,
    fields: &["deploy.verifyChart"],
    needs: &[],
    pulls_chart: false,
    unpinned: "",
};

const ARGOCD: ModeForm = ModeForm {
    id: "argocd",
    label: "Argo CD Application",
    choice: "Argo CD",
    git: true,
    fields: &join::<17>(
        &STORE,
        &[
            "gitops.repoUrl",
            "gitops.revision",
            "gitops.path",
            "gitops.valuesIn",
            "gitops.sync",
            "argocd.namespace",
            "argocd.project",
        ],
    ),
    needs: &[
        ("gitops.repoUrl", "the Git repository Argo CD reads these files from"),
        ("argocd.namespace", "Argo CD's namespace"),
        ("argocd.project", "the Argo CD project"),
        ("gitops.revision", "the branch, tag or commit Argo CD follows"),
    ],
    pulls_chart: true,
    unpinned: UNPINNED,
};

const FLUX: ModeForm = ModeForm {
    id: "flux",
    label: "Flux HelmRelease",
    choice: "Flux",
    git: true,
    fields: &join::<13>(&STORE, &["gitops.path", "gitops.sync", "flux.source"]),
    needs: &[("flux.source", "the Flux GitRepository of this repository")],
    pulls_chart: true,
    unpinned: UNPINNED,
};

const GENESYS: ModeForm = ModeForm {
    id: "genesys",
    label: "Genesys pipeline (multicloud-services layout)",
    choice: "Genesys pipeline",
    git: true,
    // The two deliveries that run helm themselves check the chart's output: deploy.sh
    // and Genesys' workflow.
    fields: &join::<11>(&STORE, &["deploy.verifyChart"]),
    needs: &[],
    pulls_chart: false,
    unpinned: "chart.ver is empty, so the latest chart is installed",
};

#[cfg(feature = "example-mode")]
const EXAMPLE: ModeForm = ModeForm {
    id: "example",
    label: "Example (test only): the values file in Git",
    choice: "Example",
    git: true,
    fields: &join::<11>(&STORE, &["gitops.path"]),
    needs: &[("gitops.path", "the folder of the tenant's values file")],
    pulls_chart: true,
    unpinned: UNPINNED,
};

/// Declares [`Delivery`] from its variants and their forms, so that a mode is one line
/// here (and its form); `Variant cfg(…) => FORM` declares one only under that cfg.
macro_rules! deliveries {
    ($($(#[$attr:meta])* $variant:ident $(cfg($cfg:meta))? => $form:expr),+ $(,)?) => {
        /// How the tenant reaches the cluster (`deploy.delivery`).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
        #[serde(rename_all = "lowercase")]
        pub enum Delivery {
            $($(#[cfg($cfg)])? $(#[$attr])* $variant,)+
        }

        impl Delivery {
            /// Every mode, in the order the choices list them.
            pub const ALL: &'static [Delivery] = &[$($(#[cfg($cfg)])? Delivery::$variant,)+];

            /// What the form and the validation know of it.
            pub const fn form(self) -> &'static ModeForm {
                match self {
                    $($(#[cfg($cfg)])? Delivery::$variant => &$form,)+
                }
            }
        }
    };
}

deliveries! {
    /// The commands, run from a terminal (`deploy.sh`).
    #[default]
    Script => SCRIPT,
    /// An Argo CD `Application` (and, for a batch, an `ApplicationSet`).
    Argocd => ARGOCD,
    /// A Flux `HelmRepository` and `HelmRelease`, ordered by Flux `Kustomization`s.
    Flux => FLUX,
    /// The folder layout genesys/multicloud-services' workflow deploys.
    Genesys => GENESYS,
    /// The test-only fifth mode (`crate::delivery::example`), only with the feature: the
    /// macro puts the `cfg(…)` on the variant, its form and `ALL` alike.
    Example cfg(feature = "example-mode") => EXAMPLE,
}

impl Delivery {
    /// The choice as text (`script`, `argocd`…), as serde writes it.
    pub const fn as_str(self) -> &'static str {
        self.form().id
    }

    /// The mode a text names; other text is Script, as a form with a fixed option list
    /// never sends it.
    pub fn parse(text: &str) -> Delivery {
        Delivery::ALL.iter().copied().find(|d| d.as_str() == text).unwrap_or_default()
    }
}

/// The form's choices of `deploy.delivery`: each mode's id and label.
pub const CHOICES: [(&str, &str); Delivery::ALL.len()] = {
    let mut out = [("", ""); Delivery::ALL.len()];
    let mut i = 0;
    while i < out.len() {
        let f = Delivery::ALL[i].form();
        out[i] = (f.id, f.label);
        i += 1;
    }
    out
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_mode_reads_back_from_its_id_which_is_its_serde_name() {
        for &d in Delivery::ALL {
            assert_eq!(Delivery::parse(d.as_str()), d);
            assert_eq!(serde_json::to_value(d).unwrap(), serde_json::Value::String(d.as_str().into()));
        }
        assert_eq!(Delivery::parse("nonsense"), Delivery::Script);
    }

    #[test]
    fn every_field_a_mode_names_is_a_context_field() {
        for &d in Delivery::ALL {
            let f = d.form();
            for name in f.fields.iter().chain(f.needs.iter().map(|(n, _)| n)) {
                assert!(super::super::context_field(name).is_some(), "{}: {name}", f.id);
            }
            for (name, _) in f.needs {
                assert!(f.fields.contains(name), "{}: {name} is needed but not shown", f.id);
            }
        }
    }
}
