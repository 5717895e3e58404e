//! The validation rules.

use super::{Finding, Location, Part};
use crate::model::{ctx, secret_fields, ContextDef};
use crate::model::{
    is_uuid, not_dns1123_label, not_dns1123_subdomain, release_name, Config, DbTls, Effective, Platform, Quantity,
    Value,
};
use crate::registry::constraint::{IntRange, MetaMap};
use crate::registry::containers::CONTAINERS;
use crate::registry::{keys, Constraint, KeyDef, Pattern, KEYS};

/// Every finding for `cfg`, errors first, then in wizard order.
pub fn validate(cfg: &Config, eff: &Effective) -> Vec<Finding> {
    let mut out = Vec::new();
    typed_inputs(cfg, &mut out);
    required(cfg, eff, &mut out);
    constraints(cfg, eff, &mut out);
    ports(eff, &mut out);
    resources(eff, &mut out);
    names(cfg, &mut out);
    postgres_names(cfg, eff, &mut out);
    tls(cfg, eff, &mut out);
    consul_and_sidecar(cfg, eff, &mut out);
    context(cfg, &mut out);
    super::gitops::gitops(cfg, &mut out);
    super::chart::chart(cfg, eff, &mut out);
    placeholders(cfg, eff, &mut out);
    // Errors first, each group in the order found (a partition, not a sort: no
    // sort code for one two-valued key).
    let (mut errors, warnings): (Vec<_>, Vec<_>) = out.into_iter().partition(|f| f.severity == super::Severity::Error);
    errors.extend(warnings);
    errors
}

fn has_control(s: &str) -> bool {
    s.chars().any(|c| c.is_control() && c != '\t')
}

/// Text that does not parse as its kind, and control characters in one-line fields.
fn typed_inputs(cfg: &Config, out: &mut Vec<Finding>) {
    for (def, value) in cfg.values.iter() {
        let err = match value {
            Value::Port(i) => i.error().map(str::to_string),
            Value::Int(i) => i.error().map(str::to_string),
            Value::Quantity(i) => i.error().map(str::to_string),
            Value::Object(i) | Value::DbTls(DbTls::Custom(i)) => i.error().map(str::to_string),
            Value::Str(s) if has_control(s) => {
                Some("contains a line break or control character, which this field cannot hold".into())
            }
            _ => None,
        };
        if let Some(e) = err {
            out.push(Finding::error(def, e));
        }
        if let Value::Redis(nodes) = value {
            for (i, n) in nodes.iter().enumerate() {
                if let Some(e) = n.port.error() {
                    out.push(Finding::error(Location::Item { key: def, index: i, part: Part::Port }, e));
                }
            }
        }
        if let Value::Map(rows) | Value::Jvm(rows) = value {
            // A set, not a scan of earlier rows: label maps can hold thousands of rows.
            let mut seen = std::collections::HashSet::with_capacity(rows.len());
            for (i, (k, _)) in rows.iter().enumerate() {
                if k.trim().is_empty() {
                    out.push(Finding::error(def, format!("row {} has no name", i + 1)));
                } else if !seen.insert(k.as_str()) {
                    out.push(Finding::error(def, format!("\"{k}\" appears twice; the last one would win")));
                }
            }
        }
        if let Value::Mounts(mounts) = value {
            for m in mounts {
                if m.name.trim().is_empty() || m.mount_path.trim().is_empty() {
                    out.push(Finding::error(def, "every volume mount needs a volume name and a mount path"));
                } else if !m.mount_path.starts_with('/') {
                    out.push(Finding::error(def, format!("mount path \"{}\" must be absolute", m.mount_path)));
                }
            }
        }
    }
}

