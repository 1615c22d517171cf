"use strict";
'another directive';
label: for await (const [k] of ns) { continue label; }
for (let i in e) ;
for (x of y) {}
for (var i = 0, j; i < 1; i++) break;
for (;;) {}
for (x.y in z) ;
if (a) b; else if (c) { d; } else ;
while (0) ;
do x; while (0)
switch (x) { case 1: case 2: f(); break; default: g(); }
try { a; } catch ({e}) { b; } finally { c; }
try {} catch {}
throw new Error("x");
debugger;
{ let z = 1; }
function f() { "use strict"; ("not a directive"); return; }
function g() { return 1; }
