#!/usr/bin/env bash
# Generates module graphs with `vmjs graph` and builds each, in one run,
# with vmjs's native loader, with vmjs's node:vm (`vmjs bench --via vm`) and
# with Node v20's vm.SourceTextModule (benches/node-vm-graph.mjs), printing
# the phase times and the ratios Node / vmjs.
#
# Usage: benches/compare-graphs.sh [N] [SHAPES...]
#   N defaults to 1000; SHAPES to every shape. Node runs that take longer
#   than NODE_TIMEOUT seconds (default 300) are reported as timeouts.
set -uo pipefail
n=${1:-1000}; shift || true
shapes=("$@")
[ ${#shapes[@]} -eq 0 ] && shapes=(chain tree dag ring sccs star export-star-chain)
cd "$(dirname "$0")/.."
cargo build --release --quiet
vmjs=$PWD/target/release/vmjs
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
field() { sed -n "s/.*\"$1\":\([0-9.]*\).*/\1/p"; }
printf '%-18s %8s | %-28s | %-28s | %-28s | %s\n' shape modules \
  "vmjs native load/link/eval" "vmjs via vm load/link/eval" "node vm load/link/eval" "node/vmjs total"
for shape in "${shapes[@]}"; do
  dir=$work/$shape-$n
  "$vmjs" graph "$shape" "$n" "$dir" >/dev/null
  native=$("$vmjs" bench "$dir/main.mjs" --runs 3 --json)
  via=$("$vmjs" bench "$dir/main.mjs" --runs 1 --json --via vm)
  node=$(timeout "${NODE_TIMEOUT:-300}" node --experimental-vm-modules --no-warnings --stack-size=65500 \
    benches/node-vm-graph.mjs "$dir/main.mjs" 2>/dev/null | tail -1)
  phases() { printf '%8.1f %8.1f %8.1f ms' "$(field load_ms <<<"$1")" "$(field link_ms <<<"$1")" "$(field evaluate_ms <<<"$1")"; }
  if [ -n "$node" ]; then
    ratio=$(awk -v a="$(field total_ms <<<"$node")" -v b="$(field total_ms <<<"$native")" 'BEGIN {printf "%.1fx", a / b}')
    node_phases=$(phases "$node")
  else
    ratio="node failed or timed out"; node_phases=$(printf '%28s' '-')
  fi
  printf '%-18s %8s | %s | %s | %s | %s\n' "$shape" "$(field modules <<<"$native")" \
    "$(phases "$native")" "$(phases "$via")" "$node_phases" "$ratio"
done