fn required(cfg: &Config, eff: &Effective, out: &mut Vec<Finding>) {
    for def in KEYS.iter().filter(|k| k.required()) {
        let missing = eff.get(def).is_none_or(Value::is_missing);
        if missing {
            // The label names what is missing; the field's help says the rest.
            out.push(Finding::error(def, format!("{} is required.", def.title)));
        }
    }
    let _ = cfg;
    // The rows the form shows: the user's list, else the chart's one empty row.
    match eff.get(keys::IXN_SERVICE_IXN_NODE_REDIS) {
        Some(Value::Redis(nodes)) if !nodes.is_empty() => {
            for (i, n) in nodes.iter().enumerate() {
                if n.host.trim().is_empty() {
                    let which = if nodes.len() == 1 { String::new() } else { format!(" of row {}", i + 1) };
                    out.push(Finding::error(
                        Location::Item { key: keys::IXN_SERVICE_IXN_NODE_REDIS, index: i, part: Part::Host },
                        format!("The Redis host{which} is required."),
                    ));
                }
            }
        }
        _ => out.push(Finding::error(keys::IXN_SERVICE_IXN_NODE_REDIS, "Add at least one Redis node.")),
    }
}

/// Each key's own constraint ([`KeyDef::constraint`]): ranges, patterns. It reads what
/// was typed, else the effective value (a derived name is checked too), so that a
/// placeholder written in place of a typed value does not hide the typed one.
fn constraints(cfg: &Config, eff: &Effective, out: &mut Vec<Finding>) {
    for def in KEYS {
        let Some(value) = cfg.values.get(def).or_else(|| eff.get(def)) else { continue };
        check(def, value, out);
    }
}

/// The finding, if any, of `value` against `def`'s constraint.
fn check(def: &'static KeyDef, value: &Value, out: &mut Vec<Finding>) {
    match def.constraint {
        Constraint::Free => {}
        Constraint::Int(&IntRange { min, max, why }) => {
            let n = match value {
                Value::Int(i) => i.value().copied(),
                Value::Port(p) => p.value().map(|&p| i64::from(u16::from(p))),
                _ => None,
            };
            if n.is_some_and(|n| n < min || n > max) {
                out.push(Finding::error(def, why));
            }
        }
        Constraint::NonNegativeQuantity => {
            if let Value::Quantity(q) = value {
                if q.value().is_some_and(|q| q.nanos() < 0) {
                    out.push(Finding::error(def, "must not be negative"));
                }
            }
        }
        Constraint::OneOf(options) => {
            if let Value::Str(s) = value {
                if !s.is_empty() && !s.contains('$') && !options.contains(&s.as_str()) {
                    out.push(Finding::error(def, format!("\"{s}\" is not one of {}.", options.join(", "))));
                }
            }
        }
        Constraint::MetaMap(kind) => {
            let Value::Map(entries) = value else { return };
            for (key, val) in entries {
                // A placeholder is checked once it is filled in.
                if key.contains('$') {
                    continue;
                }
                if let Some(e) = qualified_name(key) {
                    out.push(Finding::error(def, format!("the key \"{key}\" is not a Kubernetes key: it {e}")));
                }
                if kind == MetaMap::Labels && !val.is_empty() && !val.contains('$') {
                    if let Some(e) = name_part(val) {
                        out.push(Finding::error(def, format!("the value of \"{key}\" is not a label value: it {e}")));
                    }
                }
            }
        }
        Constraint::Pattern(pattern) => {
            let texts: Vec<&str> = match value {
                Value::Str(s) => vec![s.as_str()],
                Value::PullSecrets(names) => names.iter().map(String::as_str).collect(),
                _ => Vec::new(),
            };
            for text in texts {
                if let Some(message) = mismatch(pattern, text) {
                    out.push(if pattern.strict() {
                        Finding::error(def, message)
                    } else {
                        Finding::warning(def, message)
                    });
                }
            }
        }
    }
}

/// What is wrong with `name` as the name part of a qualified name (or as a label
/// value), if anything.
fn name_part(name: &str) -> Option<String> {
    if name.is_empty() {
        return Some("has an empty name".into());
    }
    if name.len() > 63 {
        return Some(format!("is {} characters long; at most 63 are allowed", name.len()));
    }
    let inner = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.');
    let bytes = name.as_bytes();
    let ends = bytes[0].is_ascii_alphanumeric() && bytes[bytes.len() - 1].is_ascii_alphanumeric();
    if !bytes.iter().all(|&b| inner(b)) || !ends {
        return Some(
            "may only hold letters, digits, '-', '_' and '.', and must start and end with a letter or digit".into(),
        );
    }
    None
}

