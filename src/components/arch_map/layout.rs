//! Where everything sits on the map: pods in the middle, callers on the left,
//! dependencies on the right. Pure geometry, laid out by hand for clarity.

/// A box on the map.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    /// Left.
    pub x: f64,
    /// Top.
    pub y: f64,
    /// Width.
    pub w: f64,
    /// Height.
    pub h: f64,
}

/// The map's size.
pub const WIDTH: f64 = 800.0;
/// The map's height.
pub const HEIGHT: f64 = 540.0;

/// The ixnService pod.
pub const IXN_POD: Rect = Rect { x: 268.0, y: 14.0, w: 244.0, h: 372.0 };
/// The VQ Node pod.
pub const VQ_POD: Rect = Rect { x: 268.0, y: 410.0, w: 244.0, h: 118.0 };

/// The container a component name is drawn as, if it is one of IXN's.
pub fn container(name: &str) -> Option<Rect> {
    Some(match name {
        "IXN" => Rect { x: 290.0, y: 46.0, w: 200.0, h: 130.0 },
        "IXN Node" => Rect { x: 290.0, y: 236.0, w: 200.0, h: 136.0 },
        "IXN VQ Node" => Rect { x: 290.0, y: 442.0, w: 200.0, h: 72.0 },
        _ => return None,
    })
}

/// Callers, top to bottom (ordered to keep lines from crossing labels).
pub const LEFT: [&str; 5] = ["GWS IXN service", "Pulse Stat Server(s)", "Prometheus", "StatServer", "URS"];
/// Dependencies, top to bottom.
pub const RIGHT: [&str; 8] = [
    "Config Server", "IXN DB", "Consul DaemonSet", "Voice config", "Voice RQ", "ORS Redis Stream", "IXN Node DB", "Kafka",
];

/// Vertical space per connection at an external box.
pub const LANE: f64 = 20.0;
/// External box width.
pub const EXT_W: f64 = 138.0;

/// External boxes, sized by how many connections each has, stacked with gaps.
pub fn externals(count: impl Fn(&str) -> usize) -> Vec<(&'static str, Rect, bool)> {
    let mut out = Vec::new();
    for (names, x, left, gap) in [(&LEFT[..], 6.0, true, 40.0), (&RIGHT[..], WIDTH - 6.0 - EXT_W, false, 12.0)] {
        let mut y = 14.0;
        for name in names {
            let h = (count(name) as f64 * LANE + 20.0).max(42.0);
            out.push((*name, Rect { x, y, w: EXT_W, h }, left));
            y += h + gap;
        }
    }
    out
}
