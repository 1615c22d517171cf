#!/usr/bin/env bash
# Runs each interpreter benchmark program (examples/bench/*.mjs) under vmjs
# and under Node's interpreter (`node --jitless`, V8's Ignition without its
# JIT tiers) in the same run, and prints the median wall time of each and
# their ratio. Both must print the same output; a mismatch is reported.
#
# Usage: benches/compare.sh [RUNS]   (default 3; builds vmjs in release first)
set -euo pipefail
runs=${1:-3}
cd "$(dirname "$0")/.."
cargo build --release --quiet
vmjs=target/release/vmjs

# The median of the numbers on stdin (the mean of the middle two for an even count).
median() { sort -n | awk '{a[NR]=$1} END {if (NR % 2) print a[(NR+1)/2]; else printf "%.3f\n", (a[NR/2] + a[NR/2+1]) / 2}'; }
time_of() { # prints seconds for one run of "$@", output to $out
  local start end
  start=$(date +%s.%N)
  "$@" >"$out" 2>/dev/null || true
  end=$(date +%s.%N)
  awk -v a="$start" -v b="$end" 'BEGIN {printf "%.4f\n", b - a}'
}

out=$(mktemp); trap 'rm -f "$out" "$out.node"' EXIT
printf '%-22s %10s %10s %8s\n' program vmjs_s node_s ratio
ratios=()
for prog in examples/bench/*.mjs; do
  v=$(for _ in $(seq "$runs"); do time_of "$vmjs" run "$prog"; done | median)
  cp "$out" "$out.vmjs"
  n=$(for _ in $(seq "$runs"); do time_of node --jitless --no-warnings "$prog"; done | median)
  note=""
  cmp -s "$out" "$out.vmjs" || note="  (outputs differ)"
  rm -f "$out.vmjs"
  ratio=$(awk -v a="$v" -v b="$n" 'BEGIN {printf "%.2f", a / b}')
  ratios+=("$ratio")
  printf '%-22s %10.3f %10.3f %8s%s\n' "$(basename "$prog")" "$v" "$n" "$ratio" "$note"
done
printf 'median ratio: %s\n' "$(printf '%s\n' "${ratios[@]}" | median)"
