// A CommonJS entry: module, exports, require and Node's CommonJS resolution.
console.log(this === module.exports, module.id, typeof require, require.main === module);
console.log(__filename.endsWith('main.cjs'), __dirname === module.path, module.filename === __filename);
console.log(module.loaded, module.children.length, Array.isArray(module.paths), module.paths[0].endsWith('cjs_entry/node_modules'));
console.log(Object.keys(module).join(','), typeof require.resolve, typeof require.cache);

// Relative requires: extensions tried in order, folders with index.js.
const a = require('./lib/a');
console.log(a.name, a.fromB, require('./lib/a.js') === a, require('./lib') .index);
console.log(module.children.length, module.children[0].id.endsWith('lib/a.js'), module.children[0].loaded);

// Cycles: b sees a's partly filled exports.
console.log(require('./lib/b').sawA);

// JSON
const data = require('./lib/data');
console.log(data, require('./lib/data.json') === data);

// Packages: main, exports with the require condition, scoped, folders.
console.log(require('cjs-main'), require('cjs-main/lib/extra'));
console.log(require('cjs-exports'), require('cjs-exports/feature'));
console.log(require('@scope/dir/sub').sub);

// require.resolve and require.cache
console.log(require.resolve('./lib/a').endsWith('lib/a.js'), require.resolve('vm'), require.resolve('node:vm'));
console.log(require.resolve.paths('./x').length, require.resolve.paths('vm'));
const key = require.resolve('./lib/counter');
console.log(require('./lib/counter').count, require('./lib/counter').count);
delete require.cache[key];
console.log(require('./lib/counter').count, key in require.cache);

// Built-in modules
const vm = require('vm');
console.log(typeof vm.createContext, require('node:vm') === vm);

// Errors
for (const request of ['./nope', 'no-such-package', 'cjs-exports/hidden', 'node:nope']) {
  try {
    require(request);
  } catch (e) {
    console.log(String(e).split('\n')[0], e.code, e.requireStack);
  }
}
try {
  require('./lib/throws');
} catch (e) {
  console.log(e.message, require.resolve('./lib/throws') in require.cache);
}
try {
  require('./lib/bad.json');
} catch (e) {
  console.log(e.name, e.message.startsWith(__dirname + '/lib/bad.json: '));
}
try {
  require(42);
} catch (e) {
  console.log(String(e));
}

// module.exports replaced; exports left behind.
console.log(require('./lib/replaced')(), require('./lib/replaced').extra);

// import() from CommonJS resolves against the file.
import('./lib/esm.mjs').then((ns) => console.log('import()', ns.default, ns.x));
