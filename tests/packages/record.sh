#!/bin/sh
# Records each case's expected output from Node (run from tests/packages):
#   ./record.sh [CASE...]
# expected.stdout and expected.status are Node's, with the case's absolute
# folder written as <dir>; expected.stderr is the `Error [CODE]: …` line of
# an uncaught error (or a CommonJS `Error: Cannot find module …`). The
# entry is main.mjs, or main.cjs for a CommonJS entry. Symbolic links listed in a case's `symlinks` file
# (`LINK TARGET` per line) are made first, as the test does.
set -e
cd "$(dirname "$0")"
node --version
for case in ${*:-*/}; do
  case=${case%/}
  entry=main.mjs
  [ -f "$case/main.cjs" ] && entry=main.cjs
  [ -f "$case/$entry" ] || continue
  dir=$(cd "$case" && pwd -P)
  if [ -f "$case/symlinks" ]; then
    while read -r link target; do
      rm -f "$case/$link"; mkdir -p "$(dirname "$case/$link")"; ln -s "$target" "$case/$link"
    done < "$case/symlinks"
  fi
  args=$( [ -f "$case/args" ] && cat "$case/args" || true )
  set +e
  (cd "$case" && node $args $entry) > "$case/expected.stdout.raw" 2> "$case/stderr.raw"
  echo $? > "$case/expected.status"
  set -e
  sed "s#$dir#<dir>#g" "$case/expected.stdout.raw" > "$case/expected.stdout"
  grep -E '^(Type)?Error( \[ERR_|: Cannot find module)' "$case/stderr.raw" | sed "s#$dir#<dir>#g" > "$case/expected.stderr"
  [ -s "$case/expected.stderr" ] || rm -f "$case/expected.stderr"
  rm -f "$case/expected.stdout.raw" "$case/stderr.raw"
  echo "$case: status $(cat "$case/expected.status")"
done
