# Sourced by the benchmarks: prints the machine line recorded in bench/RESULTS.md.
mp_machine() {
	local cpu mem
	cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
	mem=$(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)
	echo "machine: $(nproc) cores, $cpu, $mem, $(. /etc/os-release; echo "$PRETTY_NAME"), $(cc --version | head -n1), SQLite $(sqlite3 --version | cut -d' ' -f1)"
	echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
}
