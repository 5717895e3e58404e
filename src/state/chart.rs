//! The user's chart values file: put under the answers, kept in this browser (it holds
//! no secrets of the user's), and given back after a reload or a link that names it.

use super::{Notice, Ui};
use ixn_core::model::{Baseline, ChartValues};
use leptos::prelude::*;

/// Where this browser keeps the chart values file's text.
pub const CHART_KEY: &str = "ixn-portal.chartValues";

impl Ui {
    /// Works against `text`, a chart's values file, from now on; or says where it does
    /// not read and changes nothing.
    pub fn use_chart(&self, name: &str, text: &str) -> Result<(), String> {
        let b = Baseline::read(text).map_err(|e| format!("{name}: {e}"))?;
        self.config.update(|c| {
            let keep = std::mem::take(&mut c.chart.keep);
            c.chart = ChartValues { keep, ..ChartValues::of(b) };
        });
        if !crate::browser::save(CHART_KEY, text) {
            self.notice.set(Some(Notice::problem(
                "This browser would not keep the chart values (storage off or full): give the file again after a reload.",
            )));
        }
        Ok(())
    }

    /// Back to the guide's chart defaults.
    pub fn drop_chart(&self) {
        self.config.update(|c| c.chart = ChartValues::default());
        crate::browser::forget(CHART_KEY);
    }

    /// After loading answers that name a chart values file: the one this browser kept,
    /// if it is that file.
    pub fn restore_chart(&self) {
        if !self.config.with_untracked(|c| c.chart.wanted()) {
            return;
        }
        let Some(text) = crate::browser::load(CHART_KEY) else { return };
        let Ok(b) = Baseline::read(&text) else { return };
        if self.config.with_untracked(|c| c.chart.digest == b.digest) {
            self.config.update(|c| {
                let keep = std::mem::take(&mut c.chart.keep);
                c.chart = ChartValues { keep, ..ChartValues::of(b) };
            });
        }
    }
}
