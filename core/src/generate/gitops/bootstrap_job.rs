//! The database bootstrap for Git delivery: a ConfigMap with the SQL (which holds no
//! secret) and a Job that runs psql with the admin and owner passwords from a Secret,
//! instead of `kubectl run` from a terminal.

use super::external_secrets::bootstrap_secret;
use super::kube::{
    ConfigMapBody, Container, EnvVar, JobSpec, Meta, NameRef, Object, PodSpec, PodTemplate, Spec, Volume, VolumeMount,
};
use super::{GitView, Manifest, Stage};
use crate::generate::commands::database_names;
use crate::generate::sql::bootstrap_sql_from_env;
use crate::registry::keys;
use serde_json::{Map, Value as Json};

/// The Secret key holding the PostgreSQL admin password (psql reads `PGPASSWORD`).
pub const ADMIN_KEY: &str = "PGPASSWORD";
/// The Secret key holding the owner's password (the SQL reads it with `\getenv`).
pub const OWNER_KEY: &str = "IXN_OWNER_PASSWORD";
/// The SQL file's name in the ConfigMap.
pub const SQL_FILE: &str = "bootstrap.sql";

/// The name of the Job and its ConfigMap.
pub fn job_name(t: &GitView) -> String {
    format!("{}-db-bootstrap", t.name)
}

/// The SQL the Job runs.
pub fn sql(t: &GitView) -> String {
    let [server_db, node_db] = database_names(&t.real);
    bootstrap_sql_from_env(&[&server_db, &node_db], &t.cfg.deploy.db_owner_user, OWNER_KEY)
}

/// The ConfigMap with the SQL.
pub fn config_map(t: &GitView) -> Object<ConfigMapBody> {
    let mut data = Map::new();
    data.insert(SQL_FILE.into(), Json::String(sql(t)));
    Object {
        api_version: "v1",
        kind: "ConfigMap",
        metadata: Meta::named(&job_name(t), &t.namespace),
        body: ConfigMapBody { data },
    }
}

/// The Job: psql as the admin, against the IXN Server database's host, with the SQL
/// from the ConfigMap. It can run again: the SQL creates only what is missing.
pub fn job(t: &GitView) -> Object<Spec<JobSpec>> {
    let d = &t.cfg.deploy;
    let host = t.real.str(keys::IXN_SERVICE_IXN_SERVER_DB_HOST).unwrap_or_default().to_string();
    let port = t.real.port_text(keys::IXN_SERVICE_IXN_SERVER_DB_PORT).unwrap_or_else(|| "5432".into());
    let secret = bootstrap_secret(t);
    let name = job_name(t);
    Object {
        api_version: "batch/v1",
        kind: "Job",
        metadata: Meta::named(&name, &t.namespace),
        body: Spec {
            spec: JobSpec {
                backoff_limit: 3,
                template: PodTemplate {
                    spec: PodSpec {
                        restart_policy: "Never",
                        // The psql image is public; the IXN pull secret is for the IXN registry.
                        image_pull_secrets: Vec::new(),
                        containers: vec![Container {
                            name: "psql".into(),
                            image: d.psql_image.clone(),
                            command: vec!["psql".into()],
                            args: vec!["--no-psqlrc".into(), format!("--file=/sql/{SQL_FILE}")],
                            env: vec![
                                EnvVar::literal("PGHOST", &host),
                                EnvVar::literal("PGPORT", &port),
                                EnvVar::literal("PGUSER", &d.db_admin_user),
                                EnvVar::literal("PGDATABASE", "postgres"),
                                EnvVar::secret(ADMIN_KEY, &secret, ADMIN_KEY),
                                EnvVar::secret(OWNER_KEY, &secret, OWNER_KEY),
                            ],
                            volume_mounts: vec![VolumeMount {
                                name: "sql".into(),
                                mount_path: "/sql".into(),
                                read_only: true,
                            }],
                        }],
                        volumes: vec![Volume { name: "sql".into(), config_map: NameRef { name: name.clone() } }],
                    },
                },
            },
        },
    }
}

/// The ConfigMap and the Job, when the bootstrap is on.
pub fn manifests(t: &GitView) -> Vec<Manifest> {
    if !t.cfg.deploy.db_bootstrap {
        return Vec::new();
    }
    vec![
        Manifest::of(
            Stage::BootstrapSql,
            "db-bootstrap-sql.yaml".into(),
            "the database bootstrap SQL (no secret: psql reads the password from the environment)".into(),
            &config_map(t),
        ),
        Manifest::of(
            Stage::BootstrapJob,
            "db-bootstrap-job.yaml".into(),
            "the database bootstrap Job: psql with the credentials from a Secret".into(),
            &job(t),
        ),
    ]
}
