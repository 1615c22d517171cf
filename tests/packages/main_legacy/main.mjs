import withMain from 'with-main';
import noMain from 'no-main';
import file from 'with-main/lib/other.js';
import mainDir from 'main-dir';
console.log(withMain, noMain, file, mainDir);
for (const s of ['no-entry', 'with-main/lib/missing.js', 'with-main/lib']) {
  try { await import(s); } catch (e) { console.log(e.code, e.message); }
}
