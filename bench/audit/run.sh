#!/usr/bin/env bash
# bench/audit: `advrisk audit` on a 1e6 x 100 table (primal, streamed: the table is never held) and on a
# 500 x 50000 table (dual XX^T path), whole path of 100 lambdas (logspace -6..2), l2 attack at three
# budgets, test fraction 0.2, against a scikit-learn loop (Ridge per lambda + the dual-norm formula) in
# the same sitting. advrisk is timed end to end as a process (JVM start, CSV parsing of every pass,
# Gram, one eigendecomposition, all lambdas, output); scikit-learn's fit loop alone (arrays in memory,
# no parsing). Tables are generated into /tmp/advrisk-audit (not committed).
# Usage: bench/audit/run.sh [FITS]     (FITS of scikit-learn's 100 refits timed and scaled; default 100)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
fits="${1:-100}"
jar="$root/app/target/advrisk.jar"
[ -f "$jar" ] || (cd "$root" && mvn -q -B -DskipTests package)
here="$root/bench/audit"
tmp=/tmp/advrisk-audit
mkdir -p "$tmp"
py=/usr/bin/python3
echo "# $(date -u +%FT%TZ)  $(nproc) cpus  load: $(cut -d' ' -f1-3 /proc/loadavg)"
for kind in tall wide; do
  f="$tmp/$kind.csv"
  [ -s "$f" ] || (cd "$here" && $py data.py $kind "$f")
  echo "$kind: $(du -h "$f" | cut -f1) on disk"
  t0=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "$tmp/mem" java -Xmx3g -jar "$jar" audit "$f" --target y --lambda logspace:-6,2,100 \
      --alpha 0.01,0.05,0.1 --attack l2 --test-fraction 0.2 --format csv --quiet > "$tmp/$kind.out"
  t1=$(date +%s.%N)
  a=$(echo "$t1 - $t0" | bc)
  rows=$(($(wc -l < "$tmp/$kind.out") - 1))
  s=$(cd "$here" && env OPENBLAS_CORETYPE=COOPERLAKE $py sklearn_loop.py $kind "$fits")
  echo "$kind: advrisk ${a}s ($rows rows, max RSS $(( $(cat "$tmp/mem") / 1024 )) MiB) | scikit-learn $s"
done
echo "# end load: $(cut -d' ' -f1-3 /proc/loadavg)"
