//! The complete tenant the tests, examples and benchmarks start from. One file, read
//! with `#[path]` by the core's integration tests (through `common`), its unit tests
//! (`artifacts.rs`, where `ixn_core` names the crate itself), its examples, and the
//! command line's tests and benchmark.
#![allow(dead_code)] // each user takes one or both

use ixn_core::model::{Config, Value};
use ixn_core::registry::keys;

/// A complete tenant: the guide's sample with real values instead of placeholders, a
/// pinned chart repository (the Helm step needs one), and the credentials the checks
/// require set to a recognisable `S3cret-…`.
pub fn complete_tenant() -> Config {
    let mut cfg = Config::guide_sample();
    cfg.deploy.placeholders = false;
    cfg.values.set(keys::IXN_SERVICE_IXN_SERVER_DB_HOST, Value::Str("pg.example".into()));
    cfg.deploy.registry_username = "robot".into();
    cfg.deploy.registry_password = "S3cret-registry".into();
    cfg.deploy.db_admin_password = "S3cret-admin".into();
    cfg.deploy.redis_password = "S3cret-redis".into();
    cfg.deploy.chart_repo_url = "https://charts.example.com/ixn".into();
    cfg.deploy.chart_version = "100.0.1".into();
    cfg
}

/// [`complete_tenant`] with every credential set, each to its own `S3cret-…`: Kafka
/// (with its user), the database owner, and the IXN Node's database password too.
pub fn every_secret_set() -> Config {
    let mut cfg = complete_tenant();
    cfg.deploy.kafka_password = "S3cret-kafka".into();
    cfg.deploy.kafka_username = "k".into();
    cfg.deploy.db_owner_password = "S3cret-owner".into();
    cfg.values.set(keys::IXN_SERVICE_IXN_NODE_SECRETS_DB_PASSWORD, Value::Str("S3cret-node".into()));
    cfg
}
