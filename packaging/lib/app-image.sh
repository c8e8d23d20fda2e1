# Sourced by build-app-image.sh and build-bare-window.sh: packages one JavaFX application as a Linux app-image,
# the same way for Planwright and for the bare window that measure-first-window.sh compares it with.
#
# The runtime is jlinked from the JDK (packaging/linux/runtime.args); the application and its libraries go on
# the class path. Two start-up levers, on by default, each can be switched off to measure it:
#   PW_JAVAFX=module     JavaFX's modules are linked into the runtime (jmods made from the Maven -linux jars,
#                        native libraries in runtime/lib), no longer on the class path ("Unsupported JavaFX
#                        configuration"); PW_JAVAFX=classpath keeps the jars on the class path.
#   PW_AOT=1             JDK 25 AOT cache (JEP 483/514/515): one training run of the packaged launcher under Xvfb
#                        with -XX:AOTCacheOutput, quitting after its first window
#                        (-Dplanwright.quitAfterFirstWindow=true); the launcher's .cfg then gets
#                        -XX:AOTCache=$APPDIR/<name>.aot. PW_AOT=0 skips it. Without xvfb-run the training is
#                        skipped with a warning (PW_AOT=required makes that an error).
# Needs JAVA_HOME (Temurin 25); pw_select_jdk picks it.

pw_select_jdk() {
  if [ -z "${JAVA_HOME:-}" ] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -qE 'version "(2[5-9]|[3-9][0-9])'; then
    export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
  fi
}

# pw_javafx_jmods INPUT_DIR JMODS_DIR: turns the JavaFX jars of INPUT_DIR (javafx-<m>-<version>-linux.jar, plus
# the empty javafx-<m>-<version>.jar beside each) into JMODS_DIR/javafx.<m>.jmod with the native libraries as
# jmod "libs" (jlink puts them in runtime/lib, where JavaFX loads them from), removes the jars from INPUT_DIR
# and prints the module names, comma-separated.
pw_javafx_jmods() {
  local input jmods work jar m names=()
  input=$(cd "$1" && pwd) || return 1
  mkdir -p "$2" && jmods=$(cd "$2" && pwd) || return 1
  work=$(mktemp -d)
  for jar in "$input"/javafx-*-linux.jar; do
    [ -e "$jar" ] || continue
    m=$(basename "$jar" | sed -E 's/^javafx-([a-z]+)-.*$/\1/')
    mkdir -p "$work/$m/classes" "$work/$m/libs"
    (cd "$work/$m/classes" && "$JAVA_HOME/bin/jar" xf "$jar") || return 1
    find "$work/$m/classes" -maxdepth 1 -name '*.so' -exec mv {} "$work/$m/libs/" \;
    rm -f "$work/$m/classes/javafx-swt.jar"   # SWT interop, not a module of its own
    local libs=()
    if [ -n "$(ls -A "$work/$m/libs")" ]; then libs=(--libs "$work/$m/libs"); fi
    rm -f "$jmods/javafx.$m.jmod"
    "$JAVA_HOME/bin/jmod" create --class-path "$work/$m/classes" "${libs[@]}" "$jmods/javafx.$m.jmod" || return 1
    rm -f "$jar" "$input"/javafx-"$m"-[0-9]*[0-9].jar
    names+=("javafx.$m")
  done
  rm -rf "$work"
  (IFS=,; echo "${names[*]}")
}

# pw_package NAME MAIN_JAR INPUT_DIR DEST [jpackage options...]: DEST/NAME is the app-image (replaced).
pw_package() {
  local name=$1 main_jar=$2 input=$3 dest=$4
  shift 4
  local root
  root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
  local args=(@"$root/packaging/linux/runtime.args" --name "$name" --input "$input" --main-jar "$main_jar"
              --dest "$dest" "$@")
  if [ "${PW_JAVAFX:-module}" = module ]; then
    local modules
    modules=$(pw_javafx_jmods "$input" "$dest/jmods") || return 1
    args+=(--module-path "$dest/jmods" --add-modules "$modules"
           --java-options "--enable-native-access=ALL-UNNAMED,javafx.graphics")
  else
    args+=(--java-options "--enable-native-access=ALL-UNNAMED")
  fi
  rm -rf "${dest:?}/$name"
  "$JAVA_HOME/bin/jpackage" "${args[@]}" || return 1
  rm -rf "$dest/jmods"
  case "${PW_AOT:-1}" in
    0) ;;
    *) pw_train_aot "$dest/$name" "$name" ;;
  esac
}

# pw_train_aot IMAGE NAME: the AOT cache's training run (see above); IMAGE/lib/app/NAME.aot.
pw_train_aot() {
  local image=$1 name=$2
  local cfg="$image/lib/app/$name.cfg" aot="$image/lib/app/$name.aot"
  if ! command -v xvfb-run >/dev/null; then
    if [ "${PW_AOT:-1}" = required ]; then
      echo "AOT training needs xvfb-run (apt-get install xvfb)" >&2
      return 1
    fi
    echo "warning: no xvfb-run, $name is packaged without an AOT cache (slower first window)" >&2
    return 0
  fi
  local home log start
  home=$(mktemp -d)
  log="$home/training.log"
  start=$(date +%s)
  rm -f "$aot"
  # the app's own data folder and no demo sandbox: the training run needs only the first window
  if ! JAVA_TOOL_OPTIONS="-XX:AOTCacheOutput=$aot -Dplanwright.quitAfterFirstWindow=true -Dplanwright.home=$home -Dplanwright.demo=false" \
      timeout 600 xvfb-run -a -s "-screen 0 1440x900x24" "$image/bin/$name" >"$log" 2>&1 || [ ! -s "$aot" ]; then
    echo "AOT training run of $name failed; log follows" >&2
    cat "$log" >&2
    rm -rf "$home"
    return 1
  fi
  rm -rf "$home"
  sed -i 's|^\[JavaOptions\]$|[JavaOptions]\njava-options=-XX:AOTCache=$APPDIR/'"$name"'.aot|' "$cfg"
  echo "AOT cache: $aot ($(du -h "$aot" | cut -f1), training $(( $(date +%s) - start )) s)"
}
