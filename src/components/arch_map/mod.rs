//! The architecture map: the core's 19 connections as an SVG. Each connection is a
//! focusable group (`data-connection="N"`) whose label holds its port; hovering or
//! focusing shows what it carries and which key sets its port, and clicking goes to
//! that field.

use crate::browser;
use crate::components::form::field_id;
use crate::state::ui;
use ixn_core::generate::sizing::{self, pod_name};
use ixn_core::generate::topology::{Class, Connection};
use ixn_core::model::release_name;
use ixn_core::registry::Step;
use ixn_portal::layout::{fit, Layout, Rect, LANE, NAME_ROW, NARROW, WIDE};
use leptos::prelude::*;

fn colour(class: Class) -> &'static str {
    match class {
        Class::Ingress => "#2563eb",
        Class::Egress => "#c2410c",
        Class::IntraCluster => "#047857",
    }
}

/// The field a connection's port is set by: (step, element id).
fn target(c: &Connection) -> Option<(Step, String)> {
    c.field.as_ref().map(|f| (f.step(), field_id(&f.to_string())))
}

/// One drawn connection.
struct Drawn {
    c: Connection,
    from: (i32, i32),
    to: (i32, i32),
    label: (i32, i32, &'static str),
}

fn draw(conns: &[Connection], lay: &Layout) -> (Vec<Drawn>, Vec<(&'static str, Rect, bool)>) {
    let count = |name: &str| conns.iter().filter(|c| c.source == name || c.destination == name).count();
    let ext = lay.externals(count);
    // Pass 1: each connection's container, side and external end.
    struct End {
        c: Connection,
        inner: &'static str,
        box_: Rect,
        outward: bool,
        left: bool,
        ext: (i32, i32),
    }
    let mut ends: Vec<End> = Vec::new();
    let mut drawn = Vec::new();
    let mut per_box: Vec<&str> = Vec::new();
    for c in conns {
        let inner_of = |n: &'static str| lay.container(n).map(|r| (n, r));
        match (inner_of(c.source), inner_of(c.destination)) {
            (Some((_, src)), Some((_, dst))) => {
                // Inside the pod: IXN Node -> IXN, straight up.
                let x = src.x + src.w / 2;
                let mid = (src.y + dst.y + dst.h) / 2 + 4;
                drawn.push(Drawn {
                    c: c.clone(),
                    from: (x, src.y),
                    to: (x, dst.y + dst.h),
                    // On a phone, left of the line: the right side is close to the lines
                    // that leave IXN for the dependencies.
                    label: if lay.narrow() { (x - 8, mid, "end") } else { (x + 8, mid, "start") },
                });
            }
            (inner_src, inner_dst) => {
                let ((inner, box_), outer, outward) = match (inner_src, inner_dst) {
                    (Some(i), _) => (i, c.destination, true),
                    (_, Some(i)) => (i, c.source, false),
                    _ => continue,
                };
                let Some((_, r, left)) = ext.iter().find(|(n, _, _)| *n == outer).copied() else { continue };
                let k = per_box.iter().filter(|n| **n == outer).count();
                per_box.push(outer);
                let ey = lay.lanes_top(outer, r) + LANE * k as i32 + LANE / 2;
                let ex = if left { r.x + r.w } else { r.x };
                ends.push(End { c: c.clone(), inner, box_, outward, left, ext: (ex, ey) });
            }
        }
    }
    // Pass 2: spread the ends on each container side, in the order of their external
    // ends, so that lines fan out instead of crossing.
    for e in &ends {
        // Its slot is its rank among the ends on the same side (counted, not sorted:
        // a handful of ends, and no sort code in the wasm).
        let same_side = || ends.iter().filter(|o| o.inner == e.inner && o.left == e.left);
        let slot = same_side().filter(|o| o.ext.1 < e.ext.1).count();
        let group = same_side().count();
        let r = e.box_;
        let iy = r.y + r.h * (slot as i32 + 1) / (group as i32 + 1);
        let ix = if e.left { r.x } else { r.x + r.w };
        let (ex, ey) = e.ext;
        // The label inside the box, in its lane: off the line and off the arrowhead.
        let label = if e.left { (ex - 8, ey + 4, "end") } else { (ex + 8, ey + 4, "start") };
        let (from, to) = if e.outward { ((ix, iy), (ex, ey)) } else { ((ex, ey), (ix, iy)) };
        drawn.push(Drawn { c: e.c.clone(), from, to, label });
    }
    // In connection order (n is 1..=19), by selection rather than a sort.
    let mut ordered = Vec::with_capacity(drawn.len());
    for n in 0..=u8::MAX {
        if let Some(i) = drawn.iter().position(|d| d.c.n == n) {
            ordered.push(drawn.swap_remove(i));
        }
        if drawn.is_empty() {
            break;
        }
    }
    (ordered, ext)
}

/// The width in CSS px from which the wide map is drawn: its smallest type, 10.5 of
/// its 800 units, then renders at 12 px or more (800 × 12 / 10.5 = 914.3).
const WIDE_FROM: i32 = 915;

/// The map.
#[component]
pub fn ArchMap() -> impl IntoView {
    let ui = ui();
    let selected = RwSignal::new(None::<u8>);
    // A memo: the map redraws only when a connection changes, not on every keystroke.
    let conns = Memo::new(move |_| ui.shown.with(|a| a.connections.clone()));
    let conns = move || conns.get();
    let hosts = Memo::new(move |_| ui.shown.with(|a| a.hosts.clone()));
    let release = Memo::new(move |_| ui.config.with(release_name));
    // The phone's arrangement where the map is drawn narrower than the wide one reads:
    // its smallest type (10.5 units) must render at 12 px or more, so the wide map
    // needs WIDE_FROM px of room. The 1,440 px page's preview column is ~600 px: the
    // wide map there drew 8 to 11 px type (issue 23.9), the narrow one draws 15 px and
    // up. Below 600 px of window (before the map is laid out) it is the phone's too.
    // Redrawn when the window is resized across it.
    let wrap = NodeRef::<leptos::html::Div>::new();
    // Measured on the preview column, which is laid out while the Map tab is hidden
    // (the map itself is then 0 px wide), less its panel's padding (.9rem a side).
    let measure = move || {
        let column = wrap.get_untracked().and_then(|d| d.closest(".previews").ok().flatten());
        match column.map(|c| c.client_width() - 29).filter(|w| *w > 0) {
            Some(w) => w < WIDE_FROM,
            None => browser::narrow(),
        }
    };
    let narrow = RwSignal::new(browser::narrow());
    Effect::new(move |_| {
        if wrap.get().is_some() {
            narrow.set(measure());
        }
    });
    // The listener lives as long as the page: the map is drawn once.
    let _ = window_event_listener(leptos::ev::resize, move |_| {
        let _ = narrow.try_set(measure());
    });
    let layout = move || if narrow.get() { NARROW } else { WIDE };
    let go = move |c: &Connection| {
        if let Some((step, id)) = target(c) {
            ui.step.set(step);
            browser::set_hash(&format!("/{}", step.slug()));
            browser::focus_soon(id);
        }
    };
    let detail = move || {
        let n = selected.get()?;
        conns().into_iter().find(|c| c.n == n).map(|c| {
            let key = c.port_note();
            format!(
                "#{}: {} → {}, {} {}, {}. Carries {}. {}{}",
                c.n,
                c.source,
                c.destination,
                c.protocol,
                c.port,
                c.class.label(),
                c.carries,
                key,
                if c.active { "" } else { " Inactive under the current settings." }
            )
        })
    };
    view! {
        <div class="map-wrap" node_ref=wrap>
            {move || {
                let lay = layout();
                let (w, h) = (lay.width, lay.height);
                let (ixn_pod, vq_pod) = (lay.ixn_pod, lay.vq_pod);
                let f = lay.fonts;
                // A pod's title: one line on the wide map, "Pod" over its name on a phone.
                let pod_title = move |r: Rect, pod: &'static str| {
                    let name = move || fit(&pod_name(pod, &release.get()), lay.pod_chars);
                    let narrow = lay.narrow();
                    view! {
                        <text x=r.x + 10 y=r.y + if narrow { 16 } else { 20 } fill="currentColor" font-weight="600" font-size=f.pod>
                            {move || if narrow { "Pod".to_string() } else { format!("Pod {}", name()) }}
                        </text>
                        {narrow.then(|| view! { <text x=r.x + 10 y=r.y + 30 fill="currentColor" font-weight="600" font-size=f.pod>{name}</text> })}
                    }
                };
                view! {
            <svg id="preview-map" class:narrow=lay.narrow() xmlns="http://www.w3.org/2000/svg" viewBox=format!("0 0 {w} {h}") role="group"
                aria-label="Architecture: who connects to whom, on which port" font-family="system-ui, sans-serif" font-size="13">
                <defs>
                    {[Class::Ingress, Class::Egress, Class::IntraCluster].into_iter().map(|k| view! {
                        <marker id=format!("arrow-{}", k.label()) viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                            <path d="M 0 0 L 10 5 L 0 10 z" fill=colour(k)/>
                        </marker>
                    }).collect_view()}
                </defs>
                // White behind the downloaded file (a viewer's dark background would hide
                // the lines); in the page, CSS paints it the panel's colour.
                <rect class="map-bg" width=w height=h fill="#ffffff"/>
                <rect x=ixn_pod.x y=ixn_pod.y width=ixn_pod.w height=ixn_pod.h rx="10" fill="none" stroke="currentColor" stroke-opacity="0.5" stroke-dasharray="6 4"/>
                {pod_title(ixn_pod, sizing::IXN_POD)}
                <rect x=vq_pod.x y=vq_pod.y width=vq_pod.w height=vq_pod.h rx="10" fill="none" stroke="currentColor" stroke-opacity="0.5" stroke-dasharray="6 4"/>
                {pod_title(vq_pod, sizing::VQ_POD)}
                {move || {
                    let all = conns();
                    let (drawn, ext) = draw(&all, &lay);
                    let hosts = hosts.get();
                    let boxes = ext.into_iter().map(|(name, r, _)| {
                        let host = hosts.iter().find(|(n, _)| *n == name).map(|(_, h)| h.clone());
                        let lines = lay.name_lines(name);
                        let host_y = r.y + 28 + (lines.len() as i32 - 1) * NAME_ROW;
                        view! {
                            <g class="node">
                                <rect x=r.x y=r.y width=r.w height=r.h rx="6" fill="none" stroke="currentColor" stroke-opacity="0.7"/>
                                {lines.into_iter().enumerate().map(|(i, line)| view! {
                                    <text x=r.x + 6 y=r.y + 14 + i as i32 * NAME_ROW fill="currentColor" font-weight="600" font-size=f.name>{line}</text>
                                }).collect_view()}
                                {host.map(|h| view! {
                                    <text class="host" x=r.x + 6 y=host_y fill="currentColor" font-size=f.host opacity="0.8"><title>{h.clone()}</title>{fit(&h, lay.host_chars)}</text>
                                })}
                            </g>
                        }
                    }).collect_view();
                    let containers = lay.containers.into_iter().map(|(name, r)| {
                        view! {
                            <g class="node">
                                <rect x=r.x y=r.y width=r.w height=r.h rx="6" fill="none" stroke="currentColor" stroke-width="1.5"/>
                                <text x=r.x + r.w / 2 y=r.y + r.h / 2 + 4 text-anchor="middle" fill="currentColor" font-weight="700" font-size=f.container>{name}</text>
                            </g>
                        }
                    }).collect_view();
                    let lines = drawn.into_iter().map(|d| {
                        let c = d.c.clone();
                        let c2 = d.c.clone();
                        let n = c.n;
                        let col = colour(c.class);
                        // Short visible label; the full description (port included) is the
                        // group's <title>, a native tooltip and part of its text. On a phone
                        // the label leaves out the protocol, to fit its box.
                        let short_port = c.short_port();
                        let text = if lay.narrow() { format!("#{} {}", c.n, short_port) } else { format!("#{} {} {}", c.n, c.protocol, short_port) };
                        // The accessible name starts with the visible label (WCAG 2.5.3).
                        let aria = format!("{text}: {} to {}, {} port {}, {}{}", c.source, c.destination, c.protocol, c.port, c.class.label(), if c.active { "" } else { ", inactive" });
                        view! {
                            <g data-connection=n.to_string() class="conn" class:inactive=!c.active tabindex="0" role="button" aria-label=aria.clone()
                                on:mouseenter=move |_| selected.set(Some(n)) on:focus=move |_| selected.set(Some(n))
                                on:click=move |_| go(&c2)
                                on:keydown=move |ev| if ev.key() == "Enter" || ev.key() == " " { ev.prevent_default(); go(&c); }>
                                <title>{aria.clone()}</title>
                                <line x1=d.from.0 y1=d.from.1 x2=d.to.0 y2=d.to.1 stroke="transparent" stroke-width="10"/>
                                <line x1=d.from.0 y1=d.from.1 x2=d.to.0 y2=d.to.1 stroke=col stroke-width="1.8"
                                    stroke-dasharray=if d.c.active { "none" } else { "4 4" } opacity=if d.c.active { "1" } else { "0.35" }
                                    marker-end=format!("url(#arrow-{})", d.c.class.label())/>
                                // The halo as attributes too, so the downloaded SVG has it without the page's
                                // CSS (which sets the panel colour of the theme instead).
                                <text class="conn-label" x=d.label.0 y=d.label.1 text-anchor=d.label.2 fill=col font-size=f.label font-weight="600" opacity=if d.c.active { "1" } else { "0.55" }
                                    paint-order="stroke" stroke="#ffffff" stroke-width="4" stroke-linejoin="round">{text}</text>
                            </g>
                        }
                    }).collect_view();
                    view! { {boxes}{containers}{lines} }
                }}
            </svg>
                }
            }}
            // The same connections as a list, each naming both ends and the user's host:
            // under the drawing on a phone, where the boxes show hosts cut short.
            <ol class="map-list" aria-label="Connections">
                {move || {
                    let hosts = hosts.get();
                    conns().into_iter().map(|c| {
                        let host = |n: &str| hosts.iter().find(|(h, _)| *h == n).map(|(_, h)| format!(" ({h})")).unwrap_or_default();
                        let text = format!("#{} {}{} → {}{}: {} {}", c.n, c.source, host(c.source), c.destination, host(c.destination), c.protocol, c.port);
                        let class = format!("swatch {}", match c.class { Class::Ingress => "ingress", Class::Egress => "egress", Class::IntraCluster => "intra" });
                        let active = c.active;
                        view! {
                            <li class:inactive=!active>
                                <span class=class></span>
                                <button type="button" class="link" on:click=move |_| go(&c)>{text}</button>
                                {(!active).then_some(" (inactive)")}
                            </li>
                        }
                    }).collect_view()
                }}
            </ol>
            <ul class="legend" aria-label="Legend">
                <li><span class="swatch ingress"></span>"ingress"</li>
                <li><span class="swatch egress"></span>"egress"</li>
                <li><span class="swatch intra"></span>"intra-cluster"</li>
                <li><span class="swatch inactive"></span>"inactive (dimmed)"</li>
            </ul>
            <p id="map-detail" class="map-detail" aria-live="polite">
                {move || detail().unwrap_or_else(|| "Hover over or focus a connection to see what it carries and which key sets its port; click it to go to that field.".into())}
            </p>
            <button type="button" class="secondary" on:click=move |_| {
                if let Some(svg) = browser::outer_html("preview-map") {
                    browser::download("ixn-architecture.svg", "image/svg+xml", svg.as_bytes());
                }
            }>"Download the map as SVG"</button>
        </div>
    }
}
