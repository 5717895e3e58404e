//! Monitoring: turning the PodMonitors on, sample PromQL for the key metrics, and a
//! small set of suggested alerts (the guide defines none).

use super::{Item, Section};
use crate::generate::commands::release_name;
use crate::generate::shell::{command, heredoc};
use crate::model::{Config, Effective};
use crate::registry::keys;
use crate::yaml::{to_yaml, EmitOptions, Node};

/// A PromQL label matcher value: `"` and `\` escaped.
fn promql_str(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// The sample queries: (title, query).
pub fn queries(cfg: &Config) -> Vec<(&'static str, String)> {
    let sel = format!("namespace={}", promql_str(&cfg.deploy.namespace));
    vec![
        (
            "Router capacity in use (0 to 1)",
            format!(
                "ixn_health_info_router_currently_submitted{{{sel}}} / ixn_health_info_router_max_submitted{{{sel}}}"
            ),
        ),
        (
            "Interactions waiting, per queue",
            format!("sum by (queue_name, media_name) (ixn_health_info_queue_media_waiting_processing{{{sel}}})"),
        ),
        ("Redis clients not ready (should be empty)", format!("ixnnode_redis_client_status{{{sel}}} == 0")),
        (
            "RQ Service request failures per second",
            format!("sum by (type) (rate(ixnnode_rq_requests_failed_total{{{sel}}}[5m]))"),
        ),
        ("Database request queue", format!("ixn_health_info_current_database_requests{{{sel}}}")),
    ]
}

fn rule(alert: &str, expr: String, for_: &str, severity: &str, summary: &str) -> Node {
    let mut r = Node::map();
    r.insert(&["alert"], Node::str(alert), None);
    r.insert(&["expr"], Node::str(expr), None);
    r.insert(&["for"], Node::str(for_), None);
    r.insert(&["labels", "severity"], Node::str(severity), None);
    r.insert(&["annotations", "summary"], Node::str(summary), None);
    r
}

/// The suggested PrometheusRule, for this release's namespace and pods.
pub fn suggested_rules(cfg: &Config) -> String {
    let ns = &cfg.deploy.namespace;
    let release = release_name(cfg);
    let sel = format!("namespace={}", promql_str(ns));
    let pods = format!("{sel}, pod=~{}", promql_str(&format!("{}-.*", regex_escape(&release))));
    let mut doc = Node::map();
    doc.insert(&["apiVersion"], Node::str("monitoring.coreos.com/v1"), None);
    doc.insert(&["kind"], Node::str("PrometheusRule"), None);
    doc.insert(&["metadata", "name"], Node::str(format!("{release}-suggested-alerts")), None);
    doc.insert(&["metadata", "namespace"], Node::str(ns.clone()), None);
    doc.insert(&["metadata", "labels", "app.kubernetes.io/instance"], Node::str(release.clone()), None);
    let rules = vec![
        rule("IxnRedisClientNotReady", format!("min by (pod, redis_client) (ixnnode_redis_client_status{{{pods}}}) == 0"), "5m", "critical",
            "IXN Node cannot use Redis: routing through ORS stops."),
        rule("IxnRouterNearCapacity", format!("ixn_health_info_router_currently_submitted{{{pods}}} / ixn_health_info_router_max_submitted{{{pods}}} > 0.9"), "10m", "warning",
            "A router is above 90% of its capacity."),
        rule("IxnDatabaseQueueGrowing", format!("ixn_health_info_current_database_requests{{{pods}}} > 100"), "5m", "warning",
            "IXN's database request queue stays long: the database may be slow."),
        rule("IxnRqRequestsFailing", format!("sum by (pod) (rate(ixnnode_rq_requests_failed_total{{{pods}}}[5m])) > 0"), "10m", "warning",
            "Requests to RQ Service are failing."),
        rule("IxnConfigurationFetchErrors", format!("increase(ixnnode_configuration_fetch_errors_total{{{pods}}}[15m]) > 0"), "0m", "warning",
            "IXN Node could not fetch its configuration."),
    ];
    let mut group = Node::map();
    group.insert(&["name"], Node::str("ixn-suggested"), None);
    group.insert(&["rules"], Node::Seq(rules), None);
    doc.insert(&["spec", "groups"], Node::Seq(vec![group]), None);
    format!(
        "# Suggested by the IXN configuration portal; the guide defines no alerts. Tune before use.\n{}",
        to_yaml(&doc, EmitOptions::default())
    )
}

/// Escapes regex metacharacters for a PromQL `=~` matcher.
fn regex_escape(s: &str) -> String {
    s.chars().fold(String::new(), |mut out, c| {
        if "\\.+*?()|[]{}^$".contains(c) {
            out.push('\\');
        }
        out.push(c);
        out
    })
}

pub(super) fn section(cfg: &Config, real: &Effective) -> Section {
    let ns = cfg.deploy.namespace.as_str();
    let on = |key| real.bool(key) == Some(true);
    let both =
        on(keys::IXN_SERVICE_PROMETHEUS_POD_MONITOR_ENABLED) && on(keys::IXN_VQNODE_PROMETHEUS_POD_MONITOR_ENABLED);
    let mut items = vec![Item::manual(
        "monitoring-enable",
        "Turn on the PodMonitors",
        if both {
            "Both PodMonitors are on in these values (ixnService and ixnVQNode prometheus.podMonitor.enabled)."
        } else {
            "Monitoring is off by default. Set ixnService.prometheus.podMonitor.enabled and ixnVQNode.prometheus.podMonitor.enabled on the Observability step (needs the Prometheus operator's PodMonitor CRD)."
        },
        Some(command(&["kubectl", "get", "podmonitors", "--namespace", ns])),
    )];
    items.extend(queries(cfg).into_iter().map(|(title, q)| Item {
        id: "monitoring-query",
        title: format!("PromQL: {title}"),
        note: "Paste into Prometheus or a Grafana panel.".into(),
        script: None,
        query: Some(q),
        manual: true,
        destructive: false,
    }));
    items.push(Item::check(
        "monitoring-alerts",
        "Suggested alerts (a PrometheusRule)",
        "Suggestions from this portal, not the guide's (it defines no alerts). Review thresholds before applying.",
        heredoc(&command(&["kubectl", "apply", "--namespace", ns, "-f", "-"]), &suggested_rules(cfg), "EOF"),
    ));
    Section {
        id: "monitoring",
        title: "Monitoring",
        intro: "Metrics from IXN Server (/health/prometheus/all), IXN Node and VQ Node (/metrics).",
        items,
    }
}
