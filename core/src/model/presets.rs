//! Starting points: the chart defaults, and the guide's sample deployment.

use super::config::Config;
use super::context::{Deployment, Platform};
use super::ctx;
use super::defaults::guide_samples;
use super::fields::ContextDef;
use super::value::Value;
use super::values::Values;
use crate::registry::KEYS;

/// The guide's example values for its `${VAR}` placeholders ("Deploy", step 2).
/// `POSTGRES_ADDR` is not given in the guide and is left for the user: the sample keeps
/// `${POSTGRES_ADDR}`, as the guide writes it, for envsubst to fill in.
pub const GUIDE_EXAMPLE_ENV: [(&str, &str); 6] = [
    ("TENANT_ID", "100"),
    ("TENANT_UUID", "9350e2fc-a1dd-4c65-8d40-1f75a2e080dd"),
    ("POSTGRES_USER", "postgres"),
    ("POSTGRES_PASSWORD", "password"),
    ("REDIS_ADDR", "infra-redis-redis-cluster.infra"),
    ("REDIS_PORT", "6379"),
];

/// The answers the guide's sample leaves to the user (it writes `<…>` or nothing there):
/// the form marks their findings as such while the sample is loaded.
pub const GUIDE_LEAVES_TO_YOU: [&ContextDef; 5] = [
    ctx::DEPLOY_CHART_REPO_URL,
    ctx::DEPLOY_CHART_VERSION,
    ctx::REGISTRY_USERNAME,
    ctx::REGISTRY_PASSWORD,
    ctx::REDIS_PASSWORD,
];

fn example(var: &str) -> Option<&'static str> {
    GUIDE_EXAMPLE_ENV.iter().find(|(k, _)| *k == var).map(|(_, v)| *v)
}

impl Config {
    /// Nothing set: the chart defaults apply, and the context has its defaults.
    pub fn chart_defaults() -> Config {
        Config::default()
    }

    /// The guide's sample `override_values.yaml`, with the guide's example values in
    /// place of its `${VAR}` placeholders and placeholder mode on, as the guide deploys.
    /// Keys the portal derives are left unset: the derivation writes the guide's text.
    pub fn guide_sample() -> Config {
        let mut values = Values::new();
        for (k, sample) in KEYS.iter().zip(guide_samples()) {
            let Some(sample) = sample else { continue };
            if k.derived() {
                continue;
            }
            let Some(value) = substitute(sample) else { continue };
            values.set(k, value);
        }
        let deploy = Deployment {
            placeholders: true,
            platform: Platform::Gke,
            gke_cluster: "gke1".into(),
            pull_secret_create: true,
            pull_secret_name: "pullsecret".into(),
            redis_servername: "redis-cluster.namespace.svc.cluster.local".into(),
            kafka_bootstrap: "infra-kafka-cp-kafka.infra.svc.cluster.local:9092".into(),
            db_owner_user: "postgres".into(),
            db_owner_password: "password".into(),
            // The guide has the chart create the databases (dbinit), and keeps the
            // host a placeholder: no bootstrap pod, which would need the real host.
            db_bootstrap: false,
            ..Deployment::default()
        };
        Config { values, deploy, ..Config::default() }
    }
}

/// Replaces a whole-value `${VAR}` placeholder in a sample by the guide's example;
/// `None` where the guide gives no example (the user must answer).
fn substitute(value: &Value) -> Option<Value> {
    let sub = |s: &str| -> Option<&'static str> {
        let name = s.strip_prefix("${")?.strip_suffix('}')?;
        example(name)
    };
    Some(match value {
        Value::Str(s) => match sub(s) {
            Some(v) => Value::Str(v.into()),
            // No example in the guide (`${POSTGRES_ADDR}`): kept for envsubst.
            None => value.clone(),
        },
        Value::Redis(nodes) => Value::Redis(
            nodes
                .iter()
                .map(|n| {
                    let mut n = n.clone();
                    if let Some(h) = sub(&n.host) {
                        n.host = h.into();
                    }
                    if let Some(p) = sub(n.port.raw()) {
                        n.port = super::input::Input::new(p);
                    }
                    n
                })
                .collect(),
        ),
        _ => value.clone(),
    })
}
