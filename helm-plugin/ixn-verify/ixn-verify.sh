#!/bin/sh
# ixn-verify: checks the chart's rendered manifests against an IXN portal profile, as a
# Helm post-renderer. The rendering passes through byte for byte when it holds; when it
# contradicts the profile nothing is printed, the findings go to stderr, to the terminal
# (Helm 4 does not show a post-renderer's stderr) and to $IXN_VERIFY_REPORT when set,
# and it exits 1, so Helm installs nothing.
#
# Helm 3 takes this file's path:
#   helm upgrade --install … --post-renderer ./helm-plugin/ixn-verify/ixn-verify.sh \
#     --post-renderer-args tenant-100.yaml
# Helm 4 takes the installed plugin's name (see plugin.yaml): --post-renderer ixn-verify.
#
# Arguments: PROFILE [ixn-portal verify options: --strict, -f VALUES, --secrets-env …].
# The command is $IXN_PORTAL when set, else ixn-portal on PATH.
set -eu
if [ "$#" -eq 0 ]; then
  echo "ixn-verify: give the profile: --post-renderer-args tenant.yaml" >&2
  exit 2
fi
exec "${IXN_PORTAL:-ixn-portal}" verify --post-renderer "$@"
