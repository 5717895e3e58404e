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
  if (( ${#missing[@]} )); then
    say "installing ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
  fi
fi

say "fetching crates"
cargo fetch --quiet
