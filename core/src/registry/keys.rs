//! Every values key of the IXN chart, from the guide's "Configure" table (chart
//! defaults) and its "Deploy" sample (guide sample). Help texts are the guide's own
//! `# --` comments where it has them.

use super::constraint::{self, Constraint, MetaMap, Pattern};
use super::Kind::*;
use super::Step::*;
use super::{KeyDef, Kind, Step, DERIVED, REQUIRED, SECRET};

const fn k(
    step: Step,
    path: &'static str,
    kind: Kind,
    default: &'static str,
    sample: &'static str,
    flags: u8,
    help: &'static str,
) -> KeyDef {
    // Each kind's usual constraint; rows that need another say `.with(…)`.
    let constraint = match kind {
        Port => constraint::PORT,
        Int => constraint::NON_NEGATIVE,
        Quantity => Constraint::NonNegativeQuantity,
        _ => Constraint::Free,
    };
    // A key the Configure table gives no default for comes from the Deploy sample.
    let guide = if default.is_empty() { super::Guide::Deploy } else { super::Guide::Configure };
    KeyDef { path, kind, default, sample, help, step, flags, placeholder: None, constraint, title: "", guide }
}

/// A Kubernetes object name, for the finding: "a secret name must …".
const fn object_name(what: &'static str) -> Constraint {
    Constraint::Pattern(Pattern::Dns1123Subdomain { what })
}

/// The guide's Consul connect annotations for the ixnService pod. One change from the
/// guide: the tenant ID is quoted (`| quote`), as the sid is: the guide's bare
/// `{{ .Values.tenant.id }}` renders a numeric GWS tenant ID as a number, which is not
/// a valid annotation value (found by the stand-in chart's schema check).
pub const IXN_SERVICE_ANNOTATIONS_TEXT: &str = r#""consul.hashicorp.com/connect-inject": "true"
"consul.hashicorp.com/connect-service": {{ include "ixn.consulIxnServerName" . | quote }}
"consul.hashicorp.com/connect-service-port": server-default
"consul.hashicorp.com/connect-service-upstreams": |-
  voice-config:{{ .Values.ixnService.ixnNode.configNode.port }},
  {{ printf "tenant-%s:%d" .Values.tenant.id (int .Values.ixnService.ixnServer.confServer.port) }}
consul.hashicorp.com/service-tags: 'service-ixn'
consul.hashicorp.com/service-meta-tenant-id: {{ .Values.tenant.id | quote }}
consul.hashicorp.com/service-meta-tenant-sid: {{ .Values.tenant.sid | quote }}"#;

/// The guide's Consul connect annotations for the VQ Node pod.
pub const VQ_NODE_ANNOTATIONS_TEXT: &str = r#""consul.hashicorp.com/connect-inject": "true"
"consul.hashicorp.com/connect-service": {{ include "ixn.consulIxnVQNodeName" . | quote }}
"consul.hashicorp.com/connect-service-port": vqnode-default"#;

/// The guide's secret volumes for the ixnService pod.
pub const IXN_SERVICE_VOLUMES_TEXT: &str = "- name: redis-ors-secret
  secret:
    secretName: redis-ors-secret
- name: kafka-shared-secret
  secret:
    secretName: kafka-shared-secret";

/// The guide's secret volume for the VQ Node pod.
pub const VQ_NODE_VOLUMES_TEXT: &str = "- name: kafka-shared-secret
  secret:
    secretName: kafka-shared-secret";

const JVM_DEFAULT: &str = r#"{"1": "-XX:+UnlockExperimentalVMOptions", "2": "-XX:+UseCGroupMemoryLimitForHeap", "3": "-XX:+UseG1GC", "4": "-XX:MinHeapFreeRatio=5", "5": "-XX:MaxHeapFreeRatio=10", "6": "-XX:GCTimeRatio=4", "7": "-XX:AdaptiveSizePolicyWeight=90"}"#;
const KAFKA_MOUNT: &str = r#"{kafka-shared-secret: {readOnly: true, mountPath: /mnt/env-secrets/kafka-secrets}}"#;
const REDIS_MOUNT: &str = r#"{redis-ors-secret: {readOnly: true, mountPath: /mnt/env-secrets/redis-secrets}}"#;

const SC: &str = "Security context for the pod. Containers run as the genesys user \
(500:500, fsGroup 500); the guide says these options should not be changed unless \
Genesys instructs you to. OpenShift clusters usually need runAsUser and fsGroup unset.";

/// Every key, in wizard order.
pub static KEYS: &[KeyDef] = TABLE;

