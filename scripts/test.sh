#!/usr/bin/env bash
# Installs what is missing, then runs every test: the core's native tests (unit,
# property and exactness tests), the command line's tests, the release build, and the
# end-to-end tests in headless Chromium against it.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --browser
export PATH="$HOME/.cargo/bin:$PATH"

echo "==> format and lints"
cargo fmt --all --check
cargo clippy -p ixn-core --all-targets --release -- -D warnings
cargo clippy -p ixn-portal --target wasm32-unknown-unknown --release -- -D warnings
cargo clippy -p ixn-worker --target wasm32-unknown-unknown --release -- -D warnings

echo "==> native tests of the core"
cargo test -p ixn-core --release

echo "==> native tests of the portal's pure functions, and of its highlighter"
cargo test -p ixn-portal --test pure
cargo test -p ixn-highlight --release

echo "==> native tests of the worker's jobs (the requests the page sends it)"
cargo test -p ixn-worker --release

echo "==> the command line: its tests, and the binary the end-to-end tests compare with the portal"
cargo test -p ixn-portal-cli --release
cargo build -p ixn-portal-cli --release --bin ixn-portal

echo "==> a test-only fifth delivery mode: the form, validation, batch and command line pick it up"
cargo test -p ixn-portal-cli --release --features example-mode --test example_mode

echo "==> release build"
scripts/build.sh

echo "==> size: brotli bytes of dist/ against the budget and the regression ceiling"
node scripts/size.mjs

echo "==> end-to-end tests in headless Chromium"
node --test e2e/
