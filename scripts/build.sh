#!/usr/bin/env bash
# The release build into dist/. wasm-opt comes from the npm binaryen (Debian's 108
# silently breaks the app at load time), so its bin goes first on PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/e2e/node_modules/.bin:$HOME/.cargo/bin:$PATH"
trunk build --release --offline
# Precompressed copies for hosts that serve them (brotli and gzip beside each file).
node scripts/precompress.mjs dist
