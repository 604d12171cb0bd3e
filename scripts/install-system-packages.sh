#!/usr/bin/env bash
# Debian packages the project needs: libpcap-dev to build `cap`; chromium for the end-to-end tests
# and the browser mode; tshark as the second opinion some tests compare against; libcap2-bin for
# setcap, which gives the capture helper (and only it) the right to capture.
set -euo pipefail
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
need=()
for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -q
  $SUDO apt-get install -y -q --no-install-recommends "${need[@]}"
fi
