//! The metrics the guide supports ("Interaction Server (IXN) metrics and alerts").
//! The guide's PDF table is garbled in places; names marked `reconstructed` were
//! pieced together from broken text and should be checked against /metrics.

/// What a metric indicates, as the guide classifies it.
pub type Indicator = &'static str;

/// One supported metric.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Metric {
    /// The metric name.
    pub name: &'static str,
    /// Gauge or Counter.
    pub kind: &'static str,
    /// Its labels, comma-separated ("" for none).
    pub labels: &'static str,
    /// Workload, Operability, Error.
    pub indicator: Indicator,
    /// What it means.
    pub help: &'static str,
    /// Which container serves it.
    pub source: &'static str,
    /// The name was pieced together from a garbled line of the guide.
    pub reconstructed: bool,
}

const fn m(
    name: &'static str,
    kind: &'static str,
    labels: &'static str,
    indicator: Indicator,
    help: &'static str,
) -> Metric {
    let source = if name.as_bytes()[3] == b'n' { "IXN Node" } else { "IXN Server" };
    Metric { name, kind, labels, indicator, help, source, reconstructed: false }
}

const fn r(metric: Metric) -> Metric {
    Metric { reconstructed: true, ..metric }
}

/// Every supported metric, in the guide's order.
pub const METRICS: &[Metric] = &[
    m("ixn_health_info_current_clients", "Gauge", "", "Workload", "Clients connected to IXN now."),
    m("ixn_health_info_current_routers", "Gauge", "", "Workload, Operability", "Routers connected to IXN now."),
    m(
        "ixn_health_info_client_count",
        "Gauge",
        "client_type_name",
        "Workload",
        "Connected clients of a type (Agent application, Routing engine, Universal router, …).",
    ),
    m(
        "ixn_health_info_router_total_submitted",
        "Counter",
        "router_name",
        "Workload, Operability",
        "Interactions submitted to the router since start.",
    ),
    m(
        "ixn_health_info_router_strategy_load_count",
        "Gauge",
        "router_name, strategy_name, strategy_tenant",
        "Workload",
        "Strategies of a name loaded into a router.",
    ),
    m(
        "ixn_health_info_router_current_capacity",
        "Gauge",
        "router_name",
        "Workload, Operability",
        "Interactions the router can still take (not counting those submitted).",
    ),
    m(
        "ixn_health_info_router_currently_submitted",
        "Gauge",
        "router_name",
        "Workload, Operability",
        "Interactions in the router now.",
    ),
    r(m(
        "ixn_health_info_current_strategies",
        "Gauge",
        "",
        "Workload, Operability",
        "Strategies associated with active submitters.",
    )),
    m(
        "ixn_health_info_router_max_submitted",
        "Gauge",
        "router_name",
        "Workload, Operability",
        "The router's capacity: currently submitted + current capacity.",
    ),
    r(m(
        "ixn_health_info_current_database_requests",
        "Gauge",
        "",
        "Workload, Operability",
        "Database request queue length now.",
    )),
    r(m(
        "ixn_health_info_total_database_requests",
        "Counter",
        "",
        "Workload, Operability",
        "Database requests processed since start.",
    )),
    r(m(
        "ixn_health_info_current_database_connections",
        "Gauge",
        "",
        "Workload, Operability",
        "Database connections now.",
    )),
    r(m(
        "ixn_health_info_total_database_deadlocks",
        "Counter",
        "",
        "Workload, Operability",
        "Database queries that ended in a deadlock since start.",
    )),
    m(
        "ixn_health_info_router_strategy_last_submitted_at",
        "Gauge",
        "router_name, strategy_name, strategy_tenant",
        "Workload, Operability",
        "Unix time of the last interaction a strategy submitted.",
    ),
    m(
        "ixn_health_info_queue_media_waiting_processing",
        "Gauge",
        "queue_name, queue_tenant, media_name",
        "Workload",
        "Interactions of a media type waiting for processing in a queue (also in Pulse).",
    ),
    r(m("ixn_health_info_agent_logged_in", "Gauge", "agent_tenant", "Workload", "Agents logged in now.")),
    m(
        "ixn_health_info_queue_media_in_router",
        "Gauge",
        "queue_name, queue_tenant, media_name",
        "Workload, Operability",
        "Interactions of a media type from a queue being routed.",
    ),
    m(
        "ixn_health_info_queue_media_on_agent",
        "Gauge",
        "queue_name, queue_tenant, media_name",
        "Workload, Operability",
        "Interactions of a media type from a queue being handled by agents.",
    ),
    m(
        "ixn_health_info_queue_media_current_length",
        "Gauge",
        "queue_name, queue_tenant, media_name",
        "Workload, Operability",
        "Interactions waiting in a queue that were never delivered to an agent (also in Pulse).",
    ),
    m(
        "ixn_health_info_queue_media_in_processing",
        "Gauge",
        "queue_name, queue_tenant, media_name",
        "Workload, Operability",
        "In router + on agent, for a queue and media type (also in Pulse).",
    ),
    m(
        "ixn_health_info_router_strategy_currently_submitted",
        "Gauge",
        "router_name, strategy_name, strategy_tenant",
        "Workload, Operability",
        "Interactions a strategy has in a router now.",
    ),
    m(
        "ixn_health_info_router_strategy_current_capacity",
        "Gauge",
        "router_name, strategy_name, strategy_tenant",
        "Workload, Operability",
        "Interactions a strategy can still submit to a router.",
    ),
    m(
        "ixn_health_info_router_strategy_total_submitted",
        "Counter",
        "router_name, strategy_name, strategy_tenant",
        "Workload, Operability",
        "Interactions a strategy submitted since start.",
    ),
    m("ixnnode_interactions_pulled_total", "Counter", "strategy", "Workload", "Interactions pulled for a strategy."),
    r(m("ixnnode_routing_sessions_current", "Gauge", "", "Workload, Operability", "Routing sessions in routing now.")),
    r(m(
        "ixnnode_all_instructions_received_total",
        "Counter",
        "",
        "Workload, Operability",
        "Instructions of any type received from ORS.",
    )),
    m(
        "ixnnode_routing_instructions_received_total",
        "Counter",
        "strategy, type",
        "Workload, Operability",
        "Routing instructions received (type terminal or non-terminal).",
    ),
    m(
        "ixnnode_redis_client_status",
        "Gauge",
        "redis_client",
        "Operability",
        "Redis client (reader, writer) status: 1 ready, 0 not ready.",
    ),
    m("ixnnode_redis_client_errors_total", "Counter", "redis_client", "Error", "Errors on a Redis client."),
    m(
        "ixnnode_redis_client_node_status",
        "Gauge",
        "redis_client, node",
        "Operability",
        "Status of a Redis cluster node as a client sees it.",
    ),
    r(m(
        "ixnnode_redis_client_node_errors_total",
        "Counter",
        "redis_client, node",
        "Error",
        "Errors on a Redis cluster node.",
    )),
    m(
        "ixnnode_redis_commands_completed_total",
        "Counter",
        "redis_client, command",
        "Workload, Operability",
        "Redis commands (xadd, xread, xdel) completed.",
    ),
    m(
        "ixnnode_redis_commands_failed_total",
        "Counter",
        "redis_client, command",
        "Error",
        "Redis commands (xadd, xread, xdel) failed.",
    ),
    m("ixnnode_rq_client_status", "Gauge", "rq_node", "Operability", "Status of the connection to an RQ Service node."),
    m(
        "ixnnode_rq_requests_failed_total",
        "Counter",
        "type",
        "Error",
        "Failed requests to RQ Service (isp_event, ixn_ping).",
    ),
    r(m(
        "ixnnode_instructions_processing_queue_concurrency_limit",
        "Gauge",
        "",
        "n/a",
        "Routing instructions that can be processed in parallel.",
    )),
    m(
        "ixnnode_instructions_processing_queue_size",
        "Gauge",
        "type",
        "Workload, Operability",
        "Instructions from ORS being processed now (isp_request, ixn_ping).",
    ),
    m(
        "ixnnode_pull_request_total",
        "Counter",
        "strategy",
        "Workload, Operability",
        "RequestPull requests completed by Interaction Server.",
    ),
    m(
        "ixnnode_route_request_sent_total",
        "Counter",
        "strategy",
        "Workload, Operability",
        "Route requests sent to ORS.",
    ),
    m("ixnnode_route_request_failed_total", "Counter", "strategy", "Error", "Route requests that failed to reach ORS."),
    r(m(
        "ixnnode_instructions_processed",
        "Gauge",
        "",
        "Workload",
        "Routing instructions being processed by IXN Server now.",
    )),
    m(
        "ixnnode_interactions_placed_back_total",
        "Counter",
        "reason, strategy",
        "Workload, Error",
        "Interactions placed back in queue, by reason (StrategyBackRequest, Implicit, Error, SubmitError, …).",
    ),
    r(m(
        "ixnnode_running_strategies_current",
        "Gauge",
        "",
        "Operability",
        "Strategies for which interactions are being pulled now.",
    )),
    r(m(
        "ixnnode_configured_strategies_current",
        "Gauge",
        "",
        "Operability",
        "Strategies in the configuration for which interactions should be pulled.",
    )),
    r(m(
        "ixnnode_configuration_fetch_errors_total",
        "Counter",
        "",
        "Error",
        "Errors fetching the configuration from Configuration Service.",
    )),
    r(m(
        "ixnnode_last_fetched_configuration_timestamp",
        "Gauge",
        "",
        "Operability",
        "When the configuration was last fetched, in seconds since 1970.",
    )),
];

/// The metrics whose name, kind, labels, indicator or meaning contain `query`
/// (ASCII case-insensitive, as the metrics are ASCII; every word must match).
pub fn search(query: &str) -> Vec<&'static Metric> {
    let words: Vec<String> = query.split_whitespace().map(str::to_ascii_lowercase).collect();
    METRICS
        .iter()
        .filter(|m| {
            let hay = format!("{} {} {} {} {} {}", m.name, m.kind, m.labels, m.indicator, m.help, m.source)
                .to_ascii_lowercase();
            words.iter().all(|w| hay.contains(w))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_and_search() {
        assert!(METRICS.len() >= 45);
        assert!(METRICS.iter().all(|m| m.name.starts_with("ixn_health_info_") || m.name.starts_with("ixnnode_")));
        assert_eq!(search("redis error").len(), 3);
        assert_eq!(search("").len(), METRICS.len());
        assert!(search("RQ").iter().any(|m| m.name == "ixnnode_rq_requests_failed_total"));
        assert_eq!(METRICS.iter().find(|m| m.name == "ixnnode_rq_client_status").unwrap().source, "IXN Node");
    }
}
