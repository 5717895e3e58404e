//! Requests and limits, totalled exactly per container, per pod and for the namespace.

use crate::model::{Effective, Quantity, Value};
use serde::Serialize;

/// One container's resources; `None` where the value is not a valid quantity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ContainerSize {
    /// The pod it runs in.
    pub pod: &'static str,
    /// Its name.
    pub container: &'static str,
    /// The values key prefix, e.g. `ixnService.ixnServer.resources`.
    pub key: &'static str,
    /// CPU request.
    pub cpu_request: Option<Quantity>,
    /// Memory request.
    pub memory_request: Option<Quantity>,
    /// CPU limit.
    pub cpu_limit: Option<Quantity>,
    /// Memory limit.
    pub memory_limit: Option<Quantity>,
}

/// Sums of requests and limits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Totals {
    /// CPU requests.
    pub cpu_request: Quantity,
    /// Memory requests.
    pub memory_request: Quantity,
    /// CPU limits.
    pub cpu_limit: Quantity,
    /// Memory limits.
    pub memory_limit: Quantity,
}

/// The sizing table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Sizing {
    /// Each container the values size.
    pub containers: Vec<ContainerSize>,
    /// Per pod: name and totals of its containers.
    pub pods: Vec<(&'static str, Totals)>,
    /// Every pod times replicaCount.
    pub namespace: Totals,
    /// replicaCount used for the namespace total.
    pub replicas: i64,
}

/// The ixnService StatefulSet pod.
pub const IXN_POD: &str = "ixn-<sid>-sts-0";
/// The VQ Node Deployment pod.
pub const VQ_POD: &str = "ixn-<sid>-vqnode-deploy";

fn qty(eff: &Effective, path: &str) -> Option<Quantity> {
    match eff.get(path)? {
        Value::Quantity(q) => q.value().cloned(),
        _ => None,
    }
}

fn totals<'a>(cs: impl Iterator<Item = &'a ContainerSize> + Clone, times: i64) -> Totals {
    let sum = |f: fn(&ContainerSize) -> &Option<Quantity>| -> i128 {
        cs.clone().filter_map(|c| f(c).as_ref().map(Quantity::nanos)).sum::<i128>() * times as i128
    };
    Totals {
        cpu_request: Quantity::cpu_from_nanos(sum(|c| &c.cpu_request)),
        memory_request: Quantity::memory_from_nanos(sum(|c| &c.memory_request)),
        cpu_limit: Quantity::cpu_from_nanos(sum(|c| &c.cpu_limit)),
        memory_limit: Quantity::memory_from_nanos(sum(|c| &c.memory_limit)),
    }
}

/// The sizing of the current values. The Consul sidecars Consul injects are not in
/// the values and are not counted.
pub fn sizing(eff: &Effective) -> Sizing {
    let mut specs = vec![
        (IXN_POD, "ixn-server", "ixnService.ixnServer.resources"),
        (IXN_POD, "ixn-node", "ixnService.ixnNode.resources"),
    ];
    if eff.bool("ixnService.image.logSidecar.enabled") == Some(true) {
        specs.push((IXN_POD, "log-sidecar", "ixnService.logSidecar.resources"));
    }
    specs.push((VQ_POD, "ixn-vq-node", "ixnVQNode.resources"));
    let containers: Vec<ContainerSize> = specs
        .into_iter()
        .map(|(pod, container, key)| ContainerSize {
            pod,
            container,
            key,
            cpu_request: qty(eff, &format!("{key}.requests.cpu")),
            memory_request: qty(eff, &format!("{key}.requests.memory")),
            cpu_limit: qty(eff, &format!("{key}.limits.cpu")),
            memory_limit: qty(eff, &format!("{key}.limits.memory")),
        })
        .collect();
    let replicas = match eff.get("replicaCount") {
        Some(Value::Int(i)) => i.value().copied().unwrap_or(1).clamp(0, 1),
        _ => 1,
    };
    let pods = [IXN_POD, VQ_POD]
        .into_iter()
        .map(|p| (p, totals(containers.iter().filter(move |c| c.pod == p), 1)))
        .collect();
    let namespace = totals(containers.iter(), replicas);
    Sizing { containers, pods, namespace, replicas }
}
