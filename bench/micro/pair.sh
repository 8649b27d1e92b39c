#!/usr/bin/env bash
# bench/micro/pair.sh: the Gram XXᵀ (2000×20000) and the eigendecomposition (n = 2000) of advrisk
# (bytedeco OpenBLAS 0.3.31) and numpy (Debian OpenBLAS 0.3.21, OPENBLAS_CORETYPE=COOPERLAKE),
# interleaved round by round so both sides see the same machine load. Each round: a fresh process per
# side, best of REPS after a warm-up. Usage (repository root): bench/micro/pair.sh [ROUNDS] [REPS] [THREADS]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
rounds="${1:-4}"; reps="${2:-2}"; threads="${3:-1}"
[ -f bench/target/benchmarks.jar ] || mvn -q -B -Pbench -DskipTests install
echo "# $(date -u +%FT%TZ)  $(nproc) cpus  load: $(cut -d' ' -f1-3 /proc/loadavg)  BLAS threads=$threads"
for r in $(seq 1 "$rounds"); do
  j=$(java -Xmx4g -cp bench/target/benchmarks.jar org.advrisk.bench.GramOnce 2000 20000 "$threads" "$reps")
  py=$(env -u OPENBLAS_L2_SIZE OPENBLAS_CORETYPE=COOPERLAKE OPENBLAS_NUM_THREADS="$threads" /usr/bin/python3 -c "
import json, time, numpy as np
X = np.random.default_rng(1).standard_normal((2000, 20000)); g = e = 1e9
for k in range($reps + 1):
    t0 = time.perf_counter(); K = X @ X.T; t1 = time.perf_counter(); np.linalg.eigh(K); t2 = time.perf_counter()
    if k: g = min(g, (t1 - t0) * 1e3); e = min(e, (t2 - t1) * 1e3)
print(json.dumps({'tool': 'numpy', 'threads': $threads, 'gram_ms': round(g, 1), 'eigen_ms': round(e, 1)}))")
  echo "round $r: $j $py  load $(cut -d' ' -f1 /proc/loadavg)"
  /usr/bin/python3 -c "
import json,sys; a=json.loads(sys.argv[1]); b=json.loads(sys.argv[2])
print(f'  ratio advrisk/numpy: gram {a[\"gram_ms\"]/b[\"gram_ms\"]:.2f}  eigen {a[\"eigen_ms\"]/b[\"eigen_ms\"]:.2f}')" "$j" "$py"
done
