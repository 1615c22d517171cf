// Import maps (HTML standard, § 8.1.5.3 "Import maps" and "resolve a module
// specifier"), run with `vmjs run --import-map importmap.json main.mjs`.
// Node has no import maps: each expected line is derived from the
// standard's steps, named in the comment; Deno gives the same results
// (`deno run --import-map importmap.json main.mjs`), except that its errors
// are worded differently.

// Resolve an imports match, step 1.1: an exact key.
import { name as utils } from 'app-utils';
// Step 1.2: the "lib/" prefix, the rest resolved against its address.
import { name as a } from 'lib/a.mjs';
// The longest key first (the map is sorted in descending order): the exact
// "lib/special.mjs" wins over the "lib/" prefix.
import { name as special } from 'lib/special.mjs';
// Resolve a module specifier, steps 7–8: a URL-like specifier matches by
// its URL, so this relative import is replaced.
import { name as replaced } from './vendor/replaced.mjs';
// Step 10: a scope applies to the modules under it.
import { name as scoped } from './scoped/inner.mjs';
// Not in the map: Node's resolution (node_modules) as without a map.
import { name as pkg } from 'pkg';
// A key mapping a bare name into a package's files.
import { name as alt } from 'pkg/alt';
// `node:` URLs are URL-like: "node:vm" is remapped like any other key.
import { name as notVm } from 'node:vm';

console.log(utils, a, special, replaced, scoped, pkg, alt, notVm);

// Dynamic import goes through the same steps.
console.log((await import('lib/b.mjs')).name);

// import.meta.resolve too (the standard's import.meta.resolve is "resolve
// a module specifier").
console.log(import.meta.resolve('lib/b.mjs').replace(/^.*\/mapped\//, '<mapped>/'));
console.log(import.meta.resolve('app-utils').replace(/^.*\/mapped\//, '<mapped>/'));

// Steps 1.1.1: a null entry blocks with a TypeError.
try {
  await import('blocked');
} catch (e) {
  console.log(e.constructor.name, e.code, e.message);
}
// Step 1.2.8: backtracking above the "lib/" prefix is blocked.
try {
  await import('lib/../main.mjs');
} catch (e) {
  console.log(e.constructor.name, e.message);
}
// A mapped URL that names no file: Node's ERR_MODULE_NOT_FOUND for it.
try {
  await import('lib/missing.mjs');
} catch (e) {
  console.log(e.code, e.message.replace(/'[^']*\/mapped\//, "'<mapped>/").replace(/ imported from .*/, ''));
}
