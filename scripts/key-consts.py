#!/usr/bin/env python3
"""Typed key constants: the name of a registry path, and a rewrite of call sites.

`keys::TENANT_SID` is the constant of `tenant.sid`: each path segment in
SCREAMING_SNAKE_CASE (camelCase split at each capital), joined by `_`.

    scripts/key-consts.py name ixnService.ixnServer.db.name   # IXN_SERVICE_IXN_SERVER_DB_NAME
    scripts/key-consts.py consts                               # the `pub const` lines of keys.rs
    scripts/key-consts.py rewrite FILE...                      # `.get("tenant.sid"` -> `.get(keys::TENANT_SID`

`rewrite` only touches calls of the lookup methods that take a `&KeyDef`
(Values::get/set/set_text/unset/draft, Effective::get/resolved/port/port_text/str/bool,
chart_default) whose first argument is the literal path of a registry key (and turns
`.get(def.path` into `.get(def`, drops the `.unwrap()` of `values.set`), so it can be
run again on any branch; anything else the compiler points out. It cannot tell a YAML
`Node::get`, which still takes a dotted path: the compiler points those out too (add
`.path`).
"""
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TABLE = ROOT / "core/src/registry/keys.rs"
METHODS = "get|set|set_text|unset|draft|resolved|port|port_text|str|bool|chart_default"


def paths():
    text = TABLE.read_text()
    table = text[text.index("pub(super) const TABLE"):]
    return re.findall(r'^\s*k\(\w+, "([^"]+)"', table, re.M)


def name(path):
    def seg(s):
        return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", s).upper()
    return "_".join(seg(s) for s in path.split("."))


def consts():
    for p in paths():
        yield f'pub const {name(p)}: &KeyDef = key_at("{p}");'


def rewrite(files):
    known = set(paths())
    pat = re.compile(r'((?:\.|\b)(?:' + METHODS + r')\()"([^"]+)"')
    for f in files:
        src = Path(f).read_text()
        out = pat.sub(lambda m: m.group(1) + "keys::" + name(m.group(2)) if m.group(2) in known else m.group(0), src)
        # A row in hand: pass the row, not its path.
        out = re.sub(r"((?:\.|\b)(?:" + METHODS + r")\()(\w+)\.path\b", r"\1\2", out)
        # Values::set cannot fail any more: no Result to unwrap or discard.
        out = re.sub(r"(\.values\.set\(.*\))\.(?:unwrap\(\)|expect\(\"[^\"]*\"\));$", r"\1;", out, flags=re.M)
        out = re.sub(r"\blet _ = ([\w.]*\bvalues\.set\()", r"\1", out)
        if out != src:
            Path(f).write_text(with_import(f, out) if "keys::" in out else out)
            print(f)


def with_import(f, src):
    """Adds `use …::registry::keys;` before the first `use` line, unless it is there."""
    if re.search(r"^\s*use [\w:]*registry::\{?[^;]*\bkeys\b", src, re.M) or re.search(r"^\s*(pub )?mod keys;", src, re.M):
        return src
    inside = "core/src/" in str(Path(f).resolve())
    line = "use crate::registry::keys;\n" if inside else "use ixn_core::registry::keys;\n"
    m = re.search(r"^use ", src, re.M) or re.search(r"^(?!//!)", src, re.M)
    at = m.start() if m else 0
    return src[:at] + line + src[at:]


if __name__ == "__main__":
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "name":
        print(name(args[0]))
    elif cmd == "consts":
        print("\n".join(consts()))
    elif cmd == "rewrite":
        rewrite(args)
