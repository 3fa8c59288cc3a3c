#!/usr/bin/env bash
# quire's own share of a first paint: from the kernel starting the program (the end of its
# `execve`) to the write of its first frame, read from the kernel's tracepoints, so that neither
# the terminal's time to take the frame in nor the shell's to start the program is counted.
# `less` on the same file is timed the same way, alternating with quire.
#
#   benches/exec_to_frame.sh QUIRE_BIN FILE [RUNS] [SIZE] [--resume]
#
# Runs both RUNS times (15 by default) in a private tmux server of SIZE (200x60), quire with an
# empty data directory and `--from-start`; with --resume, quire first leaves the file at 60 %
# and each run reopens it there. A frame is the first write of more than 200 bytes to standard
# output. Prints the percentiles of each and the ratio of the medians. Needs tmux, less, perf
# (permission to trace the whole system) and python3.
set -euo pipefail

if [[ $# -lt 2 ]]; then
    sed -n '7,13p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
fi
bin=$(realpath "$1")
file=$(realpath "$2")
runs=${3:-15}
size=${4:-200x60}
resume=${5:-}
for tool in tmux less perf python3; do
    command -v "$tool" >/dev/null || { echo "exec_to_frame: needs $tool" >&2; exit 2; }
done

work=$(mktemp -d)
server="exec-to-frame-$$"
recorder=
cleanup() {
    [[ -n $recorder ]] && kill -INT "$recorder" 2>/dev/null || true
    tmux -L "$server" kill-server 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

mkdir "$work/data"
tmux -L "$server" new-session -d -s bench -x "${size%x*}" -y "${size#*x}" "sleep 100000"
quire_command="exec '$bin' --data-dir '$work/data' --from-start '$file'"
if [[ $resume == --resume ]]; then
    tmux -L "$server" new-window -t bench:1 "exec '$bin' --data-dir '$work/data' '$file'"
    sleep 1.5
    tmux -L "$server" send-keys -t bench:1 ':60%' Enter
    sleep 0.5
    tmux -L "$server" send-keys -t bench:1 q
    sleep 0.5
    quire_command="exec '$bin' --data-dir '$work/data' '$file'"
fi
run() {
    tmux -L "$server" new-window -t bench:1 "$1"
    sleep 0.5
    tmux -L "$server" send-keys -t bench:1 q
    sleep 0.3
}
# One of each first: the store made, the file and both programs in the page cache.
run "$quire_command"
run "exec less '$file'"

perf record -q -a -e sched:sched_process_exec -e syscalls:sys_enter_write --filter 'fd == 1' \
    -o "$work/perf.data" 2>/dev/null &
recorder=$!
sleep 0.5
for i in $(seq 1 "$runs"); do
    if (( i % 2 )); then
        run "$quire_command"
        run "exec less '$file'"
    else
        run "exec less '$file'"
        run "$quire_command"
    fi
done
kill -INT "$recorder"
wait "$recorder" 2>/dev/null || true
recorder=

perf script -i "$work/perf.data" -F comm,pid,time,event,trace 2>/dev/null | python3 -c '
import os, re, sys
quire, less = sys.argv[1], "/less"
started, program, frame = {}, {}, {}
for line in sys.stdin:
    m = re.match(r"\s*(.+?)\s+(\d+)\s+([\d.]+):\s+(\S+)\s*(.*)", line)
    if not m:
        continue
    _, pid, at, event, trace = m.groups()
    if "sched_process_exec" in event:
        name = re.search(r"filename=(\S+)", trace).group(1)
        if name == quire or name.endswith(less):
            started[pid], program[pid] = float(at), "quire" if name == quire else "less"
            frame.pop(pid, None)
    elif pid in started and pid not in frame:
        count = re.search(r"count: (0x[0-9a-f]+)", trace)
        if count and int(count.group(1), 16) > 200:
            frame[pid] = (float(at) - started[pid]) * 1000
times = {"quire": [], "less": []}
for pid, ms in frame.items():
    times[program[pid]].append(ms)
for name in ("quire", "less"):
    t = sorted(times[name])
    if not t:
        sys.exit("exec_to_frame: no first frame of %s was seen" % name)
    q = lambda p: t[int(p * (len(t) - 1))]
    times[name] = q(.5)
    print("%-5s runs %d; ms from exec to the first frame written: p10 %.2f, p25 %.2f, median %.2f, p75 %.2f, p90 %.2f"
          % (name, len(t), q(.1), q(.25), q(.5), q(.75), q(.9)))
print("quire/less (medians): %.2f" % (times["quire"] / times["less"]))
' "$bin"