/// What is wrong with `key` as a Kubernetes label or annotation key (a qualified name:
/// an optional DNS subdomain prefix and `/`, then a name of at most 63 characters),
/// if anything.
pub(crate) fn qualified_name(key: &str) -> Option<String> {
    match key.split_once('/') {
        Some((prefix, name)) => {
            not_dns1123_subdomain(prefix).map(|e| format!("has a prefix that {e}")).or_else(|| name_part(name))
        }
        None => name_part(key),
    }
}

/// What is wrong with `text` against `pattern`, if anything. Empty text is the
/// required check's business, and a placeholder is checked once it is filled in.
fn mismatch(pattern: Pattern, text: &str) -> Option<String> {
    match pattern {
        Pattern::Uuid | Pattern::Digits => {
            let text = text.trim();
            if text.is_empty() || text.starts_with('$') {
                return None;
            }
            match pattern {
                Pattern::Uuid => (!is_uuid(text))
                    .then(|| "is not a UUID (8-4-4-4-12 hex digits); that is fine only if it is a GWS ID".into()),
                _ => (!text.bytes().all(|b| b.is_ascii_digit()))
                    .then(|| "The tenant short ID must be digits only, such as 100.".into()),
            }
        }
        Pattern::Dns1123Subdomain { what } => {
            if text.is_empty() || text.contains('$') {
                return None;
            }
            not_dns1123_subdomain(text).map(|e| format!("a {what} {e}"))
        }
    }
}

fn ports(eff: &Effective, out: &mut Vec<Finding>) {
    let sidecar = eff.bool(keys::IXN_SERVICE_IMAGE_LOG_SIDECAR_ENABLED) == Some(true);
    let mut pods: Vec<(&str, Vec<&'static KeyDef>)> = vec![
        (
            "the ixnService pod",
            vec![
                keys::IXN_SERVICE_IXN_SERVER_PORTS_DEFAULT,
                keys::IXN_SERVICE_IXN_SERVER_PORTS_HEALTH,
                keys::IXN_SERVICE_IXN_NODE_PORTS_DEFAULT,
            ],
        ),
        ("the VQ Node pod", vec![keys::IXN_VQNODE_PORTS_DEFAULT, keys::IXN_VQNODE_PORTS_HEALTH]),
    ];
    if sidecar {
        pods[0].1.push(keys::IXN_SERVICE_LOG_SIDECAR_PORTS_HEALTH);
    }
    for (pod, used) in pods {
        for (i, a) in used.iter().enumerate() {
            let Some(pa) = eff.port(a) else { continue };
            if let Some(b) = used[..i].iter().find(|b| eff.port(b) == Some(pa)) {
                out.push(Finding::error(*a, format!("port {pa} is already used by {} in {pod}", b.path)));
            }
        }
    }
}

fn resources(eff: &Effective, out: &mut Vec<Finding>) {
    for c in &CONTAINERS {
        // requests.cpu and limits.cpu, then requests.memory and limits.memory.
        for (res, (request, limit)) in [("cpu", (c.keys[0], c.keys[2])), ("memory", (c.keys[1], c.keys[3]))] {
            let get = |key: &KeyDef| -> Option<Quantity> {
                match eff.get(key)? {
                    Value::Quantity(q) => q.value().cloned(),
                    _ => None,
                }
            };
            // (A negative one is its row's constraint, checked with the others.)
            let (req, lim) = (get(request), get(limit));
            if let (Some(r), Some(l)) = (req, lim) {
                if r.nanos() > l.nanos() {
                    out.push(Finding::error(
                        request,
                        format!("the {res} request {r} is above its limit {l}; Kubernetes rejects the pod"),
                    ));
                }
            }
        }
    }
}

