#!/usr/bin/env bash
# The benchmark: builds the release, measures the core natively, the command line's
# batches (1, 100, 1,000 tenants: time and peak memory), then the real app in headless
# Chromium, and prints every figure against its budget.
# The command line also reads wide input (49,000 keys) against 0.5 s, and adopts a
# 1,000-tenant Genesys repository against 2 s (cli/examples/bench_adopt.rs).
# Pass --enforce-size to fail when the transfer size is over budget.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --browser
export PATH="$HOME/.cargo/bin:$PATH"
scripts/build.sh
native=$(mktemp)
cargo bench -q -p ixn-core 2>/dev/null | tee "$native"
cargo build -q --release -p ixn-portal-cli --bin ixn-portal
cargo run -q --release -p ixn-portal-cli --example bench
cargo run -q --release -p ixn-portal-cli --example bench_adopt
node e2e/bench.mjs --native "$native" "$@"
