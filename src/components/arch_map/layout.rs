//! Where everything sits on the map: pods in the middle, callers on the left,
//! dependencies on the right, in two arrangements: [`WIDE`] (800 units) and
//! [`NARROW`] (360 units, for a phone: narrower columns, smaller type, long names on
//! two lines, so the drawing fits 390 px without sideways scrolling). Pure geometry,
//! laid out by hand for clarity, in whole SVG units (integers keep float formatting
//! out of the wasm). The names are the core's (`topology::component`), so a box cannot
//! drift from its connections.

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

/// One arrangement of the map.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Layout {
    /// The drawing's width (its viewBox).
    pub width: i32,
    /// The drawing's height.
    pub height: i32,
    /// The ixnService pod.
    pub ixn_pod: Rect,
    /// The VQ Node pod.
    pub vq_pod: Rect,
    /// IXN's containers, as [`CONTAINERS`].
    pub containers: [(&'static str, Rect); 3],
    /// External box width.
    pub ext_w: i32,
    /// Space left and right of the external boxes.
    pub margin: i32,
    /// Gap between callers on the left, and between dependencies on the right.
    pub gaps: (i32, i32),
    /// The most characters of a box's name on one line; a longer name takes two.
    pub name_chars: usize,
    /// The most characters of a host shown in a box (the whole is its tooltip).
    pub host_chars: usize,
    /// The most characters of a pod's name in its title.
    pub pod_chars: usize,
    /// Type sizes: box names, hosts, connection labels, container names, pod titles.
    pub fonts: Fonts,
}

/// The type sizes of a [`Layout`], in SVG units, as written into the drawing.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fonts {
    /// Box names.
    pub name: &'static str,
    /// Hosts.
    pub host: &'static str,
    /// Connection labels.
    pub label: &'static str,
    /// Container names.
    pub container: &'static str,
    /// Pod titles.
    pub pod: &'static str,
}

/// The map at 600 px and wider.
pub const WIDE: Layout = Layout {
    width: WIDTH,
    height: HEIGHT,
    ixn_pod: IXN_POD,
    vq_pod: VQ_POD,
    containers: CONTAINERS,
    ext_w: EXT_W,
    margin: 6,
    gaps: (40, 12),
    name_chars: 40,
    host_chars: 24,
    pod_chars: 30,
    fonts: Fonts { name: "11.5", host: "10.5", label: "11", container: "13", pod: "13" },
};

/// The map on a phone: the same three columns, 360 units wide. Pod titles take two
/// lines ("Pod", then its name) so the containers start lower.
pub const NARROW: Layout = Layout {
    width: 360,
    height: 580,
    ixn_pod: Rect { x: 122, y: 14, w: 116, h: 400 },
    vq_pod: Rect { x: 122, y: 436, w: 116, h: 130 },
    containers: [
        (IXN, Rect { x: 130, y: 52, w: 100, h: 140 }),
        (IXN_NODE, Rect { x: 130, y: 250, w: 100, h: 150 }),
        (IXN_VQ_NODE, Rect { x: 130, y: 474, w: 100, h: 78 }),
    ],
    ext_w: 104,
    margin: 3,
    gaps: (36, 10),
    name_chars: 14,
    host_chars: 15,
    pod_chars: 18,
    fonts: Fonts { name: "10.5", host: "9", label: "10", container: "12", pod: "10.5" },
};

impl Layout {
    /// Whether this is the phone's arrangement (pod titles on two lines).
    pub fn narrow(&self) -> bool {
        self.width < WIDTH
    }

    /// The container a component name is drawn as, if it is one of IXN's.
    pub fn container(&self, name: &str) -> Option<Rect> {
        self.containers.iter().find(|(n, _)| *n == name).map(|(_, r)| *r)
    }

    /// A box's name as lines: one, or two split at a space when it is longer than
    /// `name_chars`.
    pub fn name_lines(&self, name: &'static str) -> Vec<&'static str> {
        if name.chars().count() <= self.name_chars {
            return vec![name];
        }
        // The space that leaves the longer line shortest.
        let best =
            name.char_indices().filter(|(_, ch)| *ch == ' ').map(|(i, _)| i).min_by_key(|&i| i.max(name.len() - i - 1));
        match best {
            Some(i) => vec![&name[..i], &name[i + 1..]],
            None => vec![name],
        }
    }

    /// The height of a box's name (and host row), where its first lane starts.
    pub fn head(&self, name: &'static str) -> i32 {
        20 + (self.name_lines(name).len() as i32 - 1) * NAME_ROW + if HOSTED.contains(&name) { HOST_ROW } else { 0 }
    }

    /// Where the first lane of a box starts, below its name (and host row).
    pub fn lanes_top(&self, name: &'static str, r: Rect) -> i32 {
        r.y + self.head(name)
    }

    /// External boxes, sized by how many connections each has, stacked with gaps.
    pub fn externals(&self, count: impl Fn(&str) -> usize) -> Vec<(&'static str, Rect, bool)> {
        let mut out = Vec::new();
        let right = self.width - self.margin - self.ext_w;
        for (names, x, left, gap) in
            [(&LEFT[..], self.margin, true, self.gaps.0), (&RIGHT[..], right, false, self.gaps.1)]
        {
            let mut y = 14;
            for name in names {
                let h = (count(name) as i32 * LANE + self.head(name) + 4).max(42);
                out.push((*name, Rect { x, y, w: self.ext_w, h }, left));
                y += h + gap;
            }
        }
        out
    }
}

/// The extra height of a box name's second line.
pub const NAME_ROW: i32 = 13;

/// The map's size.
pub const WIDTH: i32 = 800;
/// The map's height.
pub const HEIGHT: i32 = 580;

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

/// The container a component name is drawn as on the wide map, if it is one of IXN's.
pub fn container(name: &str) -> Option<Rect> {
    WIDE.container(name)
}

/// Callers, top to bottom (ordered to keep lines from crossing labels).
pub const LEFT: [&str; 5] = [GWS_IXN_SERVICE, PULSE_STAT_SERVERS, PROMETHEUS, STAT_SERVER, URS];
/// Dependencies, top to bottom.
pub const RIGHT: [&str; 8] =
    [CONFIG_SERVER, IXN_DB, CONSUL_DAEMONSET, VOICE_CONFIG, VOICE_RQ, ORS_REDIS_STREAM, IXN_NODE_DB, KAFKA];

/// Vertical space per connection at an external box: each connection's label sits
/// in its own lane inside the box, off the line and its arrowhead.
pub const LANE: i32 = 20;
/// External box width on the wide map.
pub const EXT_W: i32 = 138;
/// The row under a box's name that shows the user's host.
pub const HOST_ROW: i32 = 14;
/// The boxes that show the user's host (the core's `topology::hosts` names).
pub const HOSTED: [&str; 6] =
    ["Config Server", "IXN DB", "Consul DaemonSet", "ORS Redis Stream", "IXN Node DB", "Kafka"];

/// External boxes of the wide map, sized by how many connections each has, stacked
/// with gaps.
pub fn externals(count: impl Fn(&str) -> usize) -> Vec<(&'static str, Rect, bool)> {
    WIDE.externals(count)
}

/// `text` cut to `max` characters with an ellipsis (SVG text does not wrap or clip).
pub fn fit(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut out: String = text.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}
