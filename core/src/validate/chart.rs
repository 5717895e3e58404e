//! Findings about the user's own chart values: registry keys that chart does not have,
//! other chart keys set to a value of another type, and a chart values file a profile
//! names but that is not loaded.

use super::{Finding, Location};
use crate::chart::{other_keys, YamlType};
use crate::model::ctx;
use crate::model::{Config, Effective, Source};
use crate::registry::KEYS;

/// The chart as the messages name it: `chart 100.0.008` or `your chart`.
fn chart_name(cfg: &Config) -> String {
    match cfg.deploy.chart_version.trim() {
        "" => "your chart".into(),
        v => format!("chart {v}"),
    }
}

/// The findings.
pub fn chart(cfg: &Config, eff: &Effective, out: &mut Vec<Finding>) {
    if cfg.chart.wanted() {
        out.push(Finding::warning(
            ctx::DEPLOY_CHART_VERSION,
            format!(
                "this profile was made against your chart's values ({}); give that file again under \"Use my chart's values\" (or --chart), or the guide's defaults apply",
                cfg.chart.digest
            ),
        ));
    }
    let Some(b) = cfg.chart.baseline() else { return };
    let name = chart_name(cfg);
    for (def, item) in KEYS.iter().zip(eff.items()) {
        if b.has(def) {
            continue;
        }
        let kept = cfg.chart.keep.iter().any(|k| k == def.path);
        let wanted = item.as_ref().is_some_and(|r| r.source != Source::ChartDefault) || def.required();
        if kept {
            out.push(Finding::warning(
                def,
                format!(
                    "{name} has no key {}; it is written because you keep it, and the chart may ignore it",
                    def.path
                ),
            ));
        } else if def.required() {
            // Left out, the deployment lacks it: an error until the user keeps it.
            out.push(Finding::error(
                def,
                format!(
                    "{name} has no key {}, which the deployment needs; it is left out of the values file unless you keep it (is this file an override file rather than the chart's values?)",
                    def.path
                ),
            ));
        } else if wanted {
            out.push(Finding::warning(
                def,
                format!("{name} has no key {}; it is left out of the values file unless you keep it", def.path),
            ));
        }
    }
    for k in other_keys(b) {
        let Some(u) = cfg.unknown.iter().find(|u| u.path == k.path) else { continue };
        let ty = YamlType::of(&u.value);
        // A nil default takes anything; a string default takes a nil too.
        if ty != k.ty && k.default != crate::yaml::Node::Null && u.value != crate::yaml::Node::Null {
            out.push(Finding::warning(
                Location::ChartKey(k.dotted()),
                format!("{name} has a {} here and this is a {}; the chart may not read it", k.ty.as_str(), ty.as_str()),
            ));
        }
    }
}