/// The table itself, as a constant so that the path index can be built at compile time.
pub(super) const TABLE: &[KeyDef] = &[
    // ---- Tenant & release
    k(Tenant, "tenant.id", Str, "~", "${TENANT_UUID}", REQUIRED, "Tenant UUID or GWS ID.").var("TENANT_UUID").with(Constraint::Pattern(Pattern::Uuid)).label("Tenant ID"),
    k(Tenant, "tenant.sid", Str, "~", "${TENANT_ID}", REQUIRED, "Tenant short ID, e.g. 100. It names the release (ixn-<sid>), the databases and the pods.").var("TENANT_ID").with(Constraint::Pattern(Pattern::Digits)).label("Tenant short ID"),
    k(Tenant, "replicaCount", Int, "1", "1", 0, "Replicas of both pods. IXN does not scale: 1 runs the tenant, 0 stops it.").with(constraint::ONE_OR_NONE).label("Replicas"),
    // ---- Cluster & images
    k(Cluster, "image.registry", Str, r#""""#, "pureengage-docker-staging.jfrog.io", REQUIRED, "Images registry.").var("IMAGE_REGISTRY").label("Image registry"),
    k(Cluster, "image.pullPolicy", Str, "IfNotPresent", "Always", 0, "Images pull policy: Always, IfNotPresent or Never.").label("Image pull policy").with(Constraint::OneOf(&["Always", "IfNotPresent", "Never"])),
    k(Cluster, "image.imagePullSecrets", PullSecrets, "[]", "[{name: pullsecret}]", DERIVED, "Names of docker-registry secrets used to pull the images. Filled from the pull secret when you create one here.").with(object_name("secret name")).label("Image pull secrets"),
    k(Cluster, "ixnService.image.ixnServer.repository", Str, "~", "", 0, "Interaction Server image repository (the guide takes it from versions.yaml: ixn/interaction_server).").label("IXN Server image repository"),
    k(Cluster, "ixnService.image.ixnServer.tag", Str, "~", "", 0, "Interaction Server image tag.").label("IXN Server image tag"),
    k(Cluster, "ixnService.image.ixnNode.repository", Str, "~", "", 0, "Interaction Server Node image repository (ixn/ixn_node).").label("IXN Node image repository"),
    k(Cluster, "ixnService.image.ixnNode.tag", Str, "~", "", 0, "Interaction Server Node image tag.").label("IXN Node image tag"),
    k(Cluster, "ixnVQNode.image.ixnVQNode.repository", Str, "~", "", 0, "Interaction Server VQ Node image repository (ixn/ixn_vq_node).").label("VQ Node image repository"),
    k(Cluster, "ixnVQNode.image.ixnVQNode.tag", Str, "~", "", 0, "Interaction Server VQ Node image tag.").label("VQ Node image tag"),
    // ---- Databases: IXN Server
    k(Databases, "ixnService.ixnServer.db.engine", Str, "postgre", "postgre", 0, "Interaction Server database engine. Only PostgreSQL (postgre) is supported.").label("IXN Server database engine").with(Constraint::OneOf(&["postgre"])).advanced_row(),
    k(Databases, "ixnService.ixnServer.db.host", Str, "~", "${POSTGRES_ADDR}", REQUIRED, "Interaction Server database host.").var("POSTGRES_ADDR").label("IXN Server database host"),
    k(Databases, "ixnService.ixnServer.db.port", Port, "5432", "5432", 0, "Interaction Server database port.").label("IXN Server database port"),
    k(Databases, "ixnService.ixnServer.db.name", Str, r#""""#, "ixn-${TENANT_ID}", DERIVED, "Interaction Server database name. Defaults here to ixn-<sid>.").label("IXN Server database name"),
    k(Databases, "ixnService.ixnServer.db.connectionString", Str, "KeepaliveInterval=1;KeepaliveTime=60;", "KeepaliveInterval=1;KeepaliveTime=60;", 0, "Interaction Server database connection string suffix.").label("IXN Server connection string options").advanced_row(),
    k(Databases, "ixnService.ixnServer.db.optionBlobChunkSize", Str, "~", "~", 0, "Interaction Server database blob chunk size. Can be left empty.").label("IXN Server blob chunk size").advanced_row(),
    k(Databases, "ixnService.ixnServer.db.optionReconnectPause", Str, "~", "~", 0, "Interaction Server database reconnect pause. Can be left empty.").label("IXN Server reconnect pause").advanced_row(),
    k(Databases, "ixnService.ixnServer.db.schemaName", Str, "~", "~", 0, "Interaction Server database schema name. Can be left empty.").label("IXN Server database schema").advanced_row(),
    k(Databases, "ixnService.ixnServer.dbinit.enabled", Bool, "", "true", 0, "Create the Interaction Server database on pod init.").label("Create the IXN Server database on first start"),
    k(Databases, "ixnService.ixnServer.secrets.db.enabled", Bool, "~", "true", DERIVED, "Enable the Interaction Server database secret made by the chart. Off means you create it yourself.").label("The chart makes the IXN Server database secret"),
    k(Databases, "ixnService.ixnServer.secrets.db.secretName", Str, "~", "ixn-db-secret-${TENANT_ID}", DERIVED, "Interaction Server database secret name. Defaults here to ixn-db-secret-<sid>.").with(object_name("secret name")).label("IXN Server database secret name"),
    k(Databases, "ixnService.ixnServer.secrets.db.username", Str, "~", "${POSTGRES_USER}", DERIVED, "Interaction Server database username to put in the secret. Defaults to the database owner role.").var("POSTGRES_USER").label("IXN Server database user"),
    k(Databases, "ixnService.ixnServer.secrets.db.password", Str, "~", "${POSTGRES_PASSWORD}", DERIVED | SECRET, "Interaction Server database password to put in the secret. Defaults to the owner role's password.").var("POSTGRES_PASSWORD").label("IXN Server database password"),
    // ---- Databases: IXN Node
    k(Databases, "ixnService.ixnNode.db.host", Str, "", "${POSTGRES_ADDR}", REQUIRED | DERIVED, "Interaction Server Node DB host. Defaults to the Interaction Server DB host. (The guide's lost indentation leaves unclear whether db sits under ixnNode or ixnNode.storingSessions; its Database snippet puts it under ixnNode, and so does this portal.)").var("POSTGRES_ADDR").label("IXN Node database host"),
    k(Databases, "ixnService.ixnNode.db.port", Port, "", "5432", DERIVED, "Interaction Server Node DB port. Defaults to the Interaction Server DB port.").label("IXN Node database port"),
    k(Databases, "ixnService.ixnNode.db.name", Str, "", "ixn-node-${TENANT_ID}", DERIVED, "Interaction Server Node DB name. Defaults here to ixn-node-<sid>.").label("IXN Node database name"),
    k(Databases, "ixnService.ixnNode.db.options.keepAlive", Bool, "", "true", 0, "Keep the Interaction Server Node DB connection alive.").label("Keep the IXN Node database connection alive").advanced_row(),
    k(Databases, "ixnService.ixnNode.db.options.keepAliveInitialDelayMillis", Int, "", "300000", 0, "Keep-alive initial delay, in milliseconds.").label("IXN Node keep-alive first delay (ms)").advanced_row(),
    k(Databases, "ixnService.ixnNode.db.options.ssl", DbTls, "", "~", 0, "Interaction Server Node DB TLS (Node.js tls options). Empty: TLS off. {}: TLS on with defaults. Or custom options.").label("IXN Node database TLS"),
    k(Databases, "ixnService.ixnNode.storingSessions.enabled", Bool, "", "true", 0, "Store Interaction Server Node sessions in the database.").label("Store IXN Node sessions in the database").advanced_row(),
    k(Databases, "ixnService.ixnNode.dbinit.enabled", Bool, "", "true", 0, "Create the Interaction Server Node database on pod init.").label("Create the IXN Node database on first start"),
    k(Databases, "ixnService.ixnNode.secrets.db.enabled", Bool, "", "true", DERIVED, "Enable the Interaction Server Node database secret made by the chart.").label("The chart makes the IXN Node database secret"),
    k(Databases, "ixnService.ixnNode.secrets.db.secretName", Str, "", "ixn-node-db-secret-${TENANT_ID}", DERIVED, "Interaction Server Node database secret name. Defaults here to ixn-node-db-secret-<sid>.").with(object_name("secret name")).label("IXN Node database secret name"),
    k(Databases, "ixnService.ixnNode.secrets.db.username", Str, "", "${POSTGRES_USER}", DERIVED, "Interaction Server Node database username to put in the secret. Defaults to the database owner role.").var("POSTGRES_USER").label("IXN Node database user"),
    k(Databases, "ixnService.ixnNode.secrets.db.password", Str, "", "${POSTGRES_PASSWORD}", DERIVED | SECRET, "Interaction Server Node database password to put in the secret.").var("POSTGRES_PASSWORD").label("IXN Node database password"),
    // ---- Redis
    k(Redis, "ixnService.ixnNode.redis", RedisNodes, "[{host: ~, port: 6379, is_redis_cluster: ~}]", r#"[{host: "${REDIS_ADDR}", port: "${REDIS_PORT}", is_redis_cluster: "true"}]"#, REQUIRED, "Redis nodes Interaction Server Node connects to, and whether the Redis instance is a cluster.").label("Redis nodes"),
    k(Redis, "ixnService.ixnNode.redisOptions.tls.enabled", Bool, "~", "false", 0, "Enable TLS for the Interaction Server Node to Redis connection.").label("TLS to Redis"),
    k(Redis, "ixnService.ixnNode.redisOptions.tls.rejectUnauthorized", Bool, "~", "false", 0, "Reject unauthorized hostnames when using a TLS connection. This is IXN Node's own Redis client (redisOptions in its settings); the one inside redis-ors-secret is redis.rejectUnauthorized.").label("IXN Node verifies the Redis certificate (values file)"),
    // ---- Consul & Configuration Server
    k(Consul, "ixnService.ixnServer.confServer.host", Str, "~", "localhost", REQUIRED, "Configuration Server host Interaction Server connects to. localhost goes through the Consul connect upstream.").label("Configuration Server host"),
    k(Consul, "ixnService.ixnServer.confServer.port", Port, "8888", "8888", 0, "Configuration Server port Interaction Server connects to.").label("Configuration Server port"),
    k(Consul, "ixnService.ixnServer.confServer.appName", Str, "~", "InteractionServer", REQUIRED, "Interaction Server application name in Configuration Server.").label("IXN application name in Configuration Server"),
    k(Consul, "ixnService.ixnNode.configNode.host", Str, "~", "localhost", REQUIRED, "Voice Config Service (config node) host Interaction Server Node connects to.").label("Voice Config Service host"),
    k(Consul, "ixnService.ixnNode.configNode.port", Port, "8888", "11100", 0, "Voice Config Service port Interaction Server Node connects to.").label("Voice Config Service port"),
    k(Consul, "ixnService.ixnNode.consul.host", ConsulHost, "~", "{valueFrom: {fieldRef: {fieldPath: status.hostIP}}}", REQUIRED, "A Consul host is either a string literal or a valueFrom definition inserted into the pod definition (the node IP, for a Consul DaemonSet).").label("Consul host"),
    k(Consul, "ixnService.ixnNode.consul.port", Port, "8500", "8500", 0, "Consul HTTP port.").label("Consul port"),
    k(Consul, "ixnService.ixnNode.consul.sslMode", Bool, "~", "false", 0, "Connect to Consul using SSL mode.").label("Connect to Consul over SSL"),
    k(Consul, "ixnService.annotations", Template, "~", IXN_SERVICE_ANNOTATIONS_TEXT, DERIVED, "Extra annotations for the Interaction Service pod, parsed as a template. The portal writes the guide's Consul connect annotations when Consul connect is on.").label("IXN pod annotations"),
    k(Consul, "ixnVQNode.annotations", Template, "~", VQ_NODE_ANNOTATIONS_TEXT, DERIVED, "Extra annotations for the VQ Node pod, parsed as a template. The portal writes the guide's Consul connect annotations when Consul connect is on.").label("VQ Node pod annotations"),
    // ---- Ports & probes
    k(Ports, "ixnService.service.enabled", Bool, "true", "true", 0, "Enable the Kubernetes Service for the Interaction Service pod.").label("Kubernetes Service for the IXN pod").advanced_row(),
    k(Ports, "ixnService.ixnServer.ports.default", Port, "13130", "7120", 0, "Interaction Server default port (IXN protocol).").label("IXN Server port"),
    k(Ports, "ixnService.ixnServer.ports.health", Port, "13131", "9100", 0, "Interaction Server health port; also serves metrics at /health/prometheus/all.").label("IXN Server health port"),
    k(Ports, "ixnService.ixnNode.ports.default", Port, "13133", "6120", 0, "Interaction Server Node default port; also serves /metrics.").label("IXN Node port"),
    k(Ports, "ixnVQNode.ports.default", Port, "13138", "7122", 0, "Interaction Server VQ Node default port.").label("VQ Node port"),
    k(Ports, "ixnVQNode.ports.health", Port, "13139", "9102", 0, "Interaction Server VQ Node health port; also serves /metrics.").label("VQ Node health port"),
    k(Ports, "ixnService.ixnServer.livenessProbe.initialDelaySeconds", Int, "15", "15", 0, "Interaction Server liveness probe initial delay, in seconds.").with(constraint::PROBE).label("IXN Server liveness probe: first delay (s)").advanced_row(),
    k(Ports, "ixnService.ixnServer.livenessProbe.periodSeconds", Int, "30", "30", 0, "Interaction Server liveness probe check period, in seconds.").with(constraint::PROBE).label("IXN Server liveness probe: period (s)").advanced_row(),
    k(Ports, "ixnService.ixnServer.livenessProbe.timeoutSeconds", Int, "3", "3", 0, "Interaction Server liveness probe timeout, in seconds.").with(constraint::PROBE).label("IXN Server liveness probe: timeout (s)").advanced_row(),
    k(Ports, "ixnService.ixnServer.livenessProbe.failureThreshold", Int, "3", "3", 0, "Interaction Server liveness probe failure threshold.").with(constraint::PROBE).label("IXN Server liveness probe: failures allowed").advanced_row(),
    k(Ports, "ixnService.ixnServer.readinessProbe.initialDelaySeconds", Int, "15", "15", 0, "Interaction Server readiness probe initial delay, in seconds.").with(constraint::PROBE).label("IXN Server readiness probe: first delay (s)").advanced_row(),
    k(Ports, "ixnService.ixnServer.readinessProbe.periodSeconds", Int, "30", "30", 0, "Interaction Server readiness probe check period, in seconds.").with(constraint::PROBE).label("IXN Server readiness probe: period (s)").advanced_row(),
    k(Ports, "ixnService.ixnServer.readinessProbe.timeoutSeconds", Int, "3", "3", 0, "Interaction Server readiness probe timeout, in seconds.").with(constraint::PROBE).label("IXN Server readiness probe: timeout (s)").advanced_row(),
    k(Ports, "ixnService.ixnServer.readinessProbe.failureThreshold", Int, "3", "3", 0, "Interaction Server readiness probe failure threshold.").with(constraint::PROBE).label("IXN Server readiness probe: failures allowed").advanced_row(),
    k(Ports, "ixnService.ixnServer.startupProbe.periodSeconds", Int, "30", "30", 0, "Interaction Server startup probe check period, in seconds.").with(constraint::PROBE).label("IXN Server startup probe: period (s)").advanced_row(),
    k(Ports, "ixnService.ixnServer.startupProbe.failureThreshold", Int, "120", "120", 0, "Interaction Server startup probe failure threshold.").with(constraint::PROBE).label("IXN Server startup probe: failures allowed").advanced_row(),
    k(Ports, "ixnService.ixnNode.livenessProbe.initialDelaySeconds", Int, "15", "15", 0, "Interaction Server Node liveness probe initial delay, in seconds.").with(constraint::PROBE).label("IXN Node liveness probe: first delay (s)").advanced_row(),
    k(Ports, "ixnService.ixnNode.livenessProbe.periodSeconds", Int, "30", "30", 0, "Interaction Server Node liveness probe check period, in seconds.").with(constraint::PROBE).label("IXN Node liveness probe: period (s)").advanced_row(),
    k(Ports, "ixnService.ixnNode.livenessProbe.timeoutSeconds", Int, "3", "3", 0, "Interaction Server Node liveness probe timeout, in seconds.").with(constraint::PROBE).label("IXN Node liveness probe: timeout (s)").advanced_row(),
    k(Ports, "ixnService.ixnNode.livenessProbe.failureThreshold", Int, "3", "3", 0, "Interaction Server Node liveness probe failure threshold.").with(constraint::PROBE).label("IXN Node liveness probe: failures allowed").advanced_row(),
    k(Ports, "ixnService.ixnNode.readinessProbe.initialDelaySeconds", Int, "15", "15", 0, "Interaction Server Node readiness probe initial delay, in seconds.").with(constraint::PROBE).label("IXN Node readiness probe: first delay (s)").advanced_row(),
    k(Ports, "ixnService.ixnNode.readinessProbe.periodSeconds", Int, "30", "30", 0, "Interaction Server Node readiness probe check period, in seconds.").with(constraint::PROBE).label("IXN Node readiness probe: period (s)").advanced_row(),
    k(Ports, "ixnService.ixnNode.readinessProbe.timeoutSeconds", Int, "3", "3", 0, "Interaction Server Node readiness probe timeout, in seconds.").with(constraint::PROBE).label("IXN Node readiness probe: timeout (s)").advanced_row(),
    k(Ports, "ixnService.ixnNode.readinessProbe.failureThreshold", Int, "3", "3", 0, "Interaction Server Node readiness probe failure threshold.").with(constraint::PROBE).label("IXN Node readiness probe: failures allowed").advanced_row(),
    k(Ports, "ixnVQNode.livenessProbe.initialDelaySeconds", Int, "15", "15", 0, "VQ Node liveness probe initial delay, in seconds.").with(constraint::PROBE).label("VQ Node liveness probe: first delay (s)").advanced_row(),
    k(Ports, "ixnVQNode.livenessProbe.periodSeconds", Int, "30", "30", 0, "VQ Node liveness probe check period, in seconds.").with(constraint::PROBE).label("VQ Node liveness probe: period (s)").advanced_row(),
    k(Ports, "ixnVQNode.livenessProbe.timeoutSeconds", Int, "3", "3", 0, "VQ Node liveness probe timeout, in seconds.").with(constraint::PROBE).label("VQ Node liveness probe: timeout (s)").advanced_row(),
    k(Ports, "ixnVQNode.livenessProbe.failureThreshold", Int, "3", "3", 0, "VQ Node liveness probe failure threshold.").with(constraint::PROBE).label("VQ Node liveness probe: failures allowed").advanced_row(),
    k(Ports, "ixnVQNode.readinessProbe.initialDelaySeconds", Int, "15", "15", 0, "VQ Node readiness probe initial delay, in seconds.").with(constraint::PROBE).label("VQ Node readiness probe: first delay (s)").advanced_row(),
    k(Ports, "ixnVQNode.readinessProbe.periodSeconds", Int, "30", "30", 0, "VQ Node readiness probe check period, in seconds.").with(constraint::PROBE).label("VQ Node readiness probe: period (s)").advanced_row(),
    k(Ports, "ixnVQNode.readinessProbe.timeoutSeconds", Int, "3", "3", 0, "VQ Node readiness probe timeout, in seconds.").with(constraint::PROBE).label("VQ Node readiness probe: timeout (s)").advanced_row(),
    k(Ports, "ixnVQNode.readinessProbe.failureThreshold", Int, "3", "3", 0, "VQ Node readiness probe failure threshold.").with(constraint::PROBE).label("VQ Node readiness probe: failures allowed").advanced_row(),
    // ---- Resources
    k(Resources, "ixnService.ixnServer.resources.requests.cpu", Quantity, "50m", "100m", 0, "Interaction Server CPU request.").label("IXN Server CPU request"),
    k(Resources, "ixnService.ixnServer.resources.requests.memory", Quantity, "1Gi", "512Mi", 0, "Interaction Server memory request.").label("IXN Server memory request"),
    k(Resources, "ixnService.ixnServer.resources.limits.cpu", Quantity, "1.25", "200m", 0, "Interaction Server CPU limit.").label("IXN Server CPU limit"),
    k(Resources, "ixnService.ixnServer.resources.limits.memory", Quantity, "6Gi", "2Gi", 0, "Interaction Server memory limit.").label("IXN Server memory limit"),
    k(Resources, "ixnService.ixnNode.resources.requests.cpu", Quantity, "40m", "40m", 0, "Interaction Server Node CPU request.").label("IXN Node CPU request"),
    k(Resources, "ixnService.ixnNode.resources.requests.memory", Quantity, "128Mi", "128Mi", 0, "Interaction Server Node memory request.").label("IXN Node memory request"),
    k(Resources, "ixnService.ixnNode.resources.limits.cpu", Quantity, "300m", "300m", 0, "Interaction Server Node CPU limit.").label("IXN Node CPU limit"),
    k(Resources, "ixnService.ixnNode.resources.limits.memory", Quantity, "320Mi", "320Mi", 0, "Interaction Server Node memory limit.").label("IXN Node memory limit"),
    k(Resources, "ixnService.logSidecar.resources.requests.cpu", Quantity, "40m", "", 0, "Logging sidecar CPU request.").label("Log sidecar CPU request"),
    k(Resources, "ixnService.logSidecar.resources.requests.memory", Quantity, "128Mi", "", 0, "Logging sidecar memory request.").label("Log sidecar memory request"),
    k(Resources, "ixnService.logSidecar.resources.limits.cpu", Quantity, "300m", "", 0, "Logging sidecar CPU limit.").label("Log sidecar CPU limit"),
    k(Resources, "ixnService.logSidecar.resources.limits.memory", Quantity, "320Mi", "", 0, "Logging sidecar memory limit.").label("Log sidecar memory limit"),
    k(Resources, "ixnVQNode.resources.requests.cpu", Quantity, "30m", "30m", 0, "VQ Node CPU request.").label("VQ Node CPU request"),
    k(Resources, "ixnVQNode.resources.requests.memory", Quantity, "128Mi", "128Mi", 0, "VQ Node memory request.").label("VQ Node memory request"),
    k(Resources, "ixnVQNode.resources.limits.cpu", Quantity, "300m", "300m", 0, "VQ Node CPU limit.").label("VQ Node CPU limit"),
    k(Resources, "ixnVQNode.resources.limits.memory", Quantity, "160Mi", "160Mi", 0, "VQ Node memory limit.").label("VQ Node memory limit"),
    k(Resources, "ixnService.ixnServer.jvmOptions", Jvm, JVM_DEFAULT, JVM_DEFAULT, 0, "JVM options for Interaction Server, numbered \"1\" to \"7\" and up; applied in key order.").label("IXN Server JVM options"),
    // ---- Observability & logging
    k(Observability, "ixnService.prometheus.podMonitor.enabled", Bool, "false", "", 0, "Create a PodMonitor (Prometheus operator CRD) for the Interaction Service pod. Monitoring is off by default.").label("PodMonitor for the IXN pod"),
    k(Observability, "ixnService.prometheus.podMonitor.targetLabels", Map, "{}", "", 0, "Pod labels copied onto the scraped metrics.").label("IXN pod labels copied onto metrics"),
    k(Observability, "ixnService.prometheus.monitoringService.enabled", Bool, "", "true", 0, "Enable a Service with Prometheus annotations for metrics scraping.").label("Metrics Service for the IXN pod"),
    k(Observability, "ixnVQNode.prometheus.podMonitor.enabled", Bool, "false", "", 0, "Create a PodMonitor for the VQ Node pod.").label("PodMonitor for the VQ Node pod"),
    k(Observability, "ixnVQNode.prometheus.podMonitor.targetLabels", Map, "{}", "", 0, "Pod labels copied onto the scraped metrics.").label("VQ Node pod labels copied onto metrics"),
    k(Observability, "ixnVQNode.prometheus.monitoringService.enabled", Bool, "", "true", 0, "Enable a Service with Prometheus annotations for VQ Node metrics scraping.").label("Metrics Service for the VQ Node pod"),
    k(Observability, "ixnService.image.logSidecar.enabled", Bool, "false", "true", 0, "Enable the Interaction Server logging sidecar (fluent-bit). The pod then has 5 containers instead of 4.").label("Log sidecar (fluent-bit)"),
    k(Observability, "ixnService.image.logSidecar.repository", Str, "~", "fluent/fluent-bit", 0, "Logging sidecar image repository, in the same registry as the other images.").label("Log sidecar image repository"),
    k(Observability, "ixnService.image.logSidecar.tag", Str, "~", "1.8.5", 0, "Logging sidecar image tag. Must be fluent-bit 1.8.x.").label("Log sidecar image tag"),
    k(Observability, "ixnService.logSidecar.ports.health", Port, "13137", "", 0, "Logging sidecar health port.").label("Log sidecar health port"),
    k(Observability, "ixnService.logSidecar.settings.enableHealthPort", Bool, "false", "", 0, "Enable the logging sidecar's health port.").label("Log sidecar health port on"),
    k(Observability, "ixnService.ixnServer.logStorage.mountPath", Str, "/mnt/logs", "/mnt/logs", 0, "Interaction Server logs mount path.").label("IXN Server log directory").advanced_row(),
    k(Observability, "ixnService.ixnServer.logStorage.storageSize", Quantity, "~", "1Gi", 0, "Interaction Server log storage size. Used for the PVC; can be left empty.").label("IXN Server log volume size"),
    k(Observability, "ixnService.ixnServer.logStorage.storageClassName", Str, "~", "~", 0, "Interaction Server log storage class name. Used for the PVC; can be left empty. The volume must sustain 100 MB/min, and 10 MB/s for 2 minutes at peak.").with(object_name("storage class name")).label("IXN Server log storage class"),
    k(Observability, "ixnService.ixnServer.logStorage.volume", Object, "{}", "{emptyDir: {}}", 0, "A volume definition inserted into the Interaction Server container definition, e.g. {emptyDir: {}}.").label("IXN Server log volume"),
    k(Observability, "ixnService.ixnNode.settings.mountPath", Str, "/mnt/settings", "/mnt/settings", 0, "Interaction Server Node settings mount path.").label("IXN Node settings directory").advanced_row(),
    k(Observability, "ixnService.ixnNode.settings.file", Str, "settings.json", "settings.json", 0, "Interaction Server Node settings file name.").label("IXN Node settings file").advanced_row(),
    // ---- Scheduling & security
    k(Scheduling, "podLabels", Map, "{}", "{}", 0, "Labels added to all pods.").label("Labels on every pod").with(Constraint::MetaMap(MetaMap::Labels)),
    k(Scheduling, "podAnnotations", Map, "{}", "{}", 0, "Annotations added to all pods.").label("Annotations on every pod").with(Constraint::MetaMap(MetaMap::Annotations)),
    k(Scheduling, "ixnService.labels", Map, "{}", "{}", 0, "Extra labels for the Interaction Service pod.").label("IXN pod labels").with(Constraint::MetaMap(MetaMap::Labels)),
    k(Scheduling, "ixnService.nodeSelector", Map, "{}", "{}", 0, "Node labels for assignment of the Interaction Service pod.").label("IXN pod node selector").advanced_row().with(Constraint::MetaMap(MetaMap::Labels)),
    k(Scheduling, "ixnService.priorityClassName", Str, r#""""#, r#""""#, 0, "Priority class of the Interaction Service pod.").label("IXN pod priority class").advanced_row(),
    k(Scheduling, "ixnService.securityContext", Object, "{}", "{}", 0, SC).label("IXN pod security context").advanced_row(),
    k(Scheduling, "ixnService.ixnServer.serviceAccount.create", Bool, "true", "true", 0, "Create a service account for Interaction Server.").label("Create the IXN Server service account"),
    k(Scheduling, "ixnService.ixnServer.serviceAccount.name", Str, "~", "", 0, "The service account to use. If not set and create is true, a name is generated from the fullname template. It must start with ixn-server- for Consul injection to work.").with(object_name("service account name")).label("IXN Server service account name"),
    k(Scheduling, "ixnVQNode.labels", Map, "{}", "{}", 0, "Extra labels for the VQ Node pod.").label("VQ Node pod labels").with(Constraint::MetaMap(MetaMap::Labels)),
    k(Scheduling, "ixnVQNode.nodeSelector", Map, "{}", "{}", 0, "Node labels for assignment of the VQ Node pod.").label("VQ Node pod node selector").advanced_row().with(Constraint::MetaMap(MetaMap::Labels)),
    k(Scheduling, "ixnVQNode.priorityClassName", Str, r#""""#, r#""""#, 0, "Priority class of the VQ Node pod.").label("VQ Node pod priority class").advanced_row(),
    k(Scheduling, "ixnVQNode.securityContext", Object, "{}", "{}", 0, SC).label("VQ Node pod security context").advanced_row(),
    k(Scheduling, "ixnVQNode.serviceAccount.create", Bool, "true", "true", 0, "Create a service account for Interaction Server VQ Node.").label("Create the VQ Node service account"),
    k(Scheduling, "ixnVQNode.serviceAccount.name", Str, "~", "", 0, "The VQ Node service account to use. If not set and create is true, a name is generated.").with(object_name("service account name")).label("VQ Node service account name"),
    // ---- Volumes (derived from the secret settings; shown on the Kafka and Redis steps)
    k(Kafka, "ixnService.volumes", Template, "~", IXN_SERVICE_VOLUMES_TEXT, DERIVED, "Volumes of the Interaction Service pod, parsed as a template. The portal mounts redis-ors-secret and kafka-shared-secret here when secret mounts are on.").label("IXN pod volumes"),
    k(Kafka, "ixnService.ixnServer.volumeMounts", Mounts, "{}", KAFKA_MOUNT, DERIVED, "Volumes mounted into the Interaction Server container.").label("IXN Server volume mounts"),
    k(Redis, "ixnService.ixnNode.volumeMounts", Mounts, "{}", REDIS_MOUNT, DERIVED, "Volumes mounted into the Interaction Server Node container.").label("IXN Node volume mounts"),
    k(Kafka, "ixnVQNode.volumes", Template, "", VQ_NODE_VOLUMES_TEXT, DERIVED, "Volumes of the VQ Node pod, parsed as a template.").label("VQ Node pod volumes"),
    k(Kafka, "ixnVQNode.volumeMounts", Mounts, "{}", KAFKA_MOUNT, DERIVED, "Volumes mounted into the VQ Node container.").label("VQ Node volume mounts"),
];

/// The row of `path`, found at compile time: the constant of a path that is not in the
/// table does not compile.
const fn key_at(path: &str) -> &'static KeyDef {
    let mut i = 0;
    while i < TABLE.len() {
        if super::same_text(TABLE[i].path, path) {
            return &TABLE[i];
        }
        i += 1;
    }
    panic!("not a key of the registry");
}

// One typed constant per row, named after its path (`tenant.sid` → `TENANT_SID`: each
// segment in SCREAMING_SNAKE_CASE, joined by `_`; `scripts/key-consts.py` writes these
// lines and rewrites call sites). Code names keys through these, so that a wrong path
// fails to compile instead of reading `None`.
/// `tenant.id`.
pub const TENANT_ID: &KeyDef = key_at("tenant.id");
/// `tenant.sid`.
pub const TENANT_SID: &KeyDef = key_at("tenant.sid");
/// `replicaCount`.
pub const REPLICA_COUNT: &KeyDef = key_at("replicaCount");
/// `image.registry`.
pub const IMAGE_REGISTRY: &KeyDef = key_at("image.registry");
/// `image.pullPolicy`.
pub const IMAGE_PULL_POLICY: &KeyDef = key_at("image.pullPolicy");
/// `image.imagePullSecrets`.
pub const IMAGE_IMAGE_PULL_SECRETS: &KeyDef = key_at("image.imagePullSecrets");
/// `ixnService.image.ixnServer.repository`.
pub const IXN_SERVICE_IMAGE_IXN_SERVER_REPOSITORY: &KeyDef = key_at("ixnService.image.ixnServer.repository");
/// `ixnService.image.ixnServer.tag`.
pub const IXN_SERVICE_IMAGE_IXN_SERVER_TAG: &KeyDef = key_at("ixnService.image.ixnServer.tag");
/// `ixnService.image.ixnNode.repository`.
pub const IXN_SERVICE_IMAGE_IXN_NODE_REPOSITORY: &KeyDef = key_at("ixnService.image.ixnNode.repository");
/// `ixnService.image.ixnNode.tag`.
pub const IXN_SERVICE_IMAGE_IXN_NODE_TAG: &KeyDef = key_at("ixnService.image.ixnNode.tag");
/// `ixnVQNode.image.ixnVQNode.repository`.
pub const IXN_VQNODE_IMAGE_IXN_VQNODE_REPOSITORY: &KeyDef = key_at("ixnVQNode.image.ixnVQNode.repository");
/// `ixnVQNode.image.ixnVQNode.tag`.
pub const IXN_VQNODE_IMAGE_IXN_VQNODE_TAG: &KeyDef = key_at("ixnVQNode.image.ixnVQNode.tag");
/// `ixnService.ixnServer.db.engine`.
pub const IXN_SERVICE_IXN_SERVER_DB_ENGINE: &KeyDef = key_at("ixnService.ixnServer.db.engine");
/// `ixnService.ixnServer.db.host`.
pub const IXN_SERVICE_IXN_SERVER_DB_HOST: &KeyDef = key_at("ixnService.ixnServer.db.host");
/// `ixnService.ixnServer.db.port`.
pub const IXN_SERVICE_IXN_SERVER_DB_PORT: &KeyDef = key_at("ixnService.ixnServer.db.port");
/// `ixnService.ixnServer.db.name`.
pub const IXN_SERVICE_IXN_SERVER_DB_NAME: &KeyDef = key_at("ixnService.ixnServer.db.name");
/// `ixnService.ixnServer.db.connectionString`.
pub const IXN_SERVICE_IXN_SERVER_DB_CONNECTION_STRING: &KeyDef = key_at("ixnService.ixnServer.db.connectionString");
/// `ixnService.ixnServer.db.optionBlobChunkSize`.
pub const IXN_SERVICE_IXN_SERVER_DB_OPTION_BLOB_CHUNK_SIZE: &KeyDef =
    key_at("ixnService.ixnServer.db.optionBlobChunkSize");
/// `ixnService.ixnServer.db.optionReconnectPause`.
pub const IXN_SERVICE_IXN_SERVER_DB_OPTION_RECONNECT_PAUSE: &KeyDef =
    key_at("ixnService.ixnServer.db.optionReconnectPause");
/// `ixnService.ixnServer.db.schemaName`.
pub const IXN_SERVICE_IXN_SERVER_DB_SCHEMA_NAME: &KeyDef = key_at("ixnService.ixnServer.db.schemaName");
/// `ixnService.ixnServer.dbinit.enabled`.
pub const IXN_SERVICE_IXN_SERVER_DBINIT_ENABLED: &KeyDef = key_at("ixnService.ixnServer.dbinit.enabled");
/// `ixnService.ixnServer.secrets.db.enabled`.
pub const IXN_SERVICE_IXN_SERVER_SECRETS_DB_ENABLED: &KeyDef = key_at("ixnService.ixnServer.secrets.db.enabled");
/// `ixnService.ixnServer.secrets.db.secretName`.
pub const IXN_SERVICE_IXN_SERVER_SECRETS_DB_SECRET_NAME: &KeyDef = key_at("ixnService.ixnServer.secrets.db.secretName");
/// `ixnService.ixnServer.secrets.db.username`.
pub const IXN_SERVICE_IXN_SERVER_SECRETS_DB_USERNAME: &KeyDef = key_at("ixnService.ixnServer.secrets.db.username");
/// `ixnService.ixnServer.secrets.db.password`.
pub const IXN_SERVICE_IXN_SERVER_SECRETS_DB_PASSWORD: &KeyDef = key_at("ixnService.ixnServer.secrets.db.password");
/// `ixnService.ixnNode.db.host`.
pub const IXN_SERVICE_IXN_NODE_DB_HOST: &KeyDef = key_at("ixnService.ixnNode.db.host");
/// `ixnService.ixnNode.db.port`.
pub const IXN_SERVICE_IXN_NODE_DB_PORT: &KeyDef = key_at("ixnService.ixnNode.db.port");
/// `ixnService.ixnNode.db.name`.
pub const IXN_SERVICE_IXN_NODE_DB_NAME: &KeyDef = key_at("ixnService.ixnNode.db.name");
/// `ixnService.ixnNode.db.options.keepAlive`.
pub const IXN_SERVICE_IXN_NODE_DB_OPTIONS_KEEP_ALIVE: &KeyDef = key_at("ixnService.ixnNode.db.options.keepAlive");
/// `ixnService.ixnNode.db.options.keepAliveInitialDelayMillis`.
pub const IXN_SERVICE_IXN_NODE_DB_OPTIONS_KEEP_ALIVE_INITIAL_DELAY_MILLIS: &KeyDef =
    key_at("ixnService.ixnNode.db.options.keepAliveInitialDelayMillis");
/// `ixnService.ixnNode.db.options.ssl`.
pub const IXN_SERVICE_IXN_NODE_DB_OPTIONS_SSL: &KeyDef = key_at("ixnService.ixnNode.db.options.ssl");
/// `ixnService.ixnNode.storingSessions.enabled`.
pub const IXN_SERVICE_IXN_NODE_STORING_SESSIONS_ENABLED: &KeyDef = key_at("ixnService.ixnNode.storingSessions.enabled");
/// `ixnService.ixnNode.dbinit.enabled`.
pub const IXN_SERVICE_IXN_NODE_DBINIT_ENABLED: &KeyDef = key_at("ixnService.ixnNode.dbinit.enabled");
/// `ixnService.ixnNode.secrets.db.enabled`.
pub const IXN_SERVICE_IXN_NODE_SECRETS_DB_ENABLED: &KeyDef = key_at("ixnService.ixnNode.secrets.db.enabled");
/// `ixnService.ixnNode.secrets.db.secretName`.
pub const IXN_SERVICE_IXN_NODE_SECRETS_DB_SECRET_NAME: &KeyDef = key_at("ixnService.ixnNode.secrets.db.secretName");
/// `ixnService.ixnNode.secrets.db.username`.
pub const IXN_SERVICE_IXN_NODE_SECRETS_DB_USERNAME: &KeyDef = key_at("ixnService.ixnNode.secrets.db.username");
/// `ixnService.ixnNode.secrets.db.password`.
pub const IXN_SERVICE_IXN_NODE_SECRETS_DB_PASSWORD: &KeyDef = key_at("ixnService.ixnNode.secrets.db.password");
/// `ixnService.ixnNode.redis`.
pub const IXN_SERVICE_IXN_NODE_REDIS: &KeyDef = key_at("ixnService.ixnNode.redis");
/// `ixnService.ixnNode.redisOptions.tls.enabled`.
pub const IXN_SERVICE_IXN_NODE_REDIS_OPTIONS_TLS_ENABLED: &KeyDef =
    key_at("ixnService.ixnNode.redisOptions.tls.enabled");
/// `ixnService.ixnNode.redisOptions.tls.rejectUnauthorized`.
pub const IXN_SERVICE_IXN_NODE_REDIS_OPTIONS_TLS_REJECT_UNAUTHORIZED: &KeyDef =
    key_at("ixnService.ixnNode.redisOptions.tls.rejectUnauthorized");
/// `ixnService.ixnServer.confServer.host`.
pub const IXN_SERVICE_IXN_SERVER_CONF_SERVER_HOST: &KeyDef = key_at("ixnService.ixnServer.confServer.host");
/// `ixnService.ixnServer.confServer.port`.
pub const IXN_SERVICE_IXN_SERVER_CONF_SERVER_PORT: &KeyDef = key_at("ixnService.ixnServer.confServer.port");
/// `ixnService.ixnServer.confServer.appName`.
pub const IXN_SERVICE_IXN_SERVER_CONF_SERVER_APP_NAME: &KeyDef = key_at("ixnService.ixnServer.confServer.appName");
/// `ixnService.ixnNode.configNode.host`.
pub const IXN_SERVICE_IXN_NODE_CONFIG_NODE_HOST: &KeyDef = key_at("ixnService.ixnNode.configNode.host");
/// `ixnService.ixnNode.configNode.port`.
pub const IXN_SERVICE_IXN_NODE_CONFIG_NODE_PORT: &KeyDef = key_at("ixnService.ixnNode.configNode.port");
/// `ixnService.ixnNode.consul.host`.
pub const IXN_SERVICE_IXN_NODE_CONSUL_HOST: &KeyDef = key_at("ixnService.ixnNode.consul.host");
/// `ixnService.ixnNode.consul.port`.
pub const IXN_SERVICE_IXN_NODE_CONSUL_PORT: &KeyDef = key_at("ixnService.ixnNode.consul.port");
/// `ixnService.ixnNode.consul.sslMode`.
pub const IXN_SERVICE_IXN_NODE_CONSUL_SSL_MODE: &KeyDef = key_at("ixnService.ixnNode.consul.sslMode");
/// `ixnService.annotations`.
pub const IXN_SERVICE_ANNOTATIONS: &KeyDef = key_at("ixnService.annotations");
/// `ixnVQNode.annotations`.
pub const IXN_VQNODE_ANNOTATIONS: &KeyDef = key_at("ixnVQNode.annotations");
/// `ixnService.service.enabled`.
pub const IXN_SERVICE_SERVICE_ENABLED: &KeyDef = key_at("ixnService.service.enabled");
/// `ixnService.ixnServer.ports.default`.
pub const IXN_SERVICE_IXN_SERVER_PORTS_DEFAULT: &KeyDef = key_at("ixnService.ixnServer.ports.default");
/// `ixnService.ixnServer.ports.health`.
pub const IXN_SERVICE_IXN_SERVER_PORTS_HEALTH: &KeyDef = key_at("ixnService.ixnServer.ports.health");
/// `ixnService.ixnNode.ports.default`.
pub const IXN_SERVICE_IXN_NODE_PORTS_DEFAULT: &KeyDef = key_at("ixnService.ixnNode.ports.default");
/// `ixnVQNode.ports.default`.
pub const IXN_VQNODE_PORTS_DEFAULT: &KeyDef = key_at("ixnVQNode.ports.default");
/// `ixnVQNode.ports.health`.
pub const IXN_VQNODE_PORTS_HEALTH: &KeyDef = key_at("ixnVQNode.ports.health");
/// `ixnService.ixnServer.livenessProbe.initialDelaySeconds`.
pub const IXN_SERVICE_IXN_SERVER_LIVENESS_PROBE_INITIAL_DELAY_SECONDS: &KeyDef =
    key_at("ixnService.ixnServer.livenessProbe.initialDelaySeconds");
/// `ixnService.ixnServer.livenessProbe.periodSeconds`.
pub const IXN_SERVICE_IXN_SERVER_LIVENESS_PROBE_PERIOD_SECONDS: &KeyDef =
    key_at("ixnService.ixnServer.livenessProbe.periodSeconds");
/// `ixnService.ixnServer.livenessProbe.timeoutSeconds`.
pub const IXN_SERVICE_IXN_SERVER_LIVENESS_PROBE_TIMEOUT_SECONDS: &KeyDef =
    key_at("ixnService.ixnServer.livenessProbe.timeoutSeconds");
/// `ixnService.ixnServer.livenessProbe.failureThreshold`.
pub const IXN_SERVICE_IXN_SERVER_LIVENESS_PROBE_FAILURE_THRESHOLD: &KeyDef =
    key_at("ixnService.ixnServer.livenessProbe.failureThreshold");
/// `ixnService.ixnServer.readinessProbe.initialDelaySeconds`.
pub const IXN_SERVICE_IXN_SERVER_READINESS_PROBE_INITIAL_DELAY_SECONDS: &KeyDef =
    key_at("ixnService.ixnServer.readinessProbe.initialDelaySeconds");
/// `ixnService.ixnServer.readinessProbe.periodSeconds`.
pub const IXN_SERVICE_IXN_SERVER_READINESS_PROBE_PERIOD_SECONDS: &KeyDef =
    key_at("ixnService.ixnServer.readinessProbe.periodSeconds");
/// `ixnService.ixnServer.readinessProbe.timeoutSeconds`.
pub const IXN_SERVICE_IXN_SERVER_READINESS_PROBE_TIMEOUT_SECONDS: &KeyDef =
    key_at("ixnService.ixnServer.readinessProbe.timeoutSeconds");
/// `ixnService.ixnServer.readinessProbe.failureThreshold`.
pub const IXN_SERVICE_IXN_SERVER_READINESS_PROBE_FAILURE_THRESHOLD: &KeyDef =
    key_at("ixnService.ixnServer.readinessProbe.failureThreshold");
/// `ixnService.ixnServer.startupProbe.periodSeconds`.
pub const IXN_SERVICE_IXN_SERVER_STARTUP_PROBE_PERIOD_SECONDS: &KeyDef =
    key_at("ixnService.ixnServer.startupProbe.periodSeconds");
/// `ixnService.ixnServer.startupProbe.failureThreshold`.
pub const IXN_SERVICE_IXN_SERVER_STARTUP_PROBE_FAILURE_THRESHOLD: &KeyDef =
    key_at("ixnService.ixnServer.startupProbe.failureThreshold");
/// `ixnService.ixnNode.livenessProbe.initialDelaySeconds`.
pub const IXN_SERVICE_IXN_NODE_LIVENESS_PROBE_INITIAL_DELAY_SECONDS: &KeyDef =
    key_at("ixnService.ixnNode.livenessProbe.initialDelaySeconds");
/// `ixnService.ixnNode.livenessProbe.periodSeconds`.
pub const IXN_SERVICE_IXN_NODE_LIVENESS_PROBE_PERIOD_SECONDS: &KeyDef =
    key_at("ixnService.ixnNode.livenessProbe.periodSeconds");
/// `ixnService.ixnNode.livenessProbe.timeoutSeconds`.
pub const IXN_SERVICE_IXN_NODE_LIVENESS_PROBE_TIMEOUT_SECONDS: &KeyDef =
    key_at("ixnService.ixnNode.livenessProbe.timeoutSeconds");
/// `ixnService.ixnNode.livenessProbe.failureThreshold`.
pub const IXN_SERVICE_IXN_NODE_LIVENESS_PROBE_FAILURE_THRESHOLD: &KeyDef =
    key_at("ixnService.ixnNode.livenessProbe.failureThreshold");
/// `ixnService.ixnNode.readinessProbe.initialDelaySeconds`.
pub const IXN_SERVICE_IXN_NODE_READINESS_PROBE_INITIAL_DELAY_SECONDS: &KeyDef =
    key_at("ixnService.ixnNode.readinessProbe.initialDelaySeconds");
/// `ixnService.ixnNode.readinessProbe.periodSeconds`.
pub const IXN_SERVICE_IXN_NODE_READINESS_PROBE_PERIOD_SECONDS: &KeyDef =
    key_at("ixnService.ixnNode.readinessProbe.periodSeconds");
/// `ixnService.ixnNode.readinessProbe.timeoutSeconds`.
pub const IXN_SERVICE_IXN_NODE_READINESS_PROBE_TIMEOUT_SECONDS: &KeyDef =
    key_at("ixnService.ixnNode.readinessProbe.timeoutSeconds");
/// `ixnService.ixnNode.readinessProbe.failureThreshold`.
pub const IXN_SERVICE_IXN_NODE_READINESS_PROBE_FAILURE_THRESHOLD: &KeyDef =
    key_at("ixnService.ixnNode.readinessProbe.failureThreshold");
/// `ixnVQNode.livenessProbe.initialDelaySeconds`.
pub const IXN_VQNODE_LIVENESS_PROBE_INITIAL_DELAY_SECONDS: &KeyDef =
    key_at("ixnVQNode.livenessProbe.initialDelaySeconds");
/// `ixnVQNode.livenessProbe.periodSeconds`.
pub const IXN_VQNODE_LIVENESS_PROBE_PERIOD_SECONDS: &KeyDef = key_at("ixnVQNode.livenessProbe.periodSeconds");
/// `ixnVQNode.livenessProbe.timeoutSeconds`.
pub const IXN_VQNODE_LIVENESS_PROBE_TIMEOUT_SECONDS: &KeyDef = key_at("ixnVQNode.livenessProbe.timeoutSeconds");
/// `ixnVQNode.livenessProbe.failureThreshold`.
pub const IXN_VQNODE_LIVENESS_PROBE_FAILURE_THRESHOLD: &KeyDef = key_at("ixnVQNode.livenessProbe.failureThreshold");
/// `ixnVQNode.readinessProbe.initialDelaySeconds`.
pub const IXN_VQNODE_READINESS_PROBE_INITIAL_DELAY_SECONDS: &KeyDef =
    key_at("ixnVQNode.readinessProbe.initialDelaySeconds");
/// `ixnVQNode.readinessProbe.periodSeconds`.
pub const IXN_VQNODE_READINESS_PROBE_PERIOD_SECONDS: &KeyDef = key_at("ixnVQNode.readinessProbe.periodSeconds");
/// `ixnVQNode.readinessProbe.timeoutSeconds`.
pub const IXN_VQNODE_READINESS_PROBE_TIMEOUT_SECONDS: &KeyDef = key_at("ixnVQNode.readinessProbe.timeoutSeconds");
/// `ixnVQNode.readinessProbe.failureThreshold`.
pub const IXN_VQNODE_READINESS_PROBE_FAILURE_THRESHOLD: &KeyDef = key_at("ixnVQNode.readinessProbe.failureThreshold");
/// `ixnService.ixnServer.resources.requests.cpu`.
pub const IXN_SERVICE_IXN_SERVER_RESOURCES_REQUESTS_CPU: &KeyDef =
    key_at("ixnService.ixnServer.resources.requests.cpu");
/// `ixnService.ixnServer.resources.requests.memory`.
pub const IXN_SERVICE_IXN_SERVER_RESOURCES_REQUESTS_MEMORY: &KeyDef =
    key_at("ixnService.ixnServer.resources.requests.memory");
/// `ixnService.ixnServer.resources.limits.cpu`.
pub const IXN_SERVICE_IXN_SERVER_RESOURCES_LIMITS_CPU: &KeyDef = key_at("ixnService.ixnServer.resources.limits.cpu");
/// `ixnService.ixnServer.resources.limits.memory`.
pub const IXN_SERVICE_IXN_SERVER_RESOURCES_LIMITS_MEMORY: &KeyDef =
    key_at("ixnService.ixnServer.resources.limits.memory");
/// `ixnService.ixnNode.resources.requests.cpu`.
pub const IXN_SERVICE_IXN_NODE_RESOURCES_REQUESTS_CPU: &KeyDef = key_at("ixnService.ixnNode.resources.requests.cpu");
/// `ixnService.ixnNode.resources.requests.memory`.
pub const IXN_SERVICE_IXN_NODE_RESOURCES_REQUESTS_MEMORY: &KeyDef =
    key_at("ixnService.ixnNode.resources.requests.memory");
/// `ixnService.ixnNode.resources.limits.cpu`.
pub const IXN_SERVICE_IXN_NODE_RESOURCES_LIMITS_CPU: &KeyDef = key_at("ixnService.ixnNode.resources.limits.cpu");
/// `ixnService.ixnNode.resources.limits.memory`.
pub const IXN_SERVICE_IXN_NODE_RESOURCES_LIMITS_MEMORY: &KeyDef = key_at("ixnService.ixnNode.resources.limits.memory");
/// `ixnService.logSidecar.resources.requests.cpu`.
pub const IXN_SERVICE_LOG_SIDECAR_RESOURCES_REQUESTS_CPU: &KeyDef =
    key_at("ixnService.logSidecar.resources.requests.cpu");
/// `ixnService.logSidecar.resources.requests.memory`.
pub const IXN_SERVICE_LOG_SIDECAR_RESOURCES_REQUESTS_MEMORY: &KeyDef =
    key_at("ixnService.logSidecar.resources.requests.memory");
/// `ixnService.logSidecar.resources.limits.cpu`.
pub const IXN_SERVICE_LOG_SIDECAR_RESOURCES_LIMITS_CPU: &KeyDef = key_at("ixnService.logSidecar.resources.limits.cpu");
/// `ixnService.logSidecar.resources.limits.memory`.
pub const IXN_SERVICE_LOG_SIDECAR_RESOURCES_LIMITS_MEMORY: &KeyDef =
    key_at("ixnService.logSidecar.resources.limits.memory");
/// `ixnVQNode.resources.requests.cpu`.
pub const IXN_VQNODE_RESOURCES_REQUESTS_CPU: &KeyDef = key_at("ixnVQNode.resources.requests.cpu");
/// `ixnVQNode.resources.requests.memory`.
pub const IXN_VQNODE_RESOURCES_REQUESTS_MEMORY: &KeyDef = key_at("ixnVQNode.resources.requests.memory");
/// `ixnVQNode.resources.limits.cpu`.
pub const IXN_VQNODE_RESOURCES_LIMITS_CPU: &KeyDef = key_at("ixnVQNode.resources.limits.cpu");
/// `ixnVQNode.resources.limits.memory`.
pub const IXN_VQNODE_RESOURCES_LIMITS_MEMORY: &KeyDef = key_at("ixnVQNode.resources.limits.memory");
/// `ixnService.ixnServer.jvmOptions`.
pub const IXN_SERVICE_IXN_SERVER_JVM_OPTIONS: &KeyDef = key_at("ixnService.ixnServer.jvmOptions");
/// `ixnService.prometheus.podMonitor.enabled`.
pub const IXN_SERVICE_PROMETHEUS_POD_MONITOR_ENABLED: &KeyDef = key_at("ixnService.prometheus.podMonitor.enabled");
/// `ixnService.prometheus.podMonitor.targetLabels`.
pub const IXN_SERVICE_PROMETHEUS_POD_MONITOR_TARGET_LABELS: &KeyDef =
    key_at("ixnService.prometheus.podMonitor.targetLabels");
/// `ixnService.prometheus.monitoringService.enabled`.
pub const IXN_SERVICE_PROMETHEUS_MONITORING_SERVICE_ENABLED: &KeyDef =
    key_at("ixnService.prometheus.monitoringService.enabled");
/// `ixnVQNode.prometheus.podMonitor.enabled`.
pub const IXN_VQNODE_PROMETHEUS_POD_MONITOR_ENABLED: &KeyDef = key_at("ixnVQNode.prometheus.podMonitor.enabled");
/// `ixnVQNode.prometheus.podMonitor.targetLabels`.
pub const IXN_VQNODE_PROMETHEUS_POD_MONITOR_TARGET_LABELS: &KeyDef =
    key_at("ixnVQNode.prometheus.podMonitor.targetLabels");
/// `ixnVQNode.prometheus.monitoringService.enabled`.
pub const IXN_VQNODE_PROMETHEUS_MONITORING_SERVICE_ENABLED: &KeyDef =
    key_at("ixnVQNode.prometheus.monitoringService.enabled");
/// `ixnService.image.logSidecar.enabled`.
pub const IXN_SERVICE_IMAGE_LOG_SIDECAR_ENABLED: &KeyDef = key_at("ixnService.image.logSidecar.enabled");
/// `ixnService.image.logSidecar.repository`.
pub const IXN_SERVICE_IMAGE_LOG_SIDECAR_REPOSITORY: &KeyDef = key_at("ixnService.image.logSidecar.repository");
/// `ixnService.image.logSidecar.tag`.
pub const IXN_SERVICE_IMAGE_LOG_SIDECAR_TAG: &KeyDef = key_at("ixnService.image.logSidecar.tag");
/// `ixnService.logSidecar.ports.health`.
pub const IXN_SERVICE_LOG_SIDECAR_PORTS_HEALTH: &KeyDef = key_at("ixnService.logSidecar.ports.health");
/// `ixnService.logSidecar.settings.enableHealthPort`.
pub const IXN_SERVICE_LOG_SIDECAR_SETTINGS_ENABLE_HEALTH_PORT: &KeyDef =
    key_at("ixnService.logSidecar.settings.enableHealthPort");
/// `ixnService.ixnServer.logStorage.mountPath`.
pub const IXN_SERVICE_IXN_SERVER_LOG_STORAGE_MOUNT_PATH: &KeyDef = key_at("ixnService.ixnServer.logStorage.mountPath");
/// `ixnService.ixnServer.logStorage.storageSize`.
pub const IXN_SERVICE_IXN_SERVER_LOG_STORAGE_STORAGE_SIZE: &KeyDef =
    key_at("ixnService.ixnServer.logStorage.storageSize");
/// `ixnService.ixnServer.logStorage.storageClassName`.
pub const IXN_SERVICE_IXN_SERVER_LOG_STORAGE_STORAGE_CLASS_NAME: &KeyDef =
    key_at("ixnService.ixnServer.logStorage.storageClassName");
/// `ixnService.ixnServer.logStorage.volume`.
pub const IXN_SERVICE_IXN_SERVER_LOG_STORAGE_VOLUME: &KeyDef = key_at("ixnService.ixnServer.logStorage.volume");
/// `ixnService.ixnNode.settings.mountPath`.
pub const IXN_SERVICE_IXN_NODE_SETTINGS_MOUNT_PATH: &KeyDef = key_at("ixnService.ixnNode.settings.mountPath");
/// `ixnService.ixnNode.settings.file`.
pub const IXN_SERVICE_IXN_NODE_SETTINGS_FILE: &KeyDef = key_at("ixnService.ixnNode.settings.file");
/// `podLabels`.
pub const POD_LABELS: &KeyDef = key_at("podLabels");
/// `podAnnotations`.
pub const POD_ANNOTATIONS: &KeyDef = key_at("podAnnotations");
/// `ixnService.labels`.
pub const IXN_SERVICE_LABELS: &KeyDef = key_at("ixnService.labels");
/// `ixnService.nodeSelector`.
pub const IXN_SERVICE_NODE_SELECTOR: &KeyDef = key_at("ixnService.nodeSelector");
/// `ixnService.priorityClassName`.
pub const IXN_SERVICE_PRIORITY_CLASS_NAME: &KeyDef = key_at("ixnService.priorityClassName");
/// `ixnService.securityContext`.
pub const IXN_SERVICE_SECURITY_CONTEXT: &KeyDef = key_at("ixnService.securityContext");
/// `ixnService.ixnServer.serviceAccount.create`.
pub const IXN_SERVICE_IXN_SERVER_SERVICE_ACCOUNT_CREATE: &KeyDef = key_at("ixnService.ixnServer.serviceAccount.create");
/// `ixnService.ixnServer.serviceAccount.name`.
pub const IXN_SERVICE_IXN_SERVER_SERVICE_ACCOUNT_NAME: &KeyDef = key_at("ixnService.ixnServer.serviceAccount.name");
/// `ixnVQNode.labels`.
pub const IXN_VQNODE_LABELS: &KeyDef = key_at("ixnVQNode.labels");
/// `ixnVQNode.nodeSelector`.
pub const IXN_VQNODE_NODE_SELECTOR: &KeyDef = key_at("ixnVQNode.nodeSelector");
/// `ixnVQNode.priorityClassName`.
pub const IXN_VQNODE_PRIORITY_CLASS_NAME: &KeyDef = key_at("ixnVQNode.priorityClassName");
/// `ixnVQNode.securityContext`.
pub const IXN_VQNODE_SECURITY_CONTEXT: &KeyDef = key_at("ixnVQNode.securityContext");
/// `ixnVQNode.serviceAccount.create`.
pub const IXN_VQNODE_SERVICE_ACCOUNT_CREATE: &KeyDef = key_at("ixnVQNode.serviceAccount.create");
/// `ixnVQNode.serviceAccount.name`.
pub const IXN_VQNODE_SERVICE_ACCOUNT_NAME: &KeyDef = key_at("ixnVQNode.serviceAccount.name");
/// `ixnService.volumes`.
pub const IXN_SERVICE_VOLUMES: &KeyDef = key_at("ixnService.volumes");
/// `ixnService.ixnServer.volumeMounts`.
pub const IXN_SERVICE_IXN_SERVER_VOLUME_MOUNTS: &KeyDef = key_at("ixnService.ixnServer.volumeMounts");
/// `ixnService.ixnNode.volumeMounts`.
pub const IXN_SERVICE_IXN_NODE_VOLUME_MOUNTS: &KeyDef = key_at("ixnService.ixnNode.volumeMounts");
/// `ixnVQNode.volumes`.
pub const IXN_VQNODE_VOLUMES: &KeyDef = key_at("ixnVQNode.volumes");
/// `ixnVQNode.volumeMounts`.
pub const IXN_VQNODE_VOLUME_MOUNTS: &KeyDef = key_at("ixnVQNode.volumeMounts");
