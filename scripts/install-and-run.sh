#!/usr/bin/env bash
# Installs the app on a fresh Debian machine and starts it: the Electron window where Electron's
# binary can be downloaded, otherwise the browser mode (it prints the URL to open).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-system-packages.sh libpcap-dev libcap2-bin python3 make g++ ca-certificates
npm ci --no-audit --no-fund || ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm ci --no-audit --no-fund
npm start -- "$@"
