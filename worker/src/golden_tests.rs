//! The worker's downloads, byte for byte as recorded from `main` before the worker
//! protocol became typed (issue 24): "Download everything" of a Git delivery, the
//! GitOps tab's tree and "Download all tenants", for every golden profile (the
//! command line's, `cli/tests/golden/inputs`). See `core/tests/common/golden.rs`.

#[path = "../../core/tests/common/golden.rs"]
mod golden;

use ixn_core::generate::gitops::Tree;
use ixn_core::generate::values_yaml::ValuesOptions;
use ixn_core::protocol::{from_wire, to_wire, Answer, Job, Message, Request};

/// One request's answers, through the wire (the protocol's bytes) both ways: the last one and its bytes.
fn ask(job: Job) -> (Answer, Option<Vec<u8>>) {
    let mut out = None;
    let wire = to_wire(&Request { id: 1, chart: None, job });
    crate::jobs::run(from_wire(&wire).unwrap(), &mut |answer, bytes| {
        let wire = to_wire(&Message::Answer { id: 1, answer });
        let Message::Answer { answer, .. } = from_wire(&wire).unwrap() else { panic!("{wire:?}") };
        if !matches!(answer, Answer::Progress { .. }) {
            out = Some((answer, bytes));
        }
    });
    out.expect("a last answer")
}

/// A GitOps tree (none outside Git delivery) as manifest lines, as recorded when the
/// trip lost the executable bit (see `jobs::tests` for that bit).
fn tree_lines(g: &golden::Golden, what: &str, t: &Option<Tree>) -> String {
    let Some(t) = t else { return format!("{what} none\n") };
    // Recorded as the JSON string it was sent as.
    let mut m = format!("{what} seed {}\n", g.blob(serde_json::to_string(&t.seed).unwrap().as_bytes()));
    for f in &t.files {
        m.push_str(&format!("{what} {} {} {}\n", f.text.len(), g.blob(f.text.as_bytes()), f.path));
    }
    m
}

/// `"text"` or `null`, as the JSON replies said them when recorded.
fn quoted(s: Option<&str>) -> String {
    s.map_or("null".into(), |s| serde_json::to_string(s).unwrap())
}

#[test]
fn the_workers_downloads_are_those_recorded_before_the_protocol_became_typed() {
    let root = golden::root(env!("CARGO_MANIFEST_DIR"));
    let mut g = golden::Golden::new(env!("CARGO_MANIFEST_DIR"), "worker");
    let read = |name: &str| {
        std::fs::read_to_string(root.join("inputs").join(name))
            .unwrap_or_else(|e| panic!("{name}: {e} (record the command line's golden outputs first)"))
    };
    let tenants = read("tenants.csv");
    for name in read("profiles.txt").lines() {
        let profile = read(&format!("{name}.json"));
        let opts = ValuesOptions::default();
        let (answer, bytes) = ask(Job::Download { profile: profile.clone(), options: opts });
        let (file, error) = match &answer {
            Answer::File { name, .. } => (Some(name.as_str()), None),
            Answer::Error(e) => (None, Some(e.as_str())),
            other => panic!("{other:?}"),
        };
        let mut m = format!("name {}\nerror {}\n", quoted(file), quoted(error));
        if let Some(b) = bytes {
            m.push_str(&g.tar(&b));
        }
        g.check(&format!("{name}.download"), &m);

        let (answer, _) = ask(Job::Tree { profile: profile.clone(), masked: profile.clone(), options: opts });
        let Answer::Trees { shown, unmasked } = answer else { panic!("{answer:?}") };
        let m = tree_lines(&g, "shown", &shown) + &tree_lines(&g, "unmasked", &unmasked);
        g.check(&format!("{name}.tree"), &m);

        let base = read(&format!("{name}.batch.json"));
        let (answer, bytes) = ask(Job::Batch {
            profile: base,
            tenants: tenants.clone(),
            file: "t.csv".into(),
            options: opts,
            secrets: None,
        });
        let mut m = match &answer {
            Answer::File { name, rendered, failed } => {
                format!("name {}\nrendered {rendered}\nfailed {failed}\nerror null\n", quoted(Some(name)))
            }
            Answer::Error(e) => format!("name null\nrendered null\nfailed null\nerror {}\n", quoted(Some(e))),
            other => panic!("{other:?}"),
        };
        if let Some(b) = bytes {
            m.push_str(&g.tar(&b));
        }
        g.check(&format!("{name}.batch"), &m);
    }
    g.finish();
}
