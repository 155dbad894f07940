#!/usr/bin/env bash
# Quick start, step 1: install what multipolar needs (Debian 12 packages), build it, and
# run the main job on the shipped default world.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
bash scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)"
echo
echo "== multipolar capabilities --top 10 (the shipped default world, 2023) =="
./build/multipolar capabilities --top 10
echo
echo "== multipolar run: baseline and four scenarios to 2050, stored in ./multipolar.db =="
./build/multipolar run
