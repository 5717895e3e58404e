//! Reading the objects: the two workloads, their containers, ports and volumes, the
//! Services and Secrets, by the names the portal's commands use.

use super::stream::Object;
use super::Model;
use crate::yaml::Node;

/// One of the two workloads the portal's commands name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Workload {
    /// The StatefulSet `<release>-sts`: IXN Server, IXN Node, the log sidecar.
    Server,
    /// The Deployment `<release>-vqnode-deploy`: VQ Node.
    Vq,
}

impl Workload {
    /// Its kind.
    pub fn kind(self) -> &'static str {
        match self {
            Workload::Server => "StatefulSet",
            Workload::Vq => "Deployment",
        }
    }

    /// Its name for `release`, as `kubectl rollout status` in the commands names it.
    pub fn name(self, release: &str) -> String {
        match self {
            Workload::Server => format!("{release}-sts"),
            Workload::Vq => format!("{release}-vqnode-deploy"),
        }
    }

    /// The containers the portal knows in it.
    pub fn known_containers(self) -> &'static [&'static str] {
        match self {
            Workload::Server => &["ixn-server", "ixn-node", "log-sidecar"],
            Workload::Vq => &["ixn-vq-node"],
        }
    }
}

/// The text of a scalar node: a string, a number or a boolean as written.
pub fn text(node: &Node) -> Option<String> {
    Some(match node {
        Node::Str(s) | Node::Block(s) | Node::Placeholder(s) | Node::Float(s) => s.clone(),
        Node::Int(i) => i.to_string(),
        Node::Bool(b) => b.to_string(),
        _ => return None,
    })
}

/// The items of a sequence node (none when it is not one).
pub fn items(node: Option<&Node>) -> &[Node] {
    match node {
        Some(Node::Seq(v)) => v,
        _ => &[],
    }
}

/// The item of a sequence whose `name` is `name`.
pub fn named<'n>(list: Option<&'n Node>, name: &str) -> Option<&'n Node> {
    items(list).iter().find(|n| n.get("name").and_then(text).as_deref() == Some(name))
}

/// The objects, as the clauses read them.
pub struct View<'o> {
    /// Every object.
    pub objects: &'o [Object],
    server: Option<&'o Object>,
    vq: Option<&'o Object>,
}

impl<'o> View<'o> {
    /// Finds the workloads of `model` among `objects`.
    pub fn new(model: &Model, objects: &'o [Object]) -> View<'o> {
        let find = |w: Workload| {
            let name = w.name(&model.release);
            objects.iter().find(|o| o.kind == w.kind() && o.name == name)
        };
        View { objects, server: find(Workload::Server), vq: find(Workload::Vq) }
    }

    /// The workload object, when the stream has it.
    pub fn workload(&self, w: Workload) -> Option<&'o Object> {
        match w {
            Workload::Server => self.server,
            Workload::Vq => self.vq,
        }
    }

    /// The pod spec of a workload.
    pub fn pod(&self, w: Workload) -> Option<&'o Node> {
        self.workload(w)?.get(&["spec", "template", "spec"])
    }

    /// A container of a workload's pod.
    pub fn container(&self, w: Workload, name: &str) -> Option<&'o Node> {
        named(self.pod(w)?.get("containers"), name)
    }

    /// The number a container port resolves to: a number as it is, a name through the
    /// container's (or, with `container` None, any container's) named ports.
    pub fn resolve_port(&self, w: Workload, container: Option<&str>, port: &Node) -> Option<i64> {
        if let Node::Int(i) = port {
            return Some(*i);
        }
        let name = text(port)?;
        if let Ok(n) = name.parse::<i64>() {
            return Some(n);
        }
        let pod = self.pod(w)?;
        items(pod.get("containers"))
            .iter()
            .filter(|c| container.is_none_or(|want| c.get("name").and_then(text).as_deref() == Some(want)))
            .find_map(|c| named(c.get("ports"), &name).and_then(|p| p.get("containerPort")).and_then(int))
    }

    /// Objects of `kind`.
    pub fn of_kind<'a>(&'a self, kind: &'a str) -> impl Iterator<Item = &'o Object> + 'a {
        self.objects.iter().filter(move |o| o.kind == kind)
    }

    /// The object `kind`/`name`.
    pub fn find(&self, kind: &str, name: &str) -> Option<&'o Object> {
        self.objects.iter().find(|o| o.kind == kind && o.name == name)
    }

    /// The key names of the Secret `name`: rendered in the stream, or made by the
    /// portal; `None` when neither has it.
    pub fn secret_keys(&self, model: &Model, name: &str) -> Option<Vec<String>> {
        if let Some(s) = self.find("Secret", name) {
            return Some(s.secret_keys().into_iter().map(str::to_string).collect());
        }
        model.made_secrets.iter().find(|(n, _)| n == name).map(|(_, k)| k.clone())
    }
}

/// An integer node (or a string of digits).
pub fn int(node: &Node) -> Option<i64> {
    match node {
        Node::Int(i) => Some(*i),
        n => text(n)?.parse().ok(),
    }
}
