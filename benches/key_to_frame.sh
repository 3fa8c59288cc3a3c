#!/usr/bin/env bash
# quire's own share of a key's latency: from the moment its input thread reads a key to the
# moment the frame answering it is written to the terminal, read from the kernel's syscall
# tracepoints, so that neither the terminal's time nor a timer inside quire is counted.
#
#   benches/key_to_frame.sh QUIRE_BIN FILE [KEYS] [KEY] [SIZE]
#
# Runs QUIRE_BIN on FILE in a private tmux server (SIZE, 200x60 by default) with an empty data
# directory, records `sys_exit_read` and `sys_enter_write` of the process with `perf record`,
# sends KEY (tmux key name, Space by default) KEYS times (60) 60 ms apart, and prints the
# percentiles of the times from a read of one byte to the next write to standard output.
# Needs tmux, perf (permission to trace one's own processes) and python3. Alternate two
# binaries and pool several runs: the spread between sittings is larger than most changes.
set -euo pipefail

if [[ $# -lt 2 ]]; then
    sed -n '5,13p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
fi
bin=$(realpath "$1")
file=$(realpath "$2")
keys=${3:-60}
key=${4:-Space}
size=${5:-200x60}
for tool in tmux perf python3; do
    command -v "$tool" >/dev/null || { echo "key_to_frame: needs $tool" >&2; exit 2; }
done

work=$(mktemp -d)
server="key-to-frame-$$"
cleanup() {
    tmux -L "$server" kill-server 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

mkdir "$work/data"
tmux -L "$server" new-session -d -s bench -x "${size%x*}" -y "${size#*x}" \
    "exec '$bin' --from-start --data-dir '$work/data' '$file'"
# The whole document read and laid out, the outline built: the idle reader a key meets.
sleep 1.5
pid=$(tmux -L "$server" list-panes -t bench -F '#{pane_pid}')
perf record -q -e syscalls:sys_exit_read -e syscalls:sys_enter_write -p "$pid" \
    -o "$work/perf.data" 2>/dev/null &
recorder=$!
sleep 0.5
for _ in $(seq 1 "$keys"); do
    tmux -L "$server" send-keys -t bench "$key"
    sleep 0.06
done
sleep 0.3
kill -INT "$recorder"
wait "$recorder" 2>/dev/null || true
tmux -L "$server" send-keys -t bench q

perf script -i "$work/perf.data" -F tid,time,event,trace 2>/dev/null | python3 -c '
import re, sys
read_at, times = None, []
for line in sys.stdin:
    m = re.match(r"\s*(\d+)\s+([\d.]+):\s+(\S+):\s+(.*)", line)
    if not m:
        continue
    _, at, event, trace = m.groups()
    if "sys_exit_read" in event and trace.strip().endswith("0x1"):
        read_at = float(at)
    elif "sys_enter_write" in event and "fd: 0x00000001" in trace and read_at is not None:
        times.append((float(at) - read_at) * 1000)
        read_at = None
if not times:
    sys.exit("key_to_frame: no key was seen answered")
times.sort()
q = lambda p: times[int(p * (len(times) - 1))]
print("keys answered %d; ms from key read to frame written: p10 %.3f, p25 %.3f, median %.3f, p75 %.3f, p90 %.3f"
      % (len(times), q(.1), q(.25), q(.5), q(.75), q(.9)))
print("all:", " ".join("%.3f" % t for t in times))
'
