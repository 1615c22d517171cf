const here = import.meta.dirname;
const show = (s) => String(s).split(here).join('<dir>');
console.log(show(import.meta.dirname), show(import.meta.filename), show(import.meta.url));
console.log(typeof import.meta.resolve, import.meta.resolve.length);
for (const s of ['pkg', 'pkg/sub', './missing.mjs', './sub', 'node:vm', 'vm', 'fs', 'node:nope', '#self', './file.txt']) {
  console.log(s, '->', show(import.meta.resolve(s)));
}
for (const s of ['nope', 'pkg/hidden', '#undefined', '@bad']) {
  try { import.meta.resolve(s); } catch (e) { console.log(s, e.code, show(e.message)); }
}
const sub = await import('./sub/inner.mjs');
console.log(show(sub.meta.dirname), show(sub.meta.filename), sub.meta.resolve('pkg') === import.meta.resolve('pkg'));
