#!/usr/bin/env bash
# Install the Debian packages listed in deps/debian-packages.txt (and Node.js for the
# browser test when it is missing). Idempotent; needs root or sudo.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
pkgs=$(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$here/deps/debian-packages.txt")
missing=""
for p in $pkgs; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
command -v node >/dev/null 2>&1 || missing="$missing nodejs"
command -v npm >/dev/null 2>&1 || missing="$missing npm"
if [ -n "$missing" ]; then
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing
fi
