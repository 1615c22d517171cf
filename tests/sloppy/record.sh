#!/bin/sh
# Records the expected output of each case with Node (v20), as a classic
# script: vm.runInThisContext runs the source with script semantics (global
# `var`s, top-level `this`), unlike `node FILE.js`, which wraps the file in a
# CommonJS function.
cd "$(dirname "$0")" || exit 1
for f in *.js; do
  node -e 'const vm = require("vm"), fs = require("fs");
vm.runInThisContext(fs.readFileSync(process.argv[1], "utf8"), { filename: process.argv[1] });' "$f" > "${f%.js}.out" 2>&1
done