fn names(cfg: &Config, out: &mut Vec<Finding>) {
    let d = &cfg.deploy;
    if let Some(e) = not_dns1123_label(&d.namespace, 63) {
        out.push(Finding::error(ctx::DEPLOY_NAMESPACE, format!("a namespace {e}")));
    }
    let release = release_name(cfg);
    let vars = crate::model::names_in(&release);
    if d.release.trim().is_empty() && !vars.is_empty() {
        // Made from the short ID, which is a placeholder: the cause is there, and the
        // commands fill it in only when the user chose envsubst for it.
        let unfilled: Vec<&String> = vars.iter().filter(|v| !d.envsubst_vars.contains(v)).collect();
        if !unfilled.is_empty() {
            out.push(Finding::error(
                keys::TENANT_SID,
                format!(
                    "the release name {release} is made from this placeholder, and nothing fills it in: \
                     type the short ID, or fill ${} in with envsubst (the import offers it)",
                    unfilled[0]
                ),
            ));
        }
    } else if !release.contains('<') {
        if let Some(e) = not_dns1123_label(&release, 53) {
            out.push(Finding::error(ctx::DEPLOY_RELEASE, format!("a Helm release name {e}")));
        }
    }
    let mut subdomain = |path: &'static ContextDef, value: &str, what: &str| {
        if value.is_empty() || value.contains('$') {
            return;
        }
        if let Some(e) = not_dns1123_subdomain(value) {
            out.push(Finding::error(path, format!("a {what} {e}")));
        }
    };
    // The values keys' names are their rows' constraints; this one is a deploy setting.
    if d.pull_secret_create {
        subdomain(ctx::REGISTRY_SECRET_NAME, &d.pull_secret_name, "secret name");
    }
}

fn tls(cfg: &Config, eff: &Effective, out: &mut Vec<Finding>) {
    let redis_tls = eff.bool(keys::IXN_SERVICE_IXN_NODE_REDIS_OPTIONS_TLS_ENABLED) == Some(true);
    let node_verifies = eff.bool(keys::IXN_SERVICE_IXN_NODE_REDIS_OPTIONS_TLS_REJECT_UNAUTHORIZED) == Some(true);
    let path = keys::IXN_SERVICE_IXN_NODE_REDIS_OPTIONS_TLS_REJECT_UNAUTHORIZED;
    if !redis_tls && node_verifies {
        out.push(Finding::warning(path, "This has no effect while Redis TLS is off."));
    }
    if !redis_tls && cfg.deploy.redis_reject_unauthorized {
        out.push(Finding::warning(ctx::REDIS_REJECT_UNAUTHORIZED, "This has no effect while Redis TLS is off."));
    }
    if redis_tls && !node_verifies {
        out.push(Finding::warning(
            path,
            "TLS to Redis is on, but IXN Node does not verify the Redis certificate: anyone on the path can pose as Redis. Turn verification on unless Redis uses a self-signed certificate.",
        ));
    }
    if redis_tls && !cfg.deploy.redis_reject_unauthorized {
        out.push(Finding::warning(
            ctx::REDIS_REJECT_UNAUTHORIZED,
            "TLS to Redis is on, but the clients that read redis-ors-secret do not verify the Redis certificate. Turn verification on unless Redis uses a self-signed certificate.",
        ));
    }
}

