#!/usr/bin/env bash
# Intake alone (no evaluation), previous main and this tree alternating, one fresh JVM (C1, -Xmx1g) per read:
# bench/intake-side-by-side.sh ROUNDS INPUT. Env: BASE (checkout of the previous main with its build, required),
# WORK (default /tmp/protoguard-bench). IntakeTimings is compiled against each tree's classes into WORK, so the
# previous main needs no bench class of its own. Prints CSV: round,variant,wall_s,cpu_s,subjects,load1.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rounds="$1"; input="$2"
work="${WORK:-/tmp/protoguard-bench}"
export PROTOGUARD_CACHE="${PROTOGUARD_CACHE:-$work/rulebase-cache}"
src="$root/src/bench/java/io/protoguard/bench/IntakeTimings.java"
for v in base new; do
  tree="$root"; [ "$v" = base ] && tree="$BASE"
  mkdir -p "$work/intake-timings-$v"
  javac -d "$work/intake-timings-$v" -cp "$tree/target/classes:$tree/target/lib/*" "$src"
done
echo "round,variant,wall_s,cpu_s,subjects,load1"
for r in $(seq 1 "$rounds"); do
  for v in base new; do
    tree="$root"; [ "$v" = base ] && tree="$BASE"
    load=$(cut -d' ' -f1 /proc/loadavg)
    line=$(java -Xmx1g -XX:TieredStopAtLevel=1 -Dprotoguard.home="$tree" \
      -cp "$work/intake-timings-$v:$tree/target/classes:$tree/target/lib/*" \
      io.protoguard.bench.IntakeTimings "$tree" "$input" 1 2>/dev/null | tail -1)
    echo "$r,$v,${line#*,},$load"
  done
done
