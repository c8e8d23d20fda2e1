#!/usr/bin/env bash
# Builds the Linux app-image of Planwright with jpackage (Temurin 25):
#   packaging/build-app-image.sh          -> app/target/jpackage/Planwright/bin/Planwright
# SKIP_BUILD=1 packages what ./mvnw install built last. The app-specific jpackage options live in
# packaging/<os>/jpackage.args, the runtime's in packaging/<os>/runtime.args; packaging/lib/app-image.sh does
# the packaging (JavaFX linked into the runtime, the AOT cache's training run under Xvfb: PW_JAVAFX, PW_AOT).
# jdk.security.auth: the sandbox library asks com.sun.security.auth.module.UnixSystem for the uid (runs initdb
# through "unshare -U" as root).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
. packaging/lib/app-image.sh
pw_select_jdk
os=linux
out="$root/app/target/jpackage"
if [ "${SKIP_BUILD:-}" != 1 ]; then
  ./mvnw -q -B install -DskipTests
fi
rm -rf "$out"
mkdir -p "$out/input"
./mvnw -q -B -pl app dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$out/input"
jar=$(ls app/target/planwright-app-*.jar | grep -v -- '-tests' | head -1)
cp "$jar" "$out/input/"
start=$(date +%s)
pw_package Planwright "$(basename "$jar")" "$out/input" "$out" @"packaging/$os/jpackage.args" \
  --icon "$root/icons/planwright.png"
echo "app-image: $out/Planwright ($(du -sh "$out/Planwright" | cut -f1), $(( $(date +%s) - start )) s)"
echo "start it:  $out/Planwright/bin/Planwright"
