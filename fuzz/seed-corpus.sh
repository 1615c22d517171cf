#!/usr/bin/env bash
# Copies seed inputs for the byte-level targets (parse, run) into
# fuzz/corpus/<target>/ from test262's language tests (every 12th file, so a
# few thousand) and the conformance programs in ../shared/conformance.
# The corpora are made at run time and never committed (fuzz/.gitignore).
# The structure-aware targets (module_graph, vm_api) start from nothing:
# their inputs are `arbitrary` bytes, not JavaScript.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
shared=${SHARED:-$here/../../shared}
[ -d "$shared/test262" ] || shared=/work/shared
for target in parse run; do
  mkdir -p "$here/corpus/$target"
done
n=0
find "$shared/test262/test/language" -name '*.js' ! -name '*_FIXTURE.js' | sort | awk 'NR % 12 == 0' |
  while read -r f; do
    name=t262-$(echo "$f" | sha1sum | cut -c1-16)
    cp "$f" "$here/corpus/parse/$name"
    cp "$f" "$here/corpus/run/$name"
  done
find "$shared/conformance" -type f \( -name '*.mjs' -o -name '*.js' \) | sort |
  while read -r f; do
    name=conf-$(echo "$f" | sha1sum | cut -c1-16)
    cp "$f" "$here/corpus/parse/$name"
    cp "$f" "$here/corpus/run/$name"
  done
for target in parse run; do
  echo "$target: $(ls "$here/corpus/$target" | wc -l) seeds"
done
