#!/usr/bin/env bash
# A real Spark standalone cluster on this machine: starts a master and two workers (one core each)
# from the dependency jars on 127.0.0.1, submits a sweep with spark-submit's main class (the
# application jar spark/target/advrisk-spark.jar) and a huge-p Gram job through ./advrisk
# --master spark://…, and compares both with the local outputs byte for byte. It stops exactly the
# processes it started (master, workers and the executors they launched, by PID), also on failure.
#
# Usage: bash spark/cluster/check.sh        (exit 0: identical; used by SparkClusterIT and .ci/run)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
jar="$root/spark/target/advrisk-spark.jar"
cpfile="$root/spark/target/spark-classpath.txt"
if [ ! -f "$jar" ] || [ ! -f "$cpfile" ]; then
  (cd "$root" && mvn -q -B -DskipTests -pl spark -am package)
fi
work="$(mktemp -d /tmp/advrisk-cluster.XXXXXX)"
pids=()

stop_all() {
  local rc=$?
  local all=()
  for pid in "${pids[@]}"; do
    all+=("$pid")
    # Executors are children of the workers: record them before the workers go.
    for child in $(pgrep -P "$pid" 2>/dev/null || true); do all+=("$child"); done
  done
  for pid in "${all[@]}"; do kill "$pid" 2>/dev/null || true; done
  for _ in $(seq 1 50); do
    local alive=0
    for pid in "${all[@]}"; do if kill -0 "$pid" 2>/dev/null; then alive=1; fi; done
    [ "$alive" = 0 ] && break
    sleep 0.2
  done
  for pid in "${all[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  if [ "$rc" != 0 ]; then
    echo "cluster: FAILED (exit $rc); logs:" >&2
    for f in "$work"/*.log; do [ -f "$f" ] && { echo "--- $f" >&2; tail -n 40 "$f" >&2; }; done
  fi
  rm -rf "$work"
  exit "$rc"
}
trap stop_all EXIT
trap 'exit 130' INT TERM

free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
}

# A Spark "home" whose jars/ are the dependency jars: the workers build executor command lines from it.
mkdir -p "$work/home/jars" "$work/home/conf"
tr ':' '\n' < "$cpfile" | while read -r f; do [ -n "$f" ] && ln -s "$f" "$work/home/jars/"; done
# Warnings only, but the master's and workers' own INFO lines (readiness is read from them).
{ cat "$root/spark/src/main/launch/log4j2-cli.properties"
  printf '%s\n' "logger.deploy.name = org.apache.spark.deploy" "logger.deploy.level = info"
} > "$work/home/conf/log4j2.properties"
export SPARK_SCALA_VERSION=2.13 SPARK_HOME="$work/home" SPARK_LOCAL_IP=127.0.0.1 SPARK_LOCAL_HOSTNAME=127.0.0.1 SPARK_CONF_DIR="$work/home/conf"
export OPENBLAS_NUM_THREADS=1
cp="$work/home/conf:$(cat "$cpfile")"
jvm=(@"$root/spark/jvm.options" -Xmx512m)

mport=$(free_port)
java "${jvm[@]}" -cp "$cp" org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$mport" \
  --webui-port "$(free_port)" > "$work/master.log" 2>&1 &
pids+=($!)
master="spark://127.0.0.1:$mport"
for _ in $(seq 1 300); do
  grep -q "I have been elected leader" "$work/master.log" && break
  kill -0 "${pids[0]}" 2>/dev/null || { echo "cluster: master died" >&2; exit 1; }
  sleep 0.2
done
grep -q "I have been elected leader" "$work/master.log" || { echo "cluster: master did not start" >&2; exit 1; }
for w in 1 2; do
  java "${jvm[@]}" -cp "$cp" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --cores 1 --memory 1500m \
    --webui-port "$(free_port)" --work-dir "$work/worker$w" "$master" > "$work/worker$w.log" 2>&1 &
  pids+=($!)
done
for w in 1 2; do
  for _ in $(seq 1 300); do
    grep -q "Successfully registered with master" "$work/worker$w.log" && break
    sleep 0.2
  done
  grep -q "Successfully registered with master" "$work/worker$w.log" || { echo "cluster: worker $w did not register" >&2; exit 1; }
done
echo "cluster: master $master with 2 workers (pids ${pids[*]})" >&2

# 1. A sweep, submitted as an application (what spark-submit does, from the jars alone).
cat > "$work/sweep.yaml" <<'YAML'
name: cluster-sweep
seed: 21
trials: 3
n: [40, 80]
p: "30*n"
spectrum: ["powerlaw:a=1,b=1", "twolevel:spikes=4,spike=1,tail=1"]
theta: "top:k=4,norm=1"
lambda: [0, 0.01, 0.1]
alpha: [0.1, 0.3]
attack: [l2, linf]
YAML
"$root/advrisk" run "$work/sweep.yaml" --out "$work/sweep-local" --quiet --no-report > "$work/sweep-local.log" 2>&1
java "${jvm[@]}" -cp "$cp" org.apache.spark.deploy.SparkSubmit --master "$master" --deploy-mode client \
  --conf spark.driver.host=127.0.0.1 --conf spark.driver.bindAddress=127.0.0.1 --conf spark.ui.enabled=false \
  --conf spark.executor.memory=1g --class org.advrisk.cli.Main "$jar" \
  run "$work/sweep.yaml" --out "$work/sweep-cluster" --no-report --engine spark > "$work/sweep-cluster.log" 2>&1
cmp "$work/sweep-local/results.jsonl" "$work/sweep-cluster/results.jsonl"
cmp "$work/sweep-local/results.csv" "$work/sweep-cluster/results.csv"
echo "cluster: sweep of $(wc -l < "$work/sweep-cluster/results.jsonl") rows: results.jsonl identical to the local run" >&2

# 2. A huge-p Gram sum (non-constant spectrum, 13 chunks over the two executors) through the wrapper.
args=(linear --spectrum powerlaw:a=1,b=0.5 --n 60 --p 200000 --lambda 0,logspace:-3,0,4 --alpha 0.1,0.5
      --attack l2 --target clean,noisy --trials 2 --seed 8 --format csv)
"$root/advrisk" "${args[@]}" > "$work/gram-local.csv" 2> "$work/gram-local.log"
"$root/advrisk" "${args[@]}" --engine spark --master "$master" --conf spark.executor.memory=1g \
  > "$work/gram-cluster.csv" 2> "$work/gram-cluster.log"
cmp "$work/gram-local.csv" "$work/gram-cluster.csv"
grep -q "tasks done" "$work/gram-cluster.log"
echo "cluster: Gram sum p=200000 on 2 executors: $(($(wc -l < "$work/gram-cluster.csv") - 1)) rows identical to the local run" >&2
echo "cluster: OK"
