#!/usr/bin/env bash
# bench/huge-p: twolevel:spikes=10,spike=1,tail=1, n=1000, 20 λ, l2 attack, one training set, in -Xmx2g:
#   p = 10⁶ streamed (--exact-tail off: every feature drawn and multiplied, ~n²p = 10¹² flops)
#   p = 10⁶ and p = 10⁹ with the exact Wishart tail (default auto: O(n³), independent of p)
# Prints wall time and peak resident memory of each process (JVM start included).
# Usage (repository root): bench/huge-p/run.sh [THREADS]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
threads="${1:-2}"
jar="$root/app/target/advrisk.jar"
[ -f "$jar" ] || (cd "$root" && mvn -q -B -DskipTests package)
echo "# $(date -u +%FT%TZ)  $(nproc) cpus  load: $(cut -d' ' -f1-3 /proc/loadavg)  threads=$threads"
run() {
  local label="$1"; shift
  /usr/bin/time -f "%e %M" -o /tmp/huge-p.time java -Xmx2g -jar "$jar" linear \
    --spectrum twolevel:spikes=10,spike=1,tail=1 --n 1000 --lambda 0,logspace:-4,1,19 --alpha 0.1 \
    --threads "$threads" --format csv "$@" > /tmp/huge-p.out
  read -r secs kb < /tmp/huge-p.time
  local r0; r0=$(sed -n 2p /tmp/huge-p.out | cut -d, -f10,14)
  printf '%-28s %8.2f s  %6.0f MiB peak RSS   (λ=0: std_risk,norm_l2 = %s)\n' "$label" "$secs" "$((kb / 1024))" "$r0"
}
run "p=1e9  exact Wishart tail" --p 1000000000
run "p=1e6  exact Wishart tail" --p 1000000
run "p=1e6  streamed" --p 1000000 --exact-tail off
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)"
