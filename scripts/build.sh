#!/usr/bin/env bash
# The release build into dist/. wasm-opt comes from the npm binaryen (Debian's 108
# silently breaks the app at load time), so its bin goes first on PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/e2e/node_modules/.bin:$HOME/.cargo/bin:$PATH"
trunk build --release --offline
# wasm-bindgen's glue is not minified by Trunk (it minifies only HTML and CSS): terser
# takes it from 44 KB to 20 KB (7.0 to 5.2 KB brotli). The e2e tests run on this file.
terser dist/ixn-portal-web.js --module --compress --mangle --output dist/ixn-portal-web.js
# The worker's glue too (loaded on demand, see src/worker_bridge.rs).
terser dist/ixn-worker.js --module --compress --mangle --output dist/ixn-worker.js
# The page's JS snippets (wasm-bindgen `module = "…"`: dropped.js), which its glue imports.
find dist/snippets -name '*.js' -exec terser {} --module --compress --mangle --output {} \;
# Precompressed copies for hosts that serve them (brotli and gzip beside each file).
node scripts/precompress.mjs dist
