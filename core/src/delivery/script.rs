//! Script: the commands, run from a terminal (`deploy.sh`). In a batch, one folder per
//! tenant (the files of "Download everything") and `deploy-all.sh`.

use super::{Mode, RowIn, SharedIn};
use super::{Part, RowOutput, Share, SharedError};
use crate::artifacts::{artifacts, Download};
use crate::batch::index;
use crate::generate::archive::File;
use crate::model::Delivery;

/// Its row of [`super::MODES`].
pub const MODE: Mode = Mode { delivery: Delivery::Script, tree: |_| None, row, shared };

fn row(r: &RowIn) -> RowOutput {
    // Script mode's download: the artifacts' files, no Git tree.
    let d = Download::of(r.cfg, &artifacts(r.cfg, r.opts), crate::chart::VALUES_SCHEMA);
    let part = Part {
        folder: d.folder.clone(),
        release: r.report.release.clone(),
        namespace: r.report.namespace.clone(),
        seed: String::new(),
        share: Share::Nothing,
    };
    RowOutput { files: d.into_folder(), part }
}

fn shared(s: &SharedIn) -> Result<Vec<File>, SharedError> {
    Ok(vec![
        super::index_file(s),
        File {
            name: index::SCRIPT_FILE.into(),
            data: index::deploy_all(s.reports, s.rendered).into_bytes(),
            executable: true,
            secret: false,
        },
    ])
}
