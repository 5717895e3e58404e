//! The Genesys pipeline: the folder layout genesys/multicloud-services' workflow
//! deploys. In a batch, `git/services/ixn/01_chart_ixn/chart.ver` (one chart version
//! for every release) and one `NN_release_<name>/` folder per tenant under it.

use super::{git, Mode, RowIn, SharedIn};
use super::{Part, RowOutput, Share, SharedError};
use crate::generate::archive::File;
use crate::generate::gitops::{genesys, GitFile};
use crate::model::Delivery;

/// Its row of [`super::MODES`].
pub const MODE: Mode = Mode { delivery: Delivery::Genesys, tree: |t| Some(genesys::tree(t)), row, shared };

fn row(r: &RowIn) -> RowOutput {
    git::row(r, Delivery::Genesys, |t| {
        let dir = genesys::batch_release_dir(t, r.report.row, r.width);
        let files = genesys::release_files(t, &dir);
        (dir, Share::ChartVersion(r.cfg.deploy.chart_version.trim().to_string()), files)
    })
}

fn shared(s: &SharedIn) -> Result<Vec<File>, SharedError> {
    git::shared(s, |s| {
        let version = |p: &Part| match &p.share {
            Share::ChartVersion(v) => v.clone(),
            _ => String::new(),
        };
        let first = version(&s.parts[0]);
        let rows = s.reports.iter().zip(s.rendered).filter(|(_, &done)| done).map(|(r, _)| r.row);
        for (p, row) in s.parts.iter().zip(rows) {
            let other = version(p);
            if other != first {
                return Err(SharedError::ChartVersions { first, other, row });
            }
        }
        Ok(vec![git::git_file(GitFile {
            path: format!("{}/chart.ver", genesys::CHART_DIR),
            text: format!("{first}\n"),
            executable: false,
        })])
    })
}
