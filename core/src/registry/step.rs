//! The wizard's steps, in the order an admin works.

use serde::{Deserialize, Serialize};

/// One wizard step. Every values key and context field belongs to exactly one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Step {
    /// Tenant IDs, namespace, release and chart.
    Tenant,
    /// Platform, registry, pull secret and images.
    Cluster,
    /// The IXN Server and IXN Node PostgreSQL databases.
    Databases,
    /// Redis for IXN Node.
    Redis,
    /// Kafka for IXN Server and VQ Node.
    Kafka,
    /// Consul and Configuration Server.
    Consul,
    /// Ports and probes.
    Ports,
    /// Requests, limits and totals.
    Resources,
    /// Monitoring and logging.
    Observability,
    /// nodeSelector, labels, annotations, priority, security context, service accounts.
    Scheduling,
    /// The user's own chart version: its values file, and its keys the registry does
    /// not know ("Other chart keys").
    Chart,
    /// Every finding, and the generated files.
    Review,
}

impl Step {
    /// Every step, in wizard order.
    pub const ALL: [Step; 12] = [
        Step::Tenant,
        Step::Cluster,
        Step::Databases,
        Step::Redis,
        Step::Kafka,
        Step::Consul,
        Step::Ports,
        Step::Resources,
        Step::Observability,
        Step::Scheduling,
        Step::Chart,
        Step::Review,
    ];

    /// The step's title as the wizard shows it.
    pub fn title(self) -> &'static str {
        match self {
            Step::Tenant => "Tenant & release",
            Step::Cluster => "Cluster & images",
            Step::Databases => "Databases",
            Step::Redis => "Redis",
            Step::Kafka => "Kafka",
            Step::Consul => "Consul & Configuration Server",
            Step::Ports => "Ports & probes",
            Step::Resources => "Resources & sizing",
            Step::Observability => "Observability & logging",
            Step::Scheduling => "Scheduling & security",
            Step::Chart => "Your chart",
            Step::Review => "Review",
        }
    }

    /// The URL fragment slug, e.g. `tenant`.
    pub fn slug(self) -> &'static str {
        match self {
            Step::Tenant => "tenant",
            Step::Cluster => "cluster",
            Step::Databases => "databases",
            Step::Redis => "redis",
            Step::Kafka => "kafka",
            Step::Consul => "consul",
            Step::Ports => "ports",
            Step::Resources => "resources",
            Step::Observability => "observability",
            Step::Scheduling => "scheduling",
            Step::Chart => "chart",
            Step::Review => "review",
        }
    }

    /// The page of the Genesys guide the step's questions come from.
    pub fn guide(self) -> Guide {
        match self {
            Step::Tenant | Step::Cluster => Guide::Deploy,
            // The Deploy page holds the Redis, Kafka and DB secrets these steps fill.
            Step::Databases | Step::Redis | Step::Kafka | Step::Consul => Guide::Deploy,
            // The chart's own values are the Configure page's table, for the user's version.
            Step::Ports | Step::Resources | Step::Scheduling | Step::Observability | Step::Chart => Guide::Configure,
            Step::Review => Guide::Architecture,
        }
    }

    /// The step with this slug.
    pub fn from_slug(slug: &str) -> Option<Step> {
        Step::ALL.into_iter().find(|s| s.slug() == slug)
    }
}

/// A page of the Genesys "Interaction Server Private Edition Guide", as published.
// Only pages whose address is confirmed (named by the issue, or printed in the Genesys
// values files in ../shared) are listed: a guessed address would send the admin to a 404.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Guide {
    /// "Configure Interaction Server": the values table.
    Configure,
    /// "Deploy Interaction Server": the secrets, the sample override_values.yaml, helm.
    Deploy,
    /// "Architecture": the connections.
    Architecture,
}

impl Guide {
    /// The page's published address (opened in a new tab; the portal fetches nothing).
    pub fn url(self) -> &'static str {
        match self {
            Guide::Configure => "https://all.docs.genesys.com/IXN/Current/IXNPEGuide/Configure",
            Guide::Deploy => "https://all.docs.genesys.com/IXN/Current/IXNPEGuide/Deploy",
            Guide::Architecture => "https://all.docs.genesys.com/IXN/Current/IXNPEGuide/ArchitectureIXN",
        }
    }

    /// The page's title in the guide.
    pub fn title(self) -> &'static str {
        match self {
            Guide::Configure => "Configure Interaction Server",
            Guide::Deploy => "Deploy Interaction Server",
            Guide::Architecture => "Architecture",
        }
    }
}
