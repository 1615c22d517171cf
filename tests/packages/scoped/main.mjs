import a from '@scope/pkg';
import b from '@scope/pkg/sub';
import c from '@scope/legacy/file.mjs';
console.log(a, b, c);
for (const s of ['@scope', '@scope/', '@scope/missing']) {
  try { await import(s); } catch (e) { console.log(e.code, e.message); }
}
