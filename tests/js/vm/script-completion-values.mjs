// The completion value a script returns from vm.runInContext /
// runInThisContext, statement kind by statement kind (ECMA-262 §14, the
// UpdateEmpty steps of each statement's evaluation).
import vm from 'node:vm';

const context = vm.createContext({});
const cases = [
  'x = 1; x + 1',
  '',
  'var a = 5;',
  '7; var b = 8;',
  '7; let c1 = 8;',
  '7; function f() {}',
  '7; class K {}',
  '7; ;',
  '7; {}',
  '7; { 8; }',
  '7; if (true) {}',
  '7; if (false) 8;',
  '7; if (true) 8; else 9;',
  '7; if (false) 8; else 9;',
  '7; while (false) {}',
  '7; var i = 0; while (i < 3) { i++; }',
  '7; var j = 0; while (true) { j++; if (j > 2) break; }',
  '7; var k = 0; do { k++; 42; } while (k < 2)',
  '7; for (var n = 0; n < 3; n++) n * 10;',
  '7; for (var n2 = 0; n2 < 3; n2++) { if (n2 === 2) continue; n2 * 10; }',
  '7; for (const p in { q: 1, r: 2 }) p;',
  '7; for (const v of [1, 2, 3]) v * 2;',
  '7; for (const v of []) v;',
  '7; outer: for (;;) { 9; break outer; }',
  '7; l: { 8; break l; }',
  '7; l2: { break l2; }',
  '7; switch (1) { case 1: 10; case 2: 20; break; case 3: 30; }',
  '7; switch (3) { case 1: 10; default: 99; }',
  '7; switch (5) { case 1: 10; }',
  '7; try { 8; } catch (e) { 9; }',
  '7; try { throw 1; } catch (e) { 9; }',
  '7; try { throw 1; } catch (e) {}',
  '7; try { 8; } finally { 9; }',
  '7; try {} finally { 9; }',
  '7; do { 11; break; } while (true)',
  '7; for (var z = 0; z < 2; z++) { if (z) { break; } 12; }',
  '"a"; "b"',
  '(function () { return 3; })()',
  '7; with ({}) {}',
  '7; with ({ w: 4 }) w;',
];
for (const code of cases) {
  console.log(JSON.stringify(code), '=>', vm.runInContext(code, context));
}
console.log(vm.runInThisContext('13; if (true) { 14; }'));
console.log(new vm.Script('15').runInNewContext());
