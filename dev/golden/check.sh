#!/usr/bin/env bash
# Golden outputs of the CLI, to check that a refactoring changes no output byte.
#
#   dev/golden/check.sh capture DIR   run ~30 representative commands, write every stdout, stderr,
#                                     exit code and output file (CSV, JSON, JSONL, HTML, PNG, SVG) to DIR
#   dev/golden/check.sh diff A B      byte comparison of two captures: lists the files that differ
#                                     or exist on one side only; exit 0 when identical, 1 otherwise
#
# Normalised before storing (so that two captures of the same code are byte-identical):
#   - the capture directory's absolute path is replaced by @OUT@ (reports print their directory);
#   - ISO-8601 instants (2026-12-02T19:39:02.063Z) become @TIME@ (manifest started/ended/finished,
#     the report's "started / finished" row);
#   - manifest.json "pid" and "host", the environment's "host"/"os" are replaced by @PID@/@HOST@;
#   - durations printed as "<number> s" / "<number>s" / "<number> ms" after "in" or "took", if any,
#     become @SECONDS@ (reproduce's timing line), and the wrapper's "advrisk: building ..." line
#     on stderr is dropped. The commands run a frozen copy of the jar the wrapper built first.
# PNG/SVG are compared as they are (XChart's output is deterministic for the same data).
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cli="$root/advrisk"
specs="$here/specs"

normalise() {   # normalise FILE OUTDIR (in place, text files only)
  local f="$1" out="$2"
  case "$f" in *.png) return ;; esac
  sed -i -E \
    -e "s#${out}#@OUT@#g" \
    -e 's/[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?Z/@TIME@/g' \
    -e 's/("pid" *: *)[0-9]+/\1@PID@/' \
    -e 's/("host" *: *)"[^"]*"/\1"@HOST@"/g' \
    -e 's/("os" *: *)"[^"]*"/\1"@OS@"/g' \
    -e 's/\b(in|took) [0-9]+(\.[0-9]+)? ?(s|ms|min)\b/\1 @SECONDS@/g' \
    -e '/^advrisk: building /d' \
    "$f"
}

# run NAME ARGS...: stdout to NAME.out, stderr to NAME.err, exit code to NAME.rc
run() {
  local name="$1"; shift
  echo "golden: $name" >&2
  (cd "$OUT/work" && java ${ADVRISK_JAVA_OPTS:-} -jar "$JAR" "$@" >"$OUT/$name.out" 2>"$OUT/$name.err"; echo $? >"$OUT/$name.rc")
  normalise "$OUT/$name.out" "$OUT"; normalise "$OUT/$name.err" "$OUT"
}

# keep DIR NAME: copy the files of a run directory (not the lock) into NAME/ and normalise them
keep() {
  local dir="$1" name="$2"
  mkdir -p "$OUT/$name"
  (cd "$dir" && find . -type f ! -name '.advrisk.lock' ! -name '*.lock' | sort | while read -r f; do
     mkdir -p "$OUT/$name/$(dirname "$f")"; cp "$f" "$OUT/$name/$f"; normalise "$OUT/$name/$f" "$OUT"; done)
}

