#!/usr/bin/env bash
# bench/ntk: advrisk (Java + OpenBLAS) vs PyTorch (Debian python3-torch, /usr/bin/python3) on the same
# work, same thread count, same sitting. Usage: bench/ntk/run.sh [THREADS...]   (default: 1 2)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
[ -f app/target/advrisk.jar ] || mvn -q -B -DskipTests package
jar=app/target/advrisk.jar
threads=("${@:-1 2}")
[ $# -eq 0 ] && threads=(1 2)
echo "# machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(date -u +%FT%TZ)"
echo "# load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for t in "${threads[@]}"; do
  for work in gd pgd; do
    l0=$(cut -d' ' -f1 /proc/loadavg)
    j=$(OMP_NUM_THREADS=$t java -Xmx6g -cp "$jar" bench/ntk/NtkBench.java "$t" "$work" | awk -v w=$work '$1==w{print $2, $3}')
    p=$(OMP_NUM_THREADS=$t /usr/bin/python3 bench/ntk/torch_ntk.py "$t" "$work" | awk -v w=$work '$1==w{print $2, $3}')
    set -- $j $p
    echo "threads=$t work=$work wall: advrisk=${1}s torch=${3}s ratio=$(awk -v a="$1" -v b="$3" 'BEGIN{printf "%.2f", a/b}')" \
         " cpu: advrisk=${2}s torch=${4}s ratio=$(awk -v a="$2" -v b="$4" 'BEGIN{printf "%.2f", a/b}')  (load ${l0} -> $(cut -d' ' -f1 /proc/loadavg))"
  done
done
