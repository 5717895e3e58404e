//! Where everything sits on the map: pods in the middle, callers on the left,
//! dependencies on the right. Pure geometry, laid out by hand for clarity, in whole
//! SVG units (integers keep float formatting out of the wasm). The names are the
//! core's (`topology::component`), so a box cannot drift from its connections.

use ixn_core::generate::topology::component::*;

/// A box on the map.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    /// Left.
    pub x: i32,
    /// Top.
    pub y: i32,
    /// Width.
    pub w: i32,
    /// Height.
    pub h: i32,
}

/// The map's size.
pub const WIDTH: i32 = 800;
/// The map's height.
pub const HEIGHT: i32 = 540;

/// The ixnService pod.
pub const IXN_POD: Rect = Rect { x: 268, y: 14, w: 244, h: 372 };
/// The VQ Node pod.
pub const VQ_POD: Rect = Rect { x: 268, y: 410, w: 244, h: 118 };

/// IXN's containers, by the names the core's connections give them, and their boxes.
pub const CONTAINERS: [(&str, Rect); 3] = [
    (IXN, Rect { x: 290, y: 46, w: 200, h: 130 }),
    (IXN_NODE, Rect { x: 290, y: 236, w: 200, h: 136 }),
    (IXN_VQ_NODE, Rect { x: 290, y: 442, w: 200, h: 72 }),
];

/// The container a component name is drawn as, if it is one of IXN's.
pub fn container(name: &str) -> Option<Rect> {
    CONTAINERS.iter().find(|(n, _)| *n == name).map(|(_, r)| *r)
}

/// Callers, top to bottom (ordered to keep lines from crossing labels).
pub const LEFT: [&str; 5] = [GWS_IXN_SERVICE, PULSE_STAT_SERVERS, PROMETHEUS, STAT_SERVER, URS];
/// Dependencies, top to bottom.
pub const RIGHT: [&str; 8] =
    [CONFIG_SERVER, IXN_DB, CONSUL_DAEMONSET, VOICE_CONFIG, VOICE_RQ, ORS_REDIS_STREAM, IXN_NODE_DB, KAFKA];

/// Vertical space per connection at an external box.
pub const LANE: i32 = 20;
/// External box width.
pub const EXT_W: i32 = 138;

/// External boxes, sized by how many connections each has, stacked with gaps.
pub fn externals(count: impl Fn(&str) -> usize) -> Vec<(&'static str, Rect, bool)> {
    let mut out = Vec::new();
    for (names, x, left, gap) in [(&LEFT[..], 6, true, 40), (&RIGHT[..], WIDTH - 6 - EXT_W, false, 12)] {
        let mut y = 14;
        for name in names {
            let h = (count(name) as i32 * LANE + 20).max(42);
            out.push((*name, Rect { x, y, w: EXT_W, h }, left));
            y += h + gap;
        }
    }
    out
}
