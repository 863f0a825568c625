#!/usr/bin/env bash
# Cold start side by side (issue 16): `./protoguard --help` and a cold `check` of the 20-subject example, each a
# new JVM through the real launcher, interleaved round by round so load from other processes hits every
# variant alike. Usage: bench/cold-start.sh [ROUNDS] (default 7).
# Env: BASE (a checkout of the previous main with its build, e.g. /tmp/pg-base; skipped when unset),
#      WORK (data folder, default /tmp/protoguard-bench). Writes bench/results/cold-start.csv and prints medians.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rounds="${1:-7}"; [ "$rounds" = --variant ] && rounds=0
work="${WORK:-/tmp/protoguard-bench}"
out="$root/bench/results"
mkdir -p "$work" "$out"
example="$work/example-20.xlsx"
[ -f "$example" ] || "$root/protoguard" generate --protocol sivelestat-evt --subjects 20 --seed 7 --out "$example" >&2
cache="$work/rulebase-cache"
check=(check --protocol sivelestat-evt --as-of 2026-07-01 --format json "$example")

# variant name, then the command; the cache and CDS are on unless the variant says otherwise.
variants=("help" "new-check" "new-check-nocache" "new-check-nocds")
[ -n "${BASE:-}" ] && variants=("base-help" "base-check" "${variants[@]}")
run_variant() {
  case "$1" in
    base-help) "$BASE/protoguard" --help ;;
    base-check) "$BASE/protoguard" "${check[@]}" ;;
    help) PROTOGUARD_CACHE="$cache" "$root/protoguard" --help ;;
    new-check) PROTOGUARD_CACHE="$cache" "$root/protoguard" "${check[@]}" ;;
    new-check-nocache) PROTOGUARD_CACHE=off "$root/protoguard" "${check[@]}" ;;
    new-check-nocds) PROTOGUARD_CDS=off PROTOGUARD_CACHE="$cache" "$root/protoguard" "${check[@]}" ;;
  esac
}
if [ "${1:-}" = --variant ]; then run_variant "$2"; exit $?; fi
# Warm-up (not counted): builds if needed, writes the CDS archive and fills the rule base cache.
for v in "${variants[@]}"; do run_variant "$v" >/dev/null 2>&1 || true; done

echo "round,variant,wall_s,cpu_s,load1" >"$out/cold-start.csv"
for r in $(seq 1 "$rounds"); do
  for v in "${variants[@]}"; do
    load=$(cut -d' ' -f1 /proc/loadavg)
    /usr/bin/time -f "%e %U %S" -o "$work/cold.time" "$0" --variant "$v" >/dev/null 2>&1 || true  # exit 1: deviations found
    read -r wall user sys < <(tail -1 "$work/cold.time")
    echo "$r,$v,$wall,$(awk -v u="$user" -v s="$sys" 'BEGIN{printf "%.2f", u+s}'),$load" | tee -a "$out/cold-start.csv" >&2
  done
done

# Medians per variant, and each check's ratio to the help of the same launcher generation.
awk -F, 'NR>1 {w[$2]=w[$2]" "$3; c[$2]=c[$2]" "$4; l[$2]=l[$2]" "$5}
  function med(s,  a,n,i,j,t) { n=split(s,a," "); for(i=1;i<=n;i++) for(j=i+1;j<=n;j++) if (a[j]+0<a[i]+0) {t=a[i];a[i]=a[j];a[j]=t}
    return n%2 ? a[(n+1)/2] : (a[n/2]+a[n/2+1])/2 }
  END { printf "%-20s %10s %10s %10s\n", "variant", "wall_med", "cpu_med", "load_med";
    for (v in w) { mw[v]=med(w[v]); printf "%-20s %10.2f %10.2f %10.2f\n", v, mw[v], med(c[v]), med(l[v]) }
    if ("help" in mw) printf "new check / new help (wall medians): %.2fx\n", mw["new-check"]/mw["help"];
    if ("base-help" in mw) { printf "new check / base help: %.2fx\n", mw["new-check"]/mw["base-help"];
      printf "base check / base help: %.2fx\n", mw["base-check"]/mw["base-help"];
      printf "new check / base check: %.2fx\n", mw["new-check"]/mw["base-check"] } }' "$out/cold-start.csv" \
  | tee "$out/cold-start-summary.txt"
