#!/usr/bin/env bash
# The engine alone against plain Java, previous main and this tree alternating (issue 16, docs/benchmarks.md round 5):
# bench/engine-side-by-side.sh [PAIRS] [ROUNDS]. Env: BASE (a built checkout of the previous main, required).
# Each run is io.protoguard.bench.EngineCpuLoop: 1,000 generated subjects, engine and plain Java alternated on one
# thread for ROUNDS rounds, median per-thread CPU µs per subject of the last half. Base runs this tree's loop and
# plain-Java checks against the base's classes and tables. Needs `mvn -Pbench -DskipTests test-compile` and
# target/bench-classpath.txt (bench/run.sh makes both).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
deps="$(cat "$root/target/bench-classpath.txt")"
for i in $(seq 1 "${1:-3}"); do
  for v in base new; do
    if [ "$v" = base ]; then cls="$BASE/target/classes"; home="$BASE"; else cls="$root/target/classes"; home="$root"; fi
    echo -n "$v: "
    java -cp "$root/target/test-classes:$cls:$deps" -Dprotoguard.home="$home" -Dprotoguard.cache=off \
      io.protoguard.bench.EngineCpuLoop "${2:-30}" 2>/dev/null | grep '^engine'
  done
done
