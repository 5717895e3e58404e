//! Every values key of the IXN chart, from the guide's "Configure" table (chart
//! defaults) and its "Deploy" sample (guide sample). Help texts are the guide's own
//! `# --` comments where it has them.

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
    KeyDef { path, kind, default, sample, help, step, flags }
}

/// The guide's Consul connect annotations for the ixnService pod. One change from the
/// guide: the tenant ID is quoted (`| quote`), as the sid is: the guide's bare
/// `{{ .Values.tenant.id }}` renders a numeric GWS tenant ID as a number, which is not
/// a valid annotation value (found by the stand-in chart's schema check).
pub const IXN_SERVICE_ANNOTATIONS: &str = r#""consul.hashicorp.com/connect-inject": "true"
"consul.hashicorp.com/connect-service": {{ include "ixn.consulIxnServerName" . | quote }}
"consul.hashicorp.com/connect-service-port": server-default
"consul.hashicorp.com/connect-service-upstreams": |-
  voice-config:{{ .Values.ixnService.ixnNode.configNode.port }},
  {{ printf "tenant-%s:%d" .Values.tenant.id (int .Values.ixnService.ixnServer.confServer.port) }}
consul.hashicorp.com/service-tags: 'service-ixn'
consul.hashicorp.com/service-meta-tenant-id: {{ .Values.tenant.id | quote }}
consul.hashicorp.com/service-meta-tenant-sid: {{ .Values.tenant.sid | quote }}"#;

/// The guide's Consul connect annotations for the VQ Node pod.
pub const VQ_NODE_ANNOTATIONS: &str = r#""consul.hashicorp.com/connect-inject": "true"
"consul.hashicorp.com/connect-service": {{ include "ixn.consulIxnVQNodeName" . | quote }}
"consul.hashicorp.com/connect-service-port": vqnode-default"#;

/// The guide's secret volumes for the ixnService pod.
pub const IXN_SERVICE_VOLUMES: &str = "- name: redis-ors-secret
  secret:
    secretName: redis-ors-secret
- name: kafka-shared-secret
  secret:
    secretName: kafka-shared-secret";

