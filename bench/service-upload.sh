#!/usr/bin/env bash
# The service's upload latency (issue 16): a warm 20-subject upload, sequential and 20 at once.
# Usage: bench/service-upload.sh [ROUNDS]   (default 3)
# Starts `protoguard serve` for each variant (this tree as "new"; BASE's launcher as "base" when BASE is set) on its
# own port with a fresh embedded H2 under WORK, reads the first-run admin password, does WARM warm-up uploads and one
# burst of CONC, then alternates the variants ROUNDS times; each round is SEQ sequential uploads and one burst of CONC.
# Env: BASE (checkout of the previous main with its build), WORK (default /tmp/protoguard-bench/service),
#      SEQ (default 40), CONC (default 20), WARM (default 150: the JIT is still busy after 100),
#      FILE (default the shipped 20-subject example),
#      EXTRA (more serve arguments for both; {variant} becomes base or new, e.g.
#      --spring.datasource.url=jdbc:postgresql://localhost:55432/pg{variant}: one empty database per variant, as the
#      first-run admin is read from standard output).
# Prints per round and variant: p50/p95/max in ms (curl's time_total), the server's CPU ms per upload (user+sys of
# the server process over the batch, from /proc), the same for the request threads only, and the 1-minute load
# average; then the medians over the rounds.
# Writes every latency to WORK/latency.csv (variant,round,mode,ms).
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rounds="${1:-3}"
work="${WORK:-/tmp/protoguard-bench/service}"
seq_n="${SEQ:-40}"; conc="${CONC:-20}"; warm="${WARM:-150}"
file="${FILE:-$root/examples/sivelestat-evt-site-XW01.xlsx}"
variants=(new); [ -n "${BASE:-}" ] && variants=(base new)
declare -A port pid pass
next_port=18600
mkdir -p "$work"
tck=$(getconf CLK_TCK)
# Serve is long-running: the class data sharing archive only shortens its start, and making one writes into BASE.
export PROTOGUARD_CDS="${PROTOGUARD_CDS:-off}"

