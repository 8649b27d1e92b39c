#!/usr/bin/env bash
# Spark engine overhead on this machine (one training set, huge p; then a sweep of small trials).
#   bash bench/spark/run.sh            # p = 10^7, n = 1000, powerlaw (about 2·10^13 flops per run)
#   P=1000000 bash bench/spark/run.sh  # a quicker look
# Prints wall times, the ratio Spark / local (the engine's overhead) and trials per second; the
# outputs of every engine are compared byte for byte (they must be identical).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
P="${P:-10000000}"
N="${N:-1000}"
TRIALS="${TRIALS:-240}"
out="$(mktemp -d /tmp/advrisk-bench-spark.XXXXXX)"
trap 'rm -rf "$out"' EXIT
export ADVRISK_JAVA_OPTS="${ADVRISK_JAVA_OPTS:--Xmx6g}"
"$root/advrisk" --version > /dev/null
"$root/advrisk" --version --engine spark > /dev/null 2>&1 || true # builds the spark module once
echo "machine: $(nproc) cores; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
args=(linear --spectrum powerlaw:a=1,b=0 --n "$N" --p "$P" --lambda 0,logspace:-4,0,5 --alpha 0.1 --seed 1 --format csv)
timed() { # name, command...
  local name="$1"; shift
  local t0 t1
  t0=$(date +%s.%N)
  "$@" > "$out/$name.csv" 2> "$out/$name.err"
  t1=$(date +%s.%N)
  echo "$name $(echo "$t1 - $t0" | bc)" | tee -a "$out/times"
}
echo "== Gram sum: n=$N p=$P powerlaw, one training set"
timed local-threads2 "$root/advrisk" "${args[@]}" --threads 2
timed spark-local1 "$root/advrisk" "${args[@]}" --engine spark --master 'local[1]'
timed spark-local2 "$root/advrisk" "${args[@]}" --engine spark --master 'local[2]'
cmp "$out/local-threads2.csv" "$out/spark-local1.csv"
cmp "$out/local-threads2.csv" "$out/spark-local2.csv"
echo "outputs identical (3 engines)"
awk '{t[$1]=$2} END {printf "ratio spark local[2] / local 2 threads = %.2f; local[1] / local[2] = %.2f\n", t["spark-local2"]/t["local-threads2"], t["spark-local1"]/t["spark-local2"]}' "$out/times"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"

echo "== Sweep: $TRIALS small linear trials (n=50, p=500)"
cat > "$out/sweep.yaml" <<YAML
name: bench-sweep
seed: 3
trials: $((TRIALS / 4))
n: [50]
p: [500, 1000]
spectrum: ["powerlaw:a=1,b=1", "twolevel:spikes=3,spike=1,tail=1"]
theta: "top:k=3,norm=1"
lambda: [0, 0.01, 0.1]
alpha: [0.1, 0.3]
YAML
timed sweep-local2 "$root/advrisk" run "$out/sweep.yaml" --out "$out/s-local" --threads 2 --quiet --no-report
timed sweep-spark2 "$root/advrisk" run "$out/sweep.yaml" --out "$out/s-spark" --quiet --no-report --engine spark --master 'local[2]'
cmp "$out/s-local/results.jsonl" "$out/s-spark/results.jsonl"
echo "results.jsonl identical"
awk -v n="$TRIALS" '{t[$1]=$2} END {printf "trials/s: local 2 threads %.1f, spark local[2] %.1f (wall time incl. JVM and Spark start)\n", n/t["sweep-local2"], n/t["sweep-spark2"]}' "$out/times"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