fn consul_and_sidecar(cfg: &Config, eff: &Effective, out: &mut Vec<Finding>) {
    let sa = keys::IXN_SERVICE_IXN_SERVER_SERVICE_ACCOUNT_NAME;
    if let Some(name) = eff.str(keys::IXN_SERVICE_IXN_SERVER_SERVICE_ACCOUNT_NAME) {
        if !name.starts_with("ixn-server-") {
            let msg = "the service account must be named ixn-server-… for Consul sidecar injection to work";
            out.push(if cfg.deploy.consul_connect { Finding::error(sa, msg) } else { Finding::warning(sa, msg) });
        }
    }
    if eff.bool(keys::IXN_SERVICE_IMAGE_LOG_SIDECAR_ENABLED) == Some(true) {
        let repo = eff.str(keys::IXN_SERVICE_IMAGE_LOG_SIDECAR_REPOSITORY).unwrap_or("");
        let tag = eff.str(keys::IXN_SERVICE_IMAGE_LOG_SIDECAR_TAG).unwrap_or("");
        // Enabled with no image, the chart renders a container without one, which
        // Kubernetes rejects: an error, not a warning.
        let parts = [
            (keys::IXN_SERVICE_IMAGE_LOG_SIDECAR_REPOSITORY, repo, "repository"),
            (keys::IXN_SERVICE_IMAGE_LOG_SIDECAR_TAG, tag, "tag"),
        ];
        let mut missing = false;
        for (key, _, what) in parts.iter().filter(|(_, v, _)| v.trim().is_empty()) {
            missing = true;
            out.push(Finding::error(
                *key,
                format!(
                    "The log sidecar is on, so its image needs a {what}: the guide uses fluent/fluent-bit, tag 1.8.x."
                ),
            ));
        }
        if !missing && (!repo.contains("fluent-bit") || !(tag == "1.8" || tag.starts_with("1.8."))) {
            out.push(Finding::warning(
                keys::IXN_SERVICE_IMAGE_LOG_SIDECAR_TAG,
                "the guide supports only a fluent-bit 1.8.x image for the log sidecar",
            ));
        }
    }
}

fn need(out: &mut Vec<Finding>, path: &'static ContextDef, v: &str, what: &str) {
    if v.trim().is_empty() {
        out.push(Finding::error(path, format!("Enter {what}.")));
    } else if has_control(v) {
        out.push(Finding::error(path, "contains a line break or control character"));
    }
}

/// PostgreSQL's longest name, in bytes (NAMEDATALEN - 1). PostgreSQL cuts a longer one
/// short wherever it meets it (creating, comparing, logging in): it works, but the
/// database then shows another name than the one typed (tested on a real server).
const POSTGRES_NAME_MAX: usize = 63;

/// Database and role names: what PostgreSQL can hold. (Control characters, NUL
/// included, are reported with the field's other text checks.)
fn postgres_names(cfg: &Config, eff: &Effective, out: &mut Vec<Finding>) {
    let d = &cfg.deploy;
    let values = [
        keys::IXN_SERVICE_IXN_SERVER_DB_NAME,
        keys::IXN_SERVICE_IXN_NODE_DB_NAME,
        keys::IXN_SERVICE_IXN_SERVER_SECRETS_DB_USERNAME,
        keys::IXN_SERVICE_IXN_NODE_SECRETS_DB_USERNAME,
    ];
    let typed = values.iter().map(|&k| (Location::Key(k), eff.str(k).unwrap_or("")));
    let context = [(ctx::DB_OWNER_USER, d.db_owner_user.as_str()), (ctx::DB_ADMIN_USER, d.db_admin_user.as_str())]
        .map(|(c, v)| (Location::Context(c), v));
    for (path, name) in typed.chain(context) {
        // A placeholder is checked once envsubst has filled it in, not here.
        if name.contains('$') {
            continue;
        }
        if name.len() > POSTGRES_NAME_MAX {
            out.push(Finding::warning(path, format!(
                "is {} bytes; PostgreSQL names hold at most {POSTGRES_NAME_MAX}, so PostgreSQL will show and use only the first {POSTGRES_NAME_MAX}",
                name.len())));
        }
    }
}

