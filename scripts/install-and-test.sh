#!/usr/bin/env bash
# Installs everything the test suite needs on a fresh Debian machine, then runs the whole suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-system-packages.sh libpcap-dev libcap2-bin chromium tshark python3 make g++ ca-certificates
# Electron's binary is not needed by the tests (they drive the browser mode in Chromium).
ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm ci --no-audit --no-fund
npm test