launcher() { if [ "$1" = base ]; then echo "$BASE/protoguard"; else echo "$root/protoguard"; fi; }
cpu_ms() { awk -v t="$tck" '{print int(($14 + $15) * 1000 / t)}' "/proc/$1/stat"; }
# CPU of the threads that serve requests (Tomcat's http-nio-*), without the JIT compiler and GC threads: the JIT is
# still compiling after hundreds of uploads and would otherwise decide the figure.
request_cpu_ms() {
  cat /proc/"$1"/task/*/stat 2>/dev/null | awk -v t="$tck" '/\(http-nio-/ {sub(/^.*\) /, ""); s += $12 + $13} END {print int(s * 1000 / t)}'
}
stop_all() { for v in "${variants[@]}"; do [ -n "${pid[$v]:-}" ] && kill "${pid[$v]}" 2>/dev/null; done; }
trap stop_all EXIT

for v in "${variants[@]}"; do
  dir="$work/$v"; rm -rf "$dir"; mkdir -p "$dir"
  port[$v]=$next_port; next_port=$((next_port + 1))
  # exec in the subshell: $! is the JVM itself, so its CPU can be read from /proc and it can be stopped by id.
  extra="${EXTRA:-}"; extra="${extra//\{variant\}/$v}"
  (cd "$dir" && exec "$(launcher "$v")" serve --server.port="${port[$v]}" $extra >"$dir/serve.out" 2>"$dir/serve.err") &
  pid[$v]=$!
done
for v in "${variants[@]}"; do
  for _ in $(seq 1 600); do
    grep -q "^protoguard: serving on" "$work/$v/serve.err" 2>/dev/null && break
    kill -0 "${pid[$v]}" 2>/dev/null || { echo "$v: serve exited" >&2; cat "$work/$v/serve.err" >&2; exit 1; }
    sleep 0.5
  done
  pass[$v]=$(awk '/first start: created user "admin"/{getline; getline; print $1; exit}' "$work/$v/serve.out")
  [ -n "${pass[$v]}" ] || { echo "$v: no first-run admin password in $work/$v/serve.out" >&2; exit 1; }
done

upload() { # variant -> prints time_total in ms, fails unless 201
  local v="$1" out
  out=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -u "admin:${pass[$v]}" -F protocol=sivelestat-evt \
    -F asOf=2026-08-01 -F "file=@$file" "http://localhost:${port[$v]}/api/runs")
  [ "${out%% *}" = 201 ] || { echo "$v: upload answered ${out%% *}" >&2; return 1; }
  awk -v s="${out#* }" 'BEGIN{printf "%.1f\n", s * 1000}'
}
stats() { # ms values on stdin -> "p50 p95 max" (nearest rank)
  sort -n | awk '{a[NR]=$1} END{p50=a[int((NR*50+99)/100)]; p95=a[int((NR*95+99)/100)]; print p50, p95, a[NR]}'
}
median() { sort -n | awk '{a[NR]=$1} END{print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# Warm-up: sequential uploads, then one burst as wide as the measured ones, so every request thread has met an upload
# once (the first burst after start pays per-thread set-up: about 5 s for 20 in a JFR, against 1.1-1.5 s after).
for v in "${variants[@]}"; do
  for _ in $(seq 1 "$warm"); do upload "$v" >/dev/null || exit 1; done
  burst=()
  for _ in $(seq 1 "$conc"); do upload "$v" >/dev/null & burst+=($!); done
  wait "${burst[@]}"
done
echo "variant,round,mode,n,p50_ms,p95_ms,max_ms,server_cpu_ms_per_upload,request_cpu_ms_per_upload,load1" | tee "$work/summary.csv"
echo "variant,round,mode,ms" >"$work/latency.csv"
for r in $(seq 1 "$rounds"); do
  for v in "${variants[@]}"; do
    load=$(cut -d' ' -f1 /proc/loadavg); c0=$(cpu_ms "${pid[$v]}"); q0=$(request_cpu_ms "${pid[$v]}")
    for _ in $(seq 1 "$seq_n"); do upload "$v" || exit 1; done >"$work/seq.ms"
    c1=$(cpu_ms "${pid[$v]}"); q1=$(request_cpu_ms "${pid[$v]}")
    sed "s/^/$v,$r,seq,/" "$work/seq.ms" >>"$work/latency.csv"
    echo "$v,$r,seq,$seq_n,$(stats <"$work/seq.ms" | tr ' ' ','),$(((c1 - c0) / seq_n)),$(((q1 - q0) / seq_n)),$load" | tee -a "$work/summary.csv"
    load=$(cut -d' ' -f1 /proc/loadavg); c0=$(cpu_ms "${pid[$v]}"); q0=$(request_cpu_ms "${pid[$v]}")
    burst=()
    for i in $(seq 1 "$conc"); do upload "$v" >"$work/conc.$i.ms" & burst+=($!); done
    wait "${burst[@]}"
    c1=$(cpu_ms "${pid[$v]}"); q1=$(request_cpu_ms "${pid[$v]}")
    cat "$work"/conc.*.ms >"$work/conc.ms"; rm -f "$work"/conc.*.ms
    [ "$(wc -l <"$work/conc.ms")" -eq "$conc" ] || { echo "$v: a concurrent upload failed" >&2; exit 1; }
    sed "s/^/$v,$r,conc,/" "$work/conc.ms" >>"$work/latency.csv"
    echo "$v,$r,conc,$conc,$(stats <"$work/conc.ms" | tr ' ' ','),$(((c1 - c0) / conc)),$(((q1 - q0) / conc)),$load" | tee -a "$work/summary.csv"
  done
done
# The last run's stored reports, base against new: JSON and CSV byte for byte; XLSX by its xl/ parts (the package's
# docProps/core.xml carries the time it was written).
if [ -n "${BASE:-}" ]; then
  for f in json csv xlsx; do
    for v in base new; do
      id=$(curl -s -u "admin:${pass[$v]}" "http://localhost:${port[$v]}/api/runs?limit=1" | sed -n 's/^\[{"id":\([0-9]*\).*/\1/p')
      curl -s -u "admin:${pass[$v]}" -o "$work/report-$v.$f" "http://localhost:${port[$v]}/api/runs/$id/report?format=$f"
    done
    if [ "$f" = xlsx ]; then
      same=$(cmp -s <(unzip -p "$work/report-base.xlsx" 'xl/*') <(unzip -p "$work/report-new.xlsx" 'xl/*') && echo identical || echo DIFFER)
    else
      same=$(cmp -s "$work/report-base.$f" "$work/report-new.$f" && echo identical || echo DIFFER)
    fi
    echo "stored $f report of the last run, base vs new: $same ($(wc -c <"$work/report-new.$f") bytes)"
  done
fi
echo "medians over $rounds rounds: variant,mode,p50_ms,p95_ms,max_ms,server_cpu_ms_per_upload,request_cpu_ms_per_upload,load1"
for v in "${variants[@]}"; do for m in seq conc; do
  line="$v,$m"
  for col in 5 6 7 8 9 10; do line="$line,$(awk -F, -v v="$v" -v m="$m" -v c="$col" '$1==v && $3==m {print $c}' "$work/summary.csv" | median)"; done
  echo "$line"
done; done
