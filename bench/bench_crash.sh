# Crash consistency (issue 16 item 3): kill -9 at random points of `multipolar run`, 24
# trials by default (MP_CRASH_TRIALS): after each the database passes integrity_check,
# every stored job has all five scenarios, and the report shows one complete job. The CI
# test tests/cli/harden_crash_run.sh runs the same check with 4 trials.
set -euo pipefail
MP=${MP_BIN:-build/multipolar}
MP_SRC=${MP_SRC:-$(cd "$(dirname "$0")/.." && pwd)}
source "$(dirname "$0")/machine.sh"
mp_machine
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
source "$MP_SRC/tests/support/crash_run.bash"
crash_trials "${MP_CRASH_TRIALS:-24}"