fn context(cfg: &Config, out: &mut Vec<Finding>) {
    let d = &cfg.deploy;
    need(out, ctx::DEPLOY_CHART, &d.chart, "the chart reference, e.g. a repo/ixn or a path to the chart");
    chart_source(d, out);
    match d.platform {
        Platform::Gke => need(out, ctx::GKE_CLUSTER, &d.gke_cluster, "the GKE cluster name"),
        Platform::Aks => {
            need(out, ctx::AKS_RESOURCE_GROUP, &d.aks_resource_group, "the AKS resource group");
            need(out, ctx::AKS_CLUSTER, &d.aks_cluster, "the AKS cluster name");
        }
        Platform::Other => {}
    }
    if d.pull_secret_create {
        need(out, ctx::REGISTRY_USERNAME, &d.registry_username, "the registry user for the pull secret");
        need(out, ctx::REGISTRY_PASSWORD, &d.registry_password, "the registry password for the pull secret");
        if d.registry_server.is_empty()
            && !matches!(cfg.values.get(keys::IMAGE_REGISTRY), Some(Value::Str(s)) if !s.is_empty())
        {
            out.push(Finding::error(ctx::REGISTRY_SERVER, "Enter the registry server, or set the image registry."));
        }
    }
    need(out, ctx::KAFKA_BOOTSTRAP, &d.kafka_bootstrap, "the Kafka bootstrap servers, host:port");
    for hp in d.kafka_bootstrap.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        let ok = hp.rsplit_once(':').is_some_and(|(h, p)| !h.is_empty() && p.parse::<crate::model::Port>().is_ok());
        if !ok {
            out.push(Finding::error(ctx::KAFKA_BOOTSTRAP, format!("\"{hp}\" is not host:port")));
        } else if let Some((host, _)) = hp.rsplit_once(':').filter(|(h, _)| !h.starts_with('[') && !h.contains('$')) {
            // A host name as DNS (and so Kafka's client) allows it.
            if host.len() > 253 || host.split('.').any(|label| label.len() > 63) {
                out.push(Finding::error(
                    ctx::KAFKA_BOOTSTRAP,
                    format!(
                        "the host \"{}…\" ({} characters) is longer than a host name may be: at most 253, and 63 between dots",
                        host.chars().take(40).collect::<String>(),
                        host.len()
                    ),
                ));
            }
        }
    }
    if d.kafka_password.is_empty() != d.kafka_username.is_empty() {
        out.push(Finding::warning(ctx::KAFKA_PASSWORD, "Kafka authentication needs both a user and a password"));
    }
    if !d.redis_port.is_empty() && d.redis_port.parse::<crate::model::Port>().is_err() {
        out.push(Finding::error(ctx::REDIS_PORT, format!("\"{}\" is not a port from 1 to 65535", d.redis_port)));
    }
    if d.redis_password.is_empty() {
        out.push(Finding::warning(
            ctx::REDIS_PASSWORD,
            "There is no Redis password: that is fine only if Redis has no authentication.",
        ));
    }
    if d.chart_makes_db_secrets || d.db_bootstrap {
        need(out, ctx::DB_OWNER_USER, &d.db_owner_user, "the database owner role");
        need(out, ctx::DB_OWNER_PASSWORD, &d.db_owner_password, "the database owner role's password");
    }
    if d.db_bootstrap {
        need(out, ctx::DB_ADMIN_USER, &d.db_admin_user, "a PostgreSQL admin user for the bootstrap");
        need(out, ctx::DB_ADMIN_PASSWORD, &d.db_admin_password, "the PostgreSQL admin password");
        need(out, ctx::DB_PSQL_IMAGE, &d.psql_image, "an image with psql for the bootstrap pod");
    }
    // Every credential, from the context table (a new secret field is checked too).
    for f in secret_fields() {
        if (f.get)(d).contains('\0') {
            out.push(Finding::error(f, "contains a NUL character, which no command line or database can carry"));
        }
    }
}

