#!/usr/bin/env bash
# Builds the baseline of measure-first-window.sh: packaging/bare-window (a JavaFX window with a menu, a text
# area and a tree) as an app-image packaged exactly as Planwright is (packaging/lib/app-image.sh, same
# runtime.args, same JavaFX jars, same PW_JAVAFX / PW_AOT levers):
#   packaging/build-bare-window.sh [DEST]     -> DEST/BareWindow/bin/BareWindow (DEST: app/target/bare-window)
# Takes the JavaFX jars from the Maven repository (./mvnw dependency:copy-dependencies of the app).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
. packaging/lib/app-image.sh
pw_select_jdk
dest=$(mkdir -p "${1:-$root/app/target/bare-window}" && cd "${1:-$root/app/target/bare-window}" && pwd)
rm -rf "$dest/input" "$dest/classes"
mkdir -p "$dest/input" "$dest/classes"
./mvnw -q -B -pl app dependency:copy-dependencies -DincludeScope=runtime -DincludeGroupIds=org.openjfx \
  -DoutputDirectory="$dest/input"
"$JAVA_HOME/bin/javac" -d "$dest/classes" --release 25 -cp "$(ls "$dest"/input/*.jar | tr '\n' :)" \
  packaging/bare-window/src/org/planwright/bare/BareWindow.java
"$JAVA_HOME/bin/jar" --create --file "$dest/input/bare-window.jar" -C "$dest/classes" .
pw_package BareWindow bare-window.jar "$dest/input" "$dest" --type app-image --main-class org.planwright.bare.BareWindow
echo "bare window: $dest/BareWindow/bin/BareWindow"
