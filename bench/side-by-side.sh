#!/usr/bin/env bash
# One check, previous main and this tree alternating (issue 16): bench/side-by-side.sh ROUNDS OUTFILE-TAG -- CHECK-ARGS...
# Env: BASE (checkout of the previous main with its build, required), WORK (default /tmp/protoguard-bench),
#      PROTOGUARD_JAVA_OPTS (e.g. -Xmx1g, passed to both). Prints CSV: round,variant,wall_s,cpu_s,maxrss_mb,load1,
#      then whether the two last reports (--out WORK/side-TAG-{base,new}.*) are byte-identical.
# Example: BASE=/tmp/pg-base bench/side-by-side.sh 2 csv100k -- --protocol sivelestat-evt --as-of 2026-07-01 \
#            --format json /tmp/protoguard-bench/csv-100000
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rounds="$1"; tag="$2"; shift 3
work="${WORK:-/tmp/protoguard-bench}"
mkdir -p "$work"
export PROTOGUARD_CACHE="${PROTOGUARD_CACHE:-$work/rulebase-cache}"
echo "round,variant,wall_s,cpu_s,maxrss_mb,load1"
for r in $(seq 1 "$rounds"); do
  for v in base new; do
    if [ "$v" = base ]; then launcher="$BASE/protoguard"; else launcher="$root/protoguard"; fi
    load=$(cut -d' ' -f1 /proc/loadavg)
    /usr/bin/time -f "%e %U %S %M" -o "$work/side.time" "$launcher" check "$@" --out "$work/side-$tag-$v.out" \
      >/dev/null 2>"$work/side-$tag-$v.err"  # exit 1 means deviations found
    read -r e u s m < <(tail -1 "$work/side.time")
    echo "$r,$v,$e,$(awk -v u="$u" -v s="$s" 'BEGIN{print u+s}'),$((m / 1024)),$load"
  done
done
cmp -s "$work/side-$tag-base.out" "$work/side-$tag-new.out" && echo "reports identical" || echo "reports DIFFER"
