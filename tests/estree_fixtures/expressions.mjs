a?.b.c(1)?.[d];
a?.();
function nt() { new.target; }
import.meta.url;
import("x");
`a${b}c${ (d) }e`;
tag`x\u{`;
tag`plain`;
x ??= y; x ||= 1; x &&= 2; x **= 3; x >>>= 4;
-a; +a; !a; ~a; typeof a; void a; delete a.b;
a++; --a; a && b || c; a ?? c; a ? b : c; a, b;
new A; new A(1, ...rest); new a.b.C();
[1, , ...c, d]; ({x, y: 1, [z]: 2, m() {}, get h() {}, set h(v) {}, async *g() {}, ...s, 3: 4, "s": 5});
(a => a); async (x, y) => { await x; }; async x => x; () => ({});
function* gen() { yield; yield 1; yield* gen(); }
a instanceof B; "k" in o; a == b; a != b; a === b; a !== b; a < b; a <= b; a > b; a >= b;
a << b; a >> b; a >>> b; a + b; a - b; a * b; a / b; a % b; a ** b; a | b; a ^ b; a & b;
this; null; true; false; 1e21; 0.000001; 1e-7; .5; 0x10; 0o17; 1_000; 'a\ud800'; "\x41\n";
