//! Manifests judged by their published schemas: the CRDs' openAPIV3Schema (in
//! ../shared/reference/crds) through Python's jsonschema, the core kinds through
//! kubernetes-validate's 1.37 schemas. Shared by the core's GitOps tests and the
//! command line's, which run it on the trees the binary writes.
#![allow(dead_code)] // each test file uses some of these

use std::path::{Path, PathBuf};
use std::process::Command;

/// Fails, saying how to install them, when the validator's Python modules are missing.
pub fn python_ok() {
    let ok = Command::new("python3")
        .args(["-c", "import jsonschema, yaml, kubernetes_validate"])
        .status()
        .is_ok_and(|s| s.success());
    assert!(ok, "Python jsonschema, PyYAML and kubernetes-validate are needed: python3 -m pip install jsonschema pyyaml kubernetes-validate (scripts/setup.sh --browser does it)");
}

/// The Python validator: CRD kinds against their openAPIV3Schema, core kinds through
/// kubernetes-validate (1.37, strict), kustomize files listed for `kubectl kustomize`.
pub const VALIDATE: &str = r#"
import json, os, sys, yaml, jsonschema, kubernetes_validate

crd_dir, files = sys.argv[1], sys.argv[2:]

def to_json_schema(s):
    if isinstance(s, dict):
        out = {}
        for k, v in s.items():
            if k.startswith("x-kubernetes-") or k == "nullable":
                continue
            out[k] = to_json_schema(v)
        if s.get("nullable") and "type" in out:
            out["type"] = [out["type"], "null"]
        if s.get("x-kubernetes-int-or-string"):
            out.pop("type", None)
            out["anyOf"] = [{"type": "integer"}, {"type": "string"}]
        return out
    if isinstance(s, list):
        return [to_json_schema(v) for v in s]
    return s

schemas = {}
for name in os.listdir(crd_dir):
    if not name.endswith(".yaml"):
        continue
    crd = yaml.safe_load(open(os.path.join(crd_dir, name)))
    group, kind = crd["spec"]["group"], crd["spec"]["names"]["kind"]
    for v in crd["spec"]["versions"]:
        if v.get("served"):
            schemas[(group + "/" + v["name"], kind)] = to_json_schema(v["schema"]["openAPIV3Schema"])

seen = []
for f in files:
    print(f, file=sys.stderr)
    for doc in yaml.safe_load_all(open(f)):
        key = (doc["apiVersion"], doc["kind"])
        if key in schemas:
            jsonschema.Draft7Validator(schemas[key]).validate(doc)
            seen.append("crd %s/%s" % key)
        elif "/" not in doc["apiVersion"] or doc["apiVersion"].startswith(("batch/", "apps/")):
            kubernetes_validate.validate(doc, "1.37.0", strict=True)
            seen.append("core %s/%s" % key)
        elif key == ("kustomize.config.k8s.io/v1beta1", "Kustomization"):
            seen.append("kustomize")
        else:
            seen.append("none %s/%s" % key)
print(json.dumps(seen))
"#;

pub fn validate_files(crds: &Path, files: &[PathBuf]) -> Vec<String> {
    let out = Command::new("python3").arg("-c").arg(VALIDATE).arg(crds).args(files).output().unwrap();
    assert!(out.status.success(), "schema validation failed:\n{}", String::from_utf8_lossy(&out.stderr));
    // Each error names its file: the validator prints it before raising.
    serde_json::from_slice(&out.stdout).unwrap()
}
