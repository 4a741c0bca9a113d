#!/usr/bin/env bash
# Startup cost of each PostgreSQL backend: median milliseconds from asking for the server to holding the first page's
# database, each measured in a fresh JVM. Usage: bench/postgres-startup.sh [RUNS] [IMAGE]
# (defaults: 5 runs; the image .ci/postgres-image.sh builds). Without a Docker engine the container backends are left
# out, and auto is measured instead: the embedded server after asking for Docker.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
image=${2:-${SNIPCHECK_TEST_IMAGE:-snipcheck/postgres:15-bookworm}}
export TESTCONTAINERS_RYUK_DISABLED=${TESTCONTAINERS_RYUK_DISABLED:-true}
# see .ci/run: /.dockerenv makes Testcontainers use the bridge's gateway instead of the host's loopback
[ -f /.dockerenv ] && export TESTCONTAINERS_HOST_OVERRIDE=${TESTCONTAINERS_HOST_OVERRIDE:-localhost}

mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
classpath=target/test-classes:target/classes:$(cat target/bench-classpath.txt)

# prints the median of the startup times of $runs runs of: StartupBenchmark "$@"
measure() {
    local times=()
    for _ in $(seq "$runs"); do
        times+=("$(java -cp "$classpath" dev.snipcheck.bench.StartupBenchmark "$@" 2>/dev/null | awk '/^startup-ms/ {print $2}')")
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR % 2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2) " ms (runs: " NR ")"}'
    echo "    all: ${times[*]}" >&2
}

echo "embedded:               $(measure embedded)"
# the running server for "external" lives in a JVM of its own, so the measured JVM loads the driver cold, as a user's does
coproc SERVER { java -cp "$classpath" dev.snipcheck.bench.StartupBenchmark serve 2>/dev/null; }
read -r url <&"${SERVER[0]}"
echo "external:               $(measure external "$url")"
exec {SERVER[1]}>&-
wait
if docker info >/dev/null 2>&1; then
    echo "testcontainers cold:    $(measure testcontainers "$image")"
    export TESTCONTAINERS_REUSE_ENABLE=true
    # one run to create the container that the measured runs take up again
    java -cp "$classpath" dev.snipcheck.bench.StartupBenchmark testcontainers "$image" reuse >/dev/null 2>&1
    echo "testcontainers reused:  $(measure testcontainers "$image" reuse)"
    docker rm -f $(docker ps -aq --filter label=dev.snipcheck=postgres --filter label=org.testcontainers.hash) >/dev/null 2>&1 || true
else
    echo "testcontainers:         not measured, no Docker engine answers"
    # what asking for Docker costs a run that then falls back to the embedded server
    echo "auto (embedded):        $(measure auto "$image")"
fi
