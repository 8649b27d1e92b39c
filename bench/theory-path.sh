#!/usr/bin/env bash
# Deterministic-equivalent speed on P = 1e6 eigenvalues: advrisk (Java) and a numpy reference in the
# same sitting. Usage: bench/theory-path.sh [n]   (builds core first; numpy optional)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
n="${1:-1000}"
(cd "$root" && mvn -q -B -pl core -DskipTests package >&2)
cm3="$(find ~/.m2/repository/org/apache/commons/commons-math3 -name 'commons-math3-*.jar' | head -1)"
echo "# $(date -u +%Y-%m-%dT%H:%MZ) nproc=$(nproc) cpu=$(lscpu | sed -n 's/^Model name: *//p') java=$(java -version 2>&1 | head -1)"
java -Xmx2g -cp "$root/core/target/classes:$cm3" "$root/bench/TheoryPathBench.java" "$n"
if /usr/bin/python3 -c 'import numpy' 2>/dev/null; then
  /usr/bin/python3 "$root/bench/theory_path_numpy.py" "$n"
fi
