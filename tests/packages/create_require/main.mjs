// node:module: createRequire from a file URL, a path and a folder; the
// require it makes (resolve, cache, packages); isBuiltin, builtinModules;
// the argument errors; an unknown node: built-in.
import { createRequire, isBuiltin, builtinModules } from 'node:module';
import moduleDefault from 'module';

const require = createRequire(import.meta.url);
console.log(typeof require, typeof require.resolve, typeof require.cache, require.main);
console.log(moduleDefault.createRequire === createRequire);

const pkg = require('cjs-pkg');
console.log(pkg.name, pkg.helper());
console.log(require.resolve('cjs-pkg').replace(process.cwd(), '<cwd>'));
console.log(require('./lib/helper.cjs') === require('./lib/helper.cjs'));
console.log(require('./lib/data.json').answer);

// A folder (trailing slash) stands for a file in it: lookups start there.
const fromSub = createRequire(new URL('./sub/', import.meta.url).href);
console.log(fromSub('only-in-sub').where);
try {
  require('only-in-sub');
} catch (e) {
  console.log(e.code, e.message.split('\n')[0]);
}

// An absolute path.
const fromPath = createRequire(process.cwd() + '/lib/x.js');
console.log(fromPath('./helper.cjs').kind);

for (const bad of ['relative/x.js', 42, null, 'http://example.com/x.js', {}]) {
  try {
    createRequire(bad);
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
}

console.log(isBuiltin('fs'), isBuiltin('node:fs'), isBuiltin('test'), isBuiltin('node:test'), isBuiltin('nope'));
console.log(Array.isArray(builtinModules), builtinModules.includes('vm'), builtinModules.includes('node:vm'));

// require of built-ins through it.
console.log(require('node:process') === process, require('module').createRequire === createRequire);

try {
  await import('node:nope');
} catch (e) {
  console.log(e.name, e.code, e.message);
}
try {
  require('node:nope');
} catch (e) {
  console.log(e.name, e.code, e.message);
}