/// The chart source: what `helm repo add`, `helm registry login` and `--version` need.
fn chart_source(d: &crate::model::Deployment, out: &mut Vec<Finding>) {
    use crate::generate::helm::{oci_host, repo_name};
    use crate::model::ChartSource;
    if d.chart_version.trim().is_empty() {
        out.push(Finding::warning(
            ctx::DEPLOY_CHART_VERSION,
            "The chart version is not pinned: helm installs whatever version is latest on the day, and the next upgrade may take another.",
        ));
    }
    match d.chart_source {
        ChartSource::Repo => {
            need(out, ctx::DEPLOY_CHART_REPO_URL, &d.chart_repo_url, "the chart repository URL for helm repo add");
            let url = d.chart_repo_url.trim();
            if !(url.is_empty() || url.starts_with("https://") || url.starts_with("http://")) {
                out.push(Finding::error(ctx::DEPLOY_CHART_REPO_URL, "a chart repository URL starts with https:// (or http://); for oci:// choose the OCI registry source"));
            }
            if !d.chart.is_empty() && repo_name(&d.chart).is_none() {
                out.push(Finding::error(ctx::DEPLOY_CHART, "from a repository the chart is REPO/CHART, e.g. ixn/ixn: REPO is the name helm repo add gives the URL"));
            }
        }
        ChartSource::Oci => {
            if !d.chart.is_empty() && oci_host(&d.chart).is_none() {
                out.push(Finding::error(
                    ctx::DEPLOY_CHART,
                    "an OCI chart is oci://host/path/chart, e.g. oci://registry.example.com/charts/ixn",
                ));
            }
        }
        ChartSource::Local => {}
    }
    if !d.dropped_chart_repo.is_empty() {
        let at =
            if d.chart_source == ChartSource::Repo { ctx::DEPLOY_CHART_REPO_URL } else { ctx::DEPLOY_CHART_SOURCE };
        out.push(Finding::warning(at, format!("the profile's GitOps chart repository {} differs from this chart source, which the commands and the GitOps files now share: it was dropped", d.dropped_chart_repo)));
    }
    if d.chart_source != ChartSource::Local && !d.chart_password.is_empty() && d.chart_username.is_empty() {
        out.push(Finding::error(ctx::DEPLOY_CHART_USER, "A user is required with a chart repository password."));
    }
}

fn placeholders(cfg: &Config, eff: &Effective, out: &mut Vec<Finding>) {
    // kubectl and psql get no envsubst: what they use must be real text.
    let real = Effective::real_given(cfg, eff);
    let d = &cfg.deploy;
    let first_host = match cfg.values.get(keys::IXN_SERVICE_IXN_NODE_REDIS) {
        Some(Value::Redis(n)) => n.first().map(|n| n.host.clone()).unwrap_or_default(),
        _ => String::new(),
    };
    if d.redis_servername.is_empty() && first_host.contains('$') {
        out.push(Finding::error(
            ctx::REDIS_SERVERNAME,
            "the first Redis host is a placeholder, and redis-ors-secret is not run through envsubst: give the servername here",
        ));
    }
    if d.db_bootstrap {
        for key in [
            keys::IXN_SERVICE_IXN_SERVER_DB_HOST,
            keys::IXN_SERVICE_IXN_SERVER_DB_NAME,
            keys::IXN_SERVICE_IXN_NODE_DB_NAME,
        ] {
            if real.str(key).is_some_and(|s| s.contains('$')) {
                out.push(Finding::error(
                    key,
                    "the database bootstrap needs the real value, not a placeholder (or turn the bootstrap off)",
                ));
            }
        }
    }
    if !d.chart_makes_db_secrets {
        for key in [
            keys::IXN_SERVICE_IXN_SERVER_SECRETS_DB_SECRET_NAME,
            keys::IXN_SERVICE_IXN_NODE_SECRETS_DB_SECRET_NAME,
            keys::IXN_SERVICE_IXN_SERVER_SECRETS_DB_USERNAME,
        ] {
            // Passwords are not in the list: a `$` in a password is a character of it,
            // not a placeholder, and every writer quotes it (the IXN Node's always was).
            if real.str(key).is_some_and(|s| s.contains('$')) {
                out.push(Finding::error(
                    key,
                    "the commands create this secret with kubectl, which does not substitute placeholders",
                ));
            }
        }
    }
    if !cfg.deploy.placeholders {
        return;
    }
    for e in &eff.exports {
        if e.value.chars().any(|c| c == '"' || c == '\\' || c.is_control()) {
            out.push(Finding::error(
                e.key,
                "in placeholder mode this value lands inside a quoted YAML string after envsubst, \
                 and its \" \\ or control characters would break the file; turn placeholder mode off",
            ));
        }
    }
}
