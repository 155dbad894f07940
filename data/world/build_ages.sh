#!/usr/bin/env bash
# Builds data/world/ages.csv, the default world's demography by age and sex (2023), from
# the UN WPP files and the country-code crosswalk in ../shared/data (never copied here):
# a scratch database gets them imported, then `multipolar population --write-ages` carries
# WPP 2017's 2015 age structure of each listed state forward to 2023 with WPP 2024's
# annual births, deaths and net migrants, and sums the states behind each remainder row
# (method: docs/demography.md, "Start world by age"; format: data/world/README.md).
# Usage: MP_BIN=build/multipolar bash data/world/build_ages.sh [SHARED_DATA_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
MP=${MP_BIN:-$here/../../build/multipolar}
SHARED=${1:-${MULTIPOLAR_SHARED_DATA:-$here/../../../shared/data}}
export MULTIPOLAR_DATA=${MULTIPOLAR_DATA:-$here/..}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
"$MP" import --db "$T/w.db" --quiet "$SHARED/country_code_crosswalk.csv" "$SHARED"/wpp2017/*.txt "$SHARED"/wpp2024/*.txt
"$MP" population --db "$T/w.db" --write-ages "$here/ages.csv"
