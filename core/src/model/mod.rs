//! The typed model of one tenant's deployment.

mod config;
mod context;
mod defaults;
mod effective;
mod input;
mod placeholders;
mod port;
mod presets;
mod quantity;
mod value;
mod values;

pub use config::{Config, UnknownKey};
pub use context::{ChartSource, Deployment, GkeLocationKind, HelmMajor, Platform, SecretStyle, SECRET_FIELDS};
pub use defaults::{chart_default, chart_default_nodes, chart_defaults, guide_samples};
pub use effective::{Effective, Export, Resolved, Source};
pub use input::{Count, Input, ScalarParse, Term};
pub use placeholders::{names_in, user_placeholders};
pub use port::Port;
pub use presets::GUIDE_EXAMPLE_ENV;
pub use quantity::Quantity;
pub use value::{ConsulHost, DbTls, RedisNode, StringMap, Value, VolumeMount, YamlMap};
pub use values::{SetError, Values};
