#!/usr/bin/env bash
# Installs what is missing, builds the release and serves it on http://127.0.0.1:8080
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
PORT="${PORT:-8080}" PREFIX=/ exec node e2e/server.mjs
