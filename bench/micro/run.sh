#!/usr/bin/env bash
# bench/micro: JMH microbenchmarks (Gram, eigendecomposition, path step) and their numpy counterparts,
# back to back. Usage (repository root): bench/micro/run.sh
# numpy runs with OPENBLAS_CORETYPE=COOPERLAKE: Debian's OpenBLAS 0.3.21 otherwise picks "Prescott".
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
echo "# $(date -u +%FT%TZ)  $(nproc) cpus  load: $(cut -d' ' -f1-3 /proc/loadavg)"
mvn -q -B -Pbench -DskipTests install
java -jar bench/target/benchmarks.jar -rf json -rff /tmp/jmh-advrisk.json "$@" | grep -E "^(Benchmark|[A-Z][a-zA-Z]+Bench)"
/usr/bin/python3 bench/micro/jmh_summary.py /tmp/jmh-advrisk.json
env -u OPENBLAS_L2_SIZE OPENBLAS_CORETYPE=COOPERLAKE /usr/bin/python3 bench/micro/numpy_micro.py
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)"
