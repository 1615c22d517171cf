#!/usr/bin/env bash
# Loads real npm package graphs with vmjs and with Node's own ES module
# loader in the same run, and prints the median time each takes to load,
# link and evaluate the graph, and their ratio.
#
# The packages (pinned below) are installed with npm into a scratch folder
# outside the repository (default: $TMPDIR/vmjs-packages-bench, kept between
# runs). Without npm or the registry the script says so and exits 0.
#
# vmjs: `vmjs bench ENTRY --json` (a fresh runtime per run; total_ms is
# load + parse + link + evaluate). Node: a fresh `node` process per run whose
# driver times `await import(ENTRY)` with performance.now(), so process
# start-up is not counted on either side. Each entry's output under
# `vmjs run` and `node` is compared first; a mismatch is reported.
#
# Usage: benches/compare_packages.sh [RUNS] [SCRATCH]   (default 5 runs)
set -euo pipefail
runs=${1:-5}
scratch=${2:-${TMPDIR:-/tmp}/vmjs-packages-bench}
cd "$(dirname "$0")/.."
repo=$PWD

if ! command -v npm >/dev/null || ! command -v node >/dev/null; then
  echo "compare_packages: npm and node are needed; skipping" >&2
  exit 0
fi

# Pinned versions: the figures stay comparable across runs.
packages=(lodash-es@4.17.21 lodash@4.17.21 three@0.170.0 d3@7.9.0 preact@10.25.4
  date-fns@4.1.0 rxjs@7.8.1)

mkdir -p "$scratch"
stamp="$scratch/.installed"
if [ "$(cat "$stamp" 2>/dev/null)" != "${packages[*]}" ]; then
  (cd "$scratch" && { [ -f package.json ] || echo '{"private":true}' >package.json; } &&
    npm install --no-audit --no-fund --silent "${packages[@]}" >/dev/null 2>&1) || {
    echo "compare_packages: npm install failed (registry unreachable?); skipping" >&2
    exit 0
  }
  echo "${packages[*]}" >"$stamp"
fi

# One entry per graph: import the package, touch a few exports, print a line.
write() { printf '%s\n' "$2" >"$scratch/$1"; }
write lodash-es.mjs "import * as _ from 'lodash-es';
console.log(Object.keys(_).length, _.chunk([1, 2, 3, 4, 5], 2).length, _.camelCase('foo bar'));"
write three-src.mjs "import * as THREE from 'three/src/Three.js';
console.log(Object.keys(THREE).length, new THREE.Vector3(3, 4, 12).length());"
write d3.mjs "import * as d3 from 'd3';
console.log(Object.keys(d3).length, d3.scaleLinear().domain([0, 10]).range([0, 100])(5));"
write preact.mjs "import { h, render, Component } from 'preact';
import { useState } from 'preact/hooks';
console.log(typeof h, typeof render, typeof Component, typeof useState, h('p', null, 'x').type);"
write date-fns.mjs "import * as df from 'date-fns';
console.log(Object.keys(df).length, df.format(new Date(2020, 0, 2), 'yyyy-MM-dd'));"
write lodash-cjs.mjs "import _ from 'lodash';
console.log(typeof _.chunk, _.chunk([1, 2, 3], 2).length, _.VERSION);"
write rxjs-cjs.mjs "import { of, map, toArray, lastValueFrom } from 'rxjs';
console.log(await lastValueFrom(of(1, 2, 3).pipe(map((x) => x * 2), toArray())));"
cat >"$scratch/node-driver.mjs" <<'JS'
// Times Node's own loader on one entry: resolve, load, link, evaluate.
import { pathToFileURL } from 'node:url';
const url = pathToFileURL(process.argv[2]).href;
const log = console.log;
console.log = () => {};
const start = performance.now();
await import(url);
const ms = performance.now() - start;
console.log = log;
console.log(ms.toFixed(3));
JS

cargo build --release --quiet
vmjs=$repo/target/release/vmjs

median() { sort -n | awk '{a[NR]=$1} END {if (NR % 2) print a[(NR+1)/2]; else printf "%.3f\n", (a[NR/2] + a[NR/2+1]) / 2}'; }

printf '%-14s %8s %5s %9s %9s %9s %8s\n' graph modules cjs vmjs_ms resolve node_ms ratio
for name in lodash-es three-src d3 preact date-fns lodash-cjs rxjs-cjs; do
  entry="$scratch/$name.mjs"
  note=""
  expected=$(cd "$scratch" && node "$entry" 2>&1 || true)
  actual=$(cd "$scratch" && "$vmjs" run "$entry" 2>&1 || true)
  [ "$expected" = "$actual" ] || note="  (outputs differ: node '$expected', vmjs '$actual')"
  json=$("$vmjs" bench "$entry" --runs "$runs" --json 2>&1) || {
    printf '%-14s failed: %s\n' "$name" "$json"
    continue
  }
  field() { printf '%s' "$json" | sed -n "s/.*\"$1\":\([0-9.]*\).*/\1/p"; }
  v=$(field total_ms)
  n=$(for _ in $(seq "$runs"); do node "$scratch/node-driver.mjs" "$entry"; done | median)
  ratio=$(awk -v a="$v" -v b="$n" 'BEGIN {printf "%.2f", a / b}')
  printf '%-14s %8s %5s %9.1f %9.1f %9.1f %8s%s\n' "$name" "$(field modules)" \
    "$(field commonjs_modules)" "$v" "$(field resolve_ms)" "$n" "$ratio" "$note"
done
