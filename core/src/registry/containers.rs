//! The containers whose requests and limits the values set: one table that the sizing,
//! the validation, the resources form and the wizard's step filter all read.

use super::keys::*;
use super::KeyDef;

/// The ixnService StatefulSet pod.
pub const IXN_POD: &str = "ixn-<sid>-sts-0";
/// The VQ Node Deployment pod.
pub const VQ_POD: &str = "ixn-<sid>-vqnode-deploy";

/// One container and its four resource keys.
#[derive(Debug, PartialEq)]
pub struct Container {
    /// The pod it runs in.
    pub pod: &'static str,
    /// The container's name in the pod.
    pub name: &'static str,
    /// The values key prefix of its resources, e.g. `ixnService.ixnServer.resources`.
    pub prefix: &'static str,
    /// What the form calls it.
    pub label: &'static str,
    /// CPU request, memory request, CPU limit, memory limit: in [`RESOURCES`] order.
    pub keys: [&'static KeyDef; 4],
    /// Runs only while the logging sidecar is enabled.
    pub sidecar: bool,
}

/// The four resource columns, in the order of [`Container::keys`]: the key's suffix
/// and its label.
pub const RESOURCES: [(&str, &str); 4] = [
    ("requests.cpu", "CPU request"),
    ("requests.memory", "Memory request"),
    ("limits.cpu", "CPU limit"),
    ("limits.memory", "Memory limit"),
];

/// Every container, in the order the sizing lists them.
pub static CONTAINERS: [Container; 4] = [
    Container {
        pod: IXN_POD,
        name: "ixn-server",
        prefix: "ixnService.ixnServer.resources",
        label: "IXN Server",
        keys: [
            IXN_SERVICE_IXN_SERVER_RESOURCES_REQUESTS_CPU,
            IXN_SERVICE_IXN_SERVER_RESOURCES_REQUESTS_MEMORY,
            IXN_SERVICE_IXN_SERVER_RESOURCES_LIMITS_CPU,
            IXN_SERVICE_IXN_SERVER_RESOURCES_LIMITS_MEMORY,
        ],
        sidecar: false,
    },
    Container {
        pod: IXN_POD,
        name: "ixn-node",
        prefix: "ixnService.ixnNode.resources",
        label: "IXN Node",
        keys: [
            IXN_SERVICE_IXN_NODE_RESOURCES_REQUESTS_CPU,
            IXN_SERVICE_IXN_NODE_RESOURCES_REQUESTS_MEMORY,
            IXN_SERVICE_IXN_NODE_RESOURCES_LIMITS_CPU,
            IXN_SERVICE_IXN_NODE_RESOURCES_LIMITS_MEMORY,
        ],
        sidecar: false,
    },
    Container {
        pod: IXN_POD,
        name: "log-sidecar",
        prefix: "ixnService.logSidecar.resources",
        label: "Log sidecar",
        keys: [
            IXN_SERVICE_LOG_SIDECAR_RESOURCES_REQUESTS_CPU,
            IXN_SERVICE_LOG_SIDECAR_RESOURCES_REQUESTS_MEMORY,
            IXN_SERVICE_LOG_SIDECAR_RESOURCES_LIMITS_CPU,
            IXN_SERVICE_LOG_SIDECAR_RESOURCES_LIMITS_MEMORY,
        ],
        sidecar: true,
    },
    Container {
        pod: VQ_POD,
        name: "ixn-vq-node",
        prefix: "ixnVQNode.resources",
        label: "VQ Node",
        keys: [
            IXN_VQNODE_RESOURCES_REQUESTS_CPU,
            IXN_VQNODE_RESOURCES_REQUESTS_MEMORY,
            IXN_VQNODE_RESOURCES_LIMITS_CPU,
            IXN_VQNODE_RESOURCES_LIMITS_MEMORY,
        ],
        sidecar: false,
    },
];

/// Whether `key` is one of a container's resources (the resources table edits those).
pub fn is_container_resource(key: &KeyDef) -> bool {
    CONTAINERS.iter().any(|c| c.keys.iter().any(|k| k.path == key.path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_container_key_is_its_prefix_and_column() {
        for c in &CONTAINERS {
            for (k, (suffix, _)) in c.keys.iter().zip(RESOURCES) {
                assert_eq!(k.path, format!("{}.{suffix}", c.prefix));
            }
        }
        let quantities_under_resources = super::super::KEYS
            .iter()
            .filter(|k| k.kind == super::super::Kind::Quantity && k.path.contains(".resources."));
        assert!(quantities_under_resources.clone().all(is_container_resource));
        assert_eq!(quantities_under_resources.count(), 16);
    }
}
