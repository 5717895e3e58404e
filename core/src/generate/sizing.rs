//! Requests and limits, totalled exactly per container, per pod and for the namespace.

use crate::model::{Effective, Quantity, Value};
use crate::registry::containers::CONTAINERS;
use crate::registry::{keys, KeyDef};
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

pub use crate::registry::containers::{IXN_POD, VQ_POD};

/// A pod's name (such as [`IXN_POD`], `ixn-<sid>-sts-0`) for this release: the
/// release name in place of `ixn-<sid>` once it is known.
pub fn pod_name(pod: &str, release: &str) -> String {
    match pod.strip_prefix("ixn-<sid>") {
        Some(rest) => format!("{release}{rest}"),
        None => pod.to_string(),
    }
}

fn qty(eff: &Effective, key: &KeyDef) -> Option<Quantity> {
    match eff.get(key)? {
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
    let sidecar = eff.bool(keys::IXN_SERVICE_IMAGE_LOG_SIDECAR_ENABLED) == Some(true);
    let containers: Vec<ContainerSize> = CONTAINERS
        .iter()
        .filter(|c| sidecar || !c.sidecar)
        .map(|c| ContainerSize {
            pod: c.pod,
            container: c.name,
            key: c.prefix,
            cpu_request: qty(eff, c.keys[0]),
            memory_request: qty(eff, c.keys[1]),
            cpu_limit: qty(eff, c.keys[2]),
            memory_limit: qty(eff, c.keys[3]),
        })
        .collect();
    let replicas = match eff.get(keys::REPLICA_COUNT) {
        Some(Value::Int(i)) => i.value().copied().unwrap_or(1).clamp(0, 1),
        _ => 1,
    };
    let pods =
        [IXN_POD, VQ_POD].into_iter().map(|p| (p, totals(containers.iter().filter(move |c| c.pod == p), 1))).collect();
    let namespace = totals(containers.iter(), replicas);
    Sizing { containers, pods, namespace, replicas }
}

#[cfg(test)]
mod pod_name_tests {
    #[test]
    fn a_pod_is_named_after_the_release_once_it_is_known() {
        assert_eq!(super::pod_name(super::IXN_POD, "ixn-100"), "ixn-100-sts-0");
        assert_eq!(super::pod_name(super::VQ_POD, "tenant-a"), "tenant-a-vqnode-deploy");
        assert_eq!(super::pod_name(super::IXN_POD, "ixn-<sid>"), "ixn-<sid>-sts-0");
    }
}