capture() {
  OUT="$(mkdir -p "$1" && cd "$1" && pwd)"
  [ -z "$(ls -A "$OUT")" ] || { echo "golden: $OUT is not empty" >&2; exit 2; }
  mkdir -p "$OUT/work"
  # Build once with the wrapper (outside the captured outputs), then run a frozen copy of the jar, so that
  # editing sources during a capture cannot trigger a rebuild half-way.
  "$cli" --version >/dev/null || exit 1
  JAR="$(mktemp -d)/advrisk.jar"
  cp "$root/app/target/advrisk.jar" "$JAR"
  cp "$root"/app/target/libduckdb_java.so_* "$(dirname "$JAR")/" 2>/dev/null || true # Parquet's engine lies next to the jar

  local tl="twolevel:spikes=10,spike=1,tail=1"
  # linear: attacks, targets, designs, paths, formats
  run lin-default          linear
  run lin-l2-linf-l1       linear --spectrum "$tl" --n 100 --p 2000 --lambda 0,logspace:-4,1,6 \
                                  --alpha 0.1,0.25 --attack l2,linf,l1 --trials 2
  run lin-targets-csv      linear --spectrum powerlaw:a=1,b=2 --theta random:k=5,norm=1 --n 60 --p 600 \
                                  --lambda 0,0.01 --alpha 0.05,0.2 --attack l2,linf,l1,lp:3 \
                                  --target clean,consistent,noisy --format csv
  run lin-rademacher-csv   linear --design rademacher --noise rademacher --n 60 --p 300 --test-size 2000 \
                                  --attack l2,linf --lambda 0,0.1 --format csv
  run lin-primal-csv       linear --spectrum "$tl" --n 200 --p 50 --lambda 0,0.01,1 --attack l2,linf --format csv
  run lin-wishart-csv      linear --spectrum "$tl" --n 200 --p 1000000000 --lambda 0,logspace:-4,1,6 \
                                  --alpha 0.1 --format csv
  run lin-exact-off-csv    linear --spectrum "$tl" --n 80 --p 400 --exact-tail off --lambda 0,0.1 --format csv
  run lin-theory-json      linear --spectrum "$tl" --theta top:k=10,norm=1 --n 100 --p 2000 --lambda 0,0.01 \
                                  --alpha 0.1 --attack l2,linf --theory --format json
  run lin-theory-table     linear --spectrum "$tl" --theta top:k=10,norm=1 --n 100 --p 2000 --lambda 0,0.01 --theory
  run lin-advtrain-csv     linear --n 40 --p 120 --estimator ridge,advtrain --delta 0.05,0.1 --alpha 0.1 \
                                  --attack l2,linf --format csv
  run lin-advtrain-linf-json linear --n 40 --p 120 --estimator advtrain --delta 0.05 --train-attack linf \
                                  --attack linf --format json
  # theory: every section, every format
  local th=(--spectrum "$tl" --theta top:k=10,norm=1 --p n^2 --n-grid 100,400,1600 --lambda 0,0.01,0.1
            --alpha 0.25 --attack l2,linf)
  run th-default           theory "${th[@]}"
  run th-ranks             theory "${th[@]}" --show ranks
  run th-de                theory "${th[@]}" --show de
  run th-tradeoff          theory "${th[@]}" --show tradeoff
  run th-frontier          theory "${th[@]}" --show frontier
  run th-all-csv           theory "${th[@]}" --show ranks,de,tradeoff,frontier --format csv
  run th-all-json          theory "${th[@]}" --show ranks,de,tradeoff,frontier --format json
  run th-powerlaw-inf      theory --spectrum powerlaw:a=1,b=2 --p inf --n-grid 100,1000 --lambda 0,0.01 --show ranks,de
  # ntk: infinite width (k1, k1+k2) and one small finite width
  run ntk-inf              ntk --n 100 --d 200 --width inf --lambda 0,0.01 --alpha 0.1 --attack l2,linf --test-size 300
  run ntk-inf-k12-csv      ntk --n 60 --d 120 --kernel k1+k2 --width inf --lambda 0,logspace:-2,-1,2 --format csv --test-size 200
  run ntk-finite-json      ntk --n 40 --d 80 --width 200 --gd-steps 40 --test-size 200 --spectrum "twolevel:spikes=5,spike=1,tail=20" \
                               --format json
  # run + report
  local s
  for s in dd attacks tradeoff minnorm ntk; do
    run "run-$s" run "$specs/$s.yaml" --out "$OUT/work/run-$s" --quiet
    keep "$OUT/work/run-$s" "run-$s"
  done
  # report re-renders from results only: on a copy without plots and report
  cp -r "$OUT/work/run-tradeoff" "$OUT/work/rep-tradeoff"
  rm -rf "$OUT/work/rep-tradeoff/plots" "$OUT/work/rep-tradeoff/report.html"
  run report-tradeoff report "$OUT/work/rep-tradeoff"
  keep "$OUT/work/rep-tradeoff" "report-tradeoff"
  # audit: shipped data sets
  run audit-gasoline-csv   audit --dataset gasoline --format csv --quiet
  run audit-diabetes-csv   audit --dataset diabetes --format csv --attack l2,linf --alpha 0.01,0.05 --quiet
  run audit-diabetes-json  audit --dataset diabetes --format json --repeats 2 --quiet
  run audit-diabetes-out   audit --dataset diabetes --out "$OUT/work/audit-diabetes" --quiet
  keep "$OUT/work/audit-diabetes" "audit-diabetes"
  # reproduce
  run reproduce-quick      reproduce --quick --out "$OUT/work/reproduce" --quiet
  keep "$OUT/work/reproduce" "reproduce-quick"
  rm -rf "$OUT/work" "$(dirname "$JAR")"
  echo "golden: captured in $OUT ($(find "$OUT" -type f | wc -l) files)" >&2
}

compare() {
  local a="$1" b="$2" bad=0 f
  while read -r f; do
    if [ ! -f "$a/$f" ]; then echo "only in $b: $f"; bad=1
    elif [ ! -f "$b/$f" ]; then echo "only in $a: $f"; bad=1
    elif ! cmp -s "$a/$f" "$b/$f"; then echo "differs: $f"; bad=1
    fi
  done < <( (cd "$a" && find . -type f; cd "$b" && find . -type f) | sed 's#^\./##' | sort -u)
  [ "$bad" = 0 ] && echo "golden: identical ($(find "$a" -type f | wc -l) files)"
  return "$bad"
}

case "${1:-}" in
  capture) [ $# = 2 ] || { echo "usage: $0 capture DIR" >&2; exit 2; }; capture "$2" ;;
  diff)    [ $# = 3 ] || { echo "usage: $0 diff A B" >&2; exit 2; }; compare "$2" "$3" ;;
  *) echo "usage: $0 capture DIR | diff A B" >&2; exit 2 ;;
esac
