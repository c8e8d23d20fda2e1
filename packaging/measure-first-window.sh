#!/usr/bin/env bash
# First window as a new user meets it: Planwright's app-image against a bare JavaFX window (menu, text area,
# tree; packaging/bare-window) packaged the same way, started alternately N times under one Xvfb display.
#
#   packaging/measure-first-window.sh [-n RUNS] [--no-build] [--nice N] [LABEL=LAUNCHER ...]
#
# Without LABEL=LAUNCHER pairs it builds both app-images (build-app-image.sh, build-bare-window.sh; --no-build
# uses the ones already built) and compares bare=app/target/bare-window/BareWindow/bin/BareWindow with
# planwright=app/target/jpackage/Planwright/bin/Planwright. With pairs it measures those launchers; the first
# is the baseline of the ratios (e.g. bare=... planwright=... planwright-before=...).
#
# What is measured: wall clock from the launch (bash's $EPOCHREALTIME just before the fork of the launcher) to
# the X server's MapNotify of the application's first top-level window (override-redirect NO) on the root
# window of the Xvfb display: the moment the window is on screen. It is read from "xev -root -event
# substructure" as the event arrives (no polling), the same way for every launcher. JavaFX maps the window in
# Stage.show(), after the scene's first CSS and layout pass; the first frame is drawn in the pulse after it.
# Each run gets a new empty data folder (-Dplanwright.home, as a first start) and -Dplanwright.demo=false
# (the demo sandbox starts only after the first window anyway); the process group is killed once the window
# is mapped and the app logged its own figures ("First window shown ... after process start", shown beside the
# wall clock, and "Main window complete ...": the views the first frame leaves out laid out too; the bare
# window logs nothing). Rounds rotate the order of the launchers.
#
# --nice N runs Xvfb and every launcher at that niceness (e.g. -15, as root): on a machine busy with other work
# the scheduler then gives them most of the cores, closer to an idle machine; the same for every launcher.
#
# Beside the wall clock it reads the process's CPU time (user + system, all threads, /proc/PID/stat) at the
# same moment: a figure a busy machine disturbs less, to tell work from waiting.
#
# Needs Xvfb (xvfb), xev (x11-utils). Prints each run, then per launcher the median, min, max and the ratio of
# medians to the baseline, and the same for the CPU time. A machine busy with other work widens the spread: compare only figures of one run.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=10
build=1
niceness=0
pairs=()
while [ $# -gt 0 ]; do
  case "$1" in
    -n) runs=$2; shift 2 ;;
    --no-build) build=0; shift ;;
    --nice) niceness=$2; shift 2 ;;
    -h|--help) sed -n '2,28p' "$0"; exit 0 ;;
    *=*) pairs+=("$1"); shift ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
for tool in Xvfb xev setsid stdbuf; do
  command -v "$tool" >/dev/null || { echo "$tool is missing (apt-get install xvfb x11-utils)" >&2; exit 2; }
