//! The typed model of one tenant's deployment.

mod baseline;
mod config;
mod context;
pub mod ctx;
mod defaults;
mod delivery;
mod delivery_settings;
mod deployment_v1;
mod derive;
mod effective;
mod fields;
mod input;
mod location;
mod mask;
mod names;
mod placeholders;
mod port;
mod presets;
mod quantity;
mod value;
mod value_error;
mod values;

pub use baseline::{digest_of, Baseline, BaselineError, ChartValues, BASELINE_LIMITS};
pub use config::{release_name, Config, UnknownKey};
pub use context::{
    chart_name, ChartSource, Deployment, GkeLocationKind, HelmMajor, Platform, SecretStoreKind, SecretStyle,
    SecretsFrom, SyncMode, ValuesIn,
};
pub use defaults::{chart_default, chart_default_nodes, chart_default_values, guide_samples};
pub use delivery::{Delivery, ModeForm, CHOICES as DELIVERY_CHOICES};
pub use delivery_settings::{ArgocdSettings, FluxSettings, GitSettings, StoreSettings};
pub use derive::{derivation, Derivation, DERIVATIONS};
pub use effective::{Effective, Export, Resolved, Source};
pub use fields::{context_field, secret_fields, ContextDef, CONTEXT};
pub use input::{Count, Input, ScalarParse, Term};
pub use location::{Location, Part};
pub use names::{git_folder, is_uuid, not_dns1123_label, not_dns1123_subdomain, GitFolderError};
pub use placeholders::{names_in, spans_in, user_placeholders};
pub use port::Port;
pub use presets::{GUIDE_EXAMPLE_ENV, GUIDE_LEAVES_TO_YOU};
pub use quantity::Quantity;
pub use value::{ConsulHost, DbTls, RedisNode, StringMap, Value, VolumeMount, YamlMap};
pub use value_error::ValueError;
pub use values::{SetError, Values};
