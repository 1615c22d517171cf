import str from 'str-exports';
import main from 'map-exports';
import sub from 'map-exports/sub';
import feat from 'map-exports/features/a.mjs';
import deep from 'map-exports/features/deep/b.mjs';
import js from 'map-exports/js/c';
import fallback from 'map-exports/fallback';
import nested from 'map-exports/nested';
import sugar from 'sugar-exports';
import custom from 'map-exports/custom';
import array from 'array-exports';
console.log(str, main, sub, feat, deep, js, fallback, nested, sugar, custom, array);
for (const s of ['map-exports/features/private/x.mjs', 'map-exports/missing', 'str-exports/package.json', 'map-exports/null-fallback']) {
  try { await import(s); console.log('loaded', s); }
  catch (e) { console.log(e.code); }
}