/// The guide's secret volume for the VQ Node pod.
pub const VQ_NODE_VOLUMES: &str = "- name: kafka-shared-secret
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
    k(Tenant, "tenant.id", Str, "~", "${TENANT_UUID}", REQUIRED, "Tenant UUID or GWS ID."),
    k(Tenant, "tenant.sid", Str, "~", "${TENANT_ID}", REQUIRED, "Tenant short ID, e.g. 100. It names the release (ixn-<sid>), the databases and the pods."),
    k(Tenant, "replicaCount", Int, "1", "1", 0, "Replicas of both pods. IXN does not scale: 1 runs the tenant, 0 stops it."),
    // ---- Cluster & images
    k(Cluster, "image.registry", Str, r#""""#, "pureengage-docker-staging.jfrog.io", REQUIRED, "Images registry."),
    k(Cluster, "image.pullPolicy", Str, "IfNotPresent", "Always", 0, "Images pull policy: Always, IfNotPresent or Never."),
    k(Cluster, "image.imagePullSecrets", PullSecrets, "[]", "[{name: pullsecret}]", DERIVED, "Names of docker-registry secrets used to pull the images. Filled from the pull secret when you create one here."),
    k(Cluster, "ixnService.image.ixnServer.repository", Str, "~", "", 0, "Interaction Server image repository (the guide takes it from versions.yaml: ixn/interaction_server)."),
    k(Cluster, "ixnService.image.ixnServer.tag", Str, "~", "", 0, "Interaction Server image tag."),
    k(Cluster, "ixnService.image.ixnNode.repository", Str, "~", "", 0, "Interaction Server Node image repository (ixn/ixn_node)."),
    k(Cluster, "ixnService.image.ixnNode.tag", Str, "~", "", 0, "Interaction Server Node image tag."),
    k(Cluster, "ixnVQNode.image.ixnVQNode.repository", Str, "~", "", 0, "Interaction Server VQ Node image repository (ixn/ixn_vq_node)."),
    k(Cluster, "ixnVQNode.image.ixnVQNode.tag", Str, "~", "", 0, "Interaction Server VQ Node image tag."),
    // ---- Databases: IXN Server
    k(Databases, "ixnService.ixnServer.db.engine", Str, "postgre", "postgre", 0, "Interaction Server database engine. Only PostgreSQL (postgre) is supported."),
    k(Databases, "ixnService.ixnServer.db.host", Str, "~", "${POSTGRES_ADDR}", REQUIRED, "Interaction Server database host."),
    k(Databases, "ixnService.ixnServer.db.port", Port, "5432", "5432", 0, "Interaction Server database port."),
    k(Databases, "ixnService.ixnServer.db.name", Str, r#""""#, "ixn-${TENANT_ID}", DERIVED, "Interaction Server database name. Defaults here to ixn-<sid>."),
    k(Databases, "ixnService.ixnServer.db.connectionString", Str, "KeepaliveInterval=1;KeepaliveTime=60;", "KeepaliveInterval=1;KeepaliveTime=60;", 0, "Interaction Server database connection string suffix."),
    k(Databases, "ixnService.ixnServer.db.optionBlobChunkSize", Str, "~", "~", 0, "Interaction Server database blob chunk size. Can be left empty."),
    k(Databases, "ixnService.ixnServer.db.optionReconnectPause", Str, "~", "~", 0, "Interaction Server database reconnect pause. Can be left empty."),
    k(Databases, "ixnService.ixnServer.db.schemaName", Str, "~", "~", 0, "Interaction Server database schema name. Can be left empty."),
    k(Databases, "ixnService.ixnServer.dbinit.enabled", Bool, "", "true", 0, "Create the Interaction Server database on pod init."),
    k(Databases, "ixnService.ixnServer.secrets.db.enabled", Bool, "~", "true", DERIVED, "Enable the Interaction Server database secret made by the chart. Off means you create it yourself."),
    k(Databases, "ixnService.ixnServer.secrets.db.secretName", Str, "~", "ixn-db-secret-${TENANT_ID}", DERIVED, "Interaction Server database secret name. Defaults here to ixn-db-secret-<sid>."),
    k(Databases, "ixnService.ixnServer.secrets.db.username", Str, "~", "${POSTGRES_USER}", DERIVED, "Interaction Server database username to put in the secret. Defaults to the database owner role."),
    k(Databases, "ixnService.ixnServer.secrets.db.password", Str, "~", "${POSTGRES_PASSWORD}", DERIVED | SECRET, "Interaction Server database password to put in the secret. Defaults to the owner role's password."),
    // ---- Databases: IXN Node
    k(Databases, "ixnService.ixnNode.db.host", Str, "", "${POSTGRES_ADDR}", REQUIRED | DERIVED, "Interaction Server Node DB host. Defaults to the Interaction Server DB host. (The guide's lost indentation leaves unclear whether db sits under ixnNode or ixnNode.storingSessions; its Database snippet puts it under ixnNode, and so does this portal.)"),
    k(Databases, "ixnService.ixnNode.db.port", Port, "", "5432", DERIVED, "Interaction Server Node DB port. Defaults to the Interaction Server DB port."),
    k(Databases, "ixnService.ixnNode.db.name", Str, "", "ixn-node-${TENANT_ID}", DERIVED, "Interaction Server Node DB name. Defaults here to ixn-node-<sid>."),
    k(Databases, "ixnService.ixnNode.db.options.keepAlive", Bool, "", "true", 0, "Keep the Interaction Server Node DB connection alive."),
    k(Databases, "ixnService.ixnNode.db.options.keepAliveInitialDelayMillis", Int, "", "300000", 0, "Keep-alive initial delay, in milliseconds."),
    k(Databases, "ixnService.ixnNode.db.options.ssl", DbTls, "", "~", 0, "Interaction Server Node DB TLS (Node.js tls options). Empty: TLS off. {}: TLS on with defaults. Or custom options."),
    k(Databases, "ixnService.ixnNode.storingSessions.enabled", Bool, "", "true", 0, "Store Interaction Server Node sessions in the database."),
    k(Databases, "ixnService.ixnNode.dbinit.enabled", Bool, "", "true", 0, "Create the Interaction Server Node database on pod init."),
    k(Databases, "ixnService.ixnNode.secrets.db.enabled", Bool, "", "true", DERIVED, "Enable the Interaction Server Node database secret made by the chart."),
    k(Databases, "ixnService.ixnNode.secrets.db.secretName", Str, "", "ixn-node-db-secret-${TENANT_ID}", DERIVED, "Interaction Server Node database secret name. Defaults here to ixn-node-db-secret-<sid>."),
    k(Databases, "ixnService.ixnNode.secrets.db.username", Str, "", "${POSTGRES_USER}", DERIVED, "Interaction Server Node database username to put in the secret. Defaults to the database owner role."),
    k(Databases, "ixnService.ixnNode.secrets.db.password", Str, "", "${POSTGRES_PASSWORD}", DERIVED | SECRET, "Interaction Server Node database password to put in the secret."),
    // ---- Redis
    k(Redis, "ixnService.ixnNode.redis", RedisNodes, "[{host: ~, port: 6379, is_redis_cluster: ~}]", r#"[{host: "${REDIS_ADDR}", port: "${REDIS_PORT}", is_redis_cluster: "true"}]"#, REQUIRED, "Redis nodes Interaction Server Node connects to, and whether the Redis instance is a cluster."),
    k(Redis, "ixnService.ixnNode.redisOptions.tls.enabled", Bool, "~", "false", 0, "Enable TLS for the Interaction Server Node to Redis connection."),
    k(Redis, "ixnService.ixnNode.redisOptions.tls.rejectUnauthorized", Bool, "~", "false", 0, "Reject unauthorized hostnames when using a TLS connection."),
    // ---- Consul & Configuration Server
    k(Consul, "ixnService.ixnServer.confServer.host", Str, "~", "localhost", REQUIRED, "Configuration Server host Interaction Server connects to. localhost goes through the Consul connect upstream."),
    k(Consul, "ixnService.ixnServer.confServer.port", Port, "8888", "8888", 0, "Configuration Server port Interaction Server connects to."),
    k(Consul, "ixnService.ixnServer.confServer.appName", Str, "~", "InteractionServer", REQUIRED, "Interaction Server application name in Configuration Server."),
    k(Consul, "ixnService.ixnNode.configNode.host", Str, "~", "localhost", REQUIRED, "Voice Config Service (config node) host Interaction Server Node connects to."),
    k(Consul, "ixnService.ixnNode.configNode.port", Port, "8888", "11100", 0, "Voice Config Service port Interaction Server Node connects to."),
    k(Consul, "ixnService.ixnNode.consul.host", ConsulHost, "~", "{valueFrom: {fieldRef: {fieldPath: status.hostIP}}}", REQUIRED, "A Consul host is either a string literal or a valueFrom definition inserted into the pod definition (the node IP, for a Consul DaemonSet)."),
    k(Consul, "ixnService.ixnNode.consul.port", Port, "8500", "8500", 0, "Consul HTTP port."),
    k(Consul, "ixnService.ixnNode.consul.sslMode", Bool, "~", "false", 0, "Connect to Consul using SSL mode."),
    k(Consul, "ixnService.annotations", Template, "~", IXN_SERVICE_ANNOTATIONS, DERIVED, "Extra annotations for the Interaction Service pod, parsed as a template. The portal writes the guide's Consul connect annotations when Consul connect is on."),
    k(Consul, "ixnVQNode.annotations", Template, "~", VQ_NODE_ANNOTATIONS, DERIVED, "Extra annotations for the VQ Node pod, parsed as a template. The portal writes the guide's Consul connect annotations when Consul connect is on."),
    // ---- Ports & probes
    k(Ports, "ixnService.service.enabled", Bool, "true", "true", 0, "Enable the Kubernetes Service for the Interaction Service pod."),
    k(Ports, "ixnService.ixnServer.ports.default", Port, "13130", "7120", 0, "Interaction Server default port (IXN protocol)."),
    k(Ports, "ixnService.ixnServer.ports.health", Port, "13131", "9100", 0, "Interaction Server health port; also serves metrics at /health/prometheus/all."),
    k(Ports, "ixnService.ixnNode.ports.default", Port, "13133", "6120", 0, "Interaction Server Node default port; also serves /metrics."),
    k(Ports, "ixnVQNode.ports.default", Port, "13138", "7122", 0, "Interaction Server VQ Node default port."),
    k(Ports, "ixnVQNode.ports.health", Port, "13139", "9102", 0, "Interaction Server VQ Node health port; also serves /metrics."),
    k(Ports, "ixnService.ixnServer.livenessProbe.initialDelaySeconds", Int, "15", "15", 0, "Interaction Server liveness probe initial delay, in seconds."),
    k(Ports, "ixnService.ixnServer.livenessProbe.periodSeconds", Int, "30", "30", 0, "Interaction Server liveness probe check period, in seconds."),
    k(Ports, "ixnService.ixnServer.livenessProbe.timeoutSeconds", Int, "3", "3", 0, "Interaction Server liveness probe timeout, in seconds."),
    k(Ports, "ixnService.ixnServer.livenessProbe.failureThreshold", Int, "3", "3", 0, "Interaction Server liveness probe failure threshold."),
    k(Ports, "ixnService.ixnServer.readinessProbe.initialDelaySeconds", Int, "15", "15", 0, "Interaction Server readiness probe initial delay, in seconds."),
    k(Ports, "ixnService.ixnServer.readinessProbe.periodSeconds", Int, "30", "30", 0, "Interaction Server readiness probe check period, in seconds."),
    k(Ports, "ixnService.ixnServer.readinessProbe.timeoutSeconds", Int, "3", "3", 0, "Interaction Server readiness probe timeout, in seconds."),
    k(Ports, "ixnService.ixnServer.readinessProbe.failureThreshold", Int, "3", "3", 0, "Interaction Server readiness probe failure threshold."),
    k(Ports, "ixnService.ixnServer.startupProbe.periodSeconds", Int, "30", "30", 0, "Interaction Server startup probe check period, in seconds."),
    k(Ports, "ixnService.ixnServer.startupProbe.failureThreshold", Int, "120", "120", 0, "Interaction Server startup probe failure threshold."),
    k(Ports, "ixnService.ixnNode.livenessProbe.initialDelaySeconds", Int, "15", "15", 0, "Interaction Server Node liveness probe initial delay, in seconds."),
    k(Ports, "ixnService.ixnNode.livenessProbe.periodSeconds", Int, "30", "30", 0, "Interaction Server Node liveness probe check period, in seconds."),
    k(Ports, "ixnService.ixnNode.livenessProbe.timeoutSeconds", Int, "3", "3", 0, "Interaction Server Node liveness probe timeout, in seconds."),
    k(Ports, "ixnService.ixnNode.livenessProbe.failureThreshold", Int, "3", "3", 0, "Interaction Server Node liveness probe failure threshold."),
    k(Ports, "ixnService.ixnNode.readinessProbe.initialDelaySeconds", Int, "15", "15", 0, "Interaction Server Node readiness probe initial delay, in seconds."),
    k(Ports, "ixnService.ixnNode.readinessProbe.periodSeconds", Int, "30", "30", 0, "Interaction Server Node readiness probe check period, in seconds."),
    k(Ports, "ixnService.ixnNode.readinessProbe.timeoutSeconds", Int, "3", "3", 0, "Interaction Server Node readiness probe timeout, in seconds."),
    k(Ports, "ixnService.ixnNode.readinessProbe.failureThreshold", Int, "3", "3", 0, "Interaction Server Node readiness probe failure threshold."),
    k(Ports, "ixnVQNode.livenessProbe.initialDelaySeconds", Int, "15", "15", 0, "VQ Node liveness probe initial delay, in seconds."),
    k(Ports, "ixnVQNode.livenessProbe.periodSeconds", Int, "30", "30", 0, "VQ Node liveness probe check period, in seconds."),
    k(Ports, "ixnVQNode.livenessProbe.timeoutSeconds", Int, "3", "3", 0, "VQ Node liveness probe timeout, in seconds."),
    k(Ports, "ixnVQNode.livenessProbe.failureThreshold", Int, "3", "3", 0, "VQ Node liveness probe failure threshold."),
    k(Ports, "ixnVQNode.readinessProbe.initialDelaySeconds", Int, "15", "15", 0, "VQ Node readiness probe initial delay, in seconds."),
    k(Ports, "ixnVQNode.readinessProbe.periodSeconds", Int, "30", "30", 0, "VQ Node readiness probe check period, in seconds."),
    k(Ports, "ixnVQNode.readinessProbe.timeoutSeconds", Int, "3", "3", 0, "VQ Node readiness probe timeout, in seconds."),
    k(Ports, "ixnVQNode.readinessProbe.failureThreshold", Int, "3", "3", 0, "VQ Node readiness probe failure threshold."),
    // ---- Resources
    k(Resources, "ixnService.ixnServer.resources.requests.cpu", Quantity, "50m", "100m", 0, "Interaction Server CPU request."),
    k(Resources, "ixnService.ixnServer.resources.requests.memory", Quantity, "1Gi", "512Mi", 0, "Interaction Server memory request."),
    k(Resources, "ixnService.ixnServer.resources.limits.cpu", Quantity, "1.25", "200m", 0, "Interaction Server CPU limit."),
    k(Resources, "ixnService.ixnServer.resources.limits.memory", Quantity, "6Gi", "2Gi", 0, "Interaction Server memory limit."),
    k(Resources, "ixnService.ixnNode.resources.requests.cpu", Quantity, "40m", "40m", 0, "Interaction Server Node CPU request."),
    k(Resources, "ixnService.ixnNode.resources.requests.memory", Quantity, "128Mi", "128Mi", 0, "Interaction Server Node memory request."),
    k(Resources, "ixnService.ixnNode.resources.limits.cpu", Quantity, "300m", "300m", 0, "Interaction Server Node CPU limit."),
    k(Resources, "ixnService.ixnNode.resources.limits.memory", Quantity, "320Mi", "320Mi", 0, "Interaction Server Node memory limit."),
    k(Resources, "ixnService.logSidecar.resources.requests.cpu", Quantity, "40m", "", 0, "Logging sidecar CPU request."),
    k(Resources, "ixnService.logSidecar.resources.requests.memory", Quantity, "128Mi", "", 0, "Logging sidecar memory request."),
    k(Resources, "ixnService.logSidecar.resources.limits.cpu", Quantity, "300m", "", 0, "Logging sidecar CPU limit."),
    k(Resources, "ixnService.logSidecar.resources.limits.memory", Quantity, "320Mi", "", 0, "Logging sidecar memory limit."),
    k(Resources, "ixnVQNode.resources.requests.cpu", Quantity, "30m", "30m", 0, "VQ Node CPU request."),
    k(Resources, "ixnVQNode.resources.requests.memory", Quantity, "128Mi", "128Mi", 0, "VQ Node memory request."),
    k(Resources, "ixnVQNode.resources.limits.cpu", Quantity, "300m", "300m", 0, "VQ Node CPU limit."),
    k(Resources, "ixnVQNode.resources.limits.memory", Quantity, "160Mi", "160Mi", 0, "VQ Node memory limit."),
    k(Resources, "ixnService.ixnServer.jvmOptions", Jvm, JVM_DEFAULT, JVM_DEFAULT, 0, "JVM options for Interaction Server, numbered \"1\" to \"7\" and up; applied in key order."),
    // ---- Observability & logging
    k(Observability, "ixnService.prometheus.podMonitor.enabled", Bool, "false", "", 0, "Create a PodMonitor (Prometheus operator CRD) for the Interaction Service pod. Monitoring is off by default."),
    k(Observability, "ixnService.prometheus.podMonitor.targetLabels", Map, "{}", "", 0, "Pod labels copied onto the scraped metrics."),
    k(Observability, "ixnService.prometheus.monitoringService.enabled", Bool, "", "true", 0, "Enable a Service with Prometheus annotations for metrics scraping."),
    k(Observability, "ixnVQNode.prometheus.podMonitor.enabled", Bool, "false", "", 0, "Create a PodMonitor for the VQ Node pod."),
    k(Observability, "ixnVQNode.prometheus.podMonitor.targetLabels", Map, "{}", "", 0, "Pod labels copied onto the scraped metrics."),
    k(Observability, "ixnVQNode.prometheus.monitoringService.enabled", Bool, "", "true", 0, "Enable a Service with Prometheus annotations for VQ Node metrics scraping."),
    k(Observability, "ixnService.image.logSidecar.enabled", Bool, "false", "true", 0, "Enable the Interaction Server logging sidecar (fluent-bit). The pod then has 5 containers instead of 4."),
    k(Observability, "ixnService.image.logSidecar.repository", Str, "~", "fluent/fluent-bit", 0, "Logging sidecar image repository, in the same registry as the other images."),
    k(Observability, "ixnService.image.logSidecar.tag", Str, "~", "1.8.5", 0, "Logging sidecar image tag. Must be fluent-bit 1.8.x."),
    k(Observability, "ixnService.logSidecar.ports.health", Port, "13137", "", 0, "Logging sidecar health port."),
    k(Observability, "ixnService.logSidecar.settings.enableHealthPort", Bool, "false", "", 0, "Enable the logging sidecar's health port."),
    k(Observability, "ixnService.ixnServer.logStorage.mountPath", Str, "/mnt/logs", "/mnt/logs", 0, "Interaction Server logs mount path."),
    k(Observability, "ixnService.ixnServer.logStorage.storageSize", Quantity, "~", "1Gi", 0, "Interaction Server log storage size. Used for the PVC; can be left empty."),
    k(Observability, "ixnService.ixnServer.logStorage.storageClassName", Str, "~", "~", 0, "Interaction Server log storage class name. Used for the PVC; can be left empty. The volume must sustain 100 MB/min, and 10 MB/s for 2 minutes at peak."),
    k(Observability, "ixnService.ixnServer.logStorage.volume", Object, "{}", "{emptyDir: {}}", 0, "A volume definition inserted into the Interaction Server container definition, e.g. {emptyDir: {}}."),
    k(Observability, "ixnService.ixnNode.settings.mountPath", Str, "/mnt/settings", "/mnt/settings", 0, "Interaction Server Node settings mount path."),
    k(Observability, "ixnService.ixnNode.settings.file", Str, "settings.json", "settings.json", 0, "Interaction Server Node settings file name."),
    // ---- Scheduling & security
    k(Scheduling, "podLabels", Map, "{}", "{}", 0, "Labels added to all pods."),
    k(Scheduling, "podAnnotations", Map, "{}", "{}", 0, "Annotations added to all pods."),
    k(Scheduling, "ixnService.labels", Map, "{}", "{}", 0, "Extra labels for the Interaction Service pod."),
    k(Scheduling, "ixnService.nodeSelector", Map, "{}", "{}", 0, "Node labels for assignment of the Interaction Service pod."),
    k(Scheduling, "ixnService.priorityClassName", Str, r#""""#, r#""""#, 0, "Priority class of the Interaction Service pod."),
    k(Scheduling, "ixnService.securityContext", Object, "{}", "{}", 0, SC),
    k(Scheduling, "ixnService.ixnServer.serviceAccount.create", Bool, "true", "true", 0, "Create a service account for Interaction Server."),
    k(Scheduling, "ixnService.ixnServer.serviceAccount.name", Str, "~", "", 0, "The service account to use. If not set and create is true, a name is generated from the fullname template. It must start with ixn-server- for Consul injection to work."),
    k(Scheduling, "ixnVQNode.labels", Map, "{}", "{}", 0, "Extra labels for the VQ Node pod."),
    k(Scheduling, "ixnVQNode.nodeSelector", Map, "{}", "{}", 0, "Node labels for assignment of the VQ Node pod."),
    k(Scheduling, "ixnVQNode.priorityClassName", Str, r#""""#, r#""""#, 0, "Priority class of the VQ Node pod."),
    k(Scheduling, "ixnVQNode.securityContext", Object, "{}", "{}", 0, SC),
    k(Scheduling, "ixnVQNode.serviceAccount.create", Bool, "true", "true", 0, "Create a service account for Interaction Server VQ Node."),
    k(Scheduling, "ixnVQNode.serviceAccount.name", Str, "~", "", 0, "The VQ Node service account to use. If not set and create is true, a name is generated."),
    // ---- Volumes (derived from the secret settings; shown on the Kafka and Redis steps)
    k(Kafka, "ixnService.volumes", Template, "~", IXN_SERVICE_VOLUMES, DERIVED, "Volumes of the Interaction Service pod, parsed as a template. The portal mounts redis-ors-secret and kafka-shared-secret here when secret mounts are on."),
    k(Kafka, "ixnService.ixnServer.volumeMounts", Mounts, "{}", KAFKA_MOUNT, DERIVED, "Volumes mounted into the Interaction Server container."),
    k(Redis, "ixnService.ixnNode.volumeMounts", Mounts, "{}", REDIS_MOUNT, DERIVED, "Volumes mounted into the Interaction Server Node container."),
    k(Kafka, "ixnVQNode.volumes", Template, "", VQ_NODE_VOLUMES, DERIVED, "Volumes of the VQ Node pod, parsed as a template."),
    k(Kafka, "ixnVQNode.volumeMounts", Mounts, "{}", KAFKA_MOUNT, DERIVED, "Volumes mounted into the VQ Node container."),
];
