#!/usr/bin/env bash
# bench/audit/speed.sh (issue 24): the whole `advrisk audit` (JVM start included) against pandas' read_csv alone and
# against a pandas + numpy script doing the same ridge path (pandas_eigen.py), in one sitting, on 2e5 x 100 and
# 1e6 x 100 tables as CSV and as Parquet. Path: 100 lambdas (logspace -6..2), l2 attack at three budgets, test
# fraction 0.2. The Parquet files are written from the CSVs by hyparquet-writer (JavaScript, to_parquet.mjs), a
# writer independent of advrisk's Parquet reader (DuckDB); pandas here cannot read Parquet (no pyarrow/fastparquet).
# Tables go to /tmp/advrisk-audit (not committed). Usage: bench/audit/speed.sh [REPS] [OLD_JAR]
#   REPS: runs of each measurement (default 2); OLD_JAR: also time an older advrisk.jar on the CSVs.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
reps="${1:-2}"
old="${2:-}"
jar="$root/app/target/advrisk.jar"
[ -f "$jar" ] || (cd "$root" && mvn -q -B -DskipTests package)
here="$root/bench/audit"
tmp=/tmp/advrisk-audit
py=/usr/bin/python3
mkdir -p "$tmp/node"
for kind in mid tall; do
  [ -s "$tmp/$kind.csv" ] || (cd "$here" && $py data.py $kind "$tmp/$kind.csv")
  if [ ! -s "$tmp/$kind.parquet" ]; then
    [ -d "$tmp/node/node_modules/hyparquet-writer" ] || npm install --silent --prefix "$tmp/node" hyparquet-writer@0.17.0
    cp "$here/to_parquet.mjs" "$tmp/node/"
    node --max-old-space-size=8000 "$tmp/node/to_parquet.mjs" "$tmp/$kind.csv" "$tmp/$kind.parquet"
  fi
done
args=(--target y --lambda logspace:-6,2,100 --alpha 0.01,0.05,0.1 --attack l2 --test-fraction 0.2 --format csv --quiet)
secs() { local t0 t1; t0=$(date +%s.%N); "$@" > /dev/null; t1=$(date +%s.%N); echo "$t1 - $t0" | bc; }
echo "# $(date -u +%FT%TZ)  $(nproc) cpus  load: $(cut -d' ' -f1-3 /proc/loadavg)"
for kind in mid tall; do
  for r in $(seq "$reps"); do
    /usr/bin/time -f "%e %M %U %S" -o "$tmp/t" java -jar "$jar" audit "$tmp/$kind.csv" "${args[@]}" > "$tmp/$kind.csv.out"
    read -r csv rss cu cs < "$tmp/t"; rss=$((rss / 1024))
    /usr/bin/time -f "%e %M %U %S" -o "$tmp/t" java -jar "$jar" audit "$tmp/$kind.parquet" "${args[@]}" > "$tmp/$kind.pq.out"
    read -r pq prss pu ps < "$tmp/t"; prss=$((prss / 1024))
    same=$(cmp -s "$tmp/$kind.csv.out" "$tmp/$kind.pq.out" && echo same || echo DIFFERENT)
    rd=$(secs $py "$here/pandas_eigen.py" "$tmp/$kind.csv" --read-only)
    pe=$(secs $py "$here/pandas_eigen.py" "$tmp/$kind.csv")
    line="$kind run $r: advrisk csv ${csv}s (cpu ${cu}+${cs}s, max RSS ${rss} MiB) | advrisk parquet ${pq}s (cpu ${pu}+${ps}s, RSS ${prss} MiB, output $same) | pandas read_csv ${rd}s | pandas+numpy path ${pe}s"
    if [ -n "$old" ]; then
      t0=$(date +%s.%N); java -jar "$old" audit "$tmp/$kind.csv" "${args[@]}" > "$tmp/$kind.old.out"; t1=$(date +%s.%N)
      line="$line | old advrisk $(echo "$t1 - $t0" | bc)s (output $(cmp -s "$tmp/$kind.csv.out" "$tmp/$kind.old.out" && echo same || echo DIFFERENT))"
    fi
    echo "$line  [load $(cut -d' ' -f1 /proc/loadavg)]"
  done
done
echo "# end $(date -u +%FT%TZ) load: $(cut -d' ' -f1-3 /proc/loadavg)"
