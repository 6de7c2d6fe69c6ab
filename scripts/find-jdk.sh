# Sourced by ./megaeth-node and .ci/run: finds a JDK 21 or newer and sets JAVA_HOME, JAVA and
# JAVA_MAJOR. Looks at JAVA_HOME, then `java` on PATH, then the usual JVM folders (newest first).
# On failure prints what it looked at and how to fix it, and returns 1.

MEGAETH_MIN_JAVA=21

_megaeth_java_major() {
  # `java -version` prints e.g. openjdk version "25.0.1" or "1.8.0_402" on its first line.
  local line
  line=$("$1" -version 2>&1 | head -n 1) || return 1
  echo "$line" | sed -nE 's/.*version "([0-9]+)(\.[0-9]+)*[^"]*".*/\1/p'
}

_megaeth_try() {
  # $1: a java binary, $2: where it came from
  local bin=$1 major
  [ -x "$bin" ] || { _megaeth_seen+=("$2: no java there"); return 1; }
  major=$(_megaeth_java_major "$bin")
  if [ -n "$major" ] && [ "$major" -ge "$MEGAETH_MIN_JAVA" ]; then
    JAVA=$bin
    JAVA_MAJOR=$major
    JAVA_HOME=$(cd "$(dirname "$(readlink -f "$bin")")/.." && pwd)
    export JAVA_HOME
    return 0
  fi
  _megaeth_seen+=("$2: Java ${major:-unknown} ($bin)")
  return 1
}

find_jdk() {
  _megaeth_seen=()
  if [ -n "${JAVA_HOME:-}" ]; then
    _megaeth_try "$JAVA_HOME/bin/java" "JAVA_HOME=$JAVA_HOME" && return 0
  else
    _megaeth_seen+=("JAVA_HOME: unset")
  fi
  if command -v java >/dev/null 2>&1; then
    _megaeth_try "$(command -v java)" "java on PATH" && return 0
  else
    _megaeth_seen+=("java on PATH: none")
  fi
  local dir candidates=()
  for dir in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* \
    /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -x "$dir/bin/java" ] && candidates+=("$dir")
  done
  # Newest version first: sort the folders by their Java major version.
  local best_major=0 best=""
  for dir in "${candidates[@]}"; do
    local m
    m=$(_megaeth_java_major "$dir/bin/java")
    if [ -n "$m" ] && [ "$m" -gt "$best_major" ]; then
      best_major=$m
      best=$dir
    fi
  done
  if [ -n "$best" ]; then
    _megaeth_try "$best/bin/java" "JVM folder $best" && return 0
  else
    _megaeth_seen+=("JVM folders (/usr/lib/jvm, /usr/java, /opt/java, ~/.sdkman): no JDK")
  fi
  {
    echo "megaeth-node needs a JDK $MEGAETH_MIN_JAVA or newer, and none was found. Looked at:"
    local s
    for s in "${_megaeth_seen[@]}"; do echo "  - $s"; done
    echo "Install one (for example: apt-get install openjdk-21-jdk-headless) or set JAVA_HOME to it."
  } >&2
  return 1
}
