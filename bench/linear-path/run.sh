#!/usr/bin/env bash
# bench/linear-path: one training set, n=2000, p=20000, powerlaw:a=1,b=0, 100 λ, exact standard and
# l2 adversarial risks at 3 budgets. Times, in the same sitting and back to back, repeated REPS times:
#   advrisk  : `advrisk linear` as a process (JVM start, data generation, Gram, eigen, path, CSV output),
#              --threads 2 (Gram stripes in parallel, BLAS single-threaded: the deterministic default) and
#              also with --blas-threads 2 (eigendecomposition and n×n products on 2 BLAS threads)
#   numpy    : numpy_eigen.py, the same eigen trick (process incl. import, generation, Gram, eigh, path)
#   sklearn  : sklearn_loop.py, Ridge(alpha=n·λ) refit per λ (FITS of the 100 refits timed, scaled)
# Every side includes its own data generation (Gaussian draws of the n×p design).
# numpy's OpenBLAS 0.3.21 (Debian) detects this CPU as "Prescott" (generic SSE3 kernels); it is run both
# as installed and with OPENBLAS_CORETYPE=COOPERLAKE (AVX-512 kernels, the best it can do here).
# Usage: bench/linear-path/run.sh [REPS] [FITS]      (from the repository root)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
reps="${1:-3}"
fits="${2:-10}"
n=2000; p=20000
jar="$root/app/target/advrisk.jar"
[ -f "$jar" ] || (cd "$root" && mvn -q -B -DskipTests package)
py=/usr/bin/python3
here="$root/bench/linear-path"
echo "# $(date -u +%FT%TZ)  $(nproc) cpus  load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# env OPENBLAS_CORETYPE='${OPENBLAS_CORETYPE-<unset>}' OPENBLAS_L2_SIZE='${OPENBLAS_L2_SIZE-<unset>}'"
wall() { local t0 t1; t0=$(date +%s.%N); "$@" > /tmp/linear-path.out; t1=$(date +%s.%N); echo "$t1 - $t0" | bc; }
declare -a A AB NA NB
for r in $(seq 1 "$reps"); do
  a=$(wall java -jar "$jar" linear --spectrum powerlaw:a=1,b=0 --theta top:k=1,norm=1 --sigma 0.5 \
        --n $n --p $p --lambda logspace:-6,1,100 --alpha 0.05,0.1,0.2 --threads 2 --format csv)
  rows=$(($(wc -l < /tmp/linear-path.out) - 1))
  ab=$(wall java -jar "$jar" linear --spectrum powerlaw:a=1,b=0 --theta top:k=1,norm=1 --sigma 0.5 \
        --n $n --p $p --lambda logspace:-6,1,100 --alpha 0.05,0.1,0.2 --threads 2 --blas-threads 2 --format csv)
  na=$(wall env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE $py "$here/numpy_eigen.py" --n $n --p $p)
  nai=$(cat /tmp/linear-path.out)
  nb=$(wall env -u OPENBLAS_L2_SIZE OPENBLAS_CORETYPE=COOPERLAKE $py "$here/numpy_eigen.py" --n $n --p $p)
  nbi=$(cat /tmp/linear-path.out)
  echo "rep $r: advrisk ${a}s ($rows rows) | advrisk --blas-threads 2 ${ab}s | numpy(as installed) ${na}s $nai | numpy(COOPERLAKE) ${nb}s $nbi"
  A+=("$a"); AB+=("$ab"); NA+=("$na"); NB+=("$nb")
done
sk=$(env -u OPENBLAS_L2_SIZE OPENBLAS_CORETYPE=COOPERLAKE $py "$here/sklearn_loop.py" --n $n --p $p --fits "$fits")
echo "sklearn (COOPERLAKE): $sk"
min() { printf '%s\n' "$@" | sort -g | head -1; }
a=$(min "${A[@]}"); ab=$(min "${AB[@]}"); na=$(min "${NA[@]}"); nb=$(min "${NB[@]}")
skt=$($py -c "import json,sys; print(json.loads(sys.argv[1])['total_s'])" "$sk")
echo "best of $reps: advrisk ${a}s (--blas-threads 2: ${ab}s), numpy-eigen ${na}s (as installed), ${nb}s (COOPERLAKE); sklearn loop ${skt}s (scaled from $fits fits)"
$py -c "
a,ab,na,nb,sk=$a,$ab,$na,$nb,$skt
print(f'ratio advrisk/numpy-eigen(as installed) = {a/na:.2f}  (target <= 1.2)')
print(f'ratio advrisk/numpy-eigen(COOPERLAKE)   = {a/nb:.2f}  (target <= 1.2)')
print(f'ratio advrisk --blas-threads 2/numpy-eigen(COOPERLAKE) = {ab/nb:.2f}')
print(f'speed-up vs sklearn loop               = {sk/a:.1f}x (target >= 10)')"
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)"
