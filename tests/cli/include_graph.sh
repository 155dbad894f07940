# The library's include graph runs one way (util -> store -> data / demog -> world -> metrics /
# relations / bargain / calib / sim -> ensemble -> eval -> report -> cli) with no cycle
# between folders: scripts/check-includes.py (docs/architecture.md).
source "$MP_SRC/tests/lib.bash"
python3 "$MP_SRC/scripts/check-includes.py" "$MP_SRC" || fail "include graph"
