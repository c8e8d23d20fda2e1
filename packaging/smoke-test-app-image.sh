#!/usr/bin/env bash
# Builds the Linux app-image and checks that it starts: the first window must appear under Xvfb within 60 s.
# Prints the cold start time (process start to first window) that the app logs. Used by .ci/run.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/packaging/build-app-image.sh"
home=$(mktemp -d)
log="$home/app.log"
# own process group, so that the app, xvfb-run and Xvfb all stop together
trap 'kill -- -"$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$home"' EXIT
JAVA_TOOL_OPTIONS="-Dplanwright.home=$home -Dplanwright.demo=false" \
  setsid xvfb-run -a -s "-screen 0 1440x900x24" "$root/app/target/jpackage/Planwright/bin/Planwright" >"$log" 2>&1 &
pid=$!
for _ in $(seq 1 60); do
  if grep -q "First window shown" "$log"; then
    grep -o "First window shown .*" "$log"
    echo "app-image smoke test: passed"
    exit 0
  fi
  if ! kill -0 "$pid" 2>/dev/null; then break; fi
  sleep 1
done
echo "app-image smoke test: the window did not appear; log follows" >&2
cat "$log" >&2
exit 1
