#!/usr/bin/env bash
# Installs the npm packages of the browser test (playwright-core, exactly as pinned in
# tests/browser/package-lock.json) into tests/browser/node_modules. The browser itself is
# Debian's chromium package (deps/debian-packages.txt); Playwright downloads no browser.
set -euo pipefail
cd "$(dirname "$0")/../tests/browser"
command -v npm >/dev/null || { echo "setup-browser-test: npm is missing (Debian package npm)" >&2; exit 1; }
PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --ignore-scripts
echo "setup-browser-test: playwright-core $(node -p "require('playwright-core/package.json').version") in $(pwd)/node_modules"
