#!/usr/bin/env bash
# Shared by bench/run and bench/faults (sourced, not run): paths, the stack's profile, the build, the driver's
# classpath, the machine's description. Both scripts stop only what they started, by pid.
# shellcheck disable=SC2034 # the variables are the sourcing scripts' to use

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)
STACK=$ROOT/stack
STACK_STATE=$ROOT/.stack/${STACK_PROFILE:-dev}
KAFKA_LIB=$ROOT/.stack/lib/kafka
CP="$BENCH_DIR/target/bench.jar:$BENCH_DIR/target/lib/*"
export BENCH_ROOT=$ROOT
# the settings of the profile (STACK_PROFILE, dev unless set) as ./stack runs them: the drivers find the
# stack's ports with STACK_PORT_OFFSET, and bench/run measures retries against the backoff in use
if ! PROFILE_SETTINGS=$("$STACK" env); then exit 2; fi
while IFS= read -r setting; do
  [[ -n "$setting" ]] && export "${setting?}"
done <<<"$PROFILE_SETTINGS"

say() { printf '[%s] %s\n' "$(date +%T)" "$*" >&2; }

# the drivers, once; ./stack up builds the services and fetches the Kafka jars when they are missing
build_bench() {
  say "build     mvn -B -q -pl bench -am package -DskipTests"
  (cd "$ROOT" && mvn -B -q -pl bench -am package -DskipTests)
}

driver() { # main-class args...
  local main=$1
  shift
  java -Xmx1g -cp "$CP" "io.kafkaexample.bench.$main" "$@"
}

pid_file() { printf '%s/pids/%s.pid' "$STACK_STATE" "$1"; }
pid_of_part() { [[ -f "$(pid_file "$1")" ]] && cat "$(pid_file "$1")"; }

rss_mib() { # pid -> resident set in MiB, or "-"
  local kb
  kb=$(awk '/^VmRSS:/ {print $2}' "/proc/$1/status" 2>/dev/null || true)
  if [[ -n "$kb" ]]; then echo $((kb / 1024)); else echo -; fi
}

machine() {
  local cpu mem
  cpu=$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//')
  mem=$(awk '/^MemTotal:/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo 2>/dev/null)
  printf -- '- date: %s\n' "$(date -u '+%F %T UTC')"
  printf -- '- machine: %s cores (nproc), %s, %s RAM, load average before the run: %s\n' \
    "$(nproc)" "${cpu:-unknown CPU}" "${mem:-?}" "$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
  printf -- '- java: %s\n' "$(java -version 2>&1 | head -1)"
  printf -- '- kafka: %s (broker and tools from .stack/lib/kafka); commit %s\n' \
    "$(find "$KAFKA_LIB" -name 'kafka-clients-*.jar' -printf '%f\n' 2>/dev/null | sed 's/kafka-clients-//; s/\.jar//' | head -1)" \
    "$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')"
}

# wrk from Debian's packages when it is missing (as .ci/run installs its tools)
ensure_wrk() {
  command -v wrk >/dev/null && return
  say "installing wrk from Debian's packages"
  local sudo=""
  [[ $(id -u) -eq 0 ]] || sudo=sudo
  $sudo apt-get update -q >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q wrk >&2
}
