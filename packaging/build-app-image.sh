#!/usr/bin/env bash
# Builds the Linux app-image of Planwright with jpackage (Temurin 25):
#   packaging/build-app-image.sh          -> app/target/jpackage/Planwright/bin/Planwright
# The jpackage options live in packaging/<os>/jpackage.args; the runtime is jlinked from the JDK, the
# application and its libraries (JavaFX linux jars included) go on the class path.
# jdk.security.auth: the sandbox library asks com.sun.security.auth.module.UnixSystem for the uid (runs initdb
# through "unshare -U" as root).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
if [ -z "${JAVA_HOME:-}" ] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -qE 'version "(2[5-9]|[3-9][0-9])'; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
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
"$JAVA_HOME/bin/jpackage" @"packaging/$os/jpackage.args" \
  --input "$out/input" --main-jar "$(basename "$jar")" \
  --icon "$root/icons/planwright.png" --dest "$out"
echo "app-image: $out/Planwright ($(du -sh "$out/Planwright" | cut -f1), jpackage $(( $(date +%s) - start )) s)"
echo "start it:  $out/Planwright/bin/Planwright"
