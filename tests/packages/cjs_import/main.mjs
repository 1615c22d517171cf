// ES modules importing CommonJS: default is module.exports, named exports
// found by reading the file, evaluation in ES module order.
import * as named from './lib/named.cjs';
import legacy, { helper } from 'legacy';
import dual, * as dualNs from 'dual';
import * as transpiled from 'transpiled';
import transpiledDefault from 'transpiled';
import * as reexporter from './lib/reexport.cjs';
import * as literal from './lib/literal.js';
import order from './lib/order.cjs';
import './lib/after.mjs';
import data from './lib/data.json' with { type: 'json' };
import * as esmJs from './lib/esm-syntax.js';

console.log(named);
console.log(legacy, helper(), legacy.helper === helper);
console.log(dual, dualNs);
console.log(transpiled, transpiledDefault.default, transpiled.__esModule);
console.log(reexporter);
console.log(literal);
console.log(order, globalThis.order);
console.log(data, esmJs);
console.log(typeof require, typeof module, typeof exports, typeof __filename);
try {
  require('x');
} catch (e) {
  console.log(String(e));
}
const cycle = await import('./lib/cycle-a.cjs');
console.log(cycle.default, cycle.fromB);
const late = await import('./lib/named.cjs');
console.log(late === named);
const fromEsm = await import('./lib/require-esm.cjs');
console.log(fromEsm.default);
