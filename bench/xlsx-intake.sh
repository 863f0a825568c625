#!/usr/bin/env bash
# XLSX intake alone, previous main and this tree alternating (issue 16): bench/xlsx-intake.sh ROUNDS WORKBOOK [PASSES]
# Each round runs bench/IntakeRate.java (WorkbookReader.stream only, no evaluation) once per build, PASSES passes
# (default 2) in one JVM, -Xmx1g; prints the intake thread's CPU seconds, the steadier figure under load.
# Env: BASE (checkout of the previous main with its build; skipped when unset), WORK (default /tmp/protoguard-bench).
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rounds="$1"; workbook="$2"; passes="${3:-2}"
work="${WORK:-/tmp/protoguard-bench}"
mkdir -p "$work"
builds=("$root"); [ -n "${BASE:-}" ] && builds=("$BASE" "$root")
for r in $(seq 1 "$rounds"); do
  for b in "${builds[@]}"; do
    cp="$b/target/protoguard-classes.jar:$(ls "$b"/target/lib/*.jar | tr '\n' ':')"
    name=$([ "$b" = "$root" ] && echo new || echo base)
    echo "== round $r $name, load $(cut -d' ' -f1 /proc/loadavg)"
    java -Xmx1g -cp "$cp" "$root/bench/IntakeRate.java" "$b" "$workbook" "$work/rulebase-cache-$name" "$passes" 2>/dev/null
  done
done
