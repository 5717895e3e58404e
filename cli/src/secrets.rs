//! Credentials, from the profile, environment variables (`--secrets-env PREFIX`) or a
//! file (`--secrets-file`), never from the command line, where process lists and shell
//! history show them. The reader is the core's (`ixn_core::batch::secrets`), the one
//! the portal's Tenants panel uses; this reads the file and the environment for it.

use crate::failure::Failure;
use clap::Args;
use ixn_core::batch::secrets::{env_name, fields, Secrets};
use ixn_core::model::Config;
use std::path::PathBuf;

/// Where credentials come from (never from the command line).
#[derive(Debug, Clone, Args)]
pub struct SecretArgs {
    /// Read credentials from environment variables named PREFIX + the field's name in
    /// capitals (IXN_REDIS_PASSWORD for redis.password); in a batch, PREFIX + NAME +
    /// `__` + SID for one tenant (IXN_REDIS_PASSWORD__101). Names: see --help.
    #[arg(long, value_name = "PREFIX", long_help = env_help())]
    pub secrets_env: Option<String>,
    /// Read credentials from a YAML or JSON file of field name → value (and, for a
    /// batch, `tenants: {SID: {name: value}}`).
    #[arg(long, value_name = "FILE")]
    pub secrets_file: Option<PathBuf>,
}

pub use ixn_core::batch::secrets::{set_in, sid_suffix};

/// What --secrets-env's long help lists: every field with its variable.
pub fn env_help() -> String {
    let mut s = String::from(
        "Read credentials from environment variables: PREFIX followed by the field's name in \
         capitals, `.` and camelCase as `_`. In a batch, a variable ending in `__SID` (the \
         tenant's sid, in capitals, other characters as `_`) is for that tenant only and wins \
         over the one for all. Environment variables win over --secrets-file.\n\nThe fields \
         and their variables (with PREFIX=IXN_):\n",
    );
    for f in fields() {
        s.push_str(&format!("  {}: IXN_{}\n", f.name, env_name(f.name)));
    }
    s
}

/// Credentials read from the environment and a file.
#[derive(Debug, Default)]
pub struct Source(Secrets);

impl Source {
    /// Reads the secrets file (if any), then the environment (if a prefix is given).
    pub fn read(args: &SecretArgs) -> Result<Source, Failure> {
        let mut s = Source::default();
        if let Some(path) = &args.secrets_file {
            let text = crate::input::read(path)?;
            s.0.read_file(&path.display().to_string(), &text).map_err(Failure::Input)?;
        }
        if let Some(prefix) = &args.secrets_env {
            s.read_env(prefix, std::env::vars_os())?;
        }
        Ok(s)
    }

    fn read_env(
        &mut self,
        prefix: &str,
        vars: impl Iterator<Item = (std::ffi::OsString, std::ffi::OsString)>,
    ) -> Result<(), Failure> {
        for (k, v) in vars {
            if !k.as_encoded_bytes().starts_with(prefix.as_bytes()) {
                continue;
            }
            // A variable of ours that is not UTF-8 is refused, never skipped: the
            // secrets file's value would be used instead without a word.
            let Some(k) = k.to_str() else {
                return Err(Failure::Input(format!(
                    "--secrets-env {prefix}: the name of the variable {} is not UTF-8 text",
                    k.to_string_lossy()
                )));
            };
            let rest = &k[prefix.len()..];
            let field = rest.split_once("__").map_or(rest, |(n, _)| n);
            if !fields().iter().any(|f| env_name(f.name) == field) {
                eprintln!("ixn-portal: warning: {k} (from --secrets-env {prefix}) names no credential field; see ixn-portal render --help");
                continue;
            }
            let Some(v) = v.to_str() else {
                return Err(Failure::Input(format!(
                    "--secrets-env {prefix}: {k} is not UTF-8 text (its value is not shown); a credential is UTF-8 text"
                )));
            };
            self.0.add_env(rest, v);
        }
        Ok(())
    }

    /// The core's [`Secrets::apply_to_profile`]: this profile's tenant only.
    pub fn apply_to_profile(&self, cfg: &mut Config) -> Result<(), Failure> {
        self.0.apply_to_profile(cfg).map_err(Failure::Input)
    }

    /// Sets the credentials for everyone, then those for the configuration's own sid.
    pub fn apply_to_tenant(&self, cfg: &mut Config) -> Result<(), Failure> {
        self.0.apply_to_tenant(cfg);
        Ok(())
    }

    /// Sets the credentials in `cfg`: those for everyone, then those for the tenant
    /// `sid` (file, then environment).
    pub fn apply(&self, cfg: &mut Config, sid: Option<&str>) -> Result<(), Failure> {
        self.0.apply(cfg, sid);
        Ok(())
    }

    /// The sids the file and the environment give credentials for, one tenant at a time.
    pub fn tenant_keys(&self) -> (Vec<&str>, Vec<&str>) {
        self.0.tenant_keys()
    }
}
