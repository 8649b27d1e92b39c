#!/usr/bin/env bash
# bench/advtrain: the l2 adversarial-training path (50 budgets δ, logspace(-2, -0.02)·δ₀, no intercept)
# at n=500, p=5000 and n=2000, p=200: advrisk (AdversarialTraining, warm-started, duality-gap stop at
# 1e-12, and again at 1e-7, the anchor's accuracy; best of 2 in one JVM, solve only) against the anchor's reweighted ridge (Ribeiro et al.,
# `linadvtrain.regression.lin_advregr(method='w-ridge')`, its defaults max_iter=100, utol=1e-12,
# cold start per δ, solve only) run with Debian's numpy/scipy/scikit-learn from a scratch checkout
# OUTSIDE the project (ANCHOR_DIR, default /tmp/anchor; no code of it is copied here).
# Also prints the largest relative objective excess of each side over the better of the two.
# Usage: ANCHOR_DIR=/tmp/anchor bench/advtrain/run.sh        (from anywhere)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
here="$root/bench/advtrain"
anchor="${ANCHOR_DIR:-/tmp/anchor}"
py=/usr/bin/python3
jar="$root/app/target/advrisk.jar"
[ -f "$jar" ] || (cd "$root" && mvn -q -B -DskipTests package)
[ -d "$anchor/linadvtrain" ] || { echo "ANCHOR_DIR=$anchor has no linadvtrain/: check out the anchor's repository there" >&2; exit 2; }
work="$(mktemp -d /tmp/advtrain-bench.XXXXXX)"
trap 'rm -rf "$work"' EXIT
echo "# $(date -u +%FT%TZ)  $(nproc) cpus  load: $(cut -d' ' -f1-3 /proc/loadavg)  anchor: $(git -C "$anchor" log -1 --format=%h 2>/dev/null || echo "${ANCHOR_REV:-?}")"
for np in "500 5000" "2000 200"; do
  set -- $np; n=$1; p=$2
  $py "$here/make_data.py" "$n" "$p" "$work/d"
  ours=$(java -Xmx3g -cp "$jar" "$here/AdvTrainBench.java" "$work/d" "$n" "$p" 2)
  loose=$(java -Xmx3g -cp "$jar" "$here/AdvTrainBench.java" "$work/d" "$n" "$p" 2 1e-7)
  theirs=$(OPENBLAS_NUM_THREADS=1 $py "$here/anchor_run.py" "$anchor" "$work/d" "$n" "$p" 100)
  $py - "$n" "$p" "$ours" "$theirs" "$loose" <<'PY'
import json, sys
n, p, a, b, c = sys.argv[1], sys.argv[2], json.loads(sys.argv[3]), json.loads(sys.argv[4]), json.loads(sys.argv[5])
fa, fb = a['objectives'], b['objectives']
best = [min(x, y) for x, y in zip(fa, fb)]
ex_a = max((x - m) / m for x, m in zip(fa, best))
ex_b = max((y - m) / m for y, m in zip(fb, best))
st = {s: a['status'].count(s) for s in set(a['status'])}
print(f"n={n} p={p}: advrisk {a['total_s']:.2f}s (iterations {sum(a['iterations'])}, max gap {max(a['gaps']):.1e}, status {st}, "
      f"delta0={a['delta0']:.4g} deltaBar={a['deltaBar']:.4g})  anchor w-ridge {b['total_s']:.2f}s (iterations {sum(b['iterations'])}, "
      f"{sum(1 for i in b['iterations'] if i >= 100)} of 50 at max_iter)")
print(f"  objective excess over the better side: advrisk {ex_a:.1e}, anchor {ex_b:.1e}")
print(f"  ratio anchor/advrisk time = {b['total_s'] / a['total_s']:.2f}")
fc = c['objectives']
ex_c = max((z - m) / m for z, m in zip(fc, best))
print(f"  advrisk stopped at gap 1e-7: {c['total_s']:.2f}s (iterations {sum(c['iterations'])}, objective excess {ex_c:.1e});"
      f" ratio anchor/advrisk(1e-7) = {b['total_s'] / c['total_s']:.2f}")
PY
done
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)"
