#!/usr/bin/env bash
# bench/audit/speed.sh (issue 24): the whole `advrisk audit` (JVM start included) against pandas' read_csv alone and
# against a pandas + numpy script doing the same ridge path (pandas_eigen.py), in one sitting, on 2e5 x 100 and
# 1e6 x 100 tables as CSV and as Parquet. Path: 100 lambdas (logspace -6..2), l2 attack at three budgets, test
# fraction 0.2. The Parquet files are written from the CSVs by hyparquet-writer (JavaScript, to_parquet.mjs), a
# writer independent of advrisk's Parquet reader (DuckDB); pandas here cannot read Parquet (no pyarrow/fastparquet).
# advrisk runs through the ./advrisk wrapper, as a user runs it (its class-data-sharing archive included; the first
# call after a build makes the archive and is not timed). Every figure is wall seconds and CPU seconds (user + system)
# with the 1-minute load average when it ran: on a shared machine the CPU seconds are the steadier figure. The four
# programs run interleaved within each repetition; the last line of each table gives the medians.
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
adv="$root/advrisk"
head -443 "$tmp/mid.csv" > "$tmp/small.csv"
"$adv" audit "$tmp/small.csv" "${args[@]}" > /dev/null # builds the jar and the CDS archive when stale: not timed
# timed CMD...: runs CMD with stdout to $out, sets $wall $cpu $rss (MiB) and $ld (load when it started)
timed() { ld=$(cut -d' ' -f1 /proc/loadavg); /usr/bin/time -f "%e %U %S %M" -o "$tmp/t" "$@" > "$out"
  read -r wall u s rss < "$tmp/t"; cpu=$(echo "$u + $s" | bc); rss=$((rss / 1024)); }
med() { sort -n | awk '{v[NR] = $1} END {print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2)}'; }
echo "# $(date -u +%FT%TZ)  $(nproc) cpus  load: $(cut -d' ' -f1-3 /proc/loadavg)"
for r in $(seq "$reps"); do
  out=/dev/null; timed "$adv" audit "$tmp/small.csv" "${args[@]}"
  echo "small (442 rows, JVM start) run $r: advrisk ${wall}s cpu ${cpu}s  [load $ld]"
  echo "small $wall $cpu" >> "$tmp/m.$$"
done
for kind in mid tall; do
  for r in $(seq "$reps"); do
    out="$tmp/$kind.csv.out"; timed "$adv" audit "$tmp/$kind.csv" "${args[@]}"
    line="$kind run $r: advrisk csv ${wall}s cpu ${cpu}s RSS ${rss} MiB [load $ld]"; m="$kind csv $wall $cpu"
    out="$tmp/$kind.pq.out"; timed "$adv" audit "$tmp/$kind.parquet" "${args[@]}"
    same=$(cmp -s "$tmp/$kind.csv.out" "$tmp/$kind.pq.out" && echo same || echo DIFFERENT)
    line="$line | parquet ${wall}s cpu ${cpu}s RSS ${rss} MiB, output $same [load $ld]"; m="$m pq $wall $cpu"
    out=/dev/null; timed $py "$here/pandas_eigen.py" "$tmp/$kind.csv" --read-only
    line="$line | pandas read_csv ${wall}s cpu ${cpu}s [load $ld]"; m="$m rd $wall $cpu"
    timed $py "$here/pandas_eigen.py" "$tmp/$kind.csv"
    line="$line | pandas+numpy path ${wall}s cpu ${cpu}s [load $ld]"; m="$m pe $wall $cpu"
    if [ -n "$old" ]; then
      out="$tmp/$kind.old.out"; timed java -jar "$old" audit "$tmp/$kind.csv" "${args[@]}"
      line="$line | old advrisk ${wall}s cpu ${cpu}s (output $(cmp -s "$tmp/$kind.csv.out" "$tmp/$kind.old.out" && echo same || echo DIFFERENT))"
    fi
    echo "$line"
    echo "$m" >> "$tmp/m.$$"
  done
done
echo "# medians over $reps runs (wall / cpu seconds):"
echo "small: advrisk $(awk '$1 == "small" {print $2}' "$tmp/m.$$" | med) / $(awk '$1 == "small" {print $3}' "$tmp/m.$$" | med)"
for kind in mid tall; do
  col() { awk -v k="$kind" -v c="$1" '$1 == k {print $c}' "$tmp/m.$$" | med; }
  echo "$kind: advrisk csv $(col 3) / $(col 4) | parquet $(col 6) / $(col 7) | read_csv $(col 9) / $(col 10)" \
    "| pandas+numpy $(col 12) / $(col 13) | pandas+numpy / advrisk csv: wall $(echo "scale=2; $(col 12) / $(col 3)" | bc)x" \
    "cpu $(echo "scale=2; $(col 13) / $(col 4)" | bc)x | advrisk csv / read_csv: wall $(echo "scale=2; $(col 3) / $(col 9)" | bc)x"
done
rm -f "$tmp/m.$$"
echo "# end $(date -u +%FT%TZ) load: $(cut -d' ' -f1-3 /proc/loadavg)"
