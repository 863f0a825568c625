#!/usr/bin/env bash
# The nightly run on 1 and 2 workers (docs/scaling.md, "Measured"): a generated portfolio of STUDIES studies of
# SUBJECTS subjects (sivelestat-evt generator, a different seed each), checked by `protoguard nightly` as manager
# with remote partitioning over the local RabbitMQ, and N `protoguard nightly --worker` processes (one thread each),
# on a fresh PostgreSQL schema per run; plus the single-process run (no broker, threads=2) on the same data.
# Usage: bench/scale-out.sh            Env: STUDIES (default 20), SUBJECTS (default 20000), WORKERS (default "1 2"),
#        SITES (default 0: one partition per study; k: each study lists SITE-01..SITE-k, so k+1 partitions a study),
#        WORK (default /tmp/protoguard-scale), PG (default jdbc:postgresql://127.0.0.1:5432/test, user postgres),
#        CP (classpath; default target/classes:target/lib/*).
# Writes bench/results/scale-out.csv (one line per run) and scale-out-db.txt (rows and bytes per partition).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
studies="${STUDIES:-20}" subjects="${SUBJECTS:-20000}" sites="${SITES:-0}" workers="${WORKERS:-1 2}"
work="${WORK:-/tmp/protoguard-scale}" pg="${PG:-jdbc:postgresql://127.0.0.1:5432/test}"
out="$root/bench/results"
mkdir -p "$work" "$out"
# CP: the classpath to run (default what ./protoguard runs: target/classes + target/lib, built when missing)
if [ -z "${CP:-}" ]; then
  [ -d target/lib ] && [ -f target/protoguard.jar ] || mvn -B -q -DskipTests package >&2
fi
java=(java -Xmx1g -Dprotoguard.home="$root" -cp "${CP:-target/classes:target/lib/*}" io.protoguard.cli.Main)
psql_() { psql -q -h 127.0.0.1 -U postgres -d test -v ON_ERROR_STOP=1 "$@"; }

site_list=""
if [ "$sites" -gt 0 ]; then site_list=", sites: [$(seq -f 'SITE-%02g' -s ', ' 1 "$sites")]"; fi
{
  echo "studies:"
  for i in $(seq 1 "$studies"); do
    [ -d "$work/study-$i" ] || "${java[@]}" generate --protocol sivelestat-evt --subjects "$subjects" --seed "$i" --out "$work/study-$i" >&2
    echo "  - {id: P$i, protocol: sivelestat-evt, data: $work/study-$i$site_list}"
  done
} >"$work/studies.yml"

load() { cut -d' ' -f1-3 /proc/loadavg; }
cpu_of() { awk -v hz="$(getconf CLK_TCK)" '{printf "%d", ($14 + $15) / hz}' "/proc/$1/stat" 2>/dev/null || echo 0; } # CPU s of a live process
csv="$out/scale-out.csv"
[ -f "$csv" ] || echo "date,mode,workers,studies,subjects_per_study,partitions,wall_s,manager_cpu_s,workers_cpu_s,load_before,load_after" >"$csv"

one_run() { # mode (local|remote), number of workers
  local mode="$1" n="$2" schema="scale_$(date +%s)_$RANDOM" queue="protoguard.bench"
  psql_ -c "CREATE SCHEMA $schema"
  local db=(--spring.datasource.url="$pg?currentSchema=$schema" --spring.datasource.username=postgres --spring.datasource.password=
            --protoguard.data-dir="$work" --protoguard.nightly.report-dir="$work/reports-$schema")
  local rabbit=(--spring.rabbitmq.host=127.0.0.1 --spring.rabbitmq.port=5672 --protoguard.nightly.remote.queue="$queue")
  "${java[@]}" nightly --studies "$work/studies.yml" --register-only "${db[@]}" >/dev/null 2>&1
  local pids=()
  if [ "$mode" = remote ]; then
    for w in $(seq 1 "$n"); do
      "${java[@]}" nightly --worker "${db[@]}" "${rabbit[@]}" --protoguard.nightly.threads=1 2>"$work/worker-$schema-$w.log" &
      pids+=("$!")
    done
    for w in $(seq 1 "$n"); do
      until grep -q "takes partitions from queue" "$work/worker-$schema-$w.log"; do sleep 1; done
    done
  fi
  local before; before="$(load)"
  local start; start=$(date +%s.%N)
  local extra=(); [ "$mode" = remote ] && extra=("${rabbit[@]}" --protoguard.nightly.remote.enabled=true --protoguard.nightly.remote.poll-interval=1s)
  /usr/bin/time -f "%U %S" -o "$work/manager-$schema.time" "${java[@]}" nightly --as-of 2026-07-01 "${db[@]}" "${extra[@]}" \
    >"$work/manager-$schema.out" 2>"$work/manager-$schema.err" || echo "manager exit $? (see $work/manager-$schema.err)" >&2
  local wall; wall=$(echo "$(date +%s.%N) - $start" | bc)
  local wcpu=0
  for p in "${pids[@]}"; do wcpu=$((wcpu + $(cpu_of "$p"))); kill "$p"; done
  wait 2>/dev/null || true
  local mcpu; mcpu=$(awk '{print $1 + $2}' "$work/manager-$schema.time")
  local parts; parts=$(psql_ -At -c "SELECT COUNT(*) FROM $schema.partition_result")
  printf '%s,%s,%s,%s,%s,%s,%.1f,%s,%s,%s,%s\n' "$(date -u +%FT%TZ)" "$mode" "$n" "$studies" "$subjects" "$parts" "$wall" "$mcpu" "$wcpu" \
    "$before" "$(load)" | tee -a "$csv" >&2
  {
    echo "== $mode, $n workers, schema $schema: rows written per table (pg_stat_user_tables), partition_result size"
    psql_ -c "SELECT relname, n_tup_ins AS inserted, n_tup_upd AS updated FROM pg_stat_user_tables WHERE schemaname = '$schema'
              AND (n_tup_ins > 0 OR n_tup_upd > 0) ORDER BY relname"
    psql_ -c "SELECT COUNT(*) AS partitions, ROUND(AVG(octet_length(deviations))) AS json_bytes_avg,
              ROUND(AVG(subjects)) AS subjects_avg FROM $schema.partition_result"
  } >>"$out/scale-out-db.txt"
  psql_ -c "DROP SCHEMA $schema CASCADE"
}

echo "== $(date -u +%FT%TZ) $studies studies x $subjects subjects, sites $sites, nproc $(nproc), load $(load)" >>"$out/scale-out-db.txt"
one_run local 0
for n in $workers; do one_run remote "$n"; done
