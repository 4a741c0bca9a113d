#!/usr/bin/env bash
# What logging in with scram-sha-256 costs a run: the same 10-page corpus (100 blocks) verified on the embedded server
# and on an external server started with `initdb --auth=scram-sha-256` (.ci/scram-server.sh, as a role that is no
# superuser), median wall time of RUNS runs each, in fresh JVMs of the CLI, in one run of this script.
# Usage: bench/scram-pages.sh [RUNS]   (default 3; needs Debian's postgresql-15, which .ci/scram-server.sh installs)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
work=$(mktemp -d /tmp/snipcheck-scram-bench.XXXXXX)
# the cluster belongs to the postgres user (.ci/scram-server.sh), which must reach its directory in here
chmod 755 "$work"
trap '.ci/scram-server.sh stop "$work/server"; rm -rf "$work"' EXIT

mvn -B -q package -DskipTests
mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" dev.snipcheck.bench.CorpusGenerator 100 "$work/corpus"
jar=target/snipcheck.jar
url=$(.ci/scram-server.sh start "$work/server")

# prints the median wall milliseconds of $runs runs of the CLI with these flags on the corpus; fails if a run fails
measure() {
    local times=()
    for _ in $(seq "$runs"); do
        local start end
        start=$(date +%s%N)
        java -jar "$jar" --jobs 2 "$@" "$work/corpus/docs" >"$work/out.txt" 2>&1 || { tail -n 20 "$work/out.txt" >&2; exit 1; }
        end=$(date +%s%N)
        times+=($(( (end - start) / 1000000 )))
    done
    echo "    all: ${times[*]}" >&2
    printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR % 2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'
}

pages=$(find "$work/corpus/docs" -name '*.md' | wc -l)
embedded=$(measure --postgres=embedded)
scram=$(measure --postgres-url "$url")
echo "pages: $pages"
echo "embedded:                  $embedded ms (median of $runs)"
echo "external scram-sha-256:    $scram ms (median of $runs)"
echo "scram minus embedded:      $((scram - embedded)) ms (issue bound: 5000 ms)"
