// [[Set]] of a module namespace object fails (ECMA-262 §10.4.6.9): in
// strict code V8 names the key and the object's lack of extensibility for
// a new key, and the read-only binding for an export. Recorded with Node v20.
import * as ns from './namespace_set_dep.mjs';
for (const key of ['newProp', 'value', Symbol.iterator]) {
  try {
    ns[key] = 1;
    console.log('no error');
  } catch (e) {
    console.log(e.constructor.name, e.message);
  }
}
try {
  delete ns.value;
} catch (e) {
  console.log(e.constructor.name, e.message);
}
