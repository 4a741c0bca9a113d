#!/usr/bin/env bash
# Measures what the runtime misuse detectors cost: snipcheck runs the same pages with and without
# them, alternating, ROUNDS times, and the ratio of the median wall times is printed.
# Usage: bench/detector-overhead.sh [ROUNDS] [PATH...]   (default: 3 rounds on snippets docs README.md)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
exec java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" dev.snipcheck.bench.DetectorOverhead "$@"
