#!/usr/bin/env bash
# Runs each interpreter benchmark program (examples/bench/*.mjs) under vmjs
# and under Node's interpreter (`node --jitless`, V8's Ignition without its
# JIT tiers) in the same run, and prints the median wall time of each and
# their ratio. Both must print the same output; a mismatch is reported.
#
# Then the real-library programs (benches/library/, see below), and, when
# ../shared/bench/octane is there, the V8 benchmark suite v7
# programs (run as classic scripts; each prints `Name: score`, higher is
# faster): each score under both, Node's score over vmjs's, and the
# geometric mean of those ratios.
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
# Times the program $1 under both and prints its row; sets $ratio.
compare_program() {
  local v n note
  v=$(for _ in $(seq "$runs"); do time_of "$vmjs" run "$1"; done | median)
  cp "$out" "$out.vmjs"
  n=$(for _ in $(seq "$runs"); do time_of node --jitless --no-warnings "$1"; done | median)
  note=""
  cmp -s "$out" "$out.vmjs" || note="  (outputs differ)"
  rm -f "$out.vmjs"
  ratio=$(awk -v a="$v" -v b="$n" 'BEGIN {printf "%.2f", a / b}')
  printf '%-22s %10.3f %10.3f %8s%s\n' "$(basename "$1")" "$v" "$n" "$ratio" "$note"
}
for prog in examples/bench/*.mjs; do
  compare_program "$prog"
  ratios+=("$ratio")
done
printf 'median ratio: %s\n' "$(printf '%s\n' "${ratios[@]}" | median)"

# Real programs on real libraries (benches/library/*.mjs): the packages are
# installed with npm into a scratch folder outside the repository (kept
# between runs), the programs are copied beside them, and acorn's input is
# its own distribution file, written there as a module. Without npm or the
# registry this part says so and is skipped.
lib_packages=(acorn@8.14.0 marked@15.0.12)
lib_scratch=${TMPDIR:-/tmp}/vmjs-library-bench
lib_ready=false
if command -v npm >/dev/null; then
  mkdir -p "$lib_scratch"
  if [ "$(cat "$lib_scratch/.installed" 2>/dev/null)" = "${lib_packages[*]}" ] ||
    (cd "$lib_scratch" && { [ -f package.json ] || echo '{"private":true}' >package.json; } &&
      npm install --no-audit --no-fund --silent "${lib_packages[@]}" >/dev/null 2>&1 &&
      echo "${lib_packages[*]}" >.installed); then
    lib_ready=true
  fi
fi
if $lib_ready; then
  cp benches/library/*.mjs "$lib_scratch/"
  (cd "$lib_scratch" && node -e 'const fs = require("fs");
    const text = fs.readFileSync(require.resolve("acorn"), "utf8");
    fs.writeFileSync("acorn-input.mjs", "export default " + JSON.stringify(text) + ";\n");')
  printf '\n%-22s %10s %10s %8s\n' library vmjs_s node_s ratio
  for prog in benches/library/*.mjs; do
    compare_program "$lib_scratch/$(basename "$prog")"
  done
else
  echo "(npm or the registry is not reachable: the library programs are skipped)"
fi

octane=../shared/bench/octane
if [ ! -d "$octane" ]; then
  echo "(no $octane beside the repository: the V8 benchmark suite is skipped)"
  exit 0
fi
# The median of one score line's value over the runs (a program may print
# several lines, e.g. Splay's latency score: every line is compared).
scores() { # prints "Name score" lines, medians over $runs runs of "$@"
  for _ in $(seq "$runs"); do "$@" 2>/dev/null || true; done |
    awk -F': ' 'NF == 2 && $2 ~ /^[0-9.]+$/ {print $1, $2}' |
    sort -k1,1 -k2,2n |
    awk '{v[$1] = v[$1] " " $2; n[$1]++} END {for (k in v) {split(substr(v[k], 2), a, " "); m = (n[k] % 2) ? a[(n[k] + 1) / 2] : (a[n[k] / 2] + a[n[k] / 2 + 1]) / 2; print k, m}}' |
    sort
}
printf '\n%-22s %10s %10s %8s\n' benchmark vmjs node ratio
log_sum=0
count=0
for prog in richards deltablue crypto raytrace earley-boyer regexp splay navier-stokes; do
  file="$octane/$prog.js"
  [ -f "$file" ] || continue
  scores "$vmjs" run "$file" >"$out.vmjs"
  scores node --jitless "$file" >"$out.node"
  while read -r name node_score; do
    vmjs_score=$(awk -v k="$name" '$1 == k {print $2}' "$out.vmjs")
    if [ -z "$vmjs_score" ] || [ "$vmjs_score" = 0 ]; then
      printf '%-22s %10s %10s %8s\n' "$name" "-" "$node_score" "(vmjs printed no score)"
      continue
    fi
    ratio=$(awk -v a="$node_score" -v b="$vmjs_score" 'BEGIN {printf "%.2f", a / b}')
    log_sum=$(awk -v s="$log_sum" -v r="$ratio" 'BEGIN {printf "%.6f", s + log(r)}')
    count=$((count + 1))
    printf '%-22s %10s %10s %8s\n' "$name" "$vmjs_score" "$node_score" "$ratio"
  done <"$out.node"
  rm -f "$out.vmjs" "$out.node"
done
if [ "$count" -gt 0 ]; then
  printf 'geometric mean of the score ratios: %s\n' "$(awk -v s="$log_sum" -v n="$count" 'BEGIN {printf "%.2f", exp(s / n)}')"
fi
