#!/usr/bin/env bash
# Result page at scale (issue 12; docs/benchmarks.md, "Result page at scale"): time to first byte and HTML size of
# the result page of runs of N subjects. Generates each workbook (protoguard generate), starts `protoguard serve` on
# a free port with a fresh data folder, uploads each workbook through the API, signs in through the login form like
# a browser, and fetches /runs/{id} REPEAT times (the first fetch is cold). Usage: bench/result-page.sh [N ...]
# (default: 20 2000 100000). Env: HEAP (server -Xmx, default 3g), WORK (default /tmp/protoguard-result-page), PORT (default 18481), REPEAT (default 5).
# REUSE_DATA: the data folder of an earlier run of this script ($WORK/data-<pid>): its runs 1, 2, ... (one per size,
# in the order given) are measured again without generating or uploading anything.
# Needs target/classes and target/lib (mvn -DskipTests package). Writes bench/results/result-page.csv.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
sizes=("${@:-20 2000 100000}")
read -r -a sizes <<<"${sizes[*]}"
work="${WORK:-/tmp/protoguard-result-page}"
port="${PORT:-18481}"
repeat="${REPEAT:-5}"
out="$root/bench/results"
mkdir -p "$work" "$out"
[ -d "$root/target/lib" ] || (cd "$root" && mvn -B -q -DskipTests package >&2)
# A copy of the classes: a build in the worktree while this runs must not change the server under measurement.
rm -rf "$work/app" && mkdir -p "$work/app" && cp -r "$root/target/classes" "$root/target/lib" "$work/app/"
cp="$work/app/classes:$work/app/lib/*"

for n in "${sizes[@]}"; do
  [ -n "${REUSE_DATA:-}" ] || [ -f "$work/site-$n.xlsx" ] || java -XX:TieredStopAtLevel=1 -Dprotoguard.home="$root" -cp "$cp" io.protoguard.cli.Main \
      generate --protocol sivelestat-evt --subjects "$n" --out "$work/site-$n.xlsx" >&2
done

data="${REUSE_DATA:-$work/data-$$}"
password="bench-password-$$"
hash=$(echo "$password" | java -cp "$cp" io.protoguard.cli.Main hash-password)
java -Xmx${HEAP:-3g} -Dprotoguard.home="$root" -cp "$cp" io.protoguard.cli.Main serve --server.port="$port" \
    --protoguard.data-dir="$data" --protoguard.upload.max-size=200MB --protoguard.upload.max-expanded-bytes=4294967296 \
    --protoguard.security.users.bench.password="$hash" --protoguard.security.users.bench.roles=ADMIN \
    >"$work/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -s -o /dev/null "http://127.0.0.1:$port/login" && break; sleep 1; done

jar="$work/cookies-$$"
token=$(curl -s -c "$jar" -b "$jar" "http://127.0.0.1:$port/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "username=bench" --data-urlencode "password=$password" \
    --data-urlencode "_csrf=$token" "http://127.0.0.1:$port/login"

{
  echo "# $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'),"
  echo "# load average before: $(cut -d' ' -f1-3 /proc/loadavg), commit $(cd "$root" && git rev-parse --short HEAD)"
  echo "subjects,deviations,upload_and_check_s,ttfb_cold_ms,ttfb_median_ms,html_bytes,subject_timeline_ttfb_ms"
} >"$out/result-page.csv"
reused=0
for n in "${sizes[@]}"; do
  started=$(date +%s.%N)
  if [ -n "${REUSE_DATA:-}" ]; then reused=$((reused + 1)); id=$reused; else id=$(curl -s -u "bench:$password" -F protocol=sivelestat-evt -F asOf=2027-01-01 -F "file=@$work/site-$n.xlsx" \
      "http://127.0.0.1:$port/api/runs" | sed -n 's/^{"id":\([0-9]*\),.*/\1/p'); fi
  [ -n "$id" ] || { echo "upload of $n subjects failed; see $work/serve.log" >&2; exit 1; }
  checked=$(echo "$(date +%s.%N) - $started" | bc)
  [ -z "${REUSE_DATA:-}" ] || checked=0 # not measured: the run was stored by an earlier run of this script
  deviations=$(curl -s -u "bench:$password" "http://127.0.0.1:$port/api/runs/$id" | sed -n 's/.*"deviations":\([0-9]*\),.*/\1/p')
  ttfbs=()
  for i in $(seq 1 "$repeat"); do
    read -r t size < <(curl -s -b "$jar" -o "$work/page-$n.html" -w '%{time_starttransfer} %{size_download}\n' \
        "http://127.0.0.1:$port/runs/$id")
    ttfbs+=("$(echo "$t * 1000 / 1" | bc)")
  done
  cold=${ttfbs[0]}
  median=$(printf '%s\n' "${ttfbs[@]}" | sort -n | sed -n "$(( (repeat + 1) / 2 ))p")
  subject=$(grep -o 'data-subject="[^"]*"' "$work/page-$n.html" | grep -v '^$' | sed -n '1s/data-subject="\(.*\)"/\1/p')
  tl=$(curl -s -b "$jar" -o /dev/null -w '%{time_starttransfer}' "http://127.0.0.1:$port/runs/$id/timelines/$subject.svg")
  echo "$n,$deviations,$(printf '%.1f' "$checked"),$cold,$median,$size,$(echo "$tl * 1000 / 1" | bc)" | tee -a "$out/result-page.csv" >&2
done
cat "$out/result-page.csv"
