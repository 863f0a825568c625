#!/usr/bin/env bash
# Whole-process benchmarks for docs/benchmarks.md. Usage: bench/run.sh [N ...] (default: 1000 10000 100000 1000000)
# Env: BASE (previous main's checkout, for the cold phase), XLSX_MAX (largest N run from XLSX, default 100000), WORK (data folder, default /tmp/protoguard-bench),
#      HEAP (-Xmx of every check, default 1g), PHASES (default "growth cold inprocess jmh"; "scale" adds bench/scale-out.sh).
# Writes bench/results/: machine.txt, growth.csv, growth.png, inprocess.csv, cold-start.csv, jmh.csv, logs.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
sizes=("${@:-1000 10000 100000 1000000}")
read -r -a sizes <<<"${sizes[*]}"
work="${WORK:-/tmp/protoguard-bench}"
xlsx_max="${XLSX_MAX:-100000}"
heap="${HEAP:-1g}"
out="$root/bench/results"
mkdir -p "$work" "$out"
# Compiled rule bases (RuleBaseCache) of the timed runs go with the data, not into ~/.cache.
export PROTOGUARD_CACHE="${PROTOGUARD_CACHE:-$work/rulebase-cache}"
command -v /usr/bin/time >/dev/null || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 2; }

echo "== build" >&2
mvn -B -q -DskipTests package >&2
mvn -B -q -Pbench -DskipTests test-compile >&2
mvn -B -q -Pbench dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
cp="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
# Time what ./protoguard runs: target/classes + target/lib with C1 (see the launcher), not the executable jar.
launch=(-XX:TieredStopAtLevel=1 -cp "target/classes:target/lib/*" io.protoguard.cli.Main)
run() { java -Dprotoguard.home="$root" "${launch[@]}" "$@"; }

{
  echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "nproc: $(nproc)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
  echo "ram: $(free -g | awk '/Mem:/{print $2}') GiB"
  echo "java: $(java -version 2>&1 | head -2 | tr '\n' ' ')"
  echo "commit: $(git rev-parse --short HEAD)$(git diff --quiet || echo '+dirty')"
} >"$out/machine.txt"
cat "$out/machine.txt" >&2

phases=" ${PHASES:-growth cold inprocess jmh} "
# One timed check: appends a line of growth.csv (columns below) from /usr/bin/time -v and the GC log.
timed_check() {
  local format="$1" n="$2" input="$3"
  local tag="$format-$n"
  local gclog="$out/gc-$tag.log" timelog="$out/time-$tag.log"
  set +e
  /usr/bin/time -v -o "$timelog" java -Xmx"$heap" -Xlog:gc:file="$gclog" -Dprotoguard.home="$root" "${launch[@]}" \
    check --protocol sivelestat-evt --as-of 2026-07-01 --format json --out "$work/report-$tag.json" "$input" 2>"$out/check-$tag.log"
  local status=$?
  set -e
  [ "$status" -le 1 ] || { echo "check $tag failed ($status)" >&2; cat "$out/check-$tag.log" >&2; exit 1; }
  summarize "$format" "$n"
}

# format,n,wall_s,subjects_per_s,max_rss_mb,peak_heap_mb,cpu_s,live_heap_after_gc_mb
summarize() {
  local tag="$1-$2"
  local timelog="$out/time-$tag.log" gclog="$out/gc-$tag.log"
  local wall rss cpu heap_mb live_mb
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/{n=split($2,p,":"); s=0; for(i=1;i<=n;i++) s=s*60+p[i]; print s}' "$timelog")
  rss=$(awk -F': ' '/Maximum resident set size/{printf "%.0f", $2/1024}' "$timelog")
  cpu=$(awk -F': ' '/User time|System time/{s+=$2} END{printf "%.1f", s}' "$timelog")
  # Peak heap: the largest occupancy before a collection (G1 "Pause ... 812M->301M(1024M)"); live: the
  # largest occupancy right after one (includes old-generation garbage until G1 next marks it).
  heap_mb=$(grep -o '[0-9]*M->' "$gclog" | sed 's/M->//' | sort -n | tail -1 || true)
  live_mb=$(grep -o '>[0-9]*M(' "$gclog" | tr -dc '0-9\n' | sort -n | tail -1 || true)
  echo "$1,$2,$wall,$(awk -v n="$2" -v w="$wall" 'BEGIN{printf "%.0f", n/w}'),$rss,${heap_mb},$cpu,${live_mb}" | tee -a "$out/growth.csv" >&2
}

if [[ "$phases" == *" growth "* ]]; then
echo "format,n,wall_s,subjects_per_s,max_rss_mb,peak_heap_mb,cpu_s,live_heap_after_gc_mb" >"$out/growth.csv"
if [ "${REUSE_LOGS:-0}" = 1 ]; then
  # Rebuild growth.csv from the logs of an earlier run (e.g. after changing the columns).
  for f in "$out"/time-*.log; do t="${f##*/time-}"; t="${t%.log}"; summarize "${t%-*}" "${t##*-}"; done
else
for n in "${sizes[@]}"; do
  [ -d "$work/csv-$n" ] || run generate --protocol sivelestat-evt --subjects "$n" --seed 1 --out "$work/csv-$n" >&2
  timed_check csv "$n" "$work/csv-$n"
  if [ "$n" -le "$xlsx_max" ]; then
    [ -f "$work/xlsx-$n.xlsx" ] || run generate --protocol sivelestat-evt --subjects "$n" --seed 1 --out "$work/xlsx-$n.xlsx" >&2
    timed_check xlsx "$n" "$work/xlsx-$n.xlsx"
  fi
done
if [ "${SHUFFLED_N:-100000}" -gt 0 ]; then
  n="${SHUFFLED_N:-100000}"
  [ -d "$work/shuffled-$n" ] || run generate --protocol sivelestat-evt --subjects "$n" --seed 1 --shuffled --out "$work/shuffled-$n" >&2
  timed_check csv-unsorted "$n" "$work/shuffled-$n"
fi
fi
java -cp "$cp" io.protoguard.bench.GrowthPlot "$out/growth.csv" "$out/growth.png"
fi

if [[ "$phases" == *" cold "* ]]; then
echo "== cold start: --help and a cold check of the 20-subject example through ./protoguard, interleaved" >&2
WORK="$work" bench/cold-start.sh "${COLD_ROUNDS:-7}" >&2  # BASE=<checkout of the previous main> adds it side by side
fi

if [[ "$phases" == *" inprocess "* ]]; then
echo "== in-process: compile time, XLSX intake, service stand-in" >&2
xlsx_probe="$work/xlsx-10000.xlsx"
[ -f "$xlsx_probe" ] || run generate --protocol sivelestat-evt --subjects 10000 --seed 1 --out "$xlsx_probe" >&2
java -Xmx1g -cp "$cp" io.protoguard.bench.InProcessTimings "$root" "$xlsx_probe" 2>/dev/null | tee "$out/inprocess.csv" >&2
fi

if [[ "$phases" == *" jmh "* ]]; then
  echo "== JMH: engine alone vs plain Java" >&2
  java -cp "$cp" -Dprotoguard.home="$root" org.openjdk.jmh.Main EngineBenchmark -rf csv -rff "$out/jmh.csv" >"$out/jmh.txt" 2>&1
  tail -4 "$out/jmh.txt" >&2
fi

if [[ "$phases" == *" scale "* ]]; then
  # Not in the default phases: the nightly run on 1 and 2 workers over RabbitMQ and PostgreSQL (docs/scaling.md).
  echo "== scale-out: nightly run, single process and 1, 2 workers" >&2
  "$root/bench/scale-out.sh"
fi
