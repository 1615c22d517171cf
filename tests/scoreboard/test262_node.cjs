// Runs one test262 test under Node for tests/scoreboard/test262_builtins.rs
// (opt-in: VMJS_TEST262_NODE=/path/to/node). Usage:
//   node --expose-gc --unhandled-rejections=warn --experimental-default-type=module \
//     test262_node.cjs strict|non-strict|module TEST HARNESS_FILE...
// Defines `print` and `$262` (global, gc, createRealm, evalScript and
// detachArrayBuffer, on node:vm), then runs a script test as one script —
// `"use strict";` (strict runs only), the harness files, the test — or runs
// the harness as scripts and imports a module test.
'use strict';
const vm = require('node:vm');
const fs = require('node:fs');
const { pathToFileURL } = require('node:url');

const [, , goal, test, ...harness] = process.argv;
const hostGc = globalThis.gc;

function define(global, name, value) {
  Object.defineProperty(global, name, { value, writable: true, configurable: true, enumerable: false });
}

function install(context) {
  const run = context ? (source) => vm.runInContext(source, context) : (source) => vm.runInThisContext(source);
  const global = run('this');
  const $262 = {
    global,
    gc() {
      if (typeof hostGc !== 'function') throw new Error('gc is not exposed (--expose-gc)');
      hostGc();
    },
    createRealm() {
      return install(vm.createContext());
    },
    evalScript(source) {
      return run(String(source));
    },
    detachArrayBuffer(buffer) {
      structuredClone(buffer, { transfer: [buffer] });
    },
  };
  define(global, '$262', $262);
  define(global, 'print', (value) => console.log(String(value)));
  return $262;
}

function fail(error) {
  let text;
  try {
    text = String(error);
  } catch {
    text = 'Error: (an error that cannot be converted to a string)';
  }
  process.stderr.write(`Uncaught ${text}\n`);
  process.exit(1);
}

install(undefined);
const read = (file) => fs.readFileSync(file, 'utf8');
if (goal === 'module') {
  try {
    for (const file of harness) vm.runInThisContext(read(file), { filename: file });
  } catch (error) {
    fail(error);
  }
  import(pathToFileURL(test).href).catch(fail);
} else {
  const prologue = goal === 'strict' ? ['"use strict";'] : [];
  const source = [...prologue, ...harness.map(read), read(test)].join('\n');
  try {
    vm.runInThisContext(source, { filename: test });
  } catch (error) {
    fail(error);
  }
}
