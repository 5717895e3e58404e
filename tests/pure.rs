//! Native tests of the portal's pure functions: pasted documents, the step of a
//! finding's field, the highlighter and the map's layout.

use ixn_core::artifacts::artifacts;
use ixn_core::model::Config;
use ixn_core::registry::Step;
use ixn_portal::documents::documents;
use ixn_portal::highlight::{line, Tone};
use ixn_portal::layout::{container, externals, Rect, HEIGHT, LEFT, NARROW, RIGHT, WIDE, WIDTH};
use ixn_portal::step_of::step_of;

#[test]
fn pasted_text_splits_at_document_markers_and_drops_empty_documents() {
    assert_eq!(documents("a: 1\n"), vec![("pasted text".to_string(), "a: 1\n".to_string())]);
    let docs = documents("---\na: 1\n---\n\n--- # second\nb: 2\n---   \n");
    assert_eq!(
        docs,
        vec![
            ("pasted document 1".to_string(), "a: 1\n".to_string()),
            ("pasted document 2".to_string(), "b: 2\n".to_string())
        ]
    );
    // A `---` inside a line, or `----`, is text, not a marker.
    assert_eq!(documents("a: ---\n----\n").len(), 1);
    assert!(documents("\n  \n---\n").is_empty());
}

#[test]
fn a_finding_is_on_the_step_of_its_key_or_context_field() {
    assert_eq!(step_of("tenant.sid"), Step::Tenant);
    assert_eq!(step_of("ixnService.ixnNode.redis[0].host"), Step::Redis);
    assert_eq!(step_of("podLabels[3]"), Step::Scheduling);
    assert_eq!(step_of("deploy.namespace"), ixn_core::model::context_field("deploy.namespace").unwrap().step);
    assert_eq!(step_of("no.such.field"), Step::Review);
}

#[test]
fn a_typed_location_is_on_the_step_its_name_is_on() {
    use ixn_core::model::{Location, Part, CONTEXT};
    use ixn_core::registry::{keys, KEYS};
    for k in KEYS {
        assert_eq!(Location::Key(k).step(), step_of(k.path), "{}", k.path);
    }
    for c in CONTEXT {
        assert_eq!(Location::Context(c).step(), step_of(c.name), "{}", c.name);
    }
    let host = Location::Item { key: keys::IXN_SERVICE_IXN_NODE_REDIS, index: 1, part: Part::Host };
    assert_eq!(host.step(), step_of(&host.to_string()));
    // A key of the user's chart is edited on the Chart step, where its link goes.
    assert_eq!(Location::ChartKey("extraEnv".into()).step(), Step::Chart);
}

#[test]
fn highlighting_keeps_every_byte_and_tones_keys_comments_and_strings() {
    let join = |pieces: &[(Tone, &str)]| pieces.iter().map(|(_, t)| *t).collect::<String>();
    for (text, yaml) in [
        ("  host: \"db\"", true),
        ("# comment: \"x\"", true),
        ("- name: a", true),
        ("kubectl get pods -n 'ns'", false),
        ("\"quoted key\": 1", true),
        ("", true),
        ("key:", true),
    ] {
        assert_eq!(join(&line(text, yaml)), text, "{text:?}");
    }
    assert_eq!(
        line("  host: \"db\"", true),
        vec![(Tone::Plain, "  "), (Tone::Key, "host"), (Tone::Plain, ": "), (Tone::Str, "\"db\"")]
    );
    assert_eq!(line("  # note", true), vec![(Tone::Comment, "  # note")]);
    assert_eq!(line("- name: a", true)[1], (Tone::Key, "name"));
    assert_eq!(line("a: b", false), vec![(Tone::Plain, "a: b")], "keys are toned in YAML only");
}

#[test]
fn the_map_places_every_component_of_the_cores_connections_inside_the_map_without_overlap() {
    let cfg = Config::guide_sample();
    let connections = artifacts(&cfg, Default::default()).connections;
    let count = |name: &str| connections.iter().filter(|c| c.source == name || c.destination == name).count();
    let boxes = externals(count);
    for c in &connections {
        for end in [c.source, c.destination] {
            let placed = container(end).is_some() || boxes.iter().any(|(n, _, _)| *n == end);
            assert!(placed, "connection {} names {end:?}, which the map does not draw", c.n);
        }
    }
    assert_eq!(boxes.len(), LEFT.len() + RIGHT.len());
    let inside = |r: &Rect| r.x >= 0 && r.y >= 0 && r.x + r.w <= WIDTH && r.y + r.h <= HEIGHT;
    let overlap = |a: &Rect, b: &Rect| a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
    for (i, (n, r, _)) in boxes.iter().enumerate() {
        assert!(inside(r), "{n} at {r:?} leaves the {WIDTH}×{HEIGHT} map");
        for (m, s, _) in &boxes[..i] {
            assert!(!overlap(r, s), "{n} overlaps {m}");
        }
    }
    for name in ["IXN", "IXN Node", "IXN VQ Node"] {
        assert!(inside(&container(name).unwrap()), "{name}");
    }
}

#[test]
fn the_phone_map_is_360_units_wide_and_keeps_boxes_pods_and_columns_apart() {
    let cfg = Config::guide_sample();
    let connections = artifacts(&cfg, Default::default()).connections;
    let count = |name: &str| connections.iter().filter(|c| c.source == name || c.destination == name).count();
    // The wide map's boxes are the free functions' (unchanged by the second arrangement).
    assert_eq!(WIDE.externals(count), externals(count));
    let lay = NARROW;
    assert!(lay.width <= 360, "fits a 390 px phone with the page's padding");
    let boxes = lay.externals(count);
    assert_eq!(boxes.len(), LEFT.len() + RIGHT.len());
    let inside = |r: &Rect| r.x >= 0 && r.y >= 0 && r.x + r.w <= lay.width && r.y + r.h <= lay.height;
    let overlap = |a: &Rect, b: &Rect| a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
    for (i, (n, r, _)) in boxes.iter().enumerate() {
        assert!(inside(r), "{n} at {r:?} leaves the {}×{} map", lay.width, lay.height);
        for (m, s, _) in &boxes[..i] {
            assert!(!overlap(r, s), "{n} overlaps {m}");
        }
        for pod in [lay.ixn_pod, lay.vq_pod] {
            assert!(!overlap(r, &pod), "{n} overlaps a pod");
        }
        for line in lay.name_lines(n) {
            assert!(line.chars().count() <= lay.name_chars, "{n}: {line:?} is too long for its box");
        }
        // Each connection's lane is inside its box.
        assert!(lay.lanes_top(n, *r) + count(n) as i32 * ixn_portal::layout::LANE <= r.y + r.h, "{n}");
    }
    for (name, r) in lay.containers {
        assert_eq!(lay.container(name), Some(r));
        let pod = if name == "IXN VQ Node" { lay.vq_pod } else { lay.ixn_pod };
        assert!(
            r.x > pod.x && r.x + r.w < pod.x + pod.w && r.y > pod.y + 30 && r.y + r.h < pod.y + pod.h,
            "{name} in its pod, below the title"
        );
    }
    assert!(inside(&lay.ixn_pod) && inside(&lay.vq_pod));
    assert_eq!(lay.name_lines("Pulse Stat Server(s)"), ["Pulse Stat", "Server(s)"]);
    assert_eq!(WIDE.name_lines("Pulse Stat Server(s)"), ["Pulse Stat Server(s)"]);
}
