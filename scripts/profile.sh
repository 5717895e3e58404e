#!/usr/bin/env bash
# Where the time goes: builds the release with the wasm's function names kept (and no
# wasm-opt) into target/profile-dist, then prints a CPU profile in headless Chromium of
# keystrokes or an import on the inflated model, or of the cold load.
# `scripts/profile.sh [keystrokes|import|load] [N]`
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --browser
export PATH="$PWD/e2e/node_modules/.bin:$HOME/.cargo/bin:$PATH"
sed 's|data-wasm-opt="z"|data-wasm-opt="0" data-keep-debug|' index.html > index.profile.html
trap 'rm -f index.profile.html' EXIT
trunk build --release --offline --dist target/profile-dist index.profile.html
node e2e/cpu_profile.mjs target/profile-dist "$@"
