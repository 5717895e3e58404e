//! What is running: the workloads' ready counts in `kubectl get … -o yaml` output.

use super::look::{int, View, Workload};
use super::stream::Object;
use super::Model;
use crate::model::{ctx, Config, Location};
use crate::validate::Finding;

/// The workloads whose pods are not all ready, from their `status` (objects without a
/// status, such as `helm template` output, say nothing).
pub fn not_ready(cfg: &Config, objects: &[Object]) -> Vec<Finding> {
    let model = Model::of(cfg);
    let view = View::new(&model, objects);
    let mut out = Vec::new();
    for w in [Workload::Server, Workload::Vq] {
        let Some(o) = view.workload(w) else { continue };
        let Some(status) = o.get(&["status"]) else { continue };
        let want = o.get(&["spec", "replicas"]).and_then(int).unwrap_or(1);
        let ready = status.get("readyReplicas").and_then(int).unwrap_or(0);
        if ready >= want {
            continue;
        }
        let name = w.name(&model.release);
        let pods = match w {
            // A StatefulSet's pods have ordinals, and start in order: the last are the unready.
            Workload::Server => (ready..want).map(|i| format!("{name}-{i}")).collect::<Vec<_>>().join(", "),
            Workload::Vq => format!("{} of the {name}-… pods", want - ready),
        };
        out.push(Finding::error(
            Location::Context(ctx::DEPLOY_RELEASE),
            format!(
                "{} {name} has {ready} of {want} pods ready: {pods} not ready (kubectl describe pod shows why).",
                w.kind(),
            ),
        ));
    }
    out
}
