import internal from '#internal';
import dep from '#dep';
import depSub from '#dep-sub/extra.mjs';
import pat from '#pat/one.js';
import cond from '#cond';
import nested from './src/nested/uses-internal.js';
console.log(internal, dep, depSub, pat, cond, nested);
for (const s of ['#missing-target', '#undefined', '#', '#/x']) {
  try { await import(s); } catch (e) { console.log(e.code, e.message); }
}