done
if [ ${#pairs[@]} -eq 0 ]; then
  if [ "$build" = 1 ]; then
    "$root/packaging/build-app-image.sh"
    SKIP_BUILD=1 "$root/packaging/build-bare-window.sh"
  fi
  pairs=("bare=$root/app/target/bare-window/BareWindow/bin/BareWindow"
         "planwright=$root/app/target/jpackage/Planwright/bin/Planwright")
fi
labels=()
launchers=()
for p in "${pairs[@]}"; do
  labels+=("${p%%=*}")
  launchers+=("${p#*=}")
  [ -x "${p#*=}" ] || { echo "not a launcher: ${p#*=}" >&2; exit 2; }
done

work=$(mktemp -d)
xvfb_pid=
xev_pid=
app_pid=
cleanup() {
  [ -n "$app_pid" ] && kill -- -"$app_pid" 2>/dev/null || true
  [ -n "$xev_pid" ] && kill "$xev_pid" 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# one display for every run; Xvfb writes the display number it chose to the given descriptor
nice -n "$niceness" Xvfb -displayfd 3 -screen 0 1440x900x24 -nolisten tcp 3>"$work/display" >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
for _ in $(seq 1 100); do [ -s "$work/display" ] && break; sleep 0.1; done
display=":$(cat "$work/display")"
mkfifo "$work/events"
stdbuf -oL xev -display "$display" -root -event substructure >"$work/events" 2>/dev/null &
xev_pid=$!
exec 4<"$work/events"

micros() { local t=${1/./}; echo $((10#$t)); }
declare -A results cpus
printf '%-5s %-18s %9s %9s %12s %14s\n' run launcher "wall (s)" "cpu (s)" "logged (s)" "complete (s)"
for ((r = 1; r <= runs; r++)); do
  n=${#labels[@]}
  for ((k = 0; k < n; k++)); do
    i=$(( (k + r - 1) % n ))
    label=${labels[$i]}
    # drop the events of the previous run (unmap, destroy)
    while read -r -t 0.2 -u 4 _; do :; done
    home="$work/home-$r-$i"
    log="$work/app-$r-$i.log"
    mkdir -p "$home"
    t0=$EPOCHREALTIME
    DISPLAY=$display JAVA_TOOL_OPTIONS="-Dplanwright.home=$home -Dplanwright.demo=false" \
      nice -n "$niceness" setsid "${launchers[$i]}" >"$log" 2>&1 &
    app_pid=$!
    t1=
    map=0
    while read -r -t 120 -u 4 line; do
      if [[ $line == MapNotify* ]]; then
        t=$EPOCHREALTIME
        map=1
      elif [ "$map" = 1 ]; then
        map=0
        if [[ $line == *"override NO"* ]]; then
          t1=$t
          # CPU time of the process (all its threads) so far: utime + stime, fields 14 and 15, in 1/100 s
          stat=$(cat "/proc/$app_pid/stat" 2>/dev/null || true)
          read -r -a fields <<<"${stat##*) }"
          cpu=$(( ${fields[11]:-0} + ${fields[12]:-0} ))
          break
        fi
      fi
    done
    if [ -z "$t1" ]; then
      echo "$label: no window within 120 s; log follows" >&2
      cat "$log" >&2
      exit 1
    fi
    wall=$(( $(micros "$t1") - $(micros "$t0") ))
    logged=-
    complete=-
    for _ in $(seq 1 50); do
      [[ $label == bare* ]] && break
      if grep -q "First window shown" "$log"; then
        # "... 3.42 s after process start"; before 2026-12 the app logged milliseconds
        logged=$(grep -oE "First window shown [0-9.]+ m?s" "$log" | head -1 |
          awk '{ printf "%.3f", $5 == "ms" ? $4 / 1000 : $4 }')
        if grep -q "Main window complete" "$log"; then
          complete=$(grep -oE "Main window complete [0-9.]+ s" "$log" | head -1 | awk '{ print $4 }')
          break
        fi
        # the app-images before 2026-12 log no "complete" line
        grep -q "after process start (" "$log" || break
      fi
      sleep 0.1
    done
    kill -- -"$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
    app_pid=
    rm -rf "$home"
    results[$i]+="$wall "
    cpus[$i]+="$((cpu * 10000)) "
    printf '%-5s %-18s %9.3f %9.2f %12s %14s\n' "$r" "$label" "$(awk -v m="$wall" 'BEGIN { print m / 1e6 }')" \
      "$(awk -v c="$cpu" 'BEGIN { print c / 100 }')" "$logged" "$complete"
    sleep 1
  done
done

echo
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores), niceness $niceness"
stats() {
  tr ' ' '\n' <<<"$1" | grep . | sort -n |
    awk '{ v[NR] = $1 } END { m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
                              printf "%.3f %.3f %.3f\n", m / 1e6, v[1] / 1e6, v[NR] / 1e6 }'
}
printf '%-18s %5s %10s %8s %8s %8s %14s %9s\n' launcher runs "median (s)" "min" "max" ratio "cpu median (s)" "cpu ratio"
base=
cpu_base=
for i in "${!labels[@]}"; do
  read -r median min max < <(stats "${results[$i]}")
  read -r cpu_median _ _ < <(stats "${cpus[$i]}")
  [ -z "$base" ] && base=$median && cpu_base=$cpu_median
  printf '%-18s %5s %10s %8s %8s %7.2fx %14s %8.2fx\n' "${labels[$i]}" "$runs" "$median" "$min" "$max" \
    "$(awk -v a="$median" -v b="$base" 'BEGIN { print a / b }')" "$cpu_median" \
    "$(awk -v a="$cpu_median" -v b="$cpu_base" 'BEGIN { print (b > 0 ? a / b : 0) }')"
done
