//! Verifying the install: pods, rollouts, and the health and metrics endpoints.

use super::{Item, Section};
use crate::generate::commands::release_name;
use crate::generate::shell::{command, quote};
use crate::model::{Config, Effective};
use crate::registry::{keys, KeyDef};

/// A port-forward to `target`, a curl of `path`, and the forward stopped again, also
/// when curl fails (`set -e` would otherwise leave it holding the port). `sed` shows the
/// first lines but reads them all: `head` would close the pipe early, and curl, still
/// writing, would fail the pipeline under `pipefail`. `(exit "$rc")` fails a script and
/// only sets `$?` in an interactive shell.
fn probe(ns: &str, target: &str, port: &str, path: &str) -> String {
    format!(
        "{} &\npf=$!\nsleep 3\nrc=0\ncurl --fail --silent --show-error {} | sed -n '1,20p' || rc=$?\nkill \"$pf\" 2>/dev/null || true\n(exit \"$rc\")",
        command(&["kubectl", "port-forward", "--namespace", ns, target, &format!("{port}:{port}")]),
        quote(&format!("http://127.0.0.1:{port}{path}")),
    )
}

pub(super) fn section(cfg: &Config, real: &Effective) -> Section {
    let ns = cfg.deploy.namespace.as_str();
    let release = release_name(cfg);
    let sidecar = real.bool(keys::IXN_SERVICE_IMAGE_LOG_SIDECAR_ENABLED) == Some(true);
    let sts = format!("{release}-sts");
    let vq = format!("{release}-vqnode-deploy");
    let port = |key: &KeyDef, d: &str| real.port_text(key).unwrap_or_else(|| d.to_string());
    let items = vec![
        Item::check(
            "verify-pods",
            "Both pods are Running and ready",
            format!(
                "Expect {sts}-0 READY {} and {vq}-… READY 3/3, both Running. READY 1/1 means the Consul sidecars were not injected (see Troubleshooting).",
                if sidecar { "5/5 (4 containers + the log sidecar)" } else { "4/4" }
            ),
            command(&["kubectl", "get", "pods", "--namespace", ns]),
        ),
        Item::check(
            "verify-rollout",
            "The rollouts finished",
            "Both commands must end with \"successfully rolled out\".",
            format!(
                "{}\n{}",
                command(&["kubectl", "rollout", "status", &format!("statefulset/{sts}"), "--namespace", ns, "--timeout=4m"]),
                command(&["kubectl", "rollout", "status", &format!("deployment/{vq}"), "--namespace", ns, "--timeout=2m"])
            ),
        ),
        Item::check(
            "verify-ixn-health",
            "IXN Server health and metrics",
            "Prometheus text with ixn_health_info_… lines.",
            probe(ns, &format!("pod/{sts}-0"), &port(keys::IXN_SERVICE_IXN_SERVER_PORTS_HEALTH, "13131"), "/health/prometheus/all"),
        ),
        Item::check(
            "verify-ixn-node-metrics",
            "IXN Node metrics",
            "Prometheus text with ixnnode_… lines.",
            probe(ns, &format!("pod/{sts}-0"), &port(keys::IXN_SERVICE_IXN_NODE_PORTS_DEFAULT, "13133"), "/metrics"),
        ),
        Item::check(
            "verify-vq-node-metrics",
            "VQ Node metrics",
            "Prometheus text from the VQ Node.",
            probe(ns, &format!("deployment/{vq}"), &port(keys::IXN_VQNODE_PORTS_HEALTH, "13139"), "/metrics"),
        ),
    ];
    Section {
        id: "verify",
        title: "Verify the install",
        intro: "After helm upgrade --install: are both pods up and answering?",
        items,
    }
}
