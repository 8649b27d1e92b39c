#!/usr/bin/env bash
# bench/audit/real-data-claims.sh: run time of the real-data claims (RealDataClaims with its defaults),
# three runs in one JVM (the first includes JIT warm-up and loading the data sets), with the verdicts.
# Usage: bench/audit/real-data-claims.sh [RUNS]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
"$root/advrisk" --version > /dev/null   # builds app/target/advrisk.jar when sources changed
echo "# $(date -u +%FT%TZ)  $(nproc) cpus  load: $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "$root/app/target/advrisk.jar" "$root/bench/audit/RealDataClaimsTiming.java" "${1:-3}"
