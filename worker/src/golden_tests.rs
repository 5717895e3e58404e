//! The worker's downloads, byte for byte as recorded from `main` before the worker
//! protocol became typed (issue 24): "Download everything" of a Git delivery, the
//! GitOps tab's tree and "Download all tenants", for every golden profile (the
//! command line's, `cli/tests/golden/inputs`). See `core/tests/common/golden.rs`.

#[path = "../../core/tests/common/golden.rs"]
mod golden;

use serde_json::{json, Value as Json};

/// One request's replies: the last one's JSON and bytes.
fn ask(req: Json) -> (Json, Option<Vec<u8>>) {
    let mut out = None;
    crate::jobs::run(&req.to_string(), &mut |json, bytes| {
        let reply: Json = serde_json::from_str(&json).unwrap();
        if reply.get("progress").is_none() {
            out = Some((reply, bytes));
        }
    });
    out.expect("a last reply")
}

/// A GitOps tree reply (`null` outside Git delivery) as manifest lines.
fn tree_lines(g: &golden::Golden, what: &str, t: &Json) -> String {
    if t.is_null() {
        return format!("{what} none\n");
    }
    let mut m = format!("{what} seed {}\n", g.blob(t["seed"].to_string().as_bytes()));
    for f in t["files"].as_array().unwrap() {
        let text = f["text"].as_str().unwrap();
        m.push_str(&format!("{what} {} {} {}\n", text.len(), g.blob(text.as_bytes()), f["path"].as_str().unwrap()));
    }
    m
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
        let (reply, bytes) = ask(json!({"op": "download", "profile": profile, "id": 1}));
        let mut m = format!("name {}\nerror {}\n", reply["name"], reply["error"]);
        if let Some(b) = bytes {
            m.push_str(&g.tar(&b));
        }
        g.check(&format!("{name}.download"), &m);

        let (reply, _) = ask(json!({"op": "tree", "profile": profile, "masked": profile, "id": 2}));
        let m = tree_lines(&g, "shown", &reply["shown"]) + &tree_lines(&g, "unmasked", &reply["unmasked"]);
        g.check(&format!("{name}.tree"), &m);

        let base = read(&format!("{name}.batch.json"));
        let req = json!({"op": "batch", "profile": base, "tenants": tenants, "file": "t.csv", "id": 3});
        let (reply, bytes) = ask(req);
        let mut m = format!(
            "name {}\nrendered {}\nfailed {}\nerror {}\n",
            reply["name"], reply["rendered"], reply["failed"], reply["error"]
        );
        if let Some(b) = bytes {
            m.push_str(&g.tar(&b));
        }
        g.check(&format!("{name}.batch"), &m);
    }
    g.finish();
}
